"""Small towns and villages: weak gazetteer candidates accepted with support, and
transliteration variants of village names in the countries the document is about."""
from __future__ import annotations

import re

from cronica.geo.codes import SEAT_CODES, SEAT_POP
from cronica.geo.document import DocView
from cronica.geo.function_words import kunya_name
from cronica.geo.normalize import fold, translit_key
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention

def _longer_name(doc: DocView, m: Mention) -> bool:
    """Does the model's entity run on past the name with more capitalised words ("Jaled al Nadhri" over
    'Jaled', a village in Syria)? Then it says LOC of a longer name, not of this one."""
    ent = doc.ent_at(m.start, m.end)
    return ent is not None and any(w[:1].isupper() for w in doc.text[m.end:ent[1]].split())


def village_supported(data: PlaceData, doc: DocView, m: Mention, in_focus: list[int]) -> bool:
    """A LOC entity after a preposition (or in a village gazetteer's country), a place cue,
    a municipality's seat after a preposition of place, or a long "X de Y" town name in focus."""
    g, cues = data.gaz, data.cues
    tl = any(g.country[r] in g.translit_countries for r in (in_focus or m.rows))
    prep = cues.prep_before(doc.near(m.start))
    # a small town the model calls LOC: a surname as often as not ("Ballesteros"),
    # unless a preposition / cue says place or it is one of the village gazetteers'
    if (m.ner == "LOC" and (prep or tl) and not _longer_name(doc, m)) or m.cue in ("place", "part", "admin", "river"):
        return True
    if in_province_told(data, doc, m, in_focus or m.rows):
        return True
    if m.ner in (None, "LOC", "MISC") and cues.strong_prep_before(doc.near(m.start)) \
            and any(g.fcode[r] in SEAT_CODES and g.pop[r] >= SEAT_POP for r in (in_focus or m.rows)):
        # "en Amorebieta", "desde Don Benito": a municipality's seat of some size after a
        # preposition of place, in a country the document is about
        return True
    # "Salvatierra de los Barros", "Villanueva de la Serena", "Mocímboa da Praia": a long name of a town
    # in a country the document is about is seldom anything else
    return bool(in_focus) and long_town_name(m.key, cues.words.of) and m.ner not in ("PER", "ORG")


def long_town_name(key: str, of_words: frozenset[str]) -> bool:
    """A name with a word like 'de' inside it ("Villanueva de la Serena", "Mocímboa da Praia")."""
    return any(w in of_words for w in key.split()[1:-1])


APPOSED_PROVINCE = re.compile(r"\s*[,(]\s*")   # "Al Musayyib, en la provincia de Babil", "X (provincia de Y)"
PROVINCE_AHEAD = 48   # characters from the name to its province's


def in_province_told(data: PlaceData, doc: DocView, m: Mention, rows: list[int]) -> bool:
    """Does an apposition right after the name put it in a province one of its rows lies in ("una
    mezquita de Al Musayyib, en la provincia de Babil")?"""
    g, text = data.gaz, doc.text
    if not APPOSED_PROVINCE.match(text, m.end):
        return False
    provinces = {(g.country[r], g.admin1[r]) for r in rows if g.admin1[r]}
    for w in re.finditer(r"[A-ZÁÉÍÓÚÑ][\w'’-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]*){0,2}", text[m.end:m.end + PROVINCE_AHEAD]):
        start = m.end + w.start()
        if doc.cue_at(data.cues, start) != "admin":
            return False
        return any((g.country[r], g.admin1[r]) in provinces for r in g.by_name.get(fold(w.group()), ())
                   if g.fcode[r] == "ADM1")
    return False


def accept_villages(data: PlaceData, doc: DocView, weak: list[Mention], focus: dict) -> list[Mention]:
    """The weak candidates that have support, restricted to the countries in focus."""
    g, cues = data.gaz, data.cues
    out: list[Mention] = []
    for m in weak:
        if m.key in doc.surnames and not m.cue and not cues.strong_prep_before(doc.near(m.start)):
            continue   # "Abu Bakr al Baghdadi": a man's surname, not the village of Al Baghdadi
        in_focus = [r for r in m.rows if focus.get(g.country[r], 0) > 0]
        supported = village_supported(data, doc, m, in_focus)
        prep = cues.prep_before(doc.near(m.start))
        if not supported and not (prep and any(g.country[r] in g.translit_countries for r in in_focus)):
            continue   # "en Feria": only villages of the village gazetteers' countries on a preposition alone
        if focus and not in_focus:
            continue
        if not supported and not focus:
            continue
        if in_focus:
            m.rows = in_focus
        m.rule.append("gazetteer:village+" + ("ner" if m.ner == "LOC" else (m.cue or "prep")))
        out.append(m)
    return out + same_name_again(weak, out)


def same_name_again(weak: list[Mention], accepted: list[Mention]) -> list[Mention]:
    """One sense per document: a weak name accepted as a place once ("la estación de Policía de
    Morales") is that place where it stands again as a location ("La ofensiva contra Morales")."""
    rows = {m.key: m.rows for m in accepted}
    again = [m for m in weak if m not in accepted and m.key in rows and m.role == "location"]
    for m in again:
        m.rows = rows[m.key]
        m.rule.append("gazetteer:village+again")
    return again


def key_match(data: PlaceData, doc: DocView, i: int, tl_focus: set[str]):
    """The longest capitalised 2-4 word run from word i whose transliteration key names a
    village in focus: (last word index, end, rows) or None."""
    g, text, words = data.gaz, doc.text, doc.words
    s0 = words[i][0]
    for j in range(min(len(words) - 1, i + 3), i, -1):
        e0 = words[j][1]
        if not text[words[j][0]].isupper() or "\n" in text[s0:e0] or any(ch in ".,;:()" for ch in text[s0:e0]):
            continue
        k = translit_key(text[s0:e0])
        rows = [r for r in g.by_key.get(k, ()) if g.country[r] in tl_focus] if len(k) >= 6 else []
        if rows:
            return j, e0, rows
    return None


def translit_variants(data: PlaceData, doc: DocView, mentions: list[Mention], focus: dict) -> list[Mention]:
    """"Hamam al Alil" = Hammam al `Alil: capitalised 2-4 word runs, by key, in the village
    gazetteers' countries the document is about, with a LOC entity, a cue or a preposition."""
    g, cues, text, words = data.gaz, data.cues, doc.text, doc.words
    tl_focus = {c for c in focus if c in g.translit_countries}
    out: list[Mention] = []
    if not tl_focus:
        return out
    taken = [(m.start, m.end) for m in mentions]
    i, n = 0, len(words)
    while i < n:
        s0 = words[i][0]
        if not text[s0].isupper() or any(ts <= s0 < te for ts, te in taken):
            i += 1
            continue
        found = key_match(data, doc, i, tl_focus)
        if found is None:
            i += 1
            continue
        j, e0, rows = found
        ent = doc.ent_at(s0, e0)
        cue = doc.cue_at(cues, s0)
        loc = any(lab == "LOC" and es < e0 and s0 < ee for es, ee, lab in doc.ents)
        if (loc or cue or cues.prep_before(doc.near(s0))) and (cue or not kunya_name(cues.words, text, s0, e0)):
            out.append(Mention(s0, e0, text[s0:e0], fold(text[s0:e0]), rows, "gazetteer", False,
                               ent[2] if ent else None, cue, "location", ["gazetteer:key"]))
            taken.append((s0, e0))
        i = j + 1
    return out

