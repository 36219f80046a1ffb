"""Where: the event's place from its clause, its sentence, or the document's focus."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional

from cronica.events.syntax import (SUBORDINATE, ancestors, case_of, clause_verb, coordinated, is_verbal, keys,
                                   other_clause, token_at, tree_distance)
from cronica.text.layout import lead_paragraph
from cronica.text.normalize import fold
from cronica.model import ActorMention, Place, Span, km

WATER = {"STM", "STMS", "RIV", "LK", "LKS", "RSV", "SEA", "BAY", "GULF", "OCN", "CNL", "STRT", "CHN", "WTRC"}
BEYOND_COUNTRY = {"CONT", "RGNE"}   # a continent is never an event's location (ACLED codes inside a country)


@dataclass(frozen=True)
class Where:
    place: Place
    source: str          # clause, sentence, focus
    rule: str


NEAR = 2   # tree steps: a place this close to the trigger is its own, before a finer one of a coordinated verb


def rank(place: Place) -> float:
    """Towns first, then other features, regions (a province before a country's compass part: "en el
    departamento de Alibori, en el norte de Benín"), countries; water never."""
    fc = (place.feature_code or "").upper()
    if fc in WATER or fc.startswith("STM") or fc in BEYOND_COUNTRY:
        return 9
    if fc.startswith("PPL"):
        return 0
    if fc.startswith("PCL") or place.precision >= 3 and fc.startswith("ADM0"):
        return 3
    if fc == "RGN" and "+compass:" in place.rule and not place.admin1:
        return 2.5
    if fc in ("ADM1", "RGN", "ADMD"):
        return 2
    return 1


def usable(place: Place, actors: list[ActorMention]) -> bool:
    """A place an event can be at: a location, or the town an institution is named by ('el
    ayuntamiento de San Miguel Totolapan', rule role:inst) or a building's name ends with ('la Universidad
    Bacha Khan de Charsadda', role:in-facility) -- never a country named as an actor."""
    inst = place.role == "actor_modifier" and bool({"role:inst", "role:in-facility"} & set(place.rule.split("+")))
    if (place.role != "location" and not inst) or place.lat is None or place.lon is None or rank(place) >= 9:
        return False
    if inst and rank(place) >= 2:
        return False   # a region an office governs ("el gobernador de Coahuila") is no event's place
    return not any(a.span.start < place.span.end and place.span.start < a.span.end for a in actors)


def inside_area(town: Place, area: Place) -> bool:
    """Is the town in the area: its country, and its province when the area is one?"""
    if town.country != area.country:
        return False
    return rank(area) >= 2.5 or not area.admin1 or town.admin1 == area.admin1


def as_location(place: Place) -> Place:
    """Country-only places are geo_precision 3."""
    return replace(place, precision=3) if rank(place) == 3 else place


def across_border(tok, border_nouns: frozenset[str], partner_marks: frozenset[str] = frozenset()) -> bool:
    """'junto a la frontera con Irak': the neighbour named by a border is not where the event was, nor a
    noun's partner ('el aniversario de la guerra con Irak', 'un acuerdo con Colombia')."""
    return tok.dep_ in ("nmod", "obl") and fold(tok.head.lemma_) in border_nouns \
        or bordering(tok, border_nouns, partner_marks) or (tok.dep_ == "nmod" and bool(case_of(tok) & partner_marks))


def bordering(tok, border_nouns: frozenset[str], partner_marks: frozenset[str]) -> bool:
    """'esta ciudad fronteriza con Estados Unidos': the neighbour a border adjective names (not 'el paso
    fronterizo de Nasib', the crossing's own name)."""
    return tok.dep_ == "nmod" and bool(case_of(tok) & partner_marks) and any(
        c.dep_ == "amod" and fold(c.lemma_) in border_nouns for c in tok.head.children if c.i < tok.i)


def _launched_from(tok, trigger, launch: tuple[frozenset[str], frozenset[str]]) -> bool:
    """'un misil lanzado desde un bombardero sobre la región de Kursk': where a weapon was fired from
    is not where it struck (not 'la operación lanzada ayer en la Penha')."""
    words, origins = launch
    return any(a.i != trigger.i and a.dep_ in ("amod", "acl") and keys(a) & words
               and any(case_of(c) & origins for c in a.children) for a in ancestors(tok, 4))


def _subject_origin(tok, trigger, origins: frozenset[str]) -> bool:
    """'El grupo, … dirigido desde el norte de Malí por Belmojtar, presentó la operación como …': where the
    subject of the trigger's clause comes from, told in a clause describing it, is not where the event was."""
    subjects = {c.i for c in clause_verb(trigger).children if c.dep_.startswith("nsubj")}
    origin = bool(case_of(tok) & origins)
    verbal = False
    for a in ancestors(tok, 10):
        if a.i in subjects:
            return origin and verbal
        if is_verbal(a):
            verbal = True
        elif not verbal and case_of(a) & origins:
            origin = True     # ("desde el norte de Malí": the origin word is the compass noun's)
    return False


def route_ends(places: list[Place], text: str, route: tuple[frozenset[str], frozenset[str]],
               trip_ends: frozenset[str] = frozenset(),
               roads: tuple[frozenset[str], frozenset[str], frozenset[str]] = (frozenset(),) * 3) -> set[int]:
    """'regresaban en un convoy de Puerto Vallarta a Guadalajara': the two ends of a trip (their starts); so is
    a place told as one ("un vuelo procedente de Tel Aviv", "con destino a Kabul"), and so are the towns a road
    joins ("por la carretera entre Kabul y Kandahar")."""
    froms, tos = route
    road_nouns, between, joiners = roads
    ends = {p.span.start for p in places if _after_phrase(text, p.span.start, trip_ends)}
    for p, q in zip(places, places[1:]):
        gap = fold(text[p.span.end:q.span.start]).split()
        before = fold(text[max(0, p.span.start - 40):p.span.start]).split()
        if before and before[-1] in froms and gap and gap[0] in tos and len(gap) <= 2:
            ends.update((p.span.start, q.span.start))
        elif before[-1:] and before[-1] in between and set(before[-4:-1]) & road_nouns and len(gap) == 1 \
                and gap[0] in joiners:
            ends.update((p.span.start, q.span.start))
    return ends


def _after_phrase(text: str, start: int, phrases: frozenset[str]) -> bool:
    """Do the words right before `start` end with one of `phrases` ("procedente de")?"""
    before = " ".join(fold(text[max(0, start - 24):start]).split())
    return any(before == ph or before.endswith(" " + ph) for ph in phrases)


@dataclass(frozen=True)
class PlaceWords:
    """The language's words the event-place rules read (lang/<lang>/events.yaml)."""
    border_nouns: frozenset[str] = frozenset()    # "junto a la frontera con Irak"
    town_nouns: frozenset[str] = frozenset()      # "volvió a entrar en la ciudad"
    launch: frozenset[str] = frozenset()          # "un misil lanzado desde …"
    origins: frozenset[str] = frozenset()         # ... "desde"
    route_from: frozenset[str] = frozenset()      # "de Puerto Vallarta a Guadalajara"
    route_to: frozenset[str] = frozenset()
    located: frozenset[str] = frozenset()         # "la cárcel, situada en Támara"
    plain_marks: frozenset[str] = frozenset()     # "que": no subordinator of its own
    facilities: frozenset[str] = frozenset()      # "el Hospital Saudí": a building of the story's town
    purposes: frozenset[str] = frozenset()        # "para viajar a la Ciudad de México": a place aimed at
    speakers: frozenset[str] = frozenset()        # "Rusia sostuvo que …": a place that speaks is an actor
    distance_units: frozenset[str] = frozenset()  # "a 250 kilómetros al noreste de Asunción": a reference point
    of_words: frozenset[str] = frozenset()        # "el gobernador de Coahuila": a noun's complement
    directions: frozenset[str] = frozenset()      # "en Kumanovo, al noreste de Skopie": a reference point
    partner_marks: frozenset[str] = frozenset()   # "la guerra con Irak": a noun's partner
    this_words: frozenset[str] = frozenset()      # "en un hospital de esta ciudad": the dateline's town
    trip_ends: frozenset[str] = frozenset()       # "un vuelo procedente de Tel Aviv": where a trip began or ends
    roads: frozenset[str] = frozenset()           # "la carretera entre Kabul y Kandahar": the towns it joins
    road_between: frozenset[str] = frozenset()    # ... "entre"
    road_joiners: frozenset[str] = frozenset()    # ... "y"
    opposed: frozenset[str] = frozenset()         # "marcharon en Lima contra la represión en Cajamarca"
    transfer: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())   # "trasladado a Mogadiscio"
    meetings: frozenset[str] = frozenset()        # "las negociaciones de paz de Ginebra": where talks were held
    based: frozenset[str] = frozenset()           # "dos F-16 con base en Aviano": where the attackers are based
    campaigns: frozenset[str] = frozenset()       # "los primeros ataques de Washington": a capital that attacks

    @classmethod
    def of(cls, cue) -> "PlaceWords":
        """From a lexicon's `cue(name)`."""
        return cls(cue("border_nouns"), cue("town_nouns"), cue("launch_words"), cue("launch_origins"),
                   cue("route_from_words"), cue("route_to_words"), cue("located_words"), cue("plain_marks"),
                   cue("facility_nouns"), cue("purpose_markers"),
                   cue("reporting_verbs") | cue("claim_verbs") | cue("accuse_verbs") | cue("blame_verbs")
                   | cue("stance_verbs"),
                   cue("distance_units"), cue("of_words"), cue("reference_directions"), cue("partner_marks"),
                   cue("this_words"), cue("trip_end_phrases"), cue("road_nouns"),
                   cue("road_between_words"), cue("road_joiners"), cue("protest_against_words"),
                   (cue("transfer_verbs"), cue("transfer_cases")), cue("meeting_nouns"), cue("based_phrases"),
                   cue("campaign_nouns"))


