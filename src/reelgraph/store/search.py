"""Full-text search over articles and entities.

SQLite: FTS5 tables ``search_index`` for articles (rowid = article id * 2) and ``entity_search``
for entity names and aliases (rowid = entity id), with ``snippet()``; PostgreSQL: the tables
of the same names with a generated ``tsv`` (GIN index) and ``ts_headline``.  Each kind is
its own ranked query with ``LIMIT`` (``ORDER BY rank LIMIT n`` inside FTS5, so ``snippet()``
runs for the returned rows only; ``ts_rank`` ... ``LIMIT n`` then ``ts_headline`` on PostgreSQL):
entity hits never wait for the ranking of article matches.  User input is never passed through as query syntax: it is cut into word
tokens, each quoted and prefix-matched (whole words only below ``PREFIX_MIN`` = 3 characters),
all required ("AND").  Quotes, ``*``, ``--`` or
``; DROP TABLE`` are just punctuation and words; upper-case ``AND``/``OR``/``NOT``/``NEAR`` are dropped.

``search(text, limit=20)`` returns::

    {"query": str,
     "entities": [{"id", "kind", "name", "year", "snippet", "snippet_html"}],
     "articles": [{"article_id", "title", "date", "url", "snippet", "snippet_html"}]}

``snippet`` is plain text; ``snippet_html`` is HTML-escaped text with matches in ``<mark>``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from reelgraph.store.db import Database

_START, _STOP = "\ue000", "\ue001"
_TOKEN = re.compile(r"[^\W_]+")


_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# Tokens shorter than this match whole words only: a prefix of one or two letters ("s" of
# "Night's") matches most of the index and every match would be ranked before the LIMIT.
PREFIX_MIN = 3


def query_tokens(text: str) -> list[str]:
    """The word tokens of user input (at most 16); punctuation and upper-case query
    operators (AND, OR, NOT, NEAR) are dropped."""
    return [t for t in _TOKEN.findall(text or "") if t not in _OPERATORS][:16]


def _snippets(raw: str | None) -> dict[str, str]:
    raw = raw or ""
    plain = raw.replace(_START, "").replace(_STOP, "")
    marked = html.escape(raw).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return {"snippet": plain, "snippet_html": marked}


class SearchMixin:
    """Indexing and search for ``Store``."""

    db: Database

    def _index_row(self, kind: str, ref_id: int, title: str, body: str) -> None:
        self._unindex(kind, ref_id)
        if self.db.dialect == "sqlite":
            if kind == "entity":
                self.db.execute("INSERT INTO entity_search (rowid, title, body) VALUES (?, ?, ?)",
                                (ref_id, title, body))
            else:
                self.db.execute(
                    "INSERT INTO search_index (rowid, kind, ref_id, title, body) VALUES (?, ?, ?, ?, ?)",
                    (ref_id * 2, kind, ref_id, title, body))
        elif kind == "entity":
            self.db.execute("INSERT INTO entity_search (ref_id, title, body) VALUES (?, ?, ?)", (ref_id, title, body))
        else:
            self.db.execute("INSERT INTO search_index (kind, ref_id, title, body) VALUES (?, ?, ?, ?)",
                            (kind, ref_id, title, body))

    def _unindex(self, kind: str, ref_id: int) -> None:
        if kind == "entity":
            column = "rowid" if self.db.dialect == "sqlite" else "ref_id"
            self.db.execute(f"DELETE FROM entity_search WHERE {column} = ?", (ref_id,))
        elif self.db.dialect == "sqlite":
            self.db.execute("DELETE FROM search_index WHERE rowid = ?", (ref_id * 2,))
        else:
            self.db.execute("DELETE FROM search_index WHERE kind = ? AND ref_id = ?", (kind, ref_id))

    def _index_article(self, article_id: int) -> None:
        row = self.db.one("SELECT title, text FROM articles WHERE id = ?", (article_id,))
        if row:
            self._index_row("article", article_id, row["title"] or "", row["text"])

    def _index_entity(self, entity_id: int) -> None:
        row = self.db.one("SELECT kind, name, merged_into FROM entities WHERE id = ?", (entity_id,))
        if row is None or row["merged_into"] is not None:
            self._unindex("entity", entity_id)
            return
        aliases = [r["name"] for r in self.db.all(
            "SELECT name FROM aliases WHERE entity_id = ? AND blocked = 0", (entity_id,))]
        self._index_row("entity", entity_id, row["name"], " ".join([row["kind"], *aliases]))

    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        """Entities and articles matching every word of ``text`` (see the module docstring)."""
        result: dict[str, Any] = {"query": text, "entities": [], "articles": []}
        tokens = query_tokens(text)
        limit = max(1, min(int(limit), 200))
        if not tokens:
            return result
        rows = self._search_sqlite(tokens, limit) if self.db.dialect == "sqlite" else self._search_pg(tokens, limit)
        entity_ids = [r["ref_id"] for r in rows if r["kind"] == "entity"]
        article_ids = [r["ref_id"] for r in rows if r["kind"] != "entity"]
        entities = self._rows_by_id("SELECT id, kind, name, year FROM entities", entity_ids)
        articles = self._rows_by_id("SELECT id, title, date, url FROM articles", article_ids)
        for row in rows:
            if row["kind"] == "entity":
                if row["ref_id"] in entities:
                    result["entities"].append({**entities[row["ref_id"]], **_snippets(row["snip"])})
            elif row["ref_id"] in articles:
                article = dict(articles[row["ref_id"]])
                result["articles"].append({"article_id": article.pop("id"), **article, **_snippets(row["snip"])})
        return result

    def _rows_by_id(self, select: str, ids: list[int]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        return {r["id"]: r for r in self.db.all(f"{select} WHERE id IN ({marks})", ids)}

    def _search_sqlite(self, tokens: list[str], limit: int) -> list[dict[str, Any]]:
        # ORDER BY rank (the bm25 weights set by "rank MATCH") with no other condition lets
        # FTS5 sort and cut the matches itself, so snippet() runs for the rows returned only.
        match = " AND ".join(f'"{t}"*' if len(t) >= PREFIX_MIN else f'"{t}"' for t in tokens)
        entities = self.db.all(
            "SELECT 'entity' AS kind, rowid AS ref_id, snippet(entity_search, 0, ?, ?, '…', 16) AS snip"
            " FROM entity_search WHERE entity_search MATCH ? AND rank MATCH 'bm25(10, 1)' ORDER BY rank LIMIT ?",
            (_START, _STOP, match, limit))
        return entities + self.db.all(
            "SELECT 'article' AS kind, ref_id, snippet(search_index, 3, ?, ?, '…', 16) AS snip"
            " FROM search_index WHERE search_index MATCH ? AND rank MATCH 'bm25(0, 0, 10, 1)' ORDER BY rank LIMIT ?",
            (_START, _STOP, match, limit))

    def _search_pg(self, tokens: list[str], limit: int) -> list[dict[str, Any]]:
        # ts_rank over the GIN matches, LIMIT, then ts_headline only for the rows returned.
        query = " & ".join(f"'{t}':*" if len(t) >= PREFIX_MIN else f"'{t}'" for t in tokens)
        options = f"StartSel={_START}, StopSel={_STOP}, MaxWords=30, MinWords=10, MaxFragments=2"
        sql = (
            "SELECT '{kind}' AS kind, ref_id, ts_headline('simple', {col}, q, ?) AS snip FROM ("
            " SELECT ref_id, {col}, q, ts_rank(tsv, q) AS r"
            " FROM {table}, to_tsquery('simple', ?) AS q WHERE tsv @@ q"
            " ORDER BY r DESC, ref_id LIMIT ?) AS top ORDER BY r DESC, ref_id"
        )
        rows = self.db.all(sql.format(kind="entity", col="title", table="entity_search"), (options, query, limit))
        return rows + self.db.all(sql.format(kind="article", col="body", table="search_index"),
                                  (options, query, limit))
