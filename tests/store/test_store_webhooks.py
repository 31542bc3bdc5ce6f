"""`reelgraph ingest` calls the watchlists' webhooks afterwards: a tiny HTTP receiver on
127.0.0.1 gets the new facts; a failing receiver is reported and never fails the ingest."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from store_helpers import write_corpus
from typer.testing import CliRunner

from reelgraph.cli import app
from reelgraph.store import open_store

runner = CliRunner(env={"COLUMNS": "250"})
EXTRACTOR = ["--extractor", "store_rules_extractor:RulesExtractor"]


class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and answers ``status``."""

    def __init__(self, status: int = 204) -> None:
        self.status = status
        self.posts: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.posts.append({"path": self.path, "type": self.headers.get("Content-Type"),
                                       "json": json.loads(body)})
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    try:
        yield r
    finally:
        r.close()


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args, *EXTRACTOR])


def watch_film(store_url: str, title: str, url: str) -> int:
    with open_store(store_url) as store:
        film_id = store.find("film", title)[0]["id"]
        return int(store.add_watchlist("film", film_id, webhook_url=url)["id"])


def test_ingest_posts_new_facts_to_the_webhook(store_url, tmp_path, receiver):
    result = ingest(str(write_corpus(tmp_path / "in")), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "webhooks:" not in result.output  # no watchlist has a webhook yet
    watch_id = watch_film(store_url, "Dear Comrades", receiver.url + "/hook")

    (tmp_path / "news.txt").write_text("Arrow Films bought Japan rights to Dear Comrades.\n", encoding="utf-8")
    result = ingest(str(tmp_path / "news.txt"), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "webhooks: 1 watchlist(s), 1 notified (1 facts), 0 with nothing new, 0 failed" in result.output
    assert len(receiver.posts) == 1
    post = receiver.posts[0]
    assert post["path"] == "/hook" and post["type"].startswith("application/json")
    assert post["json"]["watchlist"]["id"] == watch_id
    [fact] = post["json"]["facts"]
    assert fact["type"] == "deal" and fact["film"] == "Dear Comrades" and fact["company"] == "Arrow Films"
    assert fact["evidence"][0]["sentence"] == "Arrow Films bought Japan rights to Dear Comrades."

    # nothing new about the film: no second POST, the line says so
    (tmp_path / "other.txt").write_text("Rublev Films is based in Moscow.\n", encoding="utf-8")
    result = ingest(str(tmp_path / "other.txt"), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "1 with nothing new, 0 failed" in result.output and len(receiver.posts) == 1


def test_failing_webhook_is_reported_and_does_not_fail_the_ingest(store_url, tmp_path, receiver):
    assert ingest(str(write_corpus(tmp_path / "in")), "--db", store_url).exit_code == 0
    receiver.status = 500
    watch_film(store_url, "Dear Comrades", receiver.url)
    watch_film(store_url, "Dear Comrades", "http://127.0.0.1:9/closed")  # nothing listens there
    (tmp_path / "news.txt").write_text("Arrow Films bought Japan rights to Dear Comrades.\n", encoding="utf-8")
    result = ingest(str(tmp_path / "news.txt"), "--db", store_url, "--json")
    assert result.exit_code == 0, result.output
    assert "2 failed" in result.output and "receiver answered 500" in result.output
    assert len(receiver.posts) == 1
