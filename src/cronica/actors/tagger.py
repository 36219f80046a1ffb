"""ActorTagger: catalogue aliases, gentilicio patterns, unknown groups, coreference."""
from __future__ import annotations

import functools
import re

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from cronica.actors.catalogue import UNKNOWN_COUNTRY, ActorEntry, Catalogue, load_catalogue
from cronica.text.normalize import fold
from cronica.actors.patterns import ALIAS, BARE_STATE, COREF, DEMONYM, UNKNOWN, Patterns, find_phrases, load_patterns
from cronica.model import ActorMention, Span
from cronica.nlp.text import doc_text

CIVILIANS = "civilians"      # the coref class of people who bear no arms
RULES = {ALIAS: "alias", DEMONYM: "demonym", BARE_STATE: "state-focus", COREF: "coref", UNKNOWN: "unknown-group"}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    cls: int
    payload: str            # actor id, state kind or coref class


def _candidates(text: str, pats: Patterns) -> list[Candidate]:
    folded = fold(text)
    out = [Candidate(*hit) for hit in find_phrases(pats.folded, folded, pats.contractions)]
    out = [c for c in out if not (c.cls == ALIAS and _qualified_by_demonym(text, folded, c.end, pats))]
    if pats.exact is not None:
        out += [Candidate(m.start(), m.end(), ALIAS, pats.exact_map[m.group(0)]) for m in pats.exact.finditer(text)]
    for m in pats.demonym.finditer(folded):
        kind = pats.demonym_nouns[_norm(m.group("noun"))]
        cc = pats.demonym_forms[_norm(m.group("form"))]
        out.append(Candidate(m.start(), m.end(), DEMONYM, f"{kind}:{cc}"))
    for m in pats.unknown.finditer(text):
        out.append(Candidate(m.start(), m.end("name"), UNKNOWN, m.group("name")))
    if pats.counted is not None:
        for m in pats.counted.finditer(folded):
            out.append(Candidate(m.start("noun"), m.end("noun"), BARE_STATE, pats.counted_nouns[_norm(m.group("noun"))]))
    other = _acronyms_spelled_otherwise(text, folded, out, pats)
    return [c for c in out if not (c.cls == ALIAS and (text[c.start:c.end], c.payload) in other)]


SPELLED_OUT_REACH = 80   # characters before an acronym's bracket where its catalogue actor's name would stand
SPELLED_OUT_WORDS = 6    # words before the bracket read as the name the acronym stands for
SHARED_NAME_WORDS = 2    # words of more than three letters it shares with one of the actor's names: a variant of it


def _acronyms_spelled_otherwise(text: str, folded: str, cands: list[Candidate], pats: Patterns) -> set[tuple[str, str]]:
    """'el Social Democratic Front (SDF)': an acronym in brackets after a capitalised name that is neither one of
    its catalogue actor's names (the Syrian Democratic Forces) nor a variant of one ('las Unidades de Protección
    del Pueblo (YPG)') stands for that other name in this text: the (acronym, actor id) pairs not to read in it."""
    out: set[tuple[str, str]] = set()
    for c in cands:
        surface = text[c.start:c.end]
        if c.cls != ALIAS or not surface.isupper() or not text[c.end:].lstrip().startswith(")"):
            continue
        head = text[:c.start].rstrip()
        if not head.endswith("("):
            continue
        words = head[:-1].split()
        if not words or not words[-1][:1].isupper():
            continue
        start = c.start - SPELLED_OUT_REACH
        if any(o.cls == ALIAS and o.payload == c.payload and start <= o.start and o.end < c.start for o in cands):
            continue
        name = folded[:len(head) - 1].split()[-SPELLED_OUT_WORDS:]
        if not _a_variant(name, c.payload, pats):
            out.add((surface, c.payload))
    return out


def _a_variant(words: list[str], actor_id: str, pats: Patterns) -> bool:
    """Do these words share SHARED_NAME_WORDS long words with one of the actor's names?"""
    mine = _long_words(words)
    return any(cls == ALIAS and payload == actor_id and len(mine & _long_words(phrase.split())) >= SHARED_NAME_WORDS
               for phrase, (cls, payload) in pats.folded_map.items())


def _long_words(words: list[str]) -> set[str]:
    return {w for w in words if len(w) > 3}


