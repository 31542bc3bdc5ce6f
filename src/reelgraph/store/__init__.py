"""The store stage: the only package that speaks SQL.

``open_store(url)`` gives a ``Store`` over SQLite (a path, ``sqlite:///path``, default
``reelgraph.db``) or PostgreSQL (``postgresql://...``).  Writes: ``write(resolved)`` /
``write_article(resolved)``, one article per transaction.  Reads return JSON-ready dicts,
documented in ``queries.py``, ``records.py``, ``search.py``, ``watch.py`` and ``export.py``.
Corrections (``corrections.py``) are stored and survive re-ingestion.  See docs/store.md.
"""

from reelgraph.store.export import EXPORT_FORMATS
from reelgraph.store.store import DEFAULT_DB, Store, open_store
from reelgraph.store.write import WriteResult

__all__ = ["DEFAULT_DB", "EXPORT_FORMATS", "Store", "WriteResult", "open_store"]
