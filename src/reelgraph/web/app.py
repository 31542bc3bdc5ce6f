"""The reelgraph web application: one FastAPI app serving the JSON API and the HTML pages.

``create_app(store_url, token=None)`` opens the store (through ``web.data.Gateway``), mounts
``/static`` (Starlette's ``StaticFiles``: no path traversal), the JSON API (``web.api``,
under ``/api``, OpenAPI at ``/docs``), the pages (``web.pages``) and the Atom feeds
(``web.feeds``).  Every response carries security headers (a Content-Security-Policy with
no inline scripts, nosniff, no framing); errors are ``{"error": {"code", "message"}}`` on
the API and a plain error page elsewhere.

Writes (corrections, watchlists) need the token: ``token`` here, else the
``REELGRAPH_TOKEN`` environment variable; with neither the server is read-only (403).
"""

from __future__ import annotations

import hmac
import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from reelgraph.web import render
from reelgraph.web.data import QUERY_TIME_LIMIT_S, Gateway, WebError

log = logging.getLogger("reelgraph.web")

HERE = Path(__file__).parent

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI (/docs) and ReDoc load their bundle from a CDN and start it inline.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src 'self' https://fonts.gstatic.com; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), microphone=(), camera=()",
}


def make_templates() -> jinja2.Environment:
    """The Jinja2 environment: autoescape on for every template, strict undefineds off."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(render.TEMPLATE_GLOBALS)
    env.filters.update(render.TEMPLATE_FILTERS)
    return env


class Auth:
    """The write token check: ``Authorization: Bearer <token>`` or a ``token`` form field."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None

    @property
    def read_only(self) -> bool:
        return self.token is None

    def check(self, request: Request, form_token: str | None = None) -> None:
        if self.token is None:
            raise WebError(403, "read_only", "this server is read-only (no REELGRAPH_TOKEN set)")
        given = form_token
        header = request.headers.get("authorization", "")
        if header[:7].lower() == "bearer ":
            given = header[7:].strip()
        if not given:
            raise WebError(401, "unauthorized", "a token is required for changes")
        if not hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8")):
            raise WebError(403, "forbidden", "wrong token")


async def require_token(request: Request) -> None:
    """Dependency of every write route: runs before the body is validated, so a write
    without a valid token is a 401/403 whatever it sends."""
    auth: Auth = request.app.state.auth
    form_token = None
    if auth.token is not None and "authorization" not in request.headers:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get("token")
            form_token = value if isinstance(value, str) else None
    auth.check(request, form_token)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path.endswith(".atom") or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template("error.html").render(
        request=request, status=status, code=code, message=message, read_only=request.app.state.auth.read_only
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def create_app(store_url: str, token: str | None = None, *, time_limit_s: float = QUERY_TIME_LIMIT_S) -> FastAPI:
    """Build the app over the store at ``store_url`` (``reelgraph.db``, ``sqlite:///path``,
    ``postgresql://...``).  ``token`` enables writes; ``None`` reads ``REELGRAPH_TOKEN``."""
    if token is None:
        token = os.environ.get("REELGRAPH_TOKEN") or None
    gateway = Gateway.open(store_url, time_limit_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        gateway.close()

    app = FastAPI(
        title="reelgraph",
        summary="Credits, deals, festival selections and awards from film trade press, each linked to its source sentence.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
    )
    app.state.gateway = gateway
    app.state.auth = Auth(token)
    app.state.templates = make_templates()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        path = request.url.path
        response.headers.setdefault(
            "Content-Security-Policy", DOCS_CSP if path in ("/docs", "/redoc") else CSP
        )
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return error_response(request, exc.status_code, codes.get(exc.status_code, "http_error"), message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        return error_response(request, 400, "bad_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal", "internal error")

    from reelgraph.web import api, feeds, pages

    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
