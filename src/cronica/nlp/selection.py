"""Which sentences need a dependency parse: those that can hold an event.

The words come from the language's data (`lang/<lang>/parse.yaml`, the event
lexicon and the actor stage's verbs); the rule that turns a lemma into the
stem its inflected forms start with is data too (verb endings, final vowels).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from cronica.lang import load_language_data
from cronica.text.normalize import fold


@dataclass(frozen=True)
class SentenceSelector:
    pattern: re.Pattern

    def wants(self, sentence: str) -> bool:
        """True when a word of the sentence starts like a word a later stage reads by lemma."""
        return self.pattern.search(fold(sentence)) is not None


def stem(lemma: str, rules: dict[str, Any]) -> str:
    """'capturar' → 'captur', 'ataque' → 'ataqu', 'explosion' → 'explosion'."""
    word = fold(lemma).split()[0] if lemma.strip() else ""
    for ending in rules.get("verb_endings", ()):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    if word[-1:] in rules.get("noun_vowels", ()):
        return word[:-1]
    return word


def _words(lang: str, rules: dict[str, Any]) -> Iterable[str]:
    from cronica.events.lexicon import load_lexicon

    lexicon = load_lexicon(lang)
    for entry in lexicon.triggers:
        yield from entry.lemmas
        yield from (p.split()[0] for p in entry.phrases if p.strip())
    for name, keys in (rules.get("also_from") or {}).items():
        data = load_language_data(lang, name)
        for key in keys:
            yield from data.get(key) or ()


@functools.lru_cache(maxsize=8)
def load_selector(lang: str = "es") -> SentenceSelector:
    rules = load_language_data(lang, "parse")
    minimum = int(rules.get("min_stem", 4))
    stems = {s for s in (stem(w, rules) for w in _words(lang, rules)) if len(s) >= minimum}
    stems |= {fold(s) for s in rules.get("extra_stems") or ()}
    alternation = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    ignored = "|".join(sorted(map(re.escape, {fold(w) for w in rules.get("ignore_words") or ()}),
                              key=len, reverse=True))
    skip = rf"(?!(?:{ignored})(?!\w))" if ignored else ""
    return SentenceSelector(re.compile(r"(?<!\w)" + skip + "(?:" + alternation + ")"))
