"""Who did it to whom: agent and patient from the dependency parse, mapped to actor mentions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from cronica.text.normalize import fold
from cronica.events.syntax import ancestors, case_of, children, is_passive, is_verbal, keys
from cronica.model import ActorMention

RELATIVE = {"que", "quien", "quienes", "cual", "cuales"}
RULE_RANK = {"alias": 0, "demonym": 0, "unknown-group": 0, "coref-apposition": 0, "state-focus": 1, "coref": 2,
             "coref-fallback": 3}
BACKER_DEPS = ("acl", "amod")
BY_CASES = {"por", "por parte de", "por parte del", "a manos de", "a manos del"}
MEMBER_VERBS = {"incluir", "integrar", "agrupar", "componer", "formar", "reunir", "englobar", "aglutinar"}


@dataclass
class Roles:
    agent: list = field(default_factory=list)       # head tokens
    patient: list = field(default_factory=list)
    backers: list = field(default_factory=list)     # "respaldadas por X"
    how: list[str] = field(default_factory=list)    # rule trail


class ActorIndex:
    """Actor mentions addressed by token index."""

    def __init__(self, mentions: list[ActorMention], sdoc) -> None:
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            span = sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            for t in span or ():
                self.by_token.setdefault(t.i, m)

    def best_in(self, head, max_depth: int = 2) -> Optional[ActorMention]:
        """The best actor mention in the noun phrase headed by `head` (near its head, not in its
        relative clauses, participles or 'contra X' complements)."""
        best, best_key = None, None
        stack = [(head, 0)]
        while stack:
            tok, depth = stack.pop()
            m = self.by_token.get(tok.i)
            if m is not None:
                key = (RULE_RANK.get(m.rule, 2), depth, tok.i)
                if best_key is None or key < best_key:
                    best, best_key = m, key
            if depth >= max_depth:
                continue
            for c in tok.children:
                if c.dep_ in ("conj", "cc", "punct") or (c.dep_ in BACKER_DEPS and is_verbal(c)) or c.dep_ == "acl" \
                        or case_of(c) & {"contra", "en", "hacia", "desde"}:
                    continue
                stack.append((c, depth + 1))
        return best

    def backers(self, head) -> list[ActorMention]:
        """'las fuerzas del régimen, apoyadas por la aviación rusa': the backer is an associate."""
        out = []
        for c in head.children:
            if c.dep_ in BACKER_DEPS and is_verbal(c):
                out += [m for m in map(self.best_in, _by_agent(c)) if m]
        return out

    def led_by(self, m: ActorMention, doc, leader_verbs: frozenset[str]) -> list[ActorMention]:
        """'los rebeldes, encabezados por el grupo HTS': who leads the force named by mention `m`."""
        out = []
        for c in (c for i, x in self.by_token.items() if x is m for c in doc[i].children):
            if c.dep_ in BACKER_DEPS and keys(c) & leader_verbs:     # the participle may be tagged ADJ
                out += [m for m in map(self.best_in, _by_agent(c)) if m]
        return out

    def members(self, head) -> list[ActorMention]:
        """Conjoined actors ('X y Y') and members named in 'X, que incluyen a Y'."""
        out = []
        for c in head.children:
            if c.dep_ == "conj":
                m = self.best_in(c)
                if m:
                    out.append(m)
            if c.dep_.startswith("acl") and keys(c) & MEMBER_VERBS:
                for o in children(c, ("obj",)):
                    m = self.best_in(o)
                    if m:
                        out.append(m)
        return out


def _by_agent(tok) -> list:
    """'por X' complements ('respaldadas por X', passive agents)."""
    return [c for c in children(tok, ("obl", "obj", "nmod")) if case_of(c) & BY_CASES]


def _into_hands(verb) -> list:
    out = []
    for o in children(verb, ("obl", "nmod")):
        cases = " ".join(case_of(o))
        if "manos" in cases or "poder de" in cases or "poder del" in cases:
            out.append(o)
        elif fold(o.lemma_) in ("mano", "manos", "poder"):
            out += [g for g in children(o, ("nmod",))]
    return out


def _antecedent(subj):
    if fold(subj.text) in RELATIVE and subj.head.dep_.startswith("acl"):
        return subj.head.head
    return subj


def verb_roles(verb, reporting_verbs: frozenset[str]) -> Roles:
    r = Roles()
    subj = [_antecedent(s) for s in children(verb, ("nsubj",))]
    if is_passive(verb):
        r.patient, r.agent = subj, _by_agent(verb)
        r.how.append("passive: subject is patient")
        if not subj and _infinitive_passive(verb):
            # "fue trasladado ... después de ser apuñalado": the one stabbed is the governing clause's subject
            gov = next((a for a in ancestors(verb, 3) if is_verbal(a)), None)
            r.patient = [_antecedent(s) for s in children(gov, ("nsubj",))] if gov is not None else []
            if r.patient:
                r.how.append(f"passive infinitive: patient is the subject of '{gov.text}'")
    else:
        r.agent = subj
        r.patient = [o for o in children(verb, ("obj", "iobj")) if not case_of(o) & {"por"}]
        r.patient += [o for o in children(verb, ("obl",)) if case_of(o) & {"contra", "a", "con"}]
    taker_and_taken = not is_passive(verb) and len(children(verb, ("nsubj", "obj"))) >= 2
    hands = [] if taker_and_taken else _into_hands(verb)
    if hands:                       # "Mosul cayó en manos del Estado Islámico": the gainer, not the subject
        # (not "recuperaron Douentza, en poder de los islamistas": there the holder the town was taken from)
        r.agent, r.patient = hands, []
        r.how.append("roles: 'en manos de X' is the gainer")
    if not r.agent and not is_passive(verb) and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        # (a passive clause shares no agent: "murieron al ser derribado": the dead are no authors)
        if keys(verb.head) & reporting_verbs and verb.dep_ != "xcomp" and "Inf" not in verb.morph.get("VerbForm"):
            r.how.append("agent: not the reporter")
        else:
            up = verb_roles(verb.head, reporting_verbs)
            r.agent = up.agent
            r.how.append(f"agent: shared with '{verb.head.text}' ({verb.dep_})")
    if not r.agent and verb.dep_ in ("amod", "acl") and not is_verbal(verb.head):
        r.patient = r.patient or [verb.head]
    return r


def _infinitive_passive(verb) -> bool:
    """'ser apuñalado', 'tras ser secuestrada': a passive participle under an infinitive 'ser'."""
    return any("Inf" in c.morph.get("VerbForm") for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop"))


def _agents_below(noun, depth: int = 3) -> list:
    """'por X' complements of a noun or of the nouns under it ('el asesinato de cientos de civiles por el LRA',
    however the parser hangs the 'por')."""
    out, frontier = [], [noun]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("nmod", "obl")]
        out += [c for c in frontier if case_of(c) & BY_CASES]
    return out


def _relative_object(verb) -> bool:
    """The clause's object is a relative pronoun: the noun it hangs from is what the verb acts on."""
    return any(g.dep_ == "obj" and _relative_word(g) for g in verb.children)


