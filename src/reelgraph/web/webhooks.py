"""Webhooks: after an ingest, POST each watchlist's new facts as JSON to its ``webhook_url``.

``notify_watchlists(store)`` is what the pipeline / CLI calls after ``ingest``.  For each
watchlist with a webhook URL it asks the store for the facts first stored since the last
delivery (``store.watchlist_facts(id, since)``) and POSTs::

    {"watchlist": {"id", "kind", "entity_id", "name"}, "facts": [fact records], "sent_at": "..."}

Delivery is best effort: one try per watchlist, a short timeout, failures reported in the
return value and logged, never raised.  The delivery cursor (the time each watchlist was
last notified) is the store's when it offers ``watchlist_notified`` /
``set_watchlist_notified``; otherwise it is kept in a small JSON file beside a SQLite
database (``<db>.webhooks.json``), else in memory for the process.  Only ``http`` and
``https`` URLs are used.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reelgraph.web.data import WebError

log = logging.getLogger("reelgraph.web.webhooks")

USER_AGENT = "reelgraph-webhook/0.1"
_memory: dict[str, dict[str, str]] = {}
_memory_lock = threading.Lock()


def check_webhook_url(url: str) -> str:
    """A webhook URL must be absolute http(s) with a host; anything else is a 400."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebError(400, "bad_request", "a webhook URL must be an http:// or https:// URL")
    return url.strip()


def _now() -> str:
    return datetime.now(UTC).isoformat()


class _Cursor:
    """Where each watchlist's last delivery stands."""

    def __init__(self, store: Any, state_path: str | Path | None) -> None:
        self.store = store
        self.native = callable(getattr(store, "watchlist_notified", None)) and callable(
            getattr(store, "set_watchlist_notified", None)
        )
        self.path: Path | None = None
        if state_path is not None:
            self.path = Path(state_path)
        elif getattr(store, "dialect", None) == "sqlite":
            url = str(getattr(store, "url", "") or "")
            db_path = url.removeprefix("sqlite:///")
            if db_path and db_path != ":memory:":
                self.path = Path(db_path + ".webhooks.json")
        self.key = str(getattr(store, "url", id(store)))
        self.state: dict[str, str] = self._load()

    def _load(self) -> dict[str, str]:
        if self.path is not None and self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
                return {str(k): str(v) for k, v in data.items()}
            except (OSError, ValueError):
                log.warning("unreadable webhook state %s; starting over", self.path)
        with _memory_lock:
            return dict(_memory.get(self.key, {}))

    def get(self, watch_id: int) -> str | None:
        if self.native:
            return self.store.watchlist_notified(watch_id)
        return self.state.get(str(watch_id))

    def set(self, watch_id: int, stamp: str) -> None:
        if self.native:
            self.store.set_watchlist_notified(watch_id, stamp)
            return
        self.state[str(watch_id)] = stamp
        with _memory_lock:
            _memory[self.key] = dict(self.state)
        if self.path is not None:
            try:
                tmp = self.path.with_suffix(self.path.suffix + ".tmp")
                tmp.write_text(json.dumps(self.state, indent=1), "utf-8")
                tmp.replace(self.path)
            except OSError:
                log.warning("cannot write webhook state %s", self.path)


def post_json(url: str, payload: dict[str, Any], timeout: float = 5.0) -> int:
    """POST ``payload`` as JSON; the HTTP status (raises ``OSError`` on network failure)."""
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def notify_watchlists(
    store: Any,
    since: str | None = None,
    *,
    timeout: float = 5.0,
    state_path: str | Path | None = None,
) -> list[dict[str, Any]]:
    """POST new facts to every watchlist's webhook; one report per watchlist with a URL:
    ``{"watchlist_id", "url", "facts", "status", "ok", "error"}``.

    ``since`` (ISO 8601) overrides the delivery cursor for this call (e.g. the time an
    ingest started).  A watchlist with no new facts is not called.  The cursor moves only
    when the receiver answers 2xx, so a failed delivery is retried after the next ingest.
    """
    cursor = _Cursor(store, state_path)
    reports: list[dict[str, Any]] = []
    for wl in store.watchlists() or []:
        url = (wl.get("webhook_url") or "").strip()
        if not url:
            continue
        report: dict[str, Any] = {"watchlist_id": wl["id"], "url": url, "facts": 0, "status": None,
                                  "ok": False, "error": None}
        reports.append(report)
        try:
            check_webhook_url(url)
        except WebError as exc:
            report["error"] = exc.message
            continue
        started = _now()
        try:
            facts = store.watchlist_facts(wl["id"], since or cursor.get(wl["id"]))
        except Exception as exc:  # noqa: BLE001 - best effort, one watchlist at a time
            report["error"] = f"query failed: {exc}"
            log.warning("watchlist %s: %s", wl["id"], report["error"])
            continue
        report["facts"] = len(facts)
        if not facts:
            report["ok"] = True
            continue
        payload = {
            "watchlist": {k: wl.get(k) for k in ("id", "kind", "entity_id", "name")},
            "facts": facts,
            "sent_at": started,
        }
        try:
            status = post_json(url, payload, timeout)
        except (OSError, ValueError) as exc:
            report["error"] = f"delivery failed: {exc}"
            log.warning("watchlist %s webhook %s: %s", wl["id"], url, exc)
            continue
        report["status"] = status
        report["ok"] = 200 <= status < 300
        if report["ok"]:
            cursor.set(wl["id"], started)
        else:
            report["error"] = f"receiver answered {status}"
    return reports
