"""Typed filters over the events table (no user SQL ever reaches the database)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from cronica.store.duck import Store

EVENT_COLUMNS = ("event_id, event_type, sub_event_type, date_start, date_end, time_precision, "
                 "actor1, actor2, assoc_actor1, assoc_actor2, country, admin1, location, lat, lon, "
                 "geonameid, geo_precision, fatalities, confidence, mentions, notes, "
                 "(SELECT string_agg(DISTINCT coalesce(d.source, d.doc_id), '; ' ORDER BY coalesce(d.source, d.doc_id)) "
                 " FROM event_sources s JOIN documents d USING (doc_id) "
                 " WHERE s.event_id = events.event_id) AS sources")


@dataclass(frozen=True)
class EventFilter:
    date_from: Optional[date] = None
    date_to: Optional[date] = None
    place: Optional[str] = None          # location, admin1 or country, case-insensitive substring
    actor: Optional[str] = None          # any actor slot, case-insensitive substring
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    country: Optional[str] = None
    text: Optional[str] = None           # free text over the evidence sentence
    limit: Optional[int] = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.date_from:
            clauses.append("date_end >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("date_start <= ?")
            params.append(self.date_to)
        if self.place:
            clauses.append("(location ILIKE ? OR admin1 ILIKE ? OR country ILIKE ?)")
            params += [f"%{self.place}%"] * 3
        if self.actor:
            clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ? OR assoc_actor1 ILIKE ? "
                           "OR assoc_actor2 ILIKE ?)")
            params += [f"%{self.actor}%"] * 4
        for column, value in (("event_type", self.event_type),
                              ("sub_event_type", self.sub_event_type), ("country", self.country)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.text:
            clauses.append("notes ILIKE ?")
            params.append(f"%{self.text}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_events(store: Store, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    where, params = flt.where()
    sql = f"SELECT {EVENT_COLUMNS} FROM events{where} ORDER BY date_start NULLS LAST, event_id"
    if flt.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(flt.limit), int(flt.offset)]
    return store.query(sql, params)


def get_event(store: Store, event_id: str) -> Optional[dict[str, Any]]:
    rows = store.query("SELECT * FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    row = rows[0]
    row["sources"] = store.event_sources(event_id)
    return row


def control_history(store: Store, place: Optional[str] = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM control"
    params: list[Any] = []
    if place:
        sql += " WHERE place_name ILIKE ? OR place_id = ?"
        params = [f"%{place}%", place]
    return store.query(sql + " ORDER BY place_name, date_start, event_id", params)
