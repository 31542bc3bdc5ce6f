"""Line-broken trade lists: festival line-ups ("Title, Director (Country)" under section
headings), winners ("Golden Bear: Title, Director", or a prize line then "Title, Director"),
and programme blocks (a title line, then "Directed by X", "Cast: A, B", "Country | World Premiere").

Two parts: ``find_list_mentions`` types the titles and names of list lines before the
relation rules run; ``ListReader`` walks the lines in order, remembering the current
section, prize and programme block, and emits facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reelgraph.extract.mentions import NAME_RUN, Lexicon, Mention, looks_like_title
from reelgraph.extract.text import is_list_line

PERSON_AWARD = re.compile(r"\b(?:Actor|Actress|Director|Direction|Directing|Performance|Screenplay|Screenwriter|Screenwriting|Writer|Contribution|Mastroianni|"
                          r"Cinematography|Editing|Score|Emerging|Newcomer|Debut Director)\b", re.I)
# A review's closing credits block: "Screenplay: A, B", "Main cast: C, D", "International sales: X"
CREDIT_LABELS = {
    "director": "director", "directors": "director", "dir": "director", "dirs": "director", "screenplay": "writer", "writer": "writer", "writers": "writer",
    "script": "writer", "producer": "producer", "producers": "producer", "executive producer": "executive_producer",
    "executive producers": "executive_producer", "cinematography": "cinematographer", "dop": "cinematographer",
    "director of photography": "cinematographer", "editing": "editor", "editor": "editor", "music": "composer",
    "composer": "composer", "score": "composer", "cast": "cast", "main cast": "cast", "starring": "cast",
    "international sales": "sales", "world sales": "sales", "sales": "sales",
}
CREDIT_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<rest>\S.*)$")
PRIZE_HEADING = re.compile(r"\b(?:best|prize|prix|award|lion|bear|palm|palme|leopard|shell|globe|tiger|golden|silver|"
                           r"grand jury|jury prize|cristal|crystal|césar|goya|bafta|oscar)\b", re.I)
OUTCOME_LABEL = re.compile(r"^(?P<label>Winners?|Nominees?|Nominated|Also nominated|Shortlist(?:ed)?|Runners?-up)\s*:\s*")
NAMES = rf"(?:{NAME_RUN.pattern})(?:\s*(?:,|&|\band\b)\s*(?:{NAME_RUN.pattern}))*"
TITLE_CHARS = r"(?:[^,:()|]|:(?=\s+[A-Z0-9]))"  # a colon only before a subtitle
ENTRY_TITLE_FIRST = re.compile(rf"^(?P<title>{TITLE_CHARS}{{1,80}}?),\s+(?P<names>{NAMES})\s*(?P<tail>\([^)]*\)(?:\s*[–—-].*)?|[–—-].*)?$")
ENTRY_PAREN = re.compile(rf"^(?P<title>{TITLE_CHARS}{{1,80}}?)\s+\((?P<names>{NAMES})(?:,[^)]*)?\)(?:\s+[–—-]\s+[^()]{{2,60}})?$")
# "World Premiere, Opening Night" after a dash is no one's name
EVENT_WORDS = re.compile(r"\b(?:Premiere|Opening|Closing|Gala|Night|Screening|Presentation|Competition|Special|Section)\b")
ENTRY_DASHES = re.compile(rf"^(?P<title>[^–—|()]{{1,80}}?)\s+[–—]\s+(?P<names>{NAMES})\s+[–—]\s+[^–—]{{2,60}}$")
ROLE_NAME = r"(?:Directors?|Screenwriters?|Writers?|Producers?|Cast|Executive Producers?|screenwriters?|writers?|producers?)"
# "Title / Country (Director: X, Producer: Y)", "\"Title\" (English Title) (Director and screenwriter: X, ...)"
ENTRY_ROLES = re.compile(rf"^(?P<title>[^/(|]{{1,80}}?)\s*(?:\([^()]{{2,60}}\)\s*)?(?:/\s*[^(]{{2,60}})?"
                         rf"\((?P<roles>{ROLE_NAME}(?:\s+and\s+{ROLE_NAME})?\s*:[^)]+)\)")
_ROLE_NAME_RUN = rf"(?!{ROLE_NAME}\b)(?:{NAME_RUN.pattern})"
ROLE_FIELD = re.compile(rf"(?P<role>{ROLE_NAME}(?:\s+and\s+{ROLE_NAME})?)\s*:\s*"
                        rf"(?P<names>{_ROLE_NAME_RUN}(?:\s*(?:,|&|\band\b)\s*{_ROLE_NAME_RUN})*)")
ROLE_WORDS = {"director": "director", "screenwriter": "writer", "writer": "writer", "producer": "producer", "cast": "cast",
              "executive producer": "executive_producer"}
ENTRY_DIR = re.compile(
    rf"^(?:\d+\.\s*)?(?P<title>[^|()]{{1,80}}?)\s*(?:\((?P<alt>[^)]*)\))?\s*(?:[|,–—-]\s*)?(?:Dirs?\.|Dir:|Director:|Directors:|"
    rf"dir\.|dirs\.)\s+(?P<names>{NAMES})(?P<tail>\s*(?:\([^)]*\))?\s*(?:[|,–—-].*)?)\.?$")
# "The Cartographer's Wife | Lorenzo Adami | Italy, France" under a "Title | Director | Country" header
ENTRY_PIPE = re.compile(rf"^(?P<title>[^|]{{1,80}}?)\s*\|\s*(?P<names>{NAMES})\s*\|\s*[^|]{{2,60}}$")
BULLET = re.compile(r"^[•·▪◦*]\s*")
# "Die Stille der Anderen (Germany) — Jonas Weidemann"; "5. Amara Diallo — Les Nuits de Dakar (Senegal/France)"
ENTRY_TITLE_COUNTRY_DIR = re.compile(rf"^(?:\d+\.\s*)?(?P<title>[^|()]{{1,80}}?)\s*\([^)]{{2,40}}\)\s*[—–]\s*(?P<names>{NAMES})$")
# "Pasar Malam (Night Market) — Dewi Kartika (Indonesia)"
ENTRY_TITLE_ALT_DIR_COUNTRY = re.compile(
    rf"^(?:\d+\.\s*)?(?P<title>[^|()]{{1,80}}?)\s*\([^)]{{2,60}}\)\s*[—–]\s*(?P<names>{NAMES})\s*\([^)]{{2,40}}\)$")
ENTRY_DIR_TITLE = re.compile(rf"^(?:\d+\.\s*)?(?P<names>{NAMES})\s+[—–]\s+(?P<title>[^|()]{{1,80}}?)\s*\([^)]{{2,40}}\)$")
# "A Map of Small Lakes – Ines Vallin (Portugal)": a title no name pattern takes, then the director
ENTRY_TITLE_DASH_DIR = re.compile(rf"^(?:\d+\.\s*)?(?P<title>[^|()–—]{{1,80}}?)\s+[—–]\s+(?P<names>{NAMES})\s*\([^)]{{2,40}}\)$")
# "Tom Hale's Red Pines (UK)", "Cold Stream by Clara Neves (Brazil)": a line-up entry in prose order
# (a country alone in the parentheses: "Marta's Garden (Lotte Verbeek, Netherlands)" is a title, then its director)
ENTRY_OWNER_TITLE = re.compile(rf"^(?:\d+\.\s*)?(?P<names>{NAMES})['’]s?\s+(?P<title>[^|()]{{1,80}}?)\s*\([^),]{{2,40}}\)$")
# "Siódma zima (Seventh Winter) by Wiktor Sołtysik (Poland), acquired from ...": an entry, then its description
ENTRY_TITLE_BY_LEAD = re.compile(rf"^(?:\d+\.\s*)?(?P<title>[^|()]{{1,80}}?)\s*(?:\([^()]{{2,60}}\)\s*)?\s+by\s+(?P<names>{NAMES})\s*"
                                 rf"\([^()]{{2,40}}\)(?:,|\s+[–—-])\s+\S")
ENTRY_TITLE_BY = re.compile(rf"^(?:\d+\.\s*)?(?P<title>[^|()]{{1,80}}?)\s+by\s+(?P<names>{NAMES})\s*\([^),]{{2,40}}\)$")
# "Liv Aasen – Cold Harbour" under a person prize ("Best Actress"): the nominee, then the film
ENTRY_PERSON_DASH_TITLE = re.compile(rf"^(?P<names>{NAMES})\s+[—–]\s+(?P<title>[^|()–—]{{1,80}}?)$")
NOT_IN_NAMES = {"The", "A", "An", "Is", "Of", "In", "On", "For", "And", "To", "My", "Our", "Your", "No", "Not", "Are", "Was"}


def looks_like_person(text: str) -> bool:
    """"Takumi Sakai" rather than "Everything Is Borrowed": two to four capitalised words, none
    of them a title's little words."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w not in NOT_IN_NAMES for w in words)
