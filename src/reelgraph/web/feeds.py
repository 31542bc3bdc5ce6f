"""Atom feeds: ``/watchlists/{id}/feed.atom`` lists the new facts about a watched entity.

Entries are the store's ``watchlist_facts(id)`` (facts first stored after the watchlist was
created), newest first; each links to its evidence on the article page.  The XML is built
with ``xml.etree`` so every string is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from reelgraph.web import render
from reelgraph.web.data import Gateway, WebError

router = APIRouter(tags=["feeds"])

ATOM_NS = "http://www.w3.org/2005/Atom"


def watchlist_and_facts(g: Gateway, watchlist_id: int, limit: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A watchlist and its newest ``limit`` facts (newest first)."""
    wl = g.call("watchlist", watchlist_id)
    if not wl:
        raise WebError(404, "not_found", "watchlist not found")
    facts = list(g.call("watchlist_facts", watchlist_id) or [])
    facts.reverse()
    return dict(wl), facts[:limit]


def _stamp(value: Any) -> str:
    """An RFC 3339 time from an ISO date or time (UTC assumed)."""
    text = str(value or "").strip()
    try:
        if len(text) == 10:
            return f"{text}T00:00:00Z"
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(base_url: str, wl: dict[str, Any], facts: list[dict[str, Any]]) -> bytes:
    """The Atom document for a watchlist."""
    ET.register_namespace("", ATOM_NS)
    q = lambda tag: f"{{{ATOM_NS}}}{tag}"  # noqa: E731
    base = base_url.rstrip("/")
    feed = ET.Element(q("feed"))
    ET.SubElement(feed, q("id")).text = f"{base}/watchlists/{wl['id']}"
    ET.SubElement(feed, q("title")).text = f"reelgraph: {wl.get('name') or wl.get('kind')}"
    ET.SubElement(feed, q("updated")).text = _stamp(
        max((str(f.get("last_seen") or f.get("first_seen") or "") for f in facts), default="") or wl.get("created_at")
    )
    ET.SubElement(feed, q("link"), rel="self", href=f"{base}/watchlists/{wl['id']}/feed.atom")
    ET.SubElement(feed, q("link"), rel="alternate", href=f"{base}/watchlists/{wl['id']}")
    author = ET.SubElement(feed, q("author"))
    ET.SubElement(author, q("name")).text = "reelgraph"
    for fact in facts:
        entry = ET.SubElement(feed, q("entry"))
        ET.SubElement(entry, q("id")).text = f"{base}/facts/{render.fid(fact)}"
        ET.SubElement(entry, q("title")).text = render.fact_label(fact)
        ET.SubElement(entry, q("updated")).text = _stamp(fact.get("first_seen"))
        url = render.fact_url(fact)
        if url:
            ET.SubElement(entry, q("link"), rel="alternate", href=f"{base}{url}")
        srcs = render.sources_of(fact)
        summary = srcs[0].get("sentence") if srcs else ""
        ET.SubElement(entry, q("summary"), type="text").text = summary or render.fact_label(fact)
        ET.SubElement(entry, q("category"), term=str(fact.get("type") or "fact"))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@router.get("/watchlists/{watchlist_id}/feed.atom", summary="Atom feed of a watchlist's new facts")
def watchlist_feed(request: Request, watchlist_id: int, limit: int = Query(50, ge=1, le=200)) -> Response:
    wl, facts = watchlist_and_facts(request.app.state.gateway, watchlist_id, limit)
    body = atom_feed(str(request.base_url), wl, facts)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
