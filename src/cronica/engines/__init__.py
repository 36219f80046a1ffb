"""Scale-out drivers: the same pure core run by local processes, Dask or Spark.

    run_engine(paths, out, engine="local", workers=2)   # -> RunSummary
    load_output(out, store)                              # the dataset into DuckDB

Every engine cuts the inputs into the same deterministic partitions
(`partition.py`), runs `worker.process_partition` on each (model loaded once
per worker process) and leaves the same files (`output.py`); `load.py` then
applies corpus-level de-duplication and cross-document merging in input order,
so the store holds the rows a single process would have stored.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

from cronica.engines.output import Output
from cronica.engines.partition import DEFAULT_PARTITION_SIZE, plan_digest, plan_partitions

ENGINES = ("local", "dask", "spark")
# spaCy batch size in the workers: 16 keeps a worker's peak near 420 MB where 32 reaches
# ~460-510 MB (bench/results/scale.md); rows do not depend on it.
WORKER_BATCH = 16


@dataclass
class RunSummary:
    engine: str
    partitions: int = 0
    skipped: int = 0
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0      # in the workers, annotating (model load and Parquet writing excluded)
    sys_seconds: float = 0.0      # the kernel's part of cpu_seconds
    page_faults: int = 0          # minor page faults in the workers while annotating
    peak_rss_mb: dict[str, float] = field(default_factory=dict)   # worker -> MB

    def line(self) -> str:
        peak = max(self.peak_rss_mb.values(), default=0.0)
        return (f"{self.engine}: {self.partitions} partitions ({self.skipped} already done), "
                f"{self.documents} documents, {self.words} words in {self.seconds:.1f} s; "
                f"peak {peak:.0f} MB per worker")


def run_engine(paths: Iterable[str], out: str | Path, *, engine: str = "local", workers: int = 2,
               pipeline=None, partition_size: int = DEFAULT_PARTITION_SIZE,
               dct: Optional[date] = None, scheduler: Optional[str] = None,
               master: Optional[str] = None, progress: Optional[bool] = None,
               **engine_options: Any) -> RunSummary:
    """Annotate every partition of `paths` not yet done in `out` (a run resumes).

    `engine_options` go to the engine (e.g. `spark=` an existing SparkSession)."""
    from cronica.engines.worker import pipeline_config
    from cronica.pipeline import Pipeline

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    pipe = pipeline or Pipeline(batch_size=WORKER_BATCH)
    started = time.perf_counter()
    parts = plan_partitions([str(p) for p in paths], partition_size)
    options = {"partition_size": partition_size, "dct": dct.isoformat() if dct else None,
               "pipeline": pipeline_config(pipe)}
    manifest = {"format": 1, "inputs": [str(p) for p in paths], **options,
                "digest": plan_digest(parts, options), "partitions": [p.to_json() for p in parts]}
    output = Output(out)
    output.prepare(manifest)
    todo = output.pending(parts)
    summary = RunSummary(engine, partitions=len(parts), skipped=len(parts) - len(todo))
    show = sys.stderr.isatty() if progress is None else progress
    from tqdm import tqdm

    with tqdm(total=len(todo), disable=not show, unit="part", desc=engine, file=sys.stderr) as bar:
        for marker in _backend(engine)(todo, pipe, str(out), dct, workers=workers,
                                       scheduler=scheduler, master=master, **engine_options):
            summary.documents += marker.get("documents", 0)
            summary.words += marker.get("words", 0)
            summary.cpu_seconds += marker.get("cpu_seconds", 0.0)
            summary.sys_seconds += marker.get("sys_seconds", 0.0)
            summary.page_faults += marker.get("page_faults", 0)
            who = marker.get("worker", "?")
            summary.peak_rss_mb[who] = max(summary.peak_rss_mb.get(who, 0.0),
                                           marker.get("peak_rss_mb", 0.0))
            bar.update(1)
    if output.complete():
        output.finish()
    summary.seconds = time.perf_counter() - started
    return summary


def _backend(engine: str):
    if engine == "local":
        from cronica.engines.local import run_partitions
    elif engine == "dask":
        from cronica.engines.dask_engine import run_partitions
    else:
        from cronica.engines.spark_engine import run_partitions
    return run_partitions


def load_output(out: str | Path, store, **kw: Any):
    from cronica.engines.load import load_output as _load
    return _load(out, store, **kw)


__all__ = ["ENGINES", "RunSummary", "run_engine", "load_output"]
