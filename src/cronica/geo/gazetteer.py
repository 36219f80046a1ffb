"""The packaged gazetteer: load once, index by exact folded name, by
transliteration key and by consonant skeleton.

Built by ``scripts/build_gazetteer.py`` into ``data/gazetteer/gazetteer.tsv.gz``
(GeoNames cities500 + admin1 + countries, Who's On First Iraq/Syria, curated
aliases). Rows are kept in parallel lists (compact, fast to load).
"""
from __future__ import annotations

import functools
import gc
import math
import os
import threading
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from cronica.geo.codes import WORLD_SOURCES, WORLD_TOWN_POP
from cronica.geo.gazetteer_file import cache_path, parse_tsv, read_cache, write_cache_aside
from cronica.geo.normalize import DATA_DIR, fold, rules, skeleton, split_qualifiers, translit_key

GAZETTEER_FILE = DATA_DIR / "gazetteer.tsv.gz"

# prior weight of a feature code (how likely a bare mention means this kind of place)
FCODE_PRIOR = {
    "PCLI": 9.0, "PPLC": 7.0, "ADM1": 5.5, "PPLA": 5.5, "STM": 5.0, "PPLA2": 3.5, "PPLA3": 2.0,
    "PPLA4": 1.5, "ADM2": 2.5, "PPL": 1.0, "PPLX": 0.8, "PPLL": 0.3, "PPLQ": -0.5, "PPLW": -0.5,
    "PPLF": 0.0, "STLMT": 0.2, "RGN": 5.0, "CONT": 6.0, "SEA": 4.0, "ISL": 4.0, "UNIV": 3.0, "MSQE": 3.0, "DAM": 3.0, "AIRB": 3.0, "AIRP": 1.0,
}
ADMIN_CODES = {"PCLI", "ADM1", "ADM2"}
NOTABILITY = 0.3   # weight of log2(number of known spellings) in the prior