ENTRY_PAREN_DIR = re.compile(rf"^(?P<title>[^()|]{{1,80}}?)\s+\((?:dir\.|dirs\.|directed by|d\.)\s*(?P<names>{NAMES})\)$")
PERSON_COMMA_TITLE = re.compile(rf"^(?P<names>{NAMES}),\s+(?P<title>[^()|,]{{1,80}}?)(?:\s*\([^)]*\))?$")
ENTRY_NAME_FOR = re.compile(rf"^(?P<names>{NAMES})\s+for\s+(?P<title>[^()|]{{1,80}}?)(?:\s*\([^)]*\))?$")
AWARD_ENTRY = re.compile(r"^(?P<award>[^:]{3,90}):\s+(?P<a>[^,]{1,80}?)(?:\s*\([^)]*\))?,\s+(?P<b>[^,]{1,80}?)$")
DIRECTED = re.compile(rf"^(?:(?P<roles>(?:Written and )?(?:[Dd]irected|[Ww]ritten|[Pp]roduced)(?: and [a-z]+)?)\s+by|"
                      rf"(?P<dir>Dirs?\.|Dirs?:|Directors?:|Directed by:))\s+(?P<names>{NAMES})\s*\.?$")
# Which premiere: "World premiere", "International Premiere", "North American Premiere"
PREMIERE_KIND = (r"(?:World|International|European|North American|U\.?S\.?|US|Asian|Latin American|Nordic|UK|Canadian|"
                 r"German|French|Italian)")
