"""Extraction: ``Article`` in, ``Extraction`` (source-linked ``Fact``s) out.

The only package that knows spaCy.  Use one ``Extractor`` for a whole batch: it loads the
pipeline once and streams articles through ``nlp.pipe``.
"""

from reelgraph.extract.engine import Extractor, extract_articles

__all__ = ["Extractor", "extract_articles"]
