"""The in-memory index of known entities, one ``KindIndex`` per kind.

Every lookup is a dict access by key (base key, kind key, person surname + initial, person
token set); fuzzy search (rapidfuzz) runs only over a *blocking bucket*:

* films, companies, festivals, places: names with the same first character of their kind key
  and a length that could reach the kind's threshold at all;
* persons: names with the same folded given names and surname initial; only the surname is
  compared.

So a lookup costs the same with 1,000 or 100,000 known entities, bar bucket sizes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reelgraph.model import Entity
from reelgraph.resolve.keys import base_key, kind_key, parse_person


@dataclass(frozen=True)
class FuzzyPolicy:
    """A fuzzy match needs ``fuzz.ratio >= threshold`` on the compared key, whose length must be
    at least ``min_length`` (short names are never fuzzily linked)."""

    threshold: float
    min_length: int


# Films, companies, festivals, places compare whole kind keys; persons compare surnames only,
# given names must agree exactly (after transliteration folding).
FUZZY_POLICIES: dict[str, FuzzyPolicy] = {
    "film": FuzzyPolicy(90.0, 8),
    "person": FuzzyPolicy(88.0, 5),
    "company": FuzzyPolicy(92.0, 6),
    "festival": FuzzyPolicy(90.0, 8),
    "place": FuzzyPolicy(92.0, 7),
}


@dataclass
class Record:
    """What the resolver knows of one entity."""

    id: int
    kind: str
    name: str
    year: int | None = None
    names: list[str] = field(default_factory=list)  # name and aliases
    base_keys: set[str] = field(default_factory=set)
    kind_keys: set[str] = field(default_factory=set)
    blocked_base: set[str] = field(default_factory=set)
    blocked_kind: set[str] = field(default_factory=set)
    directors: set[int] = field(default_factory=set)  # films: person ids credited as director

    def blocks(self, base: str, kkey: str) -> bool:
        """True when a name with these keys was ruled out for this entity."""
        if base in self.blocked_base:
            return True
        return kkey in self.blocked_kind and kkey not in self.kind_keys


def _length_range(length: int, threshold: float) -> range:
    """Lengths of strings that can reach ``fuzz.ratio >= threshold`` against one of ``length``."""
    t = threshold / 100.0
    low = math.ceil(length * t / (2 - t))
    high = math.floor(length * (2 - t) / t)
    return range(max(1, low), high + 1)


class KindIndex:
    """Entities of one kind, by key."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.policy = FUZZY_POLICIES[kind]
        self.records: dict[int, Record] = {}
        self.by_base: dict[str, set[int]] = {}
        self.by_kind: dict[str, set[int]] = {}
        # fuzzy buckets: (first char, length) -> parallel lists of keys and ids
        self._buckets: dict[tuple[str, int], tuple[list[str], list[int]]] = {}

    # --- building ------------------------------------------------------------------------

    def add(self, entity: Entity, entity_id: int) -> Record:
        record = self.records.get(entity_id)
        if record is None:
            record = Record(entity_id, self.kind, entity.name, entity.year)
            self.records[entity_id] = record
        elif record.year is None:
            record.year = entity.year
        for name in entity.blocked:
            record.blocked_base.add(base_key(name))
            record.blocked_kind.add(kind_key(self.kind, name))
        for name in [entity.name, *entity.aliases]:
            self.add_name(entity_id, name)
        return record

    def add_name(self, entity_id: int, name: str) -> None:
        """Index one more spelling of a known entity (no-op if blocked or already known)."""
        record = self.records[entity_id]
        base, kkey = base_key(name), kind_key(self.kind, name)
        if not base or record.blocks(base, kkey) or name in record.names:
            return
        record.names.append(name)
        if base not in record.base_keys:
            record.base_keys.add(base)
            self.by_base.setdefault(base, set()).add(entity_id)
        if kkey not in record.kind_keys:
            record.kind_keys.add(kkey)
            self.by_kind.setdefault(kkey, set()).add(entity_id)
            self._add_fuzzy(entity_id, name, kkey)

    def _add_fuzzy(self, entity_id: int, name: str, kkey: str) -> None:
        if len(kkey) >= self.policy.min_length:
            keys, ids = self._buckets.setdefault((kkey[0], len(kkey)), ([], []))
            keys.append(kkey)
            ids.append(entity_id)

    def remove(self, entity_id: int) -> Record | None:
        """Forget an entity (after a merge); returns its record."""
        record = self.records.pop(entity_id, None)
        if record is None:
            return None
        for key in record.base_keys:
            self._discard(self.by_base, key, entity_id)
        for key in record.kind_keys:
            self._discard(self.by_kind, key, entity_id)
            self._remove_fuzzy(entity_id, record, key)
        return record

    def _remove_fuzzy(self, entity_id: int, record: Record, kkey: str) -> None:
        bucket = self._buckets.get((kkey[0], len(kkey))) if kkey else None
        if bucket:
            keys, ids = bucket
            for i in range(len(ids) - 1, -1, -1):
                if ids[i] == entity_id:
                    del keys[i], ids[i]

    @staticmethod
    def _discard(table: dict[str, set[int]], key: str, entity_id: int) -> None:
        ids = table.get(key)
        if ids is not None:
            ids.discard(entity_id)
            if not ids:
                del table[key]

    # --- lookups -------------------------------------------------------------------------

    def _allowed(self, ids: Iterable[int], base: str, kkey: str) -> list[int]:
        return sorted(i for i in ids if not self.records[i].blocks(base, kkey))

    def by_base_key(self, name: str) -> list[int]:
        base, kkey = base_key(name), kind_key(self.kind, name)
        return self._allowed(self.by_base.get(base, ()), base, kkey)

    def by_kind_key(self, name: str) -> list[int]:
        base, kkey = base_key(name), kind_key(self.kind, name)
        return self._allowed(self.by_kind.get(kkey, ()), base, kkey)

    def fuzzy(self, name: str, limit: int = 5) -> list[tuple[int, float, str]]:
        """(id, score, matched key) of names within the fuzzy threshold, best first."""
        base, kkey = base_key(name), kind_key(self.kind, name)
        if len(kkey) < self.policy.min_length:
            return []
        found: dict[int, tuple[float, str]] = {}
        for length in _length_range(len(kkey), self.policy.threshold):
            bucket = self._buckets.get((kkey[0], length))
            if not bucket:
                continue
            keys, ids = bucket
            for key, score, pos in process.extract(
                kkey, keys, scorer=fuzz.ratio, score_cutoff=self.policy.threshold, limit=limit
            ):
                entity_id = ids[pos]
                if key == kkey or self.records[entity_id].blocks(base, kkey):
                    continue
                if score > found.get(entity_id, (-1.0, ""))[0]:
                    found[entity_id] = (score, key)
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
        return [(i, s, k) for i, (s, k) in ranked[:limit]]


