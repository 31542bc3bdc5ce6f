"""Mentions: the typed name spans of an article (films, people, companies, festivals,
territories, awards), found by quotes, cues and vocabularies before any relation is read.

Titles are the hard part of the genre: most outlets write them in Title Case without quotes,
so an unquoted capitalised run only becomes a film when a cue says so ("Östlund's The
Square", "the Danish drama Quiet Harbour", "Title (2019)", "rights to Title").  Once a string
is a title anywhere in the article, every other occurrence of it is one too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reelgraph.extract.text import CLOSE_QUOTES, OPEN_QUOTES
from reelgraph.extract.vocab import Vocab, alternation, english_words, regex

PRIORITY = {"film": 6, "festival": 5, "award": 5, "territory": 4, "company": 3, "person": 2, "name": 1}


@dataclass
class Mention:
    kind: str  # film | person | company | festival | territory | award | name
    start: int
    end: int
    text: str
    value: str  # canonical form: full name, title, festival or territory name
    strength: int = 1  # 2 = typed by a strong cue (quotes, vocabulary), 1 = weaker


# A word that can be part of a name or title: capitalised, or a number.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-Я"
# Possessive 's is never part of a word: "Östlund's The Square" is a name, then a title.
CAP_WORD = rf"(?:[{UPPER}](?:[\w.\-]|['’](?!s\b))*\w(?:(?<=s)['’](?=[ \t]+[{UPPER}]))?|[{UPPER}]|(?!(?:1[89]|20)\d\d\b)\d(?:[\d,.:]*\d)?\w*)"
TITLE_GLUE = (r"(?:of|the|a|an|and|in|on|at|to|for|with|from|or|de|la|le|les|du|des|del|di|da|von|van|y|et|my|your|our|no|"
              r"vs\.?|&|–|-|:|los|las|el|al|para|por|sin|con|e|do|dos|das|della|dei|degli|delle|sur|sous|dans|au|aux|"
              r"und|im|am|vom|zum|zur|het|een|och|og|på|per|pour|sans|tra|fra|nel|nella|sul|sulla|dal|dalla|senza|entre|bajo)")
# Runs never cross a line break: list lines are separate entries.
# An elided article joins a word to the run: "Il Mare d'Inverno", "Le Jour de l'An".
TITLE_RUN = re.compile(rf"{CAP_WORD}(?:[!?]|(?:[ \t]+{TITLE_GLUE})*[ \t]+(?:[dlDL]['’])?{CAP_WORD}[!?]?)*")
NAME_PARTICLE = r"(?:de|da|del|della|di|van|von|der|den|le|la|du|dos|das|bin|ben|al|el|ter|zu|y)"
# Atomic, with disjoint alternatives: each word has exactly one parse, so name lists never backtrack exponentially.
NAME_WORD = rf"(?>[{UPPER}](?:[\w\-]|['’](?!s\b))*\w|[{UPPER}]\.)"
NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+)*{NAME_WORD}){{0,8}}")  # long runs are cut at job titles

# Capitalised words that start sentences or name things other than people and titles.
STOP_CAPS = {
    "The", "A", "An", "In", "On", "At", "For", "With", "This", "That", "These", "Those", "It", "Its", "He", "She",
    "They", "His", "Her", "Their", "Our", "We", "I", "You", "But", "And", "Or", "After", "Before", "When", "While",
    "Now", "Then", "Also", "According", "Meanwhile", "As", "If", "Since", "Though", "Although", "Both", "Each",
    "Other", "Others", "Here", "There", "Where", "What", "Who", "Which", "Why", "How", "All", "Some", "Many", "Most",
    "One", "Two", "Three", "Four", "Five", "First", "Second", "Third", "Last", "Next", "Best", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame",
    "Director", "Producer", "Producers", "Writer", "Cast", "Directed", "Written", "Produced", "Starring", "Stars",
    "Screenplay", "Editor", "Editing", "Cinematography", "Sales", "Distribution", "Country", "Countries",
    "Competition", "Section", "Jury", "Prize", "Award", "Awards", "Hollywood", "Oscar", "Oscars", "Events",
    "Decades", "Years", "Despite", "During", "Under", "Over", "Through", "Among", "Amid", "Following", "Like",
    "Unlike", "Set", "Based", "Inspired", "Shot", "Filmed", "Co", "Variety", "Deadline", "Screen", "Cineuropa",
    "Reuters", "Guardian", "Published", "Updated", "Source", "Photo", "Credit", "Courtesy", "Read", "See", "Watch",
    "Sources", "Neither", "Nor", "Yet", "So", "Still", "Even", "Just", "Only", "Already", "Currently", "Previously",
    "Recently", "Later", "Earlier", "Today", "Yesterday", "Tomorrow", "Tonight", "Elsewhere", "Additionally",
    "However", "Instead", "Indeed", "Overall", "Together", "Speaking", "Asked", "Commenting", "Talking",
    "Featuring", "Lead", "Leading", "Rounding", "Joining", "Regarding", "Per", "Via", "Newcomer", "Newcomers", "Veteran",
    "Actress", "Actor", "Filmmaker", "Helmer", "Star", "Said", "Says", "Added", "Adds", "Explained", "Noted",
    "Singer", "Singer-songwriter", "Songwriter", "Composer", "Cinematographer", "Comedian", "Novelist", "Screenwriter",
    "Documentarian", "Rapper", "Musician",
}


@dataclass
class Lexicon:
    """Compiled regexes built once from the vocabulary."""

    festival: re.Pattern[str]
    territory: re.Pattern[str]
    known_company: re.Pattern[str]
    company_word: set[str]
    award: re.Pattern[str]
    film_noun: re.Pattern[str]
    title_cue_after: re.Pattern[str]
    title_cue_before: re.Pattern[str]
    role_noun: re.Pattern[str]
    position_title: re.Pattern[str]
    not_a_name: set[str]  # capitalised words that never start or make a name
    english: frozenset[str]  # lowercase English words (data/english_words.txt)
    splits_name: set[str]  # words that end one name and start another ("Bleecker Street CEO Andrew Kessel")
    section: re.Pattern[str]  # festival sections ("Critics’ Week", "Un Certain Regard"): never titles
    company_cue: re.Pattern[str]  # "Paris-based ", "sales outfit ", "distributor " right before a company name
    occupations: dict[str, str]  # "actress" -> cast, "filmmaker" -> director: what a profile's subject is


def compile_lexicon(v: Vocab) -> Lexicon:
    lex = v.lexicon
    prizes = {p for f in v.festivals for p in f.prizes}
    heads = alternation(lex["award_heads"], boundary=False)
    award = (
        rf"(?:(?:{CAP_WORD}[ \t]+(?:(?:of|the|for|d['’]Or)[ \t]+)?){{0,5}}(?:{heads})(?:[ \t]+d['’]Or)?(?:[ \t]+for[ \t]+(?:Best(?:[ \t]+{CAP_WORD}){{1,4}}|best(?:[ \t]+(?:[a-z][\w\-]*)){{0,3}}?"
        rf"[ \t]+(?:film|feature|director|direction|actor|actress|performance|screenplay|cinematography|documentary|"
        rf"debut|short|score|music|editing|animation)))?"
        rf"|{alternation(prizes, boundary=False)}"
        rf"|Best[ \t]+(?:{CAP_WORD}[ \t]*){{1,4}}|Academy Awards?|Palme d['’]Or|Oscars?"
        # lower-case categories as the trades write them: "best director", "best lead performance"
        rf"|best[ \t]+(?:[A-Za-z\-]+[ \t]+){{0,3}}?(?:film|feature|director|direction|actor|actress|performance|screenplay|"
        rf"cinematography|music|score|documentary|editing|debut|animation|short|ensemble|newcomer|casting|production design|"
        rf"composer|screenwriter|discovery)"
        # "the Encounters award for best film": a section's lower-case award, named by its category
        rf"|(?:{CAP_WORD}[ \t]+){{1,3}}(?:award|prize)[ \t]+for[ \t]+best(?:[ \t]+[a-z][\w\-]*){{0,2}}?[ \t]+(?:film|feature|director|"
        rf"actor|actress|performance|screenplay|documentary|short)"
        rf"|(?:audience|jury|special jury|grand jury|critics['’]?|FIPRESCI|Fipresci|fipresci|people['’]s choice|special|top|main|"
        rf"ecumenical|youth|student)[ \t]+(?:award|prize|mention))"
    )
    film_nouns = alternation(lex["film_nouns"])
    film_nouns_loose = alternation(lex["film_nouns"], boundary=False)  # also inside "horror-comedy"
    not_a_name = set(STOP_CAPS) | set(v.adjectives) | {t for t in lex["position_titles"] if t[:1].isupper()}
    not_a_name |= {sec for f in v.festivals for sec in f.sections if sec[:1].isupper()}
    ADJECTIVES.update(v.adjectives)
    PLACES.update(v.countries, v.cities)
    for word in [*lex["role_participles"], *lex["role_verbs"], *lex["role_nouns"], *lex["position_titles"]]:
        not_a_name.add(word[:1].upper() + word[1:])
    trade_words = {w.lower() for key in ("film_nouns", "occupations") for w in lex[key] if re.fullmatch(r"[a-z]+", w.lower())}
    return Lexicon(
        english=english_words() | trade_words,
        festival=re.compile(alternation(list(v.festival_by_alias))),
        territory=re.compile(alternation(list(v.countries) + [r for r in v.regions if any(c.isupper() for c in r)])),
        known_company=re.compile(alternation(lex["known_companies"])),
        company_word=set(lex["company_words"]),
        award=re.compile(rf"(?<![\w-]){award}(?![\w])"),
        film_noun=re.compile(film_nouns),
        title_cue_before=re.compile(
            rf"(?:{film_nouns}|(?:rights|sales)\s+(?:to|on|for)|(?:sold|acquired|pre-sold|presold|picked up|bought|"
            rf"starred in|stars in|appeared in|appears in|seen in|role in|debut in|topline|toplines|toplined|toplining|"
            rf"headline|headlines|boarded|boards|rights\s+(?:outside|excluding|except)\s+(?:the\s+)?[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+)*\s+(?:on|to|for)|(?:join(?:s|ed|ing)?|board(?:s|ed)?) the cast of|directed|directing|co-directed|"
            rf"wrote|co-wrote|helmed|produced|producing|titled|entitled|dubbed|follow-up to|sequel to|remake of|adaptation of|version of|premiere of|"
            rf"screening of|release of|rights to|rights for|remake rights to|deals? (?:for|on)|(?:will|to) screen|screens|"
            rf"(?:debut|directorial|venture)\s+(?:was\s+|is\s+)?(?:in\s+(?:19|20)\d{{2}}\s+)?with|"
            rf"\b(?:won|wins|winning|nominated|nomination|nod)\s+(?:(?:the|a|an)\s+)?(?:[Bb]est|prize|award)\b[^.;()]{{0,70}}(?<!\()\bfor|"
            rf"(?:named|won|took|takes|wins|given|awarded)\s+(?:the\s+)?(?:prize\s+for\s+)?best\s+(?:[a-z\-]+\s+){{0,2}}?"
            rf"(?:director|actor|actress|performance|screenplay|film|feature|cinematography|debut)\s+for)),?\s+$"
        ),
        title_cue_after=re.compile(
            rf"^(?:,\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){{0,4}}?(?:[\w]+-)?(?:{film_nouns_loose})(?![\w-])(?=[,.;]|\s+(?:about|starring|from|"
            rf"by|that|which|set|in|with|directed|produced|written|co-written|based|adapted|following|centred|centered|"
            rf"shot|made|of|for))|"
            r"\s*\((?![^()]*\b(?:born|died|née|b\.|d\.))(?![^()]*(?:19|20)\d{2}[^()]*[–-][^()]*(?:19|20)\d{2})"
            r"(?:[^()]{0,60}?\b)?(?:19|20)\d{2}\)|,?\s+(?:is|was)\s+(?:directed|written|produced|helmed|"
            r"co-written|set(?!\s+to\b)|inspired|based|shot|adapted)|,\s+(?:directed|written|produced|helmed|co-written)\s+by|"
            # "The Lantern Keeper, by Mira Osei,", "Gulf of Lanterns, from Kuwaiti director Fahad Al-Sabti"
            r",\s+(?:by|from\s+(?:(?:[A-Z][a-z]+|first-time|debut|veteran|young)\s+)?(?:director|filmmaker|helmer|"
            r"documentarian|auteur))\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)+\s*[,.;]|"
            r"\s+(?:stars(?!\s+(?:in|as|opposite|alongside|with))|follows|tells|centers|centres|marks|premieres|premiered|bows|debuts(?!\s+as\b)|"
            r"will premiere|will screen|will open|will close|opens|closes|won|has won|took home|has been (?:sold|"
            r"acquired|picked up|snapped up|selected|pre-sold)|was (?:sold|acquired|picked up|snapped up|selected)))"
        ),
        role_noun=re.compile(alternation(list(lex["role_nouns"]))),
        # the long form first: "executive vice president of international distribution", not "executive vice president"
        position_title=re.compile(
            r"(?:(?:senior|executive|deputy|global|international|joint|co-)\s*)*(?:vice president|VP|SVP|EVP|head|director|"
            r"chief|president|manager)\s+of\s+(?:(?:[a-z&\-]+|UK|U\.S\.|US|EMEA|APAC|[A-Z][a-z]+(?=\s+(?:distribution|"
            r"acquisitions|sales|originals|content|marketing)))\s?){1,5}|"
            + alternation(lex["position_titles"])
        ),
        not_a_name=not_a_name,
        splits_name={w for w in not_a_name if w in set(lex["position_titles"]) or w.lower() in lex["role_nouns"]
                     or w[:1].lower() + w[1:] in lex["role_nouns"] or w in {"President", "Chairman", "Chair", "Founder"}}
        | set(v.adjectives) | {"Director", "Producer", "Producers", "Writer", "Composer", "Editor", "Actor", "Actress"},
        section=re.compile(alternation([sec for f in v.festivals for sec in f.sections if sec[:1].isupper()])),
        company_cue=re.compile(r"(?:-based|\b(?:" + "|".join(map(re.escape, lex["company_cue_nouns"])) + r"))\s+$"),
        occupations=dict(lex["occupations"]),
    )


def find_quoted_titles(text: str, english: frozenset[str] = frozenset()) -> list[Mention]:
    """Title-like strings between quote marks ("Dear Comrades", ‘Paradise’), not speech."""
    found: list[Mention] = []
    inner = rf"(?:[^\n{OPEN_QUOTES}{CLOSE_QUOTES}]|(?<=\w)['’](?=\w))"  # an apostrophe inside is no quote
    pattern = re.compile(rf"(?:(?<=^)|(?<=[\s(\[—–-]))[{OPEN_QUOTES}]({inner}{{1,80}}?)[{CLOSE_QUOTES}](?![\w])")
    unsure: dict[str, list[int]] = {}
    for match in pattern.finditer(text):
        inner = match.group(1)
        stripped = inner.rstrip(" ,.;:")
        start = match.start(1)
        if not stripped:
            continue
        if not (looks_like_title(stripped, share=0.6) or _foreign_title(stripped, english)):
            # quotes vouch for a sentence-case title ("Kalt wie Glas", "La Fille du passeur"); others only when
            # quoted again ("Ferro e sale" in the headline and the text): speech is not repeated
            if stripped[:1].isupper() and len(stripped.split()) <= 6:
                unsure.setdefault(stripped, []).append(start)
            continue
        found.append(Mention("film", start, start + len(stripped), stripped, stripped, 2))
    for title, starts in unsure.items():
        if len(starts) > 1:
            found += [Mention("film", at, at + len(title), title, title, 2) for at in starts]
    return sorted(found, key=lambda m: m.start)


def _foreign_title(text: str, english: frozenset[str]) -> bool:
    """"La Fille du passeur": capitalised first, then words that are foreign or capitalised; or a
    foreign article and a few words ("Le Fleuve sans rive")."""
    words = [w.strip(",") for w in text.split()]
    if not english or not 2 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if FOREIGN_ARTICLE.match(text) and len(words) <= 6:
        return True
    return all(w[:1].isupper() or w in FOREIGN_GLUE or w not in english and not w.endswith(("ed", "ing", "ly")) for w in words)


def looks_like_title(text: str, share: float = 0.7) -> bool:
    """Capitalised like a title: ``share`` of its content words start with a capital or digit."""
    words = text.split()
    if not words or len(words) > 10 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    content = [w for w in words if not re.fullmatch(TITLE_GLUE, w.lower())]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= share


def find_festivals(text: str, lex: Lexicon, v: Vocab) -> list[Mention]:
    found = []
    for match in lex.festival.finditer(text):
        alias = match.group()
        fest = v.festival_by_alias[alias]
        after = text[match.end():match.end() + 40]
        before = text[max(0, match.start() - 30):match.start()]
        if after.startswith("-based") or after.startswith("’s-based"):
            continue
        strong = alias != fest.city_name or fest.unambiguous
        if not strong and not _festival_context(before, after, fest):
            continue
        found.append(Mention("festival", match.start(), match.end(), alias, fest.name, 2))
    return found


def _festival_context(before: str, after: str, fest: object) -> bool:
    """A bare city name ("Venice", "Berlin") is the festival only next to festival words."""
    cue_after = re.match(
        r"['’]?s?\s*(?:(?:19|20)\d{2}\s*)?(?:[\w'’\-]+\s+){0,3}?(?:competition|line-?up|section|sidebar|jury|selection|premiere|"
        r"winner|contender|entry|title|film festival|festival|fest|official|opener|closer|award|prize|"
        r"main|orizzonti|panorama|forum|encounters|special|critics|days|platform|galas?|market)",
        after, re.I)
    cue_before = re.search(
        r"(?:at|in|to|for|from|of|the|this year's|last year's|year's|\d{4}['’]?s?|\d+(?:st|nd|rd|th))\s+$", before, re.I)
    return bool(cue_after) or (bool(cue_before) and not re.match(r"\s*[,]?\s*(?:Germany|Italy|Canada|Ontario)", after))


def find_territories(text: str, lex: Lexicon, v: Vocab) -> list[Mention]:
    found = []
    for match in lex.territory.finditer(text):
        if re.match(r"[ \t]+(?!The\b|A\b|In\b|On\b)[A-Z][a-z]", text[match.end():match.end() + 4]) and \
                not re.match(r"[ \t]+(?:and|or)\b", text[match.end():]):
            continue  # part of a longer name: "Asia Crossing", "Portugal Film"
        name = v.territory(match.group())
        if name:
            found.append(Mention("territory", match.start(), match.end(), match.group(), name, 2))
    return found


AWARD_FOR_BEST = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?[Bb]est[ \t]+(?:[a-z\-]+[ \t]+){0,3}?(?:film|director|direction|actor|"
                            r"actress|performance|screenplay|cinematography|documentary|feature|music|score|editing|"
                            r"debut|short|animation|series|script)\b")
AWARD_CRAFT_TAIL = re.compile(r"[ \t]+(?:editing|design|effects|mixing|editor)\b")


def find_awards(text: str, lex: Lexicon) -> list[Mention]:
    found = []
    for match in lex.award.finditer(text):
        raw = match.group().rstrip()
        value = re.sub(r"^(?:the|The)\s+", "", raw)
        start = match.start() + len(raw) - len(value)
        if len(value) < 4 or value in {"Award", "Awards", "Prize", "Oscar winner"}:
            continue
        craft = AWARD_CRAFT_TAIL.match(text, start + len(value))
        if craft and value.lower().endswith(("best film", "best sound", "best visual", "best production", "best costume")):
            value += craft.group()  # "best film editing", "best sound design": the craft goes with the prize
        category = AWARD_FOR_BEST.match(text, start + len(value))
        if category and " for " not in value:
            value += category.group()  # "the jury prize for best screenplay": the category names the prize
        if re.search(r"-based\s+$", text[max(0, start - 40):start]):
            # "Paris-based Best Friend Forever": a company whose name starts like a prize
            found.append(Mention("company", start, match.end(), match.group(), match.group(), 2))
            continue
        found.append(Mention("award", start, start + len(value), value, value, 2))
    return found


COMPANY_PATTERNS = (
    # "Les Films du Lézard", "Les Films de l'Autre Rive", "Producciones del Sur"
    re.compile(r"(?:Les\s+|Los\s+)?(?:Films|Productions|Producciones|Produzioni|Produções|Filmes|Pictures)\s+"
               r"(?:de\s+la|de\s+l['’]|du|des|de|del|della|da|do|dos|of)\s*[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*)*"),
    # "Forge & Furnace Films", "Gant & Co", "Sideshow and Janus" is not one: only "&"
    # Word starts only and at most six words before the "&": linear in the text, not quadratic.
    re.compile(r"(?<![\w'’\-])[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*){0,5}[ \t]+&[ \t]+(?:Co\.?|[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*)*)"),
    # "Three Rivers Pictures", "Seven Bridges Films": a number word the name runs cut off
    re.compile(r"(?<![\w'’\-])(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Hundred|Thousand)"
               r"(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*){1,3}"),
)


def find_company_names(text: str, lex: Lexicon) -> list[Mention]:
    """Company names that capitalised-name runs cut apart: particles ("Les Films du Lézard") and
    ampersands ("Forge & Furnace Films", "Gant & Co")."""
    found = []
    for pattern in COMPANY_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group().rstrip(".") if not m.group().endswith("Co.") else m.group()
            based = re.match(r"\S+-based\s+", name)  # "London-based Heather & Stone Sales": the place is no part
            start = m.start() + (based.end() if based else 0)
            name = name[based.end():] if based else name
            words = name.replace("&", " ").split()
            if pattern is not COMPANY_PATTERNS[0] and not (words[-1].rstrip(".") in lex.company_word or words[-1] == "Co."):
                continue
            found.append(Mention("company", start, start + len(name), name, name, 2))
    return found


def find_known_companies(text: str, lex: Lexicon) -> list[Mention]:
    """Companies from the gazetteer, extended by the company words that follow
    ("Oscilloscope" + "Laboratories", "Wild Bunch" + "International")."""
    found = []
    for m in lex.known_company.finditer(text):
        end = m.end()
        while True:
            more = COMPANY_WORD_AFTER.match(text, end)  # at an offset: no copy of the rest of the text
            if not more and m.group()[:1].islower():
                more = LOWER_COMPANY_WORD_AFTER.match(text, end)  # a lower-case brand's own words: "mk2 films"
            if not more or more.group(1).rstrip(".").capitalize() not in lex.company_word:
                break
            end = more.end()
        found.append(Mention("company", m.start(), end, text[m.start():end], text[m.start():end], 2))
    return found


COMPANY_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w&]*\.?)")
LOWER_COMPANY_WORD_AFTER = re.compile(r"[ \t]+((?:films|pictures|distribution|productions|international|sales))\b")


def find_cued_titles(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Unquoted Title Case runs that a cue marks as film titles."""
    found = []
    taken_index = SpanIndex(taken)
    # a section's name starts no title ("Panorama Special"); one may end it ("Gray Harbour")
    section_starts = {m.start() for m in lex.section.finditer(text)}
    names = _article_names(text)
    company_ends = {m.end for m in taken if m.kind == "company"}
    taken_starts = sorted(m.start for m in taken)
    for match in TITLE_RUN.finditer(text):
        start, end = match.start(), match.end()
        run = match.group()
        # The first vocabulary mention inside the run cuts it (bisect: linear in long articles).
        at = bisect.bisect_right(taken_starts, start)
        cut = taken_starts[at] if at < len(taken_starts) and taken_starts[at] < end else end
        run = run[:cut - start]
        if cut == end and run not in PLACES and run not in ADJECTIVES and run not in lex.not_a_name and not \
                re.search(r"\b(?:a|an|the|this|that|its|his|her|their)\s+(?:[a-z\-]+\s+)?$", text[max(0, start - 30):start]):
            # (not "a collapsed Texas megachurch": a title's own article is part of it)
            tail = _foreign_tail(text, end, lex)
            if tail:  # "Ljeto u kamenu", "La Nuit des méduses": a sentence-case foreign title
                run = text[start:tail]
        if start in section_starts:
            continue  # "Critics' Week will open with ...": a section, not an owner and a title
        plural = re.search(r"s['’][ \t]+", run)
        if plural and not re.match(r"(?:The|A|An)[ \t]", run):
            # "Rafaela Lins' Ouro Velho": an owner's possessive, then the title ("The Drivers' Union" is one title)
            start, run = start + plural.end(), run[plural.end():]
        played_in = _character_pieces(text, start, run)
        for piece_start, piece in played_in or _split_at_capital_the(start, run):
            mention = _cued_title(text, lex, piece_start, piece, taken_index, company_ends, bool(played_in), names)
            if mention and mention.start in section_starts:
                continue
            if mention:
                found.append(mention)
    return found


