"""Text geometry: sentence and line spans with character offsets, quote characters."""

from __future__ import annotations

import re

OPEN_QUOTES = "\"“”‘'«„"
CLOSE_QUOTES = "\"”“’'»"

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "intl", "int'l", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "co", "inc", "ltd", "corp", "bros",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vol",
    "dir", "prod", "approx", "etc", "mt", "ft", "pt", "fig", "u.s", "u.k", "e.g", "i.e", "d.c", "l.a",
}
# A company suffix can also close a sentence: "... Films Boutique Inc. The film stars ..."
_SUFFIXES_ENDING_SENTENCES = {"inc", "ltd", "corp", "co", "bros", "etc"}
_SENTENCE_OPENERS = {
    "The", "It", "Its", "He", "She", "They", "This", "That", "These", "His", "Her", "Their", "We", "I", "But", "A", "An",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-Z0-9À-Ý])")


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"([\w.'’]+)\.$", text)
    if not match:
        return False
    word = match.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J.", "U.S.") do not end sentences.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def _suffix_then_opener(body: str, boundary: re.Match[str]) -> bool:
    suffix = re.search(r"(\w+)\.$", body[:boundary.start() + 1])
    opener = re.match(r"[\"“‘'(\[]*(\w+)", body[boundary.end():])
    return bool(suffix and opener and suffix.group(1).lower() in _SUFFIXES_ENDING_SENTENCES
                and opener.group(1) in _SENTENCE_OPENERS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences: every non-empty line is split at sentence ends.
    Lines are boundaries of their own because trade lists (line-ups, winners) have no periods."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        body = line.group()
        cursor = 0
        for boundary in _BOUNDARY.finditer(body):
            end = boundary.start() + len(boundary.group().rstrip())
            if _ends_with_abbreviation(body[cursor:boundary.start() + 1]) and not _suffix_then_opener(body, boundary):
                continue
            _add_span(spans, text, start + cursor, start + end)
            cursor = boundary.end()
        _add_span(spans, text, start + cursor, line.end())
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def is_list_line(sentence: str) -> bool:
    """A line with no sentence-ending period: a heading or an entry of a trade list."""
    stripped = sentence.strip()
    # "(Ciaran Hollis, Ireland/U.K.)" ends on an abbreviation's period, not a sentence's
    return len(stripped) < 140 and not re.search(r"(?<!\b[A-Z]\.[A-Z])[.!?][\"”’)]?$", stripped)
