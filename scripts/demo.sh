#!/usr/bin/env bash
# The main job on the bundled example corpus: install into .venv, ingest the examples
# (the seed article, HTML / RSS / JSONL samples and the dev-set articles) into the embedded
# SQLite database reelgraph.db, show the Dear Comrades film record, then serve the web UI.
# Set REELGRAPH_DEMO_NO_SERVE=1 to stop after the film record.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
db=${REELGRAPH_DB:-reelgraph.db}
.venv/bin/reelgraph ingest src/reelgraph/examples tests/devset/articles --db "$db"
.venv/bin/reelgraph film "Dear Comrades" --db "$db"
if [ -z "${REELGRAPH_DEMO_NO_SERVE:-}" ]; then
  port=${PORT:-8000}
  echo
  echo "Open http://127.0.0.1:$port/ in a browser (Ctrl-C stops the server)."
  exec .venv/bin/reelgraph serve --db "$db" --port "$port"
fi