NEAR_KM = 30   # kilometres: a place this near stands for a village the gazetteer lacks


TAKEN_REACH = 5   # words from a verb of taking ("trasladado en avión a") to the place


def _taken_to(tok, trigger, transfer: tuple[frozenset[str], frozenset[str]]) -> bool:
    """'arrestado el jueves … y trasladado en avión a Mogadiscio': the place someone was taken to by another verb
    than the trigger's is not where the trigger happened."""
    verbs, cases = transfer
    if tok.i == 0 or fold(tok.doc[tok.i - 1].text) not in cases:
        return False
    for t in reversed(tok.doc[max(0, tok.i - TAKEN_REACH):tok.i - 1]):   # (the parse may hang the place elsewhere)
        if t.is_punct:
            return False
        if keys(t) & verbs:   # (an event told after the taking may well be there: "trasladados a Colombo …
            return trigger.i < t.i   # y la noche siguiente comenzaron los disturbios")
    return False


def _distance_from(tok, units: frozenset[str], span: int = 6) -> bool:
    """'a unos 250 kilómetros al noreste de Asunción': a distance of more than NEAR_KM counted from the place,
    a few words before it (a place 14 km away is near enough to stand for the event's)."""
    before = tok.doc[max(tok.sent.start, tok.i - span):tok.i]
    for t in before:
        if fold(t.text) in units and t.i > 0:
            number = tok.doc[t.i - 1].text.replace(".", "")
            return number.isdigit() and int(number) > NEAR_KM
    return False


