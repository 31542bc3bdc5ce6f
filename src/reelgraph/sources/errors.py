"""What a bad input becomes: ``SourceError``, yielded in place of an ``Article`` so a batch goes on.

Readers never raise for bad input; they yield one of these naming the file (and the line,
for JSONL corpora) and a short, human-readable reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SourceError:
    """One input that could not become an article: where, why, and for line-based
    sources the 1-based line number."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


def format_size(n_bytes: int) -> str:
    """Decimal megabytes, one decimal place: ``52428800`` -> ``"52.4 MB"``."""
    return f"{n_bytes / 1_000_000:.1f} MB"


def too_large(source: str, size: int | None, max_bytes: int) -> SourceError:
    """The error for an input over the byte limit (``size`` None when only a lower bound is known)."""
    limit = f"{max_bytes / 1_000_000:g} MB"
    if size is None:
        return SourceError(source, f"too large: more than {limit} limit")
    return SourceError(source, f"too large: {format_size(size)} > {limit} limit")
