"""Step 2: the model's LOC entities the gazetteer did not cover, minus organisations and
common words, resolved with the geocoder (transliteration keys, fuzzy near misses)."""
from __future__ import annotations

import re
from typing import Optional

from rapidfuzz import fuzz

from cronica.geo.codes import NOT_CLUBS, TRUST_CODES, TRUST_POP, WORLD_SOURCES
from cronica.geo.function_words import kunya_name
from cronica.geo.document import DocView
from cronica.geo.geocode import candidates as geo_candidates
from cronica.geo.normalize import fold, skeleton, translit_key
from cronica.geo.name_context import team_in_brackets
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, words_of

_DE_INSIDE = re.compile(r"\s(?:de|del)\s")
_DE_TAIL = re.compile(r"\s(?:de|del|de la|de las|de los)\s+$")
_TOWN_TAIL = re.compile(r"\s+(?:de|del|de la|de las|de los|la|el|las|los|da|do|das|dos)\s+"
                        r"[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*)?")
_STRONG = (["en"], ["desde"], ["hacia"], ["hasta"])


def trim_entity(data: PlaceData, doc: DocView, s: int, e: int) -> Optional[tuple[int, int, str, str]]:
    """Drop leading lower-case words ("provincia de Toledo" -> "Toledo"), but keep a facility
    ("estadio del Milenio"); (start, end, surface, key) or None for a common word / organisation."""
    cues, text, ft = data.cues, doc.text, doc.ft
    sub = words_of(ft[s:e])
    k = 0
    first_w = ft[s + sub[0][0]:s + sub[0][1]] if sub else ""
    landmark = first_w in cues.landmark_heads and len(sub) > 1 and not _division_of(cues, text, ft, s, sub)
    while not landmark and k < len(sub) and not text[s + sub[k][0]].isupper():
        k += 1
    if k == len(sub):
        return None
    s2 = s + sub[k][0]
    surface = text[s2:e].rstrip(" .,;:")
    key = fold(surface)
    if not key or key in cues.stopwords or key in cues.organisations:
        return None
    return s2, s2 + len(surface), surface, key


def _division_of(cues, text: str, ft: str, s: int, sub: list[tuple[int, int]]) -> bool:
    """'provincia de Bumerdés': a division's noun and its 'de' before the name (trimmed to the name, read as
    a division), not a landmark's name ('provincia Centro-Norte' stays whole)."""
    k = next((i for i, (a, _b) in enumerate(sub) if text[s + a].isupper()), None)
    return bool(k) and bool(cues.admin_re.search(ft[s:s + sub[k][0]].rstrip()))


def head_words(key: str, articles: frozenset[str]) -> list[str]:
    kws = key.split(" ")
    while len(kws) > 1 and kws[0] in articles:
        kws = kws[1:]
    return kws


def keeps_gazetteer_span(data: PlaceData, doc: DocView, s2: int, e2: int, inside: list[Mention]) -> bool:
    """"río Tigris", "Mosul.": the entity adds nothing but lower-case / capitals words to the
    gazetteer's name inside it -- keep the gazetteer span."""
    if all(m.start == s2 and m.end == e2 for m in inside) or len(inside) > 1:
        return True
    text = doc.text
    extra = (text[s2:inside[0].start] + " " + text[inside[0].end:e2]).split()
    return not any(w[:1].isupper() for w in extra) or any(w.isupper() and len(w) > 1 for w in extra) \
        or not all(w[:1].isupper() or fold(w) in data.cues.words.name_connectors or fold(w) in data.cues.landmark_heads for w in extra) \
        or (inside[0].start == s2 and any(fold(w) in data.cues.org_heads for w in extra)
            and not _TOWN_TAIL.fullmatch(text, inside[0].end, e2))   # "Cádiz de la Consejería ...", not "Soto del Real"


