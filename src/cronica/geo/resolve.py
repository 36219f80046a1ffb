"""Choose one gazetteer entry per mention, using the document's context.

Score of a candidate row = prior (feature class, population) + curated-alias
bonus + share of the document's trusted mentions in the same country + a
co-mentioned province + cue words ("provincia de" -> ADM1, "río" -> STM).
Trusted mentions are resolved first; their countries and provinces then
steer the ambiguous ones.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.normalize import skeleton, translit_key
from cronica.geo.rank import closeness, fine_key
from cronica.geo.recognize import Mention
from cronica.model import km_between

PRECISION_BY_FCODE = {"PCLI": 3, "ADM1": 3, "RGN": 3, "CONT": 3, "SEA": 3, "ADM2": 2, "STM": 2, "PPLX": 2}
SEAT_CODES = {"PPLC", "PPLA", "PPLA2", "PPLA3"}
DATELINE_VOTE = 0.5
NAME_TIE = 0.05
LANDMARK_CODES = {"UNIV", "MSQE", "DAM", "AIRB", "AIRP", "S", "PPLX"}


def country_votes(g: Gazetteer, mentions: list[Mention],
                  extra: Optional[Counter[str]] = None, named: frozenset[str] = frozenset()) -> Counter[str]:
    """Country -> number of trusted location mentions (plus `extra` votes, e.g. the
    countries of the armed groups the document names). A dateline is half a vote: it says
    where the agency's desk is ("BEIRUT, 23 mar (EFE)" over news from Syria), not the story. A name
    that a country the text names by name has votes for it (`named`: "Valparaíso" in a story that names
    Chile, not the Mexican town)."""
    votes: Counter[str] = Counter(extra or {})
    for m in mentions:
        cc = own_vote(g, m, named)
        if cc:
            votes[cc] += vote_weight(m)
    return votes


def vote_weight(m: Mention) -> float:
    """A mention's vote: one, half for a dateline."""
    return DATELINE_VOTE if "dateline" in m.rule else 1


def located_countries(g: Gazetteer, mentions: list[Mention]) -> frozenset[str]:
    """The countries the text names by name as places ("en Chile"; not "el Ministerio de Defensa de Rusia")."""
    return frozenset(g.country[r] for m in mentions if m.role == "location" for r in m.rows if g.fcode[r] == "PCLI")


def own_vote(g: Gazetteer, m: Mention, named: frozenset[str] = frozenset()) -> Optional[str]:
    """The country a mention votes for (its most likely reading, in a country the text names if it can), if
    it votes."""
    if not m.trusted or not m.rows or m.role != "location":
        return None
    best = max(m.rows, key=lambda r: (m.key in g.anames[r], g.country[r] in named, g.prior(r)))
    return g.country[best] or None


def focus_from(votes: Counter[str]) -> dict[str, float]:
    """Country -> weight (1.0 for the most voted)."""
    votes = +votes
    if not votes:
        return {}
    top = max(votes.values())
    return {c: v / top for c, v in votes.items()}


def focus_countries(g: Gazetteer, mentions: list[Mention],
                    extra: Optional[Counter[str]] = None, named: frozenset[str] = frozenset()) -> dict[str, float]:
    """Country -> weight (1.0 for the most mentioned) from trusted mentions."""
    return focus_from(country_votes(g, mentions, extra, named))


def score_row(g: Gazetteer, m: Mention, r: int, focus: dict[str, float], admin1s: set[tuple[str, str]]) -> float:
    s = min(g.prior(r), 14.0) / 14.0
    if m.key in g.anames[r]:
        # a curated exonym ("Palmira" = Palmyra) counts less in a document about another
        # country that has a place of that name (Palmira, Valle del Cauca)
        s += 0.6 if not focus or focus.get(g.country[r]) else 0.3
    s += 0.5 * focus.get(g.country[r], 0.0)
    if (g.country[r], g.admin1[r]) in admin1s:
        s += 0.3
    fc = g.fcode[r]
    if m.cue == "admin":
        s += 1.0 if fc == "ADM1" else 0.0
    elif m.cue == "river":
        s += 1.0 if fc == "STM" else 0.0
    elif m.cue == "place" and fc.startswith("PPL"):
        s += 0.2
    if g.lat[r] is None:
        s -= 0.6
    if fc == "PCLI" and focus and not focus.get(g.country[r]) and any(
            focus.get(g.country[x]) == 1.0 and notable_town(g, x) for x in m.rows):
        s -= 1.0    # "en Argelia" in a document about Colombia: the Colombian municipality
    return s


