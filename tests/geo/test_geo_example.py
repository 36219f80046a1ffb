"""The example passage, scored with the shared scorer's place logic."""


def test_every_place_found_and_resolved(tag, example, reference_scorer):
    text, gold = example
    places = tag(text)
    preds = [{"start": p.span.start, "end": p.span.end, "text": p.span.text, "name": p.name,
              "country": p.country, "lat": p.lat, "lon": p.lon} for p in places]
    res = reference_scorer.score_places(text, gold["places"], preds)
    assert res["missed"] == [] and res["misresolved"] == [], res
    assert res["detection"]["recall"] == 1.0 and res["resolution_accuracy"] == 1.0, res
    assert res["detection"]["precision"] >= 0.95, res
