"""A seeded generator of synthetic film trade-press articles, with their facts.

``generate(count, seed=0)`` -> list of ``SyntheticArticle`` (an ``Article`` plus the facts a
perfect extractor would give, evidence offsets included); ``Generator(seed).articles(count)``
streams them.  The same seed gives the same articles, byte for byte.

The pools are large enough to exercise resolution (by default 4,000 people, 3,000 films,
1,200 companies) and the mentions vary the way trade press does: accents dropped,
Russian names in several romanisations, initials, legal suffixes and "Intl.", festival
nicknames ("Berlinale", "TIFF"), "U.S."/"UK", curly quotes, a dropped leading "The",
"&"/"and", and now and then a typo'd title with an alias fact.  A few titles are shared by two
films with different years and directors (remakes).  Styles: sales deals with territories,
festival selections, credits/casting news, executive moves, awards.

``GoldExtractor`` is a stand-in for ``reelgraph.extract.Extractor`` that returns these facts,
so benchmarks can time resolve + store without spaCy.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reelgraph.model import Article, Evidence, Extraction, Fact, name_key

# --- name material ---------------------------------------------------------------------------

FIRST_NAMES = {
    "en": [
        "John",
        "Mary",
        "James",
        "Sarah",
        "Michael",
        "Emma",
        "David",
        "Laura",
        "Robert",
        "Kate",
        "Daniel",
        "Rachel",
        "Thomas",
        "Claire",
        "Peter",
        "Anna",
        "Mark",
        "Julia",
        "Paul",
        "Helen",
        "Simon",
        "Lucy",
        "Andrew",
        "Grace",
        "Richard",
        "Hannah",
        "Steven",
        "Olivia",
        "Matthew",
        "Sophie",
        "Kevin",
        "Megan",
    ],
    "fr": [
        "François",
        "Hélène",
        "Jérôme",
        "Céline",
        "Stéphane",
        "Amélie",
        "Benoît",
        "Élodie",
        "Frédéric",
        "Gaëlle",
        "Jean-Christophe",
        "Anaïs",
        "Thierry",
        "Mathilde",
        "Rémi",
        "Noémie",
        "Grégoire",
        "Inès",
    ],
    "ru": [
        "Andrei",
        "Yulia",
        "Aleksandr",
        "Sergei",
        "Elena",
        "Dmitri",
        "Natalia",
        "Aleksei",
        "Yuri",
        "Olga",
        "Nikita",
        "Ksenia",
        "Pyotr",
        "Tatiana",
        "Mikhail",
        "Anastasia",
        "Kirill",
        "Yevgenia",
    ],
    "es": [
        "José",
        "María",
        "Rubén",
        "Lucía",
        "Andrés",
        "Inés",
        "Martín",
        "Sofía",
        "Iñaki",
        "Begoña",
        "Ramón",
        "Mónica",
        "Joaquín",
        "Belén",
    ],
    "de": ["Jürgen", "Anke", "Matthias", "Sönke", "Katrin", "Jörg", "Ulrike", "Günter", "Maren", "Tobias"],
    "nordic": ["Søren", "Åsa", "Bjørn", "Liv", "Mads", "Ingrid", "Jonas", "Kirsi", "Ólafur", "Sigrid"],
    "ko": ["Joon-ho", "Chan-wook", "Min-hee", "Hong-jin", "Doona", "Kang-ho", "Yeo-jeong", "Sang-soo"],
}
SURNAMES = {
    "en": [
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Taylor",
        "Walker",
        "Harris",
        "Clarke",
        "Lewis",
        "Young",
        "Hall",
        "Wright",
        "Green",
        "Baker",
        "Turner",
        "Hill",
        "Campbell",
        "Mitchell",
        "Roberts",
        "Carter",
        "Phillips",
        "Evans",
        "Parker",
        "Collins",
        "Edwards",
        "Stewart",
        "Morris",
        "Rogers",
        "Cooper",
        "Reed",
        "Bailey",
        "Bell",
        "Murphy",
        "Kelly",
        "Howard",
        "Ward",
        "Cox",
        "Richardson",
        "Wood",
        "Watson",
        "Brooks",
        "Bennett",
        "Gray",
        "Hughes",
        "Price",
        "Sanders",
        "Myers",
        "Long",
        "Ross",
        "Foster",
        "Powell",
        "Jenkins",
        "Perry",
        "Russell",
        "Sullivan",
        "Fisher",
        "Henderson",
        "Coleman",
        "Simmons",
        "Patterson",
        "Jordan",
        "Reynolds",
        "Hamilton",
        "Graham",
        "Kim",
        "Wallace",
        "Cole",
        "West",
        "Jordan",
        "Owens",
        "Ellis",
    ],
    "fr": [
        "Lefèvre",
        "Dubois",
        "Moreau",
        "Laurent",
        "Giraud",
        "Mercier",
        "Bonnaud",
        "Fournier",
        "Chénier",
        "Rousseau",
        "Vincent",
        "Faure",
        "André",
        "Lemaître",
        "Gauthier",
        "Perrin",
        "Brunet",
        "Barbier",
        "Clément",
        "Rivière",
        "Caron",
        "Noël",
        "Benoît",
        "Hébert",
        "Picard",
        "Leroux",
        "Sénéchal",
    ],
    "ru": [
        "Konchalovsky",
        "Vysotskaya",
        "Kiseleva",
        "Sokurov",
        "Zvyagintsev",
        "Balabanov",
        "Tarkovsky",
        "Mikhalkov",
        "Bondarchuk",
        "Serebrennikov",
        "Khlebnikov",
        "Popogrebsky",
        "Loznitsa",
        "Kovalevsky",
        "Gorelov",
        "Zhukovsky",
        "Orlovsky",
        "Rostotsky",
        "Dostoevsky",
        "Grigoriev",
        "Smirnov",
        "Volkov",
        "Sobolev",
        "Lebedev",
        "Kuznetsova",
        "Petrova",
        "Fedorchenko",
        "Yankovsky",
        "Kalatozov",
    ],
    "es": [
        "García",
        "Fernández",
        "López",
        "Martínez",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Muñoz",
        "Álvarez",
        "Jiménez",
        "Ibáñez",
        "Ordóñez",
        "Peña",
        "Castillo",
        "Herrera",
        "Núñez",
        "Cortés",
        "Gutiérrez",
    ],
    "de": [
        "Müller",
        "Schäfer",
        "Köhler",
        "Weiß",
        "Schröder",
        "Krüger",
        "Böhm",
        "Hoffmann",
        "Fischer",
        "Vogel",
        "Becker",
        "Zimmermann",
        "Braun",
        "Hartmann",
        "Lange",
        "Schulz",
        "Wagner",
        "Hofmann",
    ],
    "nordic": [
        "Sørensen",
        "Lindqvist",
        "Åkerlund",
        "Hjørth",
        "Nyström",
        "Berg",
        "Halvorsen",
        "Jóhannsson",
        "Karlsson",
        "Østergaard",
        "Virtanen",
        "Lindholm",
        "Dahl",
        "Eriksson",
    ],
    "ko": ["Bong", "Park", "Kim", "Lee", "Hong", "Song", "Jeon", "Hwang", "Yoon", "Choi"],
}
# Romanisation variants a trade paper may print instead of the person's usual spelling.
TRANSLIT_VARIANTS = [("sky", "skiy"), ("sky", "ski"), ("ei", "ey"), ("Yu", "Ju"), ("ks", "x"), ("ov", "off")]

TITLE_ADJ = [
    "Silent",
    "Burning",
    "Hidden",
    "Last",
    "Broken",
    "Golden",
    "Dark",
    "Quiet",
    "Wild",
    "Lost",
    "Endless",
    "Bitter",
    "Distant",
    "Sacred",
    "Crimson",
    "Fragile",
    "Hollow",
    "Restless",
    "Pale",
    "Northern",
    "Little",
    "Secret",
    "Wandering",
    "Electric",
    "Sleeping",
    "Forgotten",
    "Savage",
    "Tender",
]
TITLE_NOUN = [
    "River",
    "Summer",
    "Comrades",
    "Garden",
    "Winter",
    "Mother",
    "Border",
    "Island",
    "Harvest",
    "Kingdom",
    "Night",
    "Sister",
    "Orchard",
    "Horizon",
    "Storm",
    "Daughter",
    "Mountain",
    "Train",
    "House",
    "Season",
    "Frontier",
    "Widow",
    "Harbour",
    "Empire",
    "Shadow",
    "Mirror",
    "Station",
    "Heart",
    "Land",
    "Voices",
    "Fields",
    "Wolves",
    "Birds",
    "Ghosts",
    "Strangers",
    "Lovers",
]
TITLE_PLACE = [
    "Odessa",
    "Marseille",
    "Tbilisi",
    "Lagos",
    "Oaxaca",
    "Riga",
    "Bukhara",
    "Palermo",
    "Busan",
    "Galway",
    "Trieste",
    "Valparaíso",
    "Kraków",
    "Tangier",
    "Reykjavík",
    "Novocherkassk",
]
TITLE_TEMPLATES = [
    "The {adj} {noun}",
    "{adj} {noun}",
    "{noun} of {place}",
    "A {noun} in {place}",
    "{adj} {noun}s",
    "The {noun} & the {noun2}",
    "{noun} {n}",
    "Dear {noun}",
    "{place}",
    "Before the {noun}",
    "{adj} {noun}: Part {roman}",
    "After {place}",
    "My {adj} {noun}",
    "The {noun}'s {noun2}",
]
ROMANS = ["II", "III", "IV"]

COMPANY_STEMS = [
    "Memento",
    "Rapid Eye",
    "Wild Bunch",
    "Films Boutique",
    "Match Factory",
    "Celluloid Dreams",
    "Pyramide",
    "Totem",
    "Goodfellas",
    "Alpha Violet",
    "Indie Sales",
    "Beta",
    "Coproduction Office",
    "Magnolia",
    "Neon",
    "Mubi",
    "Charades",
    "Elle Driver",
    "Loco",
    "Playtime",
    "Best Friend",
    "New Europe",
    "Picture Tree",
    "Reel Suspects",
    "Luxbox",
    "Heretic",
    "Cercamon",
    "Totem",
    "Urban",
    "Film Republic",
    "Wide",
    "Bac",
    "Jour2Fête",
    "Haut et Court",
    "Curzon",
    "Dogwoof",
    "Altitude",
    "Protagonist",
    "Bankside",
    "Cinephil",
    "Salaud Morisset",
    "Stray Dogs",
]
COMPANY_WORDS = [
    "Aurora",
    "Lighthouse",
    "Northern",
    "Blue",
    "Falcon",
    "Orchid",
    "Silver",
    "Red",
    "Meridian",
    "Atlas",
    "Cobalt",
    "Harbor",
    "Kestrel",
    "Lantern",
    "Maple",
    "Nova",
    "Obsidian",
    "Pioneer",
    "Quarry",
    "Saffron",
    "Tundra",
    "Vesper",
    "Willow",
    "Zephyr",
    "Arcadia",
    "Bright",
    "Crescent",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Horizon",
    "Iris",
    "Juniper",
    "Kite",
    "Lumen",
    "Mosaic",
]
COMPANY_TYPES = [
    "Films",
    "Pictures",
    "Entertainment",
    "Distribution",
    "Media",
    "Releasing",
    "Studios",
    "Productions",
    "Cinema",
    "",
    "",
    "",
]
LEGAL = {
    "en": ["Inc.", "Ltd", "LLC"],
    "fr": ["SA", "SAS"],
    "de": ["GmbH", "AG"],
    "it": ["Srl"],
    "nl": ["BV"],
    "es": ["SL"],
    "nordic": ["AB", "AS"],
}

FESTIVALS = [  # canonical name, variants, month
    ("Cannes Film Festival", ["Cannes", "Festival de Cannes"], 5),
    (
        "Berlin International Film Festival",
        ["Berlinale", "Berlin Film Festival", "Berlin Intl. Film Festival"],
        2,
    ),
    (
        "Venice International Film Festival",
        ["Venice Film Festival", "Venice Intl. Film Festival", "Venice"],
        9,
    ),
    ("Toronto International Film Festival", ["TIFF", "Toronto Film Festival"], 9),
    ("Sundance Film Festival", ["Sundance"], 1),
    ("Locarno Film Festival", ["Locarno"], 8),
    ("San Sebastian International Film Festival", ["San Sebastian Film Festival", "San Sebastián"], 9),
    ("Karlovy Vary International Film Festival", ["Karlovy Vary", "KVIFF"], 7),
    ("International Film Festival Rotterdam", ["Rotterdam", "IFFR"], 1),
    ("Busan International Film Festival", ["Busan", "BIFF"], 10),
    ("Tribeca Film Festival", ["Tribeca"], 6),
    ("Tallinn Black Nights Film Festival", ["Black Nights", "PÖFF"], 11),
]
SECTIONS = [
    "main competition",
    "Un Certain Regard",
    "Panorama",
    "Horizons",
    "Platform",
    "Encounters",
    "Forum",
    "Discovery",
    "Special Presentations",
    "Orizzonti",
    "Out of Competition",
    "Generation",
]
AWARDS = {
    "Cannes Film Festival": ["Palme d'Or", "Grand Prix", "Jury Prize"],
    "Berlin International Film Festival": ["Golden Bear", "Silver Bear Grand Jury Prize"],
    "Venice International Film Festival": ["Golden Lion", "Silver Lion", "Special Jury Prize"],
    "Toronto International Film Festival": ["People's Choice Award"],
    "Sundance Film Festival": ["Grand Jury Prize"],
}
TERRITORIES = [  # canonical, variants
    ("United States", ["U.S.", "US", "USA"]),
    ("United Kingdom", ["UK", "U.K."]),
    ("France", []),
    ("Germany", []),
    ("Italy", []),
    ("Spain", []),
    ("Japan", []),
    ("South Korea", ["Korea"]),
    ("China", []),
    ("Australia", []),
    ("Brazil", []),
    ("Mexico", []),
    ("Poland", []),
    ("Russia", []),
    ("Benelux", []),
    ("Scandinavia", []),
    ("Latin America", []),
    ("Taiwan", []),
    ("Turkey", []),
    ("Greece", []),
    ("Portugal", []),
    ("Switzerland", []),
    ("Austria", []),
    ("Canada", []),
    ("Former Yugoslavia", ["ex-Yugoslavia"]),
    ("Middle East", []),
    ("India", []),
    ("Israel", []),
]
CITIES = [
    "Paris",
    "Berlin",
    "London",
    "Los Angeles",
    "New York",
    "Rome",
    "Madrid",
    "Copenhagen",
    "Seoul",
    "Moscow",
    "Stockholm",
    "Amsterdam",
    "Munich",
    "Barcelona",
    "Toronto",
    "Sydney",
    "Mexico City",
]
TITLES = [
    "CEO",
    "head of acquisitions",
    "head of sales",
    "managing director",
    "president of distribution",
    "head of festivals",
    "chief operating officer",
    "VP of international sales",
    "head of marketing",
]
ROLES_SENT = {
    "producer": "{p} produces for {c}",
    "writer": "{p} co-wrote the screenplay",
    "composer": "the score is by {p}",
    "cinematographer": "{p} shot the film",
    "editor": "{p} edited",
    "executive_producer": "{p} serves as executive producer",
}


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --- pools -----------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    culture: str
    variants: list[str] = field(default_factory=list)  # other spellings the press uses


@dataclass
class Film:
    title: str
    year: int
    director: int  # index into people
    cast: list[int]
    variants: list[str] = field(default_factory=list)


@dataclass
class Company:
    name: str  # usual name, no suffix
    legal: str  # legal form
    city: str
    variants: list[str] = field(default_factory=list)


def _person_variants(rng: random.Random, name: str, culture: str) -> list[str]:
    out = []
    plain = _ascii(name)
    if plain != name:
        out.append(plain)
    if culture == "ru":
        for a, b in TRANSLIT_VARIANTS:
            words = name.split(" ")
            changed = [
                w[: -len(a)] + b if w.endswith(a) and a.islower() else w.replace(a, b, 1) for w in words
            ]
            if changed != words:
                out.append(" ".join(changed))
    first, _, last = name.partition(" ")
    if rng.random() < 0.3:
        out.append(f"{first[0]}. {last}")
    return out


def _title_variants(title: str) -> list[str]:
    out = [f"“{title}”"]  # quotes left on by a sloppy extractor
    if title.startswith("The "):
        out.append(title[4:])
    if " & " in title:
        out.append(title.replace(" & ", " and "))
    out.append(title.upper() if len(title) < 12 else title.lower().title())
    return out


def _typo(rng: random.Random, title: str) -> str:
    positions = [i for i, c in enumerate(title) if c.isalpha()]
    if len(positions) < 6:
        return title
    i = rng.choice(positions[2:])
    if rng.random() < 0.5:
        return title[:i] + title[i + 1 :]
    return title[:i] + title[i] + title[i:]


class Pools:
    """The people, films and companies articles draw from (deterministic for a seed)."""

    def __init__(self, rng: random.Random, n_people: int, n_films: int, n_companies: int) -> None:
        cultures = list(FIRST_NAMES)
        weights = [5, 2, 2, 2, 1, 1, 1]
        self.people: list[Person] = []
        seen: set[str] = set()
        while len(self.people) < n_people:
            culture = rng.choices(cultures, weights)[0]
            first = rng.choice(FIRST_NAMES[culture])
            last = rng.choice(SURNAMES[culture])
            if (
                culture == "ru"
                and last.endswith(("aya", "eva", "ova"))
                and first in ("Andrei", "Sergei", "Yuri")
            ):
                continue
            if rng.random() < 0.25:  # double-barrelled or extra surname: widens the pool
                last = f"{last}-{rng.choice(SURNAMES[rng.choice(cultures)])}"
            name = f"{first} {last}"
            if name in seen:
                continue
            seen.add(name)
            self.people.append(Person(name, culture, _person_variants(rng, name, culture)))

        self.films: list[Film] = []
        titles: set[str] = set()
        while len(self.films) < n_films:
            title = self._title(rng)
            year = rng.randint(1960, 2025)
            if name_key(title) in titles:
                if rng.random() < 0.1:  # a remake: same title, other year and director
                    year = rng.randint(1960, 2025)
                else:
                    continue
            titles.add(name_key(title))
            director = rng.randrange(len(self.people))
            cast = rng.sample(range(len(self.people)), 3)
            self.films.append(Film(title, year, director, cast, _title_variants(title)))

        self.companies: list[Company] = []
        names: set[str] = set()
        while len(self.companies) < n_companies:
            stem = (
                rng.choice(COMPANY_STEMS)
                if rng.random() < 0.2
                else " ".join(rng.sample(COMPANY_WORDS, rng.choice([1, 1, 2])))
            )
            kind = rng.choice(COMPANY_TYPES)
            intl = " International" if rng.random() < 0.25 else ""
            name = " ".join(p for p in (stem, kind) if p) + intl
            if name in names:
                continue
            names.add(name)
            legal = rng.choice(rng.choice(list(LEGAL.values())))
            variants = [f"{name} {legal}", f"{name}, {legal}" if legal.endswith(".") else f"{name} {legal}"]
            if intl:
                variants.append(name.replace("International", "Intl."))
            if "&" in name or " and " in name:
                variants.append(name.replace("&", "and"))
            self.companies.append(Company(name, legal, rng.choice(CITIES), variants))
        # popularity: a few films and companies get most of the news
        self.film_weights = list(itertools.accumulate(1 / (r + 1) ** 0.8 for r in range(len(self.films))))
        self.company_weights = list(
            itertools.accumulate(1 / (r + 1) ** 0.7 for r in range(len(self.companies)))
        )

    @staticmethod
    def _title(rng: random.Random) -> str:
        template = rng.choice(TITLE_TEMPLATES)
        noun, noun2 = rng.sample(TITLE_NOUN, 2)
        return template.format(
            adj=rng.choice(TITLE_ADJ),
            noun=noun,
            noun2=noun2,
            place=rng.choice(TITLE_PLACE),
            n=rng.randint(2, 4),
            roman=rng.choice(ROMANS),
        )

    def film(self, rng: random.Random) -> Film:
        i = bisect.bisect_left(self.film_weights, rng.random() * self.film_weights[-1])
        return self.films[min(i, len(self.films) - 1)]

    def company(self, rng: random.Random) -> Company:
        i = bisect.bisect_left(self.company_weights, rng.random() * self.company_weights[-1])
        return self.companies[min(i, len(self.companies) - 1)]


# --- articles --------------------------------------------------------------------------------


@dataclass
class SyntheticArticle:
    """One generated article and its facts (what a perfect extractor would find)."""

    article: Article
    facts: list[Fact]

    def extraction(self) -> Extraction:
        return Extraction(self.article, list(self.facts))


class _Writer:
    """Builds an article's text sentence by sentence, tracking evidence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.facts: list[Fact] = []

    def say(self, sentence: str, *facts: dict[str, Any]) -> None:
        start = self.length + (1 if self.parts else 0)
        if self.parts:
            self.length += 1
        self.parts.append(sentence)
        self.length += len(sentence)
        evidence = Evidence(sentence, start, start + len(sentence))
        for data in facts:
            data = dict(data)
            ftype = data.pop("type")
            self.facts.append(Fact(ftype, data, evidence, 0.9))

    @property
    def text(self) -> str:
        return " ".join(self.parts)


