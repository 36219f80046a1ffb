"""`cronica extract`: read many documents, store their events."""
from __future__ import annotations

from typing import Optional

import typer

from cronica.cli import app
from cronica.cli.common import parse_day
from cronica.extract import extract as run_extract


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help=".txt/.jsonl/.json/.html files, directories, or - for stdin."),
    db: str = typer.Option("cronica.duckdb", "--db", help="The DuckDB store."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs without one."),
    batch: int = typer.Option(64, "--batch", min=1, help="Documents per atomic write."),
) -> None:
    """Extract events from documents into the store (re-runs add nothing)."""
    summary = run_extract(paths, db, dct=parse_day(dct), batch_docs=batch)
    typer.echo(summary.line(), err=True)
