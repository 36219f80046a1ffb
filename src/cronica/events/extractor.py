"""EventExtractor: event mentions from triggers, the parse, timexes, places and actors."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional, Sequence

from cronica.events.anaphora import drop_retold
from cronica.events.arguments import BY_CASES, ActorIndex
from cronica.events.claims import apply_claims, claims_in
from cronica.events.cues import completion, non_event_reason, reporting_verb, toll_update_verb
from cronica.events.fatalities import fatalities_in, named_victims
from cronica.events.lexicon import (DEFINITE_WEAK_RULE, GENERIC_TYPE_RULE, REMOTE_VIOLENCE, RETOLD_OBJECT_RULE,
                                    TERRITORY, VIOLENT_EVENT_TYPES, WEAK_TRIGGER_RULE, Lexicon, load_lexicon)
from cronica.events.parties import STATE_VICTIM_RULE, Parties, PartyResolver, is_civilian
from cronica.events.syntax import case_of, clause_verb, is_passive, is_pluperfect, keys, token_at, unsaid_subject
from cronica.events.transfer import (TRANSFER, fighting_in, merge_handover, peaceful_handover, regain_or_transfer,
                                    withdrawer)
from cronica.events.triggers import SentenceContext, Trigger, find_triggers
from cronica.events.when import COUNTED_BACK, RelativeWords, When, contract_precision, when_for
from cronica.events.where import (PlaceWords, Where, as_location, coordinated_towns, dateline_town, inside_area,
                                  lead_town, next_paragraph_town, rank, title_town, where_for)
from cronica.nlp.selection import load_selector
from cronica.text.layout import dateline_end, in_heading, section_starts
from cronica.text.normalize import fold
from cronica.model import ActorMention, Document, EventMention, Place, Span, Timex

GENERIC_ACTOR1 = "actor1: generic (weak evidence)"   # merge and claims read this rule
FOCUS_TYPES = VIOLENT_EVENT_TYPES  # may inherit actor1
PROTESTS = "Protests"
UNNAMED_GROUPS = ("unidentified", "civilians", "protesters", "rioters")   # catalogue ids that name no group
ARRESTS, ABDUCTION = "Arrests", "Abduction/forced disappearance"
CROWDS = frozenset({"Protesters", "Rioters", "Civilians"})
CROWD_ACTS = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})   # a crowd's own act
AIR_OVERRIDES = frozenset({"Armed clash", "Shelling/artillery/missile attack", "Attack",
                           "Remote explosive/landmine/IED", "Looting/property destruction"})   # an aircraft's attack
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}

def _armed(m: ActorMention) -> bool:
    """Can this actor make a weak trigger ('operación', 'se retiraron') military? Not civilians, not a government."""
    return not is_civilian(m) and not m.actor_id.startswith("government:")


BACKGROUND_DAYS = 366   # news: an event this long before the dct is background ("la matanza de Tlatelolco de 1968")


def _long_before(when: Optional[When], dct: Optional[date]) -> bool:
    """Is the event told long before the report (a past event the story recalls, not where it is)?"""
    return when is not None and dct is not None and (dct - when.end).days > BACKGROUND_DAYS


def _pointed_back(tok) -> bool:
    """'aquel ataque', 'ese atentado': a demonstrative points to an event already told."""
    return any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children)


def _tokens_of(sdoc, timexes: list[Timex]) -> frozenset[int]:
    return frozenset(t.i for x in timexes
                     for t in (sdoc.char_span(x.span.start, x.span.end, alignment_mode="expand") or ()))


RIOT_SUBS = frozenset({"Armed clash", "Looting/property destruction", "Shelling/artillery/missile attack"})
ARMED_GROUP_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia", "External/Other forces"})


@functools.lru_cache(maxsize=8)
def words_pattern(words: frozenset[str]) -> re.Pattern:
    """Any of these (folded) words, whole (compiled once per word set)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(map(re.escape, words)))})(?!\w)")


@dataclass
class Focus:
    """What the narrative is about so far: the last place and the last initiator; whether the document
    reports riots."""
    place: Optional[Place] = None
    actor: Optional[ActorMention] = None
    riots: bool = False
    lead: Optional[Place] = None    # the town the lead paragraph names: where the story is, failing all else
    lead_area_town: Optional[Place] = None   # ... or, for a lead that names only its country, the next paragraph's




@dataclass
class Sections:
    """The section titles after the lead ("Antecedentes", "La masacre"): the place a past section settled on is
    not the next one's, which starts again from the place the title and lead settled on."""
    starts: list[int]
    lead_place: Optional[Place] = None
    entered: bool = False

    def enter(self, end: int, focus: Focus) -> None:
        """Called with each sentence's end: past a title, the focus goes back to the lead's place."""
        if not self.starts or end <= self.starts[0]:
            return
        while self.starts and end > self.starts[0]:
            self.starts.pop(0)
        if not self.entered:
            self.lead_place, self.entered = focus.place, True
        focus.place = self.lead_place


def _verb_between(a: Span, b: Span, verbs: Sequence[int]) -> bool:
    """Does an event verb start between two spans of the sentence?"""
    return any(min(a.end, b.end) <= v < max(a.start, b.start) for v in verbs)