def _direction_from(p: Place, here: list[Place], text: str, directions: frozenset[str]) -> bool:
    """'en Kumanovo, al noreste de Skopie': a place a direction is counted from, right after the place named."""
    if not directions:
        return False
    before = next((q for q in reversed(here) if q.span.end <= p.span.start and q.lat is not None), None)
    if before is None:
        return False
    gap = " ".join(fold(text[before.span.end:p.span.start]).split())
    return gap.startswith(", ") and gap[2:] in directions


CONTAINER_GAP = 60   # characters: "Asunción Nochixtlán, en la región mixteca del estado de Oaxaca"
METRO_KM = 80        # a city this near a town told as its container holds it ("Suzano, en la región metropolitana
                     # de São Paulo"), whatever province the gazetteer gives each


def _container_after(p: Place, here: list[Place], text: str) -> bool:
    """Is the place told only as the province or region a town just named is in ("a su paso por Asunción
    Nochixtlán, en la región mixteca del estado de Oaxaca, en el sur de México"): the town is where it
    happened, however the parse hangs the chain?"""
    if rank(p) == 0 and "cue:admin" not in p.rule:
        return False
    cur = p
    for q in reversed([q for q in here if q.span.end <= p.span.start]):
        gap = text[q.span.end:cur.span.start]
        if len(gap) > CONTAINER_GAP or not gap.lstrip().startswith(","):
            return False
        if rank(q) == 0 and q.lat is not None and "cue:admin" not in q.rule:
            return q.role == "location" and q.country == p.country and (
                rank(p) >= 2.5 or q.admin1 == p.admin1 or km(p, q) <= METRO_KM)
        cur = q
    return False


_WORD = re.compile(r"\S+")
OPPOSED_SPAN = 4   # words from "contra" to a place that is where what a protest opposes happens


