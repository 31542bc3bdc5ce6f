"""Watchlists: the Atom feed of new facts and ``notify_watchlists`` posting them to a
webhook receiver on 127.0.0.1, after a later ingest through the real pipeline."""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from conftest import FIXTURES, TOKEN, GoldExtractor, Server, copy_db, gold_facts

from reelgraph.web.webhooks import notify_watchlists

ATOM = "{http://www.w3.org/2005/Atom}"


class Receiver:
    """A tiny HTTP server that records the JSON bodies POSTed to it."""

    def __init__(self, status: int = 200) -> None:
        received: list[dict[str, Any]] = []
        self.received = received
        answer = status

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                received.append({"path": self.path, "type": self.headers.get("Content-Type"),
                                 "body": json.loads(self.rfile.read(length))})
                self.send_response(answer)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_watchlist_feed_and_webhook_after_ingest(gold_db: str, tmp_path: Path) -> None:
    from reelgraph.pipeline import ingest
    from reelgraph.store import open_store
    from reelgraph.web.app import create_app

    db = copy_db(gold_db, tmp_path / "watch.db")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with Receiver() as receiver, Server(create_app(db, token=TOKEN)) as server, \
            httpx.Client(base_url=server.url, timeout=20) as c:
        film = next(h for h in c.get("/api/search", params={"q": "Dear Comrades"}).json()["items"]
                    if h["kind"] == "film")
        r = c.post("/api/watchlists", json={"kind": "film", "entity_id": film["id"], "webhook_url": receiver.url},
                   headers=auth)
        assert r.status_code == 201, r.text
        wl = r.json()
        assert c.post("/api/watchlists", json={"kind": "film", "entity_id": film["id"],
                                               "webhook_url": "file:///etc/passwd"}, headers=auth).status_code == 400
        feed = ET.fromstring(c.get(f"/watchlists/{wl['id']}/feed.atom").content)
        assert feed.tag == f"{ATOM}feed" and not feed.findall(f"{ATOM}entry")

        store = open_store(db)
        try:
            assert notify_watchlists(store)[0]["facts"] == 0 and not receiver.received  # nothing new yet
            summary = ingest([str(FIXTURES / "later" / "dear-comrades-japan.txt")], store,
                             extractor=GoldExtractor(gold_facts()))
            assert summary.new == 1
            reports = notify_watchlists(store)
            assert reports[0]["ok"] and reports[0]["status"] == 200, reports
            assert len(receiver.received) == 1
            posted = receiver.received[0]
            assert posted["path"] == "/hook" and posted["type"].startswith("application/json")
            assert posted["body"]["watchlist"]["id"] == wl["id"]
            assert any(f["type"] == "deal" and f["company"] == "Sumomo" for f in posted["body"]["facts"])
            # delivered once: the cursor moved
            assert notify_watchlists(store)[0]["facts"] == 0 and len(receiver.received) == 1
        finally:
            store.close()

        r = c.get(f"/watchlists/{wl['id']}/feed.atom")
        assert r.headers["content-type"].startswith("application/atom+xml")
        entries = ET.fromstring(r.content).findall(f"{ATOM}entry")
        assert any("Sumomo" in (e.findtext(f"{ATOM}title") or "") for e in entries)
        link = entries[0].find(f"{ATOM}link").get("href")
        assert "/articles/" in link and "#fact-" in link
        page = c.get(f"/watchlists/{wl['id']}")
        assert page.status_code == 200 and "Sumomo" in page.text
        assert c.get("/api/watchlists").json()["items"][0]["id"] == wl["id"]
        assert c.delete(f"/api/watchlists/{wl['id']}", headers=auth).status_code == 200
        assert c.get(f"/watchlists/{wl['id']}/feed.atom").status_code == 404


def test_failed_delivery_is_reported_and_retried(gold_db: str, tmp_path: Path) -> None:
    from reelgraph.store import open_store

    db = copy_db(gold_db, tmp_path / "retry.db")
    store = open_store(db)
    try:
        film = store.find("film", "Dear Comrades")[0]
        with Receiver(status=500) as receiver:
            store.add_watchlist("film", film["id"], webhook_url=receiver.url)
            since = "2000-01-01T00:00:00+00:00"
            report = notify_watchlists(store, since=since)[0]
            assert not report["ok"] and report["status"] == 500 and report["facts"] > 0
        # the receiver is gone: best effort, no exception
        report = notify_watchlists(store, since=since, timeout=1)[0]
        assert not report["ok"] and report["error"]
    finally:
        store.close()
