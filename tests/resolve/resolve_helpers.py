"""Helpers for the resolve tests: hand-built facts and a stand-in for the store's id assignment."""

from __future__ import annotations

from itertools import count

from reelgraph.model import Article, Entity, Evidence, Extraction, Fact, ResolvedArticle
from reelgraph.resolve import Resolver


def fact(ftype: str, **fields: object) -> Fact:
    return Fact(ftype, dict(fields), Evidence("", 0, 0))


def extraction(article_id: str, *facts: Fact) -> Extraction:
    return Extraction(Article(article_id, f"text of {article_id}"), list(facts))


class FakeStore:
    """Assigns real ids to new entities like the store does (from 1000 up) and registers them."""

    def __init__(self, resolver: Resolver, first_id: int = 1000) -> None:
        self.resolver = resolver
        self._ids = count(first_id)

    def ingest(self, ext: Extraction) -> tuple[ResolvedArticle, dict[int, int]]:
        resolved = self.resolver.resolve(ext)
        ids = {entity.id: next(self._ids) for entity in resolved.new_entities if entity.id is not None}
        self.resolver.register(resolved, ids)
        return resolved, ids


def ids_of(resolved: ResolvedArticle, field: str) -> list[int]:
    """The entity id of ``field`` in each fact that has it."""
    return [rf.entity_ids[field] for rf in resolved.facts if field in rf.entity_ids]


def links(resolved: ResolvedArticle) -> list[tuple[int, str, str, bool]]:
    return [(link.entity_id, link.name, link.reason, link.flagged) for link in resolved.links]


def ent(entity_id: int, kind: str, name: str, **kw: object) -> Entity:
    return Entity(entity_id, kind, name, **kw)  # type: ignore[arg-type]
