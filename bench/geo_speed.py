#!/usr/bin/env python3
"""Place-stage cost: gazetteer load time (cold parse and warm cache, each in a
fresh process) and the PlaceTagger's time per document against the spaCy
pipeline's, on the example passage and on its paragraphs.

    .venv/bin/python bench/geo_speed.py [--shared ../shared] -> bench/results/geo_speed.md
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

LOAD = """
import sys, time
sys.path.insert(0, {src!r})
import spacy, spacy.lang.es.stop_words, cronica.lang, cronica.geo.normalize, cronica.geo.gazetteer as G   # imports (spaCy is loaded anyway) are not the load
t = time.perf_counter(); g = G.Gazetteer.load(); t1 = time.perf_counter() - t
from cronica.geo import PlaceTagger
t = time.perf_counter(); PlaceTagger('es').load(); t2 = time.perf_counter() - t
print(f"{{t1:.3f}} {{t2:.3f}} {{len(g)}}")
"""


def load_times(cache_dir: str) -> tuple[float, float, int]:
    env = dict(os.environ, CRONICA_CACHE=cache_dir)
    out = subprocess.run([sys.executable, "-c", LOAD.format(src=str(ROOT / "src"))], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cold = load_times(tmp)
        warm = load_times(tmp)

    from cronica.geo import PlaceTagger
    from cronica.nlp import load_spacy
    nlp = load_spacy()
    tagger = PlaceTagger("es").load()
    text = (args.shared / "examples" / "es_mosul_raqqa_2016_2017.txt").read_text(encoding="utf-8")
    rows = []
    for label, docs_text in (("whole passage (1 doc)", [text]),
                             ("its paragraphs (1 doc each)", [p for p in text.split("\n") if p.strip()])):
        nlp(docs_text[0]); tagger.tag(nlp(docs_text[0]), docs_text[0])   # warm
        t_sp = t_tag = 0.0
        for _ in range(args.repeat):
            for d in docs_text:
                t0 = time.perf_counter()
                doc = nlp(d)
                t1 = time.perf_counter()
                tagger.tag(doc, d)      # as the pipeline calls it: with the document's text
                t2 = time.perf_counter()
                t_sp += t1 - t0
                t_tag += t2 - t1
        n = args.repeat * len(docs_text)
        rows.append(f"| {label} | {1000 * t_sp / n:.1f} ms | {1000 * t_tag / n:.2f} ms | **{100 * t_tag / t_sp:.1f} %** |")
    lines = ["# Place stage cost", "",
             f"Gazetteer: {cold[2]} places, file {(ROOT / 'src/cronica/data/gazetteer/gazetteer.tsv.gz').stat().st_size / 1e6:.1f} MB.", "",
             "| load (fresh process) | Gazetteer.load() | PlaceTagger.load() after it (name index, skeleton keys, fuzzy scopes) |",
             "| --- | ---: | ---: |",
             f"| cold (parse the TSV; a forked child writes the cache) | {cold[0]:.2f} s | {cold[1]:.2f} s |",
             f"| warm (marshal cache) | {warm[0]:.2f} s | {warm[1]:.2f} s |", "",
             "| documents | spaCy es_core_news_sm (full pipeline) per doc | PlaceTagger.tag per doc | place / spaCy |",
             "| --- | ---: | ---: | ---: |", *rows, ""]
    out = ROOT / "bench" / "results" / "geo_speed.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
