"""Document-level merging: one real-world event told twice is one row."""
from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Optional

from cronica.merge.compat import (actors_meet, initiator, intervals_meet, is_focus_place, is_generic, is_narrative, is_weak,
                                  merge_interval, places_meet, precision_rank, same_kind, same_told_event, weak_actor1)
from cronica.actors.catalogue import allied
from cronica.events.lexicon import DEFINITE_WEAK_RULE, REMOTE_VIOLENCE as REMOTE, VIOLENT_EVENT_TYPES as VIOLENT
from cronica.model import Event, EventMention


ATTACK, CLASH = "Attack", "Armed clash"
MAX_DAYS = 366   # a decade or a century is not a date the text gives an event


def _dates_meet(a: EventMention, b: EventMention) -> bool:
    """Two mentions with their own dates must nest (a day inside a month); a narrative
    (inherited) date only has to overlap."""
    ia, ib = merge_interval(a), merge_interval(b)
    if not intervals_meet(ia, ib):
        return False
    if is_narrative(a) or is_narrative(b):
        return True
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


RETOLD_WITHIN = timedelta(days=7)   # an undated retelling reported this long after the event still names it


def _same_strike(a: EventMention, b: EventMention) -> bool:
    """'un ataque con dron contra Finote Selam … El bombardeo se produjo …': remote violence told with
    two words, at one place on one day, is one strike."""
    return a.event_type == b.event_type == REMOTE and a.time_precision == b.time_precision == "day" \
        and a.date_start == b.date_start and not _bomber_and_aircraft(a, b)


BY_HAND = frozenset({"Suicide bomb"})                                           # carried to the target
FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})  # fired or dropped from afar


def _bomber_and_aircraft(a: EventMention, b: EventMention) -> bool:
    """'ataques suicidas contra dos sedes … la aviación bombardeó Al Waer': a suicide bombing and an air strike
    (or shelling) on the same day in one city are two strikes."""
    kinds = {a.sub_event_type, b.sub_event_type}
    return bool(kinds & BY_HAND) and bool(kinds & FROM_AFAR)


def _generic_retelling(told: EventMention, m: EventMention) -> bool:
    """'Un grupo de yihadistas atacó una escuela … más de 70 personas murieron en el ataque': a generic
    word with a definite article told after a violent event, at its place and on its day, tells that event
    again (not "las fuerzas iniciaron operaciones de limpieza": new ones)."""
    return DEFINITE_WEAK_RULE in m.rules and told.event_type in VIOLENT and m.event_type in VIOLENT


def _retold_later(told: EventMention, m: EventMention) -> bool:
    """An undated retelling ("Ningún grupo ha reivindicado la matanza") dated by the report's day, a few
    days after the event it names."""
    return _generic_retelling(told, m) and is_narrative(m) and None not in (told.date_start, m.date_start) \
        and timedelta(0) <= m.date_start - told.date_start <= RETOLD_WITHIN


def _shots_of_the_attack(a: EventMention, b: EventMention) -> bool:
    """'mataron a tiros a 52 jóvenes … abrieron fuego contra quienes intentaban huir': shots with no one
    named to answer them (or at the attack's own victims: "abrieron fuego contra los comensales"), by the attackers of
    civilians that day (or by shooters named only generically: "Un comando … abrió fuego contra los presentes"), are
    that attack."""
    attack, shots = (a, b) if a.sub_event_type == ATTACK else (b, a)
    return attack.sub_event_type == ATTACK and shots.sub_event_type == CLASH \
        and (shots.actor2 is None or shots.actor2 == attack.actor2) \
        and attack.actor2 is not None and (initiator(shots) is None or initiator(shots) == attack.actor1) \
        and a.time_precision == b.time_precision == "day" and a.date_start == b.date_start


def _killed_by_the_strike(a: EventMention, b: EventMention) -> bool:
    """'un dron ruso alcanzó una ambulancia en Járkov y mató a su conductor': the killing told in the
    sentence of a strike, on its day, is the strike's toll (ACLED codes it as the strike)."""
    strike, kill = (a, b) if a.event_type == REMOTE else (b, a)
    return strike.event_type == REMOTE and kill.sub_event_type == ATTACK \
        and strike.sentence.start == kill.sentence.start and strike.trigger.start < kill.trigger.start \
        and strike.date_start == kill.date_start   # (the strike told first, then what it did)