# Little words inside foreign titles: "Dom nad Wisłą", "Ljeto u kamenu", "La Fille du passeur"
FOREIGN_GLUE = {"du", "des", "de", "del", "della", "dei", "di", "da", "do", "dos", "das", "w", "u", "na", "nad", "pod", "i",
                "e", "och", "og", "en", "van", "von", "der", "den", "het", "le", "la", "les", "el", "los", "las", "lo", "il",
                "al", "au", "aux", "sur", "sous", "dans", "et", "y", "con", "sin", "por", "para", "no", "ni", "sa", "ng",
                "à", "que", "qui", "und", "med", "til", "på", "av", "per", "tra", "fra", "ao", "às", "em", "și",
                "în", "za", "od", "ze", "ve", "ile", "ja", "ei", "ist", "im", "am", "zum", "zur", "dem", "ein", "eine",
                "mit", "vom", "una", "uno", "unos", "sus", "mi", "tu", "su", "nos", "mga", "ang"}
TAIL_WORD = re.compile(r"[ \t]+([^\s,.;:!?()\[\]\"“”‘’]+)")
FOREIGN_LETTERS = re.compile(r"[a-zà-ÿĀ-ž'’\-]+")


def _foreign_tail(text: str, pos: int, lex: Lexicon) -> int | None:
    """Where a Title Case run's foreign lowercase continuation ends ("Bijeli konji", "Les Voisins
    du dessus topped ..." ends before "topped"), or None when no word after it is foreign."""
    words: list[tuple[int, bool]] = []  # (end, is the word foreign rather than glue)
    while len(words) < 5:
        m = TAIL_WORD.match(text, pos)
        if not m:
            break
        word = m.group(1)
        if word[:1].isupper():
            if not words or words[-1][1]:
                break
            # "Dom nad Wisłą", "Lo squartatore di New York": capitals after a foreign little word
            run = TITLE_RUN.match(text, m.start(1))
            words.append((run.end() if run else m.end(), True))
            pos = run.end() if run else m.end()
            continue
        if word in FOREIGN_GLUE:
            words.append((m.end(), False))
        elif FOREIGN_LETTERS.fullmatch(word) and not _english(word, lex):
            words.append((m.end(), True))
        else:
            break
        pos = m.end()
    while words and not words[-1][1]:
        words.pop()
    if not words:
        return None
    end = words[-1][0]
    after = TAIL_WORD.match(text, end)
    if after and not (after.group(1) in lex.english or after.group(1)[:1].isupper() or after.group(1)[:1].isdigit()):
        return None  # no English word after it: a sentence in another language, not a title
    return end


