"""`cronica extract`: read many documents, store their events."""
from __future__ import annotations

import os
from typing import Optional

import typer

from cronica.cli import app
from cronica.cli.common import parse_day
from cronica.extract import extract as run_extract


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help=".txt/.jsonl/.json/.html/.parquet files, directories, or - for stdin."),
    db: str = typer.Option("cronica.duckdb", "--db", help="The DuckDB store."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs without one."),
    batch: int = typer.Option(64, "--batch", min=1, help="Documents per atomic write."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Worker processes (>1: a partitioned run; default: the CPU count when partitioned)."),
    engine: Optional[str] = typer.Option(None, "--engine", help="local, dask or spark: a partitioned, resumable run."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (default: local[N], N = --workers)."),
    out: Optional[str] = typer.Option(None, "--out", help="Output Parquet dataset of a partitioned run (default: DB.parts/)."),
    partition_size: int = typer.Option(256, "--partition-size", min=1, help="Input documents per partition."),
    load: bool = typer.Option(True, "--load/--no-load", help="Load the dataset into --db when the run ends."),
) -> None:
    """Extract events from documents into the store (re-runs add nothing).

    With --workers N, --engine or --out, the inputs are cut into partitions written
    as a Parquet dataset (a killed run resumes), then loaded into the store."""
    day = parse_day(dct)
    if engine is None and out is None and (workers or 1) == 1:
        summary = run_extract(paths, db, dct=day, batch_docs=batch)
        typer.echo(summary.line(), err=True)
        return
    from cronica.engines import ENGINES, run_engine

    if engine is not None and engine not in ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(ENGINES)}", param_hint="--engine")
    target = out or f"{db}.parts"
    run = run_engine(paths, target, engine=engine or "local", workers=workers or os.cpu_count() or 1,
                     dct=day, partition_size=partition_size, scheduler=scheduler, master=master)
    typer.echo(run.line(), err=True)
    if load:
        from cronica.engines.load import load_output
        from cronica.store import open_store

        with open_store(db) as store:
            typer.echo(load_output(target, store, batch_docs=batch).line(), err=True)
