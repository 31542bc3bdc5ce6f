"""A thin connection wrapper over sqlite3 and psycopg 3, so the store writes its SQL once.

SQL is written with ``?`` placeholders; on PostgreSQL they become ``%s``.  Rows come back
as plain dicts.  ``transaction()`` is the only way to write: it commits on success and
rolls back on any error, so every article lands whole or not at all.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reelgraph.store.keys import name_grams
from reelgraph.store.schema import LATE_INDEXES, SCHEMA_VERSION, buyer_name_sql, ddl, entity_article_rows

Row = dict[str, Any]
_SCHEMA_LOCK = 0x7265656C  # advisory lock id taken while the schema is created
# SQLite's page cache per connection (KiB; SQLite's default is 2 MiB).  The page of the biggest
# film reads about 1,000 fact rows, 1,300 evidence rows and the articles they cite, scattered
# over thousands of pages: with 2 MiB every call read them again from the OS (or the disk,
# where the OS cache is reclaimed).  Allocated as pages are read; in WAL mode it stays valid
# between read transactions until another connection writes.
SQLITE_CACHE_KIB = 65536
# Prepared statements kept per connection (sqlite3's default is 128).  A record page's
# statements carry IN lists and UNION ALL branches as long as the record's sections, so their
# text differs from film to film; with 128, the ~100 statements of the other films between two
# calls of one film evicted 4-6 of its 38 (the largest, 0.5-1 ms each to prepare again).
SQLITE_STATEMENTS = 512


def _pg_sql(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (a literal ``%`` is doubled first)."""
    return re.sub(r"\?", "%s", sql.replace("%", "%%"))