def _english(word: str, lex: Lexicon) -> bool:
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return all(p in lex.english or p.endswith(("ed", "ing", "ly")) for p in parts)


def _split_at_capital_the(start: int, run: str) -> list[tuple[int, str]]:
    """"the Isle of Lewis on The Peat Cutters", "London on Kilburn High Road": a capital "The" or
    a place before a preposition ends a name (titles write an inner "the" in lower case: "Death
    on the Nile")."""
    parts, cursor = [], 0
    for glue in re.finditer(r"[ \t]+(?:on|in|at|to|for|from|with|into|onto)[ \t]+", run):
        head = run[cursor:glue.start()]
        if not (run.startswith("The", glue.end()) and run[glue.end() + 3:glue.end() + 4] in " \t"
                or head.split()[-1] in PLACES):
            continue  # "Death on the Nile" stays; "London on Kilburn High Road" does not
        parts.append((start + cursor, head))
        cursor = glue.end()
    parts.append((start + cursor, run[cursor:]))
    return parts


SURNAME_AFTER_FIRST = re.compile(rf"(?<![\w'’\-])[{UPPER}][a-zà-ÿ]+[ \t]+([{UPPER}][\w\-]*\w)(?![\w\-]|['’](?!s\b))")
COMPANY_WORDS_RE = (r"Films|Film|Pictures|Productions|Entertainment|Media|Studios?|Distribution|Releasing|Sales|International|"
                    r"Cinema|Features|Company|Group|Works")
