"""Match levels of the geocoder: a place name (any spelling) -> gazetteer rows with a match
quality 0-1, before context is weighed (:mod:`cronica.geo.rank`).

Best first: exact folded name (1.0), transliteration key (0.95), the same name with its
qualifier words in another order / language ('Lower X' = 'X Tahtani', 0.95) or left out
(0.85), consonant skeleton within the given country (0.7-0.8, the closer key first), a run of
the words of a longer name of the given admin1 (0.7), the consonant skeleton of a place's
Arabic-script name (0.6), then a rapidfuzz near miss on the keys of the places in the given
admin1 / country (0.55-0.8); in countries named in Arabic, a name with its article glued on
('Elbab') is also read apart.
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, Optional

from rapidfuzz import fuzz, process

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.normalize import fold, rules, skeleton, split_kind, split_qualifiers, token_keys, translit_key

_SPLIT = re.compile(r"\s*(?:/|\(|\)|,|;|\bo\b|\bor\b)\s*")


# consonant skeleton match (of a Latin name or of an Arabic-script one) within the country
SKEL_Q = 0.8
# a name read with its glued article split off ('Elbab' -> 'El bab') keeps this share
UNGLUED_W = 0.9
# ... less this much times (1 - key ratio): the closer spelling first
SKEL_SPREAD = 0.1
# ... of the place's Arabic-script name, within the given admin1 (or just across its edge)
ARABIC_Q = 0.6
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
# qualifier words ('al Gharbiyah' = 'Western', 'Kabir', 'Tahtani'; translit.yaml `qualifiers`):
# same core and same qualifiers in another order / language; the query leaves out the
# candidate's qualifier ('Jujar' -> 'Jujar as Saghir'); the candidate has none of the query's
QUAL_SAME = 0.95
QUAL_MISSING = 0.85
QUAL_EXTRA = 0.72
# the query's words are a run of the words of a longer name in the given admin1 ('Majdalun' ->
# 'Majdalun al Bahr', 'Suhum' -> 'Suhum az Zaytun'); only when nothing in the admin1 matches whole
PARTIAL_Q = 0.7
PARTIAL_MIN_KEY = 4


def _split_variants(name: str) -> list[str]:
    """'Abu al-Khatir/Al Boukhater' -> both; 'Faluya (Fallujah)' -> both; kind words
    off ('Gassanieh town/Inkizik town' -> 'Gassanieh', 'Inkizik')."""
    parts = [p.strip() for p in _SPLIT.split(name) if p and p.strip()]
    out = [name.strip()] if len(parts) != 1 else []
    found = parts + out if parts else [name.strip()]
    return list(dict.fromkeys(split_kind(v)[0] for v in found))


_GLUED = re.compile(r"\b(?:(?:al|el|ul)(?!bu)(?=[^\W\d_]{3,})|[ae](sh|th|dh|[tdrzsn])(?=\1[^\W\d_]{2,}))", re.I)


def _unglue(name: str) -> str:
    """'Elbab' -> 'El bab', 'Alhasakah' -> 'Al hasakah', 'Arraqqa' -> 'Ar raqqa': an
    article written onto its word (not 'Albu', the tribe prefix). '' when there is none."""
    out = _GLUED.sub(lambda m: m.group(0) + " ", name)
    return out if out != name else ""


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
    put = _putter(out)
    variants = _split_variants(name)
    glued = [u for u in (_unglue(v) for v in variants) if u and u not in variants] \
        if country in (rules().get("arabic_countries") or ()) else []
    for variant in variants:
        _match_variant(g, variant, country, admin1, fuzzy, out, put)
    if max((q for r, q in out.items() if not country or g.country[r] == country), default=0.0) < 0.95:
        # 'Jost' read as 'Khost': only if nothing close as written (in the country, when it is given)
        for variant in _respelled(variants):
            for r, q in candidates(variant, country, admin1, g, fuzzy=False).items():
                if q >= 0.95:
                    out[r] = max(out.get(r, 0.0), q * UNGLUED_W)
    for variant in glued:    # 'Elbab' read as 'El bab': only if the name as written found nothing close
        if max((q for r, q in out.items() if g.country[r] == country), default=0.0) >= 0.95:
            break
        for r, q in candidates(variant, country, admin1, g, fuzzy=False).items():
            if q >= 0.8:
                out[r] = max(out.get(r, 0.0), q * UNGLUED_W)
    return out


def _respelled(variants: list[str]) -> list[str]:
    """The names with another writer's letters for one sound (translit.yaml respellings)."""
    out = []
    for a, b in rules().get("respellings") or ():
        out += [re.sub(a, b, v, flags=re.I) for v in variants if re.search(a, v, re.I)]
    return [v for v in dict.fromkeys(out) if v not in variants]


def _putter(out: dict[int, float]) -> Callable[[Iterable[int], float], None]:
    """A function that raises rows' match quality in `out` to q (never lowers it)."""
    def put(rows: Iterable[int], q: float) -> None:
        for r in rows:
            if out.get(r, 0.0) < q:
                out[r] = q
    return put


