"""A film whose sources contradict each other still renders, with both claims shown."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from reelgraph.pipeline import ingest
from reelgraph.store import open_store
from reelgraph.web.app import create_app


def test_film_page_with_contradicting_years(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Andrei Konchalovsky adapted an Akira Kurosawa script for 1985's \"Runaway Train.\"\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The retrospective opens with \"Runaway Train\" (1986), starring Jon Voight.\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    store = open_store(db)
    try:
        summary = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store)
        assert summary.failed == 0
        film = store.find("film", "Runaway Train")[0]
        record = store.film(film["id"])
        assert any(c["kind"] == "year" for c in record["contradictions"]), record["contradictions"]
    finally:
        store.close()
    client = TestClient(create_app(db))
    page = client.get(f"/films/{film['id']}")
    assert page.status_code == 200
    assert "1985" in page.text and "1986" in page.text
