"""Spark: `mapInPandas` over a DataFrame of partition descriptors, one per Spark task.

`local[*]` when no master is given. Each Python worker keeps the loaded model in its
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
    # mapInPandas only moves two string columns; pandas 3 is fine for that
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
        import pandas as pd

        from cronica.engines.worker import process_partition

        for frame in batches:
            markers = [json.dumps(process_partition(json.loads(desc), pipeline, out_root, dct),
                                  sort_keys=True)
                       for desc in frame["descriptor"].tolist()]
            yield pd.DataFrame({"partition": frame["partition"].astype("int32").tolist(),
                                "marker": markers})
    return run


def run_partitions(parts: list[Partition], pipeline, out_root: str, dct: Optional[date] = None,
                   *, master: Optional[str] = None, spark=None, **_: Any) -> Iterator[dict]:
    if not parts:
        return
    session = spark or spark_session(master)
    rows = [(p.index, json.dumps(p.to_json())) for p in parts]
    rdd = session.sparkContext.parallelize(rows, numSlices=len(rows))
    frame = session.createDataFrame(rdd, "partition INT, descriptor STRING")
    result = frame.mapInPandas(_mapper(pipeline, out_root, dct), _RESULT_SCHEMA)
    for row in result.collect():  # one job, every partition in parallel
        yield json.loads(row["marker"])
