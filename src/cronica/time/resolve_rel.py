"""Deixis and relative expressions: "la semana pasada", "el lunes", "ayer", "hace tres días"."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import SUB_CODES, g, sub_period, year_from_context

QUALIFIED = ("day", "month", "year")
QUOTES = ("`", '"', "\u00ab", "\u201c")
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
        return Res("DATE", cal.week_value(d), mod=mod, interval=(lo, hi), precision="week")
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
    gran, mod = _unit_and_part(m, ctx, lx)
    if g(m, "year") and gran == "year":   # "este mismo año 2000"
        y = int(g(m, "year"))
        return Res("DATE", f"{y:04d}", mod=mod, interval=cal.year_interval(y, mod), precision="year",
                   anchor="absolute")
    n, narrative = _offset(lx, m)
    if mod is None and (g(m, "rel1") or g(m, "rel2")) in lx.words("span_last") \
            and g(m, "unit") in lx.words("span_units"):   # "el último año": the twelve months up to now
        unit = lx.dunits[g(m, "unit")]
        return Res("DURATION", cal.duration_value(unit.get("factor", 1), unit["unit"], False))
    if gran == "weekend" and n is None and g(m, "art"):
        return _weekend(ctx)
    if n is None and mod is None and gran == "year" and _bare_year(m, ctx, lx):
        n = 0   # "en lo que va de año", "pierde un 8 % en el año": the dct's year
    if n is None:
        if mod is None or gran in ("week", "weekend"):
            return None
        n = 0
    if gran == "day" and n == 0 and not narrative and mod is None:
        return None  # "este día": leave to the phrases
    base, kind = ctx.base(narrative_first=narrative)
    if gran == "day" and narrative and ctx.ref_day is not None:
        base, kind = ctx.ref_day, "narrative"
    elif gran == "day" and narrative and ctx.dct is not None:   # no day told yet: "al día siguiente" of the news
        base, kind = ctx.dct, "dct"
    if base is None:
        return Res("DATE", UNRESOLVED[gran], mod=mod)
    res = shifted(base, gran, n, mod)
    if res is not None:
        res.anchor = kind
        if gran == "day" and narrative:
            res.extra["day_shift"] = n   # "al día siguiente del 11 de septiembre" (links.day_after)
    return res


def _unit_and_part(m: re.Match, ctx: Ctx, lx: Lexicon) -> tuple[str, Optional[str]]:
    """The calendar unit and the fuzzy part: 'finales de la semana' is the END of a week, but
    'el fin de semana pasado' is a weekend."""
    gran, mod = lx.cal_units[g(m, "unit")], lx.fuzzy.get(g(m, "part") or "")
    whole = " ".join(ctx.folded[m.start("part"):m.end("unit")].split()) if mod else ""
    return (lx.cal_units[whole], None) if whole in lx.cal_units else (gran, mod)


def _bare_year(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """'en lo que va de año': the dct's year ("el año", "del año" alone are too often "el jugador del año")."""
    if ctx.dct is None or g(m, "dem") or g(m, "year") or g(m, "art"):
        return False
    before = ctx.folded[max(0, m.start() - 30):m.start()].split()
    return any(" ".join(before[-k:]) in lx.words("bare_year_leads") for k in (2, 3, 4))


def _weekend(ctx: Ctx) -> Optional[Res]:
    """'el fin de semana': the last one (or the next, when the clause is in the future)."""
    base, kind = ctx.base()
    if base is None:
        return Res("DATE", UNRESOLVED["weekend"])
    sat = (cal.weekday_on_or_before if ctx.past else cal.weekday_on_or_after)(base, 6, strict=False)
    return Res("DATE", cal.week_value(sat) + "-WE", interval=(sat, sat + timedelta(days=1)), precision="week",
               anchor=kind)


