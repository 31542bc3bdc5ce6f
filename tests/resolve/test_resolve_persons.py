"""Persons across articles: accents, transliterations, initials, surnames, fuzzy surnames."""

from __future__ import annotations

import pytest
from resolve_helpers import ent, extraction, fact, links

from reelgraph.resolve import Resolver


def credit(person: str) -> object:
    return fact("credit", film="Dear Comrades", person=person, role="director")


def resolve_person(resolver: Resolver, name: str):
    resolved = resolver.resolve(extraction("a", fact("position", person=name, company=None)))
    return resolved.facts[0].entity_ids.get("person"), links(resolved), resolved.new_entities


def test_accents_fold_without_link() -> None:
    resolver = Resolver([ent(1, "person", "François Ozon")])
    assert resolve_person(resolver, "Francois Ozon") == (1, [], [])


@pytest.mark.parametrize(
    "spelling", ["Andrey Konchalovskiy", "Andrei Konchalovski", "Andrej Končalovski", "Andrey Konchalovsky"]
)
def test_transliterations_link_unflagged(spelling: str) -> None:
    resolver = Resolver([ent(1, "person", "Andrei Konchalovsky")])
    assert resolve_person(resolver, spelling) == (
        1,
        [(1, spelling, "transliteration variant of Andrei Konchalovsky", False)],
        [],
    )


def test_exact_spelling_beats_transliteration() -> None:
    # two entities kept apart earlier: each exact spelling finds its own
    resolver = Resolver([ent(1, "person", "Andrei Smirnov"), ent(2, "person", "Andrey Smirnov")])
    assert resolve_person(resolver, "Andrey Smirnov")[0] == 2
    assert resolve_person(resolver, "Andrei Smirnov")[0] == 1


def test_initials_match_when_unambiguous() -> None:
    resolver = Resolver([ent(1, "person", "John Smith"), ent(2, "person", "Mary Jones")])
    assert resolve_person(resolver, "J. Smith") == (1, [(1, "J. Smith", "initials of John Smith", False)], [])


def test_initials_ambiguous_make_a_new_person() -> None:
    resolver = Resolver([ent(1, "person", "John Smith"), ent(2, "person", "Jane Smith")])
    entity_id, found_links, new = resolve_person(resolver, "J. Smith")
    assert entity_id == -1 and found_links == []
    assert [(e.kind, e.name) for e in new] == [("person", "J. Smith")]


def test_initial_must_agree() -> None:
    resolver = Resolver([ent(1, "person", "John Smith")])
    assert resolve_person(resolver, "K. Smith")[0] == -1


def test_full_name_of_initials_only_entity_is_flagged() -> None:
    resolver = Resolver([ent(1, "person", "J. Smith")])
    assert resolve_person(resolver, "John Smith") == (
        1,
        [(1, "John Smith", "full name of J. Smith", True)],
        [],
    )
    # once it has a full name, another given name with that initial is someone else
    resolver = Resolver([ent(1, "person", "J. Smith", aliases=["John Smith"])])
    assert resolve_person(resolver, "Jane Smith")[0] == -1


def test_surname_alone_links_flagged_when_unique() -> None:
    resolver = Resolver([ent(1, "person", "Andrei Konchalovsky"), ent(2, "person", "Andrei Tarkovsky")])
    assert resolve_person(resolver, "Konchalovsky") == (
        1,
        [(1, "Konchalovsky", "surname of Andrei Konchalovsky", True)],
        [],
    )
    resolver.add_entity(ent(3, "person", "Nikita Konchalovsky"))
    assert resolve_person(resolver, "Konchalovsky")[0] == -1


def test_name_order_variant_is_flagged() -> None:
    resolver = Resolver([ent(1, "person", "Bong Joon-ho")])
    assert resolve_person(resolver, "Joon-ho Bong") == (
        1,
        [(1, "Joon-ho Bong", "name order variant of Bong Joon-ho", True)],
        [],
    )


def test_fuzzy_surname_needs_same_given_name() -> None:
    resolver = Resolver([ent(1, "person", "Julia Vysotskaya")])
    assert resolve_person(resolver, "Julia Vysotskaja") == (
        1,
        [(1, "Julia Vysotskaja", "fuzzy match to Julia Vysotskaya (score 90)", True)],
        [],
    )
    assert resolve_person(resolver, "Maria Vysotskaja")[0] == -1  # other given name
    assert resolve_person(resolver, "Julia Vysotskova")[0] == -1  # below threshold


def test_short_surnames_are_not_fuzzy_matched() -> None:
    resolver = Resolver([ent(1, "person", "John Kahn")])
    assert resolve_person(resolver, "John Kuhn")[0] == -1


def test_john_and_joan_stay_apart() -> None:
    resolver = Resolver([ent(1, "person", "John Whitaker")])
    assert resolve_person(resolver, "Joan Whitaker")[0] == -1


def test_hyphenated_surname_is_one_surname() -> None:
    resolver = Resolver([ent(1, "person", "Jörg Krüger-Müller"), ent(2, "person", "Anna Müller")])
    assert resolve_person(resolver, "J. Müller")[0] == -1  # not Jörg Krüger-Müller
    assert resolve_person(resolver, "J. Krüger-Müller") == (
        1,
        [(1, "J. Krüger-Müller", "initials of Jörg Krüger-Müller", False)],
        [],
    )
