"""The ingest pipeline: sources -> extract -> resolve -> store, streaming.

``ingest(sources, store, extractor=None, progress=None) -> IngestSummary``

* ``sources``: paths (files, folders, feeds, JSONL corpora, ``-``), or ``Article`` /
  ``SourceError`` objects, in any mix; paths go through ``reelgraph.sources.iter_articles``.
* Articles whose content hash is already stored are counted "unchanged" and never reach the
  extractor (fast re-ingest).  The rest go in batches through ``Extractor.extract_many``,
  then ``Resolver.resolve``, then ``Store.write`` (one transaction per article) and
  ``Resolver.register``.
* A ``SourceError``, or an article whose extraction, resolution or write fails, is recorded
  (source, line, reason) and skipped; the batch goes on and what is stored stays stored.
* ``progress(summary)`` is called after every article or error.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelgraph.model import Article, Extraction
from reelgraph.sources.errors import SourceError

BATCH_SIZE = 32


@dataclass
class IngestSummary:
    """Counts of one ingest run."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    facts_added: int = 0
    entities_created: int = 0
    entities_merged: int = 0
    errors: list[SourceError] = field(default_factory=list)  # every skipped input: source, line, reason
    started: float = field(default_factory=time.monotonic)
    last: str = ""  # the article or source just handled

    @property
    def articles(self) -> int:
        """Articles handled so far, failed ones included."""
        return self.new + self.unchanged + self.updated + self.failed

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def to_json(self) -> dict[str, Any]:
        return {
            "new": self.new, "unchanged": self.unchanged, "updated": self.updated, "failed": self.failed,
            "facts_added": self.facts_added, "entities_created": self.entities_created,
            "entities_merged": self.entities_merged, "seconds": round(self.seconds, 2),
            "errors": [{"source": e.source, "line": e.line, "reason": e.reason} for e in self.errors],
        }


ProgressCallback = Callable[[IngestSummary], None]


def _items(sources: Iterable[Any]) -> Iterator[Any]:
    """Articles and source errors from a mix of paths and already-read items; consecutive
    paths are read in one ``iter_articles`` call (one run: ids unique across them)."""
    from reelgraph.sources import iter_articles

    paths: list[str | Path] = []
    for item in sources:
        if isinstance(item, str | Path):
            paths.append(item)
            continue
        if paths:
            yield from iter_articles(paths)
            paths = []
        yield item
    if paths:
        yield from iter_articles(paths)


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Run:
    """The state of one ingest: store, extractor, resolver, summary."""

    def __init__(self, store: Any, extractor: Any, progress: ProgressCallback | None) -> None:
        from reelgraph.resolve import Resolver

        self.store = store
        self.extractor = extractor
        self.progress = progress
        self.summary = IngestSummary()
        self.resolver = Resolver(store.entities(), store.film_directors())

    def report(self, last: str) -> None:
        self.summary.last = last
        if self.progress:
            self.progress(self.summary)

    def fail(self, source: str, reason: str, line: int | None = None) -> None:
        self.summary.failed += 1
        self.summary.errors.append(SourceError(source, reason, line))
        self.report(source)

    def batch(self, items: list[Any]) -> None:
        todo: list[Article] = []
        for item in items:
            if not isinstance(item, Article):
                self.fail(str(getattr(item, "source", item)), str(getattr(item, "reason", "unreadable")),
                          getattr(item, "line", None))
            elif self.store.has_article(item.content_hash):
                self.summary.unchanged += 1
                self.report(item.source or item.id)
            else:
                todo.append(item)
        if todo:
            for _article, extraction in self.extract(todo):
                if extraction is not None:
                    self.store_one(extraction)

    def extract(self, articles: list[Article]) -> Iterator[tuple[Article, Extraction | None]]:
        """Stream a batch through the extractor; if it fails midway, the rest go one by one
        (an article that fails alone is recorded and skipped)."""
        done = 0
        try:
            for extraction in self.extractor.extract_many(articles):
                yield articles[done], extraction
                done += 1
        except Exception:  # noqa: BLE001 - isolate the article that fails
            pass
        for article in articles[done:]:
            try:
                yield article, next(iter(self.extractor.extract_many([article])))
            except StopIteration:
                self.fail(article.source or article.id, "extraction failed: the extractor returned nothing")
                yield article, None
            except Exception as exc:  # noqa: BLE001
                self.fail(article.source or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
                yield article, None

    def store_one(self, extraction: Extraction) -> None:
        article = extraction.article
        try:
            resolved = self.resolver.resolve(extraction)
            result = self.store.write(resolved)
        except Exception as exc:  # noqa: BLE001 - report, skip, go on
            self.fail(article.source or article.id, f"{type(exc).__name__}: {exc}")
            self.resolver = _fresh_resolver(self.store)
            return
        if result.status != "unchanged":
            self.resolver.register(resolved, result.ids)
        summary = self.summary
        setattr(summary, result.status, getattr(summary, result.status) + 1)
        summary.facts_added += result.facts_added
        summary.entities_created += result.entities_created
        summary.entities_merged += result.entities_merged
        self.report(article.source or article.id)


def _fresh_resolver(store: Any) -> Any:
    """A resolver rebuilt from the store (after a failed write, whose ids never existed)."""
    from reelgraph.resolve import Resolver

    return Resolver(store.entities(), store.film_directors())


def ingest(sources: Iterable[Any], store: Any, extractor: Any = None, progress: ProgressCallback | None = None,
           batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Read, extract, resolve and store ``sources`` (see the module docstring)."""
    if extractor is None:
        from reelgraph.extract import Extractor

        extractor = Extractor()
    run = _Run(store, extractor, progress)
    for batch in _batches(_items(sources), batch_size):
        run.batch(batch)
    return run.summary