def resolve_qualified_unit(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'en un año tan académico', 'un mes decisivo': the current unit, characterised."""
    gran = lx.cal_units[g(m, "unit")]
    base, kind = ctx.base()
    if base is None or gran not in QUALIFIED:
        return None
    res = shifted(base, gran, 0, None)
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
    base, kind = ctx.base(narrative_first=lx.demonstratives.get(g(m, "dem") or "") == "anchor")
    if base is None:
        return Res("DATE", f"XXXX-{code}{sub[0]}")
    n = 12 // sub[1]
    y = base.year
    if kind == "dct" and ctx.near_abs is not None and not g(m, "yunit"):   # "para el 2000 ... el primer cuatrimestre"
        y, kind = ctx.near_abs[0].year, "narrative"
    elif kind == "dct" and not ctx.future and n * (sub[0] - 1) + 1 > base.month:
        y -= 1    # "el cuarto trimestre" told in March: last year's
    iv = cal.months_interval(y, n * (sub[0] - 1) + 1, n * sub[0])
    return Res("DATE", f"{y:04d}-{code}{sub[0]}", interval=iv, precision="quarter", anchor=kind)


def resolve_weekday(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    wd = lx.weekdays[g(m, "wd")]
    n, narrative = _offset(lx, m)
    if n is None and not g(m, "art") and not g(m, "dem") and _named(m, ctx):
        return None   # "Domingo García"; a bare weekday otherwise ("Apple anunció lunes que ...")
    d, kind = weekday_day(ctx, wd, n, narrative)
    if d is None:
        return Res("DATE", f"XXXX-WXX-{wd}")
    return with_day_part(lx, m, Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind))


def _named(m: re.Match, ctx: Ctx) -> bool:
    """Is a capitalised word inside a sentence (a name, not a weekday)?"""
    return bool(ctx.text) and ctx.text[m.start("wd")].isupper() and ctx.mid_sentence(m.start("wd"))


def weekday_day(ctx: Ctx, wd: int, n: Optional[int], narrative: bool) -> tuple[Optional[date], Optional[str]]:
    """The day a weekday names: "el pasado lunes" (n=-1), "el próximo" (1), "este" (0), bare (None)."""
    base, kind = ctx.base(narrative_first=narrative)
    if base is None:
        return None, None
    if n == 0 and not narrative and (ctx.future or ctx.past):   # "este domingo", by tense
        d = (cal.weekday_on_or_after if ctx.future else cal.weekday_on_or_before)(base, wd, strict=False)
    elif n == 0 and not narrative:        # no tense: this week's
        d = cal.week_interval(base)[0] + timedelta(days=wd - 1)
    elif n == 0:                          # "ese mismo lunes"
        d = cal.weekday_on_or_before(base, wd, strict=False)
    elif (n or 0) < 0:
        d = cal.weekday_on_or_before(base, wd, strict=True)
    elif n is None and not ctx.future:    # "el lunes": news tell of the last one (or today)
        d = cal.weekday_on_or_before(base, wd, strict=False)
    elif n is None:                       # "el lunes" told in the future: the next one (or today)
        d = cal.weekday_on_or_after(base, wd, strict=False)
    else:
        d = cal.weekday_on_or_after(base, wd, strict=True)
    return d, kind


def with_day_part(lx: Lexicon, m: re.Match, res: Res) -> Res:
    """'el viernes por la mañana' -> TIME 2010-07-16TMO."""
    dp = g(m, "dp")
    if dp and dp in lx.day_parts and res.type == "DATE":
        res.type, res.value = "TIME", f"{res.value}T{lx.day_parts[dp]}"
    return res


def resolve_weekday_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    return Res("SET", f"XXXX-WXX-{lx.weekdays_plural[g(m, 'wdp')]}")


def resolve_deictic_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    word = g(m, "deic")
    if word in lx.day_parts and not g(m, "art"):   # "mañana": tomorrow, or the morning
        before = ctx.folded[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in lx.pod_guard:
            return None
    n = int(lx.deictic_days[word])
    if n == 0 and not g(m, "art") and not g(m, "wd") and _nowadays(m, ctx, lx):
        return Res("DATE", "PRESENT_REF")
    if ctx.dct is None:
        return Res("DATE", "PRESENT_REF") if n == 0 else None
    d = ctx.dct + timedelta(days=n)
    res = with_day_part(lx, m, Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="dct"))
    wd = g(m, "wd")
    if wd and lx.weekdays.get(wd) != d.isoweekday():
        res.extra["weekday_conflict"] = {"weekday": wd, "date": d.isoformat(), "agrees": False}
    return res


def _nowadays(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """'hoy' as 'nowadays': 'la hoy extinta Yugoslavia', 'hoy tan dispersos', or set against the past
    ('en 1992 había 60 y hoy hay 300'; a sentence opening 'Y hoy ...')."""
    before = ctx.folded[max(0, m.start() - 8):m.start()].split()
    after = ctx.folded[m.end():m.end() + 8].split()
    if (before and before[-1] in lx.words("present_ref_before")) or (after and after[0] in lx.words("present_ref_after")):
        return True
    if _quoted_opening(m, ctx) and after and after[0] in lx.articles and not (ctx.past or ctx.future):
        return True   # '"Hoy el Gobierno defiende ...": a statement about the present
    if not before or before[-1] not in lx.words("present_ref_contrast"):
        return False
    opens = not ctx.mid_sentence(ctx.folded.rfind(before[-1], max(0, m.start() - 8), m.start()))
    past = ctx.near_abs is not None and ctx.dct is not None and ctx.near_abs[0].year < ctx.dct.year
    return (opens and not ctx.past) or past


def _quoted_opening(m: re.Match, ctx: Ctx) -> bool:
    """Does the match open a quotation?"""
    return ctx.text[max(0, m.start() - 4):m.start()].rstrip()[-1:] in QUOTES


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
    base, kind = ctx.base()
    past = g(m, "dir") in lx.words("ago")
    if is_time and past and base is not None:   # "hace unas horas": today
        return Res("DATE", base.isoformat(), interval=(base, base), precision="day", anchor=kind)
    if num is None:
        return Res("DURATION", f"PTX{letter}" if is_time else f"PX{letter}", mod=mod)
    amount = num * factor
    if amount > 5000:
        return None
    sign = -1 if past else 1
    if is_time or base is None or amount != int(amount):
        return Res("DURATION", cal.duration_value(amount, letter, is_time), mod=mod, extra={"ago": sign})
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]
    res = shifted(base, gran, sign * int(amount), None)
    if res is not None:
        res.anchor, res.mod = kind, ("APPROX" if mod == "APPROX" else None)
    return res


def resolve_day_part(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    code = lx.day_parts[g(m, "dp")]
    deic, wd = g(m, "deic"), g(m, "wd")
    day = None
    if g(m, "dday"):   # "la noche del 3 de agosto"
        month, dd = lx.months[g(m, "month")], int(g(m, "dday"))
        y = int(g(m, "year")) if g(m, "year") else year_from_context(ctx, month, dd, None)[0]
        if y is None:
            return Res("TIME", f"XXXX-{month:02d}-{dd:02d}T{code}")
        day = date(y, month, dd)
    elif deic and ctx.dct is not None:
        day = ctx.dct + timedelta(days=int(lx.deictic_days[deic]))
    elif wd:
        n, narrative = _offset(lx, m)
        day, _ = weekday_day(ctx, lx.weekdays[wd], n, narrative)
    elif (ctx.near_day or ctx.recent_day) is not None:   # "el 3 de mayo ... por la noche"
        day = ctx.near_day or ctx.recent_day
    if day is None:
        return Res("TIME", f"T{code}")
    return Res("TIME", f"{day.isoformat()}T{code}", interval=(day, day), precision="day",
               anchor="dct" if ctx.dct else "narrative")
