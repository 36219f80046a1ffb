"""Durations told as a step from the narrative: "Un día antes, ...", "Dos días después, ...",
"tres meses más tarde". The timex stays a DURATION (TimeBank-es annotates "dos días después" as
DURATION P2D); it gains the interval it points at: the narrative reference moved by the duration.

    "El 16 de octubre de 2017 ... Un día antes, ..."  -> P1D, 2017-10-15 (day)
    "... Una semana más tarde, ..."                    -> P1W, 2017-10-23 (day: seven days on)
    "... tres meses después, ..."                      -> P3M, January 2018 (month)

The result is never finer than the reference ("En mayo de 2016 ... dos días después": month
precision) nor than the unit ("tres meses": a calendar month); counted weeks step by seven days, as
readers date them ("Una semana después": the day a week on), and keep the reference's day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, RefTime, Res

ORDER = ("day", "week", "month", "quarter", "year", "decade", "century")
HOURS_PER_DAY = 24
VAGUE_WITHIN_DAY = frozenset({"PTXH", "PTXM", "PTXS"})   # some hours / minutes: no day further
BEFORE, AFTER, AGO = "before", "after", "ago"   # the directions lang/<xx>/time.yaml names
_VALUE = re.compile(r"P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
                    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<TM>\d+)M)?(?:(?P<S>\d+)S)?)?")


def _amounts(value: str) -> Optional[tuple[int, int, str]]:
    """(months, days, finest precision) of a whole-numbered TIMEX3 duration; None for 'PXD', 'P1.5Y'."""
    if value in VAGUE_WITHIN_DAY:
        return 0, 0, "day"   # "horas antes", "minutos después": the same day as the reference
    m = _VALUE.fullmatch(value)
    if m is None or not any(m.groupdict().values()):
        return None
    n = {k: int(v or 0) for k, v in m.groupdict().items()}
    months, days = 12 * n["Y"] + n["M"], 7 * n["W"] + n["D"] + n["H"] // HOURS_PER_DAY
    if n["D"] or n["H"] or n["TM"] or n["S"]:
        finest = "day"   # "dos horas después": the same day (48 hours: two days on)
    elif n["W"]:
        finest = "week"
    elif n["M"]:
        finest = "month"
    else:
        finest = "year"
    return months, days, finest


def date_moved(d: date, months: int, days: int, *, end: bool = False) -> date:
    """d moved by months (clipped to the month's length; a month's last day stays its last) and days."""
    if months:
        y, m = cal.add_months(d.year, d.month, months)
        last = cal.month_last(y, m)
        day = last if end and d.day == cal.month_last(d.year, d.month) else min(d.day, last)
        d = date(y, m, day)
    return d + timedelta(days=days)


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=lambda p: ORDER.index(p) if p in ORDER else len(ORDER))


def shifted_interval(ref: RefTime, value: str, sign: int) -> Optional[tuple[tuple[date, date], str]]:
    """The days `value` (a duration) before (sign -1) or after (+1) the reference, and their precision."""
    amounts = _amounts(value)
    if amounts is None:
        return None
    months, days, finest = amounts
    months, days = sign * months, sign * days
    precision = ref.precision if finest == "week" and ref.precision == "day" else _coarser(finest, ref.precision)
    if precision == "day":
        d = date_moved(ref.start, months, days)
        return (d, d), precision
    if precision == ref.precision:   # the reference moved as a whole: a day, a month, a quarter ...
        return (date_moved(ref.start, months, days), date_moved(ref.end, months, days, end=True)), precision
    mid = ref.start + (ref.end - ref.start) / 2   # the unit is coarser than the reference: its unit around it
    d = date_moved(mid, months, days)
    if precision == "month":
        return cal.month_interval(d.year, d.month), precision
    return cal.year_interval(d.year), precision


def shift_duration(res: Res, ctx: Ctx, direction: str) -> None:
    """Give a duration followed by a shift word ("antes", "después") the interval it points at."""
    if direction == AGO and ctx.dct is not None:   # "tres días atrás": like "hace tres días", from the report's date
        ref, kind = _dct_ref(ctx.dct), "dct"
    else:   # "Un día antes": before the time the story is at; with none told, unknown (not the report's date)
        ref, kind = _told_last(ctx) or ctx.ref_time, "narrative"
        if res.value.startswith("PT") and ctx.ref_day is not None and (ref is None or ref.precision != ORDER[0]
                                                                      or ref.start != ctx.ref_day):
            # "Horas antes" after "en junio pasado": hours step from the story's day, not a coarser date (nor
            # the day a toll was reported: "murieron ayer …, informaron hoy. Horas antes, …")
            ref = RefTime(ctx.ref_day, ctx.ref_day, ORDER[0], ctx.ref_day.isoformat())
        ref = _day_to_step_from(res.value, ref, ctx)
    if ref is None:
        return
    try:
        got = shifted_interval(ref, res.value, -1 if direction in (BEFORE, AGO) else 1)
    except (ValueError, OverflowError):
        return
    if got is None:
        return
    res.interval, res.precision = got
    res.anchor = kind
    res.extra["shift"] = AFTER if direction == AFTER else BEFORE
    res.extra["shifted_from"] = ref.value


def _day_to_step_from(value: str, ref: Optional[RefTime], ctx: Ctx) -> Optional[RefTime]:
    """Days and weeks step from a day: when the reference is a year or coarser and the story came back to
    a day after it (a section heading back at the lead's day: "En 2011, un informe … Represalia: Una
    semana después, el 11 de diciembre"), from that day."""
    amounts = _amounts(value)
    day = ctx.day_after_ref
    if ref is None or day is None or amounts is None or amounts[2] not in ORDER[:2] \
            or ORDER.index(ref.precision if ref.precision in ORDER else ORDER[-1]) <= ORDER.index("month"):
        return ref
    return RefTime(day, day, ORDER[0], day.isoformat())


def _told_last(ctx: Ctx) -> Optional[RefTime]:
    """The day told last as a look back, in a sentence of its own ("Los comicios se celebraron el 27 de
    diciembre de 2007. Tres días después, ..." steps from the 27th; not "El 28, ... firmó un decreto que
    disolvía las instituciones a partir del 1 de enero de 2024. Un día antes": the 27th)."""
    day = ctx.step_from
    return RefTime(day, day, ORDER[0], day.isoformat()) if day is not None and ctx.dct is None else None


def label(interval: tuple[date, date], precision: Optional[str]) -> str:
    """A shifted duration's days as a reference label: '2017-10-15', '2018-01', '2015', else 'start/end'."""
    lo, hi = interval
    if lo == hi:
        return lo.isoformat()
    if precision == "month" and (lo, hi) == cal.month_interval(lo.year, lo.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if precision == "year" and (lo, hi) == cal.year_interval(lo.year):
        return f"{lo.year:04d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def _dct_ref(dct: date) -> RefTime:
    return RefTime(dct, dct, ORDER[0], dct.isoformat())
