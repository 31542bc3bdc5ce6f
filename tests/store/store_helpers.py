"""Helpers of the store tests: articles and facts by hand, written through the real resolver;
a content dump of a database (ids replaced by names) to compare two databases; corpora."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from store_rules_extractor import extract

from reelgraph.model import Article, Extraction
from reelgraph.resolve import Resolver
from reelgraph.store import Store, WriteResult


def make_article(ident: str, lines: list[str], **meta: Any) -> Article:
    return Article(id=ident, text="\n".join(lines), source=meta.pop("source", f"{ident}.txt"), **meta)


def write(store: Store, article: Article) -> WriteResult:
    """Extract (rules), resolve (the real resolver) and write one article."""
    resolver = Resolver(store.entities(), store.film_directors())
    resolved = resolver.resolve(extract(article))
    return store.write(resolved)


def write_extraction(store: Store, extraction: Extraction) -> WriteResult:
    resolver = Resolver(store.entities(), store.film_directors())
    return store.write(resolver.resolve(extraction))


def dump(store: Store) -> dict[str, Any]:
    """Every row that matters, with ids replaced by names, as sorted lists."""
    db = store.db
    names = {r["id"]: f"{r['kind']}:{r['name']}" for r in db.all("SELECT id, kind, name FROM entities")}
    hashes = {r["id"]: r["content_hash"] for r in db.all("SELECT id, content_hash FROM articles")}

    def unid(text: str) -> str:
        return re.sub(r"#(\d+)", lambda m: "#" + names[int(m.group(1))], text)

    facts = {r["id"]: unid(r["key"]) for r in db.all("SELECT id, key FROM facts")}
    return {
        "articles": sorted((r["content_hash"], r["url"] or "", r["title"] or "") for r in db.all("SELECT * FROM articles")),
        "entities": sorted(
            (r["kind"], r["name"], r["year"] or 0, names.get(r["merged_into"], ""))
            for r in db.all("SELECT * FROM entities")),
        "aliases": sorted(
            (names[r["entity_id"]], r["name"], r["reason"], r["flagged"], r["blocked"])
            for r in db.all("SELECT * FROM aliases")),
        "facts": sorted(
            (facts[r["id"]], json.dumps(json.loads(r["fields"]), sort_keys=True), r["retracted"])
            for r in db.all("SELECT * FROM facts")),
        "fact_sources": sorted(
            (facts[r["fact_id"]], hashes[r["article_id"]], r["span_start"], r["span_end"])
            for r in db.all("SELECT * FROM fact_sources")),
        "search_index": db.scalar("SELECT COUNT(*) AS n FROM search_index"),
    }


CORPUS = [
    ("dear-comrades", "2020-08-20", [
        "Dear Comrades (2020) is directed by Andrei Konchalovsky.",
        "Films Boutique handles world sales on Dear Comrades.",
        "Dear Comrades screens in Competition at Venice International Film Festival 2020.",
        "Julia Vysotskaya stars in Dear Comrades as Lyudmila.",
        "Jean-Christophe Simon, CEO of Films Boutique, said so.",
        "Films Boutique is based in Berlin.",
    ]),
    ("comrades-germany", "2020-09-10", [
        "Neue Visionen bought Germany rights to Dear Comrades.",
        "Dear Comrades won the Special Jury Prize at Venice International Film Festival 2020.",
    ]),
    ("comrades-us", "2020-10-01", [
        "Music Box Films bought U.S. rights to Dear Comrades.",
        "Curzon bought UK rights to Dear Comrades.",
    ]),
    ("nomadland", "2020-09-12", [
        "Nomadland (2020) is directed by Chloe Zhao.",
        "Nomadland won the Golden Lion at Venice International Film Festival 2020.",
        "Frances McDormand stars in Nomadland as Fern.",
        "Searchlight Pictures bought worldwide rights to Nomadland.",
    ]),
    ("paradise", "2016-09-08", [
        "Paradise (2016) is directed by Andrei Konchalovsky.",
        "Julia Vysotskaya stars in Paradise as Olga.",
        "Paradise screens in Competition at Venice International Film Festival 2016.",
    ]),
]


def corpus_record(ident: str, date: str, lines: list[str]) -> dict[str, Any]:
    return {"id": ident, "url": f"https://example.com/{ident}", "title": ident.replace("-", " ").title(),
            "date": date, "text": "\n".join(lines)}


def write_corpus(folder: Path, count: int = 0) -> Path:
    """A folder with the CORPUS as a JSONL file (plus ``count`` generated articles) and two
    text articles."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [corpus_record(*item) for item in CORPUS]
    for i in range(count):
        records.append(corpus_record(f"film-{i}", f"2021-01-{i % 28 + 1:02d}", [
            f"Film Number {i} (2021) is directed by Director {i % 7}.",
            f"Seller {i % 3} handles world sales on Film Number {i}.",
            f"Buyer {i % 5} bought France rights to Film Number {i}.",
        ]))
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    (folder / "tango.txt").write_text("Tango & Cash (1989) is directed by Andrei Konchalovsky.\n", encoding="utf-8")
    (folder / "rublev.txt").write_text("Andrei Rublev (1966) is directed by Andrei Tarkovsky.\n", encoding="utf-8")
    return folder
