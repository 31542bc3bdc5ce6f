"""Format detection, date parsing and the English check, unit by unit."""

from __future__ import annotations

import pytest

from reelgraph.sources import detect_format
from reelgraph.sources.dates import dateline_date, parse_date
from reelgraph.sources.lang import guess_language


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"<rss>", "text"),
        ("a.md", b"# Title", "text"),
        ("a.HTML", b"", "html"),
        ("a.htm", b"", "html"),
        ("a.xml", b"", "feed"),
        ("a.rss", b"", "feed"),
        ("a.atom", b"", "feed"),
        ("a.jsonl", b"", "jsonl"),
        ("a.ndjson", b"", "jsonl"),
        ("noext", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("noext", b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("noext", b"  <rss version='2.0'>", "feed"),
        ("noext", b"<!DOCTYPE html><html>", "html"),
        ("noext", b"<html lang='en'>", "html"),
        ("noext", b'{"id": "a", "text": "b"}\n{"id": "c"', "jsonl"),
        ("noext", b"Plain words about a film.", "text"),
        ("a.json", b"", "json"),
        ("noext", b'{\n  "id": "a",\n  "text": "b"\n}', "json"),
        ("noext", b'[\n  {"id": "a"}', "json"),
        ("noext", b"[Exclusive] Northlight buys", "text"),
        (None, b'<?xml version="1.0"?><rss>', "feed"),
        (None, b"VENICE, Sept. 3, 2020", "text"),
    ],
)
def test_detect_format(name: str | None, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-05-19", "2021-05-19"),
        ("2021-05-19T23:30:00-07:00", "2021-05-19"),
        ("Wed, 19 May 2021 23:30:00 -0700", "2021-05-19"),
        ("19/05/2017", "2017-05-19"),
        ("05/19/2017", "2017-05-19"),
        ("19.05.2017", "2017-05-19"),
        ("Sept. 3, 2020", "2020-09-03"),
        ("3 September 2020", "2020-09-03"),
        ("Thursday, September 3rd, 2020", "2020-09-03"),
        ("2021-02-30", None),
        ("May 2021", None),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_parse_date(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19/05/2017 - CANNES 2017: Director Ines Valcourt", "2017-05-19"),
        ("VENICE, Sept. 3, 2020 — The Lido opened", "2020-09-03"),
        ("Venice, Sept. 3, 2020 - The Lido opened", "2020-09-03"),
        ("CANNES, France, 19 May 2021 - The market", "2021-05-19"),
        ("LOS ANGELES, May 2, 2021 (Reuters) - Studio", "2021-05-02"),
        ("2021-05-19 | Deals", "2021-05-19"),
        ("BERLIN (Reuters) - The Berlinale", None),
        ("PARIS — On 3 May 2020 the festival", None),
        ("The film opened on May 19, 2021 - to acclaim", None),
        ("May 2021 — A month of deals", None),
    ],
)
def test_dateline_date(text: str, expected: str | None) -> None:
    assert dateline_date(text) == expected


def test_guess_language() -> None:
    spanish = (
        "La película cuenta la historia de una familia que vive en un pequeño pueblo de la costa "
        "después de la guerra, y la distribuidora la estrenará en los cines en otoño con el apoyo "
        "de un productor de la región que también trabajó en su primera película."
    )
    italian = (
        "Il film racconta la storia di una famiglia che vive in un piccolo paese sulla costa dopo la "
        "guerra, e il distributore lo porterà nelle sale in autunno con il sostegno di un produttore "
        "della regione che ha anche lavorato al suo primo film."
    )
    assert guess_language(spanish) == "es"
    assert guess_language(italian) == "it"
    assert guess_language("映画祭は金曜日に開幕し、コンペティション部門には二十本の作品が選ばれた。") == "ja"
    assert guess_language("Too short to say.") is None
