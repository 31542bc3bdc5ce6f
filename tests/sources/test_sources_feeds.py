"""RSS and Atom feeds: entries to articles, linked local pages, malformed feeds."""

from __future__ import annotations

import shutil
from pathlib import Path

from reelgraph.model import Article
from reelgraph.sources import SourceError, iter_articles

FIXTURES = Path(__file__).parent / "fixtures"
BODY = (
    "Fjord Line Sales has closed a raft of deals on The Glass Tide, directed by Sara Lindqvist, "
    "with Northlight Pictures taking North American rights and Neue Lichtspiele taking Germany."
)


def articles(*paths: Path) -> list[Article | SourceError]:
    return list(iter_articles(paths))


def test_rss_fixture(tmp_path: Path) -> None:
    items = articles(FIXTURES / "trade_wire.rss")
    assert all(isinstance(a, Article) for a in items), items
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)

    assert first.id == "northlight-glass-tide"
    assert first.title == "Northlight Pictures Takes US Rights to 'The Glass Tide'"
    assert first.date == "2021-05-19"  # as written, not shifted to UTC (2021-05-20)
    assert first.url == "https://screenledger.example/news/northlight-glass-tide"
    assert first.author == "Jonah Pike"
    assert first.source == str(FIXTURES / "trade_wire.rss")
    # content:encoded wins over the description, paragraphs kept
    assert first.text.startswith("Northlight Pictures has acquired US rights to The Glass Tide, the thriller")
    assert first.text.count("\n\n") == 1

    # no usable link slug ("/?p=4412"): feed stem + entry number
    assert second.id == "trade_wire-2"
    assert second.title == "Venice Adds Two Titles to Horizons"
    assert second.date == "2021-05-20"
    assert second.text.startswith("The Venice Film Festival has added two titles to its Horizons section: Paper")
    assert "<" not in second.text and second.text.count("\n\n") == 1

    # the third entry links to an HTML page beside the feed: read through the HTML reader
    assert third.id == "cannes_lineup"
    assert third.source == str(FIXTURES / "cannes_lineup.html")
    assert third.title == "Cannes Unveils Competition Line-Up With Three Debuts"
    assert third.date == "2021-06-03"
    assert third.text.startswith("The Cannes Film Festival has unveiled the 24 titles")


def test_atom_fixture() -> None:
    first, second = articles(FIXTURES / "festival_news.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "golden-lion-harbour-lights"
    assert first.title == "Lido Jury Hands Golden Lion to 'Harbour Lights'"
    assert first.date == "2020-09-12"  # published wins over updated
    assert first.author == "Clara Wendt"
    assert first.url == "https://festivaldesk.example/2020/09/golden-lion-harbour-lights/"
    assert first.text.startswith("Harbour Lights, directed by Elena Marsh, won the Golden Lion")
    assert second.id == "festival-desk-tiff-galas"  # from the entry id, there being no link
    assert second.url is None
    assert second.date == "2020-08-30"
    assert second.text.startswith("The Toronto International Film Festival will open with")


def test_ids_are_stable_across_runs() -> None:
    runs = [[a.id for a in articles(FIXTURES / "trade_wire.rss", FIXTURES / "festival_news.atom")] for _ in range(2)]
    assert runs[0] == runs[1]


def test_local_page_linked_by_bare_file_name_and_by_url(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "cannes_lineup.html", tmp_path / "lineup.html")
    (tmp_path / "saved.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Saved</title>'
        "<item><title>Saved page</title><link>https://screenledger.example/news/lineup.html</link>"
        "<description>Short summary only.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = articles(tmp_path / "saved.xml")
    assert isinstance(article, Article)
    assert article.id == "lineup"
    assert article.source == str(tmp_path / "lineup.html")
    assert article.text.startswith("The Cannes Film Festival")


def test_folder_with_feed_and_its_pages_reads_each_page_once(tmp_path: Path) -> None:
    for name in ("trade_wire.rss", "cannes_lineup.html"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    ids = [a.id for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["cannes_lineup", "northlight-glass-tide", "trade_wire-2"]


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss><channel><title>Oops</title><<item>>', encoding="utf-8")
    (error,) = articles(path)
    assert isinstance(error, SourceError)
    assert error.reason.startswith("malformed feed: ")
    assert str(error).startswith(f"{path}: malformed feed: ")


def test_not_a_feed_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("this is not XML at all", encoding="utf-8")
    (error,) = articles(path)
    assert isinstance(error, SourceError) and error.reason.startswith("malformed feed: ")


def test_damaged_feed_with_entries_still_yields_them(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title>'
        "<item><title>Deal</title><link>https://x.example/news/glass-tide-deal</link>"
        f"<description>{BODY}</description></item><item><title>Cut off",
        encoding="utf-8",
    )
    items = articles(path)
    assert isinstance(items[0], Article)
    assert items[0].id == "glass-tide-deal"
    assert items[0].text == BODY


def test_valid_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "quiet.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>',
        encoding="utf-8",
    )
    (error,) = articles(path)
    assert isinstance(error, SourceError) and error.reason == "feed has no entries"


def test_entry_without_text_is_an_error_and_others_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>'
        "<item><title>Headline only</title></item>"
        f"<item><title>Deal</title><description>{BODY}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    error, article = articles(path)
    assert isinstance(error, SourceError) and error.reason == "entry 1 (mixed-1): no text"
    assert isinstance(article, Article) and article.id == "mixed-2" and article.text == BODY


def test_feed_sniffed_without_feed_extension(tmp_path: Path) -> None:
    path = tmp_path / "wire"
    path.write_text(
        f'<rss version="2.0"><channel><item><title>Deal</title><description>{BODY}</description></item></channel></rss>',
        encoding="utf-8",
    )
    (article,) = articles(path)
    assert isinstance(article, Article) and article.id == "wire-1" and article.title == "Deal"