def _in_what_it_opposes(p: Place, text: str, opposed: frozenset[str], trigger_at: int) -> bool:
    """'marcharon por el centro de Lima contra la represión en Cajamarca': a place in the noun phrase a protest is
    against (a word of `opposed`, at most a few words and a preposition before the place) is not the protest's;
    unless that phrase holds the event's own word ("abrieron fuego contra una manifestación en Faluya")."""
    start = max(0, p.span.start - 48)
    words = [(start + m.start(), m.group()) for m in _WORD.finditer(fold(text[start:p.span.start]))]
    against = [at for at, w in words[-OPPOSED_SPAN - 1:-2] if w in opposed]
    return bool(against) and not against[-1] < trigger_at < p.span.start


def _speaks(tok, speakers: frozenset[str]) -> bool:
    """'Rusia, su principal aliado, sostuvo que …': a place that is the subject of a verb of saying, claiming
    or blaming acts as a party, it is not where the event happened."""
    return tok.dep_.startswith("nsubj") and bool(keys(tok.head) & speakers)


def _candidates(trigger, here: list[Place], actors: list[ActorMention], sdoc, text: str, words: PlaceWords,
                crowd: bool = False) -> list:
    """Per usable place: (in another clause, a coordinated verb's far place, rank, tree distance,
    linear distance, place). A protest's is not the place of what it is against."""
    trip = route_ends(here, text, (words.route_from, words.route_to), words.trip_ends,
                      (words.roads, words.road_between, words.road_joiners))
    out = []
    told = any(usable(q, actors) and "dateline" not in q.rule for q in here)
    for p in here:
        if told and "dateline" in p.rule:
            continue   # "SÃO PAULO, 13 mar (EFE).- … una escuela de Suzano": the desk, not the place the lead names
        tok = token_at(sdoc, p.span.start, p.span.end) if usable(p, actors) and p.span.start not in trip else None
        other = other_clause(tok, trigger, words.located, words.plain_marks) if tok is not None else None
        if tok is None or other == SUBORDINATE or across_border(tok, words.border_nouns, words.partner_marks) \
                or _container_after(p, here, text) \
                or _launched_from(tok, trigger, (words.launch, words.origins)) or _speaks(tok, words.speakers) \
                or _subject_origin(tok, trigger, words.origins) or _taken_to(tok, trigger, words.transfer) \
                or _distance_from(tok, words.distance_units) or _direction_from(p, here, text, words.directions) \
                or crowd and _in_what_it_opposes(p, text, words.opposed, trigger.idx) \
                or _a_meeting_s(tok, trigger, words.meetings) or _after_phrase(text, p.span.start, words.based) \
                or _capital_behind(p, tok, here, words):
            continue   # a subordinate clause's place: "un día después de que combatieran cerca de Bure"
        dist = tree_distance(trigger, tok)
        far_verb = dist > NEAR and coordinated(clause_verb(tok), clause_verb(trigger))
        out.append((other is not None, far_verb, rank(p), dist, abs(tok.i - trigger.i), p, tok))
    if any(trigger.is_ancestor(c[-1]) and c[2] < 3 for c in out):   # the trigger noun has a town of its own
        out = [(o, far or _sibling_nouns(trigger, tok), r, d, lin, p, tok) for o, far, r, d, lin, p, tok in out]
    return [c[:-1] for c in out]


def _capital_behind(p: Place, tok, here: list[Place], words: PlaceWords) -> bool:
    """'bombardearon … cerca de Haditha, en los primeros ataques de Washington': a foreign capital after a noun of
    attacks and 'de' is the government behind them, not where they fell (not 'los bombardeos de Kiev' in a story
    whose other places are Ukraine's)."""
    head = tok.head
    return p.feature_code in ("PPLC", "PPLA") and head.i != tok.i and head.pos_ == "NOUN" \
        and fold(head.text) in words.campaigns \
        and bool(case_of(tok) & words.of_words) and p.country not in _sentence_countries(here, p)


def _sentence_countries(here: list[Place], but: Place) -> set[str]:
    """The country (or countries, on a tie) the sentence's other places name most; `but`'s own when they name none."""
    counts = Counter(q.country for q in here if q is not but and q.country and q.lat is not None)
    top = max(counts.values(), default=0)
    return {c for c, n in counts.items() if n == top} if top else {but.country}


def _a_meeting_s(tok, trigger, meetings: frozenset[str]) -> bool:
    """'La matanza coincidió con … las negociaciones de paz de Ginebra': a place that names where talks, a summit
    or an agreement were held (a complement of that noun, not of the trigger) is not where the event was."""
    for head in tok.ancestors:
        if trigger is not None and head.i == trigger.i:
            return False
        if head.pos_ == "NOUN" and fold(head.text) in meetings:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


