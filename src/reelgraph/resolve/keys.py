"""Comparison keys for names, one scheme per entity kind.

Every name gets two keys:

* the **base key** (``base_key``): the model's ``name_key`` (accents stripped, case folded,
  punctuation dropped, "&" -> "and", leading "The" dropped) with apostrophes removed rather
  than turned into spaces ("Don’t" and "Dont" agree).  Two names with one base key are the
  same name; linking them needs no reason.
* the **kind key** (``kind_key``): the base key further folded by the rules of the kind:
  film: a trailing "(1985)" is dropped; person: transliteration rules, generational suffixes
  dropped; company: abbreviations expanded and legal suffixes dropped; festival: edition
  numbers and filler words dropped, synonyms mapped to the canonical festival; place:
  synonyms mapped ("U.S." -> United States).  Two names with one kind key but different base
  keys are linked with an (unflagged) reason.

The rules live in ``data/*.json``; this module only applies them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from reelgraph.model import name_key

_APOSTROPHES = re.compile(r"['’‘`ʼ´]")
_TITLE_YEAR = re.compile(r"\s*[\(\[]((?:18|19|20)\d\d)[\)\]]\s*$")
_QUOTES = "\"'“”‘’«»„‚` "


@cache
def load_data(name: str) -> dict[str, Any]:
    """One of the rule files in ``reelgraph/resolve/data`` (parsed once)."""
    text = resources.files("reelgraph.resolve").joinpath("data", f"{name}.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=200_000)
def base_key(name: str) -> str:
    """Case, accents, quotes, punctuation, "&"/"and" and a leading "The" folded away."""
    return name_key(_APOSTROPHES.sub("", name))


def clean_name(name: str) -> str:
    """A name as it should be stored: outer white space and quote marks trimmed."""
    return name.strip().strip(_QUOTES).strip()


# --- films -----------------------------------------------------------------------------------


def split_title_year(title: str) -> tuple[str, int | None]:
    """``"Suspiria (1977)"`` -> ``("Suspiria", 1977)``; titles without a year pass through."""
    match = _TITLE_YEAR.search(title)
    if match:
        return title[: match.start()], int(match.group(1))
    return title, None


def film_key(title: str) -> str:
    key = base_key(split_title_year(title)[0])
    for article in load_data("films")["leading_articles"]:
        if key.startswith(article + " "):
            key = key[len(article) + 1 :]
    return key


def number_tokens(key: str) -> frozenset[str]:
    """Digits, roman numerals and number words of a film key (normalised to digits where
    known): two titles whose numbers differ are never fuzzily linked."""
    data = load_data("films")
    romans = set(data["roman_numerals"])
    words = data["number_words"]
    found = set()
    for token in key.split():
        if token.isdigit() or token in romans:
            found.add(token)
        elif token in words:
            found.add(words[token])
    return frozenset(found)


# --- persons ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonName:
    """A person name split for matching.  ``given`` and ``surname`` hold transliteration-folded
    tokens; ``initials`` is set when every given token was an initial ("J. Smith",
    "J.J. Abrams"), and then ``given`` holds those initials."""

    given: tuple[str, ...]
    surname: tuple[str, ...]
    initials: bool
    first_initial: str = ""  # first letter of the first given name as written (not folded)

    @property
    def key(self) -> str:
        return " ".join(self.given + self.surname)

    @property
    def surname_key(self) -> str:
        return " ".join(self.surname)


def _is_initials(token: str) -> bool:
    letters = token.replace(".", "").replace("-", "")
    if not letters.isalpha() or len(letters) > 3:
        return False
    return len(letters) == 1 or "." in token or (letters.isupper() and len(letters) <= 2)


@lru_cache(maxsize=1)
def _translit_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in load_data("persons")["transliteration"])


@lru_cache(maxsize=1)
def _person_word_sets() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("persons")
    return frozenset(data["particles"]), frozenset(data["generational_suffixes"])


@lru_cache(maxsize=1)
def _person_char_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for char, repl in load_data("persons")["char_map"].items():
        table[char] = repl
        table[char.upper()] = repl.capitalize()
    return table


@lru_cache(maxsize=200_000)
def translit_token(token: str) -> str:
    """One lower-case token folded by the transliteration rules ("konchalovskiy" -> "konchalovsky")."""
    for pattern, repl in _translit_rules():
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def parse_person(name: str) -> PersonName:
    """Split a person name into given names and surname (with its particles)."""
    particles, suffixes = _person_word_sets()
    name = "".join(_person_char_map().get(c, c) for c in name)
    raw = [t for t in re.split(r"[\s,]+", name.strip()) if t]
    # Keep the raw tokens to see initials ("J." / "JJ"), then fold each one.
    # One group per written token: a hyphenated surname ("Krüger-Müller") stays one surname.
    groups: list[tuple[list[str], bool]] = []
    for token in raw:
        folded = base_key(token)
        initial = _is_initials(token) and folded not in suffixes
        if initial:  # "J.-P." -> "jp"
            folded = folded.replace(" ", "")
        if folded:
            groups.append((folded.split(), initial))
    while len(groups) > 1 and " ".join(groups[-1][0]) in suffixes and not groups[-1][1]:
        groups.pop()
    if not groups:
        return PersonName((), (), False)
    cut = len(groups) - 1
    while cut > 1 and " ".join(groups[cut - 1][0]) in particles:
        cut -= 1
    given_groups, surname_groups = groups[:cut], groups[cut:]
    initials = bool(given_groups) and all(flag for _, flag in given_groups)
    given_parts = [part for parts, _ in given_groups for part in parts]
    given = tuple(given_parts) if initials else tuple(translit_token(t) for t in given_parts)
    surname = tuple(translit_token(t) for parts, _ in surname_groups for t in parts)
    first_initial = given_parts[0][0] if given_parts else ""
    return PersonName(given, surname, initials, first_initial)


def person_key(name: str) -> str:
    return parse_person(name).key


# --- companies -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _company_rules() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = load_data("companies")
    return data["abbreviations"], frozenset(data["legal_suffixes"]), frozenset(data["suffix_connectors"])


@lru_cache(maxsize=200_000)
def company_key(name: str) -> str:
    """ "TF1 Intl." and "TF1 International S.A." -> "tf1 international"."""
    abbreviations, suffixes, connectors = _company_rules()
    # Expand abbreviations on the raw tokens too, so "Int'l" is seen before its apostrophe goes.
    raw = " ".join(abbreviations.get(t.casefold().rstrip("."), t) for t in name.split())
    tokens = base_key(raw).split()
    tokens = [abbreviations.get(t, t) for t in tokens]
    while len(tokens) > 1 and (tokens[-1] in suffixes or (tokens[-1] in connectors and len(tokens) > 2)):
        tokens.pop()
    # "GmbH & Co. KG" leaves a trailing "and": drop it with the suffixes it joined.
    while len(tokens) > 1 and tokens[-1] in connectors:
        tokens.pop()
    return " ".join(tokens)


# --- festivals -------------------------------------------------------------------------------


def _festival_fold(name: str) -> str:
    data = load_data("festivals")
    abbreviations = data["abbreviations"]
    drop = set(data["drop_words"])
    raw = " ".join(abbreviations.get(t.casefold().rstrip("."), t) for t in name.split())
    tokens = []
    for token in base_key(raw).split():
        token = abbreviations.get(token, token)
        for part in token.split():
            if part in drop or re.fullmatch(r"\d+(st|nd|rd|th)?", part):
                continue
            tokens.append(part)
    return " ".join(tokens)


@lru_cache(maxsize=1)
def festival_synonyms() -> dict[str, str]:
    """Folded festival name (canonical or synonym) -> canonical name."""
    table: dict[str, str] = {}
    for entry in load_data("festivals")["festivals"]:
        for variant in [entry["name"], *entry["synonyms"]]:
            table.setdefault(_festival_fold(variant), entry["name"])
    return table


@lru_cache(maxsize=50_000)
def festival_key(name: str) -> str:
    """ "Berlinale", "the 70th Berlin Intl. Film Festival" -> the key of Berlin International Film Festival."""
    folded = _festival_fold(name)
    canonical = festival_synonyms().get(folded)
    return _festival_fold(canonical) if canonical else folded


def festival_canonical(name: str) -> str | None:
    """The canonical full English name of a known festival, else None."""
    return festival_synonyms().get(_festival_fold(name))


# --- places ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def place_synonyms() -> dict[str, str]:
    """Base key of a place (canonical or synonym) -> canonical name."""
    table: dict[str, str] = {}
    for entry in load_data("places")["places"]:
        for variant in [entry["name"], *entry["synonyms"]]:
            table.setdefault(base_key(variant), entry["name"])
    return table


@lru_cache(maxsize=50_000)
def place_key(name: str) -> str:
    key = base_key(name)
    canonical = place_synonyms().get(key)
    return base_key(canonical) if canonical else key


def place_canonical(name: str) -> str | None:
    return place_synonyms().get(base_key(name))


# --- per kind --------------------------------------------------------------------------------

_KIND_KEYS = {
    "film": film_key,
    "person": person_key,
    "company": company_key,
    "festival": festival_key,
    "place": place_key,
}


def kind_key(kind: str, name: str) -> str:
    """The kind's folded key of a name (see the module docstring)."""
    return _KIND_KEYS[kind](name)


def canonical_name(kind: str, name: str) -> str:
    """The name a new entity should carry: the data file's canonical name for a known
    festival or place, else the name as written (trimmed, title year dropped)."""
    name = clean_name(name)
    if kind == "festival":
        return festival_canonical(name) or name
    if kind == "place":
        return place_canonical(name) or name
    if kind == "film":
        return clean_name(split_title_year(name)[0]) or name
    return name


KIND_KEY_REASONS = {
    "film": "title variant of {name}",
    "person": "transliteration variant of {name}",
    "company": "legal suffix or abbreviation variant of {name}",
    "festival": "festival synonym of {name}",
    "place": "place synonym of {name}",
}