def _qualified_by_demonym(text: str, folded: str, end: int, pats: Patterns) -> bool:
    """'Ejército Nacional Libio': a name that goes on with a capitalised gentilicio is another
    country's force, not the one the shorter alias names ('Ejército Nacional', Colombia's)."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1)[:1].isupper() and folded[m.start(1):m.end(1)] in pats.demonym_forms


_NEXT_WORD = re.compile(r" (\w+)")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _resolve_overlaps(cands: Iterable[Candidate]) -> list[Candidate]:
    """Names first (aliases, gentilicios), then unknown groups, then generic words;
    within a tier the longer span; keep what does not overlap."""
    tier = {ALIAS: 0, DEMONYM: 0, UNKNOWN: 1, BARE_STATE: 2, COREF: 2}
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (tier[c.cls], -(c.end - c.start), c.cls, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _focus_country(history: list[ActorEntry], kind: str = "") -> Optional[str]:
    """The country a bare 'la policía' serves: the last state force's, else the last actor's whose name is
    its own country's (not a group that fights in many, named by the event's country: the Islamic State in
    Barcelona is no sign that 'la policía catalana' is Iraq's -- the event's place names it then). Bare troops
    serve the last armed force named, not a government that only spoke ("el Ejército sirio … las autoridades
    libanesas señalaban … las tropas avanzaron": Syria's)."""
    armed = kind != "government"
    for e in reversed(history):
        if e.country and e.is_state and e.type == "State forces" and not (armed and "government" in e.tags):
            return e.country
    for e in reversed(history):
        if e.country and e.is_state and e.type == "State forces":
            return e.country
    return next((e.country for e in reversed(history) if e.country and not e.by_country_pattern), None)


def _coref(cls: str, cat: Catalogue, history: list[ActorEntry]) -> tuple[Optional[ActorEntry], str]:
    spec = (cat.lang.get("coref") or {}).get(cls) or {}
    tags = set(spec.get("tags") or ())
    for e in reversed(history):
        if tags & set(e.tags):
            return e, "coref"
    fb = spec.get("fallback")
    return (cat.get(fb), "coref-fallback") if fb else (None, "")


def _unknown_entry(name: str) -> ActorEntry:
    return ActorEntry(id="unknown:" + fold(name).replace(" ", "_"), name=name, type="Political militia",
                      country=None, tags=("non_state",), side="non_state")


def _entry_for(c: Candidate, cat: Catalogue, history: list[ActorEntry]) -> tuple[Optional[ActorEntry], str]:
    if c.cls in (ALIAS, DEMONYM):
        return cat.get(c.payload), RULES[c.cls]
    if c.cls == BARE_STATE:
        cc = _focus_country(history, c.payload)
        return cat.get(f"{c.payload}:{cc or UNKNOWN_COUNTRY}"), RULES[c.cls]
    if c.cls == COREF:
        return _coref(c.payload, cat, history)
    return _unknown_entry(c.payload), RULES[UNKNOWN]


class ActorTagger:
    """`ActorTagger("es").tag(sdoc) -> list[ActorMention]` in text order. Pickles (data loads lazily)."""

    def __init__(self, language: str = "es") -> None:
        self.language = language

    @property
    def catalogue(self) -> Catalogue:
        return load_catalogue(self.language)

    def tag(self, sdoc, text: Optional[str] = None) -> list[ActorMention]:
        """Actor mentions of a parsed document; `text` is its text when the caller has it."""
        mentions = self.tag_text(doc_text(sdoc) if text is None else text)
        return sorted(mentions + _metonymy(sdoc, mentions, self.catalogue, metonymy_words(self.language)), key=lambda m: m.span.start)

    def tag_text(self, text: str) -> list[ActorMention]:
        cat, pats = self.catalogue, load_patterns(self.language)
        folded = fold(text)
        history: list[ActorEntry] = []
        out: list[ActorMention] = []
        for c in _resolve_overlaps(_candidates(text, pats)):
            if c.cls in (COREF, BARE_STATE) and re.match(r"\s+[A-ZÁÉÍÓÚÑ]", text[c.end:c.end + 3]) \
                    and " ".join(folded[c.start:c.end].split()) not in pats.titles \
                    and not (c.payload == CIVILIANS and text[c.start].islower()):
                continue            # "el Grupo Bancomer", "la Policía Local": a name, not a generic mention
                #                     (but "la periodista María López" is a civilian named)
            led = _led_by(c, folded, pats, cat) if c.cls == COREF else None
            entry, rule = led if led else _entry_for(c, cat, history)
            if entry is None:
                continue
            if c.cls not in (COREF,) or led:
                history.append(entry)
            out.append(ActorMention(span=Span(c.start, c.end, text[c.start:c.end]), actor_id=entry.id,
                                    canonical=entry.name, actor_type=entry.type, country=entry.country,
                                    rule=rule))
        out = _cataphora(out, text, pats, cat)
        return sorted(out + _named_people(out, text, name_links(self.language)),
                      key=lambda m: m.span.start)


def _led_by(c: Candidate, folded: str, pats: Patterns, cat: Catalogue) -> Optional[tuple[ActorEntry, str]]:
    """'la coalición liderada por Arabia Saudí': the leading state's forces, remembered as a coalition
    so that a later 'la coalición' refers to them."""
    m = pats.led_by.match(folded, c.end) if pats.led_by is not None else None
    if m is None:
        return None
    form = " ".join(m.group("form").split())
    cc = pats.demonym_forms.get(form) or pats.demonym_forms.get("de " + form)
    entry = cat.get(f"military:{cc}") if cc else None
    if entry is None:
        return None
    return replace(entry, tags=entry.tags + ("coalition",)), "led-by"


def _generic(m: ActorMention, cat: Catalogue) -> bool:
    entry = cat.get(m.actor_id)
    return m.rule.startswith("coref") or (entry is not None and "generic" in entry.tags)


def _cataphora(mentions: list[ActorMention], text: str, pats: Patterns, cat: Catalogue) -> list[ActorMention]:
    """'los yihadistas del JNIM', 'hombres armados presuntamente del grupo yihadista Boko Haram':
    a generic mention followed by 'de <name>' is that name."""
    out = list(mentions)
    if pats.cataphora_gap is None:
        return out
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        gap = fold(text[m.span.end:nxt.span.start])
        if _generic(m, cat) and nxt.rule in ("alias", "demonym", "unknown-group") \
                and pats.cataphora_gap.fullmatch(gap):
            out[i] = ActorMention(span=m.span, actor_id=nxt.actor_id, canonical=nxt.canonical,
                                  actor_type=nxt.actor_type, country=nxt.country, rule="coref-apposition")
    return out


_NAME = r"[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+){1,3}"


def _named_people(mentions: list[ActorMention], text: str, links: tuple[str, ...]) -> list[ActorMention]:
    """'el alcalde de Manta, Agustín Intriago, … Intriago fue atacado': a person named in apposition to a
    civilian noun is that civilian wherever the text names him again (his surname or full name)."""
    if not links:
        return []
    after = re.compile(rf"(?:\s+(?:{'|'.join(map(re.escape, links))})\s+[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*)*)?"
                       rf",\s+(?P<name>{_NAME})(?=\s*[,.;:)])")
    taken = [(m.span.start, m.span.end) for m in mentions]
    out: list[ActorMention] = []
    for m in mentions:
        if m.actor_type.lower() != "civilians" or not m.rule.startswith("coref"):
            continue
        a = after.match(text, m.span.end)
        if a is None:
            continue
        name = a.group("name")
        for form in {name, name.split()[-1]}:
            for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[a.end():]):
                s, e = a.end() + hit.start(), a.end() + hit.end()
                if not any(ts < e and s < te for ts, te in taken):
                    taken.append((s, e))
                    out.append(ActorMention(span=Span(s, e, form), actor_id=m.actor_id, canonical=m.canonical,
                                            actor_type=m.actor_type, country=m.country,
                                            rule=f"named: '{name}' ({m.span.text})"))
    return out


