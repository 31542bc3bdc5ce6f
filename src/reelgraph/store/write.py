"""Writing: one ``ResolvedArticle`` per transaction, and the known entities for the resolver.

Identity rules (docs/store.md):

* an article is its content hash (``Article.content_hash``): a stored hash is "unchanged"
  and nothing is written;
* a new hash with the URL of a stored article (or, without URL, the same ``Article.id`` from
  the same source file) is "updated": that article's evidence is dropped, facts left without
  any evidence are deleted (retracted facts are kept, so a retraction survives), and the new
  facts are written, all in one transaction;
* facts are deduplicated across articles by their key (``keys.fact_key``); each article that
  states a fact adds a ``fact_sources`` row.

Corrections are honoured on every write: ids of merged entities are redirected to the entity
they were merged into, a new entity named like a merged or renamed one reuses it, and a name
blocked on an entity (a split) is linked to the entity of that name instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reelgraph.model import (
    CREDIT_ROLES,
    Article,
    Entity,
    Fact,
    NameLink,
    ResolvedArticle,
    ResolvedFact,
    name_key,
)
from reelgraph.store.db import Database
from reelgraph.store.keys import fact_key, territory_key
from reelgraph.store.schema import (
    ENTITY_ARTICLE_BRANCHES,
    FACT_ENTITY_COLUMNS,
    buyer_name_sql,
    entity_article_rows,
)


def now() -> str:
    """The current time, ISO 8601 UTC with microseconds (sortable as text)."""
    return datetime.now(UTC).isoformat()


def _text(value: Any) -> str | None:
    """A field value as the text SQL's JSON accessors give (None stays None)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def source_file(source: str | None) -> str:
    """The file part of ``Article.source`` ("corpus.jsonl:12" -> "corpus.jsonl")."""
    return re.sub(r":\d+$", "", source or "")


@dataclass
class WriteResult:
    """What ``Store.write`` did with one article."""

    status: str  # "new" | "unchanged" | "updated"
    article_id: int
    ids: dict[int, int] = field(default_factory=dict)  # provisional id -> real id
    facts_added: int = 0
    entities_created: int = 0
    entities_merged: int = 0


