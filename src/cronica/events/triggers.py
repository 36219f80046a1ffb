"""Trigger detection: lexicon lemmas and phrases, checked against the parse."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from cronica.text.normalize import fold
from cronica.events.arguments import BY_CASES
from cronica.events.lexicon import Lexicon, TriggerEntry
from cronica.events.syntax import case_of, children, clause_verb, is_passive, is_verbal, keys

COMPLEMENT_DEPS = ("obj", "obl", "nmod", "iobj", "nsubj", "xcomp", "appos")


@dataclass(frozen=True)
class Trigger:
    token: object            # spaCy Token: the head of the trigger
    start: int
    end: int
    entry: TriggerEntry
    lexeme: str


@dataclass(frozen=True)
class SentenceContext:
    place_tokens: frozenset[int]      # token indices inside a place name
    actor_tokens: frozenset[int]      # token indices inside an actor mention
    armed_actor: bool                 # the sentence names a non-civilian actor
    armed_document: bool = True       # the document names one somewhere
    riot_document: bool = False       # the document reports riots
    armed_tokens: frozenset[int] = frozenset()   # inside a mention of an armed actor (not civilians, not a government)


def _pos_ok(tok, entry: TriggerEntry) -> bool:
    if not entry.pos:
        return True
    if "VERB" in entry.pos and is_verbal(tok):
        return True
    if tok.pos_ == "PROPN":   # a misparsed common noun, not a name ("Granada")
        after_break = tok.i > 0 and tok.doc[tok.i - 1].text[-1:] in ".-–—:"
        return "NOUN" in entry.pos and (tok.is_sent_start or after_break or tok.text.islower() or tok.text.isupper())
    if tok.pos_ == "ADJ" and "NOUN" in entry.pos and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "DET":
        return True           # a noun misparsed as an adjective after its article ("la emboscada yihadista")
    return tok.pos_ in entry.pos


def _complements(tok) -> list:
    out = [_antecedent(c) for c in children(tok, COMPLEMENT_DEPS)]
    if tok.dep_ == "xcomp":   # "volvió a entrar en la ciudad", "volvió a tomar la ciudad": the parser hangs
        # the complement on "volvió" (a name after the verbs even as its subject: "volvió a tomar Baiji")
        out += [c for c in children(tok.head, ("obl", "obj", "nsubj")) if c.i > tok.i]
    if tok.dep_ in ("acl", "amod") and "Part" in tok.morph.get("VerbForm") and tok.head.i != tok.i:
        out.append(tok.head)   # "las doce personas asesinadas ayer": the noun a participle qualifies
    return out + [g for c in out if c.dep_ in ("obj", "obl") for g in children(c, ("nmod", "conj", "appos"))]


def _antecedent(tok):
    """'Tal Afar, que fue liberada': the relative pronoun stands for its antecedent."""
    if fold(tok.text) in ("que", "cual", "cuales", "donde") and tok.head.dep_.startswith("acl"):
        return tok.head.head
    return tok


def _antecedents(tok) -> list:
    """What a subject stands for; a relative pronoun's antecedent may be the noun the parser hung the
    clause on or the one that noun completes ('ataques … contra Ucrania, que alcanzó')."""
    a = _antecedent(tok)
    return [a] + ([a.head] if a is not tok and a.dep_.startswith("nmod") else [])


def _counted(subjects: list, lex: Lexicon) -> list:
    """Subjects with what a number word counts ("miles de soldados": 'miles' and 'soldados')."""
    return subjects + [g for a in subjects if a.pos_ == "NUM" or fold(a.text) in lex.cue("quantity_heads")
                       for g in a.children if g.dep_ == "nmod"]


def _is_place(tok, lex: Lexicon, ctx: SentenceContext) -> bool:
    return tok.i in ctx.place_tokens or fold(tok.lemma_) in lex.cue("place_nouns") \
        or fold(tok.text) in lex.cue("place_nouns") or (tok.ent_type_ == "LOC" and tok.i not in ctx.actor_tokens) \
        or _place_clitic(tok, ctx)


def _place_clitic(tok, ctx: SentenceContext) -> bool:
    """'la ciudad de Palmira ...: el Ejército la reconquistó': an object pronoun after a place named
    earlier in the sentence stands for it."""
    return tok.pos_ == "PRON" and "Acc" in tok.morph.get("Case") and "3" in tok.morph.get("Person") \
        and any(tok.sent.start <= i < tok.i for i in ctx.place_tokens)


def _constraints_ok(tok, entry: TriggerEntry, lex: Lexicon, ctx: SentenceContext) -> bool:
    comps = _complements(tok)
    if entry.not_obj and any(keys(c) & entry.not_obj for c in comps):
        return False
    if entry.obj:
        wanted = set(entry.obj)
        objs = [c for c in comps if c.dep_ == "obj" or (c.dep_ == "obl" and case_of(c) & lex.cue("person_object_markers"))]
        if "place" in wanted and not entry.loser_is_object and any(
                _is_person(c, lex, ctx) and not _is_place(c, lex, ctx) and not case_of(c) & BY_CASES
                for c in objs) and not any(_is_place(c, lex, ctx) and not case_of(c) for c in objs):
            return False   # "capturó en el sur de la capital a Ricardo Carvajal": a person taken, no ground
            #                (not "arrebataron al EI la ciudad": ground taken from someone)
        if "place" in wanted and any(_is_place(c, lex, ctx) and not case_of(c) & lex.cue("launch_origins")
                                     and not (entry.agent_loses and _told_where(c, lex.cue("withdrawal_not_ground")))
                                     for c in comps):
            pass   # (not a place one comes from: "el comando había llegado desde la vecina Tamaulipas")
        elif not any(keys(c) & wanted or {w for w in wanted if " " not in w} & set(" ".join(case_of(c)).split())
                     for c in comps):
            return False
    if entry.weak and not _military(tok, lex, ctx):
        return False
    if entry.not_by and any(keys(a) & entry.not_by for c in children(tok, ("nsubj", "nsubj:pass"))
                            for a in _counted(_antecedents(c), lex)):
        return False   # "un ataque que alcanzó el hospital": the subject is a strike
    if entry.not_by and _struck_by(tok, entry.not_by):
        return False   # "un An-26 fue alcanzado a 6.500 metros sobre la región de Lugansk por un misil": a hit
    if (entry.needs_context and not ctx.armed_document) or (entry.riot_only and not ctx.riot_document):
        return False
    if entry.plural and "Plur" not in tok.morph.get("Number"):
        return False
    if entry.sentence_cues and not any(fold(t.text) in entry.sentence_cues for t in tok.sent if t.i != tok.i):
        return False
    if entry.needs_verb and not (keys(_governing_verb(tok)) & entry.needs_verb or _event_noun_head(tok, entry)):
        return False
    if entry.clause_verbs and not keys(clause_verb(tok)) & entry.clause_verbs:
        return False
    if entry.person_object and not any(_is_person(c, lex, ctx) for c in comps):
        return False
    return True


def _told_where(c, cases: frozenset[str]) -> bool:
    """A complement told with one of `cases`, or a name inside one ("en una avenida de Boca del Río")."""
    return bool(case_of(c) & cases or (c.dep_ in ("nmod", "flat", "appos") and case_of(c.head) & cases))


def _struck_by(tok, weapons: frozenset[str]) -> bool:
    """Is the verb passive with one of `weapons` as its agent, wherever the parse hangs it ("fue alcanzado …
    por un misil")?"""
    return is_passive(tok) and any(keys(t) & weapons and case_of(t) & BY_CASES for t in tok.sent if t.i > tok.i)


def _is_person(tok, lex: Lexicon, ctx: SentenceContext) -> bool:
    return bool(keys(tok) & lex.cue("person_nouns")) or tok.ent_type_ == "PER" or tok.i in ctx.actor_tokens


def _governing_verb(tok):
    """The verb a weapon word depends on: its clause's, or its head's when the tagger took the noun for a
    verb that is a subject or object ('un dron ucraniano alcanzó una ambulancia')."""
    if is_verbal(tok) and tok.dep_.startswith(("nsubj", "obj")) and tok.head.i != tok.i:
        return tok.head
    return clause_verb(tok)


def _event_noun_head(tok, entry: TriggerEntry) -> bool:
    """'el impacto de un misil': a weapon under an event noun of its entry is an event without a verb."""
    return tok.dep_.startswith("nmod") and tok.head.pos_ == "NOUN" and bool(keys(tok.head) & entry.needs_verb)


def _military(tok, lex: Lexicon, ctx: SentenceContext) -> bool:
    """A weak trigger ('operación', 'avance', 'campaña') counts with a military modifier, a place it is
    aimed at, or an armed actor as the subject of its clause."""
    if any(keys(c) & lex.cue("military_modifiers") for c in tok.children):
        return True
    if any(_weapon_noun(c, lex) for c in tok.children):
        return True            # "el ataque con cohete": a weapon makes it military
    if tok.dep_ == "obl" and keys(tok.head) & lex.cue("victim_subject_verbs"):
        return True            # "160 personas murieron en el ataque": people died in it
    if any(_is_place(c, lex, ctx) and {fold(g.text) for g in c.children} & {"hacia", "contra", "sobre", "en"}
           for c in tok.children if c.dep_ in ("nmod", "obl")):
        return True
    verb = clause_verb(tok)
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and c.i != tok.i]
    if any(t.i in ctx.armed_tokens for s in subjects for t in s.subtree):
        return True            # "las tropas rusas se retiraron de X": the verb's own armed subject
    return verb.i != tok.i and any(t.i in ctx.armed_tokens for t in tok.subtree if t.i != tok.i)


