"""Watchlists: a named interest in one entity, and the facts about it that arrived since a time.

``add_watchlist(kind, entity_id, name=None, webhook_url=None)`` -> the watchlist dict
``{"id", "kind", "entity_id", "name", "webhook_url", "created_at"}``; ``watchlists()`` lists
them; ``remove_watchlist(id)`` (alias ``watchlist_delete``); ``watch`` is an alias of
``add_watchlist``; ``watchlist_facts(id, since=None)`` -> fact records about the
entity whose evidence was first stored after ``since`` (an ISO 8601 time; default: the
watchlist's creation), oldest first.
"""

from __future__ import annotations

from typing import Any

from reelgraph.store.db import Database
from reelgraph.store.schema import FACT_ENTITY_COLUMNS
from reelgraph.store.write import now


class WatchMixin:
    """Watchlists for ``Store``."""

    db: Database

    def add_watchlist(self, kind: str, entity_id: int, name: str | None = None,
                      webhook_url: str | None = None) -> dict[str, Any]:
        with self.db.transaction():
            entity = self._entity_row(self._live_id(entity_id))
            watch_id = self.db.insert(
                "INSERT INTO watchlists (kind, entity_id, name, webhook_url, created_at) VALUES (?, ?, ?, ?, ?)",
                (kind, entity["id"], name or entity["name"], webhook_url, now()))
        return self.watchlist(watch_id) or {}

    def watch(self, kind: str, entity_id: int, name: str | None = None,
              webhook_url: str | None = None) -> dict[str, Any]:
        """Same as ``add_watchlist`` (the web's name for it)."""
        return self.add_watchlist(kind, entity_id, name, webhook_url)

    def watchlist(self, watch_id: int) -> dict[str, Any] | None:
        return self.db.one("SELECT * FROM watchlists WHERE id = ?", (watch_id,))

    def watchlists(self) -> list[dict[str, Any]]:
        return self.db.all("SELECT * FROM watchlists ORDER BY id")

    def remove_watchlist(self, watch_id: int) -> bool:
        with self.db.transaction():
            found = self.watchlist(watch_id) is not None
            self.db.execute("DELETE FROM watchlists WHERE id = ?", (watch_id,))
        return found

    def watchlist_delete(self, watch_id: int) -> bool:
        """Same as ``remove_watchlist``."""
        return self.remove_watchlist(watch_id)

    def watchlist_facts(self, watch_id: int, since: str | None = None) -> list[dict[str, Any]]:
        """Facts about the watched entity first stored after ``since``."""
        watch = self.watchlist(watch_id)
        if watch is None:
            raise KeyError(f"no watchlist {watch_id}")
        since = since or watch["created_at"]
        entity_id = self._live_id(watch["entity_id"])
        about = " OR ".join(f"{c}_id = ?" for c in FACT_ENTITY_COLUMNS)
        rows = self.db.all(
            f"SELECT fact_id, MIN(first_seen) AS seen FROM fact_sources WHERE fact_id IN"
            f" (SELECT id FROM facts WHERE retracted = 0 AND ({about})) GROUP BY fact_id HAVING MIN(first_seen) > ?"
            " ORDER BY seen, fact_id",
            [entity_id] * len(FACT_ENTITY_COLUMNS) + [since])
        return self._records_in_order([r["fact_id"] for r in rows])
