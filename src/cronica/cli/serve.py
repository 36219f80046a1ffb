"""`cronica serve`: the web explorer over a store (read-only, local by default)."""
from __future__ import annotations

import ipaddress
from typing import Optional

import typer

from cronica.cli import app

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: str = typer.Option("cronica.duckdb", "--db", help="The DuckDB store (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to bind. The default serves this machine only."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
    tiles: Optional[str] = typer.Option(
        None, "--tiles", help="Online tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png. "
                              "Without it the map uses the bundled country boundaries only (offline)."),
) -> None:
    """Explore the store in a browser: map, timeline, filters, evidence, territorial control."""
    try:
        import uvicorn
        from cronica.serve.app import create_app
    except ModuleNotFoundError as exc:
        typer.echo(f"cronica: error: the explorer needs {exc.name!r}. "
                   "Fix: pip install 'cronica[serve]'", err=True)
        raise typer.Exit(1)
    try:
        web = create_app(db, tiles=tiles,
                         allowed_hosts=[*LOOPBACK_NAMES, f"{host}"] if _is_loopback(host) else None)
    except ValueError as exc:
        typer.echo(f"cronica: error: {exc}", err=True)
        raise typer.Exit(2)
    if not _is_loopback(host):
        typer.echo(f"cronica: warning: serving on {host}: other machines can read this store.", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"cronica explorer on http://{shown}:{port}/  (store {db}, read-only; Ctrl-C stops)", err=True)
    uvicorn.run(web, host=host.strip("[]"), port=port, log_level="warning")
