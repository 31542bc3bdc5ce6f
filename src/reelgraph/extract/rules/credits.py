"""Credit rules: who directed, wrote, produced, scored, shot, edited or acted in a film, with
characters ("stars A as Lyudmila") and the topic person of profile articles."""

from __future__ import annotations

import re

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.mentions import PLACES, ROLE_WORDS
from reelgraph.extract.rules.base import AND, CAST_CHAR, FL, PL, SLOT, Draft, Emit, F, P, RuleBase
from reelgraph.extract.vocab import regex

CHARACTER_BEFORE = re.compile(r"\b(?:plays|played|playing|as)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[a-z][\w\-']*,?\s+){0,3}$")

# The credit each craft word gives ("the score is by X", "X's camerawork").
CRAFT_ROLES = {"editing": "editor", "edit": "editor", "original score": "composer", "score": "composer",
               "music": "composer", "cinematography": "cinematographer", "camerawork": "cinematographer",
               "photography": "cinematographer", "screenplay": "writer", "script": "writer"}

# Patterns with one person and one film slot, the role they give and how sure they are.
PAIR_CREDITS = (
    ("p_debut_with", "director", 0.7),
    ("p_owner_apposition", "director", 0.75),
    ("p_appositive_owner", "director", 0.75),
    ("p_director_his_film", "director", 0.7),
    ("p_role_in", "cast", 0.7),
    ("p_seen_in", "cast", 0.8),
    ("p_script_for", "writer", 0.75),
)


