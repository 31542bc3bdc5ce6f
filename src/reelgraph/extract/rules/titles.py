"""Facts about the film itself: release years ("1985's Runaway Train", "Title (2019)"),
alternate titles and attributes (black and white, aspect ratio, based on real events)."""

from __future__ import annotations

import re

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.rules.base import SLOT, Draft, Emit, F, P, RuleBase


class TitleRules(RuleBase):
    """The titles family: its patterns, compiled once, and the readers that apply them."""

    def _compile_titles(self) -> None:
        self.p_year_possessive = re.compile(rf"(?P<y>(?:19|20)\d{{2}})['’]s\s+(?P<f>{F})")
        self.p_year_paren = re.compile(rf"(?P<f>{F})\s*\((?:[^()⟨]{{0,40}}?[,\s])?(?P<y>(?:19|20)\d{{2}})\)")
        self.p_year_the = re.compile(
            rf"\b(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Aa])\s+(?P<y>(?:19|20)\d{{2}})|(?:and|in)\s+(?P<y2>(?:19|20)\d{{2}})(?=\s+(?:{self.film_noun})\b))"
            rf"\s+(?:(?:{P})['’]?s?\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?,?\s*(?P<f>{F})")
        self.p_year_made_in = re.compile(
            rf"\b(?:directed|wrote|made|produced|shot|released|premiered|completed|helmed|co-wrote|co-directed)\b[^⟨.]{{0,60}}?"
            rf"(?P<f>{F}),?\s+in\s+(?P<y>(?:19|20)\d{{2}})\b")
        self.p_year_owner = re.compile(rf"{P}['’]s\s+(?P<y>(?:19|20)\d{{2}})\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?P<f>{F})")
        self.p_year_is_a = re.compile(rf"(?P<f>{F})(?:\s*\([^)]*\))?(?:,[^,.]{{0,60}},)?\s+(?:is|was)\s+an?\s+(?P<y>(?:19|20)\d{{2}})\b")
        self.p_year_released = re.compile(
            rf"(?P<f>{F})[^⟨.]{{0,60}}?(?:\b(?:was|were|is)\s+|,\s+)(?:first\s+|theatrically\s+|originally\s+)?released\s+"
            rf"[^⟨.]{{0,30}}?\bin\s+(?:\w+\s+)?(?:\d{{1,2}},?\s+)?(?P<y>(?:19|20)\d{{2}})\b")
        # the article's own film, early on: "It was released in 1996", "The film premiered on May 5, 2012"
        # (an episode's air date is no release year: "aired" is left out)
        self.p_year_subject_released = re.compile(
            r"^(?:The\s+(?:film|episode|series|show|movie|programme|program|documentary|short|telenovela|sitcom)|It)\s+"
            r"(?:was\s+|were\s+|is\s+|first\s+|originally\s+|had\s+its\s+premiere\s+|){0,2}"
            r"(?:released|premiered|debuted|opened|screened)\b[^.⟨]{0,40}?(?:⟨[A-Z]\d+⟩[^.⟨]{0,40}?){0,2}"
            r"\b(?:in|on)\s+(?:\w+\s+)?(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d{2})\b")
        self.p_year_lead_in = re.compile(rf"^(?P<f>{F})[^.]*?\b(?:is|was)\s+an?\s+[^.]*?\bin\s+(?P<y>(?:19|20)\d{{2}})\s*\.?$")
        self.p_year_in = re.compile(rf"\bIn\s+(?P<y>(?:19|20)\d{{2}}),\s+[^⟨]{{0,60}}?(?P<f>{F})")
        self.p_alias = re.compile(
            rf"(?P<f>{F})[^⟨]{{0,15}}?\(?(?:also known as|aka|a\.k\.a\.|working title|previously titled|formerly titled|"
            rf"originally titled|original title|released as|known internationally as|international title)[:,]?\s+(?P<a>{F})")

        # "The film, previously titled Dry Creek County, stars ...": the film the article is about
        self.p_alias_of_context = re.compile(
            rf"(?:^|(?<=\s))(?:The|This|Their|His|Her)\s+(?:[\w\-]+\s+)?(?:film|movie|project|feature|picture|pic|drama|comedy|thriller|"
            rf"documentary|series)\s*,?\s+(?:which\s+was\s+|was\s+)?(?:previously|formerly|originally|once)\s+(?:titled|called|"
            rf"known as)\s+(?P<a>{F})")

    def film_years(self, doc: Document, s: Sentence, emit: Emit) -> None:
        for pattern, conf in ((self.p_year_possessive, 0.9), (self.p_year_paren, 0.85), (self.p_year_the, 0.75),
                              (self.p_year_owner, 0.8), (self.p_year_is_a, 0.85), (self.p_year_released, 0.8),
                              (self.p_year_made_in, 0.6), (self.p_year_in, 0.5)):
            for m in pattern.finditer(s.masked):
                if pattern is self.p_year_in and len(SLOT.findall(m.group())) > 2:
                    continue
                film = s.slots[m.group("f")].value
                year = m.group("y") or m.groupdict().get("y2")
                emit(Draft("film_year", {"film": film, "year": int(year)}, s, conf))

        header = re.match(r"Dirs?:[^\n]*?\.\s+[^\n]*?\b((?:19|20)\d{2})\.\s+\d+\s*mins?\b", doc.text[s.start:s.start + 200])
        if header and doc.main_film:  # Screen's review header: "Dir: Nika Vovk. Slovenia/Italy. 2026. 97mins"
            emit(Draft("film_year", {"film": doc.main_film, "year": int(header.group(1))}, s, 0.8))
        if doc.main_film and s.index < 4:
            m = self.p_year_subject_released.search(s.masked)
            if m:
                emit(Draft("film_year", {"film": doc.main_film, "year": int(m.group("y"))}, s, 0.7))
            m = self.p_year_lead_in.search(s.masked) if s.index == 0 else None
            if m and s.slots[m.group("f")].value == doc.main_film:
                emit(Draft("film_year", {"film": doc.main_film, "year": int(m.group("y"))}, s, 0.6))

    def aliases(self, doc: Document, s: Sentence, emit: Emit) -> None:
        for m in self.p_alias.finditer(s.masked):
            main, other = s.slots[m.group("f")], s.slots[m.group("a")]
            if main.value != other.value:
                emit(Draft("alias", {"film": main.value, "alias": other.value}, s, 0.8))
        m = self.p_alias_of_context.search(s.masked)
        film = (doc.main_film or self.context_film(doc, s, skip_history=True)) if m else None
        if m and film and film != s.slots[m.group("a")].value:
            emit(Draft("alias", {"film": film, "alias": s.slots[m.group("a")].value}, s, 0.7))

    def attributes(self, doc: Document, s: Sentence, emit: Emit) -> None:
        context = self.context_film(doc, s)
        films = [m for m in s.mentions if m.kind == "film"]
        if not context and not films:
            return
        checks = (
            ("color", r"\b(?:shot|filmed|lensed|presented)\s+in\s+(black[- ]and[- ]white|monochrome|colou?r)\b"),
            ("aspect_ratio", r"\b((?:a\s+)?(?:near\s+)?(?:box|square|academy|widescreen|scope|cinemascope)\s+(?:format|ratio)|"
                             r"\d\.\d{1,2}:1|4:3)\b"),
            ("based_on", r"\b((?:inspired by|based on)\s+(?:a\s+)?(?:real|true)[\w\s]{0,30}?(?:events|story|stories))"),
            ("language", r"\b([A-Z][a-z]+-language)\b"),
        )
        for attribute, pattern in checks:
            m = re.search(pattern, s.text, re.I if attribute != "language" else 0)
            if m:
                # the film named last before the phrase ("Good Comrades ... inspired by real events")
                before = [f.value for f in films if f.start - s.start < m.start()]
                film = before[-1] if before else context
                if not film:
                    continue
                value = m.group(1).lower().replace("-", " ") if attribute == "color" else m.group(1)
                emit(Draft("film_attribute", {"film": film, "attribute": attribute, "value": value}, s, 0.7))