# A programme block's premiere line on its own: "World premiere", "International Premiere"
BARE_PREMIERE = re.compile(rf"^(?P<premiere>{PREMIERE_KIND}\s+[Pp]remiere)\.?$")
# A line-up line's tail: '"Ridgeline" (Tessa Kowal, Canada) — World Premiere, Opening Night'
PREMIERE_TAIL = re.compile(rf"\)\s+[–—-]\s+({PREMIERE_KIND})\s+[Pp]remiere")
# Placeholders of one or more people in a masked line: "⟨P0⟩", "⟨P0⟩, ⟨N1⟩ and ⟨P2⟩"
PEOPLE_SLOTS = r"⟨[PN]\d+⟩(?:\s*(?:,|&|\band\b)\s*⟨[PN]\d+⟩)*"
CAST_LINE = re.compile(rf"^(?:Cast|Starring|With|Voice cast)\s*:\s*(?P<names>{NAMES})\s*\.?$")
PREMIERE_LINE = re.compile(r"^[^|]{2,60}\|\s*(?P<premiere>[A-Za-z .\-]*[Pp]remiere)\s*$")


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _name_spans(text: str, offset: int, names: str, start_in_line: int) -> list[Mention]:
    found = []
    for m in NAME_RUN.finditer(names):
        start = offset + start_in_line + m.start()
        found.append(Mention("person", start, start + len(m.group()), m.group(), m.group(), 2))
    return found


def _film(offset: int, line: str, title: str, start_in_line: int, sentence_case: bool = False) -> Mention | None:
    """``sentence_case``: the line's layout alone says this is a title, so "Das kalte Licht" is one."""
    title = title.strip().strip("\"“”‘’'").rstrip(",").strip()
    if not title or not (looks_like_title(title) or sentence_case and title[0].isupper() and len(title.split()) <= 8):
        return None
    start = offset + start_in_line + (line[start_in_line:].find(title))
    return Mention("film", start, start + len(title), title, title, 2)


def find_list_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Titles and people of list lines, typed by their place in the line."""
    found: list[Mention] = []
    lines = _lines(text)
    title_first = _titles_lead_dash_lines(lines)
    heading = ""  # the last short line that is no entry: a section or prize heading
    for i, (offset, line) in enumerate(lines):
        stripped = BULLET.sub("", line.strip())
        if not _entry_line(stripped) and (not is_list_line(stripped) or len(stripped) > 120):
            continue
        if stripped.upper() == stripped and re.search(r"[A-Z]{3}", stripped):
            heading = stripped  # "VENEZIA 83 (COMPETITION)", "ORIZZONTI": a heading in capitals, no entry
            continue
        if len(stripped.split()) <= 6 and not re.search(r"[–—|,(]", stripped):
            heading = stripped
        lead = len(line) - len(line.lstrip())
        lead += len(line.lstrip()) - len(BULLET.sub("", line.lstrip()))
        person_heading = bool(PERSON_AWARD.search(heading)) and bool(AWARDISH.search(heading))
        prize_heading = not person_heading and bool(AWARDISH.search(heading) or PRIZE_HEADING.search(heading))
        below = [lines[j][1].strip() for j in (i + 1, i + 2) if j < len(lines)]
        if len(below) == 2 and _names_line(below[0]) and (BARE_PREMIERE.match(below[1]) or _countries_line(below[1], lex)) \
                and not _names_line(stripped) and len(stripped.split()) <= 10:
            # a programme block without "Dir.": title, director(s), countries, premiere
            film = _film(offset + lead, stripped, re.sub(r"\s*\([^()]*\)$", "", stripped), 0, sentence_case=True)
            if film:
                found += [film, *_name_spans(lines[i + 1][1], lines[i + 1][0], lines[i + 1][1], 0)]
                continue
        found += _entry_mentions(offset + lead, stripped, lines[i + 1][1] if i + 1 < len(lines) else "", title_first,
                                 person_heading, prize_heading)
    return [m for m in found if m.value not in lex.not_a_name]


def _names_line(line: str) -> bool:
    """"Sigrún Eyjólfsdóttir, Baldur Þorvaldsson": a line of people's names and nothing else."""
    m = re.fullmatch(NAMES, line.strip())
    return bool(m) and all(looks_like_person(n.strip()) for n in re.split(r",|&|\band\b", line) if n.strip())


def _countries_line(line: str, lex: Lexicon) -> bool:
    """"Iceland, Denmark", "Poland/Germany": a line of territories only."""
    parts = [p.strip() for p in re.split(r"[,/–-]|\band\b", line) if p.strip()]
    return bool(parts) and all(lex.territory.fullmatch(p) for p in parts)