def _sibling_nouns(trigger, tok) -> bool:
    """'los atentados … de Tanta y Alejandría, … y el ataque … en la provincia de Minia': a place under another
    noun the trigger noun is coordinated with is that noun's, not the trigger's (when the trigger has one of
    its own)."""
    if trigger.pos_ != "NOUN" or tok.is_ancestor(trigger) or trigger.is_ancestor(tok):
        return False
    sib = trigger.head if trigger.dep_ == "conj" else None
    kids = [c for c in trigger.children if c.dep_ == "conj"]
    return any(n.pos_ == "NOUN" and n.is_ancestor(tok) for n in ([sib] if sib is not None else []) + kids)


def _another_country_aside(best: tuple, focus: Optional[Place]) -> bool:
    """Is the best candidate a country other than the story's, named only in another clause ("los asaltantes, que
    habrían llegado desde el vecino Níger, se llevaron vehículos": not in Niger)?"""
    other_clause, _, r, *_, p = best
    return other_clause and r >= 3 and focus is not None and focus.country != p.country


def where_for(trigger, sentence: Span, places: list[Place], actors: list[ActorMention], sdoc,
              focus: Optional[Place], violent: bool = True, text: Optional[str] = None,
              words: PlaceWords = PlaceWords(), crowd: bool = False) -> Optional[Where]:
    """`text` is the document's text (`sdoc.text` rebuilds it from tokens each time); `crowd`: the event is a
    crowd's own act (a protest, a riot), whose place is not that of what it is against."""
    if violent and _the_town(trigger, words.town_nouns, places, sdoc):
        town = _salient_town(sentence, places, actors) or (focus if focus is not None and rank(focus) == 0 else None)
        if town is not None:
            return Where(town, "focus", f"place: 'la ciudad' -> the story's town '{town.name}'")
    here = [p for p in places if sentence.start <= p.span.start < sentence.end]
    cands = sorted(_candidates(trigger, here, actors, sdoc, text or sdoc.text, words, crowd), key=lambda c: c[:5])
    if cands and not _another_country_aside(cands[0], focus):
        *_, r, dist, _, p = cands[0]
        if r >= 2 and focus is not None and focus.country == p.country and rank(focus) < r \
                and (r == 3 or (focus.admin1 and focus.admin1 == p.admin1 and _of_a_noun(p, sdoc, words.of_words))) \
                and not _elsewhere(sentence, places, focus, sdoc, words):
            # (a country, or the province the story's town is in: "según el gobernador de Coahuila")
            return Where(focus, "focus", f"place: focus '{focus.name}' inside '{p.name}'")
        if p.lat is None and _building(p, words.facilities, token_at(sdoc, p.span.start, p.span.end), words.of_words) \
                and focus is not None and rank(focus) == 0:
            return Where(focus, "focus", f"place: focus '{focus.name}' holds '{p.span.text}'")
        source = "clause" if dist <= 4 else "sentence"
        return Where(as_location(p), source, f"place: '{p.span.text}' -> {p.name} ({source}, distance {dist})")
    earlier = _paragraph_town(sentence, places, actors, text or sdoc.text, sdoc, words.purposes,
                              words.distance_units) if violent else None
    if focus is not None and earlier is not None and rank(focus) > 0 and inside_area(earlier, focus) \
            and not _elsewhere(sentence, places, earlier, sdoc, words):
        # "… en el oeste de Uganda … estalló el sábado en Kasese … Ese mismo día, las fuerzas irrumpieron"
        return Where(earlier, "focus", f"place: '{earlier.name}', named earlier in the paragraph, inside the focus "
                                       f"'{focus.name}'")
    if focus is not None and not _elsewhere(sentence, places, focus, sdoc, words):
        main = _salient_town(sentence, places, actors) if violent else None
        if main is not None and main.name != focus.name and _times_named(focus, places, sentence) == 1 \
                and _times_named(main, places, sentence) >= SALIENT_TIMES:
            # ("Zauiya … Las protestas, iniciadas en Bengasi, prendieron pronto en la ciudad. … Cuatro días
            # después, unos 200 soldados entraron por el este": Zauiya, the story's town, not Benghazi)
            return Where(main, "focus", f"place: '{main.name}', the town the text has named most, over the "
                                        f"focus '{focus.name}' named once")
        return Where(focus, "focus", f"place: document focus '{focus.name}'")
    if earlier is not None and not _elsewhere(sentence, places, earlier, sdoc, words):
        return Where(earlier, "focus", f"place: focus '{earlier.name}' named earlier in the paragraph")
    main = _salient_town(sentence, places, actors) if violent else None
    if main is not None and not _elsewhere(sentence, places, main, sdoc, words):
        return Where(main, "focus", f"place: '{main.name}', the town the text has named most")
    return None


