"""Bounded records: evidence per fact, section windows, totals and paging (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from store_helpers import make_article, write
from store_rules_extractor import extract

from reelgraph.resolve import Resolver
from reelgraph.store.records import EVIDENCE_LIMIT


@pytest.fixture
def busy(store):
    """One film stated by 6 articles (one fact with 6 evidence rows), 5 buyers of Germany."""
    for i in range(6):
        lines = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
                 f"Buyer {i} Films bought Germany rights to Dear Comrades."]
        write(store, make_article(f"a{i}", lines, url=f"https://x/{i}", date=f"2020-0{i + 1}-15", title=f"t{i}"))
    return store


def film_id(store):
    return store.find("film", "Dear Comrades")[0]["id"]


def test_evidence_is_cut_newest_first_and_fact_has_all(busy):
    film = busy.film(film_id(busy))
    (credit,) = [c for c in film["credits"] if c["role"] == "director"]
    assert credit["sources"] == 6 and credit["evidence_total"] == 6
    assert len(credit["evidence"]) == EVIDENCE_LIMIT
    dates = [e["date"] for e in credit["evidence"]]
    assert dates == ["2020-06-15", "2020-05-15", "2020-04-15"]
    assert (credit["first_seen"], credit["last_seen"]) == ("2020-01-15", "2020-06-15")
    full = busy.fact(credit["fact_id"])
    assert len(full["evidence"]) == 6 and full["evidence"][:3] == credit["evidence"]
    assert len(busy.film(film_id(busy), evidence=1)["credits"][0]["evidence"]) == 1


def test_sections_are_windowed_with_totals(busy):
    fid = film_id(busy)
    film = busy.film(fid)
    from reelgraph.store.queries import FILM_LIMITS

    assert film["paging"]["deals"] == {"total": 6, "offset": 0, "limit": FILM_LIMITS["deals"]}
    assert film["paging"]["sources"]["total"] == 6
    page = busy.film(fid, section="deals", offset=2, limit=3)
    assert page["paging"]["deals"] == {"total": 6, "offset": 2, "limit": 3}
    assert [d["fact_id"] for d in page["deals"]] == [d["fact_id"] for d in film["deals"][2:5]]
    assert len(page["credits"]) == len(film["credits"])  # the other sections keep their window
    sources = busy.film(fid, section="sources", offset=4, limit=10)["sources"]
    assert [s["article_id"] for s in sources] == [s["article_id"] for s in film["sources"][4:]]
    assert busy.film(fid, section="deals", offset=50)["deals"] == []
    assert busy.film(fid, section="deals", offset=50)["paging"]["deals"]["total"] == 6
    with pytest.raises(ValueError):
        busy.film(fid, section="nope")


def test_contradictions_carry_a_few_facts_and_the_total(busy, monkeypatch):
    from reelgraph.store import queries

    monkeypatch.setattr(queries, "CONTRADICTION_FACTS", 2)
    (buyers,) = [c for c in busy.film(film_id(busy))["contradictions"] if c["kind"] == "territory_buyer"]
    assert len(buyers["facts"]) == 2 and buyers["facts_total"] == 6
    assert buyers["territory"] == "Germany"


def test_film_records_built_once_keep_each_list_limit(busy):
    """The page's records are built in one batch: a fact in a section and in a contradiction
    is the same record, except that sections follow ``evidence=`` and contradictions keep
    ``EVIDENCE_LIMIT`` rows."""
    for i in range(6, 10):
        lines = [f"Report {i}.", "Buyer 0 Films bought Germany rights to Dear Comrades."]
        write(busy, make_article(f"b{i}", lines,
                                 url=f"https://x/{i}", date=f"2021-0{i - 5}-15", title=f"t{i}"))
    fid = film_id(busy)
    film = busy.film(fid)
    (buyers,) = [c for c in film["contradictions"] if c["kind"] == "territory_buyer"]
    in_both = [d for d in film["deals"] if d["fact_id"] in {f["fact_id"] for f in buyers["facts"]}]
    assert in_both and all(d["evidence_total"] <= 5 for d in in_both)
    repeated = max(in_both, key=lambda d: d["evidence_total"])
    assert repeated["evidence_total"] == 5 and len(repeated["evidence"]) == EVIDENCE_LIMIT
    assert [f for f in buyers["facts"] if f["fact_id"] == repeated["fact_id"]] == [repeated]
    one = busy.film(fid, evidence=1)
    (cut,) = [d for d in one["deals"] if d["fact_id"] == repeated["fact_id"]]
    (kept,) = [f for c in one["contradictions"] for f in c["facts"] if f["fact_id"] == repeated["fact_id"]]
    assert cut["evidence"] == repeated["evidence"][:1] and kept["evidence"] == repeated["evidence"]
    assert {k: v for k, v in cut.items() if k != "evidence"} == {k: v for k, v in kept.items() if k != "evidence"}


def test_company_person_festival_paging(busy):
    buyer = busy.find("company", "Buyer 3 Films")[0]["id"]
    company = busy.company(buyer)
    assert company["paging"]["deals"]["total"] == 1
    assert company["deal_counts"] == {"by_territory": {"Germany": 1}, "by_year": {"2020": 1}}
    person = busy.person(busy.find("person", "Andrei Konchalovsky")[0]["id"], section="sources", limit=2)
    assert len(person["sources"]) == 2 and person["paging"]["sources"]["total"] == 6
    assert person["paging"]["timeline"]["total"] == 1


def test_article_spans_are_its_own_evidence(busy):
    article = busy.article(1)  # its evidence is the oldest, so not among a fact's first three
    assert article["facts"] and all(
        [s["article_id"] for s in f["spans"]] == [1] for f in article["facts"])


def test_territory_buyer_message_names_ten_and_counts_the_rest(store):
    """12 buyers of Germany: the message names the first 10 (by name) and "2 more"; the
    contradiction carries the 10 lowest fact ids of the territory and counts all 12 deals."""
    for i in range(12):
        lines = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
                 f"Buyer {i:02d} Films bought Germany rights to Dear Comrades."]
        write(store, make_article(f"b{i}", lines, url=f"https://y/{i}", date="2020-03-01", title=f"u{i}"))
    film = store.film(film_id(store))
    (buyers,) = [c for c in film["contradictions"] if c["kind"] == "territory_buyer"]
    names = [f"Buyer {i:02d} Films" for i in range(10)]
    assert buyers["message"] == f"two buyers for Germany: {' vs '.join(names)} vs 2 more"
    assert buyers["facts_total"] == 12 and len(buyers["facts"]) == 10
    deal_ids = sorted(d["fact_id"] for d in store.film(film_id(store), section="deals", limit=100)["deals"])
    assert [f["fact_id"] for f in buyers["facts"]] == deal_ids[:10]
    assert film["paging"]["deals"]["total"] == 12 and "Germany" not in film["territories"]["open"]


def test_buyer_names_read_only_for_disputed_territories(store):
    """Germany has two buyers, France one (bought twice): only Germany is a contradiction and
    its message names both buyers (names read by id, only where shown)."""
    sold = [("Buyer A Films", "Germany"), ("Buyer B Films", "Germany"),
            ("Buyer C Films", "France"), ("Buyer C Films", "France")]
    for i, (buyer, territory) in enumerate(sold):
        lines = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
                 f"{buyer} bought {territory} rights to Dear Comrades."]
        write(store, make_article(f"d{i}", lines, url=f"https://z/{i}", date="2020-03-01", title=f"v{i}"))
    film = store.film(film_id(store))
    (buyers,) = [c for c in film["contradictions"] if c["kind"] == "territory_buyer"]
    assert buyers["territory"] == "Germany"
    assert buyers["message"] == "two buyers for Germany: Buyer A Films vs Buyer B Films"
    assert buyers["facts_total"] == 2
    assert len([c for c in film["contradictions"] if c["kind"] == "territory_buyer"]) == 1


def test_buyer_without_entity_is_named_as_stated(store):
    """A deal whose buyer is no entity (the resolver linked none) counts as a buyer by its
    stated name: with an entity buyer of the same territory it is a contradiction naming both."""
    write(store, make_article("e0", ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
                                     "Buyer A Films bought Germany rights to Dear Comrades."], url="https://w/0"))
    resolved = Resolver(store.entities(), store.film_directors()).resolve(extract(make_article(
        "e1", ["Buyer Z bought Germany rights to Dear Comrades."], url="https://w/1")))
    for fact in resolved.facts:
        fact.entity_ids.pop("company", None)
    store.write(resolved)
    assert store.db.scalar("SELECT buyer_name FROM facts WHERE type = 'deal' AND company_id IS NULL") == "Buyer Z"
    film = store.film(film_id(store))
    (buyers,) = [c for c in film["contradictions"] if c["kind"] == "territory_buyer"]
    assert buyers["message"] == "two buyers for Germany: Buyer A Films vs Buyer Z"
    assert buyers["facts_total"] == 2 and len(buyers["facts"]) == 2
    resolved = Resolver(store.entities(), store.film_directors()).resolve(extract(make_article(
        "e2", ["Nobody bought Germany rights to Dear Comrades."], url="https://w/2")))
    for fact in resolved.facts:  # a deal that states no buyer at all is named "None"
        fact.entity_ids.pop("company", None)
        fact.fact.fields["company"] = None
    store.write(resolved)
    (buyers,) = [c for c in store.film(film_id(store))["contradictions"] if c["kind"] == "territory_buyer"]
    assert buyers["message"] == "two buyers for Germany: Buyer A Films vs Buyer Z vs None"
    assert buyers["facts_total"] == 3


def test_company_slate_window_roles_and_titles(store):
    """A company's slate: films by title (entity name, else the stated title of a deal that
    names no film entity), the roles in the order of each role's first deal, as buyer and as
    seller; the window cuts the ordered films and the total counts them all."""
    deals = ["Alpha Films bought Germany rights to Cold Harbour.", "Alpha Films bought France rights to Apple Tree.",
             "Alpha Films handles world sales on Cold Harbour.", "Alpha Films bought Germany rights to Apple Tree.",
             "Alpha Films bought Germany rights to Cold Harbour."]
    for i, line in enumerate(deals):
        write(store, make_article(f"s{i}", [line], url=f"https://s/{i}", date=f"2021-0{i + 1}-01"))
    alpha = store.find("company", "Alpha Films")[0]["id"]
    resolved = Resolver(store.entities(), store.film_directors()).resolve(extract(make_article(
        "s8", ["Beta Films bought Spain rights to Bright Field.", "Alpha Films bought Italy rights to Zed Title."],
        url="https://s/8")))
    for fact in resolved.facts:
        if fact.fact.fields.get("film") == "Bright Field":  # Alpha sold it to Beta
            fact.fact.fields["seller"] = "Alpha Films"
            fact.entity_ids["seller"] = alpha
        else:  # a title the resolver linked to no film entity
            fact.entity_ids.pop("film", None)
    store.write(resolved)
    slate = store.company(alpha)["slate"]
    assert [(s["film"], s["film_id"] is None, s["roles"]) for s in slate] == [
        ("Apple Tree", False, ["distribution: France", "distribution: Germany"]),
        ("Bright Field", False, ["seller"]),
        ("Cold Harbour", False, ["distribution: Germany", "sales"]),
        ("Zed Title", True, ["distribution: Italy"])]
    page = store.company(alpha, section="slate", offset=1, limit=2)
    assert page["slate"] == slate[1:3]
    assert page["paging"]["slate"] == {"total": 4, "offset": 1, "limit": 2}
    assert store.company(alpha, section="slate", limit=0)["slate"] == []