def _titles_lead_dash_lines(lines: list[tuple[int, str]]) -> bool:
    """Whether this article's "X – Y (Country)" lines put the title first: an article keeps one
    layout, so the lines that show it ("The Ninth Wave – Oksana Hordiienko (Ukraine)") decide
    the lines where both sides could be names ("Gentle Machines – Hollis Tanager (US)")."""
    votes = 0
    for _, line in lines:
        m = ENTRY_DIR_TITLE.match(BULLET.sub("", line.strip()))
        if m:
            left, right = looks_like_person(m.group("names")), looks_like_person(m.group("title"))
            votes += (right and not left) - (left and not right)
    return votes > 0


FILM_AWARD = re.compile(r"\b(?:film|feature|documentary|picture|movie|animation)\b", re.I)
# A nominations list's bare category heading: "EUROPEAN FILM", "Actor in a Leading Role", "Documentary"
CATEGORY_HEADING = re.compile(r"(?:[A-Za-z'’\-]+\s+){0,3}(?:Film|Feature|Director|Actor|Actress|Screenwriter|Screenplay|"
                              r"Documentary|Cinematograph(?:er|y)|Composer|Editor|Editing|Discovery|Animation|Animated Feature|"
                              r"Comedy|Short Film|Newcomer|Debut)s?(?:\s+in\s+an?\s+(?:Leading|Supporting)\s+Role)?", re.I)
AWARD_PREFIX = re.compile(r"^(?P<award>[^:–—]{3,110}?)\s*(?::|\s[–—-])\s+(?P<rest>\S.*)$")
AWARDISH = re.compile(r"\b(?:Award|Prize|Prix|Lion|Bear|Palm|Palme|Leopard|Shell|Globe|Tiger|Best|Jury|Audience|Grand|"
                      r"Golden|Silver|Special|Mention|Cristal|Crystal|FIPRESCI|Winner|Trophy|Coppa|Volpi)\b", re.I)


def _entry_line(line: str) -> bool:
    """A list entry that may end with a period or carry a description ("Title — Dir: X. Cast: Y.")."""
    line = BULLET.sub("", line)
    return bool(ENTRY_ROLES.match(line) or ENTRY_DIR.match(line) or ENTRY_TITLE_BY_LEAD.match(line)
                or re.match(r"(?:Cast|Dir|Director)\s*:", line))


def _entry_mentions(offset: int, line: str, next_line: str, title_first: bool = False,
                    person_heading: bool = False, prize_heading: bool = False) -> list[Mention]:
    label = OUTCOME_LABEL.match(line)
    if label:  # "Nominees: Title (Director); Title (Director)" / "Winner: Name, Title"
        found: list[Mention] = []
        pos = label.end()
        for part in line[label.end():].split(";"):
            lead = len(part) - len(part.lstrip())
            found += _entry_mentions(offset + pos + lead, part.strip(), "")
            if not any(m.kind == "film" for m in found[-2:]) and "," in part:
                a, b = part.strip().split(",", 1)
                if NAME_RUN.fullmatch(a.strip()):
                    film = _film(offset + pos + lead, part.strip(), b, len(a) + 1)
                    found += [*_name_spans(part, offset + pos + lead, a, 0), *([film] if film else [])]
            pos += len(part) + 1
        return found
    for pattern in (DIRECTED, CAST_LINE):
        m = pattern.match(line)
        if m:
            return _name_spans(line, offset, m.group("names"), m.start("names"))
    prefix = AWARD_PREFIX.match(line)
    if prefix and AWARDISH.search(prefix.group("award")) and not AWARD_ENTRY.match(line):
        # "Golden Lion for Best Film – Title (Director)", "Best Director – Person for Title"
        start = prefix.start("rest")
        found = _entry_mentions(offset + start, line[start:], "")
        bare = re.fullmatch(r"(?P<title>[^(),“”\"]{1,80}?)\s*(?:\([^()]{2,40}\))?\.?", line[start:])
        if not found and bare and not PERSON_AWARD.search(prefix.group("award")) and (
                FILM_AWARD.search(prefix.group("award")) or not looks_like_person(bare.group("title"))) and (
                looks_like_title(bare.group("title"), share=0.6) or len(bare.group("title").split()) <= 4):
            film = _film(offset, line, bare.group("title"), start, sentence_case=True)
            # "Best European film: Das kalte Licht (Germany)"
            found = [film] if film else []
        return found
    m = AWARD_ENTRY.match(line)
    if m and AWARDISH.search(m.group("award")):
        person_first = bool(PERSON_AWARD.search(m.group("award")))
        title_group, names_group = ("b", "a") if person_first else ("a", "b")
        film = _film(offset, line, m.group(title_group), m.start(title_group))
        names = m.group(names_group)
        if film and re.fullmatch(NAMES, names.strip()):
            return [film, *_name_spans(line, offset, names, m.start(names_group))]
        return [film] if film else []
    m = ENTRY_ROLES.match(line)
    if m:
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        people = [p for f in ROLE_FIELD.finditer(m.group("roles"))
                  for p in _name_spans(line, offset, f.group("names"), m.start("roles") + f.start("names"))]
        return [film, *people] if film else people
    m = ENTRY_DASHES.match(line)
    if m:
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        if film:
            return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    m = ENTRY_PERSON_DASH_TITLE.match(line)
    if m and person_heading and looks_like_person(m.group("names")):
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        if film:
            return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    m = ENTRY_TITLE_BY_LEAD.match(line)
    if m:
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        if film:
            return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    for pattern in (ENTRY_DIR, ENTRY_TITLE_COUNTRY_DIR, ENTRY_TITLE_ALT_DIR_COUNTRY, ENTRY_DIR_TITLE, ENTRY_TITLE_DASH_DIR,
                    ENTRY_OWNER_TITLE, ENTRY_TITLE_BY, ENTRY_PIPE):
        m = pattern.match(line)
        if m and pattern is ENTRY_DIR_TITLE and looks_like_person(m.group("title")) and \
                (title_first or not looks_like_person(m.group("names"))):
            # "Everything Is Borrowed — Takumi Sakai (Japan)": title first after all
            film = _film(offset, line, m.group("names"), m.start("names"))
            if film:
                return [film, *_name_spans(line, offset, m.group("title"), m.start("title"))]
        if m and EVENT_WORDS.search(m.group("names")):
            continue
        if m and not (pattern is ENTRY_PIPE and m.group("title").strip().lower() in ("title", "film", "films")):
            film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
            if film:
                return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    m = ENTRY_PAREN_DIR.match(line)
    if m:  # "Die letzte Zeche (dir. Timo Brackmann)"
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        if film:
            return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    for pattern in (ENTRY_NAME_FOR, ENTRY_TITLE_FIRST, ENTRY_PAREN):
        m = pattern.match(line)
        if m and pattern is ENTRY_NAME_FOR and (" " not in m.group("names").strip()
                                                 or m.group("title").startswith("Best ")):
            continue
        if m and (m.groupdict().get("tail") or pattern is not ENTRY_TITLE_FIRST or "," not in m.group("title")):
            film = _film(offset, line, m.group("title"), m.start("title"))
            if film and (pattern is not ENTRY_TITLE_FIRST or m.group("tail")):
                return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    # under a prize heading: "Best Screenplay" over "Anjali Bose, The Tiffin Carriers"; "Best Animated
    # Feature" over "The Kite Who Stayed, Tetsuya Omori"
    m = PERSON_COMMA_TITLE.match(line) if person_heading else ENTRY_TITLE_FIRST.match(line) if prize_heading else None
    if m and looks_like_person(m.group("names").split(",")[0].strip()) and \
            (prize_heading or not looks_like_person(m.group("title"))):  # a film prize's line puts the title first
        film = _film(offset, line, m.group("title"), m.start("title"), sentence_case=True)
        if film:
            return [film, *_name_spans(line, offset, m.group("names"), m.start("names"))]
    if DIRECTED.match(next_line.strip()) and len(line.split()) <= 10:
        # a programme block's title line: "Ptaki z papieru (Paper Birds)" above "Dir. X"
        title = re.sub(r"\s*\([^()]*\)$", "", line)
        film = _film(offset, line, title, 0, sentence_case=True)
        return [film] if film else []
    return []