def _the_town(trigger, town_nouns: frozenset[str], places: list[Place], sdoc) -> bool:
    """'volvió a entrar en la ciudad': the trigger's own complement is 'the town', unnamed (the one the
    story is about, not a place another clause of the sentence names)."""
    named = {t.i for p in places for t in [token_at(sdoc, p.span.start, p.span.end)] if t is not None}
    comps = list(trigger.children) + ([c for c in trigger.head.children if c.i > trigger.i]
                                      if trigger.dep_ == "xcomp" else [])   # ("volvió a entrar en la ciudad")
    for c in comps:
        if c.dep_ in ("obl", "obj") and c.lemma_.lower() in town_nouns \
                and any(d.dep_ == "det" and "Def" in d.morph.get("Definite") for d in c.children) \
                and not any(t.i in named for t in c.subtree):
            return True
    return False


SALIENT_TIMES = 3   # a town named this often before beats a focus named once


def _times_named(p: Place, places: list[Place], sentence: Span) -> int:
    return sum(1 for q in places if q.name == p.name and q.span.start < sentence.start)


def _salient_town(sentence: Span, places: list[Place], actors: list[ActorMention]) -> Optional[Place]:
    """The town named most often before this sentence ('la ciudad' of an article about Tal Afar), if
    named at least twice; ties: the one named first."""
    towns = [p for p in places if p.span.start < sentence.start and usable(p, actors) and rank(p) == 0]
    counts: dict[str, int] = {}
    for p in towns:
        counts[p.name] = counts.get(p.name, 0) + 1
    best = max(counts.values(), default=0)
    return next((p for p in towns if counts[p.name] == best), None) if best >= 2 else None


def _paragraph_town(sentence: Span, places: list[Place], actors: list[ActorMention], text: str, sdoc=None,
                    purposes: frozenset[str] = frozenset(),
                    distance_units: frozenset[str] = frozenset()) -> Optional[Place]:
    """The last town named before this sentence in the same paragraph (no event placed yet), not one only
    aimed at ("habían tomado autobuses para viajar a la Ciudad de México")."""
    start = text.rfind("\n", 0, sentence.start) + 1
    towns = [p for p in places if start <= p.span.start < sentence.start and usable(p, actors) and rank(p) == 0
             and not _aimed_at(p, sdoc, purposes) and not _a_landmark(p, sdoc, distance_units)]
    return towns[-1] if towns else None


def _acts(p: Place, sdoc, text: str) -> bool:
    """Is the place the subject of a verb ("Ankara considera …", "Washington acusó …"): so parsed, or, in a
    sentence left unparsed, a bare name opening its sentence with a lower-case word after it?"""
    tok = token_at(sdoc, p.span.start, p.span.end) if sdoc is not None else None
    if tok is not None and tok.dep_.startswith("nsubj"):
        return True
    before = text[:p.span.start].rstrip()
    after = text[p.span.end:p.span.end + 2]
    return (not before or before[-1] in ".!?\n") and after[:1] == " " and after[1:].islower()


def _a_landmark(p: Place, sdoc, distance_units: frozenset[str]) -> bool:
    """Is the place only what a distance is counted from ("a unos 190 kilómetros al sureste de Malakal")?"""
    tok = token_at(sdoc, p.span.start, p.span.end) if sdoc is not None and distance_units else None
    return tok is not None and _distance_from(tok, distance_units)


def _of_a_noun(p: Place, sdoc, of_words: frozenset[str]) -> bool:
    """Is the place a noun's complement ("el gobernador de Coahuila"), not where something is ("en Zamfara")?"""
    tok = token_at(sdoc, p.span.start, p.span.end)
    return tok is not None and tok.dep_ == "nmod" and bool(case_of(tok) & of_words)


