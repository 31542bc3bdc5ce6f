"""Fixtures of the store tests: a real store on SQLite (a file in tmp_path) and on the real
PostgreSQL server of scripts/test.sh (a fresh schema per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from reelgraph.store import Store, open_store

PG_URL = os.environ.get("REELGRAPH_TEST_PG_URL")
NO_PG = "REELGRAPH_TEST_PG_URL is not set: run `bash scripts/test.sh` to start a PostgreSQL server"


def pg_schema_url(base: str, schema: str) -> str:
    """``base`` with libpq options that put ``schema`` first on the search path."""
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A database URL: a SQLite file, or a fresh PostgreSQL schema (dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'reelgraph.db'}"
        return
    yield from _pg_schema()


@pytest.fixture
def other_url(store_url: str, tmp_path) -> Iterator[str]:
    """A second, empty database of the same dialect as ``store_url``."""
    if store_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.db'}"
        return
    yield from _pg_schema()


def _pg_schema() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(NO_PG)
    import psycopg

    schema = f"rg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield pg_schema_url(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()
