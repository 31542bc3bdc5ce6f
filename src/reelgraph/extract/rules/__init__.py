"""Relation rules: read each sentence with its mentions replaced by placeholders
(``⟨F0⟩ stars ⟨P1⟩ as Lyudmila``) and emit fact drafts, one module per fact family.
"""

from __future__ import annotations

from collections.abc import Iterator

from reelgraph.extract.document import Document
from reelgraph.extract.mentions import Lexicon
from reelgraph.extract.rules.base import Draft, Emit, RuleBase
from reelgraph.extract.rules.credits import CreditRules
from reelgraph.extract.rules.deals import DealRules
from reelgraph.extract.rules.festivals import FestivalRules
from reelgraph.extract.rules.people import PeopleRules
from reelgraph.extract.rules.titles import TitleRules
from reelgraph.extract.vocab import Vocab

__all__ = ["Draft", "Emit", "RuleBase", "Rules"]


class Rules(CreditRules, TitleRules, DealRules, PeopleRules, FestivalRules):
    """All relation rules, compiled once for a vocabulary."""

    def __init__(self, v: Vocab, lex: Lexicon) -> None:
        super().__init__(v, lex)
        self._compile_credits()
        self._compile_titles()
        self._compile_deals()
        self._compile_people()
        self._compile_festivals()

    def run(self, doc: Document) -> Iterator[Draft]:
        drafts: list[Draft] = []
        emit = drafts.append
        for sentence in doc.sentences:
            if not sentence.mentions:
                continue
            for rule in (self.credits, self.film_years, self.deals, self.positions, self.based_in, self.awards,
                         self.selections, self.aliases, self.attributes):
                rule(doc, sentence, emit)
        self.lists(doc, emit)
        yield from drafts
