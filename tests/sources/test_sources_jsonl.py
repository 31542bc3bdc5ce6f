"""JSONL corpora: one article per line, one error per bad line, the rest go on."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from reelgraph.model import Article
from reelgraph.sources import SourceError, iter_articles

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "Orbit Sales has closed Germany and Benelux on The Salt Orchard, directed by Ines Valcourt."


def test_corpus_fixture() -> None:
    path = FIXTURES / "market_corpus.jsonl"
    first, second, third = iter_articles([path])
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert first.id == "efm-sales-roundup"
    assert first.title == "EFM Sales Round-Up: Orbit Closes Europe on 'The Salt Orchard'"
    assert first.date == "2021-03-05"
    assert first.url == "https://screenledger.example/news/efm-sales-roundup"
    assert first.source == f"{path}:1"
    assert first.text.startswith("Orbit Sales has closed deals across Europe")
    assert "\n\n" in first.text
    assert second.id == "market_corpus-2"  # no id: stem and line number
    assert second.date == "2021-03-08"  # "March 8, 2021"
    assert third.id == "42"  # numeric ids become strings
    assert third.date == "2021-02-10"
    assert third.url is None


def test_non_json_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": TEXT}),
        json.dumps({"id": "b", "text": TEXT}),
        "{this is not json",
        "",
        json.dumps({"id": "c", "text": TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert [getattr(i, "id", None) for i in items] == ["a", "b", None, "c"]
    error = items[2]
    assert isinstance(error, SourceError)
    assert error.line == 3
    assert error.reason.startswith("not JSON: ")
    assert str(error) == f"{path}:3: not JSON: Expecting property name enclosed in double quotes"
    assert items[3].source == f"{path}:5"  # type: ignore[union-attr]


def test_every_bad_line_kind(tmp_path: Path) -> None:
    path = tmp_path / "bad.ndjson"
    path.write_bytes(
        b"\n".join(
            [
                b'["a", "list"]',
                b'{"id": "no-text"}',
                b'{"id": "blank", "text": "   "}',
                b'{"id": "number", "text": 7}',
                b'{"id": "latin", "text": "Caf\xe9"}',
                b"nope",
                json.dumps({"text": TEXT, "date": "sometime soon"}).encode(),
            ]
        )
    )
    items = list(iter_articles([path]))
    assert [(i.line, i.reason) for i in items[:-1]] == [  # type: ignore[union-attr]
        (1, "not a JSON object: list"),
        (2, "missing text"),
        (3, "empty text"),
        (4, "text is not a string: int"),
        (5, "invalid UTF-8 at byte 28 of the line"),
        (6, "not JSON: Expecting value"),
    ]
    last = items[-1]
    assert isinstance(last, Article)
    assert last.id == "bad-7" and last.date is None


def test_empty_corpus(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (error,) = iter_articles([path])
    assert isinstance(error, SourceError) and error.reason == "empty file" and error.line is None


def test_corpus_may_exceed_max_bytes_but_a_line_may_not(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    small = json.dumps({"id": "small", "text": TEXT})
    large = json.dumps({"id": "large", "text": TEXT * 20})
    path.write_text("\n".join([small, large, small.replace("small", "again")]) + "\n", encoding="utf-8")
    items = list(iter_articles([path], max_bytes=len(small) + 10))
    assert [getattr(i, "id", None) for i in items] == ["small", None, "again"]
    assert isinstance(items[1], SourceError) and items[1].line == 2
    assert items[1].reason.startswith("line too large")


def test_non_english_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    french = (
        "Le film raconte l'histoire d'une famille qui vit dans un petit village sur la côte après la "
        "guerre, et le distributeur sortira le film en salles à l'automne avec une équipe de la région."
    )
    path.write_text(
        json.dumps({"id": "fr", "text": french}) + "\n" + json.dumps({"id": "en", "text": TEXT}) + "\n",
        encoding="utf-8",
    )
    error, article = iter_articles([path])
    assert isinstance(error, SourceError)
    assert str(error) == f"{path}:1: not English (looks like: fr)"
    assert isinstance(article, Article) and article.id == "en"


def test_jsonl_on_stdin() -> None:
    data = (json.dumps({"text": TEXT}) + "\n" + json.dumps({"id": "x", "text": TEXT}) + "\n").encode()
    first, second = iter_articles(["-"], stdin=BytesIO(data))
    assert isinstance(first, Article) and first.id == "stdin-1" and first.source == "-:1"
    assert isinstance(second, Article) and second.id == "x"


def test_json_files(tmp_path: Path) -> None:
    (tmp_path / "single.json").write_text(
        json.dumps({"title": "One", "date": "2021-05-19", "text": TEXT}, indent=2), encoding="utf-8"
    )
    (tmp_path / "many.json").write_text(
        json.dumps([{"id": "x", "text": TEXT}, {"text": ""}, {"text": TEXT}]), encoding="utf-8"
    )
    (tmp_path / "gold.json").write_text(json.dumps({"id": "g", "facts": []}), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"id": ', encoding="utf-8")
    items = [str(i) if isinstance(i, SourceError) else (i.id, i.source) for i in iter_articles([tmp_path])]
    assert items == [
        f"{tmp_path / 'broken.json'}: not JSON: Expecting value (line 1)",
        f'{tmp_path / "gold.json"}: JSON without article text (no "text" field)',
        ("x", f"{tmp_path / 'many.json'}#1"),
        f"{tmp_path / 'many.json'}: item 2: empty text",
        ("many-3", f"{tmp_path / 'many.json'}#3"),
        ("single", str(tmp_path / "single.json")),
    ]
