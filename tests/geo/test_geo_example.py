"""The example passage, scored with the shared scorer's place logic."""
import importlib.util
import json

import pytest

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

EXAMPLE = SHARED / "examples" / "es_mosul_raqqa_2016_2017.txt"
GOLD = SHARED / "eval" / "gold" / "es_mosul_raqqa_2016_2017.json"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (EXAMPLE.exists() and GOLD.exists() and SCORER.exists()),
                                reason=f"shared evaluation data not found under {SHARED}")


def test_every_place_found_and_resolved(tag):
    spec = importlib.util.spec_from_file_location("cronica_shared_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    text = EXAMPLE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    places = tag(text)
    preds = [{"start": p.span.start, "end": p.span.end, "text": p.span.text, "name": p.name,
              "country": p.country, "lat": p.lat, "lon": p.lon} for p in places]
    res = score.score_places(text, gold["places"], preds)
    assert res["missed"] == [] and res["misresolved"] == [], res
    assert res["detection"]["recall"] == 1.0 and res["resolution_accuracy"] == 1.0, res
    assert res["detection"]["precision"] >= 0.95, res