class PersonIndex(KindIndex):
    """Persons, plus lookups by surname + first initial, by surname alone, by the set of name
    tokens (name order), and fuzzy surnames among people with the same given names."""

    def __init__(self) -> None:
        super().__init__("person")
        self.full_by_initial: dict[tuple[str, str], set[int]] = {}  # names with given names
        self.initials_only: dict[tuple[str, str], set[int]] = {}  # names like "J. Smith"
        self.by_surname: dict[str, set[int]] = {}  # full names only
        self.by_tokens: dict[str, set[int]] = {}
        self._surnames: dict[tuple[str, str], tuple[list[str], list[int]]] = {}

    def _add_fuzzy(self, entity_id: int, name: str, kkey: str) -> None:
        person = parse_person(name)
        if not person.surname:
            return
        token_key = " ".join(sorted(person.given + person.surname))
        self.by_tokens.setdefault(token_key, set()).add(entity_id)
        initial_key = (person.surname_key, person.first_initial)
        if not person.given:
            return
        if person.initials:
            self.initials_only.setdefault(initial_key, set()).add(entity_id)
            return
        self.full_by_initial.setdefault(initial_key, set()).add(entity_id)
        self.by_surname.setdefault(person.surname_key, set()).add(entity_id)
        if len(person.surname_key) >= self.policy.min_length:
            bucket_key = (" ".join(person.given), person.surname_key[0])
            keys, ids = self._surnames.setdefault(bucket_key, ([], []))
            keys.append(person.surname_key)
            ids.append(entity_id)

    def _remove_fuzzy(self, entity_id: int, record: Record, kkey: str) -> None:
        # Merges are rare: a scan of the person tables is fine here.
        for table in (self.full_by_initial, self.initials_only, self.by_surname, self.by_tokens):
            for ids in table.values():
                ids.discard(entity_id)
        for keys, ids in self._surnames.values():
            for i in range(len(ids) - 1, -1, -1):
                if ids[i] == entity_id:
                    del keys[i], ids[i]

    def _person_allowed(self, ids: Iterable[int], name: str) -> list[int]:
        return self._allowed(ids, base_key(name), kind_key("person", name))

    def full_names_for_initial(self, name: str) -> list[int]:
        """Entities with a full name matching "J. Smith" (same surname, same first initial)."""
        person = parse_person(name)
        ids = self.full_by_initial.get((person.surname_key, person.first_initial), ())
        return self._person_allowed(ids, name)

    def initials_for_full_name(self, name: str) -> list[int]:
        """Entities known only as "J. Smith" that the full name "John Smith" could be."""
        person = parse_person(name)
        ids = self.initials_only.get((person.surname_key, person.first_initial), ())
        return self._person_allowed([i for i in ids if not self._has_full_name(i)], name)

    def _has_full_name(self, entity_id: int) -> bool:
        return any(not parse_person(n).initials for n in self.records[entity_id].names)

    def by_surname_only(self, name: str) -> list[int]:
        return self._person_allowed(self.by_surname.get(parse_person(name).surname_key, ()), name)

    def by_token_set(self, name: str) -> list[int]:
        person = parse_person(name)
        token_key = " ".join(sorted(person.given + person.surname))
        return self._person_allowed(self.by_tokens.get(token_key, ()), name)

    def fuzzy(self, name: str, limit: int = 5) -> list[tuple[int, float, str]]:
        person = parse_person(name)
        if person.initials or not person.given or len(person.surname_key) < self.policy.min_length:
            return []
        bucket = self._surnames.get((" ".join(person.given), person.surname_key[0]))
        if not bucket:
            return []
        base, kkey = base_key(name), kind_key("person", name)
        keys, ids = bucket
        found: dict[int, tuple[float, str]] = {}
        for key, score, pos in process.extract(
            person.surname_key, keys, scorer=fuzz.ratio, score_cutoff=self.policy.threshold, limit=limit
        ):
            entity_id = ids[pos]
            if key == person.surname_key or self.records[entity_id].blocks(base, kkey):
                continue
            if score > found.get(entity_id, (-1.0, ""))[0]:
                found[entity_id] = (score, key)
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
        return [(i, s, k) for i, (s, k) in ranked[:limit]]


def make_index(kind: str) -> KindIndex:
    return PersonIndex() if kind == "person" else KindIndex(kind)
