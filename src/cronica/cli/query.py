"""`cronica events`, `export`, `explain`, `control`: reading the store."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from cronica.cli import app
from cronica.cli.common import parse_day
from cronica.errors import CronicaError, E
from cronica.store import open_store
from cronica.store.export import FORMATS, export_rows
from cronica.store.query import EventFilter, control_history, get_event, select_events
from cronica.textable import render_table

_TABLE_COLUMNS = ["event_id", "date_start", "date_end", "sub_event_type", "actor1", "actor2",
                  "location", "country", "fatalities", "mentions"]


def _filter(date_from, date_to, place, actor, event_type, sub_event_type, text, limit) -> EventFilter:
    return EventFilter(date_from=parse_day(date_from), date_to=parse_day(date_to), place=place,
                       actor=actor, event_type=event_type, sub_event_type=sub_event_type,
                       text=text, limit=limit)


DB = typer.Option("cronica.duckdb", "--db", help="The DuckDB store.")
FROM = typer.Option(None, "--from", help="Events on or after YYYY-MM-DD.")
TO = typer.Option(None, "--to", help="Events on or before YYYY-MM-DD.")
PLACE = typer.Option(None, "--place", help="Location, admin1 or country contains this.")
ACTOR = typer.Option(None, "--actor", help="An actor contains this.")
TYPE = typer.Option(None, "--type", help="ACLED event type, e.g. Battles.")
SUBTYPE = typer.Option(None, "--sub-type", help="ACLED sub-event type, e.g. 'Armed clash'.")
TEXT = typer.Option(None, "--text", help="Evidence sentence contains this.")


@app.command()
def events(db: str = DB, date_from: Optional[str] = FROM, date_to: Optional[str] = TO,
           place: Optional[str] = PLACE, actor: Optional[str] = ACTOR,
           event_type: Optional[str] = TYPE, sub_event_type: Optional[str] = SUBTYPE,
           text: Optional[str] = TEXT,
           limit: Optional[int] = typer.Option(None, "--limit"),
           fmt: str = typer.Option("table", "--format", help="table, json or csv.")) -> None:
    """List stored events, filtered."""
    flt = _filter(date_from, date_to, place, actor, event_type, sub_event_type, text, limit)
    with open_store(db, read_only=True) as store:
        rows = select_events(store, flt)
    _print_rows(rows, fmt)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
    elif fmt == "csv":
        import csv
        import sys
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else _TABLE_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "table":
        typer.echo(render_table(rows, _TABLE_COLUMNS))
    else:
        raise CronicaError(E.E012, fmt=fmt, choices="table, json, csv")


@app.command()
def export(db: str = DB, fmt: str = typer.Option(..., "--format", help=", ".join(FORMATS)),
           output: Path = typer.Option(..., "-o", "--output"),
           date_from: Optional[str] = FROM, date_to: Optional[str] = TO,
           place: Optional[str] = PLACE, actor: Optional[str] = ACTOR,
           event_type: Optional[str] = TYPE, sub_event_type: Optional[str] = SUBTYPE) -> None:
    """Export events as CSV, Parquet, GeoJSON or ACLED CSV (ACLED's columns)."""
    flt = _filter(date_from, date_to, place, actor, event_type, sub_event_type, None, None)
    with open_store(db, read_only=True) as store:
        n = export_rows(select_events(store, flt), fmt, output)
    typer.echo(f"{n} events written to {output}", err=True)


@app.command()
def explain(event_id: str = typer.Argument(...), db: str = DB) -> None:
    """Why an event is what it is: its evidence, triggers and the rules that fired."""
    with open_store(db, read_only=True) as store:
        row = get_event(store, event_id)
    if row is None:
        raise CronicaError(E.E013, event_id=event_id, path=db)
    typer.echo(explanation_text(row))


def explanation_text(row: dict[str, Any]) -> str:
    lines = [f"event {row['event_id']}: {row['event_type']} / {row['sub_event_type']}",
             f"  date      {row['date_start']} .. {row['date_end']} ({row['time_precision']})",
             f"  actors    {row['actor1']}  vs  {row['actor2']}",
             f"  place     {row['location']} ({row['country']}, {row['admin1']}) "
             f"lat {row['lat']} lon {row['lon']} geo_precision {row['geo_precision']}",
             f"  fatalities {row['fatalities']}  confidence {row['confidence']}  mentions {row['mentions']}"]
    for i, src in enumerate(row["sources"], start=1):
        lines.append(f"  evidence {i}: [{src['doc_id']} {src['start']}-{src['end']}] "
                     f"trigger {src['trigger_text']!r} attribution {src['attribution']}")
        lines.append(f"    \u201c{src['sentence_text']}\u201d")
        lines.extend(f"    rule: {r}" for r in src["rule_trail"])
    return "\n".join(lines)


@app.command()
def control(place: Optional[str] = typer.Argument(None), db: str = DB,
            fmt: str = typer.Option("table", "--format", help="table, json or csv.")) -> None:
    """Who held each place over time, from the territory events, with the evidence."""
    with open_store(db, read_only=True) as store:
        rows = control_history(store, place)
    if fmt == "table":
        typer.echo(render_table(rows, ["place_name", "date_start", "date_end", "holder",
                                       "previous_holder", "sub_event_type", "event_id"]))
    else:
        _print_rows(rows, fmt)
