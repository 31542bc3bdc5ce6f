"""The web face's only door to the store: every call goes through ``Gateway``.

``Gateway`` opens the store once, serialises calls (one connection, many request threads),
puts a time limit on each call and turns store failures into ``WebError``s that the app
renders as ``{"error": {"code", "message"}}`` (API) or an error page (HTML).  It never
builds SQL: it calls the store's query methods with the request's values as parameters.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("reelgraph.web")

QUERY_TIME_LIMIT_S = 5.0


class WebError(Exception):
    """An error with an HTTP status and a short machine-readable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(what: str) -> WebError:
    return WebError(404, "not_found", f"{what} not found")


class Gateway:
    """Wraps a ``reelgraph.store.Store``: serialised, time-limited, errors mapped."""

    def __init__(
        self,
        store: Any,
        time_limit_s: float = QUERY_TIME_LIMIT_S,
        pool: concurrent.futures.ThreadPoolExecutor | None = None,
    ) -> None:
        self.store = store
        self.time_limit_s = time_limit_s
        self._lock = threading.RLock()
        # One worker thread owns the connection: SQLite connections stay in their thread.
        self._pool = pool or concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        # Prefer the store's own limit (SQLite progress handler / PG statement_timeout).
        self.native_limit = False
        self._pool.submit(self._set_native_limit).result()

    def _set_native_limit(self) -> None:
        """PostgreSQL: the store sets statement_timeout.  SQLite has none (the store raises
        NotImplementedError): a call that runs past the limit is stopped with
        ``store.interrupt()`` from the request thread instead."""
        setter = getattr(self.store, "set_time_limit", None)
        if not callable(setter):
            return
        try:
            setter(self.time_limit_s)
            self.native_limit = True
        except NotImplementedError:
            log.debug("store has no native time limit; interrupting slow calls instead")
        except Exception:  # noqa: BLE001 - fall back to interrupting
            log.warning("store.set_time_limit failed; interrupting slow calls instead")

    @classmethod
    def open(cls, url: str, time_limit_s: float = QUERY_TIME_LIMIT_S) -> Gateway:
        from reelgraph.store import open_store

        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        store = pool.submit(open_store, url).result()
        return cls(store, time_limit_s, pool)

    def has(self, method: str) -> bool:
        return callable(getattr(self.store, method, None))

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call ``store.<method>(*args, **kwargs)`` within the time limit."""
        fn: Callable[..., Any] | None = getattr(self.store, method, None)
        if not callable(fn):
            raise WebError(501, "not_implemented", f"the store has no {method}() yet")
        future = self._pool.submit(self._locked, fn, args, kwargs)
        try:
            return future.result(timeout=self.time_limit_s + 1.0)
        except concurrent.futures.TimeoutError:
            self._interrupt()
            raise WebError(503, "timeout", "the query took too long; narrow it down") from None

    def _locked(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        with self._lock:
            try:
                return fn(*args, **kwargs)
            except WebError:
                raise
            except (KeyError, LookupError) as exc:
                raise WebError(404, "not_found", _message(exc, "not found")) from exc
            except ValueError as exc:
                raise WebError(400, "bad_request", _message(exc, "bad request")) from exc
            except Exception as exc:
                if _is_timeout(exc):
                    raise WebError(503, "timeout", "the query took too long; narrow it down") from exc
                raise

    def _interrupt(self) -> None:
        """Stop the running query (``store.interrupt()`` is safe from another thread)."""
        interrupt = getattr(self.store, "interrupt", None)
        if callable(interrupt):
            try:
                interrupt()
            except Exception:  # noqa: BLE001
                log.exception("interrupting the store failed")

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if callable(close):
            with self._lock:
                close()
        self._pool.shutdown(wait=False)


def _message(exc: BaseException, default: str) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc) or default


def _is_timeout(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "interrupted" in text or "timeout" in text or "canceling statement" in text
