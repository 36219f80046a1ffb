"""The event lexicon of one language (`lang/<lang>/events.yaml`), folded and frozen."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Optional

from cronica.actors.catalogue import fold
from cronica.lang import load_language_data

TERRITORY = "TERRITORY"
TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")


@dataclass(frozen=True)
class TriggerEntry:
    id: str
    sub: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]
    pos: frozenset[str]
    obj: frozenset[str]
    weak: bool = False
    civilian_target: bool = False
    needs_civilian: bool = False
    needs_verb: frozenset[str] = frozenset()
    person_object: bool = False
    loser_is_object: bool = False


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[TriggerEntry, ...]
    event_types: dict[str, str]
    words: dict[str, frozenset[str]]        # folded cue sets: negation, modal_verbs, ...
    number_words: dict[str, int]

    def cue(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def event_type(self, sub: str) -> str:
        return self.event_types.get(sub, "Battles" if sub in TERRITORY_TYPES else "Strategic developments")


def _fold_set(values: Optional[list[Any]]) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or ())


def _trigger(raw: dict[str, Any]) -> TriggerEntry:
    return TriggerEntry(
        id=raw["id"], sub=raw["sub"], lemmas=_fold_set(raw.get("lemmas")),
        phrases=tuple(sorted({fold(p) for p in raw.get("phrases") or ()}, key=len, reverse=True)),
        pos=frozenset(raw.get("pos") or ()), obj=_fold_set(raw.get("obj")),
        weak=bool(raw.get("weak")), civilian_target=bool(raw.get("civilian_target")),
        needs_civilian=bool(raw.get("needs_civilian")), needs_verb=_fold_set(raw.get("needs_verb")),
        person_object=bool(raw.get("person_object")), loser_is_object=bool(raw.get("loser_is_object")))


@functools.lru_cache(maxsize=8)
def load_lexicon(language: str = "es") -> Lexicon:
    data = load_language_data(language, "events")
    words = {k: _fold_set(v) for k, v in data.items() if isinstance(v, list) and k != "triggers"}
    return Lexicon(triggers=tuple(_trigger(t) for t in data.get("triggers") or ()),
                   event_types=dict(data.get("event_types") or {}), words=words,
                   number_words={fold(k): int(v) for k, v in (data.get("number_words") or {}).items()})
