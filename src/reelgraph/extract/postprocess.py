"""Drafts -> Facts: evidence spans, alias facts, one fact per key (the most confident,
with the non-key fields of all its drafts)."""

from __future__ import annotations

from reelgraph.extract.document import Document
from reelgraph.extract.rules import Draft
from reelgraph.model import Evidence, Fact, name_key


def finalize(document: Document, drafts: list[Draft]) -> list[Fact]:
    facts: dict[tuple[object, ...], Fact] = {}
    for draft in drafts:
        if not _plausible(draft):
            continue
        s = draft.sentence
        # Names keep the article's spelling but never its doubled spaces, tabs or line breaks.
        fields = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in draft.fields.items()}
        fact = Fact(draft.type, fields, Evidence(s.text, s.start, s.end), draft.confidence)
        key = fact.key()
        if key in facts:
            _merge(facts[key], fact)
        else:
            facts[key] = fact
    for kind, main, other in document.aliases:
        sentence = next((s for s in document.sentences if any(m.text == other for m in s.mentions)), None)
        if sentence:
            fact = Fact("alias", {kind: " ".join(main.split()), "alias": " ".join(other.split())}, Evidence(sentence.text, sentence.start, sentence.end), 0.7)
            facts.setdefault(fact.key(), fact)
    return list(facts.values())


def _merge(kept: Fact, new: Fact) -> None:
    """One fact per key: the most confident draft gives evidence and fields; the others fill gaps."""
    if new.confidence > kept.confidence:
        first, second = new, kept
        kept.evidence, kept.confidence = new.evidence, new.confidence
    else:
        first, second = kept, new
    fields = dict(first.fields)
    for name, value in second.fields.items():
        if value is not None and fields.get(name) is None:
            fields[name] = value
    kept.fields = fields


def _plausible(draft: Draft) -> bool:
    fields = draft.fields
    if draft.type == "credit":
        return name_key(str(fields["film"])) != name_key(str(fields["person"]))
    if draft.type in ("deal", "position", "based_in"):
        company = fields.get("company")
        if draft.type == "position" and name_key(str(fields.get("person"))) == name_key(str(company)):
            return False  # "report to founder and CEO Bernard Oakes": no company named
        return bool(company) and name_key(str(company)) not in ("", "the")
    return True
