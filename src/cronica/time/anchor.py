"""Reference times: the dct, or the narrative's last resolved date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Optional, Sequence

from cronica.model import Timex
from cronica.time.calendar import month_last

# precisions fine enough to move the narrative reference forward
MOVING = {"day", "week", "month", "quarter", "year"}
NON_MOVING_BOUNDS = {"since", "until"}   # "desde junio de 2014", "hasta diciembre de 2016": background
BACKWARD_COST = 2.0   # narrative: looking back costs more than rolling forward (encyclopedic text moves on)
SEQUEL_SLACK_DAYS = 14   # a background section may tell a day that followed the story's within days
SAME_YEAR_ON = 2.0    # narrative: moving on within the reference's year costs less still
LONG_ROLLOVER = 183   # days: rolling on into the next year by more than half a year costs as much as looking back


@dataclass
class Res:
    """What a rule resolved a match to (the tagger adds span and rule)."""
    type: str
    value: str
    mod: Optional[str] = None
    interval: Optional[tuple[date, date]] = None
    precision: Optional[str] = None
    anchor: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RefTime:
    """The narrative reference in full: its days, precision and TIMEX3 value ("Un día antes" counts from it)."""
    start: date
    end: date
    precision: str
    value: str


OPENING_WORDS = 2      # words before a date that still opens its paragraph ("A principios de")


@dataclass
class Ctx:
    """What a rule may look at while resolving one match."""
    folded: str
    dct: Optional[date]
    ref: Optional[date]          # narrative reference: start of the last moving DATE
    future: bool = False         # the clause talks about the future (tense markers)
    past: bool = False           # ... or about the past (neither: unknown)
    ref_day: Optional[date] = None   # the last day-precise DATE ("ese mismo día")
    text: str = ""               # the original text (case matters for names)
    near_day: Optional[date] = None  # a day-precise date earlier in the same sentence ("el 3 de mayo ... a las 15.00")
    recent_day: Optional[date] = None  # the last day-precise DATE, when it is a few sentences back at most
    near_abs: Optional[tuple[date, str]] = None  # (start, precision) of an absolute date earlier in the sentence
    ref_time: Optional[RefTime] = None  # the narrative reference (`ref` is its first day)
    firm_past: bool = False      # a past-tense verb in the date's own clause ("en enero hubo ...")
    ref_month: Optional[date] = None  # first day of the last moving DATE of month precision or finer
    told_abs: Optional[tuple[date, str]] = None  # (start, precision) of the last absolute date in the sentence,
                                                 # moving or not ("desde 2014 ... aquel año")
    told_days: Sequence[date] = ()   # the days told so far, in text order ("Aquel lunes": the one told before)
    told_nights: Sequence[date] = ()   # the days whose night was told ("el viernes por la noche")
    event_days: Sequence[date] = ()   # the days told, but not as a report's day ("informó hoy")
    look_back: bool = False      # a narrative date in a pluperfect clause: at or before the story's time
    told: Sequence[Timex] = ()   # the timexes resolved so far, in text order ("la víspera de la matanza")
    last_abs: Optional[tuple[date, str]] = None   # (start, precision) of an absolute date told shortly before,
                                                  # after the narrative reference was set (moving or not)
    not_after: Optional[date] = None   # a narrative date here is not after this day (a "Contexto" section)
    step_from: Optional[date] = None   # a day told as a look back, in a sentence after the reference's:
                                       # "Tres días después" steps from it
    day_after_ref: Optional[date] = None   # the story's day, set again after the reference was (a section
                                           # heading back at the lead's day)
    until_from: Optional[date] = None  # the day a span told in the past began, earlier in the sentence: "hasta el
                                       # lunes" is the first Monday from it ("del domingo ... hasta el lunes")

    def story_day(self) -> Optional[date]:
        """The day the story is at: one told in this sentence or a few back, else the narrative
        reference when that is a day, in a narrative without a dct ("Al día siguiente ... a las 13.00";
        in news a part of day far from any day is as often a habit: "las mujeres votan por la mañana")."""
        day = self.near_day or self.recent_day
        if day is None and self.dct is None and self.ref_time is not None and self.ref_time.precision == "day":
            day = self.ref_day if self.ref_day == self.ref_time.start else None
        return day

    def mid_sentence(self, start: int) -> bool:
        """Is `start` inside a sentence (not after . ! ? : quotes or a line break)?"""
        before = self.text[max(0, start - 20):start].rstrip(" \t`'\"«“")
        return bool(before) and before[-1] not in ".!?:\n"

    def opens_paragraph(self, start: int) -> bool:
        """Is `start` at a paragraph's opening, at most OPENING_WORDS words in ("A principios de marzo de 2016"
        under a heading: the story starts again there)?"""
        left = self.text[max(0, start - 40):start]
        cut = left.rfind("\n")
        return (cut >= 0 or start < 40) and len(left[cut + 1:].split()) <= OPENING_WORDS and "," not in left[cut + 1:]

    def after_name(self, start: int) -> bool:
        """Is the word before `start` a capitalised word inside a sentence ("Avenida 17 de Junio")?"""
        left = self.text[max(0, start - 40):start].rstrip()
        words = left.split()
        if not words or not words[-1][:1].isupper() or not words[-1].isalpha():
            return False
        gap = left[:len(left) - len(words[-1])]
        before = gap.rstrip()
        if "\n" in gap[len(before):]:
            return False   # "Batallas de Palmira\n\nEn 2016": the word opens a line
        return bool(before) and before[-1] not in ".!?:\"'«“(\n"

    def base(self, narrative_first: bool = False) -> tuple[Optional[date], Optional[str]]:
        """The reference day and its kind: the dct for news deixis, else the narrative."""
        if narrative_first and self.ref is not None:
            return self.ref, "narrative"
        if self.dct is not None:
            return self.dct, "dct"
        if self.ref is not None:
            return self.ref, "narrative"
        return None, None

    def year_base(self) -> tuple[Optional[date], Optional[str]]:
        """For a date without a year: the dct in news, else the narrative."""
        return self.base()


def _point(y: int, m: int, d: Optional[int]) -> date:
    return date(y, m, min(d or 15, month_last(y, m)))


FINE_PRECISIONS = frozenset({"day", "week", "month"})   # a reference that says which month it is

NEWS_MARGIN = 60     # days: a date told in the past tense may lie this far ahead of the dct
UNKNOWN_MARGIN = 240  # days, when the clause shows no tense
FUTURE_MARGIN = 366   # days: a date told in the future tense never falls back a year ("serán en noviembre")
PAST_MARGIN = 366     # days: nor does one told in the past tense move on to next year ("en enero hubo")


def pick_year(base: date, kind: str, month: int, day: Optional[int], future: bool, past: bool = True,
              firm_past: bool = False, look_back: bool = False, not_after: Optional[date] = None) -> int:
    """The year that puts (month, day) closest to `base`, rolling forward in narratives.
    In news (`kind == "dct"`) the dct's year, unless the tense (or a long way) says otherwise;
    a past tense in the date's own clause (`firm_past`) never moves it on to next year."""
    if kind == "dct":
        delta = (_point(base.year, month, day) - base).days
        ahead = -NEWS_MARGIN if future else (-PAST_MARGIN if firm_past else -UNKNOWN_MARGIN)
        behind = NEWS_MARGIN if past and not future else (FUTURE_MARGIN if future else UNKNOWN_MARGIN)
        if delta < ahead:
            return base.year + 1
        if delta > behind:
            return base.year - 1
        return base.year
    best, best_cost = base.year, float("inf")
    for y in (base.year - 1, base.year, base.year + 1):
        slack = timedelta(days=SEQUEL_SLACK_DAYS if day else 0)
        if not_after is not None and date(y, month, day or 1) > not_after + slack:
            continue   # "Antecedentes: … estalló el 15 de abril", in a story of October 2023: April 2023 (but
            # "Contexto: … Dos días después de la explosión, el 14 de mayo" follows the story's 12 May)
        delta = (_point(y, month, day) - base).days
        cost = delta if delta >= 0 else -delta * BACKWARD_COST
        if delta >= 0 and y == base.year:
            cost /= SAME_YEAR_ON   # "en enero de 2017 … a comienzos de septiembre": the story moves on in its year
        if look_back:   # "Entre tanto, el 21 de octubre, trece gendarmes habían muerto": the last one gone
            cost = -delta if delta <= 0 else delta * BACKWARD_COST
        if y > base.year and delta > LONG_ROLLOVER:
            cost *= BACKWARD_COST   # "el 18 de noviembre de 1991 … Antecedentes: el 25 de junio": not June 1992
        if cost < best_cost:
            best, best_cost = y, cost
    return best


def reference_date(timexes: Sequence[Timex], offset: int) -> Optional[Timex]:
    """The narrative reference at `offset`: the last resolved DATE timex (or shifted duration,
    "Dos días después") that moves the anchor ("desde junio de 2014", "hasta diciembre de 2016"
    do not) and ends before `offset`."""
    best = None
    for t in timexes:
        if t.span.end > offset:
            break
        if t.extra.get("moves_anchor") and not offset >= t.extra.get("section_end", offset + 1):
            best = t   # (a date of a background section closed before `offset` moves the story no more)
    return best


def moves_anchor(res: Res) -> bool:
    """A resolved DATE or dated TIME ("la madrugada del jueves"), or a duration shifted from the
    narrative ("Dos días después, ..."): the story moves there, so "Al día siguiente" after it counts
    from that day. The small hours of a night told ("hasta las tres de la madrugada") stay that night's."""
    return ((res.type in ("DATE", "TIME") or bool(res.extra.get("shift"))) and res.interval is not None
            and res.precision in MOVING and res.extra.get("bound") not in NON_MOVING_BOUNDS
            and not res.extra.get("aside") and not res.extra.get("small_hours"))