def _phrase_hits(sent, lex: Lexicon) -> list[tuple[int, int, TriggerEntry, str]]:
    """Leftmost-longest, non-overlapping phrase matches (one compiled regex)."""
    pattern = lex.phrase_pattern
    if pattern is None:
        return []
    base = sent.start_char
    hits = ((m, lex.phrase_of(m.group())) for m in pattern.finditer(fold(sent.text)))
    return [(base + m.start(), base + m.end(), lex.phrase_entry[ph], ph) for m, ph in hits if ph]


def find_triggers(sent, lex: Lexicon, ctx: SentenceContext) -> list[Trigger]:
    """Triggers of one sentence in text order (a token triggers at most one entry)."""
    out: list[Trigger] = []
    covered: set[int] = set()
    doc = sent.doc
    for start, end, entry, ph in _phrase_hits(sent, lex):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.i in ctx.actor_tokens for t in span):
            continue
        if entry.needs_verb and not (keys(_governing_verb(span.root)) & entry.needs_verb
                                     or _event_noun_head(span.root, entry)):
            continue   # "la escisión que rechaza el alto el fuego": a truce named, none agreed
        covered.update(t.i for t in span)
        out.append(Trigger(span.root, start, end, entry, ph))
    for tok in sent:
        if tok.i in covered or tok.i in ctx.actor_tokens or tok.i in ctx.place_tokens or _kind_of(tok, lex):
            continue
        for entry in lex.entries_for(keys(tok)):
            if _pos_ok(tok, entry) and _constraints_ok(tok, entry, lex, ctx):
                out.append(Trigger(tok, tok.idx, tok.idx + len(tok.text), entry, fold(tok.lemma_)))
                break
    return _instruments(sorted(out, key=lambda t: t.start), lex)


