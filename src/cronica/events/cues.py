"""Is a trigger an event? Negation, modality, purpose, background, reported speech."""
from __future__ import annotations

import re
from typing import Optional

from cronica.text.normalize import fold
from cronica.events.lexicon import Lexicon
from cronica.events.syntax import ancestors, case_of, children, clause_verb, is_pluperfect, is_verbal, keys

PURPOSE_HEADS = {"objetivo", "fin", "proposito", "intencion", "miras", "meta", "plan", "intento"}
CHAIN_DEPS = ("xcomp", "obj", "nsubj", "nmod", "conj", "ccomp", "csubj", "acl", "advcl")


def _finite(tok) -> bool:
    """A clause of its own: a finite verb, or a participle with a finite auxiliary ('que fue liberada')."""
    if not is_verbal(tok):
        return False
    return "Fin" in tok.morph.get("VerbForm") or any(
        "Fin" in c.morph.get("VerbForm") for c in tok.children if c.dep_.startswith("aux"))


def _chain(tok, limit: int = 4) -> list:
    """The trigger and the predicates it hangs from, up to the first finite clause."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if _finite(cur) or cur.dep_.split(":")[0] not in CHAIN_DEPS or cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _negated(tok, lex: Lexicon) -> bool:
    return any(fold(c.text) in lex.cue("negation") and c.dep_ in ("advmod", "neg", "cc", "mark", "case")
               for c in tok.children)


def _hypothetical(tok, lex: Lexicon) -> bool:
    if "Fut" in tok.morph.get("Tense"):
        return True
    perfect = lex.cue("perfect_auxiliaries")   # ("habría atacado": a report's conditional, no hypothetical)
    if "Cnd" in tok.morph.get("Mood") and not any(fold(c.lemma_) in perfect for c in tok.children):
        return True
    if any(c.dep_ == "advmod" and fold(c.text) in lex.cue("future_adverbs") for c in tok.children) \
            and "Past" not in tok.morph.get("Tense"):
        return True   # '"mañana seremos asesinados"' (a future the tagger may read as a present)
    for c in children(tok, ("aux",)):
        if keys(c) & lex.cue("modal_verbs") or "Fut" in c.morph.get("Tense"):
            return True
        if "Cnd" in c.morph.get("Mood") and fold(c.lemma_) not in perfect:
            return True
    return False


def _purpose(tok, lex: Lexicon) -> bool:
    for node in _chain(tok):
        if is_verbal(node) and "Inf" in node.morph.get("VerbForm"):
            marks = case_of(node)
            if marks & (lex.cue("purpose_markers") | {"para"}) or (marks & {"de", "a"} and fold(node.head.text) in PURPOSE_HEADS):
                return True
            if node.dep_ == "conj" and _purpose(node.head, lex):
                return True
    return False


def _habitual(tok, duration_tokens: frozenset[int], lex: Lexicon) -> bool:
    """'ha intensificado sus ataques en los últimos meses', 'ha intensificado sus bombardeos desde que…':
    many events over a period, not one."""
    if tok.pos_ not in ("NOUN", "PROPN") or "Plur" not in tok.morph.get("Number"):
        return False
    verb = tok.head
    if tok.dep_ in ("obj", "nsubj") and keys(verb) & lex.cue("aggregate_verbs"):
        return True
    anchors = lex.cue("anchor_adverbs")
    return is_verbal(verb) and any(
        (c.i in duration_tokens or any(g.i in duration_tokens for g in c.subtree))
        and not any(fold(g.text) in anchors for g in c.subtree)   # ("cinco días después de los ataques": a step)
        for c in verb.children if c.dep_ in ("obl", "advmod") and c.i != tok.i)


def _after_span_of(tok, lex: Lexicon, time_tokens: frozenset[int]) -> bool:
    """'un día después del ataque de Hamás': an event noun that a span of time is counted from."""
    head = tok.head
    return tok.pos_ == "NOUN" and tok.dep_.startswith(("obl", "nmod")) and head.pos_ == "ADV" \
        and fold(head.text) in lex.cue("anchor_adverbs") and any(c.i in time_tokens for c in head.children) \
        and bool(case_of(tok) & lex.cue("of_words"))


def _anchor_clause(tok, lex: Lexicon, date_tokens: frozenset[int] = frozenset()) -> bool:
    """'… un mes después de que el Gobierno proclamara la liberación de Mosul': the trigger's clause verb
    is a subjunctive right after a time-anchoring 'después de que' (unless the clause dates itself:
    'un día después de que un dron … matara la noche del domingo a cuatro soldados' is an event)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if verb is None or "Sub" not in verb.morph.get("Mood") \
            or any(c.i in date_tokens for c in verb.children if c.dep_.startswith(("obl", "advmod", "obj"))):
        return False
    before = fold(verb.doc[max(0, verb.left_edge.i - 4):verb.i].text)
    words = " ".join(before.split())
    return any(lead in words for lead in lex.cue("anchor_clause_leads"))


