"""Mentions -> cronica.model.Place: choose each mention's gazetteer row in the light of the
document's countries and provinces (resolve.py), with precision, score and rule trail."""
from __future__ import annotations

from collections import Counter

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.recognize import Mention
from cronica.geo.resolve import choose, country_votes, focus_from, focus_without, precision_of
from cronica.model import Place, Span


def trusted_provinces(g: Gazetteer, mentions: list[Mention]) -> set[tuple[str, str]]:
    """(country, admin1) of the provinces named by trusted mentions."""
    return {(g.country[r], g.admin1[r]) for m in mentions if m.trusted and m.rows
            for r in m.rows if g.fcode[r] == "ADM1"}


def unresolved_place(m: Mention) -> Place:
    """A region from the language data or a landmark: no gazetteer row."""
    return Place(span=Span(m.start, m.end, m.text), name=m.text, country=m.region or None,
                 feature_code="RGN" if m.source == "region" else None, precision=3, role=m.role, score=0.8,
                 rule="+".join(m.rule) + (f"+cue:{m.cue}" if m.cue else ""))


def to_places(g: Gazetteer, mentions: list[Mention], org_votes: Counter, focus: dict) -> list[Place]:
    votes = country_votes(g, mentions, org_votes)
    focus = focus_from(votes) or focus
    admin1s = trusted_provinces(g, mentions)
    out: list[Place] = []
    for m in mentions:
        if m.source in ("region", "landmark"):
            out.append(unresolved_place(m))
            continue
        ch = choose(g, m, focus_without(g, votes, m) if votes else focus, admin1s)
        if ch is None:
            out.append(Place(span=Span(m.start, m.end, m.text), name=m.text, precision=3, role=m.role,
                             score=0.3, rule="+".join(m.rule)))
            continue
        r, sc = ch
        rule = "+".join(m.rule)
        if focus.get(g.country[r], 0) > 0 and len({g.country[x] for x in m.rows}) > 1:
            rule += f"+context:{g.country[r]}"
        if m.cue:
            rule += f"+cue:{m.cue}"
        out.append(Place(
            span=Span(m.start, m.end, m.text), name=g.name[r], geonameid=g.geonameid[r],
            lat=g.lat[r], lon=g.lon[r], country=g.country[r] or None, admin1=g.admin1[r] or None,
            feature_code=g.fcode[r], precision=precision_of(g, r, m), role=m.role,
            score=round(min(1.0, max(0.05, sc / 2.2)), 3), rule=rule))
    return out
