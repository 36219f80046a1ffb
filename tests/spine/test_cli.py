"""The command line, end to end, on the bundled example and a real DuckDB file."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "informes.jsonl"
CRONICA = [sys.executable, "-m", "cronica"]


def run(*args: str, stdin: str | None = None, ok: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*CRONICA, *args], input=stdin, capture_output=True, text=True,
                          timeout=600)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "example.duckdb"
    proc = run("extract", str(EXAMPLE), "--db", str(db))
    assert "4 documents read" in proc.stderr and "1 duplicates" in proc.stderr, proc.stderr
    return db


def test_rerun_adds_nothing(example_db: Path):
    before = json.loads(run("events", "--db", str(example_db), "--format", "json").stdout)
    proc = run("extract", str(EXAMPLE), "--db", str(example_db))
    assert "4 already stored" in proc.stderr and "0 new events" in proc.stderr
    after = json.loads(run("events", "--db", str(example_db), "--format", "json").stdout)
    assert before == after and len(before) >= 3


def test_events_table_and_filters(example_db: Path):
    table = run("events", "--db", str(example_db)).stdout
    assert "sub_event_type" in table and "rows)" in table
    rows = json.loads(run("events", "--db", str(example_db), "--format", "json",
                          "--place", "Tal Afar").stdout)
    assert rows and all("Tal Afar" in r["location"] for r in rows)
    assert all(r["date_start"] >= "2017-08-01" for r in rows)
    none = json.loads(run("events", "--db", str(example_db), "--format", "json",
                          "--from", "2030-01-01").stdout)
    assert none == []


def test_export_acled_has_acled_columns(example_db: Path, tmp_path: Path):
    out = tmp_path / "acled.csv"
    run("export", "--db", str(example_db), "--format", "acled", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    for col in ("event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
                "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                "time_precision", "source", "notes", "fatalities"):
        assert col in rows[0]
    assert {r["country"] for r in rows} >= {"Iraq"}


def test_explain_and_control(example_db: Path):
    rows = json.loads(run("events", "--db", str(example_db), "--format", "json").stdout)
    text = run("explain", rows[0]["event_id"], "--db", str(example_db)).stdout
    assert "evidence 1" in text and "rule:" in text
    missing = run("explain", "nope", "--db", str(example_db), ok=False)
    assert missing.returncode == 1 and "E013" in missing.stderr
    control = run("control", "--db", str(example_db)).stdout
    assert "holder" in control


def test_annotate_single_and_batch(tmp_path: Path):
    txt = tmp_path / "nota.txt"
    txt.write_text("Las fuerzas iraquíes recuperaron Faluya el 26 de junio de 2016.", encoding="utf-8")
    out = tmp_path / "nota.json"
    run("annotate", str(txt), "-o", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"timexes", "places", "events"} <= set(doc) and doc["timexes"][0]["value"] == "2016-06-26"
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps({"doc_id": f"n{i}", "text": t, "dct": "2019-03-15"})
                               for i, t in enumerate(["Ayer hubo combates en Tibú.", "Hoy, nada."])),
                     encoding="utf-8")
    lines = run("annotate", str(batch)).stdout.splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["doc_id"] for d in docs] == ["n0", "n1"]
    assert docs[0]["timexes"][0]["value"] == "2019-03-14"


def test_stdin_and_bad_inputs(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    proc = run("extract", "-", "--db", str(db), "--dct", "2019-03-15",
               stdin="Tropas del Ejército colombiano combatieron ayer con el ELN en Tibú.")
    assert "1 processed" in proc.stderr
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "Combates en Tibú."}\n{oops\n', encoding="utf-8")
    proc = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "bad.jsonl"), "--db", str(db))
    assert "empty.txt: the file is empty" in proc.stderr
    assert "bad.jsonl, line 2: malformed JSON" in proc.stderr
    missing = run("extract", str(tmp_path / "nope.txt"), "--db", str(db), ok=False)
    assert missing.returncode == 1 and "E008" in missing.stderr and "nope.txt" in missing.stderr
    bad_date = run("annotate", str(tmp_path / "bad.jsonl"), "--dct", "15/03/2019", ok=False)
    assert bad_date.returncode == 1 and "E009" in bad_date.stderr


def test_geocode_command_single_and_batch(tmp_path: Path):
    best = json.loads(run("geocode", "Faluya", "--country", "IQ").stdout)[0]
    assert best["name"] == "Fallujah" and abs(best["lat"] - 33.35) < 0.2 and abs(best["lon"] - 43.78) < 0.2
    batch = tmp_path / "places.jsonl"
    batch.write_text('{"id": "a", "name": "Ar Raqqah", "country": "SY"}\n'
                     '{"id": "b", "name": "Alepo", "country": "Syria"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run("geocode", "--batch", str(batch), "-o", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["country"]) for r in rows] == [("a", "SY"), ("b", "SY")]
    assert abs(rows[0]["lat"] - 35.95) < 0.2 and abs(rows[1]["lat"] - 36.2) < 0.2
