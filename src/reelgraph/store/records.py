"""Fact records: the one JSON shape every query uses for a fact.

A fact record is a flat dict::

    {"fact_id": 12, "type": "deal",
     # the fact's fields as stated, entity fields replaced by the entity's current name
     # and joined by "<field>_id" (e.g. "film": "Dear Comrades", "film_id": 3):
     "film": ..., "film_id": ..., "company": ..., "company_id": ..., "territory": ..., "rights": ...,
     "confidence": 0.9, "retracted": false, "retract_reason": null,
     "sources": 2,                     # how many articles state it
     "first_seen": "2020-09-03",       # earliest article date (ingest date when undated)
     "last_seen": "2021-01-10",
     "evidence": [{"article_id": 1, "title": ..., "date": ..., "url": ...,
                   "sentence": ..., "start": 120, "end": 260}]}   # start/end: offsets in the article text

Lists of records skip retracted facts unless asked otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from reelgraph.store.db import Database, Row
from reelgraph.store.schema import FACT_ENTITY_COLUMNS

_CHUNK = 500


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

    def _facts(self, where: str, params: Sequence[Any] = (), retracted: bool = False) -> list[dict[str, Any]]:
        return self._records(self._fact_rows(where, params, retracted))

    def _records(self, rows: list[Row]) -> list[dict[str, Any]]:
        fact_ids = [r["id"] for r in rows]
        evidence = self._evidence(fact_ids)
        names = self._names({r[f"{c}_id"] for r in rows for c in FACT_ENTITY_COLUMNS if r[f"{c}_id"]})
        return [self._record(r, evidence.get(r["id"], []), names) for r in rows]

    def _evidence(self, fact_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        found: dict[int, list[dict[str, Any]]] = {}
        for part in chunks(list(fact_ids)):
            rows = self.db.all(
                "SELECT s.fact_id, s.article_id, a.title, a.date, a.url, s.sentence, s.span_start, s.span_end,"
                " s.first_seen FROM fact_sources s JOIN articles a ON a.id = s.article_id"
                f" WHERE s.fact_id IN ({marks(len(part))}) ORDER BY s.article_id, s.span_start",
                part,
            )
            for r in rows:
                found.setdefault(r["fact_id"], []).append({
                    "article_id": r["article_id"], "title": r["title"], "date": r["date"] or r["first_seen"][:10],
                    "url": r["url"], "sentence": r["sentence"], "start": r["span_start"], "end": r["span_end"],
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
        record: dict[str, Any] = {"fact_id": row["id"], "type": row["type"]}
        record.update(json.loads(row["fields"]))
        for column in FACT_ENTITY_COLUMNS:
            entity_id = row[f"{column}_id"]
            if entity_id:
                record[column] = names[entity_id]["name"] if entity_id in names else record.get(column)
                record[f"{column}_id"] = entity_id
        if row["type"] == "award" and row["subject_id"] in names:
            record["subject_kind"] = names[row["subject_id"]]["kind"]
        dates = sorted(e["date"] for e in evidence if e["date"])
        record.update({
            "confidence": round(float(row["confidence"]), 3), "retracted": bool(row["retracted"]),
            "retract_reason": row["retract_reason"], "sources": len({e["article_id"] for e in evidence}),
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
            "evidence": evidence,
        })
        return record
