"""When two mentions (or events) can be the same real-world event."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from cronica.actors.catalogue import allied
from cronica.events.lexicon import GENERIC_TYPE_RULE, TERRITORY_TYPES, VIOLENT_EVENT_TYPES, WEAK_TRIGGER_RULE
from cronica.model import EventMention, Place, km

MAX_KM = 25.0
VIOLENT = VIOLENT_EVENT_TYPES
NARRATIVE_SLACK = timedelta(days=31)   # an undated mention happened at or after its narrative reference
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}


def same_kind(a: str, b: str) -> bool:
    return a == b or (a in TERRITORY_TYPES and b in TERRITORY_TYPES)


def is_weak(m: EventMention) -> bool:
    return WEAK_TRIGGER_RULE in m.rules


def is_generic(m: EventMention) -> bool:
    return GENERIC_TYPE_RULE in m.rules


def same_told_event(a: EventMention, b: EventMention) -> bool:
    """'Un avión bombardeó el aeropuerto, en un ataque atribuido a X': a generic word beside a specific
    violent event in one sentence tells that event, whatever type the generic word defaults to."""
    return a.sentence == b.sentence and (is_weak(a) != is_weak(b)) and a.event_type in VIOLENT \
        and b.event_type in VIOLENT


def is_narrative(m: EventMention) -> bool:
    return any(r.startswith("date: narrative") for r in m.rules)


def is_focus_place(m: EventMention) -> bool:
    return any(r.startswith("place: document focus") or r.startswith("place: focus") for r in m.rules)


def merge_interval(m: EventMention) -> Optional[tuple[date, date]]:
    if m.date_start is None or m.date_end is None:
        return None
    end = m.date_end + NARRATIVE_SLACK if is_narrative(m) else m.date_end
    return m.date_start, end


def intervals_meet(a: Optional[tuple[date, date]], b: Optional[tuple[date, date]]) -> bool:
    if a is None or b is None:
        return False
    return a[0] <= b[1] and b[0] <= a[1]


def _coarse(p: Place) -> str:
    fc = (p.feature_code or "").upper()
    return "country" if fc.startswith("PCL") else "region" if fc in ("ADM1", "RGN") else ""


def _contains(big: Place, small: Place) -> bool:
    """A country-level (or region-level) telling of an event told elsewhere at town level."""
    kind = _coarse(big)
    if not kind or _coarse(small) or not big.country or big.country != small.country:
        return False
    return kind == "country" or (bool(small.admin1) and small.admin1.lower() in big.name.lower())


def places_meet(a: Optional[Place], b: Optional[Place], limit: float = MAX_KM) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False    # "el atentado de Suruç … un coche bomba estalló en Kobani": across a border, two events
    return km(a, b) <= limit or _contains(a, b) or _contains(b, a)


def actors_of(x) -> set[str]:
    return {v for v in (x.actor1, x.actor2, x.assoc_actor1, x.assoc_actor2) if v}


def initiator(x) -> Optional[str]:
    """actor1, unless it is weak evidence (inherited from the narrative focus, or generic)."""
    rules = getattr(x, "rules", None)
    if rules is not None and any(weak_actor1(r) for r in rules):
        return None
    return x.actor1


def weak_actor1(rule: str) -> bool:
    """actor1 inherited from the focus, or a generic word ('hombres armados') with nothing to refer to."""
    return rule.startswith("actor1:") and ("focus)" in rule or "generic (weak evidence)" in rule)


def actors_meet(a, b) -> bool:
    """Compatible when one side names nobody, or their initiators agree, or one's initiator takes part in the other."""
    ia, ib = initiator(a), initiator(b)
    if not ia or not ib:
        return True
    return ia == ib or ia in actors_of(b) or ib in actors_of(a) or allied(ia, ib)


def precision_rank(x) -> int:
    return PRECISION_RANK.get(x.time_precision or "", 6)
