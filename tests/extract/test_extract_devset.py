"""The dev set (tests/devset: 38 articles with gold) through the extractor, scored with
shared/eval/score.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import evidence_problems, load_scorer, read_articles, score

DEVSET = Path(__file__).resolve().parents[1] / "devset"

# Measured micro F1 of the rules pipeline on the dev set: 0.805 (P 0.870, R 0.748).
# The floor sits about 0.05 below it, to catch regressions while the extractor changes;
# raise it as the extractor improves.
MICRO_F1_FLOOR = 0.75


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


# The held-out sets, each measured untouched when it was written (sets 2 to 8: 0.556, 0.543, 0.672,
# 0.611, 0.615, 0.536, 0.619 on the code of their day), sets 1 to 7 since used for diagnosis; now
# 0.730 / 0.795 / 0.782 / 0.828 / 0.786 / 0.772 / 0.767, and set 8, never read, 0.769.
# Floors about 0.04 below, against regressions.
HELDOUT_FLOORS = {"heldout": 0.69, "heldout2": 0.75, "heldout3": 0.74, "heldout4": 0.79, "heldout5": 0.74,
                  "heldout6": 0.73, "heldout7": 0.70, "heldout8": 0.72}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_micro_f1_floor(extractor, shared, tmp_path, name):
    folder = DEVSET.parent / name
    extractions = list(extractor.extract_many(read_articles(folder / "articles"), batch_size=16))
    report = score(load_scorer(shared), folder / "gold", extractions, tmp_path)
    assert report["articles_predicted"] == report["articles"] >= 20
    assert report["micro"]["f1"] >= HELDOUT_FLOORS[name], report["micro"]
