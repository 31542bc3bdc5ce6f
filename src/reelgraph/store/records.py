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
``Store.fact(id)`` (``/api/facts/{id}``) gives the whole list.  The cut is made in SQL (a
``ROW_NUMBER()`` window per fact), so a fact stated by thousands of articles costs three rows.

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



def chunks(ids: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
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
        fact_ids = [r["id"] for r in rows]
        found, stats = self._evidence(fact_ids, evidence)
        names = self._names({r[f"{c}_id"] for r in rows for c in FACT_ENTITY_COLUMNS if r[f"{c}_id"]})
        return [self._record(r, found.get(r["id"], []), names, stats.get(r["id"])) for r in rows]

    def _evidence(self, fact_ids: Sequence[int], per_fact: int | None = EVIDENCE_LIMIT
                  ) -> tuple[dict[int, list[dict[str, Any]]], dict[int, Row]]:
        """({fact id: evidence, newest first, at most ``per_fact``}, {fact id: {"n_rows",
        "n_articles", "first_date", "last_date"}}) in one query per 500 facts: windows number
        the rows of each fact and count them, the outer query keeps the first ``per_fact``."""
        found: dict[int, list[dict[str, Any]]] = {}
        stats: dict[int, Row] = {}
        keep = "" if per_fact is None else " WHERE w.rn <= ?"
        for part in chunks(list(fact_ids)):
            rows = self.db.all(
                "SELECT w.*, a.title, a.url FROM (SELECT e.*,"
                " ROW_NUMBER() OVER (PARTITION BY fact_id ORDER BY date DESC, article_id DESC, span_start) AS rn,"
                " COUNT(*) OVER (PARTITION BY fact_id) AS n_rows,"
                " SUM(CASE WHEN ra = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY fact_id) AS n_articles,"
                " MIN(date) OVER (PARTITION BY fact_id) AS first_date,"
                " MAX(date) OVER (PARTITION BY fact_id) AS last_date"
                " FROM (SELECT s.fact_id, s.article_id, s.sentence, s.span_start, s.span_end, s.date,"
                " ROW_NUMBER() OVER (PARTITION BY s.fact_id, s.article_id ORDER BY s.span_start) AS ra"
                f" FROM fact_sources s WHERE s.fact_id IN ({marks(len(part))})) AS e) AS w"
                f" JOIN articles a ON a.id = w.article_id{keep} ORDER BY fact_id, rn",
                [*part, *([per_fact] if per_fact is not None else [])],
            )
            for r in rows:
                stats.setdefault(r["fact_id"], r)
                found.setdefault(r["fact_id"], []).append({
                    "article_id": r["article_id"], "title": r["title"], "date": r["date"],
                    "url": r["url"], "sentence": r["sentence"], "start": r["span_start"], "end": r["span_end"],
                })
        return found, stats

    def _names(self, entity_ids: set[int]) -> dict[int, Row]:
        found: dict[int, Row] = {}
        ids = sorted(entity_ids)
        for part in chunks(ids):
            for r in self.db.all(f"SELECT id, kind, name, year FROM entities WHERE id IN ({marks(len(part))})", part):
                found[r["id"]] = r
        return found

    @staticmethod
    def _record(row: Row, evidence: list[dict[str, Any]], names: dict[int, Row],
                stats: Row | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {"fact_id": row["id"], "type": row["type"]}
        record.update(json.loads(row["fields"]))
        for column in FACT_ENTITY_COLUMNS:
            entity_id = row[f"{column}_id"]
            if entity_id:
                record[column] = names[entity_id]["name"] if entity_id in names else record.get(column)
                record[f"{column}_id"] = entity_id
        if row["type"] == "award" and row["subject_id"] in names:
            record["subject_kind"] = names[row["subject_id"]]["kind"]
        record.update({
            "confidence": round(float(row["confidence"]), 3), "retracted": bool(row["retracted"]),
            "retract_reason": row["retract_reason"],
            "sources": int(stats["n_articles"]) if stats else 0,
            "first_seen": stats["first_date"] if stats else None,
            "last_seen": stats["last_date"] if stats else None,
            "evidence_total": int(stats["n_rows"]) if stats else 0,
            "evidence": evidence,
        })
        return record