class Generator:
    """Streams synthetic articles; the same seed and pool sizes give the same articles."""

    def __init__(
        self, seed: int = 0, n_people: int = 4000, n_films: int = 3000, n_companies: int = 1200
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.pools = Pools(random.Random(seed * 7919 + 1), n_people, n_films, n_companies)

    # mention helpers: usually the usual spelling, sometimes a variant
    def _person(self, index: int, p_variant: float = 0.15) -> str:
        person = self.pools.people[index]
        if person.variants and self.rng.random() < p_variant:
            return self.rng.choice(person.variants)
        return person.name

    def _title(self, film: Film, p_variant: float = 0.1) -> str:
        if film.variants and self.rng.random() < p_variant:
            return self.rng.choice(film.variants)
        return film.title

    def _company(self, company: Company, p_variant: float = 0.2) -> str:
        if company.variants and self.rng.random() < p_variant:
            return self.rng.choice(company.variants)
        return company.name

    def _territory(self) -> str:
        canonical, variants = self.rng.choice(TERRITORIES)
        return self.rng.choice(variants) if variants and self.rng.random() < 0.5 else canonical

    def _festival(self) -> tuple[str, int]:
        name, variants, month = self.rng.choice(FESTIVALS)
        written = self.rng.choice(variants) if self.rng.random() < 0.4 else name
        return written, month

    def articles(self, count: int, start: int = 0) -> Iterator[SyntheticArticle]:
        styles = [self._sales, self._selection, self._casting, self._exec_move, self._award]
        weights = [4, 3, 3, 1, 1]
        for number in range(start, start + count):
            style = self.rng.choices(styles, weights)[0]
            year = self.rng.randint(2012, 2025)
            writer = _Writer()
            headline = style(writer, year)
            month = self.rng.randint(1, 12)
            day = self.rng.randint(1, 28)
            article = Article(
                id=f"syn-{self.seed}-{number}",
                text=writer.text,
                source=f"synthetic:{self.seed}:{number}",
                title=headline,
                url=f"https://trade.example/{self.seed}/{number}",
                date=f"{year}-{month:02d}-{day:02d}",
                author=self._person(self.rng.randrange(len(self.pools.people)), 0.0),
                language="en",
            )
            yield SyntheticArticle(article, writer.facts)

    def _director_facts(self, film: Film, title: str, who: str) -> dict[str, Any]:
        return {"type": "credit", "film": title, "person": who, "role": "director"}

    def _sales(self, w: _Writer, year: int) -> str:
        film = self.pools.film(self.rng)
        seller = self.pools.company(self.rng)
        title, director = self._title(film), self._person(film.director)
        s_name = self._company(seller)
        w.say(
            f"{s_name} has boarded world sales on {director}'s “{title}” and closed a raft of deals.",
            {"type": "deal", "film": title, "company": s_name, "territory": "worldwide", "rights": "sales"},
            self._director_facts(film, title, director),
        )
        for _ in range(self.rng.randint(1, 4)):
            buyer = self.pools.company(self.rng)
            territory = written = self._territory()
            b_name = self._company(buyer)
            style = self.rng.randrange(3)
            if style == 0:
                sentence = f"{b_name} has acquired {written} rights to “{title}”."
            elif style == 1:
                sentence = f"The film has also sold to {written} ({b_name})."
            else:
                sentence = f"{b_name} will release the film in {written}."
            w.say(
                sentence,
                {
                    "type": "deal",
                    "film": title,
                    "company": b_name,
                    "territory": territory,
                    "rights": "distribution",
                    "seller": s_name,
                },
            )
        w.say(
            f"{s_name} is based in {seller.city}.",
            {"type": "based_in", "company": s_name, "place": seller.city},
        )
        if film.year < year - 1 and self.rng.random() < 0.5:
            w.say(
                f"{director}'s {film.year} film was restored last year.",
                {"type": "film_year", "film": title, "year": film.year},
            )
        else:
            w.say(
                f"“{title}” ({film.year}) stars {self._person(film.cast[0])}.",
                {"type": "film_year", "film": title, "year": film.year},
                {"type": "credit", "film": title, "person": self._person(film.cast[0]), "role": "cast"},
            )
        return f"{s_name} boards '{title}'"

    def _selection(self, w: _Writer, year: int) -> str:
        film = self.pools.film(self.rng)
        festival, _ = self._festival()
        section = self.rng.choice(SECTIONS)
        title, director = self._title(film), self._person(film.director)
        w.say(
            f"{director}'s “{title}” will world premiere in the {section} of the {year} {festival}.",
            {"type": "selection", "film": title, "festival": festival, "year": year, "section": section},
            self._director_facts(film, title, director),
        )
        lead = self._person(film.cast[0])
        w.say(
            f"The drama stars {lead} and {self._person(film.cast[1], 0)}.",
            {"type": "credit", "film": title, "person": lead, "role": "cast"},
            {"type": "credit", "film": title, "person": self.pools.people[film.cast[1]].name, "role": "cast"},
        )
        if self.rng.random() < 0.15:
            typo = _typo(self.rng, film.title)
            if typo != film.title:
                w.say(
                    f"“{typo}”, as the film was first announced, shot in {self.rng.choice(CITIES)}.",
                    {"type": "alias", "film": title, "alias": typo},
                )
        if self.rng.random() < 0.5:
            seller = self.pools.company(self.rng)
            s_name = self._company(seller)
            w.say(
                f"{s_name} handles international sales.",
                {
                    "type": "deal",
                    "film": title,
                    "company": s_name,
                    "territory": "worldwide",
                    "rights": "sales",
                },
            )
        return f"'{title}' heads to {festival}"

    def _casting(self, w: _Writer, year: int) -> str:
        film = self.pools.film(self.rng)
        title, director = self._title(film), self._person(film.director)
        a, b = self._person(film.cast[0]), self._person(film.cast[2])
        w.say(
            f"{a} and {b} are set to star in “{title}”, the new feature from {director}.",
            {"type": "credit", "film": title, "person": a, "role": "cast"},
            {"type": "credit", "film": title, "person": b, "role": "cast"},
            self._director_facts(film, title, director),
        )
        for role, template in self.rng.sample(list(ROLES_SENT.items()), self.rng.randint(1, 3)):
            person = self._person(self.rng.randrange(len(self.pools.people)))
            company = self.pools.company(self.rng)
            c_name = self._company(company)
            sentence = template.format(p=person, c=c_name)
            sentence = sentence[0].upper() + sentence[1:] + "."
            w.say(sentence, {"type": "credit", "film": title, "person": person, "role": role})
        return f"{a} to star in '{title}'"

    def _exec_move(self, w: _Writer, year: int) -> str:
        person = self.rng.randrange(len(self.pools.people))
        name = self._person(person)
        company, previous = self.pools.company(self.rng), self.pools.company(self.rng)
        c_name, p_name = self._company(company), self._company(previous)
        title = self.rng.choice(TITLES)
        w.say(
            f"{company.city}-based {c_name} has appointed {name} as {title}.",
            {"type": "position", "person": name, "company": c_name, "title": title},
            {"type": "based_in", "company": c_name, "place": company.city},
        )
        surname = self.pools.people[person].name.split(" ", 1)[1]
        w.say(
            f"{surname} was previously at {p_name}, where the slate included “{self.pools.film(self.rng).title}”."
        )
        return f"{c_name} appoints {name}"

    def _award(self, w: _Writer, year: int) -> str:
        festival_name, variants, _ = self.rng.choice([f for f in FESTIVALS if f[0] in AWARDS])
        written = self.rng.choice(variants) if self.rng.random() < 0.4 else festival_name
        award = self.rng.choice(AWARDS[festival_name])
        film = self.pools.film(self.rng)
        title, director = self._title(film), self._person(film.director)
        w.say(
            f"{director}'s “{title}” won the {award} at the {year} {written}.",
            {
                "type": "award",
                "subject": title,
                "award": award,
                "outcome": "won",
                "festival": written,
                "year": year,
            },
            {"type": "selection", "film": title, "festival": written, "year": year},
            self._director_facts(film, title, director),
        )
        actor = self._person(film.cast[0])
        w.say(
            f"{actor} was named best actor.",
            {
                "type": "award",
                "subject": actor,
                "award": "Best Actor",
                "outcome": "won",
                "festival": written,
                "film": title,
                "year": year,
            },
        )
        return f"'{title}' wins {award}"


def generate(count: int, seed: int = 0, **pool_sizes: int) -> list[SyntheticArticle]:
    """``count`` articles for ``seed`` (see ``Generator`` for the pool sizes)."""
    return list(Generator(seed, **pool_sizes).articles(count))


class GoldExtractor:
    """An extractor that knows the answers: returns the generated facts of each article
    (looked up by article id), so a benchmark times resolve + store alone."""

    def __init__(self, items: Iterable[SyntheticArticle] = ()) -> None:
        self.facts: dict[str, list[Fact]] = {}
        self.add(items)

    def add(self, items: Iterable[SyntheticArticle]) -> None:
        for item in items:
            self.facts[item.article.id] = item.facts

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        for article in articles:
            yield Extraction(article, list(self.facts.pop(article.id, [])))

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))
