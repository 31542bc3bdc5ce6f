"""Pieces of the web layer without a server: article segments, deal grid, CSV, snippets,
the store gateway's time limit and error mapping, the token check, ``reelgraph serve``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import REPO, free_port

from reelgraph.web import render
from reelgraph.web.data import Gateway, WebError
from reelgraph.web.pages import festival_run, local_path, snippet_parts
from reelgraph.web.territories import cells_for


def test_article_segments_cover_the_text_and_anchor_each_fact() -> None:
    text = "One two three. Four five six. Seven."
    facts = [
        {"fact_id": 1, "evidence": [{"article_id": 7, "start": 0, "end": 14}]},
        {"fact_id": 2, "evidence": [{"article_id": 7, "start": 4, "end": 29}, {"article_id": 8, "start": 0, "end": 3}]},
        {"fact_id": 3, "evidence": [{"article_id": 7, "start": 30, "end": 999}]},  # clipped
    ]
    segs = render.article_segments(text, facts, 7, selected=2)
    assert "".join(s["text"] for s in segs) == text
    assert [s["anchors"] for s in segs if s["anchors"]] == [["1"], ["2"], ["3"]]
    assert segs[1] == {"text": "two three.", "facts": ["1", "2"], "anchors": ["2"], "sel": True}
    assert not segs[0]["sel"] and segs[0]["facts"] == ["1"]
    assert segs[-1]["text"] == "Seven." and segs[-1]["facts"] == ["3"]


def test_deal_grid_fills_covered_cells() -> None:
    deals = [
        {"fact_id": 1, "company": "Films Boutique", "territory": "worldwide", "rights": "sales"},
        {"fact_id": 2, "company": "Cineart", "territory": "Benelux", "rights": "distribution"},
        {"fact_id": 3, "company": "Neon", "territory": "U.S.", "rights": "distribution"},
        {"fact_id": 4, "company": "Somebody", "territory": "Narnia", "rights": "distribution"},
        {"fact_id": 5, "company": "Gunpowder", "territory": None, "rights": "distribution"},
    ]
    grid = render.deal_grid(deals)
    cells = {c["name"]: c["deals"] for r in grid["regions"] for c in r["cells"]}
    assert [d["fact_id"] for d in grid["worldwide"]] == [1]
    assert [d["fact_id"] for d in cells["Belgium"]] == [2] == [d["fact_id"] for d in cells["Netherlands"]]
    assert [d["fact_id"] for d in cells["United States"]] == [3]
    assert [d["fact_id"] for d in cells["Narnia"]] == [4]
    assert [d["fact_id"] for d in grid["unspecified"]] == [5]
    assert cells["Japan"] == [] and grid["open"] > 20
    assert cells_for("North America") == ["North America", "Canada", "United States"]


def test_csv_flattens_and_defuses_formulas() -> None:
    rows = [{"fact_id": 1, "film": "=HYPERLINK(\"http://x\")", "company": "+A", "evidence": [
        {"article_id": 3, "sentence": "-1 said", "start": 0, "end": 5}], "sources": 1}]
    out = render.to_csv(rows).splitlines()
    assert out[0] == "fact_id,film,company,article_id,sentence,sources"
    assert out[1] == "1,\"'=HYPERLINK(\"\"http://x\"\")\",'+A,3,'-1 said,1"


def test_snippets_and_labels_stay_text() -> None:
    parts = snippet_parts("a &lt;script&gt; <mark>Dear</mark> &amp; <b>x</b>")
    assert parts == [("a <script> ", False), ("Dear", True), (" & x", False)]
    label = render.fact_label({"type": "credit", "person": "<b>", "film": "F", "role": "director"})
    assert label == "<b>: director of F"
    assert render.fact_url({"fact_id": 5, "evidence": [{"article_id": 2}]}) == "/articles/2?fact=5#fact-5"
    assert render.fact_url({"fact_id": 5, "evidence": []}) == "/facts/5"


def test_local_path_refuses_other_sites() -> None:
    assert local_path("/films/1") == "/films/1"
    for bad in ("//evil.example", "https://evil.example", "/\\evil.example", "", None, "javascript:x"):
        assert local_path(bad) == "/"


def test_festival_run_attaches_each_award_once() -> None:
    film = {"selections": [{"festival_id": 1, "year": None}, {"festival_id": 1, "year": 2020}],
            "awards": [{"festival_id": 1, "year": 2020, "award": "A"}, {"festival_id": 9, "year": 2021, "award": "B"}]}
    rows = festival_run(film)
    assert [len(r["awards"]) for r in rows] == [0, 1, 1] and rows[2]["selection"] is None


def test_festival_run_with_two_awards_of_unlisted_festivals() -> None:
    # an award row without a selection (its festival's selection beyond the page window) must
    # not break the next award's lookup
    film = {"selections": [], "awards": [{"festival_id": 9, "year": 2021, "award": "B"},
                                         {"festival_id": 9, "year": 2022, "award": "C"}]}
    assert [r["selection"] for r in festival_run(film)] == [None, None]


class SlowStore:
    def __init__(self) -> None:
        self.interrupted = threading.Event()

    def slow(self) -> str:
        self.interrupted.wait(10)
        if self.interrupted.is_set():
            raise RuntimeError("interrupted")
        return "done"

    def interrupt(self) -> None:
        self.interrupted.set()

    def missing(self, key: int) -> None:
        raise KeyError(f"no entity {key}")

    def bad(self) -> None:
        raise ValueError("cannot merge")


def test_gateway_time_limit_interrupts_and_maps_errors() -> None:
    store = SlowStore()
    g = Gateway(store, time_limit_s=0.2)
    started = time.monotonic()
    with pytest.raises(WebError) as err:
        g.call("slow")
    assert err.value.status == 503 and err.value.code == "timeout"
    assert time.monotonic() - started < 3 and store.interrupted.is_set()
    with pytest.raises(WebError) as err:
        g.call("missing", 3)
    assert err.value.status == 404 and "no entity 3" in err.value.message
    with pytest.raises(WebError) as err:
        g.call("bad")
    assert err.value.status == 400
    with pytest.raises(WebError) as err:
        g.call("nothing_like_this")
    assert err.value.status == 501


def test_serve_command_prints_its_address_and_serves(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "REELGRAPH_TOKEN"}
    cmd = [sys.executable, "-c", "from reelgraph.cli import main; main()", "serve",
           "--db", str(tmp_path / "s.db"), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line, line
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/counts", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["articles"] == 0
        home = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert home.status_code == 200 and re.search(r"read-only", home.text)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