COMPANY_HEAD = re.compile(rf"(?<![\w\-])([{UPPER}][\w\-]+)[ \t]+(?:{COMPANY_WORDS_RE})\b")


@dataclass(frozen=True)
class ArticleNames:
    """Read once per article: the last names of people the body names ("Harriet Osgood-Blum" gives
    "Osgood-Blum") and the first words of company names ("Cornerstone" of "Cornerstone Films")."""
    surnames: frozenset[str]
    company_heads: frozenset[str]


def _article_names(text: str) -> ArticleNames:
    body = text[max(text.find("\n"), 0):]
    surnames = frozenset(m.group(1) for m in SURNAME_AFTER_FIRST.finditer(body))
    heads = frozenset(m.group(1) for m in COMPANY_HEAD.finditer(text))
    return ArticleNames(surnames, heads)


def _cued_title(text: str, lex: Lexicon, start: int, run: str, taken_index: SpanIndex, company_ends: set[int],
                cued: bool, names: ArticleNames) -> Mention | None:
    """The title in one capitalised run, when a cue (or ``cued``: a character was played in it) says so."""
    title = _trim_title(run)
    if not title:
        return None
    offset, stop = title_span(run, title)
    start, end = start + offset, start + stop
    if taken_index.overlaps(start, end):
        return None
    before = text[max(0, start - 100):start]
    owned = POSSESSIVE_TAIL.match(text, end)
    if owned and (regex(rf"(?:{lex.film_noun.pattern})\s+$").search(before) or re.match(r"The\s", title) and
                  _title_cue(before, text[owned.end():owned.end() + 80], lex, title)):
        # "the medical drama Grey's Anatomy", "The Understudy's Ghost, a horror-comedy": the possessive is the
        # title's ("The" never starts a person's name)
        return Mention("film", start, owned.end(), text[start:owned.end()], text[start:owned.end()], 1)
    after = text[end:end + 80]
    if start - 3 in company_ends and text[start - 3:start - 1] in ("'s", "’s"):
        return None  # "Films Boutique's Jean-Marc Reiner": a company's person, not its film
    short_owner = OWNER_BEFORE.search(before)
    if short_owner and short_owner.group(1) in names.company_heads:
        return None  # "Cornerstone's Kasia Wrobel-Hart" after "Cornerstone Films": the company, short
    if re.match(r"['’](?:s\b|\s)", after) or title in lex.not_a_name or title.split()[-1] in lex.company_word \
            or re.match(r"\s+(?:director|filmmaker|helmer|actor|actress|producer|writer|auteur|documentarian|"
                        r"animator|duo|distributor|outfit|company|banner)\b", after) \
            or re.match(r"(?:\s+and\s+[^.,;]{0,60}?)?,?\s+(?:serving|serves|served)\s+as\b|\s+(?:as|is|are|was|will be)\s+"
                        r"(?:an?\s+|the\s+)?(?:executive\s+|co-)?producers?\b", after) \
            or re.search(r"\b(?:that|this|those|these|same|each|every|any)\s+(?:film|movie|project|feature|picture|pic),\s+$", before):
        return None  # an owner, a company, or a nationality before a job ("Chadian director")
    foreign = FOREIGN_TAIL.match(text, end)
    if foreign and re.search(r"[ \t][a-zà-ÿ]", foreign.group(1)):  # "Lo squartatore di New York (The New York Ripper)": a sentence-case title, then its English one
        end = foreign.end(1)
        title = text[start:end]
        after = text[end:end + 80]
    if cued and (title in PLACES or lex.film_noun.match(re.sub(r"^\s+(?:[a-z][\w\-]*\s+){0,3}", "", after))
                 and re.match(r"\s+[a-z]", after)):
        return None  # "played Anna in Berlin": a place; "in the NBC television drama X": the network
    if AFTER_WINNER.search(before) and ARTICLE_START.match(title):
        return Mention("film", start, end, text[start:end], title, 1)  # "Golden Leopard winner Il peso delle rondini"
    owner_the = THE_OWNER_BEFORE.search(before)
    if owner_the and _title_cue(text[max(0, start - 100):start - len(owner_the.group())], after, lex, title) \
            and not taken_index.overlaps(start - len(owner_the.group()), start):
        # "debut in The Understudy's Wife": "The X's" owns no film; the whole is the title
        begin = start - len(owner_the.group())
        return Mention("film", begin, end, text[begin:end], text[begin:end], 1)
    if after.startswith(")") and NAME_BRACKET_BEFORE.search(before) and len(title.split()) <= 6 and \
            title not in PLACES and title not in lex.not_a_name and CASTING_AFTER.search(text, end, end + 150):
        # (casting news only: in a synopsis "Father Adam (Tomasz Wierzbicki)" puts the actor in brackets)
        # "Marisol Ventura-Kane (Brushfire Country) and ...": the title an actor is known for
        return Mention("film", start, end, text[start:end], title, 1)
    if not cued and " " not in title and title in names.surnames:
        return None  # "Osgood-Blum won the Academy Award": the surname of "Harriet Osgood-Blum", named before
    if cued or _title_cue(before, after, lex, title):
        return Mention("film", start, end, text[start:end], title, 1)
    return None


