"""Names the gazetteer lacks or misreads: Spanish names of regions (lang/<lang>/regions.yaml:
"Chechenia", "Baviera", "Cuerno de África") and country adjectives inside organisation names
("Fuerzas Democráticas Sirias")."""
from __future__ import annotations

from typing import Optional

from cronica.geo.document import DocView
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, is_capitalised


def region_role(data: PlaceData, doc: DocView, m: Mention) -> None:
    """An organisation's / institution's region, or part of a longer name: an actor modifier."""
    cues, text, s, e = data.cues, doc.text, m.start, m.end
    fwin = doc.fwin(s)
    if doc.in_org(s, e) or cues.in_org_name(doc.twin(s)) or cues.is_actor(fwin):
        m.role = "actor_modifier"
        m.rule.append("role:in-org" if doc.in_org(s, e) else
                      "role:inst" if cues.institution_before(doc.twin(s)) else "role:org")
    elif m.cue != "place" and cues.in_longer_name(text, s, e, doc.hit_starts, doc.hit_ends, doc.weather):
        m.role = "actor_modifier"
        m.rule.append("role:in-name")


def region_mention(data: PlaceData, doc: DocView, mentions: list[Mention], s: int, e: int,
                   key: str) -> Optional[Mention]:
    cues, text = data.cues, doc.text
    surface = text[s:e]
    if not is_capitalised(surface, cues.lowercase_heads) or (surface.isupper() and len(surface) > 4):
        return None
    over = [m for m in mentions if m.start < e and s < m.end]
    if any(m.trusted and (m.end - m.start) >= (e - s) for m in over):
        return None
    ent = doc.ent_at(s, e)
    if ent and (ent[0], ent[1]) != (s, e) and (ent[1] - ent[0]) > (e - s) and (
            ent[2] != "LOC" or not any(c in text[ent[0]:ent[1]] for c in (",", " y ", " e "))):
        return None    # inside a longer name: a person's, an organisation's, a place's ("Kivu del Norte")
    m = Mention(s, e, surface, key, [], "region", True, ent[2] if ent else None)
    m.cue = doc.cue_at(cues, s) or ("place" if cues.dateline(text, s, e) else None)
    m.region = data.regions[1][key]
    row = data.region_row(key)
    m.rows = [row] if row is not None else []
    region_role(data, doc, m)
    m.rule.insert(0, "region")
    return m


def add_regions(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """Regions found like trusted names; they replace the shorter / weaker names they cover
    (or a region the gazetteer knows only as a village elsewhere: "Pensilvania")."""
    rmatch = data.regions[0]
    for s, e, key in rmatch.find(doc.ft, doc.words, doc.text, wtexts=doc.fwords):
        m = region_mention(data, doc, mentions, s, e, key)
        if m is None:
            continue
        for o in [o for o in mentions if o.start < e and s < o.end]:
            mentions.remove(o)
        mentions.append(m)
    mentions.sort(key=lambda m: m.start)


def add_demonyms(data: PlaceData, doc: DocView, mentions: list[Mention], actor_demonyms: bool) -> None:
    """Country adjectives inside organisation names ("Fuerzas Democráticas Sirias"), or after an
    actor noun when `actor_demonyms` ("las tropas sirias"): the country, as an actor modifier."""
    cues, ft, words = data.cues, doc.ft, doc.words
    taken = [(m.start, m.end) for m in mentions]
    fwords = doc.fwords
    for i in [i for i, w in enumerate(fwords) if w in cues.demonyms]:
        s, e = words[i]
        cc = cues.demonyms[fwords[i]]
        if any(ts < e and s < te for ts, te in taken):
            continue
        prev = fwords[i - 1] if i else ""
        org = doc.in_org(s, e)
        if not org and not (actor_demonyms and prev in cues.actor_nouns):
            continue
        rows = data.country_rows().get(cc, [])
        if not rows:
            continue
        mentions.append(Mention(s, e, doc.text[s:e], ft[s:e], rows, "demonym", False, None, None,
                                "actor_modifier", ["demonym:" + ("org" if org else "actor")]))
    mentions.sort(key=lambda m: m.start)
