"""Festival rules: selections (festival, edition year, section, premiere), awards (won and
nominated, prose and lists) and the list layouts of line-ups and winners."""

from __future__ import annotations

import re
from collections import Counter

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.lists import award_role
from reelgraph.extract.mentions import PLACES, Mention
from reelgraph.extract.rules.base import AND, SLOT, A, Draft, Emit, F, P, RuleBase
from reelgraph.extract.vocab import regex

MARKET = re.compile(r"\b(?:EFM|European Film Market|AFM|American Film Market|Marché du Film|Cannes market|FILMART|MIFA|"
                    r"Ventana Sur|slate|buyers|pre-sales|presales|market)\b")
LINEUP_ARTICLE = re.compile(r"\b(?:line-?ups?|competition|selection|unveil(?:s|ed)?|announc(?:es|ed)|programme|program|"
                            r"titles|sidebar|section|slate|will screen|world premieres?)\b", re.I)
LINEUP_SENTENCE = re.compile(r"\b(?:competition|line-?up|titles?|selection|selected|compet(?:e|es|ing)|premieres?|contenders?|"
                             r"in the race|make the cut|makes the cut|made the cut|added|adds|joining|in the (?:section|strand|sidebar)|"
                             r"entries|entry|in the running|joins?|round(?:s|ing)? out|also (?:screening|playing)|"
                             r"will screen|screens|contingent|returns? to|brings?|bring)\b", re.I)


NOMINATION_CUE = re.compile(r"\b(?:nominations|nominees|nominated|nods|shortlist(?:ed)?|longlist(?:ed)?)\b", re.I)
GENERIC_SECTIONS = {"competition", "main competition", "official selection", "out of competition", "special screenings"}
SECTION_CUE = re.compile(r"\b(?:premiered?|premieres|world premiere|international premiere|screened|screens|played|plays|"
                         r"competed|competes|competing|selected|bowed|bows|debuted|opened|opens|open|closed?|closes|"
                         r"includes?|included)\b")


