"""Period names of actors: ACLED names state forces by government period ("Military Forces of
Colombia (2018-2022)"); the catalogue picks the name valid at the event's date, else the undated one."""
from __future__ import annotations

from datetime import date

import pytest

from cronica.actors.catalogue import _by_name, _periods, load_catalogue

D = date
# (actor id, event date or None, expected name)
PERIOD_ROWS = [
    # catalogue entries (data/actors/latin_america.yaml)
    ("co_military", D(2019, 5, 3), "Military Forces of Colombia (2018-2022)"),
    ("co_military", D(2017, 3, 1), "Military Forces of Colombia (2010-2018)"),
    ("co_military", D(2024, 3, 12), "Military Forces of Colombia (2022-)"),
    ("co_military", D(2018, 8, 6), "Military Forces of Colombia (2010-2018)"),     # last day of a period
    ("co_military", D(2018, 8, 7), "Military Forces of Colombia (2018-2022)"),     # handover day: the new one
    ("co_military", D(2022, 8, 6), "Military Forces of Colombia (2018-2022)"),
    ("co_military", D(2022, 8, 7), "Military Forces of Colombia (2022-)"),
    ("co_military", D(2001, 1, 1), "Military Forces of Colombia"),        # before every period: no period's name
    ("co_military", None, "Military Forces of Colombia (2022-)"),                  # no date: undated
    ("co_police", D(2020, 11, 9), "Police Forces of Colombia (2018-2022)"),
    ("mx_military", D(2016, 1, 15), "Military Forces of Mexico (2012-2018)"),
    ("mx_military", D(2024, 9, 30), "Military Forces of Mexico (2018-2024)"),
    ("mx_military", D(2024, 10, 1), "Military Forces of Mexico (2024-)"),
    ("mx_national_guard", D(2025, 1, 15), "Police Forces of Mexico (2024-) National Guard"),
    ("mx_national_guard", D(2021, 6, 1), "Police Forces of Mexico (2018-2024) National Guard"),
    # state forces built from `states:` (data/actors/generic.yaml)
    ("military:CO", D(2019, 5, 3), "Military Forces of Colombia (2018-2022)"),
    ("police:CO", D(2012, 4, 1), "Police Forces of Colombia (2010-2018)"),
    ("government:CO", D(2019, 6, 9), "Government of Colombia (2018-2022)"),
    ("government:CO", None, "Government of Colombia"),
    ("military:MX", D(2025, 2, 1), "Military Forces of Mexico (2024-)"),
    ("saf", D(2013, 4, 27), "Military Forces of Sudan (1989-2019)"),
    ("saf", D(2023, 4, 15), "Military Forces of Sudan (2019-)"),
    ("ua_military", D(2014, 7, 5), "Military Forces of Ukraine (2014-2019)"),
    ("fardc", D(2012, 6, 24), "Military Forces of Democratic Republic of Congo (2001-2019)"),
    ("military:ML", D(2012, 5, 12), "Military Forces of Mali (2012-2013)"),
    ("military:ML", D(2019, 3, 23), "Military Forces of Mali (2013-2020)"),
    ("military:NG", D(2014, 4, 14), "Military Forces of Nigeria (1999-2015)"),
    ("police:BF", D(2016, 1, 15), "Police Forces of Burkina Faso (2015-2022)"),
    ("military:SO", D(2017, 10, 14), "Military Forces of Somalia (2017-2022)"),
    ("military:NE", D(2019, 12, 10), "Military Forces of Niger (2011-2021)"),
    ("military:VE", D(2002, 4, 11), "Military Forces of Venezuela (1999-2013)"),
    ("idf", D(2014, 7, 20), "Military Forces of Israel (2009-2021)"),
    ("military:PH", D(2011, 10, 18), "Military Forces of the Philippines (2010-2016)"),
    ("police:IQ", D(2007, 2, 3), "Police Forces of Iraq (2006-2014)"),
    ("military:IQ", D(2017, 1, 23), "Military Forces of Iraq (2014-)"),
    # no periods known: the undated name whatever the date
    ("military:TR", D(2012, 1, 23), "Military Forces of Turkey (2016-)"),
    ("military:RU", D(2024, 2, 17), "Military Forces of Russia (2000-)"),
    ("isis", D(2016, 10, 17), None),
]


@pytest.mark.parametrize("actor_id,when,expected", PERIOD_ROWS,
                         ids=[f"{r[0]}@{r[1]}" for r in PERIOD_ROWS])
def test_name_at_the_event_date(actor_id, when, expected):
    entry = load_catalogue("es").get(actor_id)
    assert entry is not None, actor_id
    got = entry.name_for(entry.country, None, when)
    assert got == (expected or entry.name)
    if expected is None:
        assert entry.periods == () and entry.name_at(when) is None


def test_every_period_name_finds_its_actor():
    idx = _by_name("es")
    cat = load_catalogue("es")
    for entry in [*cat.actors.values(), *(cat.state_actor(f"{k}:{cc}") for cc in cat.states
                                         for k in ("military", "police", "government"))]:
        for start, end, name in entry.periods:
            assert name in idx, name
            assert idx[name].country == entry.country
            assert start is None or end is None or start <= end, (entry.id, name)
    assert idx["Military Forces of Colombia (2018-2022)"].is_state


def test_periods_of_one_actor_do_not_overlap():
    cat = load_catalogue("es")
    for entry in [*cat.actors.values(), *(cat.state_actor(f"{k}:{cc}") for cc in cat.states
                                         for k in ("military", "police", "government"))]:
        for (s1, e1, n1), (s2, _, n2) in zip(entry.periods, entry.periods[1:]):
            assert e1 is not None and s2 is not None and e1 < s2, (entry.id, n1, n2)


@pytest.mark.parametrize("raw,expected", [
    ([{"start": D(2018, 8, 7), "end": D(2022, 8, 6), "name": "A"}], ((D(2018, 8, 7), D(2022, 8, 6), "A"),)),
    ([{"start": "2022-08-07", "name": "B"}], ((D(2022, 8, 7), None, "B"),)),
    ([{"start": 2010, "end": 2017, "name": "C"}], ((D(2010, 1, 1), D(2017, 12, 31), "C"),)),   # bare years
    ([{"start": 2022, "name": "B"}, {"end": 2021, "name": "A"}], ((None, D(2021, 12, 31), "A"), (D(2022, 1, 1), None, "B"))),
    ([{"start": 2022, "military": "M"}], ()),          # no name under the key asked for
])
def test_period_data(raw, expected):
    assert _periods(raw) == expected


def test_a_period_that_ends_before_it_starts_is_an_error():
    with pytest.raises(ValueError):
        _periods([{"start": "2022-08-07", "end": "2018-08-07", "name": "X"}])
