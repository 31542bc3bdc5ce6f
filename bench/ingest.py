"""Ingest benchmark: synthetic articles into a SQLite file, then time the query commands.

    .venv/bin/python bench/ingest.py                                  # 10,000 articles, temporary db
    .venv/bin/python bench/ingest.py --counts 10000,100000 --db /tmp/rg.db   # grow one db, measure at each size
    .venv/bin/python bench/ingest.py --counts 100000 --db /tmp/rg.db         # re-measure, no re-ingest
    .venv/bin/python bench/ingest.py --extractor rules --count 500   # with the real extractor

Articles come from ``bench/synthetic.py`` (seeded) and go through the public pipeline,
``reelgraph.pipeline.ingest(articles, store, extractor)``; by default the extractor is the
generator's ``GoldExtractor`` (the facts are known), so the figures are resolve + store.

``--db PATH`` keeps the database: a later run with the same seed and pool sizes goes on from
the articles already generated into it (they are listed in ``PATH.bench.json``) and ingests
only what each size in ``--counts`` still needs, so the 100k database is built once and can be
measured again without re-ingesting.  ``--fresh`` deletes it first.

At each size it prints articles/s of that stretch (and the share spent in ``Resolver``),
database size per article, the time to open it (an older schema is upgraded on open), entity
counts, and p50/p95 latency of what the query commands call: ``film``/``person``/``company``/
``festival --year`` by name (``find`` + the record, as ``reelgraph film NAME`` does), full-text
``search``, ``deals --company`` (first page of 50), and ``find`` of a misspelt title.  Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import itertools
import json
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
from synthetic import FESTIVALS, Generator, GoldExtractor  # noqa: E402


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


def _articles(items: Iterator[Any], count: int, gold: GoldExtractor | None) -> Iterator[Article]:
    for item in itertools.islice(items, count):
        if gold is not None:
            gold.add([item])
        yield item.article


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``samples`` (seconds) in milliseconds."""
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return p50 * 1000, p95 * 1000


def query_kinds(store: Any, generator: Generator, seed: int) -> list[tuple[str, Callable[[], Any]]]:
    """The timed calls, one per query command (names drawn like the articles draw them:
    popular films and companies more often)."""
    rng = random.Random(seed)
    pools = generator.pools

    def by_name(kind: str, name: str, record: Callable[..., Any], **kwargs: Any) -> Any:
        hits = [h for h in store.find(kind, name) if h["match"] in ("exact", "alias")]
        return record(hits[0]["id"], **kwargs) if hits else None

    def film() -> Any:
        return by_name("film", pools.film(rng).title, store.film)

    def person() -> Any:
        f = pools.film(rng)
        return by_name("person", pools.people[f.director].name, store.person)

    def company() -> Any:
        return by_name("company", pools.company(rng).name, store.company)

    def festival() -> Any:
        name = rng.choice(FESTIVALS)[0]
        return by_name("festival", name, store.festival, year=rng.randint(2012, 2025))

    def search() -> Any:
        f = pools.film(rng)
        words = f.title.split()
        return store.search(rng.choice([w for w in words if len(w) > 3] or words))

    def deals() -> Any:
        return store.deals(company=pools.company(rng).name, limit=50)

    def find_typo() -> Any:
        title = pools.film(rng).title
        return store.find("film", title[:-1] + "x")

    return [("film", film), ("person", person), ("company", company), ("festival --year", festival),
            ("search", search), ("deals", deals), ("find (typo)", find_typo)]


def time_queries(store: Any, generator: Generator, n: int, seed: int) -> dict[str, tuple[float, float, int]]:
    results: dict[str, tuple[float, float, int]] = {}
    for label, query in query_kinds(store, generator, seed):
        samples, found = [], 0
        for _ in range(n):
            start = time.perf_counter()
            result = query()
            samples.append(time.perf_counter() - start)
            found += bool(result)
        p50, p95 = percentiles(samples)
        results[label] = (p50, p95, found)
    return results


def _db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")
               if p.is_file() and not p.name.endswith(".bench.json"))


