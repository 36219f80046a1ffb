"""Trigger detection: lexicon lemmas and phrases, checked against the parse."""
from __future__ import annotations

import re
from dataclasses import dataclass

from cronica.actors.catalogue import fold
from cronica.events.lexicon import Lexicon, TriggerEntry
from cronica.events.syntax import children, clause_verb, is_verbal, keys

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


def _pos_ok(tok, entry: TriggerEntry) -> bool:
    if not entry.pos:
        return True
    if "VERB" in entry.pos and is_verbal(tok):
        return True
    return tok.pos_ in entry.pos or ("NOUN" in entry.pos and tok.pos_ == "PROPN")


def _complements(tok) -> list:
    out = children(tok, COMPLEMENT_DEPS)
    return out + [g for c in out if c.dep_ in ("obj", "obl") for g in children(c, ("nmod", "conj"))]


def _is_place(tok, lex: Lexicon, ctx: SentenceContext) -> bool:
    return tok.i in ctx.place_tokens or fold(tok.lemma_) in lex.cue("place_nouns") \
        or fold(tok.text) in lex.cue("place_nouns")


def _constraints_ok(tok, entry: TriggerEntry, lex: Lexicon, ctx: SentenceContext) -> bool:
    comps = _complements(tok)
    if entry.obj:
        wanted = set(entry.obj)
        if "place" in wanted and any(_is_place(c, lex, ctx) for c in comps):
            pass
        elif not any(keys(c) & wanted for c in comps):
            return False
    if entry.weak and not (ctx.armed_actor or any(keys(c) & lex.cue("military_modifiers") for c in tok.children)):
        return False
    if entry.needs_verb and not (keys(clause_verb(tok)) & entry.needs_verb):
        return False
    if entry.person_object and not any(
            keys(c) & lex.cue("person_nouns") or c.ent_type_ == "PER" or c.i in ctx.actor_tokens for c in comps):
        return False
    return True


def _phrase_hits(sent, lex: Lexicon) -> list[tuple[int, int, TriggerEntry, str]]:
    text = fold(sent.text)
    hits = []
    for entry in lex.triggers:
        for ph in entry.phrases:
            for m in re.finditer(rf"(?<!\w){re.escape(ph)}(?!\w)", text):
                hits.append((sent.start_char + m.start(), sent.start_char + m.end(), entry, ph))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, TriggerEntry, str]] = []
    for h in hits:
        if all(h[1] <= k[0] or k[1] <= h[0] for k in kept):
            kept.append(h)
    return kept


def find_triggers(sent, lex: Lexicon, ctx: SentenceContext) -> list[Trigger]:
    """Triggers of one sentence in text order (a token triggers at most one entry)."""
    out: list[Trigger] = []
    covered: set[int] = set()
    doc = sent.doc
    for start, end, entry, ph in _phrase_hits(sent, lex):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.i in ctx.actor_tokens for t in span):
            continue
        covered.update(t.i for t in span)
        out.append(Trigger(span.root, start, end, entry, ph))
    for tok in sent:
        if tok.i in covered or tok.i in ctx.actor_tokens or tok.i in ctx.place_tokens:
            continue
        k = keys(tok)
        for entry in lex.triggers:
            if k & entry.lemmas and _pos_ok(tok, entry) and _constraints_ok(tok, entry, lex, ctx):
                out.append(Trigger(tok, tok.idx, tok.idx + len(tok.text), entry, fold(tok.lemma_)))
                break
    return sorted(out, key=lambda t: t.start)
