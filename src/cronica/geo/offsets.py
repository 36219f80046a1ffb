"""'Tabit, una localidad … situada a unos 45 kilómetros al suroeste de El Fasher': a place no gazetteer
holds, told by its distance and bearing from one that resolved, is put at that point (precision 2), as a
coder with a map would. The words are language data (``distances`` in lang/<lang>/places.yaml: units,
approximations, the leading preposition; ``compass`` and the compass articles for the bearing; number
words from the language's time data)."""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace
from typing import Optional

from cronica.geo.normalize import fold
from cronica.model import Place

KM_PER_DEGREE = 111.32
BEARINGS = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}
GAP_CHARS = 160      # characters from the unknown name to its reference place
MAX_KM = 300         # farther than this, the distance is no way to place a village
_SENTENCE_BREAK = re.compile(r"[.;:]\s|\n")   # (not the dot of "7.000 habitantes")


@dataclass(frozen=True)
class DistanceWords:
    pattern: re.Pattern          # '... a unos 45 kilometros al suroeste de' at the end of a folded gap
    units: dict                  # folded unit -> kilometres
    numbers: dict                # folded number word -> value
    compass: dict                # folded compass word -> N, NE, ...
    name_articles: frozenset = frozenset()   # an article a name is told with or without ("Al Tojar" = "Tojar")


@functools.lru_cache(maxsize=8)
def distance_words(lang: str = "es") -> Optional[DistanceWords]:
    from cronica.lang import load_language_data
    places, time = load_language_data(lang, "places"), load_language_data(lang, "time")
    d = places.get("distances")
    if not d:
        return None
    units = {fold(k): float(v) for k, v in d["units"].items()}
    numbers = {fold(str(k)): float(v) for k, v in (time.get("numbers") or {}).items()}
    compass = {fold(k): v for k, v in (places.get("compass") or {}).items() if v in BEARINGS}
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))   # noqa: E731
    words = places["function_words"]
    pattern = re.compile(
        rf"(?:^|\W)(?:{alt(fold(w) for w in d['leads'])})\s+(?:(?:{alt(fold(w) for w in d['approximations'])})\s+)?"
        rf"(?P<n>\d+(?:[.,]\d+)?|{alt(numbers)})\s+(?P<unit>{alt(units)})\.?\s+"
        rf"(?:{alt(fold(w) for w in words['compass_articles'])})\s+(?P<dir>{alt(compass)})\s+"
        rf"(?:{alt(fold(w) for w in words['of'])})(?:\s+(?:{alt(fold(w) for w in words['articles'])}))?\s*$")
    return DistanceWords(pattern, units, numbers, compass, frozenset(
        fold(w) for w in words.get("arabic_name_particles", []) + words.get("articles", [])))


def offset_point(lat: float, lon: float, distance_km: float, direction: str) -> tuple[float, float]:
    """The point `distance_km` from (lat, lon) towards the compass `direction` (flat-earth, fine below 300 km)."""
    b = math.radians(BEARINGS[direction])
    dlat = distance_km * math.cos(b) / KM_PER_DEGREE
    dlon = distance_km * math.sin(b) / (KM_PER_DEGREE * max(0.1, math.cos(math.radians(lat))))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def _told_offset(p: Place, q: Place, text: str, dw: DistanceWords) -> Optional[tuple[float, float, str]]:
    """(lat, lon, why) when the words between p and q put p at a distance and bearing from q."""
    gap = text[p.span.end:q.span.start]
    if len(gap) > GAP_CHARS or q.lat is None or q.lon is None or _SENTENCE_BREAK.search(gap):
        return None
    m = dw.pattern.search(fold(gap))
    if m is None:
        return None
    n = m.group("n")
    value = float(n.replace(",", ".")) if n[0].isdigit() else dw.numbers.get(n)
    distance = (value or 0) * dw.units[m.group("unit")]
    if not 0 < distance <= MAX_KM:
        return None
    direction = dw.compass[m.group("dir")]
    lat, lon = offset_point(q.lat, q.lon, distance, direction)
    return lat, lon, f"+offset:{distance:g}km-{direction}-of:{q.name}"


def place_by_offsets(places: list[Place], text: str, lang: str = "es") -> list[Place]:
    """Unresolved places (or ones only put in a larger area) told as 'a N km al <rumbo> de Q': at that point;
    the same name elsewhere in the text too."""
    dw = distance_words(lang)
    if dw is None:
        return places
    points: dict[str, Place] = {}
    for i, p in enumerate(places):
        if p.role != "location" or not (p.lat is None or "+in:" in p.rule):
            continue
        q = next((q for q in places[i + 1:] if q.role == "location"), None)
        told = _told_offset(p, q, text, dw) if q is not None else None
        if told is not None:
            lat, lon, why = told
            points.setdefault(fold(p.span.text), replace(
                p, name=p.span.text, lat=lat, lon=lon, country=q.country, admin1=q.admin1, feature_code=None,
                geonameid=None, precision=2, score=0.3, rule=p.rule + why))
    if not points:
        return places
    key = lambda p: _bare_name(p.span.text, dw.name_articles)   # noqa: E731
    points = {_bare_name(k, dw.name_articles): v for k, v in points.items()}
    return [replace(points[key(p)], span=p.span, role=p.role, name=p.span.text)
            if key(p) in points and (p.lat is None or "+in:" in p.rule) else p for p in places]


def _bare_name(name: str, articles: frozenset) -> str:
    """The folded name without a leading article ("Al Tojar" and "Tojar" are one place)."""
    words = fold(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in articles else words)
