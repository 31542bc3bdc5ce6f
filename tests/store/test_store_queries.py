"""Read queries over a small corpus: film, person, company, festival, deals, fact, article."""

from __future__ import annotations

import pytest
from store_helpers import CORPUS, make_article, write


@pytest.fixture
def filled(store):
    for ident, date, lines in CORPUS:
        write(store, make_article(ident, lines, url=f"https://example.com/{ident}", date=date, title=ident))
    return store


def entity_id(store, kind, name):
    hits = store.find(kind, name)
    assert hits and hits[0]["match"] in ("exact", "alias"), hits
    return hits[0]["id"]


def assert_evidence(record):
    assert record["fact_id"] > 0
    assert record["evidence"], record
    for ev in record["evidence"]:
        assert {"article_id", "sentence", "start", "end"} <= set(ev)
        assert ev["end"] > ev["start"]


def test_film_record(filled):
    film = filled.film(entity_id(filled, "film", "Dear Comrades"))
    assert (film["name"], film["year"]) == ("Dear Comrades", 2020)
    credits = {(c["role"], c["person"], c.get("character")) for c in film["credits"]}
    assert ("director", "Andrei Konchalovsky", None) in credits
    assert ("cast", "Julia Vysotskaya", "Lyudmila") in credits
    assert [(s["festival"], s["year"], s["section"]) for s in film["selections"]] == [
        ("Venice International Film Festival", 2020, "Competition")]
    assert [a["award"] for a in film["awards"]] == ["Special Jury Prize"]
    assert [d["company"] for d in film["sales_agents"]] == ["Films Boutique"]
    sold = {t["territory"]: t["buyer"] for t in film["territories"]["sold"]}
    assert sold == {"Germany": "Neue Visionen", "United States": "Music Box Films", "United Kingdom": "Curzon"}
    assert "France" in film["territories"]["open"] and "Germany" not in film["territories"]["open"]
    assert film["contradictions"] == []
    assert {s["article_id"] for s in film["sources"]} == {1, 2, 3}
    for record in film["credits"] + film["deals"] + film["selections"] + film["awards"]:
        assert_evidence(record)
    sold_us = next(t for t in film["territories"]["sold"] if t["territory"] == "United States")
    assert sold_us["date"] == "2020-10-01" and sold_us["fact_id"]


def test_contradictions_each_with_both_sources(filled):
    write(filled, make_article("wrong", [
        "Dear Comrades (2019) is directed by Andrei Konchalovsky.",
        "Wild Bunch handles world sales on Dear Comrades.",
        "Alamode bought Germany rights to Dear Comrades.",
    ], url="https://example.com/wrong", date="2020-11-01"))
    film = filled.film(entity_id(filled, "film", "Dear Comrades"))
    kinds = {c["kind"]: c for c in film["contradictions"]}
    assert set(kinds) == {"year", "world_sales", "territory_buyer"}
    for item in kinds.values():
        assert len(item["facts"]) == 2
        assert len({e["article_id"] for f in item["facts"] for e in f["evidence"]}) == 2
    assert kinds["territory_buyer"]["territory"] == "Germany"


def test_person_timeline(filled):
    person = filled.person(entity_id(filled, "person", "Andrei Konchalovsky"))
    assert [(t["year"], t["film"], t["roles"]) for t in person["timeline"]] == [
        (2016, "Paradise", ["director"]), (2020, "Dear Comrades", ["director"])]
    assert {(s["film"], s["year"]) for s in person["selections"]} == {("Paradise", 2016), ("Dear Comrades", 2020)}
    julia = filled.person(entity_id(filled, "person", "Julia Vysotskaya"))
    assert [t["film"] for t in julia["timeline"]] == ["Paradise", "Dear Comrades"]
    simon = filled.person(entity_id(filled, "person", "Jean-Christophe Simon"))
    assert [(p["title"], p["company"]) for p in simon["positions"]] == [("CEO", "Films Boutique")]


def test_company_record(filled):
    company = filled.company(entity_id(filled, "company", "Films Boutique"))
    assert [s["film"] for s in company["slate"]] == ["Dear Comrades"]
    assert list(company["deals_by_territory"]) == ["worldwide"]
    assert list(company["deals_by_year"]) == ["2020"]
    assert [p["person"] for p in company["people"]] == ["Jean-Christophe Simon"]
    assert [b["place"] for b in company["based_in"]] == ["Berlin"]


def test_festival_editions(filled):
    venice = entity_id(filled, "festival", "Venice International Film Festival")
    record = filled.festival(venice)
    assert [e["year"] for e in record["editions"]] == [2020, 2016]
    e2020 = record["editions"][0]
    assert [s["film"] for s in e2020["lineup"]["Competition"]] == ["Dear Comrades"]
    assert {w["subject"] for w in e2020["winners"]} == {"Dear Comrades", "Nomadland"}
    only = filled.festival(venice, year=2016)
    assert [e["year"] for e in only["editions"]] == [2016]


