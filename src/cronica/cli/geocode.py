"""`cronica geocode`: place names -> gazetteer candidates (JSON).

    cronica geocode Faluya
    cronica geocode "Teir Maaleh" --country SY --admin1 "Homs Governorate"
    cronica geocode --batch places.jsonl -o geocoded.jsonl

Batch input lines: {"id", "name", "country", "admin1"}; output lines:
{"id", "name", "place", "geonameid", "lat", "lon", "country", "admin1", "feature_code", "score"}
("place" = the gazetteer's name of the place chosen; nulls where nothing fits).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from cronica.cli import app


@app.command("geocode")
def geocode_command(
    name: Optional[str] = typer.Argument(None, help="A place name, any spelling (Faluya, Ar Raqqah, Tall 'Afar)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO2 code or country name (IQ, Syria, Irak)."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="First-level division (Nineveh, 'Homs Governorate')."),
    batch: Optional[Path] = typer.Option(None, "--batch", help="JSONL input: one {id, name, country, admin1} per line."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON / JSONL here instead of stdout."),
) -> None:
    """Geocode a place name, or a JSONL batch of them, against cronica's gazetteer."""
    from cronica.errors import CronicaError, CronicaWarning, E
    from cronica.geo.gazetteer import Gazetteer
    from cronica.geo.geocode import geocode, geocode_batch

    if not name and not batch:
        typer.echo("Give a NAME or --batch FILE.jsonl (see --help).", err=True)
        raise typer.Exit(2)
    gaz = Gazetteer.load()
    if batch:
        if not batch.exists():
            raise CronicaError(E.E008, path=batch)

        def rows():
            with batch.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        import warnings
                        warnings.warn(CronicaWarning(E.E005, path=batch, line=n, reason=exc.msg))
                        continue
                    if isinstance(obj, dict):
                        yield obj

        out = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for rec in geocode_batch(rows(), gaz=gaz):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        finally:
            if output:
                out.close()
        return
    hits = geocode(name, country=country, admin1=admin1, limit=5, gaz=gaz)
    text = json.dumps(hits, ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


if __name__ == "__main__":  # python -m cronica.cli.geocode NAME
    typer.run(geocode_command)
