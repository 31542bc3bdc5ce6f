"""Batch driver: loads the pipeline once and turns articles into facts (placeholder)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reelgraph.model import Article, Extraction


class Extractor:
    """Holds the loaded pipeline; ``extract_many`` streams articles through it."""

    def __init__(self, pipeline: str = "default") -> None:
        self.pipeline = pipeline

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        for article in articles:
            yield Extraction(article, [])


def extract_articles(articles: Iterable[Article], pipeline: str = "default") -> Iterator[Extraction]:
    return Extractor(pipeline).extract_many(articles)
