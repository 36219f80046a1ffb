"""Annotations as flat rows of the store's tables (plain dicts, picklable)."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any, Iterable

from cronica.model import DocumentAnnotations, Event, to_plain
from cronica.text.normalize import content_hash


# One encoder each, made once: `json.dumps` with options builds a new one per call.
_sorted_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_json = json.JSONEncoder(ensure_ascii=False).encode


def _id(*parts: Any) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def explanation(e: Event) -> dict[str, Any]:
    return {"mentions": [{"doc_id": m.doc_id, "sentence": to_plain(m.sentence),
                          "trigger": to_plain(m.trigger), "rules": list(m.rules),
                          "attribution": m.attribution, "confidence": m.confidence}
                         for m in e.mentions],
            "place_rule": e.place.rule if e.place else None}


def event_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    rows = []
    for e in events:
        p = e.place
        first = e.mentions[0] if e.mentions else None
        rows.append({
            "event_id": e.event_id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "date_start": e.date_start, "date_end": e.date_end, "time_precision": e.time_precision,
            "actor1": e.actor1, "actor2": e.actor2, "assoc_actor1": e.assoc_actor1,
            "assoc_actor2": e.assoc_actor2,
            "country": p.country if p else None, "admin1": p.admin1 if p else None,
            "location": p.name if p else None, "lat": p.lat if p else None,
            "lon": p.lon if p else None, "geonameid": p.geonameid if p else None,
            "geo_precision": p.precision if p else None, "fatalities": e.fatalities,
            "confidence": round(float(e.confidence), 3), "mentions": len(e.mentions),
            "notes": first.sentence.text if first else None,
            "explanation_json": _sorted_json(explanation(e)),
        })
    return rows


def source_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [{"event_id": e.event_id, "doc_id": m.doc_id, "start": m.sentence.start,
             "end": m.sentence.end, "trigger_start": m.trigger.start, "trigger_end": m.trigger.end,
             "sentence_text": m.sentence.text, "trigger_text": m.trigger.text,
             "attribution": m.attribution, "confidence": round(float(m.confidence), 3),
             "rule_trail": _json(list(m.rules))}
            for e in events for m in e.mentions]


def mention_rows(ann: DocumentAnnotations) -> list[dict[str, Any]]:
    doc_id = ann.document.doc_id
    rows = []
    for kind, items in (("timex", ann.timexes), ("place", ann.places), ("actor", ann.actors)):
        for item in items:
            value = {k: v for k, v in to_plain(item).items() if k != "span"}
            rows.append({"mention_id": _id(doc_id, kind, item.span.start, item.span.end),
                         "doc_id": doc_id, "kind": kind, "start": item.span.start,
                         "end": item.span.end, "text": item.span.text,
                         "value_json": _sorted_json(value)})
    return rows


def document_row(ann: DocumentAnnotations, duplicate_of: str | None = None) -> dict[str, Any]:
    d = ann.document
    return {"doc_id": d.doc_id, "source": d.source, "url": d.url, "title": d.title, "dct": d.dct,
            "language": d.language, "path": d.path, "text_hash": content_hash(d.text),
            "duplicate_of": duplicate_of, "n_chars": len(d.text), "text": d.text,
            "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None)}


def sentence_rows(ann: DocumentAnnotations) -> list[dict[str, Any]]:
    kept = ann.kept
    return [{"doc_id": ann.document.doc_id, "idx": i, "start": s.start, "end": s.end,
             "kept": any(k.start <= s.start < k.end for k in kept)}
            for i, s in enumerate(ann.sentences)]


def document_tables(ann: DocumentAnnotations, duplicate_of: str | None = None) -> dict[str, list[dict]]:
    """Every row one annotated document adds to the store, by table. A document that
    repeats an earlier one (`duplicate_of`) adds its document row only."""
    if duplicate_of is not None:
        return {"documents": [document_row(ann, duplicate_of)]}
    return {"documents": [document_row(ann)], "sentences": sentence_rows(ann),
            "mentions": mention_rows(ann), "events": event_rows(ann.events),
            "event_sources": source_rows(ann.events)}
