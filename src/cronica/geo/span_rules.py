"""Span rules on the found mentions: streets named after places, a capitalised article that
belongs to the name, places joined by a hyphen."""
from __future__ import annotations

import re

from cronica.geo.document import DocView
from cronica.geo.normalize import fold
from cronica.geo.recognize import Mention, sentence_initial
from cronica.geo.roles import Cues
from cronica.model import Place, Span

_STREET_BEFORE = re.compile(r"(?:^|(?<=\s))([a-z]+)(?: (?:de|del|de la|de los|de las))? $")
_ARTICLES = ("La ", "El ", "Los ", "Las ")


def street_landmarks(cues: Cues, doc: DocView, mentions: list[Mention]) -> None:
    """A street, square or tunnel named after a place is not the place: "la calle de Palafox",
    "la plaza de Legazpi", "el túnel del Somport" -- one landmark mention, unresolved."""
    text = doc.text
    for m in mentions:
        if m.role != "location" or m.start < 3:
            continue
        hm = _STREET_BEFORE.search(doc.ft, max(0, m.start - 24), m.start)
        if hm and fold(hm.group(1)) in cues.street_heads:
            m.start, m.text, m.rows, m.trusted = hm.start(1), text[hm.start(1):m.end], [], False
            m.source, m.cue = "landmark", "part"
            m.rule.append("landmark:street")


def leading_articles(text: str, mentions: list[Mention]) -> None:
    """A capitalised article mid-sentence belongs to the name: "en La India", "hacia Los Alpes"."""
    for m in mentions:
        for art in _ARTICLES:
            a0 = m.start - len(art)
            if a0 >= 0 and text.startswith(art, a0) and (a0 == 0 or text[a0 - 1] == " ") \
                    and not sentence_initial(text, a0) and not any(c.end == m.start - 1 for c in mentions):
                m.start, m.text = a0, text[a0:m.end]
                break


def merge_compounds(text: str, places: list[Place]) -> list[Place]:
    """'Bolivia-Brasil', 'LIBANO-ISRAEL', 'Mérida-Badajoz': places joined by a bare
    hyphen name a pair (a pipeline, a border, a diocese, a match), not one point.
    One mention over the whole token, unresolved (precision 3), with the country
    when all parts share it."""
    out: list[Place] = []
    i = 0
    while i < len(places):
        j = i
        while j + 1 < len(places) and text[places[j].span.end:places[j + 1].span.start] == "-" \
                and places[j].role == places[j + 1].role == "location":
            j += 1
        if j == i:
            out.append(places[i])
            i += 1
            continue
        parts = places[i:j + 1]
        s, e = parts[0].span.start, parts[-1].span.end
        ccs = {p.country for p in parts}
        out.append(Place(span=Span(s, e, text[s:e]), name=text[s:e], country=ccs.pop() if len(ccs) == 1 else None,
                         precision=3, role="location", score=round(min(p.score for p in parts), 3),
                         rule="compound:" + "|".join(p.name for p in parts)))
        i = j + 1
    return out