def town_club(data: PlaceData, key: str) -> bool:
    """"El Valencia", "El Villarreal": a town's club, not a town called "El ..."."""
    g = data.gaz
    rest = key[3:] if key.startswith("el ") else ""
    return bool(rest) and key not in g.by_name and any(g.fcode[r].startswith("PPL") for r in g.by_name.get(rest, ())) \
        and not any(g.fcode[r] in NOT_CLUBS for r in g.by_name.get(rest, ()))


SPELLED_ALIKE = 70   # rapidfuzz ratio: "Bagdad" / "baghdad" 92, "Zobe" / "dubai" 44


def spelled_alike(folded: str, names) -> bool:
    """A key match abroad must also read like one of the place's names ("Zobe" is not Dubai) and lie
    in a country the document is about ("Chebaa" in a Lebanese story is not La Ceiba, Honduras)."""
    return any(fuzz.ratio(folded, n) >= SPELLED_ALIKE or n.startswith(folded + " ") for n in names)   # "Cauca Department"


SHORT_NAME = 3   # letters: a name this short abroad ("Bel" in Syria's Palmyra is not Biel) needs the story's country


def geocoded_rows(data: PlaceData, doc: DocView, m: Mention, focus: dict) -> dict[int, float]:
    """Exact names anywhere; transliteration keys for notable places or in the document's
    country; skeleton / fuzzy only in the document's country (fuzzy only where transliteration
    varies). A lone name that is only a small town somewhere, with no preposition: none."""
    g = data.gaz
    focus_cc = max(focus, key=focus.get) if focus else None
    cands = geo_candidates(m.text, focus_cc, None, g, fuzzy=focus_cc in g.translit_countries)
    folded = fold(m.text)
    short = len(folded) <= SHORT_NAME
    good = {r: q for r, q in cands.items()
            if (q >= 1.0 and not (short and focus and g.country[r] not in focus))
            or (q >= 0.95 and (g.src[r] not in WORLD_SOURCES or focus.get(g.country[r], 0) > 0)
                            and (g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP)
                            and (g.country[r] == focus_cc or (spelled_alike(folded, g.names[r])
                                                               and (not focus or g.country[r] in focus))))
            or (focus_cc and g.country[r] == focus_cc and q >= 0.8)}
    prep = bool(m.cue) or data.cues.prep_before(doc.near(m.start))
    if good and not prep and not any(
            g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP or (
                focus_cc in g.translit_countries and g.country[r] == focus_cc) or (
                g.country[r] == focus_cc and good[r] >= 1.0) for r in good):   # exact name in the document's country
        return {}
    return good


def longer_town_name(data: PlaceData, doc: DocView, m: Mention, inside: list[Mention]) -> bool:
    """"Valdetorres del Jarama", "Soto del Real", "Andorra la Vella": the model's entity is a
    town named "X de Y" whose first part alone is another place in the gazetteer (or a saint's
    town named after the place it ends with: "Sant Vicenç de Torelló")."""
    if not inside:
        return False
    g = data.gaz
    if inside[0].end == m.end and fold(m.text.split()[0]) in data.cues.saint_words and len(inside) == 1 \
            and _DE_TAIL.search(doc.text[m.start:inside[0].start]):
        return True     # "Sant Vicenç de Torelló": a saint's town named after another
    if inside[0].start != m.start:
        return False
    tail = _TOWN_TAIL.fullmatch(doc.text, inside[0].end, m.end)
    return bool(tail) and m.text.split()[-1][:1].isupper() and not any(
        g.fcode[r] in ("PCLI", "ADM1", "RGN", "CONT") for r in inside[0].rows)


def named_like_town(text: str, s: int, inner: int) -> bool:
    """One capitalised head word right before the place's name, no 'de' between: "Puerto
    Jordán", "Villa Rica" (a town's name), unlike "puerto de Jordán", "Universidad de Mosul"."""
    head = text[s:inner].split()
    return len(head) == 1 and head[0][:1].isupper() and text[s:inner].endswith(" ")


