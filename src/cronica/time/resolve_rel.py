"""Deixis and relative expressions: "la semana pasada", "el lunes", "ayer", "hace tres días"."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import SUB_CODES, g, sub_period

UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
              "quarter": "XXXX-QX", "half": "XXXX-HX", "third": "XXXX-TX", "year": "XXXX",
              "decade": "XXX", "century": "XX"}


def _offset(lx: Lexicon, m: re.Match) -> tuple[Optional[int], bool]:
    """(offset in units, counted from the narrative?) from relative words or demonstratives."""
    for name in ("rel1", "rel2"):
        w = g(m, name)
        if w is not None and w in lx.relative:
            return int(lx.relative[w]), w in lx.anchor_relative
    dem = g(m, "dem")
    if dem is not None and dem in lx.demonstratives:
        v = lx.demonstratives[dem]
        return (0, True) if v == "anchor" else (int(v), False)
    return None, False


def shifted(base: date, gran: str, n: int, mod: Optional[str]) -> Optional[Res]:
    """The calendar unit containing `base`, moved by n units."""
    if gran == "day":
        d = base + timedelta(days=n)
        return Res("DATE", d.isoformat(), interval=(d, d), precision="day")
    if gran in ("week", "weekend"):
        d = base + timedelta(weeks=n)
        lo, hi = cal.week_interval(d)
        if gran == "weekend":
            return Res("DATE", cal.week_value(d) + "-WE", interval=(hi - timedelta(days=1), hi), precision="week")
        return Res("DATE", cal.week_value(d), interval=(lo, hi), precision="week")
    if gran == "month":
        y, mo = cal.add_months(base.year, base.month, n)
        return Res("DATE", f"{y:04d}-{mo:02d}", mod=mod, interval=cal.month_interval(y, mo, mod), precision="month")
    if gran in SUB_CODES:
        size = {"quarter": 3, "half": 6, "third": 4}[gran]
        k = (base.year * 12 + base.month - 1) // size + n
        per_year = 12 // size
        y, idx = k // per_year, k % per_year + 1
        iv = cal.months_interval(y, size * (idx - 1) + 1, size * idx, mod)
        return Res("DATE", f"{y:04d}-{SUB_CODES[gran]}{idx}", mod=mod, interval=iv, precision="quarter")
    if gran == "year":
        y = base.year + n
        return Res("DATE", f"{y:04d}", mod=mod, interval=cal.year_interval(y, mod), precision="year")
    if gran == "decade":
        first = (base.year // 10 + n) * 10
        return Res("DATE", str(first // 10), mod=mod, interval=cal.years_interval(first, 10, mod),
                   precision="decade")
    if gran == "century":
        c = base.year // 100 + n
        return Res("DATE", f"{c:02d}", mod=mod, interval=cal.years_interval(max(c * 100, 1), 100, mod),
                   precision="century")
    return None


def resolve_rel_unit(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    gran = lx.cal_units[g(m, "unit")]
    mod = lx.fuzzy.get(g(m, "part") or "")
    n, narrative = _offset(lx, m)
    if n is None:
        if mod is None or gran in ("day", "week", "weekend"):
            return None
        n = 0
    if gran == "day" and n == 0 and not narrative:
        return None  # "este día": leave to the phrases
    base, kind = ctx.base(narrative_first=narrative)
    if base is None:
        return Res("DATE", UNRESOLVED[gran], mod=mod)
    res = shifted(base, gran, n, mod)
    if res is not None:
        res.anchor = kind
    return res


def resolve_ordinal_unit(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    sub = sub_period(lx, m)
    if sub is None:
        return None
    gran = lx.cal_units.get(sub[2], "")
    code = SUB_CODES.get(gran) or ("H" if sub[2] in lx.period_parts and sub[1] == 2 and g(m, "yunit") else None)
    if not code:
        return None
    base, kind = ctx.base(narrative_first=g(m, "dem") in ("ese", "esa", "aquel"))
    if base is None:
        return Res("DATE", f"XXXX-{code}{sub[0]}")
    n = 12 // sub[1]
    iv = cal.months_interval(base.year, n * (sub[0] - 1) + 1, n * sub[0])
    return Res("DATE", f"{base.year:04d}-{code}{sub[0]}", interval=iv, precision="quarter", anchor=kind)


def resolve_weekday(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    wd = lx.weekdays[g(m, "wd")]
    n, narrative = _offset(lx, m)
    if n is None and not g(m, "art"):
        return None
    base, kind = ctx.base(narrative_first=narrative)
    if base is None:
        return Res("DATE", f"XXXX-WXX-{wd}")
    if n == 0 and not narrative:          # "este domingo": the week of the dct
        d = cal.week_interval(base)[0] + timedelta(days=wd - 1)
    elif n == 0:                          # "ese mismo lunes"
        d = cal.weekday_on_or_before(base, wd, strict=False)
    elif (n or 0) < 0 or (n is None and not ctx.future):
        d = cal.weekday_on_or_before(base, wd, strict=kind == "dct")
    else:
        d = cal.weekday_on_or_after(base, wd, strict=True)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def resolve_weekday_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    return Res("SET", f"XXXX-WXX-{lx.weekdays_plural[g(m, 'wdp')]}")


def resolve_deictic_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    word = g(m, "deic")
    if word == "manana" and not g(m, "art"):
        before = ctx.folded[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in lx.pod_guard:
            return None
    n = int(lx.deictic_days[word])
    if ctx.dct is None:
        return Res("DATE", "PRESENT_REF") if n == 0 else None
    d = ctx.dct + timedelta(days=n)
    res = Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="dct")
    wd = g(m, "wd")
    if wd and lx.weekdays.get(wd) != d.isoweekday():
        res.extra["weekday_conflict"] = {"weekday": wd, "date": d.isoformat(), "agrees": False}
    return res


def resolve_deictic_time(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    n, code = lx.deictic_times[g(m, "dt")]
    if ctx.dct is None:
        return Res("TIME", f"T{code}")
    d = ctx.dct + timedelta(days=int(n))
    return Res("TIME", f"{d.isoformat()}T{code}", interval=(d, d), precision="day", anchor="dct")


def resolve_ago(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    unit = lx.dunits[g(m, "unit")]
    letter, factor, is_time = unit["unit"], unit.get("factor", 1), unit.get("time", False)
    num = lx.number(g(m, "num") or "")
    mod = lx.dmods.get(g(m, "dmod") or "")
    if num is None:
        return Res("DURATION", f"PTX{letter}" if is_time else f"PX{letter}", mod=mod)
    amount = num * factor
    sign = -1 if g(m, "dir") == "hace" else 1
    base, kind = ctx.base()
    if is_time or base is None or amount != int(amount):
        return Res("DURATION", cal.duration_value(amount, letter, is_time), mod=mod, extra={"ago": sign})
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]
    res = shifted(base, gran, sign * int(amount), None)
    if res is not None:
        res.anchor, res.mod = kind, ("APPROX" if mod == "APPROX" else None)
    return res