def _match_variant(g: Gazetteer, variant: str, country: Optional[str], admin1: Optional[str],
                   fuzzy: bool, out: dict[int, float], put: Callable[[Iterable[int], float], None]) -> None:
    """All match levels for one spelling of the name, best first; the looser levels run
    only while nothing in the country (and admin1) matched well."""
    f = fold(variant)
    if not f:
        return
    put(g.by_name.get(f, ()), 1.0)
    k = translit_key(variant)
    if len(k) < 2:
        return
    keyed = g.by_key.get(k, ())
    put((r for r in keyed if g.fcode[r] != "PCLI"), 0.95)
    put((r for r in keyed if g.fcode[r] == "PCLI"), 0.85)   # "Sueida" is not "Suiza"
    if not country:
        return
    best_in_scope = max((q for r, q in out.items() if g.country[r] == country
                         and (not admin1 or g.admin1[r] == admin1)), default=0.0)
    if best_in_scope >= 0.95:
        return
    sk = skeleton(k)
    if len(sk) >= 3:
        _skeleton_matches(g, k, sk, country, put)
    _qualified(g, variant, country, admin1, put)
    if admin1 and max((q for r, q in out.items() if g.admin1[r] == admin1), default=0.0) < 0.95:
        _partial(g, variant, country, admin1, put)
    if len(sk) >= 3 and best_in_scope < SKEL_Q:
        _arabic_matches(g, k, sk, country, admin1, put)
    if fuzzy and len(k) >= 4:
        _near_misses(g, k, sk, country, admin1, put)


def _skeleton_matches(g: Gazetteer, k: str, sk: str, country: str, put) -> None:
    """Same consonants in the country, ranked by how close the whole keys are (vowels, endings)."""
    for r in g.by_skel.get(sk, ()):
        if g.country[r] != country:
            continue
        kr = max((fuzz.ratio(k, x) for x in g.keys[r]), default=0)
        if len(sk) >= _SKEL_ALONE or kr >= _SKEL_KEY_MIN:
            put((r,), SKEL_Q - SKEL_SPREAD * (1 - kr / 100.0))


def _arabic_matches(g: Gazetteer, k: str, sk: str, country: str, admin1: Optional[str], put) -> None:
    """The consonants of the place's Arabic-script name (no vowels written there), in the admin1."""
    put((r for r in g.by_askel.get(sk, ()) if g.country[r] == country and (
        not admin1 or g.admin1[r] == admin1 or g.near_admin1(r, country, admin1)) and (
        len(sk) >= _SKEL_ALONE or max((fuzz.ratio(k, x) for x in g.akeys[r]), default=0) >= _SKEL_KEY_MIN)),
        ARABIC_Q)


def _near_misses(g: Gazetteer, k: str, sk: str, country: str, admin1: Optional[str], put) -> None:
    """rapidfuzz near misses on the keys of the admin1's places, then the country's."""
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


def _qualified(g: Gazetteer, variant: str, country: str, admin1: Optional[str], put) -> None:
    """Names that differ only in qualifier words ('Western Balatah' = 'Balatah al Gharbiyah')."""
    ws = token_keys(variant)
    core, quals = split_qualifiers(ws)
    if len(core) < 3:
        return
    cores, _words = g.word_index(country)
    for r, rq in cores.get(core, ()):
        if rq == quals:
            put((r,), QUAL_SAME)
        elif not quals:
            put((r,), QUAL_MISSING)
        elif quals < rq:
            put((r,), QUAL_MISSING * 0.95)
    if quals:
        put((r for r in g.by_key.get(core, ()) if g.country[r] == country), QUAL_EXTRA)


def _partial(g: Gazetteer, variant: str, country: str, admin1: str, put) -> None:
    """Longer names of the admin1 that hold the query's words in a row ('Majdalun' -> 'Majdalun al Bahr')."""
    ws = token_keys(variant)
    if not ws or len("".join(ws)) < PARTIAL_MIN_KEY or all(w in _generic_keys() for w in ws):
        return
    _cores, words = g.word_index(country)
    rows = None
    for w in set(ws):
        hit = {r for r in words.get(w, ()) if g.admin1[r] == admin1}
        rows = hit if rows is None else rows & hit
        if not rows:
            return
    run = " ".join(ws)
    for r in rows:
        for w in g.words[r]:
            if f" {run} " in f" {w} ":
                extra = len(w.split()) - len(ws)
                put((r,), PARTIAL_Q - 0.03 * max(0, extra - 1))
                break


@functools.lru_cache(maxsize=1)
def _generic_keys() -> frozenset[str]:
    """Keys of the generic words ('tall', 'kafr', 'abu', 'umm') that are no name by themselves."""
    r = rules()
    return frozenset(k for t in list(r["tokens"]) + list(r["tokens"].values()) + ["abu", "umm", "bir", "ras"]
                     for k in token_keys(t))


GENERIC_WORDS = frozenset("""railroad railway station oil refinery military base airbase air airport camp
checkpoint bridge dam prison hospital field fields gas farm farms area hill mountain road highway junction
crossing district subdistrict neighbourhood neighborhood quarter market square university school mosque
river lake valley border post outskirts near kms km into of the""".split())


def subphrases(name: str) -> list[str]:
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


