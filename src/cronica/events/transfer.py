"""Territory that changes hands without a fight: one side withdraws, the other moves in.

ACLED codes such a handover as 'Non-violent transfer of territory' with the actor that takes over as
actor1; state forces re-entering their own country's territory regain it ('Government regains
territory'). The cue words (withdrawal, fighting) are the lexicon's.
"""
from __future__ import annotations

import re
from typing import Optional

from cronica.actors.catalogue import UNKNOWN_COUNTRY
from cronica.events.arguments import ActorIndex, roles_for
from cronica.events.lexicon import Lexicon
from cronica.events.syntax import keys
from cronica.model import ActorMention, EventMention, Place
from cronica.text.normalize import fold

TRANSFER = "Non-violent transfer of territory"
REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"


def fighting_in(sent, lex: Lexicon, skip: frozenset[int] = frozenset()) -> bool:
    """A fighting word in the sentence that is not itself denied ('sin combates'), outside `skip` (token indices)."""
    return any(keys(t) & lex.cue("fighting_cues") and t.i not in skip
               and not any(fold(c.text) in lex.cue("negation") for c in t.children) for t in sent)


def _unopposed(sent, lex: Lexicon) -> frozenset[int]:
    """The tokens of a phrase saying no one resisted ('sin encontrar resistencia', 'casi sin combatir')."""
    text, out = fold(sent.text), set()
    for phrase in lex.cue("unopposed_phrases"):
        for m in re.finditer(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", text):
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            out |= {t.i for t in sent if a <= t.idx < b}
    return frozenset(out)


def peaceful_handover(sent, lex: Lexicon) -> bool:
    """The sentence tells a withdrawal, or that no one resisted ('entraron en Lalibela sin encontrar
    resistencia'), and no fighting."""
    unopposed = _unopposed(sent, lex)
    return (bool(unopposed) or any(keys(t) & lex.cue("withdrawal_cues") for t in sent)) \
        and not fighting_in(sent, lex, unopposed)


def withdrawer(sent, lex: Lexicon, index: ActorIndex, taker: Optional[ActorMention]) -> Optional[ActorMention]:
    """Who withdraws ('después de que el Ejército ruso completara su retirada'): the transfer's actor2."""
    for t in sent:
        if keys(t) & lex.cue("withdrawal_cues"):
            agents = roles_for(t, lex.cue("reporting_verbs")).agent
            m = next((m for m in map(index.best_in, agents)
                      if m is not None and (taker is None or m.actor_id != taker.actor_id)), None)
            if m is not None:
                return m
    return None


def regain_or_transfer(sub: str, taker_is_state: bool, taker_country: Optional[str], place: Optional[Place]) -> str:
    """A transfer to state forces inside their own country is a regain; a foreign state's forces
    taking ground abroad overtake it, as ACLED codes a foreign state actor (Russia taking Avdiivka)."""
    home = place is not None and taker_country not in (None, "", UNKNOWN_COUNTRY) and bool(place.country)
    if sub == TRANSFER and taker_is_state and home and place.country == taker_country:
        return REGAIN
    if sub == REGAIN and taker_is_state and home and place.country != taker_country:
        return OVERTAKE
    return sub


def merge_handover(mentions: list[EventMention]) -> list[EventMention]:
    """'Las fuerzas rusas se retiraron de Jersón y el ejército ucraniano entró en la ciudad': one
    handover; the withdrawing side becomes the entry's actor2, the withdrawal is not a second row."""
    entries = [m for m in mentions if m.sub_event_type in (TRANSFER, REGAIN) and m.actor1]
    if not entries:
        return mentions
    out = []
    for m in mentions:
        if m.sub_event_type == TRANSFER and m.actor1 is None and m is not entries[0]:
            if entries[0].actor2 is None and m.actor2 != entries[0].actor1:
                entries[0].actor2 = m.actor2
            entries[0].rules.append(f"handover: withdrawal '{m.trigger.text}' is the same transfer")
            continue
        out.append(m)
    return out