POSSESSIVE_TAIL = re.compile(rf"['’]s(?:[ \t]+{CAP_WORD})+")


LIST_CUE = re.compile(
    r"\b(?:comedies|dramas|sitcoms|thrillers|documentaries|films|movies|shows)\s+(?=[A-Z0-9])|"  # "the American comedies New Girl, ..."
    r"\b(?:film|feature|documentary|picture|movie)\s+(?:nominees|contenders|finalists)\s+(?:were|are|include[sd]?)\s+|"
    # "the other best film nominees were A, B and C"
    r"\b(?:films?|movies?|features?|shows?|series|roles?|credits?|works?|appearances?|titles?),?\s+(?:such as|including|like|"
    r"include|includes|included)\s+|\bstarring\s+in\s+(?:the\s+)?(?:(?:films?|movies?|shows?|series)\s+)?|"
    # "starring A, B and C" names people: only "starring in" lists titles
    r"\b(?:starred|appeared|appearances|roles?|acted|directing|directed|wrote|"
    r"writing|produced|producing|known for (?:his|her|their) (?:roles?|work) in)\s+(?:in\s+)?(?:the\s+)?"
    r"(?:(?:films?|movies?|shows?|series)\s+)?(?:(?:such as|including|like)\s+)?")
LIST_ITEM = re.compile(rf"(?P<t>{CAP_WORD}(?:(?:[ \t]+{TITLE_GLUE})*[ \t]+{CAP_WORD})*)(?:\s*\([^()]{{0,80}}\)){{0,2}}")
LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")


