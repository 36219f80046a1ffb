"""Ranking of geocoder candidates: match quality + context (country, admin1, admin2) + the
place's prior (feature class, population, kind word); same-named places are told apart by how
close their own name's key and spelling are to the query."""
from __future__ import annotations

import functools
import math
from typing import Optional

from rapidfuzz import fuzz

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.normalize import tokens_key, translit_key

# answers reported below this are no answer (on UCDP none of them was within 25 km)
MIN_SCORE = 0.55
# tie-break among same-named candidates: weight of "the candidate's own name reads like
# the query" (rapidfuzz ratio of transliteration keys; UCDP within 25 km 77.2 % -> 78.4 %),
# averaged with the ratio of the spellings (:func:`closeness`; 82.3 % -> 82.4 %)
_NAME_W = 0.06
# ... and the extra weight of a region (province, state) whose own name is the query exactly
ADMIN_NAME_W = 0.03
REGION_CODES = frozenset({"ADM1", "ADM2"})
# kind words ("X village", "X town"): a village's prior is capped at this (no preference for
# big places); a town / city with people or an admin seat gets this bonus
VILLAGE_PRIOR = 0.15
TOWN_BONUS = 0.05
# a candidate just across the given admin1's edge keeps this share of the admin1 bonus
BORDER_W = 0.7

def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def kind_prior(g: Gazetteer, r: int, kind: Optional[str]) -> float:
    """Prior 0..1 of row r; a 'village' is not more likely a big place, a 'town' or
    'city' is more likely a populated, notable one."""
    prior = min(g.prior(r), 14.0) / 14.0
    if kind == "village" and g.fcode[r].startswith("PPL"):
        return min(prior, VILLAGE_PRIOR)
    if kind in ("town", "city") and (g.pop[r] > 0 or g.fcode[r] in ("PPLA", "PPLA2", "PPLA3", "PPLC")):
        return prior + TOWN_BONUS
    return prior


@functools.lru_cache(maxsize=100_000)
def fine_key(name: str) -> str:
    """The name with articles and generic words off but vowels, doubled letters and final
    -h kept ('Al Jujjarah' -> 'jujjarah'): tells apart spellings the translit key merges."""
    return "".join(tokens_key(name))


def closeness(g: Gazetteer, r: int, qkey: str, qfine: str) -> float:
    """How much row r's own (primary) name reads like the query, 0-1: half on the coarse
    transliteration key, half on the spelling (vowels, doubled letters: 'Jujara' is closer to
    'Al Jujara' than to 'Al Jujjarah')."""
    return max((fuzz.ratio(qkey, translit_key(part)) + fuzz.ratio(qfine, fine_key(part))) / 200.0
               for part in _own_names(g.name[r]))


@functools.lru_cache(maxsize=100_000)
def _own_names(name: str) -> tuple[str, ...]:
    """A place's own name, or each of its bilingual halves ('Donostia / San Sebastián', 'Alacant / Alicante')."""
    parts = tuple(p.strip() for p in name.split("/") if p.strip()) if "/" in name else ()
    return parts if len(parts) > 1 else (name,)


def _name_bonus(g: Gazetteer, r: int, qkey: str, qfine: str) -> float:
    """Tie-break bonus of row r among same-named candidates: its own name's closeness to the query; a
    region whose own name is the query exactly gets more ('Chiapas' is the state, not Chiapa de Corzo,
    which lists 'Chiapas' among its other names; a same-named capital still wins on its prior)."""
    close = closeness(g, r, qkey, qfine)
    exact_region = close == 1.0 and g.fcode[r] in REGION_CODES
    return _NAME_W * close + (ADMIN_NAME_W if exact_region else 0.0)


def _context(g: Gazetteer, r: int, country: Optional[str], admin1: Optional[str],
             countries: Optional[dict[str, float]], admin2: Optional[str]) -> float:
    """Context bonus of row r: the country given (or the document's countries), the admin1
    given (inside, just across its edge, or near it), the admin2 given."""
    ctx = 0.0
    if country:
        ctx += 0.1
    elif countries:
        ctx += 0.1 * countries.get(g.country[r], 0.0)
    if admin1:
        if g.admin1[r] == admin1:
            ctx += 0.3
        elif g.near_admin1(r, country or g.country[r], admin1):
            ctx += 0.3 * BORDER_W   # sources draw governorates differently (Halabja, At-Ta'mim)
        else:   # nearness counts
            c = g.admin1_centroid(country or g.country[r], admin1)
            if c and g.lat[r] is not None:
                d = _km(c[0], c[1], g.lat[r], g.lon[r])
                ctx += 0.3 * max(0.0, 1.0 - d / 200.0) * 0.7
    elif not country and not countries:
        ctx += 0.05
    if admin2 and g.admin2[r]:
        a2 = translit_key(admin2)
        k2 = translit_key(g.admin2[r])
        if a2 == k2 or (len(a2) >= 5 and fuzz.ratio(a2, k2) >= 80):
            ctx += 0.15
    return ctx


def rank(cands: dict[int, float], *args, **kwargs) -> list[tuple[int, float]]:
    """(row, score 0-1) best first; see :func:`rank_scored`."""
    return [(r, reported) for r, _total, reported in rank_scored(cands, *args, **kwargs)]


def rank_scored(cands: dict[int, float], country: Optional[str] = None, admin1: Optional[str] = None,
                gaz: Optional[Gazetteer] = None, countries: Optional[dict[str, float]] = None,
                admin2: Optional[str] = None, name: Optional[str] = None,
                kind: Optional[str] = None) -> list[tuple[int, float, float]]:
    """(row, ranking total, score 0-1) best first. Ranked by match quality + context + prior; the
    score reported is the match quality (1 exact, .95 key, .8 skeleton, .55-.8 near
    miss) times a context factor (1 when the admin1 given matches, less when not)."""
    g = gaz or Gazetteer.load()
    scored = []
    qkey = translit_key(name) if name else ""
    qfine = fine_key(name) if name else ""
    for r, q in cands.items():
        if country and g.country[r] != country:
            continue
        ctx = _context(g, r, country, admin1, countries, admin2)
        prior = kind_prior(g, r, kind)
        total = 0.55 * q + ctx + 0.25 * prior
        ctx_max = (0.1 if country else 0.0) + (0.3 if admin1 else 0.0)
        factor = 0.8 + 0.2 * (ctx / ctx_max if ctx_max else 1.0)
        scored.append((r, total, q * factor))
    if qkey and len(scored) > 1:
        # same-named candidates: prefer the one whose own (primary) name reads like the
        # query, not one matched through a secondary / alternative name (only the candidates
        # this bonus can still bring to the top are compared)
        top = max(t for _r, t, _s in scored)
        scored = [(r, t + _name_bonus(g, r, qkey, qfine), s) if t >= top - _NAME_W - ADMIN_NAME_W else (r, t, s)
                  for r, t, s in scored]
    scored.sort(key=lambda x: (-x[1], -g.prior(x[0])))
    return scored