class CreditRules(RuleBase):
    """The credits family: its patterns, compiled once, and the readers that apply them."""

    def _compile_credits(self) -> None:
        adj = r"(?:[\w'’\-]+\s+){0,4}?"
        director_word = r"(?:director|helmer|filmmaker|auteur|documentarian)"
        credit_verb = (r"(?:directed|wrote|co-wrote|produced|co-produced|starred in|appeared in|co-starred in|"
                       r"(?:went on to\s+)?(?:had\s+)?(?:an?\s+)?(?:leading|starring|supporting|lead|main|recurring|\w+)?\s*roles?\s+in|"
                       r"played in|acted in|composed the (?:music|score) for|scored|voiced [^⟨]{0,30}in|edited|shot)")
        self.p_possessive = re.compile(
            rf"(?P<p>{P})['’]s?\s+(?P<gap>(?:(?:(?:19|20)\d{{2}}|[a-z][\w\-]*|[A-Z]\w*-[a-z]+|[A-Z][a-z]+(?=\s+[a-z])|⟨E\d+⟩)\s+){{0,5}}?)"
            rf"(?P<f>{F})")
        self.p_from_director = re.compile(
            rf"(?P<f>{F}),?\s+(?:is\s+|was\s+)?(?:(?:the|a|an|his|her|their)\s+){adj}(?:{self.film_noun})\s+(?:from|by|of)\s+"
            rf"{adj}(?:⟨[NT]\d+⟩\s+)?(?:{director_word}\s+)?(?P<p>{P})"
            rf"|(?P<f2>{F})[^⟨.]{{0,60}}?\bfrom\s+{adj}(?:⟨[NT]\d+⟩\s+)?{director_word}\s+(?P<p2>{P})")
        self.p_participle = re.compile(
            rf"(?P<roles>(?i:(?:{self.role_participle}(?:\s*(?:,|and|&))*\s*)+?))\s*\bby\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
            rf"(?P<pl>{PL}(?:\s+(?:with|alongside)\s+{PL})?)")
        self.p_cowritten_with = re.compile(
            rf"\b(?i:co-written|co-wrote|co-writing|wrote|written|adapted)\b[^⟨.,;]{{0,40}}?\bwith\s+(?:(?:the|her|his|their)\s+)?"
            rf"(?:(?:[a-z][\w\-]*|[A-Z][a-z]+(?=\s+[a-z]))\s+){{0,3}}?(?P<pl>{PL})")
        self.p_character_paren = re.compile(
            r"⟨[PN]\d+⟩\s*\((?:(?:a|an)\s+(?:[a-z\-]+\s+){0,3}|(?:[A-Z][a-z]+\s+)?(?:actor|actress|newcomer|star)\s+)?"
            r"(?P<p>⟨[PN]\d+⟩)(?:,[^)]*)?\)")
        self.p_craft_by = re.compile(
            rf"\b(?P<craft>(?i:editing|edit|original score|score|music|cinematography|camerawork|photography|screenplay|script))\s*"
            rf"(?:,[^,⟨.]{{0,50}},\s*)?(?:is|was|will be|is being|comes from|are)?\s*(?:handled\s+|composed\s+|provided\s+)?by\s+"
            rf"(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){{0,3}}?(?P<pl>{PL})"
            rf"|\b(?P<craft2>(?i:score|music))\s+is\s+being\s+composed\s+by\s+(?:(?:[A-Z][a-z]+|[a-z][\w\-]*)\s+){{0,3}}?(?P<pl2>{PL})")
        self.p_cast_future = re.compile(
            rf"(?P<pl>{PL})\s+(?:(?:will|is set to|are set to|also|is to|are to)\s+)+(?:co-star|star|appear|feature)\b(?!\s+in\b)"
            rf"|(?P<pl2>{PL})[^.;⟨]{{0,40}}?\b(?:round(?:s|ed)?\s+out|complete[sd]?|complete)\s+the\s+(?:main\s+|principal\s+|lead\s+|"
            rf"ensemble\s+|core\s+|adult\s+|young\s+)?(?:cast|ensemble|line-?up)"
            rf"|(?P<pl4>{PL})\s+(?:also\s+)?(?:star|co-star|feature)\s*\.\s*$"
            rf"|\bcast(?:\s+members?)?\s+(?:also\s+)?include[sd]?\s+(?P<pl3>{PL})")
        self.p_cast_cue = re.compile(
            r"(?:\b(?:stars|starring|co-stars|co-starring|toplined by|cast includes|(?:main\s+)?(?:protagonists?|antagonists?)\s+"
            r"(?:are|is|were|was)|performances\s+(?:are|by|from)|leading actors|special participation of|guest[- ]stars?|"
            r"guest[- ]starring)|"
            r"\b(?:[Ff]ilm|[Mm]ovie|It|it|[Ss]eries|[Ee]pisode|[Ss]how)\s+(?:also\s+)?featur(?:es|ed))\b(?!\s+(?:like|such as|including|of|and)\b)")
        self.p_stars = re.compile(
            rf"(?P<f>{F})(?:[^⟨.;]{{0,40}}?|,[^;.]{{0,140}}?,\s+(?:also\s+)?)\b(?:stars|co-stars|toplines|starring|features|will star)\s+"
            rf"(?:(?:[a-z][\w\-]*|[A-Z][a-z]+(?=\s+[a-z]))\s+){{0,4}}?(?P<pl>{PL})")
        self.p_appositive_owner = re.compile(
            rf"(?P<f>{F}),\s+(?P<p>{P})['’]s?\s+(?:(?:[\w\-]+|⟨[ETA]\d+⟩)\s+){{0,3}}?(?:{self.film_noun})\b")
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
            rf"(?P<pl>{PL})(?:\s*\([^()]*\))?\s+(?:(?:has|have|had|will|is set to|are set to|is attached to|are attached to|also)\s+)?"
            rf"(?:star|stars|starred|co-stars|co-starred|"
            rf"appears|appeared|appear|plays|played|play|toplines?|toplined|headlines?|headlined|leads?|led|"
            rf"feature[sd]?|broke out|broke through|made (?:his|her|their) name|(?:voices|voiced|played|plays)\s+⟨N\d+⟩)\s+"
            rf"(?:in|opposite [^⟨]*?in)?\s*(?:the\s+)?(?:(?:19|20)\d{{2}}\s+)?(?:[\w\-/]+\s+){{0,3}}?"
            rf"(?:{self.film_noun}\s+)?(?P<fl>{FL})")
        self.p_subject_role = re.compile(
            rf"(?P<pl>{PL})(?:\s*\([^()]*\))?(?:,[^,;.]{{0,60}},|,?\s+who|\s+(?:of|at|from)\s+(?:[\w.\-]+-based\s+)?⟨C\d+⟩)?\s+"
            rf"(?:(?:also|will|is set to|now|then|later)\s+)*"
            rf"(?P<verb>plays|play|played|co-stars|co-star|co-starred|stars as|star as|voices|voiced|portrays|portrayed|"
            rf"is playing|appears as|appear as|wrote the screenplay|wrote the script|co-wrote the screenplay|co-wrote the script|"
            rf"co-wrote the film|wrote the film|writes the script|penned the script|composed the score|is composing the score|"
            rf"composed the music|wrote the music|scored the film|shot the film|lensed the film|is shooting the film|"
            rf"edited the film|is editing the film|cut the film|is producing|are producing|produced the film|produces the film|"
            rf"will produce|executive produces|is executive producing|are executive producing)\b")
        self.p_coproducer_list = re.compile(
            rf"\b(?:co-?producers?|producers?|co-producing partners)\s+(?:are\s+|include\s+)?"
            rf"(?P<list>{P}\s*\([^)]*\)(?:(?:{AND}){P}\s*\([^)]*\))+)")
        self.p_debut_with = re.compile(
            rf"(?P<p>{P})\s+(?:will\s+)?(?:make|makes|made|is making)\s+(?:his|her|their)\s+(?:[\w\-]+\s+){{0,2}}?"
            rf"(?:debut|feature debut|directorial debut|return)\s+with\s+(?:the\s+)?(?:[\w\-]+\s+){{0,3}}?(?P<f>{F})")
        self.p_topic_possessive_work = re.compile(
            rf"\b(?:[Hh]er|[Hh]is)\s+(?:(?:19|20)\d{{2}}\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?(?:{self.film_noun})\s+(?P<f>{F})")
        # a review's "Jun Aquino's score", "Joaquin Reyes' camerawork": the film under review
        self.p_craft_owner = re.compile(
            rf"(?P<p>{P})['’]s?\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<craft>score|music|soundtrack|camerawork|cinematography|"
            rf"photography|editing|screenplay|script)\b")
        # "Salt Wind marks the directorial debut of actress Ana Lopes"; "The film, which Ana Lopes directed from ..."
        self.p_debut_of = re.compile(
            rf"(?P<what>directorial|feature|writing|screenwriting|producing)\s+debut\s+of\s+(?:[a-z][\w\-]*\s+){{0,2}}(?P<p>{P})")
        self.p_which_person_did = re.compile(
            rf"(?:(?P<f>{F})|\b[Tt]he\s+(?:film|movie|project|feature|documentary)),?\s+which\s+(?P<pl>{PL})\s+(?:also\s+)?"
            rf"(?P<verb>directed|co-directed|wrote|co-wrote|produced|co-produced|scored|shot|edited|directs|writes|produces)\b")
        # "the festival will screen Iron Sea by Pedro Costa": a title, then its director
        self.p_title_by = re.compile(rf"(?P<f>{F}),?\s+by\s+(?:(?:[A-Z][a-z]+\s+|⟨N\d+⟩\s+)?(?:director|filmmaker|helmer)\s+)?"
                                     rf"(?P<p>{P})(?!['’])")
        self.p_paired = re.compile(
            rf"(?P<pl>{PL})\s+(?:was|were|is|are|will be)\s+(?:paired|teamed|reunited)\s+(?:up\s+)?with\s+(?P<pl2>{PL})\s+in\s+"
            rf"(?:the\s+)?(?:(?:19|20)\d{{2}}\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{self.film_noun}\s+)?(?P<f>{F})")
        self.p_seen_in = re.compile(rf"(?P<p>{P}),?\s+(?:best\s+)?(?:seen|known)\s+(?:in|for)\s+(?:{P}['’]s?\s+)?(?P<f>{F})")
        self.p_as_char = re.compile(rf"(?<!\bwell )\bas\s+(?!well\s+as\b)(?:(?:the|a|an|his|her|their|[a-z][\w\-]*)\s+){{0,4}}?{CAST_CHAR}")
        self.p_joined_cast = re.compile(
            rf"(?P<pl>{PL})(?:\s*\([^()]*\))?\s+(?:(?:has|have)\s+)?(?:joined|joins|boarded|boards)\s+the\s+(?:main\s+|lead\s+)?"
            rf"(?:cast|ensemble)(?!\s+of)\b")
        self.p_joins = re.compile(
            rf"(?P<pl>{PL})(?:\s*\([^()]*\))?\s+(?:(?:has|have)\s+)?(?:joined|joins|join|boarded|boards|board|(?:is|are|has been|have been)\s+"
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
            rf"\b(?:a|an|the|his|her|their)\s+(?:[a-z][\w\-]*\s+|[A-Z][a-z]+\s+(?=[a-z])){{1,4}}\((?P<p>{P})\)")
        self.p_with_starring = re.compile(
            rf"\bwith\s+(?P<pl>{PL})\s+(?:starring|co-starring|attached to star|set to star|in the lead(?:ing)? roles?)\b")
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
        self.p_role_is = re.compile(
            rf"(?:^\s*|\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:film['’]s\s+)?)(?P<role>(?i:{self.role_noun}))s?\s+"
            rf"(?:is|are|was|were|will be|include|includes)\s+(?P<pl>{PL})")
        self.p_person_role_apposition = re.compile(
            rf"(?P<p>{P}),\s+(?:the\s+|its\s+|who\s+(?:also\s+)?(?:is|was)\s+(?:the\s+)?)(?:film['’]s\s+|movie['’]s\s+|project['’]s\s+)?"
            rf"(?P<role>{self.role_noun})\b")
        self.p_pronoun_credit = re.compile(
            rf"\b(?P<pro>He|She|he|she|They|they)\s+(?:(?:also|then|later|has|had|went on to|would|subsequently|first|"
            rf"again|once|has also|have)\s+)*(?P<verb>{credit_verb}(?:\s*(?:,|and)\s*{credit_verb})*)\s+"
            rf"(?:the\s+)?(?:[^⟨.]|⟨[PN]\d+⟩['’]s){{0,40}}?(?P<fl>{FL})")
        self.p_it_credit = re.compile(
            rf"^(?:It|The (?:film|movie|series|show|picture|documentary|feature|pic|programme|program|sitcom|drama))\s+"
            rf"(?:also\s+)?(?P<verb>stars|starred|features|featured|co-stars|starring)\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<pl>{PL})")
        self.p_topic_first_film = re.compile(
            rf"\b(?:His|Her|Their|his|her|their)\s+(?:(?:first|second|third|debut|directorial|feature|latest|next|new|acting|"
            rf"breakthrough|last|final|most|recent)\s+)+(?:film|feature|movie|documentary|short|directorial|effort|work|venture|"
            rf"debut|script|screenplay)?(?:\s+for\s+another\s+director)?\s*"
            rf"(?:,\s*|was\s+|is\s+|with\s+)?(?:(?:the|a|an)\s+(?:(?:⟨[A-Z]\d+⟩|[\w\-]+)\s+){{0,3}}?)?"
            rf"(?:(?:19|20)\d{{2}}['’]s\s+)?"
            rf"(?:(?:in|released in)\s+\d{{4}}\s+with\s+)?(?P<f>{F})")
        # "Title (English), Swiss-Italian director X's portrait of ...": the appositive names the director
        self.p_appositive_director = re.compile(
            rf"(?P<f>{F})(?:\s*\(⟨F\d+⟩\))?,\s+(?:[\w\-]+\s+|⟨[NT]\d+⟩\s+){{0,2}}(?:director|filmmaker|helmer|auteur)\s+"
            rf"(?P<p>{P})['’]s?\s")
        self.p_topic_films = re.compile(
            rf"\b(?P<cue>starred|starring|co-starred|appeared|appearing|appearances?|roles?|played|playing|portrayed|portraying|"
            rf"portrays|voiced|voicing|voices|known for|directorial work|episodes of|(?:later|earlier|early|recent|final|last)\s+works|"
            rf"(?:notable|best-known|major|other|selected)\s+works|filmography|debuted|"
            rf"guest[- ]starred|guest[- ]starring|cast member|characters|series regular|regular|"
            rf"films?\s+(?:such as|including|like)|credits include|directed|directing|wrote|writing|produced|producing|composed|"
            rf"scored|debut)\b[^.]{{0,120}}?(?P<fl>{FL})")

        self.p_role_cue = re.compile(rf"\b(?:{ROLE_WORDS})\b")
        self.p_character_in = re.compile(rf"⟨[PN]\d+⟩\s+(?:in|on)\s+(?:the\s+)?(?P<f>{F})")

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
        if not doc.topic_person and re.match(r"\s*(?:His|Her)\s", m_text):
            # "Bellavista, 58, is a late bloomer. His first feature, X, premiered at ...": the person just named
            lead = self.p_topic_first_film.match(m_text)
            person = self._recent_subject(doc, s) if lead else None
            if lead and person:
                said = lead.group().lower()
                role = "writer" if re.search(r"script|screenplay", said) else "cast" if "acting" in said else "director"
                out.append(self.credit(s, s.slots[lead.group("f")].value, person, role, 0.55))
        for m in self.p_appositive_director.finditer(m_text):
            out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.75))
        for name, role, conf in PAIR_CREDITS:
            for m in getattr(self, name).finditer(m_text):
                out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, role, conf))
        for m in self.p_subject_role.finditer(m_text):
            verb = m.group("verb")
            # writing first: "wrote the screenplay" holds "play"
            role = ("executive_producer" if "executive" in verb else "writer" if re.search(r"wr|pen|script", verb)
                    else "cast" if re.search(r"play|star|voice|portray|appear", verb)
                    else "composer" if re.search(r"scor|compos|music", verb)
                    else "cinematographer" if re.search(r"shot|lensed|shooting", verb)
                    else "editor" if re.search(r"edit|cut", verb) else "producer")
            # a title in the same clause is that credit's film, read by other rules; past a comma it is another
            inside = [c for c in SLOT.findall(re.split(r"[,;]", s.masked[m.end():], maxsplit=1)[0]) if c[1] == "F"]
            film = self.context_film(doc, s, skip_history=True) if not inside else None
            if film:
                for person in self.values(s, m.group("pl")):
                    out.append(self.credit(s, film, person, role, 0.6))
        for m in self.p_coproducer_list.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for code in re.findall(rf"({P})\s*\(", m.group("list")):
                out.append(self.credit(s, film, s.slots[code].value, "producer", 0.7))
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
        for m in self.p_title_by.finditer(m_text):
            if s.slots[m.group("p")].kind != "company":
                out.append(self.credit(s, s.slots[m.group("f")].value, s.slots[m.group("p")].value, "director", 0.65))
        for m in self.p_debut_of.finditer(m_text):
            role = {"directorial": "director", "feature": "director", "producing": "producer"}.get(m.group("what"), "writer")
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            out.append(self.credit(s, film, s.slots[m.group("p")].value, role, 0.75))
        for m in self.p_which_person_did.finditer(m_text):
            role = self.v.lexicon["role_verbs"].get(m.group("verb")) or {"scored": "composer", "shot": "cinematographer",
                                                                          "edited": "editor"}.get(m.group("verb"))
            film = s.slots[m.group("f")].value if m.group("f") else self.context_film(doc, s)
            for person in self.values(s, m.group("pl")) if role else []:
                out.append(self.credit(s, film, person, role, 0.75))
        for m in self.p_paired.finditer(m_text):
            for person in self.values(s, m.group("pl")) + self.values(s, m.group("pl2")):
                out.append(self.credit(s, s.slots[m.group("f")].value, person, "cast", 0.7))
        for m in self.p_started_shooting.finditer(m_text):
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, s.slots[m.group("f")].value, person, "director", 0.7))
        if not re.search(r"\b(?:produc|co-produc|sales|sold|distribut|represent|company|companies|directed|director)", s.text):
            for m in self.p_character_paren.finditer(m_text):
                film = self.context_film(doc, s, skip_history=True)
                out.append(self.credit(s, film, s.slots[m.group("p")].value, "cast", 0.55))
        for m in self.p_character_actor.finditer(m_text):
            if re.fullmatch(r"[A-Z]{1,4}", s.slots[m.group("p")].text):
                continue  # "the opportunistic emcee (MC)": an abbreviation, not an actor
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            out.append(self.credit(s, film, s.slots[m.group("p")].value, "cast", 0.55))
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
        for m in self.p_craft_owner.finditer(m_text):
            if s.slots[m.group("p")].kind == "company":
                continue
            film = self.film_after(s, m.end()) if re.match(r"\s+(?:for|on|of|in)\s+⟨F", m_text[m.end():]) else None
            film = film or doc.main_film or self.context_film(doc, s)
            craft = {"soundtrack": "music"}.get(m.group("craft"), m.group("craft"))
            out.append(self.credit(s, film, s.slots[m.group("p")].value, CRAFT_ROLES[craft], 0.6))
        for m in self.p_craft_by.finditer(m_text):
            craft = (m.group("craft") or m.group("craft2")).lower()
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl") or m.group("pl2")):
                out.append(self.credit(s, film, person, CRAFT_ROLES[craft], 0.7))
        for m in self.p_cast_future.finditer(m_text):
            film = self.film_before(s, m.start()) or self.film_after(s, m.end()) or self.context_film(doc, s)
            names = m.group("pl") or m.group("pl2") or m.group("pl3") or m.group("pl4")
            offset = m.start(next(g for g in ("pl", "pl2", "pl3", "pl4") if m.group(g)))
            for code in re.finditer(r"⟨[PN]\d+⟩", names):
                if CHARACTER_BEFORE.search(m_text[:offset + code.start()]):
                    continue  # "X plays the harbour master Y, and Z rounds out the cast": Y is a character
                out.append(self.credit(s, film, s.slots[code.group()].value, "cast", 0.7))
        self._cast_lists(doc, s, out)
        for m in self.p_with_starring.finditer(m_text):
            film = self.film_before(s, m.start()) or self.context_film(doc, s)
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "cast", 0.7))
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
        for m in self.p_joins.finditer(m_text):
            before = s.masked[max(0, m.start() - 25):m.start()]
            noun = re.search(r"\b(producer|writer|director|composer|cinematographer|editor)\s+$", before, re.I)
            role = self.v.lexicon["role_nouns"].get(m.group("role") or (noun.group(1).lower() if noun else ""), "cast")
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, s.slots[m.group("f")].value, person, role, 0.8))
        for m in self.p_joined_cast.finditer(m_text):
            film = self.film_after(s, m.end()) or doc.main_film or self.context_film(doc, s)
            for person in self.values(s, m.group("pl")):
                out.append(self.credit(s, film, person, "cast", 0.7))
        for m in self.p_subject_verb.finditer(m_text):
            role = self.v.lexicon["role_verbs"].get(m.group("verb").split()[-1])
            if role is None:  # a verb form the lexicon lacks: no guess
                continue
            for person in self.values(s, m.group("pl")):
                for film in self.values(s, m.group("fl"), "F"):
                    out.append(self.credit(s, film, person, role, 0.8))
        for m in self.p_gerund.finditer(m_text):
            subject = self._gerund_subject(doc, s, m)
            role = self.v.lexicon["role_verbs"].get(m.group("verb").split()[0])
            if subject and role:
                out.append(self.credit(s, s.slots[m.group("f")].value, subject, role, 0.65))
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
        for m in self.p_role_is.finditer(m_text):
            role = self.v.lexicon["role_nouns"].get(m.group("role").lower())
            # "The editor is X, who also cut Y": the article's film, not Y
            film = self.film_before(s, m.start()) or doc.main_film or self.context_film(doc, s)
            for person in self.values(s, m.group("pl")) if role and film else []:
                out.append(self.credit(s, film, person, role, 0.7))
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

    @staticmethod
    def _recent_subject(doc: Document, s: Sentence) -> str | None:
        """The person a sentence of the last two starts with ("Bellavista, 58, ..."), whom "his" refers to."""
        for prev in doc.sentences[max(0, s.index - 2):s.index][::-1]:
            lead = re.match(r"\s*(⟨[PN]\d+⟩)", prev.masked)
            if lead and prev.slots[lead.group(1)].kind in ("person", "name") and " " in prev.slots[lead.group(1)].value:
                return prev.slots[lead.group(1)].value
        return None

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
            if s.slots[slot.group()].value in PLACES:
                continue  # "sharing a Malmö apartment"
            before = rest[:slot.start()]
            if re.search(r"(?:\bas(?<!as well as)|\brole of|(?<!performances )(?<!appearances )\bby|\bof|\bfor|\bfrom|\bwith|\bin|\bat|\bto|\bnear|\bon|\binto)\s+"
                         r"(?:(?:the|an?|his|her|their|its|[a-z][\w\-]*),?\s+){0,4}$", before) or before.endswith(("’s ", "'s ")) \
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
            said = m.group().lower()  # "his directorial debut", "his first script", "his acting debut"
            role = ("director" if "direct" in said else "writer" if re.search(r"script|screenplay", said)
                    else "cast" if "acting" in said else doc.topic_role or "director")
            out.append(self.credit(s, s.slots[m.group("f")].value, doc.topic_person, role, 0.55))
        for m in self.p_topic_possessive_work.finditer(s.masked):
            if not re.search(r"⟨[PN]\d+⟩", s.masked[:m.start()]):  # no one named before: "her" is the topic person
                out.append(self.credit(s, s.slots[m.group("f")].value, doc.topic_person, doc.topic_role, 0.55))
        if doc.topic_inferred:
            return  # a profile found by its mentions: career lists ("played", "known for") are too loose here
        if re.search(r"\b(?:books?|novels?|albums?|songs?|singles?|memoirs?|poems?|records?|EPs?)\b", s.text) and \
                not regex(self.film_noun).search(s.text):
            return  # a writer's books, a singer's albums: no film credits
        for m in self.p_topic_films.finditer(s.masked):
            stretch = s.masked[m.start():m.start("fl")]
            # another person in the stretch is its subject, unless a character ("as X", "role of X")
            # or an owner ("CBS' legal drama")
            others = [c for c in re.finditer(r"⟨[PN]\d+⟩", stretch)
                      if not re.search(r"(?:\bas|role of|voice of|such as|including)\s+(?:[A-Za-z][\w\-.]*\s+){0,2}$",
                                       stretch[:c.start()])
                      and not re.match(r"['’]s?\s|\s+(?:in|on)\s+(?:the\s+)?⟨F", stretch[c.end():] + s.masked[m.start("fl"):])
                      and not regex(rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{self.film_noun})\b").match(stretch[c.end():])]
            if others:
                continue
            cue = m.group("cue")
            role = ("cast" if re.search(r"star|appear|role|play|portray|voic", cue) else
                    "director" if cue.startswith("direct") else doc.topic_role if cue in ("episodes of", "filmography", "debuted")
                    or cue.endswith("works") else "writer" if cue in ("wrote", "writing") else
                    "producer" if cue.startswith("produc") else "composer" if cue in ("composed", "scored")
                    else doc.topic_role)
            for film in self.values(s, m.group("fl"), "F"):
                out.append(self.credit(s, film, doc.topic_person, role, 0.55))
        self._topic_characters(doc, s, out)

    def _topic_characters(self, doc: Document, s: Sentence, out: list[Draft | None]) -> None:
        """"She is known for roles including Merle Jackson in Coronation Street, Mandy Cutler in
        Paradise Heights ...": in a sentence about the topic person's roles, each character
        played in a title is a cast credit of theirs."""
        if not re.match(r"(?:He|She|They)\b", s.text) or not self.p_role_cue.search(s.text):
            return
        for m in self.p_character_in.finditer(s.masked):
            out.append(self.credit(s, s.slots[m.group("f")].value, doc.topic_person, "cast", 0.55))

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
                # the film the person is cast in is the last one named before the person
                films_before = [s.slots[c].value for c in SLOT.findall(s.masked[:s.masked.index(code)]) if c[1] == "F"]
                candidates = [d for d in drafts if d and d.fields["person"] == person and d.fields["role"] == "cast"
                              and "character" not in d.fields]
                # the film named last before the person, but never a known-for title in parentheses after them
                known_for = set(self.values(s, re.match(r"\s*\(([^)]*)\)", s.masked[s.masked.index(code) + len(code):]).group(1), "F")) \
                    if re.match(r"\s*\(", s.masked[s.masked.index(code) + len(code):]) else set()
                candidates.sort(key=lambda d: (d.fields["film"] in known_for, d.fields["film"] not in films_before[-1:]))
                if candidates:
                    candidates[0].fields["character"] = char
                return