CHARACTER_IN = re.compile(
    rf"\b(?:role|roles|played|plays|playing|portrayed|portraying|starred|starring|appeared|appearing|voiced|cast)\s+"
    rf"(?:as\s+)?(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}(?:,[^,.]{{0,40}},)?\s+(?:in|on)\s+(?:the\s+)?$")


# A sentence about roles: what follows "Name in" is where the name was played.
# Words of a sentence about someone's roles (also read by the credit rules).
ROLE_WORDS = (r"roles?|characters?|parts?|played|plays|playing|portray(?:s|ed|ing)?|starred|starring|appeared|appearing|"
              r"voiced|voicing|guest[- ]starr(?:ed|ing)")
ROLE_CONTEXT = re.compile(rf"\b(?:{ROLE_WORDS}|cast as)\b[^.;!?]{{0,200}}$")
# After a comma or "and" only a full name ("..., Mandy Cutler in Paradise Heights"): in a list
# of titles, "Finale in Blood" is one title.
CHARACTER_PAIR = re.compile(
    rf"(?:(?:\bas|\bincluding|\bsuch as|(?<![\w'’])[a-z][\w\-]*)\s+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}"
    rf"|(?:,|\band)\s+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,3}})$")


# Lower-case words that English prose puts after a title ("Title to Germany (Alamode)"): never a title's tail.
ENGLISH_AFTER_TITLE = (r"(?:to|for|from|in|at|with|by|and|or|the|of|on|as|is|was|are|were|has|had|have|will|which|who|that|"
                       r"its|his|her|their|a|an|it|this|after|before|into|about|than|but|also|said)")
FOREIGN_TAIL = re.compile(
    rf"((?:[ \t]+(?:(?!{ENGLISH_AFTER_TITLE}\b)[a-zà-ÿ][\w'’à-ÿ]*|[A-Z][\w'’]*)){{1,6}}?)[ \t]*\((?:The|A|An)?[ \t]*[A-Z][^()]{{1,60}}\)")


def _character_pieces(text: str, start: int, run: str) -> list[tuple[int, str]]:
    """The titles of "Mandy Cutler in Paradise Heights and Mand in Grease Monkeys": each
    "and"-separated part that is a character played in a title gives that title."""
    bounds = [0, *(m.end() for m in re.finditer(r"[ \t]+and[ \t]+", run))]
    ends = [*(m.start() for m in re.finditer(r"[ \t]+and[ \t]+", run)), len(run)]
    pieces = []
    for a, b in zip(bounds, ends, strict=True):
        split = _character_split(text, start + a, run[a:b])
        if split:
            pieces.append((start + a + split, run[a + split:b]))
        elif pieces:
            # "... in Death Becomes Him and Lisa Trotter": no pair here, the part belongs to the title before
            last_start, _ = pieces[-1]
            pieces[-1] = (last_start, run[last_start - start:b])
    return pieces


def _character_split(text: str, start: int, run: str) -> int:
    """"(roles including) Merle Jackson in Coronation Street": a run glued by "in"/"on" that is
    a character, then the title it was played in.  Returns where the title starts in ``run``
    (0: no such split)."""
    for glue in re.finditer(r"[ \t]+(?:in|on)[ \t]+(?:the[ \t]+)?", run):
        head = run[:glue.start()]
        before = text[max(0, start - 200):start + glue.start()]
        if " " in head.strip() and not regex(rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}}").fullmatch(head):
            return 0
        if ROLE_CONTEXT.search(before) and (CHARACTER_PAIR.search(before) or CHARACTER_IN.search(before[:-len(head)] if head else before)):
            return glue.end()
    return 0


