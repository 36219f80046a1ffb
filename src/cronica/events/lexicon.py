"""The event lexicon of one language (`lang/<lang>/events.yaml`), folded and frozen."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Optional

from cronica.text.normalize import fold
from cronica.lang import load_language_data

TERRITORY = "TERRITORY"
TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
REMOTE_VIOLENCE = "Explosions/Remote violence"
VIOLENT_EVENT_TYPES = frozenset({"Battles", REMOTE_VIOLENCE, "Violence against civilians"})
# the rule a mention of a weak (generic) trigger carries: "un ataque" beside "bombardeó" in one sentence
WEAK_TRIGGER_RULE = "trigger: weak (generic word; one event with a specific one in its sentence)"
DEFINITE_WEAK_RULE = "trigger: generic and definite (may name an event told before)"
RETOLD_OBJECT_RULE = "trigger: what a claim or a report is about (an event told before)"
GENERIC_TYPE_RULE = "type: generic word (another telling's type wins)"


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
    state_victim: bool = False         # a state force killed by others is an Attack too (off-duty police)
    needs_verb: frozenset[str] = frozenset()
    clause_verbs: frozenset[str] = frozenset()   # the clause's verb must be one of these (not an instrument)
    person_object: bool = False
    loser_is_object: bool = False
    needs_party: bool = False          # an armed/state actor must take part (not "llegaron los reyes")
    needs_context: bool = False        # the document must name an armed actor (not a football "enfrentamiento")
    plural: bool = False               # the verb must be plural ("se manifestaron", not "se ha manifestado")
    sentence_cues: frozenset[str] = frozenset()   # one of these words must be in the sentence
    handover: bool = False             # after a withdrawal with no fighting, a non-violent transfer ("entraron")
    agent_loses: bool = False          # the agent gives the territory up ("se retiraron de X"): actor2
    needs_no_fight: bool = False       # not an event of its own when the sentence tells fighting
    not_by: frozenset[str] = frozenset()   # no event when its subject (or antecedent) is one of these
    not_obj: frozenset[str] = frozenset()  # no event when its complement is one of these ("llegó a la Presidencia")
    riot_only: bool = False            # only in a document that reports riots
    generic: bool = False              # a word said of several kinds ("bombardeo"): another telling's type wins
    ends_earlier: bool = False         # at the place and day of a violent event told before, its end ("abatieron
                                       # a los asaltantes"), not an event of its own


PHRASE_GAP = 4   # words ("ayer", "el sábado", "el pasado día 3") that may sit inside a trigger phrase


def _with_gaps(words: list[str], phrase: list[str], gaps: frozenset[str]) -> bool:
    """Is `words` the phrase with only gap words (or day numbers) inserted between its words?"""
    if not words or not phrase or words[0] != phrase[0] or words[-1] != phrase[-1]:
        return False
    j = 0
    for w in words:
        if j < len(phrase) and w == phrase[j]:
            j += 1
        elif not (w in gaps or w.isdigit()):
            return False
    return j == len(phrase)


@dataclass(frozen=True, eq=False)  # hashed by identity: one per language per process
class Lexicon:
    triggers: tuple[TriggerEntry, ...]
    event_types: dict[str, str]
    words: dict[str, frozenset[str]]        # folded cue sets: negation, modal_verbs, ...
    number_words: dict[str, int]

    @functools.cached_property
    def phrase_pattern(self) -> Optional[re.Pattern]:
        """Every multi-word trigger phrase in one regex, longest first (compiled once)."""
        phrases = sorted(self.phrase_entry, key=len, reverse=True)
        if not phrases:
            return None
        gap = "|".join(map(re.escape, sorted(self.cue("phrase_gap_words"))))
        sep = r"\s+(?:(?:" + gap + r"|\d{1,2})\s+){0,%d}" % PHRASE_GAP if gap else r"\s+"
        alts = (sep.join(map(re.escape, ph.split())) for ph in phrases)
        return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")

    def phrase_of(self, matched: str) -> Optional[str]:
        """The lexicon phrase a `phrase_pattern` match stands for ("se hicieron también con" ->
        "se hicieron con": an adverb of `phrase_gap_words` may sit between its words)."""
        if matched in self.phrase_entry:
            return matched
        gaps, words = self.cue("phrase_gap_words"), matched.split()
        return next((ph for ph in self.phrase_entry if _with_gaps(words, ph.split(), gaps)), None)

    @functools.cached_property
    def phrase_entry(self) -> dict[str, "TriggerEntry"]:
        """Each phrase to the first trigger entry that lists it."""
        out: dict[str, TriggerEntry] = {}
        for entry in self.triggers:
            for ph in entry.phrases:
                out.setdefault(ph, entry)
        return out

    @functools.cached_property
    def lemma_entries(self) -> dict[str, tuple["TriggerEntry", ...]]:
        """Each trigger lemma to its entries, in lexicon order."""
        out: dict[str, list[TriggerEntry]] = {}
        for entry in self.triggers:
            for lemma in entry.lemmas:
                out.setdefault(lemma, []).append(entry)
        return {k: tuple(v) for k, v in out.items()}

    def entries_for(self, keys: set[str]) -> list["TriggerEntry"]:
        """Entries any of these folded keys triggers, in lexicon order."""
        found = {id(e): e for k in keys for e in self.lemma_entries.get(k, ())}
        return [e for e in self.triggers if id(e) in found] if found else []

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
        needs_civilian=bool(raw.get("needs_civilian")), state_victim=bool(raw.get("state_victim")),
        needs_verb=_fold_set(raw.get("needs_verb")),
        clause_verbs=_fold_set(raw.get("clause_verbs")),
        person_object=bool(raw.get("person_object")), loser_is_object=bool(raw.get("loser_is_object")),
        needs_party=bool(raw.get("needs_party")), needs_context=bool(raw.get("needs_context")),
        plural=bool(raw.get("plural")), sentence_cues=_fold_set(raw.get("sentence_cues")),
        handover=bool(raw.get("handover")), agent_loses=bool(raw.get("agent_loses")),
        needs_no_fight=bool(raw.get("needs_no_fight")), not_by=_fold_set(raw.get("not_by")),
        not_obj=_fold_set(raw.get("not_obj")), riot_only=bool(raw.get("riot_only")),
        generic=bool(raw.get("generic")), ends_earlier=bool(raw.get("ends_earlier")))


@functools.lru_cache(maxsize=8)
def load_lexicon(language: str = "es") -> Lexicon:
    data = load_language_data(language, "events")
    words = {k: _fold_set(v) for k, v in data.items() if isinstance(v, list) and k != "triggers"}
    return Lexicon(triggers=tuple(_trigger(t) for t in data.get("triggers") or ()),
                   event_types=dict(data.get("event_types") or {}), words=words,
                   number_words={fold(k): int(v) for k, v in (data.get("number_words") or {}).items()})
