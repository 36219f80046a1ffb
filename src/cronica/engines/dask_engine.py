"""Dask: one task per partition on a cluster (a LocalCluster when no scheduler is given).

Each task receives the pickled pipeline (configuration only) and keeps the loaded
model in its worker process's cache, so a worker loads the model once. Tasks write
their partition's files themselves (the output directory must be shared by the
workers and the driver, e.g. NFS or a local disk for a LocalCluster) and return
the done-marker. Task keys are deterministic, and a task that runs twice (a
worker lost and the task rescheduled) finds its marker and does nothing; keys
carry a digest of the output directory, so two runs can share a cluster.
"""
from __future__ import annotations

import hashlib
import os
from datetime import date
from typing import Any, Iterator, Optional

from cronica.engines.partition import Partition
from cronica.engines.worker import process_partition


def _task(part: dict, pipeline, out_root: str, dct: Optional[date]) -> dict:
    return process_partition(part, pipeline, out_root, dct)


def _warm(pipeline) -> bool:
    """Load the model in a worker before its first partition (as the pool initializer does)."""
    from cronica.engines.worker import prepare_worker

    prepare_worker(pipeline)
    return True


def run_partitions(parts: list[Partition], pipeline, out_root: str, dct: Optional[date] = None,
                   *, workers: int = 2, scheduler: Optional[str] = None,
                   **_: Any) -> Iterator[dict]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the Dask engine needs: pip install 'cronica[dask]'") from exc
    if not parts:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        import dask

        # - the workers' statistical profiler samples every thread's stack every 10 ms:
        #   overhead on CPU-bound Python tasks, and nothing here needs it;
        # - the nanny's default MALLOC_TRIM_THRESHOLD_=65536 makes glibc mmap and zero-fill
        #   every spaCy array over 128 kB (+20 % CPU per word; `tune_malloc` also undoes it
        #   on a cluster started elsewhere); the thread limits are kept.
        environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                   if not k.startswith("MALLOC_")}
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.nanny.pre-spawn-environ": environ}):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                   processes=True, dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        pipe = client.scatter(pipeline, broadcast=True)
        run = hashlib.sha1(os.path.abspath(out_root).encode("utf-8")).hexdigest()[:10]
        # load the model on every worker before the first partition, as a task: in the
        # worker's task thread, whose malloc arena the partitions then reuse (`client.run`
        # loads in the event-loop thread, whose freed memory tasks cannot reuse: +200 MB)
        warm = [client.submit(_warm, pipe, key=f"cronica-warm-{run}-{i}", workers=[addr],
                              allow_other_workers=False, pure=False)
                for i, addr in enumerate(client.scheduler_info()["workers"])]
        client.gather(warm)
        futures = [client.submit(_task, p.to_json(), pipe, out_root, dct,
                                 key=f"cronica-{run}-{p.name}", pure=False, retries=2)
                   for p in parts]
        for future in as_completed(futures):
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
