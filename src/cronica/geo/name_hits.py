"""Step 1: gazetteer names found in the folded text, kept or dropped one by one.

A name is kept when capitalised, not a common word, and either *trusted* (curated alias,
country, province, big city) -- returned as such -- or a weak candidate (small town) that
`village_names` accepts only with support (a LOC entity, a cue, a country in focus).
"""
from __future__ import annotations

import re
from typing import Optional

from cronica.geo.codes import (FUNCTION_POS, LONE_PER_POP, LONE_TAKEN_POP, NAMESAKE_WINNERS, NEAR,
                               SHORT_WORLD_NAME, STRONG_POP, TRUST_CODES, TRUST_POP, WORLD_SOURCES,
                               WORLD_TOWN_POP)
from cronica.geo.document import DocView, Entity
from cronica.geo.function_words import kunya_name
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.hit_roles import assign_hit_role
from cronica.geo.name_context import capital_before
from cronica.geo.normalize import fold
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, is_capitalised, sentence_initial
from cronica.geo.roles import Cues
from cronica.geo.village_names import in_province_told, long_town_name

_CAPS_PREP = re.compile(r"(?:^|\s)(?:EN|DE|DESDE|HACIA|HASTA)\s+$")
TITLE_WINDOW = 40   # characters before a name read for a person's title


def big_named_town(g: Gazetteer, r: int, named: frozenset[str]) -> bool:
    """A town of TRUST_POP people or more in a country the text names."""
    return g.fcode[r].startswith("PPL") and g.pop[r] >= TRUST_POP and g.country[r] in named


def lone_town(g: Gazetteer, rows: list[int], key: str, s: int, e: int, ent: Entity,
              surnames: frozenset[str], sports: bool, min_pop: int = LONE_PER_POP, taken: bool = False,
              named: frozenset[str] = frozenset()) -> bool:
    """A one-word PER entity that is exactly a town of >= `min_pop` people in a country
    the gazetteer covers in detail (the conflict countries) -- or, right after a word of taking
    ground, any town of WORLD_TOWN_POP ("habían atacado Gori"), of one word or more ("tomaron Oum
    Hadjer": a person is taken with 'a') -- and not the surname of a person
    named in full elsewhere in the document (nor a sports piece)."""
    return (not sports and ent[0] == s and ent[1] == e and (" " not in key or taken) and key not in surnames
            and any(g.fcode[r].startswith("PPL") and g.pop[r] >= min_pop and (
                g.country[r] in g.detailed_countries or (taken and g.pop[r] >= WORLD_TOWN_POP)
                or big_named_town(g, r, named)) for r in rows))


def hit_rows(g: Gazetteer, cues: Cues, doc: DocView, s: int, e: int, key: str, ent: Optional[Entity]) -> list[int]:
    """Gazetteer rows a hit may name. Places known only from the world-wide list (cities of
    100,000+, their provinces) -- "Franca", "Breda", "Victoria" are names and words as often --
    only where the model says LOC, or a cue says which ("el estado de Victoria", "en Padua")."""
    rows = g.by_name.get(key, [])
    cue0 = doc.cue_at(cues, s)
    if any(g.fcode[r] in NAMESAKE_WINNERS for r in rows) or (
            len(key) <= SHORT_WORLD_NAME and cue0 not in ("place", "admin") and all(g.thin_world_town(r) for r in rows)):
        # "Cuba": the country, not a village of Portugal; "Sant Vicenç": a word, not Șanț, Romania
        rows = [r for r in rows if not g.thin_world_town(r)]
    if cue0 == "admin" or (ent and ent[2] == "LOC" and not rows and key not in doc.surnames):
        # "el departamento de Arauca", "en Cabo Delgado" (a name no town bears): the division,
        # named "Arauca Department"
        rows = rows + [r for r in g.admin1_by_bare_name.get(key, ()) if r not in rows]
        if cue0 == "admin" and not any(g.fcode[r] == "ADM1" for r in rows):   # "la región de Lugansk"
            rows = rows + [p for r in rows for p in g.province_named_after(r) if p not in rows]
    if ent and ent[2] == "LOC":
        return rows
    world = [r for r in rows if g.src[r] in WORLD_SOURCES]
    rows = [r for r in rows if g.src[r] not in WORLD_SOURCES]
    if world:
        if cue0 == "admin":
            rows += [r for r in world if g.fcode[r] == "ADM1"]
        elif (not (ent and ent[2] in ("PER", "ORG")) and (
                cue0 == "place" or cues.strong_prep_before(doc.ft[max(0, s - NEAR):s]))) \
                or (not (ent and ent[2] == "ORG") and cues.taken_before(doc.fwin(s))) \
                or doc.dateline_at(cues, s, e):   # ("habían atacado Gori": the model's person, judged later)
            rows += [r for r in world if g.fcode[r].startswith("PPL")]   # (or a dateline: "Padua ( Italia ) , 23 may")
        elif not (ent and ent[2] == "ORG") and key not in doc.surnames and not doc.sports:
            # a big town of a country the text names ("entre Jammu y Srinagar", in a story from India); any
            # town of it after a preposition of place ("cerca de Mpeketoni", the model's person, in Kenya)
            # or with a long name ("la reconquista de Mocímboa da Praia")
            near = cues.strong_prep_before(doc.ft[max(0, s - NEAR):s]) or cue0 == "place" \
                or long_town_name(key, cues.words.of)
            rows += [r for r in world if big_named_town(g, r, doc.named_countries) or (
                near and g.fcode[r].startswith("PPL") and g.country[r] in doc.named_countries)]
    return rows


