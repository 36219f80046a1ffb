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
    people = rf"(?:\s+(?:{_alternation(lex.cue('death_people'))}))?"
    asides = lex.cue("death_asides")          # "50 personas, entre ellas cinco niños, murieron"
    aside = rf"(?:\s*,\s*(?:{_alternation(asides)})\s+[^,.;]{{1,50}},)?" if asides else ""
    aux = rf"(?:(?:{_alternation(lex.cue('death_auxiliaries'))})\s+)?"
    nouns, verbs = _alternation(lex.cue("death_nouns")), _alternation(lex.cue("death_phrases"))
    predicates, of_nouns = _alternation(lex.cue("death_predicates")), _alternation(lex.cue("death_of_nouns"))
    return tuple(re.compile(p) for p in (
        rf"(?<!\w){quant}{num}{people}\s+(?:{nouns})(?!\w)",          # 12 civiles muertos
        rf"(?<!\w)(?:{verbs})\s+(?:a\s+)?{quant}{num}(?!\w)",          # murieron 75, mataron a 12
        rf"(?<!\w){quant}{num}{people}{aside}\s+{aux}(?:{predicates})(?!\w)",  # 12 soldados murieron
        rf"(?<!\w)(?:{of_nouns})\s+{quant}{num}(?!\w)",                 # la muerte de 3
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
