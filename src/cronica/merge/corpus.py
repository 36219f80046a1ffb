"""Cross-document merging: the same event reported by several documents."""
from __future__ import annotations

from cronica.merge.compat import actors_meet, intervals_meet, places_meet, precision_rank, same_kind
from cronica.model import Event


def _interval(e: Event):
    return (e.date_start, e.date_end) if e.date_start and e.date_end else None


def _compatible(a: Event, b: Event) -> bool:
    return (same_kind(a.sub_event_type, b.sub_event_type) and intervals_meet(_interval(a), _interval(b))
            and places_meet(a.place, b.place) and actors_meet(a, b))


def _combine(group: list[Event]) -> Event:
    group = sorted(group, key=lambda e: e.event_id)
    best = min(group, key=lambda e: (precision_rank(e), -e.confidence, e.event_id))
    mentions = sorted((m for e in group for m in e.mentions),
                      key=lambda m: (m.doc_id, m.sentence.start, m.trigger.start))
    fatal = [e.fatalities for e in group if e.fatalities is not None]
    pick = lambda attr: next((getattr(e, attr) for e in [best] + group if getattr(e, attr)), None)  # noqa: E731
    return Event(event_id=group[0].event_id, event_type=best.event_type, sub_event_type=best.sub_event_type,
                 date_start=best.date_start, date_end=best.date_end, time_precision=best.time_precision,
                 actor1=pick("actor1"), actor2=pick("actor2"), assoc_actor1=pick("assoc_actor1"),
                 assoc_actor2=pick("assoc_actor2"), place=best.place or pick("place"),
                 fatalities=max(fatal) if fatal else None,
                 confidence=round(min(0.99, max(e.confidence for e in group) + 0.05 * (len(group) - 1)), 2),
                 mentions=mentions)


def merge_events(events: list[Event]) -> list[Event]:
    """Events from many documents -> one row per real-world event (every mention kept), deterministic order."""
    ordered = sorted(events, key=lambda e: (e.date_start or e.date_end or _MIN, e.event_id))
    groups: list[list[Event]] = []
    for e in ordered:
        home = next((g for g in groups if all(_compatible(x, e) for x in g)), None)
        if home is None:
            groups.append([e])
        else:
            home.append(e)
    merged = [_combine(g) if len(g) > 1 else g[0] for g in groups]
    return sorted(merged, key=lambda e: (e.date_start or _MIN, e.event_id))


from datetime import date as _date  # noqa: E402

_MIN = _date.min
