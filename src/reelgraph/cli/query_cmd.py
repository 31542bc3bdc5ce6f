"""Query and correction commands: film, person, company, festival, deals, search, fact,
export, merge, split, retract, rename.

Each takes ``--db`` (or ``REELGRAPH_DB``) and ``--json`` (print the store's JSON record
instead of tables).  A NAME that matches nothing exits with code 1 and close suggestions;
``#ID`` names an entity by id.
"""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from reelgraph.cli.app import app
from reelgraph.store import EXPORT_FORMATS, Store, open_store

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="REELGRAPH_DB", show_default=False,
    help="Database: a SQLite file, sqlite:///path or postgresql://... (default: reelgraph.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]

out = Console()
err = Console(stderr=True)


def open_db(db: str | None) -> Store:
    """Open the store or exit 1 with the reason."""
    try:
        return open_store(db)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes a message
        err.print(f"[red]cannot open database {db or 'reelgraph.db'}: {exc}[/red]")
        raise typer.Exit(1) from exc


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def fail(message: str) -> None:
    err.print(f"[red]{message}[/red]")
    raise typer.Exit(1)


def lookup(store: Store, kind: str, name: str) -> int:
    """The id of the ``kind`` entity called ``name`` (exactly, by alias, or the only name that
    starts so), or ``#ID``; else exit 1 with close suggestions."""
    if name.startswith("#") and name[1:].isdigit():
        entity = store.entity(int(name[1:]))
        if entity is None or entity["kind"] != kind:
            fail(f"no {kind} with id {name[1:]}")
        return int(entity["id"])  # type: ignore[index]
    hits = store.find(kind, name)
    sure = [h for h in hits if h["match"] in ("exact", "alias")]
    prefix = [h for h in hits if h["match"] == "prefix"]
    if not sure and len(prefix) == 1:  # "Venice" -> the one festival whose name starts so
        sure = prefix
    if not sure:
        close = ", ".join(f"{h['name']} (#{h['id']})" for h in hits[:5])
        fail(f"no {kind} called {name!r}." + (f" Did you mean: {close}?" if close else ""))
    if len(sure) > 1:
        others = ", ".join(f"{h['name']} {h['year'] or ''} (#{h['id']})".replace("  ", " ") for h in sure[1:])
        err.print(f"[yellow]{len(sure)} {kind}s match {name!r}; showing #{sure[0]['id']} (also: {others})[/yellow]")
    return int(sure[0]["id"])


def src(record: dict[str, Any]) -> str:
    """Where a fact is stated: article ids (and the first date)."""
    ids = sorted({e["article_id"] for e in record.get("evidence", [])})
    date = record.get("first_seen") or ""
    return f"{date} art. {', '.join(map(str, ids))}".strip()


def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    if not rows:
        return
    grid = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        grid.add_column(column)
    for row in rows:
        grid.add_row(*["" if v is None else str(v) for v in row])
    out.print(grid)


def heading(entity: dict[str, Any]) -> None:
    year = f" ({entity['year']})" if entity.get("year") else ""
    out.print(f"[bold]{entity['name']}{year}[/bold]  [dim]{entity['kind']} #{entity['id']}[/dim]")
    aliases = [a["name"] + (" [yellow](flagged: " + a["reason"] + ")[/yellow]" if a["flagged"] else "")
               for a in entity.get("aliases", [])]
    if aliases:
        out.print("also: " + "; ".join(aliases))


def _show_film(film: dict[str, Any]) -> None:
    heading(film)
    table("Credits", ["role", "person", "character", "source"],
          [[c.get("role"), c.get("person"), c.get("character"), src(c)] for c in film["credits"]])
    table("Festival run", ["festival", "year", "edition", "section", "premiere", "source"],
          [[s.get("festival"), s.get("year"), s.get("edition"), s.get("section"), s.get("premiere"), src(s)]
           for s in film["selections"]])
    table("Awards", ["award", "outcome", "festival", "year", "source"],
          [[a.get("award"), a.get("outcome"), a.get("festival"), a.get("year"), src(a)] for a in film["awards"]])
    table("Deals", ["territory", "company", "rights", "seller", "date", "source"],
          [[d.get("territory"), d.get("company"), d.get("rights"), d.get("seller"), d.get("first_seen"), src(d)]
           for d in sorted(film["deals"], key=lambda d: str(d.get("territory")))])
    territories = film["territories"]
    table("Territories sold", ["territory", "buyer", "date", "fact"],
          [[t["territory"], t["buyer"], t["date"], t["fact_id"]] for t in territories["sold"]])
    if territories["open"]:
        out.print("[bold]No report for:[/bold] " + ", ".join(territories["open"]))
    for item in film["contradictions"]:
        out.print(f"[red]contradiction:[/red] {item['message']} (facts {', '.join(str(f['fact_id']) for f in item['facts'])})")
    _show_sources(film["sources"])


