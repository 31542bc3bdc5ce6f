"""``Resolver``: names of an ``Extraction`` to entity ids, within and across articles.

Per name, first match wins (see ``docs/resolve.md``):

1. the same name earlier in this article (by kind key) -> the same id;
2. a known name or alias with the same **base key** (case, accents, quotes, "The", "&") -> no link;
3. the same **kind key** (transliteration, legal suffixes, festival/place synonyms) -> unflagged link;
4. persons only: initials ("J. Smith" -> the one John Smith), full name of an initials-only
   entity (flagged), surname alone (flagged), name order (flagged), all only when unique;
5. fuzzy match inside the blocking bucket, above the kind's threshold -> flagged link;
6. else a new provisional entity (-1, -2, ...).

Films with several candidates are told apart by year and director; a title whose article gives
both a different year and a different director than every known film of that title is a new
film.  Names in an entity's ``blocked`` list never match it; kinds never mix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from reelgraph.model import (
    ENTITY_FIELDS,
    Entity,
    Extraction,
    Fact,
    Merge,
    NameLink,
    ResolvedArticle,
    ResolvedFact,
)
from reelgraph.resolve.index import KindIndex, PersonIndex, Record, make_index
from reelgraph.resolve.keys import (
    KIND_KEY_REASONS,
    base_key,
    canonical_name,
    clean_name,
    film_key,
    kind_key,
    load_data,
    number_tokens,
    parse_person,
    split_title_year,
)

KINDS = ("person", "company", "festival", "place", "film")  # films last: they need directors
ALIAS_KINDS = ("film", "person", "company", "festival", "place")
SHARED_TITLE_FLAG = "shared-title"  # a new film whose title a known film already has
TYPO_FLAG = "typo-alias"  # a new entity with a spelling that looks like a typo of it


def looks_like_typo(a: str, b: str) -> tuple[bool, int]:
    """Whether spelling ``b`` looks like a typo of ``a``: base keys within edit distance 2
    and at most a fifth of the length apart.  Returns (typo?, distance)."""
    ka, kb = base_key(a), base_key(b)
    distance = Levenshtein.distance(ka, kb)
    return (0 < distance <= 2 and distance * 5 <= max(len(ka), len(kb))), distance


def tokens_typo_close(a: str, b: str) -> bool:
    """Same number of words, and each word equal to or a typo of its counterpart (edit
    distance at most 2 and at most a third of the word): a fuzzy match may fix typos, never
    swap, add or drop a word."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    for x, y in zip(words_a, words_b, strict=True):
        if x != y:
            distance = Levenshtein.distance(x, y)
            if distance > 2 or distance * 3 > max(len(x), len(y)):
                return False
    return True


@dataclass
class _Match:
    """A name matched to an entity, and the link to record when the spelling is new."""

    entity_id: int
    reason: str | None = None
    flagged: bool = False


@dataclass
class _FilmContext:
    year: int | None = None
    directors: set[int] = field(default_factory=set)


@dataclass
class _Article:
    """Working state while one article is resolved."""

    extraction: Extraction
    new_entities: list[Entity] = field(default_factory=list)
    local: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, kind key) -> id
    links: list[NameLink] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    linked: set[tuple[int, str]] = field(default_factory=set)
    film_context: dict[str, _FilmContext] = field(default_factory=dict)

    def new_entity(self, kind: str, name: str, year: int | None = None) -> int:
        provisional = -(len(self.new_entities) + 1)
        self.new_entities.append(Entity(provisional, kind, canonical_name(kind, name), year=year))
        return provisional

    def link(self, entity_id: int, name: str, reason: str, flagged: bool) -> None:
        key = (entity_id, base_key(name))
        if key not in self.linked:
            self.linked.add(key)
            self.links.append(NameLink(entity_id, clean_name(name), reason, flagged))


