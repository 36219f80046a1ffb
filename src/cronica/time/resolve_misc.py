"""Durations, sets, clock times, fixed phrases and day ranges."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import g, parse_day, year_from_context

MAX_AMOUNT = 10000


def _unit(lx: Lexicon, word: Optional[str]) -> tuple[str, float, bool]:
    u = lx.dunits[word or ""]
    return u["unit"], float(u.get("factor", 1)), bool(u.get("time", False))


def resolve_duration(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    num = lx.number(g(m, "num") or "")
    if num is None or num <= 0 or num > MAX_AMOUNT:
        return None
    letter, factor, is_time = _unit(lx, g(m, "unit"))
    if g(m, "half"):
        num += 0.5
    value = cal.duration_value(num * factor, letter, is_time)
    if g(m, "unit2"):
        num2 = lx.number(g(m, "num2") or "")
        l2, f2, t2 = _unit(lx, g(m, "unit2"))
        if num2 is None or t2 != is_time:
            return None
        value += cal.duration_value(num2 * f2, l2, t2)[2 if t2 else 1:]
    return Res("DURATION", value, mod=lx.dmods.get(g(m, "dmod") or ""))


def resolve_vague_duration(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    letter, _, is_time = _unit(lx, g(m, "unit"))
    return Res("DURATION", f"PTX{letter}" if is_time else f"PX{letter}", mod=lx.dmods.get(g(m, "dmod") or ""))


def resolve_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    num = lx.number(g(m, "num") or "") or 1.0
    letter, factor, is_time = _unit(lx, g(m, "unit"))
    return Res("SET", cal.duration_value(num * factor, letter, is_time))


def resolve_clock(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    sep, hrs, tz, dp = g(m, "sep"), g(m, "hrs"), g(m, "tz"), g(m, "dp")
    if sep == "." and not (g(m, "art") or hrs or tz or dp):
        return None
    h_s = g(m, "h") or ""
    h = int(h_s) if h_s.isdigit() else int(lx.number(h_s) or -1)
    mins = {"media": 30, "cuarto": 15}.get(g(m, "mw") or "", int(g(m, "m") or 0))
    if dp in ("tarde", "noche") and 1 <= h < 12:
        h += 12
    if not 0 <= h <= 24:
        return None
    t = f"T{h:02d}:{mins:02d}" + ("Z" if tz else "")
    if ctx.dct is None:
        return Res("TIME", t)
    return Res("TIME", ctx.dct.isoformat() + t, interval=(ctx.dct, ctx.dct), precision="day", anchor="dct")


def resolve_phrase(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    typ, value = lx.phrases[g(m, "phrase")]
    return Res(typ, value)


def resolve_range_days(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'del 3 al 5 de marzo': the second day's Res, the first's in extra['range_first']."""
    month = lx.months[g(m, "month")]
    d1, d2 = parse_day(lx, g(m, "d1")), parse_day(lx, g(m, "d2").split()[0])
    if d1 is None or d2 is None or d1 >= d2:
        return None
    ys = g(m, "year")
    y, kind = (int(ys), "absolute") if ys else year_from_context(ctx, month, d2, None)
    if y is None:
        first = Res("DATE", f"XXXX-{month:02d}-{d1:02d}")
        return Res("DATE", f"XXXX-{month:02d}-{d2:02d}", extra={"range_first": first})
    if not cal.valid_day(y, month, d2):
        return None
    a, b = date(y, month, d1), date(y, month, d2)
    first = Res("DATE", a.isoformat(), interval=(a, a), precision="day", anchor=kind,
                extra={"range": (a, b), "range_role": "start"})
    return Res("DATE", b.isoformat(), interval=(b, b), precision="day", anchor=kind,
               extra={"range": (a, b), "range_role": "end", "range_first": first})
