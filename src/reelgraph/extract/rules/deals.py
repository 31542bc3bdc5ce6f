"""Deal rules: sales agents taking world sales, buyers taking territories, packed round-ups
("Spain (Filmin), Germany and Austria (Rapid Eye Movies)"), rights outside a territory, hedges."""

from __future__ import annotations

import re

from reelgraph.extract.document import Document, Sentence
from reelgraph.extract.mentions import PLACES
from reelgraph.extract.rules.base import AND, BASED, SLOT, C, Draft, Emit, F, P, RuleBase, T

# Where a hedged clause starts (the last of these before the hedge) and ends (the first after it).
HEDGE_CLAUSE_START = (", ", " and ", "; ", " while ", " but ")
HEDGE_CLAUSE_END = (", and ", "; ", " while ", " but ", " whereas ")


class DealRules(RuleBase):
    """The deals family: its patterns, compiled once, and the readers that apply them."""

    def _compile_deals(self) -> None:
        terr = rf"(?:{T}|(?:world|worldwide|international|global|foreign|all)\b)"
        the_film = r"the (?:film|project|title|pic|movie|feature|documentary|drama|comedy|thriller)"
        base = r"(?:[\w.\-]+-based\s+)?"
        self.p_sales_by = re.compile(
            rf"(?P<f>{F})(?:[^⟨.;]|⟨[PNA]\d+⟩){{0,120}}?\b(?:snapped up|picked up|acquired|boarded|taken|nabbed|grabbed|scooped up|"
            rf"secured|landed)\s+(?:for|by)\s+(?:(?P<scope>world|worldwide|international|global|foreign)\s+)?sales\s+by\s+"
            rf"(?:[\w\-]+\s+){{0,3}}?(?P<c>{C})")
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
            rf"will release|will distribute|is releasing|is distributing|releases|released|opened|opens|has taken|grabbed)\s+"
            rf"(?:the\s+)?(?:(?:{P})['’]s?\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<f>{F})(?P<tail>[^⟨.]{{0,30}}(?:{T}[^⟨.]{{0,8}})*)")
        adjectives = "|".join(map(re.escape, sorted(self.v.adjectives, key=len, reverse=True)))
        # "CJ ENM, which financed the film, will release it in Korean cinemas in August"
        self.p_release_it = re.compile(
            rf"(?P<c>{C})(?:,(?:[^⟨.;]|⟨[A-Z]\d+⟩){{0,60}},)?\s+(?:will|is set to|plans to|is to)\s+(?:also\s+)?(?:release|distribute)\s+(?:(?:it|the film|"
            rf"the movie|the title|the picture)\s+)?(?:theatrically\s+)?in\s+(?:(?P<adj>{adjectives})\s+(?:cinemas|theaters|theatres)|"
            rf"(?:the\s+)?(?P<t>{T}))"
            # "Filmcoopi Zürich is on board for Switzerland"
            rf"|(?P<c2>{C})\s+(?:is|has come|came|comes)\s+on\s+board\s+(?:as\s+distributor\s+)?for\s+(?:the\s+)?(?P<t2>{T})")
        # "In Lithuania, the film will be released by Vilnius-based Kino Pasaka"
        self.p_released_by = re.compile(
            rf"\b(?:will be|is being|was|is|has been)\s+(?:released|distributed)\s+(?:theatrically\s+)?(?:in\s+(?:the\s+)?(?P<t>{T})\s+)?"
            rf"by\s+{BASED}(?P<c>{C})")
        # "The Match Factory is selling Salt Wind internationally"
        self.p_selling_film = re.compile(
            rf"(?P<c>{C})\s+(?:is|are|will be|has been)\s+(?:also\s+)?(?:selling|representing|handling)\s+(?P<f>{F})\s+"
            rf"(?:internationally|worldwide|abroad|around the world|in international markets)\b")
        # "Filmin picked up Spanish rights to the film", "Madman will handle the Australian release of X"
        self.p_adjective_rights = re.compile(
            rf"(?P<c>{C})[^⟨.;]{{0,30}}?\b(?:{self.deal_verb}|will handle|is handling|handles|will release)\s+(?:the\s+)?"
            rf"(?P<adj>{adjectives})\s+(?:(?:theatrical|distribution|TV|home entertainment|all)\s+)*(?:rights|release|distribution)"
            rf"(?:\s+(?:to|of|on|for)\s+(?:(?P<f>{F})|the\s+(?:film|movie|title|picture|documentary)|it))?")
        # "The Lindens of Lviv, which Mubi later acquired for North America"
        self.p_which_acquired = re.compile(
            rf"(?P<f>{F}),?\s+which\s+(?P<c>{C})\s+(?:later\s+|has\s+|had\s+|then\s+|subsequently\s+|also\s+)*(?:acquired|picked up|"
            rf"bought|snapped up|nabbed|took)\s+(?:it\s+)?for\s+(?P<terrs>(?:(?:the\s+)?{T}(?:{AND})?)+)")
        self.p_sold_to = re.compile(
            r"\b(?:has\s+|have\s+|also\s+|already\s+)*(?:sold|selling|sells|pre-sold|pre-selling|presold|licensed|licensing|"
            r"(?:closed|closes|has closed)(?=\s+with\b)|"
            r"(?:closed|inked|struck|sealed|signed|wrapped up|tied up)\s+(?:a\s+(?:raft|string|slew|flurry|clutch|number)\s+of\s+|"
            r"several\s+|multiple\s+|a\s+series\s+of\s+|further\s+|new\s+|more\s+)?(?:international\s+|territory\s+)?deals?\s+"
            r"(?:on|for))\s+(?P<obj>[^.;]{0,160}?)\b(?:to|including|in|with)\s+(?P<rest>.*)")
        # "has closed the UK and Ireland (Vertigo Releasing), Italy (Lucky Red) ...": territories right after the verb
        self.p_closed_territories = re.compile(
            rf"\b(?:closed|sold|pre-sold|presold|licensed|inked)\s+(?:the\s+(?:film|title|pic|project|feature|documentary)\s+"
            rf"(?:for|to|in)\s+|(?:pre-?sales|deals?|sales)\s+(?:to|for|in|with)\s+)?(?:the\s+)?(?P<rest>{T}[^.;]*?\(.*)")
        # "Sales agents for the competition titles include Loco Films (Title), Film Constellation (Title)"
        self.p_agent_brackets = re.compile(rf"(?P<c>{C})\s*\((?:(?P<f>{F})|(?P<raw>[^()]{{1,80}}))\)")
        # "Jakarta-based X has acquired remake rights." (the film is the article's)
        self.p_remake_rights = re.compile(
            rf"(?P<c>{C})\s+(?:has\s+|have\s+)?(?:also\s+)?(?:acquired|bought|picked up|secured|optioned|landed)\s+(?:the\s+)?"
            rf"(?:[\w\-]+-language\s+)?remake rights\s*(?:[.;,]|$)")
        # "That title went to Japan (X) and Taiwan (Y)."
        self.p_went_to = re.compile(rf"\b(?:went|goes|has gone|have gone|also went)\s+to\s+(?P<rest>{T}.*)")
        # "The company, which is handling worldwide sales, ...": the company of the sentence before
        self.p_the_company_sells = re.compile(
            r"^\s*(?:The|the)\s+(?:company|sales company|outfit|agent|sales agent|banner|seller),\s+which\s+(?:is\s+)?"
            r"(?:handling|handles|holds|is selling|sells|has)\s+(?:world(?:wide)?|international|global)\s+(?:sales|rights)")
        self.p_passive_sold = re.compile(
            rf"(?:(?P<f>{F})[^⟨.]{{0,40}}?)?\b(?:has|have|was|were|had)\s+(?:also\s+|already\s+)?(?:been\s+)?(?:sold|pre-sold|presold|gone|"
            rf"licensed|acquired|bought|picked up|pre-bought)\s+(?:by\s+(?P<c>{C})\s+)?(?:to|in|for)\s+(?P<rest>.*)"
            # "Further deals have been inked with Benelux (Cinéart), Poland (Monolith Films)"
            rf"|\bdeals?\s+(?:have|has|were|was)\s+(?:also\s+)?(?:been\s+)?(?:inked|closed|signed|struck|sealed)\s+"
            rf"(?:for\s+(?P<f2>{F})\s+)?(?:with|in|for)\s+(?P<rest2>.*)")
        self.p_sales_relative = re.compile(
            rf"(?P<c>{C}),?\s+(?:which|who)\s+(?:also\s+)?(?:is|has|had|will)?\s*(?:also\s+)?(?:been\s+)?(?:handling|handles|handled|boarded|"
            rf"represents|is representing|selling|sells|handle|board|launched|launches|took|takes|taken|holds|held)\s+"
            rf"(?:(?:world|worldwide|international|global|foreign)\s+(?:sales|rights)|sales|the (?:film|title|project) "
            rf"(?:internationally|worldwide)|it (?:internationally|worldwide))")
        self.p_sold_by = re.compile(
            rf"\b(?:(?:(?:being\s+)?sold|handled)\s+(?:internationally\s+|worldwide\s+|abroad\s+|overseas\s+)?|"
            rf"represented\s+(?:internationally|worldwide|abroad)\s+)by\s+"
            rf"{base}(?:(?:sales agent|sales company|sales outfit|outfit|banner)\s+)?(?P<c>{C})"
            rf"|\b(?:(?:world|worldwide|international|global|foreign)\s+)?sales\s+(?:are|is|were|will be|have been)\s+(?:being\s+)?"
            rf"(?:handled|overseen)\s+by\s+{base}(?P<c2>{C})")
        self.p_company_boarded_sales = re.compile(
            rf"(?P<c>{C})\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:boarded|is handling|will handle|handles|has taken on|took on|"
            rf"continues to handle|continue to handle|holds|will continue to handle)\s+"
            rf"(?:(?:world|worldwide|international|global|foreign)\s+)?sales(?:\s+rights)?\s*(?=[,.;]|\s+and\b|\s+ahead\b|$)"
            # "Sales company Yellow Veil Pictures has acquired worldwide rights outside the Nordics"
            rf"|(?P<c2>{C})\s+(?:has\s+|have\s+)?(?:also\s+)?(?:acquired|picked up|secured|landed|taken|took|boarded|holds)\s+"
            rf"(?:the\s+)?(?:world|worldwide|international|global)\s+(?:sales\s+)?rights"
            rf"(?:\s+(?:outside(?:\s+of)?|excluding|except(?:\s+for)?)\s+(?:the\s+)?(?:[^⟨,.;]|⟨T\d+⟩){{1,40}}?)?"
            rf"\s*(?=[,.;]|\s+and\b|\s+ahead\b|\s+at\b|$)")
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
        self.p_more_deals = re.compile(
            # "Italian distributor 01 Distribution will release X locally"
            rf"\b(?P<adj>[A-Z][a-z]+)\s+(?:distributor|streamer|broadcaster|exhibitor|indie distributor)\s+(?P<c>{C})\s+"
            rf"(?:has\s+|will\s+|is\s+)?(?:release|releases|released|releasing|acquired|picked up|bought|distribute|distributes)\b"
            # "outside Taiwan, where Activator Marketing released the film"
            rf"|(?P<t2>{T}),\s+where\s+(?P<c2>{C})\s+(?:released|will release|distributes|distributed|opened)"
            # "has also closed Taiwan with Andrews Film", "Filmcoopi has closed a deal for Switzerland"
            rf"|\bclosed\s+(?P<t3>{T}(?:{AND}{T})*)\s+with\s+(?P<c3>{C})"
            rf"|(?P<c4>{C})\s+(?:has\s+|have\s+)?(?:also\s+)?(?:closed|signed|struck|inked)\s+a\s+deal\s+for\s+(?:the\s+)?(?P<t4>{T}(?:{AND}{T})*)"
            # "Spain has been picked up by Avalon, Poland by Aurora Films"
            rf"|(?P<t5>{T})\s+(?:has|have|was|were)\s+(?:been\s+)?(?:picked up|acquired|bought|taken|snapped up|pre-bought)\s+by\s+"
            rf"{base}(?P<c5>{C})"
            rf"|,\s+(?:the\s+)?(?P<t6>{T})\s+by\s+(?P<c6>{C})")
        self.p_passive_world_sales = re.compile(
            rf"\b(?:picked up|snapped up|acquired|boarded|taken|nabbed)\s+for\s+(?:world|worldwide|international|global)\s+sales\s+"
            rf"(?:[^⟨.]{{0,40}}?)\bby\s+{base}(?P<c>{C})"
            rf"|(?P<c2>{C})[^⟨.]{{0,30}}?\bwill\s+(?:launch|begin|start|open)\s+(?:international\s+|world\s+|worldwide\s+)?sales\b"
            rf"|\bwith\s+(?P<c3>{C})\s+(?:handling|selling|repping|representing)\s+(?:(?:international|world|worldwide|global|"
            rf"foreign)\s+)?(?:sales|rights)\b")
        self.p_by_for = re.compile(rf"\bby\s+{base}(?P<c>{C})\s+for\s+(?:the\s+)?(?P<terrs>{T}(?:{AND}(?:the\s+)?{T})*)")
        self.p_which_handled = re.compile(
            rf"(?P<c>{C}),\s+which\s+(?:also\s+)?(?:handled|sold|represented|handles|sells|represents)\s+[^⟨.]{{0,40}}?(?P<f>{F})"
            rf"|(?P<f2>{F}),?\s+which\s+(?P<c2>{C})\s+(?:released|distributed|acquired|picked up|bought)")
        self.p_outside = re.compile(r"\b(?:outside|excluding|except(?: for)?|ex-)\s+(?:of\s+)?", re.I)

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
            adjective = re.match(r"\s*in\s+(\w+)\s+(?:cinemas|theaters|theatres)\b", m.group("tail"))
            if not terrs and adjective and adjective.group(1) in self.v.adjectives:
                terrs = [self.v.adjectives[adjective.group(1)]]  # "will release X in French theaters"
            verb_release = re.search(r"release|distribut", m.group())
            for terr in terrs or [None]:
                emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                    "territory": terr, "rights": "distribution"}, s, 0.7 if verb_release else 0.75))
        for m in self.p_release_it.finditer(m_text):
            inside = [c for c in SLOT.findall(m.group()) if c[1] == "F"]  # "CJ ENM, which financed Iron Tide, will release it"
            film = s.slots[inside[0]].value if inside else self.deal_film(doc, s, m.start())
            code = m.group("t") or m.group("t2")
            territory = s.slots[code].value if code else self.v.adjectives.get(m.group("adj") or "")
            if film and territory:
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c") or m.group("c2")].value,
                                    "territory": territory, "rights": "distribution"}, s, 0.7))
        for m in self.p_selling_film.finditer(m_text):
            emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                "territory": "worldwide", "rights": "sales"}, s, 0.8))
        for m in self.p_adjective_rights.finditer(m_text):
            film = s.slots[m.group("f")].value if m.group("f") else self.deal_film(doc, s, m.start())
            territory = self.v.adjectives.get(m.group("adj"))
            if film and territory:
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value, "territory": territory,
                                    "rights": "distribution"}, s, 0.75))
        for m in self.p_released_by.finditer(m_text):
            lead = re.match(rf"\s*In\s+(?:the\s+)?({T}),", m_text)  # "In Lithuania, the film will be released by X"
            code = m.group("t") or (lead.group(1) if lead else None)
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            if film and code:
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                    "territory": s.slots[code].value, "rights": "distribution"}, s, 0.7))
        for m in self.p_which_acquired.finditer(m_text):
            for code in SLOT.findall(m.group("terrs")):
                if code[1] == "T":
                    emit(Draft("deal", {"film": s.slots[m.group("f")].value, "company": s.slots[m.group("c")].value,
                                        "territory": s.slots[code].value, "rights": "distribution"}, s, 0.75))
        for m in self.p_sold_to.finditer(m_text):
            films = [s.slots[c].value for c in SLOT.findall(m.group("obj")) if c[1] == "F"]
            films = films or [f for f in [self.deal_film(doc, s, m.start())] if f]
            sellers = self._sellers_before(doc, s, m_text[:m.start()])
            for film in films[:1] if len(films) > 1 and "(" not in m.group("rest") else films:
                self._territory_buyers(s, film, sellers[0] if sellers else None, m.group("rest"), emit)
                if len(sellers) == 1 and re.match(r"\s*(?:has\s+|have\s+|also\s+|already\s+)*(?:sold|pre-sold|presold|selling|"
                                                  r"pre-selling)\b", m.group()) and \
                        re.match(rf"\s*(?:[\w.\-]+-based\s+)?(?:sales\s+(?:company|agent|outfit|banner|house)\s+)?{C}", m_text):
                    # "Seoul-based Finecut has sold Mulgyeol to ...": the seller holds its sales
                    emit(Draft("deal", {"film": film, "company": sellers[0], "territory": "worldwide", "rights": "sales"},
                               s, 0.7))
        for m in self.p_closed_territories.finditer(m_text):
            sellers = self._sellers_before(doc, s, m_text[:m.start()])
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            if film:
                self._territory_buyers(s, film, sellers[-1] if sellers else None, m.group("rest"), emit)
        for m in self.p_remake_rights.finditer(m_text):
            film = self.deal_film(doc, s, m.start())
            if film:
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value, "territory": None,
                                    "rights": "remake"}, s, 0.7))
        for m in self.p_went_to.finditer(m_text):
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            sellers = [s.slots[c].value for c in SLOT.findall(m_text[:m.start()]) if c[1] == "C"]
            if film and "(" in m.group("rest"):
                self._territory_buyers(s, film, sellers[-1] if sellers else None, m.group("rest"), emit)
        if self.p_the_company_sells.match(m_text):
            seller, film = self._company_before(doc, s), self.deal_film(doc, s, 0)
            if seller and film:
                emit(Draft("deal", {"film": film, "company": seller, "territory": "worldwide", "rights": "sales"}, s, 0.75))
        for m in self.p_passive_sold.finditer(m_text):
            seller = s.slots[m.group("c")].value if m.group("c") else None
            named = m.group("f") or m.group("f2")
            film = s.slots[named].value if named else self.deal_film(doc, s, m.start())
            if film:
                self._territory_buyers(s, film, seller, m.group("rest") or m.group("rest2"), emit)
        for pattern in (self.p_sales_relative, self.p_sold_by, self.p_company_boarded_sales):
            for m in pattern.finditer(m_text):
                if re.search(r"\b(?:cinematography|camerawork|photography|editing|music|score|soundtrack|design|effects|"
                             r"casting|costumes?|choreography|stunts)\s+(?:\w+\s+)?$", m_text[max(0, m.start() - 40):m.start()]):
                    continue  # "cinematography handled by X": a crew credit, not sales
                code = m.group("c") or m.groupdict().get("c2")
                owned = re.match(r"['’]s\s+(⟨[CN]\d+⟩)", m_text[m.end():]) if code else None
                if owned and s.slots[code].value in PLACES:
                    code = owned.group(1)  # "handled by Tokyo's Sakura Street International"
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
        for m in self.p_more_deals.finditer(m_text):
            g = m.groupdict()
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            if not film:
                continue
            if g["adj"]:
                terr = self.adjectives.get(g["adj"])
                if terr:
                    emit(Draft("deal", {"film": film, "company": s.slots[g["c"]].value, "territory": terr,
                                        "rights": "distribution"}, s, 0.7))
                continue
            for t_key, c_key in (("t2", "c2"), ("t3", "c3"), ("t4", "c4"), ("t5", "c5"), ("t6", "c6")):
                if g[t_key] and (t_key != "t6" or re.search(r"\bby\s+⟨[CN]\d+⟩", m_text[:m.start()])):
                    for t in SLOT.findall(g[t_key]):
                        emit(Draft("deal", {"film": film, "company": s.slots[g[c_key]].value,
                                            "territory": s.slots[t].value, "rights": "distribution"}, s, 0.7))
        if re.search(r"\b(?:sales agents?|sellers|sales companies|sales outfits)\b", s.text, re.I):
            for m in self.p_agent_brackets.finditer(m_text):
                raw = self.unmask(s, m.group("raw") or "").strip()
                if not m.group("f") and not (raw[:1].isupper() and len(raw.split()) <= 8 and "," not in raw):
                    continue
                film = s.slots[m.group("f")].value if m.group("f") else raw
                emit(Draft("deal", {"film": film, "company": s.slots[m.group("c")].value,
                                    "territory": "worldwide", "rights": "sales"}, s, 0.75))
        for m in self.p_passive_world_sales.finditer(m_text):
            film = self.film_before(s, m.start()) or self.deal_film(doc, s, m.start())
            code = m.group("c") or m.group("c2") or m.group("c3")
            if film:
                emit(Draft("deal", {"film": film, "company": s.slots[code].value, "territory": "worldwide",
                                    "rights": "sales"}, s, 0.7))
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

    def _sellers_before(self, doc: Document, s: Sentence, before: str) -> list[str]:
        """The companies before a deal verb; or, for "The company has closed with ...", the
        company of the sentence before."""
        sellers = [s.slots[c].value for c in SLOT.findall(before) if c[1] == "C"]
        if not sellers and re.match(r"\s*(?:The|the)\s+(?:company|sales company|outfit|agent|sales agent|banner)\b", before):
            sellers = [c for c in [self._company_before(doc, s)] if c]
        return sellers

    def _unhedged(self, masked: str) -> str:
        """The sentence with each hedged clause blanked: "closed deals for France (Ad Vitam) and is
        understood to be negotiating with ..." keeps the France deal; "Curzon is in talks for the
        UK, and Mubi acquired North American rights" keeps Mubi's deal.  The blank keeps offsets
        and starts with a period, so no pattern reads across it."""
        pos = 0
        while hedge := self.hedge.search(masked, pos):
            start = max(0, *(masked.rfind(sep, 0, hedge.start()) for sep in HEDGE_CLAUSE_START))
            ends = [i for sep in HEDGE_CLAUSE_END if (i := masked.find(sep, hedge.end())) >= 0]
            end = min(ends, default=len(masked))
            masked = masked[:start] + "." + " " * (end - start - 1) + masked[end:]
            pos = end
        return masked

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
                whole = self.unmask(s, token.group("b")).strip()
                one_name = re.fullmatch(r"[A-Z][\w&'’.\-]*(?:\s+(?:of|de|du|des|la|le|the|del|di|[A-Z][\w&'’.\-]*))*", whole)
                if (len(buyers) <= 1 or one_name) and whole not in buyers and not re.search(r",|\band\b|;", whole) and \
                        re.fullmatch(r"[A-Z][\w&'’.\- ]{1,50}", whole) and not SLOT.fullmatch(token.group("b").strip()):
                    buyers = [whole]  # "CJ CGV Vietnam", "Russian World Vision": the bracket is one name
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
