"""A cheap "is this English?" check: function-word ratios and writing systems.

Among the first ~300 words, the share that are common English function words is compared
with the shares for a few other languages (``data/stopwords.json``).  Texts written mostly
in a non-Latin script are named by script.  Short texts (under ``MIN_WORDS`` words) are
not judged: a headline or a list of credits says too little.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

MIN_WORDS = 25
SAMPLE_WORDS = 300
EN_ACCEPT = 0.20  # at least this share of English function words: English, whatever else
OTHER_MIN = 0.10  # a rival language needs at least this share to be named
EN_FLOOR = 0.06  # below this, not English even when no rival language is recognised

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPTS = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "CJK": "zh",
    "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "DEVANAGARI": "hi", "THAI": "th",
}


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its function words, from the bundled data file."""
    raw = json.loads(resources.files(__package__).joinpath("data/stopwords.json").read_text("utf-8"))
    return {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}


def _dominant_script(text: str) -> str | None:
    """The language a mostly non-Latin text's script suggests, or None for Latin text."""
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    latin = 0
    for ch in letters:
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            latin += 1
            continue
        for script, lang in _SCRIPTS.items():
            if name.startswith(script):
                counts[lang] = counts.get(lang, 0) + 1
                break
        else:
            counts["unknown"] = counts.get("unknown", 0) + 1
    if latin >= 0.5 * len(letters):
        return None
    # Japanese mixes kana with CJK ideographs; any kana at all means Japanese.
    if counts.get("ja") and counts.get("zh"):
        return "ja"
    return max(counts, key=lambda lang: counts[lang])


def guess_language(text: str) -> str | None:
    """"en", another ISO 639-1 code, "unknown", or None when the text is too short to judge."""
    script = _dominant_script(text)
    if script is not None:
        return script
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:20000])[:SAMPLE_WORDS]]
    if len(words) < MIN_WORDS:
        return None
    ratios = {lang: sum(w in table for w in words) / len(words) for lang, table in stopwords().items()}
    english = ratios.pop("en", 0.0)
    if english >= EN_ACCEPT:
        return "en"
    rival = max(ratios, key=lambda lang: ratios[lang], default=None)
    if rival is not None and ratios[rival] >= OTHER_MIN and ratios[rival] > english:
        return rival
    if english < EN_FLOOR:
        return "unknown"
    return "en"


def not_english_reason(text: str) -> tuple[str | None, str | None]:
    """(reason, language): a reason when the text is judged not English, and the language
    to record on the article ("en", or None when too short to say)."""
    lang = guess_language(text)
    if lang is None or lang == "en":
        return None, lang
    return f"not English (looks like: {lang})", lang
