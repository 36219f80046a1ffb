"""The full Pipeline on the example passage, scored with the shared reference scorer."""
from __future__ import annotations

import pytest

from cronica.model import Document
from cronica.output import event_json


@pytest.fixture(scope="module")
def example_events(pipeline, example):
    text, _ = example
    ann = pipeline.annotate(Document(doc_id="es_mosul_raqqa_2016_2017.txt", text=text))
    return text, [event_json(e) for e in ann.events]


def test_example_scores(example_events, example, reference_scorer):
    _, rows = example_events
    res = reference_scorer.score_events(example[1]["events"], rows)
    summary = (f"F1 {res['f1']} P {res['precision']} R {res['recall']} missed {res['missed']} "
               f"dups {res['duplicates']} spurious {res['spurious']}")
    assert res["f1"] >= 0.95, summary
    assert not res["duplicates"] and not res["spurious"], summary
    assert res["actor1_accuracy"] in (None, 1.0) or res["actor1_accuracy"] >= 0.9, summary


def test_example_rows_follow_the_contract(example_events):
    text, rows = example_events
    assert rows
    for r in rows:
        assert r["date_start"] <= r["date_end"] and r["location"]["lat"] is not None
        src = r["source"]
        assert text[src["start"]:src["end"]] == src["text"]
        assert 0 <= r["confidence"] <= 1 and r["mentions"] >= 1
        assert r["time_precision"] in ("day", "week", "month", "year")


def test_repeated_paragraph_adds_no_event(example_events):
    text, rows = example_events
    second_copy = text.rindex("El 4 de febrero se informa")
    assert all(r["source"]["start"] < second_copy for r in rows)
