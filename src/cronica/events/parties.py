"""Who took part: actor1/actor2/assoc_actor1 from the parse, else weaker evidence (weapon gentilicio,
another subject of the sentence, an actor named earlier in it, the actor in focus)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from cronica.actors.catalogue import ActorEntry, Catalogue, allied, load_catalogue
from cronica.text.normalize import fold
from cronica.actors.patterns import load_patterns
from cronica.events.arguments import RELATIVE, ActorIndex, Roles, roles_for
from cronica.events.lexicon import TERRITORY, TriggerEntry, load_lexicon
from cronica.events.syntax import ancestors, case_of, keys
from cronica.events.where import bordering
from cronica.model import ActorMention, Span


def _name_head(t):
    """The head of the multi-word name a token is in ('Unidos' -> 'Estados')."""
    while t.dep_ in ("flat", "fixed", "compound") and t.head.i < t.i:
        t = t.head
    return t


def _mention_root(t, m: ActorMention):
    """The token of an actor's mention that heads it in the parse ('Ministerio' of 'el Ministerio de Defensa')."""
    while t.head.i != t.i and m.span.start <= t.head.idx < m.span.end:
        t = t.head
    return t


@dataclass
class Parties:
    actor1: Optional[ActorMention] = None
    actor2: Optional[ActorMention] = None
    assoc1: Optional[ActorMention] = None
    explicit: bool = False
    source: str = ""          # agent, weapon, subject, preceding, reporter-side, focus
    rules: list[str] = field(default_factory=list)


PROTESTERS = "Protesters"                              # ACLED actor type
EXCESSIVE_FORCE = "Excessive force against protesters"
FIRED_ON_PROTESTERS = frozenset({"Armed clash", "Attack"})   # lexicon types that, aimed at protesters, are one of these


STATE_VICTIM_RULE = "type: Attack (state force"   # the rule trail's mark of a killing of police or soldiers


def is_civilian(m: Optional[ActorMention]) -> bool:
    return m is not None and m.actor_type == "Civilians"


def _inanimate_subject(tok, roles: Roles, non_agents: frozenset[str]) -> bool:
    """'el pánico que se apoderó de los mercados': the verb's own subject is a feeling or a state of things
    (the language's `non_agent_subjects`), so no actor from elsewhere in the sentence is its agent."""
    own = [c for c in tok.children if c.dep_ == "nsubj"]
    return tok.pos_ == "VERB" and bool(own) and bool(roles.agent) and fold(roles.agent[0].lemma_) in non_agents \
        and (roles.agent[0] in own or fold(own[0].text) in RELATIVE)