class Resolver:
    """Resolves extractions against the known entities and learns from what the store wrote.

    ``Resolver(store.entities())``, then per article ``resolve(extraction)`` ->
    ``ResolvedArticle``, ``store.write_article(...)`` -> ``{provisional id: real id}``,
    ``register(resolved, ids)``.  ``film_directors`` optionally maps known film ids to the
    person ids credited as their directors (used to tell same-title films apart).
    """

    def __init__(
        self,
        entities: Iterable[Entity] = (),
        film_directors: dict[int, Iterable[int]] | None = None,
    ) -> None:
        self.indexes: dict[str, KindIndex] = {kind: make_index(kind) for kind in ALIAS_KINDS}
        self.kind_of: dict[int, str] = {}
        for entity in entities:
            self.add_entity(entity)
        for film_id, people in (film_directors or {}).items():
            record = self.indexes["film"].records.get(film_id)
            if record is not None:
                record.directors.update(people)

    # --- learning ------------------------------------------------------------------------

    def add_entity(self, entity: Entity) -> None:
        """Index one known entity (id must be real)."""
        if entity.id is None or entity.kind not in self.indexes:
            return
        self.indexes[entity.kind].add(entity, entity.id)
        self.kind_of[entity.id] = entity.kind

    def register(self, resolved: ResolvedArticle, ids: dict[int, int]) -> None:
        """Learn what the store wrote: new entities under their real ids, linked spellings,
        merges, film years and directors."""

        def real(entity_id: int) -> int | None:
            return entity_id if entity_id > 0 else ids.get(entity_id)

        for position, entity in enumerate(resolved.new_entities, start=1):
            real_id = ids.get(-position)
            if real_id is not None:
                self.add_entity(
                    Entity(
                        real_id,
                        entity.kind,
                        entity.name,
                        list(entity.aliases),
                        entity.year,
                        list(entity.flags),
                        list(entity.blocked),
                    )
                )
        for link in resolved.links:
            real_id = real(link.entity_id)
            kind = self.kind_of.get(real_id) if real_id is not None else None
            if kind is not None:
                self.indexes[kind].add_name(real_id, link.name)
        for merge in resolved.merges:
            self._merge(real(merge.kept_id), real(merge.merged_id))
        films = self.indexes["film"]
        for rfact in resolved.facts:
            fields = rfact.fact.fields
            if "film" not in rfact.entity_ids:
                continue
            film_id = real(rfact.entity_ids["film"])
            record = films.records.get(film_id) if film_id is not None else None
            if record is None:
                continue
            if rfact.fact.type == "film_year" and isinstance(fields.get("year"), int) and record.year is None:
                record.year = fields["year"]
            if (
                rfact.fact.type == "credit"
                and fields.get("role") == "director"
                and "person" in rfact.entity_ids
            ):
                person_id = real(rfact.entity_ids["person"])
                if person_id is not None:
                    record.directors.add(person_id)

    def _merge(self, kept: int | None, merged: int | None) -> None:
        if kept is None or merged is None or kept == merged:
            return
        kind = self.kind_of.get(kept)
        if kind is None or self.kind_of.get(merged) != kind:
            return
        index = self.indexes[kind]
        gone = index.remove(merged)
        self.kind_of.pop(merged, None)
        if gone is None:
            return
        for name in gone.names:
            index.add_name(kept, name)
        kept_record = index.records[kept]
        kept_record.directors |= gone.directors
        if kept_record.year is None:
            kept_record.year = gone.year

    # --- resolving -----------------------------------------------------------------------

    def resolve(self, extraction: Extraction) -> ResolvedArticle:
        state = _Article(extraction)
        facts = extraction.facts
        kinds = [self._field_kinds(fact, facts) for fact in facts]
        entity_ids: list[dict[str, int]] = [{} for _ in facts]

        for kind in KINDS:
            if kind == "film":
                self._build_film_context(state, facts, kinds, entity_ids)
            for fact in facts:
                if fact.type == "alias":
                    self._resolve_alias(state, fact, kind)
            for fact, fact_kinds, ids in zip(facts, kinds, entity_ids, strict=True):
                for field_name, field_kind in fact_kinds.items():
                    if field_kind == kind:
                        ids[field_name] = self._resolve_name(state, kind, fact.fields[field_name])
        for fact, ids in zip(facts, entity_ids, strict=True):
            if fact.type == "alias":
                self._alias_ids(state, fact, ids)

        return ResolvedArticle(
            article=extraction.article,
            facts=[ResolvedFact(fact, ids) for fact, ids in zip(facts, entity_ids, strict=True)],
            new_entities=state.new_entities,
            links=state.links,
            merges=state.merges,
        )

    # which kind each entity-naming field of a fact names
    def _field_kinds(self, fact: Fact, facts: list[Fact]) -> dict[str, str]:
        result: dict[str, str] = {}
        for field_name, kind in ENTITY_FIELDS.items():
            value = fact.fields.get(field_name)
            if not isinstance(value, str) or not clean_name(value):
                continue
            if fact.type == "alias" and field_name in ALIAS_KINDS:
                continue  # resolved with its alias, see _resolve_alias
            result[field_name] = self._subject_kind(fact, value, facts) if kind == "film|person" else kind
        return result

    def _subject_kind(self, fact: Fact, name: str, facts: list[Fact]) -> str:
        """An award subject is a film or a person: the article's own use of the name first,
        then the award's film field, then what the index knows (one kind only), then the
        award's name ("Best Actress"), else film."""
        fkey, pkey = film_key(name), kind_key("person", name)
        for other in facts:
            if isinstance(other.fields.get("film"), str) and film_key(other.fields["film"]) == fkey:
                return "film"
            if (
                isinstance(other.fields.get("person"), str)
                and kind_key("person", other.fields["person"]) == pkey
            ):
                return "person"
        film = fact.fields.get("film")
        if isinstance(film, str) and film_key(film) != fkey:
            return "person"
        as_person = bool(self.indexes["person"].by_kind_key(name))
        as_film = bool(self.indexes["film"].by_kind_key(name))
        if as_person != as_film:
            return "person" if as_person else "film"
        award = fact.fields.get("award")
        if isinstance(award, str):
            words = f" {base_key(award)} "
            if any(f" {word} " in words for word in load_data("awards")["person_award_words"]):
                return "person"
        return "film"

    def _build_film_context(
        self,
        state: _Article,
        facts: list[Fact],
        kinds: list[dict[str, str]],
        entity_ids: list[dict[str, int]],
    ) -> None:
        """Years (film_year facts, "Title (1985)") and director ids the article gives per title."""
        for fact, ids in zip(facts, entity_ids, strict=True):
            title = fact.fields.get("film")
            if not isinstance(title, str):
                continue
            context = state.film_context.setdefault(film_key(title), _FilmContext())
            title_year = split_title_year(title)[1]
            if title_year:
                context.year = title_year
            if fact.type == "film_year" and isinstance(fact.fields.get("year"), int):
                context.year = fact.fields["year"]
            if fact.type == "credit" and fact.fields.get("role") == "director" and "person" in ids:
                context.directors.add(ids["person"])

    def _resolve_name(self, state: _Article, kind: str, name: str) -> int:
        if kind == "film":  # "Suspiria (1977)": the year went to the film context
            name = split_title_year(name)[0] or name
        local_key = (kind, kind_key(kind, name))
        if local_key in state.local:
            known = state.local[local_key]
            if known < 0:
                target = state.new_entities[-known - 1].name
                if base_key(name) != base_key(target):
                    self._link_variant(state, kind, known, name, target)
            else:
                record = self.indexes[kind].records[known]
                if base_key(name) not in record.base_keys:
                    self._link_variant(state, kind, known, name, record.name)
            return known
        match = self._find(state, kind, name)
        if match is None:
            context = state.film_context.get(film_key(name)) if kind == "film" else None
            entity_id = state.new_entity(kind, name, context.year if context else None)
            entity = state.new_entities[-entity_id - 1]
            if kind == "film" and self.indexes["film"].by_kind_key(name):
                entity.flags.append(SHARED_TITLE_FLAG)
            if base_key(entity.name) != base_key(clean_name(name)):
                self._link_variant(state, kind, entity_id, name, entity.name)
        else:
            entity_id = match.entity_id
            if match.reason:
                state.link(entity_id, name, match.reason, match.flagged)
        state.local[local_key] = entity_id
        return entity_id

    def _link_variant(self, state: _Article, kind: str, entity_id: int, name: str, target: str) -> None:
        state.link(entity_id, name, KIND_KEY_REASONS[kind].format(name=target), False)

    # --- matching against the index ------------------------------------------------------

    def _find(self, state: _Article, kind: str, name: str) -> _Match | None:
        index = self.indexes[kind]
        if kind == "film":
            return self._find_film(state, name)
        ids = index.by_base_key(name)
        if ids:
            return _Match(ids[0])
        ids = index.by_kind_key(name)
        if ids:
            return _Match(ids[0], KIND_KEY_REASONS[kind].format(name=index.records[ids[0]].name))
        if isinstance(index, PersonIndex):
            match = self._find_person(index, name)
            if match is not None:
                return match
        return self._fuzzy(index, name)

    def _find_person(self, index: PersonIndex, name: str) -> _Match | None:
        person = parse_person(name)
        records = index.records
        if person.initials:
            ids = index.full_names_for_initial(name)
            if len(ids) == 1:
                return _Match(ids[0], f"initials of {records[ids[0]].name}")
            return None  # none, or ambiguous: a new entity
        if person.given:
            ids = index.initials_for_full_name(name)
            if len(ids) == 1:
                return _Match(ids[0], f"full name of {records[ids[0]].name}", flagged=True)
        else:
            ids = index.by_surname_only(name)
            if len(ids) == 1:
                return _Match(ids[0], f"surname of {records[ids[0]].name}", flagged=True)
            return None
        ids = index.by_token_set(name)
        if len(ids) == 1:
            return _Match(ids[0], f"name order variant of {records[ids[0]].name}", flagged=True)
        return None

    def _fuzzy(self, index: KindIndex, name: str, accept=None) -> _Match | None:
        """The best fuzzy candidate, if it is unique at its score and passes the guards."""
        key = kind_key(index.kind, name)
        candidates = []
        for entity_id, score, matched in index.fuzzy(name):
            if number_tokens(matched) != number_tokens(key):
                continue  # "Toy Story 2" is not a typo of "Toy Story 3"
            if index.kind != "person" and not tokens_typo_close(key, matched):
                continue  # "Pioneer Red Cinema" is not a typo of "Pioneer Blue Cinema"
            if accept is not None and not accept(index.records[entity_id]):
                continue
            candidates.append((entity_id, score))
        if not candidates or (len(candidates) > 1 and candidates[1][1] == candidates[0][1]):
            return None
        entity_id, score = candidates[0]
        target = index.records[entity_id].name
        return _Match(entity_id, f"fuzzy match to {target} (score {score:.0f})", flagged=True)

    def _find_film(self, state: _Article, name: str) -> _Match | None:
        index = self.indexes["film"]
        context = state.film_context.get(film_key(name), _FilmContext())
        reason = None
        ids = index.by_base_key(name)
        if not ids:
            ids = index.by_kind_key(name)
            reason = "title variant of {name}"
        if ids:
            chosen = self._choose_film([index.records[i] for i in ids], context)
            if chosen is None:
                return None  # same title, different year and director: another film
            return _Match(chosen, reason.format(name=index.records[chosen].name) if reason else None)
        return self._fuzzy(index, name, accept=lambda record: self._film_score(record, context) >= 0)

    @staticmethod
    def _film_conflict(record: Record, context: _FilmContext) -> bool:
        year_differs = bool(context.year and record.year and context.year != record.year)
        director_differs = bool(
            context.directors and record.directors and not context.directors & record.directors
        )
        return year_differs and director_differs

    @staticmethod
    def _film_score(record: Record, context: _FilmContext) -> int:
        score = 0
        if context.directors and record.directors:
            score += 3 if context.directors & record.directors else -3
        if context.year and record.year:
            gap = abs(context.year - record.year)
            score += 2 if gap == 0 else 1 if gap == 1 else -2
        return score

    def _choose_film(self, records: list[Record], context: _FilmContext) -> int | None:
        """The known film a title names: the best year/director agreement, lowest id on ties;
        None when every candidate differs in both year and director."""
        viable = [r for r in records if not self._film_conflict(r, context)]
        if not viable:
            return None
        return max(viable, key=lambda r: (self._film_score(r, context), -r.id)).id

    # --- alias facts ---------------------------------------------------------------------

    def _resolve_alias(self, state: _Article, fact: Fact, kind: str) -> None:
        """``{"type": "alias", kind: main, "alias": other}``: both spellings name one entity."""
        main, other = fact.fields.get(kind), fact.fields.get("alias")
        if not (isinstance(main, str) and isinstance(other, str) and clean_name(main) and clean_name(other)):
            return
        if kind == "film":
            main, other = split_title_year(main)[0] or main, split_title_year(other)[0] or other
        main_local, other_local = (kind, kind_key(kind, main)), (kind, kind_key(kind, other))
        if main_local in state.local:
            main_id: int | None = state.local[main_local]
        else:
            found = self._find(state, kind, main)
            main_id = found.entity_id if found else None
        if other_local in state.local:
            other_id: int | None = state.local[other_local]
        else:
            found = self._find(state, kind, other)
            other_id = found.entity_id if found else None

        if main_id is None and other_id is not None:
            # the article's main spelling is new, its alias is known: the known entity
            state.local[main_local] = other_id
            self._alias_link(state, kind, other_id, main, other)
            return
        main_id = self._resolve_name(state, kind, main)
        if (
            other_id is not None
            and other_id != main_id
            and other_id > 0
            and main_id > 0
            and self._mergeable(kind, main_id, other_id)
        ):
            state.merges.append(
                Merge(
                    main_id,
                    other_id,
                    f"article {state.extraction.article.id} gives "
                    f"'{clean_name(other)}' as alias of '{clean_name(main)}'",
                )
            )
        state.local[other_local] = main_id
        if kind_key(kind, other) != kind_key(kind, main):
            self._alias_link(state, kind, main_id, other, main)

    def _alias_link(self, state: _Article, kind: str, entity_id: int, name: str, of: str) -> None:
        typo, distance = looks_like_typo(of, name)
        if typo:
            state.link(entity_id, name, f"typo of {clean_name(of)} (edit distance {distance})", True)
            if entity_id < 0 and TYPO_FLAG not in state.new_entities[-entity_id - 1].flags:
                state.new_entities[-entity_id - 1].flags.append(TYPO_FLAG)
        else:
            noun = "title" if kind == "film" else "name"
            state.link(entity_id, name, f"alternate {noun} of {clean_name(of)}", False)

    def _mergeable(self, kind: str, kept: int, merged: int) -> bool:
        index = self.indexes[kind]
        a, b = index.records.get(kept), index.records.get(merged)
        if a is None or b is None:
            return False
        if a.year and b.year and a.year != b.year:
            return False
        return not any(b.blocks(k, k) for k in a.base_keys) and not any(a.blocks(k, k) for k in b.base_keys)

    def _alias_ids(self, state: _Article, fact: Fact, ids: dict[str, int]) -> None:
        for kind in ALIAS_KINDS:
            value = fact.fields.get(kind)
            if isinstance(value, str) and (kind, kind_key(kind, value)) in state.local:
                ids[kind] = state.local[(kind, kind_key(kind, value))]
