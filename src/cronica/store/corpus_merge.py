"""Cross-document merging at write time: the same event told by many sources is one row.

Two rows merge when they have the same sub-event type, overlapping dates, places
within `MERGE_KM` (or the same gazetteer id) and compatible actors (they share one,
or one side names none). New rows are compared with the store and with the rows
accepted earlier in the same batch, in input order, so the result is deterministic.
"""
from __future__ import annotations

import math
from typing import Any


MERGE_KM = 25.0
_DEG = MERGE_KM / 111.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def actors_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    left = {a.get("actor1"), a.get("actor2")} - {None}
    right = {b.get("actor1"), b.get("actor2")} - {None}
    return not left or not right or bool(left & right)


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["sub_event_type"] != b["sub_event_type"]:
        return False
    if None in (a["date_start"], a["date_end"], b["date_start"], b["date_end"]):
        return False
    if a["date_start"] > b["date_end"] or b["date_start"] > a["date_end"]:
        return False
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return actors_compatible(a, b)
    if None in (a["lat"], a["lon"], b["lat"], b["lon"]):
        return False
    return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= MERGE_KM and actors_compatible(a, b)


CANDIDATES_SQL = f"""
SELECT n.event_id AS new_id, e.event_id, e.sub_event_type, e.date_start, e.date_end, e.lat, e.lon,
       e.geonameid, e.actor1, e.actor2
FROM _new n JOIN events e
  ON e.sub_event_type = n.sub_event_type AND e.date_start <= n.date_end AND e.date_end >= n.date_start
 AND e.lat BETWEEN n.lat - {_DEG} AND n.lat + {_DEG}
ORDER BY n.event_id, e.event_id
"""


def _cell(row: dict[str, Any], shift: int = 0) -> tuple:
    return row["sub_event_type"], int(row["lat"] // _DEG) + shift


def _earliest_twin(row: dict[str, Any], accepted: list[dict[str, Any]],
                   cells: dict[tuple, list[int]]) -> dict[str, Any] | None:
    """The first accepted row telling the same event (only rows in nearby cells can)."""
    if row["lat"] is None:
        return None
    near = sorted(i for shift in (-1, 0, 1) for i in cells.get(_cell(row, shift), ()))
    return next((accepted[i] for i in near if same_event(accepted[i], row)), None)


def assign_to_existing(stored: dict[str, list[dict[str, Any]]], events: list[dict[str, Any]],
                       sources: list[dict[str, Any]]):
    """(event rows to insert, source rows to insert, {stored event_id: extra mentions}).

    `stored` maps each new event id to the stored rows that may tell the same event
    (CANDIDATES_SQL). Each new row is compared with the rows accepted before it and
    with those; its sources follow it to the row it merges into."""
    accepted: list[dict[str, Any]] = []
    cells: dict[tuple, list[int]] = {}
    merged: dict[str, int] = {}
    target_of: dict[str, str] = {}
    for row in events:
        row = dict(row)
        twin = _earliest_twin(row, accepted, cells)
        if twin is not None:
            twin["mentions"] += row["mentions"]
            target_of[row["event_id"]] = twin["event_id"]
            continue
        match = next((c for c in stored.get(row["event_id"], ()) if same_event(c, row)), None)
        if match is not None:
            merged[match["event_id"]] = merged.get(match["event_id"], 0) + row["mentions"]
            target_of[row["event_id"]] = match["event_id"]
            continue
        if row["lat"] is not None:
            cells.setdefault(_cell(row), []).append(len(accepted))
        accepted.append(row)
        target_of[row["event_id"]] = row["event_id"]
    moved = [{**s, "event_id": target_of.get(s["event_id"], s["event_id"])} for s in sources]
    return accepted, moved, merged
