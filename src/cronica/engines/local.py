"""Local processes: a multiprocessing pool, the pipeline pickled to each worker once.

Large work units (a partition of a few hundred documents per task), the model
loaded once per worker in the initializer, workers write their partition's
files themselves and return only the done-marker.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import signal
from datetime import date
from typing import Any, Iterator, Optional

from cronica.engines.partition import Partition
from cronica.engines.worker import prepare_worker, process_partition

_STATE: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Linux: a worker is killed when the driver dies (a killed run leaves no orphans)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init(pipeline, out_root: str, dct: Optional[date]) -> None:
    _die_with_parent()
    _STATE.update(pipeline=pipeline, out=out_root, dct=dct)
    prepare_worker(pipeline)  # load the model now, once per worker


def _task(part: dict) -> dict:
    return process_partition(part, _STATE["pipeline"], _STATE["out"], _STATE["dct"])


def run_partitions(parts: list[Partition], pipeline, out_root: str, dct: Optional[date] = None,
                   *, workers: int = 2, **_: Any) -> Iterator[dict]:
    """Done-markers of the partitions, as they finish."""
    if not parts:
        return
    workers = max(1, min(workers, len(parts)))
    ctx = mp.get_context("spawn")  # no fork of a driver that may hold threads (Dask, Spark, tests)
    with ctx.Pool(workers, initializer=_init, initargs=(pipeline, out_root, dct),
                  maxtasksperchild=None) as pool:
        yield from pool.imap_unordered(_task, [p.to_json() for p in parts], chunksize=1)
