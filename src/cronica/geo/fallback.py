"""Names the recogniser keeps as places but no reading resolves ("Sheij Zuweid" after a noun of place,
"Valuiki" as the model's LOC): a last try through the geocoder's spelling-tolerant matching
(transliteration keys, qualifier words, consonant skeletons), inside the country the story is about.
Only close matches count, so a name the gazetteer lacks stays a place with no coordinates."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.geocode import candidates, rank_scored
from cronica.geo.resolve import PRECISION_BY_FCODE, km_between
from cronica.geo.to_places import RIVER_UNKNOWN, story_country
from cronica.model import Place

SAME_PLACE_KM = 25.0    # close matches this near each other are one place told in several records
FALLBACK_SCORE = 0.8     # the geocoder's score a spelling variant needs (.95 a key match, .8 a skeleton)


def is_proper_name(text: str) -> bool:
    """'Sheij Zuweid', 'Bin Yauad': every word of two letters or more capitalised."""
    words = [w for w in text.split() if len(w) > 2]
    return bool(words) and all(w[:1].isupper() for w in words)


def one_close_match(g: Gazetteer, name: str, cc: str) -> Optional[int]:
    """The gazetteer row the geocoder matches closely in country cc, None if none or if close matches
    name places far apart ("Al Yamiaa": 'Al Jam'iyah', 'Qaryat Jamjah', ... by the same key)."""
    close = [r for r, _total, score in rank_scored(candidates(name, cc, None, g), cc, None, g, name=name)
             if score >= FALLBACK_SCORE]    # (the whole name: not 'Street' for 'William Street')
    if not close or any(km_between(g.lat[r], g.lon[r], g.lat[close[0]], g.lon[close[0]]) > SAME_PLACE_KM
                        for r in close[1:] if g.lat[r] is not None and g.lat[close[0]] is not None):
        return None
    return close[0]


def geocode_unresolved(g: Gazetteer, places: list[Place], focus: dict[str, float]) -> list[Place]:
    """Places with no coordinates whose name the geocoder matches closely in the story's country."""
    cc = story_country(Counter(focus))
    if not cc or all(p.lat is not None for p in places):
        return places
    out = []
    for p in places:
        r = one_close_match(g, p.span.text, cc) if p.lat is None and p.role == "location" \
            and is_proper_name(p.span.text) and ":key" not in p.rule and RIVER_UNKNOWN not in p.rule else None
        if r is not None:
            p = replace(p, name=g.name[r], geonameid=g.geonameid[r], lat=g.lat[r], lon=g.lon[r],
                        country=g.country[r], admin1=g.admin1[r] or None, feature_code=g.fcode[r],
                        precision=PRECISION_BY_FCODE.get(g.fcode[r], 1),
                        score=round(FALLBACK_SCORE * 0.8, 3), rule=p.rule + "+geocode:variant")
        out.append(p)
    return out
