"""Fixtures of the web tests: real SQLite stores filled through ``reelgraph.pipeline.ingest``
and a real uvicorn server on a free loopback port.

* ``pipeline_db``: the seed article (``shared/articles/dear-comrades.txt``) and the
  articles of ``tests/web/fixtures`` through the real extractor.
* ``gold_db``: the same articles through the real pipeline (resolve, store) with a stand-in
  extractor that emits each article's gold facts (``shared/eval/gold`` and
  ``fixtures/*.json``), evidence located in the text.  Tests of the web layer that must not
  depend on the extractor's recall (XSS in extracted names, deal map cells) use it.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from reelgraph.model import Evidence, Extraction, Fact

HERE = Path(__file__).parent
REPO = Path(__file__).parents[2]
# The project's shared folder beside the clone, else the copy kept with the tests (tests/shared).
SHARED = next(p for p in (REPO.parent / "shared", REPO / "tests" / "shared") if (p / "eval" / "score.py").exists())
SEED = SHARED / "articles" / "dear-comrades.txt"
SEED_GOLD = SHARED / "eval" / "gold" / "dear-comrades.json"
FIXTURES = HERE / "fixtures"
ARTIFACTS = REPO / "test-artifacts"
TOKEN = "test-token-5d1f"

_SENTENCE = re.compile(r"[^\n]+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for line in _SENTENCE.finditer(text):
        start = line.start()
        for m in re.finditer(r"(?<=[.!?”\"])\s+(?=[“\"A-Z<])", line.group()):
            end = line.start() + m.start()
            if end > start:
                spans.append((start, end))
            start = line.start() + m.end()
        spans.append((start, line.end()))
    return spans


def _words(value: Any) -> list[str]:
    return [w for w in re.findall(r"\w+", str(value).lower()) if len(w) > 2]


def locate(text: str, fields: dict[str, Any]) -> Evidence:
    """The sentence that mentions most of a fact's values."""
    best, best_score = (0, len(text)), -1.0
    lowered = text.lower()
    for start, end in _sentences(text):
        sentence = lowered[start:end]
        score = 0.0
        for key, value in fields.items():
            if key in ("type", "optional") or value is None or isinstance(value, int | float):
                continue
            words = _words(value)
            if words:
                score += sum(1 for w in words if w in sentence) / len(words)
        if score > best_score:
            best, best_score = (start, end), score
    return Evidence(text[best[0]:best[1]], best[0], best[1])


class GoldExtractor:
    """A stand-in for ``reelgraph.extract.Extractor`` that emits gold facts."""

    def __init__(self, gold: dict[str, list[dict[str, Any]]]) -> None:
        self.gold = gold

    def extract_many(self, articles: Any, batch_size: int = 64) -> Iterator[Extraction]:
        for article in articles:
            key = Path(article.source or article.id).stem if article.source else article.id
            facts = []
            for raw in self.gold.get(key, self.gold.get(article.id, [])):
                fields = {k: v for k, v in raw.items() if k not in ("type", "optional")}
                facts.append(Fact(raw["type"], fields, locate(article.text, fields), 0.9))
            yield Extraction(article, facts)


def gold_facts() -> dict[str, list[dict[str, Any]]]:
    gold = {"dear-comrades": json.loads(SEED_GOLD.read_text("utf-8"))["facts"]}
    for path in [*FIXTURES.glob("*.json"), *FIXTURES.glob("later/*.json")]:
        gold[path.stem] = json.loads(path.read_text("utf-8"))["facts"]
    return gold


def articles() -> list[Path]:
    return [SEED, *sorted(FIXTURES.glob("*.txt"))]


def build_db(path: Path, extractor: Any = None) -> str:
    from reelgraph.pipeline import ingest
    from reelgraph.store import open_store

    store = open_store(str(path))
    try:
        summary = ingest([str(p) for p in articles()], store, extractor=extractor)
        assert summary.failed == 0, summary.to_json()
    finally:
        store.close()
    return str(path)


def copy_db(src: str, dest: Path) -> str:
    """A private copy of a (closed) SQLite store, for tests that write."""
    import shutil

    shutil.copyfile(src, dest)
    return str(dest)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn serving an app on 127.0.0.1 in a thread."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def pipeline_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed and fixture articles through the real pipeline and extractor."""
    return build_db(tmp_path_factory.mktemp("pipeline") / "reelgraph.db")


@pytest.fixture(scope="session")
def gold_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same articles through the real resolve and store, gold facts as extraction."""
    return build_db(tmp_path_factory.mktemp("gold") / "reelgraph.db", GoldExtractor(gold_facts()))


def _serve(db: str, token: str | None) -> Iterator[Server]:
    from reelgraph.web.app import create_app

    with Server(create_app(db, token=token)) as server:
        yield server


@pytest.fixture(scope="session")
def live(pipeline_db: str) -> Iterator[Server]:
    """The app over ``pipeline_db``, read-write with ``TOKEN``."""
    yield from _serve(pipeline_db, TOKEN)


@pytest.fixture(scope="session")
def live_gold(gold_db: str) -> Iterator[Server]:
    """The app over ``gold_db``, read-only (no token)."""
    yield from _serve(gold_db, "")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's chromium through Playwright (skips when it is not installed)."""
    path = os.environ.get("REELGRAPH_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.skip(f"no chromium at {path}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=path,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()
