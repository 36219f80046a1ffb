"""The explorer's application: `create_app(db_path, tiles=None)` serves a read-only store."""
from __future__ import annotations

import re
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from cronica.serve.api import EVENT_ID, router
from cronica.serve.db import Explorer

STATIC = Path(str(resources.files("cronica.serve").joinpath("static")))
TILE_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def check_tiles(tiles: Optional[str]) -> Optional[str]:
    """A tile URL template such as https://tile.example.org/{z}/{x}/{y}.png, or None."""
    if not tiles:
        return None
    if not TILE_URL.match(tiles) or not all(k in tiles for k in ("{z}", "{x}", "{y}")):
        raise ValueError(f"--tiles must be an http(s) URL template with {{z}}, {{x}} and {{y}}; got {tiles!r}")
    return tiles


def _tile_origin(tiles: str) -> str:
    parts = urlsplit(tiles.replace("{s}.", "*.").replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


def _validation_message(exc: RequestValidationError) -> str:
    msgs = []
    for err in exc.errors():
        where = err.get("loc", ())
        name = where[-1] if where else "request"
        msgs.append(f"{name}: {err.get('msg', 'invalid value')}"
                    + (f" (got {err['input']!r})" if isinstance(err.get("input"), (str, int, float)) else ""))
    return "Invalid request parameter: " + "; ".join(msgs)


def create_app(db_path: str | Path, tiles: Optional[str] = None,
               allowed_hosts: Optional[Sequence[str]] = None) -> FastAPI:
    """The explorer over the store at `db_path`, opened read-only. `tiles` is an optional
    online tile URL template; without it the base map is the bundled boundaries only.
    `allowed_hosts` limits the Host header (the CLI passes the loopback names)."""
    tiles = check_tiles(tiles)
    explorer = Explorer(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        explorer.close()

    app = FastAPI(title="cronica explorer", version="1",
                  description="A read-only explorer over a cronica event store. Every page has a JSON "
                              "twin under /api; no endpoint runs SQL or reads files named by the client.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.explorer = explorer
    app.state.tiles = tiles
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    img = "'self' data:" + (f" {_tile_origin(tiles)}" if tiles else "")
    csp = (f"default-src 'self'; img-src {img}; script-src 'self'; style-src 'self' 'unsafe-inline'; "
           "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
           "form-action 'self'")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(index, media_type="text/html")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        if not EVENT_ID.match(event_id):
            return JSONResponse({"detail": "An event id is 1-128 letters, digits, '_', '.', ':' or '-'."},
                                status_code=400)
        return FileResponse(index, media_type="text/html")

    @app.get("/control", include_in_schema=False)
    def control_page() -> FileResponse:
        return FileResponse(index, media_type="text/html")

    @app.get("/api", include_in_schema=False)
    def api_page() -> FileResponse:
        return FileResponse(STATIC / "api.html", media_type="text/html")

    return app
