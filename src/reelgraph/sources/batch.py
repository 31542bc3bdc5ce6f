"""One run over many inputs: dispatch by format, stable unique ids, no file read twice.

``iter_articles`` (re-exported by the package) is the sources stage's whole public face.
Within one run a file is read once, even when it is named twice or is both in a folder
and linked from a feed there, and an id already given out gets a ``-2``, ``-3`` suffix
(same inputs, same order: same ids).  A reader that fails unexpectedly becomes a
``SourceError`` too, so a batch always goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .decode import looks_binary
from .detect import Format, detect_format, sniff
from .errors import SourceError
from .feeds import feed_from_bytes
from .files import read_bytes, read_head, read_stream
from .folders import walk_files
from .html import html_from_bytes, read_html
from .jsonl import iter_jsonl, json_from_bytes
from .text import read_text, text_from_bytes

DEFAULT_MAX_BYTES = 20_000_000
STDIN_ID = "stdin"


class _Run:
    """What one ``iter_articles`` call remembers: files read, ids given out."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.files: set[Path] = set()
        self.ids: set[str] = set()

    def claim_file(self, path: Path) -> bool:
        """True the first time a file is seen in this run."""
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        if key in self.files:
            return False
        self.files.add(key)
        return True

    def unique(self, item: Article | SourceError) -> Article | SourceError:
        if isinstance(item, Article):
            base, n = item.id, 1
            while item.id in self.ids:
                n += 1
                item.id = f"{base}-{n}"
            self.ids.add(item.id)
        return item


def _read_file(path: Path, source: str, fmt: Format, run: _Run) -> Iterator[Article | SourceError]:
    if fmt == "text":
        yield read_text(path, source, run.max_bytes)
    elif fmt == "html":
        yield read_html(path, source, run.max_bytes)
    elif fmt == "feed":
        data = read_bytes(path, source, run.max_bytes)
        if isinstance(data, SourceError):
            yield data
        elif looks_binary(data):
            yield SourceError(source, "binary file, not text")
        else:
            yield from feed_from_bytes(data, path.stem, source, run.max_bytes, path.parent, run.claim_file)
    elif fmt == "json":
        data = read_bytes(path, source, run.max_bytes)
        if isinstance(data, SourceError):
            yield data
        else:
            yield from json_from_bytes(data, path.stem, source)
    else:
        head = read_head(path, 8192)
        if looks_binary(head):
            yield SourceError(source, "binary file, not text")
            return
        try:
            with path.open("rb") as handle:
                yield from iter_jsonl(handle, path.stem, source, run.max_bytes)
        except OSError as exc:
            yield SourceError(source, f"cannot read: {exc.strerror or exc}")


def _read_path(path: Path, source: str, run: _Run) -> Iterator[Article | SourceError]:
    if not run.claim_file(path):
        return
    fmt = detect_format(path.name, read_head(path))
    try:
        for item in _read_file(path, source, fmt, run):
            yield run.unique(item)
    except Exception as exc:  # a reader bug must not stop the batch
        yield SourceError(source, f"unexpected error: {type(exc).__name__}: {exc}")


def _read_stdin(stream: BinaryIO, run: _Run) -> Iterator[Article | SourceError]:
    source = "-"
    data = read_stream(stream, source, run.max_bytes)
    if isinstance(data, SourceError):
        yield data
        return
    fmt = sniff(data[:4096])
    if fmt == "html":
        yield run.unique(html_from_bytes(data, STDIN_ID, source))
    elif fmt == "feed":
        for item in feed_from_bytes(data, STDIN_ID, source, run.max_bytes):
            yield run.unique(item)
    elif fmt == "jsonl":
        for item in iter_jsonl(io.BytesIO(data), STDIN_ID, source, run.max_bytes):
            yield run.unique(item)
    else:
        yield run.unique(text_from_bytes(data, STDIN_ID, source))


def iter_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | SourceError]:
    """Articles from text files, HTML pages, RSS/Atom feeds, JSONL corpora, folders of
    these, and ``-`` (standard input, or ``stdin`` when given).  Bad input yields a
    ``SourceError`` in place of an article and the iteration goes on."""
    run = _Run(max_bytes)
    for raw in paths:
        source = os.fspath(raw)
        if source == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, run)
            continue
        path = Path(source)
        if path.is_dir():
            for found in walk_files(path):
                if isinstance(found, SourceError):
                    yield found
                else:
                    yield from _read_path(found, os.fspath(found), run)
        elif path.exists():
            yield from _read_path(path, source, run)
        elif path.is_symlink():
            yield SourceError(source, "broken symbolic link")
        else:
            yield SourceError(source, "no such file or directory")