def lead_town(places: list[Place], actors: list[ActorMention], text: str, sdoc,
              words: PlaceWords = PlaceWords()) -> Optional[Place]:
    """The town the lead paragraph places its story in, before any event has a place: the last it names
    ("RÍO DE JANEIRO … la operación lanzada ayer … en la favela de Jacarezinho"); never the dateline's city,
    where the report comes from ("EL CAIRO … en la localidad de Bir al Abed")."""
    start, end = lead_paragraph(text)      # (under its title: "Asedio de la Mezquita Roja\n\nEl asedio …")
    towns = _story_towns(places, actors, text, sdoc, words, start, end)
    if not towns:
        return None
    first = next((s for s in sdoc.sents if s.start_char <= towns[0].span.start < s.end_char), None)
    # (the last of the first sentence that names one: "… en el paseo marítimo de Beirut. … murió a mediados de abril
    # en un hospital cercano a París" is Beirut's story)
    return [t for t in towns if first is None or t.span.start < first.end_char][-1]


def next_paragraph_town(places: list[Place], actors: list[ActorMention], text: str, sdoc,
                        words: PlaceWords = PlaceWords()) -> Optional[Place]:
    """A lead that names only a country ("murieron ayer … en Sudán") is told where by the next paragraph: its
    first town in that country ("La mayoría de las víctimas se registraron en Bahri")."""
    start, end = lead_paragraph(text)
    countries = {p.country for p in places if start <= p.span.start < end and p.role == "location" and rank(p) > 0
                 and p.country and "dateline" not in p.rule}
    if not countries:
        return None
    begin = len(text) - len(text[end:].lstrip())   # the next paragraph, past the blank lines
    nxt = text.find("\n", begin)
    towns = _story_towns(places, actors, text, sdoc, words, end + 1, len(text) if nxt < 0 else nxt)
    return next((p for p in towns if p.country in countries), None)


def _story_towns(places: list[Place], actors: list[ActorMention], text: str, sdoc, words: PlaceWords,
                 start: int, end: int) -> list[Place]:
    """The towns named in [start, end) that can place a story: usable, no dateline, nothing aimed at, no landmark
    to count from ("a unos 600 kilómetros al sur de Santiago"), no capital that acts ("Ankara considera a las YPG
    una extensión del PKK"), no place something came from."""
    return [p for p in places if start <= p.span.start < end and usable(p, actors) and rank(p) == 0
            and "dateline" not in p.rule and not _aimed_at(p, sdoc, words.purposes)
            and not _a_landmark(p, sdoc, words.distance_units) and not _acts(p, sdoc, text)
            and not _come_from(p, text, words.origins) and not _talks_held_at(p, sdoc, words.meetings)]


def _talks_held_at(p: Place, sdoc, meetings: frozenset[str]) -> bool:
    """Does the place name where talks were held ("las negociaciones de paz de Ginebra")?"""
    tok = token_at(sdoc, p.span.start, p.span.end) if sdoc is not None and meetings else None
    return tok is not None and _a_meeting_s(tok, None, meetings)


def _come_from(p: Place, text: str, origins: frozenset[str]) -> bool:
    """Is the place one something came from ("el avión que traía desde Riad a los ministros")?"""
    before = fold(text[max(0, p.span.start - 12):p.span.start]).split()
    return bool(before) and before[-1] in origins


def dateline_town(places: list[Place], text: str, words: PlaceWords = PlaceWords()) -> Optional[Place]:
    """The dateline's town, when the lead paragraph points at it as 'this town' ("TIJUANA (México), 24 mar
    (EFE).- … murió anoche en un hospital de esta ciudad") and names no town before that."""
    start, end = lead_paragraph(text)
    folded = fold(text[start:end]).split()
    at = next((i for i, (a, b) in enumerate(zip(folded, folded[1:]))
               if a in words.this_words and b.strip(",.;:") in words.town_nouns), None)
    if at is None:
        return None
    said = len(" ".join(text[start:end].split()[:at]))
    if any(start <= p.span.start < start + said and "dateline" not in p.rule and rank(p) == 0 for p in places):
        return None
    return next((p for p in places if "dateline" in p.rule and rank(p) == 0), None)


def title_town(places: list[Place], actors: list[ActorMention], text: str) -> Optional[Place]:
    """The town an article's title names ("Al Qaryatayn\n\nAl Qaryatayn … es una ciudad …, en la carretera
    que une Palmira con …"; "Batalla de Mosul"): where the story is until an event says otherwise."""
    start, _end = lead_paragraph(text)
    return next((p for p in places if p.span.start < start and usable(p, actors) and rank(p) == 0
                 and "dateline" not in p.rule), None)


def _aimed_at(p: Place, sdoc, purposes: frozenset[str]) -> bool:
    """Is the place inside a purpose clause ("para viajar a X")?"""
    tok = token_at(sdoc, p.span.start, p.span.end) if sdoc is not None and purposes else None
    return tok is not None and any("Inf" in a.morph.get("VerbForm") and any(
        c.dep_ == "mark" and fold(c.text) in purposes for c in a.children) for a in ancestors(tok, 6))


