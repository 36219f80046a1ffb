"""Every timex of the shared example passage must come out right (it has no dct)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronica.time import TimeTagger

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLE = SHARED / "examples" / "es_mosul_raqqa_2016_2017.txt"
GOLD = SHARED / "eval" / "gold" / "es_mosul_raqqa_2016_2017.json"


@pytest.fixture(scope="module")
def example() -> tuple[str, dict]:
    if not EXAMPLE.exists() or not GOLD.exists():
        pytest.skip("../shared (the project's evaluation folder) is not beside this checkout")
    return EXAMPLE.read_text(encoding="utf-8"), json.loads(GOLD.read_text(encoding="utf-8"))


def gold_spans(text: str, item: dict) -> list[tuple[int, int]]:
    spans, pos = [], text.find(item["text"])
    while pos >= 0:
        spans.append((pos, pos + len(item["text"])))
        pos = text.find(item["text"], pos + 1)
    occ = item.get("occurrence", 0)
    return spans if occ == "all" else [spans[occ]]


def test_every_gold_timex_is_found_with_its_span_value_and_mod(example):
    text, gold = example
    pred = {(t.span.start, t.span.end): t for t in TimeTagger("es").tag(text, gold.get("dct"))}
    for item in gold["timexes"]:
        for span in gold_spans(text, item):
            assert span in pred, f"missing {item['text']!r} at {span}"
            t = pred[span]
            assert (t.type, t.value, t.mod) == (item["type"], item["value"], item.get("mod")), item["text"]


def test_no_spurious_timexes(example):
    text, gold = example
    wanted = {s for item in gold["timexes"] for s in gold_spans(text, item)}
    got = {(t.span.start, t.span.end) for t in TimeTagger("es").tag(text)}
    assert got <= wanted, sorted(text[a:b] for a, b in got - wanted)


def test_scores_perfectly_with_the_shared_scorer(example):
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text, gold = example
    preds = [{"start": t.span.start, "end": t.span.end, "text": t.span.text, "type": t.type,
              "value": t.value, "mod": t.mod} for t in TimeTagger("es").tag(text)]
    rep = mod.score_timexes(text, gold["timexes"], preds)
    assert rep["detection"]["recall"] == 1.0 and rep["value_accuracy"] == 1.0, rep
