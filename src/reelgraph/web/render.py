"""Presentation helpers shared by the pages, the API's CSV and the feeds.

Everything here reads the JSON-ready dicts the store returns and turns them into plain
values for templates: fact labels, links, the article's highlighted segments, the deal
map grid.  Nothing here marks strings safe: templates autoescape every value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from reelgraph.web.territories import GRID_CELLS, REGIONS, WORLDWIDE, cells_for

KIND_PATHS = {"film": "films", "person": "people", "company": "companies", "festival": "festivals"}
ROLE_LABELS = {
    "director": "Director", "writer": "Writer", "producer": "Producer",
    "executive_producer": "Executive producer", "cast": "Cast", "composer": "Composer",
    "cinematographer": "Cinematographer", "editor": "Editor",
}
TYPE_LABELS = {
    "credit": "Credit", "deal": "Deal", "selection": "Selection", "award": "Award",
    "position": "Position", "based_in": "Based in", "film_year": "Year", "alias": "Alias",
    "film_attribute": "Attribute", "quote": "Quote",
}


# --- reading store dicts -------------------------------------------------------------

def fval(fact: dict[str, Any] | None, name: str) -> Any:
    """A field of a fact, whether the store nests fields under ``fields`` or not; an
    entity-valued field given as ``{"id", "name"}`` reads as its name."""
    if not fact:
        return None
    value = None
    fields = fact.get("fields")
    if isinstance(fields, dict) and fields.get(name) is not None:
        value = fields.get(name)
    elif fact.get(name) is not None:
        value = fact.get(name)
    if isinstance(value, dict):
        return value.get("name")
    return value


def fid(fact: dict[str, Any] | None) -> Any:
    """A fact record's id (``fact_id``; ``id`` accepted too)."""
    if not fact:
        return None
    return fact.get("fact_id", fact.get("id"))


def fent(fact: dict[str, Any] | None, name: str) -> int | None:
    """The entity id behind a fact's field ``name``, when the store gives one."""
    if not fact:
        return None
    for holder in (fact.get("entities"), fact.get("entity_ids"), fact.get("ids")):
        if isinstance(holder, dict) and holder.get(name) is not None:
            value = holder[name]
            return value.get("id") if isinstance(value, dict) else value
    value = fact.get(f"{name}_id")
    if value is None and isinstance(fact.get(name), dict):
        value = fact[name].get("id")
    if value is None and isinstance(fact.get("fields"), dict) and isinstance(fact["fields"].get(name), dict):
        value = fact["fields"][name].get("id")
    return value


def fkind(fact: dict[str, Any] | None, name: str) -> str | None:
    """The entity kind of field ``name`` (``subject`` may be film or person)."""
    if name == "subject" and fact:
        for holder in (fact.get("entities"), fact.get(name)):
            if isinstance(holder, dict):
                inner = holder.get(name) if holder is fact.get("entities") else holder
                if isinstance(inner, dict) and inner.get("kind"):
                    return inner["kind"]
        return fact.get("subject_kind") or "film"
    return {"film": "film", "person": "person", "company": "company", "seller": "company",
            "festival": "festival"}.get(name)


def entity_url(kind: str | None, entity_id: Any) -> str | None:
    path = KIND_PATHS.get(kind or "")
    if not path or entity_id is None:
        return None
    return f"/{path}/{entity_id}"