NEAR_KM = ((50.0, 0.3), (150.0, 0.15))     # a namesake this near a place the document names for sure: bonus
NEAR_NAME = 0.75                           # ... when its own name reads this much like the text's


def nearness(g: Gazetteer, r: int, key: str, anchors: tuple[tuple[str, float, float], ...]) -> float:
    """A bonus for a town near the document's sure places ("Abu Hamam" among Hajin and Mayadin: the
    village on the Euphrates, not its namesake near Homs)."""
    if g.lat[r] is None or not g.fcode[r].startswith("PPL"):
        return 0.0
    near = min((km_between(g.lat[r], g.lon[r], lat, lon) for k, lat, lon in anchors if k != key), default=None)
    return next((bonus for limit, bonus in NEAR_KM if near is not None and near <= limit), 0.0)


def notable_town(g: Gazetteer, r: int) -> bool:
    return g.fcode[r] in SEAT_CODES or (g.fcode[r].startswith("PPL") and g.pop[r] >= 10_000)


def choose(g: Gazetteer, m: Mention, focus: dict[str, float], admin1s: set[tuple[str, str]],
           anchors: tuple[tuple[str, float, float], ...] = ()) -> Optional[tuple[int, float]]:
    """The best row for the mention; same-scored rows (within NAME_TIE) go to the one whose own
    name reads most like the text ('Baguz': Baghuz itself, not a village listing it as an
    alternative name). `anchors`: (name key, lat, lon) of the document's places read for sure; a
    namesake near them is the one meant."""
    if not m.rows:
        return None
    scores = {r: score_row(g, m, r, focus, admin1s) for r in m.rows}
    if len(m.rows) == 1:
        return _as_chosen(g, m, m.rows[0], scores)
    likeness: dict[int, float] = {}   # how much a row's own name reads like the text, worked out when needed
    if anchors and m.cue in (None, "place"):     # (not "la provincia de Idlib")
        likeness = _likeness(g, m.rows, m.text)
        scores.update({r: scores[r] + nearness(g, r, m.key, anchors) for r in m.rows if likeness[r] >= NEAR_NAME})
    top = max(scores.values())
    close = [r for r in m.rows if scores[r] >= top - NAME_TIE]
    if len(close) > 1:
        likeness = likeness or _likeness(g, close, m.text)
        scores.update({r: scores[r] + NAME_TIE * likeness[r] for r in close})
    return _as_chosen(g, m, max(m.rows, key=lambda r: (scores[r], -r)), scores)


def _likeness(g: Gazetteer, rows: list[int], text: str) -> dict[int, float]:
    """Row -> how much its own name reads like the text (`rank.closeness`)."""
    qkey, qfine = translit_key(text), fine_key(text)
    return {r: closeness(g, r, qkey, qfine) for r in rows}


def _as_chosen(g: Gazetteer, m: Mention, best: int, scores: dict[int, float]) -> tuple[int, float]:
    """The chosen row with its score; a district read as a town is its seat."""
    if g.fcode[best] == "ADM2" and m.cue != "admin":
        return district_seat(g, best, m.text), scores[best]
    return best, scores[best]


SEAT_KM = 60.0   # a district's seat of its name lies within this of the district's point


def district_seat(g: Gazetteer, r: int, text: str) -> int:
    """'Ras al Ain' read as the district of that name is its seat town, unless the text says district:
    the town is what the story is about (a district row's point is only its middle)."""
    if g.lat[r] is None:
        return r
    seats = [x for x in g.by_skel.get(skeleton(translit_key(text)), ()) if g.country[x] == g.country[r]
             and g.admin1[x] == g.admin1[r] and g.fcode[x] in SEAT_CODES and g.lat[x] is not None
             and km_between(g.lat[x], g.lon[x], g.lat[r], g.lon[r]) <= SEAT_KM]
    return max(seats, key=lambda x: (g.fcode[x] == "PPLA2", g.pop[x])) if seats else r


def precision_of(g: Gazetteer, r: int, m: Mention) -> int:
    p = PRECISION_BY_FCODE.get(g.fcode[r], 1)
    if g.fcode[r] in LANDMARK_CODES and g.parent[r]:
        p = 2
    if m.cue == "part" and p < 2:
        p = 2
    return p
