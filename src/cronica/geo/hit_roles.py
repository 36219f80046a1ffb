"""Roles of a gazetteer name from its surroundings: organisation, club and team rules.

A place inside an organisation's name or named as an actor ("el alcalde de Zafra",
"Ministerio de Defensa de Irak"), a player's team in brackets, a club ("el Barcelona"),
an opponent in a sports piece, or part of a longer proper name is an `actor_modifier`.
So are towns listed with a club ("del Salamanca , Tenerife y Oviedo") and, in a sports piece,
three or more countries in a row (national teams).
"""
from __future__ import annotations

import re
from typing import Optional

from cronica.geo.codes import NOT_CLUBS
from cronica.geo.document import DocView, Entity
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.name_context import team_in_brackets
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention


def alias_landmark(g: Gazetteer, rows: list[int], key: str) -> bool:
    """A curated alias of a country / province / region."""
    return any(key in g.anames[r] and g.fcode[r] in ("PCLI", "ADM1", "RGN") for r in rows)


def organisation_role(data: PlaceData, doc: DocView, m: Mention, fwin: str) -> Optional[bool]:
    """Inside / belonging to an organisation, or named as an actor: True (role set), False (drop:
    an untrusted name there), None (not this rule). "la alcaldesa de Porzuna" stays a place."""
    cues, s = data.cues, m.start
    inside_org = doc.in_org(s, m.end)
    org = inside_org or cues.in_org_name(doc.twin(s))
    if not (org or cues.is_actor(fwin)):
        return None
    inst = (not inside_org and cues.institution_before(doc.twin(s))) or cues.institution_named(doc.text, s)
    if not m.trusted and not (inst and m.cue == "place"):
        return False
    m.role = "actor_modifier"
    # in-org: part of an organisation's name; org: the place an institution belongs to
    # (inst: named by a common noun, "el alcalde de Zafra": a toponym of its own)
    m.rule.append("role:inst" if inst else "role:in-facility" if inside_org and _facility(data, doc, m)
                  else "role:in-org" if inside_org else "role:org" if org else "role:actor")
    return True


def _facility(data: PlaceData, doc: DocView, m: Mention) -> bool:
    """'la Universidad Bacha Khan de Charsadda': the name of a building in the town it ends with."""
    span = doc.org_around(m.start, m.end)
    first = doc.ft[span[0]:m.start].split()[:1] if span else []
    return bool(first) and (first[0] in data.cues.facility_heads or first[0] in data.cues.landmark_heads)


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def is_club(data: PlaceData, doc: DocView, m: Mention, rows: list[int], fwin: str) -> bool:
    """"el Barcelona", "al Valencia": a town after a club article is its club (not in "el Manchester
    Arena", a venue named after it)."""
    g = data.gaz
    last = fwin.rsplit(None, 1)[-1:]
    after = _NEXT_WORD.match(doc.ft, m.end)
    return bool(last) and last[0] in data.cues.club_before and not (after and after[1] in data.cues.venue_tails) and \
        not any(g.fcode[r] in NOT_CLUBS for r in rows) and \
        any(g.fcode[r].startswith("PPL") and (doc.sports or g.fcode[r] != "PPLX") for r in rows) and \
        doc.text[m.start - 1:m.start] == " "   # (outside sports pieces a quarter is no club: "del Complexo do Alemão")


def towns_of_region(g: Gazetteer, doc: DocView, m: Mention) -> frozenset[int]:
    """Ends of the names that are towns in the same region as a bracketed province: in
    "Alconchel ( Badajoz )" the town and its province, even in a sports piece."""
    if not doc.text[m.end:m.end + 4].lstrip().startswith(")"):
        return frozenset()
    regions = {(g.country[r], g.admin1[r]) for r in m.rows if g.admin1[r]}
    return frozenset(end for end, key in doc.hit_keys.items() if end < m.start and any(
        g.fcode[r].startswith("PPL") and (g.country[r], g.admin1[r]) in regions for r in g.by_name.get(key, ())))


def player_before_team(g: Gazetteer, doc: DocView, m: Mention) -> bool:
    """In a sports piece, one word right before a capitalised name in brackets is a player ("Cubillo (
    At. Madrid )"), unless it is a town of the bracketed province or country ("Alconchel ( Badajoz )",
    "Grenoble ( Francia )")."""
    b = team_in_brackets(doc.text, m.end)
    if b is None or " " in m.key:
        return False
    rows = g.by_name.get(doc.ft[b.start(1):b.end(1)], ())
    regions = {(g.country[r], g.admin1[r]) for r in rows if g.admin1[r]}
    countries = {g.country[r] for r in rows if g.fcode[r] == "PCLI"}     # "París ( Francia )"
    return not any((g.country[r], g.admin1[r]) in regions or g.country[r] in countries for r in m.rows)


