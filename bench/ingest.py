"""Ingest benchmark: N synthetic articles into a fresh SQLite file, then time queries.

    .venv/bin/python bench/ingest.py                 # 10,000 articles
    .venv/bin/python bench/ingest.py --count 100000  # the big run
    .venv/bin/python bench/ingest.py --extractor rules --count 500   # with the real extractor

Articles come from ``bench/synthetic.py`` (seeded) and go through the public pipeline,
``reelgraph.pipeline.ingest(articles, store, extractor)``; by default the extractor is the
generator's ``GoldExtractor`` (the facts are known), so the figures are resolve + store.
Prints articles/s (and the share spent in ``Resolver``), database size per article, entity
counts, and p50/p95 latency of the query commands' calls: film/person/company lookups by name
(``find`` + the record), full-text ``search``, ``deals`` of a company, and ``find`` of a
misspelt name.  Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reelgraph.model import Article  # noqa: E402
from synthetic import Generator, GoldExtractor  # noqa: E402


class _Timer:
    """Wraps ``Resolver.resolve`` and ``Resolver.register`` to add up their time."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def install(self) -> None:
        from reelgraph.resolve import Resolver

        for name in ("resolve", "register", "__init__"):
            original = getattr(Resolver, name)

            def timed(*args: Any, _original: Callable[..., Any] = original, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    self.seconds += time.perf_counter() - start

            setattr(Resolver, name, timed)


def _articles(generator: Generator, count: int, gold: GoldExtractor | None) -> Iterator[Article]:
    for item in generator.articles(count):
        if gold is not None:
            gold.add([item])
        yield item.article


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return p50 * 1000, p95 * 1000


def _time_queries(store: Any, generator: Generator, n: int, seed: int) -> dict[str, tuple[float, float, int]]:
    rng = random.Random(seed)
    pools = generator.pools

    def by_name(kind: str, name: str, record: Callable[[int], Any]) -> Any:
        hits = [h for h in store.find(kind, name) if h["match"] in ("exact", "alias")]
        return record(hits[0]["id"]) if hits else None

    def film() -> Any:
        return by_name("film", pools.film(rng).title, store.film)

    def person() -> Any:
        f = pools.film(rng)
        return by_name("person", pools.people[f.director].name, store.person)

    def company() -> Any:
        return by_name("company", pools.company(rng).name, store.company)

    def search() -> Any:
        f = pools.film(rng)
        words = f.title.split()
        return store.search(rng.choice([w for w in words if len(w) > 3] or words))

    def deals() -> Any:
        return store.deals(company=pools.company(rng).name, limit=50)

    def find_typo() -> Any:
        title = pools.film(rng).title
        return store.find("film", title[:-1] + "x")

    results: dict[str, tuple[float, float, int]] = {}
    for label, query in [
        ("film", film),
        ("person", person),
        ("company", company),
        ("search", search),
        ("deals", deals),
        ("find (typo)", find_typo),
    ]:
        samples, found = [], 0
        for _ in range(n):
            start = time.perf_counter()
            result = query()
            samples.append(time.perf_counter() - start)
            found += bool(result)
        p50, p95 = _percentiles(samples)
        results[label] = (p50, p95, found)
    return results


def _db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000, help="articles to ingest (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="SQLite file to create (default: a temporary one)")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind (default 200)")
    parser.add_argument(
        "--extractor",
        choices=["gold", "rules", "default"],
        default="gold",
        help="gold: the generator's facts (default); rules/default: reelgraph.extract",
    )
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--films", type=int, default=3000)
    parser.add_argument("--companies", type=int, default=1200)
    args = parser.parse_args(argv)

    from reelgraph.pipeline import ingest
    from reelgraph.store import open_store

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="reelgraph-bench-")
        db_path = Path(tmp.name) / "bench.db"
    else:
        db_path = args.db
        for old in db_path.parent.glob(db_path.name + "*"):
            old.unlink()

    generator = Generator(args.seed, args.people, args.films, args.companies)
    gold = GoldExtractor() if args.extractor == "gold" else None
    if gold is not None:
        extractor: Any = gold
    else:
        from reelgraph.extract import Extractor

        extractor = Extractor(args.extractor)
    timer = _Timer()
    timer.install()

    store = open_store(db_path)
    last = [0.0]

    def progress(summary: Any) -> None:
        if summary.articles % 1000 == 0 and time.monotonic() - last[0] > 5:
            last[0] = time.monotonic()
            rate = summary.articles / max(summary.seconds, 1e-9)
            print(f"  {summary.articles:>7} articles  {rate:8.1f}/s", file=sys.stderr, flush=True)

    start = time.perf_counter()
    summary = ingest(_articles(generator, args.count, gold), store, extractor=extractor, progress=progress)
    seconds = time.perf_counter() - start
    store.close()
    size = _db_bytes(db_path)

    print(
        f"reelgraph ingest benchmark: {args.count} synthetic articles, seed {args.seed}, "
        f"extractor {args.extractor}, db {db_path}"
    )
    print(
        f"ingest      {seconds:8.1f} s   {args.count / seconds:8.1f} articles/s   "
        f"resolver {100 * timer.seconds / seconds:4.1f}% ({1000 * timer.seconds / max(args.count, 1):.2f} ms/article)"
    )
    print(
        f"summary     new {summary.new}, unchanged {summary.unchanged}, failed {summary.failed}, "
        f"facts {summary.facts_added}, entities {summary.entities_created}, merged {summary.entities_merged}"
    )
    for error in summary.errors[:5]:
        print(f"  error: {error}")
    print(f"database    {size / 1e6:8.1f} MB     {size / max(args.count, 1) / 1024:8.2f} KiB/article")

    store = open_store(db_path)
    try:
        counts = store.counts()
        print(f"counts      {counts}")
        print(f"queries     {args.queries} each (ms)      p50      p95   found")
        for label, (p50, p95, found) in _time_queries(store, generator, args.queries, args.seed + 1).items():
            print(f"  {label:<14}             {p50:8.2f} {p95:8.2f}   {found:>5}")
    finally:
        store.close()
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