class FestivalRules(RuleBase):
    """The festivals family: its patterns, compiled once, and the readers that apply them."""

    # The last document's most-named festival: asked once per sentence, counted once per document.
    _most_named_of: tuple[Document, str | None] | None = None

    def _compile_festivals(self) -> None:
        subject = rf"(?:[A-Z]?[a-z\-]+\s+){{0,4}}?(?:(?P<owner>{P})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?)?(?P<s>{F}|{P})"
        self.p_award_won = re.compile(
            rf"(?P<s>{F}|{P})(?:\s*\((?:19|20)\d{{2}}\))?(?:[^⟨.]{{0,60}}?|,\s*[^.]{{0,80}}?,\s*(?:also\s+|then\s+|later\s+|too\s+)?)\b(?P<verb>{self.won})\s+(?:(?:the|a|an|its|his|her|their|"
            rf"top|both|two|three)\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?(?P<a>{A})(?P<tail>(?:{AND}(?:the\s+)?{A})*)")
        self.p_award_went_to = re.compile(
            rf"(?P<a>{A})(?:[^⟨.]{{0,20}}?|[^⟨.,;]{{0,30}},[^⟨.;]{{0,60}}?,\s*)\b(?:went|goes|go|was awarded|were awarded|was given|"
            rf"was presented|was handed)\s+to\s+(?:the\s+)?" + subject)
        self.p_award_handed = re.compile(
            rf"\b(?:handed|gave|awarded|presented|bestowed)\s+(?:the\s+|its\s+|their\s+)?(?P<a>{A})\s+(?:to|on)\s+" + subject)
        self.p_award_shared = re.compile(
            rf"(?P<a>{A})[^⟨.]{{0,20}}?\b(?:was|were)\s+(?:shared|split)\s+(?:between|by)\s+(?P<list>[^.;]+)")
        self.p_award_winning = re.compile(
            rf"(?P<a>{A}|Oscar|Academy Award|Palme d['’]Or|BAFTA|Emmy|Golden Globe|César)[ -](?:winning|winner)\s+"
            rf"(?:(?:director|helmer|filmmaker|actor|actress|star|writer|producer|composer|cinematographer|"
            rf"editor|film|documentary|feature|drama|comedy|title|[a-z][\w\-]*)\s+){{0,3}}(?P<s>{F}|{P})")
        self.p_award_nominated = re.compile(
            rf"(?P<s>{F}|{P})[^⟨.]{{0,60}}?\b(?:{self.nominated})\s+(?:(?:the|a|an|two|three|four|five|six|seven|\d+)\s+)?"
            rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?P<a>{A})(?P<tail>(?:{AND}(?:the\s+)?{A})*)")
        self.p_award_nomination_for = re.compile(
            rf"(?P<s>{F}|{P})[^⟨.]{{0,80}}?\b(?:earned|received|garnered|scored|landed|got|picked up)\s+(?:him|her|them|it)?\s*"
            rf"(?:an?\s+)?(?:(?:\w+\s+){{0,2}})?(?P<a>{A})\s+nomination")
        self.p_award_earned_person = re.compile(
            rf"\b(?:earned|won|landed|got)\s+(?:(?:lead|supporting)\s+)?(?:actor|actress|star|director|co-star)?\s*(?P<s>{P})\s+"
            rf"(?:an?\s+|the\s+)?(?:[^⟨]{{0,20}}?)(?P<a>{A})\s*(?P<nom>nomination)?")
        self.p_award_it_won = re.compile(
            rf"\b(?:it|the film|the documentary|the picture|the drama|the comedy|the feature)\s+(?:[a-z]+\s+)?(?:won|took home|"
            rf"picked up|scooped|received|was awarded|landed|claimed)\s+(?:the\s+|a\s+|an\s+)?(?P<a>{A})")
        self.p_award_earned_pronoun = re.compile(
            rf"\b(?:earned|won|landed|got|brought)\s+(?:her|him|them)\s+(?:an?\s+|the\s+)?(?P<a>{A})(?!\s*nomination)")
        self.p_award_pronoun_won = re.compile(
            rf"(?:^|\bfor which\s+|\bwhere\s+|,\s+and\s+|\band\s+)(?:he|she|He|She)\s+(?:also\s+|later\s+|then\s+|subsequently\s+)?"
            rf"(?:won|received|was awarded|earned|picked up|took home)\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+)?"
            rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?P<a>{A})(?P<tail>(?:{AND}(?:the\s+|a\s+|an\s+)?{A})*)(?!\s*nomination)")
        # "A shared the Silver Shell for best performance with Norwegian actress B"; "A and B shared the prize"
        self.p_shared_with = re.compile(
            rf"(?P<s>{P})(?:,\s+(?:who|whose)\s+(?:[^⟨;.]|⟨[A-Z]\d+⟩){{0,140}}?,)?\s+(?:also\s+)?shared\s+(?:the\s+)?(?P<a>{A})\s+with\s+"
            rf"(?:(?:[\w\-]+|⟨[NT]\d+⟩)\s+){{0,3}}?(?P<s2>{P})")
        self.p_pair_shared = re.compile(
            rf"(?P<list>{P}(?:\s*(?:,|\band\b)\s*{P})+)\s+(?:\w+\s+)?shared\s+(?:the\s+)?(?P<a>{A})")
        # "The other best film nominees were X, Y and Z", "Nominees for best documentary are X and Y"
        self.p_nominees_were = re.compile(
            rf"(?:(?P<a>{A})\s+(?:nominees|contenders)|\b[Nn]ominees\s+for\s+(?:the\s+)?(?P<a2>{A}))\s+(?:were|are|include[sd]?)\s+"
            rf"(?P<list>{F}(?:\s*(?:,|,?\s*and)\s*{F})*)")
        self.p_award_list = re.compile(rf"^\s*(?P<a>{A})\s*(?::|\s[\-–—]\s|went to)\s*(?P<rest>.+)$")
        self.p_winner_noun = re.compile(
            rf"(?P<a>{A})\s+(?:winner|winning film|recipient|laureate)\s+(?P<s>{F}|{P})"
            rf"|\b[Ww]inners?\s+of\s+(?:the\s+)?(?P<a2>{A})\s+(?:was|is|were|are)\s+(?P<s2>{F}|{P})")

    def lists(self, doc: Document, emit: Emit) -> None:
        festival = self._main_festival(doc)
        year = (self._festival_year_elsewhere(doc, festival) or self.edition_year(doc, festival)) if festival else doc.year

        def on_selection(s: Sentence, film: str, section: str | None, premiere: str | None) -> None:
            if festival:
                fields: dict[str, object] = {"film": film, "festival": festival, "year": year}
                if section:
                    fields["section"] = section
                if premiere:
                    fields["premiere"] = premiere
                emit(Draft("selection", fields, s, 0.7))

        def on_credit(s: Sentence, film: str, person: str, role: str) -> None:
            draft = self.credit(s, film, person, role, 0.75)
            if draft:
                emit(draft)

        nominations = self._nominations_article(doc)

        def on_award(s: Sentence, subject: str, award: str, film: str | None, outcome: str | None = None) -> None:
            outcome = outcome or ("nominated" if nominations else "won")
            fields: dict[str, object] = {"subject": subject, "award": award, "outcome": outcome, "film": film}
            if festival:
                fields.update(festival=festival, year=year)
            emit(Draft("award", fields, s, 0.75))

        def on_sales(s: Sentence, film: str, company: str) -> None:
            emit(Draft("deal", {"film": film, "company": company, "territory": "worldwide", "rights": "sales"}, s, 0.75))

        self.list_reader.read(doc.sentences, on_selection, on_credit, on_award, on_sales, doc.main_film, nominations)

    @staticmethod
    def _nominations_article(doc: Document) -> bool:
        """An article announcing nominees: its lists name nominations, not winners."""
        if doc.sentences and NOMINATION_CUE.search(doc.sentences[0].text) and \
                not re.search(r"\b(?:winners|wins|took home)\b", doc.sentences[0].text, re.I):
            return True  # the headline says so ("X Leads Nominations"), whatever the lead recalls winning
        head = " ".join(s.text for s in doc.sentences[:4])
        return bool(NOMINATION_CUE.search(head)) \
            and not re.search(r"\b(?:winners?|won|wins|took home|sweeps|swept|scooped|triumphed)\b", head, re.I)

    def _main_festival(self, doc: Document) -> str | None:
        """The festival of a list article: its dateline ("CANNES 2024:") or its most named festival."""
        head = re.search(r"\b([A-Z][A-Z .]{2,20}?)\s+(?:19|20)\d{2}\s*:", doc.text[:300])
        fest = self.v.festival_by_alias.get(head.group(1).strip().title()) if head else None
        if fest:
            return fest.name
        return self._most_named_festival(doc)

    def _most_named_festival(self, doc: Document) -> str | None:
        """The festival the article names most (ties: the first named), counted once per document."""
        cached = self._most_named_of  # one read: safe if two threads share the extractor
        if cached is None or cached[0] is not doc:
            counts = Counter(m.value for m in doc.mentions if m.kind == "festival")
            cached = (doc, max(counts, key=counts.__getitem__) if counts else None)
            self._most_named_of = cached
        return cached[1]

    def awards(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        festival = self._festival_of(doc, s)
        for m in self.p_award_won.finditer(m_text):
            if re.search(r"\b(?:not|never|failed)\b", m.group()):
                continue
            if re.search(r"\b(?:he|she|they)\b", m_text[m.end("s"):m.start("verb")], re.I):
                continue  # "The Sopranos, for which he won ...": the pronoun wins it (below)
            awards = [m.group("a"), *SLOT.findall(m.group("tail") or "")]
            self._award(s, m.group("s"), awards, "won", festival, emit, doc)
        for pattern in (self.p_award_went_to, self.p_award_handed):
            for m in pattern.finditer(m_text):
                self._award(s, m.group("s"), [m.group("a")], "won", festival, emit, doc)
        for m in self.p_award_shared.finditer(m_text):
            codes = [c for c in SLOT.findall(m.group("list")) if c[1] == "F"]
            for code in codes:
                self._award(s, code, [m.group("a")], "won", festival, emit, doc)
        for m in self.p_award_winning.finditer(m_text):
            code = m.group("a")
            award = s.slots[code].value if code.startswith("⟨") else code
            self._award_value(s, m.group("s"), award, "won", festival, emit, doc)
        for m in self.p_winner_noun.finditer(m_text):
            self._award(s, m.group("s") or m.group("s2"), [m.group("a") or m.group("a2")], "won", festival, emit, doc)
        for m in self.p_shared_with.finditer(m_text):
            for code in (m.group("s"), m.group("s2")):
                self._award(s, code, [m.group("a")], "won", festival, emit, doc)
        for m in self.p_pair_shared.finditer(m_text):
            for code in SLOT.findall(m.group("list")):
                self._award(s, code, [m.group("a")], "won", festival, emit, doc)
        for m in self.p_nominees_were.finditer(m_text):
            for code in SLOT.findall(m.group("list")):
                self._award(s, code, [m.group("a") or m.group("a2")], "nominated", festival, emit, doc)
        for pattern in (self.p_award_nominated, self.p_award_nomination_for):
            for m in pattern.finditer(m_text):
                if re.search(r"\b(?:leads?|tops?|dominates?|heads?)\s+(?:the\s+)?(?:field|nominations|nods)\b", m.group(), re.I):
                    continue  # "X leads the nominations for the German Film Awards": the ceremony, not a category
                awards = [m.group("a"), *SLOT.findall(m.groupdict().get("tail") or "")]
                self._award(s, m.group("s"), awards, "nominated", festival, emit, doc)
        for m in self.p_award_it_won.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            if film:
                self._award_value_named(s, film, s.slots[m.group("a")].value, "won", festival, emit, doc)
        for m in self.p_award_earned_pronoun.finditer(m_text):
            people = [c for c in re.finditer(r"⟨[PN]\d+⟩", m_text[:m.start()])
                      if not re.search(r"\bas\s+(?:[a-z][\w\-]*\s+){0,3}$", m_text[:c.start()])]
            if people:
                self._award(s, people[0].group(), [m.group("a")], "won", festival, emit, doc)
        for m in self.p_award_earned_person.finditer(m_text):
            outcome = "nominated" if m.group("nom") else "won"
            self._award(s, m.group("s"), [m.group("a")], outcome, festival, emit, doc)
        if doc.topic_person:
            for m in self.p_award_pronoun_won.finditer(m_text):
                film = self.film_before(s, m.start())
                for code in [m.group("a"), *SLOT.findall(m.group("tail") or "")]:
                    if s.slots[code].kind == "award":
                        self._award_to_person(s, doc.topic_person, s.slots[code].value, film, festival, emit, doc)
        m = self.p_award_list.match(m_text)
        if m and not re.search(r"\b(?:leads?|tops?|dominates?|heads?)\b[^.]*\b(?:nominations|nods)\b", m.group("rest"), re.I) \
                and not re.search(r"\b(?:sweeps?|wins?|takes?|scoops?|triumphs?|bags?|nabs?)\b", m.group("rest"), re.I):
            # ("Golden Horse Awards: X sweeps top prizes" is a headline about the ceremony)
            # ("Nordic Film Awards: 'Cold Harbour' leads nominations" names the ceremony, not a prize it won)
            self._award_list_line(doc, s, m, festival, emit)
        self._category_lists(doc, s, festival, emit)

    def _category_lists(self, doc: Document, s: Sentence, festival: str | None, emit: Emit) -> None:
        """"leads the nominations with 14 nods, including best director for X and best lead
        performance for Y": each category goes to the name after "for", else to the film the
        sentence is about."""
        cue = re.search(r"\b(?:nominations?|nods|nominated|shortlisted|longlisted|in the running)\b", s.text)
        won = re.search(r"\b(?:won|wins|took home|scooped|picked up)\b[^.]{0,40}\b(?:prizes|awards|trophies)\b", s.text)
        if not cue and not won:
            return
        outcome = "nominated" if cue else "won"
        films = [c for c in SLOT.findall(s.masked) if c[1] == "F"]
        owner = re.search(rf"(?P<p>{P})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?{F}", s.masked)  # "Kemi Adeyinka's debut Tarmac"
        pending: list[str] = []  # "Best Lead Performance and Best Breakthrough Performance for newcomer X": both X's
        for m in re.finditer(rf"(?P<a>{A})(?:\s+for\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<s>{F}|{P}))?(?P<and>\s+and\s+(?=⟨A))?",
                             s.masked):
            award = s.slots[m.group("a")]
            if award.value[:4].lower() != "best" and "for" not in m.group():
                continue
            if re.search(r"\b(?:at|from)\s+(?:the\s+)?(?:\d+\w*\s+)?$", s.masked[:m.start()]):
                continue  # "a nomination at the European Film Awards for X": the ceremony, not a category
            if m.group("and") and not m.group("s"):
                pending.append(award.value)
                continue
            person_first = re.match(rf"\s*(?P<p>{P})", s.masked)  # "Berg earned a best actor nomination ... for X"
            # the film of the award's own clause: "X is nominated for A, while the documentary Y is in the running for B"
            before = [c for c in SLOT.findall(s.masked[:m.start()]) if c[1] == "F"]
            nearest = before[-1] if before else films[0] if films else None
            for value in [*pending, award.value]:
                subject = m.group("s") or (nearest if nearest and nearest != m.group("a") else None)
                if not m.group("s") and owner and re.search(r"\bDirect", value, re.I):
                    subject = owner.group("p")  # a director prize goes to the film's director
                if person_first and subject and subject[1] == "F" and re.search(r"act(?:or|ress)|performance|direct", value, re.I):
                    subject = person_first.group("p")  # a person's prize goes to the person, not the film
                if subject:
                    self._award_value(s, subject, value, outcome, festival, emit, doc)
            pending = []

    def _award(self, s: Sentence, subject: str, awards: list[str], outcome: str, festival: str | None,
               emit: Emit, doc: Document) -> None:
        for code in awards:
            if code in s.slots and s.slots[code].kind == "award":
                if s.slots[code].value.endswith("Awards") and re.search(
                        r"\b(?:at|from)\s+(?:the\s+)?(?:\d+\w*\s+)?$", s.masked[:s.masked.find(code)]):
                    continue  # "the big winner at the Golden Horse Awards": the ceremony, not a prize
                self._award_value(s, subject, s.slots[code].value, outcome, festival, emit, doc)
                self._award_work(s, subject, code, emit)

    def _award_work(self, s: Sentence, subject: str, award_code: str, emit: Emit) -> None:
        """"X won best actress at the Blue Dragon Film Awards for Gray Harbour": a person's acting,
        directing or craft prize for a film is that film's credit."""
        if subject not in s.slots or s.slots[subject].kind not in ("person", "name"):
            return
        role = award_role(s.slots[award_code].value)
        at = s.masked.find(award_code) + len(award_code)
        work = re.match(r"(?:[^⟨.;]|⟨[AE]\d+⟩){0,80}?\bfor\s+(?:(?:her|his|their)\s+(?:role|turn|performance|work)\s+in\s+)?"
                        r"(?:(?:19|20)\d{2}['’]s\s+)?(?P<f>⟨F\d+⟩)", s.masked[at:])
        if role and work:
            draft = self.credit(s, s.slots[work.group("f")].value, s.slots[subject].value, role, 0.7)
            if draft:
                emit(draft)

    def _award_value(self, s: Sentence, subject_code: str, award: str, outcome: str, festival: str | None,
                     emit: Emit, doc: Document) -> None:
        subject = s.slots[subject_code]
        if subject.kind == "film" and re.search(r"\bbest\s+(?:leading\s+|supporting\s+)?(?:actor|actress)\b", award, re.I):
            return  # a film wins no acting prize: "X took the Volpi Cup for best actor for Title"
        if subject.kind in ("person", "name") and re.search(r"\bby\s+$", s.masked[:s.masked.find(subject_code)]):
            return  # "X, directed by Y, is in the running for B": Y is the film's credit, the film is nominated
        if subject.kind == "name" and subject.value in PLACES:
            return  # "who turns her Valencia flat into a shelter ..., won best film": a place wins nothing
        fields: dict[str, object] = {"subject": subject.value, "award": award, "outcome": outcome}
        if subject.kind == "film":
            fields["film"] = subject.value
        if festival:
            fields["festival"] = festival
            stated = re.findall(r"\b((?:19|20)\d{2})\b", s.text)
            fields["year"] = int(stated[0]) if len(set(stated)) == 1 else doc.year
        emit(Draft("award", fields, s, 0.8))

    def _award_value_named(self, s: Sentence, film: str, award: str, outcome: str, festival: str | None,
                           emit: Emit, doc: Document) -> None:
        """An award to a film named by value (not by slot): "days after it won the Grand Jury Prize"."""
        fields: dict[str, object] = {"subject": film, "award": award, "outcome": outcome, "film": film}
        if festival:
            fields["festival"] = festival
            stated = re.findall(r"\b((?:19|20)\d{2})\b", s.text)
            fields["year"] = int(stated[0]) if len(set(stated)) == 1 else doc.year
        emit(Draft("award", fields, s, 0.7))

    def _award_to_person(self, s: Sentence, person: str, award: str, film: str | None, festival: str | None,
                         emit: Emit, doc: Document) -> None:
        """An award won by a person named by value: a profile's "for which he won the Emmy"."""
        fields: dict[str, object] = {"subject": person, "award": award, "outcome": "won"}
        if film:
            fields["film"] = film
        if festival:
            fields["festival"] = festival
            stated = re.findall(r"\b((?:19|20)\d{2})\b", s.text)
            fields["year"] = int(stated[0]) if len(set(stated)) == 1 else doc.year
        emit(Draft("award", fields, s, 0.7))

    def _award_list_line(self, doc: Document, s: Sentence, m: re.Match[str], festival: str | None, emit: Emit) -> None:
        """"Golden Bear: Title, Director" or "Best Actress: Name, Title"."""
        rest = m.group("rest")
        codes = [c for c in SLOT.findall(rest) if c[1] in "FPN"]
        if not codes:
            return
        award = s.slots[m.group("a")].value
        person_award = re.search(r"\b(?:Actor|Actress|Director|Performance|Screenplay|Directing|Cinematography|"
                                 r"Editing|Score|Music)\b", award)
        films = [c for c in codes if c[1] == "F"]
        people = [c for c in codes if c[1] in "PN"]
        subject = people[0] if person_award and people else (films[0] if films else codes[0])
        self._award_value(s, subject, award, "won", festival, emit, doc)

    def _festival_of(self, doc: Document, s: Sentence) -> str | None:
        for m in s.mentions:
            if m.kind == "festival":
                return m.value
        return self._most_named_festival(doc)

    def selections(self, doc: Document, s: Sentence, emit: Emit) -> None:
        festivals = [m for m in s.mentions if m.kind == "festival"]
        films = [m for m in s.mentions if m.kind == "film"]
        if not festivals:
            # "It world premiered in the Concorso internazionale": a section of the article's festival
            main = self._most_named_festival(doc)
            if main and SECTION_CUE.search(s.text) and self._section_named(s, main):
                festivals = [Mention("festival", s.start, s.start, "", main, 1)]
        if not films and festivals and doc.main_film and re.match(r"\s*(?:The|the)\s+(?:film|movie|documentary|feature|drama|"
                                                                   r"comedy|thriller)\b|\s*It\b", s.text):
            # "The film is one of 19 titles selected for the main competition of the Berlinale"
            context = self.context_film(doc, s)
            films = [Mention("film", s.start, s.start, "", context, 1)] if context else []
        if not festivals and films:
            lineup_festival = self._lineup_festival(doc)
            if lineup_festival and LINEUP_SENTENCE.search(s.text):
                festivals = [Mention("festival", s.start, s.start, "", lineup_festival, 1)]
        if not festivals or not films or not self.selection_cue.search(s.text):
            return
        if re.search(r"\b(?:not|never|didn['’]t|did not|failed to|snubbed|passed on|rejected)\b", s.text):
            return
        if MARKET.search(s.text) and not re.search(r"\b(?:premiere|competition|section|line-?up|selected)\b", s.text):
            return  # a market slate ("EFM slate", "at the Marché") is no festival selection
        lineup = re.search(r"\b(?:line-?up|selection|selected|titles|films|slate|programme|program|include|includes|"
                           r"joins?|alongside|competing|in the (?:section|strand|sidebar|competition|race))\b", s.text, re.I)
        attached = self._attached_films(s, films, festivals) if len(films) > 1 and not lineup else None
        # one film, several festivals: "X premiered at Sundance in January and screens next in Berlin's Panorama"
        one_film_tour = len({f.value for f in films}) == 1 and len({f.value for f in festivals if f.text}) > 1
        pairs = [(films[0], f) for f in festivals] if one_film_tour else \
            [(film, min(festivals, key=lambda f, film=film: abs(f.start - film.start))) for film in films]
        for film, festival in pairs:
            if self._film_is_history(s, film, festival):
                continue
            if attached is not None and film.start not in attached:
                continue  # several films, no line-up: only the film each festival clause is about
            year, edition = self._edition(doc, s, festival, film)
            own_year = self._film_year_in(s, film)
            if own_year and not self._year_near(s, festival):
                year = own_year  # "Hollow Month (2020) premiered in Orizzonti": that edition
            fields: dict[str, object] = {"film": film.value, "festival": festival.value, "year": year}
            section = self._section(s, festival)
            if section:
                fields["section"] = section
            premiere = self.premiere.search(s.text)
            if premiere:
                fields["premiere"] = premiere.group().lower()
            if edition:
                fields["edition"] = edition
            emit(Draft("selection", fields, s, 0.75))

    @staticmethod
    def _attached_films(s: Sentence, films: list[Mention], festivals: list[Mention]) -> set[int]:
        """In a sentence naming several films, each festival belongs to the film of its clause: the
        nearest film before it with no clause break between ("X, which played the Berlinale's
        Forum"), else the nearest film after it ("Venice contender X")."""
        starts: set[int] = set()
        for fest in festivals:
            if not fest.text:  # the line-up festival of the article: every film counts
                return {f.start for f in films}
            before = [f for f in films if f.end <= fest.start]
            if before:
                film = before[-1]
                between = s.text[film.end - s.start:fest.start - s.start]
                if not re.search(r";|\bwhile\b|\band followed\b|\bbefore\b|\bafter\b", between):
                    starts.add(film.start)
                    continue
            after = [f for f in films if f.start >= fest.end]
            if after and after[0].start - fest.end <= 80:
                starts.add(after[0].start)
        return starts

    def _lineup_festival(self, doc: Document) -> str | None:
        """The festival of a line-up article ("Berlinale 2024 competition: ...", "Venice unveils its
        line-up"): named with a line-up word in the article's first three sentences."""
        if doc.lineup_festival is None:
            doc.lineup_festival = ""
            for s in doc.sentences[:3]:
                fests = [m.value for m in s.mentions if m.kind == "festival"]
                if fests and LINEUP_ARTICLE.search(s.text):
                    doc.lineup_festival = fests[0]
                    break
        return doc.lineup_festival or None

    @staticmethod
    def _film_is_history(s: Sentence, film: Mention, festival: Mention) -> bool:
        """A film named as someone's earlier work ("whose 2019 film X won ...") is no selection."""
        before = s.text[max(0, film.start - s.start - 25):film.start - s.start]
        return bool(re.search(r"(?:(?:19|20)\d{2}['’]s?|previous|earlier|last|debut|whose)\s+(?:[\w\-]+\s+)?$", before)) \
            and not re.search(r"premiere|competition|line-?up", s.text[film.end - s.start:film.end - s.start + 30])

    def _edition(self, doc: Document, s: Sentence, festival: Mention,
                 film: Mention | None = None) -> tuple[int | None, int | None]:
        window = s.text[max(0, festival.start - s.start - 30):festival.end - s.start + 12]
        year = None
        m = re.search(r"((?:19|20)\d{2})", window)
        if m:
            year = int(m.group(1))
        elif re.search(r"\bnext year['’]s\b", window, re.I) and doc.year:
            year = doc.year + 1
        elif re.search(r"\blast year['’]s\b", window, re.I) and doc.year:
            year = doc.year - 1
        edition_match = re.search(r"(\d{1,3})(?:st|nd|rd|th)\s+(?:edition\s+of\s+(?:the\s+)?)?$",
                                  s.text[max(0, festival.start - s.start - 30):festival.start - s.start])
        edition = int(edition_match.group(1)) if edition_match else self._edition_elsewhere(s, festival)
        # a year said of a time, not of a thing ("in 2019", "2019's", "the 2019 edition"; not "the 1998 rescue")
        stated = set(re.findall(r"(?:\b(?:in|at|of|since|for|from|during|until)\s+(?:\w+\s+){0,2}?|^)((?:19|20)\d{2})\b"
                                r"|\b((?:19|20)\d{2})(?=['’]s\b|\s+(?:edition|festival|fest|line-?up|selection|competition))",
                                s.text))
        stated = {a or b for a, b in stated} - {str(y) for y in self._film_years_in(s)}
        # "a road movie set over a single night in 1995": the story's year, not the edition's
        stated -= set(re.findall(r"\bset\b[^.;]{0,40}?\b((?:19|20)\d{2})\b", s.text))
        stated -= set(re.findall(r"\b((?:19|20)\d{2})\s+(?:lockdown|pandemic|war|crisis|floods?|earthquake|election|protests?|"
                                 r"revolution|coup|riots?|uprising|strike|drought|tsunami|massacre|olympics)\b", s.text, re.I))
        titles = [m.start for m in s.mentions if m.kind == "film"]
        if film is not None and festival.text and ";" in s.text and len(titles) > 1:
            # "X, whose Y played in Panorama in 2022; Z's W; ... the Berlinale's main competition": a year
            # after the next title dates that item, not this selection
            later = [t for t in titles if t > film.start]
            own = s.text[film.end - s.start:(min(later) if later else s.end) - s.start]
            own = re.sub(r"\b(?:whose|who)\b[^;]*", "", own)  # "whose debut played in Panorama in 2022"
            stated = {y for y in stated if y in own}
        if year is None and len(stated) == 1:
            year = int(stated.pop())
        if year is None:
            past = bool(re.search(r"\b(?:premiered|world-premiered|played|screened|bowed|debuted|won|competed|was selected|took|"
                                  r"opened|closed|unspooled|launched|made its|had its|was shown)\b",
                                  self._film_clause(s, festival, film)))
            year = self._festival_year_elsewhere(doc, festival.value) or self.edition_year(doc, festival.value, past)
        return year, edition

    @staticmethod
    def _film_clause(s: Sentence, festival: Mention, film: Mention | None) -> str:
        """The clause that holds the film (and its festival), whose tense dates the edition: "is
        Oyster Season, ..., whose Driftless won the Golden Leopard here" speaks of this year's."""
        if film is None:
            return s.text
        lo = film.start - s.start
        hi = max(lo, festival.start - s.start) if festival.text else lo
        lo = min(lo, festival.start - s.start) if festival.text else lo
        start = max(s.text.rfind(",", 0, lo), s.text.rfind(";", 0, lo)) + 1
        if not festival.text:
            return s.text[start:lo + len(film.text) + 40]
        ends = [i for i in (s.text.find(",", hi), s.text.find(";", hi)) if i != -1]
        return s.text[start:min(ends) if ends else len(s.text)]

    @staticmethod
    def _edition_elsewhere(s: Sentence, festival: Mention) -> int | None:
        """"Venice main competition contender X ... at 2020's 77th Venice Intl. Film Festival": the
        edition number given to the same festival elsewhere in the sentence."""
        for other in s.mentions:
            if other.kind == "festival" and other.value == festival.value and other is not festival:
                found = re.search(r"(\d{1,3})(?:st|nd|rd|th)\s+(?:edition\s+of\s+(?:the\s+)?)?$",
                                  s.text[max(0, other.start - s.start - 30):other.start - s.start])
                if found:
                    return int(found.group(1))
        return None

    @staticmethod
    def _film_year_in(s: Sentence, film: Mention) -> int | None:
        """The year a sentence attaches to a film: "2016's Title", "Title (2016)", "his 2016 satire Title"."""
        start, end = film.start - s.start, film.end - s.start
        before, after = s.text[max(0, start - 40):start], s.text[end:end + 10]
        m = re.search(r"((?:19|20)\d{2})(?:['’]s)?\s+(?:[a-z][\w\-]*\s+){0,3}[“\"‘]?$", before) or \
            re.match(r"[”\"’]?,?\s*\(((?:19|20)\d{2})\)", after)
        return int(m.group(1)) if m else None

    def _film_years_in(self, s: Sentence) -> set[int]:
        return {y for m in s.mentions if m.kind == "film" for y in [self._film_year_in(s, m)] if y}

    @staticmethod
    def _year_near(s: Sentence, festival: Mention) -> bool:
        if not festival.text:
            return False
        window = s.text[max(0, festival.start - s.start - 30):festival.end - s.start + 12]
        return bool(re.search(r"(?:19|20)\d{2}", window))

    def edition_year(self, doc: Document, festival: str, past: bool = False) -> int | None:
        """The edition an article means when it gives no year: its own year; the next one when
        it is dated months after the festival's usual month (a December line-up of a January
        festival); the last one when it tells of a premiere that happened and the festival's
        month is still to come this year (a March story about October's Busan premiere)."""
        if doc.year is None:
            return None
        fest = next((f for f in self.v.festivals if f.name == festival), None)
        if fest and fest.month and doc.month:
            if past and fest.month > doc.month:
                return doc.year - 1
            if not past and doc.month - fest.month >= 5:
                return doc.year + 1
        return doc.year

    @staticmethod
    def _festival_year_elsewhere(doc: Document, festival: str) -> int | None:
        for m in doc.mentions:
            if m.kind == "festival" and m.value == festival:
                window = doc.text[max(0, m.start - 12):m.end + 6]
                # within the mention's own line: not the byline's "16 December 2025" just above it
                window = window[window.rfind("\n", 0, m.start - max(0, m.start - 12)) + 1:]
                window = window.split("\n", 1)[0]
                found = re.search(r"(?:19|20)\d{2}", window)
                if found:
                    return int(found.group())
        return None

    def _section_named(self, s: Sentence, festival: str) -> str | None:
        """One of ``festival``'s own sections named in the sentence (not the generic "competition")."""
        return self._own_section(s, festival, skip=GENERIC_SECTIONS)

    def _own_section(self, s: Sentence, festival: str, skip: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The longest of ``festival``'s sections the sentence names: one written in capitals ("NEXT")
        only as written, the others in any case, as whole words."""
        fest = next(f for f in self.v.festivals if f.name == festival)
        lowered = s.text.lower()
        for section in sorted(fest.sections, key=len, reverse=True):
            if section.lower() in skip:
                continue
            text, name = (s.text, section) if section.isupper() else (lowered, section.lower())
            if name in text and regex(rf"(?<![\w-]){re.escape(name)}(?![\w-])").search(text):
                return section
        return None

    def _section(self, s: Sentence, festival: Mention) -> str | None:
        own = self._own_section(s, festival.value)
        if own:
            return own
        lowered = s.text.lower()
        generic = re.search(r"\b(main competition|official competition|international competition|competition|"
                            r"out of competition|official selection|special screenings?|special presentations?)\b", lowered)
        return generic.group(1) if generic else None
