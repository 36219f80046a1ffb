"""Calendar arithmetic: TIMEX3 values and the day intervals they denote."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

Interval = tuple[date, date]

# the third of a period a fuzzy mod denotes: (first, last) sub-unit, 1-based, inclusive
THIRDS = {"START": 0, "MID": 1, "END": 2}


def month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= month_last(y, m)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def month_interval(y: int, m: int, mod: Optional[str] = None) -> Interval:
    last = month_last(y, m)
    if mod in THIRDS:
        lo, hi = ((1, 10), (11, 20), (21, last))[THIRDS[mod]]
        return date(y, m, lo), date(y, m, hi)
    return date(y, m, 1), date(y, m, last)


def months_interval(y: int, m1: int, m2: int, mod: Optional[str] = None) -> Interval:
    """Months m1..m2 of year y (m2 may pass 12: winter 12..14), split in thirds by mod."""
    n = m2 - m1 + 1
    if mod in THIRDS and n >= 3:
        k = THIRDS[mod]
        step = n / 3
        m1, m2 = m1 + round(k * step), m1 + round((k + 1) * step) - 1
    y1, mm1 = add_months(y, m1, 0)
    y2, mm2 = add_months(y, m2, 0)
    return date(y1, mm1, 1), date(y2, mm2, month_last(y2, mm2))


def year_interval(y: int, mod: Optional[str] = None) -> Interval:
    return months_interval(y, 1, 12, mod)


def years_interval(y1: int, n: int, mod: Optional[str] = None) -> Interval:
    """n years from y1 (decade: 10, century: 100), split in thirds by mod."""
    if mod in THIRDS:
        k = THIRDS[mod]
        lo, hi = y1 + (n * k) // 3, y1 + (n * (k + 1)) // 3 - 1
        return date(lo, 1, 1), date(max(lo, hi), 12, 31)
    return date(y1, 1, 1), date(y1 + n - 1, 12, 31)


def week_interval(d: date) -> Interval:
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def weekday_on_or_before(d: date, iso_wd: int, strict: bool) -> date:
    back = (d.isoweekday() - iso_wd) % 7
    if back == 0 and strict:
        back = 7
    return d - timedelta(days=back)


def weekday_on_or_after(d: date, iso_wd: int, strict: bool) -> date:
    fwd = (iso_wd - d.isoweekday()) % 7
    if fwd == 0 and strict:
        fwd = 7
    return d + timedelta(days=fwd)


def roman(s: str) -> Optional[int]:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = vals.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def duration_value(n: float, unit: str, time_unit: bool) -> str:
    num = str(int(n)) if float(n).is_integer() else f"{n:g}"
    return f"PT{num}{unit}" if time_unit else f"P{num}{unit}"


def other_season(base: date, m1: int, m2: int, rel: int) -> int:
    """The year of the season m1..m2 before `base` and over by then (rel < 0: 'la primavera pasada'),
    or the first one starting after it (rel > 0: 'el próximo verano')."""
    y = base.year
    if rel < 0:
        while months_interval(y, m1, m2)[1] >= base:
            y -= 1
    else:
        while months_interval(y, m1, m2)[0] <= base:
            y += 1
    return y


def easter(y: int) -> date:
    """Western Easter Sunday of year y (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(y, month, (h + l - 7 * m + 114) % 31 + 1)


def months_spanned(lo: date, hi: date) -> int:
    """How many calendar months the days lo..hi touch (January to March: 3)."""
    return (hi.year - lo.year) * 12 + hi.month - lo.month + 1
