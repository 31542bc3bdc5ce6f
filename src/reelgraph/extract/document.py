"""One article prepared for the relation rules: sentences, typed mentions, names resolved
within the article (surname -> full name, a mistyped title -> the main title), the article's
main film and topic, and each sentence rewritten with placeholders for its mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from reelgraph.extract import mentions as mn
from reelgraph.extract.lists import find_list_mentions
from reelgraph.extract.mentions import Mention
from reelgraph.extract.text import CLOSE_QUOTES, OPEN_QUOTES, sentence_spans
from reelgraph.extract.vocab import Vocab

KIND_CODE = {"film": "F", "person": "P", "name": "N", "company": "C", "festival": "E", "territory": "T", "award": "A"}


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    mentions: list[Mention]
    masked: str = ""
    slots: dict[str, Mention] = field(default_factory=dict)

    def build_mask(self) -> None:
        """Replace each mention by its placeholder; a quoted title takes its quote marks with it
        ("“Dear Comrades,” the" -> "⟨F1⟩, the") so rules need not know about quotes."""
        parts, cursor = [], 0
        text = self.text
        for i, mention in enumerate(self.mentions):
            start, end = mention.start - self.start, mention.end - self.start
            trailing = ""
            if mention.kind == "film" and start > 0 and text[start - 1] in OPEN_QUOTES:
                start -= 1
                close = re.match(rf"([,.;:!?]?)[{CLOSE_QUOTES}]", text[end:])
                if close:
                    trailing = close.group(1)
                    end += len(close.group())
            parts.append(text[cursor:max(cursor, start)])
            code = f"⟨{KIND_CODE[mention.kind]}{i}⟩"
            self.slots[code] = mention
            parts.append(code + trailing)
            cursor = end
        parts.append(text[cursor:])
        self.masked = "".join(parts)


@dataclass
class Document:
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    aliases: list[tuple[str, str, str]]  # (kind, main name, other spelling)
    main_film: str | None
    topic_person: str | None
    topic_role: str | None  # what the topic person is: cast, director, writer, producer, composer
    year: int | None  # of the article: metadata date or dateline
    month: int | None = None  # of the article, when its date is known
    lineup_festival: str | None = None  # set by the rules: "" when the article is no line-up
    topic_inferred: bool = False  # the topic person was inferred from mentions, not stated in a bio line


def build_document(text: str, v: Vocab, lex: mn.Lexicon, year: int | None,
                   ner_spans: list[tuple[int, int, str]] | None = None, month: int | None = None) -> Document:
    headline = _headline_span(text)
    quoted = mn.find_quoted_titles(text, lex.english) + _review_title(text)
    listed = find_list_mentions(text, lex)
    strong = mn.merge_mentions([quoted, listed, mn.find_festivals(text, lex, v), mn.find_awards(text, lex),
                                mn.find_territories(text, lex, v), mn.find_known_companies(text, lex),
                                mn.find_company_names(text, lex)])
    cued = mn.find_cued_titles(text, lex, strong)
    cued += mn.find_listed_titles(text, strong + cued)
    cued += mn.extend_title_lists(text, [m for m in strong + cued if m.kind == "film"],
                                  [m for m in strong if m.kind != "film"])
    cued = [m for m in cued if not (headline[0] <= m.start < headline[1])]
    wiki = _wikipedia_subject(text, lex, strong)
    titles = _title_registry(text, strong + cued + wiki)
    typed = mn.merge_mentions([strong, cued, wiki, titles])
    names = [m for m in mn.find_names(text, typed, lex)
             if not (headline[0] <= m.start < headline[1]) or _headline_name(m, lex)]
    if ner_spans:
        names = _apply_ner(names, ner_spans)
    every = mn.merge_mentions([typed, names])
    spans = sentence_spans(text)
    aliases = _resolve_titles(every)
    _type_companies_by_cue(text, every, lex)
    every = _company_region_names(text, every)
    _resolve_people(every)
    _resolve_companies(every)
    every = _drop_sentence_initial_words(text, every, spans)
    every = _drop_other_works(text, every)
    sentences = _sentences(text, every, spans)
    topic, role = _topic_person(sentences, lex.occupations)
    inferred = False
    if not topic:
        topic, role = _profiled_person(text, every, sentences, lex.occupations)
        inferred = bool(topic)
    headline_films = [m.value for m in every if m.kind == "film" and headline[0] <= m.start < headline[1]]
    first_line = _first_line_span(text)
    first_line_films = [m.value for m in every if m.kind == "film" and first_line[0] <= m.start < first_line[1]]
    counts = Counter(m.value for m in every if m.kind == "film")
    # the encyclopedic subject ("Title (2014) is a Malayalam drama film ...") is the article's film; a
    # headline in sentence case names it too, beside others ("X's Black Country remake The Nailmakers"):
    # the one the article names most
    main = headline_films[0] if headline_films else wiki[0].value if wiki else \
        max(first_line_films, key=lambda f: counts[f]) if first_line_films else _main_film(every)
    return Document(text, sentences, every, aliases, main, topic, role, year or _dateline_year(text), month,
                    topic_inferred=inferred)


def _wikipedia_subject(text: str, lex: mn.Lexicon, taken: list[Mention]) -> list[Mention]:
    """"Title is a 1993 Japanese film ..." / "Title (2001) is a ...": the encyclopedic opening."""
    match = re.match(
        rf"\s*({mn.TITLE_RUN.pattern})(?:\s*\([^)]*\))?(?:,[^,.]{{0,60}},)?\s+(?:(?:is|was|are)\s+)?(?:an?|the)\s+([^.]{{0,80}})",
        text)
    if not match:
        # Titles with inner punctuation ("They Shoot Horses, Don't They? is a 1969 ... film"):
        # anything up to the verb, when it reads as a title.
        # first with a comma inside the title ("They Shoot Horses, Don't They?"), then with the comma
        # opening an aside ("La prima notte di quiete, released in USA as Indian Summer, is ...")
        for inner in (r"(?:,[^\n(),]{1,40}?(?=,|\s+is\b|\s+was\b|\s*\())?", ""):
            match = re.match(rf"\s*([A-Z0-9][^\n(),]{{0,80}}?{inner})(?:,[^()\n\"“”:]{{0,80}}?)?"
                             rf"(?:\s*\([^)]*\))?\s+(?:is|was|are)\s+(?:an?|the)\s+([^.]{{0,80}})", text)
            if match and (mn.looks_like_title(match.group(1)) or _sentence_case_title(match.group(1))):
                break
        else:
            return []
        loose = True
    else:
        loose = False
    if not match or any(m.start < match.end(1) and match.start(1) < m.end
                        and not (match.start(1) <= m.start and m.end <= match.end(1)) for m in taken):
        return []  # a mention across the edge of the title: no clean title here (one inside it is overruled)
    # The film noun must head the description: "a 1993 Japanese film", not "a character introduced
    # in a 1967 film" or "a conductor and film score composer" (an occupation in it: a person);
    # "a 1972 Italian and French drama film" keeps its "and".
    head = re.split(r"\b(?:of|in|by|from|about|based|introduced|for|with|who|that|which)\b", match.group(2))[0]
    if not lex.film_noun.search(head) or re.search(r"\b(?:" + "|".join(lex.occupations) + r"|born|character)\b", head):
        return []
    # the whole subject is the title: "Who Sings for the Ferryman?" keeps its "Who"
    title = match.group(1).rstrip(",.;: ") if loose or match.group(1).split()[0] in mn.TITLE_LEAD_STOP \
        else mn._trim_title(match.group(1))
    if not title:
        return []
    offset, stop = mn.title_span(match.group(1), title)
    start, end = match.start(1) + offset, match.start(1) + stop
    return [Mention("film", start, end, match.string[start:end], title, 2)]


def _sentence_case_title(text: str) -> bool:
    """"La prima notte di quiete", "Il buco": a title in a language that capitalises only its
    first word, opening an encyclopedic article; not "The film" or "It"."""
    words = text.split()
    return 2 <= len(words) <= 8 and words[0][0].isupper() and words[0] not in mn.TITLE_LEAD_STOP and not any(
        w.lower() in {"film", "movie", "series", "show", "episode", "book", "novel", "album", "song", "it", "he", "she",
                      "they", "this", "which", "who"} for w in words)


HEADLINE_WORDS = {
    "Set", "To", "Star", "Stars", "In", "For", "With", "Of", "On", "At", "As", "And", "The", "A", "An", "Takes", "Lands",
    "Nabs", "Picks", "Up", "Adds", "Joins", "Boards", "Hires", "Ups", "Exits", "Wins", "Leads", "Unveils", "Sets", "Gets",
    "Buys", "Acquires", "Sells", "Closes", "Bags", "Scoops", "Rights", "Deal", "Deals", "Sales", "Thriller", "Drama",
    "Comedy", "Documentary", "Film", "Movie", "Feature", "Lineup", "Line-Up", "Competition", "Cast", "Direct", "Directs",
    "Produce", "Produces", "Returns", "Return", "Debut", "Premiere", "Trailer", "Teaser", "First", "Look", "Exclusive",
    "EXCLUSIVE", "Also", "Named", "Promoted", "Taps", "Launches", "Launch", "New", "Horror", "Series", "Sequel", "Remake",
}


def _headline_name(m: Mention, lex: mn.Lexicon) -> bool:
    """A name in a Title Case headline is trusted only when short and free of headline words
    ("Rosalind Achterberg" in "Rosalind Achterberg Set To Star In Thriller ...")."""
    words = m.value.split()
    return 2 <= len(words) <= 3 and not any(w in HEADLINE_WORDS or w in lex.not_a_name for w in words)


def _review_title(text: str) -> list[Mention]:
    """"Review: The Fig Pickers of Kalamata" opening a review: the title is the film reviewed."""
    match = re.match(r"\s*(?:Film\s+)?(?:Review|REVIEW|Interview|INTERVIEW)\s*[:–—-]\s*([^\n]{2,90}?)\s*$", text.split("\n", 1)[0])
    if not match or not mn.looks_like_title(match.group(1)):
        return []
    title = match.group(1).strip(" '\"‘’“”")
    start = text.find(title)
    return [Mention("film", start, start + len(title), title, title, 2)]


def _first_line_span(text: str) -> tuple[int, int]:
    """The first line when it reads as a headline (short, no closing period), in any case:
    "Cameras roll on Sorcha Devlin's Kilburn High Road; full cast revealed" names the film."""
    first = re.match(r"\s*([^\n]+)", text)
    if not first or len(first.group(1).split()) > 20 or re.search(r"[.!?][\"”’']?$", first.group(1).strip()) \
            or "\n" not in text[first.end():first.end() + 2]:
        return (0, 0)
    return (first.start(1), first.end(1))


def _headline_span(text: str) -> tuple[int, int]:
    """The headline: a first line in Title Case with no closing period ("Neon Takes U.S. Rights
    To Cannes Thriller 'X'"). Its capitalised words say nothing about names, so only quoted
    titles and vocabulary mentions are read there."""
    first = re.match(r"\s*([^\n]+)", text)
    if not first:
        return (0, 0)
    line = first.group(1)
    words = re.findall(r"[A-Za-z][\w'’\-]*", line)
    content = [w for w in words if w.lower() not in {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with"}]
    if len(words) < 4 or re.search(r"[.!?][\"”’']?$", line.strip()) or not content:
        return (0, 0)
    capitalised = sum(1 for w in content if w[0].isupper())
    return (first.start(1), first.end(1)) if capitalised / len(content) >= 0.75 else (0, 0)


def _title_registry(text: str, found: list[Mention]) -> list[Mention]:
    """Every occurrence of a string already known as a title is a film mention, unless it is
    part of a longer name there ("Rosalind Achterberg" when "Achterberg" was a title)."""
    titles = {m.value for m in found if m.kind == "film"}
    extra: list[Mention] = []
    if not titles:
        return extra
    # One scan for all titles, longest first, rather than one scan per title: linear in long articles.
    every_title = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(titles, key=lambda t: (-len(t), t)))) + r")(?!\w)")
    for match in every_title.finditer(text):
        start, end, title = match.start(), match.end(), match.group()
        before, after = text[max(0, start - 20):start], text[end:end + 20]
        if " " not in title and (re.search(r"[A-Z][\w'’\-]*[ \t]$", before) and not re.search(r"\b(?:The|A|An)[ \t]$", before)
                                 or re.match(r"[ \t][A-Z][a-z]", after)):
            continue
        extra.append(Mention("film", start, end, title, title, 2))
    return extra


def _apply_ner(names: list[Mention], ner_spans: list[tuple[int, int, str]]) -> list[Mention]:
    labels = {(s, e): label for s, e, label in ner_spans}
    for mention in names:
        label = labels.get((mention.start, mention.end))
        if label == "PERSON" and mention.kind == "name":
            mention.kind = "person"
        elif label == "ORG" and mention.kind == "name":
            mention.kind = "company"
    return names


def _resolve_titles(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    """Two spellings of one title in an article (a typo, one word off): the rarer one becomes
    an alias of the more frequent one and its mentions point at the main title."""
    counts = Counter(m.value for m in mentions if m.kind == "film")
    aliases = []
    ranked = sorted(counts, key=lambda t: (-counts[t], t))
    for i, rare in enumerate(reversed(ranked)):
        for main in ranked[: len(ranked) - 1 - i]:
            if counts[main] < counts[rare] or main == rare:
                continue
            if _near_title(main, rare):
                aliases.append(("film", main, rare))
                for m in mentions:
                    if m.kind == "film" and m.value == rare:
                        m.value = main
                break
    return aliases


SEQUEL_MARK = re.compile(r"^(?:\d+|[ivx]+|part)$")


def _near_title(a: str, b: str) -> bool:
    wa, wb = a.lower().split(), b.lower().split()
    # "Ong Bak 2" and "Ong Bak 3", "Rocky II" and "Rocky III" are two films, however close.
    if any(x != y and (SEQUEL_MARK.match(x) or SEQUEL_MARK.match(y)) for x, y in zip(wa, wb, strict=False)):
        return False
    if len(wa) != len(wb) or len(wa) < 2:
        return len(a) > 6 and Levenshtein.distance(a.lower(), b.lower()) == 1
    differing = sum(1 for x, y in zip(wa, wb, strict=True) if x != y)
    return differing == 1 and wa[-1] == wb[-1] or Levenshtein.distance(a.lower(), b.lower()) <= 1


def _resolve_people(mentions: list[Mention]) -> None:
    """A surname or partial name that fits exactly one full name of the article takes it."""
    full = [m.value for m in mentions if m.kind in ("name", "person") and len(m.value.split()) >= 2]
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name in full:
        by_last.setdefault(name.split()[-1], set()).add(name)
        by_last.setdefault(name, set()).add(name)
        by_first.setdefault(name.split()[0], set()).add(name)
    # A family name written first ("Joh Keun-shik" ... "Joh debuted with") or a first name in a
    # profile ("Vineeth"): a single word that ends no full name and starts exactly one.
    for word, names in by_first.items():
        if len(names) == 1 and word not in by_last and len(word) > 2:
            by_last[word] = names
    person_values = {m.value for m in mentions if m.kind == "person"}
    for m in mentions:
        if m.kind not in ("name", "person"):
            continue
        candidates = by_last.get(m.value.split()[-1] if len(m.value.split()) == 1 else m.value, set())
        if len(candidates) == 1:
            m.value = next(iter(candidates))
    for m in mentions:
        if m.kind == "name" and m.value in person_values:
            m.kind = "person"


def _drop_sentence_initial_words(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """"Packing a brief stint ...", "Events were ...": a lone capitalised word that opens a
    sentence, resolves to no full name and is never capitalised mid-sentence is no name."""
    starts = {start for start, _ in spans}
    mid_sentence = {m.text for m in mentions if m.start not in starts}
    kept = []
    for m in mentions:
        opens = m.start in starts or (m.start - 1 in starts and text[m.start - 1] in OPEN_QUOTES)
        possessive = text[m.end:m.end + 2] in ("'s", "’s")
        if m.kind == "name" and opens and " " not in m.value and m.value == m.text and m.text not in mid_sentence \
                and not possessive:
            continue
        kept.append(m)
    return kept


OTHER_WORK = re.compile(r"\b(?:novel|novella|book|memoir|play|stage play|short story|poem|song|single|album|comic|"
                        r"graphic novel|podcast|musical|opera)[,:]?\s+[\"“‘']?$")


def _drop_other_works(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Japaridze's 2017 novel "The Last Harvest"": a book, a song or a play is no film, unless
    the article also calls that title a film somewhere."""
    works, films = set(), set()
    for m in mentions:
        if m.kind != "film":
            continue
        before = text[max(0, m.start - 40):m.start]
        (works if OTHER_WORK.search(before) else films).add(m.value)
    others = {w for w in works if w not in films} if works else set()
    return [m for m in mentions if not (m.kind == "film" and m.value in others)]


def _type_companies_by_cue(text: str, mentions: list[Mention], lex: mn.Lexicon) -> None:
    """A name right after a company cue is a company: "Paris-based Lumen Rouge", "sales
    outfit Kompass Films", "distributor Mandarina"."""
    for m in mentions:
        if m.kind == "name" and lex.company_cue.search(text[max(0, m.start - 30):m.start]):
            m.kind = "company"


# Region words that end company names: "Lodestar Nordic", "Sony Pictures Releasing Asia"
REGION_SUFFIX = {"Nordic", "Nordics", "Asia", "Europe", "Africa", "Americas", "Iberia", "Benelux", "Scandinavia", "Baltics",
                 "Latam", "MENA", "EMEA", "APAC"}


def _company_region_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A company directly followed by a region word takes it into its name ("Lodestar Nordic")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.kind == "company" and m.kind == "territory" and m.text in REGION_SUFFIX and \
                text[prev.end:m.start] == " ":
            name = text[prev.start:m.end]
            out[-1] = Mention("company", prev.start, m.end, name, name, prev.strength)
            continue
        out.append(m)
    return out


def _resolve_companies(mentions: list[Mention]) -> None:
    """A company named in short ("Blackbird Ridge") after its full name ("Blackbird Ridge
    Entertainment") takes the full name: the fullest form the article gives."""
    full = sorted({m.value for m in mentions if m.kind == "company"}, key=len, reverse=True)
    for m in mentions:
        if m.kind not in ("company", "name"):
            continue
        longer = [f for f in full if f != m.value and f.startswith(m.value + " ")]
        if len(longer) == 1 or (longer and all(f.startswith(longer[-1]) for f in longer)):
            m.value = longer[-1] if len(longer) > 1 else longer[0]
            m.kind = "company"


def _sentences(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Sentence]:
    sentences = []
    cursor = 0
    for i, (start, end) in enumerate(spans):
        inside = []
        while cursor < len(mentions) and mentions[cursor].start < start:
            cursor += 1
        j = cursor
        while j < len(mentions) and mentions[j].end <= end:
            inside.append(mentions[j])
            j += 1
        sentence = Sentence(i, start, end, text[start:end], inside)
        sentence.build_mask()
        sentences.append(sentence)
    return sentences


def _main_film(mentions: list[Mention]) -> str | None:
    counts = Counter(m.value for m in mentions if m.kind == "film")
    if not counts:
        return None
    first = next(m.value for m in mentions if m.kind == "film")
    top, n = counts.most_common(1)[0]
    return first if counts[first] == n else top


def _topic_person(sentences: list[Sentence], occupations: dict[str, str]) -> tuple[str | None, str | None]:
    """The person an encyclopedic or profile article is about, and what they are: the first
    name of the first sentence when it says so ("X (born 1969) is an American actor")."""
    if not sentences:
        return None, None
    first = sentences[0]
    jobs = "|".join(occupations)
    occupation = re.search(r"\b(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,6}?(" + jobs + r")\b", first.text)
    if not occupation:
        if not re.search(r"\((?:born|née|b\.)|\(\d{1,2} \w+ \d{4} – |\((?:c\.\s*)?\d{4}\s*[–-]\s*\d{4}\)", first.text):
            return None, None
        # "The late English musician and actor David Bowie (1947 – 2016) held ...": the job before the name
        occupation = re.search(r"\b(" + jobs + r")\s+(?:and\s+(?:" + jobs + r")\s+)?⟨[PN]\d+⟩\s*\(", first.masked)
    for m in first.mentions:
        if m.kind in ("name", "person"):
            m.kind = "person"
            return m.value, occupations[occupation.group(1)] if occupation else None
    return None, None


def _profiled_person(text: str, mentions: list[Mention], sentences: list[Sentence],
                     occupations: dict[str, str]) -> tuple[str | None, str | None]:
    """A profile that opens with no "X is a director" line ("When Ágota Lendvai steps onto the
    stage ..."): the person named in the first sentences and most often in the article, when
    the article says what they do ("Hungarian director Ágota Lendvai", "made her first feature")."""
    counts = Counter(m.value for m in mentions if m.kind in ("person", "name") and " " in m.value)
    if not counts:
        return None, None
    name = counts.most_common(1)[0][0]
    surname = name.split()[-1]
    n = len(re.findall(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text))  # every mention, by surname too
    early = " ".join(s.text for s in sentences[:4])
    if n < 4 or name not in early or sum(1 for v, c in counts.items() if c >= 3 and v != name):
        return None, None
    jobs = "|".join(occupations)
    said = re.search(rf"\b({jobs})\s+{re.escape(name)}|{re.escape(name)},\s+(?:the\s+|an?\s+)?(?:[\w\-]+\s+){{0,2}}({jobs})\b", text)
    if said:
        return name, occupations[said.group(1) or said.group(2)]
    if re.search(r"\b(?:her|his) (?:first|second|third|debut) feature\b|\bdirectorial\b", text):
        return name, "director"
    return None, None


MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_IN_HEAD = re.compile(
    rf"\b\d{{1,2}}/\d{{1,2}}/((?:19|20)\d{{2}})\b|\b((?:19|20)\d{{2}})-\d{{2}}-\d{{2}}\b|"
    rf"\b{MONTHS}\s+\d{{1,2}},?\s+((?:19|20)\d{{2}})\b|\b\d{{1,2}}\s+{MONTHS}\s+((?:19|20)\d{{2}})\b|"
    rf"\b[A-Z][A-Z .]+((?:19|20)\d{{2}})\s*:")


def _dateline_year(text: str) -> int | None:
    """The article's year from its head: a dateline ("19/05/2017 - CANNES 2017:"), a byline date
    ("May 8, 2024 6:00am", "3 November 2023") or a "Published: 2024-05-07" line."""
    head = text[:400]
    for match in DATE_IN_HEAD.finditer(head):
        if head[:match.start()].count("(") > head[:match.start()].count(")"):
            continue  # "(22 June 1940 – 4 July 2016)", "(born May 8, 1970)": a life, not the article's date
        return int(next(g for g in match.groups() if g))
    return None
