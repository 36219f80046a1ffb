"""Claims and attributions: 'JNIM reivindicó el ataque', 'atribuyó el atentado a la guerrilla del ELN'.

A claimed event is one the document has already told: the claim names its perpetrator (when the
telling left it open or generic) and is not a new event. The verbs and nouns are the lexicon's.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from cronica.events.arguments import ActorIndex
from cronica.events.lexicon import Lexicon
from cronica.events.syntax import case_of, children, keys
from cronica.model import ActorMention, EventMention
from cronica.text.normalize import fold

WEAK_ACTOR_RULES = ("coref-fallback", "(no agent in the clause: focus)", "generic (weak evidence)")


@dataclass(frozen=True)
class Claim:
    noun: object                 # the claimed event noun (spaCy token)
    claimant: ActorMention
    accused: bool = False        # "culpó del ataque a X", "acusó a X de atacar": X is blamed for the act


def _reflexive(verb) -> bool:
    """'El EI se atribuyó la matanza': a reflexive pronoun on the verb (the subject claims it for itself)."""
    return any("Yes" in c.morph.get("Reflex") for c in verb.children)


def _claimed_noun(verb, lex: Lexicon):
    # (with a reflexive, the model may read the claimed noun as a second subject: "se atribuyó la matanza")
    for o in children(verb, ("obj", "nsubj") if _reflexive(verb) else ("obj",)):
        if keys(o) & lex.cue("claim_wrappers"):          # "asumió la autoría del ataque"
            inner = [g for g in children(o, ("nmod",)) if keys(g) & lex.cue("claimed_nouns")]
            return inner[0] if inner else None
        if keys(o) & lex.cue("claimed_nouns"):
            return o
    if verb.dep_.startswith("acl") and keys(verb.head) & lex.cue("claimed_nouns"):
        return verb.head        # "un ataque que las autoridades atribuyen a Sendero Luminoso"
    rel = verb.head
    if verb.dep_ == "conj" and rel.dep_.startswith("acl") and keys(rel.head) & lex.cue("claimed_nouns"):
        return rel.head         # "el atentado que causó decenas de muertos y que reivindicó el Estado Islámico"
    return None


def _claimant(verb, noun, lex: Lexicon, index: ActorIndex) -> Optional[ActorMention]:
    if keys(verb) & lex.cue("claim_verbs") or _reflexive(verb):   # the subject (a misparse may hang it elsewhere)
        cands = children(verb, ("nsubj",)) + [c for c in verb.children if c.i != noun.i and not c.dep_.startswith("nsubj")]
        return next((m for m in map(index.best_in, cands) if m), None)
    cands = [c for c in list(verb.children) + list(noun.children) if c.i != noun.i and _to(c, lex)]
    return next((m for m in map(index.best_in, cands) if m), None)


def _to(c, lex: Lexicon) -> bool:
    """Marked as the object ('a', 'al'), also as the head of a fixed expression the model joined ('al frente 36')."""
    return any(case.split()[0] in lex.cue("victim_markers") for case in case_of(c))


def _accused(verb, index: ActorIndex, lex: Lexicon, act=None) -> Optional[ActorMention]:
    """'acusó a Rusia de atacar a la población': the accused (the accusation's object); also where the
    parser hangs it on the act ('culpó del ataque al grupo Al Shabab')."""
    cands = [c for c in verb.children if c.dep_ in ("obj", "iobj", "obl") and _to(c, lex)]
    if act is not None and act.pos_ == "NOUN":
        cands += [c for c in act.children if c.dep_ == "nmod" and _to(c, lex)]
    if act is not None and not cands:   # bare verb: the 'a' phrase right after the act
        cands = [t for t in verb.doc[act.i + 1:act.i + 4] if _to(t, lex)]
    return next((m for m in map(index.best_in, cands) if m), None)


def _accused_act(verb, lex: Lexicon, violent: set[str]):
    """The violent act of an accusation ('acusó a Rusia de atacar …', 'culpó del ataque a X'), or None
    ('acusó a Ruanda de apoyar a los rebeldes' is no violence)."""
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp") or c.dep_.startswith("obl")]
    acts += [g for c in acts for g in c.children if g.dep_ in ("obj", "nmod")]   # "de haber lanzado el proyectil"
    if not acts:     # a misparse leaves the verb bare ("culpó del ataque al grupo …"): the words after it
        acts = [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ in ("NOUN", "VERB")]
    return next((c for c in acts if any(lex.event_type(e.sub) in violent for e in lex.entries_for(keys(c)))), None)


def claims_in(sent, lex: Lexicon, index: ActorIndex, violent: set[str]) -> list[Claim]:
    out = []
    verbs = lex.cue("claim_verbs") | lex.cue("blame_verbs")
    for tok in sent:
        if tok.pos_ != "VERB":      # cheap first: verbs only
            continue
        lemma = fold(tok.lemma_)
        if lemma in lex.cue("accuse_verbs"):
            act = _accused_act(tok, lex, violent)
            who = _accused(tok, index, lex, act) if act is not None else None
            if who is not None:
                out.append(Claim(act, who, accused=True))
            continue
        if lemma not in verbs:
            continue
        noun = _claimed_noun(tok, lex)
        who = _claimant(tok, noun, lex, index) if noun is not None else None
        if who is not None:
            # ("atribuyó a la guerrilla del ELN el atentado": the one blamed did it, not the one who speaks)
            blamed = lemma in lex.cue("blame_verbs") and not _reflexive(tok)
            out.append(Claim(noun, who, accused=blamed))
    return out


def _weak(m: EventMention) -> bool:
    return m.actor1 is None or any(r.startswith("actor1:") and any(w in r for w in WEAK_ACTOR_RULES) for r in m.rules)


def _another_time(own: EventMention, told: EventMention) -> bool:
    """The claimed event has a date of its own that cannot be the told event's."""
    if None in (own.date_start, own.date_end, told.date_start, told.date_end):
        return False
    dated = any(r.startswith("date:") and "narrative" not in r and "report" not in r for r in own.rules)
    # (a claim dated after the event is a later claim of it: "reivindicó el martes el ataque")
    return dated and own.date_end < told.date_start


def _elsewhere(own: EventMention, told: EventMention) -> bool:
    """The accused act is placed somewhere else than the told event ('acusó a Rusia de atacar Járkov')."""
    return own.place is not None and told.place is not None and own.place.name != told.place.name


def _where_named(m: EventMention, places_here: frozenset[str]) -> bool:
    return m.place is not None and bool({m.place.name, m.place.admin1} & places_here)


def apply_claims(claims: list[Claim], mentions: list[EventMention], earlier: list[EventMention],
                 violent: set[str], name: Callable[[ActorMention, EventMention], Optional[str]],
                 places_here: frozenset[str] = frozenset()) -> list[EventMention]:
    """Give each claim to the last violent event told before it -- the last one at a place (or in a
    province) the claim's sentence names, if any ('el gobernador de Antioquia atribuyó el ataque',
    'el atentado de Cali'); the claim's own trigger is then no second event. With nothing told
    before, the sentence's mentions stand."""
    for c in claims:
        told = [m for m in earlier if m.event_type in violent]
        target = next((m for m in reversed(told) if _where_named(m, places_here)), None) or (told[-1] if told else None)
        own = next((m for m in mentions if m.trigger.start <= c.noun.idx < m.trigger.end), None)
        if own is not None and target is not None and (_another_time(own, target) or (c.accused and _elsewhere(own, target))):
            target = own        # "A mediados de noviembre el TPLF ya reivindicó el lanzamiento de cohetes": its own event
            if _weak(own):
                own.actor1 = name(c.claimant, own)
                own.rules.append(f"actor1: '{c.claimant.span.text}' (claims it: '{c.noun.text}')")
            continue
        if target is None:
            # told here for the first time: the claimant or the accused did it ("acusó a Rusia de atacar
            # Járkov", "un ataque que las autoridades atribuyen a Sendero Luminoso")
            if own is not None and (c.accused or _weak(own)):
                own.actor1 = name(c.claimant, own)
                own.rules.append(f"actor1: '{c.claimant.span.text}' (claims, is blamed for or accused of it: '{c.noun.text}')")
            continue
        if _weak(target):
            target.actor1 = name(c.claimant, target)
            target.rules.append(f"actor1: '{c.claimant.span.text}' (claims or is blamed for it: '{c.noun.text}')")
        mentions = [m for m in mentions if not (m.trigger.start <= c.noun.idx < m.trigger.end)]
    return mentions
