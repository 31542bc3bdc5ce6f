"""The shared ground of the relation rules: placeholder patterns (``⟨F0⟩ stars ⟨P1⟩``), the
``Draft`` a rule emits, the vocabulary-derived alternations and the helpers every rule uses to
find the film a sentence talks about.

Placeholders: F film, P person, N untyped name, C company, E festival, T territory, A award.
A rule's slot decides an untyped name's kind ("produced by ⟨N2⟩" makes N2 a person).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.lists import ListReader
from reelgraph.extract.mentions import Lexicon, Mention
from reelgraph.extract.vocab import Vocab, alternation

F = r"⟨F\d+⟩"
P = r"⟨[PN]\d+⟩"
C = r"⟨[CN]\d+⟩"
T = r"⟨T\d+⟩"
E = r"⟨E\d+⟩"
A = r"⟨A\d+⟩"
SLOT = re.compile(r"⟨[A-Z]\d+⟩")
AND = r"(?:\s*,?\s*(?:and|&)\s+|\s*,\s*)"
PL = rf"{P}(?:{AND}{P})*"
FL = rf"{F}(?:\s*\([^)]*\)){{0,2}}(?:{AND}(?:the\s+)?{F}(?:\s*\([^)]*\)){{0,2}})*"
# An optional home base before a company: "Vilnius-based Kino Pasaka", "Los Angeles-based XYZ Films".
BASED = r"(?:(?:[A-Z][\w]*\s+)?[\w.\-]+-based\s+)?"
CAST_CHAR = r"(?P<char>⟨[PN]\d+⟩|[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})"


@dataclass
class Draft:
    """A fact before it becomes a ``Fact``: fields, sentence and confidence."""

    type: str
    fields: dict[str, object]
    sentence: Sentence
    confidence: float


Emit = Callable[[Draft], None]


DEAL_CUE = re.compile(r"\b(?:sold|acquired|picked up|pre-sold|presold|bought|rights|sales|distribut\w*|release[sd]?|"
                      r"closed|boarded|handles?)\b")


class RuleBase:
    """Vocabulary-derived pieces and helpers shared by every rule family."""

    def __init__(self, v: Vocab, lex: Lexicon) -> None:
        self.v = v
        self.lex = lex
        x = v.lexicon
        self.role_participle = alternation(list(x["role_participles"]))
        self.role_noun = alternation(list(x["role_nouns"]))
        self.deal_verb = alternation(x["deal_verbs"])
        self.hedge = re.compile(alternation(x["deal_hedges"]), re.I)
        self.position_title = lex.position_title.pattern
        self.premiere = re.compile(alternation(x["premiere_kinds"]), re.I)
        self.selection_cue = re.compile(alternation(x["selection_cues"]), re.I)
        self.won = alternation(x["award_won_verbs"])
        self.nominated = alternation(x["award_nominated_cues"])
        self.film_noun = lex.film_noun.pattern
        self.cast_genres = set(x["cast_genres"])
        self.adjectives = v.adjectives
        sections = {sec.lower() for f in v.festivals for sec in f.sections}
        self.list_reader = ListReader(lambda line: line.lower().rstrip(": ") in sections or bool(
            re.fullmatch(r"(?:[A-Z][\w'’\-]*|of|and|the|in|for)(?:\s+(?:[A-Z][\w'’\-]*|of|and|the|in|for|competition))*:?", line)),
            lex.section)

    # ------------------------------------------------------------------ patterns

    @staticmethod
    def unmask(s: Sentence, chunk: str) -> str:
        """A masked chunk as written: "(CJ CGV ⟨T8⟩)" -> "(CJ CGV Vietnam)"."""
        return SLOT.sub(lambda c: s.slots[c.group()].text, chunk)

    def values(self, s: Sentence, chunk: str, kinds: str = "PN") -> list[str]:
        return [s.slots[c].value for c in SLOT.findall(chunk) if c[1] in kinds]

    @staticmethod
    def films(s: Sentence) -> list[str]:
        return [m.value for m in s.mentions if m.kind == "film"]

    def film_before(self, s: Sentence, pos: int) -> str | None:
        codes = [c for c in SLOT.findall(s.masked[:pos]) if c[1] == "F"]
        return s.slots[codes[-1]].value if codes else None

    def film_after(self, s: Sentence, pos: int) -> str | None:
        codes = [c for c in SLOT.findall(s.masked[pos:]) if c[1] == "F"]
        return s.slots[codes[0]].value if codes else None

    def context_film(self, doc: Document, s: Sentence, skip_history: bool = False) -> str | None:
        """The film a sentence without a title talks about ("the film", "it"): the film of the
        sentence before when that sentence names exactly one that is not an earlier work
        ("her short Low Tide (2013)"), else the article's main film."""
        films = self.films(s)
        own = [m for m in s.mentions if m.kind == "film"]
        if len(set(films)) == 1 and all(self._known_for(s, m) for m in own) and doc.main_film:
            return doc.main_film  # "The drama stars X ("Glass Stairwell") as Y": the reference is not the subject
        if len(set(films)) == 1 and not (skip_history and films[0] != doc.main_film):
            return films[0]
        if films and not skip_history:
            return None
        if s.index > 0:
            prev = doc.sentences[s.index - 1]
            before = [m for m in prev.mentions if m.kind == "film"]
            if len({m.value for m in before}) == 1 and not self._is_earlier_work(prev, before[0]):
                return before[0].value
        return doc.main_film

    @staticmethod
    def _known_for(s: Sentence, film: Mention) -> bool:
        """A title in parentheses after a name: what that person is known for ("X ("Paper Knives")")."""
        return bool(re.search(r"\(\s*[\"“‘']?$", s.text[:film.start - s.start]))

    @classmethod
    def _is_earlier_work(cls, s: Sentence, film: Mention) -> bool:
        around = s.text[max(0, film.start - s.start - 30):film.end - s.start + 10]
        return bool(re.search(r"\((?:19|20)\d{2}\)|(?:19|20)\d{2}['’]s|\b(?:previous(?:ly)?|earlier|debut|short|last|known for|"
                              r"seen in)\b", around)) \
            or cls._known_for(s, film)

    @staticmethod
    def _company_before(doc: Document, s: Sentence) -> str | None:
        """The first company of the sentence before: the one "the company" refers back to."""
        if s.index == 0:
            return None
        previous = doc.sentences[s.index - 1]
        return next((m.value for m in previous.mentions if m.kind == "company"), None)

    def deal_film(self, doc: Document, s: Sentence, pos: int) -> str | None:
        """The film of a deal sentence that names none before the verb ("selling the film to ...",
        "the film has sold ..."): a film just before, else the article's main film — deal stories
        are about one title, and background films in the sentence before are not it."""
        before = self.film_before(s, pos)
        if before and not re.search(r"\b(?:the|this)\s+(?:film|pic|title|movie|feature|documentary|project)\b",
                                    s.masked[:pos]):
            return before
        if s.index > 0 and not self.films(s):
            # a round-up's next item: "Elsewhere, X has sold Title to ... . Vienna's Y will release it in Austria."
            prev = doc.sentences[s.index - 1]
            films = [m for m in prev.mentions if m.kind == "film"]
            if len({m.value for m in films}) == 1 and films[0].value != doc.main_film and \
                    not self._is_earlier_work(prev, films[0]) and DEAL_CUE.search(prev.text):
                return films[0].value
        return doc.main_film

    @staticmethod
    def credit(s: Sentence, film: str | None, person: str, role: str, conf: float, **extra: object) -> Draft | None:
        if not film or not person or film == person:
            return None
        return Draft("credit", {"film": film, "person": person, "role": role, **extra}, s, conf)
