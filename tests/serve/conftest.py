"""Fixtures for the explorer: a real DuckDB store, the app, a live server, headless Chromium."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

pytest.importorskip("fastapi", reason="the explorer needs the 'serve' extra (fastapi, uvicorn)")
pytest.importorskip("uvicorn", reason="the explorer needs the 'serve' extra (fastapi, uvicorn)")

from serve_helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer  # noqa: E402
from serve_sample import build_sample_store  # noqa: E402


def pytest_configure(config):
    # starlette's TestClient still runs on httpx and says so on import
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("serve") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(sample_db):
    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    with TestClient(create_app(sample_db)) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(sample_db):
    from cronica.serve.app import create_app
    with LiveServer(create_app(sample_db)) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) "
                    "for the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (never `playwright install`)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    # the explorer works offline: any request that leaves the loopback address fails the test
    pg.outside = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:")):
            route.continue_()
        else:
            pg.outside.append(url)
            route.abort()
    pg.route("**/*", guard)
    yield pg
    context.close()