def extend_title_lists(text: str, films: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Neighbours of a known title in a comma list are titles too: "Queen of Langkasuka (2008),
    Somtum (2008), Ong Bak 2 (uncredited) and ..."."""
    found: list[Mention] = []
    known = films + taken
    for film in films:
        pos = film.end
        while True:
            paren = re.match(r"\s*\([^()]{0,40}\)", text[pos:])
            pos += paren.end() if paren else 0
            sep = LIST_SEP.match(text, pos)
            if not sep:
                break
            item = LIST_ITEM.match(text, sep.end())
            if not item:
                break
            title = _trim_title(item.group("t"))
            if not title:
                break
            offset, stop = title_span(item.group("t"), title)
            start, end = item.start("t") + offset, item.start("t") + stop
            follows = text[end:end + 3]
            if title.split()[0] in STOP_CAPS or _overlaps(start, end, known + found) \
                    or not re.match(r"\s*(?:[,;.)(]|and\b|or\b|$)", follows):
                break  # "Brazilian filmmaker", "X's": no title
            found.append(Mention("film", start, end, text[start:end], title, 1))
            pos = end
    return found


def find_listed_titles(text: str, taken: list[Mention]) -> list[Mention]:
    """Titles in a list after a filmography cue: "roles in films including A, B, C and D",
    "starred in A (1999), B (2001)". Two or more items, each a Title Case run."""
    found: list[Mention] = []
    taken_index = SpanIndex(taken)
    for cue in LIST_CUE.finditer(text):
        pos, items = cue.end(), []
        while True:
            item = LIST_ITEM.match(text, pos)
            if not item:
                break
            items.append(item)
            sep = LIST_SEP.match(text, item.end())
            if not sep:
                break
            pos = sep.end()
        if len(items) < 2:
            continue
        pieces = [(item.start("t"), item.group("t")) for item in items]
        last_start, last = pieces[-1]
        split = re.search(r"[ \t]+and[ \t]+(?=[A-Z])", last)
        if split and "," in text[items[0].end():items[-1].start()]:
            # "A, B and C": the last "and" parts two titles ("Pride and Prejudice" alone keeps it)
            pieces[-1:] = [(last_start, last[:split.start()]), (last_start + split.end(), last[split.end():])]
        for item_start, item_text in pieces:
            played_in = _character_pieces(text, item_start, item_text)
            if played_in:  # "roles including Agnes Holm in Harbour Nights": the title after the character
                piece_start, piece = played_in[0]
                title = _trim_title(piece)
                offset, stop = title_span(piece, title) if title else (0, 0)
                start, end = piece_start + offset, piece_start + stop
            else:
                title = _trim_title(item_text)
                offset, stop = title_span(item_text, title) if title else (0, 0)
                start, end = item_start + offset, item_start + stop
            if not title:
                continue
            if not taken_index.overlaps(start, end):
                found.append(Mention("film", start, end, text[start:end], title, 1))
    return found


# Sentence-initial words that are never the first word of a title run ("In", "After", ...);
# narrower than STOP_CAPS because titles may start with "Best", "Stars", "First", "New".
DATE_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "June", "July", "August", "September", "October", "November", "December"}
TITLE_LEAD_STOP = {
    "In", "On", "At", "For", "With", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "His", "Her",
    "Their", "Our", "We", "I", "You", "But", "And", "Or", "After", "Before", "When", "While", "Now", "Then", "Also",
    "According", "Meanwhile", "As", "If", "Since", "Though", "Although", "Both", "Each", "Here", "There", "Where",
    "What", "Who", "Which", "Why", "How", "Despite", "During", "Under", "Over", "Through", "Among", "Amid",
    "Following", "Unlike", "Starring", "Featuring", "Directed", "Written", "Produced", "Elsewhere", "However",
    "Additionally", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "EXCLUSIVE", "Exclusive", "UPDATED",
}


ADJECTIVES: set[str] = set()  # nationality adjectives, filled by compile_lexicon


def title_span(run: str, title: str) -> tuple[int, int]:
    """Where the trimmed ``title`` lies in ``run``: its words may be apart by any whitespace there
    ("Dear  Comrades" trims to "Dear Comrades"), so a plain find would miss or misplace it."""
    at = run.find(title)
    if at >= 0:  # the common case, with no pattern to compile
        return (at, at + len(title))
    found = re.search(r"\s+".join(map(re.escape, title.split())), run)
    return (found.start(), found.end()) if found else (0, len(run))


def _trim_title(run: str) -> str:
    words = run.split()
    for i, word in enumerate(words):
        if i and re.search(r"-(?:based|set|born)$", word):
            words = words[:i]  # "Kumo from Tokyo-based ...": the place starts another phrase
            break
    # "Ultimo Inverno and Belgian filmmaker ...": a nationality after a glue word ends the title
    for i in range(1, len(words)):
        if words[i] in ADJECTIVES and re.fullmatch(TITLE_GLUE, words[i - 1]):
            words = words[:i - 1]
            break
    # "Crazy Ex-Girlfriend for the CW", "The Sarah Jane Adventures for the BBC": the network is no part of it
    if len(words) >= 3 and re.fullmatch(r"[A-Z]{2,5}\+?", words[-1]) and words[-2] in ("the", "on", "for") and \
            (words[-2] != "the" or words[-3] in ("on", "for")):
        words = words[:-3] if words[-2] == "the" else words[:-2]
    for i in range(1, len(words)):
        # "Ligne 13 on Wednesday", "The Silent Garden for 10 December": a date after the title
        # ... or a count ("La Ciudad Dormida on 140 screens")
        date = words[i] in DATE_WORDS or re.fullmatch(r"\d{1,2}", words[i]) and i + 1 < len(words) and \
            words[i + 1] in DATE_WORDS
        count = re.fullmatch(r"\d{2,}", words[i]) and i + 1 == len(words)
        if (date or count) and re.fullmatch(TITLE_GLUE, words[i - 1]):
            words = words[:i - 1]
            break
    while words and re.fullmatch(TITLE_GLUE, words[-1]):
        words.pop()
    while words and (words[0] in TITLE_LEAD_STOP
                     or re.search(r"-(?:based|set|born|language|speaking)$", words[0])):
        words.pop(0)
    title = " ".join(words).rstrip(".:,")
    if not title or title in STOP_CAPS or re.fullmatch(r"[\d,.:]+\w*", title):
        return ""
    return title


def _owner_is_place(before: str) -> bool:
    owner = re.search(r"((?:[A-Z][\w]+\s){0,2}[A-Z][\w]+)['’]s\s+$", before)
    return bool(owner) and owner.group(1) in PLACES


PLACES: set[str] = set()  # countries and cities, filled by compile_lexicon


