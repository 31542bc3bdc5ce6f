"""Relation rules: read each sentence with its mentions replaced by placeholders
(``⟨F0⟩ stars ⟨P1⟩ as Lyudmila``) and emit facts.

Placeholders: F film, P person, N untyped name, C company, E festival, T territory, A award.
A rule's slot decides an untyped name's kind ("produced by ⟨N2⟩" makes N2 a person).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
FL = rf"{F}(?:\s*\([^)]*\))?(?:{AND}{F}(?:\s*\([^)]*\))?)*"
CAST_CHAR = r"(?P<char>⟨[PN]\d+⟩|[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})"


@dataclass
class Draft:
    """A fact before it becomes a ``Fact``: fields, sentence and confidence."""

    type: str
    fields: dict[str, object]
    sentence: Sentence
    confidence: float


Emit = Callable[[Draft], None]

MARKET = re.compile(r"\b(?:EFM|European Film Market|AFM|American Film Market|Marché du Film|Cannes market|FILMART|MIFA|"
                    r"Ventana Sur|slate|buyers|pre-sales|presales|market)\b")
LINEUP_ARTICLE = re.compile(r"\b(?:line-?up|competition|selection|unveil(?:s|ed)?|announc(?:es|ed)|programme|program|"
                            r"titles|sidebar|section|slate|will screen|world premieres?)\b", re.I)
LINEUP_SENTENCE = re.compile(r"\b(?:competition|line-?up|titles?|selection|selected|compet(?:e|es|ing)|premieres?|contenders?|"
                             r"entries|entry|in the running|joins?|round(?:s|ing)? out|also (?:screening|playing)|"
                             r"will screen|screens|contingent|returns? to|brings?|bring)\b", re.I)


class Rules:
    """All relation rules, compiled once for a vocabulary."""

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
            re.fullmatch(r"(?:[A-Z][\w'’\-]*|of|and|the|in|for)(?:\s+(?:[A-Z][\w'’\-]*|of|and|the|in|for|competition))*:?", line)))
        self._compile()

    # ------------------------------------------------------------------ patterns
    def _compile(self) -> None:
        adj = r"(?:[\w'’\-]+\s+){0,4}?"
        self.p_possessive = re.compile(
            rf"(?P<p>{P})['’]s?\s+(?P<gap>(?:(?:(?:19|20)\d{{2}}|[a-z][\w\-]*|[A-Z]\w*-[a-z]+|[A-Z][a-z]+(?=\s+[a-z])|⟨E\d+⟩)\s+){{0,5}}?)"
            rf"(?P<f>{F})")
        director_word = r"(?:director|helmer|filmmaker|auteur|documentarian)"
        self.p_from_director = re.compile(
            rf"(?P<f>{F}),?\s+(?:is\s+|was\s+)?(?:(?:the|a|an|his|her|their)\s+){adj}(?:{self.film_noun})\s+(?:from|by)\s+"
            rf"{adj}(?:{director_word}\s+)?(?P<p>{P})"
            rf"|(?P<f2>{F})[^⟨.]{{0,60}}?\bfrom\s+{adj}{director_word}\s+(?P<p2>{P})")
        self.p_participle = re.compile(
            rf"(?P<roles>(?i:(?:{self.role_participle}(?:\s*(?:,|and|&)\s*)?)+))\s+by\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
            rf"(?P<pl>{PL}(?:\s+(?:with|alongside)\s+{PL})?)")
        self.p_cowritten_with = re.compile(
            rf"\b(?i:co-written|co-wrote|co-writing|wrote|written|adapted)\b[^⟨.]{{0,40}}?\bwith\s+(?:(?:the|her|his|their)\s+)?"
            rf"(?:[a-z][\w\-]*\s+){{0,3}}?(?P<pl>{PL})")
        self.p_craft_by = re.compile(
            rf"\b(?P<craft>(?i:editing|edit|original score|score|music|cinematography|camerawork|photography|screenplay|script))\s+"
            rf"(?:is|was|will be|is being|comes from|are)?\s*(?:handled\s+|composed\s+|provided\s+)?by\s+"
            rf"(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){{0,3}}?(?P<pl>{PL})"
            rf"|\b(?P<craft2>(?i:score|music))\s+is\s+being\s+composed\s+by\s+(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){{0,3}}?(?P<pl2>{PL})")
        self.p_cast_future = re.compile(
            rf"(?P<pl>{PL})\s+(?:(?:will|is set to|are set to|also|is to|are to)\s+)+(?:co-star|star|appear|feature)\b(?!\s+in\b)"
            rf"|(?P<pl2>{PL})[^.;⟨]{{0,40}}?\bround(?:s|ed)?\s+out\s+the\s+(?:main\s+|principal\s+|ensemble\s+)?(?:cast|ensemble)"
            rf"|\bcast(?:\s+members?)?\s+(?:also\s+)?include[sd]?\s+(?P<pl3>{PL})")
        self.p_cast_cue = re.compile(r"\b(?:stars|starring|co-stars|co-starring|toplined by|cast includes)\b")
        self.p_stars = re.compile(
            rf"(?P<f>{F})(?:[^⟨.;]{{0,40}}?|,[^;.]{{0,140}}?,\s+(?:also\s+)?)\b(?:stars|co-stars|toplines|starring|features|will star)\s+"
            rf"(?:(?:[a-z][\w\-]*|[A-Z][a-z]+(?=\s+[a-z]))\s+){{0,4}}?(?P<pl>{PL})")
        self.p_appositive_owner = re.compile(
            rf"(?P<f>{F}),\s+(?P<p>{P})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?(?:{self.film_noun})\b")
        self.p_director_his_film = re.compile(
            rf"\b(?:director|filmmaker|helmer)\s+(?P<p>{P})\b[^⟨.]{{0,80}}?\bfor\s+(?:his|her|their)\s+(?:[\w\-]+\s+){{0,4}}?(?P<f>{F})")
        self.p_role_in = re.compile(
            rf"(?P<p>{P})\b[^⟨.]{{0,80}}?\bfor\s+(?:his|her|their)\s+(?:[\w\-]+\s+){{0,2}}?(?:role|performance|turn)\s+"
            rf"(?:as\s+[^⟨]{{0,40}}?\s+)?in\s+(?:(?:{P})['’]s?\s+)?(?P<f>{F})")
        self.p_starring = re.compile(
            rf"\b(?:starring|co-starring|featuring|featured|features|toplined by|headlined by|"
            rf"(?:shoots?|shooting|filming|films)\b[^⟨.]{{0,30}}?\bwith|(?:ensemble\s+|voice\s+)?cast\s+"
            rf"(?:of|includes|including|features|is led by))\s+(?:the\s+(?:ensemble\s+|voice\s+)?cast\s+of\s+)?(?P<pl>{PL})")
        self.p_person_stars_in = re.compile(
            rf"(?P<pl>{PL})(?:\s*\([^()]*\))?\s+(?:(?:has|have|had|will|is set to|are set to|also)\s+)?(?:star|stars|starred|co-stars|co-starred|"
            rf"appears|appeared|appear|plays|played|play|toplines?|toplined|headlines?|headlined|leads?|led|"
            rf"feature[sd]?|broke out|broke through|made (?:his|her|their) name)\s+(?:in|opposite [^⟨]*?in)?\s*(?:the\s+)?"
            rf"(?:{self.film_noun}\s+)?(?P<fl>{FL})")
        self.p_coproducer_list = re.compile(
            rf"\b(?:co-?producers?|producers?|co-producing partners)\s+(?:are\s+|include\s+)?"
            rf"(?P<list>{P}\s*\([^)]*\)(?:(?:{AND}){P}\s*\([^)]*\))+)")
        self.p_debut_with = re.compile(
            rf"(?P<p>{P})\s+(?:will\s+)?(?:make|makes|made|is making)\s+(?:his|her|their)\s+(?:[\w\-]+\s+){{0,2}}?"
            rf"(?:debut|feature debut|directorial debut|return)\s+with\s+(?:the\s+)?(?:[\w\-]+\s+){{0,3}}?(?P<f>{F})")
        self.p_seen_in = re.compile(rf"(?P<p>{P}),?\s+(?:best\s+)?(?:seen|known)\s+(?:in|for)\s+(?:{P}['’]s?\s+)?(?P<f>{F})")
        self.p_as_char = re.compile(rf"\bas\s+(?:the\s+)?{CAST_CHAR}")
        self.p_joins = re.compile(
            rf"(?P<pl>{PL})\s+(?:(?:has|have)\s+)?(?:joined|joins|join|boarded|boards|board|(?:is|are|has been|have been)\s+"
            rf"(?:set|attached|tapped|cast|added)(?:\s+to\s+(?:star\s+in|join|board))?|(?:has|have)\s+come on board|signed on to|"
            rf"rounds? out)\s+(?:the\s+)?(?:(?:cast|ensemble|line-up)\s+of\s+)?(?:the\s+)?{adj}(?:{self.film_noun}\s+)?(?P<f>{F})"
            rf"(?:(?:[^⟨.]|⟨[^⟩]+⟩){{0,90}}?\bas\s+(?:an?\s+|its\s+|the\s+)?(?P<role>{self.role_noun}))?")
        self.p_subject_verb = re.compile(
            rf"(?P<pl>{PL})\s+(?:(?:will|is set to|are set to|is to|has|have|had|also|is attached to|are attached to|previously|"
            rf"recently|once|first|later|then|[a-z]+ly)\s+)*"
            rf"(?P<verb>co-directs?|co-directed|directs?|directed|helms?|helmed|writes|wrote|co-wrote|co-writes|penned|pens|"
            rf"produces?|produced|co-produces?|co-produced|scores?|scored|edits|edited|shot|lensed)\s+"
            rf"(?:and\s+\w+\s+)?(?:(?:the|a|an|his|her|their)\s+)?(?:(?:[\w'’\-]+|⟨[PNE]\d+⟩(?:['’]s?)?)\s+){{0,5}}?"
            rf"(?:{self.film_noun},?\s+)?(?P<fl>{FL})")
        self.p_owner_apposition = re.compile(
            rf"(?P<p>{P})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?(?:{self.film_noun}),\s+(?:(?:the|a|an)\s+(?:(?:19|20)\d{{2}}\s+)?"
            rf"(?:[\w\-]+\s+){{0,2}}?)?(?P<f>{F})")
        self.p_started_shooting = re.compile(
            rf"(?P<pl>{PL})\s+(?:(?:have|has|had|are|is|will)\s+)?(?:started|begun|began|wrapped|finished|completed|start|begin|"
            rf"shooting|filming|in production on)\s+(?:shooting|filming|production on|principal photography on|work on)?\s*"
            rf"(?:on\s+)?(?:their|his|her)\s+(?:[\w\-]+\s+){{0,4}}?(?P<f>{F})")
        self.p_pronoun_work = re.compile(
            rf"(?P<p>{P})(?:[^⟨.;]|⟨[ETA]\d+⟩){{0,80}}?\b(?:his|her|their|whose)\s+(?:(?:(?:19|20)\d{{2}}\s+)?(?:[\w\-]+\s+){{0,2}}?"
            rf"(?:debut|feature|film|short|documentary|follow-up|first|second|third|previous|latest|breakout|sophomore)"
            rf"(?:\s+(?:feature|film|effort|outing))?,?\s+)?(?P<f>{F})(?!\s*['’]s)")
        self.p_returns_with = re.compile(
            rf"(?P<p>{P})(?:,[^,;.]{{0,80}},)?\s+(?:returns?|comes back|is back|bows|competes|brings|unveils|will present|"
            rf"presents|premieres)\b(?:\s+to\s+(?:[^⟨.]|⟨[ETA]\d+⟩){{0,40}}?)?\s*(?:with\s+)?(?:(?:the|his|her|their|a|an)\s+)?"
            rf"(?:[\w\-]+\s+){{0,4}}?(?P<f>{F})")
        self.p_serving_as = re.compile(
            rf"\bwith\s+(?P<pl>{PL})\s+(?:serving|attached|on board|aboard|credited)\s+as\s+(?:an?\s+|the\s+)?"
            rf"(?P<role>{self.role_noun})s?")
        self.p_bullet_role = re.compile(
            rf"(?P<p>{P})\s*[•|,–—-]\s*(?P<role>Director|Writer|Producer|Screenwriter|Co-director|Writer-director)\s+of\s+(?P<f>{F})")
        self.p_known_for = re.compile(
            rf"(?P<p>{P})\s*\((?P<fl>{F}(?:\s*,\s*{F})*)\)")
        self.p_character_actor = re.compile(
            rf"\b(?:a|an|the|his|her|their)\s+(?:[a-z][\w\-]*\s+){{1,4}}\((?P<p>{P})\)")
        self.p_alongside = re.compile(
            rf"\b(?:stars?|starring|co-stars?|co-starring|appears?|plays?)\s+(?:[^⟨.]{{0,30}}?)\balongside\s+(?P<pl>{PL})")
        self.p_pronoun_stars = re.compile(
            r"\b(?:in which|where|which)\s+(?:she|he|they)\s+(?:also\s+)?(?:stars|star|plays|play|appears|appear|co-stars)\b")
        self.p_gerund = re.compile(
            rf"\b(?P<verb>co-writing|writing|directing|co-directing|producing|starring in|helming|scripting)\s+"
            rf"[^⟨]{{0,60}}?(?:(?P<owner>{P})['’]s?\s+)?[^⟨]{{0,40}}?(?P<f>{F})")
        self.p_script_for = re.compile(
            rf"(?P<p>{P})\s+(?:script|screenplay|scenario|story)\s+(?:for|into|that became)\s+[^⟨]{{0,25}}?(?P<f>{F})")
        self.p_year_person_genre = re.compile(
            rf"\bthe\s+(?P<y>(?:19|20)\d{{2}})\s+(?P<p>{P})\s+(?P<genre>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\s+(?P<f>{F})")
        self.p_role_noun_person = re.compile(
            rf"(?<!festival )(?<!managing )(?<!artistic )(?<!casting )(?<!creative )(?<!general )(?<!art )"
            rf"(?<!executive )(?<!music )(?<!sales )(?<!acquisitions )(?<!programming )(?<!photography )"
            rf"\b(?P<role>(?i:{self.role_noun}))\s+(?P<pl>{PL})")
        self.p_person_role_apposition = re.compile(
            rf"(?P<p>{P}),\s+(?:the\s+|its\s+|who\s+(?:also\s+)?(?:is|was)\s+(?:the\s+)?)(?:film['’]s\s+|movie['’]s\s+|project['’]s\s+)?"
            rf"(?P<role>{self.role_noun})\b")
        credit_verb = (r"(?:directed|wrote|co-wrote|produced|co-produced|starred in|appeared in|co-starred in|"
                       r"(?:went on to\s+)?(?:had\s+)?(?:an?\s+)?(?:leading|starring|supporting|lead|main|recurring|\w+)?\s*roles?\s+in|"
                       r"played in|acted in|composed the (?:music|score) for|scored|voiced [^⟨]{0,30}in|edited|shot)")
        self.p_pronoun_credit = re.compile(
            rf"\b(?P<pro>He|She|he|she|They|they)\s+(?:(?:also|then|later|has|had|went on to|would|subsequently|first|"
            rf"again|once|has also|have)\s+)*(?P<verb>{credit_verb}(?:\s*(?:,|and)\s*{credit_verb})*)\s+"
            rf"(?:the\s+)?(?:[^⟨.]|⟨[PN]\d+⟩['’]s){{0,40}}?(?P<fl>{FL})")
        self.p_it_credit = re.compile(
            rf"^(?:It|The (?:film|movie|series|show|picture|documentary|feature|pic|programme|program|sitcom|drama))\s+"
            rf"(?:also\s+)?(?P<verb>stars|starred|features|featured|co-stars|starring)\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<pl>{PL})")
        self.p_topic_first_film = re.compile(
            rf"\b(?:His|Her|Their|his|her|their)\s+(?:(?:first|second|third|debut|directorial|feature|latest|next|new|"
            rf"breakthrough|last|final)\s+)+(?:film|feature|movie|documentary|short)?\s*(?:,\s*|was\s+|is\s+|with\s+)"
            rf"(?:(?:in|released in)\s+\d{{4}}\s+with\s+)?(?P<f>{F})")
        self.p_topic_films = re.compile(
            rf"\b(?P<cue>starred|starring|co-starred|appeared|appearing|appearances?|roles?|played|playing|portrayed|known for|"
            rf"guest[- ]starred|guest[- ]starring|cast member|characters|series regular|regular|"
            rf"films?\s+(?:such as|including|like)|credits include|directed|directing|wrote|writing|produced|producing|composed|"
            rf"scored|debut)\b[^.]{{0,120}}?(?P<fl>{FL})")
        self.p_year_possessive = re.compile(rf"(?P<y>(?:19|20)\d{{2}})['’]s\s+(?P<f>{F})")
        self.p_year_paren = re.compile(rf"(?P<f>{F})\s*\((?:[^()⟨]{{0,40}}?[,\s])?(?P<y>(?:19|20)\d{{2}})\)")
        self.p_year_the = re.compile(
            rf"\b(?:(?:the|his|her|their|its|a)\s+(?P<y>(?:19|20)\d{{2}})|(?:and|in)\s+(?P<y2>(?:19|20)\d{{2}})(?=\s+(?:{self.film_noun})\b))"
            rf"\s+(?:(?:{P})['’]?s?\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?,?\s*(?P<f>{F})")
        self.p_year_made_in = re.compile(
            rf"\b(?:directed|wrote|made|produced|shot|released|premiered|completed|helmed|co-wrote|co-directed)\b[^⟨.]{{0,60}}?"
            rf"(?P<f>{F}),?\s+in\s+(?P<y>(?:19|20)\d{{2}})\b")
        self.p_year_owner = re.compile(rf"{P}['’]s\s+(?P<y>(?:19|20)\d{{2}})\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?P<f>{F})")
        self.p_year_is_a = re.compile(rf"(?P<f>{F})(?:\s*\([^)]*\))?(?:,[^,.]{{0,60}},)?\s+(?:is|was)\s+an?\s+(?P<y>(?:19|20)\d{{2}})\b")
        self.p_year_released = re.compile(
            rf"(?P<f>{F})[^⟨.]{{0,60}}?(?:\b(?:was|were|is)\s+|,\s+)(?:first\s+|theatrically\s+|originally\s+)?released\s+"
            rf"[^⟨.]{{0,30}}?\bin\s+(?:\w+\s+)?(?:\d{{1,2}},?\s+)?(?P<y>(?:19|20)\d{{2}})\b")
        self.p_year_in = re.compile(rf"\bIn\s+(?P<y>(?:19|20)\d{{2}}),\s+[^⟨]{{0,60}}?(?P<f>{F})")
        # Deals
        terr = rf"(?:{T}|(?:world|worldwide|international|global|foreign|all)\b)"
        self.p_sales_by = re.compile(
            rf"(?P<f>{F})(?:[^⟨.;]|⟨[PNA]\d+⟩){{0,120}}?\b(?:snapped up|picked up|acquired|boarded|taken|nabbed|grabbed|scooped up|"
            rf"secured|landed)\s+(?:for|by)\s+(?:(?P<scope>world|worldwide|international|global|foreign)\s+)?sales\s+by\s+"
            rf"(?:[\w\-]+\s+){{0,3}}?(?P<c>{C})")
        the_film = r"the (?:film|project|title|pic|movie|feature|documentary|drama|comedy|thriller)"
        self.p_company_sales = re.compile(
            rf"(?P<c>{C})[^⟨.]{{0,50}}?\b(?:has\s+|have\s+|will\s+|is\s+)?(?:boarded|boards|board|handle|handles|handling|"
            rf"taken|takes|took|picked up|picks up|acquired|acquires|snapped up|snaps up|nabbed|secured|landed|come on board for|"
            rf"is launching|launches|will launch|represents|is representing|is selling|sells)\s+(?:the\s+)?"
            rf"(?:(?P<scope>world|worldwide|international|global|foreign)\s+)?(?:sales(?:\s+rights)?|rights)\s+(?:on|to|for|of)\s+"
            rf"(?:(?:the\s+)?(?:[^⟨.]|⟨[PNEA]\d+⟩){{0,60}}?(?P<f>{F})|(?P<ctx>{the_film}))")
        self.p_boards_for = re.compile(
            rf"(?P<c>{C})[^⟨.]{{0,40}}?\b(?:has\s+|have\s+)?(?:boarded|boards|board|taken|takes|acquired|acquires|picked up|picks up|"
            rf"snapped up|nabbed|bought|landed|secured)\s+(?:(?:[^⟨.]|⟨[PNE]\d+⟩)){{0,60}}?(?P<f>{F})[^⟨.]{{0,30}}?\bfor\s+"
            rf"(?:(?P<scope>world|worldwide|international|global|foreign)\s+sales|(?P<terrs>(?:(?:the\s+)?{T}(?:{AND})?)+)\s*"
            rf"(?:distribution|release|rights)?)")
        self.p_rights_to = re.compile(
            rf"(?P<c>{C})[^⟨.]{{0,40}}?\b(?:{self.deal_verb}|won\s+(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:auction|bidding war)\s+for)\s+"
            rf"(?P<terrs>(?:[^⟨]{{0,3}}{terr}[\w\-]*(?:{AND})?|[A-Z][\w.\-]+\s+)*)"
            rf"\s*(?:(?:theatrical|distribution|digital|TV|VOD|SVOD|home entertainment|all|remake|English-language remake|"
            rf"[\w\-]+-language)\s+)*(?P<kind>rights|remake rights|distribution rights)"
            rf"(?P<outside>\s+(?:outside(?:\s+of)?|excluding|except(?:\s+for)?)\s+(?:the\s+)?(?:{T}(?:{AND})?)+)?\s+(?:to|for|on)\s+"
            rf"(?:the\s+)?(?:[^⟨.]|⟨[PNEA]\d+⟩){{0,80}}?(?P<f>{F})(?P<tail>[^⟨]{{0,40}})")
        self.p_acquired_film = re.compile(
            rf"(?P<c>{C})\s+(?:has\s+|have\s+)?(?:acquired|picked up|bought|snapped up|nabbed|landed|"
            rf"will release|will distribute|is releasing|is distributing|releases|has taken|grabbed)\s+"
            rf"(?:the\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<f>{F})(?P<tail>[^⟨.]{{0,30}}(?:{T}[^⟨.]{{0,8}})*)")
        self.p_sold_to = re.compile(
            r"\b(?:has\s+|have\s+|also\s+|already\s+)*(?:sold|selling|sells|pre-sold|pre-selling|presold|licensed|licensing|"
            r"(?:closed|inked|struck|sealed|signed|wrapped up|tied up)\s+(?:a\s+(?:raft|string|slew|flurry|clutch|number)\s+of\s+|"
            r"several\s+|multiple\s+|a\s+series\s+of\s+|further\s+|new\s+|more\s+)?(?:international\s+|territory\s+)?deals?\s+"
            r"(?:on|for))\s+(?P<obj>[^.;]{0,160}?)\b(?:to|including|in|with)\s+(?P<rest>.*)")
        self.p_passive_sold = re.compile(
            rf"(?:(?P<f>{F})[^⟨.]{{0,40}}?)?\b(?:has|have|was|were|had)\s+(?:also\s+|already\s+)?(?:been\s+)?(?:sold|pre-sold|presold|"
            rf"licensed|acquired|bought|picked up|pre-bought)\s+(?:by\s+(?P<c>{C})\s+)?(?:to|in|for)\s+(?P<rest>.*)")
        base = r"(?:[\w.\-]+-based\s+)?"
        self.p_sales_relative = re.compile(
            rf"(?P<c>{C}),?\s+(?:which|who)\s+(?:also\s+)?(?:is|has|had|will)?\s*(?:also\s+)?(?:handling|handles|handled|boarded|"
            rf"represents|is representing|selling|sells|handle|board|launched|launches|took|takes|taken)\s+"
            rf"(?:(?:world|worldwide|international|global|foreign)\s+(?:sales|rights)|sales|the (?:film|title|project) "
            rf"(?:internationally|worldwide)|it (?:internationally|worldwide))")
        self.p_sold_by = re.compile(
            rf"\b(?:(?:(?:being\s+)?sold|handled)\s+(?:internationally\s+|worldwide\s+|abroad\s+|overseas\s+)?|"
            rf"represented\s+(?:internationally|worldwide|abroad)\s+)by\s+"
            rf"{base}(?:(?:sales agent|sales company|sales outfit|outfit|banner)\s+)?(?P<c>{C})"
            rf"|\b(?:(?:world|worldwide|international|global|foreign)\s+)?sales\s+(?:are|is|were|will be|have been)\s+(?:being\s+)?"
            rf"(?:handled|overseen)\s+by\s+{base}(?P<c2>{C})")
        self.p_company_boarded_sales = re.compile(
            rf"(?P<c>{C})\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:boarded|is handling|will handle|handles|has taken on|took on)\s+"
            rf"(?:(?:world|worldwide|international|global|foreign)\s+)?sales(?:\s+rights)?\s*(?=[,.;]|\s+and\b|\s+ahead\b|$)")
        self.p_company_takes_territory = re.compile(
            rf"(?P<c>{C})\s+(?:has\s+|have\s+|also\s+)*(?:scooped up|scoops up|secured|secures|inks|inked|taken|takes|took|bought|pre-bought|"
            rf"buys|picked up|picks up|acquired|acquires|nabbed|nabs|grabbed|grabs|landed|lands|snapped up|snaps up|bagged|bags)\s+"
            rf"(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*)(?:\s+rights)?(?=\s*[,.;]|\s+(?:and|while|with|for)\b|$)")
        self.p_deals_with = re.compile(
            r"\b(?:closed|inked|struck|sealed|signed|wrapped up|tied up)\s+(?:[a-z]+\s+){0,3}?deals?"
            r"(?:\s+on\s+(?:the\s+)?(?:film|title|pic|project|feature|documentary|⟨F\d+⟩))?\s+(?:with|for|in|including)\s+"
            r"(?P<rest>.*)")
        self.p_passive_acquired_by = re.compile(
            rf"\b(?:was|were|has been|had been|have been|is being)\s+(?:[a-z]+ly\s+)?(?:acquired|picked up|bought|snapped up|nabbed)"
            rf"(?:\s+for\s+(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*))?\s+by\s+(?:[\w.\-]+-based\s+)?(?P<c>{C})"
            rf"(?:\s+for\s+(?:the\s+)?(?P<terrs2>{T}(?:{AND}(?:the\s+)?{T})*))?")
        self.p_released_adjective = re.compile(
            rf"\breleased\s+in\s+(?P<adj>[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)\s+(?:cinemas|theaters|theatres)\b[^⟨.]{{0,40}}?\bby\s+"
            rf"(?P<c>{C})"
            rf"|(?P<c2>{C})\s+(?:will|is set to|is to)\s+release\s+(?:[^⟨.]{{0,20}}?)\bin\s+(?P<adj2>[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)"
            rf"\s+(?:cinemas|theaters|theatres)")
        self.p_bought_for = re.compile(
            rf"\b(?:bought|acquired|picked up|snapped up|taken|pre-bought|nabbed)\s+for\s+(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*)"
            rf"[^⟨.]{{0,20}}?\bby\s+{base}(?P<c>{C})")
        self.p_released_in = re.compile(
            rf"\b(?:released|distributed)\s+in\s+(?P<terrs>{T}(?:{AND}{T})*)[^⟨.]{{0,30}}?\bby\s+{base}(?P<c>{C})"
            rf"|(?P<c2>{C})\s+(?:(?:will|is set to|is to)\s+(?:release|distribute)|released|distributed)\s+(?:the\s+(?:[\w\-]+\s+){{0,3}}?"
            rf"(?:film|title|pic|original|{self.film_noun})|it|⟨F\d+⟩)\s+in\s+(?P<terrs2>{T}(?:{AND}{T})*)"
            rf"|\b(?:opened|released|bowed|launched)\s+in\s+(?P<terrs3>{T}(?:{AND}{T})*)[^⟨.]{{0,40}}?\b(?:through|via|with)\s+{base}"
            rf"(?P<c3>{C})"
            rf"|\bin\s+(?P<terrs4>{T})\s+for\s+(?:(?:distributor|indie distributor)\s+)?(?P<c4>{C})"
            rf"|\bdeal\s+for\s+(?P<terrs5>{T}(?:{AND}{T})*)\s+with\s+(?P<c5>{C})"
            rf"|(?P<terrs6>{T}(?:{AND}{T})*)\s+(?:went|goes|has gone)\s+to\s+(?P<c6>{C})")
        self.p_by_for = re.compile(rf"\bby\s+{base}(?P<c>{C})\s+for\s+(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*)")
        self.p_which_handled = re.compile(
            rf"(?P<c>{C}),\s+which\s+(?:also\s+)?(?:handled|sold|represented|handles|sells|represents)\s+[^⟨.]{{0,40}}?(?P<f>{F})"
            rf"|(?P<f2>{F}),?\s+which\s+(?P<c2>{C})\s+(?:released|distributed|acquired|picked up|bought)")
        self.p_outside = re.compile(r"\b(?:outside|excluding|except(?: for)?|ex-)\s+(?:of\s+)?", re.I)
        # Positions, companies
        title = rf"(?P<title>{self.position_title})"
        self.p_pos_of = re.compile(rf"(?P<p>{P}),\s+(?:the\s+|its\s+|who\s+is\s+|now\s+)?(?:(?:new|former|outgoing|incoming)\s+)?{title}\s+(?:of|at)\s+(?P<c>{C})")
        self.p_company_title_person = re.compile(
            rf"(?:(?:former|ex-)\s*)?(?P<c>{C})['’]?s?\s+(?:(?:new|former|outgoing|incoming)\s+)?{title}\s*,?\s+(?P<p>{P})")
        self.p_person_company_title = re.compile(rf"(?P<p>{P}),\s+(?P<c>{C})['’]s?\s+{title}")
        self.p_person_of = re.compile(
            rf"(?P<pl>{PL})\s+(?:of|from|at)\s+(?:(?:(?:[A-Z][\w]*\s+)?[\w.\-]+-based|[A-Z][\w]+['’]s)\s+)?(?P<c>⟨C\d+⟩)(?!['’])")
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
            rf"(?P<p>{P})\s+(?:joins|joined|comes|came|arrives|arrived|moves|moved)\s+(?:to\s+[^⟨.]{{0,30}}?)?from\s+(?P<c>{C})"
            rf"(?:,\s+where\s+(?:she|he|they)\s+[^⟨.]{{0,50}}?\bas\s+(?:an?\s+|the\s+)?{title})?")
        self.p_who_promoted = re.compile(
            rf"(?P<p>{P}),?\s+who\s+(?:has been|had been|was|is|will be)\s+(?:promoted|named|appointed|upped|elevated)\s+"
            rf"(?:to\s+|as\s+)?(?:its\s+|the\s+)?{title}"
            rf"|(?P<p2>{P})\s+(?:has been|had been|was|will be)\s+(?:promoted|named|appointed|upped|elevated)\s+(?:to\s+|as\s+)?"
            rf"(?:its\s+|the\s+)?(?P<title2>{self.position_title})(?![^⟨.]{{0,12}}\b(?:of|at|for)\s+⟨C)")
        self.p_exited = re.compile(
            rf"(?P<p>{P}),?\s+(?:who\s+)?(?:has\s+|had\s+|will\s+)?(?:exited|exits|exit|is exiting|left|leaves|is leaving|departs|"
            rf"departed|stepped down from|steps down from|step down from|quit|quits)\s+(?:the\s+)?(?P<c>{C})")
        self.p_own_company = re.compile(
            rf"(?P<p>{P})[^⟨.]{{0,80}}?\b(?:launch|launched|launching|set up|setting up|found|founded|start|started|starting|form|"
            rf"formed)\s+(?:his|her|their)\s+own\s+(?:[\w\-]+\s+){{0,5}}?(?:company|banner|outfit|shingle|label|firm|agency)"
            rf",?\s+(?P<c>{C})")
        self.p_founded_by = re.compile(
            rf"(?P<c>{C}),?\s+(?:a\s+(?:company|banner|outfit)\s+|which\s+was\s+|which\s+)?(?:co-)?(?:founded|launched|set up|started|"
            rf"created)\s+(?:in\s+\d{{4}}\s+)?by\s+(?P<rest>[^.;]*)")
        self.p_formerly = re.compile(
            rf"(?P<p>{P}),?\s+(?:formerly|previously|most recently|latterly|until recently)\s+(?:of|at|with)\s+(?P<c>{C})"
            rf"|(?P<p2>{P}),?\s+(?:an?\s+)?ex-(?P<title2>{self.position_title})\s+(?:at|of)\s+(?P<c2>{C})")
        self.p_named = re.compile(
            rf"(?P<p>{P})[^⟨.]{{0,40}}?\b(?:has been|was|is|will be)?\s*(?:named|appointed|promoted to|hired as|tapped as|"
            rf"upped to|elevated to|taking over as|take over as|takes over as|becomes)\s+(?:the\s+)?(?:(?:new|first)\s+)?{title}"
            rf"\s+(?:of|at|for)\s+(?P<c>{C})")
        self.p_joins_as = re.compile(
            rf"(?P<p>{P})\s+(?:has\s+|will\s+)?(?:joined|joins|join|moves to|returns to|rejoins|is joining)\s+(?P<c>{C})\s+as\s+"
            rf"(?:its\s+|the\s+|a\s+)?(?:(?:new|first)\s+)?{title}")
        self.p_title_person = re.compile(rf"(?<![\w'’])(?:its\s+|their\s+)?{title},?\s+(?P<p>{P})(?!['’]s)")
        place = r"(?:(?:⟨T\d+⟩|[A-Z][\w.]*)\s){0,2}(?:⟨[TE]\d+⟩|[A-Z][\w.]*)"
        self.p_based = re.compile(
            rf"(?P<place>{place})-based\s+(?:[a-z][\w\-]*\s+){{0,5}}?(?:(?P<c>{C})|(?:⟨F\d+⟩))"
            rf"|(?P<c2>{C}),\s+(?:also\s+|the\s+|a\s+|an\s+)?(?P<place2>{place})-based")
        self.p_city_company = re.compile(rf"(?P<place>(?:[A-Z][a-z]+\s){{0,2}}[A-Z][a-z]+)['’]s\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<c>{C})")
        self.p_outfit_in = re.compile(
            rf"\b(?:outfit|company|banner|shingle|label|distributor|firm),?\s+(?P<c>{C}),?\s+in\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|{T})")
        self.p_country_company = re.compile(
            rf"(?P<t>{T})['’]s\s+(?:(?:[a-z][\w\-]*|[A-Z]\w+-\w+)\s+){{0,3}}?(?P<c>{C})")
        self.p_city_outfit = re.compile(
            rf"\b(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|{T})\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:outfit|company|banner|distributor|"
            rf"sales agent|sales company|shingle|studio|streamer|label|producer|production company|prodco|sales house|indie|"
            rf"powerhouse|based),?\s+(?P<c>{C})")
        self.p_company_based_in = re.compile(
            rf"(?P<c>{C}),?\s+(?:which is|is|a company|an outfit)?\s*(?:based|headquartered)\s+in\s+(?P<place>{T}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
        # Awards
        self.p_award_won = re.compile(
            rf"(?P<s>{F}|{P})(?:[^⟨.]{{0,60}}?|,\s*[^.]{{0,80}}?,\s*(?:also\s+|then\s+|later\s+|too\s+)?)\b(?P<verb>{self.won})\s+(?:(?:the|a|an|its|his|her|their|"
            rf"top|both|two|three)\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?(?P<a>{A})(?P<tail>(?:{AND}(?:the\s+)?{A})*)")
        subject = rf"(?:[A-Z]?[a-z\-]+\s+){{0,4}}?(?:(?P<owner>{P})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?)?(?P<s>{F}|{P})"
        self.p_award_went_to = re.compile(
            rf"(?P<a>{A})[^⟨.]{{0,20}}?\b(?:went|goes|go|was awarded|were awarded|was given|was presented|was handed)\s+to\s+"
            + subject)
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
        self.p_award_earned_pronoun = re.compile(
            rf"\b(?:earned|won|landed|got|brought)\s+(?:her|him|them)\s+(?:an?\s+|the\s+)?(?P<a>{A})(?!\s*nomination)")
        self.p_award_list = re.compile(rf"^\s*(?P<a>{A})\s*(?::|\s[\-–—]\s|went to)\s*(?P<rest>.+)$")
        self.p_winner_noun = re.compile(rf"(?P<a>{A})\s+(?:winner|winning film|recipient|laureate)\s+(?P<s>{F}|{P})")
        # Aliases
        self.p_alias = re.compile(
            rf"(?P<f>{F})[^⟨]{{0,15}}?\(?(?:also known as|aka|a\.k\.a\.|working title|previously titled|formerly titled|"
            rf"originally titled|original title|released as|known internationally as|international title)[:,]?\s+(?P<a>{F})")

    # ------------------------------------------------------------------ driver
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

        self.list_reader.read(doc.sentences, on_selection, on_credit, on_award)

    @staticmethod
    def _nominations_article(doc: Document) -> bool:
        """An article announcing nominees: its lists name nominations, not winners."""
        head = " ".join(s.text for s in doc.sentences[:4])
        return bool(re.search(r"\b(?:nominations|nominees|nominated|nods|shortlist(?:ed)?|longlist(?:ed)?)\b", head, re.I)) \
            and not re.search(r"\b(?:winners|won|wins|took home)\b", head, re.I)

    def _main_festival(self, doc: Document) -> str | None:
        """The festival of a list article: its dateline ("CANNES 2024:") or its most named festival."""
        head = re.search(r"\b([A-Z][A-Z .]{2,20}?)\s+(?:19|20)\d{2}\s*:", doc.text[:300])
        fest = self.v.festival_by_alias.get(head.group(1).strip().title()) if head else None
        if fest:
            return fest.name
        fests = [m.value for m in doc.mentions if m.kind == "festival"]
        return max(dict.fromkeys(fests), key=fests.count) if fests else None  # ties: the first named

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def slot(s: Sentence, code: str) -> Mention:
        return s.slots[code]

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
    def _is_earlier_work(s: Sentence, film: Mention) -> bool:
        around = s.text[max(0, film.start - s.start - 30):film.end - s.start + 10]
        return bool(re.search(r"\((?:19|20)\d{2}\)|(?:19|20)\d{2}['’]s|\b(?:previous|earlier|debut|short|last)\b", around))

    def deal_film(self, doc: Document, s: Sentence, pos: int) -> str | None:
        """The film of a deal sentence that names none before the verb ("selling the film to ...",
        "the film has sold ..."): a film just before, else the article's main film — deal stories
        are about one title, and background films in the sentence before are not it."""
        before = self.film_before(s, pos)
        if before and not re.search(r"\b(?:the|this)\s+(?:film|pic|title|movie|feature|documentary|project)\b",
                                    s.masked[:pos]):
            return before
        return doc.main_film

    @staticmethod
    def credit(s: Sentence, film: str | None, person: str, role: str, conf: float, **extra: object) -> Draft | None:
        if not film or not person or film == person:
            return None
        return Draft("credit", {"film": film, "person": person, "role": role, **extra}, s, conf)

    # ------------------------------------------------------------------ credits
    def credits(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        out: list[Draft | None] = []
        roles = self.v.lexicon["role_participles"]
        for m in self.p_possessive.finditer(m_text):
            owner = s.slots[m.group("p")]
            if owner.kind == "company" or re.fullmatch(r"[A-Z]{2,5}", owner.text) or re.search(
                    r"\b(?:rights|sales|remake|deal|novel|novella|book|play|story|memoir|song|album|poem|comic|character|"
                    r"article|opera|stage|musical|series of)\b", m.group("gap")):
                continue  # a company, network or author owns it, not a director
            gap = m.group("gap").split()
            role = "cast" if gap and gap[-1] in self.cast_genres else "director"
            out.append(self.credit(s, s.slots[m.group("f")].value, owner.value, role, 0.8))
        for m in self.p_coproducer_list.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for code in re.findall(rf"({P})\s*\(", m.group("list")):
                out.append(self.credit(s, film, s.slots[code].value, "producer", 0.7))
        for m in self.p_debut_with.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.7))
        for m in self.p_pronoun_work.finditer(m_text):
            if not re.search(r"\b(?:whose|his|her|their)\s", m.group()):
                continue
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.6))
        for m in self.p_returns_with.finditer(m_text):
            if s.slots[m.group("p")].kind == "company":
                continue
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.6))
        for m in self.p_serving_as.finditer(m_text):
            role = self.v.lexicon["role_nouns"].get(m.group("role").lower())
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl")):
                if role:
                    out.append(self.credit(s, film, person, role, 0.7))
        for m in self.p_bullet_role.finditer(m_text):
            role = {"writer-director": "director", "co-director": "director", "screenwriter": "writer"}.get(
                m.group("role").lower(), m.group("role").lower())
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, role, 0.7))
        for m in self.p_known_for.finditer(m_text):
            before = m_text[max(0, m.start() - 30):m.start()]
            role = "director" if re.search(r"\b(?:director|filmmaker|helmer|auteur)\s+$", before) else "cast"
            for code in SLOT.findall(m.group("fl")):
                out.append(self.credit(s, s.slots[code].value, s.slots[m.group("p")].value, role, 0.6))
        for m in self.p_owner_apposition.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.75))
        for m in self.p_started_shooting.finditer(m_text):
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, s.slots[m.group("f")].value, person, "director", 0.7))
        for m in self.p_character_actor.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            out.append(self.credit(s, film, s.slots[m.group("p")].value, "cast", 0.55))
        for m in self.p_appositive_owner.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.75))
        for m in self.p_director_his_film.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.7))
        for m in self.p_role_in.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "cast", 0.7))
        for m in self.p_from_director.finditer(m_text):
            film, person = (m.group("f"), m.group("p")) if m.group("f") else (m.group("f2"), m.group("p2"))
            out.append(self.credit(s, s.slots[film].value, s.slots[person].value, "director", 0.85))
        for m in self.p_participle.finditer(m_text):
            film = self._participle_film(doc, s, m)
            words = re.findall(r"[a-z][a-z\-]*", m.group("roles").lower())
            for word in words:
                role = roles.get(word) or roles.get(word.removeprefix("co-"))
                if not role:
                    continue
                for person in self.values(s, m.group("pl")):
                    out.append(self.credit(s, film, person, role, 0.85))
        for m in self.p_stars.finditer(m_text):
            film = s.slots[m.group("f")].value
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "cast", 0.85))
        for m in self.p_cowritten_with.finditer(m_text):
            inside = [c for c in SLOT.findall(m.group()) if c[1] == "F"]
            film = s.slots[inside[0]].value if inside else self.context_film(doc, s, skip_history=True)
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "writer", 0.7))
        crafts = {"editing": "editor", "edit": "editor", "original score": "composer", "score": "composer",
                  "music": "composer", "cinematography": "cinematographer", "camerawork": "cinematographer",
                  "photography": "cinematographer", "screenplay": "writer", "script": "writer"}
        for m in self.p_craft_by.finditer(m_text):
            craft = (m.group("craft") or m.group("craft2")).lower()
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl") or m.group("pl2")):
                out.append(self.credit(s, film, person, crafts[craft], 0.7))
        for m in self.p_cast_future.finditer(m_text):
            film = self.film_before(s, m.start()) or self.film_after(s, m.end()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl") or m.group("pl2") or m.group("pl3")):
                out.append(self.credit(s, film, person, "cast", 0.7))
        self._cast_lists(doc, s, out)
        for m in self.p_alongside.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "cast", 0.75))
        for m in self.p_pronoun_stars.finditer(m_text):
            subject = next((x.value for x in s.mentions if x.kind in ("person", "name")), None)
            film = self.film_before(s, m.start())
            if subject:
                out.append(self.credit(s, film, subject, "cast", 0.7))
        for m in self.p_starring.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            if m.group().startswith("featur") and not re.search(
                    r"\b(?:stars|starring|cast|shoots?|shooting|filming|toplines?|leads?)\b", m_text):
                continue
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "cast", 0.75))
        for m in self.p_person_stars_in.finditer(m_text):
            for person in self.values(s, m.group("pl")):
                for film in self.values(s, m.group("fl"), "F"):
                    out.append(self.credit(s, film, person, "cast", 0.8))
        for m in self.p_seen_in.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "cast", 0.8))
        for m in self.p_joins.finditer(m_text):
            before = s.masked[max(0, m.start() - 25):m.start()]
            noun = re.search(r"\b(producer|writer|director|composer|cinematographer|editor)\s+$", before, re.I)
            role = self.v.lexicon["role_nouns"].get(m.group("role") or (noun.group(1).lower() if noun else ""), "cast")
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, s.slots[m.group("f")].value, person, role, 0.8))
        for m in self.p_subject_verb.finditer(m_text):
            role = self.v.lexicon["role_verbs"].get(m.group("verb").split()[-1], "director")
            for person in self.values(s, m.group("pl")):
                for film in self.values(s, m.group("fl"), "F"):
                    out.append(self.credit(s, film, person, role, 0.8))
        for m in self.p_gerund.finditer(m_text):
            subject = self._gerund_subject(doc, s, m)
            role = self.v.lexicon["role_verbs"].get(m.group("verb").split()[0], "writer")
            if subject:
                out.append(self.credit(s, s.slots[m.group("f")].value, subject, role, 0.65))
        for m in self.p_script_for.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "writer", 0.75))
        for m in self.p_year_person_genre.finditer(m_text):
            role = "cast" if m.group("genre").split()[-1] in self.cast_genres else "director"
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, role, 0.6))
        jury = re.search(r"\bjury\b|\bpresided\b|\bled by\b", s.text, re.I)
        for m in self.p_role_noun_person.finditer(m_text):
            if jury:
                break
            word = m.group("role")
            role = self.v.lexicon["role_nouns"].get(word) or self.v.lexicon["role_nouns"].get(word[0].lower() + word[1:])
            film = self._single_film(doc, s)
            if not film and not self.films(s) and role in ("composer", "cinematographer", "editor"):
                film = self.context_film(doc, s)
            for person in self.values(s, m.group("pl")):
                if role and film:
                    out.append(self.credit(s, film, person, role, 0.6))
        for m in self.p_person_role_apposition.finditer(m_text):
            role = self.v.lexicon["role_nouns"].get(m.group("role"))
            film = self._single_film(doc, s)
            if role and film:
                out.append(self.credit(s, film, s.slots[m.group("p")].value, role, 0.6))
        for m in self.p_as_char.finditer(m_text):
            self._attach_character(out, s, m)
        if doc.topic_person:
            for m in self.p_pronoun_credit.finditer(m_text):
                for verb in re.split(r"\s*(?:,|\band\b)\s*", m.group("verb")):
                    role = ("cast" if re.search(r"star|appear|role|play|act|voice", verb) else
                            "composer" if re.search(r"compos|scor", verb) else
                            self.v.lexicon["role_verbs"].get(verb.split()[0] if verb else "", None))
                    for film in self.values(s, m.group("fl"), "F") if role else []:
                        out.append(self.credit(s, film, doc.topic_person, role, 0.65))
        if doc.topic_person and doc.topic_role:
            self._topic_credits(doc, s, out)
        m = self.p_it_credit.search(m_text)
        if m and doc.main_film:
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, doc.main_film, person, "cast", 0.7))
        for draft in out:
            if draft:
                emit(draft)

    def _cast_lists(self, doc: Document, s: Sentence, out: list[Draft | None]) -> None:
        """After "stars", every name of the clause is cast, past descriptors ("Swedish actor X")
        and characters ("as Y", "Character (Actor)"): "stars X as A, a widow, and Bulgarian
        actor Y as B" gives X and Y."""
        cue = self.p_cast_cue.search(s.masked)
        if not cue:
            return
        film = self.film_before(s, cue.start()) or self.context_film(doc, s)
        rest = s.masked[cue.end():]
        stop = re.search(r";|\b(?:directed|produced|written)\s+by\b|\bfrom\s+(?:director|filmmaker)\b", rest)
        rest = rest[:stop.start()] if stop else rest
        for slot in re.finditer(r"⟨[PN]\d+⟩", rest):
            before = rest[:slot.start()]
            if re.search(r"(?:\bas|\brole of|\bby|\bof|\bfor|\bfrom|\bwith|\bin|\bat|\bto|\bnear|\bon|\binto)\s+"
                         r"(?:(?:the|an?|his|her|their|its|[a-z][\w\-]*)\s+){0,4}$", before) or before.endswith(("’s ", "'s ")) \
                    or re.match(r"['’]s?\b", rest[slot.end():]):
                continue  # a character, an owner, a place or somebody else's film
            if before.rstrip().endswith("(") and not re.search(r"⟨[PN]\d+⟩\s*\($", before):
                continue
            out.append(self.credit(s, film, s.slots[slot.group()].value, "cast", 0.65))

    def _topic_credits(self, doc: Document, s: Sentence, out: list[Draft | None]) -> None:
        """In a profile of an actor or director, the films a sentence lists after a career cue
        ("best known for his appearances in ...", "starred in ...") are the topic person's;
        "his first film, Title" is theirs in the role the profile gives them."""
        for m in self.p_topic_first_film.finditer(s.masked):
            out.append(self.credit(s, s.slots[m.group("f")].value, doc.topic_person, doc.topic_role or "director", 0.55))
        for m in self.p_topic_films.finditer(s.masked):
            stretch = s.masked[m.start():m.start("fl")]
            # another person in the stretch is its subject, unless a character ("as X", "role of X")
            # or an owner ("CBS' legal drama")
            others = [c for c in re.finditer(r"⟨[PN]\d+⟩", stretch)
                      if not re.search(r"(?:\bas|role of|such as|including)\s+(?:[a-z][\w\-]*\s+){0,2}$", stretch[:c.start()])
                      and not re.match(r"['’]s?\s|\s+(?:in|on)\s+(?:the\s+)?⟨F", stretch[c.end():] + s.masked[m.start("fl"):])]
            if others:
                continue
            cue = m.group("cue")
            role = ("cast" if re.search(r"star|appear|role|play|portray", cue) else
                    "director" if cue.startswith("direct") else "writer" if cue in ("wrote", "writing") else
                    "producer" if cue.startswith("produc") else "composer" if cue in ("composed", "scored")
                    else doc.topic_role)
            for film in self.values(s, m.group("fl"), "F"):
                out.append(self.credit(s, film, doc.topic_person, role, 0.55))

    def _participle_film(self, doc: Document, s: Sentence, m: re.Match[str]) -> str | None:
        head = s.masked[:m.start()].strip().lower()
        if head in ("", "co-", "and") or head.endswith((":", "—")):
            return self.film_after(s, m.end()) or self.context_film(doc, s)
        return self.film_before(s, m.start()) or self.context_film(doc, s)

    def _gerund_subject(self, doc: Document, s: Sentence, m: re.Match[str]) -> str | None:
        owner = m.group("owner")
        people = [s.slots[c] for c in SLOT.findall(s.masked[:m.start()]) if c[1] in "PN"]
        people = [p for p in people if not owner or p.value != s.slots[owner].value]
        if people:
            return people[0].value
        return doc.topic_person

    def _single_film(self, doc: Document, s: Sentence) -> str | None:
        films = set(self.films(s))
        return next(iter(films)) if len(films) == 1 else None

    def _attach_character(self, drafts: list[Draft | None], s: Sentence, m: re.Match[str]) -> None:
        """"stars A, seen in B's Title, as Lyudmila": the character goes to the nearest cast
        member before "as" that is not a possessive owner."""
        char = m.group("char")
        if char.startswith("⟨"):
            char = s.slots[char].text
        if re.match(r"(?:producer|director|writer|executive|part|well|such|Part|Well)\b", char):
            return
        cast = {d.fields["person"]: d for d in drafts if d and d.fields["role"] == "cast"}
        before = s.masked[:m.start("char")]
        for code in reversed(SLOT.findall(before)):
            if code[1] not in "PN" or re.search(re.escape(code) + r"['’]s", before):
                continue
            person = s.slots[code].value
            if person in cast:
                for draft in drafts:
                    if draft and draft.fields["person"] == person and draft.fields["role"] == "cast" \
                            and "character" not in draft.fields:
                        draft.fields["character"] = char
                        break
                return

    # ------------------------------------------------------------------ film years
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

    # ------------------------------------------------------------------ deals
    def deals(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = self._unhedged(s.masked)
        for m in self.p_sales_by.finditer(m_text):
            emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                "territory": "worldwide", "rights": "sales"}, s, 0.9))
        for m in self.p_company_sales.finditer(m_text):
            film = s.slots[m.group("f")].value if m.group("f") else self.deal_film(doc, s, m.start())
            if film:
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                    "territory": "worldwide", "rights": "sales"}, s, 0.85))
        for m in self.p_rights_to.finditer(m_text):
            self._rights_deal(s, m, emit)
        for m in self.p_boards_for.finditer(m_text):
            film, company = s.slots[m.group("f")].value, s.slots[m.group("c")].value
            if m.group("scope"):
                emit(Draft("deal", {"film": film, "company": company, "territory": "worldwide", "rights": "sales"}, s, 0.85))
                continue
            for code in SLOT.findall(m.group("terrs") or ""):
                emit(Draft("deal", {"film": film, "company": company, "territory": s.slots[code].value,
                                    "rights": "distribution"}, s, 0.8))
        for m in self.p_acquired_film.finditer(m_text):
            if re.search(r"\b(?:rights|sales)\b", m.group()):
                continue
            terrs = [s.slots[c].value for c in SLOT.findall(m.group("tail")) if c[1] == "T"]
            verb_release = re.search(r"release|distribut", m.group())
            for terr in terrs or [None]:
                emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                    "territory": terr, "rights": "distribution"}, s, 0.7 if verb_release else 0.75))
        for m in self.p_sold_to.finditer(m_text):
            films = [s.slots[c].value for c in SLOT.findall(m.group("obj")) if c[1] == "F"]
            films = films or [f for f in [self.deal_film(doc, s, m.start())] if f]
            sellers = [s.slots[c].value for c in SLOT.findall(m_text[:m.start()]) if c[1] == "C"]
            for film in films[:1] if len(films) > 1 and "(" not in m.group("rest") else films:
                self._territory_buyers(s, film, sellers[0] if sellers else None, m.group("rest"), emit)
        for m in self.p_passive_sold.finditer(m_text):
            seller = s.slots[m.group("c")].value if m.group("c") else None
            film = s.slots[m.group("f")].value if m.group("f") else self.deal_film(doc, s, m.start())
            if film:
                self._territory_buyers(s, film, seller, m.group("rest"), emit)
        for pattern in (self.p_sales_relative, self.p_sold_by, self.p_company_boarded_sales):
            for m in pattern.finditer(m_text):
                code = m.group("c") or m.groupdict().get("c2")
                if re.search(r"\bthe (?:film|title|project)\b", m.group()) and self.film_after(s, m.end()):
                    film = self.film_after(s, m.end())  # "X, which boarded sales on the film, sold Title to ..."
                else:
                    film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
                if film and code:
                    emit(Draft("deal", {"film": film, "company": s.slots[code].value, "territory": "worldwide",
                                        "rights": "sales"}, s, 0.75))
        for m in self.p_company_takes_territory.finditer(m_text):
            film = self.deal_film(doc, s, m.start())
            for t in SLOT.findall(m.group("terrs")):
                if film and t[1] == "T":
                    emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                        "territory": s.slots[t].value, "rights": "distribution"}, s, 0.75))
        for m in self.p_deals_with.finditer(m_text):
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            sellers = [s.slots[c].value for c in SLOT.findall(m_text[:m.start()]) if c[1] == "C"]
            if film:
                self._territory_buyers(s, film, sellers[-1] if sellers else None, m.group("rest"), emit)
        for m in self.p_passive_acquired_by.finditer(m_text):
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            codes = SLOT.findall((m.group("terrs") or "") + (m.group("terrs2") or ""))
            for terr in [s.slots[c].value for c in codes if c[1] == "T"] or [None]:
                if film:
                    emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value, "territory": terr,
                                        "rights": "distribution"}, s, 0.75))
        for m in self.p_released_adjective.finditer(m_text):
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            adjectives = re.split(r"\s+and\s+", m.group("adj") or m.group("adj2"))
            code = m.group("c") or m.group("c2")
            for adj in adjectives:
                terr = self.adjectives.get(adj) or self.adjectives.get(adj + "n")
                if film and terr:
                    emit(Draft("deal", {"film": film, "company": s.slots[code].value, "territory": terr,
                                        "rights": "distribution"}, s, 0.7))
        for m in self.p_which_handled.finditer(m_text):
            if m.group("c"):
                emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                    "territory": "worldwide", "rights": "sales"}, s, 0.65))
            else:
                emit(Draft("deal", {"film": s.slots[m.group("f2")].value, "company": s.slots[m.group("c2")].value,
                                    "territory": None, "rights": "distribution"}, s, 0.65))
        if re.search(r"\b(?:acquired|bought|picked up|pre-bought|snapped up)\b", m_text):
            for m in self.p_by_for.finditer(m_text):
                film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
                for t in SLOT.findall(m.group("terrs")):
                    if film and t[1] == "T":
                        emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                            "territory": s.slots[t].value, "rights": "distribution"}, s, 0.75))
        for pattern in (self.p_bought_for, self.p_released_in):
            for m in pattern.finditer(m_text):
                groups = m.groupdict()
                code = next((groups[k] for k in ("c", "c2", "c3", "c4", "c5", "c6") if groups.get(k)), None)
                terrs = next((groups[k] for k in ("terrs", "terrs2", "terrs3", "terrs4", "terrs5", "terrs6")
                              if groups.get(k)), "")
                film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
                for t in SLOT.findall(terrs):
                    if film and code and t[1] == "T":
                        emit(Draft("deal", {"film": film, "company": s.slots[code].value, "territory": s.slots[t].value,
                                            "rights": "distribution"}, s, 0.75))

    def _unhedged(self, masked: str) -> str:
        """The part of a sentence before its first hedged clause: "closed deals for France (Ad
        Vitam) and is understood to be negotiating with ..." keeps the France deal; "is in talks
        to acquire ..." keeps nothing."""
        hedge = self.hedge.search(masked)
        if not hedge:
            return masked
        cut = max(masked.rfind(sep, 0, hedge.start()) for sep in (", ", " and ", "; ", " while ", " but "))
        return masked[:cut] if cut > 0 else ""

    def _rights_deal(self, s: Sentence, m: re.Match[str], emit: Emit) -> None:
        if re.search(r"\b(?:sold|sells|sell|selling|pre-sold|licensed|licenses)\b", m.group()[:m.start("kind") - m.start()]):
            return  # the subject sold these rights: it is the seller, and the buyer comes later
        film = s.slots[m.group("f")].value
        company = s.slots[m.group("c")].value
        terr_text = m.group("terrs") or ""
        rights = "remake" if "remake" in m.group() else "distribution"
        scope = re.search(r"\b(?:world|worldwide|international|global|all)\b", terr_text)
        territories = [s.slots[c].value for c in SLOT.findall(terr_text) if c[1] == "T"]
        territories += [self.adjectives[w] for w in re.findall(r"[A-Z][\w\-]+", terr_text) if w in self.adjectives]
        if scope or m.group("outside") or self.p_outside.search(m.group("tail") or ""):
            territories = ["worldwide"]
            # Worldwide rights go to a sales agent, unless the buyer is a global streamer.
            if rights == "distribution" and company not in self.v.lexicon["worldwide_buyers"]:
                rights = "sales"
        if "north americ" in terr_text.lower():
            territories = ["North America"]
        for terr in territories or [None]:
            emit(Draft("deal", {"film": film, "company": company, "territory": terr, "rights": rights}, s, 0.85))

    def _territory_buyers(self, s: Sentence, film: str, seller: str | None, rest: str, emit: Emit) -> None:
        """Parse "Spain (Filmin), Germany and Austria (Rapid Eye Movies), Benelux (Cineart)":
        territories wait for the buyer in brackets after them."""
        pending: list[str] = []
        for token in re.finditer(rf"(?P<t>{T})|\((?P<b>[^()]*)\)|(?P<stop>;|\bwhile\b|\bwith\b)|(?P<x>{F})", rest):
            if token.group("t"):
                pending.append(s.slots[token.group("t")].value)
            elif token.group("b") is not None:
                buyers = [s.slots[c].value for c in SLOT.findall(token.group("b")) if c[1] in "CN"]
                if not buyers:
                    text = token.group("b").strip()
                    buyers = [text] if re.fullmatch(r"[A-Z][\w&'’.\- ]{1,40}", text) else []
                for terr in pending:
                    for buyer in buyers:
                        emit(Draft("deal", {"film": film, "company": buyer, "territory": terr,
                                            "rights": "distribution", "seller": seller}, s, 0.85))
                pending = []
            elif token.group("stop") or token.group("x"):
                break
        # "to Arte for France and Germany, and to NRK for Norway"
        for m in re.finditer(rf"(?P<c>{C})\s+for\s+(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*)", rest):
            for t in SLOT.findall(m.group("terrs")):
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value, "territory": s.slots[t].value,
                                    "rights": "distribution", "seller": seller}, s, 0.8))
        # "to Canada's Entract": a possessive buyer
        for m in re.finditer(rf"(?P<t>{T})['’]s\s+(?P<c>{C})", rest):
            emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                "territory": s.slots[m.group("t")].value, "rights": "distribution", "seller": seller}, s, 0.8))

    # ------------------------------------------------------------------ positions and places
    def positions(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        seen: set[str] = set()
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
        for m in self.p_city_company.finditer(m_text):
            if m.group("place") in self.v.cities:
                emit(Draft("based_in", {"company": s.slots[m.group("c")].value, "place": m.group("place")}, s, 0.75))
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

    # ------------------------------------------------------------------ awards
    def awards(self, doc: Document, s: Sentence, emit: Emit) -> None:
        m_text = s.masked
        festival = self._festival_of(doc, s)
        for m in self.p_award_won.finditer(m_text):
            if re.search(r"\b(?:not|never|failed)\b", m.group()):
                continue
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
            self._award(s, m.group("s"), [m.group("a")], "won", festival, emit, doc)
        for pattern in (self.p_award_nominated, self.p_award_nomination_for):
            for m in pattern.finditer(m_text):
                awards = [m.group("a"), *SLOT.findall(m.groupdict().get("tail") or "")]
                self._award(s, m.group("s"), awards, "nominated", festival, emit, doc)
        for m in self.p_award_earned_pronoun.finditer(m_text):
            people = [c for c in re.finditer(r"⟨[PN]\d+⟩", m_text[:m.start()])
                      if not re.search(r"\bas\s+(?:[a-z][\w\-]*\s+){0,3}$", m_text[:c.start()])]
            if people:
                self._award(s, people[0].group(), [m.group("a")], "won", festival, emit, doc)
        for m in self.p_award_earned_person.finditer(m_text):
            outcome = "nominated" if m.group("nom") else "won"
            self._award(s, m.group("s"), [m.group("a")], outcome, festival, emit, doc)
        m = self.p_award_list.match(m_text)
        if m:
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
        for m in re.finditer(rf"(?P<a>{A})(?:\s+for\s+(?P<s>{F}|{P}))?", s.masked):
            award = s.slots[m.group("a")]
            if award.value[:4].lower() != "best" and "for" not in m.group():
                continue
            subject = m.group("s") or (films[0] if films and films[0] != m.group("a") else None)
            if subject:
                self._award_value(s, subject, award.value, outcome, festival, emit, doc)

    def _award(self, s: Sentence, subject: str, awards: list[str], outcome: str, festival: str | None,
               emit: Emit, doc: Document) -> None:
        for code in awards:
            if code in s.slots and s.slots[code].kind == "award":
                self._award_value(s, subject, s.slots[code].value, outcome, festival, emit, doc)

    def _award_value(self, s: Sentence, subject_code: str, award: str, outcome: str, festival: str | None,
                     emit: Emit, doc: Document) -> None:
        subject = s.slots[subject_code]
        fields: dict[str, object] = {"subject": subject.value, "award": award, "outcome": outcome}
        if subject.kind == "film":
            fields["film"] = subject.value
        if festival:
            fields["festival"] = festival
            stated = re.findall(r"\b((?:19|20)\d{2})\b", s.text)
            fields["year"] = int(stated[0]) if len(set(stated)) == 1 else doc.year
        emit(Draft("award", fields, s, 0.8))

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
        fests = [m.value for m in doc.mentions if m.kind == "festival"]
        return max(dict.fromkeys(fests), key=fests.count) if fests else None  # ties: the first named

    # ------------------------------------------------------------------ selections
    def selections(self, doc: Document, s: Sentence, emit: Emit) -> None:
        festivals = [m for m in s.mentions if m.kind == "festival"]
        films = [m for m in s.mentions if m.kind == "film"]
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
                           r"joins?|alongside|competing)\b", s.text, re.I)
        for film in films:
            festival = min(festivals, key=lambda f: abs(f.start - film.start))
            if self._film_is_history(s, film, festival):
                continue
            if len(films) > 2 and not lineup and abs(festival.start - film.start) > 120:
                continue  # a long sentence naming other films is no line-up
            year, edition = self._edition(doc, s, festival)
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

    def _edition(self, doc: Document, s: Sentence, festival: Mention) -> tuple[int | None, int | None]:
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
        edition = int(edition_match.group(1)) if edition_match else None
        stated = set(re.findall(r"\b((?:19|20)\d{2})\b", s.text)) - {str(y) for y in self._film_years_in(s)}
        if year is None and len(stated) == 1:
            year = int(stated.pop())
        if year is None:
            past = bool(re.search(r"\b(?:premiered|played|screened|bowed|debuted|won|competed|was selected|took)\b", s.text))
            year = self._festival_year_elsewhere(doc, festival.value) or self.edition_year(doc, festival.value, past)
        return year, edition

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
                found = re.search(r"(?:19|20)\d{2}", window)
                if found:
                    return int(found.group())
        return None

    def _section(self, s: Sentence, festival: Mention) -> str | None:
        fest = next(f for f in self.v.festivals if f.name == festival.value)
        lowered = s.text.lower()
        for section in sorted(fest.sections, key=len, reverse=True):
            if section.lower() in lowered:
                return section
        generic = re.search(r"\b(main competition|official competition|international competition|competition|"
                            r"out of competition|official selection|special screenings?|special presentations?)\b", lowered)
        return generic.group(1) if generic else None

    # ------------------------------------------------------------------ aliases and attributes
    def aliases(self, doc: Document, s: Sentence, emit: Emit) -> None:
        for m in self.p_alias.finditer(s.masked):
            main, other = s.slots[m.group("f")], s.slots[m.group("a")]
            if main.value != other.value:
                emit(Draft("alias", {"film": main.value, "alias": other.value}, s, 0.8))

    def attributes(self, doc: Document, s: Sentence, emit: Emit) -> None:
        film = self.context_film(doc, s)
        if not film:
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
                value = m.group(1).lower().replace("-", " ") if attribute == "color" else m.group(1)
                emit(Draft("film_attribute", {"film": film, "attribute": attribute, "value": value}, s, 0.7))