class WriteMixin:
    """The write path of ``Store`` (uses ``SearchMixin._index_*`` and
    ``CorrectionsMixin._merge_entities``)."""

    db: Database

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored (skip its extraction)."""
        return self.db.scalar("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)) is not None

    def write_article(self, resolved: ResolvedArticle) -> dict[int, int]:
        """Store one article atomically; returns {provisional id: real id} for the resolver."""
        return self.write(resolved).ids

    def write(self, resolved: ResolvedArticle) -> WriteResult:
        """Store one article atomically and say what happened (see the module docstring)."""
        article = resolved.article
        with self.db.transaction():
            existing = self.db.scalar("SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,))
            if existing is not None:
                return WriteResult("unchanged", int(existing))
            prior = self._prior_version(article)
            if prior is None:
                status, article_id = "new", self._insert_article(article)
            else:
                status, article_id = "updated", prior
                self._drop_article_facts(prior)
                self._update_article(prior, article)
            self._index_article(article_id)
            ids, created = self._insert_entities(resolved.new_entities)
            self._store_links(resolved.links, ids)
            merged = self._apply_merges(resolved, ids)
            added = self._insert_facts(article_id, resolved.facts, ids)
            self._refresh_entity_articles([article_id])
        return WriteResult(status, article_id, ids, added, created, merged)

    # -- articles

    def _prior_version(self, article: Article) -> int | None:
        if article.url:
            found = self.db.scalar("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (article.url,))
            if found is not None:
                return int(found)
        if article.id:
            found = self.db.scalar(
                "SELECT id FROM articles WHERE source_file = ? AND ext_id = ? ORDER BY id LIMIT 1",
                (source_file(article.source), article.id),
            )
            if found is not None:
                return int(found)
        return None

    @staticmethod
    def _article_values(article: Article) -> tuple[Any, ...]:
        return (
            article.id, article.content_hash, article.source or "", source_file(article.source),
            article.url, article.title, article.date, article.author, article.language, article.text, now(),
        )

    def _insert_article(self, article: Article) -> int:
        return self.db.insert(
            "INSERT INTO articles (ext_id, content_hash, source, source_file, url, title, date, author,"
            " language, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._article_values(article),
        )

    def _update_article(self, article_id: int, article: Article) -> None:
        self.db.execute(
            "UPDATE articles SET ext_id = ?, content_hash = ?, source = ?, source_file = ?, url = ?,"
            " title = ?, date = ?, author = ?, language = ?, text = ?, ingested_at = ? WHERE id = ?",
            (*self._article_values(article), article_id),
        )

    def _drop_article_facts(self, article_id: int) -> None:
        """Forget what an article said: its evidence, and facts no other article states."""
        fact_ids = [r["fact_id"] for r in self.db.all(
            "SELECT DISTINCT fact_id FROM fact_sources WHERE article_id = ?", (article_id,))]
        self.db.execute("DELETE FROM fact_sources WHERE article_id = ?", (article_id,))
        for fact_id in fact_ids:
            self.db.execute(
                "DELETE FROM facts WHERE id = ? AND retracted = 0"
                " AND NOT EXISTS (SELECT 1 FROM fact_sources s WHERE s.fact_id = facts.id)",
                (fact_id,),
            )
        self._refresh_fact_stats(fact_ids)

    def _refresh_fact_stats(self, fact_ids: list[int]) -> None:
        """Recount ``first_seen``, ``last_seen``, ``sources`` and ``evidence_total`` of these
        facts from their evidence (after evidence was dropped or moved)."""
        def of(expr: str) -> str:
            return f"(SELECT {expr} FROM fact_sources s WHERE s.fact_id = facts.id)"

        for i in range(0, len(fact_ids), 500):
            part = fact_ids[i:i + 500]
            self.db.execute(
                f"UPDATE facts SET first_seen = COALESCE({of('MIN(s.date)')}, ''),"
                f" last_seen = COALESCE({of('MAX(s.date)')}, ''), sources = {of('COUNT(DISTINCT s.article_id)')},"
                f" evidence_total = {of('COUNT(*)')} WHERE id IN ({', '.join('?' for _ in part)})", part)

    def _refresh_entity_articles(self, article_ids: Any) -> None:
        """Recompute the ``entity_articles`` rows of these articles from their live facts
        (after an article was written, a fact retracted, or facts moved by a merge or split)."""
        ids = sorted({int(a) for a in article_ids})
        for i in range(0, len(ids), 200):
            part = ids[i:i + 200]
            marks = ", ".join("?" for _ in part)
            self.db.execute(f"DELETE FROM entity_articles WHERE article_id IN ({marks})", part)
            self.db.execute(
                "INSERT INTO entity_articles (entity_id, via, date, article_id) "
                + entity_article_rows(f"s.article_id IN ({marks})"), part * ENTITY_ARTICLE_BRANCHES)

    def _articles_of_facts(self, fact_ids: Any) -> set[int]:
        """The articles that state any of these facts."""
        ids = sorted({int(f) for f in fact_ids})
        found: set[int] = set()
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            found |= {int(r["article_id"]) for r in self.db.all(
                f"SELECT DISTINCT article_id FROM fact_sources WHERE fact_id IN ({', '.join('?' for _ in part)})",
                part)}
        return found

    def _refresh_names(self, entity_id: int) -> None:
        """The denormalised names of the facts of an entity whose name changed or who gained
        facts (rename, merge, split): ``sort_name`` of its credits as the person and
        ``buyer_name`` of its deals as the buyer."""
        person = self._json_sql("person")
        self.db.execute(
            "UPDATE facts SET sort_name = COALESCE((SELECT e.name FROM entities e WHERE e.id = facts.person_id),"
            f" CAST({person} AS TEXT), '') WHERE person_id = ? AND type = 'credit'", (entity_id,))
        self.db.execute(f"UPDATE facts SET buyer_name = {buyer_name_sql(self.db.dialect)}"
                        " WHERE company_id = ? AND type = 'deal'", (entity_id,))

    def _json_sql(self, field: str) -> str:
        if self.db.dialect == "sqlite":
            return f"json_extract(fields, '$.{field}')"
        return f"(fields::jsonb ->> '{field}')"

    # -- entities

    def entities(self) -> list[Entity]:
        """Every live (not merged-away) entity with its aliases and blocked names."""
        aliases: dict[int, list[str]] = {}
        blocked: dict[int, list[str]] = {}
        for row in self.db.all("SELECT entity_id, name, blocked FROM aliases ORDER BY id"):
            (blocked if row["blocked"] else aliases).setdefault(row["entity_id"], []).append(row["name"])
        rows = self.db.all(
            "SELECT id, kind, name, year, flags FROM entities WHERE merged_into IS NULL ORDER BY id")
        return [
            Entity(r["id"], r["kind"], r["name"], aliases.get(r["id"], []), r["year"],
                   json.loads(r["flags"]), blocked.get(r["id"], []))
            for r in rows
        ]

    def film_directors(self) -> dict[int, list[int]]:
        """{film id: [person ids credited as director]} (helps the resolver tell films apart)."""
        found: dict[int, list[int]] = {}
        for row in self.db.all(
            "SELECT DISTINCT film_id, person_id FROM facts WHERE type = 'credit' AND retracted = 0"
            " AND film_id IS NOT NULL AND person_id IS NOT NULL AND key LIKE ? ORDER BY film_id, person_id",
            ("%|role=director",),
        ):
            found.setdefault(row["film_id"], []).append(row["person_id"])
        return found

    def _live_id(self, entity_id: int) -> int:
        """Follow ``merged_into`` to the entity that stands for ``entity_id`` now."""
        for _ in range(50):
            row = self.db.one("SELECT merged_into FROM entities WHERE id = ?", (entity_id,))
            if row is None or row["merged_into"] is None:
                return entity_id
            entity_id = int(row["merged_into"])
        return entity_id

    def _real_id(self, entity_id: int | None, ids: dict[int, int]) -> int | None:
        if entity_id is None:
            return None
        real = ids.get(entity_id) if entity_id < 0 else entity_id
        return self._live_id(real) if real is not None else None

    def _corrected_target(self, kind: str, name: str) -> int | None:
        """The entity a merge or rename put this name on, if any."""
        key = name_key(name)
        kinds = kind.split("|")
        for row in self.db.all(
            "SELECT id, kind FROM entities WHERE name_key = ? AND merged_into IS NOT NULL", (key,)):
            if row["kind"] in kinds:
                return self._live_id(row["id"])
        for row in self.db.all(
            "SELECT a.entity_id, e.kind FROM aliases a JOIN entities e ON e.id = a.entity_id"
            " WHERE a.name_key = ? AND a.blocked = 0 AND (a.reason LIKE 'merged%' OR a.reason LIKE 'renamed%')",
            (key,),
        ):
            if row["kind"] in kinds:
                return self._live_id(row["entity_id"])
        return None

    def _create_entity(self, kind: str, name: str, year: int | None = None, flags: list[str] | None = None) -> int:
        key = name_key(name)
        entity_id = self.db.insert(
            "INSERT INTO entities (kind, name, name_key, year, flags, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, name, key, year, json.dumps(flags or []), now()),
        )
        self.db.add_name_grams([(kind, key)])
        return entity_id

    def _insert_entities(self, entities: list[Entity]) -> tuple[dict[int, int], int]:
        ids: dict[int, int] = {}
        created = 0
        for k, entity in enumerate(entities, start=1):
            target = self._corrected_target(entity.kind, entity.name)
            if target is None:
                target = self._create_entity(entity.kind, entity.name, entity.year, entity.flags)
                created += 1
            for alias in entity.aliases:
                self._add_alias(target, alias, "alias")
            for name in entity.blocked:
                self._add_alias(target, name, "blocked", blocked=True)
            self._index_entity(target)
            ids[-k] = target
        return ids, created

    def _add_alias(self, entity_id: int, name: str, reason: str, flagged: bool = False,
                   blocked: bool = False) -> bool:
        """Record a spelling of an entity (or, ``blocked``, a name it must never take)."""
        key = name_key(name)
        own = self.db.one("SELECT name_key, kind FROM entities WHERE id = ?", (entity_id,))
        if not key or (own is not None and key == own["name_key"] and not blocked):
            return False
        cursor = self.db.execute(
            "INSERT INTO aliases (entity_id, name, name_key, reason, flagged, blocked) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (entity_id, name_key, blocked) DO NOTHING",
            (entity_id, name, key, reason, int(flagged), int(blocked)),
        )
        if own is not None and not blocked and cursor.rowcount != 0:
            self.db.add_name_grams([(own["kind"], key)])
        return True

    def _store_links(self, links: list[NameLink], ids: dict[int, int]) -> None:
        touched = set()
        for link in links:
            entity_id = self._real_id(link.entity_id, ids)
            if entity_id is not None and self._add_alias(entity_id, link.name, link.reason, link.flagged):
                touched.add(entity_id)
        for entity_id in touched:
            self._index_entity(entity_id)

    def _apply_merges(self, resolved: ResolvedArticle, ids: dict[int, int]) -> int:
        count = 0
        for merge in resolved.merges:
            kept, other = self._real_id(merge.kept_id, ids), self._real_id(merge.merged_id, ids)
            if kept is not None and other is not None and kept != other:
                self._merge_entities(kept, other, merge.reason)
                count += 1
        return count

    # -- facts

    def _blocked_names(self) -> dict[int, set[str]]:
        blocked: dict[int, set[str]] = {}
        for row in self.db.all("SELECT entity_id, name_key FROM aliases WHERE blocked = 1"):
            blocked.setdefault(row["entity_id"], set()).add(row["name_key"])
        return blocked

    def _unblocked(self, entity_id: int, name: Any, blocked: dict[int, set[str]]) -> int:
        """``entity_id``, unless a split blocked ``name`` on it: then the entity of that name."""
        names = blocked.get(entity_id)
        if not names or not isinstance(name, str):
            return entity_id
        key = name_key(name)
        if key not in names:
            return entity_id
        row = self.db.one("SELECT kind FROM entities WHERE id = ?", (entity_id,))
        kind = row["kind"] if row else "film"
        found = self.db.scalar(
            "SELECT id FROM entities WHERE kind = ? AND name_key = ? AND merged_into IS NULL AND id <> ?"
            " ORDER BY id LIMIT 1", (kind, key, entity_id))
        return int(found) if found is not None else self._create_entity(kind, str(name))

    def _insert_facts(self, article_id: int, facts: list[ResolvedFact], ids: dict[int, int]) -> int:
        blocked = self._blocked_names()
        live: dict[int, int | None] = {}  # entity id as resolved -> live id, once per article
        added = 0
        for resolved in facts:
            entity_ids = {}
            for fname, eid in resolved.entity_ids.items():
                if eid not in live:
                    live[eid] = self._real_id(eid, ids)
                real = live[eid]
                if real is not None and fname in FACT_ENTITY_COLUMNS:
                    entity_ids[fname] = self._unblocked(real, resolved.fact.fields.get(fname), blocked)
            fact_id, new = self._upsert_fact(resolved.fact, entity_ids)
            added += new
            self._add_evidence(fact_id, article_id, resolved.fact)
            self._note_film_year(resolved.fact, entity_ids)
        return added

    def _upsert_fact(self, fact: Fact, entity_ids: dict[str, int]) -> tuple[int, bool]:
        key = fact_key(fact.type, fact.fields, entity_ids)
        columns = [f"{c}_id" for c in FACT_ENTITY_COLUMNS]
        values = [entity_ids.get(c) for c in FACT_ENTITY_COLUMNS]
        tkey = territory_key(fact.fields.get("territory")) if fact.type == "deal" else None
        rights = _text(fact.fields.get("rights")) if fact.type == "deal" else None
        territory = _text(fact.fields.get("territory")) if fact.type == "deal" else None
        year = fact.fields.get("year")
        year = year if isinstance(year, int | float) and not isinstance(year, bool) else None
        role_rank = sort_name = None
        if fact.type == "credit":  # the order of a film's credits (facts_film_credits)
            role = fact.fields.get("role")
            role_rank = CREDIT_ROLES.index(role) if role in CREDIT_ROLES else len(CREDIT_ROLES)
            person = self.db.scalar("SELECT name FROM entities WHERE id = ?", (entity_ids["person"],)) \
                if entity_ids.get("person") else None
            sort_name = person if person is not None else (_text(fact.fields.get("person")) or "")
        buyer_name = self._buyer_name(fact, entity_ids) if fact.type == "deal" else None
        row = self.db.one(
            f"INSERT INTO facts (type, key, fields, {', '.join(columns)}, territory_key, confidence, created_at,"
            f" rights, territory, year, role_rank, sort_name, buyer_name)"
            f" VALUES (?, ?, ?, {', '.join('?' for _ in columns)}, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (key) DO NOTHING RETURNING id",
            (fact.type, key, json.dumps(fact.fields, sort_keys=True, default=str), *values, tkey,
             fact.confidence, now(), rights or "", territory, year, role_rank, sort_name, buyer_name),
        )
        if row is not None:
            return int(row["id"]), True
        existing = self.db.one("SELECT id, confidence, fields FROM facts WHERE key = ?", (key,))
        assert existing is not None
        if fact.confidence > existing["confidence"]:
            self.db.execute("UPDATE facts SET confidence = ? WHERE id = ?", (fact.confidence, existing["id"]))
        self._fill_fields(int(existing["id"]), existing["fields"], fact.fields)
        return int(existing["id"]), False

    def _buyer_name(self, fact: Fact, entity_ids: dict[str, int]) -> str | None:
        """A new deal's ``buyer_name`` (schema 6): its buyer entity's current name, else the
        stated company (``schema.buyer_name_sql`` keeps it current on rename, merge, split)."""
        if entity_ids.get("company"):
            name = self.db.scalar("SELECT name FROM entities WHERE id = ?", (entity_ids["company"],))
            if name is not None:
                return str(name)
        return _text(fact.fields.get("company"))

    def _fill_fields(self, fact_id: int, stored: str | dict[str, Any], new: dict[str, Any]) -> None:
        """A later source may give what the first did not (a character, a section, a premiere):
        fill the fields the fact lacks; never overwrite one it has."""
        fields = json.loads(stored) if isinstance(stored, str) else dict(stored or {})
        missing = {k: v for k, v in new.items() if v is not None and fields.get(k) in (None, "")}
        if missing:
            fields.update(missing)
            self.db.execute("UPDATE facts SET fields = ? WHERE id = ?",
                            (json.dumps(fields, sort_keys=True, default=str), fact_id))
            if "company" in missing:  # a deal's stated buyer may have been empty
                self.db.execute(f"UPDATE facts SET buyer_name = {buyer_name_sql(self.db.dialect)}"
                                " WHERE id = ? AND type = 'deal'", (fact_id,))

    def _add_evidence(self, fact_id: int, article_id: int, fact: Fact) -> None:
        ev = fact.evidence
        stored = now()
        date = self.db.scalar("SELECT date FROM articles WHERE id = ?", (article_id,)) or stored[:10]
        cursor = self.db.execute(
            "INSERT INTO fact_sources (fact_id, article_id, sentence, span_start, span_end, confidence,"
            " first_seen, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (fact_id, article_id, span_start) DO NOTHING",
            (fact_id, article_id, ev.sentence, ev.start, ev.end, fact.confidence, stored, date),
        )
        if cursor.rowcount == 0:
            return
        # the fact's counters, kept in step with its evidence (docs/store.md, schema 4)
        self.db.execute(
            "UPDATE facts SET evidence_total = evidence_total + 1,"
            " sources = sources + CASE WHEN EXISTS (SELECT 1 FROM fact_sources s WHERE s.fact_id = ?"
            " AND s.article_id = ? AND s.span_start <> ?) THEN 0 ELSE 1 END,"
            " first_seen = CASE WHEN first_seen = '' OR first_seen > ? THEN ? ELSE first_seen END,"
            " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE id = ?",
            (fact_id, article_id, ev.start, date, date, date, date, fact_id))

    def _note_film_year(self, fact: Fact, entity_ids: dict[str, int]) -> None:
        year = fact.fields.get("year")
        if fact.type == "film_year" and entity_ids.get("film") and isinstance(year, int):
            self.db.execute("UPDATE entities SET year = ? WHERE id = ? AND year IS NULL",
                            (year, entity_ids["film"]))
