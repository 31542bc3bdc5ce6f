"""The ingest pipeline over real files: idempotent re-runs, bad input skipped, kill -9 safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import dump, write_corpus
from store_rules_extractor import RulesExtractor

from reelgraph.model import Article
from reelgraph.pipeline import ingest
from reelgraph.store import open_store

HERE = Path(__file__).parent


def test_ingesting_the_same_folder_twice_leaves_the_same_rows(store, tmp_path):
    folder = write_corpus(tmp_path / "in", count=5)
    first = ingest([folder], store, RulesExtractor())
    assert (first.new, first.failed, first.unchanged) == (12, 0, 0)
    assert first.facts_added > 30 and first.entities_created > 10
    before = dump(store)
    second = ingest([folder], store, RulesExtractor())
    assert (second.new, second.unchanged, second.updated, second.facts_added) == (0, 12, 0, 0)
    assert dump(store) == before


def test_reingest_skips_extraction_of_stored_articles(store, tmp_path):
    folder = write_corpus(tmp_path / "in")
    ingest([folder], store, RulesExtractor())

    class Exploding(RulesExtractor):
        def extract_many(self, articles, batch_size=32):
            articles = list(articles)
            if articles:
                raise AssertionError(f"extracted again: {[a.id for a in articles]}")
            return iter(())

    summary = ingest([folder], store, Exploding())
    assert summary.unchanged == 7 and summary.failed == 0


def test_bad_sources_and_failing_articles_are_reported_and_skipped(store, tmp_path):
    folder = write_corpus(tmp_path / "in")
    corpus = folder / "corpus.jsonl"
    lines = corpus.read_text().splitlines()
    lines.insert(1, "{not json")
    lines.insert(3, json.dumps({"id": "boom", "text": "EXPLODE here.\nCurzon bought UK rights to Boom."}))
    corpus.write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    summary = ingest([folder, tmp_path / "missing.txt"], store, RulesExtractor(), batch_size=3)
    reasons = {(Path(e.source).name.split(":")[0], e.line): e.reason for e in summary.errors}
    assert ("corpus.jsonl", 2) in reasons and "JSON" in reasons[("corpus.jsonl", 2)]
    assert any("extraction failed" in r and "cannot read" in r for r in reasons.values())
    assert ("missing.txt", None) in reasons and ("empty.txt", None) in reasons
    assert summary.failed == 4 and summary.new == 7
    assert store.counts()["articles"] == 7
    assert store.find("film", "Boom") == []


def test_an_updated_article_replaces_its_facts(store, tmp_path):
    corpus = tmp_path / "c.jsonl"
    record = {"id": "x", "url": "https://x/1", "date": "2021-01-01",
              "text": "Curzon bought UK rights to Boom.\nAlamode bought France rights to Boom."}
    corpus.write_text(json.dumps(record) + "\n")
    ingest([corpus], store, RulesExtractor())
    record["text"] = "Curzon bought UK rights to Boom."
    corpus.write_text(json.dumps(record) + "\n")
    summary = ingest([corpus], store, RulesExtractor())
    assert (summary.updated, summary.new) == (1, 0)
    assert [d["company"] for d in store.deals()["items"]] == ["Curzon"]


def test_articles_and_errors_can_be_passed_directly(store):
    from reelgraph.sources import SourceError

    items = [Article("a", "Curzon bought UK rights to Boom.", source="mem"), SourceError("feed.xml", "broken", 3)]
    seen = []
    summary = ingest(items, store, RulesExtractor(), progress=lambda s: seen.append(s.articles))
    assert (summary.new, summary.failed) == (1, 1) and seen == [1, 2]
    assert str(summary.errors[0]) == "feed.xml:3: broken"


def _cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    code = "from reelgraph.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _articles(url: str) -> int:
    with open_store(url) as s:
        return s.counts()["articles"]


def test_a_run_killed_midway_then_rerun_equals_an_uninterrupted_run(store_url, other_url, tmp_path):
    folder = write_corpus(tmp_path / "in", count=25)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    args = ["ingest", str(folder), "--extractor", "store_rules_extractor:RulesExtractor", "--batch-size", "2"]

    clean = _cli([*args, "--db", other_url], env)
    assert clean.wait(120) == 0, clean.stderr.read()

    slow = {**env, "REELGRAPH_TEST_DELAY": "0.1"}
    victim = _cli([*args, "--db", store_url], slow)
    deadline = time.monotonic() + 60
    while _articles(store_url) < 5 and time.monotonic() < deadline and victim.poll() is None:
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    stored = _articles(store_url)
    assert 5 <= stored < 32, stored

    rerun = _cli([*args, "--db", store_url], env)
    assert rerun.wait(120) == 0, rerun.stderr.read()
    with open_store(store_url) as resumed, open_store(other_url) as uninterrupted:
        assert dump(resumed) == dump(uninterrupted)
        assert resumed.counts()["articles"] == 32
