"""Span rules on the found mentions: streets named after places, a capitalised article that
belongs to the name, places joined by a hyphen."""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace
from typing import Optional

from cronica.geo.codes import TRUST_POP
from cronica.geo.document import DocView
from cronica.geo.normalize import fold
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, sentence_initial
from cronica.geo.roles import Cues
from cronica.model import Place, Span
from cronica.text.normalize import fold as fold_same_length

_STREET_BEFORE = re.compile(r"(?:^|(?<=\s))([a-z]+)(?: (?:de|del|de la|de los|de las))? $")
_ARTICLES = ("La ", "El ", "Los ", "Las ")


def street_landmarks(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """A street, square or tunnel named after a place is not the place: "la calle de Palafox",
    "la plaza de Legazpi", "el túnel del Somport" -- one landmark mention, unresolved; so is a venue
    given its own name ("el estadio Tishrín", unlike "el estadio de Mosul") that is only a village's."""
    text, cues = doc.text, data.cues
    for m in mentions:
        if m.role != "location" or m.start < 3:
            continue
        hm = _STREET_BEFORE.search(doc.ft, max(0, m.start - 24), m.start)
        if hm and fold(hm.group(1)) in cues.street_heads and _indefinite_before(doc.ft, hm.start(1), cues):
            m.cue = "part"     # "una concurrida avenida de Boca del Río": a street in the town, not its name
            m.rule.append("street-in-town")
        elif hm and fold(hm.group(1)) in cues.street_heads:
            m.start, m.text, m.rows, m.trusted = hm.start(1), text[hm.start(1):m.end], [], False
            m.source, m.cue = "landmark", "part"
            m.rule.append("landmark:street")
        elif hm and fold(hm.group(1)) in cues.venue_heads and text[hm.start(1)].islower():
            m.start, m.text, m.cue = hm.start(1), text[hm.start(1):m.end], "part"   # in the place: rows kept
            m.rule.append("landmark:venue")
            if hm.group(0).strip() == hm.group(1) and not any(data.gaz.pop[r] >= TRUST_POP for r in m.rows):
                m.rows, m.trusted, m.source = [], False, "landmark"   # its own name, not the village's
                m.rule.append("landmark:venue-name")


def _indefinite_before(ft: str, s: int, cues: Cues) -> bool:
    """An indefinite article in the two words before a street noun ("una avenida", "una concurrida avenida")."""
    return any(w in cues.words.indefinite_articles for w in ft[max(0, s - 30):s].split()[-2:])


def named_streets(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """A street or square named after a person or a thing, "la calle Tía Javiera", "la calle de
    Guzmán el Bueno", "la calle Aldapa 3", "la calle Al Rashid de Bagdad": one landmark mention over
    the head and the name (up to a place found in it), unresolved (the town the story is in holds it);
    a notable town closing the name is that town ("la plaza de Bolívar de Bogotá")."""
    cues, text, ft, words = data.cues, doc.text, doc.ft, doc.words
    starts = {m.start for m in mentions}
    heads = cues.street_heads | cues.venue_heads
    for i in [i for i, w in enumerate(doc.fwords) if w in heads]:
        s, e = words[i]
        if not text[s].islower():
            continue
        end = _street_name_end(cues, doc, i, starts)
        if end is None or any(m.start < end and s < m.end for m in mentions):
            continue
        town = _closing_town(data, doc, i, end)
        if town is not None:
            k, place = town
            mentions.append(place)
            end = words[k - 2][1]     # the street's name ends before "de"
        mentions.append(Mention(s, end, text[s:end], ft[s:end], [], "landmark", False, None, "part",
                                "location", ["landmark:street"]))
    mentions.sort(key=lambda m: m.start)


def _closing_town(data: PlaceData, doc: DocView, head: int, end: int) -> Optional[tuple[int, Mention]]:
    """(first word, mention) of a notable town after a "de" in a street's name, when a name is left
    before it."""
    text, ft, words = doc.text, doc.ft, doc.words
    inside = [k for k in range(head + 2, len(words)) if words[k][1] <= end]
    for k in inside[1:]:
        key = ft[words[k][0]:end]
        if ft[words[k - 1][0]:words[k - 1][1]] in data.cues.words.of and text[words[k][0]].isupper() \
                and (data.trusted_name(key) or _big_town(data, key)):
            return k, Mention(words[k][0], end, text[words[k][0]:end], key, data.gaz.rows_named(key), "gazetteer",
                              True, None, "part", "location", ["gazetteer:after-street"])
    return None


def _big_town(data: PlaceData, key: str) -> bool:
    """A town of TRUST_POP people or more anywhere ("la plaza Kapija de Tuzla")."""
    g = data.gaz
    return any(g.fcode[r].startswith("PPL") and g.pop[r] >= TRUST_POP for r in g.by_name.get(key, ()))


def _street_name_end(cues: Cues, doc: DocView, head: int, stops: set[int]) -> Optional[int]:
    """End of the capitalised name right after the head word (connectors inside it, a house number
    after it), stopping at a place found in it; None if no capitalised word follows."""
    text, ft, words = doc.text, doc.ft, doc.words
    end, prev = None, words[head][1]
    for s, e in itertools.islice(words, head + 1, None):
        if s - prev != 1 or s in stops:
            break                          # punctuation between, or a place: "... de Bagdad"
        if text[s].isupper():
            end = e
        elif text[s:e].isdigit() and end == prev:
            return e                       # "la calle Aldapa 3"
        elif ft[s:e] not in cues.words.name_connectors:
            break
        prev = e
    return end


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


_NUMBERED = re.compile(r"-\d")


def numbered_units(text: str, places: list[Place]) -> list[Place]:
    """'el batallón Dnipró-1', 'la brigada Azov-2': a place name numbered with a hyphen names a unit, not the
    place (rule +numbered-unit, an actor's name)."""
    return [replace(p, role="actor_modifier", rule=p.rule + "+numbered-unit")
            if p.role == "location" and _NUMBERED.match(text, p.span.end) else p for p in places]


def names_before_brackets(cues: Cues, text: str, places: list[Place]) -> list[Place]:
    """'Zauiya (también escrita Zawiya o Az Zawiyah)': a name no gazetteer holds, right before a bracket that
    opens with a word of other spellings and a resolved place, is that place -- there and wherever else the text
    names it alone (rule +alias-before-brackets)."""
    if "(" not in text:
        return places
    pattern = _lead_pattern(cues.alias_leads)
    taken = [(p.span.start, p.span.end) for p in places if p.lat is not None]
    out = list(places)
    for q in places:
        window = text[max(0, q.span.start - 80):q.span.start]
        m = pattern.search(fold_same_length(window)) if q.lat is not None and q.role == "location" \
            and "(" in window else None
        name = re.search(rf"({_NAME})$", window[:m.start()]) if m else None
        if name is None:
            continue
        word = name.group(1)
        for at in (x.start() for x in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text)):
            if not any(a < at + len(word) and at < b for a, b in taken):
                out = [p for p in out if not (p.span.start == at and p.lat is None)]
                out.append(replace(q, span=Span(at, at + len(word), word), rule=q.rule + "+alias-before-brackets"))
                taken.append((at, at + len(word)))
    return sorted(out, key=lambda x: x.span.start)


@functools.lru_cache(maxsize=4)
def _lead_pattern(alias_leads: frozenset[str]) -> re.Pattern:
    """' (también escrita ' right before a place, on folded text."""
    return re.compile(rf"[ \t]*\([ \t]*(?:{_leads(alias_leads)})[ \t]+$")


def _leads(alias_leads: frozenset[str]) -> str:
    """The words opening another spelling, as one alternation (longest first)."""
    return "|".join(sorted((re.escape(w) for w in alias_leads), key=len, reverse=True)) or "(?!)"


_NAME = r"[A-ZÁÉÍÓÚÑ][\w'’-]*(?: (?:al|el|de|del|la|ar|as|ad|an|at|az)?[ -]?[A-ZÁÉÍÓÚÑ][\w'’-]*)*"


@functools.lru_cache(maxsize=4)
def _bracket_pattern(alias_leads: frozenset[str]) -> re.Pattern:
    """'( o Burie )', '(también escrita Finote Salam)', '(Arrasate, en euskera)' on folded text."""
    leads = _leads(alias_leads)
    return re.compile(rf"[ \t]*\([ \t]*(?:(?P<lead1>{leads})[ \t]+)?"
                      rf"(?P<name>[^\W\d_][\w'’-]*(?: [\w'’-]+){{0,3}}?)"
                      rf"(?:[ \t]*,[ \t]*(?P<lead2>{leads}))?[ \t]*\)")


def bracket_aliases(cues: Cues, text: str, places: list[Place]) -> list[Place]:
    """'Bure (o Burie)', 'Finote Selam (también escrita Finote Salam)', 'Mondragón (Arrasate, en euskera)':
    another spelling in brackets right after a resolved place is that place (rule +alias-in-brackets)."""
    if not any(text[p.span.end:p.span.end + 24].lstrip(" \t").startswith("(") for p in places):
        return places   # no bracket right after any place
    pattern = _bracket_pattern(cues.alias_leads)
    ft = fold_same_length(text)   # (the leads are folded words)
    by_start = {p.span.start: p for p in places}
    out = list(places)
    for p in places:
        m = pattern.match(ft, p.span.end) if p.lat is not None and p.role == "location" else None
        if m is None or not (m.group("lead1") or m.group("lead2")) \
                or not re.fullmatch(_NAME, text[m.start("name"):m.end("name")]):
            continue
        s, e = m.start("name"), m.end("name")
        alias = replace(p, span=Span(s, e, text[s:e]), rule=p.rule + "+alias-in-brackets")
        old = by_start.get(s)
        if old is None:
            out.append(alias)
        elif old.lat is None:
            out[out.index(old)] = alias
    return sorted(out, key=lambda x: x.span.start)
