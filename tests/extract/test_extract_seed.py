"""The seed article (shared/articles/dear-comrades.txt) against its gold annotation."""

from __future__ import annotations

import pytest
from extract_helpers import evidence_problems, load_scorer, plain, score

from reelgraph.model import Article


@pytest.fixture(scope="module")
def seed(extractor, shared):
    path = shared / "articles" / "dear-comrades.txt"
    article = Article(path.stem, path.read_text(encoding="utf-8"), source=str(path))
    return extractor.extract(article)


def facts_of(extraction, ftype):
    return [plain(f) for f in extraction.facts if f.type == ftype]


def test_seed_micro_f1_against_gold(seed, shared, tmp_path):
    report = score(load_scorer(shared), shared / "eval" / "gold" / "dear-comrades.json", [seed], tmp_path)
    assert report["articles_predicted"] == 1
    assert report["micro"]["f1"] >= 0.95, report


def test_seed_worldwide_sales_deal(seed):
    assert {
        "type": "deal",
        "film": "Dear Comrades",
        "company": "Films Boutique",
        "territory": "worldwide",
        "rights": "sales",
    } in facts_of(seed, "deal")


def test_seed_venice_2020_selection(seed):
    selections = facts_of(seed, "selection")
    venice = [
        s
        for s in selections
        if s["film"] == "Dear Comrades" and s["festival"] == "Venice International Film Festival"
    ]
    assert len(venice) == 1, selections
    assert venice[0]["year"] == 2020
    assert venice[0].get("section") == "main competition"
    assert venice[0].get("edition") == 77  # "2020's 77th Venice Intl. Film Festival", later in the sentence


def test_seed_vysotskaya_cast_as_lyudmila(seed):
    assert {
        "type": "credit",
        "film": "Dear Comrades",
        "person": "Julia Vysotskaya",
        "role": "cast",
        "character": "Lyudmila",
    } in facts_of(seed, "credit")


def test_seed_alias_good_comrades(seed):
    aliases = facts_of(seed, "alias")
    assert any(a.get("film") == "Dear Comrades" and a.get("alias") == "Good Comrades" for a in aliases), (
        aliases
    )


def test_seed_evidence_slices_article_text(seed):
    assert seed.facts
    assert evidence_problems(seed.article, seed.facts) == []
