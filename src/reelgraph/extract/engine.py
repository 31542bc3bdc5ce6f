"""Batch driver: loads a pipeline once and streams articles through ``nlp.pipe``,
turning each article's drafts into deduplicated, source-linked ``Fact``s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from reelgraph.extract.components import build_pipeline
from reelgraph.extract.postprocess import finalize
from reelgraph.model import Article, Extraction

DEFAULT_PIPELINE = "rules"


class Extractor:
    """Holds the loaded pipeline; ``extract_many`` streams articles through it."""

    def __init__(self, pipeline: str = "default") -> None:
        self.pipeline = DEFAULT_PIPELINE if pipeline == "default" else pipeline
        self.nlp = build_pipeline(self.pipeline)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[Extraction]:
        pending: list[Article] = []

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                doc = self.nlp.make_doc(article.text)
                doc.user_data["year"] = article.year
                if article.date and len(article.date) >= 7 and article.date[5:7].isdigit():
                    doc.user_data["month"] = int(article.date[5:7])
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            article = pending.pop(0)
            yield Extraction(article, finalize(doc._.reelgraph_document, doc._.reelgraph_drafts))


def extract_articles(articles: Iterable[Article], pipeline: str = "default") -> Iterator[Extraction]:
    return Extractor(pipeline).extract_many(articles)