def capitals_say_nothing(text: str, s: int, key: str, strong: bool, alias: bool) -> bool:
    """Headlines / acronyms in capitals ("FUNDACION", "OEA") -- but "JOVEN EN IBIZA",
    "SUICIDA DE ECIJA": a name after a preposition in a headline is kept."""
    if not strong or (len(key) <= 4 and not alias):
        return not (len(key) > 4 and _CAPS_PREP.search(text[max(0, s - 8):s]))
    return False


def ends_full_name(doc: DocView, ent: Entity, s: int, e: int) -> bool:
    """The name ends a person's name of two capitalised words or more before it."""
    before = doc.text[ent[0]:s].split()
    return ent[1] == e and ent[0] < s and len(before) >= 2 and all(w[:1].isupper() for w in before) \
        and not any(w.isupper() and len(w) > 2 for w in before)


def reads_as_person(data: PlaceData, doc: DocView, sdoc, m: Mention, ent: Optional[Entity],
                    rows: list[int], strong: bool, alias: bool, fwin: str) -> bool:
    """Person names ("Haider al Abadi", "Cristóbal Montoro"), the surname of a person named in
    full elsewhere, or one function word at a sentence start ("Tras", "Según")."""
    g, cues, key, s, e = data.gaz, data.cues, m.key, m.start, m.end
    if ent and ent[2] == "PER" and not strong and not m.cue:
        return True
    if not m.cue and cues.titled_person(doc.text[max(0, s - TITLE_WINDOW):s]):
        return True   # "el presidente electo Álvaro Obregón", "el general Emiliano Zapata": the person
    if ent and ent[2] == "PER" and (ent[1] - ent[0]) > (e - s) and not alias and not m.cue:
        return True
    if ent and ent[2] == "PER" and not m.cue and ends_full_name(doc, ent, s, e) \
            and not any(g.fcode[r] == "PCLI" for r in rows):
        return True   # "el juez Manuel García Castellón", "Tomás López San Miguel": a surname, even an alias
    if " " not in key and key in doc.surnames and not alias and not m.cue and not cues.strong_prep_before(fwin) \
            and not any(g.fcode[r] in ("PCLI", "ADM1", "PPLC") for r in rows):
        return True   # the surname of a person named in full elsewhere ('Toledo' after 'Alejandro Toledo')
    if not strong and not m.cue and not cues.strong_prep_before(fwin) and kunya_name(cues.words, doc.text, s, e):
        return True   # "mató a Abu Baqir al Saadi": a man named by his kunya and his surname
    if not alias and " " not in key and sentence_initial(doc.text, s) and not m.cue:
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].pos_ in FUNCTION_POS and not (ent and ent[2] == "LOC"):
            return True
    return False


