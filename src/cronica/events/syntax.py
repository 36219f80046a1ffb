"""Small helpers over a spaCy dependency parse (language-independent, UD labels)."""
from __future__ import annotations

import functools
from typing import Iterable, Iterator

from cronica.text.normalize import fold

CLITICS = ("se", "lo", "la", "los", "las", "le", "les", "nos")


def keys(tok) -> frozenset[str]:
    """Folded lemma and form, plus the infinitive under an enclitic ("replegarse" -> "replegar")."""
    return _keys(tok.text, tok.lemma_)


@functools.lru_cache(maxsize=65536)
def _keys(text: str, lemma: str) -> frozenset[str]:
    form = fold(text)
    out = {fold(lemma), form}
    for c in CLITICS:
        if form.endswith(c) and len(form) > len(c) + 2 and form[-len(c) - 1] == "r":
            out.add(form[:-len(c)])
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
