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
from reelgraph.store.db import Database, Row
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
FILM_LIMITS = {"credits": 50, "selections": 50, "awards": 50, "deals": 30, "sales_agents": 20, "years": 50,
               "attributes": 50, "territories": 50, "sources": 20}
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
        """Fuzzy matches (WRatio >= 75) among the names that share a bucket with ``key``: the
        first ``limit * 2`` entity or alias rows by (score, alias after name, entity id).

        The rows are read one score at a time, best first, and only as many as the first
        ``limit * 2`` still need (``_fuzzy_rows``, cut by LIMIT in SQL): a common word
        ("International") puts most names of a kind in the query's buckets, hundreds of them
        at one score, and building a row for each of them was most of ``find``'s time."""
        grams = sorted(name_grams(key))
        if not grams:
            return
        kind_sql, kind_params = ("AND kind = ?", [kind]) if kind else ("", [])
        candidates = [k for (k,) in self.db.tuples(
            f"SELECT DISTINCT name_key FROM name_grams WHERE gram IN ({marks(len(grams))}) {kind_sql}",
            [*grams, *kind_params])]
        scored = {k: score for k, score, _ in process.extract(
            key, candidates, scorer=fuzz.WRatio, limit=None, score_cutoff=75)}
        levels: dict[float, list[str]] = defaultdict(list)
        for name, score in scored.items():
            levels[score].append(name)
        best: list[dict[str, Any]] = []
        for score in sorted(levels, reverse=True):
            if len(best) >= limit * 2:
                break
            best += self._fuzzy_rows(kind, sorted(levels[score]), limit * 2 - len(best))
        self._add_hits(hits, "fuzzy", best, {r["id"]: scored[r["name_key"]] for r in reversed(best)})

    def _fuzzy_rows(self, kind: str | None, keys: list[str], need: int) -> list[dict[str, Any]]:
        """The first ``need`` live entities (of ``kind``) named by one of ``keys`` (by id), then
        if fewer, those aliased by one of them (by entity id, alias key, alias id), each row
        with the ``name_key`` it matched: the order in which the fuzzy hits of one score rank."""
        kind_sql, kind_params = ("AND e.kind = ?", [kind]) if kind else ("", [])
        # SQLite: the name keys' index, not a walk of every live entity in id order (the
        # planner's pick for ORDER BY id LIMIT, or for merged_into IS NULL without a kind)
        live, by_id = f"{self._unindexed('e.merged_into')} IS NULL", self._unindexed("e.id")
        named: list[dict[str, Any]] = []
        for part in chunks(keys):
            named += self.db.all(
                f"SELECT {_ENTITY_COLUMNS}, e.name AS matched, e.name_key FROM entities e"
                f" WHERE e.name_key IN ({marks(len(part))}) AND {live} {kind_sql}"
                f" ORDER BY {by_id} LIMIT ?", [*part, *kind_params, need])
        named = sorted(named, key=lambda r: r["id"])[:need]
        if len(named) >= need:
            return named
        aliased: list[dict[str, Any]] = []
        for part in chunks(keys):
            aliased += self.db.all(
                f"SELECT {_ENTITY_COLUMNS}, a.name AS matched, a.name_key, a.id AS alias_id FROM aliases a"
                f" CROSS JOIN entities e WHERE e.id = a.entity_id AND a.name_key IN ({marks(len(part))})"
                f" AND a.blocked = 0 AND {live} {kind_sql} ORDER BY {by_id}, a.name_key, a.id LIMIT ?",
                [*part, *kind_params, need - len(named)])
        aliased.sort(key=lambda r: (r["id"], r["name_key"], r["alias_id"]))
        return named + aliased[:need - len(named)]

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

    def _fact_page(self, pager: Pager, name: str, where: str, params: Sequence[Any], order: str = "f.id",
                   joins: str = "", total: int | None = None) -> list[Record]:
        """One section: the facts matching ``where`` in ``order``, cut by the section's window
        in SQL.  No window function: the page query stops at ``LIMIT`` (an index range scan
        where ``order`` follows an index); the total is ``total`` when the caller counted it
        already, the page's length when the page is the first and not full, else one
        ``COUNT(*)`` (index-only where the section's index covers ``where``)."""
        return self._records(self._page_rows(pager, name, where, params, order, joins, total), pager.evidence)

    def _page_rows(self, pager: Pager, name: str, where: str, params: Sequence[Any], order: str = "f.id",
                   joins: str = "", total: int | None = None) -> list[Row]:
        """The ``facts`` rows of one section's window (``_fact_page`` without the records)."""
        offset, limit = pager.window(name)
        rows = self.db.all(
            f"SELECT f.* FROM facts f {joins} WHERE f.retracted = 0 AND ({where}) ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset])
        if total is None:
            if offset == 0 and len(rows) < limit:
                total = len(rows)
            else:
                total = int(self.db.scalar(
                    f"SELECT COUNT(*) AS n FROM facts f WHERE f.retracted = 0 AND ({where})", params) or 0)
        pager.note(name, total)
        return rows

    def _union_page(self, branches: Sequence[tuple[str, Sequence[Any]]], order: str, limit: int,
                    offset: int) -> list[Row]:
        """Facts of several indexed conditions (e.g. company or seller), in ``order``: each
        branch is an ordered range scan cut at ``offset + limit``, the union is cut again."""
        inner = " UNION ".join(
            f"SELECT id FROM (SELECT f.id FROM facts f WHERE f.retracted = 0 AND ({where})"
            f" ORDER BY {order} LIMIT ?) AS b{i}" for i, (where, _) in enumerate(branches))
        params = [v for where, ps in branches for v in (*ps, offset + limit)]
        return self.db.all(f"SELECT f.* FROM facts f WHERE f.id IN ({inner}) ORDER BY {order} LIMIT ? OFFSET ?",
                           [*params, limit, offset])

    @staticmethod
    def _either(columns: Sequence[str], cond: str) -> str:
        """``(f.a = ? AND cond) OR (f.b = ? AND cond)``: each term an index lookup on
        ``(<column>, type, ...)`` (the entity id is bound once per column)."""
        return "(" + " OR ".join(f"(f.{c} = ? AND {cond})" for c in columns) + ")"

    def _source_page(self, pager: Pager, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        """The articles stating any fact matching ``where``, oldest first, one grouped query
        over the evidence (festivals, whose sources may be cut to a year; the other records
        read ``entity_articles``, ``_linked_sources``)."""
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

    def _linked_sources(self, pager: Pager, entity_id: int, films_sql: str | None = None,
                        films_params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The articles of an entity's own facts (``entity_articles`` via 'own'), oldest first:
        a range scan of its rows stopped by LIMIT, the total one index-only count.  With
        ``films_sql`` (a SELECT of film ids) the articles of those films' selections join in
        (a person's page), a UNION of the two ranges sorted here."""
        offset, limit = pager.window("sources")
        own = "SELECT article_id, date FROM entity_articles WHERE entity_id = ? AND via = 'own'"
        if films_sql is None:
            linked, params = own, [entity_id]
        else:
            linked = (f"{own} UNION SELECT article_id, date FROM entity_articles WHERE via = 'selection'"
                      f" AND entity_id IN ({films_sql})")
            params = [entity_id, *films_params]
        rows = self.db.all(
            f"SELECT x.article_id, a.title, x.date, a.url FROM ({linked} ORDER BY date, article_id LIMIT ? OFFSET ?)"
            " AS x JOIN articles a ON a.id = x.article_id ORDER BY x.date, x.article_id", [*params, limit, offset])
        if offset == 0 and len(rows) < limit:
            total = len(rows)
        else:
            total = int(self.db.scalar(f"SELECT COUNT(*) AS n FROM ({linked}) AS x", params) or 0)
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
        ids = (fid, fid)

        def of(ftype: str) -> str:  # only awards name a film as "subject"
            return f"f.film_id = ? AND f.type = '{ftype}' AND f.retracted = 0"

        # by role, then person name: role_rank / sort_name kept on write (facts_film_credits)
        rows = {"credits": self._page_rows(pager, "credits", of("credit"), (fid,), "f.role_rank, f.sort_name, f.id"),
                "selections": self._page_rows(pager, "selections", of("selection"), (fid,),
                                              "COALESCE(f.year, 0), f.id"),
                "awards": self._page_rows(pager, "awards", self._either(("film_id", "subject_id"), "f.type = 'award'"),
                                          ids)}
        groups = self._deal_groups(fid)
        deals_total = sum(g["n"] for g in groups)
        sales_total = sum(g["n"] for g in groups if g["rights"] == "sales")
        sold_groups = [g for g in groups if g["rights"] not in ("sales", "remake") and g["territory_key"] is not None]
        deal = of("deal")
        rows["deals"] = self._page_rows(pager, "deals", deal, (fid,), "f.first_seen, f.id", total=deals_total)
        rows["sales_agents"] = self._page_rows(pager, "sales_agents", f"{deal} AND f.rights = 'sales'", (fid,),
                                               "f.first_seen, f.id", total=sales_total)
        rows["years"] = self._page_rows(pager, "years", of("film_year"), (fid,))
        rows["attributes"] = self._page_rows(pager, "attributes", of("film_attribute"), (fid,))
        sold = f"{deal} AND f.rights NOT IN ('sales', 'remake') AND f.territory_key IS NOT NULL"
        rows["territories"] = self._page_rows(pager, "territories", sold, (fid,),
                                              "f.territory_key, f.first_seen, f.id",
                                              total=sum(g["n"] for g in sold_groups))
        pending = self._contradiction_rows(deal, (fid,), groups)
        # every record of the page built once, in one batch (one evidence pass, one names query)
        built = self._record_batch([(r, pager.evidence) for r in rows.values()]
                                   + [(c["facts"], EVIDENCE_LIMIT) for c in pending])
        records = dict(zip(rows, built, strict=False))
        years = records["years"]
        contradictions = self._year_contradiction(years)
        for c, facts in zip(pending, built[len(rows):], strict=True):
            contradictions.append({**c, "facts": facts})
        if base["year"] is None and years:
            base["year"] = Counter(r.get("year") for r in years).most_common(1)[0][0]
        return {
            **base,
            "credits": records["credits"],
            "selections": records["selections"],
            "awards": records["awards"],
            "deals": records["deals"],
            "years": years,
            "attributes": records["attributes"],
            "sales_agents": records["sales_agents"],
            "territories": self._territories(records["territories"], sold_groups),
            "contradictions": contradictions,
            "sources": self._linked_sources(pager, fid),
            "paging": pager.info,
        }

    def _deal_groups(self, film_id: int) -> list[dict[str, Any]]:
        """Every live deal of a film counted by (rights, territory) in one grouped query over
        ``facts_film_deals`` (index only, a few dozen rows however many deals): ``rights``,
        ``territory_key``, ``territory`` (MIN as stated), ``n``, ``first`` (MIN id), and what
        tells whether the group has more than one buyer without listing them: ``lo`` / ``hi``
        (the smallest and largest buyer entity id; MIN/MAX, not ``COUNT(DISTINCT)``, which
        needs a sort) and ``unnamed`` (deals whose buyer is no entity).  The buyers themselves are read only where two may disagree
        (``_buyer_counts``)."""
        rows = self.db.all(
            "SELECT f.rights, f.territory_key, MIN(f.territory) AS territory, COUNT(*) AS n, MIN(f.id) AS first,"
            " MIN(f.company_id) AS lo, MAX(f.company_id) AS hi,"
            " SUM(CASE WHEN f.company_id IS NULL THEN 1 ELSE 0 END) AS unnamed"
            " FROM facts f WHERE f.film_id = ? AND f.type = 'deal' AND f.retracted = 0"
            " GROUP BY f.rights, f.territory_key", (film_id,))
        return [{"rights": r["rights"] or "", "territory_key": r["territory_key"], "territory": r["territory"],
                 "n": int(r["n"]), "first": r["first"], "lo": r["lo"], "hi": r["hi"],
                 "unnamed": int(r["unnamed"] or 0)} for r in rows]

    @staticmethod
    def _may_disagree(groups: list[dict[str, Any]]) -> bool:
        """Whether ``groups`` (of one territory) may have two buyers: two buyer entities in one
        group or in two, or a buyer that is no entity (compared by name in ``_buyer_counts``)."""
        return (any(g["lo"] != g["hi"] or g["unnamed"] for g in groups)
                or len({g["lo"] for g in groups if g["lo"] is not None}) > 1)

    def _buyer_counts(self, film_id: int, where: str, keys: list[str | None], together: bool = False
                      ) -> dict[str | None, tuple[int, int, bool]]:
        """How many buyers the film's live deals matching ``where`` have in each territory of
        ``keys`` (``together``: in all of them as one, under the key None): ``{key: (buyer
        keys, distinct names, whether a deal states no buyer name)}``.  A buyer key is an entity
        id, or the stated name of a deal whose buyer is no entity; a name is ``buyer_name``
        (schema 6: the buyer entity's current name, else the stated one; "None" when none is
        stated).  One index-only pass over ``facts_film_buyers``, counted in SQL."""
        listed = [k for k in keys if k is not None]
        conds = ([f"f.territory_key IN ({marks(len(listed))})"] if listed else []) + (
            ["f.territory_key IS NULL"] if None in keys else [])
        key_sql, group = ("", "") if together else ("f.territory_key, ", " GROUP BY f.territory_key")
        rows = self.db.tuples(
            f"SELECT {key_sql}COUNT(DISTINCT f.company_id)"
            " + COUNT(DISTINCT CASE WHEN f.company_id IS NULL THEN COALESCE(f.buyer_name, '') END),"
            " COUNT(DISTINCT COALESCE(f.buyer_name, 'None')),"
            " MAX(CASE WHEN f.buyer_name IS NULL THEN 1 ELSE 0 END)"
            f" FROM facts f WHERE f.film_id = ? AND f.type = 'deal' AND f.retracted = 0 AND {where}"
            f" AND ({' OR '.join(conds)}){group}", [film_id, *listed])
        if together:
            return {None: (int(rows[0][0] or 0), int(rows[0][1] or 0), bool(rows[0][2]))} if rows else {}
        return {key: (int(buyers), int(names), bool(nameless)) for key, buyers, names, nameless in rows}

    def _first_names(self, film_id: int, where: str, keys: list[str | None], together: bool = False
                     ) -> dict[str | None, list[str]]:
        """The first ``_NAMES_IN_MESSAGE`` distinct buyer names (code point order, as Python
        sorts) of the film's live deals matching ``where`` in each territory of ``keys``
        (``together``: of all of them, under the key None).  Per territory a range scan of
        ``facts_film_buyers`` already in name order, stopped by LIMIT; the territories joined
        by ``UNION ALL``.  Deals with no buyer name are left out (``_buyer_names`` adds
        "None")."""
        name = 'f.buyer_name COLLATE "C"' if self.db.dialect == "postgresql" else "f.buyer_name"
        base = (f"SELECT DISTINCT {{key}}{name} AS name FROM facts f WHERE f.film_id = ? AND f.type = 'deal'"
                f" AND f.retracted = 0 AND {where} AND f.buyer_name IS NOT NULL AND {{cond}} ORDER BY name LIMIT ?")
        found: dict[str | None, list[str]] = defaultdict(list)
        if together:
            listed = [k for k in keys if k is not None]
            conds = ([f"f.territory_key IN ({marks(len(listed))})"] if listed else []) + (
                ["f.territory_key IS NULL"] if None in keys else [])
            sql = base.format(key="", cond=f"({' OR '.join(conds)})")
            found[None] = [n for (n,) in self.db.tuples(sql, [film_id, *listed, _NAMES_IN_MESSAGE])]
            return found
        for part in chunks(keys, 100):
            branch = base.format(key="f.territory_key, ", cond="f.territory_key = ?")
            sql = " UNION ALL ".join(f"SELECT * FROM ({branch}) AS t{i}" for i in range(len(part)))
            for key, buyer in self.db.tuples(sql, [v for k in part for v in (film_id, k, _NAMES_IN_MESSAGE)]):
                found[key].append(buyer)
        return found

    @staticmethod
    def _buyer_names(first: list[str], total: int, nameless: bool) -> list[str]:
        """The names a message shows: the first ``_NAMES_IN_MESSAGE`` of ``total`` distinct
        names ("None" for deals that state no buyer, as a set of names had it), then "N more"."""
        names = sorted({*first, "None"})[:_NAMES_IN_MESSAGE] if nameless else sorted(first)
        return names if total <= _NAMES_IN_MESSAGE else [*names, f"{total - _NAMES_IN_MESSAGE} more"]

    def _first_deals(self, film_id: int, where: str, keys: list[str]) -> dict[str, list[Row]]:
        """The first ``CONTRADICTION_FACTS`` live deals (by id) matching ``where`` of each
        territory in ``keys``: per territory a range scan of ``facts_film_territory`` (its
        deals in id order) stopped by LIMIT, the territories joined by ``UNION ALL``."""
        found: dict[str, list[Row]] = defaultdict(list)
        for part in chunks(keys, 100):
            branch = ("SELECT * FROM (SELECT f.* FROM facts f WHERE f.film_id = ? AND f.type = 'deal'"
                      f" AND f.retracted = 0 AND f.territory_key = ? AND {where} ORDER BY f.id LIMIT ?) AS t{{}}")
            sql = " UNION ALL ".join(branch.format(i) for i in range(len(part)))
            for row in self.db.all(sql, [v for key in part for v in (film_id, key, CONTRADICTION_FACTS)]):
                found[row["territory_key"]].append(row)
        for rows in found.values():
            rows.sort(key=lambda r: r["id"])
        return found

    @staticmethod
    def _territories(deals: list[Record], sold_groups: list[dict[str, Any]]) -> dict[str, Any]:
        """Sold territories (``deals``: the window of sold deals, by territory) and the common
        territories no deal covers (from the grouped deal query)."""
        sold = [{"territory": canonical_territory(d.get("territory")), "buyer": d.get("company"),
                 "buyer_id": d.get("company_id"), "rights": d.get("rights"), "date": d["first_seen"],
                 "fact_id": d["fact_id"], "evidence": d["evidence"]} for d in deals]
        first: dict[str, str] = {}
        for g in sold_groups:
            if g["territory"] is not None:
                key = g["territory_key"]
                first[key] = min(first.get(key, g["territory"]), g["territory"])
        covered: set[str] = set()
        for name in first.values():
            territory = canonical_territory(name)
            if territory:
                covered |= covered_territories(territory)
        common = territory_data()["common"]
        open_ = [] if WORLDWIDE in covered else [t for t in common if t not in covered]
        return {"sold": sorted(sold, key=lambda s: (s["territory"] or "", s["date"] or "")), "open": open_}

    @staticmethod
    def _year_contradiction(years: list[Record]) -> list[dict[str, Any]]:
        """A film stated with two years (``years``: its film_year records)."""
        if len({r.get("year") for r in years}) > 1:
            values = " vs ".join(str(y) for y in sorted({r.get("year") for r in years}))
            return [{"kind": "year", "message": f"two years: {values}", "facts": years, "facts_total": len(years)}]
        return []

    def _contradiction_rows(self, deal_where: str, params: Sequence[Any],
                            groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The deal disagreements of a film: two world sales companies, two buyers of a
        territory; each as its contradiction with ``facts`` still ``facts`` rows (the caller
        builds the records with the rest of the page).  The deal counts come from the grouped
        deal query (``_deal_groups``); the buyers are counted (``_buyer_counts``) only for the
        territories where two may disagree, and a message names the first
        ``_NAMES_IN_MESSAGE`` of them (``_first_names``) and counts the rest.  Each contradiction carries at most ``CONTRADICTION_FACTS`` facts
        (``facts_total`` counts them all)."""
        found: list[dict[str, Any]] = []
        film_id = params[0]
        world_groups = [g for g in groups if g["rights"] == "sales" and g["territory_key"] in (None, WORLDWIDE)]
        world = (f"{deal_where} AND f.rights = 'sales'"
                 f" AND (f.territory_key IS NULL OR f.territory_key = '{WORLDWIDE}')")
        if self._may_disagree(world_groups):
            keys = sorted({g["territory_key"] for g in world_groups}, key=lambda k: k is None)
            agents, total, nameless = self._buyer_counts(film_id, "f.rights = 'sales'", keys, together=True)[None]
            if agents > 1:
                first = self._first_names(film_id, "f.rights = 'sales'", keys, together=True)[None]
                names = " vs ".join(self._buyer_names(first, total, nameless))
                facts = self.db.all(
                    f"SELECT f.* FROM facts f WHERE {world} ORDER BY f.id LIMIT ?", [*params, CONTRADICTION_FACTS])
                found.append({"kind": "world_sales", "message": f"two companies claim world sales: {names}",
                              "facts": facts, "facts_total": sum(g["n"] for g in world_groups)})
        by_territory: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for g in groups:
            if g["rights"] not in ("sales", "remake") and g["territory_key"] not in (None, WORLDWIDE):
                by_territory[g["territory_key"]].append(g)
        maybe = [k for k, gs in by_territory.items() if self._may_disagree(gs)]
        if not maybe:
            return found
        sold = "f.rights NOT IN ('sales', 'remake')"
        counts = self._buyer_counts(film_id, sold, maybe)
        disputed = sorted((k for k in maybe if k in counts and counts[k][0] > 1),
                          key=lambda k: min(g["first"] for g in by_territory[k]))
        if not disputed:
            return found
        by_key = self._first_deals(film_id, sold, disputed)
        first = self._first_names(film_id, sold, disputed)
        for key in disputed:
            stated = [g["territory"] for g in by_territory[key] if g["territory"] is not None]
            territory = canonical_territory(min(stated) if stated else None)
            names = " vs ".join(self._buyer_names(first[key], *counts[key][1:]))
            found.append({"kind": "territory_buyer", "territory": territory,
                          "message": f"two buyers for {territory}: {names}", "facts": by_key[key],
                          "facts_total": sum(g["n"] for g in by_territory[key])})
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
        ids = (pid, pid)
        cols = ("person_id", "subject_id")
        credit = self._either(cols, "f.type = 'credit'")
        films = ("f.film_id IN (SELECT film_id FROM facts WHERE (person_id = ? OR subject_id = ?)"
                 f" AND {self._unindexed('type')} = 'credit' AND retracted = 0)")
        return {
            **base,
            "timeline": self._timeline(pager, credit, ids),
            "credits": self._fact_page(pager, "credits", credit, ids),
            "selections": self._fact_page(pager, "selections", f"{films} AND f.type = 'selection'", ids),
            "awards": self._fact_page(pager, "awards", self._either(cols, "f.type = 'award'"), ids),
            "positions": self._fact_page(pager, "positions", self._either(cols, "f.type = 'position'"), ids),
            "quotes": self._fact_page(pager, "quotes", self._either(cols, "f.type = 'quote'"), ids),
            "sources": self._linked_sources(
                pager, pid, "SELECT film_id FROM facts WHERE (person_id = ? OR subject_id = ?)"
                f" AND {self._unindexed('type')} = 'credit' AND retracted = 0", ids),
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
        ids = (cid, cid)
        cols = ("company_id", "seller_id")
        counts = self._deal_counts(cid)
        offset_d, limit_d = pager.window("deals")
        branches = [(f"f.{c} = ? AND f.type = 'deal'", (cid,)) for c in cols]
        rows = self._union_page(branches, "f.first_seen DESC, f.id DESC", limit_d, offset_d)
        pager.note("deals", counts.pop("total"))
        deals = self._records(rows, pager.evidence)
        by_territory: dict[str, list[Record]] = defaultdict(list)
        by_year: dict[str, list[Record]] = defaultdict(list)
        for record in deals:
            by_territory[canonical_territory(record.get("territory")) or "unspecified"].append(record)
            by_year[(record["first_seen"] or "unknown")[:4]].append(record)
        return {
            **base,
            "slate": self._slate(pager, cid),
            "deals": deals,
            "deals_by_territory": dict(sorted(by_territory.items())),
            "deals_by_year": dict(sorted(by_year.items(), reverse=True)),
            "deal_counts": counts,
            "people": self._fact_page(pager, "people", self._either(cols, "f.type = 'position'"), ids),
            "based_in": self._fact_page(pager, "based_in", self._either(cols, "f.type = 'based_in'"), ids),
            "sources": self._linked_sources(pager, cid),
            "paging": pager.info,
        }

    @staticmethod
    def _company_branches(company_id: int) -> list[tuple[str, list[Any]]]:
        """A company's live deals as two disjoint index ranges: as ``company_id``, and as
        ``seller_id`` of a deal whose company is another (each a scan of its covering index,
        ``facts_company_cov`` / ``facts_seller_cov``, for a ``UNION ALL``)."""
        return [("f.company_id = ? AND f.type = 'deal' AND f.retracted = 0", [company_id]),
                ("f.seller_id = ? AND f.type = 'deal' AND f.retracted = 0"
                 " AND (f.company_id IS NULL OR f.company_id <> ?)", [company_id, company_id])]

    def _deal_counts(self, company_id: int) -> dict[str, Any]:
        """Every deal of a company counted by territory and by year: one grouped query per
        branch (``_company_branches``), index-only over the denormalised ``territory_key`` /
        ``territory`` / ``first_seen`` (no JSON, no evidence); ``total`` is their sum."""
        by_territory: dict[str, int] = defaultdict(int)
        by_year: dict[str, int] = defaultdict(int)
        total = 0
        groups: dict[Any, dict[str, Any]] = {}
        for where, params in self._company_branches(company_id):
            for row in self.db.all(
                    "SELECT f.territory_key, MIN(f.territory) AS territory, substr(f.first_seen, 1, 4) AS year,"
                    f" COUNT(*) AS n FROM facts f WHERE {where}"
                    " GROUP BY f.territory_key, substr(f.first_seen, 1, 4)", params):
                n = int(row["n"])
                total += n
                by_year[row["year"] or "unknown"] += n
                group = groups.setdefault(row["territory_key"], {"territory": row["territory"], "n": 0})
                if row["territory"] is not None and (group["territory"] is None
                                                     or row["territory"] < group["territory"]):
                    group["territory"] = row["territory"]
                group["n"] += n
        for group in groups.values():
            by_territory[canonical_territory(group["territory"]) or "unspecified"] += group["n"]
        return {"by_territory": dict(sorted(by_territory.items())),
                "by_year": dict(sorted(by_year.items(), reverse=True)), "total": total}

    def _slate(self, pager: Pager, company_id: int) -> list[dict[str, Any]]:
        """The films of a company's deals by title (a window) with the roles the company had
        on each: seller, sales, or rights: territory (in the order of each role's first deal).

        The window needs every film's title (the order) but the roles of its films only, so:
        one index-only pass per branch (``_company_branches``) for the distinct film entities,
        their names and years joined in the same query; deals that name no film entity grouped
        by the stated title with their roles (those rows only); the films ordered and cut
        here; then the roles of the window's films alone, grouped by (film, role) in SQL.
        Grouping every deal of a big company by (film, role) was most of its page's time."""
        films = self._slate_films(company_id)
        ordered = sorted(films.values(), key=lambda f: (f["film"], f["film_key"]))
        offset, limit = pager.window("slate")
        pager.note("slate", len(ordered))
        window = ordered[offset:offset + limit]
        self._slate_roles(company_id, [f for f in window if f["film_id"] is not None])
        return [{"film": f["film"] or None, "film_id": f["film_id"], "year": f["year"], "roles": f["roles"]}
                for f in window]

    def _slate_role(self) -> str:
        """SQL for the company's role on a deal (binds the company id twice)."""
        rights = "NULLIF(f.rights, '')"
        return (f"CASE WHEN f.seller_id = ? AND (f.company_id IS NULL OR f.company_id <> ?) THEN 'seller'"
                f" WHEN {rights} = 'sales' THEN 'sales' ELSE COALESCE({rights}, 'rights') || ': ' ||"
                " COALESCE(NULLIF(f.territory, ''), 'unspecified') END")

    def _slate_films(self, company_id: int) -> dict[str, dict[str, Any]]:
        """Every film of a company's deals by key (``str(film_id)``, or ``name:<title>`` for a
        deal naming no film entity), with name and year; the roles are filled for the titles
        only (``_slate_roles`` fills the film entities of the window)."""
        branches = self._company_branches(company_id)
        distinct = " UNION ".join(f"SELECT f.film_id FROM facts f WHERE {where}" for where, _ in branches)
        films: dict[str, dict[str, Any]] = {}
        titles = False  # a NULL film_id: some deal names no film entity
        for film_id, name, year in self.db.tuples(
                f"SELECT d.film_id, e.name, e.year FROM ({distinct}) AS d LEFT JOIN entities e ON e.id = d.film_id",
                [v for _, params in branches for v in params]):
            if film_id is None:
                titles = True
                continue
            films[str(film_id)] = {"film_key": str(film_id), "film": name or "", "film_id": film_id,
                                   "year": year, "roles": []}
        rows: list[dict[str, Any]] = []
        for where, params in branches if titles else []:
            rows += self.db.all(
                f"SELECT film_name, role, MIN(id) AS first FROM (SELECT {self._json('film')} AS film_name,"
                f" {self._slate_role()} AS role, f.id FROM facts f WHERE {where} AND f.film_id IS NULL) AS d"
                " GROUP BY film_name, role", [company_id, company_id, *params])
        for row in sorted(rows, key=lambda r: r["first"]):
            key = f"name:{row['film_name'] or ''}"
            entry = films.setdefault(key, {"film_key": key, "film": str(row["film_name"] or ""), "film_id": None,
                                           "year": None, "roles": []})
            if row["role"] not in entry["roles"]:
                entry["roles"].append(row["role"])
        return films

    def _slate_roles(self, company_id: int, films: list[dict[str, Any]]) -> None:
        """Fill the roles of ``films`` (film entities), each in the order of its first deal."""
        by_id = {f["film_id"]: f for f in films}
        rows: list[tuple[Any, ...]] = []
        for part in chunks(list(by_id), 500):
            for where, params in self._company_branches(company_id):
                rows += self.db.tuples(
                    f"SELECT film_id, role, MIN(id) AS first FROM (SELECT f.film_id, {self._slate_role()} AS role,"
                    f" f.id FROM facts f WHERE {where} AND f.film_id IN ({marks(len(part))})) AS d"
                    " GROUP BY film_id, role", [company_id, company_id, *params, *part])
        for film_id, role, _ in sorted(rows, key=lambda r: r[2]):
            roles = by_id[film_id]["roles"]
            if role not in roles:
                roles.append(role)

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
        year_sql = "f.year"
        where = "f.festival_id = ? AND f.type IN ('selection', 'award')"
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
        where, params = ["f.type = 'deal'", "f.retracted = 0", "f.evidence_total > 0"], []
        if territory:
            where.append("f.territory_key = ?")
            params.append(territory_key(territory))
        if since:
            where.append("f.first_seen >= ?")
            params.append(since)
        order = "f.first_seen DESC, f.id DESC"
        limit, offset = max(0, int(limit)), max(0, int(offset))
        if company is not None:
            # "+": not the partial index facts_deals_first (every deal in date order), but the
            # company and seller indexes
            where[2] = "+f.evidence_total > 0"
            ids = self._company_ids(company)
            if not ids:
                return {"total": 0, "limit": limit, "offset": offset, "items": []}
            branches = [(f"f.{c} IN ({marks(len(ids))}) AND {' AND '.join(where)}", [*ids, *params])
                        for c in ("company_id", "seller_id")]
            rows = self._union_page(branches, order, limit, offset)
            cond = " AND ".join(where)
            where = ["(" + " OR ".join(f"(f.{c} IN ({marks(len(ids))}) AND {cond})"
                                       for c in ("company_id", "seller_id")) + ")"]
            params = [*ids, *params, *ids, *params]
        else:
            rows = self.db.all(f"SELECT f.id FROM facts f WHERE f.retracted = 0 AND {' AND '.join(where)}"
                               f" ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
        total = self.db.scalar(f"SELECT COUNT(*) AS n FROM facts f WHERE f.retracted = 0 AND {' AND '.join(where)}",
                               params)
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
                "SELECT f.id FROM facts f WHERE f.type = ? AND f.retracted = 0 AND f.evidence_total > 0"
                " ORDER BY f.last_seen DESC, f.id DESC LIMIT ?", (ftype, max(1, int(limit))))
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
