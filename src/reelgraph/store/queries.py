"""Read queries.  Every method returns JSON-ready dicts (``None`` for an unknown id); every fact
inside is a fact record (``records.py``: ``fact_id``, the fields, ``evidence`` with
article_id, sentence, start, end).  Shapes:

``find(kind, name, limit=10)`` -> ``[{"id", "kind", "name", "year", "match", "score", "matched"}]``
    match is "exact" | "alias" | "prefix" | "fuzzy" (best first); ``kind`` None = any kind.

``entity(id, kind=None)`` -> ``{"id", "kind", "name", "year", "flags", "aliases": [{"name", "reason",
    "flagged"}], "blocked": [names], "merged": [{"id", "name"}]}``; a merged-away id gives the
    entity it was merged into.

``film(id)`` -> entity fields plus ``credits``, ``selections``, ``awards``, ``deals``,
    ``years`` (film_year facts), ``attributes``, ``sales_agents`` (deal records with rights
    "sales"), ``territories`` ``{"sold": [{"territory", "buyer", "buyer_id", "rights", "date",
    "fact_id", "evidence"}], "open": [names]}``, ``contradictions`` ``[{"kind": "year" |
    "world_sales" | "territory_buyer", "message", "facts": [records]}]`` and ``sources``
    ``[{"article_id", "title", "date", "url"}]``.

``person(id)`` -> entity fields plus ``timeline`` ``[{"year", "film", "film_id", "roles",
    "facts": [credit records]}]`` (by year), ``credits``, ``selections`` (of their films),
    ``awards``, ``positions``, ``sources``.

``company(id)`` -> entity fields plus ``slate`` ``[{"film", "film_id", "year", "roles"}]``,
    ``deals``, ``deals_by_territory`` ``{territory: [records]}``, ``deals_by_year``
    ``{year: [records]}``, ``people`` (position records), ``based_in`` (based_in records), ``sources``.

``festival(id, year=None)`` -> entity fields plus ``editions`` ``[{"year", "edition",
    "lineup": {section: [selection records]}, "winners": [award records],
    "nominees": [award records]}]`` (newest first).

``deals(company=None, territory=None, since=None, limit=50, offset=0)`` ->
    ``{"total", "limit", "offset", "items": [deal records]}`` newest first; ``company`` is an id
    or a name (as buyer, company or seller), ``since`` an ISO date compared to ``first_seen``.

``film``, ``person``, ``company`` and ``festival`` give ``None`` for an id of another kind.
``fact(id)`` -> a fact record (retracted ones too) or None.
``article(id)`` -> ``{"article_id", "title", "url", "date", "author", "source", "content_hash",
    "ingested_at", "text", "facts": [records]}``.
``latest(limit=20)`` -> ``{"deals": [records], "selections": [records]}`` newest first.
``counts()`` -> ``{"articles", "entities": {kind: n}, "facts": {type: n}, "aliases",
    "retracted", "corrections", "merges", "watchlists"}``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from rapidfuzz import fuzz, process

from reelgraph.model import CREDIT_ROLES, name_key
from reelgraph.store.db import Database
from reelgraph.store.keys import (
    WORLDWIDE,
    canonical_territory,
    covered_territories,
    name_grams,
    territory_data,
    territory_key,
)
from reelgraph.store.records import chunks, marks

Record = dict[str, Any]
_MATCH_RANK = {"exact": 0, "alias": 1, "prefix": 2, "fuzzy": 3}
_ENTITY_COLUMNS = "e.id, e.kind, e.name, e.year"


def _key_after_prefix(prefix: str) -> str | None:
    """The smallest key above every key that starts with ``prefix`` (code point order, which
    is UTF-8 byte order): the last character incremented; None when there is none."""
    for i in range(len(prefix) - 1, -1, -1):
        code = ord(prefix[i]) + 1
        if 0xD800 <= code <= 0xDFFF:
            code = 0xE000
        if code <= 0x10FFFF:
            return prefix[:i] + chr(code)
    return None


def _by_role(record: Record) -> tuple[int, str]:
    role = record.get("role") or ""
    return (CREDIT_ROLES.index(role) if role in CREDIT_ROLES else len(CREDIT_ROLES), record.get("person") or "")


def _sources(records: list[Record]) -> list[dict[str, Any]]:
    seen: dict[int, dict[str, Any]] = {}
    for record in records:
        for ev in record["evidence"]:
            seen.setdefault(ev["article_id"], {k: ev[k] for k in ("article_id", "title", "date", "url")})
    return sorted(seen.values(), key=lambda s: (s["date"] or "", s["article_id"]))


def _is_sales(deal: Record) -> bool:
    return deal.get("rights") == "sales"


class QueryMixin:
    """The read side of ``Store`` (uses ``RecordsMixin``)."""

    db: Database

    # -- finding entities

    def find(self, kind: str | None, name: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities called ``name``: exact, then alias, then prefix, then fuzzy matches.

        Every step is an index lookup: exact and alias on ``name_key``, prefix a range scan
        on ``name_key``, fuzzy scores only the names filed under the query's buckets in
        ``name_grams`` (``keys.name_grams``), never every name of a kind."""
        key = name_key(name or "")
        if not key:
            return []
        hits: dict[int, dict[str, Any]] = {}
        self._exact_hits(hits, kind, key)
        self._add_hits(hits, "prefix", self._prefix_rows(kind, key, limit))
        if len(hits) < limit:
            self._add_fuzzy(hits, kind, key, limit)
        found = sorted(hits.values(), key=lambda h: (_MATCH_RANK[h["match"]], -h["score"], h["name"]))
        return found[:limit]

    def _exact_hits(self, hits: dict[int, dict[str, Any]], kind: str | None, key: str) -> None:
        kind_sql, kind_params = ("AND e.kind = ?", [kind]) if kind else ("", [])
        self._add_hits(hits, "exact", self.db.all(
            f"SELECT {_ENTITY_COLUMNS}, e.name AS matched FROM entities e"
            f" WHERE e.name_key = ? AND e.merged_into IS NULL {kind_sql}", [key, *kind_params]))
        self._add_hits(hits, "alias", self.db.all(
            f"SELECT {_ENTITY_COLUMNS}, a.name AS matched FROM aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE a.name_key = ? AND a.blocked = 0 AND e.merged_into IS NULL {kind_sql}", [key, *kind_params]))

    def _named(self, kind: str, name: str, limit: int = 10) -> list[int]:
        """Ids of the ``kind`` entities called ``name`` exactly or by alias: the exact and
        alias hits of ``find(kind, name, limit)``, without its prefix and fuzzy steps."""
        key = name_key(name or "")
        if not key:
            return []
        hits: dict[int, dict[str, Any]] = {}
        self._exact_hits(hits, kind, key)
        found = sorted(hits.values(), key=lambda h: (_MATCH_RANK[h["match"]], -h["score"], h["name"]))
        return [h["id"] for h in found[:limit]]

    def _prefix_rows(self, kind: str | None, key: str, limit: int) -> list[dict[str, Any]]:
        """Entities whose name key starts with ``key``: a range scan on the key (byte-wise;
        ``COLLATE "C"`` on PostgreSQL, where an index of that collation serves it)."""
        column = 'e.name_key COLLATE "C"' if self.db.dialect == "postgresql" else "e.name_key"
        kind_sql, kind_params = ("AND e.kind = ?", [kind]) if kind else ("", [])
        upper = _key_after_prefix(key)
        upper_sql, upper_params = (f"AND {column} < ?", [upper]) if upper else ("", [])
        return self.db.all(
            f"SELECT {_ENTITY_COLUMNS}, e.name AS matched FROM entities e WHERE {column} >= ? {upper_sql}"
            f" AND e.merged_into IS NULL {kind_sql} ORDER BY length(e.name_key) LIMIT ?",
            [key, *upper_params, *kind_params, limit])

    @staticmethod
    def _add_hits(hits: dict[int, dict[str, Any]], match: str, rows: list[dict[str, Any]],
                  scores: dict[int, float] | None = None) -> None:
        for row in rows:
            if row["id"] in hits:
                continue
            score = (scores or {}).get(row["id"], 100.0 if match != "prefix" else 90.0)
            hits[row["id"]] = {"id": row["id"], "kind": row["kind"], "name": row["name"], "year": row["year"],
                               "match": match, "score": round(score, 1), "matched": row["matched"]}

    def _add_fuzzy(self, hits: dict[int, dict[str, Any]], kind: str | None, key: str, limit: int) -> None:
        """Fuzzy matches (WRatio >= 75) among the names that share a bucket with ``key``."""
        grams = sorted(name_grams(key))
        if not grams:
            return
        kind_sql, kind_params = ("AND kind = ?", [kind]) if kind else ("", [])
        candidates = [r["name_key"] for r in self.db.all(
            f"SELECT DISTINCT name_key FROM name_grams WHERE gram IN ({marks(len(grams))}) {kind_sql}",
            [*grams, *kind_params])]
        scored = {k: score for k, score, _ in process.extract(
            key, candidates, scorer=fuzz.WRatio, limit=None, score_cutoff=75)}
        if not scored:
            return
        keys = sorted(scored)
        kind_sql = "AND e.kind = ?" if kind else ""
        rows: list[dict[str, Any]] = []
        for part in chunks(keys):
            rows += self.db.all(
                f"SELECT {_ENTITY_COLUMNS}, e.name AS matched, e.name_key, 0 AS alias FROM entities e"
                f" WHERE e.name_key IN ({marks(len(part))}) AND e.merged_into IS NULL {kind_sql}",
                [*part, *kind_params])
            aliases = self.db.all(
                f"SELECT entity_id, name AS matched, name_key FROM aliases WHERE name_key IN ({marks(len(part))})"
                " AND blocked = 0", part)
            owners = {r["id"]: r for r in self.db.all(
                f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id IN ({marks(len(aliases))})"
                f" AND e.merged_into IS NULL {kind_sql}", [*[a["entity_id"] for a in aliases], *kind_params])
            } if aliases else {}
            rows += [{**owners[a["entity_id"]], "matched": a["matched"], "name_key": a["name_key"], "alias": 1}
                     for a in aliases if a["entity_id"] in owners]
        rows.sort(key=lambda r: (-scored[r["name_key"]], r["alias"], r["id"]))
        best = rows[:limit * 2]
        self._add_hits(hits, "fuzzy", best, {r["id"]: scored[r["name_key"]] for r in reversed(best)})

    def entity(self, entity_id: int, kind: str | None = None) -> dict[str, Any] | None:
        """An entity with its aliases, blocked names and the entities merged into it
        (``None`` when unknown or, given ``kind``, of another kind)."""
        entity = self.db.one("SELECT id, kind, name, year, flags FROM entities WHERE id = ?",
                             (self._live_id(int(entity_id)),))
        if entity is None or (kind and entity["kind"] != kind):
            return None
        live = entity["id"]
        aliases = self.db.all(
            "SELECT name, reason, flagged, blocked FROM aliases WHERE entity_id = ? ORDER BY id", (live,))
        return {
            **entity, "flags": json.loads(entity["flags"]),
            "aliases": [{"name": a["name"], "reason": a["reason"], "flagged": bool(a["flagged"])}
                        for a in aliases if not a["blocked"]],
            "blocked": [a["name"] for a in aliases if a["blocked"]],
            "merged": self.db.all("SELECT id, name FROM entities WHERE merged_into = ? ORDER BY id", (live,)),
        }

    # -- films

    def film(self, entity_id: int) -> dict[str, Any] | None:
        """Everything known about a film (see the module docstring)."""
        base = self.entity(entity_id, "film")
        if base is None:
            return None
        fid = base["id"]
        facts = self._facts("film_id = ? OR subject_id = ?", (fid, fid))
        by_type: dict[str, list[Record]] = defaultdict(list)
        for record in facts:
            by_type[record["type"]].append(record)
        deals = by_type["deal"]
        years = by_type["film_year"]
        if base["year"] is None and years:
            base["year"] = Counter(r.get("year") for r in years).most_common(1)[0][0]
        return {
            **base,
            "credits": sorted(by_type["credit"], key=_by_role),
            "selections": sorted(by_type["selection"], key=lambda r: (r.get("year") or 0, r["fact_id"])),
            "awards": by_type["award"],
            "deals": sorted(deals, key=lambda r: (r["first_seen"] or "", r["fact_id"])),
            "years": years,
            "attributes": by_type["film_attribute"],
            "sales_agents": [d for d in deals if _is_sales(d)],
            "territories": self._territories(deals),
            "contradictions": self._contradictions(years, deals),
            "sources": _sources(facts),
        }

    @staticmethod
    def _territories(deals: list[Record]) -> dict[str, Any]:
        sold = []
        covered: set[str] = set()
        for deal in deals:
            territory = canonical_territory(deal.get("territory"))
            if _is_sales(deal) or deal.get("rights") == "remake" or territory is None:
                continue
            sold.append({"territory": territory, "buyer": deal.get("company"), "buyer_id": deal.get("company_id"),
                         "rights": deal.get("rights"), "date": deal["first_seen"], "fact_id": deal["fact_id"],
                         "evidence": deal["evidence"]})
            covered |= covered_territories(territory)
        common = territory_data()["common"]
        open_ = [] if WORLDWIDE in covered else [t for t in common if t not in covered]
        return {"sold": sorted(sold, key=lambda s: (s["territory"], s["date"] or "")), "open": open_}

    @staticmethod
    def _contradictions(years: list[Record], deals: list[Record]) -> list[dict[str, Any]]:
        found = []
        if len({r.get("year") for r in years}) > 1:
            values = " vs ".join(str(y) for y in sorted({r.get("year") for r in years}))
            found.append({"kind": "year", "message": f"two years: {values}", "facts": years})
        world = [d for d in deals if _is_sales(d) and territory_key(d.get("territory")) in (None, WORLDWIDE)]
        if len({d.get("company_id") or d.get("company") for d in world}) > 1:
            names = " vs ".join(sorted({str(d.get("company")) for d in world}))
            found.append({"kind": "world_sales", "message": f"two companies claim world sales: {names}",
                          "facts": world})
        by_territory: dict[str, list[Record]] = defaultdict(list)
        for deal in deals:
            tkey = territory_key(deal.get("territory"))
            if not _is_sales(deal) and deal.get("rights") != "remake" and tkey and tkey != WORLDWIDE:
                by_territory[tkey].append(deal)
        for group in by_territory.values():
            if len({d.get("company_id") or d.get("company") for d in group}) > 1:
                names = " vs ".join(sorted({str(d.get("company")) for d in group}))
                found.append({"kind": "territory_buyer", "territory": canonical_territory(group[0]["territory"]),
                              "message": f"two buyers for {canonical_territory(group[0]['territory'])}: {names}",
                              "facts": group})
        return found

    # -- people and companies

    def person(self, entity_id: int) -> dict[str, Any] | None:
        """A person's career: films by year and role, selections, awards, positions."""
        base = self.entity(entity_id, "person")
        if base is None:
            return None
        pid = base["id"]
        facts = self._facts("person_id = ? OR subject_id = ?", (pid, pid))
        credits = [r for r in facts if r["type"] == "credit"]
        film_ids = sorted({r["film_id"] for r in credits if r.get("film_id")})
        selections = self._facts_for_films("selection", film_ids)
        awards = [r for r in facts if r["type"] == "award"]
        return {
            **base,
            "timeline": self._timeline(credits),
            "credits": credits,
            "selections": selections,
            "awards": awards,
            "positions": [r for r in facts if r["type"] == "position"],
            "quotes": [r for r in facts if r["type"] == "quote"],
            "sources": _sources(facts + selections),
        }

    def _facts_for_films(self, ftype: str, film_ids: list[int]) -> list[Record]:
        if not film_ids:
            return []
        return self._facts(f"film_id IN ({marks(len(film_ids))}) AND {self._unindexed('type')} = ?",
                           (*film_ids, ftype))

    def _unindexed(self, column: str) -> str:
        """``column`` in a form SQLite's planner will not pick an index for (``+column``), where
        an index on it alone would be the wrong choice (``type`` is a few values over every fact);
        PostgreSQL's planner has statistics and gets the plain column."""
        return f"+{column}" if self.db.dialect == "sqlite" else column

    def _timeline(self, credits: list[Record]) -> list[dict[str, Any]]:
        films: dict[Any, dict[str, Any]] = {}
        years = self._names({r["film_id"] for r in credits if r.get("film_id")})
        for record in sorted(credits, key=_by_role):
            film_key = record.get("film_id") or record.get("film")
            entry = films.setdefault(film_key, {
                "year": years.get(record.get("film_id"), {}).get("year"), "film": record.get("film"),
                "film_id": record.get("film_id"), "roles": [], "facts": []})
            if record.get("role") not in entry["roles"]:
                entry["roles"].append(record.get("role"))
            entry["facts"].append(record)
        return sorted(films.values(), key=lambda e: (e["year"] is None, e["year"] or 0, e["film"] or ""))

    def company(self, entity_id: int) -> dict[str, Any] | None:
        """A company's slate, deals by territory and year, people and base."""
        base = self.entity(entity_id, "company")
        if base is None:
            return None
        cid = base["id"]
        facts = self._facts("company_id = ? OR seller_id = ?", (cid, cid))
        deals = [r for r in facts if r["type"] == "deal"]
        by_territory: dict[str, list[Record]] = defaultdict(list)
        by_year: dict[str, list[Record]] = defaultdict(list)
        for deal in deals:
            by_territory[canonical_territory(deal.get("territory")) or "unspecified"].append(deal)
            by_year[(deal["first_seen"] or "unknown")[:4]].append(deal)
        return {
            **base,
            "slate": self._slate(cid, deals),
            "deals": deals,
            "deals_by_territory": dict(sorted(by_territory.items())),
            "deals_by_year": dict(sorted(by_year.items(), reverse=True)),
            "people": [r for r in facts if r["type"] == "position"],
            "based_in": [r for r in facts if r["type"] == "based_in"],
            "sources": _sources(facts),
        }

    def _slate(self, company_id: int, deals: list[Record]) -> list[dict[str, Any]]:
        films: dict[Any, dict[str, Any]] = {}
        years = self._names({d["film_id"] for d in deals if d.get("film_id")})
        for deal in deals:
            entry = films.setdefault(deal.get("film_id") or deal.get("film"), {
                "film": deal.get("film"), "film_id": deal.get("film_id"),
                "year": years.get(deal.get("film_id"), {}).get("year"), "roles": []})
            seller = deal.get("seller_id") == company_id and deal.get("company_id") != company_id
            role = "seller" if seller else ("sales" if _is_sales(deal) else
                                            f"{deal.get('rights') or 'rights'}: {deal.get('territory') or 'unspecified'}")
            if role not in entry["roles"]:
                entry["roles"].append(role)
        return sorted(films.values(), key=lambda e: (e["film"] or ""))

    # -- festivals

    def festival(self, entity_id: int, year: int | None = None) -> dict[str, Any] | None:
        """A festival's editions: line-up by section, winners and nominees."""
        base = self.entity(entity_id, "festival")
        if base is None:
            return None
        facts = self._facts("festival_id = ? AND type IN ('selection', 'award')", (base["id"],))
        editions: dict[Any, dict[str, Any]] = {}
        for record in facts:
            if year is not None and record.get("year") != year:
                continue
            edition = editions.setdefault(record.get("year"), {
                "year": record.get("year"), "edition": None, "lineup": {}, "winners": [], "nominees": []})
            if record["type"] == "selection":
                edition["edition"] = edition["edition"] or record.get("edition")
                edition["lineup"].setdefault(record.get("section") or "unspecified", []).append(record)
            else:
                edition["winners" if record.get("outcome") == "won" else "nominees"].append(record)
        ordered = sorted(editions.values(), key=lambda e: (e["year"] is None, -(e["year"] or 0)))
        return {**base, "editions": ordered, "sources": _sources(facts)}

    # -- deals, facts, articles

    def deals(self, company: int | str | None = None, territory: str | None = None, since: str | None = None,
              limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Deals, newest first, filtered by company (id or name), territory and date."""
        where, params = ["f.type = 'deal'", "f.retracted = 0"], []
        if company is not None:  # found through the company and seller indexes
            where[0] = f"{self._unindexed('f.type')} = 'deal'"
        if company is not None:
            ids = self._company_ids(company)
            if not ids:
                return {"total": 0, "limit": limit, "offset": offset, "items": []}
            where.append(f"(f.company_id IN ({marks(len(ids))}) OR f.seller_id IN ({marks(len(ids))}))")
            params += ids + ids
        if territory:
            where.append("f.territory_key = ?")
            params.append(territory_key(territory))
        seen = "MIN(COALESCE(a.date, substr(s.first_seen, 1, 10)))"
        having = f" HAVING {seen} >= ?" if since else ""
        inner = (f"SELECT f.id, {seen} AS seen FROM facts f JOIN fact_sources s ON s.fact_id = f.id"
                 f" JOIN articles a ON a.id = s.article_id WHERE {' AND '.join(where)} GROUP BY f.id{having}")
        params += [since] if since else []
        total = self.db.scalar(f"SELECT COUNT(*) AS n FROM ({inner}) AS d", params)
        rows = self.db.all(f"{inner} ORDER BY seen DESC, f.id DESC LIMIT ? OFFSET ?",
                           [*params, max(0, int(limit)), max(0, int(offset))])
        items = self._records_in_order([r["id"] for r in rows])
        return {"total": int(total or 0), "limit": limit, "offset": offset, "items": items}

    def _company_ids(self, company: int | str) -> list[int]:
        if isinstance(company, int) or str(company).isdigit():
            return [self._live_id(int(company))]
        return self._named("company", str(company))

    def _records_in_order(self, fact_ids: list[int]) -> list[Record]:
        if not fact_ids:
            return []
        records = {r["fact_id"]: r for r in self._facts(f"id IN ({marks(len(fact_ids))})", fact_ids, retracted=True)}
        return [records[i] for i in fact_ids if i in records]

    def fact(self, fact_id: int) -> Record | None:
        """One fact with all its evidence (retracted facts too)."""
        found = self._facts("id = ?", (fact_id,), retracted=True)
        return found[0] if found else None

    def article(self, article_id: int) -> dict[str, Any] | None:
        """An article's text and the facts it states, each with its span in this article."""
        row = self.db.one("SELECT * FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        facts = self._facts("id IN (SELECT fact_id FROM fact_sources WHERE article_id = ?)", (article_id,))
        for record in facts:
            record["spans"] = [e for e in record["evidence"] if e["article_id"] == article_id]
        facts.sort(key=lambda r: (r["spans"][0]["start"] if r["spans"] else 0, r["fact_id"]))
        return {
            "article_id": row["id"], "title": row["title"], "url": row["url"], "date": row["date"],
            "author": row["author"], "source": row["source"], "content_hash": row["content_hash"],
            "ingested_at": row["ingested_at"], "text": row["text"], "facts": facts,
        }

    def latest(self, limit: int = 20) -> dict[str, list[Record]]:
        """The most recent deals and selections."""
        result = {}
        for ftype, label in (("deal", "deals"), ("selection", "selections")):
            rows = self.db.all(
                "SELECT f.id, MAX(COALESCE(a.date, substr(s.first_seen, 1, 10))) AS seen FROM facts f"
                " JOIN fact_sources s ON s.fact_id = f.id JOIN articles a ON a.id = s.article_id"
                " WHERE f.type = ? AND f.retracted = 0 GROUP BY f.id ORDER BY seen DESC, f.id DESC LIMIT ?",
                (ftype, max(1, int(limit))))
            result[label] = self._records_in_order([r["id"] for r in rows])
        return result

    def counts(self) -> dict[str, Any]:
        """How much the store holds."""
        def n(sql: str) -> int:
            return int(self.db.scalar(sql) or 0)

        return {
            "articles": n("SELECT COUNT(*) AS n FROM articles"),
            "entities": {r["kind"]: int(r["n"]) for r in self.db.all(
                "SELECT kind, COUNT(*) AS n FROM entities WHERE merged_into IS NULL GROUP BY kind ORDER BY kind")},
            "facts": {r["type"]: int(r["n"]) for r in self.db.all(
                "SELECT type, COUNT(*) AS n FROM facts WHERE retracted = 0 GROUP BY type ORDER BY type")},
            "aliases": n("SELECT COUNT(*) AS n FROM aliases WHERE blocked = 0"),
            "retracted": n("SELECT COUNT(*) AS n FROM facts WHERE retracted = 1"),
            "corrections": n("SELECT COUNT(*) AS n FROM corrections"),
            "merges": n("SELECT COUNT(*) AS n FROM merges"),
            "watchlists": n("SELECT COUNT(*) AS n FROM watchlists"),
        }
