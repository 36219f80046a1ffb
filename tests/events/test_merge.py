"""Document- and corpus-level merging, event ids, control history."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from cronica.merge import control_changes, merge_document, merge_events
from cronica.output import event_json as event_row
from cronica.model import EventMention, Place, Span

MOSUL = Place(Span(0, 5, "Mosul"), "Mosul", geonameid=99072, lat=36.34, lon=43.13, country="IQ", feature_code="PPLA")
RAQQA = Place(Span(0, 5, "Raqqa"), "Raqqa", geonameid=172955, lat=35.95, lon=39.01, country="SY", feature_code="PPLA")
IRAQ, POLICE, ISIS = "Military Forces of Iraq (2014-)", "Police Forces of Iraq (2014-)", "Islamic State (Iraq)"


def mention(start, sub, d0, d1, place=MOSUL, actor1=IRAQ, actor2=None, narrative=False, focus_actor=False,
            doc="d"):
    rules = [f"trigger: x -> y ({sub})", "date: narrative reference 'x'" if narrative else "date: 'x'"]
    if actor1:
        rules.append(f"actor1: 'x' ({'no agent in the clause: focus' if focus_actor else 'demonym, agent'})")
    return EventMention(doc_id=doc, sentence=Span(start, start + 50, "s"), trigger=Span(start + 5, start + 9, "t"),
                        event_type="Battles", sub_event_type=sub, date_start=d0, date_end=d1,
                        time_precision="day" if d0 == d1 else "month", actor1=actor1, actor2=actor2, place=place,
                        confidence=0.6, rules=rules)


GR = "Government regains territory"


def test_told_twice_is_one_row_and_dated_mention_wins():
    undated = mention(100, GR, date(2017, 1, 11), date(2017, 1, 20), narrative=True)
    dated = mention(200, GR, date(2017, 1, 23), date(2017, 1, 23), actor2=ISIS, focus_actor=True)
    (e,) = merge_document([undated, dated])
    assert (e.date_start, e.date_end, e.time_precision) == (date(2017, 1, 23), date(2017, 1, 23), "day")
    assert e.actor1 == IRAQ and e.actor2 == ISIS and len(e.mentions) == 2
    assert event_row(e)["mentions"] == 2


def test_different_initiators_stay_apart():
    a = mention(100, GR, date(2017, 1, 11), date(2017, 1, 20))
    b = mention(200, GR, date(2017, 1, 11), date(2017, 1, 20), actor1=POLICE)
    assert len(merge_document([a, b])) == 2


def test_partially_overlapping_own_dates_stay_apart():
    a = mention(100, GR, date(2016, 10, 1), date(2016, 12, 31))
    b = mention(200, GR, date(2016, 12, 21), date(2017, 1, 7), actor1=None, actor2=ISIS)
    assert len(merge_document([a, b])) == 2


def test_far_places_and_other_types_stay_apart():
    a = mention(100, "Armed clash", date(2017, 2, 4), date(2017, 2, 4))
    b = mention(200, "Armed clash", date(2017, 2, 4), date(2017, 2, 4), place=RAQQA)
    c = mention(300, "Air/drone strike", date(2017, 2, 4), date(2017, 2, 4))
    assert len(merge_document([a, b, c])) == 3


def test_near_towns_across_a_border_stay_apart():
    """Suruç (Turkey) and Kobani (Syria) lie 10 km apart: bombs there the same day are two events."""
    suruc = Place(Span(0, 5, "Suruç"), "Suruç", geonameid=300822, lat=36.976, lon=38.425, country="TR",
                  feature_code="PPLA2")
    kobani = Place(Span(0, 6, "Kobani"), "Kobani", geonameid=170017, lat=36.891, lon=38.354, country="SY",
                   feature_code="PPLA2")
    a = mention(100, "Suicide bomb", date(2015, 7, 20), date(2015, 7, 20), place=suruc, actor1=None)
    b = mention(200, "Suicide bomb", date(2015, 7, 20), date(2015, 7, 20), place=kobani, actor1=None)
    assert len(merge_document([a, b])) == 2


def test_day_inside_month_merges():
    a = mention(100, "Armed clash", date(2016, 9, 1), date(2016, 9, 30))
    b = mention(200, "Armed clash", date(2016, 9, 17), date(2016, 9, 17))
    (e,) = merge_document([a, b])
    assert e.date_start == date(2016, 9, 17)


def test_rows_without_date_or_place_are_dropped():
    a = mention(100, "Armed clash", None, None)
    b = mention(200, "Armed clash", date(2016, 9, 1), date(2016, 9, 30), place=None)
    assert merge_document([a, b]) == []


def test_event_id_is_stable_and_order_independent():
    ms = [mention(100, GR, date(2017, 1, 23), date(2017, 1, 23)), mention(300, "Armed clash", date(2017, 2, 4), date(2017, 2, 4), place=RAQQA)]
    ids1 = [e.event_id for e in merge_document(ms)]
    ids2 = [e.event_id for e in merge_document(list(reversed(ms)))]
    assert ids1 == ids2 and len(set(ids1)) == 2 and all(len(i) == 16 for i in ids1)


def test_merge_events_across_documents_keeps_every_mention():
    e1 = merge_document([mention(100, GR, date(2017, 1, 23), date(2017, 1, 23), doc="a")])
    e2 = merge_document([mention(10, GR, date(2017, 1, 1), date(2017, 1, 31), doc="b")])
    e3 = merge_document([mention(10, "Armed clash", date(2017, 2, 4), date(2017, 2, 4), place=RAQQA, doc="c")])
    merged = merge_events(e1 + e2 + e3)
    assert len(merged) == 2
    big = [e for e in merged if e.sub_event_type == GR][0]
    assert {m.doc_id for m in big.mentions} == {"a", "b"} and big.date_start == date(2017, 1, 23)
    assert [e.event_id for e in merge_events(e3 + e2 + e1)] == [e.event_id for e in merged]


def test_control_changes_from_territory_events():
    took = merge_document([mention(100, "Non-state actor overtakes territory", date(2014, 6, 10), date(2014, 6, 10),
                                   actor1=ISIS)])
    back = merge_document([mention(200, GR, date(2017, 1, 23), date(2017, 1, 23), actor2=ISIS)])
    clash = merge_document([mention(300, "Armed clash", date(2017, 2, 4), date(2017, 2, 4))])
    rows = control_changes(back + clash + took)
    assert [(r["place"], r["holder"], r["date_start"]) for r in rows] == [
        ("Mosul", ISIS, "2014-06-10"), ("Mosul", IRAQ, "2017-01-23")]
    assert rows[1]["previous_holder"] == ISIS and rows[0]["geonameid"] == 99072 and rows[0]["event_id"]


def test_country_level_telling_merges_with_the_town():
    iraq = Place(Span(0, 4, "Irak"), "Iraq", geonameid=99237, lat=33.0, lon=44.0, country="IQ", feature_code="PCLI",
                 precision=3)
    a = mention(100, "Armed clash", date(2017, 2, 4), date(2017, 2, 4), place=iraq)
    b = mention(200, "Armed clash", date(2017, 2, 4), date(2017, 2, 4))
    (e,) = merge_document([a, b])
    assert e.place.name == "Mosul"
    assert len(merge_document([a, replace(b, place=RAQQA)])) == 2


def test_a_bomb_told_once_as_a_suicide_bombing_is_one():
    from cronica.merge.document import build_event
    rex, sb = "Remote explosive/landmine/IED", "Suicide bomb"
    d = date(2019, 4, 21)
    cluster = [replace(mention(100, rex, d, d, actor1=None), event_type="Explosions/Remote violence"),
               replace(mention(200, rex, d, d, actor1=None), event_type="Explosions/Remote violence"),
               replace(mention(300, sb, d, d, actor1=None), event_type="Explosions/Remote violence")]
    assert build_event(cluster).sub_event_type == sb
