"""Compiled actor patterns for one language (built once per process, cached)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Pattern

import ahocorasick

from cronica.actors.catalogue import Catalogue, load_catalogue
from cronica.lang import load_language_data
from cronica.text.demonyms import adjective_countries, demonym_forms  # noqa: F401 (demonym_forms: re-exported)
from cronica.text.normalize import fold

# Candidate classes, strongest first (overlaps are won by the stronger class).
ALIAS, DEMONYM, BARE_STATE, COREF, UNKNOWN = range(5)


@dataclass(frozen=True)
class Patterns:
    folded: Any                          # Aho-Corasick automaton over folded phrases
    folded_map: dict[str, tuple[int, str]]
    exact: Pattern[str] | None           # short all-capital acronyms, as written
    exact_map: dict[str, str]
    demonym: Pattern[str]
    demonym_nouns: dict[str, str]        # folded noun -> military/police/government
    demonym_forms: dict[str, str]        # folded form or country name -> CC
    unknown: Pattern[str]
    titles: frozenset[str] = frozenset()  # folded titles that a personal name may follow ("el presidente Petro")
    led_by: Pattern[str] | None = None    # "liderada por <country>" after a coalition word
    cataphora_gap: Pattern[str] | None = None   # "presuntamente del grupo yihadista" before a name
    counted: Pattern[str] | None = None   # "trece policías": a number or quantifier, then a force noun
    counted_nouns: dict[str, str] | None = None   # folded force noun -> military/police
    contractions: dict[str, str] | None = None   # a word that ends with an article: "del" -> "el" ("del ejército")


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 5 and bool(letters) and all(c.isupper() for c in letters)


def _squash(s: str) -> str:
    return " ".join(s.split())


_SPACE = re.compile(r"\s")


def find_phrases(automaton: Any, folded: str, contractions: dict[str, str] | None = None
                 ) -> list[tuple[int, int, int, str]]:
    """Every (start, end, class, payload) phrase occurrence at word boundaries, overlaps included; a state
    force's bare name may start inside a word that ends with its article ("del ejército": "el ejército")."""
    text = _SPACE.sub(" ", folded)      # one space per whitespace character: offsets stay
    out = []
    for end_idx, (phrase, cls, payload) in automaton.iter(text):
        start, end = end_idx - len(phrase) + 1, end_idx + 1
        if (start == 0 or not text[start - 1].isalnum()
                or (cls == BARE_STATE and _contracted(text, start, phrase, contractions))) \
                and (end == len(text) or not text[end].isalnum()):
            out.append((start, end, cls, payload))
    return out


def _contracted(text: str, start: int, phrase: str, contractions: dict[str, str] | None) -> bool:
    """Does the word around `start` end with the phrase's first word as a contraction ("del" for "el")?"""
    if not contractions:
        return False
    left = start
    while left > 0 and text[left - 1].isalnum():
        left -= 1
    word = text[left:start + len(phrase.split(" ", 1)[0])]
    return contractions.get(word) == phrase.split(" ", 1)[0]


def _alternation(phrases) -> str:
    parts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", " ").replace(" ", r"\s+") for p in parts)


def _folded_entries(cat: Catalogue) -> dict[str, tuple[int, str]]:
    lang = cat.lang
    out: dict[str, tuple[int, str]] = {}
    for cls, words in (lang.get("coref") or {}).items():
        for w in words.get("words") or ():
            out.setdefault(_squash(fold(w)), (COREF, cls))
    for key in ("bare_state", "titles"):
        for kind, words in (lang.get(key) or {}).items():
            for w in words:
                out[_squash(fold(w))] = (BARE_STATE, kind)
    for entry in cat.actors.values():
        for alias in entry.aliases:
            if not is_acronym(alias):
                out[_squash(fold(alias))] = (ALIAS, entry.id)
    return out


def _demonym_tables(cat: Catalogue) -> tuple[dict[str, str], dict[str, str]]:
    lang = cat.lang
    nouns = {fold(n): kind for kind, ns in (lang.get("force_nouns") or {}).items() for n in ns}
    forms = adjective_countries(lang.get("demonyms") or {})
    for cc, names in (lang.get("country_names") or {}).items():
        for n in names:
            forms.setdefault("de " + fold(n), cc)
    return nouns, forms


