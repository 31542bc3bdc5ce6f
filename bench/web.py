"""Web page latency: the real app on loopback, real HTTP, against a bench database.

    .venv/bin/python bench/ingest.py --counts 10000 --db /tmp/rg10k.db   # build the 10k database once
    .venv/bin/python bench/web.py --db /tmp/rg10k.db                     # then measure the pages

Starts ``reelgraph.web.create_app(db)`` under uvicorn in a thread on 127.0.0.1 (a free port)
and times ``GET`` with one ``httpx.Client`` (keep-alive) for: ``/films/{id}``,
``/people/{id}``, ``/companies/{id}``, ``/search?q=`` and, in the same process, a trivial
baseline route added by this script (``/_bench/ping``, plain text) that shows what uvicorn +
FastAPI + httpx cost on their own.  Ids and words are drawn the way ``bench/ingest.py`` draws
them (popular films and companies more often), from the database's generator setup
(``DB.bench.json``).  Prints p50/p95 in ms and the ratio to the baseline; figures only,
nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import percentiles  # noqa: E402
from synthetic import Generator  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn serving ``app`` in a daemon thread on 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="critical", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _ids(store: Any, generator: Generator, seed: int, n: int) -> dict[str, list[Any]]:
    """Film, person and company ids and search words, drawn like bench/ingest.py draws names."""
    rng = random.Random(seed)
    pools = generator.pools

    def first(kind: str, name: str) -> int | None:
        hits = [h for h in store.find(kind, name) if h["match"] in ("exact", "alias")]
        return hits[0]["id"] if hits else None

    def draw(make: Callable[[], int | None]) -> list[Any]:
        found: list[Any] = []
        for _ in range(n * 3):
            value = make()
            if value is not None:
                found.append(value)
            if len(found) == n:
                break
        return found

    def word() -> str:
        words = pools.film(rng).title.split()
        return rng.choice([w for w in words if len(w) > 3] or words)

    return {
        "film": draw(lambda: first("film", pools.film(rng).title)),
        "person": draw(lambda: first("person", pools.people[pools.film(rng).director].name)),
        "company": draw(lambda: first("company", pools.company(rng).name)),
        "search": draw(word),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="a database built by bench/ingest.py --db")
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the drawn names (default 1)")
    args = parser.parse_args(argv)

    import httpx
    from fastapi.responses import PlainTextResponse

    from reelgraph.store import open_store
    from reelgraph.web import app as web_app

    state_path = args.db.with_name(args.db.name + ".bench.json")
    if not state_path.exists():
        print(f"{args.db} has no {state_path.name}: build it with bench/ingest.py --db", file=sys.stderr)
        return 2
    setup = json.loads(state_path.read_text())
    generator = Generator(setup["seed"], setup["people"], setup["films"], setup["companies"])
    with open_store(args.db) as store:
        draws = _ids(store, generator, args.seed, args.requests)
        articles = store.counts()["articles"]

    logging.getLogger("reelgraph.web").setLevel(logging.CRITICAL)  # failures are counted below
    app = web_app.create_app(str(args.db))

    @app.get("/_bench/ping", include_in_schema=False)
    def ping() -> PlainTextResponse:
        return PlainTextResponse("ok")

    paths: list[tuple[str, Callable[[Any], str]]] = [
        ("baseline /_bench/ping", lambda _: "/_bench/ping"),
        ("/films/{id}", lambda i: f"/films/{i}"),
        ("/people/{id}", lambda i: f"/people/{i}"),
        ("/companies/{id}", lambda i: f"/companies/{i}"),
        ("/search?q=", lambda w: f"/search?q={w}"),
    ]
    kinds = {"baseline /_bench/ping": "film", "/films/{id}": "film", "/people/{id}": "person",
             "/companies/{id}": "company", "/search?q=": "search"}
    print(f"reelgraph web benchmark: {args.db} ({articles} articles), uvicorn on loopback, "
          f"{args.requests} requests per page, one keep-alive httpx client")
    with Server(app) as server:
        client = [httpx.Client(base_url=server.url, timeout=30)]

        def get(path: str) -> tuple[str, int]:
            """(status, bytes); a dropped connection gives the error's name and a new client,
            so the next request does not pay for it."""
            try:
                response = client[0].get(path)
                return str(response.status_code), len(response.content)
            except httpx.HTTPError as exc:
                client[0].close()
                client[0] = httpx.Client(base_url=server.url, timeout=30)
                return type(exc).__name__, 0

        for i in range(20):  # warm up: templates compiled, connection open
            get("/_bench/ping")
            get(f"/films/{draws['film'][i % len(draws['film'])]}")
        results: dict[str, tuple[float, float, float, float, list[str]]] = {}
        for label, make in paths:
            samples, ok_samples, sizes, bad = [], [], 0, []
            for value in draws[kinds[label]][: args.requests]:
                start = time.perf_counter()
                status, size = get(make(value))
                elapsed = time.perf_counter() - start
                samples.append(elapsed)
                sizes += size
                if status == "200":
                    ok_samples.append(elapsed)
                else:
                    bad.append(f"{make(value)} -> {status}")
            p50, p95 = percentiles(samples)
            ok95 = percentiles(ok_samples)[1] if ok_samples else float("nan")
            results[label] = (p50, p95, ok95, sizes / max(len(samples), 1) / 1024, bad)
        client[0].close()
        base50, base95 = results["baseline /_bench/ping"][:2]
        print(f"{'page':<24}{'p50 ms':>9}{'p95 ms':>9}{'x base p50':>12}{'x base p95':>12}"
              f"{'KiB':>8}{'failed':>8}{'p95 of 200s':>13}")
        for label, (p50, p95, ok95, kib, bad) in results.items():
            print(f"{label:<24}{p50:9.2f}{p95:9.2f}{p50 / base50:12.1f}{p95 / base95:12.1f}"
                  f"{kib:8.1f}{len(bad):8d}{ok95:13.2f}")
        for label, (*_, bad) in results.items():
            if bad:
                print(f"  {label}: {len(bad)} failed, e.g. {', '.join(sorted(set(bad))[:3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
