"""A fact stated by several articles keeps the non-key fields any of them gives."""

from __future__ import annotations

from pathlib import Path

from reelgraph.pipeline import ingest
from reelgraph.store import Store


def test_later_source_fills_a_missing_character(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "a-first.txt"
    second = tmp_path / "b-second.txt"
    first.write_text('"Quiet Harbour" stars Lena Ford and was produced by Tom Becker.\n', encoding="utf-8")
    second.write_text('"Quiet Harbour" stars Lena Ford as Ingrid, a lighthouse keeper.\n', encoding="utf-8")
    ingest([str(first)], store)
    ingest([str(second)], store)
    film = store.find("film", "Quiet Harbour")[0]
    cast = [c for c in store.film(film["id"])["credits"] if c["role"] == "cast"]
    assert [(c["person"], c.get("character")) for c in cast] == [("Lena Ford", "Ingrid")]
    ingest([str(second)], store)  # again: nothing changes
    cast = [c for c in store.film(film["id"])["credits"] if c["role"] == "cast"]
    assert [(c["person"], c.get("character")) for c in cast] == [("Lena Ford", "Ingrid")]
