"""The unit of work every engine runs: one partition in, its Parquet files out.

The pipeline arrives pickled (configuration only); the loaded model is kept in
a per-process cache, so each worker process loads it once whatever the engine
(multiprocessing, Dask, Spark) and however many partitions it runs. Workers
return a small summary (the done-marker), never spaCy Docs or rows.
"""
from __future__ import annotations

import dataclasses
import os
import resource
import socket
import sys
import time
from datetime import date
from typing import Any, Optional

from cronica.engines.output import Output
from cronica.engines.partition import Partition, read_partition
from cronica.model import DocumentAnnotations
from cronica.pipeline import Pipeline
from cronica.store.rows import document_tables
from cronica.store.schema import TABLES
from cronica.text.normalize import content_hash

_PIPELINES: dict[tuple, Pipeline] = {}


def pipeline_config(pipeline: Pipeline) -> dict[str, Any]:
    return {f.name: getattr(pipeline, f.name) for f in dataclasses.fields(pipeline)
            if not f.name.startswith("_")}


def worker_pipeline(pipeline: Pipeline) -> Pipeline:
    """This process's loaded copy of a pipeline with the same configuration."""
    key = tuple(sorted(pipeline_config(pipeline).items()))
    if key not in _PIPELINES:
        _PIPELINES[key] = pipeline
    return _PIPELINES[key]


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used: a per-core rate that machine
    load and waiting do not distort."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def partition_tables(part: Partition, pipeline: Pipeline, dct: Optional[date] = None):
    """(rows by table, input sequence of doc ids, number of words) of one partition.

    A document whose id or exact content repeats an earlier one of the partition is
    not annotated again: its document row carries `duplicate_of` as a hint, which
    `cronica load` replaces by the corpus-level decision."""
    pipe = worker_pipeline(pipeline)
    sequence: list[str] = []
    first: dict[str, Any] = {}
    by_hash: dict[str, str] = {}
    hint: dict[str, str] = {}
    words = 0
    for doc in read_partition(part, dct):
        sequence.append(doc.doc_id)
        if doc.doc_id in first:
            continue
        first[doc.doc_id] = doc
        words += len(doc.text.split())
        digest = content_hash(doc.text)
        if digest in by_hash:
            hint[doc.doc_id] = by_hash[digest]
        else:
            by_hash[digest] = doc.doc_id
    todo = [d for d in first.values() if d.doc_id not in hint]
    stream = pipe.annotate_stream(todo)  # input order: consumed in step, never all held
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for doc_id, doc in first.items():
        if doc_id in hint:
            ann = DocumentAnnotations(document=doc, sentences=[], kept=[], timexes=[], places=[],
                                      actors=[], events=[])
            rows = document_tables(ann, hint[doc_id])
        else:
            ann = next(stream)
            assert ann.document.doc_id == doc_id
            rows = document_tables(ann)
        for table, items in rows.items():
            tables[table].extend(items)
    for row in tables["documents"]:
        row["ingested_at"] = None  # set at load time: rows compare equal across runs
    return tables, sequence, words


def process_partition(part: Partition | dict, pipeline: Pipeline, out_root: str,
                      dct: Optional[date] = None) -> dict[str, Any]:
    """Annotate one partition and write its files; a finished partition is not redone."""
    if isinstance(part, dict):
        part = Partition.from_json(part)
    out = Output(out_root)
    if out.done(part):
        return {**out.read_marker(part), "skipped": True}
    started, cpu = time.perf_counter(), cpu_seconds()
    tables, sequence, words = partition_tables(part, pipeline, dct)
    stats = {"sequence": sequence, "documents": len(sequence), "words": words,
             "seconds": round(time.perf_counter() - started, 3),
             "cpu_seconds": round(cpu_seconds() - cpu, 3), "peak_rss_mb": peak_rss_mb(),
             "worker": f"{socket.gethostname()}:{os.getpid()}"}
    marker = out.write_partition(part, tables, stats)
    del tables
    _release()
    return marker


def _release() -> None:
    """Give back what a partition used before the next one (keeps the peak per worker flat)."""
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
