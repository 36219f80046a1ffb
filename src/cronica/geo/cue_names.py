"""Names no gazetteer knows, after a noun that says place ("la localidad de Zala Ambesa",
"la aldea libanesa de Debel", "cerca de Adaise", "el alcalde de Urretxu"): a place,
unresolved, whatever the model calls it (not inside an organisation's or person's name)."""
from __future__ import annotations

from typing import Optional

from cronica.geo.document import DocView
from cronica.geo.document_rules import Spans, overlaps
from cronica.geo.function_words import FunctionWords
from cronica.geo.ner_places import geocoded_rows, province_by_key
from cronica.geo.normalize import fold, translit_key
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, sentence_initial



def capitalised_run(doc: DocView, i: int, fw: FunctionWords) -> int:
    """Index of the last capitalised word of the run from word i, joined by connectors
    ("Salvatierra de los Barros"), at most 6 words."""
    text, ft, words = doc.text, doc.ft, doc.words
    j, k, n = i, i + 1, len(words)
    while k < n and words[k][0] - words[k - 1][1] == 1 and text[words[k - 1][1]] in " -'":
        w = ft[words[k][0]:words[k][1]]
        if text[words[k][0]].isupper():
            j = k
        elif w not in fw.name_connectors or w in fw.conjunctions:
            break
        k += 1
        if k - i > 6:
            break
    return j


NEAR_SPELLING = 0.9   # a town after a place cue, matched under another spelling: only a close one
LONG_NAME = 7         # ... of a name long enough to be told apart ("Al Zir" is not)


def cue_mention(data: PlaceData, doc: DocView, i0: int, s1: int, e1: int, covered: Spans,
                focus: Optional[dict] = None) -> Optional[Mention]:
    cues, text, ft, words = data.cues, doc.text, doc.ft, doc.words
    surface = text[s1:e1]
    if (surface.isupper() and len(surface) > 1) or "\n" in surface or fold(surface) in cues.stopwords \
            or overlaps(covered, s1, e1):
        return None
    fwin = doc.fwin(s1)
    cue = doc.cue_at(cues, s1)
    if cue not in ("place", "part", "admin") or sentence_initial(text, s1) or any(
            w[:1].isupper() for w in text[max(0, s1 - 30):s1].split()[-3:]) or (
            ft[words[i0 - 1][0]:words[i0 - 1][1]] not in cues.words.of and cue != "part"):
        return None    # (not "el Centro de Profesores", "el alcalde Tarcisio Delgado")
    ent = doc.ent_at(s1, e1)
    if ent and (ent[0] < s1 or ent[1] > e1) and ent[2] != "LOC" or doc.in_org(s1, e1) or fold(surface) in cues.organisations:
        return None
    first = fold(surface.split(" ", 1)[0])
    if first in cues.org_heads or first in cues.landmark_heads:
        return None
    rows = data.gaz.rows_named(fold(surface))   # "el centro de Omagh": a town the story's countries did not vouch for
    rule = "cue:gazetteer" if rows else "cue:unresolved"
    if not rows and cue == "admin":
        rows = province_by_key(data, surface, focus or {})
        rule = "cue:admin-key" if rows else rule
    m = Mention(s1, e1, surface, fold(surface), rows, "cue", False, ent[2] if ent else None, cue, "location", [rule])
    if not rows and focus and not cues.quarter_words & set(fwin.split()[-3:]):
        # "del centro de Kostiantínivka": a town of the story's country, spelled otherwise (not "el barrio de X")
        m.rows = sorted(r for r, q in geocoded_rows(data, doc, m, focus).items() if q >= NEAR_SPELLING) \
            if len(m.key) >= LONG_NAME else []
        m.rule = ["cue:gazetteer-key"] if m.rows else m.rule
    if cues.in_org_name(doc.twin(s1)) or cues.is_actor(fwin):
        if not cues.institution_before(doc.twin(s1)):
            return None
        m.role = "actor_modifier"
        m.rule.append("role:inst")
    return m


