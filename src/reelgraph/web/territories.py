"""The deal map's layout: the store's common sales territories, grouped in display regions.

The store canonicalises territories (``reelgraph.store.keys``: "U.S." -> "United States",
"world" -> "worldwide") and knows which countries a named region covers ("Benelux" ->
Belgium, Netherlands, Luxembourg).  The map is a grid of the common territories; a deal
fills every cell its territory covers; a territory outside the grid gets its own cell
under "Other"; ``worldwide`` (a sales agent's world rights) sits above the grid.
"""

from __future__ import annotations

from reelgraph.model import name_key

REGIONS: list[tuple[str, list[str]]] = [
    ("North America", ["United States", "Canada"]),
    ("Latin America", ["Mexico", "Brazil", "Latin America"]),
    ("Western Europe", [
        "United Kingdom", "France", "Germany", "Austria", "Switzerland", "Italy", "Spain", "Portugal",
        "Belgium", "Netherlands", "Luxembourg", "Greece",
    ]),
    ("Nordics & Eastern Europe", [
        "Denmark", "Norway", "Sweden", "Finland", "Iceland", "Baltics", "Poland", "Czech Republic",
        "Hungary", "Former Yugoslavia", "Russia", "Turkey",
    ]),
    ("Middle East", ["Israel", "Middle East"]),
    ("Asia-Pacific", ["Japan", "South Korea", "China", "Hong Kong", "Taiwan", "India", "Australia", "New Zealand"]),
]
GRID_CELLS = {cell for _, cells in REGIONS for cell in cells}
WORLDWIDE = "worldwide"


def canonical(territory: str | None) -> str | None:
    """The store's canonical name for a territory (its vocabulary), else as written."""
    if territory is None or not str(territory).strip():
        return None
    try:
        from reelgraph.store.keys import canonical_territory
    except ImportError:  # the store's vocabulary is not there: compare names as written
        return WORLDWIDE if name_key(str(territory)) in ("worldwide", "world") else str(territory).strip()
    return canonical_territory(str(territory))


def cells_for(territory: str | None) -> list[str]:
    """The territories a sold territory covers: itself plus a region's members
    (``["worldwide"]`` for world rights, ``[]`` when unstated)."""
    name = canonical(territory)
    if not name:
        return []
    if name == WORLDWIDE:
        return [WORLDWIDE]
    try:
        from reelgraph.store.keys import covered_territories
    except ImportError:
        return [name]
    covered = covered_territories(name)
    # A region on the grid (Latin America) fills its own cell and its members' cells.
    return sorted(covered, key=lambda c: (c != name, c))
