"""The HTML pages: server-rendered Jinja2, readable without JavaScript.

Pages read the same store methods as the API (``web.api``) through the app's ``Gateway``;
corrections and watchlist changes are POST forms that need the write token (a ``token``
form field or ``Authorization: Bearer``) and redirect back with a fixed notice.
"""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reelgraph.web import render
from reelgraph.web.app import require_token
from reelgraph.web.data import Gateway, WebError

router = APIRouter(include_in_schema=False)

NOTICES = {
    "merged": "Merged. The second entity's facts now belong to the first.",
    "split": "Split done.",
    "retracted": "Fact retracted. It no longer shows on pages or in the API.",
    "renamed": "Renamed.",
    "followed": "Added to watchlists.",
    "unfollowed": "Watchlist removed.",
}
MAX_QUERY = 200


def gw(request: Request) -> Gateway:
    return request.app.state.gateway


def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env = request.app.state.templates
    done = request.query_params.get("done")
    ctx.setdefault("notice", NOTICES.get(done or ""))
    ctx.setdefault("q", "")
    html = env.get_template(template).render(request=request, read_only=request.app.state.auth.read_only, **ctx)
    return HTMLResponse(html, status_code=status)


def clean_query(q: str | None) -> str:
    """Search text as typed, minus control characters; too long is a 400."""
    q = re.sub(r"[\x00-\x1f\x7f]", " ", q or "").strip()
    if len(q) > MAX_QUERY:
        raise WebError(400, "bad_request", f"search text is limited to {MAX_QUERY} characters")
    return q


def local_path(url: str | None, default: str = "/") -> str:
    """Only same-site paths for redirects after a form (no open redirect)."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return default


def redirect_done(back: str | None, done: str, default: str = "/") -> RedirectResponse:
    path = local_path(back, default)
    base, _, frag = path.partition("#")
    sep = "&" if "?" in base else "?"
    return RedirectResponse(f"{base}{sep}done={done}" + (f"#{frag}" if frag else ""), status_code=303)


# --- reading pages --------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    g = gw(request)
    counts = g.call("counts")
    latest = g.call("latest", 20) or {}
    return page(request, "home.html", counts=counts, deals=latest.get("deals") or [],
                selections=latest.get("selections") or [])


def run_search(g: Gateway, q: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Search through the store and group the hits by kind; a query the store cannot
    parse is a 400, never a 500."""
    try:
        raw = g.call("search", q, limit)
    except WebError:
        raise
    except Exception as exc:  # noqa: BLE001 - the store's parser errors differ by dialect
        raise WebError(400, "bad_query", "could not run this search; try plain words") from exc
    return group_hits(raw)


def group_hits(raw: Any) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    if isinstance(raw, dict):
        if "items" in raw or "results" in raw:
            raw = raw.get("items", raw.get("results"))
        else:
            for key, hits in raw.items():
                if isinstance(hits, list):
                    groups[key] = [h for h in hits if isinstance(h, dict)]
            return groups
    for hit in raw or []:
        if isinstance(hit, dict):
            kind = str(hit.get("kind") or hit.get("type") or "other")
            groups.setdefault(kind, []).append(hit)
    return groups


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", limit: int = Query(50, ge=1, le=200)) -> HTMLResponse:
    q = clean_query(q)
    groups = run_search(gw(request), q, limit) if q else {}
    total = sum(len(v) for v in groups.values())
    return page(request, "search.html", q=q, groups=groups, total=total, snippet_parts=snippet_parts)


def snippet_parts(snippet_html: str | None) -> list[tuple[str, bool]]:
    """The store's ``snippet_html`` (escaped text, hits in ``<mark>``) as (text, hit)
    parts of plain text.  The template escapes the parts again, so nothing from the
    store is ever output as markup."""
    if not snippet_html:
        return []
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in re.finditer(r"<mark>(.*?)</mark>", snippet_html, re.S):
        if m.start() > pos:
            parts.append((html.unescape(re.sub(r"<[^>]*>", "", snippet_html[pos:m.start()])), False))
        parts.append((html.unescape(re.sub(r"<[^>]*>", "", m.group(1))), True))
        pos = m.end()
    if pos < len(snippet_html):
        parts.append((html.unescape(re.sub(r"<[^>]*>", "", snippet_html[pos:])), False))
    return parts


