"""The JSON API under ``/api``: the data of every page, as the store returns it.

Lists are paginated (``limit`` 1..200, ``offset``) in an envelope ``{"items", "limit",
"offset", "next"}`` and come as CSV with ``?format=csv``.  Errors are
``{"error": {"code", "message"}}``.  Writes (corrections, watchlists) need
``Authorization: Bearer <REELGRAPH_TOKEN>``; a server without the token is read-only.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from reelgraph.web import render
from reelgraph.web.app import require_token
from reelgraph.web.data import Gateway, WebError
from reelgraph.web.pages import clean_query, run_search

router = APIRouter(prefix="/api", tags=["api"])

Format = Literal["json", "csv"]
ENTITY_KINDS = ("film", "person", "company", "festival")
SINCE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def gw(request: Request) -> Gateway:
    return request.app.state.gateway


def listing(request: Request, items: list[dict[str, Any]], limit: int, offset: int, fmt: str, name: str) -> Any:
    """The list envelope, or CSV when asked."""
    if fmt == "csv":
        return Response(
            render.to_csv(items),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    nxt = None
    if len(items) >= limit:
        params = dict(request.query_params)
        params.update({"offset": str(offset + limit), "limit": str(limit)})
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": items, "limit": limit, "offset": offset, "next": nxt}


def items_of(raw: Any) -> list[dict[str, Any]]:
    if isinstance(raw, dict):
        raw = raw.get("items", raw.get("results", []))
    return [x for x in raw or [] if isinstance(x, dict)]


def need(value: Any, what: str) -> Any:
    if not value:
        raise WebError(404, "not_found", f"{what} not found")
    return value


# --- reads ----------------------------------------------------------------------------

@router.get("/counts", summary="How many films, people, companies, festivals, articles and facts")
def counts(request: Request) -> Any:
    return gw(request).call("counts")


@router.get("/latest", summary="The newest deals and selections (the home page feed)")
def latest(
    request: Request,
    limit: int = Query(20, ge=1, le=200),
    format: Format = "json",  # noqa: A002
) -> Any:
    data = gw(request).call("latest", limit) or {}
    if format == "csv":
        rows = [*(data.get("deals") or []), *(data.get("selections") or [])]
        return listing(request, rows, limit, 0, format, "latest")
    return data


@router.get("/search", summary="Films, people, companies, festivals and article text, with snippets")
def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    format: Format = "json",  # noqa: A002
) -> Any:
    text = clean_query(q)
    if not text:
        raise WebError(400, "bad_request", "empty search")
    groups = run_search(gw(request), text, limit + offset)
    flat: list[dict[str, Any]] = []
    for group, hits in groups.items():
        for hit in hits:
            kind = hit.get("kind") or ("article" if group == "articles" else group)
            flat.append({"kind": kind, **{k: v for k, v in hit.items() if k != "kind"}})
    items = flat[offset:offset + limit]
    out = listing(request, items, limit, offset, format, "search")
    if isinstance(out, dict):
        out["q"] = text
        out["groups"] = {
            "entities": [h for h in items if h["kind"] != "article"],
            "articles": [h for h in items if h["kind"] == "article"],
        }
    return out


@router.get("/entities", summary="Find entities of a kind by name")
def find(request: Request, kind: str = Query(..., pattern="^(film|person|company|festival|place)$"),
         name: str = Query(..., min_length=1, max_length=300)) -> Any:
    return {"items": items_of(gw(request).call("find", kind, name))}


SECTION = Query(None, max_length=40, description="the section that offset/limit page (see the record's paging)")
OFFSET = Query(0, ge=0, description="first item of the section")
LIMIT = Query(None, ge=0, le=1000, description="items of the section (default: the section's own limit)")
EVIDENCE = Query(3, ge=1, le=100, description="evidence rows per fact (all of them: /api/facts/{id})")


def window(section: str | None, offset: int, limit: int | None, evidence: int) -> dict[str, Any]:
    """The paging arguments of the record methods; an unknown section is a 400 (the store's
    ValueError)."""
    return {"section": section or None, "offset": offset, "limit": limit, "evidence": evidence}


@router.get("/films/{film_id}", summary="A film: credits, festival run, awards, deals, territories, sources")
def film(request: Request, film_id: int, section: str | None = SECTION, offset: int = OFFSET,
         limit: int | None = LIMIT, evidence: int = EVIDENCE) -> Any:
    return need(gw(request).call("film", film_id, **window(section, offset, limit, evidence)), "film")


@router.get("/people/{person_id}", summary="A person: credits, selections, awards, positions")
def person(request: Request, person_id: int, section: str | None = SECTION, offset: int = OFFSET,
           limit: int | None = LIMIT, evidence: int = EVIDENCE) -> Any:
    return need(gw(request).call("person", person_id, **window(section, offset, limit, evidence)), "person")


@router.get("/companies/{company_id}", summary="A company: slate, deals, people")
def company(request: Request, company_id: int, section: str | None = SECTION, offset: int = OFFSET,
            limit: int | None = LIMIT, evidence: int = EVIDENCE) -> Any:
    return need(gw(request).call("company", company_id, **window(section, offset, limit, evidence)), "company")


@router.get("/festivals/{festival_id}", summary="A festival: editions, line-up by section, winners")
def festival(request: Request, festival_id: int, year: int | None = Query(None, ge=1800, le=2200),
             section: str | None = SECTION, offset: int = OFFSET, limit: int | None = LIMIT,
             evidence: int = EVIDENCE) -> Any:
    return need(gw(request).call("festival", festival_id, year, **window(section, offset, limit, evidence)),
                "festival")


@router.get("/facts/{fact_id}", summary="One fact with its evidence (article, sentence, span)")
def fact(request: Request, fact_id: int) -> Any:
    data = need(gw(request).call("fact", fact_id), "fact")
    if isinstance(data, dict):
        data = {**data, "evidence_url": render.fact_url(data)}
    return data


@router.get("/articles/{article_id}", summary="An article's text and its facts with spans")
def article(request: Request, article_id: int) -> Any:
    return need(gw(request).call("article", article_id), "article")


def fetch_deals(g: Gateway, company: str, territory: str, since: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Deals through ``store.deals``; ``company`` is an id or a name, ``since`` a date."""
    company = (company or "").strip()[:300]
    territory = (territory or "").strip()[:100]
    since = (since or "").strip()
    if since and not SINCE_RE.match(since):
        raise WebError(400, "bad_request", "since must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    company_arg: int | str | None = int(company) if company.isdigit() else (company or None)
    raw = g.call("deals", company=company_arg, territory=territory or None, since=since or None,
                 limit=limit, offset=offset)
    return items_of(raw)


@router.get("/deals", summary="Deals, filtered by company (id or name), territory and date")
def deals(
    request: Request,
    company: str = Query("", max_length=300),
    territory: str = Query("", max_length=100),
    since: str = Query("", max_length=10),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    format: Format = "json",  # noqa: A002
) -> Any:
    items = fetch_deals(gw(request), company, territory, since, limit, offset)
    return listing(request, items, limit, offset, format, "deals")


# --- watchlists -----------------------------------------------------------------------

class WatchlistIn(BaseModel):
    kind: Literal["film", "person", "company"]
    entity_id: int
    webhook_url: str | None = Field(None, max_length=2000)


def create_watchlist(g: Gateway, kind: str, entity_id: int, webhook_url: str | None) -> Any:
    from reelgraph.web.webhooks import check_webhook_url

    if kind not in ("film", "person", "company"):
        raise WebError(400, "bad_request", "a watchlist follows a film, person or company")
    if webhook_url:
        check_webhook_url(webhook_url)
    entity = g.call({"film": "film", "person": "person", "company": "company"}[kind], entity_id)
    if not entity:
        raise WebError(404, "not_found", f"{kind} not found")
    return g.call("add_watchlist", kind, entity_id, webhook_url=webhook_url)


@router.get("/watchlists", summary="All watchlists")
def watchlists(request: Request) -> Any:
    return {"items": items_of(gw(request).call("watchlists"))}


@router.post("/watchlists", dependencies=[Depends(require_token)], status_code=201, summary="Follow a film, person or company (token)")
def add_watchlist(request: Request, body: WatchlistIn) -> Any:
    return create_watchlist(gw(request), body.kind, body.entity_id, body.webhook_url)


@router.get("/watchlists/{watchlist_id}", summary="A watchlist and its newest facts")
def watchlist(request: Request, watchlist_id: int, limit: int = Query(50, ge=1, le=200)) -> Any:
    from reelgraph.web.feeds import watchlist_and_facts

    wl, facts = watchlist_and_facts(gw(request), watchlist_id, limit)
    return {**wl, "facts": facts, "feed": f"/watchlists/{watchlist_id}/feed.atom"}


@router.delete("/watchlists/{watchlist_id}", dependencies=[Depends(require_token)], summary="Remove a watchlist (token)")
def delete_watchlist(request: Request, watchlist_id: int) -> Any:
    if not gw(request).call("remove_watchlist", watchlist_id):
        raise WebError(404, "not_found", "watchlist not found")
    return {"deleted": watchlist_id}


# --- corrections ----------------------------------------------------------------------

class MergeIn(BaseModel):
    kept_id: int
    merged_id: int
    reason: str = Field("merged through the API", max_length=500)


class SplitIn(BaseModel):
    entity_id: int
    name: str = Field(..., min_length=1, max_length=300)


class RetractIn(BaseModel):
    fact_id: int
    reason: str = Field("retracted through the API", max_length=500)


class RenameIn(BaseModel):
    entity_id: int
    name: str = Field(..., min_length=1, max_length=300)


@router.post("/corrections/merge", dependencies=[Depends(require_token)], summary="Merge two entities into one (token)")
def merge(request: Request, body: MergeIn) -> Any:
    if body.kept_id == body.merged_id:
        raise WebError(400, "bad_request", "cannot merge an entity with itself")
    return {"ok": True, "result": gw(request).call("merge", body.kept_id, body.merged_id, reason=body.reason)}


@router.post("/corrections/split", dependencies=[Depends(require_token)], summary="Split names off an entity into a new one (token)")
def split(request: Request, body: SplitIn) -> Any:
    return {"ok": True, "result": gw(request).call("split", body.entity_id, body.name.strip())}


@router.post("/corrections/retract", dependencies=[Depends(require_token)], summary="Retract a fact (token)")
def retract(request: Request, body: RetractIn) -> Any:
    return {"ok": True, "result": gw(request).call("retract", body.fact_id, reason=body.reason)}


@router.post("/corrections/rename", dependencies=[Depends(require_token)], summary="Rename an entity (token)")
def rename(request: Request, body: RenameIn) -> Any:
    return {"ok": True, "result": gw(request).call("rename", body.entity_id, body.name.strip())}
