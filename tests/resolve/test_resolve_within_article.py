"""Within one article: provisional ids, one id per name, alias facts."""

from __future__ import annotations

from resolve_helpers import FakeStore, ent, extraction, fact, ids_of, links

from reelgraph.resolve import Resolver


def test_new_names_get_provisional_ids_in_order() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1",
            fact("credit", film="Dear Comrades", person="Andrei Konchalovsky", role="director"),
            fact(
                "deal", film="Dear Comrades", company="Films Boutique", territory="worldwide", rights="sales"
            ),
            fact("credit", film="Dear Comrades", person="Julia Vysotskaya", role="cast"),
        )
    )
    assert [(e.id, e.kind, e.name) for e in resolved.new_entities] == [
        (-1, "person", "Andrei Konchalovsky"),
        (-2, "person", "Julia Vysotskaya"),
        (-3, "company", "Films Boutique"),
        (-4, "place", "worldwide"),
        (-5, "film", "Dear Comrades"),
    ]
    assert [rf.entity_ids for rf in resolved.facts] == [
        {"person": -1, "film": -5},
        {"company": -3, "territory": -4, "film": -5},
        {"person": -2, "film": -5},
    ]
    assert resolved.links == [] and resolved.merges == []


def test_same_name_same_id_in_article_with_spelling_variants() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1",
            fact("deal", film="“The Square”", company="TF1 Intl.", territory="U.S."),
            fact("deal", film="Square", company="TF1 International", territory="United States"),
        )
    )
    assert [e.name for e in resolved.new_entities] == ["TF1 Intl.", "United States", "The Square"]
    assert ids_of(resolved, "film") == [-3, -3]
    assert ids_of(resolved, "company") == [-1, -1]
    assert ids_of(resolved, "territory") == [-2, -2]
    assert links(resolved) == [
        (-1, "TF1 International", "legal suffix or abbreviation variant of TF1 Intl.", False),
        (-2, "U.S.", "place synonym of United States", False),
    ]


def test_alias_fact_typo_is_flagged() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1",
            fact("credit", film="Dear Comrades", person="Andrei Konchalovsky", role="director"),
            fact("alias", film="Dear Comrades", alias="Dear Comrads"),
        )
    )
    assert [(e.id, e.name, e.flags) for e in resolved.new_entities] == [
        (-1, "Andrei Konchalovsky", []),
        (-2, "Dear Comrades", ["typo-alias"]),
    ]
    assert links(resolved) == [(-2, "Dear Comrads", "typo of Dear Comrades (edit distance 1)", True)]
    assert resolved.facts[1].entity_ids == {"film": -2}


def test_alias_fact_alternate_title_is_not_flagged() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1",
            fact("credit", film="Dear Comrades", person="Andrei Konchalovsky", role="director"),
            fact("alias", film="Dear Comrades", alias="Good Comrades"),
        )
    )
    assert links(resolved) == [(-2, "Good Comrades", "alternate title of Dear Comrades", False)]


def test_alias_spelling_used_in_facts_maps_to_main_entity() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1",
            fact("alias", film="Dear Comrades", alias="Dear Comrads"),
            fact("film_year", film="Dear Comrads", year=2020),
        )
    )
    assert len(resolved.new_entities) == 1
    assert resolved.facts[1].entity_ids == {"film": -1}


def test_alias_fact_teaches_later_articles() -> None:
    resolver = Resolver()
    store = FakeStore(resolver)
    first, ids = store.ingest(
        extraction(
            "a1",
            fact("credit", film="Dear Comrades", person="Andrei Konchalovsky", role="director"),
            fact("alias", film="Dear Comrades", alias="Dear Comrads"),
        )
    )
    film_id = ids[-2]
    second, _ = store.ingest(extraction("a2", fact("film_year", film="Dear Comrads", year=2020)))
    assert second.new_entities == []
    assert second.facts[0].entity_ids == {"film": film_id}
    assert second.links == []  # the typo spelling is a known alias now


def test_alias_main_new_but_alias_known_uses_known_entity() -> None:
    resolver = Resolver([ent(7, "film", "Good Comrades", year=2020)])
    resolved = resolver.resolve(
        extraction(
            "a1",
            fact("alias", film="Dear Comrades", alias="Good Comrades"),
            fact("film_year", film="Dear Comrades", year=2020),
        )
    )
    assert resolved.new_entities == []
    assert resolved.facts[1].entity_ids == {"film": 7}
    assert links(resolved) == [(7, "Dear Comrades", "alternate title of Good Comrades", False)]


def test_alias_of_two_known_entities_records_merge() -> None:
    resolver = Resolver([ent(7, "film", "Dear Comrades", year=2020), ent(9, "film", "Good Comrades")])
    store = FakeStore(resolver)
    resolved, _ = store.ingest(extraction("a1", fact("alias", film="Dear Comrades", alias="Good Comrades")))
    assert [(m.kept_id, m.merged_id, m.reason) for m in resolved.merges] == [
        (7, 9, "article a1 gives 'Good Comrades' as alias of 'Dear Comrades'")
    ]
    assert links(resolved) == [(7, "Good Comrades", "alternate title of Dear Comrades", False)]
    # after register, the merged entity's names lead to the kept one
    later, _ = store.ingest(extraction("a2", fact("film_year", film="Good Comrades", year=2020)))
    assert later.facts[0].entity_ids == {"film": 7}


def test_alias_fact_for_person() -> None:
    resolved = Resolver([ent(3, "person", "Andrei Konchalovsky")]).resolve(
        extraction("a1", fact("alias", person="Andrei Konchalovsky", alias="Andron Konchalovsky"))
    )
    assert resolved.facts[0].entity_ids == {"person": 3}
    assert links(resolved) == [
        (3, "Andron Konchalovsky", "typo of Andrei Konchalovsky (edit distance 2)", True)
    ]


def test_empty_and_non_string_fields_are_skipped() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a1", fact("deal", film="Paradise", company=None, territory=""), fact("selection", film=None)
        )
    )
    assert [rf.entity_ids for rf in resolved.facts] == [{"film": -1}, {}]
