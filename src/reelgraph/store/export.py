"""Export of the whole store: ``export(format)`` yields text chunks (write them in order).

* ``csv``: one row per live fact: fact_id, type, the entity fields (names) and their ids,
  the other fields, confidence, sources, first_seen, last_seen, article_ids (";"-joined).
* ``jsonl``: one JSON object per line: ``{"record": "entity", ...entity}`` for every live
  entity, then ``{"record": "fact", ...fact record}`` for every live fact, then
  ``{"record": "article", "article_id", "title", "url", "date"}``.
* ``json-ld``: one schema.org document ``{"@context": "https://schema.org", "@graph": [...]}``
  with Movie / Person / Organization / Festival / Place nodes (credits as director, author,
  producer, actor, ...; deals as ``reelgraph:deals``) and a ``subjectOf`` list of the
  NewsArticle nodes that state facts about each; ids are ``reelgraph:entity/<id>`` and
  ``reelgraph:article/<id>``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from reelgraph.store.db import Database
from reelgraph.store.schema import FACT_ENTITY_COLUMNS

EXPORT_FORMATS = ("csv", "jsonl", "json-ld")
_OTHER_FIELDS = ("role", "character", "rights", "price", "year", "edition", "section", "premiere", "award",
                 "outcome", "title", "attribute", "value", "alias", "text")
_BATCH = 500
_SCHEMA_TYPES = {"film": "Movie", "person": "Person", "company": "Organization", "festival": "Festival",
                 "place": "Place"}
_ROLE_PROPERTIES = {"director": "director", "writer": "author", "producer": "producer", "cast": "actor",
                    "composer": "musicBy", "executive_producer": "producer",
                    "cinematographer": "contributor", "editor": "contributor"}


class ExportMixin:
    """``Store.export``."""

    db: Database

    def _all_facts(self) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self.db.all("SELECT * FROM facts WHERE retracted = 0 AND id > ? ORDER BY id LIMIT ?",
                               (last, _BATCH))
            if not rows:
                return
            yield from self._records(rows, None)  # exports carry every evidence row
            last = rows[-1]["id"]

    def export(self, fmt: str) -> Iterator[str]:
        """The whole store as ``csv``, ``jsonl`` or ``json-ld`` text (see the module docstring)."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(EXPORT_FORMATS)})")
        return {"csv": self._export_csv, "jsonl": self._export_jsonl, "json-ld": self._export_jsonld}[fmt]()

    def _export_csv(self) -> Iterator[str]:
        columns = ["fact_id", "type"]
        for field in FACT_ENTITY_COLUMNS:
            columns += [field, f"{field}_id"]
        columns += [*_OTHER_FIELDS, "confidence", "sources", "first_seen", "last_seen", "article_ids"]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, columns, extrasaction="ignore")
        writer.writeheader()
        for record in self._all_facts():
            row = {k: v for k, v in record.items() if not isinstance(v, list | dict)}
            row["article_ids"] = ";".join(str(i) for i in sorted({e["article_id"] for e in record["evidence"]}))
            writer.writerow(row)
            if buffer.tell() > 65536:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    def _export_jsonl(self) -> Iterator[str]:
        for entity in self.db.all("SELECT id FROM entities WHERE merged_into IS NULL ORDER BY id"):
            yield json.dumps({"record": "entity", **(self.entity(entity["id"]) or {})}, ensure_ascii=False) + "\n"
        for record in self._all_facts():
            yield json.dumps({"record": "fact", **record}, ensure_ascii=False) + "\n"
        for article in self.db.all("SELECT id, title, url, date FROM articles ORDER BY id"):
            yield json.dumps({"record": "article", "article_id": article.pop("id"), **article},
                             ensure_ascii=False) + "\n"

    def _export_jsonld(self) -> Iterator[str]:
        nodes: dict[int, dict[str, Any]] = {}
        for entity in self.db.all("SELECT id, kind, name, year FROM entities WHERE merged_into IS NULL ORDER BY id"):
            node: dict[str, Any] = {"@id": f"reelgraph:entity/{entity['id']}",
                                    "@type": _SCHEMA_TYPES.get(entity["kind"], "Thing"), "name": entity["name"]}
            if entity["year"]:
                node["dateCreated"] = str(entity["year"])
            nodes[entity["id"]] = node
        for row in self.db.all("SELECT entity_id, name FROM aliases WHERE blocked = 0 ORDER BY id"):
            if row["entity_id"] in nodes:
                nodes[row["entity_id"]].setdefault("alternateName", []).append(row["name"])
        subject_of: dict[int, set[int]] = defaultdict(set)
        for record in self._all_facts():
            self._jsonld_fact(nodes, record)
            for field in FACT_ENTITY_COLUMNS:
                if record.get(f"{field}_id") in nodes:
                    subject_of[record[f"{field}_id"]] |= {e["article_id"] for e in record["evidence"]}
        for entity_id, article_ids in subject_of.items():
            nodes[entity_id]["subjectOf"] = [{"@id": f"reelgraph:article/{i}"} for i in sorted(article_ids)]
        articles = [
            {"@id": f"reelgraph:article/{a['id']}", "@type": "NewsArticle", "headline": a["title"],
             "url": a["url"], "datePublished": a["date"]}
            for a in self.db.all("SELECT id, title, url, date FROM articles ORDER BY id")
        ]
        document = {"@context": {"@vocab": "https://schema.org/", "reelgraph": "urn:reelgraph:"},
                    "@graph": [*nodes.values(), *articles]}
        yield json.dumps(document, ensure_ascii=False, indent=1) + "\n"

    @staticmethod
    def _jsonld_fact(nodes: dict[int, dict[str, Any]], record: dict[str, Any]) -> None:
        def ref(field: str) -> dict[str, str] | None:
            entity_id = record.get(f"{field}_id")
            return {"@id": f"reelgraph:entity/{entity_id}"} if entity_id in nodes else None

        film = nodes.get(record.get("film_id"))  # type: ignore[arg-type]
        if record["type"] == "credit" and film and ref("person"):
            film.setdefault(_ROLE_PROPERTIES.get(record.get("role") or "", "contributor"), []).append(ref("person"))
        elif record["type"] == "deal" and film:
            film.setdefault("reelgraph:deals", []).append({
                "seller" if record.get("rights") == "sales" else "buyer": ref("company"),
                "areaServed": record.get("territory"), "description": record.get("rights"),
                "reelgraph:fact": record["fact_id"]})
        elif record["type"] == "position" and ref("company") and record.get("person_id") in nodes:
            nodes[record["person_id"]].setdefault("worksFor", []).append(ref("company"))
        elif record["type"] == "based_in" and ref("place") and record.get("company_id") in nodes:
            nodes[record["company_id"]].setdefault("location", []).append(ref("place"))
        elif record["type"] == "award" and record.get("subject_id") in nodes and record.get("outcome") == "won":
            nodes[record["subject_id"]].setdefault("award", []).append(record.get("award"))