def _token_index(sdoc, span: Span) -> Optional[int]:
    tok = token_at(sdoc, span.start, span.end)
    return tok.i if tok is not None else None


def _weapon_hit(tok, lex: Lexicon) -> bool:
    """A weapon noun that is the object of a verb of hitting ('bombardearon piezas de artillería del EI')."""
    obj = tok.head if tok.dep_ == "nmod" and tok.head.dep_ == "obj" else tok
    # (not the agent of a passive the model reads as an object: "fue alcanzado por cohetes")
    return tok.pos_ == "NOUN" and obj.dep_ == "obj" and not case_of(obj) & BY_CASES \
        and bool(keys(obj.head) & lex.cue("target_verbs")) \
        and any(lex.event_type(e.sub) == REMOTE_VIOLENCE for e in lex.entries_for(keys(tok)))


def _flying_subject(tok, flyers: frozenset[str]) -> bool:
    """'cazas de la Armada estadounidense bombardearon …, y el 9 atacaron …': the verb's subject (or the
    one it shares with the verb it is coordinated with) is an aircraft; so is the subject of the verb a weapon
    is the object of ('un avión no tripulado disparó un misil')."""
    if tok is not None and tok.pos_ == "NOUN" and tok.dep_ == "obj":
        tok = tok.head
    if tok is None or tok.pos_ != "VERB":
        return False
    verbs = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(c.dep_.startswith("nsubj") and fold(c.text) in flyers for v in verbs for c in v.children)


def _sentence_before(sent):
    """The sentence before `sent` (past the blank lines between paragraphs); `sent` itself at the start."""
    i = sent.start - 1
    while i > 0 and sent.doc[i].is_space:
        i -= 1
    return sent.doc[i].sent if i >= 0 else sent


def _an_office(tok, lex: Lexicon) -> bool:
    """'el responsable de las operaciones', 'el jefe de la campaña': a generic event word naming what an
    office is in charge of."""
    return tok.dep_.startswith("nmod") and fold(tok.head.text) in lex.cue("office_nouns") \
        and bool(case_of(tok) & lex.cue("of_words"))


def _told_object(tok, lex: Lexicon) -> bool:
    """A definite event noun that a claim or a report is about ("reivindicó el atentado", "confirmó el
    uso de sarín") names an event as it was told before, whatever word it uses for it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "obj" \
        and any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in tok.children) \
        and bool(keys(tok.head) & lex.cue("retelling_verbs"))


def _account_topic(tok, lex: Lexicon) -> bool:
    """An event noun that an account is about ("un informe sobre la masacre", "un libro acerca del atentado"):
    the event told again, dated by the account."""
    return tok.pos_ == "NOUN" and tok.dep_ == "nmod" and bool(case_of(tok) & lex.cue("topic_cases")) \
        and bool(keys(tok.head) & lex.cue("account_nouns")) and not any(c.dep_ == "acl" for c in tok.children)
    # (not an event the account's sentence tells in a clause of its own: "una investigación sobre el bombardeo aéreo
    # que la tarde del jueves alcanzó un campamento de desplazados")


def _stripped(sent, doc_text: str) -> Span:
    text = doc_text[sent.start_char:sent.end_char]      # a slice: `sent.text` rebuilds it from tokens
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Span(sent.start_char + lead, sent.start_char + lead + len(body), body)


def _object_of(tok, m: Optional[ActorMention], index: ActorIndex) -> bool:
    """The mention is the finite verb's own object ('mató a un policía'), not one of a list after it
    ('mató a siete personas: tres militares, un profesor…')."""
    verb = tok.head if tok.dep_ == "conj" else tok
    infinitive = any("Inf" in t.morph.get("VerbForm") for t in [tok, *tok.children] if t.i <= tok.i)
    if verb.dep_ == "acl:relcl" or infinitive:
        return False    # 'la bomba que mató a un policía', 'aseguró haber matado a 70 militares': a toll

    def governs(t) -> bool:     # 'a una agente de la policía municipal': the object's own complement
        return t.head.i == tok.i or (t.dep_ != "appos" and t.head.dep_ in ("obj", "obl", "nsubj:pass")
                                     and t.head.head.i == tok.i)
    return any(v is m and governs(tok.doc[i]) for i, v in index.by_token.items())


def _clitic_for_a_person(obj, verb) -> bool:
    """'Henry Pérez murió en julio de 1991: cuatro sicarios lo mataron a tiros': a singular object clitic after a
    person the model names earlier in the sentence stands for that person."""
    if obj.pos_ != "PRON" or "Acc" not in obj.morph.get("Case") or "Sing" not in obj.morph.get("Number"):
        return False
    return any(e.label_ == "PER" and e.end <= obj.i for e in verb.sent.ents)


def _event_subject(tok, lex: Lexicon) -> bool:
    """Is the verb's subject (its own, or the one it shares with the verb it is coordinated with) a definite noun
    that names an event told before ("La explosión arrancó la fachada, mató a doce personas", "Los dos ataques
    mataron a 41")?"""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None and tok.dep_ in ("conj", "advcl"):
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    told = subj is not None and any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get(
        "PronType")) for c in subj.children)   # (a blast told before: "una bomba estalló … y mató" is new)
    return told and subj.pos_ == "NOUN" and bool(lex.entries_for({fold(subj.lemma_), fold(subj.text)}))


