"""Territorial control: who held each place, from territory events."""
from __future__ import annotations

from typing import Any

from cronica.model import Event

TERRITORY_SUBS = ("Government regains territory", "Non-state actor overtakes territory",
                  "Non-violent transfer of territory")


def control_changes(events: list[Event]) -> list[dict[str, Any]]:
    """One row per territory event with a place: the new holder (actor1) from date_start on."""
    rows = []
    for e in events:
        if e.sub_event_type not in TERRITORY_SUBS or e.place is None or not e.actor1:
            continue
        src = e.mentions[0] if e.mentions else None
        rows.append({
            "geonameid": e.place.geonameid, "place": e.place.name, "country": e.place.country,
            "holder": e.actor1, "previous_holder": e.actor2,
            "date_start": e.date_start.isoformat() if e.date_start else None,
            "date_end": e.date_end.isoformat() if e.date_end else None,
            "sub_event_type": e.sub_event_type, "event_id": e.event_id,
            "evidence": src.sentence.text if src else None,
            "doc_id": src.doc_id if src else None,
        })
    return sorted(rows, key=lambda r: (r["place"] or "", r["date_start"] or "", r["event_id"]))


def holders_over_time(events: list[Event], place: str) -> list[dict[str, Any]]:
    """The control history of one place (by name, case-insensitive, or geonameid), oldest first."""
    key = place.strip().lower()
    return [r for r in control_changes(events)
            if (r["place"] or "").lower() == key or str(r["geonameid"]) == key]
