"""Extraction is a function of the text: the same articles give the same facts in any process
(string hashing is randomised per process, so no output may depend on set order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "devset" / "articles"


def _extract(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = "from reelgraph.cli import main; main()"
    files = sorted(str(p) for p in DEVSET.glob("*.txt"))[:12]
    result = subprocess.run([sys.executable, "-c", code, "extract", "--format", "jsonl", *files],
                            capture_output=True, text=True, env=env, check=True)
    return result.stdout


def test_same_facts_whatever_the_hash_seed() -> None:
    first, second = _extract("1"), _extract("4242")
    assert first.count("\n") == 12
    assert first == second
