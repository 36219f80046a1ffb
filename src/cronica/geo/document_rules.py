"""Document-level rules: a lone name the model calls LOC accepted when it is a place elsewhere
in the document or listed with places, and one sense per document (a name taken as a place
once is the place where else it stands alone)."""
from __future__ import annotations

from cronica.geo.document import DocView
from cronica.geo.function_words import FunctionWords
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, sentence_initial
from cronica.geo.normalize import fold

Spans = list[tuple[int, int]]


def overlaps(spans: Spans, s: int, e: int) -> bool:
    return any(cs < e and s < ce for cs, ce in spans)


def in_list(fw: FunctionWords, text: str, m: Mention, loc_starts: set[int], loc_ends: set[int]) -> bool:
    """"los conflictos de Kosovo , Chechenia , Irak", "en Teruel y Pirineos": a name the model
    calls LOC between two listed places, or joined to one by a conjunction."""
    if sentence_initial(text, m.start):
        return False
    left = next((gap for gap in fw.list_gaps if m.start - len(gap) in loc_ends
                 and text[m.start - len(gap):m.start] == gap), None)
    right = next((gap for gap in fw.list_gaps if m.end + len(gap) in loc_starts
                  and text[m.end:m.end + len(gap)] == gap), None)
    return bool(left and right) or (left or "").strip() in fw.conjunctions or (right or "").strip() in fw.conjunctions


def named_as_actor(data: PlaceData, doc: DocView, s: int, e: int) -> bool:
    """Inside an organisation's name, named as an actor, or a team / person's affiliation."""
    cues = data.cues
    return cues.in_org_name(doc.twin(s)) or cues.is_actor(doc.fwin(s)) or \
        cues.affiliation(doc.text, s, e, doc.aff_per_ends, doc.hit_ends, doc.sports)


def accept_deferred(data: PlaceData, doc: DocView, mentions: list[Mention], deferred: list[Mention],
                    covered: Spans) -> None:
    """One sense per document ("Juiz de Fora será ..." after "en Juiz de Fora") or a list of places."""
    placed = {m.key for m in mentions if m.role == "location"}
    loc_starts = {m.start for m in mentions if m.role == "location"}
    loc_ends = {m.end for m in mentions if m.role == "location"}
    for m in deferred:
        if overlaps(covered, m.start, m.end):
            continue
        if " " not in m.key or m.key not in placed:
            if not in_list(data.cues.words, doc.text, m, loc_starts, loc_ends):
                continue
            m.rule[-1] = "ner:unresolved+list"
        if named_as_actor(data, doc, m.start, m.end):
            continue
        mentions.append(m)
        covered.append((m.start, m.end))


def sure_places(data: PlaceData, doc: DocView, mentions: list[Mention]) -> dict[str, Mention]:
    """Surface -> the first mention taken as a place on a cue, a dateline or a strong preposition
    (a name the model alone found: only of two words or more, "en Puerto Jordán")."""
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.role == "location" and len(m.key) > 3 and not m.text.isupper() and (
                m.cue in ("place", "admin", "part") or ((m.source in ("cue", "gazetteer") or " " in m.key) and (
                    "dateline" in m.rule or data.cues.strong_prep_before(doc.near(m.start))))):
            seen.setdefault(m.text, m)
    return seen


def inner_mentions(mentions: list[Mention], s1: int, e1: int) -> list[Mention]:
    """Mentions strictly inside [s1, e1): 'Jordán' in a repeated 'Puerto Jordán'."""
    return [m for m in mentions if s1 <= m.start and m.end <= e1 and (m.start, m.end) != (s1, e1)]


def _ends_with_of(data: PlaceData, head: str) -> bool:
    words = fold(head).split()
    return len(words) >= 2 and words[-1] in data.cues.words.of


def repeat_ok(data: PlaceData, doc: DocView, mentions: list[Mention], covered: Spans, m0: Mention,
              s1: int, e1: int) -> bool:
    """Another occurrence of a sure place's name, standing alone and not inside a longer name
    (a multi-word name may cover shorter names found inside it)."""
    text = doc.text
    inner = inner_mentions(mentions, s1, e1) if " " in m0.key else []
    spans = [sp for sp in covered if not any((m.start, m.end) == sp for m in inner)]
    others = [m for m in mentions if m not in inner]
    if (s1 and text[s1 - 1].isalnum()) or (e1 < len(text) and text[e1].isalnum()) \
            or overlaps(spans, s1, e1) or any(m.start < e1 and s1 < m.end for m in others):
        return False
    ent = doc.ent_at(s1, e1)
    if ent and ent[2] == "MISC" and ent[1] == e1 and _ends_with_of(data, text[ent[0]:s1]):
        ent = None   # "La batalla de Vukovar", "la masacre de Srebrenica": an event named after the place
    if ent and (ent[0] < s1 or ent[1] > e1 or (ent[2] in ("PER", "ORG") and m0.cue not in ("place", "admin", "part"))) \
            or doc.in_org(s1, e1):
        return False
    return not (named_as_actor(data, doc, s1, e1) or
                data.cues.in_longer_name(text, s1, e1, doc.hit_starts, doc.hit_ends, doc.weather))


