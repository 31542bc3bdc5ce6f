"""Relation rules: read each sentence with its mentions replaced by placeholders
(``⟨F0⟩ stars ⟨P1⟩ as Lyudmila``) and emit fact drafts, one module per fact family.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reelgraph.extract.document import Document
from reelgraph.extract.mentions import Lexicon
from reelgraph.extract.rules.base import SLOT, Draft, Emit, RuleBase
from reelgraph.extract.rules.credits import CreditRules
from reelgraph.extract.rules.deals import DealRules
from reelgraph.extract.rules.festivals import FestivalRules
from reelgraph.extract.rules.people import PeopleRules
from reelgraph.extract.rules.titles import TitleRules
from reelgraph.extract.vocab import Vocab, regex

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
        self.sections_of = {f.name: f.sections for f in v.festivals}

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
        drafts += self._series_cast(doc, drafts)
        self._facts_to_main_titles(drafts)
        drafts += self._section_prize_selections(drafts)
        self._sellers_from_sales_agents(drafts)
        yield from drafts

    @staticmethod
    def _sellers_from_sales_agents(drafts: list[Draft]) -> None:
        """A territory deal the article gives no seller for was sold by the film's sales agent,
        when the article names exactly one ("Meridian Rock has pre-sold X ... Further deals have
        been inked with Benelux (Cinéart)")."""
        agents: dict[object, set[object]] = {}
        for d in drafts:
            if d.type == "deal" and d.fields.get("rights") == "sales":
                agents.setdefault(d.fields.get("film"), set()).add(d.fields.get("company"))
        for d in drafts:
            if d.type != "deal" or d.fields.get("rights") != "distribution" or d.fields.get("seller"):
                continue
            agent = agents.get(d.fields.get("film"), set())
            if len(agent) == 1 and d.fields.get("company") not in agent:
                d.fields["seller"] = next(iter(agent))

    def _section_prize_selections(self, drafts: list[Draft]) -> list[Draft]:
        """"The Un Certain Regard Prize went to Mangrove Hours": a section's own prize goes to a
        film selected in that section."""
        out = []
        for d in drafts:
            festival, film, award = d.fields.get("festival"), d.fields.get("film"), str(d.fields.get("award") or "")
            if d.type != "award" or not festival or not film or d.fields.get("outcome") != "won":
                continue
            named = [sec for sec in self.sections_of.get(str(festival), ()) if sec[:1].isupper() and len(sec) > 5
                     and sec in award and regex(rf"(?<!\w){re.escape(sec)}(?!\w)").search(award)]
            if named:
                out.append(Draft("selection", {"film": film, "festival": festival, "year": d.fields.get("year"),
                                               "section": max(named, key=len)}, d.sentence, 0.6))
        return out

    @staticmethod
    def _facts_to_main_titles(drafts: list[Draft]) -> None:
        """"The film, previously titled Dry Creek County, stars Vega": what is said of a film's
        other title (an alias fact of the article) is said of the film."""
        main_of = {d.fields["alias"]: d.fields["film"] for d in drafts if d.type == "alias"}
        for draft in drafts:
            film = draft.fields.get("film")
            if draft.type != "alias" and film in main_of and main_of[film] not in main_of:
                draft.fields["film"] = main_of[film]
                if draft.fields.get("subject") == film:
                    draft.fields["subject"] = main_of[film]

    @staticmethod
    def _series_cast(doc: Document, drafts: list[Draft]) -> list[Draft]:
        """An article about one episode ("X is the tenth episode of the ninth season of the
        animated series Y"): whoever is in the episode's cast is in the series' cast too."""
        if not doc.sentences or not doc.main_film:
            return []
        first = doc.sentences[0]
        match = re.search(r"\bepisode\b[^.;]{0,80}?\b(?:of|from)\s+(?:the\s+)?(?:[\w\-]+\s+){0,6}?(⟨F\d+⟩)", first.masked)
        series = first.slots[match.group(1)].value if match else None
        if not series or series == doc.main_film or not any(c[1] == "F" and first.slots[c].value == doc.main_film
                                                            for c in SLOT.findall(first.masked[:match.start()])):
            return []
        return [Draft("credit", {**d.fields, "film": series}, d.sentence, round(d.confidence * 0.9, 2))
                for d in drafts if d.type == "credit" and d.fields.get("role") == "cast" and d.fields.get("film") == doc.main_film]
