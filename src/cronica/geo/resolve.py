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
from cronica.geo.recognize import Mention

PRECISION_BY_FCODE = {"PCLI": 3, "ADM1": 3, "RGN": 3, "CONT": 3, "SEA": 3, "ADM2": 2, "STM": 2, "PPLX": 2}
LANDMARK_CODES = {"UNIV", "MSQE", "DAM", "AIRB", "AIRP", "S", "PPLX"}


def focus_countries(g: Gazetteer, mentions: list[Mention]) -> dict[str, float]:
    """Country -> weight (1.0 for the most mentioned) from trusted mentions."""
    votes: Counter[str] = Counter()
    for m in mentions:
        if not m.trusted or not m.rows or m.role != "location":
            continue
        best = max(m.rows, key=lambda r: (m.key in g.anames[r], g.prior(r)))
        if g.country[best]:
            votes[g.country[best]] += 1
    if not votes:
        return {}
    top = max(votes.values())
    return {c: v / top for c, v in votes.items()}


def score_row(g: Gazetteer, m: Mention, r: int, focus: dict[str, float], admin1s: set[tuple[str, str]]) -> float:
    s = min(g.prior(r), 14.0) / 14.0
    if m.key in g.anames[r]:
        s += 0.6
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
    return s


def choose(g: Gazetteer, m: Mention, focus: dict[str, float], admin1s: set[tuple[str, str]]) -> Optional[tuple[int, float]]:
    if not m.rows:
        return None
    best = max(m.rows, key=lambda r: (score_row(g, m, r, focus, admin1s), -r))
    return best, score_row(g, m, best, focus, admin1s)


def precision_of(g: Gazetteer, r: int, m: Mention) -> int:
    p = PRECISION_BY_FCODE.get(g.fcode[r], 1)
    if g.fcode[r] in LANDMARK_CODES and g.parent[r]:
        p = 2
    if m.cue == "part" and p < 2:
        p = 2
    return p
