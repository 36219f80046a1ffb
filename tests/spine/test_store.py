"""The DuckDB store, on real files: idempotent writes, merging, locks, corruption."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from cronica.errors import CronicaError
from cronica.model import Document, DocumentAnnotations, Event, EventMention, Place, Span
from cronica.store import open_store
from cronica.store.export import export_rows
from cronica.store.query import EventFilter, control_history, get_event, select_events

MOSUL = Place(Span(32, 37, "Mosul"), "Mosul", 99072, 36.34, 43.13, "IQ", "Nineveh", "PPLA", 1)


def _annotated(doc_id: str, text: str, when: date, place: Place = MOSUL,
               sub: str = "Government regains territory", actor: str = "Military Forces of Iraq"):
    doc = Document(doc_id, text)
    sentence = Span(0, len(text), text)
    mention = EventMention(doc_id, sentence, Span(21, 31, text[21:31]), "Battles", sub, when, when,
                           "day", actor, "Islamic State (Iraq)", place=place, confidence=0.9,
                           rules=["trigger:capturar -> territory"])
    event = Event(f"e-{doc_id}", "Battles", sub, when, when, "day", actor, "Islamic State (Iraq)",
                  None, None, place, None, 0.9, [mention])
    return DocumentAnnotations(doc, [sentence], [sentence], [], [place], [], [event])


A = _annotated("d1", "Las fuerzas iraquíes capturaron Mosul el 23 de enero de 2017.", date(2017, 1, 23))
B = _annotated("d2", "Según otra fuente, el ejército iraquí tomó Mosul ese lunes.", date(2017, 1, 23))
C = _annotated("d3", "Las fuerzas iraquíes capturaron Ramadi el 9 de febrero de 2016.", date(2016, 2, 9),
               place=dataclasses.replace(MOSUL, name="Ramadi", geonameid=388349, lat=33.42, lon=43.30))


def test_rerun_adds_nothing_and_sources_merge(fresh_db: Path):
    with open_store(fresh_db) as store:
        assert store.write([(A, None)]) == {"documents": 1, "events": 1, "merged": 0}
        assert store.write([(A, None)]) == {"documents": 0, "events": 0, "merged": 0}
        assert store.write([(B, None), (C, None)]) == {"documents": 2, "events": 1, "merged": 1}
        rows = select_events(store)
        assert [(r["location"], r["mentions"]) for r in rows] == [("Ramadi", 1), ("Mosul", 2)]
        assert len(get_event(store, "e-d1")["sources"]) == 2
        assert [r["holder"] for r in control_history(store, "Mosul")] == ["Military Forces of Iraq"]


@pytest.mark.parametrize("flt, expected", [
    (EventFilter(), ["Ramadi", "Mosul"]),
    (EventFilter(date_from=date(2017, 1, 1)), ["Mosul"]),
    (EventFilter(date_to=date(2016, 12, 31)), ["Ramadi"]),
    (EventFilter(place="ramadi"), ["Ramadi"]),
    (EventFilter(actor="islamic state"), ["Ramadi", "Mosul"]),
    (EventFilter(sub_event_type="Armed clash"), []),
    (EventFilter(text="23 de enero"), ["Mosul"]),
    (EventFilter(limit=1), ["Ramadi"]),
])
def test_filters(fresh_db: Path, flt: EventFilter, expected: list[str]):
    with open_store(fresh_db) as store:
        store.write([(A, None), (C, None)])
        assert [r["location"] for r in select_events(store, flt)] == expected


def test_duplicate_document_is_recorded_without_events(fresh_db: Path):
    with open_store(fresh_db) as store:
        store.write([(A, None), (dataclasses.replace(B, document=Document("d9", B.document.text)), "d1")])
        assert store.count("documents") == 2 and store.count("events") == 1
        assert store.query("SELECT duplicate_of FROM documents WHERE doc_id='d9'")[0]["duplicate_of"] == "d1"


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda t: t.startswith("event_id,") and "Mosul" in t),
    ("acled", lambda t: t.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision,event_type")
     and ",Iraq,Nineveh,Mosul,36.34,43.13,1," in t),
    ("geojson", lambda t: '"type": "FeatureCollection"' in t and "[43.13, 36.34]" in t),
])
def test_exports(fresh_db: Path, tmp_path: Path, fmt, check):
    with open_store(fresh_db) as store:
        store.write([(A, None)])
        out = tmp_path / f"out.{fmt}"
        assert export_rows(select_events(store), fmt, out) == 1
    assert check(out.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_parquet_export_reads_back(fresh_db: Path, tmp_path: Path):
    import pyarrow.parquet as pq
    with open_store(fresh_db) as store:
        store.write([(A, None), (C, None)])
        export_rows(select_events(store), "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 2


def test_corrupt_database_is_a_clear_error_and_is_left_alone(tmp_path: Path):
    bad = tmp_path / "broken.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    before = bad.read_bytes()
    with pytest.raises(CronicaError) as err:
        open_store(bad)
    assert err.value.code == "E007" and "broken.duckdb" in str(err.value)
    assert bad.read_bytes() == before


def test_locked_database_is_a_clear_error(fresh_db: Path):
    with open_store(fresh_db) as store:
        store.write([(A, None)])
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(fresh_db)!r})
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(CronicaError) as err:
            open_store(fresh_db)
        assert err.value.code == "E006" and "locked" in str(err.value)
    finally:
        holder.kill()
        holder.wait()
    with open_store(fresh_db, read_only=True) as store:
        assert store.count("events") == 1  # nothing lost


def test_failed_batch_writes_nothing(fresh_db: Path):
    broken = dataclasses.replace(C, events=[dataclasses.replace(C.events[0], confidence="high")])
    with open_store(fresh_db) as store:
        store.write([(A, None)])
        with pytest.raises(Exception):
            store.write([(B, None), (broken, None)])
        assert store.count("documents") == 1 and store.count("event_sources") == 1
