"""An Event as the contract's event row (CONTRACT.md): plain JSON-ready values."""
from __future__ import annotations

from typing import Any, Optional

from cronica.model import Event, Place


def location_of(place: Optional[Place]) -> Optional[dict[str, Any]]:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "geonameid": place.geonameid, "geo_precision": place.precision}


def event_row(event: Event) -> dict[str, Any]:
    first = event.mentions[0] if event.mentions else None
    return {
        "event_id": event.event_id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "time_precision": event.time_precision,
        "actor1": event.actor1, "actor2": event.actor2,
        "assoc_actor1": event.assoc_actor1, "assoc_actor2": event.assoc_actor2,
        "location": location_of(event.place), "fatalities": event.fatalities,
        "source": {"doc_id": first.doc_id, "start": first.sentence.start, "end": first.sentence.end,
                   "text": first.sentence.text} if first else None,
        "confidence": event.confidence, "mentions": len(event.mentions),
        "attribution": next((m.attribution for m in event.mentions if m.attribution), None),
        "sources": [{"doc_id": m.doc_id, "start": m.sentence.start, "end": m.sentence.end,
                     "trigger": [m.trigger.start, m.trigger.end], "rules": m.rules} for m in event.mentions],
    }
