"""RSS and Atom feeds (feedparser): one article per entry.

An entry's id is a readable slug of its link's last path segment (or of its entry id),
else ``<feed file stem>-<entry number>``.  Its text is the entry content (HTML flattened
to paragraphs) or summary.  When the entry links to an HTML file beside the feed (a
relative path, a bare file name, or a URL whose last segment names such a file), that
page is read with the HTML reader instead, the entry filling in metadata the page lacks.
A feed that does not parse and has no entries (none with text or a link) is one
``SourceError``; a damaged feed that still gave entries yields them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..model import Article
from .dates import parse_date
from .errors import SourceError
from .html import fragment_to_text, read_html
from .text import finish_article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|xhtml|php|aspx?|jsp|cfm)$", re.I)

# Called with a local HTML file an entry points to; False if it was already read in this run.
ClaimFile = Callable[[Path], bool]


def slugify(value: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Cannes Line-Up!" -> "cannes-line-up")."""
    value = re.sub(r"[^a-z0-9]+", "-", value.lower())
    return value.strip("-")[:80].strip("-")


def _last_segment(value: str) -> str:
    path = urlparse(value).path if "://" in value else value
    segment = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    return _PAGE_SUFFIX.sub("", segment)


def entry_id(entry: Any, stem: str, number: int) -> str:
    """A stable, readable id for the ``number``-th (1-based) entry of the feed ``stem``."""
    for candidate in (entry.get("link"), entry.get("id")):
        if not candidate:
            continue
        segment = _last_segment(candidate)
        if candidate == entry.get("id"):
            segment = re.split(r"[:,=?#]", segment)[-1]  # "tag:site,2021:entry-42" -> "entry-42"
        slug = slugify(segment)
        if len(slug) >= 3 and re.search("[a-z]", slug):
            return slug
    return f"{stem}-{number}"


def entry_date(entry: Any) -> str | None:
    """The entry's published (else updated) date as written, not shifted to UTC."""
    for key in ("published", "updated", "created"):
        iso = parse_date(entry.get(key))
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def entry_text(entry: Any) -> str:
    """The entry's content, else its summary, as plain text with paragraph breaks."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    summary = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry.get("summary") or "", summary.get("type") or "text/html"))
    for value, mime in candidates:
        text = value.strip() if mime == "text/plain" else fragment_to_text(value)
        if text.strip():
            return text
    return ""


def local_page(link: str | None, feed_dir: Path) -> Path | None:
    """The HTML file beside the feed that ``link`` names, if there is one."""
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme in ("", "file"):
        candidate = feed_dir / unquote(parsed.path)
    elif parsed.scheme in ("http", "https"):
        candidate = feed_dir / unquote(parsed.path.rstrip("/").rsplit("/", 1)[-1])
    else:
        return None
    if candidate.suffix.lower() in HTML_SUFFIXES and candidate.is_file():
        return candidate
    return None


def _web_url(link: str | None) -> str | None:
    """The link when it is a web address (not a relative path or a ``urn:``)."""
    if link and urlparse(link).scheme in ("http", "https"):
        return link
    return None


def _error_message(exc: BaseException | None) -> str:
    if exc is None:
        return "no entries found"
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    return str(message) or type(exc).__name__


def _from_page(page: Path, entry: Any, fallback: Article, max_bytes: int) -> Article | SourceError:
    article = read_html(page, str(page), max_bytes)
    if isinstance(article, SourceError):
        return article
    article.title = article.title or fallback.title
    article.date = article.date or fallback.date
    article.author = article.author or fallback.author
    article.url = article.url or _web_url(entry.get("link"))
    return article


def feed_from_bytes(
    data: bytes,
    stem: str,
    source: str,
    max_bytes: int,
    feed_dir: Path | None = None,
    claim_file: ClaimFile | None = None,
) -> Iterator[Article | SourceError]:
    """Articles of a feed document's bytes (``feed_dir``: where to look for linked pages)."""
    if not data.strip():
        yield SourceError(source, "empty file")
        return
    import feedparser  # imported on first use

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not any(entry_text(e) or e.get("link") for e in entries):
        entries = []  # what a broken document's scraps parsed into is not an entry
    if not entries:
        if parsed.get("bozo"):
            yield SourceError(source, f"malformed feed: {_error_message(parsed.get('bozo_exception'))}")
        else:
            yield SourceError(source, "feed has no entries")
        return
    for number, entry in enumerate(entries, start=1):
        base = Article(
            id=entry_id(entry, stem, number),
            text=entry_text(entry),
            source=source,
            title=(entry.get("title") or "").strip() or None,
            url=_web_url(entry.get("link")),
            date=entry_date(entry),
            author=(entry.get("author") or "").strip() or None,
        )
        page = local_page(entry.get("link"), feed_dir) if feed_dir is not None else None
        result: Article | SourceError
        if page is not None:
            if claim_file is not None and not claim_file(page):
                continue  # that page was already read in this run
            result = _from_page(page, entry, base, max_bytes)
            if isinstance(result, SourceError) and base.text:
                result = finish_article(base)  # the page is broken; the entry's own text will do
        elif not base.text.strip():
            result = SourceError(source, f"entry {number} ({base.id}): no text")
        else:
            result = finish_article(base)
        if isinstance(result, SourceError) and result.source == source and not result.reason.startswith("entry "):
            result = SourceError(source, f"entry {number} ({base.id}): {result.reason}")
        yield result
