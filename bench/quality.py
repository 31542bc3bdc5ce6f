"""Quality benchmark: extract the seed article, the dev set and the Re-DocRED film splits,
and print shared/eval/score.py's report for each.

usage: python bench/quality.py [--pipeline rules|ner] [--sets seed,devset,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,redocred-dev,redocred-test]
                               [--shared ../shared] [--show-errors] [--out DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reelgraph.extract import Extractor  # noqa: E402
from reelgraph.model import Article  # noqa: E402
from reelgraph.sources import SourceError, iter_articles  # noqa: E402

REDOCRED_TYPES = "credit,film_year,award"


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def datasets(shared: Path) -> dict[str, tuple[Path, Path, str | None]]:
    """name -> (texts folder or file, gold folder or file, types to score)."""
    red = shared / "eval" / "redocred-film"
    return {
        "seed": (
            shared / "articles" / "dear-comrades.txt",
            shared / "eval" / "gold" / "dear-comrades.json",
            None,
        ),
        "devset": (ROOT / "tests" / "devset" / "articles", ROOT / "tests" / "devset" / "gold", None),
        # Held out: never tune on it; it says whether dev-set gains generalise.
        "heldout": (ROOT / "tests" / "heldout" / "articles", ROOT / "tests" / "heldout" / "gold", None),
        "heldout2": (ROOT / "tests" / "heldout2" / "articles", ROOT / "tests" / "heldout2" / "gold", None),
        "heldout3": (ROOT / "tests" / "heldout3" / "articles", ROOT / "tests" / "heldout3" / "gold", None),
        "heldout4": (ROOT / "tests" / "heldout4" / "articles", ROOT / "tests" / "heldout4" / "gold", None),
        "heldout5": (ROOT / "tests" / "heldout5" / "articles", ROOT / "tests" / "heldout5" / "gold", None),
        "heldout6": (ROOT / "tests" / "heldout6" / "articles", ROOT / "tests" / "heldout6" / "gold", None),
        "heldout7": (ROOT / "tests" / "heldout7" / "articles", ROOT / "tests" / "heldout7" / "gold", None),
        "heldout8": (ROOT / "tests" / "heldout8" / "articles", ROOT / "tests" / "heldout8" / "gold", None),
        "redocred-dev": (red / "dev" / "texts", red / "dev" / "gold", REDOCRED_TYPES),
        "redocred-test": (red / "test" / "texts", red / "test" / "gold", REDOCRED_TYPES),
    }


def read_articles(texts: Path) -> list[Article]:
    """Through the sources stage, as `reelgraph extract` reads them (header lines and bylines
    give the article date)."""
    files = [texts] if texts.is_file() else sorted(texts.glob("*.txt"))
    articles = []
    for item in iter_articles(files):
        if isinstance(item, SourceError):
            print(f"   {item}")
        else:
            articles.append(item)
    return articles


def run_set(extractor: Extractor, texts: Path, out: Path) -> tuple[int, float]:
    articles = read_articles(texts)
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for extraction in extractor.extract_many(articles):
            handle.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    return words, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--sets", default="seed,devset,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,redocred-dev,redocred-test")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--out", type=Path, help="keep prediction files here")
    args = parser.parse_args()
    scorer = load_scorer(args.shared)
    extractor = Extractor(args.pipeline)
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="reelgraph-quality-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = []
    for name in args.sets.split(","):
        texts, gold, types = datasets(args.shared)[name]
        if not texts.exists():
            print(f"== {name}: {texts} not found, skipped")
            continue
        pred = out_dir / f"{name}.jsonl"
        words, seconds = run_set(extractor, texts, pred)
        report, errors = scorer.evaluate(
            scorer.load_gold(gold), scorer.load_pred(pred), set(types.split(",")) if types else None
        )
        print(
            f"\n== {name} ({extractor.pipeline} pipeline; {words} words in {seconds:.2f}s)"
            + (f", types {types}" if types else "")
        )
        print_report(report, errors if args.show_errors else [])
        summary.append((name, report["micro"]))
    print("\n== summary")
    for name, micro in summary:
        print(f"{name:<15} micro F1 {micro['f1']:.3f} (P {micro['precision']:.3f}, R {micro['recall']:.3f})")


def print_report(report: dict, errors: list) -> None:
    print(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for ftype, row in report["by_type"].items():
        print(
            f"{ftype:<12}{row['precision']:7.3f}{row['recall']:7.3f}{row['f1']:7.3f}"
            f"{row['tp']:6d}{row['fp']:6d}{row['fn']:6d}"
        )
    for name, row in report["attributes"].items():
        print(f"attribute {name}: {row['agree']}/{row['of']} agree")
    for ftype, row in report["bonus"].items():
        print(f"bonus {ftype}: P={row['precision']:.3f} R={row['recall']:.3f} F1={row['f1']:.3f}")
    for article_id, kind, fact in errors:
        print(f"{kind:>9} {article_id}: {json.dumps(fact, ensure_ascii=False)}")
    m = report["micro"]
    print(
        f"micro F1 {m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f}) "
        f"on {report['articles_predicted']}/{report['articles']} articles"
    )


if __name__ == "__main__":
    main()