def _show_sources(sources: list[dict[str, Any]]) -> None:
    table("Sources", ["article", "date", "title", "url"],
          [[s["article_id"], s["date"], s["title"], s["url"]] for s in sources])


def _entity_command(kind: str, name: str, db: str | None, as_json: bool, **kwargs: Any) -> dict[str, Any]:
    store = open_db(db)
    try:
        data = getattr(store, kind)(lookup(store, kind, name), **kwargs)
    finally:
        store.close()
    if as_json:
        emit_json(data)
    return data


@app.command()
def film(title: Annotated[str, typer.Argument(help="Film title (or #ID).")], db: DbOption = None,
         as_json: JsonOption = False) -> None:
    """A film: credits, festival run, deals by territory, territories sold vs no report.

    Also awards, contradictions (two years, two world-sales agents, two buyers for one
    territory) and the articles behind every fact.
    """
    data = _entity_command("film", title, db, as_json)
    if not as_json:
        _show_film(data)


@app.command()
def person(name: Annotated[str, typer.Argument(help="Person name (or #ID).")], db: DbOption = None,
           as_json: JsonOption = False) -> None:
    """A person's career: films by year and role, festival selections, awards, positions."""
    data = _entity_command("person", name, db, as_json)
    if as_json:
        return
    heading(data)
    table("Films", ["year", "film", "roles", "source"],
          [[t["year"], t["film"], ", ".join(r for r in t["roles"] if r), src(t["facts"][0])] for t in data["timeline"]])
    table("Selections", ["film", "festival", "year", "section", "source"],
          [[s.get("film"), s.get("festival"), s.get("year"), s.get("section"), src(s)] for s in data["selections"]])
    table("Awards", ["award", "outcome", "year", "source"],
          [[a.get("award"), a.get("outcome"), a.get("year"), src(a)] for a in data["awards"]])
    table("Positions", ["title", "company", "source"],
          [[p.get("title"), p.get("company"), src(p)] for p in data["positions"]])
    _show_sources(data["sources"])


@app.command()
def company(name: Annotated[str, typer.Argument(help="Company name (or #ID).")], db: DbOption = None,
            as_json: JsonOption = False) -> None:
    """A company: slate, deals by territory and year, people and where it is based."""
    data = _entity_command("company", name, db, as_json)
    if as_json:
        return
    heading(data)
    if data["based_in"]:
        out.print("based in: " + ", ".join(str(b.get("place")) for b in data["based_in"]))
    table("Slate", ["film", "year", "roles"], [[s["film"], s["year"], "; ".join(s["roles"])] for s in data["slate"]])
    table("Deals", ["date", "territory", "film", "rights", "source"],
          [[d.get("first_seen"), d.get("territory"), d.get("film"), d.get("rights"), src(d)] for d in data["deals"]])
    table("People", ["person", "title", "source"],
          [[p.get("person"), p.get("title"), src(p)] for p in data["people"]])


@app.command()
def festival(name: Annotated[str, typer.Argument(help="Festival name (or #ID).")],
             year: Annotated[int | None, typer.Option(help="Only this edition.")] = None,
             db: DbOption = None, as_json: JsonOption = False) -> None:
    """A festival: editions with the line-up by section and the winners."""
    data = _entity_command("festival", name, db, as_json, year=year)
    if as_json:
        return
    heading(data)
    for edition in data["editions"]:
        label = f"{edition['year'] or 'year unknown'}" + (f" ({edition['edition']}th)" if edition["edition"] else "")
        rows = [[section, s.get("film"), s.get("premiere"), src(s)]
                for section, items in edition["lineup"].items() for s in items]
        table(f"{label}: line-up", ["section", "film", "premiere", "source"], rows)
        table(f"{label}: winners", ["award", "winner", "source"],
              [[w.get("award"), w.get("subject"), src(w)] for w in edition["winners"]])
    if not data["editions"]:
        out.print("no selections or awards stored" + (f" for {year}" if year else ""))


@app.command()
def deals(company: Annotated[str | None, typer.Option(help="Buyer, sales agent or seller (name or id).")] = None,
          territory: Annotated[str | None, typer.Option(help="Territory, e.g. Germany or 'North America'.")] = None,
          since: Annotated[str | None, typer.Option(help="Only deals first reported on or after this date.")] = None,
          limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
          offset: Annotated[int, typer.Option(min=0)] = 0,
          db: DbOption = None, as_json: JsonOption = False) -> None:
    """Deals, newest first, filtered by company, territory and date."""
    store = open_db(db)
    try:
        data = store.deals(company=company, territory=territory, since=since, limit=limit, offset=offset)
    finally:
        store.close()
    if as_json:
        emit_json(data)
        return
    table(f"Deals ({data['total']})", ["date", "film", "company", "territory", "rights", "fact", "source"],
          [[d.get("first_seen"), d.get("film"), d.get("company"), d.get("territory"), d.get("rights"),
            d["fact_id"], src(d)] for d in data["items"]])
    if not data["items"]:
        out.print("no deals match")


