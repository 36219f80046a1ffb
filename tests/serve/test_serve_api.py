"""The explorer's JSON API over a real DuckDB store (FastAPI's TestClient)."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from serve_sample import XSS_SENTENCE, XSS_TITLE


def test_meta_lists_types_countries_and_extent(client):
    meta = client.get("/api/meta").json()
    assert meta["events"] == 5 and meta["located"] == 5
    assert (meta["first"], meta["last"]) == ("2014-06-16", "2019-10-07")
    types = {t["event_type"]: t["sub_event_types"] for t in meta["event_types"]}
    assert types["Strategic developments"] == {"Government regains territory": 1,
                                               "Non-state actor overtakes territory": 1}
    iraq = next(c for c in meta["countries"] if c["code"] == "IQ")
    assert iraq["name"] == "Iraq" and iraq["admin1"]["Nineveh"] == 2
    assert meta["control_places"] == 1 and meta["tiles"] is None


def ids(resp):
    assert resp.status_code == 200, resp.text
    return {p["event_id"] for p in resp.json()["points"]}


def test_events_filters(client):
    assert len(ids(client.get("/api/events"))) == 5
    assert ids(client.get("/api/events?event_type=Battles")) == {"ev-tibu-2019"}
    assert ids(client.get("/api/events?sub_event_type=Government regains territory")) == {"ev-talafar-2017"}
    assert ids(client.get("/api/events?date_from=2017-01-01&date_to=2017-12-31")) == {"ev-talafar-2017", "ev-ramadi-2017"}
    assert ids(client.get("/api/events?actor=eln")) == {"ev-tibu-2019"}
    assert ids(client.get("/api/events?country=co")) == {"ev-tibu-2019"}
    assert ids(client.get("/api/events?country=IQ&admin1=Nineveh")) == {"ev-talafar-2017", "ev-talafar-2014"}
    # free text searches every evidence sentence, not only the first (notes)
    assert ids(client.get("/api/events?text=liberada")) == {"ev-talafar-2017"}
    assert ids(client.get("/api/events?text=nada parecido")) == set()
    body = client.get("/api/events?event_type=Battles").json()
    assert body["total"] == 1 and body["grid"] is None and not body["truncated"]
    p = body["points"][0]
    assert (p["lat"], p["lon"], p["fatalities"], p["date_start"]) == (8.6396, -72.7345, 3, "2019-03-14")


def test_events_are_capped_and_binned(client):
    body = client.get("/api/events?limit=2").json()
    assert body["returned"] == 2 and body["truncated"] and body["in_view"] == 5
    assert [p["event_id"] for p in body["points"]][0] == "ev-talafar-2017"   # most mentions first
    cells = body["grid"]["cells"]
    assert sum(c["count"] for c in cells) == 5
    by_f = client.get("/api/events?limit=1&order=fatalities").json()
    assert by_f["points"][0]["event_id"] == "ev-ramadi-2017"
    # the bounding box keeps Colombia only
    box = client.get("/api/events?bbox=-80,0,-60,15").json()
    assert box["in_view"] == 1 and box["total"] == 5
    assert [p["event_id"] for p in box["points"]] == ["ev-tibu-2019"]
    fine = client.get("/api/events?limit=1&cell=0.5").json()
    assert fine["grid"]["cell"] == 0.5 and len(fine["grid"]["cells"]) == 4  # Tal Afar events share a cell


def test_timeline(client):
    t = client.get("/api/timeline?interval=year").json()
    assert t["interval"] == "year"
    assert [(b["start"], b["count"]) for b in t["bins"]] == [("2014-01-01", 1), ("2017-01-01", 2), ("2019-01-01", 2)]
    assert t["bins"][1]["by_type"] == {"Explosions/Remote violence": 1, "Strategic developments": 1}
    auto = client.get("/api/timeline").json()
    assert auto["interval"] == "month" and auto["total"] == 5
    day = client.get("/api/timeline?date_from=2017-08-01&date_to=2017-09-30").json()
    assert day["interval"] == "day" and [b["start"] for b in day["bins"]] == ["2017-08-29", "2017-08-31"]
    week = client.get("/api/timeline?interval=week&event_type=Riots").json()
    assert week["bins"] == [{"start": "2019-10-07", "count": 1, "by_type": {"Riots": 1}}]


def test_event_evidence_is_highlighted(client):
    d = client.get("/api/events/ev-talafar-2017").json()
    assert d["event"]["country_name"] == "Iraq" and d["event"]["mentions"] == 2
    assert "explanation_json" not in d["event"] and d["explanation"]["place_rule"] == "gazetteer:sample"
    assert [e["doc_id"] for e in d["evidence"]] == ["irak-2017-09-01", "irak-2017-09-02"]
    first = d["evidence"][0]
    assert first["title"] == "Tal Afar vuelve a manos iraquíes" and first["url"] == "https://example.org/tal-afar"
    assert first["dct"] == "2017-09-01"
    assert "".join(s["text"] for s in first["segments"]) == first["sentence"]
    marked = [(s["kind"], s["text"]) for s in first["segments"] if s["kind"]]
    assert marked == [("actor", "fuerzas iraquíes"), ("trigger", "recuperaron"), ("timex", "el jueves"),
                      ("place", "Tal Afar")]
    assert first["rule_trail"][0].startswith("trigger:recuperar")
    assert {m["kind"] for m in first["mentions"]} == {"actor", "timex", "place"}
    # mentions of the same document outside the sentence (the Ramadi one) are not shown here
    assert all(m["text"] != "Ramadi" for m in first["mentions"])


def test_html_in_documents_is_data_and_bad_links_are_dropped(client):
    d = client.get("/api/events/ev-bagdad-2019").json()
    ev = d["evidence"][0]
    assert ev["sentence"] == XSS_SENTENCE and ev["title"] == XSS_TITLE
    assert ev["url"] is None  # javascript: is never offered as a link
    assert "".join(s["text"] for s in ev["segments"]) == XSS_SENTENCE
    assert ("trigger", "quemaron") in [(s["kind"], s["text"]) for s in ev["segments"]]


def test_event_errors(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and "no-such-event" in r.json()["detail"]
    r = client.get("/api/events/bad id'; DROP TABLE events")
    assert r.status_code == 400 and "event id" in r.json()["detail"]
    assert client.get("/api/events/" + "x" * 129).status_code in (400, 422)


@pytest.mark.parametrize("query, status, words", [
    ("/api/events?date_from=2019-13-01", 422, "date_from"),
    ("/api/events?date_from=yesterday", 422, "date_from"),
    ("/api/events?date_from=2019-02-01&date_to=2018-01-01", 400, "after"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?order=random()", 422, "order"),
    ("/api/events?country=Iraq", 422, "country"),
    ("/api/events?bbox=1,2,3", 400, "bbox"),
    ("/api/events?bbox=10,80,0,-80", 400, "bbox"),
    ("/api/events?cell=-1", 422, "cell"),
    ("/api/events?actor=" + "a" * 201, 422, "actor"),
    ("/api/timeline?interval=hour", 422, "interval"),
    ("/api/export?format=xlsx", 422, "format"),
    ("/api/export", 422, "format"),
])
def test_bad_input_gets_a_clear_4xx(client, query, status, words):
    r = client.get(query)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"]


def test_sql_metacharacters_are_just_text(client):
    r = client.get("/api/events", params={"actor": "x' OR 1=1 --", "text": "%'; SELECT 1; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events?text=%25").json()["total"] == 5   # % matches like any ILIKE text


def test_control(client):
    listing = client.get("/api/control").json()
    assert listing["place"] is None
    assert [(p["place_name"], p["changes"]) for p in listing["places"]] == [("Tal Afar", 2)]
    body = client.get("/api/control?place=tal afar").json()
    (place,) = body["places"]
    assert place["place_id"] == "99031" and (place["lat"], place["lon"]) == (36.3792, 42.4489)
    assert [c["event_id"] for c in place["changes"]] == ["ev-talafar-2014", "ev-talafar-2017"]
    assert [(p["holder"], p["from"], p["to"]) for p in place["periods"]] == [
        ("Military Forces of Iraq (2014-)", None, "2014-06-16"),
        ("Islamic State (Iraq)", "2014-06-16", "2017-08-31"),
        ("Military Forces of Iraq (2014-)", "2017-08-31", None)]
    assert client.get("/api/control?place=Atlantis").json()["places"] == []
    assert client.get("/api/control?place=" + "x" * 300).status_code == 422


def test_exports_follow_the_filter(client):
    r = client.get("/api/export?format=csv&country=IQ")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="cronica-events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id"] for row in rows} == {"ev-talafar-2017", "ev-ramadi-2017", "ev-talafar-2014", "ev-bagdad-2019"}
    acled = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled&event_type=Battles").text)))
    assert len(acled) == 1 and acled[0]["country"] == "Colombia" and acled[0]["event_date"] == "2019-03-14"
    assert acled[0]["fatalities"] == "3" and acled[0]["source"] == "Diario de ejemplo"
    gj = client.get("/api/export?format=geojson&date_from=2017-01-01&date_to=2017-12-31")
    assert gj.headers["content-type"].startswith("application/geo+json")
    feats = json.loads(gj.text)["features"]
    assert sorted(f["properties"]["event_id"] for f in feats) == ["ev-ramadi-2017", "ev-talafar-2017"]
    assert feats[0]["geometry"]["type"] == "Point"
    pq = client.get("/api/export?format=parquet&event_type=Riots")
    assert pq.status_code == 200 and pq.content[:4] == b"PAR1"


def test_openapi_documents_every_json_twin(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/control", "/api/timeline", "/api/export", "/api/meta"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "event_type", "sub_event_type", "actor", "country", "admin1", "text",
            "limit", "bbox"} <= params
    # the interactive docs would load scripts from a CDN: they are off, a local page lists the API
    assert client.get("/docs").status_code == 404
    assert "openapi.json" in client.get("/api").text


def test_pages_static_files_and_headers(client):
    for path in ("/", "/events/ev-talafar-2017", "/control?place=Tal%20Afar"):
        r = client.get(path)
        assert r.status_code == 200 and "<script src=\"/static/app.js\">" in r.text
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet.js",
                  "/static/vendor/ne-admin1-boundaries.json", "/static/vendor/LICENSE.leaflet.txt"):
        assert client.get(asset).status_code == 200, asset
    assert "http" not in client.get("/").text.replace("http-equiv", "")  # nothing from a CDN


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fstore%2fduck.py",
                                  "/static//etc/passwd", "/api/../../etc/passwd"])
def test_no_arbitrary_paths(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "import" not in r.text and "root:" not in r.text


def test_store_is_opened_read_only(client, sample_db):
    ex = client.app.state.explorer
    assert ex.store.read_only
    with pytest.raises(duckdb.Error):
        ex.store.con.execute("DELETE FROM events")
    with pytest.raises(duckdb.Error):       # the per-thread cursors too
        ex.q("DELETE FROM events")
    assert client.get("/api/meta").json()["events"] == 5


def test_tiles_are_opt_in_and_validated(sample_db):
    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    app = create_app(sample_db, tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as c:
        assert c.get("/api/meta").json()["tiles"] == "https://{s}.tile.example.org/{z}/{x}/{y}.png"
        assert "https://*.tile.example.org" in c.get("/").headers["content-security-policy"]
    for bad in ("file:///etc/passwd", "https://example.org/no-placeholders.png", "javascript:alert(1)//{z}{x}{y}"):
        with pytest.raises(ValueError):
            create_app(sample_db, tiles=bad)


def test_host_header_is_checked_when_asked(sample_db):
    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    with TestClient(create_app(sample_db, allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/meta").status_code == 200
        assert c.get("/api/meta", headers={"host": "evil.example"}).status_code == 400


def test_missing_store_is_a_clear_error(tmp_path):
    from cronica.errors import CronicaError
    from cronica.serve.app import create_app
    with pytest.raises(CronicaError, match="no such file"):
        create_app(tmp_path / "absent.duckdb")
    assert not (tmp_path / "absent.duckdb").exists()


def test_free_text_gives_the_same_answer_either_way(client, monkeypatch):
    from cronica.serve import db
    for limit in (db.TEXT_IDS_MAX, 0):   # ids matched once per request, or the match in each query
        monkeypatch.setattr(db, "TEXT_IDS_MAX", limit)
        assert ids(client.get("/api/events?text=liberada")) == {"ev-talafar-2017"}
        assert ids(client.get("/api/events?text=TAL AFAR&date_from=2017-01-01")) == {"ev-talafar-2017"}
        assert client.get("/api/timeline?text=liberada&interval=year").json()["total"] == 1
        rows = client.get("/api/export?format=csv&text=liberada").text.splitlines()
        assert len(rows) == 2 and rows[1].startswith("ev-talafar-2017")


def test_an_empty_store_is_served(tmp_path):
    from fastapi.testclient import TestClient

    from cronica.serve.app import create_app
    from cronica.store import open_store
    open_store(tmp_path / "empty.duckdb").close()
    with TestClient(create_app(tmp_path / "empty.duckdb")) as c:
        meta = c.get("/api/meta").json()
        assert (meta["events"], meta["first"], meta["event_types"], meta["countries"]) == (0, None, [], [])
        body = c.get("/api/events?bbox=-180,-85,180,85").json()
        assert (body["total"], body["points"], body["grid"]) == (0, [], None)
        assert c.get("/api/timeline").json() == {"interval": "day", "bins": [], "undated": 0, "total": 0}
        assert c.get("/api/control").json() == {"place": None, "places": []}
        assert c.get("/api/export?format=csv").status_code == 200
