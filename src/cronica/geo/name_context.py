"""Is a place part of a longer proper name? 'Perú Posible', 'Caja Rural de Cuenca', 'Juventus de
Turín', 'TAU Vitoria', 'Fabián Bazán ( Badajoz )', a score line 'Gales , 0 - Brasil , 3'."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from cronica.geo.normalize import fold

if TYPE_CHECKING:
    from cronica.geo.function_words import FunctionWords
    from cronica.geo.roles import Cues

_TOKENS = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_PAREN = re.compile(r"([^\W\d_][\w.\-]*)\s*\(\s*$", re.UNICODE)
_ACRONYM = re.compile(r"(?:^|\s)(?!EE\b|UU\b)[A-Z]{2,6}[\s\-]$")
_BRACKETED_NAME = re.compile(r"\s*\(\s*([^\W\d_][^()\n]{0,30}?)\s*\)", re.UNICODE)


def team_in_brackets(text: str, end: int) -> Optional[re.Match]:
    """The capitalised name in brackets right after `end` ("Cubillo ( At. Madrid )"), not an agency or a code
    in capitals ("París ( EFE )", "( USA )"); group 1 is the name."""
    b = _BRACKETED_NAME.match(text, end)
    return b if b is not None and b.group(1)[:1].isupper() and not b.group(1).isupper() else None
_NEXT = re.compile(r" ([^\W_][\w\-]*|'\d+)", re.UNICODE)
_PREV = re.compile(r"(?:^|\s)([^\W\d_][\w\-]*) $", re.UNICODE)
_TEMPS_AFTER = re.compile(r" (?:-?\d{1,2}|-) (?:-?\d{1,2}|-)(?:\s|$)")
_SCORE_AFTER = re.compile(r"\s*,?\s*\d{1,3}\s*(?:-|$|\n)")     # a score, not a year ("Manresa , 1905 -")
_SCORE_BEFORE = re.compile(r"(?<!\d)\d{1,3}\s*-\s*$")


def sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"'«“¿¡(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def after_proper_name(cues: "Cues", text: str, start: int, place_ends: frozenset[int] = frozenset()) -> bool:
    """'Caja Rural de Cuenca', 'Boletín Oficial de Cantabria', 'Juventus de Turín': the place
    ends a proper name (capitalised words mid-sentence, then 'de'), unless a landmark or place
    noun opens it ('Hospital Clínico de', 'Palacio de la Magdalena de': a facility in the town)."""
    last = text[max(0, start - 6):start].split()[-1:]
    if not last or fold(last[0]) not in cues.words.of:
        return False    # (no 'de' right before: the cheap test first)
    before = text[max(0, start - 60):start]
    ws = list(_TOKENS.finditer(before))
    if len(ws) < 2 or fold(ws[-1].group()) not in cues.words.of:
        return False
    i = len(ws) - 2
    if not ws[i].group()[:1].isupper() or start - len(before) + ws[i].end() in place_ends:
        return False
    first = None
    while i >= 0:
        w = ws[i].group()
        if w[:1].isupper():
            if (w.isupper() and len(w) > 1) or fold(w) in cues.landmark_heads or fold(w) in cues.place_heads \
                    or fold(w) in cues.facility_heads:
                return False        # a headline in capitals; "la Gran Mezquita de Alepo": a facility
            first = i
        elif fold(w) not in cues.words.org_name_connectors:
            break
        i -= 1
    if first is None:
        return False
    if i >= 0 and ws[i].group()[:1].islower() and fold(ws[i].group()) not in cues.words.before_name:
        # "el hotel Hayat de Mogadiscio": a common noun names a facility in the town; but "el sitio Indymedia de
        # Nueva York", "el diario El Heraldo de Barranquilla": a medium's name, the town is part of it
        return fold(ws[i].group()) in cues.name_heads
    if fold(ws[first].group()) in cues.words.articles and first + 1 < len(ws) - 1:
        return True     # "La Caja Rural de": an article opening a name, even at a sentence start
    return not sentence_start(text, start - len(before) + ws[first].start())


def in_longer_name(cues: "Cues", text: str, start: int, end: int, place_starts: frozenset[int],
                   place_ends: frozenset[int], weather: bool = False) -> bool:
    """'Perú Posible', 'Brasil Telecom', 'Miss Brasil', 'Barcelona 98', 'Gales , 0 - Brasil , 3':
    the place is part of a longer proper name (a party, company, team) or a score line.
    In a weather report, 'Madrid 28 13 nuboso' is a table row (`weather`)."""
    after = text[end:end + 30]
    if weather and _TEMPS_AFTER.match(after):
        return False
    m = _NEXT.match(after)
    if m:
        w = m.group(1)
        if w[:1].isdigit() or w[:1] == "'":
            return not (cues.datelines and cues.datelines.date_after.match(after))
        if w[:1].isupper() and not w.isupper() and fold(w) not in cues.stopwords and end + m.start(1) not in place_starts:
            return True
    if _SCORE_AFTER.match(after) or _SCORE_BEFORE.search(text[max(0, start - 12):start]):
        return True
    return capital_before(cues, text, start, place_ends)


def capital_before(cues: "Cues", text: str, start: int, place_ends: frozenset[int] = frozenset()) -> bool:
    """Does a capitalised word that is no place, no stop word and no sentence opener come right before
    `start` ('Manda Bay', 'Caja Rural')? Then the name at `start` ends a longer name."""
    before = text[max(0, start - 30):start]
    m = _PREV.search(before)
    if not m:
        return False
    w = m.group(1)
    pos = start - len(before) + m.end(1)
    return w[:1].isupper() and not w.isupper() and fold(w) not in cues.stopwords and fold(w) not in cues.lowercase_heads \
        and pos not in place_ends and not sentence_start(text, start - len(before) + m.start(1))


def affiliation(fw: "FunctionWords", text: str, start: int, end: int, per_ends: frozenset[int] = frozenset(),
                place_ends: frozenset[int] = frozenset(), names: bool = True) -> bool:
    """'Fabián Bazán ( Badajoz )', 'TAU Vitoria', 'COAG-Extremadura': a team or
    organisation named after the place."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 4]
    m = _PAREN.search(before)
    if m and after.lstrip().startswith(")"):
        # "Fabián Bazán ( Badajoz )" (a person's team), not "Ecija ( Sevilla )"
        base = start - len(before) + m.end(1)
        if base in per_ends:
            return True
        if not names:
            # outside sports pieces "Montilla ( Córdoba )", "Grenoble ( Francia )": a place
            return False
        # "Alex y Pepín ( Badajoz )", "Luis García ( Toledo )": names, not a town before the brackets
        ws = before[:m.start(1)].split()
        # (or a list of them: ", Suárez ( Toledo )", "De la Cruz ( Badajoz )")
        if base not in place_ends and m.group(1)[:1].isupper() and ws and \
                (ws[-1][:1].isupper() or fold(ws[-1]) in fw.list_before_bracket
                 or ws[-1] in (",", ";", "-", ".-") ) and not ws[-1].isupper():
            return True
    m = _ACRONYM.search(before)
    if m:
        head = before[:m.start()].split()
        # "TAU Vitoria", not a headline in capitals ("... GUERRA Madrid")
        return not head or not head[-1].isupper()
    return False
