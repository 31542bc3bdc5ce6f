"""Folders of mixed sources, batches of paths, stable and unique ids, error messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reelgraph.model import Article
from reelgraph.sources import SourceError, iter_articles

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (
    "Lumen Harbour Films has started production on The Salt Orchard, written and directed by Ines "
    "Valcourt, with Orbit Sales handling international rights ahead of the Cannes market."
)


def build_folder(root: Path) -> None:
    (root / "b-feeds").mkdir(parents=True)
    (root / "a-text").mkdir()
    (root / "a-text" / "deep").mkdir()
    (root / ".hidden").mkdir()
    (root / "a-text" / "zeta.txt").write_text(TEXT, encoding="utf-8")
    (root / "a-text" / "alpha.md").write_text("Date: 2021-05-19\n\n" + TEXT, encoding="utf-8")
    (root / "a-text" / "deep" / "nested.txt").write_text(TEXT, encoding="utf-8")
    (root / "a-text" / "empty.txt").write_text("", encoding="utf-8")
    (root / "a-text" / ".draft.txt").write_text(TEXT, encoding="utf-8")
    (root / "a-text" / "zeta.txt~").write_text(TEXT, encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text(TEXT, encoding="utf-8")
    shutil.copy(FIXTURES / "festival_news.atom", root / "b-feeds" / "festival_news.atom")
    shutil.copy(FIXTURES / "cannes_lineup.html", root / "page.html")
    shutil.copy(FIXTURES / "market_corpus.jsonl", root / "corpus.jsonl")
    (root / "top.txt").write_text(TEXT, encoding="utf-8")


def test_mixed_folder_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    build_folder(tmp_path)
    items = list(iter_articles([tmp_path]))
    summary = [(a.id if isinstance(a, Article) else f"error:{a.reason}") for a in items]
    assert summary == [
        "efm-sales-roundup",  # corpus.jsonl, line 1 has its own id
        "corpus-2",
        "42",
        "page",
        "top",
        "alpha",
        "error:empty file",
        "zeta",
        "nested",
        "golden-lion-harbour-lights",
        "festival-desk-tiff-galas",
    ]
    alpha = items[5]
    assert isinstance(alpha, Article) and alpha.date == "2021-05-19"
    assert alpha.source == str(tmp_path / "a-text" / "alpha.md")
    assert str(items[6]) == f"{tmp_path / 'a-text' / 'empty.txt'}: empty file"


def test_same_folder_same_ids(tmp_path: Path) -> None:
    build_folder(tmp_path)
    first = [(a.id, a.content_hash) for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    second = [(a.id, a.content_hash) for a in iter_articles([str(tmp_path)]) if isinstance(a, Article)]
    assert first == second


def test_clashing_stems_get_suffixes(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "deal.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two" / "deal.txt").write_text(TEXT + " Again.", encoding="utf-8")
    (tmp_path / "two" / "deal.html").write_text(
        f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>", encoding="utf-8"
    )
    ids = [a.id for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["deal", "deal-2", "deal-3"]


def test_batch_goes_on_after_every_kind_of_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "bad.jsonl").write_text("not json\n" + json.dumps({"id": "ok", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "bad.rss").write_text("<rss><channel><<<", encoding="utf-8")
    paths = [
        tmp_path / "missing.txt",
        tmp_path / "bin.txt",
        tmp_path / "bad.rss",
        tmp_path / "bad.jsonl",
        tmp_path / "good.txt",
    ]
    items = [str(i) if isinstance(i, SourceError) else i.id for i in iter_articles(paths)]
    assert items[2].startswith(f"{tmp_path / 'bad.rss'}: malformed feed: ")
    assert items[:2] + items[3:] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / 'bin.txt'}: binary file, not text",
        f"{tmp_path / 'bad.jsonl'}:1: not JSON: Expecting value",
        "ok",
        "good",
    ]


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    (error,) = iter_articles([link])
    assert isinstance(error, SourceError) and error.reason == "broken symbolic link"


def test_source_error_str() -> None:
    assert str(SourceError("path/to/file.html", "broken HTML: no main text found")) == (
        "path/to/file.html: broken HTML: no main text found"
    )
    assert str(SourceError("corpus.jsonl", "not JSON: Expecting value", line=17)) == (
        "corpus.jsonl:17: not JSON: Expecting value"
    )


def test_iter_articles_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    stream = iter_articles([tmp_path / "a.txt", tmp_path / "later.txt"])
    first = next(stream)
    assert isinstance(first, Article)
    (tmp_path / "later.txt").write_text(TEXT, encoding="utf-8")  # created after the run began
    assert isinstance(next(stream), Article)


def test_bundled_non_text_examples() -> None:
    examples = Path(__file__).resolve().parents[2] / "src" / "reelgraph" / "examples"
    names = ["meridian_quiet_field.html", "trade_wire.rss", "market_briefs.jsonl"]
    items = list(iter_articles([examples / name for name in names]))
    assert all(isinstance(a, Article) for a in items), [str(a) for a in items]
    assert [a.id for a in items if isinstance(a, Article)] == [
        "meridian_quiet_field",
        "northlight-glass-tide",
        "toronto-galas-winter-orchard",
        "efm-orbit-salt-orchard",
        "market_briefs-2",
        "cannes-jury-ashfall-campos",
    ]
    for article in items:
        assert isinstance(article, Article)
        assert 150 <= len(article.text.split()) <= 300, article.id
        assert article.title and article.date and article.language == "en"