def repeat_places(data: PlaceData, doc: DocView, mentions: list[Mention], covered: Spans) -> None:
    """A name taken as a place once ("en Lavapiés") is the place where else it stands alone,
    capitalised ("sobre Lavapiés", "Lavapiés tiene ...")."""
    text = doc.text
    for surface, m0 in sure_places(data, doc, mentions).items():
        start = 0
        while True:
            s1 = text.find(surface, start)
            if s1 < 0:
                break
            e1 = s1 + len(surface)
            start = e1
            if not repeat_ok(data, doc, mentions, covered, m0, s1, e1):
                continue
            for m in inner_mentions(mentions, s1, e1) if " " in m0.key else []:
                mentions.remove(m)
                covered[:] = [sp for sp in covered if sp != (m.start, m.end)]
            ent = doc.ent_at(s1, e1)
            mentions.append(Mention(s1, e1, surface, m0.key, list(m0.rows), m0.source, False,
                                    ent[2] if ent else None, None, "location", m0.rule[:1] + ["doc:repeat"]))
            covered.append((s1, e1))
    mentions.sort(key=lambda m: m.start)


def demonym_countries(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """'el departamento colombiano del Cauca', 'la localidad libanesa de Chebaa': the name is read in
    the country the adjective names (unresolved when the gazetteer has it only elsewhere); not a capitalised
    adjective of a name ("el Instituto Francés de Bobo-Dioulasso": a French institute, a Burkinabe town)."""
    g = data.gaz
    for m in mentions:
        cc = data.cues.demonym_before(doc.fwin(m.start)) if m.rows and not _named_adjective(doc, m.start) else None
        if cc:
            m.rows = [r for r in m.rows if g.country[r] == cc]


def _named_adjective(doc: DocView, start: int) -> bool:
    """The word before 'de' (and the name at `start`) is capitalised: an adjective inside a proper name."""
    ws = doc.twin(start).split()
    return len(ws) >= 2 and ws[-2][:1].isupper()


def country_lists(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """'Nigeria, Níger, Camerún y Benín': a name listed with countries is read as the country it may be,
    not a namesake town of the story's country (Benin City)."""
    g = data.gaz
    country = [any(g.fcode[r] == "PCLI" for r in m.rows) for m in mentions]
    for i, m in enumerate(mentions):
        if not country[i]:
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(mentions) and country[j] and any(
            g.fcode[r] == "PCLI" and len(g.by_name.get(mentions[j].key, ())) == 1 for r in mentions[j].rows)]
        if any(doc.text[min(m.end, mentions[j].end):max(m.start, mentions[j].start)] in data.cues.words.list_gaps
               for j in near):
            m.rows = [r for r in m.rows if g.fcode[r] == "PCLI"]
            m.rule.append("country-list")


def actor_lists(data: PlaceData, doc: DocView, mentions: list[Mention]) -> None:
    """'aparatos de Estados Unidos, el Reino Unido, Francia y Australia', 'los batallones de Brasil, Perú y
    Jordania': countries listed after one named as an actor (or an organisation's) are actors too, not
    where anything happened."""
    g, gaps = data.gaz, data.cues.words.list_gaps
    for a, b in zip(mentions, mentions[1:]):
        if not {"role:actor", "role:actor-list", "role:org"} & set(a.rule) or a.role != "actor_modifier" \
                or b.role != "location" \
                or not _is_country(g, a) or not _is_country(g, b):
            continue
        gap = doc.ft[a.end:b.start]
        words = gap.split()
        bare = gap.rstrip()[:-len(words[-1])] if words and words[-1] in data.cues.words.articles else gap
        if gap in gaps or bare in gaps:
            b.role = "actor_modifier"
            b.rule.append("role:actor-list")


def _is_country(g: Gazetteer, m: Mention) -> bool:
    return any(g.fcode[r] == "PCLI" for r in m.rows)