def cued_elsewhere(cues: Cues, doc: DocView, key: str) -> bool:
    """A surname that is a town ('Morales') once told as a place in the document ("la estación de
    Policía de Morales"): a place wherever else it stands (one sense per document)."""
    for mk in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", doc.ft):
        if doc.cue_at(cues, mk.start()) in ("place", "admin") or cues.institution_named(doc.text, mk.start()):
            return True
    return False


def _name_goes_on(text: str, e: int, of_words: frozenset[str]) -> bool:
    """A capitalised word follows, right after or after 'de' ("El Banco Central", "El Banco de Sabadell")."""
    nxt = text[e:e + 40].split()[:3]
    if nxt and nxt[0][:1].isupper() and text[e:e + 1] == " ":
        return True
    return len(nxt) >= 2 and fold(nxt[0]) in of_words and (nxt[1][:1].isupper() or (
        len(nxt) == 3 and fold(nxt[1]) not in of_words and nxt[2][:1].isupper() and len(nxt[1]) <= 3))


def _after_common_surname(text: str, s: int, surnames: frozenset[str]) -> bool:
    """The word right before the name is a capitalised common surname ("García Castellón", "López San Miguel")."""
    before = text[max(0, s - 20):s]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and fold(words[-1]) in surnames


def hit_mention(data: PlaceData, doc: DocView, sdoc, s: int, e: int, key: str) -> Optional[Mention]:
    """One gazetteer hit -> a Mention (trusted or weak, with its role), or None."""
    g, cues, text = data.gaz, data.cues, doc.text
    if text[e:e + 1] == "." and "." in text[s:e]:
        e += 1                                     # "EE. UU." keeps its last dot
    surface = text[s:e]
    if not is_capitalised(surface, cues.lowercase_heads) or (key in cues.capitals_only and not surface.isupper()):
        return None
    if key.rsplit(" ", 1)[-1] in cues.org_heads and _name_goes_on(text, e, cues.words.of):
        return None     # "El Banco Central Europeo", "El Banco de Sabadell": an organisation's name, not El Banco
    if _after_common_surname(text, s, cues.surnames):
        return None     # "García Castellón considera": a person's second surname
    if key in cues.accent_only_names and surface.lower() == key:
        return None     # "Para" opening a sentence; "Pará", the state, has its accent
    ent = doc.ent_at(s, e)
    rows = hit_rows(g, cues, doc, s, e, key, ent)
    if not rows:
        return None
    alias = any(key in g.anames[r] for r in rows)
    strong = alias or any(g.fcode[r] in ("PCLI", "ADM1", "PPLC", "RGN") or g.pop[r] >= STRONG_POP for r in rows)
    trusted = strong or (len(key) >= 4 and any(g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP for r in rows))
    if surface.isupper() and len(surface) > 1:
        if capitals_say_nothing(text, s, key, strong, alias):
            return None
        if not strong or (len(key) <= 4 and not alias):
            ent = None      # the model's entities say nothing inside a headline
    if cues.dedication(doc.fwin(s), key):
        return None     # "el santuario de San Antonio", "la iglesia de San Sebastián": the saint, no town
    m = Mention(s, e, surface, key, list(rows), "gazetteer", trusted)
    m.ner = ent[2] if ent else None
    fwin = doc.fwin(s)
    dl = doc.dateline_at(cues, s, e)
    m.cue = doc.cue_at(cues, s) or ("place" if dl or doc.in_region(e) else None)
    if m.cue == "place" and not dl and capital_before(cues, text, s, doc.hit_ends):
        m.cue = None    # "la base de Manda Bay": the cue is the longer name's, not "Bay"'s
    if cues.institution_named(text, s) or (not m.cue and in_province_told(data, doc, m, m.rows)):
        m.cue = m.cue or "place"     # "la estación de Policía de Morales": the town the institution serves;
        # "una mezquita de Al Musayyib, en la provincia de Babil": a town of that province, not a person
    if key in cues.surnames and m.cue not in ("place", "admin") and not cued_elsewhere(cues, doc, key):
        return None
    if key in cues.surnames and ent and ent[2] == "PER" and ent[0] < s and ent[1] == e and not dl:
        return None     # "Noel Pérez ( Moca )": a common surname ending a person's name, whatever follows it
    taken = cues.taken_before(fwin)
    if ent and ent[2] == "PER" and lone_town(g, rows, key, s, e, ent, doc.surnames, doc.sports,
                                             LONE_TAKEN_POP if taken else LONE_PER_POP, taken, doc.named_countries):
        # "Avdiivka fue capturada", "tomaron Bajmut": one word the model calls a person,
        # no full name in the document explains it, and it names a sizeable town (a smaller one
        # right after a word of taking ground: "llegaron a controlar Lalibela", "el control de Soledar")
        ent, m.ner, m.trusted = None, "LOC", True
        m.rule.append("per-as-place")
    if reads_as_person(data, doc, sdoc, m, ent, rows, strong, alias, fwin):
        return None
    if not assign_hit_role(data, doc, m, ent, rows, alias, dl, fwin):
        return None
    if m.trusted:
        m.rule.append("gazetteer:alias" if alias else "gazetteer:name")
    return m


