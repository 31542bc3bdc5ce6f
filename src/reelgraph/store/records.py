"""Fact records: the one JSON shape every query uses for a fact.

A fact record is a flat dict::

    {"fact_id": 12, "type": "deal",
     # the fact's fields as stated, entity fields replaced by the entity's current name
     # and joined by "<field>_id" (e.g. "film": "Dear Comrades", "film_id": 3):
     "film": ..., "film_id": ..., "company": ..., "company_id": ..., "territory": ..., "rights": ...,
     "confidence": 0.9, "retracted": false, "retract_reason": null,
     "sources": 2,                     # how many articles state it (all of them)
     "first_seen": "2020-09-03",       # earliest article date (ingest date when undated)
     "last_seen": "2021-01-10",
     "evidence_total": 2,              # evidence rows in all (``evidence`` may hold fewer)
     "evidence": [{"article_id": 1, "title": ..., "date": ..., "url": ...,
                   "sentence": ..., "start": 120, "end": 260}]}   # start/end: offsets in the article text

``evidence`` is newest first (article date, then article id).  Records inside entity records,
deal lists and feeds carry at most ``EVIDENCE_LIMIT`` (3) evidence rows; ``sources``,
``first_seen``, ``last_seen`` and ``evidence_total`` always count every row, and
``Store.fact(id)`` (``/api/facts/{id}``) gives the whole list.  The counters are columns of
``facts`` (schema 4, kept in step with ``fact_sources`` on every write, merge and re-ingest);
the evidence is read only for the facts of the page, ``LIMIT 3`` per fact in SQL, so a fact
stated by thousands of articles costs three rows.

Lists of records skip retracted facts unless asked otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from reelgraph.store.db import Database, Row
from reelgraph.store.schema import FACT_ENTITY_COLUMNS

_CHUNK = 500
EVIDENCE_LIMIT = 3  # evidence rows per fact inside records and lists; fact(id) gives all
# (field, id column) of the entity fields, built once: a film page builds ~500 records
_ID_COLUMNS = tuple((column, f"{column}_id") for column in FACT_ENTITY_COLUMNS)


def _decode_fields(text: str) -> dict[str, Any]:
    """``facts.fields`` as stored by ``json.dumps`` (no leading whitespace): the decoder's
    ``raw_decode``, without ``json.loads``' whitespace scans around it."""
    return _DECODER.raw_decode(text)[0]


_DECODER = json.JSONDecoder()



