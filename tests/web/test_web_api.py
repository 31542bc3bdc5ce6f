"""The JSON API over real HTTP (uvicorn on loopback) against SQLite stores filled by the
real pipeline: data of the seed article's gold facts, pagination, CSV, error bodies,
hostile search input, static files, security headers and the write token."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from conftest import TOKEN, Server


def client(server: Server) -> httpx.Client:
    return httpx.Client(base_url=server.url, timeout=20, follow_redirects=False)


def film_id(c: httpx.Client, title: str = "Dear Comrades") -> int:
    r = c.get("/api/search", params={"q": title})
    assert r.status_code == 200, r.text
    films = [h for h in r.json()["items"] if h.get("kind") == "film" and h.get("name") == title]
    assert films, r.json()
    return int(films[0]["id"])


def error_of(r: httpx.Response) -> dict[str, Any]:
    body = r.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    return body["error"]


# --- headers, docs, errors ---------------------------------------------------------------

def test_pages_carry_security_headers(live: Server) -> None:
    with client(live) as c:
        for path in ("/", "/api/counts", "/search?q=comrades", "/static/style.css", "/nope"):
            r = c.get(path)
            csp = r.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
            assert "frame-ancestors 'none'" in csp
            assert r.headers["x-content-type-options"] == "nosniff"
        home = c.get("/")
        assert home.status_code == 200 and "text/html" in home.headers["content-type"]
        assert '<script>' not in home.text  # no inline scripts anywhere


def test_openapi_lists_every_api_route(live: Server) -> None:
    with client(live) as c:
        assert c.get("/docs").status_code == 200
        paths = c.get("/openapi.json").json()["paths"]
    for route in ("/api/films/{film_id}", "/api/people/{person_id}", "/api/companies/{company_id}",
                  "/api/festivals/{festival_id}", "/api/search", "/api/deals", "/api/facts/{fact_id}",
                  "/api/articles/{article_id}", "/api/watchlists", "/api/corrections/merge"):
        assert route in paths, route


def test_errors_have_one_shape(live: Server) -> None:
    with client(live) as c:
        r = c.get("/api/films/987654")
        assert r.status_code == 404 and error_of(r)["code"] == "not_found"
        r = c.get("/api/films/not-a-number")
        assert r.status_code == 400 and error_of(r)["code"] == "bad_request"
        r = c.get("/api/deals", params={"limit": 100000})
        assert r.status_code == 400 and error_of(r)["code"] == "bad_request"
        r = c.get("/api/deals", params={"since": "yesterday'--"})
        assert r.status_code == 400 and error_of(r)
        r = c.get("/api/no-such-route")
        assert r.status_code == 404 and error_of(r)["code"] == "not_found"
        page = c.get("/films/987654")
        assert page.status_code == 404 and "text/html" in page.headers["content-type"]


HOSTILE = [
    '"', "'", '"Dear', "Dear*", "NEAR(a b)", "a OR b", "-comrades", "comrades AND", "^x", "(", ")",
    "'; DROP TABLE facts; --", "1' OR '1'='1", "\" OR 1=1 --", "title:comrades", "{col}: x", "%", "_",
    "\\", "*", "NOT", "\u0000x", "😀", "<script>alert(1)</script>", "a" * 200, "x\" onmouseover=\"alert(1)",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_search_is_results_or_400(live: Server, q: str) -> None:
    with client(live) as c:
        for path in ("/api/search", "/search"):
            r = c.get(path, params={"q": q})
            assert r.status_code in (200, 400), (path, q, r.status_code, r.text[:300])
            if path.startswith("/api/") and r.status_code == 400:
                assert error_of(r)["message"]
        assert c.get("/api/search", params={"q": "a" * 201}).status_code == 400
    # the data is still there
    with client(live) as c:
        assert c.get("/api/counts").json()["articles"] >= 4


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapi.py",
    "/static/....//app.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
])
def test_static_files_do_not_traverse(live: Server, path: str) -> None:
    with client(live) as c:
        r = c.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


# --- data of the seed article (gold facts) -----------------------------------------------

def test_film_has_gold_credits_deal_and_selection(live: Server) -> None:
    with client(live) as c:
        film = c.get(f"/api/films/{film_id(c)}").json()
    credits = {(x["person"], x["role"]) for x in film["credits"]}
    assert {("Andrei Konchalovsky", "director"), ("Andrei Konchalovsky", "writer"),
            ("Elena Kiseleva", "writer"), ("Julia Vysotskaya", "cast"),
            ("Olesya Gidrat", "producer"), ("Alisher Usmanov", "producer")} <= credits
    deals = {(d["company"], d.get("territory"), d.get("rights")) for d in film["deals"]}
    assert ("Films Boutique", "worldwide", "sales") in deals
    assert any(s["festival"] == "Venice International Film Festival" and s.get("year") == 2020
               for s in film["selections"])
    assert "territories" in film and "sold" in film["territories"]


def test_fact_evidence_points_into_the_article(live: Server) -> None:
    with client(live) as c:
        film = c.get(f"/api/films/{film_id(c)}").json()
        director = next(x for x in film["credits"] if x["role"] == "director")
        fact = c.get(f"/api/facts/{director['fact_id']}").json()
        ev = fact["evidence"][0]
        article = c.get(f"/api/articles/{ev['article_id']}").json()
    assert fact["evidence_url"] == f"/articles/{ev['article_id']}?fact={fact['fact_id']}#fact-{fact['fact_id']}"
    assert article["text"][ev["start"]:ev["end"]] == ev["sentence"]
    assert "Konchalovsky" in ev["sentence"]
    assert any(f["fact_id"] == fact["fact_id"] for f in article["facts"])


def test_person_company_festival(live: Server) -> None:
    with client(live) as c:
        hits = c.get("/api/search", params={"q": "Konchalovsky"}).json()["items"]
        person = next(h for h in hits if h.get("kind") == "person")
        data = c.get(f"/api/people/{person['id']}").json()
        assert data["name"] == "Andrei Konchalovsky"
        assert {"Dear Comrades"} <= {e["film"] for e in data["timeline"]}
        company = next(h for h in c.get("/api/search", params={"q": "Films Boutique"}).json()["items"]
                       if h.get("kind") == "company")
        data = c.get(f"/api/companies/{company['id']}").json()
        assert any(s["film"] == "Dear Comrades" for s in data["slate"])
        festival = next(h for h in c.get("/api/search", params={"q": "Venice"}).json()["items"]
                        if h.get("kind") == "festival")
        data = c.get(f"/api/festivals/{festival['id']}", params={"year": 2020}).json()
        assert data["editions"] and data["editions"][0]["year"] == 2020
        for path in (f"/people/{person['id']}", f"/companies/{company['id']}", f"/festivals/{festival['id']}"):
            assert c.get(path).status_code == 200, path


def test_search_groups_entities_and_articles(live: Server) -> None:
    with client(live) as c:
        body = c.get("/api/search", params={"q": "comrades"}).json()
    assert body["q"] == "comrades"
    assert body["groups"]["entities"] and body["groups"]["articles"]
    assert any("<mark>" in (h.get("snippet_html") or "") for h in body["items"])


def test_deals_paginate_and_download_as_csv(live: Server) -> None:
    with client(live) as c:
        all_deals = c.get("/api/deals", params={"company": "Films Boutique"}).json()
        assert any(d["film"] == "Dear Comrades" for d in all_deals["items"])
        first = c.get("/api/deals", params={"limit": 1}).json()
        assert first["limit"] == 1 and len(first["items"]) == 1
        assert first["next"] and "offset=1" in first["next"]
        second = c.get(first["next"]).json()
        assert second["offset"] == 1 and second["items"] != first["items"]
        r = c.get("/api/deals", params={"format": "csv", "territory": "worldwide"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert any(row["company"] == "Films Boutique" and row["film"] == "Dear Comrades" for row in rows)
        assert "sentence" in rows[0] and "article_id" in rows[0]
        r = c.get("/api/search", params={"q": "comrades", "format": "csv"})
        assert r.status_code == 200 and r.text.splitlines()[0].startswith("kind")
        assert c.get("/api/latest", params={"format": "csv"}).status_code == 200


def test_home_page_feed_and_counts(live: Server) -> None:
    with client(live) as c:
        html = c.get("/").text
        counts = c.get("/api/counts").json()
    assert counts["articles"] >= 4
    assert "Films Boutique" in html and "Latest deals" in html


# --- writes ------------------------------------------------------------------------------

def test_writes_without_a_valid_token_are_refused(live: Server, live_gold: Server) -> None:
    body = {"fact_id": 1, "reason": "test"}
    with client(live) as c:
        r = c.post("/api/corrections/retract", json=body)
        assert r.status_code == 401 and error_of(r)["code"] == "unauthorized"
        r = c.post("/api/corrections/retract", json=body, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403 and error_of(r)["code"] == "forbidden"
        r = c.post("/api/corrections/merge", json={"bad": "body"})
        assert r.status_code == 401  # the token is checked before the body
        r = c.post("/corrections/rename", data={"entity_id": "1", "name": "x"})
        assert r.status_code == 401
        r = c.post("/corrections/rename", data={"entity_id": "1", "name": "x", "token": "nope"})
        assert r.status_code == 403
        r = c.post("/api/watchlists", json={"kind": "film", "entity_id": 1})
        assert r.status_code == 401
        assert c.delete("/api/watchlists/1").status_code == 401
        assert c.get(f"/api/facts/{1}").json()["retracted"] is False
    with client(live_gold) as c:  # no token configured: read-only
        r = c.post("/api/corrections/retract", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403 and error_of(r)["code"] == "read_only"
        r = c.post("/corrections/retract", data={"fact_id": "1", "token": TOKEN})
        assert r.status_code == 403


def test_corrections_with_the_token(pipeline_db: str, tmp_path: Any) -> None:
    from conftest import copy_db

    from reelgraph.web.app import create_app

    db = copy_db(pipeline_db, tmp_path / "w.db")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with Server(create_app(db, token=TOKEN)) as server, client(server) as c:
        fid = film_id(c)
        film = c.get(f"/api/films/{fid}").json()
        deal = next(d for d in film["deals"] if d["company"] == "Films Boutique")
        r = c.post("/api/corrections/retract", json={"fact_id": deal["fact_id"], "reason": "test"}, headers=auth)
        assert r.status_code == 200, r.text
        film = c.get(f"/api/films/{fid}").json()
        assert all(d["fact_id"] != deal["fact_id"] for d in film["deals"])
        assert c.get(f"/api/facts/{deal['fact_id']}").json()["retracted"] is True
        # rename through the HTML form: redirects back with a notice
        r = c.post("/corrections/rename", data={"entity_id": str(fid), "name": "Dear Comrades!",
                                                "token": TOKEN, "back": f"/films/{fid}"})
        assert r.status_code == 303 and r.headers["location"] == f"/films/{fid}?done=renamed"
        assert c.get(f"/api/films/{fid}").json()["name"] == "Dear Comrades!"
        assert "Renamed." in c.get(r.headers["location"]).text
        # an open redirect is not possible
        r = c.post("/corrections/rename", data={"entity_id": str(fid), "name": "Dear Comrades",
                                                "token": TOKEN, "back": "//evil.example/"})
        assert r.status_code == 303 and r.headers["location"].startswith("/?done=")
        # merge two people through the API
        hits = c.get("/api/search", params={"q": "Konchalovsky"}).json()["items"]
        andrei = next(h for h in hits if h.get("kind") == "person")["id"]
        other = next(h for h in c.get("/api/search", params={"q": "Kiseleva"}).json()["items"]
                     if h.get("kind") == "person")["id"]
        r = c.post("/api/corrections/merge", json={"kept_id": andrei, "merged_id": other}, headers=auth)
        assert r.status_code == 200, r.text
        assert c.post("/api/corrections/merge", json={"kept_id": andrei, "merged_id": andrei},
                      headers=auth).status_code == 400
        assert c.post("/api/corrections/retract", json={"fact_id": 999999}, headers=auth).status_code == 404


def test_record_sections_page_through_query_params(live: Server) -> None:
    with client(live) as c:
        fid = film_id(c)
        film = c.get(f"/api/films/{fid}").json()
        total = film["paging"]["credits"]["total"]
        assert total == len(film["credits"]) >= 2
        page = c.get(f"/api/films/{fid}", params={"section": "credits", "offset": 1, "limit": 1}).json()
        assert page["paging"]["credits"] == {"total": total, "offset": 1, "limit": 1}
        assert [x["fact_id"] for x in page["credits"]] == [film["credits"][1]["fact_id"]]
        assert all(len(x["evidence"]) <= 3 for x in film["credits"] + film["deals"])
        bad = c.get(f"/api/films/{fid}", params={"section": "nope"})
        assert bad.status_code == 400 and error_of(bad)["code"] == "bad_request"
        html = c.get(f"/films/{fid}", params={"section": "credits", "limit": 1}).text
        assert "section=credits&amp;offset=1&amp;limit=1" in html and f"{total - 1} more" in html
