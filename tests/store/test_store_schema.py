"""Upgrades on open: a schema 5 database opened by this code becomes schema 6 in place, its
data kept and the new columns filled (SQLite and PostgreSQL)."""

from __future__ import annotations

from store_helpers import dump, make_article, write
from test_store_counters import buyer_names

from reelgraph.store import open_store
from reelgraph.store.schema import SCHEMA_VERSION

SCHEMA6_INDEXES = ("facts_film_buyers", "facts_film_territory")


def indexes(store) -> set[str]:
    if store.db.dialect == "sqlite":
        return {r["name"] for r in store.db.all("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return {r["indexname"] for r in store.db.all(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}


def as_schema5(store) -> None:
    """Turn a schema 6 database back into what schema 5 left: no ``buyer_name``, no schema 6
    indexes, version 5."""
    with store.db.transaction():
        for name in SCHEMA6_INDEXES:
            store.db.execute(f"DROP INDEX IF EXISTS {name}")
        store.db.execute("ALTER TABLE facts DROP COLUMN buyer_name")
        store.db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")


def test_schema5_is_upgraded_on_open(store_url):
    store = open_store(store_url)
    credit = "Dear Comrades (2020) is directed by Andrei Konchalovsky."
    for i, buyer in enumerate(["Alamode", "Curzon", "Neue Visionen"]):
        write(store, make_article(f"a{i}", [credit, f"{buyer} bought France rights to Dear Comrades.",
                                            "Films Boutique handles world sales on Dear Comrades."],
                                  url=f"https://x/{i}", date=f"2020-0{i + 1}-01"))
    film = store.find("film", "Dear Comrades")[0]["id"]
    before, rows = store.film(film), dump(store)
    as_schema5(store)
    assert "buyer_name" not in store.db._columns("facts") and not set(SCHEMA6_INDEXES) & indexes(store)
    store.close()

    store = open_store(store_url)
    try:
        assert store.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION) == "6"
        stored, wanted = buyer_names(store)
        assert stored == wanted and len(stored) == 4 and None not in stored.values()
        assert set(SCHEMA6_INDEXES) <= indexes(store)
        assert dump(store) == rows
        assert store.film(film) == before
        assert "Alamode vs Curzon vs Neue Visionen" in before["contradictions"][0]["message"]
    finally:
        store.close()
