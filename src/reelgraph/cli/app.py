"""The typer application that every command module registers on."""

import typer

app = typer.Typer(
    name="reelgraph",
    help="Read film trade-press articles and build a source-linked database of the film business.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
