"""Reference times: the dct, or the narrative's last resolved date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional, Sequence

from cronica.model import Timex
from cronica.time.calendar import month_last

# precisions fine enough to move the narrative reference forward
MOVING = {"day", "week", "month", "quarter", "year"}
BACKWARD_COST = 1.5   # narrative: looking back costs more than rolling forward


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


@dataclass
class Ctx:
    """What a rule may look at while resolving one match."""
    folded: str
    dct: Optional[date]
    ref: Optional[date]          # narrative reference: start of the last moving DATE
    future: bool = False         # the clause talks about the future (tense markers)

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


def pick_year(base: date, kind: str, month: int, day: Optional[int], future: bool) -> int:
    """The year that puts (month, day) closest to `base`, rolling forward in narratives."""
    best, best_cost = base.year, float("inf")
    for y in (base.year - 1, base.year, base.year + 1):
        delta = (_point(y, month, day) - base).days
        if kind == "narrative":
            cost = delta if delta >= 0 else -delta * BACKWARD_COST
        elif future:
            cost = delta if delta >= -7 else -delta * 4
        else:
            cost = delta * 1.2 if delta > 0 else -delta
        if cost < best_cost:
            best, best_cost = y, cost
    return best


def reference_date(timexes: Sequence[Timex], offset: int) -> Optional[Timex]:
    """The narrative reference at `offset`: the last resolved DATE timex that moves the
    anchor ("desde junio de 2014" does not) and ends before `offset`."""
    best = None
    for t in timexes:
        if t.span.end > offset:
            break
        if t.extra.get("moves_anchor"):
            best = t
    return best


def moves_anchor(res: Res) -> bool:
    return (res.type == "DATE" and res.interval is not None and res.precision in MOVING
            and res.extra.get("bound") != "since")