def _compatible(cluster: list[EventMention], m: EventMention) -> bool:
    return all((same_kind(c.sub_event_type, m.sub_event_type) or same_told_event(c, m) or _same_strike(c, m)
                or _generic_retelling(c, m) or _shots_of_the_attack(c, m) or _killed_by_the_strike(c, m))
               and actors_meet(c, m) and places_meet(c.place, m.place) and (_dates_meet(c, m) or _retold_later(c, m))
               for c in cluster)


def _date_key(m: EventMention) -> tuple:
    """Best-dated first: a mention with its own date over a narrative one, then the finer precision."""
    return (is_narrative(m), precision_rank(m), -(m.confidence or 0))


def event_id(m: EventMention, sub_event_type: str) -> str:
    raw = f"{m.doc_id}|{sub_event_type}|{m.sentence.start}|{m.sentence.end}|{m.trigger.start}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _first(values) -> Optional[str]:
    return next((v for v in values if v), None)


def _parties(explicit: list[EventMention]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """actor1 from the best-evidenced mention; another mention's initiator is the associate when allied,
    else the other side ('the militants, who attacked…, were repelled by the army')."""
    a1 = _first(m.actor1 for m in explicit)
    others = [m.actor1 for m in explicit if m.actor1 and m.actor1 != a1]
    friends = [o for o in others if a1 and allied(a1, o)]
    a2 = _first([m.actor2 for m in explicit if m.actor2 != a1] + [o for o in others if o not in friends])
    assoc1 = _first([m.assoc_actor1 for m in explicit] + friends)
    return a1, a2, assoc1


# a type one telling gives, and the finer one another telling of the same event names ("las explosiones" of
# "la cadena de atentados suicidas")
REFINED_BY = {"Remote explosive/landmine/IED": ("Suicide bomb",), CLASH: (ATTACK,),
              ATTACK: ("Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
                       "Remote explosive/landmine/IED")}


def build_event(cluster: list[EventMention]) -> Event:
    dated = min(cluster, key=_date_key)
    placed = min(cluster, key=lambda m: (m.place is None, is_focus_place(m), m.place.precision if m.place else 9,
                                         -(m.confidence or 0)))     # (a placed mention over an unplaced one)
    explicit = sorted(cluster, key=lambda m: (not any("(agent)" in r or ", agent)" in r for r in m.rules),
                                              any(weak_actor1(r) for r in m.rules)))
    sub = max((m.sub_event_type for m in cluster), key=lambda s: sum((0.4 if is_weak(m) or is_generic(m) else 1.0)
                                                                     for m in cluster if m.sub_event_type == s)
              + (0.5 if s == dated.sub_event_type else 0))
    told = {m.sub_event_type for m in cluster}
    sub = next((finer for finer in REFINED_BY.get(sub, ()) if finer in told), sub)
    a1, a2, assoc1 = _parties(explicit)
    first = cluster[0]
    fatal = [m.fatalities for m in cluster if m.fatalities is not None]
    conf = min(0.99, max(m.confidence for m in cluster) + 0.05 * (len(cluster) - 1))
    return Event(
        event_id=event_id(first, sub), event_type=dated.event_type if dated.sub_event_type == sub else first.event_type,
        sub_event_type=sub, date_start=dated.date_start, date_end=dated.date_end, time_precision=dated.time_precision,
        actor1=a1, actor2=a2, assoc_actor1=assoc1, assoc_actor2=_first(m.assoc_actor2 for m in explicit),
        place=placed.place, fatalities=max(fatal) if fatal else None, confidence=round(conf, 2),
        mentions=list(cluster))


def cluster_mentions(mentions: list[EventMention]) -> list[list[EventMention]]:
    clusters: list[list[EventMention]] = []
    for m in sorted(mentions, key=lambda m: (m.sentence.start, m.trigger.start)):
        home = next((c for c in clusters if _compatible(c, m)), None)
        if home is None:
            clusters.append([m])
        else:
            home.append(m)
    return clusters


def merge_document(mentions: list[EventMention]) -> list[Event]:
    """Mentions -> events: compatible mentions merged; rows without a supported date or place dropped."""
    events = [build_event(c) for c in cluster_mentions(mentions)]
    kept = [e for e in events if e.date_start and e.date_end and (e.date_end - e.date_start).days <= MAX_DAYS
            and e.place is not None and e.place.lat is not None]
    return sorted(kept, key=lambda e: (e.mentions[0].sentence.start, e.mentions[0].trigger.start))
