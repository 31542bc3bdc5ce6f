"""`reelgraph extract`: print the facts of articles as JSON lines or a table."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from reelgraph.cli.app import app
from reelgraph.extract import Extractor
from reelgraph.model import Extraction
from reelgraph.sources import SourceError, iter_articles

FACT_COLUMNS = {
    "credit": ("film", "person", "role", "character"),
    "deal": ("film", "company", "territory", "rights", "seller"),
    "selection": ("film", "festival", "year", "section", "premiere"),
    "award": ("subject", "award", "outcome", "festival", "year"),
    "position": ("person", "company", "title"),
    "based_in": ("company", "place"),
    "film_year": ("film", "year"),
    "alias": ("film", "person", "company", "alias"),
    "film_attribute": ("film", "attribute", "value"),
}


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text, HTML, feed or JSONL files, folders of them, or - for stdin.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="jsonl (default when piped) or table.")] = "",
    pipeline: Annotated[str, typer.Option(help="rules (default, fast) or ner (adds en_core_web_sm NER).")] = "default",
) -> None:
    """Extract source-linked facts (credits, deals, festival selections, awards, positions, ...)
    from trade-press articles, one JSON object per article: {"id", "facts": [...]}."""
    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    err = Console(stderr=True)
    failed = 0

    def articles():
        nonlocal failed
        for item in iter_articles(Path(p) if p != "-" else p for p in paths):
            if isinstance(item, SourceError):
                failed += 1
                err.print(f"[red]error[/red] {item}", highlight=False, soft_wrap=True)
            else:
                yield item

    out = Console()
    for extraction in Extractor(pipeline).extract_many(articles()):
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
        else:
            print_table(out, extraction)
    if failed:
        err.print(f"{failed} input(s) failed", highlight=False)
        raise typer.Exit(1)


def print_table(console: Console, extraction: Extraction) -> None:
    article = extraction.article
    console.rule(f"[bold]{article.title or article.id}[/bold]  ({len(extraction.facts)} facts)")
    for ftype, columns in FACT_COLUMNS.items():
        facts = [f for f in extraction.facts if f.type == ftype]
        if not facts:
            continue
        used = [c for c in columns if any(f.fields.get(c) is not None for f in facts)]
        table = Table(title=ftype, title_justify="left", show_lines=False)
        for column in used:
            table.add_column(column)
        table.add_column("conf", justify="right")
        for fact in facts:
            table.add_row(*[str(fact.fields.get(c) or "") for c in used], f"{fact.confidence:.2f}")
        console.print(table)