def _killed_forces_as_toll(mentions: list[EventMention]) -> list[EventMention]:
    """'mataron a tres soldados en una emboscada': the killing is the toll of the ambush the sentence
    tells, an Attack of its own only when nothing else is told."""
    killed = [m for m in mentions if any(r.startswith(STATE_VICTIM_RULE) for r in m.rules)]
    if not killed or len(killed) == len(mentions):
        return mentions
    return [m for m in mentions if m not in killed]


def _attack_over_clash(mentions: list[EventMention]) -> list[EventMention]:
    """'atacaron la localidad y mataron a cientos de civiles': one attack on civilians, not also a clash."""
    attackers = {m.actor1 for m in mentions if m.sub_event_type == "Attack" and m.actor2}
    if not attackers:
        return mentions
    return [m for m in mentions if not (m.sub_event_type == "Armed clash" and m.actor2 is None
                                        and (m.actor1 in attackers or m.actor1 is None))]


def _per_day(mentions: list[EventMention], keep) -> list[EventMention]:
    """`keep` applied apart to the mentions of a clause counted back from the main one ("dispersó hoy …, dos días
    después de la jornada en que dispararon contra los manifestantes": two protests, not one), in text order."""
    groups: dict = {}
    for m in mentions:
        counted = any(COUNTED_BACK in r for r in m.rules)
        groups.setdefault((m.date_start, m.date_end) if counted else None, []).append(m)
    kept = {id(m) for ms in groups.values() for m in keep(ms)}
    return [m for m in mentions if id(m) in kept]


PROTEST_ORDER = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def _protest_over_protest(mentions: list[EventMention]) -> list[EventMention]:
    """'se concentraron … y la policía los dispersó con gases': one protest, told with the most force
    used on it (a peaceful protest broken up is a protest with intervention)."""
    told = [PROTEST_ORDER.index(m.sub_event_type) for m in mentions if m.sub_event_type in PROTEST_ORDER]
    if len(told) < 2:
        return mentions
    return [m for m in mentions if m.sub_event_type not in PROTEST_ORDER or PROTEST_ORDER.index(m.sub_event_type) == max(told)]


