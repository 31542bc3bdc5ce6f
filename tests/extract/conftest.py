"""Fixtures of the extract tests: one rules-pipeline ``Extractor`` per test module (the
pipeline loads once per module, not per test) and the shared folder with the seed article
and ``eval/score.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor("default")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"shared folder with eval/score.py not found at {SHARED}")
    return SHARED
