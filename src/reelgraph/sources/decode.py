"""Bytes to text: BOMs, UTF-8/UTF-16, and telling text from binary.

Rules: a UTF-8 BOM is stripped; a UTF-16 BOM (or the tell-tale every-other-byte-NUL
pattern of BOM-less UTF-16) decodes as UTF-16; NUL bytes, known binary signatures or a
high share of control bytes mean "binary file, not text"; anything else must be valid
UTF-8, or the error names the first bad byte.  Line ends come out as ``\\n``.
"""

from __future__ import annotations

import codecs
import unicodedata

# Signatures of common binary formats a folder of articles tends to contain.
_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"SQLite format 3",
)
_SNIFF = 8192
_TEXT_CONTROLS = {9, 10, 12, 13, 27}  # tab, newline, form feed, carriage return, escape


class DecodeError(Exception):
    """Why bytes are not usable text; ``str(exc)`` is the reason for a ``SourceError``."""


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the sample looks like BOM-less UTF-16 text."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not a text document."""
    if data.startswith(_MAGIC):
        return True
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS) + sample.count(0x7F)
    return controls > 0.05 * len(sample)


def _mostly_control_text(text: str) -> bool:
    sample = text[:_SNIFF]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\x1b")
    )
    return bad > 0.05 * len(sample)


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes, or raise ``DecodeError`` with the reason."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start + 2}") from None
    elif (utf16 := _utf16_without_bom(data[:_SNIFF])) is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    else:
        if looks_binary(data):
            raise DecodeError("binary file, not text")
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[bom:].decode("utf-8")
        except UnicodeDecodeError as exc:
            # Random bytes fail UTF-8 early too: call them binary when most bytes are not ASCII text.
            sample = data[:_SNIFF]
            high = sum(1 for b in sample if b >= 0x80)
            if high > 0.3 * len(sample):
                raise DecodeError("binary file, not text") from None
            raise DecodeError(f"invalid UTF-8 at byte {exc.start + bom}") from None
    if _mostly_control_text(text):
        raise DecodeError("binary file, not text")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
