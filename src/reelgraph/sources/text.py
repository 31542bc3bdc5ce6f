"""Plain-text articles (.txt, .md, stdin): decoding, an optional metadata header, datelines.

A text may open with a header block of ``Title:``, ``Date:`` (or ``Published:``), ``URL:``
and ``Author:`` lines ending in a blank line; those fill the article's fields and are
stripped from its text.  Otherwise (or when the header has no date) a full date in a
dateline at the start ("VENICE, Sept. 3, 2020 —"), possibly after a short headline and a
"by Name" byline, becomes ``Article.date`` (and the byline ``Article.author``); the text
itself is left as written.
``finish_article`` is the last step every reader shares: the English check.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Article
from .dates import dateline_date, find_date, parse_date
from .decode import DecodeError, decode_text
from .errors import SourceError
from .files import read_bytes
from .lang import not_english_reason

_HEADER_LINE = re.compile(r"(title|date|published|url|author)[ \t]*:[ \t]*(.*?)\s*", re.I)
_HEADER_ALIASES = {"published": "date"}
_BYLINE = re.compile(r"(?i:by)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_LEAD_LINES = 3  # a title and a byline may come before the dateline
_LEAD_CHARS = 900  # headline, standfirst and byline fit in this
_SHORT_DATE_LINE = 60  # a line this short may be a date line of its own


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, rest of the text) when ``text`` opens with a header block, else ({}, text)."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            if not fields:
                return {}, text
            return fields, "\n".join(lines[index + 1 :])
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            return {}, text
        key = match.group(1).lower()
        fields[_HEADER_ALIASES.get(key, key)] = match.group(2)
    return {}, text  # header-looking lines with no blank line after: treat as text


def lead_metadata(text: str) -> tuple[str | None, str | None]:
    """(date, author) from the opening of a text: a dateline with a full date at the very
    start, or after a few lines such as a headline, a standfirst and a "by Name" byline; a
    byline or a line of its own may carry the date ("By Ines Okafor-Lind | 3 November 2023",
    "SEPTEMBER 11, 2023 10:30AM PT")."""
    lines = [line.strip() for line in text[:_LEAD_CHARS].split("\n") if line.strip()]
    date = author = None
    for line in lines[: _LEAD_LINES * 2 + 1]:
        date = dateline_date(line)
        byline = _BYLINE.match(line)
        if byline and author is None:
            author = byline.group(1)
        if not date and (byline or len(line) <= _SHORT_DATE_LINE):
            date = find_date(line)
        if date:
            break
    return date, author


def finish_article(article: Article, line: int | None = None) -> Article | SourceError:
    """Refuse an article whose text is not English; otherwise record its language."""
    reason, language = not_english_reason(article.text)
    if reason:
        source = article.source
        if line is not None and source.endswith(f":{line}"):
            source = source[: -len(f":{line}")]
        return SourceError(source, reason, line)
    article.language = language
    return article


def text_article(text: str, article_id: str, source: str) -> Article | SourceError:
    """An article from decoded text, honouring a header block and a dateline."""
    if not text.strip():
        return SourceError(source, "empty file")
    fields, body = split_header(text)
    body = body.strip()
    if not body:
        return SourceError(source, "no text after the header block")
    lead_date, byline = lead_metadata(body)
    article = Article(
        id=article_id,
        text=body,
        source=source,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        date=parse_date(fields.get("date")) or lead_date,
        author=fields.get("author") or byline,
    )
    return finish_article(article)


def text_from_bytes(data: bytes, article_id: str, source: str) -> Article | SourceError:
    """Decode and read a text document's bytes."""
    if not data.strip():
        return SourceError(source, "empty file")
    try:
        text = decode_text(data)
    except DecodeError as exc:
        return SourceError(source, str(exc))
    return text_article(text, article_id, source)


def read_text(path: Path, source: str, max_bytes: int) -> Article | SourceError:
    """A text file as an article whose id is the file name without its extension."""
    data = read_bytes(path, source, max_bytes)
    if isinstance(data, SourceError):
        return data
    return text_from_bytes(data, path.stem, source)
