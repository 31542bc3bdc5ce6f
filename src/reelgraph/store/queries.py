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
from collections.abc import Sequence
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
from reelgraph.store.records import EVIDENCE_LIMIT, chunks, marks

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


# Default windows of the record sections (``offset``/``limit`` of one section move it).
FILM_LIMITS = {"credits": 200, "selections": 100, "awards": 100, "deals": 100, "sales_agents": 20, "years": 50,
               "attributes": 100, "territories": 200, "sources": 100}
PERSON_LIMITS = {"timeline": 100, "credits": 200, "selections": 100, "awards": 100, "positions": 100,
                 "quotes": 50, "sources": 100}
COMPANY_LIMITS = {"slate": 100, "deals": 100, "people": 100, "based_in": 20, "sources": 100}
FESTIVAL_LIMITS = {"editions": 20, "lineup": 200, "winners": 100, "nominees": 100, "sources": 100}
CONTRADICTION_FACTS = 10  # fact records per contradiction (``facts_total`` counts them all)
MAX_LIMIT = 1000          # the largest window one call may ask for
_NAMES_IN_MESSAGE = 10


class Pager:
    """The windows of one record's sections and, once read, their totals.

    Every section gets ``(0, limits[name])``; ``section`` gets ``(offset, limit)`` instead.
    ``info`` ends up as the record's ``paging``: ``{name: {"total", "offset", "limit"}}``."""

    def __init__(self, limits: dict[str, int], section: str | None, offset: int, limit: int | None,
                 evidence: int | None) -> None:
        if section is not None and section not in limits:
            raise ValueError(f"unknown section {section!r}; one of {', '.join(limits)}")
        if int(offset) < 0 or (limit is not None and not 0 <= int(limit) <= MAX_LIMIT):
            raise ValueError(f"offset must be >= 0 and limit 0..{MAX_LIMIT}")
        self.limits, self.section = limits, section
        self.offset, self.limit = int(offset), (None if limit is None else int(limit))
        self.evidence = EVIDENCE_LIMIT if evidence is None else max(1, min(int(evidence), MAX_LIMIT))
        self.info: dict[str, dict[str, int]] = {}

    def window(self, name: str) -> tuple[int, int]:
        if name == self.section:
            return self.offset, self.limits[name] if self.limit is None else self.limit
        return 0, self.limits[name]

    def note(self, name: str, total: int) -> None:
        offset, limit = self.window(name)
        self.info[name] = {"total": int(total), "offset": offset, "limit": limit}


def _some(names: list[str]) -> list[str]:
    """At most ``_NAMES_IN_MESSAGE`` names, then "N more"."""
    if len(names) <= _NAMES_IN_MESSAGE:
        return names
    return [*names[:_NAMES_IN_MESSAGE], f"{len(names) - _NAMES_IN_MESSAGE} more"]


