"""Cross-document merging at write time: the same event told by many sources is one row.

Two rows merge when they have the same sub-event type, overlapping dates, places
within `MERGE_KM` (or the same gazetteer id) and compatible actors (they share one,
or one side names none). New rows are compared with the store and with the rows
accepted earlier in the same batch, in input order, so the result is deterministic.
"""
from __future__ import annotations

import math
from typing import Any, Optional, Protocol


MERGE_KM = 25.0
_DEG = MERGE_KM / 111.0


class _Queryable(Protocol):
    def query(self, sql: str, params: Optional[list[Any]] = None) -> list[dict[str, Any]]: ...


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


def _stored_candidates(store: _Queryable, row: dict[str, Any]) -> list[dict[str, Any]]:
    if row["lat"] is None or row["date_start"] is None:
        return []
    return store.query(
        """SELECT event_id, sub_event_type, date_start, date_end, lat, lon, geonameid, actor1, actor2
           FROM events WHERE sub_event_type = ? AND date_start <= ? AND date_end >= ?
             AND lat BETWEEN ? AND ? ORDER BY event_id""",
        [row["sub_event_type"], row["date_end"], row["date_start"],
         row["lat"] - _DEG, row["lat"] + _DEG])


def assign_to_existing(store: _Queryable, events: list[dict[str, Any]],
                       sources: list[dict[str, Any]]):
    """(event rows to insert, source rows to insert, {stored event_id: extra mentions}).

    Each new event row is compared with the rows accepted before it and with the
    store; its sources follow it to the row it merges into."""
    accepted: list[dict[str, Any]] = []
    merged: dict[str, int] = {}
    target_of: dict[str, str] = {}
    for row in events:
        row = dict(row)
        twin = next((a for a in accepted if same_event(a, row)), None)
        if twin is not None:
            twin["mentions"] += row["mentions"]
            target_of[row["event_id"]] = twin["event_id"]
            continue
        stored = next((c for c in _stored_candidates(store, row) if same_event(c, row)), None)
        if stored is not None:
            merged[stored["event_id"]] = merged.get(stored["event_id"], 0) + row["mentions"]
            target_of[row["event_id"]] = stored["event_id"]
            continue
        accepted.append(row)
        target_of[row["event_id"]] = row["event_id"]
    moved = [{**s, "event_id": target_of.get(s["event_id"], s["event_id"])} for s in sources]
    return accepted, moved, merged