def join_lost_conjunctions(g: Gazetteer, doc: DocView, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Castilla. León', 'Bosnia. Herzegovina': two capitalised words where a text lost its 'y'
    (the dot glued to the first word) and 'X y Y' is a known name -- one hit over both."""
    text, words = doc.text, doc.words
    joined: list[tuple[int, int, str]] = []
    for i in [i for i in range(len(words) - 1) if words[i + 1][0] == words[i][1] + 2]:
        (s1, e1), (s2, e2) = words[i], words[i + 1]
        if text[e1:s2] != ". " or not (text[s1].isupper() and text[s2].isupper()):
            continue
        key = f"{doc.fwords[i]} y {doc.fwords[i + 1]}"
        if key in g.by_name:
            joined.append((s1, e2, key))
    if not joined:
        return hits
    kept = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _k in joined)]
    return sorted(kept + joined)


def glued_to_other_name(text: str, s: int, e: int, starts: set[int], ends: set[int]) -> bool:
    """'Donga-Mantung': a name joined by a hyphen to a capitalised word that is no place is part of a
    longer name (two places so joined, 'Mérida-Badajoz', are a pair: merge_compounds)."""
    if text[e:e + 1] == "-" and text[e + 1:e + 2].isupper() and e + 1 not in starts:
        return True
    before = text[max(0, s - 40):s]
    if not before.endswith("-") or s - 1 in ends:
        return False
    word = before[:-1].split()[-1] if before[:-1].split() else ""
    return word[:1].isupper() and word.isalpha()


_NEXT_WORD = re.compile(r" (\S+)")


def longer_unknown_name(data: PlaceData, text: str, s: int, e: int, key: str, starts: set[int]) -> bool:
    """'el distrito de Villa María del Triunfo': a town's name going on with "del" (an article may
    follow) and a capitalised word that starts no other place is the beginning of a longer name the
    gazetteer lacks (not Villa María, Argentina); a country, province or curated name stays itself
    ("el Irak de Sadam")."""
    fw = data.cues.words
    m = _NEXT_WORD.match(text, e)
    if m is None or fold(m.group(1)) not in fw.of or data.trusted_name(key):
        return False
    m = _NEXT_WORD.match(text, m.end())
    if m is not None and fold(m.group(1)) in fw.articles:
        m = _NEXT_WORD.match(text, m.end())
    word = m.group(1) if m is not None else ""
    return word[:1].isupper() and word[1:2].islower() and m.start(1) not in starts


def gazetteer_mentions(data: PlaceData, doc: DocView, sdoc,
                       hits: list[tuple[int, int, str]]) -> tuple[list[Mention], list[Mention]]:
    """(trusted mentions, weak candidates) from the gazetteer's hits."""
    mentions: list[Mention] = []
    weak: list[Mention] = []
    starts, ends = {s for s, _, _ in hits}, {e for _, e, _ in hits}
    for s, e, key in hits:
        if glued_to_other_name(doc.text, s, e, starts, ends) or longer_unknown_name(data, doc.text, s, e, key, starts):
            continue
        m = hit_mention(data, doc, sdoc, s, e, key)
        if m is not None:
            (mentions if m.trusted else weak).append(m)
    return mentions, weak
