"""Corrections are records of their own and survive re-ingestion."""

from __future__ import annotations

import pytest
from store_helpers import make_article, write

FIRST = ["Dear Comrades (2020) is directed by Andrei Konchalovsky.",
         "Films Boutique handles world sales on Dear Comrades."]
SECOND = ["Dear Comrades! (2020) is directed by A. Konchalovsky.",
          "Neue Visionen bought Germany rights to Dear Comrades!."]


def ids(store, kind, name):
    return [h["id"] for h in store.find(kind, name) if h["match"] in ("exact", "alias")]


def test_retract_survives_reingest_and_update(store):
    write(store, make_article("a", FIRST, url="https://x/a"))
    deal = store.deals()["items"][0]
    result = store.retract(deal["fact_id"], "wrong agent")
    assert result["kind"] == "retract" and store.corrections()[0]["reason"] == "wrong agent"
    assert store.deals()["total"] == 0 and store.fact(deal["fact_id"])["retracted"] is True
    assert write(store, make_article("a", FIRST, url="https://x/a")).status == "unchanged"
    assert write(store, make_article("b", FIRST[1:], url="https://x/b")).status == "new"
    assert store.deals()["total"] == 0
    updated = write(store, make_article("a", [*FIRST, "Another line."], url="https://x/a"))
    assert updated.status == "updated"
    assert store.deals()["total"] == 0
    assert store.fact(deal["fact_id"])["retracted"] is True


def test_merge_moves_facts_and_survives_reingest(store):
    write(store, make_article("a", FIRST, url="https://x/a"))
    write(store, make_article("b", ["Comrades Dear (2020) is directed by Andrei Konchalovsky.",
                                    "Alamode bought France rights to Comrades Dear."], url="https://x/b"))
    (keep,), (other,) = ids(store, "film", "Dear Comrades"), ids(store, "film", "Comrades Dear")
    result = store.merge(keep, other, reason="same film")
    assert result["facts_moved"] >= 2
    film = store.film(keep)
    assert {d["company"] for d in film["deals"]} == {"Films Boutique", "Alamode"}
    assert [c["sources"] for c in film["credits"]] == [2]  # the two credits became one fact
    assert "Comrades Dear" in [a["name"] for a in film["aliases"]]
    assert store.film(other)["id"] == keep
    write(store, make_article("c", ["Comrades Dear (2020) is directed by Andrei Konchalovsky.",
                                    "Curzon bought UK rights to Comrades Dear."], url="https://x/c"))
    assert ids(store, "film", "Comrades Dear") == [keep]
    assert store.counts()["entities"]["film"] == 1
    assert {d["company"] for d in store.film(keep)["deals"]} == {"Films Boutique", "Alamode", "Curzon"}
    with pytest.raises(ValueError):
        store.merge(keep, keep)


def test_split_blocks_relinking(store):
    write(store, make_article("a", FIRST, url="https://x/a"))
    write(store, make_article("b", ["Dear Comrade (2020) is directed by Andrei Konchalovsky.",
                                    "Alamode bought France rights to Dear Comrade."], url="https://x/b"))
    (film_id,) = ids(store, "film", "Dear Comrades")
    assert ids(store, "film", "Dear Comrade") == [film_id]  # the resolver linked the spelling
    result = store.split(film_id, "Dear Comrade")
    new_id = result["new_entity_id"]
    assert new_id != film_id
    assert [d["company"] for d in store.film(new_id)["deals"]] == ["Alamode"]
    assert [d["company"] for d in store.film(film_id)["deals"]] == ["Films Boutique"]
    assert "Dear Comrade" in store.entity(film_id)["blocked"]
    blocked = next(e for e in store.entities() if e.id == film_id).blocked
    assert blocked == ["Dear Comrade"]
    write(store, make_article("c", ["Curzon bought UK rights to Dear Comrade."], url="https://x/c"))
    assert {d["company"] for d in store.film(new_id)["deals"]} == {"Alamode", "Curzon"}
    assert [d["company"] for d in store.film(film_id)["deals"]] == ["Films Boutique"]
    with pytest.raises(ValueError):
        store.split(film_id, "Dear Comrades")


def test_rename_keeps_old_name_as_alias(store):
    write(store, make_article("a", FIRST, url="https://x/a"))
    (film_id,) = ids(store, "film", "Dear Comrades")
    store.rename(film_id, "Dorogie Tovarishchi")
    assert store.film(film_id)["name"] == "Dorogie Tovarishchi"
    assert ids(store, "film", "Dear Comrades") == [film_id]
    write(store, make_article("b", ["Curzon bought UK rights to Dear Comrades."], url="https://x/b"))
    assert store.film(film_id)["name"] == "Dorogie Tovarishchi"
    assert {d["company"] for d in store.film(film_id)["deals"]} == {"Films Boutique", "Curzon"}
    assert [c["kind"] for c in store.corrections()] == ["rename"]


def test_unknown_ids_raise_key_error(store):
    with pytest.raises(KeyError):
        store.retract(404)
    with pytest.raises(KeyError):
        store.rename(404, "x")
    with pytest.raises(KeyError):
        store.merge(404, 405)


def test_watchlist_returns_new_facts_since(store):
    write(store, make_article("a", FIRST, url="https://x/a"))
    (film_id,) = ids(store, "film", "Dear Comrades")
    watch = store.add_watchlist("film", film_id, webhook_url="https://hooks.example/1")
    assert store.watchlist_facts(watch["id"]) == []
    write(store, make_article("b", ["Curzon bought UK rights to Dear Comrades."], url="https://x/b"))
    new = store.watchlist_facts(watch["id"])
    assert [f["company"] for f in new] == ["Curzon"]
    assert len(store.watchlist_facts(watch["id"], since="2000-01-01")) == 4
    assert store.watchlists()[0]["webhook_url"] == "https://hooks.example/1"
    assert store.remove_watchlist(watch["id"]) and store.watchlists() == []