def name_rule(data: PlaceData, doc: DocView, m: Mention, ent: Optional[Entity], rows: list[int],
              alias: bool, fwin: str) -> Optional[str]:
    """The rule that makes the name part of a team's / company's / club's name, if any."""
    g, cues, text, s, e = data.gaz, data.cues, doc.text, m.start, m.end
    if ent and ent[2] == "ORG" and ent[0] == s and ent[1] == e and not alias and m.text.isupper():
        return "role:ner-org"       # the model reads it as an organisation ("BARCELONA" the club)
    sports = doc.sports
    place_ends = (doc.trusted_ends | towns_of_region(g, doc, m)) if sports else doc.hit_ends
    if cues.affiliation(text, s, e, doc.aff_per_ends, place_ends, sports) and (
            sports or not alias_landmark(g, rows, m.key)) and not any(g.fcode[r] == "PCLI" for r in rows):
        # in a sports piece "Suárez ( Toledo )", "Varela ( Extremadura )" is a player's team
        # (a country in brackets, "Stefano Braschi ( Italia )", is the country)
        return "role:affiliation"
    if sports and player_before_team(g, doc, m):
        return "role:player"        # "a Unai ( Mérida ) , Fede Marín ( Toledo )": a player, his team after him
    last = fwin.rsplit(None, 1)[-1:]
    if last and last[0] in cues.site_name_heads and fwin.endswith(" ") and text[s - len(last[0]) - 1:s - 1].islower() \
            and not alias:
        return "role:site-name"     # "el parque Lumbini", "el hotel Continental": the site's own name, not the town
    if m.cue != "place" and cues.in_longer_name(text, s, e, doc.hit_starts, doc.hit_ends, doc.weather):
        return "role:in-name"
    if cues.after_proper_name(text, s, doc.hit_ends):
        return "role:in-name"       # "Caja Rural de Cuenca", "Juventus de Turín"
    if m.cue != "admin" and is_club(data, doc, m, rows, fwin):
        return "role:club"          # (not "el departamento del Chocó": a division)
    if sports and cues.team_before(fwin) and not any(g.fcode[r] in ("RGN", "CONT", "SEA", "STM") for r in rows):
        return "role:team"          # "ganó por 3-0 a Gales", "el partido ante Brasil": a team
    return None


def assign_hit_role(data: PlaceData, doc: DocView, m: Mention, ent: Optional[Entity], rows: list[int],
                    alias: bool, dateline: bool, fwin: str) -> bool:
    """Set the role of a gazetteer mention; False when the name should be dropped."""
    if dateline:
        m.rule.append("dateline")       # "Bilbao , 23 may ( EFE )": where the news is from
        return True
    org = organisation_role(data, doc, m, fwin)
    if org is not None:
        return org
    if data.cues.nationality_before(fwin) and any(data.gaz.fcode[r] == "PCLI" for r in rows):
        m.role = "actor_modifier"       # "voluntarios cristianos de Corea del Sur": where they are from
        m.rule.append("role:nationality")
        return True
    rule = name_rule(data, doc, m, ent, rows, alias, fwin)
    if rule:
        m.role = "actor_modifier"
        m.rule.append(rule)
    return True


_WORD = re.compile(r"[^\W_]+")
_LIST_GAPS = (" , ", ", ", " y ", " e ")


def town_rows(g: Gazetteer, rows: list[int]) -> bool:
    """A town's name (a club can be named after it), not a country / region / province."""
    return bool(rows) and not any(g.fcode[r] in NOT_CLUBS or g.fcode[r] == "ADM1" for r in rows) \
        and any(g.fcode[r].startswith("PPL") for r in rows)


def club_start(data: PlaceData, doc: DocView, m: Mention) -> Optional[int]:
    """Where the club named by the mention starts, or None if it does not read as a club: by
    rule, a town named as an actor after "el" / "al" / "del", or a town's name after a club
    word ("Real Madrid", "Atlético de Madrid": the club starts at the club word)."""
    if any(r in m.rule for r in ("role:club", "role:club-list", "role:team")):
        return m.start
    if m.role != "actor_modifier":
        return None
    words = list(_WORD.finditer(doc.ft, max(0, m.start - 16), m.start))
    if words and words[-1].group() in data.cues.words.bare_of and len(words) > 1:
        words = words[:-1]
    if words and words[-1].group() in data.cues.club_words:
        return words[-1].start()
    last = doc.ft[max(0, m.start - 5):m.start].split()[-1:]
    return m.start if last and last[0] in data.cues.words.club_articles and town_rows(data.gaz, m.rows) else None


def club_lists(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """"el ex-entrenador del Salamanca , Tenerife y Oviedo", "Barcelona y Real Madrid": towns
    listed right before or after a club are clubs too."""
    text = doc.text
    for _ in range(2):
        clubs = {m.end: m for m in mentions if club_start(data, doc, m) is not None}
        if not clubs:
            return     # (no club named: no list to read)
        starts = {club_start(data, doc, m): m for m in clubs.values()}
        for m in mentions:
            if m.role != "location" or not town_rows(data.gaz, m.rows):
                continue
            left = any(text[m.start - len(gap):m.start] == gap and m.start - len(gap) in clubs for gap in _LIST_GAPS)
            right = any(text[m.end:m.end + len(gap)] == gap and m.end + len(gap) in starts for gap in _LIST_GAPS)
            if left or right:
                m.role = "actor_modifier"
                m.rule.append("role:club-list")


def team_lists(data: PlaceData, doc: DocView, mentions: list[Mention], min_run: int = 3) -> None:
    """In a sports piece, countries listed three or more in a row ("Brasil , Cuba , Estados Unidos ,
    Yugoslavia , Rusia") are the national teams of a competition."""
    if not doc.sports:
        return
    g, text = data.gaz, doc.text
    country = [m.role == "location" and bool(m.rows) and all(g.fcode[r] == "PCLI" for r in m.rows) for m in mentions]
    run: list[Mention] = []
    for i, m in enumerate(mentions + [None]):
        if m is not None and country[i] and (not run or text[run[-1].end:m.start] in _LIST_GAPS):
            run.append(m)
            continue
        if len(run) >= min_run:
            for r in run:
                r.role = "actor_modifier"
                r.rule.append("role:team-list")
        run = [m] if m is not None and country[i] else []
