"""'el sur del Líbano', 'el norte de Mali', 'el este de la provincia de Idlib': the part of a country or
province a compass word names, placed at the mean of the gazetteer's towns in that part (its third by
latitude / longitude) -- a region, precision 3, nearer the events than the country's centre. The compass
words are language data (``compass`` in lang/<lang>/places.yaml)."""
from __future__ import annotations

import functools
from typing import Optional

from cronica.geo.gazetteer import Gazetteer
from cronica.model import Place

DIVISIONS = ("PCLI", "ADM1")
THIRD = 1 / 3


def _cut(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def _keeps(direction: str, lat: float, lon: float, cuts: tuple[float, float, float, float]) -> bool:
    """Is (lat, lon) in the part `direction` names, given the thirds' cuts (north, south, east, west)?"""
    n, s = lat >= cuts[0], lat <= cuts[1]
    e, w = lon >= cuts[2], lon <= cuts[3]
    mid = not (n or s) and not (e or w)
    return {"N": n, "S": s, "E": e, "W": w, "NE": n and e, "NW": n and w, "SE": s and e, "SW": s and w,
            "C": mid}.get(direction, False)


@functools.lru_cache(maxsize=512)
def _point(g: Gazetteer, country: str, admin1: str, direction: str) -> Optional[tuple[float, float]]:
    rows = [r for r in g.rows_by_country.get(country, ()) if g.fcode[r].startswith("PPL") and g.lat[r] is not None
            and (not admin1 or g.admin1[r] == admin1)]
    if len(rows) < 6:
        return None
    lats, lons = [g.lat[r] for r in rows], [g.lon[r] for r in rows]
    cuts = (_cut(lats, 1 - THIRD), _cut(lats, THIRD), _cut(lons, 1 - THIRD), _cut(lons, THIRD))   # once, not per town
    part = [r for r in rows if _keeps(direction, g.lat[r], g.lon[r], cuts)]
    if not part:
        return None
    return (round(sum(g.lat[r] for r in part) / len(part), 4), round(sum(g.lon[r] for r in part) / len(part), 4))


def compass_region(g: Gazetteer, place: Place, direction: str) -> Place:
    """The part of a country / province the direction names, or the place unchanged."""
    if place.feature_code not in DIVISIONS or not place.country:
        return place
    admin1 = place.admin1 if place.feature_code == "ADM1" else ""
    pt = _point(g, place.country, admin1 or "", direction)
    if pt is None:
        return place
    return Place(span=place.span, name=f"{place.name} ({direction})", geonameid=None, lat=pt[0], lon=pt[1],
                 country=place.country, admin1=place.admin1, feature_code="RGN", precision=3, role=place.role,
                 score=place.score, rule=f"{place.rule}+compass:{direction}")
