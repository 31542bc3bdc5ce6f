"""Guards: blocked names, kinds never mix, award subjects, register() learning, index scale."""

from __future__ import annotations

from resolve_helpers import FakeStore, ent, extraction, fact, ids_of, links

from reelgraph.resolve import Resolver


def test_blocked_name_never_links() -> None:
    resolver = Resolver(
        [ent(1, "film", "Paradise", blocked=["Paradise Lost"]), ent(2, "film", "Paradise Lost Again")]
    )
    resolved = resolver.resolve(extraction("a", fact("film_year", film="Paradise Lost", year=2000)))
    assert resolved.facts[0].entity_ids == {"film": -1}
    # blocked also stops transliteration/suffix variants of the blocked name
    resolver = Resolver([ent(1, "company", "TF1 International", blocked=["TF1 Intl. SA"])])
    resolved = resolver.resolve(extraction("a", fact("deal", company="TF1 Intl")))
    assert resolved.facts[0].entity_ids == {"company": -1}


def test_blocked_name_on_one_entity_still_matches_another() -> None:
    resolver = Resolver(
        [ent(1, "person", "Andrei Smirnov", blocked=["Andrey Smirnov"]), ent(2, "person", "Andrey Smirnoff")]
    )
    resolved = resolver.resolve(extraction("a", fact("position", person="Andrey Smirnov")))
    assert resolved.facts[0].entity_ids == {"person": 2}
    assert links(resolved) == [(2, "Andrey Smirnov", "transliteration variant of Andrey Smirnoff", False)]


def test_blocked_fuzzy_candidate_is_skipped() -> None:
    resolver = Resolver([ent(1, "company", "Magnolia Pictures", blocked=["Magnolia Pictrues"])])
    resolved = resolver.resolve(extraction("a", fact("deal", company="Magnolia Pictrues")))
    assert resolved.facts[0].entity_ids == {"company": -1}


def test_kinds_never_mix() -> None:
    resolver = Resolver(
        [ent(1, "place", "Venice"), ent(2, "company", "Paradise"), ent(3, "person", "Cannes Lions")]
    )
    resolved = resolver.resolve(
        extraction(
            "a",
            fact("selection", film="Paradise", festival="Venice", year=2016),
            fact("based_in", company="Cannes Lions SA", place="Venice"),
        )
    )
    assert [(e.id, e.kind, e.name) for e in resolved.new_entities] == [
        (-1, "company", "Cannes Lions SA"),
        (-2, "festival", "Venice International Film Festival"),
        (-3, "film", "Paradise"),
    ]
    assert resolved.facts[0].entity_ids == {"festival": -2, "film": -3}
    assert resolved.facts[1].entity_ids["place"] == 1
    assert resolved.facts[1].entity_ids["company"] != 2


def test_award_subject_kind() -> None:
    resolver = Resolver([ent(1, "person", "Julia Vysotskaya"), ent(2, "film", "Dear Comrades")])
    resolved = resolver.resolve(
        extraction(
            "a",
            fact("award", subject="Dear Comrades", award="Special Jury Prize", outcome="won"),
            fact(
                "award", subject="Julia Vysotskaya", award="Best Actress", outcome="won", film="Dear Comrades"
            ),
            fact("award", subject="Nomadland", award="Golden Lion", outcome="won"),
            fact("award", subject="Pedro Almodovar", award="Golden Lion for Lifetime", outcome="won"),
        )
    )
    assert ids_of(resolved, "subject") == [2, 1, -2, -1]
    assert [(e.kind, e.name) for e in resolved.new_entities] == [
        ("person", "Pedro Almodovar"),
        ("film", "Nomadland"),
    ]


def test_award_subject_named_elsewhere_as_person() -> None:
    resolved = Resolver().resolve(
        extraction(
            "a",
            fact("credit", film="Pain and Glory", person="Pedro Almodovar", role="director"),
            fact("award", subject="Pedro Almodovar", award="Golden Lion", outcome="won"),
        )
    )
    assert resolved.facts[1].entity_ids == {"subject": resolved.facts[0].entity_ids["person"]}


def test_register_learns_new_entities_links_and_years() -> None:
    resolver = Resolver()
    store = FakeStore(resolver)
    _, ids = store.ingest(
        extraction(
            "a1",
            fact("deal", film="Dear Comrades", company="Films Boutique SA", territory="worldwide"),
            fact("deal", film="Dear Comrades", company="Films Boutique", territory="worldwide"),
        )
    )
    company = ids[-1]
    resolved, _ = store.ingest(
        extraction("a2", fact("position", person="Jean-Christophe Simon", company="FILMS BOUTIQUE S.A."))
    )
    assert resolved.facts[0].entity_ids["company"] == company
    assert resolved.links == []  # "Films Boutique" was learnt as a link in a1
    assert resolver.indexes["company"].records[company].names == ["Films Boutique SA", "Films Boutique"]


def test_register_ignores_unknown_ids() -> None:
    resolver = Resolver()
    resolved = resolver.resolve(extraction("a", fact("film_year", film="Dune", year=2021)))
    resolver.register(resolved, {})  # the store kept nothing: nothing learnt, no error
    assert resolver.indexes["film"].records == {}


def test_many_entities_index() -> None:
    entities = [ent(i + 1, "person", f"Person{i:05d} Surname{i % 997:03d}x") for i in range(20_000)]
    entities += [ent(100_000 + i, "film", f"Film Title Number {i}") for i in range(20_000)]
    resolver = Resolver(entities)
    surname = f"Surname{12345 % 997:03d}x"
    resolved = resolver.resolve(
        extraction(
            "a",
            fact("credit", film="Film Title Number 12345", person=f"Person12345 {surname}", role="cast"),
            fact(
                "credit",
                film="Film Title Numbr 12345",
                person=f"Person12345 {surname.replace('name', 'nam')}",
                role="cast",
            ),
        )
    )
    assert resolved.facts[0].entity_ids == {"film": 112_345, "person": 12_346}
    assert resolved.facts[1].entity_ids == {"film": 112_345, "person": 12_346}
    assert [link.flagged for link in resolved.links] == [True, True]
