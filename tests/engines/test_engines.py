"""Every engine stores exactly the rows of the single-process run; a killed run resumes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cronica.engines import run_engine
from cronica.engines.load import load_output
from cronica.engines.output import Output
from cronica.engines.partition import iter_partitions, plan_partitions
from cronica.errors import CronicaError
from cronica.ingest import iter_documents
from cronica.store import open_store

from .conftest import table_digests

SIZE = 8  # documents per partition: 4 partitions for the 30 documents


def _quiet_run(corpus, out: Path, **kw):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return run_engine(corpus, out, partition_size=SIZE, progress=False, **kw)


def _load(out: Path, db: Path) -> dict[str, str]:
    with open_store(db) as store:
        load_output(out, store, progress=False)
    return table_digests(db)


# ---- planning: no model needed ---------------------------------------------------------
def test_partitions_read_what_a_single_process_reads(corpus):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        single = [(d.doc_id, d.text, d.dct, d.source, d.path)
                  for d in iter_documents([c for c in corpus if not c.endswith(".parquet")])]
        parts = plan_partitions(corpus, SIZE)
        cut = [(d.doc_id, d.text, d.dct, d.source, d.path) for d in iter_partitions(parts)]
    assert cut[:len(single)] == single
    assert len(cut) == 30 and len(parts) == 4
    assert [p.to_json() for p in plan_partitions(corpus, SIZE)] == [p.to_json() for p in parts]


def test_another_plan_is_refused_in_the_same_output(corpus, tmp_path):
    out = Output(tmp_path)
    out.prepare({"digest": "a", "partitions": []})
    with pytest.raises(CronicaError):
        out.prepare({"digest": "b", "partitions": []})


# ---- engines: identical rows -----------------------------------------------------------
def test_local_one_process(corpus, reference, tmp_path):
    out = tmp_path / "out"
    summary = _quiet_run(corpus, out, engine="local", workers=1)
    assert summary.partitions == 4 and summary.documents == 30
    assert _load(out, tmp_path / "one.duckdb") == reference


def test_local_two_processes(corpus, reference, tmp_path):
    out = tmp_path / "out"
    summary = _quiet_run(corpus, out, engine="local", workers=2)
    assert summary.partitions == 4 and summary.documents == 30
    assert _load(out, tmp_path / "a.duckdb") == reference
    # loading twice adds nothing; re-running does no work; `cronica load` does the same
    assert _load(out, tmp_path / "a.duckdb") == reference
    from typer.testing import CliRunner

    from cronica.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["load", str(out), "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 0, result.output
    assert table_digests(tmp_path / "cli.duckdb") == reference
    assert _quiet_run(corpus, out, engine="local", workers=2).skipped == 4
    # the dataset is read directly
    import duckdb
    import pyarrow.dataset as ds

    con = duckdb.connect()
    months = con.execute(f"SELECT event_month, count(*) FROM read_parquet('{out}/events/*/*.parquet', "
                         "hive_partitioning = true) GROUP BY 1 ORDER BY 1").fetchall()
    assert months and all(m == "unknown" or len(m) == 7 for m, _ in months)
    events = ds.dataset(out / "events", partitioning="hive").to_table()
    assert events.num_rows == sum(n for _, n in months)
    docs = ds.dataset(out / "documents").to_table().to_pandas()
    assert len(docs) == 30 and docs["ingested_at"].isna().all()


def test_dask_local_cluster(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    summary = _quiet_run(corpus, out, engine="dask", workers=2)
    assert summary.documents == 30
    assert _load(out, tmp_path / "d.duckdb") == reference


def test_spark_local_mode(corpus, reference, tmp_path, spark):
    out = tmp_path / "out"
    summary = _quiet_run(corpus, out, engine="spark", spark=spark)
    assert summary.documents == 30
    assert _load(out, tmp_path / "s.duckdb") == reference
    # Spark reads the dataset back, the month as a partition column
    frame = spark.read.parquet(str(out / "events"))
    assert "event_month" in frame.columns and frame.count() > 0


# ---- a killed run resumes ----------------------------------------------------------------
def test_killed_run_resumes_with_the_same_rows(corpus, reference, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from cronica.cli import main; main()", "extract", *corpus,
           "--out", str(out), "--workers", "1", "--partition-size", "4", "--no-load"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    done = out / "_done"
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if done.is_dir() and any(done.glob("part-*.json")):
                break
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)     # the driver and its worker, as a crash would
        proc.wait()
    finished = sorted(p.name for p in done.glob("part-*.json"))
    assert finished, "no partition finished before the kill"
    plan = json.loads((out / "_manifest.json").read_text())
    assert len(finished) < len(plan["partitions"]), "the run ended before it could be killed"
    assert not (out / "_SUCCESS").exists()
    with pytest.raises(CronicaError):         # an unfinished dataset is not loaded
        _load(out, tmp_path / "early.duckdb")

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        resumed = run_engine(corpus, out, engine="local", workers=1, partition_size=4,
                             progress=False)
    assert resumed.skipped >= len(finished)
    assert (out / "_SUCCESS").exists()
    assert _load(out, tmp_path / "resumed.duckdb") == reference
