"""HTML pages (trafilatura) and HTML fragments (feed entry content) to article text.

``read_html`` keeps a page's main text, with one blank line between paragraphs, and its
title, date, author and canonical URL; a leading heading that repeats the title is dropped
from the text.  ``fragment_to_text`` flattens a fragment of HTML to paragraphs the same way.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from ..model import Article, name_key
from .dates import parse_date
from .decode import DecodeError, decode_text, looks_binary
from .errors import SourceError
from .files import read_bytes
from .text import finish_article

_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
    "figure", "figcaption", "hr", "br", "address",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
_SPACE = re.compile(r"\s+")


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence the extraction libraries' log lines about pages they discard."""
    loggers = [logging.getLogger(name) for name in _QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _body_text(body: etree._Element | None, title: str | None) -> str:
    """Paragraphs of trafilatura's result tree, one blank line apart."""
    if body is None:
        return ""
    from trafilatura.xml import xmltotxt

    blocks: list[str] = []
    for child in body:
        text = xmltotxt(child, False).strip()
        if text:
            blocks.append(text)
    if blocks and title and len(body) and body[0].tag == "head" and name_key(blocks[0]) == name_key(title):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def html_from_bytes(data: bytes, article_id: str, source: str) -> Article | SourceError:
    """An article from an HTML page's bytes."""
    if not data.strip():
        return SourceError(source, "empty file")
    content: str | bytes
    try:
        content = decode_text(data)
    except DecodeError as exc:
        if looks_binary(data) or "binary" in str(exc):
            return SourceError(source, "binary file, not text")
        content = data  # let trafilatura honour the page's declared charset
    import trafilatura  # imported on first use: it takes a while to load

    try:
        with _quiet():
            doc = trafilatura.bare_extraction(
                content, with_metadata=True, include_comments=False, include_tables=True
            )
    except Exception as exc:  # trafilatura/lxml raise assorted errors on hostile input
        return SourceError(source, f"broken HTML: {type(exc).__name__}: {exc}")
    if doc is None or isinstance(doc, dict):
        return SourceError(source, "broken HTML: no main text found")
    text = _body_text(doc.body, doc.title)
    if not text.strip():
        return SourceError(source, "broken HTML: no main text found")
    article = Article(
        id=article_id,
        text=text,
        source=source,
        title=doc.title or None,
        url=doc.url or None,
        date=parse_date(doc.date),
        author=doc.author or None,
    )
    return finish_article(article)


def read_html(path: Path, source: str, max_bytes: int, article_id: str | None = None) -> Article | SourceError:
    """An HTML file as an article; its id is the file name without extension unless given."""
    data = read_bytes(path, source, max_bytes)
    if isinstance(data, SourceError):
        return data
    return html_from_bytes(data, article_id or path.stem, source)


def _walk(node: etree._Element, blocks: list[str], current: list[str]) -> None:
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    if tag in _SKIP_TAGS or not isinstance(node.tag, str):
        # comments and processing instructions: keep only their tail text
        if node.tail:
            current.append(node.tail)
        return
    is_block = tag in _BLOCK_TAGS
    if is_block:
        _flush(blocks, current)
    if node.text:
        current.append(node.text)
    for child in node:
        _walk(child, blocks, current)
    if is_block:
        _flush(blocks, current)
    if node.tail:
        current.append(node.tail)


def _flush(blocks: list[str], current: list[str]) -> None:
    text = _SPACE.sub(" ", "".join(current)).strip()
    if text:
        blocks.append(text)
    current.clear()


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements becoming paragraphs one blank line apart.
    Text without any markup keeps its own line breaks."""
    if "<" not in fragment and "&" not in fragment:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", fragment.strip()) if p.strip())
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _SPACE.sub(" ", re.sub(r"<[^>]+>", " ", fragment)).strip()
    blocks: list[str] = []
    current: list[str] = []
    _walk(root, blocks, current)
    _flush(blocks, current)
    return "\n\n".join(blocks)