def test_deals_filters_and_paging(filled):
    everything = filled.deals()
    assert everything["total"] == 5
    dates = [d["first_seen"] for d in everything["items"]]
    assert dates == sorted(dates, reverse=True)
    assert filled.deals(territory="US")["items"][0]["company"] == "Music Box Films"
    assert filled.deals(territory="Germany")["total"] == 1
    assert filled.deals(company="Films Boutique")["total"] == 1
    assert filled.deals(company="No Such Company")["total"] == 0
    assert filled.deals(since="2020-09-15")["total"] == 2
    page = filled.deals(limit=2, offset=2)
    assert page["total"] == 5 and [d["fact_id"] for d in page["items"]] == [
        d["fact_id"] for d in everything["items"][2:4]]


def test_fact_article_latest_counts(filled):
    deal = filled.deals(territory="Germany")["items"][0]
    fact = filled.fact(deal["fact_id"])
    assert fact["evidence"][0]["sentence"] == "Neue Visionen bought Germany rights to Dear Comrades."
    article = filled.article(fact["evidence"][0]["article_id"])
    ev = fact["evidence"][0]
    assert article["text"][ev["start"]:ev["end"]] == ev["sentence"]
    assert all(r["spans"] for r in article["facts"])
    latest = filled.latest(2)
    assert [d["territory"] for d in latest["deals"]] == ["U.S.", "UK"] or len(latest["deals"]) == 2
    assert latest["selections"][0]["year"] == 2020
    counts = filled.counts()
    assert counts["articles"] == 5 and counts["entities"]["film"] == 3
    assert filled.fact(10**6) is None and filled.film(10**6) is None and filled.article(10**6) is None
    person_id = entity_id(filled, "person", "Chloe Zhao")
    assert filled.film(person_id) is None and filled.person(person_id)["name"] == "Chloe Zhao"


def test_find_exact_alias_prefix_fuzzy(filled):
    assert filled.find("film", "dear comrades")[0]["match"] == "exact"
    assert filled.find("film", "Dear Com")[0]["match"] == "prefix"
    fuzzy = filled.find("film", "Dear Comrads")
    assert fuzzy[0]["name"] == "Dear Comrades" and fuzzy[0]["match"] == "fuzzy"
    assert filled.find("person", "Nomadland") == []
    assert {h["kind"] for h in filled.find(None, "Paradise")} == {"film"}
    assert filled.find("film", "   ") == []


def test_fuzzy_hits_are_the_best_rows_ties_by_alias_then_id(store):
    """Many names at one score (a shared word): the fuzzy hits are the first ``limit * 2``
    of every scored entity and alias row by (score, alias after name, entity id), as when
    every row was read; the store reads only as many rows as that needs."""
    from rapidfuzz import fuzz, process

    from reelgraph.model import name_key
    from reelgraph.store.keys import name_grams

    words = ["Alpha", "Gamma", "Delta", "Sigma", "Omega", "Kappa", "Theta", "Lamda", "Bravo", "Tango",
             "Oscar", "Hotel", "Lima", "Papa", "Romeo", "Golf", "Echo", "Mike", "Zulu", "Juliet",
             "Quebec", "Sierra", "Victor", "Yankee", "Whiskey"]
    for i, word in enumerate(words):
        write(store, make_article(f"f{i}", [f"{word} International bought Germany rights to Film {i}."],
                                  url=f"https://f/{i}"))
    late = store.find("company", "Whiskey International")[0]["id"]
    early = store.find("company", "Alpha International")[0]["id"]
    store._add_alias(late, "Xray International", "alias")   # an alias at the names' score
    store._add_alias(early, "Foxtrot International", "alias")

    key = name_key("Nova Internationa")
    grams = sorted(name_grams(key))
    candidates = [r["name_key"] for r in store.db.all(
        f"SELECT DISTINCT name_key FROM name_grams WHERE gram IN ({', '.join('?' for _ in grams)}) AND kind = ?",
        [*grams, "company"])]
    scored = {k: s for k, s, _ in process.extract(key, candidates, scorer=fuzz.WRatio, limit=None, score_cutoff=75)}
    names = {r["id"]: r["name"] for r in store.db.all("SELECT id, name FROM entities")}
    rows = [(scored[r["name_key"]], 0, r["id"], r["name"]) for r in store.db.all(
        "SELECT id, name, name_key FROM entities WHERE kind = 'company'") if r["name_key"] in scored]
    rows += [(scored[r["name_key"]], 1, r["entity_id"], r["name"]) for r in store.db.all(
        "SELECT entity_id, name, name_key FROM aliases WHERE blocked = 0") if r["name_key"] in scored]
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    expected, seen = [], set()
    for score, _, entity, matched in rows[:10]:
        if entity not in seen:
            seen.add(entity)
            expected.append((entity, matched, round(score, 1)))
    expected.sort(key=lambda e: (-e[2], names[e[0]]))  # find's order: score, then name
    hits = store.find("company", "Nova Internationa", limit=5)
    assert len({s for s, *_ in rows}) < len(rows)  # ties at one score
    assert any(h["matched"] != h["name"] for h in store.find("company", "Nova Internationa"))  # an alias hit
    assert [(h["id"], h["matched"], h["score"]) for h in hits] == expected[:5]
    assert all(h["match"] == "fuzzy" for h in hits)
