"""Stable keys: fact identity across articles, and canonical territory names.

``name_grams(key)`` gives the fuzzy-lookup buckets of a name key (see its docstring).

A fact's key is ``type|field=value|...`` over the key fields of its type (``model.KEY_FIELDS``).
A field that names an entity contributes ``#<entity id>``; any other value its
``model.name_key`` (territories first go through ``canonical_territory``); an unstated
value (``None``, ``""``, ``"unspecified"``) contributes nothing after the ``=``.  Two facts
with the same key are one fact, whatever article states them.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from reelgraph.model import KEY_FIELDS, name_key

WORLDWIDE = "worldwide"


@cache
def territory_data() -> dict[str, Any]:
    """The territory vocabulary (``data/territories.json``)."""
    text = resources.files("reelgraph.store").joinpath("data/territories.json").read_text("utf-8")
    return json.loads(text)


@cache
def _canonical_names() -> dict[str, str]:
    data = territory_data()
    names = {name_key(n): n for n in data["common"]}
    for region, members in data["regions"].items():
        names[name_key(region)] = region
        names.update({name_key(m): m for m in members})
    names.update({name_key(k): v for k, v in data["synonyms"].items()})
    names.update({name_key(w): WORLDWIDE for w in data["worldwide"]})
    return names


def canonical_territory(value: str | None) -> str | None:
    """"U.S." -> "United States", "world" -> "worldwide"; unknown names are kept as written."""
    if value is None:
        return None
    return _canonical_territory(str(value))


@lru_cache(maxsize=4096)
def _canonical_territory(value: str) -> str | None:
    key = name_key(value)
    if not value.strip() or key == "unspecified":
        return None
    return _canonical_names().get(key, value.strip())


def territory_key(value: str | None) -> str | None:
    canonical = canonical_territory(value)
    return name_key(canonical) if canonical else None


def covered_territories(territory: str) -> set[str]:
    """The canonical names a sold territory covers: itself plus a region's members."""
    regions = territory_data()["regions"]
    return {territory, *regions.get(territory, [])}


def _value_key(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "territory":
        return territory_key(str(value)) or ""
    if isinstance(value, str):
        key = name_key(value)
        return "" if key == "unspecified" else key
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def fact_key(ftype: str, fields: dict[str, Any], entity_ids: dict[str, int]) -> str:
    """The stable identity of a fact (see the module docstring)."""
    parts = [ftype]
    for field in KEY_FIELDS.get(ftype, tuple(sorted(fields))):
        if entity_ids.get(field):
            parts.append(f"{field}=#{entity_ids[field]}")
        else:
            parts.append(f"{field}={_value_key(field, fields.get(field))}")
    return "|".join(parts)


def name_grams(key: str) -> set[str]:
    """The buckets a name key is filed under for fuzzy lookup (table ``name_grams``): for
    every word of three letters or more, its first three letters (``<com``) and its last
    three (``>des``); a key made only of short words is filed under its first three
    characters (``=ab``).  A misspelt name shares a bucket with the right one unless every
    word is wrong at both ends, so fuzzy matching scores only the names of a few buckets."""
    grams = set()
    for word in key.split():
        if len(word) >= 3:
            grams.add("<" + word[:3])
            grams.add(">" + word[-3:])
    if not grams and key.strip():
        grams.add("=" + key.strip()[:3])
    return grams