def chunks(ids: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


class RecordsMixin:
    """Turns ``facts`` rows into fact records (see the module docstring)."""

    db: Database

    def _fact_rows(self, where: str, params: Sequence[Any] = (), retracted: bool = False) -> list[Row]:
        live = "" if retracted else "retracted = 0 AND "
        return self.db.all(f"SELECT * FROM facts WHERE {live}({where}) ORDER BY id", params)

    def _facts(self, where: str, params: Sequence[Any] = (), retracted: bool = False,
               evidence: int | None = EVIDENCE_LIMIT) -> list[dict[str, Any]]:
        return self._records(self._fact_rows(where, params, retracted), evidence)

    def _records(self, rows: list[Row], evidence: int | None = EVIDENCE_LIMIT) -> list[dict[str, Any]]:
        """Records of ``rows`` with at most ``evidence`` evidence rows each (None: all)."""
        return self._record_batch([(rows, evidence)])[0]

    def _record_batch(self, parts: Sequence[tuple[Sequence[Row], int | None]]) -> list[list[dict[str, Any]]]:
        """The records of several lists of rows (a page's sections), each list with its own
        evidence limit, built in one batch: one evidence pass at the largest limit (cut per
        list: the rows are newest first, so the first ``n`` of a longer list are the ``n``
        newest), one names query, and one record per (fact, limit) however many lists hold it."""
        unique: dict[int, Row] = {}
        for rows, _ in parts:
            for r in rows:
                unique.setdefault(r["id"], r)
        limits = {limit for _, limit in parts}
        widest = None if None in limits else max(limits, default=EVIDENCE_LIMIT)
        found = self._evidence(list(unique.values()), widest)
        names = self._names({r[c] for r in unique.values() for _, c in _ID_COLUMNS if r[c]})
        built: dict[tuple[int, int | None], dict[str, Any]] = {}
        out = []
        for rows, limit in parts:
            records = []
            for r in rows:
                record = built.get((r["id"], limit))
                if record is None:
                    evidence = found.get(r["id"], [])
                    if limit is not None and limit != widest:
                        evidence = evidence[:limit]
                    record = built[(r["id"], limit)] = self._record(r, evidence, names)
                records.append(record)
            out.append(records)
        return out

    def _evidence(self, rows: Sequence[Row], per_fact: int | None = EVIDENCE_LIMIT) -> dict[int, list[dict[str, Any]]]:
        """{fact id: evidence, newest first, at most ``per_fact``} of the facts in ``rows``.

        Only these facts are read.  A fact whose ``evidence_total`` fits in ``per_fact`` gives
        all its rows (one ``IN (...)`` query); the others are cut per fact in SQL: on SQLite a
        ``rowid IN (... ORDER BY ... LIMIT ?)`` subquery per fact, on PostgreSQL a ``LATERAL``
        join, both reading ``fact_sources_newest`` from the newest row on.  A fact stated by
        thousands of articles costs ``per_fact`` rows."""
        found: dict[int, list[dict[str, Any]]] = {}
        ids = list(dict.fromkeys(r["id"] for r in rows))
        if per_fact is None:
            small, big = ids, []
        else:
            totals = {r["id"]: int(r.get("evidence_total") or 0) for r in rows}
            small = [i for i in ids if 0 < totals[i] <= per_fact]
            big = [i for i in ids if totals[i] > per_fact]
        columns = ("s.fact_id, s.article_id, s.sentence, s.span_start, s.span_end, s.date, a.title, a.url")
        order = "s.fact_id, s.date DESC, s.article_id DESC, s.span_start"
        batches: list[tuple[str, list[Any]]] = []
        for part in chunks(small):
            batches.append((f"SELECT {columns} FROM fact_sources s JOIN articles a ON a.id = s.article_id"
                            f" WHERE s.fact_id IN ({marks(len(part))}) ORDER BY {order}", list(part)))
        for part in chunks(big, 200):
            values = ", ".join("(?)" for _ in part)
            if self.db.dialect == "sqlite":
                sql = (f"WITH p(id) AS (VALUES {values}) SELECT {columns} FROM p JOIN fact_sources s"
                       " ON s.rowid IN (SELECT t.rowid FROM fact_sources t WHERE t.fact_id = p.id"
                       " ORDER BY t.date DESC, t.article_id DESC, t.span_start LIMIT ?)"
                       f" JOIN articles a ON a.id = s.article_id ORDER BY {order}")
            else:
                sql = (f"SELECT {columns} FROM (VALUES {values}) AS p(id) CROSS JOIN LATERAL"
                       " (SELECT * FROM fact_sources t WHERE t.fact_id = p.id"
                       " ORDER BY t.date DESC, t.article_id DESC, t.span_start LIMIT ?) AS s"
                       f" JOIN articles a ON a.id = s.article_id ORDER BY {order}")
            batches.append((sql, [*part, per_fact]))
        for sql, params in batches:  # tuples in the order of ``columns`` (no dict per row twice)
            for fact_id, article_id, sentence, start, end, date, title, url in self.db.tuples(sql, params):
                found.setdefault(fact_id, []).append({
                    "article_id": article_id, "title": title, "date": date,
                    "url": url, "sentence": sentence, "start": start, "end": end,
                })
        return found

    def _names(self, entity_ids: set[int]) -> dict[int, Row]:
        found: dict[int, Row] = {}
        ids = sorted(entity_ids)
        for part in chunks(ids):
            for r in self.db.all(f"SELECT id, kind, name, year FROM entities WHERE id IN ({marks(len(part))})", part):
                found[r["id"]] = r
        return found

    @staticmethod
    def _record(row: Row, evidence: list[dict[str, Any]], names: dict[int, Row]) -> dict[str, Any]:
        # plain assignments in a fixed order (a film page builds ~500 of these; an existing
        # key keeps its place, as ``dict.update`` did)
        record: dict[str, Any] = {"fact_id": row["id"], "type": row["type"]}
        record.update(_decode_fields(row["fields"]))
        for column, id_column in _ID_COLUMNS:
            entity_id = row[id_column]
            if entity_id:
                entity = names.get(entity_id)
                record[column] = entity["name"] if entity is not None else record.get(column)
                record[id_column] = entity_id
        if row["type"] == "award" and row["subject_id"] in names:
            record["subject_kind"] = names[row["subject_id"]]["kind"]
        record["confidence"] = round(float(row["confidence"]), 3)
        record["retracted"] = bool(row["retracted"])
        record["retract_reason"] = row["retract_reason"]
        record["sources"] = int(row["sources"] or 0)
        record["first_seen"] = row["first_seen"] or None
        record["last_seen"] = row["last_seen"] or None
        record["evidence_total"] = int(row["evidence_total"] or 0)
        record["evidence"] = evidence
        return record
