"""HTML pages: main text without boilerplate, metadata, paragraph breaks, broken pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from reelgraph.model import Article
from reelgraph.sources import SourceError, iter_articles

FIXTURES = Path(__file__).parent / "fixtures"
PARAGRAPH = (
    "<p>Meridian Films has boarded world sales on The Quiet Field, the second feature of "
    "Daniel Okafor, which premieres in competition at the Venice Film Festival this week.</p>"
)


def one(path: Path) -> Article | SourceError:
    items = list(iter_articles([path]))
    assert len(items) == 1, items
    return items[0]


def test_article_page_fixture() -> None:
    article = one(FIXTURES / "cannes_lineup.html")
    assert isinstance(article, Article)
    assert article.id == "cannes_lineup"
    assert article.title == "Cannes Unveils Competition Line-Up With Three Debuts"
    assert article.date == "2021-06-03"
    assert article.author == "Martha Quill"
    assert article.url == "https://screenledger.example/news/cannes-competition-line-up"
    assert article.source == str(FIXTURES / "cannes_lineup.html")
    assert article.text.startswith("The Cannes Film Festival has unveiled the 24 titles")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[1].startswith("Among the debuts is The Salt Orchard, directed by Ines Valcourt")
    # navigation, related links and footer are boilerplate, not text
    for boilerplate in ("Subscribe", "Related stories", "All rights reserved", "Privacy policy", "Venice names"):
        assert boilerplate not in article.text


def test_htm_extension_and_minimal_page(tmp_path: Path) -> None:
    path = tmp_path / "quiet-field.htm"
    path.write_text(
        "<html><head><title>Meridian Boards 'The Quiet Field'</title></head>"
        f"<body><article>{PARAGRAPH}{PARAGRAPH.replace('this week', 'on Friday')}</article></body></html>",
        encoding="utf-8",
    )
    article = one(path)
    assert isinstance(article, Article)
    assert article.id == "quiet-field"
    assert article.title == "Meridian Boards 'The Quiet Field'"
    assert article.text.count("\n\n") == 1
    assert article.text.startswith("Meridian Films has boarded world sales")


def test_latin1_page_with_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Émile</title></head><body><article>'
        "<p>Émile Durand, the producer behind Les Films du Quai, has joined the board of the "
        "Cannes market and will oversee the co-production forum for the next three editions.</p>"
        "</article></body></html>"
    )
    path.write_bytes(page.encode("latin-1"))
    article = one(path)
    assert isinstance(article, Article)
    assert article.text.startswith("Émile Durand, the producer")


def test_empty_html_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("   \n", encoding="utf-8")
    error = one(path)
    assert isinstance(error, SourceError) and error.reason == "empty file"


def test_page_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "nav-only.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav>"
        "<footer>© 2021</footer></body></html>",
        encoding="utf-8",
    )
    error = one(path)
    assert isinstance(error, SourceError)
    assert str(error) == f"{path}: broken HTML: no main text found"


def test_truncated_garbage_html(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><head><title>Broken</ti<<<<>>>><body><div <p", encoding="utf-8")
    error = one(path)
    assert isinstance(error, SourceError)
    assert error.reason.startswith("broken HTML: ")


def test_binary_with_html_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    error = one(path)
    assert isinstance(error, SourceError) and error.reason == "binary file, not text"


def test_non_english_page(tmp_path: Path) -> None:
    path = tmp_path / "de.html"
    text = (
        "Der Film erzählt die Geschichte einer Familie, die nach dem Krieg in einem kleinen Dorf an "
        "der Küste lebt. Die Regisseurin hat mit dem Produzenten über drei Jahre an dem Drehbuch "
        "gearbeitet, und der Verleih wird den Film im Herbst in die Kinos bringen."
    )
    path.write_text(f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>", encoding="utf-8")
    error = one(path)
    assert isinstance(error, SourceError) and error.reason == "not English (looks like: de)"


def test_same_page_twice_reads_once(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "cannes_lineup.html", tmp_path / "page.html")
    items = list(iter_articles([tmp_path / "page.html", tmp_path / "page.html", tmp_path]))
    assert [a.id for a in items if isinstance(a, Article)] == ["page"]