def site_before_town(doc: DocView, m: Mention, inside: list[Mention]) -> bool:
    """"el Palacio de la Magdalena de Santander": m becomes the palace (a landmark, unresolved), the
    town stays a place of its own; not "el Palacio de Navarra" (named after the place)."""
    text = doc.text
    if len(inside) != 1 or inside[0].end != m.end:
        return False
    tail = _DE_TAIL.search(text, m.start, inside[0].start)
    if tail is None or len(text[m.start:tail.start()].split()) < 3:
        return False
    m.end, m.text = tail.start(), text[m.start:tail.start()]
    m.key, m.source, m.cue, m.rows = fold(m.text), "landmark", "part", []
    m.rule.append("landmark:site")
    return True


MIN_DIVISION_SKELETON = 4   # consonants a province's name needs to be matched on them alone


def province_by_key(data: PlaceData, surface: str, focus: dict) -> list[int]:
    """'la provincia meridional de Di Qar': a province of a country the document is about, by its
    transliteration key (Dhi Qar)."""
    g = data.gaz
    key = translit_key(surface)
    rows = [r for r in g.by_key.get(key, ()) if g.fcode[r] == "ADM1" and focus.get(g.country[r], 0) > 0]
    if rows or len(skel := skeleton(key)) < MIN_DIVISION_SKELETON:
        return rows
    # "la provincia de Komondjari" (GeoNames: Komandjoari): the one division of the story's main country
    # with the same consonants
    rows = [r for r in g.by_skel.get(skel, ()) if g.fcode[r] in ("ADM1", "ADM2") and focus.get(g.country[r]) == 1.0]
    return rows if len(rows) == 1 else []


def resolve_entity(data: PlaceData, doc: DocView, m: Mention, inside: list[Mention], landmark: bool,
                   focus: dict, deferred: list[Mention]) -> bool:
    """Rows for an uncovered LOC entity, or the place it contains, or kept unresolved; False: drop
    (or deferred: a lone word accepted only if a place elsewhere in the document)."""
    cues, text, s2, e2 = data.cues, doc.text, m.start, m.end
    if not any(c.isupper() for c in m.text):
        return False   # no name in it: the model's "provincia de" before "Esmeraldas"
    if (bare := fold(m.text)) in cues.street_heads or bare in cues.place_heads:
        return False   # a noun of place alone ("la organización rival del Golfo"): no name to look up
    good = geocoded_rows(data, doc, m, focus)
    if good:
        m.rows = sorted(good)
        m.rule.append("ner+gazetteer:" + ("exact" if max(good.values()) >= 1.0 else "key"))
        return True
    if m.cue == "admin" and (rows := province_by_key(data, m.text, focus)):
        m.rows = rows
        m.rule.append("ner+gazetteer:admin-key")
        return True
    if longer_town_name(data, doc, m, inside) and not landmark:
        m.rule.append("ner:longer-name")
        return True
    if inside and inside[0].end == e2 and _DE_TAIL.search(text[s2:inside[0].start]) and not (
            landmark and len(text[s2:inside[0].start].split()) <= 2):
        # (not "Estadio de Francia", "Palacio de Navarra": a landmark named after the place)
        # "Hospital Clínico de Barcelona", "Palacio de la Magdalena de Santander": the town
        # is a place of its own (kept as found), the name before it an institution / facility
        return False
    # ("Puerto Jordán", "Villa Rica": a town's own name, not a port of Jordán -- kept whole below)
    # ("Museo Reina Sofía": a landmark named after someone, no "de" before the name: not in Sofia)
    own_name = inside and landmark and (named_like_town(text, s2, inside[0].start)
                                        or not _DE_INSIDE.search(text[s2:inside[0].start] + " "))
    if inside and not own_name and (landmark or cues.dateline(text, s2, e2) or (
            inside[0].trusted and inside[0].start > s2 and _DE_INSIDE.search(m.text))):
        # (not "Santiago Fisas", "Caixa Galicia": a person's / company's name)
        # "Universidad de Mosul", "Basílica de ... de Guadalupe": the place it is in
        m.rows, m.key, m.cue = inside[0].rows, inside[0].key, "part"
        m.rule.append("ner+gazetteer:contains")
        return True
    if m.text.isupper():
        return False
    if not (m.cue or landmark) and not cues.prep_before(doc.near(s2)) or (
            not landmark and not m.cue and not cues.strong_prep_before(doc.near(s2))):
        # a lone capitalised word the model calls LOC: too often a person / team, and
        # "de Telefónica", "a Arias", "del Nantes": a weak preposition says little.
        # Kept aside: accepted if the same name is a place elsewhere in the document.
        if not inside:
            m.rule.append("ner:unresolved+doc")
            deferred.append(m)
        return False
    m.rule.append("ner:unresolved")
    return True


