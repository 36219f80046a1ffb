"""Exports of the events table: CSV, Parquet, GeoJSON, and ACLED's own columns."""
from __future__ import annotations

import csv
import functools
import json
import os
import tempfile
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from cronica.errors import CronicaError, E

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                 "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "source", "notes", "fatalities", "timestamp"]
_ACLED_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    text = resources.files("cronica.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines()
                if line and not line.startswith("#"))


def midpoint(start: Optional[date], end: Optional[date]) -> Optional[date]:
    """ACLED codes an uncertain date at the middle of its interval."""
    if start is None or end is None:
        return start or end
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    day = midpoint(row["date_start"], row["date_end"])
    return {
        "event_id_cnty": row["event_id"], "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": _ACLED_TIME.get(row.get("time_precision") or "", 3),
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"], "assoc_actor_1": row["assoc_actor1"],
        "actor2": row["actor2"], "assoc_actor_2": row["assoc_actor2"],
        "country": country_names().get(row["country"] or "", row["country"]),
        "admin1": row["admin1"], "location": row["location"], "latitude": row["lat"],
        "longitude": row["lon"], "geo_precision": row["geo_precision"],
        "source": row.get("sources"), "notes": row["notes"], "fatalities": row["fatalities"] or 0,
        "timestamp": None,
    }


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for r in rows:
        if r.get("lat") is None or r.get("lon") is None:
            continue
        props = {k: (v.isoformat() if isinstance(v, date) else v)
                 for k, v in r.items() if k not in ("lat", "lon")}
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}})
    return {"type": "FeatureCollection", "features": feats}


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv(rows: list[dict[str, Any]], columns: list[str], target: Path) -> None:
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()})


FORMATS = ("csv", "parquet", "geojson", "acled", "json")


def export_rows(rows: list[dict[str, Any]], fmt: str, out: Path) -> int:
    """Write rows (from select_events) to `out` in `fmt`; returns the row count."""
    if fmt not in FORMATS:
        raise CronicaError(E.E012, fmt=fmt, choices=", ".join(FORMATS))
    columns = list(rows[0].keys()) if rows else []
    if fmt == "csv":
        atomic_write(out, lambda p: _csv(rows, columns, p))
    elif fmt == "acled":
        acled = [acled_row(r) for r in rows]
        atomic_write(out, lambda p: _csv(acled, ACLED_COLUMNS, p))
    elif fmt == "parquet":
        atomic_write(out, lambda p: pq.write_table(pa.Table.from_pylist(rows), p))
    elif fmt == "geojson":
        text = json.dumps(geojson(rows), ensure_ascii=False)
        atomic_write(out, lambda p: p.write_text(text, encoding="utf-8"))
    else:
        text = json.dumps(rows, ensure_ascii=False, default=str, indent=1)
        atomic_write(out, lambda p: p.write_text(text, encoding="utf-8"))
    return len(rows)
