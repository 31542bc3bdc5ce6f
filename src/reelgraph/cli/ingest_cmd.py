"""`reelgraph ingest SOURCE... [--db URL]`: read, extract, resolve and store articles.

Shows a progress bar (articles/s) at a terminal and a summary table at the end; exits with
code 1 when any source or article failed (each is listed with file, line and reason).

When a watchlist has a webhook URL, the new facts are then POSTed to it
(``reelgraph.web.webhooks.notify_watchlists``), best effort: a failed delivery is reported
in one summary line and never changes the exit code.
"""

from __future__ import annotations

import importlib
import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from reelgraph.cli.app import app
from reelgraph.cli.query_cmd import DbOption, open_db
from reelgraph.pipeline import IngestSummary, ingest

err = Console(stderr=True)


def _load_extractor(spec: str | None, pipeline: str) -> Any:
    """``Extractor(pipeline)``, or ``MODULE:CLASS()`` when ``--extractor`` names one."""
    if spec:
        module, _, name = spec.partition(":")
        if not name:
            raise typer.BadParameter("use MODULE:CLASS", param_hint="--extractor")
        return getattr(importlib.import_module(module), name)()
    from reelgraph.extract import Extractor

    return Extractor(pipeline)


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(title="Ingest summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rate = summary.articles / summary.seconds if summary.seconds > 0 else 0.0
    for label, value in (
        ("new articles", summary.new), ("unchanged", summary.unchanged), ("updated", summary.updated),
        ("failed", summary.failed), ("facts added", summary.facts_added),
        ("entities created", summary.entities_created), ("entities merged", summary.entities_merged),
        ("time", f"{summary.seconds:.1f} s ({rate:.1f} articles/s)"),
    ):
        style = "red" if label == "failed" and value else None
        table.add_row(label, str(value), style=style)
    return table


def _errors_table(summary: IngestSummary) -> Table:
    table = Table(title="Skipped", title_style="red")
    for column in ("source", "line", "reason"):
        table.add_column(column)
    for error in summary.errors:
        table.add_row(error.source, "" if error.line is None else str(error.line), error.reason)
    return table


@app.command("ingest")
def ingest_command(
    sources: Annotated[list[str], typer.Argument(
        help="Files, folders, feeds, JSONL corpora or '-' for stdin.", show_default=False)],
    db: DbOption = None,
    pipeline: Annotated[str, typer.Option(help="Extraction pipeline: default or rules.")] = "default",
    extractor: Annotated[str | None, typer.Option(
        help="Advanced: a custom extractor class as MODULE:CLASS (replaces --pipeline).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per extraction batch.")] = 32,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles from SOURCE(s) and store their facts, with sources, in the database.

    Re-running on the same sources changes nothing; an article whose text changed replaces
    its facts.  Bad sources are reported and skipped; exit code 1 if any failed.
    """
    try:
        engine = _load_extractor(extractor, pipeline)
    except Exception as exc:  # noqa: BLE001 - an unknown pipeline or module is a usage error
        err.print(f"[red]cannot load the extractor ({extractor or pipeline}): {exc}[/red]")
        raise typer.Exit(1) from exc
    store = open_db(db)
    try:
        summary = _run(sources, store, engine, batch_size, show=not as_json and err.is_terminal)
        webhooks = _notify(store)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(summary.to_json(), indent=2))
    else:
        out = Console()
        out.print(_summary_table(summary))
        if summary.errors:
            out.print(_errors_table(summary))
    if webhooks:  # stderr with --json, so stdout stays one JSON document
        (err if as_json else Console()).print(webhooks, highlight=False, markup=False)
    if summary.failed:
        raise typer.Exit(1)


def _notify(store: Any) -> str | None:
    """POST new facts to the watchlists' webhooks (best effort); a one-line summary, or None
    when no watchlist has a webhook."""
    try:
        if not any((w.get("webhook_url") or "").strip() for w in store.watchlists()):
            return None
        from reelgraph.web.webhooks import notify_watchlists

        reports = notify_watchlists(store)
    except Exception as exc:  # noqa: BLE001 - webhooks never fail an ingest
        return f"webhooks: not sent ({type(exc).__name__}: {exc})"
    sent = [r for r in reports if r["ok"] and r["facts"]]
    failed = [r for r in reports if not r["ok"]]
    line = (f"webhooks: {len(reports)} watchlist(s), {len(sent)} notified "
            f"({sum(r['facts'] for r in sent)} facts), {len(reports) - len(sent) - len(failed)} with nothing new, "
            f"{len(failed)} failed")
    if failed:
        line += " (" + "; ".join(f"#{r['watchlist_id']}: {r['error']}" for r in failed[:3]) + ")"
    return line


def _run(sources: list[str], store: Any, engine: Any, batch_size: int, show: bool) -> IngestSummary:
    if not show:
        return ingest(sources, store, engine, batch_size=batch_size)
    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]} articles/s"),
               TimeElapsedColumn(), TextColumn("[dim]{task.fields[last]}"))
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate="0.0", last="")

        def update(summary: IngestSummary) -> None:
            rate = summary.articles / summary.seconds if summary.seconds > 0 else 0.0
            progress.update(task, completed=summary.articles, rate=f"{rate:.1f}", last=summary.last[-60:])

        return ingest(sources, store, engine, progress=update, batch_size=batch_size)
