"""Spark: `mapInArrow` over a DataFrame of partition descriptors, one per Spark task.

`mapInArrow` is `mapInPandas` without pandas: the Python workers never import
pandas (~40 MB of RSS each, which took them over 500 MB). `local[N]` (N workers)
when no master is given. Each Python worker keeps the loaded model in its
process cache (Spark reuses Python workers), tasks write their partition's files
themselves (the output directory must be visible to all executors: a shared file
system) and return their done-marker as one row.
"""
from __future__ import annotations

import json
import os
import sys
import warnings
from datetime import date
from typing import Any, Iterator, Optional

from cronica.engines.partition import Partition

_RESULT_SCHEMA = "partition INT, marker STRING"


def spark_session(master: Optional[str] = None, app: str = "cronica"):
    """A SparkSession that runs this Python (the venv) on its workers."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # the driver's createDataFrame may still touch pandas; pandas 3 is fine for two columns
    warnings.filterwarnings("ignore", message=r"PySpark does not yet fully support pandas")
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the Spark engine needs: pip install 'cronica[spark]'") from exc
    return (SparkSession.builder.master(master or "local[*]").appName(app)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.python.worker.reuse", "true")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.execution.pandas.inferPandasDictAsMap", "false")
            .config("spark.task.maxFailures", "4")
            .getOrCreate())


def _mapper(pipeline, out_root: str, dct: Optional[date]):
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from cronica.engines.worker import process_partition

        for batch in batches:
            descs = batch.column("descriptor").to_pylist()
            markers = [json.dumps(process_partition(json.loads(desc), pipeline, out_root, dct),
                                  sort_keys=True) for desc in descs]
            yield pa.RecordBatch.from_arrays(
                [pa.array(batch.column("partition").to_pylist(), pa.int32()),
                 pa.array(markers, pa.string())], ["partition", "marker"])
    return run


def run_partitions(parts: list[Partition], pipeline, out_root: str, dct: Optional[date] = None,
                   *, workers: int = 2, master: Optional[str] = None, spark=None,
                   **_: Any) -> Iterator[dict]:
    if not parts:
        return
    session = spark or spark_session(master or f"local[{max(1, workers)}]")
    rows = [(p.index, json.dumps(p.to_json())) for p in parts]
    rdd = session.sparkContext.parallelize(rows, numSlices=len(rows))
    frame = session.createDataFrame(rdd, "partition INT, descriptor STRING")
    result = frame.mapInArrow(_mapper(pipeline, out_root, dct), _RESULT_SCHEMA)
    for row in result.collect():  # one job, every partition in parallel
        yield json.loads(row["marker"])