def _kind_of(tok, lex: Lexicon) -> bool:
    """'un avión de combate', 'carros de asalto': the word names a kind of thing, not an event."""
    return tok.dep_.startswith("nmod") and bool(case_of(tok) & lex.cue("of_words")) \
        and bool(keys(tok.head) & lex.cue("kind_heads"))


def _on_event_noun(head, by_token: dict) -> bool:
    """A relative clause hangs from an event noun that triggers ('el ataque que …') or from the
    weapon of one ('el ataque con cohete que …')."""
    if head.pos_ != "NOUN":
        return False
    return head.i in by_token or (head.dep_ == "nmod" and head.head.i in by_token and head.head.pos_ == "NOUN")


def _weapon_noun(tok, lex: Lexicon) -> bool:
    return bool(case_of(tok) & lex.cue("instrument_markers")) and any(e.needs_verb for e in lex.entries_for(keys(tok)))


def _weapon(tok, t: Trigger, lex: Lexicon) -> Optional[TriggerEntry]:
    """'un bombardeo de artillería', 'un ataque con cohetes': an instrument noun (an entry that needs a
    verb to be an event of its own) under the trigger types it, even where it is no trigger itself."""
    if not case_of(tok) & lex.cue("instrument_markers"):
        return None
    return next((e for e in lex.entries_for(keys(tok)) if e.needs_verb and e.sub != t.entry.sub), None)


