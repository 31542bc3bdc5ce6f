"""``Store``: the one object the rest of reelgraph uses to write and read the database.

Its methods come from small mixins, one concern each: ``write`` (articles, entities, facts),
``records`` (the fact record shape), ``queries`` (read queries), ``search`` (full text),
``corrections`` (merge, split, retract, rename), ``watch`` (watchlists), ``export``.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from reelgraph.store.corrections import CorrectionsMixin
from reelgraph.store.db import Database
from reelgraph.store.export import ExportMixin
from reelgraph.store.queries import QueryMixin
from reelgraph.store.records import RecordsMixin
from reelgraph.store.search import SearchMixin
from reelgraph.store.watch import WatchMixin
from reelgraph.store.write import WriteMixin

DEFAULT_DB = "reelgraph.db"


class Store(QueryMixin, RecordsMixin, SearchMixin, CorrectionsMixin, WatchMixin, ExportMixin, WriteMixin):
    """A reelgraph database (SQLite or PostgreSQL)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def url(self) -> str:
        return self.db.url

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def set_time_limit(self, seconds: float) -> None:
        """Cancel any statement that runs longer than ``seconds`` (PostgreSQL's
        statement_timeout; on SQLite use ``interrupt`` from another thread)."""
        if self.db.dialect != "postgresql":
            raise NotImplementedError("SQLite has no statement time limit; use interrupt()")
        self.db.execute(f"SET statement_timeout = {int(seconds * 1000)}")

    def interrupt(self) -> None:
        """Abort the statement running now (safe to call from another thread)."""
        if self.db.dialect == "postgresql":
            self.db.conn.cancel_safe()
        else:
            self.db.conn.interrupt()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(url: str | Path | None = None) -> Store:
    """Open (and create if needed) a store: ``None`` = ``reelgraph.db`` in the current folder;
    a path or ``sqlite:///path`` = SQLite (WAL mode); ``postgresql://...`` = PostgreSQL."""
    return Store(Database(str(url) if url else DEFAULT_DB))
