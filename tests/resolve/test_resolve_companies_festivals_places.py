"""Companies (legal suffixes, abbreviations), festivals (synonyms) and places across articles."""

from __future__ import annotations

import pytest
from resolve_helpers import ent, extraction, fact, links

from reelgraph.resolve import Resolver


def resolve_one(resolver: Resolver, field: str, name: str, ftype: str = "deal"):
    resolved = resolver.resolve(extraction("a", fact(ftype, **{field: name})))
    return (
        resolved.facts[0].entity_ids.get(field),
        links(resolved),
        [(e.id, e.name) for e in resolved.new_entities],
    )


@pytest.mark.parametrize(
    ("known", "spelling"),
    [
        ("TF1 International", "TF1 Intl."),
        ("TF1 Intl.", "TF1 International"),
        ("Films Boutique", "Films Boutique SA"),
        ("Rapid Eye Movies", "Rapid Eye Movies GmbH"),
        ("Sony Pictures Classics", "Sony Pictures Classics, Inc."),
        ("The Match Factory", "Match Factory GmbH"),
        ("Wild Bunch AG", "Wild Bunch S.A."),
    ],
)
def test_company_suffix_and_abbreviation_variants(known: str, spelling: str) -> None:
    resolver = Resolver([ent(1, "company", known)])
    assert resolve_one(resolver, "company", spelling) == (
        1,
        [(1, spelling, f"legal suffix or abbreviation variant of {known}", False)],
        [],
    )


def test_company_case_and_ampersand_need_no_link() -> None:
    resolver = Resolver([ent(1, "company", "Gunpowder & Sky")])
    assert resolve_one(resolver, "company", "Gunpowder and Sky") == (1, [], [])
    assert resolve_one(resolver, "seller", "GUNPOWDER & SKY") == (1, [], [])


def test_memento_films_international_is_not_memento_international() -> None:
    resolver = Resolver([ent(1, "company", "Memento Films International")])
    assert resolve_one(resolver, "company", "Memento International") == (
        -1,
        [],
        [(-1, "Memento International")],
    )
    assert resolve_one(resolver, "company", "Memento Films") == (-1, [], [(-1, "Memento Films")])


def test_company_fuzzy_is_flagged_and_same_word_count() -> None:
    resolver = Resolver([ent(1, "company", "Magnolia Pictures")])
    assert resolve_one(resolver, "company", "Magnolia Pictrues") == (
        1,
        [(1, "Magnolia Pictrues", "fuzzy match to Magnolia Pictures (score 94)", True)],
        [],
    )
    assert resolve_one(resolver, "company", "Magnolia Pictures UK")[0] == -1


def test_short_company_names_are_not_fuzzy_matched() -> None:
    resolver = Resolver([ent(1, "company", "Mubi")])
    assert resolve_one(resolver, "company", "Mubo")[0] == -1


@pytest.mark.parametrize(
    ("known", "spelling"),
    [
        ("Berlin International Film Festival", "Berlinale"),
        ("Berlinale", "Berlin International Film Festival"),
        ("Venice International Film Festival", "Venice Intl. Film Festival"),
        ("Venice International Film Festival", "77th Venice Film Festival"),
        ("Toronto International Film Festival", "TIFF"),
        ("Cannes Film Festival", "Festival de Cannes"),
    ],
)
def test_festival_synonyms(known: str, spelling: str) -> None:
    resolver = Resolver([ent(1, "festival", known)])
    assert resolve_one(resolver, "festival", spelling, "selection") == (
        1,
        [(1, spelling, f"festival synonym of {known}", False)],
        [],
    )


def test_new_festival_from_synonym_gets_canonical_name() -> None:
    assert resolve_one(Resolver(), "festival", "Berlinale", "selection") == (
        -1,
        [(-1, "Berlinale", "festival synonym of Berlin International Film Festival", False)],
        [(-1, "Berlin International Film Festival")],
    )


def test_unknown_festival_fuzzy_is_flagged() -> None:
    resolver = Resolver([ent(1, "festival", "Thessaloniki International Film Festival")])
    found = resolve_one(resolver, "festival", "Thessaloniky Film Festival", "selection")
    assert (
        found[0] == 1 and found[1][0][3] is True and found[1][0][2].startswith("fuzzy match to Thessaloniki")
    )


@pytest.mark.parametrize(
    ("known", "spelling"),
    [
        ("United States", "U.S."),
        ("United States", "USA"),
        ("United Kingdom", "UK"),
        ("United Kingdom", "U.K."),
    ],
)
def test_place_synonyms(known: str, spelling: str) -> None:
    resolver = Resolver([ent(1, "place", known)])
    assert resolve_one(resolver, "territory", spelling) == (
        1,
        [(1, spelling, f"place synonym of {known}", False)],
        [],
    )


def test_new_territory_from_synonym_and_regions_as_written() -> None:
    assert resolve_one(Resolver(), "territory", "U.S.")[2] == [(-1, "United States")]
    assert resolve_one(Resolver(), "territory", "Latin America")[2] == [(-1, "Latin America")]
    resolver = Resolver([ent(1, "place", "Austria")])
    assert resolve_one(resolver, "territory", "Australia")[0] == -1


def test_place_field_and_territory_field_share_entities() -> None:
    resolver = Resolver([ent(1, "place", "Berlin")])
    resolved = resolver.resolve(
        extraction(
            "a", fact("based_in", company="Films Boutique", place="Berlin"), fact("deal", territory="Berlin")
        )
    )
    assert resolved.facts[0].entity_ids["place"] == 1 and resolved.facts[1].entity_ids["territory"] == 1


def test_company_fuzzy_never_swaps_a_word() -> None:
    resolver = Resolver([ent(1, "company", "Pioneer Red Cinema International")])
    assert resolve_one(resolver, "company", "Pioneer Blue Cinema International")[0] == -1
    assert resolve_one(resolver, "company", "Pioneer Red Cinema Internatonal")[1] == [
        (
            1,
            "Pioneer Red Cinema Internatonal",
            "fuzzy match to Pioneer Red Cinema International (score 98)",
            True,
        )
    ]