@router.get("/films/{film_id}", response_class=HTMLResponse)
def film_page(request: Request, film_id: int, section: str | None = None, offset: int = Query(0, ge=0),
              limit: int | None = Query(None, ge=0, le=1000)) -> HTMLResponse:
    film = gw(request).call("film", film_id, section=section or None, offset=offset, limit=limit)
    if not film:
        raise WebError(404, "not_found", "film not found")
    grid = render.deal_grid(film.get("deals") or [])
    return page(request, "film.html", film=film, grid=grid, run=festival_run(film), kind="film", entity=film)


def festival_run(film: dict[str, Any]) -> list[dict[str, Any]]:
    """Selections with the awards of the same festival edition; awards without a
    matching selection get their own rows.  Each award shows once."""
    selections = [s for s in film.get("selections") or [] if isinstance(s, dict)]
    awards = [a for a in film.get("awards") or [] if isinstance(a, dict)]
    rows = [{"selection": s, "awards": []} for s in selections]
    for award in awards:
        same = [r for r in rows if r["selection"] and r["selection"].get("festival_id") and
                r["selection"].get("festival_id") == award.get("festival_id")]
        exact = [r for r in same if r["selection"].get("year") == award.get("year")]
        loose = [r for r in same if not r["selection"].get("year") or not award.get("year")]
        target = (exact or loose or [None])[0]
        if target is None:
            rows.append({"selection": None, "awards": [award]})
        else:
            target["awards"].append(award)
    return rows


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: int, section: str | None = None, offset: int = Query(0, ge=0),
                limit: int | None = Query(None, ge=0, le=1000)) -> HTMLResponse:
    person = gw(request).call("person", person_id, section=section or None, offset=offset, limit=limit)
    if not person:
        raise WebError(404, "not_found", "person not found")
    return page(request, "person.html", person=person, timeline=person_timeline(person), kind="person", entity=person)


def _year(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None


def person_timeline(person: dict[str, Any]) -> list[dict[str, Any]]:
    """A career by year, newest first: films (with roles) from the store's ``timeline``,
    festival selections of those films, awards and positions (by the year first reported);
    undated entries last."""
    years: dict[int | None, list[dict[str, Any]]] = {}
    for entry in person.get("timeline") or []:
        years.setdefault(_year(entry.get("year")), []).append({"kind": "film", **entry})
    for rec in person.get("selections") or []:
        years.setdefault(_year(rec.get("year")), []).append({"kind": "selection", "fact": rec})
    for rec in person.get("awards") or []:
        years.setdefault(_year(rec.get("year")), []).append({"kind": "award", "fact": rec})
    for rec in person.get("positions") or []:
        years.setdefault(_year(rec.get("first_seen")), []).append({"kind": "position", "fact": rec})
    order = sorted((y for y in years if y is not None), reverse=True)
    out = [{"year": y, "entries": years[y]} for y in order]
    if None in years:
        out.append({"year": None, "entries": years[None]})
    return out


@router.get("/companies/{company_id}", response_class=HTMLResponse)
def company_page(request: Request, company_id: int, section: str | None = None, offset: int = Query(0, ge=0),
                 limit: int | None = Query(None, ge=0, le=1000)) -> HTMLResponse:
    company = gw(request).call("company", company_id, section=section or None, offset=offset, limit=limit)
    if not company:
        raise WebError(404, "not_found", "company not found")
    return page(request, "company.html", company=company, kind="company", entity=company)


@router.get("/festivals/{festival_id}", response_class=HTMLResponse)
def festival_page(request: Request, festival_id: int, year: int | None = None, section: str | None = None,
                  offset: int = Query(0, ge=0), limit: int | None = Query(None, ge=0, le=1000)) -> HTMLResponse:
    festival = gw(request).call("festival", festival_id, year, section=section or None, offset=offset, limit=limit)
    if not festival:
        raise WebError(404, "not_found", "festival not found")
    return page(request, "festival.html", festival=festival, year=year, kind="festival", entity=festival)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, fact: int | None = None) -> HTMLResponse:
    article = gw(request).call("article", article_id)
    if not article:
        raise WebError(404, "not_found", "article not found")
    facts = [f for f in article.get("facts") or [] if isinstance(f, dict)]
    segments = render.article_segments(article.get("text") or "", facts, article.get("article_id", article_id), fact)
    selected = next((f for f in facts if str(render.fid(f)) == str(fact)), None) if fact is not None else None
    return page(request, "article.html", article=article, facts=facts, segments=segments, selected=selected,
                fact_id=fact)


