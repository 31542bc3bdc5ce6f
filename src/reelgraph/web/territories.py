"""The deal map's layout: the market units film sales are reported by, grouped in regions.

Trade press sells films by "territory": mostly countries, sometimes a block ("Benelux",
"Scandinavia", "Latin America").  The map is a grid of these cells; a deal fills the cell
its territory names (or the block that contains the country); territories outside the
grid get their own cells under "Other".  ``worldwide`` (a sales agent's world rights)
sits above the grid.
"""

from __future__ import annotations

from reelgraph.model import name_key

REGIONS: list[tuple[str, list[str]]] = [
    ("North America", ["United States", "Canada"]),
    ("Latin America", ["Mexico", "Brazil", "Argentina", "Colombia", "Chile", "Latin America"]),
    ("Western Europe", [
        "United Kingdom", "Ireland", "France", "Benelux", "Germany", "Austria", "Switzerland",
        "Italy", "Spain", "Portugal", "Greece",
    ]),
    ("Northern & Eastern Europe", [
        "Scandinavia", "Iceland", "Baltics", "Poland", "Czech Republic", "Hungary", "Romania",
        "Bulgaria", "Former Yugoslavia", "Russia", "Ukraine", "Turkey",
    ]),
    ("Middle East & Africa", ["Middle East", "Israel", "South Africa", "Africa"]),
    ("Asia-Pacific", [
        "China", "Hong Kong", "Taiwan", "Japan", "South Korea", "India", "Southeast Asia",
        "Indonesia", "Philippines", "Australia", "New Zealand",
    ]),
]

# Names that fill a grid cell of another name (a country in a block, a common spelling).
SYNONYMS: dict[str, str] = {
    "us": "United States", "usa": "United States", "u s": "United States", "america": "United States",
    "united states of america": "United States", "uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "england": "United Kingdom",
    "belgium": "Benelux", "netherlands": "Benelux", "holland": "Benelux", "luxembourg": "Benelux",
    "sweden": "Scandinavia", "norway": "Scandinavia", "denmark": "Scandinavia", "finland": "Scandinavia",
    "nordics": "Scandinavia", "nordic": "Scandinavia", "nordic countries": "Scandinavia",
    "estonia": "Baltics", "latvia": "Baltics", "lithuania": "Baltics", "baltic states": "Baltics",
    "serbia": "Former Yugoslavia", "croatia": "Former Yugoslavia", "slovenia": "Former Yugoslavia",
    "bosnia": "Former Yugoslavia", "north macedonia": "Former Yugoslavia", "ex yugoslavia": "Former Yugoslavia",
    "cis": "Russia", "russia and cis": "Russia", "korea": "South Korea", "mainland china": "China",
    "german speaking territories": "Germany|Austria|Switzerland",
    "german speaking europe": "Germany|Austria|Switzerland",
    "australia and new zealand": "Australia|New Zealand", "anz": "Australia|New Zealand",
    "north america": "United States|Canada", "english speaking canada": "Canada",
    "thailand": "Southeast Asia", "vietnam": "Southeast Asia", "malaysia": "Southeast Asia",
    "singapore": "Southeast Asia", "south east asia": "Southeast Asia",
    "uae": "Middle East", "gulf": "Middle East", "mena": "Middle East",
    "south america": "Latin America", "central america": "Latin America",
}
WORLDWIDE = {"worldwide", "world", "international", "world sales", "worldwide excluding", "all territories"}

_CELLS = {name_key(cell): cell for _, cells in REGIONS for cell in cells}


def cells_for(territory: str | None) -> list[str]:
    """The grid cells a territory fills: ``["worldwide"]`` for world rights, ``[]`` off-grid."""
    if not territory:
        return []
    key = name_key(territory)
    if key in WORLDWIDE or key.startswith("worldwide") or key.startswith("world "):
        return ["worldwide"]
    if key in _CELLS:
        return [_CELLS[key]]
    if key in SYNONYMS:
        return SYNONYMS[key].split("|")
    return []