class EventExtractor:
    """`EventExtractor("es").extract(document, sdoc, timexes=…, places=…, actors=…, kept=…)`. Pickles."""

    def __init__(self, language: str = "es") -> None:
        self.language = language

    @property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.language)

    @property
    def relative_words(self) -> RelativeWords:
        lex = self.lexicon
        return RelativeWords(lex.cue("relative_before"), lex.cue("relative_after"), lex.cue("relative_links"))

    @property
    def place_words(self) -> PlaceWords:
        return PlaceWords.of(self.lexicon.cue)

    @property
    def parties(self) -> PartyResolver:
        return PartyResolver(self.language)

    # ------------------------------------------------------------------ driver
    def extract(self, document: Document, sdoc, *, timexes: list[Timex], places: list[Place],
                actors: list[ActorMention], kept: Optional[list[Span]]) -> list[EventMention]:
        cut = dateline_end(document.text)
        timexes = [t for t in timexes if t.span.start >= cut]
        datelined = dateline_town(places, document.text, self.place_words)
        places = [p for p in places if p.span.start >= cut]
        index = ActorIndex(actors, sdoc)
        place_tokens = frozenset(t.i for p in places for t in (sdoc.char_span(p.span.start, p.span.end,
                                                                             alignment_mode="expand") or ()))
        durations = _tokens_of(sdoc, [x for x in timexes if x.type == "DURATION"])
        dates = _tokens_of(sdoc, [x for x in timexes if x.type in ("DATE", "TIME")])
        armed = frozenset(i for i, m in index.by_token.items() if _armed(m))
        lead = lead_town(places, actors, document.text, sdoc, self.place_words)
        focus, out = Focus(lead=lead or datelined, place=title_town(places, actors, document.text),
                           riots=self._reports_riots(document.text),
                           lead_area_town=lead or next_paragraph_town(places, actors, document.text, sdoc,
                                                                      self.place_words)), []
        actor_tokens = frozenset(index.by_token)
        armed_document = any(not is_civilian(m) for m in actors)
        can_hold_event = load_selector(self.language).wants
        sections = Sections(section_starts(document.text))
        for sent in sdoc.sents:
            span = _stripped(sent, document.text)
            sections.enter(span.end, focus)
            if not span.text or (kept is not None and not any(k.start <= span.start < k.end for k in kept)):
                continue
            if not can_hold_event(span.text):     # no trigger can start here (and it has no parse)
                self._fatalities(span, [], sent, out, timexes)
                continue
            ctx = SentenceContext(place_tokens, actor_tokens,
                                  any(not is_civilian(m) for i, m in index.by_token.items() if sent.start <= i < sent.end),
                                  armed_document=armed_document, armed_tokens=armed, riot_document=focus.riots)
            mentions, trigs = [], []
            found = find_triggers(sent, self.lexicon, ctx)
            verbs = [t.start for t in found if t.token.pos_ == "VERB"]
            for trig in found:
                if in_heading(document.text, trig.start):
                    continue        # a section title ("Explosiones de buscapersonas") names what follows
                m = self._mention(document, sdoc, span, trig, index, timexes, places, actors, (durations, dates), focus)
                if m is not None:
                    for one in [m] + self._at_other_towns(m, places, sdoc, verbs):
                        mentions.append(one)
                        trigs.append(trig)
            mentions = drop_retold(mentions, trigs, out, self.lexicon)
            mentions = merge_handover(_per_day(mentions, lambda ms: _protest_over_protest(_attack_over_clash(
                _killed_forces_as_toll(ms)))))
            claims = claims_in(sent, self.lexicon, index, VIOLENT_TYPES)
            if claims:
                here = frozenset(x for p in places if span.start <= p.span.start < span.end for x in (p.name, p.admin1) if x)
                mentions = apply_claims(claims, mentions, out, VIOLENT_TYPES, self._claimant_name, here)
            self._dropped_from_the_air(mentions, trigs, sent, out)
            self._fatalities(span, mentions, sent, out, timexes)
            out += mentions
        return self._by_the_only_group(out, actors)

    def _dropped_from_the_air(self, mentions: list[EventMention], trigs: list[Trigger], sent,
                              earlier: list[EventMention]) -> None:
        """'Dos bombas aéreas guiadas cayeron', 'un caza arrojó dos bombas', '… bombarderos B-1 atacaron … Las bombas
        alcanzaron …': a bomb an aircraft dropped (its own words, or an aircraft or an air strike in its sentence or
        the sentence before) is an air strike, not a planted bomb."""
        lex = self.lexicon
        bombs = [(m, t) for m, t in zip(mentions, trigs)
                 if m.sub_event_type == "Remote explosive/landmine/IED" and fold(t.token.text) in lex.cue("bomb_words")]
        if not bombs:
            return
        air = lex.cue("air_agents") | lex.cue("aircraft")
        aloft = any(fold(t.text) in air for s in (sent, _sentence_before(sent)) for t in s) or any(
            e.sub_event_type == "Air/drone strike" and 0 <= sent.start_char - e.sentence.end <= 2 for e in earlier)
        for m, trig in bombs:
            dropped = any(fold(c.text) in lex.cue("air_bomb_modifiers") for c in trig.token.children)
            if dropped or aloft:
                m.sub_event_type, m.event_type = "Air/drone strike", lex.event_type("Air/drone strike")
                m.rules.append(f"type: Air/drone strike (a bomb {'of the air' if dropped else 'an aircraft dropped'})")

    def _by_the_only_group(self, out: list[EventMention], actors: list[ActorMention]) -> list[EventMention]:
        """A bombing no clause attributes, in a text that names one armed group and no other (ETA in a story of
        ETA's car bombs): that group's."""
        groups = {m.actor_id: m for m in actors if not is_civilian(m) and not self.parties.is_state(m)
                  and not m.actor_id.startswith(UNNAMED_GROUPS) and m.actor_type not in CROWDS}
        if len(groups) != 1:
            return out
        (group,) = groups.values()
        unattributed = self.lexicon.cue("unattributed_subs")
        for m in out:
            if m.actor1 is None and fold(m.sub_event_type) in unattributed:
                m.actor1 = self.parties.name(group, m.place.country if m.place else None, m.date_start)
                m.rules.append(f"actor1: '{group.span.text}' (the only armed group the text names)")
        return out

    # ------------------------------------------------------------------ one trigger
    def _mention(self, document, sdoc, span: Span, trig: Trigger, index: ActorIndex, timexes, places, actors,
                 timex_tokens: tuple[frozenset[int], frozenset[int]], focus: Focus) -> Optional[EventMention]:
        lex, tok = self.lexicon, trig.token
        rules = [f"trigger: '{trig.lexeme}' -> {trig.entry.id} ({trig.entry.sub})"]
        if trig.entry.weak:
            rules.append(WEAK_TRIGGER_RULE)
            if any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in tok.children):
                rules.append(DEFINITE_WEAK_RULE)     # "murieron en el ataque", not "iniciaron operaciones"
        if _told_object(tok, lex):
            rules.append(RETOLD_OBJECT_RULE)     # "Ningún grupo ha reivindicado la matanza": the one told
            if DEFINITE_WEAK_RULE not in rules:
                rules.append(DEFINITE_WEAK_RULE)
        if trig.entry.generic:
            rules.append(GENERIC_TYPE_RULE)
        if non_event_reason(tok, lex, *timex_tokens) or (trig.entry.needs_no_fight and fighting_in(tok.sent, lex)):
            return None
        if _weapon_hit(tok, lex):
            return None     # "bombardearon piezas de artillería": the artillery is the target
        if trig.entry.needs_civilian and _event_subject(tok, lex):
            return None     # "La explosión mató a doce personas": the toll of the blast told, not a new attack
        if _account_topic(tok, lex):
            return None     # "publicó en 2010 un informe sobre la masacre": a report about an event, not one
        if trig.entry.weak and _pointed_back(tok):
            return None     # "se atribuyó aquel ataque": a generic word after a demonstrative tells an event again
        if trig.entry.weak and _an_office(tok, lex):
            return None     # "responsable de las operaciones de Kataib Hezbolá": a title, no event
        comp = completion(tok, lex)
        if comp is not None:
            rules.append(f"purpose achieved: '{comp.text}'")
        reporter = reporting_verb(tok, lex)
        parties = self._parties(trig, index, focus, rules)
        self._fired_on_a_protest(tok, parties, rules)
        sub = self.parties.sub_event(trig.entry, parties, rules, pro_drop=unsaid_subject(tok))
        if sub is None and trig.entry.needs_civilian and self._person_killed(trig, parties, places):
            sub = trig.entry.sub
            rules.append(f"type: {sub} (a person the model names is the victim)")
        if sub is None or (rules[-1].startswith(STATE_VICTIM_RULE) and not _object_of(tok, parties.actor2, index)):
            return None
        sub = self._handover(trig, sub, parties, index, rules)
        sub = self._by_air(sub, parties, rules, tok)
        sub = self._suicide(sub, trig, rules)
        sub = self._by_rioters(sub, parties, focus, rules)
        sub = self._taken_by_armed_group(sub, parties, rules)
        sub = self._on_the_unarmed(sub, trig, parties, rules, places)
        if lex.event_type(sub) in FOCUS_TYPES:
            parties.actor1 = self.parties.as_forces(parties.actor1)
        elif lex.event_type(sub) == PROTESTS:
            if tok.pos_ == "NOUN" and tok.dep_.startswith(("nmod", "obl")) and case_of(tok) & lex.cue("target_cases"):
                return None   # "un atentado contra una manifestación": the protest is the attack's target
            parties.actor1 = self.parties.as_protesters(parties.actor1)
        pluperfect = is_pluperfect(clause_verb(tok))
        when = when_for(tok, span, timexes, sdoc, completion=comp, pluperfect=pluperfect,
                        reported=reporter is not None, dct=document.dct, relative=self.relative_words,
                        reporter=reporter, toll=toll_update_verb(tok, lex),
                        of_words=lex.cue("of_words"), plain_marks=lex.cue("plain_marks"),
                        adverbial=lex.cue("adverbial_relatives"), since_words=lex.cue("since_words"),
                        claim_verbs=lex.cue("claim_verbs") | lex.cue("blame_verbs"),
                        at_date=lex.cue("at_date_relatives"), occur_verbs=lex.cue("occurrence_verbs"),
                        victim_participles=lex.cue("victim_participles"),
                        occur_subjects=lex.cue("occurrence_subjects"))
        violent = lex.event_type(sub) in FOCUS_TYPES
        where = where_for(tok, span, places, actors, sdoc, focus.place, violent=violent, text=document.text,
                          words=self.place_words, crowd=sub in CROWD_ACTS)
        if where is None and focus.place is None and focus.lead is not None:
            # "RÍO DE JANEIRO … la operación … en la favela de Jacarezinho. … cuando unos 200 agentes entraron"
            where = Where(focus.lead, "focus", f"place: the lead's town '{focus.lead.name}'")
        elif where is not None and focus.place is None and focus.lead_area_town is not None \
                and rank(where.place) >= 2.5 and inside_area(focus.lead_area_town, where.place):
            # "murieron ayer … en Sudán. La mayoría de las víctimas mortales se registraron en Bahri"
            town = focus.lead_area_town
            where = Where(town, "focus", f"place: the lead's town '{town.name}' inside '{where.place.name}'")
        rules.append(when.rule if when else "date: none")
        rules.append(where.rule if where else "place: none")
        sub = self._regain(sub, parties, where, rules)
        mention = self._build(document, span, trig, sub, parties, when, where, reporter, rules)
        background = pluperfect or _long_before(when, document.dct)
        self._update_focus(focus, parties, where if not background else None)
        return mention

    def _at_other_towns(self, m: EventMention, places: list[Place], sdoc,
                        verbs: Sequence[int] = ()) -> list[EventMention]:
        """'hubo impactos en Sloviansk y en Kramatorsk': one event per coordinated town (the toll told
        stays with the first); not a town another event verb stands before ("se apoderaron de Mosul … y
        tomaron el lunes Tal Afar": two events, each told)."""
        if m.place is None or m.event_type not in VIOLENT_TYPES or not any(
                r.startswith("place: '") and "(clause," in r for r in m.rules):
            return []
        towns = coordinated_towns(m.place, places, sdoc, self.lexicon.cue("region_nouns"),
                                  self.lexicon.cue("between_words"), self.lexicon.cue("of_words"),
                                  trigger=_token_index(sdoc, m.trigger))
        return [replace(m, place=as_location(p), fatalities=None,
                        rules=m.rules + [f"place: '{p.span.text}' -> {p.name} (coordinated with '{m.place.span.text}')"])
                for p in towns if not _verb_between(m.place.span, p.span, verbs)]

    def _fired_on_a_protest(self, tok, parties: Parties, rules: list[str]) -> None:
        """'soldados abrieron fuego contra una manifestación que bloqueaba la carretera': a protest fired on is
        its protesters, the event's target (with no armed party named as one); so is a crowd fired on in a
        sentence that tells a protest."""
        if parties.actor2 is not None and not is_civilian(parties.actor2):
            return
        lex = self.lexicon
        aimed = [c for c in tok.children
                 if c.dep_ == "obj" or (c.dep_ in ("obl", "nmod") and case_of(c) & lex.cue("target_cases"))]
        hit = next((c for c in aimed if keys(c) & lex.cue("protest_targets")), None)
        if hit is None and any(keys(t) & lex.cue("protest_targets") for t in tok.sent):
            # "se sumaron a la marcha y la policía abrió fuego contra la multitud": the crowd of a protest told
            hit = next((c for c in aimed if keys(c) & lex.cue("protest_crowds")), None)
        protesters = self.parties.catalogue.get("protesters")
        if hit is None or protesters is None:
            return
        parties.actor2 = ActorMention(span=Span(hit.idx, hit.idx + len(hit.text), hit.text), actor_id=protesters.id,
                                      canonical=protesters.name, actor_type=protesters.type, rule="protest-target")
        rules.append(f"actor2: '{hit.text}' (a protest fired on: its protesters)")

    def _parties(self, trig: Trigger, index: ActorIndex, focus: Focus, rules: list[str]) -> Parties:
        lex, entry = self.lexicon, trig.entry
        focus_ok = (lex.event_type(entry.sub) in FOCUS_TYPES or entry.sub == TERRITORY) \
            and fold(entry.sub) not in lex.cue("unattributed_subs")
        parties = self.parties.resolve(trig.token, index, focus.actor if focus_ok else None,
                                       territory=entry.sub == TERRITORY,
                                       symmetric=trig.lexeme in lex.cue("symmetric_triggers"),
                                       agent_loses=entry.agent_loses,
                                       violent=lex.event_type(entry.sub) in FOCUS_TYPES and entry.sub != TERRITORY)
        rules += parties.rules
        if self.parties.is_generic(parties.actor1):
            rules.append(GENERIC_ACTOR1)
        return parties

    def _handover(self, trig: Trigger, sub: str, parties: Parties, index: ActorIndex, rules: list[str]) -> str:
        """An entry after the other side's withdrawal, with no fighting, is a transfer of territory."""
        lex, sent = self.lexicon, trig.token.sent
        if not (trig.entry.handover and peaceful_handover(sent, lex)):
            return sub
        rules.append(f"type: {TRANSFER} (a withdrawal or no resistance, and no fighting in the sentence)")
        parties.actor2 = parties.actor2 or withdrawer(sent, lex, index, parties.actor1)
        if parties.actor2 is not None:
            rules.append(f"actor2: '{parties.actor2.span.text}' (withdraws)")
        return TRANSFER

    def _suicide(self, sub: str, trig: Trigger, rules: list[str]) -> str:
        """'cuatro coches bomba suicidas': a bomb whose sentence names a suicide attacker; 'otro suicida de
        Hamás mató a once personas', 'un suicida atacó un convoy de la OTAN': a killing or an assault whose subject
        (or its coordinated verb's) is one."""
        markers = self.lexicon.cue("suicide_markers")
        if sub == "Remote explosive/landmine/IED" and {fold(t.text) for t in trig.token.sent} & markers:
            rules.append("type: Suicide bomb (a suicide attacker in the sentence)")
            return "Suicide bomb"
        tok = trig.token
        verbs = [tok] + ([tok.head] if tok.dep_ == "conj" else [])   # ("un suicida atacó un convoy y mató a ocho")
        if sub in ("Attack", "Armed clash") and any(fold(t.text) in markers for v in verbs for c in v.children
                                                    if c.dep_ == "nsubj" for t in c.subtree):
            rules.append("type: Suicide bomb (a suicide attacker is the subject)")
            return "Suicide bomb"
        return sub

    def _taken_by_armed_group(self, sub: str, parties: Parties, rules: list[str]) -> str:
        """'el Estado Islámico … a los que capturó el lunes': people an armed group takes are abducted (ACLED
        codes arrests by state forces only)."""
        a1 = parties.actor1
        if sub != ARRESTS or a1 is None or not self._armed_group(a1) or self.parties.is_state(a1):
            return sub
        rules.append(f"type: {ABDUCTION} (people taken by an armed group, not a state)")
        return ABDUCTION

    def _on_the_unarmed(self, sub: str, trig: Trigger, parties: Parties, rules: list[str],
                        places: Sequence[Place] = ()) -> str:
        """With no armed party named against it, a clash aimed at the unarmed is an attack on civilians: an
        assault on a school, a hospital or a place of worship ('hombres armados asaltaron el Colegio de Kagara'), a
        bar an armed group bursts into ('un comando irrumpió en un bar'), shots at a named person, at unarmed people
        ('dispararon contra la multitud', 'contra un joven serbio') or at a car."""
        entered = "place" in (trig.entry.obj or ())   # "irrumpió en un bar": the building entered is the target
        if sub != "Armed clash" or not (trig.entry.civilian_target or entered) or parties.actor2 is not None \
                or (entered and self.parties.is_state(parties.actor1)):
            return sub   # (state forces raiding a party, "infantes de marina irrumpieron en una fiesta", fight)
        cases = self.lexicon.cue("target_cases") | (self.lexicon.cue("entered_cases") if entered else frozenset())
        target = next((c for c in trig.token.children if c.dep_ == "obj" or (
            c.dep_ in ("obl", "nmod") and case_of(c) & cases)), None)
        if target is None:   # ("dispararon desde un coche contra un joven serbio": the parse hangs it lower)
            target = next((c for c in trig.token.subtree if c.i > trig.token.i and c.dep_ in ("obl", "nmod")
                           and case_of(c) & self.lexicon.cue("target_cases")), None)
        if target is None:
            return sub
        if fold(target.text) in self.lexicon.cue("civilian_buildings"):
            rules.append(f"type: Attack (the target is a civilian building, '{target.text}')")
            return "Attack"
        if self._civilian_vehicle(target) or (not entered and (
                self._named_person(target, trig, parties, places) or self._unarmed_people(target))):
            rules.append(f"type: Attack (shot at a person or a car, '{target.text}', with no armed party against it)")
            return "Attack"
        return sub

    @staticmethod
    def _named_person(target, trig: Trigger, parties: Parties, places: Sequence[Place]) -> bool:
        """'dispararon … contra Sonia Córdova': a person the model names -- not a town it calls a person, nor the
        shooter himself, nor the subject of a passive."""
        a1 = parties.actor1
        return target.ent_type_ == "PER" and not is_passive(trig.token) \
            and not any(p.span.start <= target.idx < p.span.end for p in places) \
            and not (a1 is not None and a1.span.start <= target.idx < a1.span.end)

    def _person_killed(self, trig: Trigger, parties: Parties, places: Sequence[Place]) -> bool:
        """'cuatro sicarios mataron a Juan Gómez': the object of a verb that needs a civilian victim is a person
        the model names, no actor of the catalogue (not 'mataron a tres yihadistas'), not killed in a fight the verb
        tells ('mató en combate a')."""
        fights = self.lexicon.cue("fight_nouns")
        if parties.actor2 is not None or any(c.dep_ == "obl" and keys(c) & fights for c in trig.token.children):
            return False    # ("mató en combate a Isnilon Hapilon": a fight's toll)
        tok = trig.token
        return any(c.dep_ == "obj" and (self._named_person(c, trig, parties, places) or _clitic_for_a_person(c, tok))
                   for c in tok.children)

    def _unarmed_people(self, target) -> bool:
        """'contra la multitud', 'contra un joven serbio' (the model may read 'joven' as the adjective)."""
        people = self.lexicon.cue("civilian_people")
        return fold(target.text) in people or any(c.dep_ == "amod" and c.i < target.i and fold(c.text) in people
                                                  for c in target.children)

    def _civilian_vehicle(self, target) -> bool:
        """'dispararon contra la camioneta': a car not told as military ('un vehículo militar')."""
        return fold(target.text) in self.lexicon.cue("civilian_vehicles") and not any(
            keys(c) & self.lexicon.cue("military_modifiers") for c in target.children)

    def _reports_riots(self, text: str) -> bool:
        words = self.lexicon.cue("riot_words")
        return bool(words) and words_pattern(words).search(fold(text)) is not None

    def _by_rioters(self, sub: str, parties: Parties, focus: Focus, rules: list[str]) -> str:
        """'Los primeros enfrentamientos estallaron en Nanterre, donde jóvenes encapuchados quemaron coches':
        in a report of riots, clashes, fire and thrown objects with no armed group or army among the
        parties are the riot (ACLED: Violent demonstration)."""
        if not focus.riots or sub not in RIOT_SUBS or any(
                m is not None and (self._armed_group(m) or m.canonical.startswith("Military Forces"))
                for m in (parties.actor1, parties.actor2)):
            return sub
        rules.append("type: Violent demonstration (no armed party, in a report of riots)")
        return "Violent demonstration"

    def _armed_group(self, m: ActorMention) -> bool:
        return m.actor_type in ARMED_GROUP_TYPES

    def _by_air(self, sub: str, parties: Parties, rules: list[str], tok=None) -> str:
        """'la aviación israelí atacó cientos de objetivos', 'cazas estadounidenses bombardearon piezas de
        artillería': an attack whose agent is an air force or its aircraft (``air_agents``) is an air strike,
        whatever it hit."""
        a1 = parties.actor1
        flyers = self.lexicon.cue("air_agents")
        flies = a1 is not None and parties.source != "focus" and bool(set(fold(a1.span.text).split()) & flyers)
        if sub not in AIR_OVERRIDES or not (flies or _flying_subject(tok, flyers | self.lexicon.cue("aircraft"))):
            return sub
        who = f"the agent '{a1.span.text}'" if flies else f"the subject of '{tok.text}'"
        rules.append(f"type: Air/drone strike ({who} flies)")
        return "Air/drone strike"

    def _regain(self, sub: str, parties: Parties, where: Optional[Where], rules: list[str]) -> str:
        a1 = parties.actor1
        regained = regain_or_transfer(sub, self.parties.is_state(a1), a1.country if a1 else None,
                                      where.place if where else None)
        if regained != sub:
            rules.append(f"type: {regained} (state forces take over in their own country, or abroad)")
        return regained

    def _build(self, document: Document, span: Span, trig: Trigger, sub: str, parties: Parties,
               when: Optional[When], where: Optional[Where], reporter, rules: list[str]) -> EventMention:
        lex = self.lexicon
        country = where.place.country if where else None
        day = when.start if when else None
        mention = EventMention(
            doc_id=document.doc_id, sentence=span, trigger=Span(trig.start, trig.end, document.text[trig.start:trig.end]),
            event_type=lex.event_type(sub), sub_event_type=sub,
            date_start=when.start if when else None, date_end=when.end if when else None,
            time_precision=contract_precision(when.precision) if when else None,
            actor1=self.parties.name(parties.actor1, country, day),
            actor2=self.parties.name(parties.actor2, country, day),
            assoc_actor1=self.parties.name(parties.assoc1, country, day), place=where.place if where else None,
            attribution=self._attribution(reporter), confidence=self._confidence(parties, when, where, reporter),
            rules=rules)
        if mention.actor2 == mention.actor1:
            mention.actor2 = None
        return mention

    def _claimant_name(self, m: ActorMention, target: EventMention) -> Optional[str]:
        country = target.place.country if target.place else None
        return self.parties.name(self.parties.as_forces(m), country, target.date_start)

    @staticmethod
    def _attribution(reporter) -> Optional[str]:
        if reporter is None:
            return None
        subj = [c for c in reporter.children if c.dep_.startswith("nsubj")]
        return " ".join(t.text for t in subj[0].subtree) if subj else reporter.text

    @staticmethod
    def _confidence(p: Parties, when: Optional[When], where: Optional[Where], reporter) -> float:
        c = 0.3 + (0.2 if p.explicit else 0.08 if p.actor1 else 0.0)
        c += {"clause": 0.2, "sentence": 0.14, "focus": 0.05}.get(where.source, 0) if where else 0
        if when:
            c += {"day": 0.15, "week": 0.12, "month": 0.09}.get(when.precision or "", 0.04)
            c -= 0.07 if when.source == "narrative" else 0
        c += 0.03 if reporter is not None else 0
        return round(max(0.05, min(0.99, c)), 2)

    @staticmethod
    def _update_focus(focus: Focus, p: Parties, where: Optional[Where]) -> None:
        if where is not None and (where.source != "focus" or focus.place is None) and rank(where.place) < 3 \
                and (focus.lead is None or where.place.country == focus.lead.country):
            # (a town taken from the paragraph settles the story's place if none has; an event abroad does not
            # move a story whose lead placed it: "la detención … cerca de El Paso" in a story of Culiacán)
            focus.place = where.place
        if p.source in ("agent", "subject", "preceding", "weapon") and p.actor1 is not None and not is_civilian(p.actor1):
            focus.actor = p.actor1

    def _fatalities(self, span: Span, mentions: list[EventMention], sent, earlier: list[EventMention],
                    timexes: list[Timex]) -> None:
        violent = [m for m in mentions if m.event_type in VIOLENT_TYPES]
        stated = [(span.start + off, n, "stated") for off, n in fatalities_in(span.text, self.lexicon)]
        named = [(at, n, "named") for at, n in named_victims(sent, self.lexicon, frozenset(at for at, _, _ in stated))]
        for at, n, how in sorted(stated + named):
            if violent:
                m = min(violent, key=lambda m: abs(m.trigger.start - at))
                m.fatalities = (m.fatalities or 0) + n
                m.rules.append(f"fatalities: {n} {how} at {at}")
            else:
                told = [t.interval for t in timexes if span.start <= t.span.start < span.end and t.interval]
                self._fatalities_back(n, at, sent, earlier, how, told)

    def _fatalities_back(self, n: int, at: int, sent, earlier: list[EventMention], how: str = "stated",
                         told: Sequence[tuple[date, date]] = ()) -> None:
        """'más de 70 personas murieron en el ataque': a toll told of an event named again, not a new one,
        belongs to the last violent event told (the larger toll when it already has one) -- unless the
        sentence dates itself elsewhere ("el peor desde el perpetrado en agosto de 1998, que causó 213")."""
        back = self.lexicon.cue("claimed_nouns") | self.lexicon.cue("fighting_cues")
        target = next((m for m in reversed(earlier) if m.event_type in VIOLENT_TYPES), None)
        if target is None or not any(fold(t.text) in back for t in sent):
            return
        if target.date_start and any(b < target.date_start or a > target.date_end for a, b in told):
            return
        target.fatalities = max(target.fatalities or 0, n)
        target.rules.append(f"fatalities: {n} {how} at {at} of the event named again")
