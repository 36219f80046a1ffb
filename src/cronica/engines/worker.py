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


def prepare_worker(pipeline: Pipeline) -> Pipeline:
    """Once per worker process, before its first partition: sane malloc settings and
    every stage loaded (so no partition's time or CPU includes the model load)."""
    pipe = worker_pipeline(pipeline)
    if "ready" not in pipe._cache:
        tune_malloc()  # idempotent
        for stage in ("nlp", "deduplicator", "time_tagger", "place_tagger", "actor_tagger",
                      "event_extractor"):
            load = getattr(getattr(pipe, stage), "load", None)  # e.g. the gazetteer's index
            if callable(load) and stage != "nlp":
                load()
        pipe._cache["ready"] = True
        # the loaded model and data are millions of long-lived objects: out of the cyclic
        # collector's sight, a full collection no longer walks them all
        import gc

        gc.collect()
        gc.freeze()
        _trim()  # once: give back what loading freed (later partitions reuse their own heap)
    return pipe


def _trim() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def tune_malloc() -> None:
    """Linux/glibc: fixed 32 MB mmap and 64 MB trim thresholds.

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also turns
    off glibc's dynamic mmap threshold: every array over 128 kB spaCy allocates is
    then mmap'd, zero-filled and unmapped again (11x the page faults, +20 % CPU per
    word here). These values are where glibc's own dynamic thresholds settle, so
    every engine's workers allocate alike (trimming after each partition was tried:
    it only moves the page faults into the next partition)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 64 << 20)   # M_TRIM_THRESHOLD
        libc.mallopt(-4, 32 << 20)   # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used: a per-core rate that machine
    load and waiting do not distort."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _usage() -> tuple[float, float, int]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime, usage.ru_minflt


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
    prepare_worker(pipeline)
    started, before = time.perf_counter(), _usage()
    tables, sequence, words = partition_tables(part, pipeline, dct)
    after = _usage()
    stats = {"sequence": sequence, "documents": len(sequence), "words": words,
             "seconds": round(time.perf_counter() - started, 3),
             "cpu_seconds": round(after[0] + after[1] - before[0] - before[1], 3),
             "sys_seconds": round(after[1] - before[1], 3), "page_faults": after[2] - before[2],
             "peak_rss_mb": peak_rss_mb(), "worker": f"{socket.gethostname()}:{os.getpid()}"}
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
