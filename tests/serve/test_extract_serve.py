"""End to end: `cronica extract` on a Spanish report, then the explorer over that store."""
from __future__ import annotations

import subprocess
import sys

import pytest

TEXT = """\
Las fuerzas iraquíes recuperaron el jueves el control total de Tal Afar, una de las últimas ciudades de la provincia de Nínive que seguía en poder del Estado Islámico, según anunció el primer ministro.
El martes, un coche bomba estalló junto a un puesto de control en Ramadi y mató a siete policías.
Tropas del Ejército colombiano combatieron ayer con guerrilleros del ELN en zona rural de Tibú, en el departamento de Norte de Santander.
"""

STAGES_MISSING = ("ImportError", "ModuleNotFoundError", "cannot import name")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    work = tmp_path_factory.mktemp("extract")
    src = work / "informe.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = work / "informe.duckdb"
    r = subprocess.run([sys.executable, "-c", "from cronica.cli import main; main()", "extract", str(src),
                        "--db", str(db), "--dct", "2017-09-01"], capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        if any(word in r.stderr for word in STAGES_MISSING):
            last = [line for line in r.stderr.splitlines() if line.strip()][-1][:200]
            pytest.skip(f"the pipeline stages are not all importable yet, so `cronica extract` cannot run ({last})")
        if "E001" in r.stderr:
            pytest.skip("the spaCy model is not installed (cronica error E001)")
        pytest.fail(f"cronica extract failed:\n{r.stderr[-3000:]}")
    return db


def test_extracted_store_is_served(extracted):
    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    from cronica.store import open_store
    with open_store(extracted, read_only=True) as store:
        n = store.count("events")
    assert n >= 1, "cronica extract stored no event from the sample report"
    with TestClient(create_app(extracted)) as client:
        assert client.get("/api/meta").json()["events"] == n
        page = client.get("/api/events").json()
        assert page["total"] == n
        for p in page["points"]:
            d = client.get(f"/api/events/{p['event_id']}").json()
            assert d["evidence"], p
            for ev in d["evidence"]:
                assert "".join(s["text"] for s in ev["segments"]) == ev["sentence"]
                assert any(s["kind"] == "trigger" for s in ev["segments"]), ev
        assert client.get("/api/timeline").json()["total"] == n
        assert client.get("/api/export?format=acled").status_code == 200


def test_extracted_store_in_the_browser(extracted, page):
    from serve_helpers import LiveServer

    from cronica.serve.app import create_app
    with LiveServer(create_app(extracted)) as srv:
        page.goto(srv.url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=20_000)
        assert page.locator("#event-list li").count() >= 1
        page.click("#event-list li >> nth=0")
        page.wait_for_selector(".evidence .sentence mark.hl-trigger", timeout=10_000)
        assert page.errors == [] and page.outside == []