def cue_mentions(data: PlaceData, doc: DocView, mentions: list[Mention], covered: Spans,
                 focus: Optional[dict] = None) -> None:
    cues, text, ft, words = data.cues, doc.text, doc.ft, doc.words
    fw, cue_words = doc.fwords or [ft[a:b] for a, b in words], cues.cue_words
    after = 0   # the first word not inside the last capitalised run read
    for i in [i for i in range(len(words)) if (i == 0 or fw[i - 1] in cue_words) and text[words[i][0]].isupper()]:
        s0, e0 = words[i]
        if i < after or overlaps(covered, s0, e0):
            continue
        j = capitalised_run(doc, i, data.cues.words)
        m = cue_mention(data, doc, i, s0, words[j][1], covered, focus)
        after = j + 1
        if m is not None:
            mentions.append(m)
            covered.append((m.start, m.end))


def capital_appositions(data: PlaceData, doc: DocView, mentions: list[Mention], covered: Spans,
                        focus: dict) -> None:
    """"con Talocán, capital de Tajar": a capitalised name right before ", capital de" is a town,
    whatever the model calls it; geocoded in the document's countries, else unresolved."""
    cues, text, ft, words = data.cues, doc.text, doc.ft, doc.words
    if not any(", " + phrase + " " in ft for phrase in cues.capital_after):
        return
    ends = {e: j for j, (_, e) in enumerate(words)}
    for phrase in cues.capital_after:
        at = ft.find(", " + phrase + " ")
        while at >= 0:
            m = _apposed_town(data, doc, ends.get(at), covered, focus)
            if m is not None:
                mentions.append(m)
                covered.append((m.start, m.end))
            at = ft.find(", " + phrase + " ", at + 1)
    mentions.sort(key=lambda m: m.start)


def apposed_towns(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """"Esmeraldas, capital de la provincia homónima", "Solhan, una localidad de la provincia de Yagha": a name the
    gazetteer knows, told as a town by what follows it, is read as a town (not the province of the same name)."""
    ft, after = doc.ft, data.cues.capital_after
    for m in mentions:
        if m.cue is None and ft.startswith(", ", m.end) and any(ft.startswith(p + " ", m.end + 2) for p in after):
            m.cue = "place"
            m.rule.append("cue:apposed-town")


def _apposed_town(data: PlaceData, doc: DocView, j: Optional[int], covered: Spans, focus: dict) -> Optional[Mention]:
    text, words = doc.text, doc.words
    if j is None or not text[words[j][0]].isupper():
        return None
    i = capitalised_start(doc, j, data.cues.words)
    s1, e1 = words[i][0], words[j][1]
    surface = text[s1:e1]
    if overlaps(covered, s1, e1) or surface.isupper() or fold(surface) in data.cues.stopwords \
            or fold(surface.split(" ", 1)[0]) in data.cues.org_heads or doc.in_org(s1, e1):
        return None
    ent = doc.ent_at(s1, e1)
    m = Mention(s1, e1, surface, fold(surface), [], "cue", False, ent[2] if ent else None, "place", "location",
                ["cue:capital"])
    m.rows = sorted(geocoded_rows(data, doc, m, focus))
    m.rule.append("gazetteer:key" if m.rows else "unresolved")
    return m


def capitalised_start(doc: DocView, j: int, fw: FunctionWords) -> int:
    """Index of the first capitalised word of the run ending at word j (connectors inside), at most 4 words."""
    text, ft, words = doc.text, doc.ft, doc.words
    i, k = j, j - 1
    while k >= 0 and j - k < 4 and words[k + 1][0] - words[k][1] == 1 and text[words[k][1]] in " -'":
        if text[words[k][0]].isupper():
            i = k
        elif ft[words[k][0]:words[k][1]] not in fw.name_connectors:
            break
        k -= 1
    return i
