"""Speed benchmark: the extractor against the bare spaCy tokenizer over the same corpus.

The corpus repeats the texts of tests/devset/articles/*.txt, the seed article
(shared/articles/dear-comrades.txt) and the bundled examples (src/reelgraph/examples) until it
holds --count articles.  In one process it times (a) ``spacy.blank("en")`` over the texts with
``nlp.pipe`` (the baseline: tokenizing only), (b) ``Extractor("rules").extract_many`` end to
end, and with --pipeline ner or --all (c) the NER pipeline.  For each it prints articles/s,
words/s, peak RSS, the RSS at the middle and at the end of the corpus (memory should stay flat
while streaming) and the ratio to the baseline.  Figures only; no assertions.

usage: python bench/speed.py [--count 2000] [--batch-size 64] [--pipeline rules|ner] [--all]
                             [--shared ../shared] [--no-pin]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from reelgraph.extract import Extractor  # noqa: E402
from reelgraph.model import Article  # noqa: E402


def rss_now_mb() -> float:
    """The resident set size now (Linux /proc), in MB; ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss: KiB on Linux, bytes on macOS), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


def base_texts(shared: Path) -> list[tuple[str, str]]:
    """(name, text) of every source text: dev set, seed, bundled examples."""
    texts = [
        (f.stem, f.read_text(encoding="utf-8"))
        for f in sorted((ROOT / "tests/devset/articles").glob("*.txt"))
    ]
    seed = shared / "articles" / "dear-comrades.txt"
    if seed.exists():
        texts.append((seed.stem, seed.read_text(encoding="utf-8")))
    else:
        print(f"note: seed {seed} not found, left out", file=sys.stderr)
    examples = ROOT / "src" / "reelgraph" / "examples"
    try:
        from reelgraph.sources import SourceError, iter_articles

        for item in iter_articles([examples]):
            if not isinstance(item, SourceError) and item.text.strip():
                texts.append((item.id, item.text))
    except Exception as exc:  # the examples are a bonus; a reader problem must not stop the bench
        print(f"note: examples left out ({type(exc).__name__}: {exc})", file=sys.stderr)
    return texts


def build_corpus(texts: list[tuple[str, str]], count: int) -> list[Article]:
    return [
        Article(f"{name}-{i}", text, source=name)
        for i, (name, text) in ((i, texts[i % len(texts)]) for i in range(count))
    ]


def timed_stream(run: Callable[[Iterable[Article]], Iterator[object]], corpus: list[Article]) -> dict:
    """Drain ``run(corpus)``, noting the RSS when half the results have come back."""
    half = len(corpus) // 2
    gc.collect()
    rss_start = rss_now_mb()
    rss_half = rss_last = rss_start
    started = time.perf_counter()
    n = 0
    for _ in run(corpus):
        n += 1
        if n == half:
            rss_half = rss_now_mb()
        elif n == len(corpus):
            rss_last = rss_now_mb()  # with the last result in hand, before the stream closes
    seconds = time.perf_counter() - started
    return {
        "n": n,
        "seconds": seconds,
        "rss_start": rss_start,
        "rss_half": rss_half,
        "rss_end": rss_last,
        "peak": peak_rss_mb(),
    }


def report(name: str, row: dict, words: int, baseline: dict | None) -> None:
    aps = row["n"] / row["seconds"]
    wps = words / row["seconds"]
    ratio = f"{row['seconds'] / baseline['seconds']:7.1f}x" if baseline else "   (base)"
    print(
        f"{name:<22}{row['seconds']:9.2f}s{aps:11.1f}{wps:12.0f}{ratio}"
        f"{row['peak']:10.1f}{row['rss_half']:10.1f}{row['rss_end']:10.1f}"
        f"{row['rss_end'] - row['rss_half']:+9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--pipeline", default="rules", help="extractor pipeline to time: rules or ner")
    parser.add_argument("--all", action="store_true", help="time both the rules and the ner pipelines")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU core")
    args = parser.parse_args()

    pinned = "not pinned"
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
            pinned = "pinned to core 0"
        except OSError as exc:
            pinned = f"not pinned ({exc})"

    texts = base_texts(args.shared)
    corpus = build_corpus(texts, args.count)
    words = sum(len(a.text.split()) for a in corpus)
    chars = sum(len(a.text) for a in corpus)
    pipelines = ["rules", "ner"] if args.all else [args.pipeline]
    print(
        f"corpus: {len(corpus)} articles from {len(texts)} distinct texts, {words} words, {chars} chars; "
        f"batch size {args.batch_size}; {pinned}; spaCy {spacy.__version__}; Python {sys.version.split()[0]}"
    )

    nlp = spacy.blank("en")
    extractors = {}
    for name in pipelines:
        started = time.perf_counter()
        extractors[name] = Extractor(name)
        print(f"loaded {name} pipeline in {time.perf_counter() - started:.2f}s")
    # Warm up each path once so one-off lazy loading is not timed.
    list(nlp.pipe(a.text for a in corpus[:8]))
    for extractor in extractors.values():
        list(extractor.extract_many(corpus[:8], batch_size=args.batch_size))

    print(
        f"\n{'run':<22}{'time':>10}{'articles/s':>11}{'words/s':>12}{'vs base':>8}"
        f"{'peak MB':>10}{'RSS½ MB':>10}{'RSS end':>10}{'growth':>9}"
    )
    baseline = timed_stream(lambda arts: nlp.pipe((a.text for a in arts), batch_size=args.batch_size), corpus)
    report('spacy.blank("en")', baseline, words, None)
    for name, extractor in extractors.items():
        row = timed_stream(
            lambda arts, ex=extractor: ex.extract_many(arts, batch_size=args.batch_size), corpus
        )
        report(f'Extractor("{name}")', row, words, baseline)
    print(
        "\ngrowth = RSS at the last article minus RSS at the middle article (MB), both read while "
        "streaming; "
        "peak = ru_maxrss of the process so far."
    )


if __name__ == "__main__":
    main()
