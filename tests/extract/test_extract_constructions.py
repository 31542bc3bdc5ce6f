"""One invented sentence or mini-article per construction family of trade-press prose, each
with the exact facts it should give (type and fields; evidence and confidence are checked by
the seed and dev-set tests).  A family the extractor does not handle yet gets the mark
``pytest.mark.xfail(strict=True, reason=...)`` saying what is missing, so it shows in the report
and flips when fixed; none is marked now."""

from __future__ import annotations

import pytest
from extract_helpers import canon, evidence_problems, plain

from reelgraph.model import Article

BERLIN = "Berlin International Film Festival"
CANNES = "Cannes Film Festival"
VENICE = "Venice International Film Festival"


def credit(film, person, role, **more):
    return {"type": "credit", "film": film, "person": person, "role": role, **more}


def deal(film, company, territory, rights, **more):
    return {
        "type": "deal",
        "film": film,
        "company": company,
        "territory": territory,
        "rights": rights,
        **more,
    }


def award(subject, name, **more):
    return {"type": "award", "subject": subject, "award": name, "outcome": "won", **more}


# (id, text, article date or None, expected facts[, marks])
CASES = [
    (
        "possessive-director",
        'Marta Kovalenko\'s "The Salt Hours" had its first screening on Monday.',
        None,
        [credit("The Salt Hours", "Marta Kovalenko", "director")],
        (),
    ),
    (
        "latest-feature-from-director",
        '"Winter Orchard" is the latest feature from director Tomas Brevik.',
        None,
        [credit("Winter Orchard", "Tomas Brevik", "director")],
        (),
    ),
    (
        "helmer",
        'Helmer Ilse Marquardt is back with "The Glass Ferry."',
        None,
        [credit("The Glass Ferry", "Ilse Marquardt", "director")],
    ),
    (
        "co-written-by",
        '"Northern Lanterns" was co-written by Pavel Drozdov and Anika Sørlie.',
        None,
        [
            credit("Northern Lanterns", "Pavel Drozdov", "writer"),
            credit("Northern Lanterns", "Anika Sørlie", "writer"),
        ],
    ),
    (
        "produced-by-list",
        '"Northern Lanterns" is produced by Ola Tveit, Hanne Berg and Jonas Lie.',
        None,
        [
            credit("Northern Lanterns", "Ola Tveit", "producer"),
            credit("Northern Lanterns", "Hanne Berg", "producer"),
            credit("Northern Lanterns", "Jonas Lie", "producer"),
        ],
    ),
    (
        "stars-as-character",
        '"Copper Sky" stars Lena Varga as Ilona.',
        None,
        [credit("Copper Sky", "Lena Varga", "cast", character="Ilona")],
        (),
    ),
    (
        "seen-in-possessive-title",
        'Lena Varga, seen in Tomas Brevik\'s "Winter Orchard," plays the mother.',
        None,
        [
            credit("Winter Orchard", "Tomas Brevik", "director"),
            credit("Winter Orchard", "Lena Varga", "cast"),
        ],
        (),
    ),
    (
        "toplines",
        'Dana Whitlock toplines "Harbor Lights," the new thriller from Ray Okafor.',
        None,
        [credit("Harbor Lights", "Dana Whitlock", "cast"), credit("Harbor Lights", "Ray Okafor", "director")],
    ),
    (
        "boards-as-producer",
        'Sam Okonjo boards "Harbor Lights" as producer.',
        None,
        [credit("Harbor Lights", "Sam Okonjo", "producer")],
        (),
    ),
    (
        "joins-the-cast-of",
        'Priya Raman joins the cast of "Harbor Lights."',
        None,
        [credit("Harbor Lights", "Priya Raman", "cast")],
        (),
    ),
    (
        "city-based-company",
        "Berlin-based Lindenfilm Sales was founded in 2009.",
        None,
        [{"type": "based_in", "company": "Lindenfilm Sales", "place": "Berlin"}],
        (),
    ),
    (
        "country-possessive-company",
        "Germany's Lindenfilm Sales was founded in 2009.",
        None,
        [{"type": "based_in", "company": "Lindenfilm Sales", "place": "Germany"}],
    ),
    (
        "ceo-of-company",
        '"We are delighted," said Karin Holt, CEO of Lindenfilm Sales.',
        None,
        [{"type": "position", "person": "Karin Holt", "company": "Lindenfilm Sales", "title": "CEO"}],
        (),
    ),
    (
        "company-s-head-of-acquisitions-plural-possessive",
        "Lindenfilm Sales' head of acquisitions Marius Feld led the deal.",
        None,
        [
            {
                "type": "position",
                "person": "Marius Feld",
                "company": "Lindenfilm Sales",
                "title": "head of acquisitions",
            }
        ],
        (),
    ),
    (
        "company-s-head-of-acquisitions",
        "Lindenfilm's head of acquisitions Marius Feld led the deal.",
        None,
        [
            {
                "type": "position",
                "person": "Marius Feld",
                "company": "Lindenfilm",
                "title": "head of acquisitions",
            }
        ],
    ),
    (
        "year-possessive-title",
        'The director follows up 1985\'s "Iron Meridian."',
        None,
        [{"type": "film_year", "film": "Iron Meridian", "year": 1985}],
        (),
    ),
    (
        "year-star-genre-title",
        'Kovalenko first worked on the 1989 Brannigan comedy "Tango Express."',
        None,
        [
            credit("Tango Express", "Brannigan", "cast"),
            {"type": "film_year", "film": "Tango Express", "year": 1989},
        ],
        (),
    ),
    (
        "edition-and-year",
        '"Copper Sky" will compete at 2020’s 77th Venice Intl. Film Festival.',
        None,
        [{"type": "selection", "film": "Copper Sky", "festival": VENICE, "year": 2020, "edition": 77}],
        (),
    ),
    (
        "un-certain-regard",
        '"Copper Sky" has been selected for Cannes\' Un Certain Regard section.',
        None,
        [{"type": "selection", "film": "Copper Sky", "festival": CANNES, "section": "Un Certain Regard"}],
        (),
    ),
    (
        "world-premiere",
        '"Copper Sky" will have its world premiere at the Cannes Film Festival.',
        "2021-04-15",
        [
            {
                "type": "selection",
                "film": "Copper Sky",
                "festival": CANNES,
                "year": 2021,
                "premiere": "world premiere",
            }
        ],
        (),
    ),
    (
        "snapped-up-for-world-sales",
        '"Copper Sky," directed by Marta Kovalenko, has been snapped up for world sales by Lindenfilm Sales.',
        None,
        [
            credit("Copper Sky", "Marta Kovalenko", "director"),
            deal("Copper Sky", "Lindenfilm Sales", "worldwide", "sales"),
        ],
        (),
    ),
    (
        "acquired-north-american-rights",
        'Greyline Pictures has acquired North American rights to "Copper Sky."',
        None,
        [deal("Copper Sky", "Greyline Pictures", "North America", "distribution")],
    ),
    (
        "sold-to-territories-with-buyers",
        'Lindenfilm Sales has sold "Copper Sky" to Spain (Filmin), Germany and Austria (Rapid Eye Movies).',
        None,
        [
            deal("Copper Sky", "Filmin", "Spain", "distribution", seller="Lindenfilm Sales"),
            deal("Copper Sky", "Lindenfilm Sales", "worldwide", "sales"),
            deal("Copper Sky", "Rapid Eye Movies", "Germany", "distribution", seller="Lindenfilm Sales"),
            deal("Copper Sky", "Rapid Eye Movies", "Austria", "distribution", seller="Lindenfilm Sales"),
        ],
        (),
    ),
    (
        "worldwide-rights-outside-italy",
        'Lindenfilm Sales has acquired worldwide rights outside Italy to "Copper Sky."',
        None,
        [deal("Copper Sky", "Lindenfilm Sales", "worldwide", "sales")],
    ),
    (
        "won-the-golden-bear",
        '"Copper Sky" won the Golden Bear at the Berlin International Film Festival.',
        None,
        [award("Copper Sky", "Golden Bear", film="Copper Sky", festival=BERLIN)],
        (),
    ),
    (
        "won-the-golden-bear-in-year",
        '"Copper Sky" won the Golden Bear at the Berlin International Film Festival in 2021.',
        None,
        [award("Copper Sky", "Golden Bear", film="Copper Sky", festival=BERLIN, year=2021)],
    ),
    (
        "oscar-winning-person",
        'Oscar-winning director Marta Kovalenko is back with "Copper Sky."',
        None,
        [credit("Copper Sky", "Marta Kovalenko", "director"), award("Marta Kovalenko", "Oscar")],
    ),
    (
        "line-broken-lineup",
        "The Berlin International Film Festival unveiled its lineup on Thursday.\n\n"
        "Competition\n"
        "Copper Sky, Marta Kovalenko (Poland)\n"
        "Winter Orchard, Tomas Brevik (Norway)\n",
        "2022-02-10",
        [
            {
                "type": "selection",
                "film": "Copper Sky",
                "festival": BERLIN,
                "year": 2022,
                "section": "Competition",
            },
            credit("Copper Sky", "Marta Kovalenko", "director"),
            {
                "type": "selection",
                "film": "Winter Orchard",
                "festival": BERLIN,
                "year": 2022,
                "section": "Competition",
            },
            credit("Winter Orchard", "Tomas Brevik", "director"),
        ],
        (),
    ),
    (
        "winners-colon-lines",
        "The Berlin International Film Festival handed out its prizes on Saturday.\n\n"
        "Golden Bear: Copper Sky, Marta Kovalenko\n"
        "Silver Bear Grand Jury Prize: Winter Orchard, Tomas Brevik\n",
        "2022-02-20",
        [
            award("Copper Sky", "Golden Bear", film="Copper Sky", festival=BERLIN, year=2022),
            credit("Copper Sky", "Marta Kovalenko", "director"),
            award(
                "Winter Orchard",
                "Silver Bear Grand Jury Prize",
                film="Winter Orchard",
                festival=BERLIN,
                year=2022,
            ),
            credit("Winter Orchard", "Tomas Brevik", "director"),
        ],
    ),
    (
        "title-case-title-without-quotes",
        "Ruben Brandt's The Glass Orchard opens the festival.",
        None,
        [credit("The Glass Orchard", "Ruben Brandt", "director")],
        (),
    ),
    (
        "title-case-title-boarded-for-sales",
        "Lindenfilm Sales has boarded Ruben Brandt's The Glass Orchard for international sales.",
        None,
        [
            credit("The Glass Orchard", "Ruben Brandt", "director"),
            deal("The Glass Orchard", "Lindenfilm Sales", "worldwide", "sales"),
        ],
    ),
    (
        "trap-rumoured-deal",
        'Greyline Pictures is in talks to acquire North American rights to "Copper Sky."',
        None,
        [],
        (),
    ),
    (
        "trap-told-publication",
        '"It is a great film," Karin Holt told Variety.',
        None,
        [],
        (),
    ),
    (
        "prose-territory-round-up",
        'Lindenfilm Sales has closed deals on "Copper Sky." Germany went to Neue Visionen, while Bodega Films '
        "took France and Wanted Cinema bought Italy.",
        None,
        [
            deal("Copper Sky", "Neue Visionen", "Germany", "distribution"),
            deal("Copper Sky", "Bodega Films", "France", "distribution"),
            deal("Copper Sky", "Wanted Cinema", "Italy", "distribution"),
        ],
    ),
    (
        "review-credits-block",
        "Review: Copper Sky\n\nA quiet, precise drama.\n\nDirector: Marta Kovalenko\n\n"
        "Screenplay: Marta Kovalenko, Pavel Drozdov\n\nMain cast: Lena Ford, Tom Becker\n\n"
        "International sales: Lindenfilm Sales",
        None,
        [
            credit("Copper Sky", "Marta Kovalenko", "director"),
            credit("Copper Sky", "Marta Kovalenko", "writer"),
            credit("Copper Sky", "Pavel Drozdov", "writer"),
            credit("Copper Sky", "Lena Ford", "cast"),
            credit("Copper Sky", "Tom Becker", "cast"),
            deal("Copper Sky", "Lindenfilm Sales", "worldwide", "sales"),
        ],
    ),
    (
        "prize-heading-with-nominees",
        "Film Awards 2025: the nominations\n\nBEST FILM\n"
        "Nominees: Copper Sky (Marta Kovalenko); Winter Orchard (Tomas Brevik)",
        "2025-01-20",
        [
            credit("Copper Sky", "Marta Kovalenko", "director"),
            credit("Winter Orchard", "Tomas Brevik", "director"),
            {"type": "award", "subject": "Copper Sky", "award": "BEST FILM", "outcome": "nominated", "film": "Copper Sky"},
            {"type": "award", "subject": "Winter Orchard", "award": "BEST FILM", "outcome": "nominated",
             "film": "Winter Orchard"},
        ],
    ),
    (
        "pipe-table-line-up",
        "Venice unveils its competition line-up.\n\nVENICE COMPETITION\nTitle | Director | Country\n"
        "Copper Sky | Marta Kovalenko | Ukraine\nWinter Orchard | Tomas Brevik | Norway",
        "2025-07-22",
        [
            {"type": "selection", "film": "Copper Sky", "festival": VENICE, "year": 2025, "section": "VENICE COMPETITION"},
            {"type": "selection", "film": "Winter Orchard", "festival": VENICE, "year": 2025,
             "section": "VENICE COMPETITION"},
            credit("Copper Sky", "Marta Kovalenko", "director"),
            credit("Winter Orchard", "Tomas Brevik", "director"),
        ],
    ),
    (
        "promoted-in-a-relative-clause",
        "Paris-based sales company Lumen Rouge has named Odile Marchal as its new CEO. Marchal will be joined "
        "by Gaelle Fontaine, who has been promoted to COO.",
        None,
        [
            {"type": "position", "person": "Odile Marchal", "company": "Lumen Rouge", "title": "CEO"},
            {"type": "position", "person": "Gaelle Fontaine", "company": "Lumen Rouge", "title": "COO"},
            {"type": "based_in", "company": "Lumen Rouge", "place": "Paris"},
        ],
    ),
    (
        "it-won-the-prize",
        'Netflix has acquired "Copper Sky," days after it won the Golden Bear at the Berlin International Film Festival.',
        "2024-02-26",
        [
            {"type": "deal", "film": "Copper Sky", "company": "Netflix", "rights": "distribution"},  # no territory stated
            award("Copper Sky", "Golden Bear", film="Copper Sky", festival=BERLIN, year=2024),
        ],
    ),
    # Encyclopedic and profile prose (the shape of Wikipedia leads and of profiles in the trades)
    (
        "encyclopedic-opening-with-punctuation",
        "Who Sings for the Ferryman? is a 1987 Danish drama film directed by Kirsten Vold. The screenplay was "
        "written by Jens Aaberg. It stars Maja Tofte, Henrik Lund and Ole Brask.",
        None,
        [
            credit("Who Sings for the Ferryman?", "Kirsten Vold", "director"),
            credit("Who Sings for the Ferryman?", "Jens Aaberg", "writer"),
            credit("Who Sings for the Ferryman?", "Maja Tofte", "cast"),
            credit("Who Sings for the Ferryman?", "Henrik Lund", "cast"),
            credit("Who Sings for the Ferryman?", "Ole Brask", "cast"),
            {"type": "film_year", "film": "Who Sings for the Ferryman?", "year": 1987},
        ],
    ),
    (
        "profile-characters-played-in-titles",
        "Petra Lindqvist (born 4 May 1970) is a Swedish actress. She is known for roles including Agnes Holm in "
        "Harbour Nights, Greta Berg in The Quiet Summer and Sonja in Red Pines.",
        None,
        [
            credit("Harbour Nights", "Petra Lindqvist", "cast"),
            credit("The Quiet Summer", "Petra Lindqvist", "cast"),
            credit("Red Pines", "Petra Lindqvist", "cast"),
        ],
    ),
    (
        "episode-guest-cast-is-series-cast",
        '"The Lantern Keeper" is the fourth episode of the second season of the drama series Northbound. The '
        "episode was written by Tove Arvidsson and directed by Lars Engqvist. The episode featured guest "
        "performances by Nils Ahlgren and Ebba Strand.",
        None,
        [
            credit("The Lantern Keeper", "Tove Arvidsson", "writer"),
            credit("The Lantern Keeper", "Lars Engqvist", "director"),
            credit("The Lantern Keeper", "Nils Ahlgren", "cast"),
            credit("The Lantern Keeper", "Ebba Strand", "cast"),
            credit("Northbound", "Nils Ahlgren", "cast"),
            credit("Northbound", "Ebba Strand", "cast"),
        ],
    ),
    (
        "sentence-case-foreign-title",
        "Lo sguardo di Ada (The Gaze of Ada) is the third feature from Italian director Paolo Renzi.",
        None,
        [credit("Lo sguardo di Ada", "Paolo Renzi", "director")],
    ),
    # List layouts
    (
        "dash-lines-take-the-article-layout",
        "Forum line-up revealed\n\nForum highlights:\n• Quiet Machines – Hanna Toivonen (Finland)\n"
        "• The Ninth Window – Oskar Rautio (Finland/Estonia)\n• A Map of Small Lakes – Ines Vallin (Portugal)\n",
        None,
        [
            credit("Quiet Machines", "Hanna Toivonen", "director"),
            credit("The Ninth Window", "Oskar Rautio", "director"),
            credit("A Map of Small Lakes", "Ines Vallin", "director"),
        ],
    ),
    (
        "nominees-under-a-prize-heading",
        "Nordic Film Awards: 'Cold Harbour' leads nominations\n\nNominations in the main categories:\n\n"
        "Best Actress\nLiv Aasen – Cold Harbour\nMia Kallio – Birch Road\n",
        None,
        [
            credit("Cold Harbour", "Liv Aasen", "cast"),
            credit("Birch Road", "Mia Kallio", "cast"),
            {"type": "award", "subject": "Liv Aasen", "award": "Best Actress", "outcome": "nominated", "film": "Cold Harbour"},
            {"type": "award", "subject": "Mia Kallio", "award": "Best Actress", "outcome": "nominated", "film": "Birch Road"},
        ],
    ),
    # Deals, people and other titles
    (
        "round-up-after-closed-with",
        "Charades has pre-sold the thriller The Lantern Men to several territories. The company has closed with Spain "
        "(Vertigo Norte) and Poland (Kino Wisla).",
        None,
        [
            deal("The Lantern Men", "Charades", "worldwide", "sales"),
            deal("The Lantern Men", "Vertigo Norte", "Spain", "distribution", seller="Charades"),
            deal("The Lantern Men", "Kino Wisla", "Poland", "distribution", seller="Charades"),
        ],
    ),
    (
        "former-job-and-the-based-company",
        "Westgate Films has named Clara Moreau as head of sales. Moreau joins the Paris-based company from "
        "Lumen Rouge, where she was head of festivals.",
        None,
        [
            {"type": "position", "person": "Clara Moreau", "company": "Westgate Films", "title": "head of sales"},
            {"type": "position", "person": "Clara Moreau", "company": "Lumen Rouge", "title": "head of festivals"},
            {"type": "based_in", "company": "Westgate Films", "place": "Paris"},
        ],
    ),
    (
        "known-for-title-and-a-novel-are-not-the-film",
        'Films Boutique has snapped up world sales on "Winter Vineyard," the second feature from Georgian director '
        'Salome Gelashvili. The drama stars Ketevan Mdivani ("The Glass Stairwell") as Manana, a winemaker. '
        'Gelashvili co-wrote the screenplay with Eka Japaridze, adapting her 2017 novel "The Last Harvest."',
        None,
        [
            deal("Winter Vineyard", "Films Boutique", "worldwide", "sales"),
            credit("Winter Vineyard", "Salome Gelashvili", "director"),
            credit("Winter Vineyard", "Ketevan Mdivani", "cast", character="Manana"),
            credit("The Glass Stairwell", "Ketevan Mdivani", "cast"),
            credit("Winter Vineyard", "Salome Gelashvili", "writer"),
            credit("Winter Vineyard", "Eka Japaridze", "writer"),
        ],
    ),
    (
        "deals-inked-on-board-released-by",
        "Meridian Rock, which handles world sales, has pre-sold the thriller Driftwood Hymn to several territories. "
        "Further deals have been inked with Benelux (Cineart) and Japan (Gaga). Filmcoopi is on board for "
        "Switzerland. In Lithuania, the film will be released by Vilnius-based Kino Pasaka.",
        None,
        [
            deal("Driftwood Hymn", "Meridian Rock", "worldwide", "sales"),
            deal("Driftwood Hymn", "Cineart", "Benelux", "distribution", seller="Meridian Rock"),
            deal("Driftwood Hymn", "Gaga", "Japan", "distribution", seller="Meridian Rock"),
            deal("Driftwood Hymn", "Filmcoopi", "Switzerland", "distribution", seller="Meridian Rock"),
            deal("Driftwood Hymn", "Kino Pasaka", "Lithuania", "distribution", seller="Meridian Rock"),
            {"type": "based_in", "company": "Kino Pasaka", "place": "Vilnius"},
        ],
    ),
    (
        "which-acquired-for-and-release-it-in",
        'Last year\'s Platform Prize went to the Ukrainian drama "The Lindens of Lviv," which Mubi later acquired '
        'for North America. CJ ENM, which financed "Iron Tide," will release it in Korean cinemas in August.',
        None,
        [
            deal("The Lindens of Lviv", "Mubi", "North America", "distribution"),
            award("The Lindens of Lviv", "Platform Prize", film="The Lindens of Lviv"),
            deal("Iron Tide", "CJ ENM", "South Korea", "distribution"),
        ],
    ),
    (
        "prose-prize-results",
        "SAN SEBASTIAN, 27 September 2025 - At the San Sebastian International Film Festival, the Silver Shell for "
        "best director went to Ana Lopes for \"Salt Wind,\" while Jonas Berg won best actor. Berg earned a best actor "
        "nomination at the European Film Awards for \"North Road.\"",
        None,
        [
            award("Ana Lopes", "Silver Shell for best director", festival="San Sebastian International Film Festival", year=2025),
            award("Jonas Berg", "best actor", festival="San Sebastian International Film Festival", year=2025),
            {"type": "award", "subject": "Jonas Berg", "award": "best actor", "outcome": "nominated",
             "festival": "San Sebastian International Film Festival", "year": 2025},
            credit("North Road", "Jonas Berg", "cast"),
        ],
    ),
    (
        "former-and-long-positions",
        "Studiocanal has promoted Ingrid Berg to executive vice president of international distribution. Ana Ruiz, "
        "co-founder of Barcelona-based Lumen Films, will produce. Former Netflix executive Dana Cole has joined Mubi. "
        "Sara Lind previously worked at Dogwoof.",
        None,
        [
            {"type": "position", "person": "Ingrid Berg", "company": "Studiocanal",
             "title": "executive vice president of international distribution"},
            {"type": "position", "person": "Ana Ruiz", "company": "Lumen Films", "title": "co-founder"},
            {"type": "based_in", "company": "Lumen Films", "place": "Barcelona"},
            {"type": "position", "person": "Dana Cole", "company": "Netflix"},
            {"type": "position", "person": "Dana Cole", "company": "Mubi"},
            {"type": "position", "person": "Sara Lind", "company": "Dogwoof"},
        ],
    ),
    (
        "the-film-selected-and-a-festival-tour",
        'VENICE, 20 July 2025 - "Salt Wind" will have its world premiere in the Orizzonti section of the 82nd Venice '
        "International Film Festival. The film is one of 19 titles selected for the main competition of the "
        'Berlinale. "North Road" premiered at Sundance and played the Panorama at Berlin.',
        "2025-07-20",
        [
            {"type": "selection", "film": "Salt Wind", "festival": VENICE, "year": 2025, "section": "Orizzonti",
             "premiere": "world premiere", "edition": 82},
            {"type": "selection", "film": "Salt Wind", "festival": BERLIN, "year": 2026, "section": "main competition"},
            {"type": "selection", "film": "North Road", "festival": "Sundance Film Festival", "year": 2025},
            {"type": "selection", "film": "North Road", "festival": BERLIN, "year": 2025, "section": "Panorama"},
        ],
    ),
    (
        "crew-sentences",
        '"Salt Wind" is written and directed by Ana Lopes. Director of photography is Leonor Antunes; the editor is '
        "Sofia Dias. Executive producers are Paulo Branco and Ana Matos. Music is by Bruno Pernadas.",
        None,
        [
            credit("Salt Wind", "Ana Lopes", "writer"),
            credit("Salt Wind", "Ana Lopes", "director"),
            credit("Salt Wind", "Leonor Antunes", "cinematographer"),
            credit("Salt Wind", "Sofia Dias", "editor"),
            credit("Salt Wind", "Paulo Branco", "executive_producer"),
            credit("Salt Wind", "Ana Matos", "executive_producer"),
            credit("Salt Wind", "Bruno Pernadas", "composer"),
        ],
    ),
    (
        "selling-struck-in-and-theaters",
        'The Match Factory is selling "Salt Wind" internationally. Distribution deals were struck in France (Le Pacte) '
        'and Spain (Avalon). Bac Films will release "Salt Wind" in French theaters in March.',
        None,
        [
            deal("Salt Wind", "The Match Factory", "worldwide", "sales"),
            deal("Salt Wind", "Le Pacte", "France", "distribution", seller="The Match Factory"),
            deal("Salt Wind", "Avalon", "Spain", "distribution", seller="The Match Factory"),
            deal("Salt Wind", "Bac Films", "France", "distribution", seller="The Match Factory"),
        ],
    ),
    (
        "prize-names-and-winner-of",
        'The Silver Bear Grand Jury Prize was given to "North Road." The Encounters award for best film went to '
        '"Blue Lake." Winner of the audience award was "Cold Stream."',
        None,
        [
            award("North Road", "Silver Bear Grand Jury Prize", film="North Road"),
            award("Blue Lake", "Encounters award for best film", film="Blue Lake"),
            award("Cold Stream", "audience award", film="Cold Stream"),
        ],
    ),
    (
        "years-at-sentence-start",
        'Her 2019 debut "Salt Wind" was a hit. The 2022 drama "Blue Lake" is her second feature.',
        None,
        [
            {"type": "film_year", "film": "Salt Wind", "year": 2019},
            {"type": "film_year", "film": "Blue Lake", "year": 2022},
        ],
    ),
    (
        "lineup-heading-and-screen-title-by",
        "Cannes Film Festival 2026: Competition Line-Up\n\nCANNES, 10 April 2026 - The Cannes Film Festival has unveiled "
        "its competition.\n\nSalt Wind, Ana Lopes (Portugal)\nNorth Road, Jonas Berg (Sweden)\n\nOut of competition, "
        "the festival will screen Iron Sea by Pedro Costa.\n",
        None,
        [
            {"type": "selection", "film": "Salt Wind", "festival": CANNES, "year": 2026, "section": "Competition"},
            {"type": "selection", "film": "North Road", "festival": CANNES, "year": 2026, "section": "Competition"},
            {"type": "selection", "film": "Iron Sea", "festival": CANNES, "year": 2026, "section": "out of competition"},
            credit("Salt Wind", "Ana Lopes", "director"),
            credit("North Road", "Jonas Berg", "director"),
            credit("Iron Sea", "Pedro Costa", "director"),
        ],
    ),
    (
        "lineup-lines-in-prose-order",
        "Berlinale Panorama 2026 line-up\n\nBERLIN, 15 January 2026 - The Berlinale has announced its Panorama titles.\n\n"
        "Salt Wind (Ana Lopes, Portugal)\nTom Hale's Red Pines (UK)\nCold Stream by Clara Neves (Brazil)\n",
        None,
        [
            {"type": "selection", "film": "Salt Wind", "festival": BERLIN, "year": 2026, "section": "Panorama"},
            {"type": "selection", "film": "Red Pines", "festival": BERLIN, "year": 2026, "section": "Panorama"},
            {"type": "selection", "film": "Cold Stream", "festival": BERLIN, "year": 2026, "section": "Panorama"},
            credit("Salt Wind", "Ana Lopes", "director"),
            credit("Red Pines", "Tom Hale", "director"),
            credit("Cold Stream", "Clara Neves", "director"),
        ],
    ),
    (
        "home-cities-named-as-names",
        "The film is produced by Lisbon outfit Rio Filmes. Sales are handled by Paris-headquartered Wild Bunch. "
        "The film was co-produced with Stockholm's Garagefilm.",
        None,
        [
            {"type": "based_in", "company": "Rio Filmes", "place": "Lisbon"},
            {"type": "based_in", "company": "Wild Bunch", "place": "Paris"},
            {"type": "based_in", "company": "Garagefilm", "place": "Stockholm"},
        ],
    ),
    (
        "speakers-and-heads",
        'Said Anna Berg, head of acquisitions at Mubi: "It is a great film." Tom Hale, who heads international sales '
        "at The Match Factory, said the film had sold well. Helene Dupuis has been appointed managing director of mk2 films.",
        None,
        [
            {"type": "position", "person": "Anna Berg", "company": "Mubi", "title": "head of acquisitions"},
            {"type": "position", "person": "Tom Hale", "company": "The Match Factory", "title": "head of international sales"},
            {"type": "position", "person": "Helene Dupuis", "company": "mk2 films", "title": "managing director"},
        ],
    ),
    (
        "past-editions-by-tense",
        '"North Road" opened the Berlinale in February. The documentary "Iron Sea" made its debut at CPH:DOX.',
        "2025-09-01",
        [
            {"type": "selection", "film": "North Road", "festival": BERLIN, "year": 2025},
            {"type": "selection", "film": "Iron Sea", "festival": "CPH:DOX", "year": 2025},
        ],
    ),
    (
        "crew-after-an-earlier-work",
        'Directed by Ana Lopes, "Salt Wind" stars Clara Neves. Lopes, who also wrote the script, previously made '
        '"Iron Sea." The film was shot by Leonor Antunes. Neves, best known for "Blue Lake," plays a fisherwoman. '
        "Swedish composer Jonas Berg wrote the score.",
        None,
        [
            credit("Salt Wind", "Ana Lopes", "director"),
            credit("Salt Wind", "Clara Neves", "cast"),
            credit("Salt Wind", "Ana Lopes", "writer"),
            credit("Salt Wind", "Leonor Antunes", "cinematographer"),
            credit("Blue Lake", "Clara Neves", "cast"),
            credit("Salt Wind", "Jonas Berg", "composer"),
        ],
    ),
    (
        "earlier-title-is-the-film",
        'Neon will distribute "The Long Thaw" in the U.S. The film, previously titled "Creek Country," stars '
        "Ava Lind as Ruth, a rancher.",
        None,
        [
            credit("The Long Thaw", "Ava Lind", "cast", character="Ruth"),
            deal("The Long Thaw", "Neon", "United States", "distribution"),
        ],
    ),
    (
        "nominations-category-headings",
        "Nordic Screen Awards: 'Pale Harbour' Leads Nominations With Four\n\n"
        "NORDIC FILM\n"
        '"Pale Harbour" (Ebba Lindqvist, Sweden/U.K.)\n'
        '"Winter Nets" (Arne Solheim, Norway)\n\n'
        "NORDIC SCREENWRITER\n"
        'Ebba Lindqvist and Jonas Falk – "Pale Harbour"\n\n'
        "NORDIC ACTRESS\n"
        'Sanna Virta – "Winter Nets"\n',
        None,
        [
            credit("Pale Harbour", "Ebba Lindqvist", "director"),
            credit("Winter Nets", "Arne Solheim", "director"),
            credit("Pale Harbour", "Ebba Lindqvist", "writer"),
            credit("Pale Harbour", "Jonas Falk", "writer"),
            credit("Winter Nets", "Sanna Virta", "cast"),
            award("Pale Harbour", "NORDIC FILM", outcome="nominated", film="Pale Harbour"),
            award("Winter Nets", "NORDIC FILM", outcome="nominated", film="Winter Nets"),
            award("Ebba Lindqvist", "NORDIC SCREENWRITER", outcome="nominated", film="Pale Harbour"),
            award("Jonas Falk", "NORDIC SCREENWRITER", outcome="nominated", film="Pale Harbour"),
            award("Sanna Virta", "NORDIC ACTRESS", outcome="nominated", film="Winter Nets"),
        ],
    ),
    (
        "academy-winners-colon-list",
        "Tagus Awards 2026: 'Casa Vazia' sweeps Portuguese Academy's prizes\n\n"
        "The other best film nominees were Maré Alta, O Farol and Cinzas.\n"
        "Singer-songwriter Rita Lobo won best original score for Cinzas, her first film work.\n\n"
        "The winners:\n\n"
        "Best film: Casa Vazia\n"
        "Best original screenplay: Inês Vaz and Tomás Reis, Casa Vazia\n"
        "Best foreign film: Das kalte Licht (Germany)\n",
        None,
        [
            award("Maré Alta", "best film", outcome="nominated", film="Maré Alta"),
            award("O Farol", "best film", outcome="nominated", film="O Farol"),
            award("Cinzas", "best film", outcome="nominated", film="Cinzas"),
            award("Rita Lobo", "best original score"),
            credit("Cinzas", "Rita Lobo", "composer"),
            award("Casa Vazia", "Best film", film="Casa Vazia"),
            award("Inês Vaz", "Best original screenplay", film="Casa Vazia"),
            award("Tomás Reis", "Best original screenplay", film="Casa Vazia"),
            credit("Casa Vazia", "Inês Vaz", "writer"),
            credit("Casa Vazia", "Tomás Reis", "writer"),
            award("Das kalte Licht", "Best foreign film", film="Das kalte Licht"),
        ],
    ),
    (
        "prose-winners-sections-and-foreign-titles",
        "Tomás Reis' Vento Norte won the Golden Leopard at the Locarno Film Festival on Saturday. It world premiered "
        "in the Concorso internazionale on Tuesday and is sold by Paris-based Best Friend Forever. The Special Jury "
        "Prize went to Swiss director Anna Keller's 'Still wie Schnee'. Iranian director Sara Tehrani was named best "
        "director for Night Train to the Salt Lake. Ghanaian actor Kofi Mensah plays a driver in Ama Boateng's "
        "The Fishers' Song.",
        None,
        [
            credit("Vento Norte", "Tomás Reis", "director"),
            award("Vento Norte", "Golden Leopard", film="Vento Norte", festival="Locarno Film Festival"),
            deal("Vento Norte", "Best Friend Forever", "worldwide", "sales"),
            {"type": "based_in", "company": "Best Friend Forever", "place": "Paris"},
            {"type": "selection", "film": "Vento Norte", "festival": "Locarno Film Festival",
             "section": "Concorso internazionale"},
            credit("Still wie Schnee", "Anna Keller", "director"),
            award("Still wie Schnee", "Special Jury Prize", film="Still wie Schnee", festival="Locarno Film Festival"),
            credit("Night Train to the Salt Lake", "Sara Tehrani", "director"),
            award("Sara Tehrani", "best director", festival="Locarno Film Festival"),
            credit("The Fishers' Song", "Ama Boateng", "director"),
            credit("The Fishers' Song", "Kofi Mensah", "cast"),
        ],
    ),
    (
        "roundup-the-company-closed-territories",
        "Lisbon-based Sete Mares has pre-sold Ana Duarte's The Salt Ledger to several territories. The company, "
        "which is handling worldwide sales, has closed the UK and Ireland (Vertigo Releasing), Italy (Lucky Red) "
        "and Scandinavia (Scanbox). Elsewhere, Mirror Sales has sold Tom Hale's Red Pines to Spain (Filmin). "
        "Vienna's Filmladen will release it in Austria.",
        None,
        [
            credit("The Salt Ledger", "Ana Duarte", "director"),
            {"type": "based_in", "company": "Sete Mares", "place": "Lisbon"},
            deal("The Salt Ledger", "Sete Mares", "worldwide", "sales"),
            deal("The Salt Ledger", "Vertigo Releasing", "United Kingdom", "distribution", seller="Sete Mares"),
            deal("The Salt Ledger", "Vertigo Releasing", "Ireland", "distribution", seller="Sete Mares"),
            deal("The Salt Ledger", "Lucky Red", "Italy", "distribution", seller="Sete Mares"),
            deal("The Salt Ledger", "Scanbox", "Scandinavia", "distribution", seller="Sete Mares"),
            credit("Red Pines", "Tom Hale", "director"),
            deal("Red Pines", "Filmin", "Spain", "distribution", seller="Mirror Sales"),
            deal("Red Pines", "Filmladen", "Austria", "distribution"),
            {"type": "based_in", "company": "Filmladen", "place": "Vienna"},
        ],
    ),
    (
        "title-comma-by-and-from-director",
        "The Paper Crane, by Lena Moravec, is nominated for best first film, while the documentary Low Water, "
        "directed by Omar Haddad, is in the running for best documentary. The strand opens with Gulf of Reeds, from "
        "Kuwaiti director Salim Al-Rashed.",
        None,
        [
            credit("The Paper Crane", "Lena Moravec", "director"),
            credit("Low Water", "Omar Haddad", "director"),
            credit("Gulf of Reeds", "Salim Al-Rashed", "director"),
            award("The Paper Crane", "best first film", outcome="nominated", film="The Paper Crane"),
            award("Low Water", "best documentary", outcome="nominated", film="Low Water"),
        ],
    ),
    (
        "sentence-case-foreign-titles",
        "Mirela Kovač's Ljeto na rijeci (Summer on the River) opens the competition. Les Amis du dimanche topped the "
        "box office, ahead of Claire Roux's La Maison des oiseaux, which sold to Spain (Filmin). Anna Nowak's Dom nad "
        "Wartą is produced by Piotr Lis.",
        None,
        [
            credit("Ljeto na rijeci", "Mirela Kovač", "director"),
            credit("La Maison des oiseaux", "Claire Roux", "director"),
            deal("La Maison des oiseaux", "Filmin", "Spain", "distribution"),
            credit("Dom nad Wartą", "Anna Nowak", "director"),
            credit("Dom nad Wartą", "Piotr Lis", "producer"),
        ],
    ),
    (
        "title-cues-dates-possessive-the-sections",
        "Ligne 7 opens\n\nSND releases Paul Marin's thriller Ligne 7 in France on Wednesday. Le Pacte opened Ana "
        "Ruiz's drama La Casa Dormida on 140 screens. Kim Soo-ah, who won best actress at the Blue Dragon Film Awards "
        "last year for Gray Harbour, stars. The Lighthouse's Daughter, a horror-comedy from director Ama Mensah, "
        "shoots in May. Her 2005 drama \"La Fille du meunier\" screens next week.",
        "2026-03-02",
        [
            credit("Ligne 7", "Paul Marin", "director"),
            deal("Ligne 7", "SND", "France", "distribution"),
            credit("La Casa Dormida", "Ana Ruiz", "director"),
            {"type": "deal", "film": "La Casa Dormida", "company": "Le Pacte", "rights": "distribution"},
            award("Kim Soo-ah", "best actress"),
            credit("Gray Harbour", "Kim Soo-ah", "cast"),
            credit("The Lighthouse's Daughter", "Ama Mensah", "director"),
            {"type": "film_year", "film": "La Fille du meunier", "year": 2005},
        ],
    ),
    (
        "programme-blocks-dir-lines",
        "KARLOVY VARY ANNOUNCES ITS COMPETITION LINE-UP\n\n"
        "The 60th Karlovy Vary International Film Festival today unveiled its competition.\n\n"
        "CRYSTAL GLOBE COMPETITION\n\n"
        "Ptaki z lasu (Forest Birds)\nDir. Joanna Wrona\nPoland\nWorld premiere\n\n"
        "Hermit Bay\nDir. Aoife Kearney, Ciara Lynch\nIreland, United Kingdom\nInternational premiere\n",
        "2026-06-02",
        [
            {"type": "selection", "film": "Ptaki z lasu", "festival": "Karlovy Vary International Film Festival",
             "year": 2026, "section": "CRYSTAL GLOBE COMPETITION", "premiere": "world"},
            credit("Ptaki z lasu", "Joanna Wrona", "director"),
            {"type": "selection", "film": "Hermit Bay", "festival": "Karlovy Vary International Film Festival",
             "year": 2026, "section": "CRYSTAL GLOBE COMPETITION", "premiere": "international"},
            credit("Hermit Bay", "Aoife Kearney", "director"),
            credit("Hermit Bay", "Ciara Lynch", "director"),
        ],
    ),
    (
        "prose-lineup-items-and-their-own-years",
        "Berlin Film Festival Unveils Competition Line-Up\n\nJanuary 20, 2026\n\n"
        "The Berlin Film Festival has revealed the 19 films that will compete for the Golden Bear at its 76th "
        "edition.\n\nAlso in the race are \"Iron Meridian,\" from U.S. director Cal Worth, whose debut played in "
        "Panorama in 2022; Chinese director Zhao Lin's \"Winter Pears\"; and \"The Seal Coat,\" by Faroese filmmaker "
        "Rói Joen, selected for the Berlinale's main competition. Brazilian director Ana Monte's \"Ilha das Pedras\" "
        "also makes the cut.",
        None,
        [
            {"type": "selection", "film": "Iron Meridian", "festival": BERLIN, "year": 2026, "section": "main competition"},
            {"type": "selection", "film": "Winter Pears", "festival": BERLIN, "year": 2026, "section": "main competition"},
            {"type": "selection", "film": "The Seal Coat", "festival": BERLIN, "year": 2026, "section": "main competition"},
            {"type": "selection", "film": "Ilha das Pedras", "festival": BERLIN, "year": 2026},
            credit("Iron Meridian", "Cal Worth", "director"),
            credit("Winter Pears", "Zhao Lin", "director"),
            credit("The Seal Coat", "Rói Joen", "director"),
            credit("Ilha das Pedras", "Ana Monte", "director"),
        ],
    ),
    (
        "sundance-credit-paragraphs",
        "Sundance 2026 Lineup: The Competition Films\n\nDec 10, 2025\n\n"
        "The Sundance Institute announced the competition titles for the 2026 Sundance Film Festival.\n\n"
        "U.S. DRAMATIC COMPETITION\n\n"
        "\"Birch Lane\" (Director and screenwriter: Bea Okoro, Producers: Sam Alda, Theo Birch) — A mail carrier "
        "reads the letters she delivers. Cast: Mari Quin, Jon Leff. World Premiere\n\n"
        "\"Ang Huling Bangka\" (The Last Boat) / Philippines (Director: Paolo Villa, Producer: Regina Abad) — A "
        "ferry crew keeps its route. Cast: Celia Tan. International Premiere\n",
        None,
        [
            {"type": "selection", "film": "Birch Lane", "festival": "Sundance Film Festival", "year": 2026,
             "section": "U.S. DRAMATIC COMPETITION", "premiere": "world"},
            credit("Birch Lane", "Bea Okoro", "director"),
            credit("Birch Lane", "Bea Okoro", "writer"),
            credit("Birch Lane", "Sam Alda", "producer"),
            credit("Birch Lane", "Theo Birch", "producer"),
            credit("Birch Lane", "Mari Quin", "cast"),
            credit("Birch Lane", "Jon Leff", "cast"),
            {"type": "selection", "film": "Ang Huling Bangka", "festival": "Sundance Film Festival", "year": 2026,
             "section": "U.S. DRAMATIC COMPETITION", "premiere": "international"},
            credit("Ang Huling Bangka", "Paolo Villa", "director"),
            credit("Ang Huling Bangka", "Regina Abad", "producer"),
            credit("Ang Huling Bangka", "Celia Tan", "cast"),
        ],
    ),
    (
        "appositive-director-and-his-first-feature",
        "Music Box takes Golden Leopard winner\n\nMusic Box Films has acquired U.S. rights to Golden Leopard winner "
        "Il peso delle piume (The Weight of Feathers), Swiss-Italian director Carlo Bellini's portrait of a "
        "clockmaker. Carlo Bellini, 58, is a late bloomer. His first feature, La stagione vuota, premiered in 2009.",
        None,
        [
            credit("Il peso delle piume", "Carlo Bellini", "director"),
            deal("Il peso delle piume", "Music Box Films", "United States", "distribution"),
            award("Il peso delle piume", "Golden Leopard", film="Il peso delle piume"),
            credit("La stagione vuota", "Carlo Bellini", "director"),
        ],
    ),
    (
        "title-by-director-entries-with-descriptions",
        "Filmin snaps up festival titles\n\nThe titles are:\n\n"
        "Ósma wiosna (The Eighth Spring) by Wiktor Sobczak (Poland), acquired from New Europe Film Sales for Spain. "
        "It world-premiered in Un Certain Regard at Cannes last month.\n"
        "Dunes of Salt by Amira Belka (France/Algeria), acquired from Films Boutique for Spain.\n",
        None,
        [
            credit("Ósma wiosna", "Wiktor Sobczak", "director"),
            {"type": "selection", "film": "Ósma wiosna", "festival": CANNES, "section": "Un Certain Regard"},
            credit("Dunes of Salt", "Amira Belka", "director"),
        ],
    ),
    (
        "winners-under-prize-headings-comma-lines",
        "APSA 2026: the winners\n\nFull list of winners:\n\n"
        "Best Screenplay\nAnjali Bose, The Lunch Carriers\n\n"
        "Best Documentary Feature\nBetween Two Rivers, Farida Sultan\n\n"
        "Best Animated Feature\nThe Kite Who Left, Tetsu Omori\n",
        None,
        [
            award("Anjali Bose", "Best Screenplay", film="The Lunch Carriers"),
            credit("The Lunch Carriers", "Anjali Bose", "writer"),
            award("Between Two Rivers", "Best Documentary Feature", film="Between Two Rivers"),
            credit("Between Two Rivers", "Farida Sultan", "director"),
            award("The Kite Who Left", "Best Animated Feature", film="The Kite Who Left"),
            credit("The Kite Who Left", "Tetsu Omori", "director"),
        ],
    ),
    (
        "company-names-with-region-and-number-words",
        "Copenhagen-based Polestar Nordic has promoted Freja Holm to CEO. Four Rivers Pictures has hired Lydia Brook "
        "as president of production.",
        None,
        [
            {"type": "position", "person": "Freja Holm", "company": "Polestar Nordic", "title": "CEO"},
            {"type": "based_in", "company": "Polestar Nordic", "place": "Copenhagen"},
            {"type": "position", "person": "Lydia Brook", "company": "Four Rivers Pictures", "title": "president of production"},
        ],
    ),
    (
        "went-to-brackets-remake-rights-and-bracket-names",
        "Finecut sells Korean thriller Mulgyeol\n\nSeoul-based Finecut has sold Korean crime thriller Mulgyeol to "
        "many territories. The film has gone to Vietnam (CJ CGV Vietnam) and the CIS territories (Russian World "
        "Vision). Separately, Jakarta-based Falcon Pictures has acquired remake rights. Finecut also reported sales "
        "on Japanese animation Kumo no Tegami. That title went to South Korea (Atnine Film) and Taiwan (Joint "
        "Entertainment).",
        None,
        [
            deal("Mulgyeol", "CJ CGV Vietnam", "Vietnam", "distribution", seller="Finecut"),
            deal("Mulgyeol", "Russian World Vision", "CIS", "distribution", seller="Finecut"),
            {"type": "deal", "film": "Mulgyeol", "company": "Falcon Pictures", "rights": "remake"},
            deal("Mulgyeol", "Finecut", "worldwide", "sales"),
            {"type": "based_in", "company": "Finecut", "place": "Seoul"},
            {"type": "based_in", "company": "Falcon Pictures", "place": "Jakarta"},
            deal("Kumo no Tegami", "Atnine Film", "South Korea", "distribution"),
            deal("Kumo no Tegami", "Joint Entertainment", "Taiwan", "distribution"),
        ],
    ),
    (
        "surname-is-no-title-and-the-owners-title",
        "Culhane and Vukovich board Saltlick\n\nMarnie Culhane has boarded Saltlick, the directorial debut of "
        "Harriet Osgood-Blum. Osgood-Blum won the Academy Award for best film editing for 2019's Dominion Road. "
        "Vukovich made his screen debut in The Understudy's Wife, playing a critic.",
        None,
        [
            credit("Saltlick", "Marnie Culhane", "cast"),
            credit("Saltlick", "Harriet Osgood-Blum", "director"),
            award("Harriet Osgood-Blum", "Academy Award for best film editing"),
            credit("Dominion Road", "Harriet Osgood-Blum", "editor"),
            {"type": "film_year", "film": "Dominion Road", "year": 2019},
        ],
    ),
    (
        "foreign-little-words-and-debut-of",
        "The Special Jury Prize went to L'Été à Brest, from French director Corentin Gall. Mexican director Itzel "
        "Anaya's Las que esperan played in Berlin. Rosa Blanca, the first feature of Kenyan director Amani Otieno, "
        "screens too.",
        None,
        [
            credit("L'Été à Brest", "Corentin Gall", "director"),
            award("L'Été à Brest", "Special Jury Prize", film="L'Été à Brest", festival=BERLIN),
            credit("Las que esperan", "Itzel Anaya", "director"),
            {"type": "selection", "film": "Las que esperan", "festival": BERLIN},
            credit("Rosa Blanca", "Amani Otieno", "director"),
        ],
    ),
    (
        "programme-blocks-names-line",
        "79th Locarno Film Festival unveils its competitions\n\n"
        "The Locarno Film Festival today announced the films selected for its 79th edition.\n\n"
        "CONCORSO INTERNAZIONALE\n\n"
        "Hvíta tjörnin\nSigrún Egilsdóttir, Baldur Þórsson\nIceland, Denmark\nWorld premiere\n\n"
        "Las hijas del mar\nConstanza Oyarce\nChile, Argentina\nInternational premiere\n",
        "2026-07-08",
        [
            {"type": "selection", "film": "Hvíta tjörnin", "festival": "Locarno Film Festival", "year": 2026,
             "section": "CONCORSO INTERNAZIONALE", "premiere": "world"},
            credit("Hvíta tjörnin", "Sigrún Egilsdóttir", "director"),
            credit("Hvíta tjörnin", "Baldur Þórsson", "director"),
            {"type": "selection", "film": "Las hijas del mar", "festival": "Locarno Film Festival", "year": 2026,
             "section": "CONCORSO INTERNAZIONALE", "premiere": "international"},
            credit("Las hijas del mar", "Constanza Oyarce", "director"),
        ],
    ),
    (
        "section-lineup-prose-and-quoted-foreign-titles",
        "Cannes Un Certain Regard Lineup Unveiled\n\nApril 10, 2026\n\n"
        "The Cannes Film Festival on Thursday unveiled its Un Certain Regard selection.\n\n"
        "Elsewhere in the section are Senegalese director Mamadou Ndiaye's \"Le Fleuve sans fin,\" and "
        "\"Ghar Wapas,\" from Indian filmmaker Ritika Bhandare. Critics' Week will open with \"Kinshasa, nuit,\" the "
        "first feature from Congolese director Grâce Mbuyi.",
        None,
        [
            {"type": "selection", "film": "Le Fleuve sans fin", "festival": CANNES, "year": 2026},
            {"type": "selection", "film": "Ghar Wapas", "festival": CANNES, "year": 2026},
            credit("Le Fleuve sans fin", "Mamadou Ndiaye", "director"),
            credit("Ghar Wapas", "Ritika Bhandare", "director"),
            {"type": "selection", "film": "Kinshasa, nuit", "festival": CANNES, "year": 2026, "section": "Critics' Week"},
            credit("Kinshasa, nuit", "Grâce Mbuyi", "director"),
        ],
    ),
    (
        "nominations-sentence-case-titles-and-dir-brackets",
        "Die Glasmacherin leads the nominations for the German Film Awards\n\n"
        "Here are the main nominations:\n\n"
        "Best Direction\nAnnika Wendt – Die Glasmacherin\nKilian Ober – Das stille Haus\n\n"
        "Best Documentary Film\nDie letzte Grube (dir. Timo Brack)\n",
        None,
        [
            award("Annika Wendt", "Best Direction", outcome="nominated", film="Die Glasmacherin"),
            credit("Die Glasmacherin", "Annika Wendt", "director"),
            award("Kilian Ober", "Best Direction", outcome="nominated", film="Das stille Haus"),
            credit("Das stille Haus", "Kilian Ober", "director"),
            award("Die letzte Grube", "Best Documentary Film", outcome="nominated", film="Die letzte Grube"),
            credit("Die letzte Grube", "Timo Brack", "director"),
        ],
    ),
    (
        "quoted-twice-is-a-title",
        "Film Movement Buys Venice Drama 'Ferro e vino'\n\nFilm Movement has acquired U.S. rights to \"Ferro e vino,\" "
        "Sardinian director Gavino Pira's drama. Set in a mining village, \"Ferro e vino\" follows a miner's son.",
        None,
        [
            deal("Ferro e vino", "Film Movement", "United States", "distribution"),
            credit("Ferro e vino", "Gavino Pira", "director"),
        ],
    ),
    (
        "lineup-lines-with-premiere-tails",
        "TIFF Discovery Lineup\n\nThe Toronto International Film Festival unveiled its Discovery line-up.\n\n"
        "DISCOVERY\n\"Ridgeline\" (Tessa Kowal, Canada) — World Premiere, Opening Night\n"
        "\"Mãe d'Água\" (Juliana Lessa, Brazil/Portugal) — International Premiere\n",
        None,
        [
            {"type": "selection", "film": "Ridgeline", "festival": "Toronto International Film Festival",
             "premiere": "world premiere", "section": "DISCOVERY"},
            {"type": "selection", "film": "Mãe d'Água", "festival": "Toronto International Film Festival",
             "premiere": "international premiere", "section": "DISCOVERY"},
            credit("Ridgeline", "Tessa Kowal", "director"),
            credit("Mãe d'Água", "Juliana Lessa", "director"),
        ],
    ),
    (
        "winners-article-that-recalls-nominations",
        "Golden Horse Awards: Malaysian drama The Tappers sweeps top prizes\n\n"
        "TAIPEI — Malaysian director Lim Wei's The Tappers was the big winner at the Golden Horse Awards on Saturday. "
        "The drama had led the nominations with eleven.\n\nThe winners in the main categories:\n\n"
        "Best Feature Film: The Tappers\nBest Leading Actress: Chiu Ya, Harbour Lights\n",
        None,
        [
            credit("The Tappers", "Lim Wei", "director"),
            award("The Tappers", "Best Feature Film", film="The Tappers"),
            award("Chiu Ya", "Best Leading Actress", film="Harbour Lights"),
            credit("Harbour Lights", "Chiu Ya", "cast"),
        ],
    ),
    (
        "shared-prizes-and-prize-categories",
        "San Sebastian winners\n\nRamiro Ques, who is 70, shared the Silver Shell for best leading "
        "performance with Norwegian actress Kari Sund. Dutch writers Jelle Verst and Noor Khat shared the jury prize "
        "for best screenplay for Zomerdag, directed by Verst.",
        None,
        [
            award("Ramiro Ques", "Silver Shell for best leading performance",
                  festival="San Sebastian International Film Festival"),
            award("Kari Sund", "Silver Shell for best leading performance",
                  festival="San Sebastian International Film Festival"),
            award("Jelle Verst", "jury prize for best screenplay", festival="San Sebastian International Film Festival"),
            award("Noor Khat", "jury prize for best screenplay", festival="San Sebastian International Film Festival"),
            credit("Zomerdag", "Jelle Verst", "writer"),
            credit("Zomerdag", "Noor Khat", "writer"),
            credit("Zomerdag", "Jelle Verst", "director"),
        ],
    ),
    (
        "known-for-brackets-in-casting-news-and-company-short-names",
        "Ventura and Achebe to topline Copperhead Run\n\nMarisol Ventura (Brushfire County) and Teddy Achebe "
        "(Canebrake) are set to topline Copperhead Run. Cornerstone Films is launching sales. Dev Malhotra and "
        "Cornerstone's Kasia Wrobel are executive producing.",
        None,
        [
            credit("Brushfire County", "Marisol Ventura", "cast"),
            credit("Canebrake", "Teddy Achebe", "cast"),
            credit("Copperhead Run", "Teddy Achebe", "cast"),
            credit("Copperhead Run", "Kasia Wrobel", "executive_producer"),
            {"type": "position", "person": "Kasia Wrobel", "company": "Cornerstone Films"},
        ],
    ),
    (
        "producers-of-companies-with-section-words-and-oy",
        "The film is produced by Lai Chih-wen of Harbour Light Pictures. It is co-produced by Aleksi Rauta of "
        "Helsinki's Pimeä Tähti Oy.",
        None,
        [
            {"type": "position", "person": "Lai Chih-wen", "company": "Harbour Light Pictures"},
            {"type": "position", "person": "Aleksi Rauta", "company": "Pimeä Tähti Oy"},
            {"type": "based_in", "company": "Pimeä Tähti Oy", "place": "Helsinki"},
        ],
    ),
    (
        "byline-year-is-not-the-edition",
        "Rotterdam reveals Tiger Competition\n\nBy Tamsin Over | 16 December 2025\n\n"
        "International Film Festival Rotterdam has unveiled the titles selected for its Tiger Competition.\n\n"
        "Tiger Competition\nCalle Verde (Mex-Sp)\nDir: Itzel Barra\n",
        "2025-12-16",
        [
            {"type": "selection", "film": "Calle Verde", "festival": "International Film Festival Rotterdam", "year": 2026,
             "section": "Tiger Competition"},
            credit("Calle Verde", "Itzel Barra", "director"),
        ],
    ),
    (
        "story-year-is-not-the-edition",
        "Sarajevo unveils its competition titles\n\n01/07/2026 - SARAJEVO 2026: Ten features will vie for the prize\n\n"
        "Among the world premieres is Mirza Hadži's Posljednji voz (The Last Train), a road movie set over a single "
        "night in 1995.",
        None,
        [
            {"type": "selection", "film": "Posljednji voz", "festival": "Sarajevo Film Festival", "year": 2026},
            credit("Posljednji voz", "Mirza Hadži", "director"),
        ],
    ),
    (
        "lineups-headline-and-event-years",
        "Cannes Un Certain Regard Lineups Heavy on First Features\n\nApril 10, 2026\n\n"
        "Elsewhere in the section are Senegalese director Mamadou Ndiaye's \"Le Fleuve sans fin,\" and \"Ghar "
        "Wapas,\" from Indian filmmaker Ritika Bhandare, which stars Kunal Mehra as a worker walking home during "
        "the 2020 lockdown.",
        None,
        [
            {"type": "selection", "film": "Le Fleuve sans fin", "festival": CANNES, "year": 2026},
            {"type": "selection", "film": "Ghar Wapas", "festival": CANNES, "year": 2026},
            credit("Le Fleuve sans fin", "Mamadou Ndiaye", "director"),
            credit("Ghar Wapas", "Ritika Bhandare", "director"),
            credit("Ghar Wapas", "Kunal Mehra", "cast"),
        ],
    ),
    (
        "agents-in-brackets-pre-sales-and-handling-sales",
        "Market deals\n\nParis-based Luxbox has boarded worldwide rights on Casa do Mar and has closed pre-sales to "
        "Germany (Piece of Magic) and the Netherlands (Cinemien). Sales agents for the competition titles include "
        "Loco Films (Las hijas del sol) and Alpha Violet (Kaldera). Nineteen Roads is produced by Coldharbour Films, "
        "with Protagonist Pictures handling international sales.",
        None,
        [
            {"type": "based_in", "company": "Luxbox", "place": "Paris"},
            deal("Casa do Mar", "Luxbox", "worldwide", "sales"),
            deal("Casa do Mar", "Piece of Magic", "Germany", "distribution", seller="Luxbox"),
            deal("Casa do Mar", "Cinemien", "Netherlands", "distribution", seller="Luxbox"),
            deal("Las hijas del sol", "Loco Films", "worldwide", "sales"),
            deal("Kaldera", "Alpha Violet", "worldwide", "sales"),
            deal("Nineteen Roads", "Protagonist Pictures", "worldwide", "sales"),
        ],
    ),
]

# Winners of a competition were selected for it: gold marks such selections optional, so the
# winners case ignores selection facts.
IGNORED_TYPES = {"winners-colon-lines": {"selection"}}
# Bonus types (alias, film_attribute, quote) are not part of these checks.
_TYPES = {"credit", "deal", "selection", "award", "position", "based_in", "film_year"}


@pytest.mark.parametrize(
    ("case_id", "text", "date", "expected"),
    [pytest.param(*c[:4], id=c[0], marks=c[4] if len(c) > 4 else ()) for c in CASES],
)
def test_construction(extractor, case_id, text, date, expected):
    article = Article(case_id, text, date=date)
    extraction = extractor.extract(article)
    ignored = IGNORED_TYPES.get(case_id, set())
    got = [plain(f) for f in extraction.facts if f.type not in ignored and f.type in _TYPES]
    assert canon(got) == canon(expected)


def test_construction_evidence_slices_text(extractor):
    """Whatever each construction gives, its evidence points into the text exactly."""
    for case_id, text, date, *_rest in CASES:
        article = Article(case_id, text, date=date)
        assert evidence_problems(article, extractor.extract(article).facts) == []
