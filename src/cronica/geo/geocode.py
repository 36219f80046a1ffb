"""Geocoder: a place name (any spelling) -> ranked gazetteer candidates.

Match levels, best first: exact folded name (1.0), transliteration key (0.9),
consonant skeleton within the given country (0.75), then a rapidfuzz near miss
on the keys of the places in the given admin1 / country (0.5-0.8). The match
level is blended with context (country, admin1) and the place's prior
(feature class, population).
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Optional

from rapidfuzz import fuzz

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.normalize import fold, rules, skeleton, split_kind, translit_key

_SPLIT = re.compile(r"\s*(?:/|\(|\)|,|;|\bo\b|\bor\b)\s*")


# near-miss search: rapidfuzz ratio on transliteration keys, within the admin1 (then the
# country); a low cutoff keeps an answer for most names (UCDP within 25 km: 77.5 % at 60, 77.1 % at 65, 76.2 % at 72, 75.0 % at 80;
# 65 still answers nothing for gibberish)
_CUTOFF = 65.0
# where names are not romanised from another script, a near miss must be closer ("Fooberia" is
# not "Montería"), and so must one with no province given to vouch for it
_CUTOFF_PLAIN = 80.0
_CUTOFF_NO_ADMIN1 = 75.0
# ... and in any case the consonants must mostly agree (transliteration keeps them)
_SKEL_MIN = 60.0
# a consonant skeleton this short ("krt") matches on its own only if the keys are also alike
_SKEL_ALONE = 4
_SKEL_KEY_MIN = 60.0
# answers reported below this are no answer (on UCDP none of them was within 25 km)
MIN_SCORE = 0.55
# tie-break among same-named candidates: weight of "the candidate's own name reads like
# the query" (rapidfuzz ratio of transliteration keys); UCDP within 25 km 77.2 % -> 78.4 %
_NAME_W = 0.06
# kind words ("X village", "X town"): a village's prior is capped at this (no preference for
# big places); a town / city with people or an admin seat gets this bonus
VILLAGE_PRIOR = 0.15
TOWN_BONUS = 0.05
# a candidate just across the given admin1's edge keeps this share of the admin1 bonus
BORDER_W = 0.7


def _split_variants(name: str) -> list[str]:
    """'Abu al-Khatir/Al Boukhater' -> both; 'Faluya (Fallujah)' -> both; kind words
    off ('Gassanieh town/Inkizik town' -> 'Gassanieh', 'Inkizik')."""
    parts = [p.strip() for p in _SPLIT.split(name) if p and p.strip()]
    out = [name.strip()] if len(parts) != 1 else []
    found = parts + out if parts else [name.strip()]
    return list(dict.fromkeys(split_kind(v)[0] for v in found))


def kind_of(name: str) -> Optional[str]:
    """The kind word of a name or of one of its variants ('X town/Y town' -> 'town')."""
    for v in [name] + [p for p in _SPLIT.split(name) if p and p.strip()]:
        kind = split_kind(v.strip())[1]
        if kind:
            return kind
    return None


def candidates(name: str, country: Optional[str] = None, admin1: Optional[str] = None,
               gaz: Optional[Gazetteer] = None, fuzzy: bool = True,
               countries: Optional[dict[str, float]] = None) -> dict[int, float]:
    """row -> match quality (0-1) for one name. `country`/`admin1` restrict
    skeleton and fuzzy matching; exact and key matches anywhere are returned
    (the caller weighs context)."""
    g = gaz or Gazetteer.load()
    out: dict[int, float] = {}

    def put(rows: Iterable[int], q: float) -> None:
        for r in rows:
            if out.get(r, 0.0) < q:
                out[r] = q

    for variant in _split_variants(name):
        f = fold(variant)
        if not f:
            continue
        put(g.by_name.get(f, ()), 1.0)
        k = translit_key(variant)
        if len(k) < 2:
            continue
        keyed = g.by_key.get(k, ())
        put((r for r in keyed if g.fcode[r] != "PCLI"), 0.95)
        put((r for r in keyed if g.fcode[r] == "PCLI"), 0.85)   # "Sueida" is not "Suiza"
        if not country:
            continue
        best_in_scope = max((q for r, q in out.items() if g.country[r] == country
                             and (not admin1 or g.admin1[r] == admin1)), default=0.0)
        if best_in_scope >= 0.95:
            continue
        sk = skeleton(k)
        if len(sk) >= 3:
            put((r for r in g.by_skel.get(sk, ()) if g.country[r] == country and (
                len(sk) >= _SKEL_ALONE or max((fuzz.ratio(k, x) for x in g.keys[r]), default=0) >= _SKEL_KEY_MIN)), 0.8)
        if fuzzy and len(k) >= 4:
            from rapidfuzz import process
            for scope in ((country, admin1), (country, "")) if admin1 else ((country, ""),):
                keys, rows = g.scope(*scope)
                if not keys:
                    continue
                cutoff = _CUTOFF if country in g.translit_countries else _CUTOFF_PLAIN
                if not admin1:      # no province to vouch for a loose near miss
                    cutoff = max(cutoff, _CUTOFF_NO_ADMIN1)
                hits = [h for h in process.extract(k, keys, scorer=fuzz.ratio, limit=8, score_cutoff=cutoff)
                        if fuzz.ratio(sk, skeleton(h[0])) >= _SKEL_MIN]
                for _key, score, idx in hits:
                    put((rows[idx],), 0.55 + 0.25 * (score - _CUTOFF) / (100 - _CUTOFF))
                if hits:
                    break
    return out


GENERIC_WORDS = frozenset("""railroad railway station oil refinery military base airbase air airport camp
checkpoint bridge dam prison hospital field fields gas farm farms area hill mountain road highway junction
crossing district subdistrict neighbourhood neighborhood quarter market square university school mosque
river lake valley border post outskirts near kms km into of the""".split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _subphrases(name: str) -> list[str]:
    """'Bayji Oil Refinery' -> ['Bayji'], 'Camp Ashraf' -> ['Ashraf']: drop generic
    words, then shorter windows; never a lone generic token ('Tall', 'Kafr')."""
    generic_tokens = set(rules()["tokens"]) | set(rules()["articles"])
    ws = name.split()
    core = [w for w in ws if fold(w) not in GENERIC_WORDS]
    out = []
    if core and len(core) < len(ws):
        out.append(" ".join(core))
    for n in range(len(core) - 1, 0, -1):
        for i in range(0, len(core) - n + 1):
            sub = " ".join(core[i:i + n])
            toks = fold(sub).split()
            if len(sub) >= 4 and sub not in out and not all(t in generic_tokens for t in toks):
                out.append(sub)
    return out[:6]


def kind_prior(g: Gazetteer, r: int, kind: Optional[str]) -> float:
    """Prior 0..1 of row r; a 'village' is not more likely a big place, a 'town' or
    'city' is more likely a populated, notable one."""
    prior = min(g.prior(r), 14.0) / 14.0
    if kind == "village" and g.fcode[r].startswith("PPL"):
        return min(prior, VILLAGE_PRIOR)
    if kind in ("town", "city") and (g.pop[r] > 0 or g.fcode[r] in ("PPLA", "PPLA2", "PPLA3", "PPLC")):
        return prior + TOWN_BONUS
    return prior


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
    for r, q in cands.items():
        ctx = 0.0
        if country:
            if g.country[r] != country:
                continue
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
        prior = kind_prior(g, r, kind)
        total = 0.55 * q + ctx + 0.25 * prior
        if qkey and len(cands) > 1:
            # same-named candidates: prefer the one whose own (primary) name reads like the
            # query, not one matched through a secondary / alternative name
            total += _NAME_W * fuzz.ratio(qkey, translit_key(g.name[r])) / 100.0
        ctx_max = (0.1 if country else 0.0) + (0.3 if admin1 else 0.0)
        factor = 0.8 + 0.2 * (ctx / ctx_max if ctx_max else 1.0)
        scored.append((r, total, q * factor))
    scored.sort(key=lambda x: (-x[1], -g.prior(x[0])))
    return scored


def ranked(name: str, country: Optional[str] = None, admin1: Optional[str] = None,
           gaz: Optional[Gazetteer] = None, admin2: Optional[str] = None) -> list[tuple[int, float, float]]:
    """(row, ranking total, reported score) for a name with its context, best first."""
    g = gaz or Gazetteer.load()
    cc = g.country_code(country) if country else None
    a1 = g.admin1_name(cc, admin1) if admin1 else None
    kind = kind_of(name)
    cands = candidates(name, cc, a1, g)
    if not any(q >= 0.8 for q in cands.values()):
        for sub in _subphrases(split_kind(name)[0]):
            more = candidates(sub, cc, a1, g, fuzzy=False)
            for r, q in more.items():
                cands[r] = max(cands.get(r, 0.0), q * 0.8)
            if any(q >= 0.8 for q in more.values()):
                break
    return [c for c in rank_scored(cands, cc, a1, g, admin2=admin2, name=split_kind(name)[0], kind=kind)
            if c[2] >= MIN_SCORE]


def geocode(name: str, country: Optional[str] = None, admin1: Optional[str] = None, limit: int = 5,
            gaz: Optional[Gazetteer] = None, admin2: Optional[str] = None) -> list[dict]:
    """Best gazetteer candidates for a place name.

    `country`: ISO2 ("IQ") or a name ("Iraq", "Siria"); `admin1`: any spelling
    of a first-level division ("Nīnawá province", "Deir ez Zor Governorate");
    optional `admin2` (district, "Ar Rastan district") separates same-named villages.
    A kind word ("Al Fallūjah town", "X village") is a hint, not part of the name.
    Returns dicts with name, geonameid, lat, lon, country, admin1, feature_code,
    score (0-1), best first; empty if nothing fits."""
    g = gaz or Gazetteer.load()
    return [g.record(r, s) for r, _t, s in ranked(name, country, admin1, g, admin2)[:limit]]


def geocode_batch(rows: Iterable[dict], gaz: Optional[Gazetteer] = None) -> Iterable[dict]:
    """{"id","name","country","admin1"[,"admin2"]} -> {"id","name","geonameid","lat","lon",
    "country","admin1","feature_code","score"} (nulls where nothing fits).
    (Tie-breaking same-named villages by the batch's other, unambiguous places was
    measured and dropped: UCDP within 25 km 81.3 % -> 81.5 % at best, worse for towns.)"""
    g = gaz or Gazetteer.load()
    for row in rows:
        res = ranked(row.get("name") or "", row.get("country"), row.get("admin1"), g, row.get("admin2"))
        best = g.record(res[0][0], res[0][2]) if res else {}
        yield {"id": row.get("id"), "name": row.get("name"), "geonameid": best.get("geonameid"),
               "lat": best.get("lat"), "lon": best.get("lon"), "country": best.get("country"),
               "admin1": best.get("admin1"), "feature_code": best.get("feature_code"),
               "score": best.get("score")}