def _elsewhere(sentence: Span, places: list[Place], focus: Place, sdoc=None,
               words: Optional[PlaceWords] = None) -> bool:
    """The sentence names a place we cannot use (unresolved, or in another country): not the focus.
    A neighbour named by a border ('junto a la frontera con Irak') does not count, nor a building
    no gazetteer holds ('el Hospital Saudí de Maternidad': one of the story's town)."""
    words = words or PlaceWords()
    for p in places:
        if sentence.start <= p.span.start < sentence.end and p.role == "location" and rank(p) < 9:
            tok = token_at(sdoc, p.span.start, p.span.end) if sdoc is not None else None
            if (tok is not None and across_border(tok, words.border_nouns, words.partner_marks)) \
                    or "quarter:" in p.rule or "landmark:" in p.rule or (p.lat is None and _building(p, words.facilities, tok, words.of_words)):
                continue        # (a quarter or a street of the town, "el barrio de Al Kifah", is not elsewhere)
            if p.lat is None or (focus.country and p.country and p.country != focus.country):
                return True
    return False


def _building(p: Place, facilities: frozenset[str], tok=None, of_words: frozenset[str] = frozenset()) -> bool:
    """Is the place a building, street or site by its first words ("el Hospital Saudí", "la avenida
    Ratchadamnoen"), by the noun it names ("el campamento Naaba Koom II") or by the noun whose complement it is
    ("el cruce comercial de Ratchaprasong")?"""
    words = fold(p.span.text).split()
    if words and (words[0] in facilities or " ".join(words[:2]) in facilities):
        return True
    if tok is None or not of_words:
        return False
    before = [fold(t.text) for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i]]
    if before and before[-1] in facilities:
        return True     # "el campamento Naaba Koom II": the name of a facility
    if not before or before[-1] not in of_words:
        return False
    return any(w in facilities for w in before[-3:-1])


SPLIT_KM = 25.0   # coordinated towns farther apart than this are separate events (ACLED: one per location)


def _joined(t, root) -> bool:
    """Is t coordinated ('y', 'o') into the phrase under root, not just a modifier of it?"""
    while t.i != root.i:
        if t.dep_ == "conj":
            return True
        t = t.head
    return False


def _same_case_siblings(root) -> list:
    """'se hicieron con X; con Y, y con Z': the verb's other obliques opened by the same preposition."""
    case = {fold(c.text) for c in root.children if c.dep_ == "case"}
    if root.dep_ != "obl" or not case:
        return []
    return [c for c in root.head.children if c.i != root.i and c.dep_ == "obl"
            and {fold(x.text) for x in c.children if x.dep_ == "case"} == case]


def coordinated_towns(place: Place, places: list[Place], sdoc, region_nouns: frozenset[str] = frozenset(),
                      between: frozenset[str] = frozenset(), of_words: frozenset[str] = frozenset(),
                      trigger: Optional[int] = None) -> list[Place]:
    """'hubo impactos en la ciudad de Dnipró y, en la región de Donetsk, en Sloviansk y en Kramatorsk',
    'contra las aldeas de X y Z': the other towns coordinated with an event's place, each a location of
    its own event (ACLED codes one event per location). Not a region's name ('la región de Donetsk'),
    nor the two ends of 'entre X y Z'."""
    tok = token_at(sdoc, place.span.start, place.span.end)
    if tok is None or rank(place) != 0:
        return []
    root = tok
    while root.dep_ in ("conj", "nmod", "appos") and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN") \
            and root.i != trigger:   # (not past the event's own noun: "… de Tanta y Alejandría, y el ataque … de Minia")
        root = root.head
    if {fold(c.text) for c in root.children if c.dep_ == "case"} & between:
        return []
    opens = [root] + _same_case_siblings(root)
    members = {t.i for r in opens for t in r.subtree if (_joined(t, r) or (t is r and r is not root)) and not (
        t.dep_ == "nmod" and fold(t.head.lemma_) in region_nouns and {fold(c.text) for c in t.children} & of_words)}
    out = []
    for p in places:
        t = token_at(sdoc, p.span.start, p.span.end)
        if t is None or t.i == tok.i or t.i not in members or p.role != "location" or rank(p) != 0 \
                or p.lat is None or p.name == place.name or km(p, place) <= SPLIT_KM:
            continue
        if all(q.name != p.name for q in out):
            out.append(p)
    return out
