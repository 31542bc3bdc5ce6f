"""Full-text search: hostile input never errors; snippets mark the matches."""

from __future__ import annotations

import pytest
from store_helpers import make_article, write

HOSTILE = ["'", '"', "*", "OR", "--", "; DROP TABLE articles; --", "Dear' OR '1'='1", '"Dear', "NEAR(", "a:b",
           "^", "-", "Comrades*", "(", ")", "%", "_", "\\", "\x00", "", "   ", "AND OR NOT", "title:x", "{}", "!!"]


@pytest.fixture
def filled(store):
    write(store, make_article("a", [
        "Dear Comrades (2020) is directed by Andrei Konchalovsky.",
        "Films Boutique handles world sales on Dear Comrades.",
    ], url="https://x/a", title="Sales: <Dear Comrades> & more", date="2020-08-20"))
    return store


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_error(filled, text):
    result = filled.search(text)
    assert set(result) == {"query", "entities", "articles"}
    assert filled.counts()["articles"] == 1


def test_finds_entities_and_articles_with_snippets(filled):
    result = filled.search("konchalovsky")
    assert [e["name"] for e in result["entities"]] == ["Andrei Konchalovsky"]
    (article,) = result["articles"]
    assert article["article_id"] == 1 and "Konchalovsky" in article["snippet"]
    assert "<mark>Konchalovsky</mark>" in article["snippet_html"]
    assert "<mark>" not in article["snippet"]


def test_all_words_must_match_and_prefixes_work(filled):
    assert filled.search("comrad boutiq")["articles"]
    assert filled.search("comrades zebra")["articles"] == []
    assert filled.search("'Dear Comrades' OR --")["entities"][0]["name"] == "Dear Comrades"


def test_snippet_html_is_escaped(filled):
    write(filled, make_article("b", ["<script>alert(1)</script> Tango & Cash rules."], url="https://x/b"))
    (hit,) = filled.search("tango")["articles"]
    assert "<script>" not in hit["snippet_html"]  # escaped (SQLite) or dropped by ts_headline (PostgreSQL)
    assert "<mark>Tango</mark> &amp; Cash" in hit["snippet_html"]


def test_alias_and_rename_are_searchable(filled):
    film_id = filled.find("film", "Dear Comrades")[0]["id"]
    filled.rename(film_id, "Dorogie Tovarishchi")
    assert [e["id"] for e in filled.search("tovarishchi")["entities"]] == [film_id]
    assert [e["id"] for e in filled.search("comrades")["entities"]] == [film_id]
