"""Benchmark of the explorer at 100,000 events (issue 6).

Builds a store of N synthetic events (real rows, written with Store.write_rows in
batches), then times the API calls the page makes (server side, through the ASGI
app in-process and over HTTP from a live uvicorn), and, in headless Chromium
(Debian's /usr/bin/chromium via Playwright), a filter change followed by the
redraw of map and list. Writes bench/results/serve.md.

    .venv/bin/python bench/serve_bench.py [--events 100000] [--db /tmp/serve-bench.duckdb]
    .venv/bin/python bench/serve_bench.py --screenshot docs/explorer.png
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from cronica.store import open_store  # noqa: E402

TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Suicide bomb"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Non-violent transfer of territory"],
}
ACTORS = ["Military Forces of Iraq (2014-)", "Islamic State (Iraq)", "Military Forces of Syria (2000-)",
          "Hayat Tahrir al-Sham", "SDF: Syrian Democratic Forces", "Military Forces of Colombia (2018-2022)",
          "ELN: National Liberation Army", "FARC-EP dissidents", "JNIM: Group for Support of Islam and Muslims",
          "Military Forces of Mali (2021-)", "Al Shabaab", "Military Forces of Somalia (2022-)",
          "Police Forces of Mexico (2018-2024)", "CJNG: Jalisco New Generation Cartel", "Protesters (Iraq)",
          "Rioters (Colombia)", "Civilians (Mali)", "Unidentified Armed Group (Syria)"]
REGIONS = [("IQ", 29.5, 37.0, 39.0, 48.5), ("SY", 32.5, 37.2, 35.8, 42.0), ("CO", -4.0, 11.5, -78.5, -67.0),
           ("ML", 10.5, 24.0, -12.0, 4.0), ("SO", -1.5, 11.5, 41.0, 51.0), ("MX", 15.0, 32.0, -117.0, -87.0),
           ("VE", 1.0, 12.0, -73.0, -60.0), ("NG", 4.5, 13.5, 3.0, 14.5)]
SPANISH = ["combatieron", "atacaron", "estalló", "bombardearon", "secuestraron", "protestaron", "recuperaron"]


def places(rng: random.Random, n: int = 1500) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        cc, s, no, w, e = REGIONS[i % len(REGIONS)]
        out.append({"name": f"Lugar {i}", "country": cc, "admin1": f"Provincia {cc}-{i % 17}",
                    "lat": round(rng.uniform(s, no), 4), "lon": round(rng.uniform(w, e), 4), "gid": 9_000_000 + i})
    return out


def build(path: Path, n: int, per_doc: int = 10, batch_docs: int = 200, seed: int = 6) -> dict[str, float]:
    rng = random.Random(seed)
    where = places(rng)
    flat = [(t, s) for t, subs in TYPES.items() for s in subs]
    start = date(2014, 1, 1)
    t0 = time.perf_counter()
    written = 0
    with open_store(path) as store:
        for b0 in range(0, n, per_doc * batch_docs):
            tables: dict[str, list[dict]] = {"documents": [], "mentions": [], "events": [], "event_sources": []}
            for d in range(b0, min(b0 + per_doc * batch_docs, n), per_doc):
                doc_id = f"bench-{d // per_doc:06d}"
                sentences, rows = [], []
                for k in range(d, min(d + per_doc, n)):
                    etype, sub = flat[k % len(flat)]
                    p = where[rng.randrange(len(where))]
                    day = start + timedelta(days=rng.randrange(3650))
                    a1, a2 = rng.sample(ACTORS, 2)
                    verb = SPANISH[k % len(SPANISH)]
                    dead = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 40])
                    sent = f"El {day.day} de {day.month} de {day.year}, {a1} {verb} en {p['name']} contra {a2}; {dead} muertos."
                    sentences.append(sent)
                    rows.append((k, etype, sub, p, day, a1, a2, dead, sent, verb))
                text = "\n".join(sentences)
                tables["documents"].append({"doc_id": doc_id, "source": f"Agencia {d % 7}", "url": f"https://example.org/{doc_id}",
                                            "title": f"Informe {doc_id}", "dct": rows[-1][4], "language": "es",
                                            "text_hash": doc_id, "n_chars": len(text), "text": text,
                                            "ingested_at": datetime(2026, 1, 1)})
                pos = 0
                for (k, etype, sub, p, day, a1, a2, dead, sent, verb) in rows:
                    eid = f"ev{k:07d}"
                    v0 = pos + sent.index(verb)
                    tables["events"].append({
                        "event_id": eid, "event_type": etype, "sub_event_type": sub, "date_start": day, "date_end": day,
                        "time_precision": "day", "actor1": a1, "actor2": a2, "country": p["country"], "admin1": p["admin1"],
                        "location": p["name"], "lat": p["lat"], "lon": p["lon"], "geonameid": p["gid"], "geo_precision": 1,
                        "fatalities": dead, "confidence": 0.7, "mentions": 1 + k % 4, "notes": sent,
                        "explanation_json": "{}"})
                    tables["event_sources"].append({
                        "event_id": eid, "doc_id": doc_id, "start": pos, "end": pos + len(sent), "trigger_start": v0,
                        "trigger_end": v0 + len(verb), "sentence_text": sent, "trigger_text": verb, "attribution": "reported",
                        "confidence": 0.7, "rule_trail": json.dumps([f"trigger:{verb} -> {sub}"])})
                    a0 = pos + sent.index(a1)
                    tables["mentions"].append({"mention_id": f"{eid}:a", "doc_id": doc_id, "kind": "actor", "start": a0,
                                               "end": a0 + len(a1), "text": a1, "value_json": "{}"})
                    pos += len(sent) + 1
            written += store.write_rows(tables)["events"]
            print(f"  {written:,} events written ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
        stored = store.count("events")
    return {"seconds": time.perf_counter() - t0, "events": stored}


def timed(fn, repeat: int) -> dict[str, float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"median": statistics.median(times), "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
            "max": times[-1]}


API_CALLS = [
    ("meta (cached)", "/api/meta"),
    ("events, no filter (2,000 points + grid)", "/api/events?limit=2000&bbox=-180,-85,180,85&cell=2"),
    ("events, event_type=Battles", "/api/events?limit=2000&event_type=Battles&bbox=-180,-85,180,85&cell=2"),
    ("events, one year", "/api/events?limit=2000&date_from=2019-01-01&date_to=2019-12-31&bbox=-180,-85,180,85&cell=2"),
    ("events, country=CO + sub-type", "/api/events?limit=2000&country=CO&sub_event_type=Armed%20clash"),
    ("events, actor=ELN", "/api/events?limit=2000&actor=ELN"),
    ("events, free text over evidence", "/api/events?limit=2000&text=bombardearon%20en%20Lugar%2012"),
    ("events, zoomed bbox", "/api/events?limit=2000&bbox=40,30,46,36&cell=0.15"),
    ("timeline, no filter (auto: month)", "/api/timeline"),
    ("timeline, event_type=Protests", "/api/timeline?event_type=Protests"),
    ("timeline, one year (auto: week)", "/api/timeline?date_from=2019-01-01&date_to=2019-12-31"),
    ("one event with evidence", "/api/events/ev0054321"),
    ("control, one place", "/api/control?place=Lugar%201499"),
    ("control, list of places", "/api/control"),
    ("export CSV, one country-year", "/api/export?format=csv&country=IQ&date_from=2019-01-01&date_to=2019-12-31"),
]


class ServeProcess:
    """`cronica serve` in its own process on a free loopback port, as a user runs it."""

    def __init__(self, db: Path) -> None:
        from serve_helpers import free_port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.cmd = [sys.executable, "-c", "from cronica.cli import main; main()", "serve", "--db", str(db),
                    "--port", str(self.port)]

    def __enter__(self) -> "ServeProcess":
        import subprocess
        import urllib.request
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/api/meta", timeout=5).read()
                return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("cronica serve did not start")
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=15)


def bench_api(db: Path, repeat: int) -> list[dict[str, Any]]:
    import urllib.request

    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    rows = []
    with TestClient(create_app(db)) as client, ServeProcess(db) as srv:
        for label, url in API_CALLS:
            r = client.get(url)
            assert r.status_code == 200, (url, r.text[:300])
            inproc = timed(lambda: client.get(url), repeat)

            def over_http():
                with urllib.request.urlopen(srv.url + url, timeout=30) as resp:
                    resp.read()
            http = timed(over_http, repeat)
            body = r.json() if r.headers["content-type"].startswith("application/json") else None
            note = ""
            if body and "points" in body:
                note = f"{body['total']:,} match, {body['returned']:,} points, {len((body['grid'] or {}).get('cells', [])):,} cells"
            elif body and "bins" in body:
                note = f"{len(body['bins'])} {body['interval']} bins"
            rows.append({"call": label, "url": url, "asgi": inproc, "http": http, "kb": len(r.content) / 1024,
                         "note": note})
            print(f"  {label}: {inproc['median']:.1f} ms in-process, {http['median']:.1f} ms over HTTP", file=sys.stderr)
        t = time.perf_counter()
        full = client.get("/api/export?format=acled")
        rows.append({"call": "export ACLED CSV, all events (once)", "url": "/api/export?format=acled",
                     "asgi": {"median": (time.perf_counter() - t) * 1000, "p95": float("nan"), "max": float("nan")},
                     "http": None, "kb": len(full.content) / 1024, "note": f"{full.text.count(chr(10)) - 1:,} rows"})
    return rows


def bench_browser(db: Path, repeat: int) -> dict[str, Any]:
    from serve_helpers import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with ServeProcess(db) as srv, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(srv.url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        page.wait_for_function("() => window.__cronica.baseMap > 0", timeout=60_000)
        out["first load (page, meta, base map, events, timeline)"] = (time.perf_counter() - t) * 1000
        out["points drawn"] = page.evaluate("__cronica.lastPoints")
        out["grid cells drawn"] = page.evaluate("__cronica.lastCells")
        changes = [("#f-type", "Battles"), ("#f-type", ""), ("#f-country", "CO"), ("#f-country", ""),
                   ("#f-type", "Protests"), ("#f-type", "")]
        per: dict[str, list[float]] = {}
        for _ in range(repeat):
            for sel, value in changes:
                n = page.evaluate("__cronica.applies || 0")
                t = time.perf_counter()
                page.select_option(sel, value)
                page.wait_for_function("n => (window.__cronica.applies || 0) > n", arg=n, timeout=60_000)
                assert page.evaluate("__cronica.lastQuery") == ("" if not value else
                                                                f"{'event_type' if sel == '#f-type' else 'country'}="
                                                                f"{value}"), page.evaluate("__cronica.lastQuery")
                wall = (time.perf_counter() - t) * 1000
                inpage, fetch = page.evaluate("() => [__cronica.lastApplyMs, __cronica.lastFetchMs]")
                per.setdefault(f"{sel} = {value or 'any'}", []).append(inpage)
                per.setdefault("_fetch", []).append(fetch)
                per.setdefault("_wall", []).append(wall)
        # a date range set in the filter bar (both fields, then one change event)
        set_range = """() => { document.getElementById('f-from').value = '2018-01-01';
                               const to = document.getElementById('f-to'); to.value = '2018-06-30';
                               to.dispatchEvent(new Event('change')); }"""
        for _ in range(repeat):
            page.evaluate(set_range)
            page.wait_for_function("() => (window.__cronica.lastQuery || '').includes('date_to=2018-06-30')",
                                   timeout=60_000)
            per.setdefault("date range 2018-01-01..2018-06-30", []).append(page.evaluate("__cronica.lastApplyMs"))
            page.click("#reset")
            page.wait_for_function("() => window.__cronica.lastQuery === ''", timeout=60_000)
        out["filters"] = {k: {"median": statistics.median(v), "max": max(v)} for k, v in per.items()}
        page.screenshot(path="/tmp/serve_100k.png")   # to look at; not kept in the repository
        browser.close()
    return out


def write_report(path: Path, n: int, build_s: float | None, api: list[dict[str, Any]], web: dict[str, Any] | None,
                 repeat: int, load: tuple[float, float]) -> None:
    import platform
    lines = ["# Explorer benchmark (`cronica serve`, issue 6)", "",
             f"Store: {n:,} synthetic events (a few of the 100,000 generated merged on write; 1,500 places in 8 countries, 2014-2023, 17 sub-event types), "
             f"{n // 10:,} documents, one evidence sentence and one actor mention per event, written with "
             "`Store.write_rows` by `bench/serve_bench.py`" + (f" in {build_s:.0f} s" if build_s else " (reused)") + ".",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}; each call timed "
             f"{repeat} times after one warm-up (median / p95 in ms). Load average during the run: "
             f"{load[0]:.1f} at the start, {load[1]:.1f} at the end (other work shared the machine: "
             "figures on an idle machine are lower).", "",
             "## API latency", "",
             "In-process = through the ASGI app (FastAPI TestClient), so query + JSON; HTTP = from `cronica serve` "
             "running in its own process on 127.0.0.1 (adds the socket and HTTP parsing).", "",
             "| call | in-process median | p95 | over HTTP median | p95 | response | what |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for r in api:
        h = r["http"]
        lines.append(f"| {r['call']} | {r['asgi']['median']:.1f} | "
                     + ("–" if r["asgi"]["p95"] != r["asgi"]["p95"] else f"{r['asgi']['p95']:.1f}") + " | "
                     + (f"{h['median']:.1f} | {h['p95']:.1f}" if h else "– | –")
                     + f" | {r['kb']:.0f} KB | {r['note']} |")
    if web:
        lines += ["", "## In the browser (headless Chromium, Playwright)", "",
                  f"First load of the page: {web['first load (page, meta, base map, events, timeline)']:.0f} ms "
                  f"({web['points drawn']:,} points and {web['grid cells drawn']:,} grid cells drawn).", "",
                  "A filter change, timed inside the page from the `change` event to the second animation frame "
                  "after map, list and timeline are redrawn (`__cronica.lastApplyMs`):", "",
                  "| filter change | median ms | max ms |", "|---|---:|---:|"]
        for k, v in web["filters"].items():
            if not k.startswith("_"):
                lines.append(f"| {k} | {v['median']:.0f} | {v['max']:.0f} |")
        w = web["filters"]["_wall"]
        fx = web["filters"]["_fetch"]
        lines += ["", f"Of which the `/api/events` request (server, transfer, JSON parse) took median {fx['median']:.0f} ms, "
                  f"max {fx['max']:.0f} ms. Seen from the test driver (Playwright round trips included): "
                  f"median {w['median']:.0f} ms, max {w['max']:.0f} ms.", "",
                  ]
    lines += ["", "How: the page never receives more than `limit` (2,000) points; when more match, DuckDB bins "
              "all of them into a grid (`GROUP BY floor(lat/cell), floor(lon/cell)`) and the page draws the cells "
              "under the largest points; the timeline is counted per day/week/month in DuckDB. Points are "
              "drawn in one pass on a single canvas (a small Leaflet layer of the explorer's own, with its own "
              "hit-testing), not as thousands of Leaflet vector layers.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


# Short Spanish reports written for this benchmark (public facts, the project's own sentences):
# the README's screenshot (docs/explorer.png) is the explorer over the store `cronica extract` makes of them.
SCREENSHOT_REPORTS = r"""
{"id": "mosul-2017-07-10", "date": "2017-07-10", "source": "Crónica de ejemplo", "title": "Las fuerzas iraquíes recuperan Mosul", "url": "https://example.org/mosul", "text": "Las fuerzas iraquíes recuperaron el domingo el control de la ciudad vieja de Mosul tras nueve meses de combates contra el Estado Islámico, según anunció el primer ministro.\nEl sábado, un ataque aéreo de la coalición mató a doce civiles en Tal Afar."}
{"id": "talafar-2017-09-01", "date": "2017-09-01", "source": "Crónica de ejemplo", "title": "Tal Afar vuelve a manos iraquíes", "url": "https://example.org/tal-afar", "text": "Las fuerzas iraquíes recuperaron el jueves el control total de Tal Afar, una de las últimas ciudades de la provincia de Nínive que seguía en poder del Estado Islámico.\nEl martes, un coche bomba estalló junto a un puesto de control en Ramadi y mató a siete policías."}
{"id": "mosul-2014-06-11", "date": "2014-06-11", "source": "Crónica de ejemplo", "title": "El Estado Islámico toma Mosul", "url": "https://example.org/mosul-2014", "text": "Milicianos del Estado Islámico tomaron el control de Mosul el martes, tras la retirada del ejército iraquí de la segunda ciudad del país."}
{"id": "raqqa-2017-10-17", "date": "2017-10-17", "source": "Crónica de ejemplo", "title": "Cae Raqqa", "url": "https://example.org/raqqa", "text": "Las Fuerzas Democráticas Sirias tomaron el martes el control total de Raqqa, la capital de facto del Estado Islámico en Siria.\nEl lunes, un bombardeo mató a ocho civiles en Deir ez-Zor."}
{"id": "tibu-2019-03-15", "date": "2019-03-15", "source": "Crónica de ejemplo", "title": "Combates en el Catatumbo", "url": "https://example.org/catatumbo", "text": "Tropas del Ejército colombiano combatieron ayer con guerrilleros del ELN en zona rural de Tibú, en el departamento de Norte de Santander. Según la Gobernación, en los enfrentamientos murieron tres guerrilleros.\nEl domingo pasado, hombres armados secuestraron a dos líderes comunitarios en Cúcuta."}
{"id": "cauca-2019-11-01", "date": "2019-11-01", "source": "Crónica de ejemplo", "title": "Masacre en el Cauca", "url": "https://example.org/cauca", "text": "Disidentes de las FARC asesinaron el martes a cinco indígenas en Tacueyó, en el departamento del Cauca.\nMiles de personas se manifestaron el jueves en Bogotá contra la violencia en el Cauca."}
{"id": "mopti-2022-03-20", "date": "2022-03-20", "source": "Crónica de ejemplo", "title": "Ataque en el centro de Malí", "url": "https://example.org/mopti", "text": "Presuntos yihadistas del JNIM atacaron el viernes una posición del ejército maliense en Mopti; murieron cuatro soldados.\nLa semana pasada, un artefacto explosivo mató a tres civiles cerca de Gao."}
{"id": "mogadiscio-2022-10-30", "date": "2022-10-30", "source": "Crónica de ejemplo", "title": "Doble atentado en Mogadiscio", "url": "https://example.org/mogadiscio", "text": "Dos coches bomba estallaron el sábado en Mogadiscio y mataron a un centenar de personas, en un atentado reivindicado por Al Shabab."}
{"id": "caracas-2019-01-24", "date": "2019-01-24", "source": "Crónica de ejemplo", "title": "Protestas en Caracas", "url": "https://example.org/caracas", "text": "Miles de manifestantes protestaron el miércoles en Caracas contra el Gobierno; la policía dispersó a los manifestantes con gases lacrimógenos."}
{"id": "culiacan-2019-10-18", "date": "2019-10-18", "source": "Crónica de ejemplo", "title": "Enfrentamientos en Culiacán", "url": "https://example.org/culiacan", "text": "Hombres armados del cártel de Sinaloa se enfrentaron el jueves con militares en Culiacán; murieron ocho personas."}
""".lstrip()


def screenshot(out: Path) -> None:
    import tempfile

    from serve_helpers import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    from cronica.extract import extract
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "informes.jsonl", Path(tmp) / "ejemplo.duckdb"
        src.write_text(SCREENSHOT_REPORTS, encoding="utf-8")
        print(extract([str(src)], str(db)).line(), file=sys.stderr)
        with ServeProcess(db) as srv, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 860})
            page.goto(srv.url + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            page.wait_for_function("() => window.__cronica.baseMap > 0", timeout=60_000)
            page.click("#event-list li:has-text('Tibú')")
            page.wait_for_selector(".evidence .sentence mark", timeout=30_000)
            page.wait_for_timeout(400)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    print(f"screenshot written to {out}", file=sys.stderr)


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--events", type=int, default=100_000)
    a.add_argument("--db", default="/tmp/serve-bench.duckdb", help="reused when it already holds --events events")
    a.add_argument("--repeat", type=int, default=20)
    a.add_argument("--build-only", action="store_true")
    a.add_argument("--no-browser", action="store_true")
    a.add_argument("--out", default=str(ROOT / "bench" / "results" / "serve.md"))
    a.add_argument("--screenshot", metavar="PNG", help="only write the README's screenshot (e.g. docs/explorer.png)")
    args = a.parse_args()
    if args.screenshot:
        screenshot(Path(args.screenshot))
        return
    db = Path(args.db)
    build_s = None
    have = 0
    if db.exists():
        try:
            with open_store(db, read_only=True) as st:
                have = st.count("documents") * 10   # a few events merge: count what was written
        except Exception:  # noqa: BLE001  (not a store: rebuild)
            have = 0
    if have != -(-args.events // 10) * 10:
        db.unlink(missing_ok=True)
        print(f"building a store of {args.events:,} events in {db}", file=sys.stderr)
        build_s = build(db, args.events)["seconds"]
    if args.build_only:
        return
    load0 = os.getloadavg()[0]
    api = bench_api(db, args.repeat)
    web = None
    if not args.no_browser and Path("/usr/bin/chromium").exists():
        web = bench_browser(db, max(3, args.repeat // 4))
    with open_store(db, read_only=True) as st:
        stored = st.count("events")
    write_report(Path(args.out), stored, build_s, api, web, args.repeat, (load0, os.getloadavg()[0]))
    print(Path(args.out).read_text(), file=sys.stderr)


if __name__ == "__main__":
    main()