def entity_role(data: PlaceData, doc: DocView, m: Mention) -> None:
    cues, text, s2, e2 = data.cues, doc.text, m.start, m.end
    inst = cues.institution_before(doc.twin(s2))
    if cues.dateline(text, s2, e2):
        m.rule.append("dateline")
    elif cues.in_org_name(doc.twin(s2)):
        m.role = "actor_modifier"
        m.rule.append("role:inst" if inst else "role:org")
    elif cues.is_actor(doc.fwin(s2)):
        m.role = "actor_modifier"
        m.rule.append("role:inst" if inst else "role:actor")
    elif cues.affiliation(text, s2, e2, doc.aff_per_ends, doc.hit_ends, doc.sports):
        m.role = "actor_modifier"
        m.rule.append("role:affiliation")


def entity_mention(data: PlaceData, doc: DocView, s: int, e: int, mentions: list[Mention],
                   covered: list[tuple[int, int]], focus: dict, deferred: list[Mention]) -> None:
    cues = data.cues
    inside = [m for m in mentions if s <= m.start and m.end <= e]
    if any(cs < e and s < ce for cs, ce in covered) and not inside:
        return  # partial overlap: the gazetteer span wins
    if doc.in_org(s, e) and not inside:
        return
    trimmed = trim_entity(data, doc, s, e)
    if trimmed is None:
        return
    s2, e2, surface, key = trimmed
    kws = head_words(key, cues.words.articles)
    if kws[0] in cues.org_heads or " ".join(kws[:2]) in cues.org_heads:
        return
    landmark = len(kws) > 1 and (kws[0] in cues.landmark_heads or " ".join(kws[:2]) in cues.landmark_heads)
    if inside and keeps_gazetteer_span(data, doc, s2, e2, inside):
        return
    m = Mention(s2, e2, surface, key, [], "ner", False, "LOC")
    m.cue = doc.cue_at(cues, s2) or (
        "place" if doc.in_region(e2) or doc.dateline_at(cues, s2, e2) else None)
    if key in doc.surnames and not m.cue and doc.near(s2).split()[-1:] not in _STRONG:
        return   # "Toledo" after "Alejandro Toledo" in the same document: the person
    if not m.cue and kunya_name(cues.words, doc.text, s2, e2):
        return   # "Abu Baqir al Saadi": a man
    if town_club(data, key):
        return
    if doc.sports and " " not in key and team_in_brackets(doc.text, e2):
        return   # "Cubillo ( At. Madrid )": in a sports piece, a player and his team
    if landmark and kws[0] in cues.site_heads and site_before_town(doc, m, inside):
        entity_role(data, doc, m)
        mentions.append(m)
        covered.append((m.start, m.end))
        return
    if not resolve_entity(data, doc, m, inside, landmark, focus, deferred):
        return
    if inside:
        mentions.remove(inside[0])
    entity_role(data, doc, m)
    mentions.append(m)
    covered.append((s2, e2))


def entity_mentions(data: PlaceData, doc: DocView, mentions: list[Mention],
                    focus: dict) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Add the LOC entities' mentions to `mentions`; return (deferred lone names, covered spans)."""
    covered = [(m.start, m.end) for m in mentions]
    deferred: list[Mention] = []
    for s, e, lab in doc.ents:
        if lab == "LOC":
            entity_mention(data, doc, s, e, mentions, covered, focus, deferred)
    return deferred, covered
