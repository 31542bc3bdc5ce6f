"""The sources stage: files, pages, feeds and corpora in, ``Article``s out.

``iter_articles(paths)`` reads text files (.txt/.md), HTML pages (trafilatura), RSS/Atom
feeds (feedparser), JSONL corpora, folders of any of these and ``-`` for stdin, yielding
an ``Article`` per document and a ``SourceError`` (file, reason, and line for JSONL) for
each bad input, so a batch always goes on.  Modules: ``batch`` (dispatch, ids), ``detect``
(formats), ``folders`` (walking), ``files`` (bounded reads), ``decode`` (bytes to text),
``text``, ``html``, ``feeds``, ``jsonl`` (the readers, ``.json`` files too), ``dates``,
``lang`` (the English check, ``data/stopwords.json``), ``errors``.
"""

from __future__ import annotations

from .batch import DEFAULT_MAX_BYTES, iter_articles
from .detect import detect_format
from .errors import SourceError

__all__ = ["DEFAULT_MAX_BYTES", "SourceError", "detect_format", "iter_articles"]