class Gazetteer:
    """Parallel columns over places, plus name indexes.

    ``Gazetteer.load()`` returns the process-wide instance (loaded once)."""

    _instance: Optional["Gazetteer"] = None
    _lock = threading.Lock()

    def __init__(self, path: Path = GAZETTEER_FILE) -> None:
        self.path = Path(path)
        self.name: list[str] = []
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.admin2: list[str] = []
        self.lat: list[Optional[float]] = []
        self.lon: list[Optional[float]] = []
        self.geonameid: list[Optional[int]] = []
        self.fcode: list[str] = []
        self.pop: list[int] = []
        self.src: list[str] = []
        self.parent: list[str] = []
        self.names: list[tuple[str, ...]] = []
        self.keys: list[tuple[str, ...]] = []
        self.anames: list[frozenset[str]] = []
        self.words: list[tuple[str, ...]] = []
        self.akeys: list[tuple[str, ...]] = []
        self.by_name: dict[str, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}
        self._by_skel: Optional[dict[str, list[int]]] = None
        self._scope: dict[tuple[str, str], tuple[list[str], list[int]]] = {}
        self._words: dict[str, tuple[dict, dict]] = {}
        self._by_askel: Optional[dict[str, list[int]]] = None
        self._cores: Optional[list[tuple[str, ...]]] = None
        self._read()

    # ------------------------------------------------------------------ load
    @classmethod
    def load(cls) -> "Gazetteer":
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance

    _FIELDS = ("name", "country", "admin1", "admin2", "lat", "lon", "geonameid", "fcode", "pop", "src",
               "names", "anames", "parent", "keys", "words", "akeys", "by_name", "by_key", "_by_skel",
               "_by_askel", "_words", "_cores")

    def _read(self) -> None:
        """Parse the TSV (about 1 s), or load the marshal cache written after
        the first parse (about 0.3 s). The cyclic GC is paused meanwhile: it
        would rescan the many new lists again and again; then they are frozen out of its
        later scans (each would otherwise walk the gazetteer's million objects)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            # Open the TSV once and label the cache from that very file: the
            # builder swaps it with os.replace, so stat + parse never mix versions.
            with open(self.path, "rb") as raw:
                cache = cache_path(os.fstat(raw.fileno()))
                state = read_cache(cache)
                if state is not None:
                    for k in self._FIELDS:
                        setattr(self, k, state[k])
                    self.anames = [frozenset(a) for a in self.anames]
                    return
                parse_tsv(self, raw)
                # the Arabic-script skeletons and the word indexes of the village-level countries:
                # computed once here, then kept in the cache (others on first use)
                _ = self.by_skel, self.by_askel
                for cc in sorted(self.translit_countries):
                    self.word_index(cc)
            state = {k: getattr(self, k) for k in self._FIELDS}
            state["anames"] = [tuple(a) for a in self.anames]
            write_cache_aside(cache, state)
        finally:
            gc.freeze()   # the columns live as long as the process: out of every later collection's scan
            if enabled:
                gc.enable()

    def __len__(self) -> int:
        return len(self.name)

    # ------------------------------------------------------------------ indexes
    @property
    def by_skel(self) -> dict[str, list[int]]:
        if self._by_skel is None:
            sk: dict[str, list[int]] = defaultdict(list)
            for k, rows in self.by_key.items():
                s = skeleton(k)
                if len(s) >= 3:
                    sk[s].extend(rows)
            self._by_skel = dict(sk)
        return self._by_skel

    @property
    def by_askel(self) -> dict[str, list[int]]:
        """Consonant skeleton of an Arabic-script name (:func:`arabic_to_latin`) -> rows."""
        if self._by_askel is None:
            out: dict[str, list[int]] = defaultdict(list)
            for r, ks in enumerate(self.akeys):
                for s in {skeleton(k) for k in ks}:
                    if len(s) >= 3:
                        out[s].append(r)
            self._by_askel = dict(out)
        return self._by_askel

    def scope(self, country: str = "", admin1: str = "") -> tuple[list[str], list[int]]:
        """(keys, rows) of every name key of the places in a country [/ admin1]."""
        ck = (country, admin1)
        hit = self._scope.get(ck)
        if hit is None:
            keys: list[str] = []
            rows: list[int] = []
            for r in self.rows_by_country.get(country, ()):
                if admin1 and self.admin1[r] != admin1:
                    continue
                for k in self.keys[r]:
                    keys.append(k)
                    rows.append(r)
            hit = self._scope[ck] = (keys, rows)
        return hit

    def word_index(self, country: str) -> tuple[dict[str, list[tuple[int, frozenset[str]]]], dict[str, list[int]]]:
        """Indexes of a country's multi-word names: (core key -> [(row, qualifiers)] for the names
        with qualifier words ('Balatah al Gharbiyah' -> 'balata', {'west'}), word key -> rows)."""
        hit = self._words.get(country)
        if hit is None:
            cores: dict[str, list[tuple[int, frozenset[str]]]] = {}
            words: dict[str, list[int]] = {}
            for r in self.rows_by_country.get(country, ()):
                seen: set[str] = set()
                if self._cores is not None:
                    for x in self._cores[r]:
                        core, *quals = x.split(" ")
                        cores.setdefault(core, []).append((r, frozenset(quals)))
                for w in self.words[r]:
                    ks = w.split()
                    if self._cores is None:
                        core, quals = split_qualifiers(tuple(ks))
                        if quals:
                            cores.setdefault(core, []).append((r, quals))
                    for k in ks:
                        if k not in seen:
                            seen.add(k)
                            words.setdefault(k, []).append(r)
            hit = self._words[country] = (cores, words)
        return hit

    @functools.cached_property
    def rows_by_country(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for r, c in enumerate(self.country):
            out.setdefault(c, []).append(r)
        return out

    @functools.cached_property
    def detailed_countries(self) -> frozenset[str]:
        """Countries with every town of 500+ people (GeoNames cities500) or villages (WOF)."""
        return frozenset(c for c, s in zip(self.country, self.src) if s in ("geonames", "wof"))

    @functools.cached_property
    def translit_countries(self) -> frozenset[str]:
        """Countries with a village-level (Who's On First) gazetteer, where names
        come in many romanisations: near-miss matching is worth its cost there."""
        return frozenset(c for c, s in zip(self.country, self.src) if s == "wof")

    @functools.cached_property
    def admin1_index(self) -> dict[tuple[str, str], str]:
        """(country, translit key of any name of an admin1) -> canonical admin1 name."""
        out: dict[tuple[str, str], str] = {}
        for i, fc in enumerate(self.fcode):
            if fc == "ADM1" and self.admin1[i]:
                for n in self.names[i] + (self.admin1[i], self.name[i]):
                    out.setdefault((self.country[i], translit_key(n)), self.admin1[i])
        return out

    @functools.cached_property
    def admin1_rows(self) -> dict[tuple[str, str], list[int]]:
        """(country, admin1 name) -> its ADM1 rows."""
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, fc in enumerate(self.fcode):
            if fc == "ADM1" and self.admin1[i]:
                out[(self.country[i], self.admin1[i])].append(i)
        return dict(out)

    def province_named_after(self, seat: int) -> list[int]:
        """The ADM1 rows of the province a seat town gives its name to ('Lugansk', a name only the city of
        Luhansk bears here, read after 'la región de': Luhansk Oblast)."""
        if self.fcode[seat] not in ("PPLA", "PPLC") or not self.admin1[seat]:
            return []
        if translit_key(self.admin1[seat]) != translit_key(self.name[seat]):
            return []
        return self.admin1_rows.get((self.country[seat], self.admin1[seat]), [])

    @functools.cached_property
    def admin1_by_bare_name(self) -> dict[str, list[int]]:
        """Folded bare name -> ADM1 rows named with a generic word ('arauca' -> Arauca Department):
        looked up only after an admin cue, where the bare name cannot be a person ('Magdalena')."""
        generic = frozenset(rules().get("admin1_generic_words") or ())
        out: dict[str, list[int]] = defaultdict(list)
        for i, fc in enumerate(self.fcode):
            if fc != "ADM1":
                continue
            words = self.names[i][0].split() if self.names[i] else []
            while words and words[0] in generic:
                words = words[1:]
            while words and words[-1] in generic:
                words = words[:-1]
            bare = " ".join(words)
            if bare and (not self.names[i] or bare != self.names[i][0]):
                out[bare].append(i)
        return dict(out)

    @functools.cached_property
    def country_index(self) -> dict[str, str]:
        """folded country name / ISO code -> ISO2."""
        out: dict[str, str] = {}
        for i, fc in enumerate(self.fcode):
            if fc == "PCLI":
                out[self.country[i].lower()] = self.country[i]
                for n in self.names[i]:
                    out.setdefault(n, self.country[i])
        return out

    @functools.cached_property
    def country_points(self) -> dict[str, tuple[float, float]]:
        """ISO2 -> the country's point (its PCLI row)."""
        return {self.country[i]: (self.lat[i], self.lon[i]) for i, fc in enumerate(self.fcode)
                if fc == "PCLI" and self.lat[i] is not None}

    @functools.cached_property
    def _admin1_centroids(self) -> dict[tuple[str, str], tuple[float, float]]:
        out: dict[tuple[str, str], tuple[float, float]] = {}
        for i, fc in enumerate(self.fcode):
            if fc == "ADM1" and self.lat[i] is not None:
                out.setdefault((self.country[i], self.admin1[i]), (self.lat[i], self.lon[i]))
        return out

    @functools.cached_property
    def _admin1_cells(self) -> dict[tuple[str, str], frozenset[tuple[int, int]]]:
        """(country, admin1) -> the 0.1-degree cells its places lie in (a rough outline)."""
        out: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
        for i, a1 in enumerate(self.admin1):
            if a1 and self.lat[i] is not None and self.fcode[i] not in ("ADM1", "PCLI"):
                out[(self.country[i], a1)].add((int(self.lat[i] * 10 // 1), int(self.lon[i] * 10 // 1)))
        return {k: frozenset(v) for k, v in out.items()}

    def near_admin1(self, i: int, country: str, admin1: str) -> bool:
        """Row i lies in or next to (within ~one 0.1-degree cell of) a place of that admin1:
        sources draw governorates differently (Halabja, At-Ta'mim), a border village may be on either side."""
        cells = self._admin1_cells.get((country, admin1))
        if not cells or self.lat[i] is None:
            return False
        y, x = int(self.lat[i] * 10 // 1), int(self.lon[i] * 10 // 1)
        return any((y + dy, x + dx) in cells for dy in (-1, 0, 1) for dx in (-1, 0, 1))

    def admin1_centroid(self, country: str, admin1: str) -> Optional[tuple[float, float]]:
        return self._admin1_centroids.get((country, admin1))

    def country_code(self, country: Optional[str]) -> Optional[str]:
        if not country:
            return None
        c = country.strip()
        if len(c) == 2 and c.isalpha():
            return c.upper()
        return self.country_index.get(fold(c)) or self.country_index.get(c.lower())

    def admin1_name(self, country: Optional[str], admin1: Optional[str]) -> Optional[str]:
        """Canonical admin1 for a user-given admin1 ("Nīnawá province", "Deir ez Zor Governorate")."""
        if not admin1:
            return None
        k = translit_key(admin1)
        if country:
            hit = self.admin1_index.get((country, k))
            if hit:
                return hit
            from rapidfuzz import fuzz, process
            keys = [kk for (cc, kk) in self.admin1_index if cc == country]
            best = process.extractOne(k, keys, scorer=fuzz.ratio, score_cutoff=70)
            if best:
                return self.admin1_index[(country, best[0])]
            return None
        for (cc, kk), v in self.admin1_index.items():
            if kk == k:
                return v
        return None

    # ------------------------------------------------------------------ priors
    def prior(self, i: int) -> float:
        """How likely a bare mention of this name means this place (feature class, population)."""
        fc = self.fcode[i]
        base = FCODE_PRIOR.get(fc, 0.5)
        if fc in ADMIN_CODES and fc != "PCLI":
            return base          # a governorate loses to its same-named capital
        # notability: population, and how many spellings the sources know (villages have no population)
        return base + math.log10(self.pop[i] + 1) * 0.6 + NOTABILITY * math.log2(1 + len(self.names[i]))

    def thin_world_town(self, i: int) -> bool:
        """A town of under WORLD_TOWN_POP people in a country with no cities500 file (a name known
        from the world-wide list only: 'Arias', Argentina; 'Șanț', Romania)."""
        return self.src[i] in WORLD_SOURCES and self.fcode[i].startswith("PPL") and self.pop[i] < WORLD_TOWN_POP

    def record(self, i: int, score: Optional[float] = None) -> dict:
        return {"name": self.name[i], "geonameid": self.geonameid[i], "lat": self.lat[i], "lon": self.lon[i],
                "country": self.country[i] or None, "admin1": self.admin1[i] or None, "feature_code": self.fcode[i],
                "score": None if score is None else round(score, 3)}

    def rows_named(self, folded: str) -> list[int]:
        return self.by_name.get(folded, [])

    def iter_names(self) -> Iterable[tuple[str, list[int]]]:
        return self.by_name.items()
