"""The command line: thin faces over the pipeline's functions, one module per command group."""

from reelgraph.cli import extract_cmd, ingest_cmd, query_cmd, serve_cmd  # noqa: F401  (registers commands)
from reelgraph.cli.app import app


def main() -> None:
    app()
