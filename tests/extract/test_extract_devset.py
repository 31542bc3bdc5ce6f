"""The dev set (tests/devset: 38 articles with gold) through the extractor, scored with
shared/eval/score.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import evidence_problems, load_scorer, read_articles, score

DEVSET = Path(__file__).resolve().parents[1] / "devset"

# Measured micro F1 of the rules pipeline on the dev set: 0.770 (P 0.850, R 0.704).
# The floor sits about 0.05 below it, to catch regressions while the extractor changes;
# raise it as the extractor improves.
MICRO_F1_FLOOR = 0.71


@pytest.fixture(scope="module")
def extractions(extractor):
    articles = read_articles(DEVSET / "articles")
    assert len(articles) >= 30
    return list(extractor.extract_many(articles, batch_size=16))


def test_devset_micro_f1_floor(extractions, shared, tmp_path):
    report = score(load_scorer(shared), DEVSET / "gold", extractions, tmp_path)
    assert report["articles_predicted"] == report["articles"] == len(extractions)
    assert report["micro"]["f1"] >= MICRO_F1_FLOOR, report["micro"]


def test_devset_one_extraction_per_article_in_order(extractions):
    names = sorted(f.stem for f in (DEVSET / "articles").glob("*.txt"))
    assert [e.article.id for e in extractions] == names


def test_devset_evidence_and_confidence(extractions):
    problems = [p for e in extractions for p in evidence_problems(e.article, e.facts)]
    assert problems == []
    assert sum(len(e.facts) for e in extractions) > 100


# The held-out sets, each measured once untouched when it was written (sets 2 to 5: 0.556, 0.543,
# 0.672, 0.611), sets 1 to 4 since used for diagnosis; now 0.724 / 0.772 / 0.766 / 0.807, and set 5,
# never read, 0.660.  Floors about 0.05 below, against regressions.
HELDOUT_FLOORS = {"heldout": 0.67, "heldout2": 0.72, "heldout3": 0.71, "heldout4": 0.75, "heldout5": 0.61}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_micro_f1_floor(extractor, shared, tmp_path, name):
    folder = DEVSET.parent / name
    extractions = list(extractor.extract_many(read_articles(folder / "articles"), batch_size=16))
    report = score(load_scorer(shared), folder / "gold", extractions, tmp_path)
    assert report["articles_predicted"] == report["articles"] >= 20
    assert report["micro"]["f1"] >= HELDOUT_FLOORS[name], report["micro"]
