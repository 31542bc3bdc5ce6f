"""`reelgraph serve`: the HTTP API and the web UI in one process (uvicorn).

Writes (corrections, watchlists) need ``REELGRAPH_TOKEN`` in the environment; without it
the server is read-only.
"""

from __future__ import annotations

import os

import typer

from reelgraph.cli.app import app


@app.command()
def serve(
    db: str = typer.Option("reelgraph.db", "--db", help="Store URL: a path, sqlite:///path or postgresql://..."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs)."""
    import uvicorn

    from reelgraph.web.app import create_app

    token = os.environ.get("REELGRAPH_TOKEN") or None
    web = create_app(db, token=token)
    shown = f"[{host}]" if ":" in host else host
    mode = "corrections enabled (REELGRAPH_TOKEN set)" if token else "read-only (set REELGRAPH_TOKEN to allow corrections)"
    typer.echo(f"reelgraph serving {db} at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; {mode})")
    uvicorn.run(web, host=host, port=port, log_level="warning")