def _relative_word(t) -> bool:
    """A relative pronoun (the model tags Spanish 'que' SCONJ or PRON Rel)."""
    return "Rel" in t.morph.get("PronType") or (t.pos_ == "SCONJ" and t.dep_ in ("obj", "nsubj"))


def noun_roles(noun, reporting_verbs: frozenset[str]) -> Roles:
    r = Roles()
    for c in noun.children:
        cases = case_of(c)
        if c.dep_ in ("nmod", "obl") and cases & {"contra", "con"}:
            r.patient.append(c)
        elif c.dep_ in ("nmod", "obl") and cases & {"entre"}:
            r.agent.append(c)                                   # "enfrentamientos entre X y Y"
            r.patient += [g for g in c.children if g.dep_ == "conj"]
            r.how.append("roles: 'entre X y Y'")
        elif c.dep_ in ("nmod", "obl") and cases & BY_CASES:
            r.agent.insert(0, c)                               # "la toma de Mosul por el EI"
        elif c.dep_ in ("nmod",) and cases & {"de", "del"}:
            r.agent.append(c)
        elif c.dep_.startswith("acl") and is_verbal(c) and _relative_object(c):
            # "el ataque que insurgentes yihadistas lanzaron": the relative clause's subject
            r.agent += [g for g in c.children if g.dep_.startswith("nsubj") and not _relative_word(g)]
            r.how.append("roles: subject of a relative clause on the event noun")
        elif c.dep_ in ("amod", "acl") and is_verbal(c):
            r.agent += _by_agent(c)
            # "la operación lanzada ayer contra la organización X": the participle's target
            # (the model may call it the participle's object: "perpetrado ayer contra un grupo de cristianos")
            r.patient += [o for o in c.children if o.dep_ in ("obl", "obj") and case_of(o) & {"contra"}]
        elif c.dep_ == "amod":
            r.agent.append(c)      # "la operación policial", "la ofensiva rusa": the force it is named after
    if noun.dep_ == "nsubj" and noun.head.pos_ == "NOUN" and any(c.dep_ == "cop" for c in noun.head.children):
        # "La masacre de Atiak fue el asesinato de cientos de civiles por el LRA": the predicate tells who
        r.agent = _agents_below(noun.head) + r.agent
        r.how.append(f"told by the predicate '{noun.head.text}'")
    if noun.dep_ == "nsubj" and "Part" in noun.head.morph.get("VerbForm") and not r.agent:
        # "que el bombardeo efectuado el 3 de enero por la fuerza francesa ... mató": the model may hang the
        # noun under its participle as a subject; the participle's "por X" is still the event's agent
        r.agent += _by_agent(noun.head)
    if noun.dep_ == "nsubj" and is_verbal(noun.head) and not keys(noun.head) & reporting_verbs:
        # "otra incursión mató a más de un centenar de musulmanes": the verb's object is the event's target
        r.patient += [o for o in noun.head.children if o.dep_ == "obj"]
    if True:  # the light verb's subject comes after "de X" candidates
        cur = noun
        while cur.dep_ in ("nmod", "obj", "obl") and not is_verbal(cur.head) and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ in ("obj",) and is_verbal(cur.head):
            up = verb_roles(cur.head, reporting_verbs)
            r.agent += up.agent
            r.how += up.how
    return r


def roles_for(tok, reporting_verbs: frozenset[str]) -> Roles:
    if is_verbal(tok) and tok.pos_ != "NOUN":
        return verb_roles(tok, reporting_verbs)
    return noun_roles(tok, reporting_verbs)