class Database:
    """One connection to SQLite or PostgreSQL, with dict rows and explicit transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        self._depth = 0
        self.conn: Any = self._connect_pg(url) if self.dialect == "postgresql" else self._connect_sqlite(url)
        self._create_schema()

    @staticmethod
    def _connect_sqlite(url: str) -> sqlite3.Connection:
        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False,
                               cached_statements=SQLITE_STATEMENTS)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        return conn

    @staticmethod
    def _connect_pg(url: str) -> Any:
        import psycopg
        from psycopg.rows import dict_row

        return psycopg.connect(url, autocommit=True, row_factory=dict_row)

    def _create_schema(self) -> None:
        with self.transaction():
            if self.dialect == "postgresql":  # concurrent CREATE ... IF NOT EXISTS can collide
                self.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
            for statement in ddl(self.dialect):
                self.execute(statement)
            version = self.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
            if version is None:
                self.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(version) < SCHEMA_VERSION:
                if int(version) < 2:
                    self._fill_name_grams()
                if int(version) < 3:
                    self._fill_evidence_dates()
                if int(version) < 4:
                    self._fill_fact_columns()
                    self._split_search_index()
                if int(version) < 5:
                    self._fill_schema5()
                if int(version) < 6:
                    self._fill_schema6()
                self.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
            for statement in LATE_INDEXES:
                self.execute(statement)

    def _columns(self, table: str) -> set[str]:
        if self.dialect == "sqlite":
            return {r["name"] for r in self.all(f"PRAGMA table_info({table})")}
        return {r["column_name"] for r in self.all(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " AND table_schema = current_schema()", (table,))}

    def _fill_fact_columns(self) -> None:
        """Schema 3 -> 4: the evidence counters of every fact (one ``UPDATE ... FROM`` over
        an aggregate of ``fact_sources``) and ``rights`` / ``territory`` / ``year`` from the
        fields (one ``UPDATE`` each)."""
        present = self._columns("facts")
        for column, sql_type in (("first_seen", "TEXT NOT NULL DEFAULT ''"), ("last_seen", "TEXT NOT NULL DEFAULT ''"),
                                 ("sources", "INTEGER NOT NULL DEFAULT 0"),
                                 ("evidence_total", "INTEGER NOT NULL DEFAULT 0"),
                                 ("rights", "TEXT NOT NULL DEFAULT ''"), ("territory", "TEXT"), ("year", "NUMERIC")):
            if column not in present:
                self.execute(f"ALTER TABLE facts ADD COLUMN {column} {sql_type}")
        self.execute(
            "UPDATE facts SET first_seen = s.first_date, last_seen = s.last_date, sources = s.n_articles,"
            " evidence_total = s.n_rows FROM (SELECT fact_id, COALESCE(MIN(date), '') AS first_date,"
            " COALESCE(MAX(date), '') AS last_date, COUNT(DISTINCT article_id) AS n_articles, COUNT(*) AS n_rows"
            " FROM fact_sources GROUP BY fact_id) AS s WHERE s.fact_id = facts.id")
        if self.dialect == "sqlite":
            rights, territory = "json_extract(fields, '$.rights')", "json_extract(fields, '$.territory')"
            year = ("CASE WHEN json_type(fields, '$.year') IN ('integer', 'real')"
                    " THEN json_extract(fields, '$.year') END")
        else:
            rights, territory = "(fields::jsonb ->> 'rights')", "(fields::jsonb ->> 'territory')"
            year = ("CASE WHEN jsonb_typeof(fields::jsonb -> 'year') = 'number'"
                    " THEN (fields::jsonb ->> 'year')::numeric END")
        self.execute(f"UPDATE facts SET rights = COALESCE(CAST({rights} AS TEXT), ''),"
                     f" territory = CAST({territory} AS TEXT) WHERE type = 'deal'")
        self.execute(f"UPDATE facts SET year = {year}")

    def _fill_schema5(self) -> None:
        """Schema 4 -> 5: ``role_rank`` / ``sort_name`` of the credits (one ``UPDATE``) and
        ``entity_articles`` from every live evidence row (one ``INSERT ... SELECT``)."""
        from reelgraph.model import CREDIT_ROLES

        present = self._columns("facts")
        for column, sql_type in (("role_rank", "INTEGER"), ("sort_name", "TEXT")):
            if column not in present:
                self.execute(f"ALTER TABLE facts ADD COLUMN {column} {sql_type}")
        roles = " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(CREDIT_ROLES))
        if self.dialect == "sqlite":
            role, person = "json_extract(fields, '$.role')", "json_extract(fields, '$.person')"
        else:
            role, person = "(fields::jsonb ->> 'role')", "(fields::jsonb ->> 'person')"
        self.execute(
            f"UPDATE facts SET role_rank = CASE {role} {roles} ELSE {len(CREDIT_ROLES)} END,"
            " sort_name = COALESCE((SELECT e.name FROM entities e WHERE e.id = facts.person_id),"
            f" CAST({person} AS TEXT), '') WHERE type = 'credit'")
        self.execute("DELETE FROM entity_articles")
        self.execute(f"INSERT INTO entity_articles (entity_id, via, date, article_id) {entity_article_rows()}")

    def _fill_schema6(self) -> None:
        """Schema 5 -> 6: ``buyer_name`` of every deal (one ``UPDATE``); its indexes are
        built with ``LATE_INDEXES``."""
        if "buyer_name" not in self._columns("facts"):
            self.execute("ALTER TABLE facts ADD COLUMN buyer_name TEXT")
        self.execute(f"UPDATE facts SET buyer_name = {buyer_name_sql(self.dialect)} WHERE type = 'deal'")

    def _split_search_index(self) -> None:
        """Schema 3 -> 4: entity rows move from ``search_index`` to ``entity_search``."""
        if self.dialect == "sqlite":
            self.execute("INSERT INTO entity_search (rowid, title, body) SELECT ref_id, title, body"
                         " FROM search_index WHERE kind = 'entity'")
        else:
            self.execute("INSERT INTO entity_search (ref_id, title, body) SELECT ref_id, title, body"
                         " FROM search_index WHERE kind = 'entity' ON CONFLICT (ref_id) DO NOTHING")
        self.execute("DELETE FROM search_index WHERE kind = 'entity'")

    def _fill_evidence_dates(self) -> None:
        """Schema 2 -> 3: ``fact_sources.date`` (the article's date, else the day stored)."""
        columns = self._columns("fact_sources")
        if "date" not in columns:
            self.execute("ALTER TABLE fact_sources ADD COLUMN date TEXT")
        self.execute(
            "UPDATE fact_sources SET date = COALESCE((SELECT NULLIF(a.date, '') FROM articles a"
            " WHERE a.id = fact_sources.article_id), substr(first_seen, 1, 10))")

    def _fill_name_grams(self) -> None:
        """Schema 1 -> 2: file every stored name key in ``name_grams``."""
        rows = self.all("SELECT kind, name_key FROM entities UNION SELECT e.kind, a.name_key"
                        " FROM aliases a JOIN entities e ON e.id = a.entity_id")
        self.add_name_grams((r["kind"], r["name_key"]) for r in rows)

    def add_name_grams(self, names: Iterable[tuple[str, str]]) -> None:
        """File (kind, name key) pairs under their fuzzy-lookup buckets (``keys.name_grams``)."""
        values = sorted({(gram, kind, key) for kind, key in names for gram in name_grams(key)})
        for i in range(0, len(values), 300):
            part = values[i:i + 300]
            self.execute(
                "INSERT INTO name_grams (gram, kind, name_key) VALUES "
                + ", ".join("(?, ?, ?)" for _ in part) + " ON CONFLICT DO NOTHING",
                [v for row in part for v in row])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.dialect == "postgresql":
            return self.conn.execute(_pg_sql(sql), tuple(params) or None)
        return self.conn.execute(sql, tuple(params))

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        if self.dialect == "postgresql":
            return list(self.execute(sql, params).fetchall())  # dict rows already
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples zipped with the names: half the cost of dict(sqlite3.Row)
        cursor.execute(sql, tuple(params))
        if cursor.description is None:
            return []
        names = [d[0] for d in cursor.description]
        if len(set(names)) < len(names):  # a repeated name: the first column wins, as in sqlite3.Row
            first: dict[str, int] = {}
            for i, n in enumerate(names):
                first.setdefault(n, i)
            return [{n: row[i] for n, i in first.items()} for row in cursor.fetchall()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows as tuples, in the order of the selected columns (for queries that return
        thousands of rows read once)."""
        if self.dialect == "postgresql":
            from psycopg.rows import tuple_row

            with self.conn.cursor(row_factory=tuple_row) as cursor:
                return list(cursor.execute(_pg_sql(sql), tuple(params) or None).fetchall())
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return list(cursor.execute(sql, tuple(params)).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        if row is None:
            return None
        return next(iter(dict(row).values()))

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT ... RETURNING id and return the id."""
        return int(self.scalar(sql + " RETURNING id", params))

    def close(self) -> None:
        self.conn.close()
