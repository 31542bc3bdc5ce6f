"""A tiny line-based extractor for the store tests (the real one needs spaCy and a model).

One sentence per line; each line shape below gives facts with exact evidence offsets.  A
line containing EXPLODE makes extraction fail (to test that a failing article is skipped);
``REELGRAPH_TEST_DELAY`` (seconds) slows each article down (to kill a run midway).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator

from reelgraph.model import Article, Evidence, Extraction, Fact

PATTERNS: list[tuple[re.Pattern[str], str, dict[str, str]]] = [
    (re.compile(r"^(?P<film>.+?) \((?P<year>\d{4})\) is directed by (?P<person>[^.]+)\.$"), "credit",
     {"role": "director"}),
    (re.compile(r"^(?P<company>.+?) bought (?P<territory>.+?) rights to (?P<film>.+?)\.$"), "deal",
     {"rights": "distribution"}),
    (re.compile(r"^(?P<company>.+?) handles world sales on (?P<film>.+?)\.$"), "deal",
     {"rights": "sales", "territory": "worldwide"}),
    (re.compile(r"^(?P<film>.+?) screens in (?P<section>.+?) at (?P<festival>.+?) (?P<year>\d{4})\.$"),
     "selection", {}),
    (re.compile(r"^(?P<subject>.+?) won the (?P<award>.+?) at (?P<festival>.+?) (?P<year>\d{4})\.$"), "award",
     {"outcome": "won"}),
    (re.compile(r"^(?P<person>.+?) stars in (?P<film>.+?) as (?P<character>.+?)\.$"), "credit", {"role": "cast"}),
    (re.compile(r"^(?P<person>.+?), CEO of (?P<company>.+?), said so\.$"), "position", {"title": "CEO"}),
    (re.compile(r"^(?P<company>.+?) is based in (?P<place>.+?)\.$"), "based_in", {}),
]


def line_facts(line: str, start: int) -> list[Fact]:
    facts = []
    evidence = Evidence(line, start, start + len(line))
    for pattern, ftype, extra in PATTERNS:
        match = pattern.match(line)
        if not match:
            continue
        fields = {k: (int(v) if k == "year" else v) for k, v in match.groupdict().items()}
        if ftype == "credit" and "year" in fields:
            facts.append(Fact("film_year", {"film": fields["film"], "year": fields.pop("year")}, evidence, 0.9))
        facts.append(Fact(ftype, {**fields, **extra}, evidence, 0.9))
    return facts


def extract(article: Article) -> Extraction:
    if "EXPLODE" in article.text:
        raise RuntimeError("the extractor cannot read this article")
    facts: list[Fact] = []
    offset = 0
    for line in article.text.split("\n"):
        facts.extend(line_facts(line, offset))
        offset += len(line) + 1
    return Extraction(article, facts)


class RulesExtractor:
    """Same interface as ``reelgraph.extract.Extractor``."""

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        delay = float(os.environ.get("REELGRAPH_TEST_DELAY", "0") or 0)
        for article in articles:
            if delay:
                time.sleep(delay)
            yield extract(article)
