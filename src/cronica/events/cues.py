"""Is a trigger an event? Negation, modality, purpose, background, reported speech."""
from __future__ import annotations

from typing import Optional

from cronica.actors.catalogue import fold
from cronica.events.lexicon import Lexicon
from cronica.events.syntax import ancestors, children, is_verbal, keys

PURPOSE_HEADS = {"objetivo", "fin", "proposito", "intencion", "miras", "meta", "plan", "intento"}
CHAIN_DEPS = ("xcomp", "obj", "nsubj", "nmod", "conj", "ccomp", "csubj", "acl", "advcl")


def _chain(tok, limit: int = 4) -> list:
    """The trigger and the predicates it hangs from, up to the first finite verb."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.dep_.split(":")[0] not in CHAIN_DEPS or cur.head is cur:
            break
        cur = cur.head
        out.append(cur)
        if is_verbal(cur) and "Fin" in cur.morph.get("VerbForm"):
            break
    return out


def _negated(tok, lex: Lexicon) -> bool:
    return any(fold(c.text) in lex.cue("negation") and c.dep_ in ("advmod", "neg", "cc", "mark", "case")
               for c in tok.children)


def _hypothetical(tok, lex: Lexicon) -> bool:
    if "Fut" in tok.morph.get("Tense"):
        return True
    if "Cnd" in tok.morph.get("Mood") and not any(fold(c.lemma_) == "haber" for c in tok.children):
        return True
    for c in children(tok, ("aux",)):
        if keys(c) & lex.cue("modal_verbs") or "Fut" in c.morph.get("Tense"):
            return True
        if "Cnd" in c.morph.get("Mood") and fold(c.lemma_) != "haber":
            return True
    return False


def _purpose(tok, lex: Lexicon) -> bool:
    for node in _chain(tok):
        if is_verbal(node) and "Inf" in node.morph.get("VerbForm"):
            marks = {fold(c.text) for c in node.children if c.dep_ in ("mark", "case")}
            if marks & {"para", "a fin de", "con el fin de"} or (marks & {"de", "a"} and fold(node.head.text) in PURPOSE_HEADS):
                return True
            if node.dep_ == "conj" and _purpose(node.head, lex):
                return True
    return False


def completion(tok, lex: Lexicon):
    """'la operación para recuperar X, iniciada en mayo y concluida a finales de junio':
    the participle that says the purpose was achieved, else None."""
    head = tok.head
    if tok.dep_ != "acl" or head is tok:
        return None
    for d in head.subtree:
        if fold(d.text) in lex.cue("completion_participles"):
            return d
    return None


def non_event_reason(tok, lex: Lexicon, duration_tokens: frozenset[int]) -> Optional[str]:
    """Why this trigger is not an event (None when it is one)."""
    chain = _chain(tok)
    for node in chain:
        if _negated(node, lex):
            return f"negated ({node.text})"
        if node is not tok and keys(node) & lex.cue("modal_verbs") and not keys(node) & lex.cue("achieved_verbs"):
            return f"modal ({node.text})"
        if _hypothetical(node, lex):
            return f"hypothetical ({node.text})"
        if is_verbal(node) and "Fin" in node.morph.get("VerbForm"):
            break
    if _purpose(tok, lex) and completion(tok, lex) is None:
        return "purpose"
    if tok.head.i in duration_tokens and tok.dep_.startswith("nmod"):
        return f"background duration ({tok.head.text})"
    if keys(tok) & lex.cue("ongoing_verbs"):
        return "ongoing state"
    return None


def reporting_verb(tok, lex: Lexicon):
    """The reporting verb this trigger's clause depends on ('anunció que capturaron'), if any."""
    for a in ancestors(tok, 5):
        if keys(a) & lex.cue("reporting_verbs") and is_verbal(a):
            return a
    return None