class PartyResolver:
    """Stateless; the catalogue and lexicon are cached per process."""

    def __init__(self, language: str = "es") -> None:
        self.language = language

    @property
    def catalogue(self) -> Catalogue:
        return load_catalogue(self.language)

    def resolve(self, tok, index: ActorIndex, focus_actor: Optional[ActorMention], territory: bool = False,
                symmetric: bool = False, agent_loses: bool = False, violent: bool = False) -> Parties:
        """actor1 (agent), actor2 (patient), assoc_actor1, from syntax, then weaker evidence (in a violent
        event, a person named as its subject: an unidentified armed attacker). In a
        symmetric event ('X y Y combatieron') a second, non-allied party is actor2. When the agent
        gives territory up (`agent_loses`: 'se retiraron de X'), it is actor2 and actor1 stays open."""
        lex = load_lexicon(self.language)
        roles: Roles = roles_for(tok, lex.cue("reporting_verbs"))
        p = Parties(rules=[f"roles: {h}" for h in roles.how])
        p.actor1 = next((m for m in map(index.best_in, roles.agent) if m), None)
        p.actor2 = next((m for m in map(index.best_in, roles.patient) if m and m is not p.actor1), None)
        if tok.pos_ == "NOUN" and is_civilian(p.actor1) and p.actor2 is None:
            p.actor1, p.actor2 = None, p.actor1   # "las matanzas de civiles": the victims, not the killers
            p.rules.append("roles: civilians after an event noun are its victims")
        if agent_loses:
            return self._loser_agent(p)
        if p.actor1 is not None:
            p.explicit, p.source = True, "agent"
            p.rules.append(f"actor1: '{p.actor1.span.text}' ({p.actor1.rule}, agent)")
            head = next(h for h in roles.agent if index.best_in(h) is p.actor1)
            self._leader_first(p, index, head, lex.cue("leader_verbs"))
            members = [m for m in index.members(head) + index.backers(head)
                       if m.actor_id not in (p.actor1.actor_id, getattr(p.assoc1, "actor_id", None))]
            if members and p.assoc1 is None:
                p.assoc1 = members[0]
                p.rules.append(f"assoc_actor1: '{members[0].span.text}' (coordination/membership)")
        elif _inanimate_subject(tok, roles, lex.cue("non_agent_subjects")):
            p.rules.append(f"actor1: none (its subject '{roles.agent[0].text}' is no actor)")
        else:
            if p.actor2 is None and not symmetric:
                p.actor2 = self._victim_subject(tok, index)
            p.actor1, p.source = self._fallback(tok, index, p.actor2, focus_actor, territory, symmetric, violent)
            if p.actor1 is not None:
                p.rules.append(f"actor1: '{p.actor1.span.text}' (no agent in the clause: {p.source})")
        if p.actor2 is None and not symmetric and p.actor1 is not None:
            victim = self._victim_subject(tok, index)
            if victim is not None and victim.actor_id != p.actor1.actor_id:
                p.actor2 = victim
        if p.actor2 is not None:
            p.rules.append(f"actor2: '{p.actor2.span.text}' ({p.actor2.rule}, patient)")
        elif symmetric and p.source == "agent":
            self._other_side(p, roles, index)
        return p

    @staticmethod
    def _loser_agent(p: Parties) -> Parties:
        """'Las fuerzas rusas se retiraron de Jersón': who withdraws is actor2."""
        if p.actor1 is not None:
            p.actor2, p.actor1, p.explicit, p.source = p.actor1, None, True, "loser"
            p.rules.append(f"actor2: '{p.actor2.span.text}' (gives the territory up; actor1 is who takes over)")
        return p

    @staticmethod
    def _leader_first(p: Parties, index: ActorIndex, head, leader_verbs: frozenset[str]) -> None:
        """'Los rebeldes sirios, encabezados por HTS': the leader is actor1, the led force its associate."""
        leader = next((m for m in index.led_by(p.actor1, head.doc, leader_verbs) if m.actor_id != p.actor1.actor_id), None)
        if leader is None:
            return
        p.assoc1, p.actor1 = p.actor1, leader
        p.rules.append(f"actor1: '{leader.span.text}' (leads '{p.assoc1.span.text}')")

    def as_forces(self, m: Optional[ActorMention]) -> Optional[ActorMention]:
        """A government (a president, a minister) in a battle or an attack acts through its military."""
        if m is None or not m.actor_id.startswith("government:"):
            return m
        entry = self.catalogue.get("military:" + m.actor_id.partition(":")[2])
        if entry is None:
            return m
        return ActorMention(span=m.span, actor_id=entry.id, canonical=entry.name, actor_type=entry.type,
                            country=entry.country, rule=m.rule)

    def as_protesters(self, m: Optional[ActorMention]) -> Optional[ActorMention]:
        """'unas 150.000 personas se concentraron para repudiar el ataque': people protesting are protesters."""
        entry = self.catalogue.get("protesters")
        if not is_civilian(m) or entry is None:
            return m
        return ActorMention(span=m.span, actor_id=entry.id, canonical=entry.name, actor_type=entry.type,
                            country=None, rule=m.rule)

    def is_generic(self, m: Optional[ActorMention]) -> bool:
        """'hombres armados', 'los yihadistas' with nothing to refer to: weak evidence of who it was."""
        return m is not None and (m.rule == "coref-fallback" or "generic" in self._entry(m).tags)

    def is_state(self, m: Optional[ActorMention]) -> bool:
        return m is not None and self._entry(m).is_state

    def _other_side(self, p: Parties, roles: Roles, index: ActorIndex) -> None:
        """The other party of a symmetric event: another subject or a conjunct, not an ally."""
        others = [m for m in map(index.best_in, roles.agent) if m and m.actor_id != p.actor1.actor_id]
        candidates = others + ([p.assoc1] if p.assoc1 is not None else [])
        other = next((m for m in candidates if not allied(p.actor1.canonical, m.canonical, self.language)), None)
        if other is None:
            return
        p.actor2 = other
        if p.assoc1 is other:
            p.assoc1 = None
        p.rules.append(f"actor2: '{other.span.text}' (other side of a symmetric event)")

    def _fallback(self, tok, index: ActorIndex, patient, focus_actor, territory: bool, symmetric: bool = False,
                  violent: bool = False) -> tuple[Optional[ActorMention], str]:
        """No agent in the clause: the weapon's gentilicio, a subject the clause hangs from (not one who
        died in it, unless the event is symmetric), an actor named earlier in the sentence, a state
        reporter (territory only), then the actor in focus."""
        steps = [("weapon", lambda: self._weapon_owner(tok)),
                 ("subject", lambda: self._sentence_subject(tok, index, patient, symmetric)),
                 ("person", lambda: self._person_agent(tok) if violent else None),
                 ("preceding", lambda: self._preceding(tok, index, patient, symmetric)),
                 ("reporter-side", lambda: self._reporter_side(tok, index) if territory else None)]
        for source, step in steps:
            m = step()
            if m is not None:
                return m, source
        if focus_actor is not None and (patient is None or focus_actor.actor_id != patient.actor_id):
            return focus_actor, "focus"
        return None, ""

    def _person_agent(self, tok) -> Optional[ActorMention]:
        """'Merah … lo mató de un tiro', 'un joven disparó contra …': a person the model names as the active
        subject of a violent verb, whom no catalogue knows, is an unidentified armed attacker."""
        for verb in [tok] + ([tok.head] if tok.dep_ == "conj" else []):
            if verb.pos_ != "VERB" or any(c.dep_ in ("aux:pass", "nsubj:pass") or (
                    c.dep_ == "aux" and fold(c.lemma_) == "ser") for c in verb.children):
                continue
            for c in verb.children:
                if c.dep_ == "nsubj" and c.ent_type_ == "PER":
                    entry = self.catalogue.get("unidentified_armed_group")
                    ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
                    start, end = (ent.start_char, ent.end_char) if ent is not None else (c.idx, c.idx + len(c.text))
                    return ActorMention(span=Span(start, end, c.doc.text[start:end]), actor_id=entry.id,
                                        canonical=entry.name, actor_type=entry.type, rule="person-agent")
        return None

    def _victim_subject(self, tok, index: ActorIndex) -> Optional[ActorMention]:
        """'Dos soldados murieron … en un ataque': the subject of a clause of dying / being hurt that
        the trigger hangs from is the event's target."""
        for head in [tok] + list(ancestors(tok, 6)):
            if keys(head) & self._reporting:
                return None
            if keys(head) & self._victim_verbs:
                subj = [index.best_in(c) for c in head.children if c.dep_.startswith("nsubj")]
                if head.i > 0:     # a dateline can take the subject's place in the parse: the words just before
                    subj += self._words_before(head, index)
                victim = next((m for m in subj if m is not None), None)
                if victim is not None:
                    return victim
        return None

    @staticmethod
    def _words_before(head, index: ActorIndex, span: int = 12) -> list:
        """Actor mentions among the few words before a verb, back to the clause's last verb
        ('147 personas, en su mayoría estudiantes, murieron'; the last noun first)."""
        out = []
        for j in range(head.i - 1, max(head.sent.start, head.i - span) - 1, -1):
            if head.doc[j].pos_ in ("VERB", "AUX"):
                break
            out.append(index.by_token.get(j))
        return out

    def _died(self, t) -> bool:
        """t is the subject of a verb of dying / being hurt (or the noun right before one: 'Siete
        policías murieron' under a dateline the parser took for the subject)."""
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        return (t.dep_.startswith("nsubj") and bool(keys(t.head) & self._victim_verbs)) or (
            nxt is not None and nxt.pos_ in ("VERB", "AUX") and bool(keys(nxt) & self._victim_verbs))

    def _sentence_subject(self, tok, index: ActorIndex, patient, symmetric: bool = False) -> Optional[ActorMention]:
        """The subject of a clause the trigger hangs from ('Decenas de soldados … murieron en combates'),
        never the source of a report ('informó el Ejército'), nor, in a one-sided event, one who died."""
        for head in [tok] + list(ancestors(tok, 6)):
            if keys(head) & (self._reporting | self._searching):
                return None
            if not symmetric and keys(head) & self._victim_verbs:
                continue
            for c in head.children:
                if c.dep_.startswith("nsubj") and c.i != tok.i:
                    m = index.best_in(c)
                    if m is not None and not is_civilian(m) and (patient is None or m.actor_id != patient.actor_id):
                        return m
        return None

    @property
    def _reporting(self) -> frozenset[str]:
        return load_lexicon(self.language).cue("reporting_verbs")

    @property
    def _searching(self) -> frozenset[str]:
        return load_lexicon(self.language).cue("search_verbs")

    @property
    def _victim_verbs(self) -> frozenset[str]:
        return load_lexicon(self.language).cue("victim_subject_verbs")

    def _weapon_owner(self, tok) -> Optional[ActorMention]:
        """'un ataque con misiles rusos', 'drones ucranianos': the gentilicio on the weapon names the force."""
        forms = load_patterns(self.language).demonym_forms
        cases = load_lexicon(self.language).cue("weapon_cases")
        # (the weapon in a phrase "con misiles rusos", "de un misil ruso", or the subject "tanques armenios";
        # not a source: "según el Ministerio de Defensa azerbaiyano")
        holders = [c for c in tok.children
                   if (c.dep_ in ("nmod", "obl") and case_of(c) & cases) or c.dep_ == "nsubj"]
        near = [c for c in tok.children] + [g for c in holders for g in c.children]
        for t in near:
            cc = forms.get(fold(t.text))
            if cc and t.dep_ == "amod":
                entry = self.catalogue.get(f"military:{cc}")
                return ActorMention(span=Span(t.idx, t.idx + len(t.text), t.text), actor_id=entry.id,
                                    canonical=entry.name, actor_type=entry.type, country=cc, rule="demonym-weapon")
        return None

    def _preceding(self, tok, index: ActorIndex, patient, symmetric: bool = False) -> Optional[ActorMention]:
        """The nearest armed actor named earlier in the same sentence (a parse without a subject),
        unless it is the source of a report or, in a one-sided event, one who died in it."""
        tok_up = set(tok.ancestors)
        lex = load_lexicon(self.language)
        for t in reversed([t for t in tok.sent if t.i < tok.i]):
            m = index.by_token.get(t.i)
            if m is None or is_civilian(m) or (patient is not None and m.actor_id == patient.actor_id):
                continue
            if not symmetric and self._died(t):
                continue
            if t.dep_ == "obj" and t.head.i != tok.i:
                continue    # "Tras matar a un policía …, irrumpió en el club": the victim of another verb
            if case_of(_mention_root(t, m)) & lex.cue("source_cases"):
                continue    # "según el Ministerio de Defensa azerbaiyano": who tells it, not who did it
            if bordering(_name_head(t), lex.cue("border_nouns"), lex.cue("partner_marks")):
                continue    # "en esta ciudad fronteriza con Estados Unidos": a neighbour, not an attacker
            if t.dep_.startswith("nsubj") and keys(t.head) & (self._reporting | self._searching):
                continue
            if t.dep_ == "amod" and t.head.dep_.startswith("nsubj") and keys(t.head.head) & self._searching:
                continue    # "La Policía keniana busca a …": the searchers (their adjective read first)
            if any(a.pos_ == "VERB" and a.dep_.startswith("acl") and a not in tok_up for a in t.ancestors):
                continue   # "irrumpieron en el recinto, donde miles de personas esperaban …, dispararon": not them
            return m
        return None

    def _reporter_side(self, tok, index: ActorIndex) -> Optional[ActorMention]:
        """'El Ministerio de Defensa de Irak anunció que capturaron…': a state reporter speaks for its forces."""
        for a in ancestors(tok, 5):
            if keys(a) & self._reporting:
                subj = [c for c in a.children if c.dep_.startswith("nsubj")]
                m = index.best_in(subj[0]) if subj else None
                return self.as_forces(m) if m is not None and m.actor_type == "State forces" else None
        return None

    def _entry(self, m: ActorMention) -> ActorEntry:
        return self.catalogue.get(m.actor_id) or ActorEntry(id=m.actor_id, name=m.canonical, type=m.actor_type,
                                                            country=m.country, tags=("non_state",))

    def name(self, m: Optional[ActorMention], country: Optional[str], when=None) -> Optional[str]:
        """The canonical name at the event's place (country) and date (`when`: the period's name)."""
        if m is None:
            return None
        if m.actor_id.endswith(":?") and country:
            entry = self.catalogue.get(m.actor_id[:-1] + country)
            return (entry.name_at(when) or entry.name) if entry else m.canonical
        return self._entry(m).name_for(country, self.catalogue.country_name(country), when)

    def _state_victim(self, p: Parties) -> bool:
        """'un yihadista mató a un policía': the victim is a state force, the killer is not one."""
        if p.actor2 is None or is_civilian(p.actor2) or not self._entry(p.actor2).is_state:
            return False
        return p.actor1 is None or not self._entry(p.actor1).is_state

    def sub_event(self, entry: TriggerEntry, p: Parties, rules: list[str], pro_drop: bool = False) -> Optional[str]:
        """The sub-event type: the lexicon's, Attack on civilians, or who gains territory. The actor in
        focus counts as a party only for a verb whose subject is left unsaid ("irrumpieron en los barrios")."""
        if p.actor2 is not None and p.actor2.actor_type == PROTESTERS and entry.sub in FIRED_ON_PROTESTERS:
            state = p.actor1 is not None and self._entry(p.actor1).is_state
            sub = EXCESSIVE_FORCE if state else "Attack"
            rules.append(f"type: {sub} (protesters are the target{', of state forces' if state else ''})")
            return sub
        named = [p.actor2] + ([p.actor1] if p.source != "focus" or pro_drop else [])
        if entry.needs_party and not any(m is not None and not is_civilian(m) for m in named) \
                and not (entry.civilian_target and is_civilian(p.actor2)):
            # ("un ataque armado … 20 personas murieron": civilians killed by someone unnamed is an Attack)
            rules.append("type: needs an armed or state party, none found")
            return None
        if entry.state_victim and self._state_victim(p):
            rules.append(f"{STATE_VICTIM_RULE} '{p.actor2.canonical}' killed by others)")
            return "Attack"
        if entry.needs_civilian and not is_civilian(p.actor2):
            rules.append("type: needs a civilian victim, none found")
            return None
        if is_civilian(p.actor2) and entry.civilian_target:
            rules.append("type: the target is civilian -> Attack")
            return "Attack"
        if entry.sub != TERRITORY:
            rules.append(f"type: {entry.sub} (lexicon)")
            return entry.sub
        if p.actor1 is not None:
            state = self._entry(p.actor1).is_state
            who = f"gainer '{p.actor1.canonical}' is {'state' if state else 'non-state'}"
        elif p.actor2 is not None:
            state = not self._entry(p.actor2).is_state
            who = f"loser '{p.actor2.canonical}' is {'non-state' if state else 'state'}"
        else:
            state, who = True, "no actor: default"
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        rules.append(f"type: {sub} ({who})")
        return sub
