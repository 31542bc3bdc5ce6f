"""The shared vocabulary of the pipeline: plain, typed records that flow one way.

sources -> ``Article``; extract -> ``Extraction`` (an article and its ``Fact``s, each with
``Evidence``); resolve -> ``ResolvedArticle`` (facts whose names point at ``Entity`` ids);
store keeps them; web and cli read them back.  Nothing here knows spaCy or SQL.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Fact types and the fields that identify a fact (its key), as in shared/eval/SCHEMA.md.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "credit": ("film", "person", "role"),
    "deal": ("film", "company", "territory"),
    "selection": ("film", "festival", "year"),
    "award": ("subject", "award", "outcome"),
    "position": ("person", "company"),
    "based_in": ("company", "place"),
    "film_year": ("film", "year"),
    "alias": ("film", "person", "company", "alias"),
    "film_attribute": ("film", "attribute", "value"),
    "quote": ("person", "text"),
}
SCORED_TYPES = ("credit", "deal", "selection", "award", "position", "based_in", "film_year")

# Which fact fields name an entity, and of which kind.  "subject" of an award is a film or
# a person; resolve decides which.
ENTITY_KINDS = ("film", "person", "company", "festival", "place")
ENTITY_FIELDS: dict[str, str] = {
    "film": "film",
    "person": "person",
    "company": "company",
    "seller": "company",
    "festival": "festival",
    "place": "place",
    "territory": "place",
    "subject": "film|person",
}

CREDIT_ROLES = (
    "director", "writer", "producer", "executive_producer", "cast",
    "composer", "cinematographer", "editor",
)
DEAL_RIGHTS = ("sales", "distribution", "remake", "other")
AWARD_OUTCOMES = ("won", "nominated")


def normalize_text(text: str) -> str:
    """Normalise article text for identity hashing: Unicode NFC, unified line ends,
    trailing white space dropped.  Re-ingesting the same article hashes the same."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key for names: accents stripped, case folded, punctuation removed,
    a leading "the" dropped ("The Square" and "Square" compare equal)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("’", "'").replace(".", "")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class Article:
    """One document from a source: its text and whatever metadata the source gave."""

    id: str
    text: str
    source: str = ""  # file path, feed path or corpus path:line it came from
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 date ("2020-09-03") when known
    author: str | None = None
    language: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity of the article's text: sha256 of the normalised text."""
        return hashlib.sha256(normalize_text(self.text).encode("utf-8")).hexdigest()

    @property
    def year(self) -> int | None:
        if self.date and re.match(r"\d{4}", self.date):
            return int(self.date[:4])
        return None


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence, and its character offsets in ``Article.text``."""

    sentence: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass
class Fact:
    """One extracted fact.  ``fields`` holds the schema fields of its ``type``
    (e.g. film, person, role, character for a credit); ``None`` means not stated."""

    type: str
    fields: dict[str, Any]
    evidence: Evidence
    confidence: float = 0.8

    def key(self) -> tuple[Any, ...]:
        """Identity of the fact within an article: type plus normalised key fields."""
        values = []
        for name in KEY_FIELDS.get(self.type, ()):
            value = self.fields.get(name)
            values.append(name_key(value) if isinstance(value, str) else value)
        return (self.type, *values)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        data.update({k: v for k, v in self.fields.items() if v is not None})
        data["evidence"] = self.evidence.to_json()
        data["confidence"] = round(self.confidence, 3)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        data = dict(data)
        ftype = data.pop("type")
        ev = data.pop("evidence", None) or {"sentence": "", "start": 0, "end": 0}
        confidence = float(data.pop("confidence", 0.8))
        return cls(ftype, data, Evidence(ev["sentence"], int(ev["start"]), int(ev["end"])), confidence)


@dataclass
class Extraction:
    """The extract stage's output for one article."""

    article: Article
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.article.id, "facts": [f.to_json() for f in self.facts]}


@dataclass
class Entity:
    """A film, person, company, festival or place, with a stable id across articles."""

    id: int | None
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    year: int | None = None  # films: the release year when known, to tell same-title films apart
    flags: list[str] = field(default_factory=list)  # e.g. "typo-alias"
    # Names a correction (split) ruled out: the resolver must never link these to this entity.
    blocked: list[str] = field(default_factory=list)


@dataclass
class ResolvedFact:
    """A fact whose entity fields are linked: ``entity_ids`` maps a field name
    ("film", "person", ...) to the id of the entity it names.  A negative id ``-k`` is
    provisional: it names ``ResolvedArticle.new_entities[k - 1]``, which the store inserts
    and gives a real id."""

    fact: Fact
    entity_ids: dict[str, int] = field(default_factory=dict)


@dataclass
class NameLink:
    """A spelling linked to an entity other than by exact name, with the reason
    ("surname of Andrei Konchalovsky", "typo of Dear Comrades (edit distance 1)").
    ``flagged`` marks links a person should check (typos, fuzzy matches)."""

    entity_id: int  # may be provisional (negative), as in ResolvedFact
    name: str
    reason: str
    flagged: bool = False


@dataclass
class Merge:
    """A record that two entities were judged one, and why (reversible by split)."""

    kept_id: int
    merged_id: int
    reason: str


@dataclass
class ResolvedArticle:
    """The resolve stage's output: what the store needs to write one article atomically."""

    article: Article
    facts: list[ResolvedFact]
    new_entities: list[Entity] = field(default_factory=list)  # ids -1, -2, ... (provisional)
    links: list[NameLink] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
