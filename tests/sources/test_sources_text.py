"""Text files and stdin: decoding, header blocks, datelines, and every bad text input."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from reelgraph.model import Article
from reelgraph.sources import SourceError, iter_articles

ENGLISH = (
    "Northlight Pictures has acquired North American rights to The Glass Tide, the thriller "
    "directed by Sara Lindqvist, from Fjord Line Sales. The film stars Oskar Dahl and Mira Holt "
    "and will be released in the autumn after its premiere at the Rotterdam festival in January."
)
GERMAN = (
    "Der Film erzählt die Geschichte einer Familie, die nach dem Krieg in einem kleinen Dorf an "
    "der Küste lebt. Die Regisseurin hat mit dem Produzenten über drei Jahre an dem Drehbuch "
    "gearbeitet, und der Verleih wird den Film im Herbst in die Kinos bringen. Es ist ihr "
    "zweiter Spielfilm nach dem Debüt, das auf der Berlinale gezeigt wurde und auch einen Preis gewann."
)
FRENCH = (
    "Le film raconte l'histoire d'une famille qui vit dans un petit village sur la côte après "
    "la guerre. La réalisatrice a travaillé avec le producteur pendant trois ans sur le scénario, "
    "et le distributeur sortira le film en salles à l'automne. C'est son deuxième long métrage "
    "après un premier film qui a été présenté à Cannes et qui a aussi reçu un prix du jury."
)


def read(*paths: str | Path, **kwargs: object) -> list[Article | SourceError]:
    return list(iter_articles(paths, **kwargs))  # type: ignore[arg-type]


def one(path: Path, **kwargs: object) -> Article | SourceError:
    items = read(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "glass-tide.txt"
    path.write_text(ENGLISH + "\n\nSecond paragraph of the story.\n", encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article)
    assert article.id == "glass-tide"
    assert article.source == str(path)
    assert article.text.startswith("Northlight Pictures has acquired")
    assert article.text.endswith("Second paragraph of the story.")
    assert article.title is None and article.date is None
    assert article.language == "en"


def test_markdown_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes((ENGLISH + "\r\n\r\nMore.\r\n").encode())
    article = one(path)
    assert isinstance(article, Article)
    assert "\r" not in article.text
    assert article.text.endswith(".\n\nMore.")


def test_header_block(tmp_path: Path) -> None:
    path = tmp_path / "deal.txt"
    path.write_text(
        "Title: Northlight Takes 'The Glass Tide'\nDate: 2021-05-19\n"
        "URL: https://screenledger.example/news/glass-tide\nAuthor: Jonah Pike\n\n" + ENGLISH,
        encoding="utf-8",
    )
    article = one(path)
    assert isinstance(article, Article)
    assert article.title == "Northlight Takes 'The Glass Tide'"
    assert article.date == "2021-05-19"
    assert article.url == "https://screenledger.example/news/glass-tide"
    assert article.author == "Jonah Pike"
    assert article.text == ENGLISH


def test_header_date_in_words(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: Lido Line-Up\ndate: Sept. 3, 2020\n\n" + ENGLISH, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article)
    assert (article.title, article.date) == ("Lido Line-Up", "2020-09-03")


def test_header_without_blank_line_is_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Not a header\n" + ENGLISH, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article)
    assert article.title is None
    assert article.text.startswith("Title: Not a header")


def test_header_only_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Only a header\nDate: 2021-05-19\n\n   \n", encoding="utf-8")
    error = one(path)
    assert isinstance(error, SourceError)
    assert error.reason == "no text after the header block"


def test_datelines(tmp_path: Path) -> None:
    cases = {
        "cineuropa": ("19/05/2017 - CANNES 2017: " + ENGLISH, "2017-05-19"),
        "venice": ("VENICE, Sept. 3, 2020 — " + ENGLISH, "2020-09-03"),
        "losangeles": ("LOS ANGELES, May 2, 2021 (Reuters) - " + ENGLISH, "2021-05-02"),
        "reuters": ("BERLIN (Reuters) - " + ENGLISH, None),
        "inline": ("The festival said on May 19, 2021 - " + ENGLISH, None),
    }
    for name, (text, _) in cases.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    items = {a.id: a for a in read(tmp_path) if isinstance(a, Article)}
    for name, (text, date) in cases.items():
        assert items[name].date == date, name
        assert items[name].text == text  # the dateline stays in the text


def test_header_date_wins_over_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Date: 2021-06-01\n\nVENICE, Sept. 3, 2020 — " + ENGLISH, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article) and article.date == "2021-06-01"


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n  \n", encoding="utf-8")
    errors = read(tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert [(type(e), e.reason) for e in errors] == [(SourceError, "empty file")] * 2  # type: ignore[union-attr]
    assert str(errors[0]) == f"{tmp_path / 'empty.txt'}: empty file"


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"Some text\x00\x01\x02 with NUL bytes" * 10)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "noise.txt").write_bytes(bytes((i * 37 + 101) % 256 for i in range(4000)).replace(b"\x00", b"\x01"))
    (tmp_path / "controls.txt").write_bytes(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 50)
    for item in read(tmp_path):
        assert isinstance(item, SourceError), item
        assert item.reason == "binary file, not text", item


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = ("Caf" + "é").encode("latin-1") + b" society drama " + ENGLISH.encode()
    path.write_bytes(data)
    error = one(path)
    assert isinstance(error, SourceError)
    assert error.reason == "invalid UTF-8 at byte 3"
    assert str(error) == f"{path}: invalid UTF-8 at byte 3"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ("Title: Émile's Début\n\n" + ENGLISH).encode())
    article = one(path)
    assert isinstance(article, Article)
    assert article.title == "Émile's Début"
    assert article.text.startswith("Northlight")


def test_utf16_with_bom(tmp_path: Path) -> None:
    for name, encoding in (("le", "utf-16-le"), ("be", "utf-16-be")):
        bom = codecs.BOM_UTF16_LE if name == "le" else codecs.BOM_UTF16_BE
        (tmp_path / f"{name}.txt").write_bytes(bom + ("Émile Durand joins " + ENGLISH).encode(encoding))
    items = read(tmp_path / "le.txt", tmp_path / "be.txt")
    for item in items:
        assert isinstance(item, Article), item
        assert item.text.startswith("Émile Durand joins Northlight")


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(ENGLISH.encode("utf-16-le"))
    article = one(path)
    assert isinstance(article, Article) and article.text == ENGLISH


def test_fifty_megabyte_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: fast to write, 50 MiB on paper
        handle.write(b"The festival ")
        handle.truncate(50 * 1024 * 1024)
    error = one(path)
    assert isinstance(error, SourceError)
    assert error.reason == "too large: 52.4 MB > 20 MB limit"
    assert str(error) == f"{path}: too large: 52.4 MB > 20 MB limit"


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    error = one(path, max_bytes=100)
    assert isinstance(error, SourceError)
    assert error.reason == f"too large: {len(ENGLISH) / 1e6:.1f} MB > 0.0001 MB limit"
    assert isinstance(one(path, max_bytes=len(ENGLISH)), Article)


def test_german_and_french_are_refused(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    de, fr = read(tmp_path / "de.txt", tmp_path / "fr.txt")
    assert isinstance(de, SourceError) and de.reason == "not English (looks like: de)"
    assert isinstance(fr, SourceError) and fr.reason == "not English (looks like: fr)"


def test_other_scripts_are_refused(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(
        "Фильм рассказывает историю семьи, которая живёт в маленькой деревне у моря. " * 3, encoding="utf-8"
    )
    error = one(tmp_path / "ru.txt")
    assert isinstance(error, SourceError) and error.reason == "not English (looks like: ru)"


def test_english_with_many_names_is_kept(tmp_path: Path) -> None:
    text = (
        "Cast: Oskar Dahl, Mira Holt, Jens Kruger, Ana Lucia Ferreira, Pierre Dubois. "
        "Crew: director Sara Lindqvist; producer Henrik Sand for Fjord Line Films; composer Kai Moreau. "
        "The film premieres in Rotterdam and is sold by Fjord Line Sales, which has closed Germany with "
        "Neue Lichtspiele and France with Les Films du Quai."
    )
    (tmp_path / "credits.txt").write_text(text, encoding="utf-8")
    assert isinstance(one(tmp_path / "credits.txt"), Article)


def test_short_text_is_not_judged(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Der Film läuft im Herbst.", encoding="utf-8")
    article = one(tmp_path / "short.txt")
    assert isinstance(article, Article) and article.language is None


def test_stdin_stream() -> None:
    items = list(iter_articles(["-"], stdin=BytesIO(("Title: Piped\n\n" + ENGLISH).encode())))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert (article.id, article.title, article.source) == ("stdin", "Piped", "-")
    assert article.text == ENGLISH


def test_stdin_empty_and_too_large() -> None:
    (empty,) = iter_articles(["-"], stdin=BytesIO(b""))
    assert isinstance(empty, SourceError) and str(empty) == "-: empty file"
    (big,) = iter_articles(["-"], stdin=BytesIO(b"x" * 101), max_bytes=100)
    assert isinstance(big, SourceError) and big.reason == "too large: more than 0.0001 MB limit"


def test_real_stdin_in_a_subprocess(tmp_path: Path) -> None:
    script = (
        "from reelgraph.sources import iter_articles\n"
        "for item in iter_articles(['-']):\n"
        "    print(type(item).__name__, item.id, item.date)\n"
    )
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=("VENICE, Sept. 3, 2020 — " + ENGLISH).encode(),
        capture_output=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert done.stdout.decode().strip() == "Article stdin 2020-09-03"


def test_unknown_extension_is_sniffed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.news"
    path.write_text(ENGLISH, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article) and article.id == "story"


def test_published_header_is_the_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Published: 2023-08-03\n\n" + ENGLISH, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article)
    assert article.date == "2023-08-03" and article.text == ENGLISH


def test_dateline_after_headline_and_byline(tmp_path: Path) -> None:
    path = tmp_path / "review.txt"
    text = "Review: The Glass Tide\n\nby Marc Derval\n\n19/05/2017 - CANNES 2017: " + ENGLISH
    path.write_text(text, encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article)
    assert (article.date, article.author, article.title) == ("2017-05-19", "Marc Derval", None)
    assert article.text == text


def test_no_dateline_after_the_lead(tmp_path: Path) -> None:
    """Headline, standfirst and byline may come before the date; a date deep in the body may not."""
    path = tmp_path / "a.txt"
    body = " ".join([ENGLISH] * (1 + 1000 // len(ENGLISH)))
    path.write_text(body + "\n\n19/05/2017 - CANNES 2017: more.", encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article) and article.date is None and article.author is None


def test_date_line_after_headline_and_standfirst(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    standfirst = "The Irish feature, starring two newcomers, premiered in the festival's Special Presentations section."
    path.write_text(f"Distributor Lands Rights to Comedy\n\n{standfirst}\n\nBy Harriet Quell\n"
                    f"SEPTEMBER 11, 2023 10:30AM PT\n\n{ENGLISH}", encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article) and article.date == "2023-09-11" and article.author == "Harriet Quell"


def test_date_in_byline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Headline of the day\n\nBy Ines Okafor-Lind | 3 November 2023\n\n{ENGLISH}", encoding="utf-8")
    article = one(path)
    assert isinstance(article, Article) and article.date == "2023-11-03" and article.author == "Ines Okafor-Lind"