def _habit(tok, lex: Lexicon) -> bool:
    """'suelen atacar', 'han empezado a atacar a la fuerza pública con drones': a habit, or a practice
    that began (present perfect), not one event; so is a present or imperfect told with a manner of
    habit ('Rusia ataca de forma sistemática la red eléctrica')."""
    if _habit_manner(tok, lex):
        return True
    if tok.dep_ != "xcomp":
        return False
    head = tok.head
    if keys(head) & lex.cue("habit_verbs"):
        return True
    return bool(keys(head) & lex.cue("onset_verbs")) and any(
        c.dep_.startswith("aux") and fold(c.text) in lex.cue("present_perfect_aux") for c in head.children)


def _habit_manner(tok, lex: Lexicon) -> bool:
    verb = clause_verb(tok)
    if verb.pos_ != "VERB" or not set(verb.morph.get("Tense")) & {"Pres", "Imp"}:
        return False
    left, right = verb.left_edge, verb.right_edge
    words = " ".join(fold(verb.doc.text[left.idx:right.idx + len(right.text)]).split())
    return any(f" {w} " in f" {words} " for w in lex.cue("habit_manners"))


def completion(tok, lex: Lexicon):
    """'la operación para recuperar X, iniciada en mayo y concluida a finales de junio':
    the participle that says the purpose was achieved, else None."""
    head = tok.head
    if tok.dep_ != "acl" or head.i == tok.i:
        return None
    for d in head.subtree:
        if fold(d.text) in lex.cue("completion_participles"):
            return d
    return None


def _background_relative(tok, date_tokens: frozenset[int]) -> bool:
    """'la única capital regional que Moscú había tomado desde el inicio de la invasión': a pluperfect
    relative clause with no date of its own describes the thing named, not a new event."""
    if not tok.dep_.startswith("acl") or not is_verbal(tok) or not is_pluperfect(tok):
        return False
    return not any(t.i in date_tokens for t in tok.subtree)


def _charged_for(tok, lex: Lexicon) -> bool:
    """'condenó a X a 90 años por las muertes de la embajada y por el asesinato de …': the event noun a
    verdict or charge is for (a verb of modal_verbs, a case of charge_cases), or a conjunct of one."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return tok.pos_ == "NOUN" and first.dep_.startswith("obl") and bool(case_of(first) & lex.cue("charge_cases")) \
        and bool(keys(first.head) & lex.cue("modal_verbs"))


def _present_relative(tok) -> bool:
    """'las Fuerzas Armadas, que combaten a los yihadistas', 'No es la primera vez que … matan a civiles',
    'piezas de artillería que disparaban contra las fuerzas kurdas': a verb in the present or imperfect
    indicative of a clause that describes a noun says what is (or was) going on, not one event."""
    return tok.pos_ == "VERB" and tok.dep_.startswith("acl") and bool(set(tok.morph.get("Tense")) & {"Pres", "Imp"}) \
        and "Ind" in tok.morph.get("Mood")


def _during_background(tok, lex: Lexicon, date_tokens: frozenset[int]) -> bool:
    """'había quedado aislada durante la batalla de Mosul': an event noun framing a pluperfect clause,
    with no date of its own, is background told before, not a new event."""
    if tok.pos_ != "NOUN" or not tok.dep_.startswith(("obl", "nmod")) or not is_pluperfect(tok.head):
        return False
    return bool(case_of(tok) & lex.cue("during_words")) and not any(t.i in date_tokens for t in tok.subtree)


def _repelled(tok, node, lex: Lexicon) -> bool:
    """'rechazó este miércoles un ataque de la coalición rebelde': an attack repelled took place."""
    return tok.head.i == node.i and tok.dep_ == "obj" and bool(keys(node) & lex.cue("repel_verbs"))


def non_event_reason(tok, lex: Lexicon, duration_tokens: frozenset[int],
                     date_tokens: frozenset[int] = frozenset()) -> Optional[str]:
    """Why this trigger is not an event (None when it is one)."""
    chain = _chain(tok)
    told = _told_in_a_clause(tok)
    for node in chain:
        if _negated(node, lex):
            return f"negated ({node.text})"
        if node.i != tok.i and keys(node) & lex.cue("modal_verbs") and not keys(node) & lex.cue("achieved_verbs") \
                and not _repelled(tok, node, lex) and not (told and node.i != tok.i):
            return f"modal ({node.text})"
        if _hypothetical(node, lex):
            return f"hypothetical ({node.text})"
    top = chain[-1]
    if top.dep_.split(":")[0] in ("ccomp", "csubj", "xcomp") and keys(top.head) & lex.cue("modal_verbs") \
            and not keys(top.head) & lex.cue("achieved_verbs"):
        return f"modal ({top.head.text} que …)"
    if _purpose(tok, lex) and completion(tok, lex) is None:
        return "purpose"
    if tok.dep_.split(":")[0] in ("nmod", "acl", "obj") and keys(tok.head) & lex.cue("frame_nouns"):
        return f"framed ({tok.head.text})"
    if tok.dep_.split(":")[0] in ("obj", "obl") and keys(tok.head) & lex.cue("comparison_verbs"):
        return f"compared with ({tok.head.text})"   # "la operación supera en víctimas a la matanza de Carandiru"
    if tok.head.i in duration_tokens and tok.dep_.startswith("nmod"):
        return f"background duration ({tok.head.text})"
    if tok.head.i in date_tokens and tok.dep_.startswith("nmod") and tok.pos_ == "NOUN" \
            and case_of(tok) & lex.cue("of_words"):
        return f"time anchor ({tok.head.text} … {tok.text}): an event told before"   # "Al día siguiente de la emboscada"
    if _after_span_of(tok, lex, duration_tokens | date_tokens) and not any(c.i in date_tokens for c in tok.children):
        # "un día después del ataque de X" (not one that dates itself: "tres meses después del atentado
        # suicida del 1 de octubre contra la Asamblea", an event of its own)
        return f"time anchor ({tok.head.text} … {tok.text}): an event told before"
    if _during_background(tok, lex, date_tokens):
        return f"background (during, pluperfect {tok.head.text})"
    if _background_relative(tok, date_tokens):
        return "background (pluperfect relative clause, undated)"
    if _charged_for(tok, lex):
        return f"charged for ({tok.head.text} … {tok.text}): an event told before"
    if _present_relative(tok):
        return "descriptive (a present-tense relative clause)"
    if _habitual(tok, duration_tokens, lex):
        return "habitual (plural over a period)"
    if _habit(tok, lex):
        return f"habitual ({tok.head.text} …)"
    if _anchor_clause(tok, lex, date_tokens):
        return "time anchor (a subjunctive clause after 'después de que' …)"
    if keys(tok) & lex.cue("ongoing_verbs") and set(tok.morph.get("Tense")) & {"Imp", "Pres"}:
        return "ongoing state"
    if _ongoing_since(tok, lex, date_tokens, duration_tokens):
        return "ongoing (present tense since a year or for years)"
    return None


def _told_in_a_clause(tok) -> bool:
    """An event noun its own relative clause tells in the preterite ("pidió una investigación sobre el bombardeo
    aéreo que la tarde del jueves alcanzó un campamento"): the event happened, whatever is asked about it."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "acl" and c.pos_ == "VERB" and "Past" in c.morph.get("Tense")
                                      and "Ind" in c.morph.get("Mood") for c in tok.children)