@app.command()
def search(text: Annotated[str, typer.Argument(help="Words to find (every word must match).")],
           limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """Full-text search over entity names and article texts."""
    store = open_db(db)
    try:
        data = store.search(text, limit)
    finally:
        store.close()
    if as_json:
        emit_json(data)
        return
    table("Entities", ["id", "kind", "name"], [[e["id"], e["kind"], e["name"]] for e in data["entities"]])
    table("Articles", ["id", "date", "title", "snippet"],
          [[a["article_id"], a["date"], a["title"], a["snippet"]] for a in data["articles"]])
    if not data["entities"] and not data["articles"]:
        out.print("nothing found")


@app.command()
def fact(fact_id: Annotated[int, typer.Argument(help="Fact id.")], db: DbOption = None,
         as_json: JsonOption = False) -> None:
    """One fact with every sentence that states it."""
    store = open_db(db)
    try:
        data = store.fact(fact_id)
    finally:
        store.close()
    if data is None:
        fail(f"no fact {fact_id}")
    if as_json:
        emit_json(data)
        return
    fields = {k: v for k, v in data.items() if k not in ("evidence",) and v not in (None, [], "")}
    out.print(json.dumps(fields, ensure_ascii=False))
    table("Evidence", ["article", "date", "start", "end", "sentence"],
          [[e["article_id"], e["date"], e["start"], e["end"], e["sentence"]] for e in data["evidence"]])


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(EXPORT_FORMATS)}.")] = "jsonl",
           output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
           db: DbOption = None) -> None:
    """Export every entity and fact, with sources: CSV, JSON lines or schema.org JSON-LD."""
    if fmt not in EXPORT_FORMATS:
        fail(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    store = open_db(db)
    try:
        with _output(output) as stream:
            for chunk in store.export(fmt):
                stream.write(chunk)
    finally:
        store.close()


def _output(path: str | None) -> Any:
    """The file to write (or stdout), as a context manager."""
    return open(path, "w", encoding="utf-8", newline="") if path else nullcontext(sys.stdout)  # noqa: SIM115


def _correction(method: str, *args: Any, db: str | None, as_json: bool, **kwargs: Any) -> None:
    store = open_db(db)
    try:
        result = getattr(store, method)(*args, **kwargs)
    except KeyError as exc:
        fail(str(exc.args[0]) if exc.args else "not found")
    except ValueError as exc:
        fail(str(exc))
    finally:
        store.close()
    if as_json:
        emit_json(result)
    else:
        out.print(f"[green]{method}[/green] recorded as correction #{result['correction_id']}: "
                  + ", ".join(f"{k}={v}" for k, v in result.items() if k not in ("correction_id", "kind")))


@app.command()
def merge(keep_id: Annotated[int, typer.Argument(help="Entity to keep.")],
          other_id: Annotated[int, typer.Argument(help="Entity merged into it (its name becomes an alias).")],
          reason: Annotated[str, typer.Option(help="Why (kept with the correction).")] = "manual merge",
          db: DbOption = None, as_json: JsonOption = False) -> None:
    """Merge two entities that are one (survives re-ingestion)."""
    _correction("merge", keep_id, other_id, reason=reason, db=db, as_json=as_json)


@app.command()
def split(entity_id: Annotated[int, typer.Argument(help="Entity that wrongly holds NAME.")],
          name: Annotated[str, typer.Argument(help="Spelling to make its own entity.")],
          db: DbOption = None, as_json: JsonOption = False) -> None:
    """Split a name off an entity: it becomes its own entity and never links back."""
    _correction("split", entity_id, name, db=db, as_json=as_json)


@app.command()
def retract(fact_id: Annotated[int, typer.Argument(help="Fact to retract.")],
            reason: Annotated[str, typer.Option(help="Why (kept with the correction).")] = "",
            db: DbOption = None, as_json: JsonOption = False) -> None:
    """Retract a wrong fact; it stays retracted when articles are ingested again."""
    _correction("retract", fact_id, reason=reason, db=db, as_json=as_json)


@app.command()
def rename(entity_id: Annotated[int, typer.Argument(help="Entity to rename.")],
           new_name: Annotated[str, typer.Argument(help="Its new main name (the old one stays an alias).")],
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """Rename an entity."""
    _correction("rename", entity_id, new_name, db=db, as_json=as_json)
