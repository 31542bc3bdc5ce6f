"""Schema 4 keeps evidence counters on ``facts``; they must equal a recount from
``fact_sources`` after writes, merges, splits and updated articles.  The same for the
denormalised columns of schemas 5 and 6 (``entity_articles``, ``role_rank`` / ``sort_name``,
``buyer_name``) after corrections."""

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


def relink(store):
    """``entity_articles`` as stored and as recounted from scratch (schema 5)."""
    from reelgraph.store.schema import entity_article_rows

    def rows(sql):
        return sorted((int(r["entity_id"]), r["via"], r["date"], int(r["article_id"])) for r in store.db.all(sql))

    return rows("SELECT * FROM entity_articles"), rows(entity_article_rows())


def sort_keys(store):
    """``role_rank`` / ``sort_name`` of every credit, stored and recomputed from the fields."""
    import json

    from reelgraph.model import CREDIT_ROLES

    names = {r["id"]: r["name"] for r in store.db.all("SELECT id, name FROM entities")}
    stored, wanted = {}, {}
    for r in store.db.all("SELECT * FROM facts WHERE type = 'credit'"):
        fields = json.loads(r["fields"])
        role = fields.get("role")
        stored[r["id"]] = (r["role_rank"], r["sort_name"])
        wanted[r["id"]] = (CREDIT_ROLES.index(role) if role in CREDIT_ROLES else len(CREDIT_ROLES),
                           names.get(r["person_id"], fields.get("person") or ""))
    return stored, wanted


def test_entity_articles_and_sort_keys_follow_corrections(store):
    lines = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
             "Alamode bought France rights to Dear Comrades.",
             "Dear Comrades was selected for the Competition of Venice 2020."]
    write(store, make_article("a", lines, url="https://x/a", date="2020-09-01"))
    write(store, make_article("b", [*lines[:2], "Curzon bought UK rights to Dear Comrades."], url="https://x/b",
                              date="2021-03-02"))
    write(store, make_article("c", ["Comrades Dear (2020) is directed by A. Konchalovsky.",
                                    "Alamode bought France rights to Comrades Dear."], url="https://x/c",
                              date="2019-05-05"))
    stored, counted = relink(store)
    assert stored == counted and stored
    assert sort_keys(store)[0] == sort_keys(store)[1]
    film = store.find("film", "Dear Comrades")[0]["id"]
    other = [h["id"] for h in store.find("film", "Comrades Dear") if h["match"] == "exact"]
    if other and other[0] != film:
        store.merge(film, other[0])
        assert relink(store)[0] == relink(store)[1]
    people = [h["id"] for h in store.find("person", "Konchalovsky")]
    if len(people) > 1:
        store.merge(people[0], people[1])
    store.rename(people[0], "Andrei S. Konchalovsky")
    assert sort_keys(store)[0] == sort_keys(store)[1]
    deal = store.film(film)["deals"][0]
    store.retract(deal["fact_id"], "wrong")
    assert relink(store)[0] == relink(store)[1]
    split = store.split(film, "Comrades Dear") if other and other[0] != film else None
    assert split  # the merge and the split above both ran
    if split:
        assert relink(store)[0] == relink(store)[1]
        assert sort_keys(store)[0] == sort_keys(store)[1]
    write(store, make_article("b", lines[:1], url="https://x/b", date="2021-03-02"))  # updated article
    stored, counted = relink(store)
    assert stored == counted
    record = store.film(film)
    assert record["paging"]["sources"]["total"] == len(record["sources"]) == len(
        {e["article_id"] for r in store.db.all(
            "SELECT s.article_id FROM fact_sources s JOIN facts f ON f.id = s.fact_id"
            " WHERE f.retracted = 0 AND (f.film_id = ? OR f.subject_id = ?)", (film, film)) for e in [r]})
    person = store.person(people[0])
    assert person["paging"]["sources"]["total"] >= 1


def buyer_names(store):
    """``buyer_name`` of every deal, stored and recomputed: the buyer entity's current name,
    else the stated company (schema 6)."""
    import json

    names = {r["id"]: r["name"] for r in store.db.all("SELECT id, name FROM entities")}
    stored, wanted = {}, {}
    for r in store.db.all("SELECT * FROM facts WHERE type = 'deal'"):
        stored[r["id"]] = r["buyer_name"]
        wanted[r["id"]] = names[r["company_id"]] if r["company_id"] else json.loads(r["fields"]).get("company")
    return stored, wanted


def france_buyers(store, film):
    (found,) = [c["message"] for c in store.film(film)["contradictions"] if c.get("territory") == "France"]
    return found


def test_buyer_names_follow_rename_merge_and_split(store):
    credit = "Dear Comrades (2020) is directed by Andrei Konchalovsky."
    write(store, make_article("a", [credit, "Curzon bought UK rights to Dear Comrades.",
                                    "Alamode bought France rights to Dear Comrades."], url="https://x/a"))
    write(store, make_article("b", [credit, "Artificial Eye bought France rights to Dear Comrades."],
                              url="https://x/b"))
    stored, wanted = buyer_names(store)
    assert stored == wanted and sorted(stored.values()) == ["Alamode", "Artificial Eye", "Curzon"]
    film = store.find("film", "Dear Comrades")[0]["id"]
    assert france_buyers(store, film) == "two buyers for France: Alamode vs Artificial Eye"
    curzon = store.find("company", "Curzon")[0]["id"]
    eye = store.find("company", "Artificial Eye")[0]["id"]
    store.merge(curzon, eye)
    stored, wanted = buyer_names(store)
    assert stored == wanted and sorted(stored.values()) == ["Alamode", "Curzon", "Curzon"]
    assert france_buyers(store, film) == "two buyers for France: Alamode vs Curzon"
    store.rename(curzon, "Curzon Film")
    assert buyer_names(store)[0] == buyer_names(store)[1]
    assert france_buyers(store, film) == "two buyers for France: Alamode vs Curzon Film"
    store.split(curzon, "Artificial Eye")
    stored, wanted = buyer_names(store)
    assert stored == wanted and sorted(stored.values()) == ["Alamode", "Artificial Eye", "Curzon Film"]
    assert france_buyers(store, film) == "two buyers for France: Alamode vs Artificial Eye"