@dataclass(frozen=True)
class MetonymyWords:
    names: dict[str, str]          # folded country or capital name -> country code
    verbs: frozenset[str]          # the name as their subject acts for its state
    blamed: frozenset[str]         # the name as their object is blamed ('acusó a Rusia')


@functools.lru_cache(maxsize=8)
def metonymy_words(language: str) -> MetonymyWords:
    """The language's metonymy data, folded once per process (read-only)."""
    lang = load_catalogue(language).lang
    names = {fold(n): cc for key in ("country_names", "capital_names")
             for cc, ns in (lang.get(key) or {}).items() for n in ns}
    names.update({k.split(" ", 1)[1]: cc for k, cc in list(names.items()) if k.startswith(("el ", "la "))})
    return MetonymyWords(names, frozenset(fold(v) for v in lang.get("metonymy_verbs") or ()),
                         frozenset(fold(v) for v in lang.get("metonymy_object_verbs") or ()))


@functools.lru_cache(maxsize=8)
def name_links(language: str) -> tuple[str, ...]:
    """The words joining a civilian noun to its complement before an apposed name ("el alcalde de Manta,
    Agustín Intriago"), from the language's actor data."""
    return tuple(load_catalogue(language).lang.get("name_links") or ())


def _metonymy(sdoc, mentions: list[ActorMention], cat: Catalogue, words: MetonymyWords) -> list[ActorMention]:
    """'Rusia aseguró…', 'Ucrania lanzó drones…', 'Moscú había tomado': a country's (or its capital's)
    name as the subject of a verb acts for its state (its military forces); so does the object of an
    accusation ('acusó a Rusia de atacar')."""
    names, verbs, blamed = words.names, words.verbs, words.blamed
    taken = [(m.span.start, m.span.end) for m in mentions]
    out = []
    for ent in sdoc.ents:
        cc = names.get(fold(ent.text))
        if cc is None or (ent.text.isupper() and len(ent.text) > 3):
            continue        # (a dateline in capitals, "KIEV, 18 feb (EFE).- Rusia se hizo…", is not the subject)
        head = fold(ent.root.head.lemma_)
        acts = ent.root.dep_.startswith("nsubj") and head in verbs
        if cc is None or not (acts or (ent.root.dep_ in ("obj", "iobj", "obl") and head in blamed)):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        entry = cat.get(f"military:{cc}")
        out.append(ActorMention(span=Span(ent.start_char, ent.end_char, ent.text), actor_id=entry.id,
                                canonical=entry.name, actor_type=entry.type, country=cc, rule="metonymy"))
    return out
