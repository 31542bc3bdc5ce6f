"""Executive positions ("CEO of Films Boutique", "has hired X as head of sales", former jobs,
founders) and company home bases ("Berlin-based", "Germany's", "London outfit")."""

from __future__ import annotations

import re

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.rules.base import BASED, PL, SLOT, C, Draft, Emit, P, RuleBase, T


class PeopleRules(RuleBase):
    """The people family: its patterns, compiled once, and the readers that apply them."""

    def _compile_people(self) -> None:
        title = rf"(?P<title>{self.position_title})"
        place = r"(?:(?:⟨T\d+⟩|[A-Z][\w.]*)\s){0,2}(?:⟨[TE]\d+⟩|[A-Z][\w.]*)"
        self.p_pos_of = re.compile(
            rf"(?P<p>{P}),\s+(?:the\s+|its\s+|who\s+is\s+|now\s+)?(?:(?:new|former|outgoing|incoming)\s+)?{title}\s+(?:of|at)\s+"
            rf"{BASED}(?P<c>{C})")
        # "Former Netflix executive Dana Cole", "Lind previously worked at Dogwoof"
        self.p_company_executive = re.compile(
            rf"(?:\b(?:[Ff]ormer|[Ee]x-)\s*)?(?P<c>{C})\s+(?:executive|exec|veteran|topper|boss)\s+(?P<p>{P})"
            rf"|(?P<p2>{P})\s+(?:previously|formerly|also|once|had|has)?\s*(?:worked|spent\s+(?:\w+\s+){{1,2}}years?|served)\s+"
            rf"(?:[^⟨.]{{0,30}}?\s)?(?:at|for|with)\s+{BASED}(?P<c2>{C})")
        # "Tom Hale, who heads international sales at The Match Factory"
        self.p_who_heads = re.compile(
            rf"(?P<p>{P}),?\s+who\s+(?:now\s+|also\s+|currently\s+)?(?:heads|co-heads|runs|leads|oversees)\s+"
            rf"(?P<what>(?:[a-z][\w\-]*\s+){{0,3}}?(?:sales|acquisitions|distribution|production|marketing|development|"
            rf"programming|publicity|operations|business affairs))\s+(?:at|for)\s+{BASED}(?P<c>{C})")
        # "Dana Cole has joined Mubi" (a company slot only: "joined the cast" is a credit)
        self.p_joined_company = re.compile(
            rf"(?P<p>{P})\s+(?:has\s+|have\s+)?(?:joined|joins|rejoined|rejoins)\s+{BASED}"
            rf"(?P<c>⟨C\d+⟩)(?!\s+as\b)")
        self.p_company_title_person = re.compile(
            rf"(?:(?:former|ex-)\s*)?(?P<c>{C})['’]?s?\s+(?:(?:new|former|outgoing|incoming)\s+)?{title}\s*,?\s+(?P<p>{P})")
        self.p_person_company_title = re.compile(rf"(?P<p>{P}),\s+(?P<c>{C})['’]s?\s+{title}")
        self.p_person_of = re.compile(
            rf"(?P<pl>{PL})\s+(?:of|from|at)\s+(?:(?:(?:[A-Z][\w]*\s+)?[\w.\-]+-based|[A-Z][\w]+['’]s|⟨[NT]\d+⟩['’]s)\s+)?"
            rf"(?P<c>⟨C\d+⟩)(?!['’])")
        self.p_through_banner = re.compile(
            rf"(?P<pl>{PL})[^⟨.]{{0,40}}?\b(?:through|via|for)\s+(?:(?:his|her|their)\s+)?(?:(?:new|own)\s+)?"
            rf"(?:(?:⟨T\d+⟩\s+)?(?:[A-Z][\w]*\s+)?[\w.\-]+-based\s+)?(?:(?:banner|company|outfit|shingle|label|production company|"
            rf"prodco|production banner|sister company)\s+)?(?P<c>⟨C\d+⟩)")
        self.p_company_people = re.compile(rf"(?P<c>⟨C\d+⟩)['’]s?\s+(?P<pl>{PL})(?!\s*['’])")
        self.p_whose_title = re.compile(
            rf"(?P<c>{C}),?\s+whose\s+(?:[\w\-]+\s+)?{title}s?,?\s+(?P<pl>{PL})")
        self.p_company_hired = re.compile(
            rf"(?:(?P<c>{C})|(?P<generic>\b[Tt]he\s+(?:company|distributor|outfit|studio|sales company|banner|streamer|agency|firm)))"
            rf"\s+(?:has\s+|have\s+)?(?:also\s+)?(?:hired|named|appointed|promoted|upped|tapped|recruited|poached|"
            rf"brought on|brought in|elevated|added)\s+(?P<rest>.*)")
        self.p_hired_item = re.compile(
            rf"(?P<p>{P})(?:,[^,;]{{0,80}}?,)?\s+(?:(?:as|to)\s+)?(?:its\s+|the\s+|their\s+)?(?:new\s+|first\s+)?{title}")
        self.p_joins_from = re.compile(
            rf"(?P<p>{P})\s+(?:joins|joined|comes|came|arrives|arrived|moves|moved)\s+(?:[^⟨.]{{0,40}}?\s)?from\s+(?P<c>{C})"
            rf"(?:,\s+where\s+(?:she|he|they)\s+(?:[^⟨.]{{0,50}}?\bas|was|were|had been|served as|worked as)\s+(?:an?\s+|the\s+)?"
            rf"{title})?")
        self.p_who_promoted = re.compile(
            rf"(?P<p>{P}),?\s+who\s+(?:has been|had been|was|is|will be)\s+(?:promoted|named|appointed|upped|elevated)\s+"
            rf"(?:to\s+|as\s+)?(?:its\s+|the\s+)?{title}"
            rf"|(?P<p2>{P})\s+(?:has been|had been|was|will be)\s+(?:promoted|named|appointed|upped|elevated)\s+(?:to\s+|as\s+)?"
            rf"(?:its\s+|the\s+)?(?P<title2>{self.position_title})(?![^⟨.]{{0,12}}\b(?:of|at|for)\s+⟨C)")
        self.p_exited = re.compile(
            rf"(?P<p>{P}),?\s+(?:who\s+)?(?:has\s+|had\s+|will\s+)?(?:exited|exits|exit|is exiting|left|leaves|is leaving|departs|"
            rf"departed|stepped down from|steps down from|step down from|quit|quits)\s+(?:the\s+)?(?P<c>{C})")
        self.p_own_company = re.compile(
            rf"(?P<p>{P})(?:[^⟨.]|⟨C\d+⟩){{0,80}}?\b(?:launch|launched|launching|set up|setting up|found|founded|start|started|starting|form|"
            rf"formed)\s+(?:his|her|their)\s+own\s+(?:[\w\-]+\s+){{0,5}}?(?:company|banner|outfit|shingle|label|firm|agency)"
            rf",?\s+(?P<c>{C})")
        self.p_founded_by = re.compile(
            rf"(?P<c>{C}),?\s+(?:a\s+(?:company|banner|outfit)\s+|which\s+was\s+|which\s+)?(?:co-)?(?:founded|launched|set up|started|"
            rf"created)\s+(?:in\s+\d{{4}}\s+)?by\s+(?P<rest>[^.;]*)")
        self.p_formerly = re.compile(
            rf"(?P<p>{P}),?\s+(?:formerly|previously|most recently|latterly|until recently)\s+(?:of|at|with)\s+"
            rf"{BASED}(?P<c>{C})"
            rf"|(?P<p2>{P}),?\s+(?:an?\s+)?ex-(?P<title2>{self.position_title})\s+(?:at|of)\s+(?P<c2>{C})")
        self.p_named = re.compile(
            rf"(?P<p>{P})[^⟨.]{{0,40}}?\b(?:has been|was|is|will be)?\s*(?:named|appointed|promoted to|hired as|tapped as|"
            rf"upped to|elevated to|taking over as|take over as|takes over as|becomes|stepping down as|steps down as|"
            rf"stepped down as|will step down as|step down as)\s+(?:the\s+)?(?:(?:new|first)\s+)?{title}"
            rf"\s+(?:of|at|for)\s+{BASED}(?:(?:production company|sales company|distributor|"
            rf"outfit|banner|company|studio|streamer)\s+)?(?P<c>{C})")
        self.p_joins_as = re.compile(
            rf"(?P<p>{P})\s+(?:has\s+|will\s+)?(?:joined|joins|join|moves to|returns to|rejoins|is joining)\s+(?P<c>{C})\s+as\s+"
            rf"(?:its\s+|the\s+|a\s+)?(?:(?:new|first)\s+)?{title}")
        self.p_title_person = re.compile(rf"(?<![\w'’])(?:its\s+|their\s+)?{title},?\s+(?P<p>{P})(?!['’]s)")
        self.p_pronoun_was_title = re.compile(
            rf"\b(?:he|she)\s+(?:was|is|had been|has been)\s+(?:most recently|previously|formerly|until recently|latterly)?\s*"
            rf"(?:an?\s+|the\s+)?{title}\s+(?:at|of|for|with)\s+{BASED}(?P<c>{C})")
        self.p_based = re.compile(
            rf"(?P<place>{place})-(?:based|headquartered)\s+(?:(?!(?:from|of|at|with|to|by|for|in|on|after|before)\b)[a-z][\w\-]*\s+){{0,5}}?"
            rf"(?:(?P<c>{C})|(?:⟨F\d+⟩))"
            rf"|(?P<c2>{C}),\s+(?:also\s+|the\s+|a\s+|an\s+)?(?P<place2>{place})-based")
        self.p_the_based_company = re.compile(
            rf"\bthe\s+(?P<place>{place})-based\s+(?:company|outfit|firm|distributor|studio|banner|sales company|sales agent|"
            rf"streamer|production company|prodco|agency)\b(?!\s*,?\s*⟨C)")
        self.p_city_company = re.compile(
            rf"(?P<place>(?:[A-Z][a-z]+\s){{0,2}}[A-Z][a-z]+|⟨N\d+⟩)['’]s\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<c>{C})")
        self.p_outfit_in = re.compile(
            rf"\b(?:outfit|company|banner|shingle|label|distributor|firm),?\s+(?P<c>{C}),?\s+in\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|{T})")
        self.p_country_company = re.compile(
            rf"(?P<t>{T})['’]s\s+(?:(?:[a-z][\w\-]*|[A-Z]\w+-\w+)\s+){{0,3}}?(?P<c>{C})")
        self.p_city_outfit = re.compile(
            rf"(?:\b|(?=⟨))(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|{T}|⟨N\d+⟩)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:outfit|company|banner|distributor|"
            rf"sales agent|sales company|shingle|studio|streamer|label|producer|production company|prodco|sales house|indie|"
            rf"powerhouse|based),?\s+(?P<c>{C})")
        self.p_company_based_in = re.compile(
            rf"(?P<c>{C}),?\s+(?:which is|is|a company|an outfit)?\s*(?:based|headquartered)\s+in\s+(?P<place>{T}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")

    def positions(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        seen: set[str] = set()
        for m in self.p_who_heads.finditer(m_text):
            emit(Draft("position", {"person": s.slots[m.group("p")].value, "company": s.slots[m.group("c")].value,
                                    "title": "head of " + m.group("what")}, s, 0.75))
        for m in [*self.p_company_executive.finditer(m_text), *self.p_joined_company.finditer(m_text)]:
            person = s.slots[m.group("p") or m.groupdict().get("p2")]
            company = s.slots[m.group("c") or m.groupdict().get("c2")]
            if person.kind != "company" and company.kind not in ("person",):
                emit(Draft("position", {"person": person.value, "company": company.value, "title": None}, s, 0.6))
        for m in self.p_pronoun_was_title.finditer(m_text):
            # "Brenner is a producer by background; ... he was most recently head of distribution at Elbe Pictures"
            people = [c for c in SLOT.findall(m_text[:m.start()]) if c[1] in "PN" and s.slots[c].kind != "company"]
            if people:
                emit(Draft("position", {"person": s.slots[people[0]].value, "company": s.slots[m.group("c")].value,
                                        "title": m.group("title")}, s, 0.7))
        for pattern in (self.p_pos_of, self.p_company_title_person, self.p_person_company_title, self.p_named,
                        self.p_joins_as):
            for m in pattern.finditer(m_text):
                person = s.slots[m.group("p")]
                company = s.slots[m.group("c")]
                if person.kind == "company" or company.kind in ("person",):
                    continue
                seen.add(person.value)
                emit(Draft("position", {"person": person.value, "company": company.value,
                                        "title": m.group("title")}, s, 0.85))
        for pattern in (self.p_person_of, self.p_company_people, self.p_through_banner):
            for m in pattern.finditer(m_text):
                for code in SLOT.findall(m.group("pl")):
                    person = s.slots[code]
                    if person.value not in seen and person.kind in ("person", "name"):
                        seen.add(person.value)
                        emit(Draft("position", {"person": person.value, "company": s.slots[m.group("c")].value,
                                                "title": None}, s, 0.6))
        for m in self.p_whose_title.finditer(m_text):
            for code in SLOT.findall(m.group("pl")):
                seen.add(s.slots[code].value)
                emit(Draft("position", {"person": s.slots[code].value, "company": s.slots[m.group("c")].value,
                                        "title": m.group("title")}, s, 0.75))
        main_company = self._main_company(doc)
        for m in self.p_company_hired.finditer(m_text):
            company = s.slots[m.group("c")].value if m.group("c") else main_company
            for item in self.p_hired_item.finditer(m.group("rest")):
                person = s.slots[item.group("p")].value
                seen.add(person)
                if company:
                    emit(Draft("position", {"person": person, "company": company, "title": item.group("title")}, s, 0.75))
        for m in self.p_joins_from.finditer(m_text):
            emit(Draft("position", {"person": s.slots[m.group("p")].value, "company": s.slots[m.group("c")].value,
                                    "title": m.group("title")}, s, 0.7))
        for m in self.p_who_promoted.finditer(m_text):
            person = s.slots[m.group("p") or m.group("p2")].value
            if main_company and person not in seen:
                emit(Draft("position", {"person": person, "company": main_company,
                                        "title": m.group("title") or m.group("title2")}, s, 0.65))
        for m in self.p_exited.finditer(m_text):
            emit(Draft("position", {"person": s.slots[m.group("p")].value, "company": s.slots[m.group("c")].value,
                                    "title": None}, s, 0.65))
        for m in self.p_own_company.finditer(m_text):
            emit(Draft("position", {"person": s.slots[m.group("p")].value, "company": s.slots[m.group("c")].value,
                                    "title": "founder"}, s, 0.65))
        for m in self.p_founded_by.finditer(m_text):
            for code in SLOT.findall(m.group("rest")):
                if code[1] in "PN":
                    emit(Draft("position", {"person": s.slots[code].value, "company": s.slots[m.group("c")].value,
                                            "title": "founder"}, s, 0.65))
        for m in self.p_formerly.finditer(m_text):
            person = s.slots[m.group("p") or m.group("p2")].value
            company = s.slots[m.group("c") or m.group("c2")].value
            emit(Draft("position", {"person": person, "company": company, "title": m.group("title2")}, s, 0.65))
        for m in self.p_title_person.finditer(m_text):
            person = s.slots[m.group("p")]
            if person.value in seen or m.group("title").lower() in (
                    "director", "producer", "partner", "chief", "boss", "exec", "executive", "programmer",
                    "festival director", "artistic director", "delegate general", "head programmer", "director of programming",
                    "head of programming", "chief programmer"):
                continue
            company = self._recent_company(doc, s, m.start())
            if company:
                emit(Draft("position", {"person": person.value, "company": company, "title": m.group("title")}, s, 0.6))

    @staticmethod
    def _main_company(doc: Document) -> str | None:
        """The company an executive-moves story is about: the first company of its first sentences."""
        for s in doc.sentences[:4]:
            companies = [m.value for m in s.mentions if m.kind == "company"]
            if companies:
                return companies[0]
        return None

    def _recent_company(self, doc: Document, s: Sentence, pos: int) -> str | None:
        codes = [c for c in SLOT.findall(s.masked[:pos]) if c[1] == "C"]
        if codes:
            return s.slots[codes[-1]].value
        for prev in reversed(doc.sentences[max(0, s.index - 3):s.index]):
            companies = [m.value for m in prev.mentions if m.kind == "company"]
            if companies:
                return companies[-1]
        return None

    def based_in(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        for m in self.p_based.finditer(m_text):
            code = m.group("c") or m.group("c2")
            if not code:
                continue
            place = self._place(s, m.group("place") or m.group("place2"))
            emit(Draft("based_in", {"company": s.slots[code].value, "place": place}, s, 0.9))
        m = self.p_the_based_company.search(m_text)
        if m:  # "Morel joins the Paris-based company": the company named before
            before = [c for c in SLOT.findall(m_text[:m.start()]) if c[1] == "C"]
            company = s.slots[before[-1]].value if before else self._company_before(doc, s)
            if company:
                emit(Draft("based_in", {"company": company, "place": self._place(s, m.group("place"))}, s, 0.7))
        for m in self.p_city_company.finditer(m_text):
            place = self._place(s, m.group("place"))
            if place in self.v.cities and s.slots[m.group("c")].value not in self.v.cities:
                emit(Draft("based_in", {"company": s.slots[m.group("c")].value, "place": place}, s, 0.75))
        for m in self.p_country_company.finditer(m_text):
            emit(Draft("based_in", {"company": s.slots[m.group("c")].value,
                                    "place": s.slots[m.group("t")].value}, s, 0.75))
        for pattern in (self.p_city_outfit, self.p_company_based_in, self.p_outfit_in):
            for m in pattern.finditer(m_text):
                place = self._place(s, m.group("place"))
                if place in self.v.cities or place in self.v.countries.values() or m.group("place").startswith("⟨"):
                    emit(Draft("based_in", {"company": s.slots[m.group("c")].value, "place": place}, s, 0.75))

    @staticmethod
    def _place(s: Sentence, raw: str) -> str:
        """A place as written: slots inside it ("⟨T0⟩ City" for "Mexico City") are put back as text."""
        if re.fullmatch(r"⟨[A-Z]\d+⟩", raw):
            mention = s.slots[raw]
            return mention.text if mention.kind == "festival" else mention.value
        return SLOT.sub(lambda m: s.slots[m.group()].text, raw).strip()
