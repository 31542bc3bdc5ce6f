"""Writing articles: identity by content hash, updates by URL / id, atomic writes, dedup."""

from __future__ import annotations

import pytest
from store_helpers import dump, make_article, write

from reelgraph.model import Article, Entity, Evidence, Fact, ResolvedArticle, ResolvedFact
from reelgraph.store import open_store

LINES = [
    "Dear Comrades (2020) is directed by Andrei Konchalovsky.",
    "Films Boutique handles world sales on Dear Comrades.",
]


def test_new_then_unchanged(store):
    article = make_article("a", LINES, url="https://x/a", date="2020-08-20")
    first = write(store, article)
    assert first.status == "new" and first.facts_added == 3
    assert first.entities_created == 4  # film, person, company and the territory (a place)
    before = dump(store)
    again = write(store, make_article("a", [line + "  " for line in LINES], url="https://x/a"))
    assert again.status == "unchanged" and again.article_id == first.article_id
    assert dump(store) == before


def test_same_fact_from_two_articles_is_one_fact_with_two_sources(store):
    write(store, make_article("a", LINES, url="https://x/a", date="2020-08-20"))
    write(store, make_article("b", [LINES[1], "Other words."], url="https://x/b", date="2020-09-01"))
    film = store.film(store.find("film", "Dear Comrades")[0]["id"])
    (deal,) = film["deals"]
    assert deal["sources"] == 2
    assert [e["article_id"] for e in deal["evidence"]] == [2, 1]  # newest first
    assert deal["first_seen"] == "2020-08-20" and deal["last_seen"] == "2020-09-01"
    assert store.counts()["facts"] == {"credit": 1, "deal": 1, "film_year": 1}


def test_same_url_new_text_replaces_the_articles_facts(store):
    write(store, make_article("a", LINES, url="https://x/a"))
    result = write(store, make_article("a", [LINES[0], "Wild Bunch handles world sales on Dear Comrades."],
                                       url="https://x/a"))
    assert result.status == "updated" and result.article_id == 1
    film = store.film(store.find("film", "Dear Comrades")[0]["id"])
    assert [d["company"] for d in film["deals"]] == ["Wild Bunch"]
    assert store.counts()["articles"] == 1
    assert "Wild Bunch" in store.article(1)["text"]


def test_same_id_same_source_file_without_url_is_an_update(store):
    write(store, make_article("a", LINES, source="corpus.jsonl:1"))
    result = write(store, make_article("a", LINES[:1], source="corpus.jsonl:7"))
    assert result.status == "updated"
    assert store.counts()["facts"] == {"credit": 1, "film_year": 1}
    other = write(store, make_article("a", LINES[1:], source="elsewhere.jsonl:1"))
    assert other.status == "new"


def test_a_failing_write_leaves_nothing_behind(store):
    write(store, make_article("a", LINES, url="https://x/a"))
    before = dump(store)
    article = Article("b", "Nobody knows.", url="https://x/b")
    fact = Fact("credit", {"film": "Ghost", "person": "Nobody", "role": "director"}, Evidence("Nobody knows.", 0, 13))
    bad = ResolvedArticle(article, [ResolvedFact(fact, {"film": -1, "person": 987654})],
                          new_entities=[Entity(None, "film", "Ghost")])
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error, either dialect
        store.write(bad)
    assert dump(store) == before
    assert not store.has_article(article.content_hash)
    assert write(store, make_article("c", ["Ghost (2001) is directed by Nobody Else."])).status == "new"


def test_entities_for_the_resolver_carry_aliases_and_year(store):
    write(store, make_article("a", LINES))
    film = next(e for e in store.entities() if e.kind == "film")
    assert (film.name, film.year) == ("Dear Comrades", 2020)
    assert store.film_directors() == {film.id: [store.find("person", "Andrei Konchalovsky")[0]["id"]]}


def test_open_store_accepts_paths_and_urls(tmp_path):
    for url in (tmp_path / "a.db", str(tmp_path / "b.db"), f"sqlite:///{tmp_path / 'c.db'}"):
        with open_store(url) as s:
            assert s.dialect == "sqlite"
            assert s.db.scalar("PRAGMA journal_mode") == "wal"
            assert s.counts()["articles"] == 0
