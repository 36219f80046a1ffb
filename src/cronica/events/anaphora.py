"""Event nouns that point back: 'decenas de soldados murieron en los combates' names fighting already
told; with no date, place or agent of its own it is that event again, not a new row."""
from __future__ import annotations

from cronica.events.lexicon import RETOLD_OBJECT_RULE, VIOLENT_EVENT_TYPES, Lexicon
from cronica.model import EventMention, km
from cronica.text.normalize import fold

SAME_PLACE_KM = 25.0   # the attackers killed this close to a violent event told before: its end


def _narrative_date(m: EventMention) -> bool:
    return any(r.startswith("date: narrative") for r in m.rules)


def _focus_place(m: EventMention) -> bool:
    return any(r.startswith(("place: document focus", "place: focus")) for r in m.rules)


def _definite_noun(tok, lex: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.text.lower() in lex.cue("definite_articles")
                                      for c in tok.children)


def _own_victims(tok, lex: Lexicon) -> bool:
    """Does the event noun name its victims ('el asesinato de dos policías', '… de Jan Mohammad Khan'), unlike a
    noun that points back ('la matanza', 'el atentado de Kerbala')?"""
    return any(c.dep_ == "nmod" and (any(g.pos_ == "NUM" for g in c.subtree) or c.ent_type_ == "PER"
                                     or fold(c.lemma_) in lex.cue("person_nouns")) for c in tok.children)


def _own_agent(m: EventMention) -> bool:
    """An agent of its own: named, not a word that points back ("la matanza ... de los terroristas")."""
    return any(r.startswith("actor1:") and ", agent)" in r and "(coref" not in r for r in m.rules)


def told_before(m: EventMention, tok, earlier: list[EventMention], lex: Lexicon) -> bool:
    """`m` (triggered by `tok`) adds nothing to an event of its type already told in the document; a claim's
    or a report's object with no date of its own is a violent event told before, wherever its sentence goes on
    ("Ningún grupo ha reivindicado la matanza, pero el FSB apunta al Cáucaso Norte")."""
    if RETOLD_OBJECT_RULE in m.rules and _narrative_date(m) and not _own_victims(tok, lex) \
            and any(e.event_type in VIOLENT_EVENT_TYPES for e in earlier):
        return True   # (not "reivindicó el asesinato de dos policías en Ceylanpınar": an event of its own)
    if not _definite_noun(tok, lex) or not _narrative_date(m) or not _focus_place(m) or _own_agent(m):
        return False
    return any(e.event_type == m.event_type for e in earlier)


def ends_told_event(m: EventMention, earlier: list[EventMention]) -> bool:
    """'hasta abatir a los últimos asaltantes': the end of a violent event already told at that place on
    that day (the attackers killed when a siege is over), not an event of its own."""
    return m.date_start is not None and m.place is not None and any(
        e.event_type in VIOLENT_EVENT_TYPES and None not in (e.date_start, e.date_end, e.place)
        and e.date_start <= m.date_start <= e.date_end and km(e.place, m.place) <= SAME_PLACE_KM for e in earlier)


def drop_retold(mentions: list[EventMention], triggers: list, earlier: list[EventMention], lex: Lexicon
                ) -> list[EventMention]:
    """The mentions that are not back-references (`triggers[i]` found `mentions[i]`)."""
    return [m for m, t in zip(mentions, triggers) if not told_before(m, t.token, earlier, lex)
            and not (t.entry.ends_earlier and ends_told_event(m, earlier) and not _sequel(t.token, lex))]


def _sequel(tok, lex: Lexicon) -> bool:
    """'enviadas a la zona tras la matanza abatieron a …': the sentence says the killing came after."""
    words = " " + " ".join(fold(tok.sent[:tok.i - tok.sent.start].text).split()) + " "
    return any(f" {lead} " in words for lead in lex.cue("sequel_leads"))
