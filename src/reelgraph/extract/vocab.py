"""Domain vocabularies, loaded once from ``data/*.json`` and compiled into lookups.

Everything the rules know about the trade (festivals with sections and prizes, territories,
role words, job titles, deal verbs, company cues, film nouns) comes from here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files("reelgraph.extract").joinpath("data", name).read_text("utf-8"))


@cache
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern kept for the whole run: the rules build a few patterns from data at
    run time (a festival's sections, the film nouns), more than ``re``'s own cache holds, and
    compiling them again per sentence cost a third of the extraction time."""
    return re.compile(pattern, flags)


def alternation(words: list[str] | set[str], boundary: bool = True) -> str:
    """A regex alternation of literal words, longest first, optionally word-bounded."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)
    return rf"(?<![\w-])(?:{body})(?![\w-])" if boundary else f"(?:{body})"


@dataclass(frozen=True)
class Festival:
    name: str
    aliases: tuple[str, ...]
    city_name: str
    unambiguous: bool
    sections: tuple[str, ...]
    prizes: tuple[str, ...]
    month: int | None = None  # when it usually runs


@dataclass
class Vocab:
    festivals: list[Festival]
    festival_by_alias: dict[str, Festival]
    countries: dict[str, str]  # any spelling -> English short name
    regions: dict[str, str]
    adjectives: dict[str, str]
    cities: set[str]
    lexicon: dict[str, Any]

    def territory(self, text: str) -> str | None:
        """Canonical territory for a spelling ("U.S." -> "United States"), or None."""
        key = text.strip()
        for table in (self.countries, self.regions):
            if key in table:
                return table[key]
        lowered = {k.lower(): v for k, v in self.regions.items()}
        return lowered.get(key.lower())


@cache
def vocab() -> Vocab:
    fest_data = _load("festivals.json")["festivals"]
    festivals = [
        Festival(f["name"], tuple(f["aliases"]), f["city_name"], bool(f.get("unambiguous")),
                 tuple(f["sections"]), tuple(f["prizes"]), f.get("month"))
        for f in fest_data
    ]
    by_alias = {alias: fest for fest in festivals for alias in fest.aliases}
    terr = _load("territories.json")
    countries = {alias: name for name, aliases in terr["countries"].items() for alias in [name, *aliases]}
    regions = {alias: name for name, aliases in terr["regions"].items() for alias in [name, *aliases]}
    return Vocab(festivals, by_alias, countries, regions, terr["adjectives"], set(terr["cities"]),
                 _load("lexicon.json"))


@cache
def english_words() -> frozenset[str]:
    """Lowercase English words (``data/english_words.txt``, built by ``scripts/build_english_words.py``):
    what tells an English word after a title from a foreign title's own lowercase words."""
    text = resources.files("reelgraph.extract").joinpath("data", "english_words.txt").read_text("utf-8")
    return frozenset(text.split())
