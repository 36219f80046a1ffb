"""The function words the place recogniser reads around names ("de", "el", "y" in Spanish),
from the `function_words` section of lang/<lang>/places.yaml; each group is the set one rule
tests (see the comments there)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from cronica.geo.normalize import fold
from cronica.lang import load_language_data


@dataclass(frozen=True)
class FunctionWords:
    of: frozenset[str]
    bare_of: frozenset[str]
    articles: frozenset[str]
    singular_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    conjunctions: frozenset[str]
    elided_noun_before: frozenset[str]
    name_connectors: frozenset[str]
    org_name_connectors: frozenset[str]
    name_breaks: frozenset[str]
    surname_particles: frozenset[str]
    club_articles: frozenset[str]
    compass_articles: frozenset[str]
    arabic_name_particles: frozenset[str]
    kunyas: frozenset[str]
    list_before_bracket: frozenset[str]
    list_gaps: tuple[str, ...]
    before_name: frozenset[str]


@functools.lru_cache(maxsize=None)
def function_words(lang: str = "es") -> FunctionWords:
    """The language's function-word groups (read once per process)."""
    raw = load_language_data(lang, "places")["function_words"]
    return FunctionWords(**{k: tuple(v) if k == "list_gaps" else frozenset(v) for k, v in raw.items()})


def kunya_name(words: FunctionWords, text: str, s: int, e: int) -> bool:
    """'Abu Baqir' followed by 'al Saadi': a kunya opening the name and an Arabic surname after it (a man, not
    the village 'Ebu Bekre')."""
    first = fold(text[s:e].split(" ", 1)[0])
    after = text[e:e + 40].split()
    return first in words.kunyas and len(after) >= 2 and fold(after[0]) in words.arabic_name_particles \
        and after[1][:1].isupper()
