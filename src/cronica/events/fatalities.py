"""Fatalities the text states ("murieron 75", "mataron a 12 civiles", "dejó 3 muertos")."""
from __future__ import annotations

import functools
import re
from typing import Optional

from cronica.text.normalize import fold
from cronica.events.lexicon import Lexicon

def _number(s: str, lex: Lexicon) -> Optional[int]:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*|\d+", s):
        return int(re.sub(r"[.,]", "", s))
    return lex.number_words.get(s)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern, ...]:
    """The language's fatality patterns, built from its cue words once per lexicon."""
    quant = rf"(?:(?:{_alternation(lex.cue('death_quantifiers'))})\s+)?"
    num = rf"(\d{{1,3}}(?:[.,]\d{{3}})+|\d+|{_alternation(lex.number_words)})"
    # a people word and at most one word qualifying it ("12 policías estatales murieron")
    # ("un centenar de civiles murieron": a collective number takes 'de' before its people word)
    people = rf"(?:\s+(?:(?:{_alternation(lex.cue('of_words'))})\s+)?(?:{_alternation(lex.cue('death_people'))})(?:\s+[^\W\d_]+)?)?"
    asides = lex.cue("death_asides")          # "50 personas, entre ellas cinco niños, murieron"
    aside = rf"(?:\s*,\s*(?:{_alternation(asides)})\s+[^,.;]{{1,50}},)?" if asides else ""
    aux = rf"(?:(?:{_alternation(lex.cue('death_auxiliaries'))})\s+)?"
    nouns, verbs = _alternation(lex.cue("death_nouns")), _alternation(lex.cue("death_phrases"))
    predicates, of_nouns = _alternation(lex.cue("death_predicates")), _alternation(lex.cue("death_of_nouns"))
    tolls, rises = _alternation(lex.cue("toll_nouns")) or "(?!)", _alternation(lex.cue("toll_verbs")) or "(?!)"
    rise_to = rf"(?:{rises})\s+(?:[^\W\d_]+\s+){{0,2}}a\s+{quant}{num}(?!\w)"
    return tuple(re.compile(p) for p in (
        rf"(?<!\w){quant}{num}{people}\s+(?:{nouns})(?!\w)",          # 12 civiles muertos
        rf"(?<!\w)(?:{verbs})\s+(?:a\s+)?{quant}{num}(?!\w)",          # murieron 75, mataron a 12
        rf"(?<!\w){quant}{num}{people}{aside}\s+{aux}(?:{predicates})(?!\w)",  # 12 soldados murieron
        rf"(?<!\w)(?:{of_nouns})\s+{quant}{num}(?!\w)",                 # la muerte de 3
        rf"(?<!\w){rise_to}\s+(?:el|la)\s+(?:{tolls})(?!\w)",          # elevó a 42 el número de muertos
        rf"(?<!\w)(?:{tolls})(?:\s+[^.;:]{{0,80}}?)?\s+{rise_to}",         # el número de muertos ... se elevó a 24
    ))


def fatalities_in(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """(offset, count) for each stated death toll in `text` (offsets into `text`)."""
    t = fold(text)
    out: dict[int, int] = {}
    for pat in _patterns(lex):
        for m in pat.finditer(t):
            n = _number(m.group(1), lex)
            if n is not None and 0 < n < 100000 and not any(abs(k - m.start(1)) < 3 for k in out):
                out[m.start(1)] = n
    return sorted(out.items())


# ---------------------------------------------------------------- named victims (from the parse)
PERSON_LABELS = ("PER", "PERSON")       # the spaCy models' person entity labels
NOMINAL = ("NOUN", "PROPN")


def _is_person(tok) -> bool:
    return tok.ent_type_ in PERSON_LABELS


@functools.lru_cache(maxsize=8)
def _death_verbs(lex: Lexicon) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(verbs whose object dies, {verb whose subject dies: the child lemma it needs, or empty})."""
    subject: dict[str, set[str]] = {}
    for entry in lex.cue("death_subject_verbs"):          # "morir", "perder vida" (perder + a child 'vida')
        verb, *child = entry.split()
        subject.setdefault(verb, set()).update(child)
    return lex.cue("death_verbs") - set(subject), {k: frozenset(v) for k, v in subject.items()}


def _conjuncts(tok) -> list:
    """`tok` and the nominals coordinated with it ("X, Y y Z")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" and c.pos_ in NOMINAL]
    return out


def _victim_heads(verb, kills: bool, lex: Lexicon) -> list:
    """The nominals a death verb says died: its object (a killing, active), else its subject."""
    from cronica.events.syntax import case_of, is_passive
    markers = lex.cue("victim_markers")
    if kills and not is_passive(verb):
        heads = [c for c in verb.children if c.dep_ in ("obj", "iobj") or (c.dep_ == "obl" and case_of(c) & markers)]
        # "mató a X, …, y a Y": the second object hung from the verb as a conjunct
        heads += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in NOMINAL and case_of(c) & markers]
    else:
        heads = [c for c in verb.children if c.dep_.split(":")[0] == "nsubj"]
        heads += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in NOMINAL and not case_of(c)
                  and _is_person(c)]
    return [t for h in heads for t in _conjuncts(h)]


def _named(head) -> int:
    """How many persons a victim nominal names: a person's name ("Isnilon Hapilon"), or a singular noun
    with a name in apposition ("el comandante Iván Márquez"); a plural noun: its names ("los hermanos X e Y")."""
    if _is_person(head):
        return 1
    names = [a for c in head.children if c.dep_ in ("appos", "flat") and _is_person(c) for a in _conjuncts(c)]
    if not names:
        return 0
    return len(names) if "Plur" in head.morph.get("Number") else 1


def _numbered(tok) -> bool:
    return tok.pos_ == "NUM" or tok.like_num or any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in tok.children)


def named_victims(sent, lex: Lexicon, tolls: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(document offset, count) for the persons a death verb of the parsed sentence `sent` names as its
    victims: the object of a killing ("mataron a Isnilon Hapilon y a Omar Maute": 2), the subject of a death
    ("murieron el comandante X y su lugarteniente Y": 2). Nothing when a number is told for them ("mataron a
    5 personas, entre ellas el comandante X": the 5 counts; `tolls` are the offsets of stated numbers), nor
    for a negated, modal or hypothetical death. A sentence without a parse (a flat tree) names none."""
    from cronica.events.cues import non_event_reason
    from cronica.events.syntax import keys
    kill_verbs, die_verbs = _death_verbs(lex)
    out = []
    for verb in sent:
        k = keys(verb)
        kills = bool(k & kill_verbs)
        dies = [v for v in k & set(die_verbs) if not die_verbs[v] or any(keys(c) & die_verbs[v]
                                                                        for c in verb.children)]
        if not (kills or dies) or verb.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        heads = _victim_heads(verb, kills and not dies, lex)
        if not heads or any(_numbered(h) for h in heads):
            continue
        spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]
        if any(a <= t < b for t in tolls for a, b in spans) or non_event_reason(verb, lex, frozenset()):
            continue
        persons = [h for h in heads if _named(h)]
        if any(_is_person(h) for h in persons):   # a name coordinated with names: "Omar Maute y Abdullah Maute"
            persons += [h for h in heads if h.pos_ == "PROPN" and h not in persons and h.dep_ == "conj"]
        n = sum(max(_named(h), 1) for h in persons)
        if n:
            out.append((min(h.idx for h in persons), n))
    return out