@router.get("/facts/{fact_id}")
def fact_page(request: Request, fact_id: int) -> Response:
    fact = gw(request).call("fact", fact_id)
    if not fact:
        raise WebError(404, "not_found", "fact not found")
    url = render.fact_url(fact)
    if url and not url.startswith("/facts/"):
        return RedirectResponse(url, status_code=303)
    return page(request, "fact.html", fact=fact)


@router.get("/deals", response_class=HTMLResponse)
def deals_page(
    request: Request,
    company: str = "",
    territory: str = "",
    since: str = "",
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
) -> HTMLResponse:
    from reelgraph.web.api import fetch_deals

    items = fetch_deals(gw(request), company, territory, since, limit, offset)
    return page(request, "deals.html", deals=items, company=company, territory=territory, since=since,
                limit=limit, offset=offset)


# --- watchlists -----------------------------------------------------------------------

@router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request) -> HTMLResponse:
    return page(request, "watchlists.html", watchlists=gw(request).call("watchlists") or [])


@router.get("/watchlists/{watchlist_id}", response_class=HTMLResponse)
def watchlist_page(request: Request, watchlist_id: int) -> HTMLResponse:
    from reelgraph.web.feeds import watchlist_and_facts

    wl, facts = watchlist_and_facts(gw(request), watchlist_id, 50)
    return page(request, "watchlist.html", wl=wl, facts=facts)


@router.post("/watchlists", dependencies=[Depends(require_token)])
def follow(
    request: Request,
    kind: str = Form(...),
    entity_id: int = Form(...),
    webhook_url: str = Form(""),
    back: str = Form("/watchlists"),
) -> Response:
    from reelgraph.web.api import create_watchlist

    create_watchlist(gw(request), kind, entity_id, webhook_url or None)
    return redirect_done(back, "followed", "/watchlists")


@router.post("/watchlists/{watchlist_id}/delete", dependencies=[Depends(require_token)])
def unfollow(request: Request, watchlist_id: int, back: str = Form("/watchlists")) -> Response:
    if not gw(request).call("remove_watchlist", watchlist_id):
        raise WebError(404, "not_found", "watchlist not found")
    return redirect_done(back, "unfollowed", "/watchlists")


# --- corrections ----------------------------------------------------------------------

@router.post("/corrections/merge", dependencies=[Depends(require_token)])
def merge_form(
    request: Request,
    kept_id: int = Form(...),
    merged_id: int = Form(...),
    reason: str = Form("merged in the web UI"),
    back: str = Form("/"),
) -> Response:
    if kept_id == merged_id:
        raise WebError(400, "bad_request", "cannot merge an entity with itself")
    gw(request).call("merge", kept_id, merged_id, reason=reason.strip()[:500] or "merged in the web UI")
    return redirect_done(back, "merged")


@router.post("/corrections/retract", dependencies=[Depends(require_token)])
def retract_form(
    request: Request,
    fact_id: int = Form(...),
    reason: str = Form("retracted in the web UI"),
    back: str = Form("/"),
) -> Response:
    gw(request).call("retract", fact_id, reason=reason.strip()[:500] or "retracted in the web UI")
    return redirect_done(back, "retracted")


@router.post("/corrections/rename", dependencies=[Depends(require_token)])
def rename_form(
    request: Request,
    entity_id: int = Form(...),
    name: str = Form(...),
    back: str = Form("/"),
) -> Response:
    name = name.strip()
    if not name or len(name) > 300:
        raise WebError(400, "bad_request", "a new name of 1 to 300 characters is needed")
    gw(request).call("rename", entity_id, name)
    return redirect_done(back, "renamed")
