"""Named periods: seasons, decades and centuries."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import g, rel_offset, year_from_context


def resolve_season(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    s = lx.seasons[g(m, "season")]
    m1, m2 = s["months"]
    mod = lx.fuzzy.get(g(m, "part") or "")
    ys = g(m, "year")
    if ys:
        y, kind = int(ys), "absolute"
    else:
        rel = rel_offset(lx, m)
        if rel is None and lx.demonstratives.get(g(m, "dem") or "") == 0:
            rel = 0   # "este verano"
        # a season lasts three months: a past tense does not pull a near one back a year ("en otoño")
        y, kind = year_from_context(replace(ctx, past=False), m1 if m1 <= 12 else m1 - 12, None, rel)
        if y is not None and rel in (-1, 1):
            y = cal.other_season(ctx.year_base()[0], m1, m2, rel)
    if y is None:
        return Res("DATE", f"XXXX-{s['code']}", mod=mod)
    return Res("DATE", f"{y:04d}-{s['code']}", mod=mod, interval=cal.months_interval(y, m1, m2, mod),
               precision="quarter", anchor=kind)


def resolve_decade(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    dec, head = g(m, "dec"), g(m, "dhead") or ""
    if head in lx.words("plural_articles") and head not in lx.words("decade_articles"):
        return None   # "entre las 10 y las 12 horas": hours, not a decade
    if head in lx.words("plural_articles") and not g(m, "part"):   # bare "los 90": not "los 90 soldados"
        after = ctx.folded[m.end():m.end() + 12].split()
        if after and after[0].isalpha() and after[0] not in lx.words("decade_followers"):
            return None
    first = lx.decade_start(dec)
    if first is None:
        return None
    mod = lx.fuzzy.get(g(m, "part") or "")
    return Res("DATE", str(first // 10), mod=mod, interval=cal.years_interval(first, 10, mod),
               precision="decade", anchor="absolute")


def resolve_century(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    c = g(m, "cent")
    n = int(c) if c.isdigit() else cal.roman(c)
    if not n or n > 21:
        return None
    mod = lx.fuzzy.get(g(m, "part") or "")
    first = (n - 1) * 100
    return Res("DATE", f"{n - 1:02d}", mod=mod, interval=cal.years_interval(max(first, 1), 100, mod),
               precision="century", anchor="absolute")


def resolve_month_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'cada mes de abril', 'todos los eneros': every year in that month (TimeML SET XXXX-04)."""
    return Res("SET", f"XXXX-{lx.months[g(m, 'month')]:02d}")