def _ongoing_since(tok, lex: Lexicon, date_tokens: frozenset[int], duration_tokens: frozenset[int]) -> bool:
    """'donde combaten a los islamistas desde 2011', 'sufre desde hace años los ataques de los
    yihadistas': a verb in the present or imperfect (the trigger or the one it is the object of) since a year, or
    for a span, is a state that goes on, not one event ('se concentran desde el viernes los
    enfrentamientos' is fighting that began on a day: an event)."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children):
        verb = tok   # "donde el Ejército combate desde hace semanas": a present verb the tagger read as a noun
    else:
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_.startswith(("obj", "nsubj")) else None
        if verb is None or verb.pos_ != "VERB" or not (_present_perfect(verb, lex) or (
                set(verb.morph.get("Tense")) & {"Pres", "Imp"} and "Ind" in verb.morph.get("Mood"))):
            return False   # (the imperfect tells a state that went on: "Desde 1979 denunciaban secuestros"; the
            # present perfect a toll that grows: "ha matado a cientos de civiles en Ituri desde 2017")
    since = lex.cue("since_words")
    for t in verb.subtree:
        if fold(t.text) not in since:
            continue
        after = t.doc[t.i + 1:t.i + 6]
        if any(u.i in duration_tokens for u in after[:2]):   # "desde hace años", "desde hace semanas"
            return True
        dated = [u for u in after if u.i in date_tokens]
        if any(_YEAR.fullmatch(u.text) for u in dated) and not any(_DAY.fullmatch(u.text) for u in dated):
            return True
    return False


_YEAR, _DAY = re.compile(r"\d{4}"), re.compile(r"\d{1,2}")


def _present_perfect(verb, lex: Lexicon) -> bool:
    """'ha matado', 'han atacado': a participle with a present-tense perfect auxiliary."""
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_ == "aux" and fold(c.lemma_) in lex.cue("perfect_auxiliaries") and "Pres" in c.morph.get("Tense")
        for c in verb.children)


def toll_update_verb(tok, lex: Lexicon):
    """The verb whose subject's toll the trigger's event is the cause of ('el número de muertos por la explosión
    ascendió hoy a 103'), if the trigger's first verb above it is one."""
    for a in ancestors(tok, 6):
        if is_verbal(a):
            return a if keys(a) & lex.cue("toll_update_verbs") and tok.i < a.i else None
    return None


def reporting_verb(tok, lex: Lexicon):
    """The reporting verb this trigger's clause depends on ('anunció que capturaron'), if any."""
    for a in ancestors(tok, 5):
        if keys(a) & lex.cue("reporting_verbs") and is_verbal(a):
            return a
    return None