def _led_by(lang: dict, forms: dict[str, str]) -> Pattern[str] | None:
    """'<coalition word> liderada por [el|la] <country or gentilicio>' (matched on folded text)."""
    words = [fold(w) for w in lang.get("led_by") or ()]
    names = [f for f in forms if not f.startswith("de ")] + [fold(n) for ns in (lang.get("country_names") or {}).values()
                                                                for n in ns]
    if not words or not names:
        return None
    return re.compile(rf"\s+(?:{_alternation(words)})\s+(?:(?:el|la|los|las)\s+)?(?P<form>{_alternation(names)})(?!\w)")


def _cataphora_gap(lang: dict) -> Pattern[str] | None:
    """Between a generic mention and a name: fillers, a link word ('de', 'del'), fillers."""
    links = [fold(w) for w in lang.get("cataphora_links") or ()]
    fillers = [fold(w) for w in lang.get("cataphora_fillers") or ()]
    if not links:
        return None
    fill = rf"(?:(?:{_alternation(fillers)})\s+)*" if fillers else ""
    return re.compile(rf"\s+{fill}(?:{_alternation(links)})\s+{fill}")


def _counted(lang: dict, numbers: dict) -> tuple[Pattern[str] | None, dict[str, str]]:
    """'trece policías', '20 soldados', 'decenas de militares' (folded text; group 'noun')."""
    spec = lang.get("quantified_forces") or {}
    nouns = {fold(n): kind for kind, ns in (spec.get("nouns") or {}).items() for n in ns}
    counts = [fold(w) for w in list(numbers) + list(spec.get("quantifiers") or ())]
    if not nouns or not counts:
        return None, {}
    return re.compile(rf"(?<!\w)(?:\d[\d.,]*|{_alternation(counts)})\s+(?P<noun>{_alternation(nouns)})(?!\w)"), nouns


@functools.lru_cache(maxsize=8)
def load_patterns(language: str = "es") -> Patterns:
    cat = load_catalogue(language)
    folded_map = _folded_entries(cat)
    exact_map = {a: e.id for e in cat.actors.values() for a in e.aliases if is_acronym(a)}
    nouns, forms = _demonym_tables(cat)
    demonym = re.compile(rf"(?<!\w)(?P<noun>{_alternation(nouns)})\s+(?:(?:de\s+)?(?:la|los|las|el)\s+)?"
                         rf"(?P<form>{_alternation(forms)})(?!\w)")
    group_nouns = _alternation(cat.lang.get("unknown_group_nouns") or ())
    # (a name stays on its line: "un grupo terrorista en Bolivia\n\nTres hombres" names no group "Bolivia Tres")
    name = r"[A-ZÁÉÍÓÚÑ][\w\-]+(?:[ \t]+(?:de[ \t]+(?:la[ \t]+|los[ \t]+|las[ \t]+)?|del[ \t]+|la[ \t]+|los[ \t]+|y[ \t]+)?" \
           r"[A-ZÁÉÍÓÚÑ0-9][\w\-]*)*"   # ("Unión de Fuerzas de la Resistencia")
    preps = _alternation(cat.lang.get("unknown_group_not_between") or ())
    unknown = re.compile(rf"(?<!\w)(?i:(?P<noun>{group_nouns}))\s+(?:(?!(?:{preps})\s)[a-záéíóúñ]+\s+)?"
                         rf"[«\"“‘]?(?P<name>{name})")
    exact = re.compile(rf"(?<![\w-])(?:{_alternation(exact_map)})(?![\w-])") if exact_map else None
    automaton = ahocorasick.Automaton()
    for phrase, value in folded_map.items():
        automaton.add_word(phrase, (phrase, *value))
    automaton.make_automaton()
    titles = frozenset(_squash(fold(w)) for ws in (cat.lang.get("titles") or {}).values() for w in ws)
    counted, counted_nouns = _counted(cat.lang, load_language_data(language, "events").get("number_words") or {})
    return Patterns(folded=automaton, folded_map=folded_map,
                    exact=exact, exact_map=exact_map, demonym=demonym, demonym_nouns=nouns,
                    demonym_forms=forms, unknown=unknown, titles=titles, led_by=_led_by(cat.lang, forms),
                    cataphora_gap=_cataphora_gap(cat.lang), counted=counted, counted_nouns=counted_nouns,
                    contractions={fold(k): fold(v) for k, v in (cat.lang.get("contractions") or {}).items()})
