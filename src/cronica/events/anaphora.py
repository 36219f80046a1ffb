"""Event nouns that point back: 'decenas de soldados murieron en los combates' names fighting already
told; with no date, place or agent of its own it is that event again, not a new row."""
from __future__ import annotations

from cronica.events.lexicon import Lexicon
from cronica.model import EventMention


def _narrative_date(m: EventMention) -> bool:
    return any(r.startswith("date: narrative") for r in m.rules)


def _focus_place(m: EventMention) -> bool:
    return any(r.startswith(("place: document focus", "place: focus")) for r in m.rules)


def _definite_noun(tok, lex: Lexicon) -> bool:
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.text.lower() in lex.cue("definite_articles")
                                      for c in tok.children)


def _own_agent(m: EventMention) -> bool:
    return any(r.startswith("actor1:") and ", agent)" in r for r in m.rules)


def told_before(m: EventMention, tok, earlier: list[EventMention], lex: Lexicon) -> bool:
    """`m` (triggered by `tok`) adds nothing to an event of its type already told in the document."""
    if not _definite_noun(tok, lex) or not _narrative_date(m) or not _focus_place(m) or _own_agent(m):
        return False
    return any(e.event_type == m.event_type for e in earlier)


def drop_retold(mentions: list[EventMention], tokens: list, earlier: list[EventMention], lex: Lexicon
                ) -> list[EventMention]:
    """The mentions that are not back-references (`tokens[i]` is the trigger head of `mentions[i]`)."""
    return [m for m, t in zip(mentions, tokens) if not told_before(m, t, earlier, lex)]
