"""A language's temporal vocabulary (from `lang/<lang>/time.yaml`), folded for matching.

Folding maps every character to one lowercase, accent-free character, so a
folded text has the same length (and offsets) as the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from cronica.text.normalize import fold


def fold_key(key: str) -> str:
    return " ".join(fold(str(key)).split())


def _folded(d: dict | None) -> dict[str, Any]:
    return {fold_key(k): v for k, v in (d or {}).items()}


@dataclass
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekdays_plural: dict[str, int]
    numbers: dict[str, int]
    tens: list[str]
    joiner: str
    vague: list[str]
    halves: dict[str, float]
    pairs: dict[str, int]
    ordinals: dict[str, int]
    fuzzy: dict[str, str]
    dmods: dict[str, Optional[str]]
    dunits: dict[str, dict]
    cal_units: dict[str, str]
    relative: dict[str, int]
    anchor_relative: set[str]
    demonstratives: dict[str, Any]
    articles: list[str]
    deictic_days: dict[str, int]
    pod_guard: set[str]
    day_parts: dict[str, str]
    deictic_times: dict[str, list]
    period_parts: dict[str, int]
    seasons: dict[str, dict]
    decade_words: dict[str, int]
    bounds: dict[str, str]
    range_openers: list[str]
    range_joiners: list[str]
    phrases: dict[str, list]
    future_markers: list[str] = field(default_factory=list)
    past_markers: list[str] = field(default_factory=list)
    phrase_guards: dict[str, set] = field(default_factory=dict)
    phrase_after_guards: dict[str, set] = field(default_factory=dict)
    phrase_skip: dict[str, str] = field(default_factory=dict)
    ref_adjectives: dict[str, str] = field(default_factory=dict)
    ref_determiners: list[str] = field(default_factory=list)
    holidays: dict[str, str] = field(default_factory=dict)
    bare_leads: list[str] = field(default_factory=list)
    bare_plurals: dict[str, str] = field(default_factory=dict)
    shifted_units: dict[str, list] = field(default_factory=dict)
    grammar: dict[str, list[str]] = field(default_factory=dict)
    minute_words: dict[str, int] = field(default_factory=dict)
    duration_shifts: dict[str, str] = field(default_factory=dict)   # "antes": before, "después": after
    shift_guards: list[str] = field(default_factory=list)           # "tres días antes de ...": not narrative
    month_abbr: dict[str, int] = field(default_factory=dict)        # "23 may (EFE)": datelines only
    month_spans: dict[str, list] = field(default_factory=dict)      # "tres primeros meses": a quarter of a year

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> "Lexicon":
        return cls(
            months=_folded(d["months"]), weekdays=_folded(d["weekdays"]),
            weekdays_plural=_folded(d.get("weekdays_plural")),
            numbers=_folded(d["numbers"]), tens=[fold_key(t) for t in d.get("tens", [])],
            joiner=fold_key(d.get("number_joiner", "y")),
            vague=[fold_key(v) for v in d.get("vague_quantities", [])],
            halves=_folded(d.get("half_words")), pairs=_folded(d.get("pair_words")),
            ordinals=_folded(d["ordinals"]), fuzzy=_folded(d["fuzzy_parts"]),
            dmods=_folded(d["duration_mods"]), dunits=_folded(d["duration_units"]),
            cal_units=_folded(d["calendar_units"]), relative=_folded(d["relative_words"]),
            anchor_relative={fold_key(w) for w in d.get("anchor_relative_words", [])},
            demonstratives=_folded(d["demonstratives"]),
            articles=[fold_key(a) for a in d.get("articles", [])],
            deictic_days=_folded(d["deictic_days"]),
            pod_guard={fold_key(w) for w in d.get("part_of_day_guard", [])},
            day_parts=_folded(d.get("day_parts")), deictic_times=_folded(d.get("deictic_times")),
            period_parts=_folded(d.get("period_parts")), seasons=_folded(d.get("seasons")),
            decade_words=_folded(d.get("decade_words")), bounds=_folded(d.get("bounds")),
            range_openers=[fold_key(w) for w in d.get("range_openers", [])],
            range_joiners=[fold_key(w) for w in d.get("range_joiners", [])],
            phrases={fold_key(k.replace("|", " ")): v for k, v in (d.get("phrases") or {}).items()},
            phrase_skip={fold_key(k.replace("|", " ")): fold_key(k.split("|")[0])
                         for k in (d.get("phrases") or {}) if "|" in k},
            phrase_guards={fold_key(k): {fold_key(w) for w in v} for k, v in (d.get("phrase_guards") or {}).items()},
            phrase_after_guards={fold_key(k): {fold_key(w) for w in v}
                                 for k, v in (d.get("phrase_after_guards") or {}).items()},
            future_markers=list(d.get("future_markers", [])), past_markers=list(d.get("past_markers", [])),
            ref_adjectives=_folded(d.get("ref_adjectives")),
            ref_determiners=[fold_key(w) for w in d.get("ref_adjective_determiners", [])],
            holidays=_folded(d.get("holidays")), bare_leads=[fold_key(w) for w in d.get("bare_plural_leads", [])],
            bare_plurals=_folded(d.get("bare_plurals")), shifted_units=_folded(d.get("shifted_units")),
            grammar={k: [fold_key(w) for w in v] for k, v in (d.get("grammar") or {}).items()},
            minute_words=_folded(d.get("minute_words")),
            duration_shifts=_folded(d.get("duration_shifts")),
            shift_guards=[fold_key(w) for w in d.get("duration_shift_guards", [])],
            month_abbr=_folded(d.get("month_abbreviations")),
            month_spans=_folded(d.get("month_spans")),
        )

    def words(self, role: str) -> list[str]:
        """The grammar words for a role ("of", "ago" ...), folded; [] when the language has none."""
        return self.grammar.get(role, [])

    def decade_start(self, dec: str) -> Optional[int]:
        """The first year of a decade told as "noventa", "90" or "1990"; None if it is no decade."""
        if dec in self.decade_words:
            first = 1900 + 10 * self.decade_words[dec]
        elif len(dec) == 4:
            first = int(dec)
        else:
            first = (1900 if int(dec) >= 20 else 2000) + int(dec)
        return None if first % 10 else first

    def number(self, words: str) -> Optional[float]:
        """'12', '3,5', 'tres', 'treinta y dos', 'un par de' -> number."""
        w = " ".join(words.split())
        if not w:
            return None
        if w[0].isdigit():
            try:
                return float(w.replace(".", "").replace(",", ".")) if "," in w else float(w.replace(".", ""))
            except ValueError:
                return None
        if w in self.halves:
            return float(self.halves[w])
        if w in self.pairs:
            return float(self.pairs[w])
        if w in self.numbers:
            return float(self.numbers[w])
        parts = [x for x in w.split() if x != self.joiner]     # "ciento veintiséis", "treinta y dos"
        values = [self.numbers.get(x) for x in parts]
        if len(parts) < 2 or None in values or values != sorted(values, reverse=True):
            return None
        return float(sum(values))