def _instruments(triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """'bombardearon con artillería': the instrument decides the type; one trigger, not two."""
    by_token = {t.token.i: t for t in triggers}
    drop, out = set(), []
    for t in triggers:
        weapon = next((w for c in t.token.children if c.i not in by_token
                       for w in [_weapon(c, t, lex)] if w is not None), None)
        if weapon is not None:
            t = Trigger(t.token, t.start, t.end, weapon, f"{t.lexeme}+{weapon.id}")
        for c in t.token.children:
            if not {fold(x.text) for x in c.children} & lex.cue("instrument_markers"):
                continue
            tools = [by_token[x.i] for x in [c] + [g for g in c.children if g.dep_ == "conj"] if x.i in by_token]
            tools = [i for i in tools if i.entry.sub != t.entry.sub]
            if tools:   # a misparse hangs the second instrument on the verb ("con drones y misiles")
                tools += [by_token[g.i] for g in t.token.children if g.dep_ == "conj" and g.pos_ == "NOUN"
                          and g.i in by_token and by_token[g.i].entry.sub != t.entry.sub]
            if tools:      # "atacaron con drones y misiles": the first instrument types it, none is a second event
                drop.update(i.token.i for i in tools)
                t = Trigger(t.token, t.start, t.end, tools[0].entry, f"{t.lexeme}+{tools[0].lexeme}")
        shot = [by_token[c.i] for c in t.token.children if c.dep_ == "obj" and c.i in by_token
                and by_token[c.i].entry.needs_verb and by_token[c.i].entry.sub != t.entry.sub]
        if shot and t.token.pos_ == "VERB":   # "dispararon 38 misiles": the weapon types it, one trigger
            drop.add(shot[0].token.i)
            t = Trigger(t.token, t.start, t.end, shot[0].entry, f"{t.lexeme}+{shot[0].lexeme}")
        out.append(t)
        subjects = [c for c in t.token.children if c.dep_.startswith("nsubj")]
        if any(c.i in by_token and not any(g.dep_ == "cop" for g in c.children) for c in subjects) \
                and all(c.i in by_token for c in subjects):
            # "un ataque aéreo mató a tres civiles": the subject is the event (not "… es el segundo asesinato
            # …: ETA mató …", a predicate noun the parser hangs on the next clause's verb beside its subject)
            drop.add(t.token.i)
        elif t.token.dep_.startswith("acl") and _on_event_noun(t.token.head, by_token) and any(
                c.dep_.startswith("nsubj") and c.pos_ in ("PRON", "SCONJ") for c in t.token.children):
            drop.add(t.token.i)      # "el ataque con cohete que … mató a doce niños": the same event
    return [t for t in out if t.token.i not in drop]
