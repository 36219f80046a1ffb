"""Annotations as the document-level JSON of CONTRACT.md, and events as flat rows."""
from __future__ import annotations

from typing import Any, Optional

from cronica.model import DocumentAnnotations, Event, EventMention, Place, Timex, to_plain


def timex_json(t: Timex) -> dict[str, Any]:
    row = {"start": t.span.start, "end": t.span.end, "text": t.span.text, "type": t.type,
           "value": t.value, "mod": t.mod, "rule": t.rule}
    if t.interval:
        row["interval"] = [t.interval[0].isoformat(), t.interval[1].isoformat()]
        row["precision"] = t.precision
    return row


def place_json(p: Place) -> dict[str, Any]:
    return {"start": p.span.start, "end": p.span.end, "text": p.span.text, "name": p.name,
            "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "geonameid": p.geonameid, "feature_code": p.feature_code,
            "geo_precision": p.precision, "role": p.role, "rule": p.rule}


def location_json(p: Optional[Place]) -> Optional[dict[str, Any]]:
    if p is None:
        return None
    return {"name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat,
            "lon": p.lon, "geonameid": p.geonameid, "geo_precision": p.precision}


def evidence_json(m: EventMention) -> dict[str, Any]:
    return {"doc_id": m.doc_id, "start": m.sentence.start, "end": m.sentence.end,
            "text": m.sentence.text, "trigger": to_plain(m.trigger),
            "attribution": m.attribution, "confidence": m.confidence, "rules": list(m.rules)}


def event_json(e: Event) -> dict[str, Any]:
    first = e.mentions[0] if e.mentions else None
    return {
        "event_id": e.event_id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "date_start": e.date_start.isoformat() if e.date_start else None,
        "date_end": e.date_end.isoformat() if e.date_end else None,
        "time_precision": e.time_precision,
        "actor1": e.actor1, "actor2": e.actor2,
        "assoc_actor1": e.assoc_actor1, "assoc_actor2": e.assoc_actor2,
        "location": location_json(e.place), "fatalities": e.fatalities,
        "source": ({"doc_id": first.doc_id, "start": first.sentence.start,
                    "end": first.sentence.end, "text": first.sentence.text} if first else None),
        "confidence": round(e.confidence, 3), "mentions": len(e.mentions),
        "evidence": [evidence_json(m) for m in e.mentions],
    }


def document_json(ann: DocumentAnnotations) -> dict[str, Any]:
    doc = ann.document
    return {
        "doc_id": doc.doc_id, "language": doc.language,
        "dct": doc.dct.isoformat() if doc.dct else None,
        "timexes": [timex_json(t) for t in ann.timexes],
        "places": [place_json(p) for p in ann.places],
        "actors": [{"start": a.span.start, "end": a.span.end, "text": a.span.text,
                    "actor_id": a.actor_id, "canonical": a.canonical,
                    "actor_type": a.actor_type, "rule": a.rule} for a in ann.actors],
        "events": [event_json(e) for e in ann.events],
    }
