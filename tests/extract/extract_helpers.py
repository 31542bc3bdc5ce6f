"""Helpers of the extract tests: loading score.py, scoring extractions, comparing facts."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from reelgraph.model import Article, Extraction, Fact


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reelgraph_test_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, gold: Path, extractions: Iterable[Extraction], tmp_path: Path) -> dict:
    """score.py's report for ``extractions`` against the gold file or folder ``gold``."""
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as handle:
        for extraction in extractions:
            handle.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    report, _errors = scorer.evaluate(scorer.load_gold(gold), scorer.load_pred(pred))
    return report


def read_articles(folder: Path) -> list[Article]:
    return [
        Article(f.stem, f.read_text(encoding="utf-8"), source=str(f)) for f in sorted(folder.glob("*.txt"))
    ]


def plain(fact: Fact) -> dict[str, Any]:
    """A fact as {"type", field: value, ...}, fields that are None left out."""
    return {"type": fact.type, **{k: v for k, v in fact.fields.items() if v is not None}}


def canon(facts: Iterable[dict[str, Any]]) -> list[str]:
    """Facts as sorted JSON strings, so lists compare as multisets with readable diffs."""
    return sorted(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in facts)


def evidence_problems(article: Article, facts: Iterable[Fact]) -> list[str]:
    """Facts whose evidence offsets do not slice the article text to exactly the evidence
    sentence, or whose confidence is outside (0, 1]."""
    problems = []
    for fact in facts:
        ev = fact.evidence
        if (
            not (0 <= ev.start < ev.end <= len(article.text))
            or article.text[ev.start : ev.end] != ev.sentence
        ):
            problems.append(f"{article.id}: {fact.type} {fact.fields} evidence {ev}")
        if not 0 < fact.confidence <= 1:
            problems.append(f"{article.id}: {fact.type} {fact.fields} confidence {fact.confidence}")
    return problems
