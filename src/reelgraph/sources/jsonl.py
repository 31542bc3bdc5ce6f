"""JSONL corpora: one ``{"id", "url", "title", "date", "text"}`` object per line.

The corpus is streamed line by line, so a corpus may be larger than ``max_bytes``; a
single line may not.  A bad line (not UTF-8, not JSON, not an object, no text) is one
``SourceError`` with its 1-based line number, and the lines after it go on.  A missing id
becomes ``<file stem>-<line>``; an article's ``source`` is ``<path>:<line>``.

A plain ``.json`` file holds one such object (its id defaulting to the file stem) or a
list of them (``<stem>-<n>``, errors naming the item); JSON without a ``"text"`` (other
tools' data) is one ``SourceError`` rather than an article of braces and quotes.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..model import Article
from .dates import parse_date
from .decode import DecodeError, decode_text
from .errors import SourceError, format_size
from .text import finish_article


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> None:
    while True:
        part = stream.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def record_article(record: Any, stem: str, source: str, number: int) -> Article | SourceError:
    """An article from one parsed JSONL record on line ``number``."""
    if not isinstance(record, dict):
        return SourceError(source, f"not a JSON object: {type(record).__name__}", number)
    text = record.get("text")
    if text is None:
        return SourceError(source, "missing text", number)
    if not isinstance(text, str):
        return SourceError(source, f"text is not a string: {type(text).__name__}", number)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return SourceError(source, "empty text", number)
    raw_id = record.get("id")
    article_id = _optional_str(raw_id) if isinstance(raw_id, str | int) else None
    article = Article(
        id=article_id or f"{stem}-{number}",
        text=text,
        source=f"{source}:{number}",
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        date=parse_date(_optional_str(record.get("date"))),
        author=_optional_str(record.get("author")),
    )
    return finish_article(article, number)


def iter_jsonl(stream: BinaryIO, stem: str, source: str, max_bytes: int) -> Iterator[Article | SourceError]:
    """Articles of a JSONL stream, one per non-blank line."""
    number = 0
    seen_content = False
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            break
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, 1 << 20)
            yield SourceError(source, f"line too large: over {format_size(max_bytes)}", number)
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        seen_content = True
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield SourceError(source, f"invalid UTF-8 at byte {exc.start} of the line", number)
            continue
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield SourceError(source, f"not JSON: {exc.msg}", number)
            continue
        yield record_article(record, stem, source, number)
    if not seen_content:
        yield SourceError(source, "empty file")


def json_from_bytes(data: bytes, stem: str, source: str) -> Iterator[Article | SourceError]:
    """Articles of a ``.json`` document: one object, or a list of objects."""
    if not data.strip():
        yield SourceError(source, "empty file")
        return
    try:
        document = json.loads(decode_text(data))
    except DecodeError as exc:
        yield SourceError(source, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield SourceError(source, f"not JSON: {exc.msg} (line {exc.lineno})")
        return
    if isinstance(document, dict):
        if "text" not in document:
            yield SourceError(source, 'JSON without article text (no "text" field)')
            return
        record = dict(document)
        record.setdefault("id", stem)
        result = record_article(record, stem, source, 1)
        if isinstance(result, Article):
            result.source = source
        else:
            result.line = None
        yield result
        return
    if not isinstance(document, list):
        yield SourceError(source, f"JSON without article text: a {type(document).__name__}")
        return
    if not document:
        yield SourceError(source, "empty JSON list")
        return
    for number, record in enumerate(document, start=1):
        result = record_article(record, stem, source, number)
        if isinstance(result, SourceError):
            result = SourceError(source, f"item {number}: {result.reason}")
        else:
            result.source = f"{source}#{number}"
        yield result
