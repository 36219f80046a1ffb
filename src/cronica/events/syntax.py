"""Small helpers over a spaCy dependency parse (language-independent, UD labels)."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator, Optional

from cronica.text.normalize import fold

CLITICS = ("se", "lo", "la", "los", "las", "le", "les", "nos")


def keys(tok) -> frozenset[str]:
    """Folded lemma and form, plus the infinitive under an enclitic ("replegarse" -> "replegar")."""
    return _keys(tok.text, tok.lemma_)


AR_PAST_ENDINGS = ("aran", "aron", "aras", "ara")   # past subjunctive and preterite of -ar verbs


@functools.lru_cache(maxsize=65536)
def _keys(text: str, lemma: str) -> frozenset[str]:
    form = fold(text)
    out = {fold(lemma), form}
    for c in CLITICS:
        if form.endswith(c) and len(form) > len(c) + 2 and form[-len(c) - 1] == "r":
            out.add(form[:-len(c)])
    for e in AR_PAST_ENDINGS:   # the model's lemma of a past -ar form can be broken ("mataran" -> "matarar")
        if form.endswith(e) and len(form) - len(e) >= 3:
            out.add(form[:-len(e)] + "ar")
            break
    return frozenset(out)


def is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or bool(tok.morph.get("VerbForm"))


def ancestors(tok, limit: int = 8) -> Iterator:
    cur, n = tok, 0
    while cur.head.i != cur.i and n < limit:
        cur = cur.head
        n += 1
        yield cur


def clause_verb(tok):
    """The verb (or predicate) that governs `tok`: itself when verbal, else the first verbal ancestor."""
    if is_verbal(tok):
        return tok
    for a in ancestors(tok):
        if is_verbal(a) or a.dep_ == "ROOT":
            return a
    return tok


def unsaid_subject(tok) -> bool:
    """A finite plural verb with no subject of its own ("A finales de mes irrumpieron en los barrios")."""
    return tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm") and "Plur" in tok.morph.get("Number") \
        and not any(c.dep_.startswith(("nsubj", "csubj")) and not _disagrees(c) for c in tok.children) \
        and tok.dep_ in ("ROOT", "ccomp")


def _disagrees(subj) -> bool:
    """A lone singular noun parsed as a plural verb's subject is not its subject ("El fin de semana se
    hicieron con …": a time, the subject left unsaid)."""
    return subj.pos_ == "NOUN" and "Sing" in subj.morph.get("Number") and not any(c.dep_ == "conj" for c in subj.children)


def coordinated(a, b) -> bool:
    """Two different verbs joined by coordination ('destruyó un cuartel en Erbil y atacó posiciones en Idlib')."""
    if a.i == b.i:
        return False
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i) \
        or (a.dep_ == b.dep_ == "conj" and a.head.i == b.head.i)


SUBORDINATE, RELATIVE = "subordinate", "relative"


def other_clause(tok, trigger, located: frozenset[str] = frozenset(),
                 plain_marks: frozenset[str] = frozenset(), adverbial: frozenset[str] = frozenset()) -> Optional[str]:
    """Is `tok` in a clause of its own that the trigger is not in? SUBORDINATE: one with a subordinator
    ('desde que Peña Nieto llegó a la Presidencia, en diciembre de 2012'), even hung on the trigger;
    RELATIVE: a relative or participle clause describing another noun ('Acevedo, abatido el 23 de marzo en
    Zacoalco'), which the parser hangs loosely; else None. Its dates and places are that clause's. A
    participle that only says where something is ('la cárcel, situada en Támara': `located`) is no clause
    of its own; nor is a noun the parser hung as one ("un ataque con dron contra Finote Selam"), and
    `plain_marks` ("que") are no subordinator of their own (the parser marks relatives with them); a
    relative opened by an `adverbial` word ("en Somalia, donde el Ejército entró en octubre de 2011", "el
    centro comercial, cuyo asedio concluyó el martes") is a clause of its own as a subordinate one is."""
    verb = clause_verb(tok)
    if verb.pos_ not in ("VERB", "AUX") or verb.i == trigger.i or verb.is_ancestor(trigger) \
            or verb.i == clause_verb(trigger).i or keys(verb) & located:
        return None
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if marks and "Fin" in verb.morph.get("VerbForm") and any(c.pos_ == "SCONJ" for c in marks) \
            and any(fold(c.text) not in plain_marks for c in marks):
        return SUBORDINATE
    if verb.dep_ in ("acl", "acl:relcl") and any(fold(t.text) in adverbial for t in verb.subtree if t.i < verb.i):
        return SUBORDINATE
    if verb.dep_ in ("acl", "acl:relcl") and trigger.i not in (verb.head.i, verb.head.head.i):
        return RELATIVE
    return None


def tree_distance(a, b) -> int:
    path_a = [a] + list(ancestors(a, 40))
    idx = {t.i: n for n, t in enumerate(path_a)}
    for m, t in enumerate([b] + list(ancestors(b, 40))):
        if t.i in idx:
            return idx[t.i] + m
    return 99


def case_of(tok) -> set[str]:
    """Folded prepositions/markers attached to a nominal (including fixed multiword ones)."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            out.add(fold(" ".join([c.text] + [f.text for f in c.children if f.dep_ == "fixed"])))
    return out


def is_passive(tok) -> bool:
    if tok.dep_.endswith(":pass") or any(c.dep_.endswith(":pass") for c in tok.children):
        return True
    return "Part" in tok.morph.get("VerbForm") and any(
        fold(c.lemma_) == "ser" or fold(c.text) in ("sido", "fue", "fueron", "fueran", "es", "son", "han sido")
        for c in tok.children if c.dep_ in ("aux", "cop"))


def is_pluperfect(tok) -> bool:
    return any(fold(c.text) in ("habia", "habian", "hubo", "hubieron", "hubiera", "hubieran") for c in tok.children
               if c.dep_ == "aux")


def children(tok, deps: Iterable[str]) -> list:
    deps = tuple(deps)
    return [c for c in tok.children if c.dep_ in deps or c.dep_.split(":")[0] in deps]


def token_at(sdoc, start: int, end: int):
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
