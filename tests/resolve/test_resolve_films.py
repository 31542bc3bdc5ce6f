"""Films across articles: spelling variants, same title for two films, fuzzy titles."""

from __future__ import annotations

import pytest
from resolve_helpers import FakeStore, ent, extraction, fact, ids_of, links

from reelgraph.resolve import Resolver


@pytest.mark.parametrize(
    "spelling",
    ["The Square", "the square", "Square", "“The Square”", "'The Square'", "THE SQUARE", "The Square (2017)"],
)
def test_title_spellings_resolve_to_one_film(spelling: str) -> None:
    resolved = Resolver([ent(5, "film", "The Square", year=2017)]).resolve(
        extraction("a", fact("selection", film=spelling, festival="Cannes Film Festival", year=2017))
    )
    assert resolved.facts[0].entity_ids["film"] == 5
    assert resolved.links == []
    assert [e.kind for e in resolved.new_entities] == ["festival"]


def test_accents_and_ampersand() -> None:
    resolver = Resolver([ent(1, "film", "Amélie"), ent(2, "film", "Tango & Cash")])
    resolved = resolver.resolve(
        extraction(
            "a",
            fact("film_year", film="Amelie", year=2001),
            fact("film_year", film="Tango and Cash", year=1989),
        )
    )
    assert ids_of(resolved, "film") == [1, 2]
    assert resolved.new_entities == []


def test_same_title_different_year_and_director_is_a_new_film() -> None:
    resolver = Resolver()
    store = FakeStore(resolver)
    first, ids1 = store.ingest(
        extraction(
            "a1",
            fact("credit", film="Suspiria", person="Dario Argento", role="director"),
            fact("film_year", film="Suspiria", year=1977),
        )
    )
    argento, suspiria_1977 = ids1[-1], ids1[-2]
    second, ids2 = store.ingest(
        extraction(
            "a2",
            fact("credit", film="Suspiria", person="Luca Guadagnino", role="director"),
            fact("film_year", film="Suspiria", year=2018),
        )
    )
    assert [(e.id, e.kind, e.name, e.year, e.flags) for e in second.new_entities] == [
        (-1, "person", "Luca Guadagnino", None, []),
        (-2, "film", "Suspiria", 2018, ["shared-title"]),
    ]
    suspiria_2018 = ids2[-2]
    assert suspiria_2018 != suspiria_1977

    # later articles pick the film by year, or by director
    by_year, _ = store.ingest(extraction("a3", fact("film_year", film="Suspiria", year=1977)))
    assert by_year.facts[0].entity_ids == {"film": suspiria_1977}
    by_director, _ = store.ingest(
        extraction("a4", fact("credit", film="Suspiria", person="Luca Guadagnino", role="director"))
    )
    assert by_director.facts[0].entity_ids["film"] == suspiria_2018
    old_director, _ = store.ingest(
        extraction("a5", fact("credit", film="Suspiria", person="Dario Argento", role="director"))
    )
    assert old_director.facts[0].entity_ids == {"film": suspiria_1977, "person": argento}
    # no context: the first film of that title
    bare, _ = store.ingest(extraction("a6", fact("deal", film="Suspiria", company="Mubi", territory=None)))
    assert bare.facts[0].entity_ids["film"] == suspiria_1977


def test_same_title_different_year_only_is_the_same_film() -> None:
    resolver = Resolver([ent(4, "film", "Paradise", year=2016)], film_directors={4: [8]})
    resolver.add_entity(ent(8, "person", "Andrei Konchalovsky"))
    resolved = resolver.resolve(extraction("a", fact("film_year", film="Paradise", year=2017)))
    assert resolved.facts[0].entity_ids == {"film": 4}  # festival year vs release year: same film
    resolved = resolver.resolve(
        extraction(
            "b",
            fact("credit", film="Paradise", person="Andrei Konchalovsky", role="director"),
            fact("film_year", film="Paradise", year=2017),
        )
    )
    assert resolved.facts[0].entity_ids == {"film": 4, "person": 8}


def test_same_title_different_director_unknown_year_is_the_same_film() -> None:
    resolver = Resolver(
        [ent(4, "film", "Paradise", year=2016), ent(8, "person", "Andrei Konchalovsky")],
        film_directors={4: [8]},
    )
    resolved = resolver.resolve(
        extraction("a", fact("credit", film="Paradise", person="Ulrich Seidl", role="director"))
    )
    assert resolved.facts[0].entity_ids["film"] == 4


def test_title_year_in_parentheses_disambiguates() -> None:
    resolver = Resolver(
        [
            ent(1, "film", "Suspiria", year=1977),
            ent(2, "film", "Suspiria", year=2018),
            ent(3, "person", "Dario Argento"),
            ent(4, "person", "Luca Guadagnino"),
        ],
        film_directors={1: [3], 2: [4]},
    )
    resolved = resolver.resolve(
        extraction("a", fact("deal", film="Suspiria (2018)", company="Amazon Studios"))
    )
    assert resolved.facts[0].entity_ids["film"] == 2


def test_fuzzy_title_is_a_flagged_link() -> None:
    resolved = Resolver([ent(3, "film", "The Banshees of Inisherin", year=2022)]).resolve(
        extraction(
            "a",
            fact("film_year", film="The Banshees of Inisherin", year=2022),
            fact("deal", film="Banshees of Inisherrin", company="Searchlight Pictures"),
        )
    )
    assert ids_of(resolved, "film") == [3, 3]
    assert links(resolved) == [
        (3, "Banshees of Inisherrin", "fuzzy match to The Banshees of Inisherin (score 98)", True)
    ]


def test_fuzzy_title_guards() -> None:
    resolver = Resolver(
        [
            ent(1, "film", "Toy Story 3", year=2010),
            ent(2, "film", "Aliens", year=1986),
            ent(3, "film", "Dear Comrades", year=2020),
        ]
    )
    resolved = resolver.resolve(
        extraction(
            "a",
            fact("film_year", film="Toy Story 2", year=1999),  # numbers differ
            fact("film_year", film="Alien", year=1979),  # too short for fuzzy
            fact("film_year", film="Dear Comrade", year=1990),  # fuzzy, but year conflicts
        )
    )
    assert [e.name for e in resolved.new_entities] == ["Toy Story 2", "Alien", "Dear Comrade"]
    assert resolved.links == []


def test_leading_the_needs_no_link() -> None:
    resolved = Resolver([ent(1, "film", "Dune", year=2021)]).resolve(
        extraction("a", fact("film_year", film="The Dune", year=2021))
    )
    # "The Dune" and "Dune" share the base key: no link needed
    assert resolved.facts[0].entity_ids == {"film": 1} and resolved.links == []