ARTICLES = "La|Le|Les|Il|Lo|Gli|I|El|Los|Las|Der|Die|Das|Den|Det|Het|De|Os|As|O|Un|Une|Uno|Una|Ein|Eine"
FOREIGN_ARTICLE = re.compile(rf"(?:{ARTICLES})\s+[A-ZÀ-Ý]")
# "Golden Leopard winner Il peso delle rondini": after such a noun, a title that starts with an article
AFTER_WINNER = re.compile(r"\b(?:winner|nominee|contender|entry|hit)\s+$")
ARTICLE_START = re.compile(rf"(?:The|A|An|{ARTICLES})\s")
OWNER_BEFORE = re.compile(rf"([{UPPER}][\w\-]+)['’]s[ \t]+$")  # "Cornerstone's "
THE_OWNER_BEFORE = re.compile(rf"(?<![\w'’])The[ \t]+[{UPPER}][\w\-]*['’]s[ \t]+$")  # "The Understudy's "
NAME_BRACKET_BEFORE = re.compile(rf"(?<![\w'’\-])[{UPPER}][\w'’\-]+(?:[ \t]+[{UPPER}][\w'’\-]+){{1,2}}[ \t]*\($")
CASTING_AFTER = re.compile(r"\b(?:join(?:s|ed|ing)?|board(?:s|ed)?|topline|toplines|star|set to|cast|round(?:s)? out|lead|"
                           r"signed on|attached)\b")


def _title_cue(before: str, after: str, lex: Lexicon, title: str = "") -> bool:
    if re.search(r"\bby\s+$|\b(?:to|will|would|also)\s+feature\s+$", before):
        return False  # "produced by X, directed by Y": X is a person; "to feature X" is a verb
    if re.match(r"\s+(?:also\s+)?(?:won|wins|has won|took home|takes home|picked up)\s+(?:the\s+|a\s+)?(?:[\w'’\-]+\s+){0,6}?"
                r"(?:[Bb]est\s+)?(?:actor|actress|director|performance|screenplay|(?:original\s+)?score|music|cinematography|"
                r"editing|sound|costume|make-?up|Actor|Actress|Director|Performance|Screenplay|Score|Cinematography)", after):
        return False  # "Jonas Berg won best actor": a person wins an acting, directing or craft prize
    if re.search(r"(?<![\w-])(?:singer-songwriter|songwriter|composer|cinematographer|editor|actor|actress|comedian|"
                 r"screenwriter|filmmaker|helmer|novelist|producer|DoP|DP)\s+$", before):
        return False  # "veteran composer Luis Peña": a job before the name makes it a person
    if lex.title_cue_after.match(after) or re.search(r"\b(?:19|20)\d{2}['’]s[ \t]+$", before):
        return True  # ... or "2019's Dominion Road"
    if FOREIGN_ARTICLE.match(title) and re.match(r"\s*\((?:The|A|An)\s+[A-Z][^()]{2,60}\)", after):
        return True  # "La Notte della Lucciola (The Night of the Firefly)": a title and its English one
    if lex.title_cue_before.search(before) or CHARACTER_IN.search(before):
        return True
    if _owner_is_place(before):
        return False  # "Bulgaria's Ars Pontica" is a company
    if re.search(r"\b(?:said|says|added|adds|explained|noted|according to|told)\s+[^.\n]{0,40}['’]s\s+$", before):
        return False  # "said Polder Noord's Eline Brouwer": a quote's speaker, not a title
    # "Director's Title": a possessive name right before (checked again by relation rules)
    return bool(regex(rf"{NAME_WORD}['’]s\s+(?:(?:(?:19|20)\d{{2}}|[A-Z][\w]*-[a-z]+)\s+){{0,2}}$").search(before))


def find_names(text: str, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Capitalised runs not yet typed: people, companies or unknown names. A run is cut at
    words that never belong to a name ("Bleecker Street CEO Andrew Kessel" is two names)."""
    found = []
    taken_index = SpanIndex(taken)
    for match in NAME_RUN.finditer(text):
        segment: list[re.Match[str]] = []
        # "Harbour Light Pictures": a section's word may start a company's name
        company_run = match.group().split()[-1] in lex.company_word
        for word in [*re.finditer(r"\S+", match.group()), None]:
            if word is not None and re.search(r"-(?:based|born|bred|set|language|speaking)$", word.group()):
                segment = []  # "Los Angeles-based XYZ Films": the place is no name
                continue
            if word is not None and not (segment and word.group() in lex.splits_name) and not (
                    not segment and _breaks_name(word.group(), lex)
                    and not (company_run and word.group() not in STOP_CAPS and word.group() not in ADJECTIVES)):
                segment.append(word)
                continue
            if segment:
                mention = _name_mention(text, match.start(), segment, taken_index, lex)
                if mention:
                    found.append(mention)
            segment = [word] if word is not None and not _breaks_name(word.group(), lex) else []
    return found


def _breaks_name(word: str, lex: Lexicon) -> bool:
    if word in lex.company_word:
        return False  # "Greyfriars Sales", "Memento Distribution"
    return (word in lex.not_a_name or word.rstrip(".") in lex.not_a_name
            or bool(re.search(r"-(?:based|born|bred|set|language|speaking)$", word)))


def _name_mention(text: str, offset: int, words: list[re.Match[str]], taken: SpanIndex,
                  lex: Lexicon) -> Mention | None:
    if re.search(r"['’](?:re|ve|ll|d|m|t)$", words[0].group()):
        return None
    start, end = offset + words[0].start(), offset + words[-1].end()
    name = text[start:end]
    if taken.overlaps(start, end) or name in lex.not_a_name or name in ("Jr", "Sr"):
        return None  # "Harry Shum, Jr.": the suffix alone is nobody
    if "-" in name and " " not in name and all(part in ADJECTIVES for part in name.split("-")):
        return None  # "Australian-Filipino director": nationalities
    first, last = words[0].group(), words[-1].group()
    kind = "company" if last in lex.company_word or first in {"Films", "Film"} else "name"
    return Mention(kind, start, end, name, name, 1)


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


class SpanIndex:
    """Overlap tests against a fixed set of spans in O(log n): sorted starts and the running
    maximum of ends (spans may overlap each other)."""

    def __init__(self, mentions: list[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.max_end: list[int] = []
        running = -1
        for _, b in spans:
            running = max(running, b)
            self.max_end.append(running)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.max_end[i - 1] > start


def merge_mentions(groups: list[list[Mention]]) -> list[Mention]:
    """Keep non-overlapping mentions; on overlap the higher-priority kind, then the longer, wins."""
    every = [m for group in groups for m in group]
    every.sort(key=lambda m: (-(m.strength * 10 + PRIORITY[m.kind]), -(m.end - m.start), m.start))
    starts: list[int] = []
    kept: list[Mention] = []  # sorted by start, never overlapping: neighbours decide
    for mention in every:
        i = bisect.bisect_left(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept
