"""Fixtures of the extract tests: one rules-pipeline ``Extractor`` per test module (the
pipeline loads once per module, not per test) and the shared folder with the seed article
and ``eval/score.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
# The project's shared folder beside the clone, else the copy kept with the tests (tests/shared).
SHARED = next(p for p in (ROOT.parent / "shared", ROOT / "tests" / "shared") if (p / "eval" / "score.py").exists())


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor("default")


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
