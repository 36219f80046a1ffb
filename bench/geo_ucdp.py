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
            misses.append((p["raw"], p["country"], p["admin1"], r.get("name"), r.get("admin1"),
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
    lines += ["## Why not 90 %", "",
              "Diagnostic of 2026-11-25 on this gazetteer (`/tmp`-style script, not shipped; top-10 candidates per",
              "miss): of the ~300 places missed, ~170 have no Who's On First record within 25 km whose name is",
              "similar (same transliteration key or rapidfuzz ratio >= 80) and no gazetteer candidate within 25 km",
              "either: bases, fields, checkpoints, factories, hills ('Shair gas field', '128th Brigade', 'Tall 900')",
              "or villages WOF spells unrecognisably ('Hakoura' = Qa`urah). That caps name matching near 89 %.",
              "~110 have a candidate within 25 km ranked 2nd-10th: mostly same-named villages of one governorate",
              "(four 'Aziziyah' in Aleppo; 'Al Hamdaniyah' town vs village in Nineveh) that country + adm_1 cannot",
              "tell apart; adm_2 does (figure above). Tried and not kept: Arabic-script names as consonant",
              "skeletons (they find the same homonyms), and tie-breaking homonyms by the batch's own unambiguous",
              "places (81.3 % -> 81.5 % at best, towns worse).", "",
              "What moved the figure (78.4 % -> this): the build keeps ~2,300 WOF villages it used to drop for",
              "want of a governorate (now given their neighbours' one) and the names of superseded WOF records;",
              "the geocoder reads kind words ('X town', 'X/Y village', typos 'villge') as hints (a village is",
              "not preferred for being big), treats a place just across the given governorate's edge as nearly",
              "inside it, and requires near misses to share consonants (which also makes nonsense names null).", ""]
    lines += ["## Sample of misses (UCDP name, country, adm_1 -> our answer, distance)", ""]
    for m in misses[:40]:
        lines.append(f"- {m[0]} ({m[1]}, {m[2]}) -> {m[3]} ({m[4]}) {m[5]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:14]))


if __name__ == "__main__":
    main()
