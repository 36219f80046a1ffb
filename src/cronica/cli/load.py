"""`cronica load`: a partitioned run's Parquet dataset into the DuckDB store."""
from __future__ import annotations

import typer

from cronica.cli import app


@app.command()
def load(
    directory: str = typer.Argument(..., help="The --out directory of `cronica extract --workers/--engine`."),
    db: str = typer.Option("cronica.duckdb", "--db", help="The DuckDB store."),
    batch: int = typer.Option(64, "--batch", min=1, help="Documents per atomic write."),
) -> None:
    """Load an engine's output into the store: duplicates and cross-document merges
    are resolved in input order, so every engine gives the same rows."""
    from cronica.engines.load import load_output
    from cronica.store import open_store

    with open_store(db) as store:
        typer.echo(load_output(directory, store, batch_docs=batch).line(), err=True)
