"""resolve stage: names of extracted facts to entity ids, within and across articles.

``Resolver(known_entities).resolve(extraction) -> ResolvedArticle``; after the store has
written it, ``Resolver.register(resolved, ids)`` learns the new entities and links.
Rules and thresholds: ``docs/resolve.md``; name keys: ``keys``; the index: ``index``.
"""

from reelgraph.resolve.index import FUZZY_POLICIES, FuzzyPolicy
from reelgraph.resolve.keys import base_key, canonical_name, kind_key, parse_person
from reelgraph.resolve.resolver import Resolver, looks_like_typo

__all__ = [
    "FUZZY_POLICIES",
    "FuzzyPolicy",
    "Resolver",
    "base_key",
    "canonical_name",
    "kind_key",
    "looks_like_typo",
    "parse_person",
]
