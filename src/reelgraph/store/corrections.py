"""Corrections: merge, split, retract, rename.  Each is applied in one transaction and kept as
its own ``corrections`` row (kind, JSON payload, created_at), and each survives re-ingestion:

* ``merge(keep_id, other_id)``: ``other`` points at ``keep`` (``entities.merged_into``), its
  name and aliases become aliases of ``keep``, its facts move to ``keep`` (facts that become
  equal are joined, evidence kept).  Later writes redirect ``other``'s id and name to ``keep``.
* ``split(entity_id, name)``: ``name`` becomes its own entity (an entity once merged under
  that name is revived), the facts that state ``name`` move to it, and ``name`` is blocked on
  ``entity_id`` (``Entity.blocked``): the resolver and later writes never link it there again.
* ``retract(fact_id, reason)``: the fact is hidden from every query; its row is never deleted
  by re-ingestion, so it stays retracted when an article states it again.
* ``rename(entity_id, new_name)``: the old name stays as an alias.

Each returns a dict ``{"correction_id", "kind", ...payload}``; unknown ids raise ``KeyError``,
impossible requests ``ValueError``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reelgraph.model import name_key
from reelgraph.store.db import Database, Row
from reelgraph.store.keys import fact_key
from reelgraph.store.schema import FACT_ENTITY_COLUMNS
from reelgraph.store.write import now


class CorrectionsMixin:
    """Corrections for ``Store`` (uses ``WriteMixin`` and ``SearchMixin`` helpers)."""

    db: Database

    def _entity_row(self, entity_id: int) -> Row:
        row = self.db.one("SELECT * FROM entities WHERE id = ?", (entity_id,))
        if row is None:
            raise KeyError(f"no entity {entity_id}")
        return row

    def _record_correction(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        correction_id = self.db.insert(
            "INSERT INTO corrections (kind, payload, created_at) VALUES (?, ?, ?)",
            (kind, json.dumps(payload, sort_keys=True), now()))
        return {"correction_id": correction_id, "kind": kind, **payload}

    def corrections(self) -> list[dict[str, Any]]:
        """Every correction, oldest first: {"correction_id", "kind", "created_at", ...payload}."""
        return [
            {"correction_id": r["id"], "kind": r["kind"], "created_at": r["created_at"], **json.loads(r["payload"])}
            for r in self.db.all("SELECT * FROM corrections ORDER BY id")
        ]

    # -- merge

    def merge(self, keep_id: int, other_id: int, reason: str = "manual merge") -> dict[str, Any]:
        """Merge entity ``other_id`` into ``keep_id``."""
        with self.db.transaction():
            keep, other = self._live_id(keep_id), self._live_id(other_id)
            keep_row, other_row = self._entity_row(keep), self._entity_row(other)
            if keep == other:
                raise ValueError(f"{keep_id} and {other_id} are already one entity")
            if keep_row["kind"] != other_row["kind"]:
                raise ValueError(f"cannot merge a {other_row['kind']} into a {keep_row['kind']}")
            moved = self._merge_entities(keep, other, reason)
            return self._record_correction("merge", {
                "keep_id": keep, "other_id": other, "other_name": other_row["name"], "reason": reason,
                "facts_moved": moved})

    def _merge_entities(self, keep: int, other: int, reason: str) -> int:
        """Fold ``other`` into ``keep``; returns how many facts moved."""
        other_row = self._entity_row(other)
        self.db.execute("UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?", (keep, other, other))
        self.db.execute("UPDATE entities SET merged_into = NULL WHERE id = ?", (keep,))
        self._add_alias(keep, other_row["name"], f"merged: {reason}")
        for alias in self.db.all("SELECT * FROM aliases WHERE entity_id = ?", (other,)):
            self._add_alias(keep, alias["name"], alias["reason"], bool(alias["flagged"]), bool(alias["blocked"]))
        self.db.execute("UPDATE entities SET year = ? WHERE id = ? AND year IS NULL", (other_row["year"], keep))
        self.db.execute("UPDATE watchlists SET entity_id = ? WHERE entity_id = ?", (keep, other))
        self.db.execute("INSERT INTO merges (kept_id, merged_id, reason, created_at) VALUES (?, ?, ?, ?)",
                        (keep, other, reason, now()))
        moved = self._repoint_facts(other, keep, lambda row, column: True)
        self._index_entity(keep)
        self._index_entity(other)
        return moved

    def _repoint_facts(self, old: int, new: int, wanted: Any) -> int:
        """Point entity fields of facts from ``old`` to ``new`` where ``wanted(row, column)``;
        re-key them, joining facts that become equal.  Returns how many facts changed."""
        condition = " OR ".join(f"{c}_id = ?" for c in FACT_ENTITY_COLUMNS)
        moved = 0
        touched: set[int] = set()  # the facts moved, and the twins they were joined to
        for row in self.db.all(f"SELECT * FROM facts WHERE {condition}", [old] * len(FACT_ENTITY_COLUMNS)):
            columns = [c for c in FACT_ENTITY_COLUMNS if row[f"{c}_id"] == old and wanted(row, c)]
            if not columns:
                continue
            for column in columns:
                row[f"{column}_id"] = new
            touched.add(self._rekey(row, columns))
            moved += 1
        if touched:
            self._refresh_names(new)
            self._refresh_entity_articles(self._articles_of_facts(touched))
        return moved

    def _rekey(self, row: Row, columns: list[str]) -> int:
        """Re-key a moved fact; returns the id it lives on (its own, or the twin it joined)."""
        entity_ids = {c: row[f"{c}_id"] for c in FACT_ENTITY_COLUMNS if row[f"{c}_id"]}
        key = fact_key(row["type"], json.loads(row["fields"]), entity_ids)
        twin = self.db.one("SELECT id, retracted FROM facts WHERE key = ? AND id <> ?", (key, row["id"]))
        if twin is None:
            sets = ", ".join(f"{c}_id = ?" for c in columns)
            self.db.execute(f"UPDATE facts SET {sets}, key = ? WHERE id = ?",
                            (*[row[f"{c}_id"] for c in columns], key, row["id"]))
            return int(row["id"])
        self.db.execute(
            "INSERT INTO fact_sources (fact_id, article_id, sentence, span_start, span_end, confidence, first_seen,"
            " date) SELECT ?, article_id, sentence, span_start, span_end, confidence, first_seen, date FROM fact_sources"
            " WHERE fact_id = ? ON CONFLICT (fact_id, article_id, span_start) DO NOTHING",
            (twin["id"], row["id"]))
        if row["retracted"] and not twin["retracted"]:
            self.db.execute("UPDATE facts SET retracted = 1, retract_reason = ? WHERE id = ?",
                            (row["retract_reason"], twin["id"]))
        self.db.execute("DELETE FROM fact_sources WHERE fact_id = ?", (row["id"],))
        self.db.execute("DELETE FROM facts WHERE id = ?", (row["id"],))
        self._refresh_fact_stats([twin["id"]])
        return int(twin["id"])

    # -- split

    def split(self, entity_id: int, name: str | Iterable[str], reason: str = "") -> dict[str, Any]:
        """Make ``name`` (a spelling of ``entity_id``) its own entity.  Given several names,
        the first becomes the new entity and the others its aliases; all are blocked on
        ``entity_id``."""
        names = [name] if isinstance(name, str) else [n for n in name if n.strip()]
        if not names:
            raise ValueError("no name to split off")
        with self.db.transaction():
            entity = self._entity_row(self._live_id(entity_id))
            keys = {name_key(n) for n in names}
            if entity["name_key"] in keys:
                raise ValueError(f"{entity['name']!r} is the main name of entity {entity['id']}; rename it first")
            new_id = self._split_target(entity, names[0])
            for other in names:
                self._block(entity["id"], new_id, other)
            moved = self._repoint_facts(
                entity["id"], new_id,
                lambda row, column: name_key(str(json.loads(row["fields"]).get(column) or "")) in keys)
            self._index_entity(entity["id"])
            self._index_entity(new_id)
            return self._record_correction("split", {
                "entity_id": entity["id"], "name": names[0], "names": names, "new_entity_id": new_id,
                "facts_moved": moved, "reason": reason})

    def _block(self, entity_id: int, new_id: int, name: str) -> None:
        """Move spelling ``name`` from ``entity_id`` to ``new_id`` and block it on ``entity_id``."""
        self.db.execute("DELETE FROM aliases WHERE entity_id = ? AND name_key = ? AND blocked = 0",
                        (entity_id, name_key(name)))
        self._add_alias(entity_id, name, "split", blocked=True)
        self._add_alias(new_id, name, "split off")

    def _split_target(self, entity: Row, name: str) -> int:
        """A merged-away entity of that name (revived), else a new entity."""
        revived = self.db.scalar(
            "SELECT id FROM entities WHERE merged_into = ? AND name_key = ? ORDER BY id LIMIT 1",
            (entity["id"], name_key(name)))
        if revived is not None:
            self.db.execute("UPDATE entities SET merged_into = NULL WHERE id = ?", (revived,))
            return int(revived)
        return self._create_entity(entity["kind"], name)

    # -- retract, rename

    def retract(self, fact_id: int, reason: str = "") -> dict[str, Any]:
        """Hide a fact for good (it stays retracted when articles state it again)."""
        with self.db.transaction():
            row = self.db.one("SELECT id, key FROM facts WHERE id = ?", (fact_id,))
            if row is None:
                raise KeyError(f"no fact {fact_id}")
            self.db.execute("UPDATE facts SET retracted = 1, retract_reason = ? WHERE id = ?", (reason, fact_id))
            self._refresh_entity_articles(self._articles_of_facts([fact_id]))
            return self._record_correction("retract", {"fact_id": fact_id, "key": row["key"], "reason": reason})

    def rename(self, entity_id: int, new_name: str) -> dict[str, Any]:
        """Give an entity a new main name; the old one stays as an alias."""
        new_name = new_name.strip()
        if not name_key(new_name):
            raise ValueError("the new name is empty")
        with self.db.transaction():
            entity = self._entity_row(self._live_id(entity_id))
            self.db.execute("UPDATE entities SET name = ?, name_key = ? WHERE id = ?",
                            (new_name, name_key(new_name), entity["id"]))
            self.db.add_name_grams([(entity["kind"], name_key(new_name))])
            self.db.execute("DELETE FROM aliases WHERE entity_id = ? AND name_key = ? AND blocked = 0",
                            (entity["id"], name_key(new_name)))
            self._add_alias(entity["id"], entity["name"], f"renamed to {new_name}")
            self._refresh_names(entity["id"])
            self._index_entity(entity["id"])
            return self._record_correction("rename", {
                "entity_id": entity["id"], "old_name": entity["name"], "new_name": new_name})
