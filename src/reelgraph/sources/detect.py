"""Which reader a file needs: by extension first, then by sniffing its first bytes.

Formats: ``"text"`` (.txt, .md), ``"html"`` (.html, .htm), ``"feed"`` (.xml, .rss, .atom,
or content opening with ``<rss``/``<feed``, or ``<?xml`` followed by an RSS/Atom/RDF root),
``"jsonl"`` (.jsonl, .ndjson, or a first line that is a JSON object), ``"json"`` (.json:
one article object or a list of them).  Anything else that is not recognised is read as
text, where binary content is refused.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

Format = Literal["text", "html", "feed", "jsonl", "json"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)


def sniff(head: bytes) -> Format:
    """The format the first bytes of a document suggest."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    lower = start[:1024].lower()
    if lower.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if lower.startswith(b"<?xml"):
        if _FEED_ROOT.search(lower):
            return "feed"
        if _HTML_START.search(lower):
            return "html"
    if lower.startswith(b"<!--") and _FEED_ROOT.search(lower):
        return "feed"
    if _HTML_START.match(lower) or (lower.startswith(b"<!--") and _HTML_START.search(lower)):
        return "html"
    first_line = start.split(b"\n", 1)[0].strip()
    if first_line.startswith(b"{") and (first_line.endswith(b"}") or b"\n" not in start):
        return "jsonl"
    if start.startswith(b"{") or re.match(rb"\[\s*[{\]]", start):
        return "json"  # pretty-printed JSON: an object or a list of objects
    return "text"


def detect_format(name: str | None, head: bytes) -> Format:
    """The format of a file called ``name`` (None for stdin) whose content starts with ``head``."""
    if name:
        dot = name.rfind(".")
        if dot > 0:
            known = EXTENSIONS.get(name[dot:].lower())
            if known:
                return known
    return sniff(head)
