"""Schema 4 keeps evidence counters on ``facts``; they must equal a recount from
``fact_sources`` after writes, merges, splits and updated articles."""

from __future__ import annotations

from store_helpers import make_article, write


def recount(store):
    stored = {r["id"]: (r["first_seen"], r["last_seen"], int(r["sources"]), int(r["evidence_total"]))
              for r in store.db.all("SELECT * FROM facts")}
    counted = {r["fact_id"]: (r["first"], r["last"], int(r["n_articles"]), int(r["n"])) for r in store.db.all(
        "SELECT fact_id, MIN(date) AS first, MAX(date) AS last, COUNT(DISTINCT article_id) AS n_articles,"
        " COUNT(*) AS n FROM fact_sources GROUP BY fact_id")}
    return stored, {i: counted.get(i, ("", "", 0, 0)) for i in stored}


def test_counters_follow_evidence(store):
    lines = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
             "Alamode bought France rights to Dear Comrades."]
    write(store, make_article("a", lines, url="https://x/a", date="2020-09-01"))
    write(store, make_article("b", [*lines, "Curzon bought UK rights to Dear Comrades."], url="https://x/b",
                              date="2021-03-02"))
    write(store, make_article("c", ["Comrades Dear (2020) is directed by Andrei Konchalovsky.",
                                    "Alamode bought France rights to Comrades Dear."], url="https://x/c",
                              date="2019-05-05"))
    stored, counted = recount(store)
    assert stored == counted
    assert any(v[2] == 2 and v[0] == "2020-09-01" and v[1] == "2021-03-02" for v in stored.values())
    films = [h["id"] for h in store.find("film", "Dear Comrades") if h["match"] == "exact"]
    others = [h["id"] for h in store.find("film", "Comrades Dear") if h["match"] == "exact"]
    if films and others and films[0] != others[0]:
        store.merge(films[0], others[0])
        stored, counted = recount(store)
        assert stored == counted
    write(store, make_article("b", lines[:1], url="https://x/b", date="2021-03-02"))  # updated article
    stored, counted = recount(store)
    assert stored == counted
    film = store.film(films[0])
    deal = film["deals"][0]
    assert deal["first_seen"] == min(e["date"] for e in store.fact(deal["fact_id"])["evidence"])
    assert deal["sources"] == len({e["article_id"] for e in store.fact(deal["fact_id"])["evidence"]})