Emit = Callable[..., None]


def _section_name(line: str) -> str:
    """"Cannes Film Festival 2026: Competition Line-Up" names the section "Competition": what
    follows the colon, without the line-up words."""
    name = re.sub(r"\s*\(.*\)$", "", line.rstrip(":")).rsplit(":", 1)[-1]
    name = re.sub(r"\s*\b(?:line-?up|lineup|selection|titles|films)\b\s*", " ", name, flags=re.I).strip(" -–—")
    return name or line.rstrip(":")


def award_role(award: str) -> str | None:
    """The credit a person prize implies: an acting prize is a cast credit, and so on."""
    for pattern, role in ((r"Act(?:or|ress)|Performance|Volpi|Mastroianni", "cast"), (r"Direct", "director"),
                          (r"Screenplay|Writing|Screenwrit|Writer", "writer"), (r"Cinematograph", "cinematographer"),
                          (r"Score|Music", "composer"), (r"Editing", "editor")):
        if re.search(pattern, award, re.I):
            return role
    return None


class ListReader:
    """Walks list lines in order and emits list facts through the callbacks it is given."""

    def __init__(self, is_section: Callable[[str], bool], known_section: re.Pattern[str] | None = None) -> None:
        self.is_section = is_section
        self.known_section = known_section  # the festivals' section names, to find one inside a heading

    def read(self, sentences: list, on_selection: Emit, on_credit: Emit, on_award: Emit,
             on_sales: Emit | None = None, default_film: str | None = None, nominations: bool = False) -> None:
        """``nominations``: the article announces nominees, so a bare category heading
        ("EUROPEAN ACTRESS") heads a prize's nominees."""
        section: str | None = None
        award: str | None = None
        block_film: str | None = None
        skip_names = False  # the names line under a block's title, already read
        for index, s in enumerate(sentences):
            line = BULLET.sub("", s.text.strip())
            label = CREDIT_LABEL.match(line)
            role = CREDIT_LABELS.get(label.group("label").strip().lower()) if label else None
            if role and (block_film or default_film) and not (role == "cast" and block_film):
                film = block_film or default_film
                codes = re.findall(r"⟨[A-Z]\d+⟩", s.masked.split(":", 1)[-1])
                if role == "sales":
                    companies = [c for c in codes if c[1] in "CN"]
                    if companies and on_sales:
                        on_sales(s, film, s.slots[companies[0]].value)
                else:
                    for code in codes:
                        if code[1] in "PN":
                            on_credit(s, film, s.slots[code].value, role)
                continue
            if not is_list_line(line) and not _entry_line(line) and not CAST_LINE.match(line):
                block_film = None
                continue
            masked = s.masked.strip()
            kinds = re.findall(r"⟨([A-Z])\d+⟩", masked)
            if block_film and kinds and set(kinds) == {"T"} and re.fullmatch(r"(?:⟨T\d+⟩|[\s,/&–-]|\band\b)+", masked):
                continue  # a programme block's country line: "North Macedonia, Serbia"
            following = sentences[index + 1].text.strip() if index + 1 < len(sentences) else ""
            head = re.fullmatch(r"(⟨F\d+⟩)(?:\s*\([^()]*\))?", masked)
            names_below = index + 1 < len(sentences) and re.fullmatch(PEOPLE_SLOTS, sentences[index + 1].masked.strip()) and all(
                looks_like_person(m.value) and not m.value.isupper() for m in sentences[index + 1].mentions)
            if head and names_below:
                block_film = s.slots[head.group(1)].value  # title, then its director(s) on the next line
                on_selection(s, block_film, section, None)
                nxt = sentences[index + 1]
                for code in re.findall(r"⟨[PN]\d+⟩", nxt.masked):
                    on_credit(nxt, block_film, nxt.slots[code].value, "director")
                skip_names = True
                continue
            if skip_names and re.fullmatch(PEOPLE_SLOTS, masked):
                skip_names = False
                continue
            skip_names = False
            if head and DIRECTED.match(following):
                block_film = s.slots[head.group(1)].value  # a programme block: "Title (English)", then "Dir. X"
                on_selection(s, block_film, section, None)
                continue
            lead = ENTRY_TITLE_BY_LEAD.match(line)
            films_here = [x for x in s.mentions if x.kind == "film"]
            if lead and films_here and films_here[0].start - s.start <= lead.end("title"):
                for name in NAME_RUN.finditer(lead.group("names")):
                    on_credit(s, films_here[0].value, name.group(), "director")
                block_film = None
                continue  # "Title by X (Country), acquired from ...": the rest is prose
            role_film = self._role_entry(s, on_credit, on_selection, section)
            if role_film:
                block_film = role_film  # "Cast: A, B." and "World Premiere" may follow
                continue
            if award and self._prize_dash_entry(s, masked, award, on_credit, on_award):
                continue
            dir_film = self._dir_entry(s, on_credit, on_selection, section)
            if dir_film:
                block_film = dir_film  # a "Cast:" line may follow
                continue
            category = nominations and bool(CATEGORY_HEADING.fullmatch(line.rstrip(":")))
            if "F" not in kinds and self.is_section(line) and len(line.split()) <= 7 and not AWARDISH.search(line) \
                    and not category and not BARE_PREMIERE.match(line) and not re.match(r"(?:By|Photo|Credit|Source)\b", line):
                section, award = line.rstrip(":"), None
                continue
            label = OUTCOME_LABEL.match(line)
            if label and award:
                self._outcome_line(s, award, label.group("label"), on_credit, on_award)
                continue
            entry = self._entry(s, masked)
            if entry:
                film, people, person_first, award_here = entry
                current_award = award_here or award
                if not current_award or section:
                    # a line-up entry; or a prize winner under a section heading ("ORIZZONTI"), who
                    # competed there (a prize list without sections names no selection)
                    tail = PREMIERE_TAIL.search(s.text)
                    on_selection(s, film, section, tail.group(1).lower() if tail else None)
                for person in people:
                    if current_award and (person_first or PERSON_AWARD.search(current_award)):
                        role = award_role(current_award)
                        if role and person_first:
                            on_credit(s, film, person, role)
                        continue
                    on_credit(s, film, person, "director")
                if current_award:
                    subjects = [film]
                    if people and PERSON_AWARD.search(current_award):
                        subjects = people if person_first else people[:1]  # "A and B, Title": each of them
                    for subject in subjects:
                        on_award(s, subject, current_award, film)
                block_film = None
                continue
            if self._block(s, masked, block_film, on_credit, on_selection, section):
                continue
            following = sentences[index + 1].text.strip() if index + 1 < len(sentences) else ""
            if "F" in kinds and len(kinds) == 1 and re.fullmatch(r"⟨F\d+⟩", masked) and (
                    DIRECTED.match(following) or CAST_LINE.match(following) or PREMIERE_LINE.match(following)):
                block_film = s.slots[masked].value  # a programme block: title, then "Directed by ..."
                on_selection(s, block_film, section, None)
                continue
            if not kinds or kinds == ["A"] or kinds == ["E"] or kinds == ["N"]:
                if re.search(r"\b(?:competition|line-?up|section|selection|sidebar|strand)\b", line, re.I) and \
                        len(line.split()) <= 8:
                    inner = re.search(r"\(([^()]*\b(?:competition|section|sidebar|strand)\b[^()]*)\)", line, re.I)
                    # "VENEZIA 83 (COMPETITION)": the section is in the parentheses
                    named = self.known_section.search(line) if self.known_section else None
                    # "Berlinale Panorama 2026 line-up": the section the heading names
                    section, award = inner.group(1) if inner else named.group() if named else _section_name(line), None
                elif "A" in kinds and len(line.split()) <= 10:
                    award = next(m.value for m in s.mentions if m.kind == "award")
                    award = line if len(line) <= len(award) + 25 and "–" not in line else award
                elif PRIZE_HEADING.search(line) and len(line.split()) <= 14:
                    award = line.rstrip(":")  # "BEST FILM", "Golden Leopard"
                elif category:
                    award = line.rstrip(":")
                elif self.is_section(line) and len(line.split()) <= 6 and not re.match(r"(?:By|Photo|Credit|Source)\b", line):
                    section, award = line.rstrip(":"), None
                elif AWARDISH.search(line) and len(line.split()) <= 14:
                    award = line.rstrip(":")

    @staticmethod
    def _outcome_line(s, award: str, label: str, on_credit: Emit, on_award: Emit) -> None:
        """"Winner: Title (Director)", "Nominees: Name, Title; Name, Title" under a prize heading."""
        outcome = "won" if label.lower().startswith(("winner", "runner")) else "nominated"
        cut = re.match(r"^[^:]*:\s*", s.masked.strip())
        body = s.masked.strip()[cut.end():] if cut else s.masked
        for part in body.split(";"):
            codes = re.findall(r"⟨[A-Z]\d+⟩", part)
            films = [c for c in codes if c[1] == "F"]
            people = [c for c in codes if c[1] in "PN"]
            if not films and not people:
                continue
            film = s.slots[films[0]].value if films else None
            person_first = bool(people) and (not films or part.find(people[0]) < part.find(films[0]))
            if PERSON_AWARD.search(award) and person_first:
                subject = s.slots[people[0]].value
                role = award_role(award)
                if role and film:
                    on_credit(s, film, subject, role)
            else:
                subject = film or s.slots[people[0]].value
                if film and people:
                    on_credit(s, film, s.slots[people[0]].value, "director")
            on_award(s, subject, award, film, outcome)

    @staticmethod
    def _prize_dash_entry(s, masked: str, award: str, on_credit: Emit, on_award: Emit) -> bool:
        """Under a prize heading ("Best Actress"): "Sayaka Mori – The Tide Clock", "The Tide Clock –
        Hiroshi Kamata" or "The Tide Clock (Japan)", each a winner or nominee of that prize."""
        m = re.fullmatch(rf"(?:(?P<p>{PEOPLE_SLOTS})\s+[–—-]\s+(?P<f>⟨F\d+⟩)|(?P<f2>⟨F\d+⟩)\s+[–—-]\s+(?P<p2>⟨[PN]\d+⟩)|"
                         r"(?P<f3>⟨F\d+⟩))\s*(?:\([^()⟨]{2,40}\))?\.?", masked)
        if not m:
            return False
        film = s.slots[m.group("f") or m.group("f2") or m.group("f3")].value
        codes = re.findall(r"⟨[PN]\d+⟩", m.group("p") or m.group("p2") or "")
        people = [s.slots[code].value for code in codes]
        by_person = bool(people) and bool(PERSON_AWARD.search(award))
        for person in people:
            on_credit(s, film, person, (award_role(award) if by_person else None) or "director")
        for subject in people if by_person else [film]:
            on_award(s, subject, award, film)
        return True

    @staticmethod
    def _dir_entry(s, on_credit: Emit, on_selection: Emit, section: str | None) -> str | None:
        """"Title | Dir. Name | Country | World Premiere", "Title (Cz) Dir. Name", "Title (Country) —
        Name", "5. Name — Title (Country)"; returns the film."""
        line = BULLET.sub("", s.text.strip())
        prize = AWARD_PREFIX.match(line)
        if prize and AWARDISH.search(prize.group("award")):
            return None  # "Special Jury Prize – Title (Director)" is a winners line
        m = ENTRY_DIR.match(line) or ENTRY_TITLE_COUNTRY_DIR.match(line) or ENTRY_TITLE_ALT_DIR_COUNTRY.match(line) \
            or ENTRY_DIR_TITLE.match(line) or ENTRY_TITLE_DASH_DIR.match(line) or ENTRY_OWNER_TITLE.match(line) \
            or ENTRY_TITLE_BY.match(line) or ENTRY_PIPE.match(line)
        films = [x for x in s.mentions if x.kind == "film"]
        if not m or not films or EVENT_WORDS.search(m.group("names")):
            return None
        names = m.group("names")
        if m.re is ENTRY_DIR_TITLE and films[0].text.strip() == names.strip():
            names = m.group("title")  # the title came first (see _titles_lead_dash_lines)
        premiere = re.search(r"([A-Za-z .\-]*[Pp]remiere)\s*$", m.groupdict().get("tail") or "")
        on_selection(s, films[0].value, section, premiere.group(1).strip().lower() if premiere else None)
        for name in NAME_RUN.finditer(names):
            on_credit(s, films[0].value, name.group(), "director")
        return films[0].value

    @staticmethod
    def _role_entry(s, on_credit: Emit, on_selection: Emit, section: str | None) -> str | None:
        """"Title / Country (Director: X, Screenwriter: Y, Producer: Z)" — Sundance style; returns the film."""
        m = ENTRY_ROLES.match(s.text.strip())
        films = [x for x in s.mentions if x.kind == "film"]
        if not m or not films:
            return None
        film = films[0].value
        on_selection(s, film, section, None)
        for field in ROLE_FIELD.finditer(m.group("roles")):
            for word in re.split(r"\s+and\s+", field.group("role")):
                role = ROLE_WORDS[word.lower().rstrip("s")]
                for name in NAME_RUN.finditer(field.group("names")):
                    on_credit(s, film, name.group(), role)
        return film

    def _entry(self, s, masked: str):
        award_here = None
        head = AWARD_PREFIX.match(s.text.strip())
        if head and AWARDISH.search(head.group("award")):
            award_here = head.group("award").strip()
            cut = re.match(r"^.*?(?::|\s[–—-])\s+", masked)
            masked = masked[cut.end():] if cut else masked
        m = re.fullmatch(r"(?P<a>⟨[FPN]\d+⟩)(?P<more>(?:\s*(?:&|\band\b)\s*⟨[PN]\d+⟩)*)(?:\s*\([^)]*\))?,\s*(?P<rest>.+)",
                         masked)
        if m:
            first = s.slots[m.group("a")]
            if m.group("more") and first.kind == "film":
                return None
            rest_codes = re.findall(r"⟨[A-Z]\d+⟩", re.sub(r"\([^)]*\)", "", m.group("rest")))
            rest = [s.slots[c] for c in rest_codes]
            if first.kind == "film":
                people = [x.value for x in rest if x.kind in ("person", "name")]
                return first.value, people, False, award_here
            films = [x.value for x in rest if x.kind == "film"]
            if films:
                named = [first.value] + [s.slots[c].value for c in re.findall(r"⟨[PN]\d+⟩", m.group("more"))]
                return films[0], named, True, award_here  # "Best screenplay: A and B, Title"
            return None
        if award_here:
            m = re.fullmatch(r"(?P<f>⟨F\d+⟩)(?:\s*\((?:[^)⟨]|⟨T\d+⟩)*\))?\.?", masked)
            if m:  # "Best film: Title", "Best European film: Title (Germany)"
                return s.slots[m.group("f")].value, [], False, award_here
        m = re.fullmatch(r"(?P<p>⟨[PN]\d+⟩(?:\s*(?:,|&|\band\b)\s*⟨[PN]\d+⟩)*)\s+for\s+(?P<f>⟨F\d+⟩)(?:\s*\([^)]*\))?", masked)
        if m:
            people = [s.slots[c].value for c in re.findall(r"⟨[A-Z]\d+⟩", m.group("p"))]
            return s.slots[m.group("f")].value, people, True, award_here
        m = re.fullmatch(r"(?P<f>⟨F\d+⟩)\s+[–—]\s+(?P<p>⟨[PN]\d+⟩(?:\s*(?:,|&|\band\b)\s*⟨[PN]\d+⟩)*)\s+[–—]\s+[^–—]+", masked)
        if m:
            people = [s.slots[c].value for c in re.findall(r"⟨[A-Z]\d+⟩", m.group("p"))]
            return s.slots[m.group("f")].value, people, False, award_here
        m = re.fullmatch(r"(?P<f>⟨F\d+⟩)\s*\((?:dir\.|dirs\.|directed by|d\.)?\s*(?P<p>⟨[PN]\d+⟩(?:\s*(?:,|&|\band\b)\s*"
                         r"⟨[PN]\d+⟩)*)[^)]*\)(?:\s+[–—-]\s+[^()]{2,80})?", masked)
        if m:
            people = [s.slots[c].value for c in re.findall(r"⟨[A-Z]\d+⟩", m.group("p"))]
            return s.slots[m.group("f")].value, people, False, award_here
        return None

    @staticmethod
    def _block(s, masked: str, film: str | None, on_credit: Emit, on_selection: Emit, section: str | None) -> bool:
        if not film:
            return False
        line = s.text.strip()
        m = DIRECTED.match(line)
        if m:
            named = m.group("roles") or "directed"
            roles = ["director"] * ("irected" in named) + ["writer"] * ("ritten" in named) + ["producer"] * ("roduced" in named)
            for code in re.findall(r"⟨[PN]\d+⟩", masked):
                for role in roles:
                    on_credit(s, film, s.slots[code].value, role)
            return True
        if CAST_LINE.match(line):
            for code in re.findall(r"⟨[PN]\d+⟩", masked):
                on_credit(s, film, s.slots[code].value, "cast")
            return True
        m = PREMIERE_LINE.match(line) or BARE_PREMIERE.match(line)
        if m:
            on_selection(s, film, section, re.sub(r"\s+premiere$", "", m.group("premiere").strip().lower()))
            return True
        return False
