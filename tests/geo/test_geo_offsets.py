"""Table-driven: a place no gazetteer holds, told by its distance and bearing from one that resolved, is put
at that point ('a unos 45 kilómetros al suroeste de El Fasher')."""
import pytest

from cronica.geo.offsets import offset_point
from cronica.model import km_between

# sentence, the unknown name, its real coordinates (or None: stays unplaced), tolerance in km
ROWS = [
    ("Los soldados violaron a mujeres de Tabit, una localidad de unos 7.000 habitantes, en su mayoría de la etnia "
     "fur, situada a unos 45 kilómetros al suroeste de El Fasher, la capital del estado de Darfur del Norte.",
     "Tabit", (13.313, 25.087), 10),
    ("Un suicida atacó una mezquita suní de la localidad de Imam Wais, a unos 50 kilómetros al noreste de Baquba, "
     "la capital provincial.",
     "Imam Wais", (34.07, 44.99), 15),
    # a number in words, in miles
    ("Los hombres armados asaltaron la aldea de Kwanar Dutse, a veinte millas al norte de Kano.",
     "Kwanar Dutse", (12.002 + 20 * 1.609 / 111.32, 8.517), 3),
    # no bearing, no point
    ("Los hombres armados asaltaron la aldea de Kwanar Dutse, a veinte kilómetros de Kano.", "Kwanar Dutse", None, 0),
]


@pytest.mark.parametrize("sentence,name,point,tolerance", ROWS, ids=[r[1] + str(i) for i, r in enumerate(ROWS)])
def test_a_place_told_by_distance_and_bearing(tag, sentence, name, point, tolerance):
    got = {p.span.text: p for p in tag(sentence)}
    assert name in got, list(got)
    p = got[name]
    if point is None:
        assert "offset" not in p.rule, p
        return
    assert p.lat is not None and p.precision == 2 and "+offset:" in p.rule, p
    assert km_between(p.lat, p.lon, *point) <= tolerance, (p.lat, p.lon, point)


@pytest.mark.parametrize("direction,dlat,dlon", [("N", 1, 0), ("S", -1, 0), ("E", 0, 1), ("W", 0, -1),
                                                  ("NE", 1, 1), ("SW", -1, -1)])
def test_offset_point_moves_the_way_the_compass_says(direction, dlat, dlon):
    lat, lon = offset_point(10.0, 20.0, 50, direction)
    assert (lat > 10) - (lat < 10) == dlat and (lon > 20) - (lon < 20) == dlon
    assert km_between(10.0, 20.0, lat, lon) == pytest.approx(50, rel=0.02)


def test_a_name_told_with_and_without_its_article_is_one_place(tag):
    """'Al Tojar' in the lead and 'Tojar, a unos 14 kilómetros al norte de Manbij' later: both at that point."""
    places = tag("Al menos 56 civiles murieron hoy en bombardeos de la coalición contra la aldea de Al Tojar, en el "
                 "norte de la provincia siria de Alepo. Los aviones atacaron de madrugada cuando los vecinos huían de "
                 "Tojar, situada a unos 14 kilómetros al norte de Manbij, bastión del Estado Islámico.")
    tojar = [p for p in places if p.span.text in ("Al Tojar", "Tojar")]
    assert len(tojar) == 2 and all("+offset:" in p.rule for p in tojar), tojar