def _plain(value: Any) -> Any:
    """A JSON number from SQL as int when whole (PostgreSQL's numeric -> int)."""
    if value is None or isinstance(value, str | int):
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


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

    # -- paging helpers

    def _json(self, field: str) -> str:
        """SQL for the text of ``facts.fields -> field`` (numbers as numbers on SQLite)."""
        if self.db.dialect == "sqlite":
            return f"json_extract(f.fields, '$.{field}')"
        return f"(f.fields::jsonb ->> '{field}')"

    def _json_int(self, field: str) -> str:
        """SQL for ``facts.fields -> field`` when it is a number, else NULL."""
        if self.db.dialect == "sqlite":
            return (f"(CASE WHEN json_type(f.fields, '$.{field}') IN ('integer', 'real')"
                    f" THEN json_extract(f.fields, '$.{field}') END)")
        return (f"(CASE WHEN jsonb_typeof(f.fields::jsonb -> '{field}') = 'number'"
                f" THEN (f.fields::jsonb ->> '{field}')::numeric END)")

    def _seen_sql(self, agg: str = "MIN") -> str:
        """SQL for a fact's first (``MIN``) or last (``MAX``) evidence date ('' when none)."""
        return f"COALESCE((SELECT {agg}(s.date) FROM fact_sources s WHERE s.fact_id = f.id), '')"

    def _fact_page(self, pager: Pager, name: str, where: str, params: Sequence[Any], order: str = "f.id",
                   joins: str = "") -> list[Record]:
        """One section: the facts matching ``where`` in ``order``, cut by the section's window
        in SQL (``COUNT(*) OVER ()`` gives the total in the same query)."""
        offset, limit = pager.window(name)
        rows = self.db.all(
            f"SELECT f.*, COUNT(*) OVER () AS total_rows FROM facts f {joins}"
            f" WHERE f.retracted = 0 AND ({where}) ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
        if rows:
            total = int(rows[0]["total_rows"])
        else:
            total = int(self.db.scalar(
                f"SELECT COUNT(*) AS n FROM facts f {joins} WHERE f.retracted = 0 AND ({where})", params) or 0)
        pager.note(name, total)
        return self._records(rows, pager.evidence)

    def _source_page(self, pager: Pager, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The articles stating any fact matching ``where``, oldest first, one grouped query."""
        offset, limit = pager.window("sources")
        inner = (
            "SELECT s.article_id, MIN(s.date) AS date FROM fact_sources s JOIN facts f ON f.id = s.fact_id"
            f" WHERE f.retracted = 0 AND ({where}) GROUP BY s.article_id")
        rows = self.db.all(
            "SELECT x.article_id, a.title, x.date, a.url, x.total_rows FROM (SELECT article_id, date,"
            f" COUNT(*) OVER () AS total_rows FROM ({inner}) AS g ORDER BY date, article_id LIMIT ? OFFSET ?) AS x"
            " JOIN articles a ON a.id = x.article_id ORDER BY x.date, x.article_id", [*params, limit, offset])
        if rows:
            total = int(rows[0]["total_rows"])
        else:
            total = int(self.db.scalar(f"SELECT COUNT(*) AS n FROM ({inner}) AS x", params) or 0)
        pager.note("sources", total)
        return [{k: r[k] for k in ("article_id", "title", "date", "url")} for r in rows]

    # -- films

    def film(self, entity_id: int, section: str | None = None, offset: int = 0, limit: int | None = None,
             evidence: int = EVIDENCE_LIMIT) -> dict[str, Any] | None:
        """Everything known about a film (see the module docstring), each section cut to its
        window (``FILM_LIMITS``; ``section``/``offset``/``limit`` move one of them)."""
        pager = Pager(FILM_LIMITS, section, offset, limit, evidence)
        base = self.entity(entity_id, "film")
        if base is None:
            return None
        fid = base["id"]
        own = "(f.film_id = ? OR f.subject_id = ?)"
        ids = (fid, fid)
        ftype = self._unindexed("f.type")
        roles = " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(CREDIT_ROLES))
        credits = self._fact_page(
            pager, "credits", f"{own} AND {ftype} = 'credit'", ids,
            f"CASE {self._json('role')} {roles} ELSE {len(CREDIT_ROLES)} END,"
            f" COALESCE(p.name, {self._json('person')}, ''), f.id", "LEFT JOIN entities p ON p.id = f.person_id")
        selections = self._fact_page(pager, "selections", f"{own} AND {ftype} = 'selection'", ids,
                                     f"COALESCE({self._json_int('year')}, 0), f.id")
        awards = self._fact_page(pager, "awards", f"{own} AND {ftype} = 'award'", ids)
        deal = f"{own} AND {ftype} = 'deal'"
        by_seen = f"{self._seen_sql()}, f.id"
        deals = self._fact_page(pager, "deals", deal, ids, by_seen)
        rights = f"COALESCE({self._json('rights')}, '')"
        sales = self._fact_page(pager, "sales_agents", f"{deal} AND {rights} = 'sales'", ids, by_seen)
        years = self._fact_page(pager, "years", f"{own} AND {ftype} = 'film_year'", ids)
        attributes = self._fact_page(pager, "attributes", f"{own} AND {ftype} = 'film_attribute'", ids)
        if base["year"] is None and years:
            base["year"] = Counter(r.get("year") for r in years).most_common(1)[0][0]
        sold = f"{deal} AND {rights} NOT IN ('sales', 'remake') AND f.territory_key IS NOT NULL"
        return {
            **base,
            "credits": credits,
            "selections": selections,
            "awards": awards,
            "deals": deals,
            "years": years,
            "attributes": attributes,
            "sales_agents": sales,
            "territories": self._territories(pager, sold, ids, by_seen),
            "contradictions": self._contradictions(years, deal, ids, rights),
            "sources": self._source_page(pager, own, ids),
            "paging": pager.info,
        }

    def _territories(self, pager: Pager, sold_where: str, params: Sequence[Any], by_seen: str) -> dict[str, Any]:
        """Sold territories (a window of the deals, by territory) and the common territories
        no deal covers (one grouped query over every deal)."""
        deals = self._fact_page(pager, "territories", sold_where, params, f"f.territory_key, {by_seen}")
        sold = [{"territory": canonical_territory(d.get("territory")), "buyer": d.get("company"),
                 "buyer_id": d.get("company_id"), "rights": d.get("rights"), "date": d["first_seen"],
                 "fact_id": d["fact_id"], "evidence": d["evidence"]} for d in deals]
        covered: set[str] = set()
        for row in self.db.all(f"SELECT MIN({self._json('territory')}) AS territory FROM facts f"
                               f" WHERE f.retracted = 0 AND ({sold_where}) GROUP BY f.territory_key", params):
            territory = canonical_territory(row["territory"])
            if territory:
                covered |= covered_territories(territory)
        common = territory_data()["common"]
        open_ = [] if WORLDWIDE in covered else [t for t in common if t not in covered]
        return {"sold": sorted(sold, key=lambda s: (s["territory"] or "", s["date"] or "")), "open": open_}

    def _contradictions(self, years: list[Record], deal_where: str, params: Sequence[Any],
                        rights: str) -> list[dict[str, Any]]:
        """Disagreements: two years, two world sales companies, two buyers of a territory.
        The buyers are grouped in SQL; each contradiction carries at most
        ``CONTRADICTION_FACTS`` fact records (``facts_total`` counts them all)."""
        found = []
        if len({r.get("year") for r in years}) > 1:
            values = " vs ".join(str(y) for y in sorted({r.get("year") for r in years}))
            found.append({"kind": "year", "message": f"two years: {values}", "facts": years,
                          "facts_total": len(years)})
        buyer = f"COALESCE(CAST(f.company_id AS TEXT), 'name:' || COALESCE({self._json('company')}, ''))"
        name = f"COALESCE(c.name, {self._json('company')}, 'None')"
        joins = "LEFT JOIN entities c ON c.id = f.company_id"
        world = f"{deal_where} AND {rights} = 'sales' AND (f.territory_key IS NULL OR f.territory_key = '{WORLDWIDE}')"
        agents = self.db.all(f"SELECT {buyer} AS buyer, MIN({name}) AS name, COUNT(*) AS n FROM facts f {joins}"
                             f" WHERE f.retracted = 0 AND ({world}) GROUP BY {buyer}", params)
        if len(agents) > 1:
            names = " vs ".join(_some(sorted({a["name"] for a in agents})))
            facts = self._records(self.db.all(
                f"SELECT f.* FROM facts f WHERE f.retracted = 0 AND ({world}) ORDER BY f.id LIMIT ?",
                [*params, CONTRADICTION_FACTS]))
            found.append({"kind": "world_sales", "message": f"two companies claim world sales: {names}",
                          "facts": facts, "facts_total": sum(int(a["n"]) for a in agents)})
        local = (f"{deal_where} AND {rights} NOT IN ('sales', 'remake') AND f.territory_key IS NOT NULL"
                 f" AND f.territory_key <> '{WORLDWIDE}'")
        groups: dict[str, dict[str, Any]] = {}
        for row in self.db.all(
                f"SELECT f.territory_key, {buyer} AS buyer, MIN({name}) AS name, MIN(f.id) AS first,"
                f" MIN({self._json('territory')}) AS territory, COUNT(*) AS n FROM facts f {joins}"
                f" WHERE f.retracted = 0 AND ({local}) GROUP BY f.territory_key, {buyer}", params):
            group = groups.setdefault(row["territory_key"], {"first": row["first"], "names": set(), "n": 0,
                                                             "territory": row["territory"]})
            group["first"] = min(group["first"], row["first"])
            group["names"].add(row["name"])
            group["n"] += int(row["n"])
        disputed = sorted((k for k, g in groups.items() if len(g["names"]) > 1), key=lambda k: groups[k]["first"])
        if not disputed:
            return found
        rows = self.db.all(
            f"SELECT * FROM (SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.territory_key ORDER BY f.id) AS rn"
            f" FROM facts f WHERE f.retracted = 0 AND ({local}) AND f.territory_key IN ({marks(len(disputed))}))"
            " AS d WHERE rn <= ? ORDER BY id", [*params, *disputed, CONTRADICTION_FACTS])
        by_key: dict[str, list[Record]] = defaultdict(list)
        for record, row in zip(self._records(rows), rows, strict=True):
            by_key[row["territory_key"]].append(record)
        for key in disputed:
            territory = canonical_territory(groups[key]["territory"])
            names = " vs ".join(_some(sorted(groups[key]["names"])))
            found.append({"kind": "territory_buyer", "territory": territory,
                          "message": f"two buyers for {territory}: {names}", "facts": by_key[key],
                          "facts_total": groups[key]["n"]})
        return found

    # -- people and companies

    def person(self, entity_id: int, section: str | None = None, offset: int = 0, limit: int | None = None,
               evidence: int = EVIDENCE_LIMIT) -> dict[str, Any] | None:
        """A person's career: films by year and role, selections, awards, positions (each
        section cut to its window, ``PERSON_LIMITS``)."""
        pager = Pager(PERSON_LIMITS, section, offset, limit, evidence)
        base = self.entity(entity_id, "person")
        if base is None:
            return None
        pid = base["id"]
        own = "(f.person_id = ? OR f.subject_id = ?)"
        ids = (pid, pid)
        ftype = self._unindexed("f.type")
        credit = f"{own} AND {ftype} = 'credit'"
        films = ("f.film_id IN (SELECT film_id FROM facts WHERE (person_id = ? OR subject_id = ?)"
                 f" AND {self._unindexed('type')} = 'credit' AND retracted = 0)")
        return {
            **base,
            "timeline": self._timeline(pager, credit, ids),
            "credits": self._fact_page(pager, "credits", credit, ids),
            "selections": self._fact_page(pager, "selections", f"{films} AND {ftype} = 'selection'", ids),
            "awards": self._fact_page(pager, "awards", f"{own} AND {ftype} = 'award'", ids),
            "positions": self._fact_page(pager, "positions", f"{own} AND {ftype} = 'position'", ids),
            "quotes": self._fact_page(pager, "quotes", f"{own} AND {ftype} = 'quote'", ids),
            "sources": self._source_page(pager, f"({own} OR ({films} AND f.type = 'selection'))", ids * 2),
            "paging": pager.info,
        }

    def _unindexed(self, column: str) -> str:
        """``column`` in a form SQLite's planner will not pick an index for (``+column``), where
        an index on it alone would be the wrong choice (``type`` is a few values over every fact);
        PostgreSQL's planner has statistics and gets the plain column."""
        return f"+{column}" if self.db.dialect == "sqlite" else column

    def _timeline(self, pager: Pager, credit_where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The films of a person's credits by year (a window of films, grouped in SQL), each
        with the roles and credit records of that film."""
        film_key = f"COALESCE(CAST(f.film_id AS TEXT), 'name:' || COALESCE({self._json('film')}, ''))"
        offset, limit = pager.window("timeline")
        rows = self.db.all(
            f"SELECT {film_key} AS film_key, MIN(e.year) AS year, MIN(COALESCE(e.name, {self._json('film')}, ''))"
            " AS film, COUNT(*) OVER () AS total_rows FROM facts f LEFT JOIN entities e ON e.id = f.film_id"
            f" WHERE f.retracted = 0 AND ({credit_where}) GROUP BY {film_key}"
            " ORDER BY MIN(e.year) IS NULL, MIN(e.year), MIN(COALESCE(e.name, '')), film_key LIMIT ? OFFSET ?",
            [*params, limit, offset])
        pager.note("timeline", int(rows[0]["total_rows"]) if rows else 0)
        if not rows:
            return []
        keys = [r["film_key"] for r in rows]
        credits = self._records(self.db.all(
            f"SELECT f.* FROM facts f WHERE f.retracted = 0 AND ({credit_where})"
            f" AND {film_key} IN ({marks(len(keys))}) ORDER BY f.id", [*params, *keys]), pager.evidence)
        films: dict[Any, dict[str, Any]] = {}
        years = {r["film_key"]: r["year"] for r in rows}
        for record in sorted(credits, key=_by_role):
            key = str(record["film_id"]) if record.get("film_id") else f"name:{record.get('film') or ''}"
            entry = films.setdefault(key, {"year": years.get(key), "film": record.get("film"),
                                           "film_id": record.get("film_id"), "roles": [], "facts": []})
            if record.get("role") not in entry["roles"]:
                entry["roles"].append(record.get("role"))
            entry["facts"].append(record)
        return sorted(films.values(), key=lambda e: (e["year"] is None, e["year"] or 0, e["film"] or ""))

    def company(self, entity_id: int, section: str | None = None, offset: int = 0, limit: int | None = None,
                evidence: int = EVIDENCE_LIMIT) -> dict[str, Any] | None:
        """A company's slate, deals (newest first) by territory and year, people and base;
        each section cut to its window (``COMPANY_LIMITS``), ``deal_counts`` over every deal."""
        pager = Pager(COMPANY_LIMITS, section, offset, limit, evidence)
        base = self.entity(entity_id, "company")
        if base is None:
            return None
        cid = base["id"]
        own = "(f.company_id = ? OR f.seller_id = ?)"
        ids = (cid, cid)
        ftype = self._unindexed("f.type")
        deal = f"{own} AND {ftype} = 'deal'"
        deals = self._fact_page(pager, "deals", deal, ids, f"{self._seen_sql()} DESC, f.id DESC")
        by_territory: dict[str, list[Record]] = defaultdict(list)
        by_year: dict[str, list[Record]] = defaultdict(list)
        for record in deals:
            by_territory[canonical_territory(record.get("territory")) or "unspecified"].append(record)
            by_year[(record["first_seen"] or "unknown")[:4]].append(record)
        return {
            **base,
            "slate": self._slate(pager, cid, deal, ids),
            "deals": deals,
            "deals_by_territory": dict(sorted(by_territory.items())),
            "deals_by_year": dict(sorted(by_year.items(), reverse=True)),
            "deal_counts": self._deal_counts(deal, ids),
            "people": self._fact_page(pager, "people", f"{own} AND {ftype} = 'position'", ids),
            "based_in": self._fact_page(pager, "based_in", f"{own} AND {ftype} = 'based_in'", ids),
            "sources": self._source_page(pager, own, ids),
            "paging": pager.info,
        }

    def _deal_counts(self, deal_where: str, params: Sequence[Any]) -> dict[str, dict[str, int]]:
        """Every deal of a company counted by territory and by year (grouped in SQL)."""
        by_territory: dict[str, int] = defaultdict(int)
        for row in self.db.all(f"SELECT MIN({self._json('territory')}) AS territory, COUNT(*) AS n FROM facts f"
                               f" WHERE f.retracted = 0 AND ({deal_where}) GROUP BY f.territory_key", params):
            by_territory[canonical_territory(row["territory"]) or "unspecified"] += int(row["n"])
        by_year = {(r["year"] or "unknown"): int(r["n"]) for r in self.db.all(
            f"SELECT year, COUNT(*) AS n FROM (SELECT substr({self._seen_sql()}, 1, 4) AS year FROM facts f"
            f" WHERE f.retracted = 0 AND ({deal_where})) AS d GROUP BY year", params)}
        return {"by_territory": dict(sorted(by_territory.items())),
                "by_year": dict(sorted(by_year.items(), reverse=True))}

    def _slate(self, pager: Pager, company_id: int, deal_where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The films of a company's deals by title (a window, grouped in SQL) with the roles
        the company had on each: seller, sales, or rights: territory."""
        film_key = f"COALESCE(CAST(f.film_id AS TEXT), 'name:' || COALESCE({self._json('film')}, ''))"
        film_name = f"COALESCE(e.name, {self._json('film')}, '')"
        offset, limit = pager.window("slate")
        films = self.db.all(
            f"SELECT {film_key} AS film_key, MIN(f.film_id) AS film_id, MIN({film_name}) AS film, MIN(e.year) AS year,"
            " COUNT(*) OVER () AS total_rows FROM facts f LEFT JOIN entities e ON e.id = f.film_id"
            f" WHERE f.retracted = 0 AND ({deal_where}) GROUP BY {film_key} ORDER BY MIN({film_name}), film_key"
            " LIMIT ? OFFSET ?", [*params, limit, offset])
        pager.note("slate", int(films[0]["total_rows"]) if films else 0)
        if not films:
            return []
        keys = [r["film_key"] for r in films]
        rights = f"NULLIF({self._json('rights')}, '')"
        role = (f"CASE WHEN f.seller_id = ? AND (f.company_id IS NULL OR f.company_id <> ?) THEN 'seller'"
                f" WHEN {rights} = 'sales' THEN 'sales' ELSE COALESCE({rights}, 'rights') || ': ' ||"
                f" COALESCE(NULLIF({self._json('territory')}, ''), 'unspecified') END")
        roles: dict[str, list[str]] = defaultdict(list)
        for row in self.db.all(
                f"SELECT film_key, role, MIN(id) AS first FROM (SELECT {film_key} AS film_key, {role} AS role, f.id"
                f" FROM facts f WHERE f.retracted = 0 AND ({deal_where}) AND {film_key} IN ({marks(len(keys))}))"
                " AS d GROUP BY film_key, role ORDER BY first",
                [company_id, company_id, *params, *keys]):
            roles[row["film_key"]].append(row["role"])
        return [{"film": r["film"] or None, "film_id": r["film_id"], "year": r["year"], "roles": roles[r["film_key"]]}
                for r in films]

    # -- festivals

    def festival(self, entity_id: int, year: int | None = None, section: str | None = None, offset: int = 0,
                 limit: int | None = None, evidence: int = EVIDENCE_LIMIT) -> dict[str, Any] | None:
        """A festival's editions (newest first): line-up by section, winners and nominees.
        ``year`` is filtered in SQL; ``editions`` is a window of years and each edition's
        ``lineup`` / ``winners`` / ``nominees`` a window of its facts (``FESTIVAL_LIMITS``,
        the totals in ``lineup_total`` / ``winners_total`` / ``nominees_total``)."""
        pager = Pager(FESTIVAL_LIMITS, section, offset, limit, evidence)
        base = self.entity(entity_id, "festival")
        if base is None:
            return None
        year_sql = self._json_int("year")
        where = f"f.festival_id = ? AND {self._unindexed('f.type')} IN ('selection', 'award')"
        params: list[Any] = [base["id"]]
        if year is not None:
            where += f" AND {year_sql} = ?"
            params.append(int(year))
        won = f"COALESCE({self._json('outcome')}, '') = 'won'"
        bucket = f"CASE WHEN f.type = 'selection' THEN 'lineup' WHEN {won} THEN 'winners' ELSE 'nominees' END"
        offset_e, limit_e = pager.window("editions")
        editions = self.db.all(
            f"SELECT {year_sql} AS year, COUNT(*) OVER () AS total_rows,"
            " SUM(CASE WHEN f.type = 'selection' THEN 1 ELSE 0 END) AS lineup_total,"
            f" SUM(CASE WHEN f.type = 'award' AND {won} THEN 1 ELSE 0 END) AS winners_total,"
            f" SUM(CASE WHEN f.type = 'award' AND NOT {won} THEN 1 ELSE 0 END) AS nominees_total,"
            f" MIN(CASE WHEN f.type = 'selection' THEN {self._json('edition')} END) AS edition"
            f" FROM facts f WHERE f.retracted = 0 AND {where} GROUP BY {year_sql}"
            f" ORDER BY {year_sql} IS NULL, {year_sql} DESC LIMIT ? OFFSET ?", [*params, limit_e, offset_e])
        pager.note("editions", int(editions[0]["total_rows"]) if editions else 0)
        out = []
        for row in editions:
            out.append({"year": _plain(row["year"]), "edition": _plain(row["edition"]), "lineup": {}, "winners": [],
                        "nominees": [], **{k: int(row[k] or 0) for k in ("lineup_total", "winners_total",
                                                                         "nominees_total")}})
        if out:
            years_in = [e["year"] for e in out if e["year"] is not None]
            year_cond = " OR ".join(
                ([f"{year_sql} IN ({marks(len(years_in))})"] if years_in else [])
                + ([f"{year_sql} IS NULL"] if any(e["year"] is None for e in out) else []))
            windows = {name: pager.window(name) for name in ("lineup", "winners", "nominees")}
            rank = " ".join(f"WHEN '{n}' THEN {o}" for n, (o, _) in windows.items())
            upto = " ".join(f"WHEN '{n}' THEN {o + n_}" for n, (o, n_) in windows.items())
            rows = self.db.all(
                f"SELECT * FROM (SELECT f.*, {year_sql} AS edition_year, {bucket} AS bucket,"
                f" ROW_NUMBER() OVER (PARTITION BY {year_sql}, {bucket} ORDER BY f.id) AS rn FROM facts f"
                f" WHERE f.retracted = 0 AND {where} AND ({year_cond})) AS x"
                f" WHERE rn > CASE bucket {rank} END AND rn <= CASE bucket {upto} END ORDER BY id",
                [*params, *years_in])
            by_year = {e["year"]: e for e in out}
            for record, row in zip(self._records(rows, pager.evidence), rows, strict=True):
                edition = by_year[_plain(row["edition_year"])]
                if row["bucket"] == "lineup":
                    edition["lineup"].setdefault(record.get("section") or "unspecified", []).append(record)
                else:
                    edition[row["bucket"]].append(record)
            for name in ("lineup", "winners", "nominees"):
                pager.note(name, max(e[f"{name}_total"] for e in out))
        return {**base, "editions": out, "sources": self._source_page(pager, where, params), "paging": pager.info}

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
        """One fact with all its evidence, newest first (retracted facts too)."""
        found = self._facts("id = ?", (fact_id,), retracted=True, evidence=None)
        return found[0] if found else None

    def article(self, article_id: int) -> dict[str, Any] | None:
        """An article's text and the facts it states, each with its span in this article."""
        row = self.db.one("SELECT * FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        facts = self._facts("id IN (SELECT fact_id FROM fact_sources WHERE article_id = ?)", (article_id,))
        spans: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in self.db.all("SELECT fact_id, sentence, span_start, span_end FROM fact_sources WHERE article_id = ?"
                             " ORDER BY fact_id, span_start", (article_id,)):
            spans[r["fact_id"]].append({
                "article_id": article_id, "title": row["title"], "date": row["date"] or row["ingested_at"][:10],
                "url": row["url"], "sentence": r["sentence"], "start": r["span_start"], "end": r["span_end"]})
        for record in facts:
            record["spans"] = spans.get(record["fact_id"], [])
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