def _state_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".bench.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=None, help="articles to ingest (default 10000)")
    parser.add_argument("--counts", default=None,
                        help="comma-separated sizes: grow one database and measure at each, e.g. 10000,100000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="SQLite file to build or grow (default: a temporary one)")
    parser.add_argument("--fresh", action="store_true", help="delete --db first")
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
    if args.counts:
        counts = sorted({int(c.replace("_", "")) for c in args.counts.split(",") if c.strip()})
    else:
        counts = [args.count or 10_000]

    from reelgraph.pipeline import ingest
    from reelgraph.store import open_store

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="reelgraph-bench-")
        db_path = Path(tmp.name) / "bench.db"
    else:
        db_path = args.db
        if args.fresh:
            for old in db_path.parent.glob(db_path.name + "*"):
                old.unlink()

    setup = {"seed": args.seed, "people": args.people, "films": args.films, "companies": args.companies,
             "extractor": args.extractor}
    state = {"generated": 0, **setup}
    if _state_path(db_path).exists():
        state = json.loads(_state_path(db_path).read_text())
        if {k: state.get(k) for k in setup} != setup:
            print(f"{db_path} was built with {state}; use the same options or --fresh", file=sys.stderr)
            return 2
    elif db_path.exists():
        print(f"{db_path} exists but has no {_state_path(db_path).name}; use --fresh", file=sys.stderr)
        return 2

    generator = Generator(args.seed, args.people, args.films, args.companies)
    items = generator.articles(max(counts[-1], state["generated"]))
    done = state["generated"]
    for _ in itertools.islice(items, done):  # the articles already in the database
        pass
    gold = GoldExtractor() if args.extractor == "gold" else None
    if gold is not None:
        extractor: Any = gold
    else:
        from reelgraph.extract import Extractor

        extractor = Extractor(args.extractor)
    timer = _Timer()
    timer.install()

    print(f"reelgraph ingest benchmark: seed {args.seed}, extractor {args.extractor}, pools "
          f"{args.people} people / {args.films} films / {args.companies} companies, db {db_path}")
    for count in counts:
        todo = count - done
        if todo > 0:
            store = open_store(db_path)
            last = [time.monotonic()]

            def progress(summary: Any, _done: int = done, _last: list[float] = last) -> None:
                if time.monotonic() - _last[0] > 10:
                    _last[0] = time.monotonic()
                    rate = summary.articles / max(summary.seconds, 1e-9)
                    print(f"  {_done + summary.articles:>7} articles  {rate:8.1f}/s", file=sys.stderr, flush=True)

            timer.seconds = 0.0
            start = time.perf_counter()
            summary = ingest(_articles(items, todo, gold), store, extractor=extractor, progress=progress)
            seconds = time.perf_counter() - start
            store.close()
            done = count
            _state_path(db_path).write_text(json.dumps({**state, "generated": done}))
            print(f"\n== {count} articles: ingested {todo} more")
            print(f"ingest      {seconds:8.1f} s   {todo / seconds:8.1f} articles/s   "
                  f"resolver {100 * timer.seconds / seconds:4.1f}% ({1000 * timer.seconds / max(todo, 1):.2f} ms/article)")
            print(f"summary     new {summary.new}, unchanged {summary.unchanged}, failed {summary.failed}, "
                  f"facts {summary.facts_added}, entities {summary.entities_created}, merged {summary.entities_merged}")
            for error in summary.errors[:5]:
                print(f"  error: {error}")
        else:
            print(f"\n== {count} articles: measuring the stored database ({done} generated)")
            if done > count:
                print(f"  (the database holds {done} generated articles, more than {count})")
        start = time.perf_counter()
        store = open_store(db_path)  # an older schema is upgraded here (docs/store.md)
        opened = time.perf_counter() - start
        size = _db_bytes(db_path)
        print(f"database    {size / 1e6:8.1f} MB     {size / max(done, 1) / 1024:8.2f} KiB/article")
        print(f"open        {opened:8.2f} s      (with the schema upgrade when the file was older)")
        try:
            counts_now = store.counts()
            print(f"counts      articles {counts_now['articles']}, entities {counts_now['entities']}, "
                  f"facts {sum(counts_now['facts'].values())}, aliases {counts_now['aliases']}")
            print(f"queries     {args.queries} each (ms)      p50      p95   found")
            for label, (p50, p95, found) in time_queries(store, generator, args.queries, args.seed + 1).items():
                print(f"  {label:<16}           {p50:8.2f} {p95:8.2f}   {found:>5}", flush=True)
        finally:
            store.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