def sources_of(fact: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A fact's evidence list: ``[{"article_id", "sentence", "start", "end", ...}]``."""
    if not fact:
        return []
    out: list[dict[str, Any]] = []
    raw = fact.get("evidence") or fact.get("sources") or []
    if not isinstance(raw, list | dict):
        raw = []
    if isinstance(raw, dict):
        raw = [raw]
    for src in raw:
        if not isinstance(src, dict):
            continue
        item = dict(src)
        item.setdefault("article_id", fact.get("article_id"))
        if "start" not in item and "span_start" in item:
            item["start"], item["end"] = item.get("span_start"), item.get("span_end")
        out.append(item)
    if not out and fact.get("article_id") is not None:
        out.append({"article_id": fact["article_id"], "start": fact.get("start"), "end": fact.get("end")})
    return out


def fact_url(fact: dict[str, Any] | None, article_id: Any = None) -> str | None:
    """Where a fact's evidence is shown: its article with the span selected."""
    ident = fid(fact)
    if ident is None:
        return None
    if article_id is None:
        srcs = sources_of(fact)
        article_id = srcs[0].get("article_id") if srcs else None
    if article_id is None:
        return f"/facts/{ident}"
    return f"/articles/{article_id}?{urlencode({'fact': ident})}#fact-{ident}"


def fact_label(fact: dict[str, Any]) -> str:
    """A one-line plain-text reading of a fact."""
    t = fact.get("type")
    g = lambda n: fval(fact, n)  # noqa: E731
    if t == "credit":
        role = ROLE_LABELS.get(g("role") or "", g("role") or "credit").lower()
        extra = f" (as {g('character')})" if g("character") else ""
        return f"{g('person')}: {role} of {g('film')}{extra}"
    if t == "deal":
        terr = g("territory") or "unspecified territory"
        rights = g("rights")
        what = "world sales" if rights == "sales" and (terr or "").lower() == "worldwide" else (rights or "rights")
        return f"{g('company')} takes {what} on {g('film')} ({terr})"
    if t == "selection":
        parts = [p for p in (g("section"), g("premiere")) if p]
        extra = f" — {', '.join(str(p) for p in parts)}" if parts else ""
        year = f" {g('year')}" if g("year") else ""
        return f"{g('film')} selected for {g('festival')}{year}{extra}"
    if t == "award":
        verb = "won" if g("outcome") == "won" else "nominated for"
        where = f" at {g('festival')}" if g("festival") else ""
        return f"{g('subject')} {verb} {g('award')}{where}"
    if t == "position":
        return f"{g('person')}, {g('title') or 'works at'} {g('company')}"
    if t == "based_in":
        return f"{g('company')} is based in {g('place')}"
    if t == "film_year":
        return f"{g('film')} ({g('year')})"
    if t == "alias":
        main = g("film") or g("person") or g("company")
        return f"{main} also written “{g('alias')}”"
    if t == "film_attribute":
        return f"{g('film')}: {g('attribute')} = {g('value')}"
    if t == "quote":
        return f"{g('person')}: “{g('text')}”"
    skip = {"id", "fact_id", "type", "evidence", "sources", "confidence", "fields", "article_id"}
    return ", ".join(f"{k}={v}" for k, v in fact.items() if k not in skip and not isinstance(v, dict | list))


# --- article text ---------------------------------------------------------------------

def article_segments(
    text: str, facts: Iterable[dict[str, Any]], article_id: Any, selected: Any = None
) -> list[dict[str, Any]]:
    """Cut ``text`` at every evidence boundary: ``[{"text", "facts": [ids], "anchors":
    [ids], "sel": bool}]``.  ``anchors`` are the facts whose span starts at the segment
    (the ``#fact-ID`` targets).  Spans outside the text are clipped."""
    n = len(text)
    spans: list[tuple[int, int, str]] = []
    for fact in facts:
        ident = fid(fact)
        if ident is None:
            continue
        for src in sources_of(fact):
            if article_id is not None and src.get("article_id") not in (None, article_id) and str(
                src.get("article_id")
            ) != str(article_id):
                continue
            try:
                start, end = int(src.get("start") or 0), int(src.get("end") or 0)
            except (TypeError, ValueError):
                continue
            start, end = max(0, min(start, n)), max(0, min(end, n))
            if end > start:
                spans.append((start, end, str(ident)))
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    sel = str(selected) if selected is not None else None
    segments: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        ids = [x for s, e, x in spans if s <= a and b <= e]
        anchors = [x for s, _, x in spans if s == a]
        segments.append({"text": text[a:b], "facts": ids, "anchors": sorted(set(anchors)), "sel": sel in ids})
    if not segments and text:
        segments.append({"text": text, "facts": [], "anchors": [], "sel": False})
    return segments


# --- deal map -------------------------------------------------------------------------

def deal_grid(deals: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The deal map: ``{"worldwide": [deal], "unspecified": [deal], "regions": [{"name",
    "cells": [{"name", "deals"}]}], "sold": n, "open": n}``.  A cell with deals is sold;
    a deal for a region ("Benelux") fills its member countries' cells."""
    by_cell: dict[str, list[dict[str, Any]]] = {}
    worldwide: list[dict[str, Any]] = []
    other: dict[str, list[dict[str, Any]]] = {}
    unspecified: list[dict[str, Any]] = []
    for deal in deals:
        cells = cells_for(fval(deal, "territory"))
        if cells == [WORLDWIDE]:
            worldwide.append(deal)
        elif not cells:
            unspecified.append(deal)
        elif any(c in GRID_CELLS for c in cells):
            for cell in cells:
                if cell in GRID_CELLS:
                    by_cell.setdefault(cell, []).append(deal)
        else:
            other.setdefault(cells[0], []).append(deal)
    regions = []
    for name, cells in REGIONS:
        regions.append({"name": name, "cells": [{"name": c, "deals": by_cell.get(c, [])} for c in cells]})
    if other:
        regions.append({"name": "Other", "cells": [{"name": k, "deals": v} for k, v in sorted(other.items())]})
    all_cells = [c for r in regions for c in r["cells"]]
    return {
        "worldwide": worldwide,
        "unspecified": unspecified,
        "regions": regions,
        "sold": sum(1 for c in all_cells if c["deals"]),
        "open": sum(1 for c in all_cells if not c["deals"]),
    }


# --- CSV ------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name", value.get("id", ""))
    elif isinstance(value, list):
        value = "; ".join(_cell(v) for v in value)
    text = str(value)
    # Spreadsheet formula injection: a cell must not start with = + - @ (or tab/CR).
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row from a store dict: ``fields`` lifted, evidence reduced to its first source."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "fields" and isinstance(value, dict):
            for k, v in value.items():
                out.setdefault(k, v)
        elif key == "evidence" or (key == "sources" and isinstance(value, list)):
            srcs = sources_of(row)
            if srcs:
                out["article_id"] = srcs[0].get("article_id")
                out["sentence"] = srcs[0].get("sentence")
        else:
            out.setdefault(key, value)
    return out


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    flat = [flatten(r) for r in rows]
    columns: list[str] = []
    for r in flat:
        for k in r:
            if k not in columns:
                columns.append(k)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for r in flat:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


TEMPLATE_GLOBALS = {
    "fval": fval, "fid": fid, "fent": fent, "fkind": fkind, "entity_url": entity_url, "fact_url": fact_url,
    "fact_label": fact_label, "sources_of": sources_of, "ROLE_LABELS": ROLE_LABELS, "TYPE_LABELS": TYPE_LABELS,
}
TEMPLATE_FILTERS = {"fact_label": fact_label}
