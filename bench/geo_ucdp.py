#!/usr/bin/env python3
"""Geocoder benchmark on UCDP GED places (EVALUATION ONLY: UCDP names and
coordinates never enter the gazetteer).

Every distinct UCDP place with where_prec = 1 (Iraq 1989-2018, Syria 2016-2019):
name = `where_coordinates` as it stands ("Al Fallūjah town": the geocoder reads
the kind word), context = country + adm_1; geocoded through the `cronica geocode --batch`
code path; share of places within 25 km of UCDP's point, overall and by kind.

    .venv/bin/python bench/geo_ucdp.py [--shared ../shared]  -> bench/results/geo_ucdp.md
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FILES = [("ucdp-ged-iraq/conflict_data_irq.csv", "IQ"), ("ucdp-ged-syria/ged_syria_2016-2019.csv", "SY")]
SUFFIX = re.compile(r"\s+(town|village|city)\b.*$", re.I)


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def ucdp_places(shared: Path) -> list[dict]:
    seen, out = set(), []
    for rel, cc in FILES:
        with (shared / "data" / rel).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("where_prec") != "1" or not row.get("latitude", "").strip():
                    continue
                try:
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except ValueError:
                    continue
                wc = row["where_coordinates"].strip()
                key = (wc, round(lat, 4), round(lon, 4))
                if key in seen:
                    continue
                seen.add(key)
                m = SUFFIX.search(wc)
                kind = m.group(1).lower() if m else "other"
                # the name as the table gives it ("Al Fallūjah town", "X/Y village"): the geocoder
                # reads the kind word and the alternative spellings itself, as for any user's table
                out.append({"id": len(out), "name": wc, "country": cc, "admin1": row["adm_1"].strip() or None,
                            "admin2": row.get("adm_2", "").strip() or None,
                            "lat": lat, "lon": lon, "kind": kind, "raw": wc})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "geo_ucdp.md")
    args = ap.parse_args()
    places = ucdp_places(args.shared)

    from cronica.cli.geocode import geocode_command
    from cronica.geo.gazetteer import Gazetteer

    t0 = time.time()
    g = Gazetteer.load()
    t_load = time.time() - t0
    from cronica.geo.geocode import geocode
    with_a2 = sum(1 for p in places if (lambda h: h and h[0]["lat"] is not None and
                  km(p["lat"], p["lon"], h[0]["lat"], h[0]["lon"]) <= 25)(
        geocode(p["name"], p["country"], p["admin1"], limit=1, gaz=g, admin2=p["admin2"])))
    with tempfile.TemporaryDirectory() as tmp:
        inp, outp = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with inp.open("w", encoding="utf-8") as fh:
            for p in places:
                fh.write(json.dumps({k: p[k] for k in ("id", "name", "country", "admin1")}, ensure_ascii=False) + "\n")
        t1 = time.time()
        geocode_command(name=None, country=None, admin1=None, batch=inp, output=outp)
        t_run = time.time() - t1
        res = {r["id"]: r for r in map(json.loads, outp.read_text(encoding="utf-8").splitlines())}

    # misses by cause: the right place (within 25 km) among our candidates but not first, or not at all
    later = Counter()
    for p in places:
        hits = geocode(p["name"], p["country"], p["admin1"], limit=10, gaz=g)
        ok = [i for i, h in enumerate(hits) if h["lat"] is not None and km(p["lat"], p["lon"], h["lat"], h["lon"]) <= 25]
        if ok and ok[0] > 0:
            later["ranked"] += 1
            later["ranked_same"] += hits[ok[0]]["score"] >= hits[0]["score"] - 0.01
        elif not ok:
            later["absent"] += 1
            later["absent_other"] += p["kind"] == "other"
    by = defaultdict(Counter)
    misses = []
    for p in places:
        r = res[p["id"]]
        if r["lat"] is None:
            d = math.inf
        else:
            d = km(p["lat"], p["lon"], r["lat"], r["lon"])
        ok = d <= 25
        for grp in ("all", p["kind"], p["country"]):
            by[grp]["n"] += 1
            by[grp]["ok"] += ok
            by[grp]["ok3"] += d <= 3
            by[grp]["none"] += r["lat"] is None
        if not ok:
            misses.append((p["raw"], p["country"], p["admin1"], r.get("place"), r.get("admin1"),
                           "none" if d == math.inf else f"{d:.0f} km"))

    lines = ["# UCDP GED where_prec=1 places through `cronica geocode --batch`", "",
             f"{len(places)} distinct places (Iraq GED 1989-2018 + Syria GED 2016-2019), context = country + adm_1. "
             f"Gazetteer load {t_load:.2f} s; geocoding {t_run:.1f} s ({1000 * t_run / max(1, len(places)):.1f} ms/place).", "",
             "| group | places | within 25 km | within 3 km | no answer |", "| --- | ---: | ---: | ---: | ---: |"]
    for grp in ("all", "city", "town", "village", "other", "IQ", "SY"):
        c = by.get(grp)
        if not c:
            continue
        lines.append(f"| {grp} | {c['n']} | {100 * c['ok'] / c['n']:.1f} % | {100 * c['ok3'] / c['n']:.1f} % | {c['none']} |")
    lines += ["", f"With adm_2 (district) as extra context (`geocode(..., admin2=...)`, or an \"admin2\" field in "
              f"the batch lines): **{100 * with_a2 / len(places):.1f} %** within 25 km.", ""]
    n_miss = sum(1 for m in misses)
    lines += ["## Why not 90 %", "",
              f"Of the {n_miss} places missed, {later['ranked']} have the right place (within 25 km) among our "
              f"other candidates ({later['ranked_same']} of them matched as well as our first answer: same-named "
              "villages of one governorate, which name + country + adm_1 cannot tell apart; adm_2 does, figure above) "
              f"and {later['absent']} have no candidate within 25 km ({later['absent_other']} of them 'other': bases, "
              "fields, checkpoints, factories, hills, which Who's On First, a gazetteer of populated places, does not hold).",
              "",
              "Diagnostic of 2026-11-26 (top-10 candidates and every gazetteer row within 25 km of UCDP's point, per",
              "miss; script not shipped): of the places with no candidate, about 125 have no gazetteer row within",
              "25 km whose name is similar at all (not in the gazetteer), and about 55 only coincidentally similar",
              "short names (three-consonant skeletons); of those with the right place ranked lower, about 60 are",
              "exact homonyms (same name, same governorate) and most of the rest coincidental near misses (a fuzzy",
              "match that happens to lie near UCDP's point). Ties between homonyms were checked against general signals (older GeoNames id, number",
              "of names, population, feature code): none improves the figure (a bonus for GeoNames ids below 1,000,000",
              "costs 0.2-0.8 points). So this gazetteer caps name matching near 84-85 %; 90 % needs more places",
              "(OCHA/IOM settlement lists, NGA GNS) or the district (adm_2).", "",
              "What moved the figure (81.7 % -> this), all in the geocoder's general transliteration rules",
              "(`translit.yaml`) and matching levels (`geocode.py`): qualifier words in any order or language",
              "('Western X' = 'X al Gharbiyah' = 'X Occidental', 'Lower X' = 'X Tahtani'; a name without its",
              "qualifier matches a qualified one a level lower), a run of the words of a longer name of the given",
              "province ('Majdalun' -> 'Majdalun al Bahr'), generic words 'Nahiyat', 'Madinat', 'Qaryah' dropped,",
              "skeleton matches ranked by how close the vowels are, q said g merged in the consonant skeleton",
              "('Gusair' = 'Qusayr'), an article glued to its word read apart in Arabic-named countries ('Elbab',",
              "'Arraqqa'), and homonyms ordered half by key, half by spelling ('Jujara' nearer 'Al Jujara' than",
              "'Al Jujjarah'). The Arabic-script names of Who's On First are matched too, on their consonant",
              "skeleton within the province, as a last level (0.6): measured neutral here (at 0.7-0.8 they find other",
              "same-consonant villages first and cost 0.1-0.2 points), kept for names whose only other spelling is",
              "Arabic.", "",
              "Earlier (78.4 % -> 81.7 %): the build keeps ~2,300 WOF villages it used to drop for want of a",
              "governorate (now given their neighbours' one) and the names of superseded WOF records; the geocoder",
              "reads kind words ('X town', 'X/Y village', typos 'villge') as hints (a village is not preferred for",
              "being big), treats a place just across the given governorate's edge as nearly inside it, and requires",
              "near misses to share consonants (which also makes nonsense names null).", ""]
    lines += ["## Sample of misses (UCDP name, country, adm_1 -> our answer, distance)", ""]
    for m in misses[:40]:
        lines.append(f"- {m[0]} ({m[1]}, {m[2]}) -> {m[3]} ({m[4]}) {m[5]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:14]))


if __name__ == "__main__":
    main()
