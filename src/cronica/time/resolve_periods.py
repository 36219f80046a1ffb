"""Named periods: seasons, decades and centuries."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon, fold_key
from cronica.time.resolve_dates import g, rel_offset, told_year, year_from_context


_CAPITAL_NEIGHBOUR = re.compile(r"[^\W\d_]")


def _season_in_name(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """A capitalised season word inside a sentence next to another capitalised word is a name
    ('la operación Escudo de Primavera', 'la Primavera Árabe'), not a season."""
    if not ctx.text or g(m, "year"):
        return False
    s, e = m.start("season"), m.end("season")
    if not ctx.text[s].isupper() or not ctx.mid_sentence(s):
        return False
    before = ctx.text[max(0, s - 40):s].split()
    while before and before[-1].lower() in lx.words("name_connectors"):
        before = before[:-1]
    after = ctx.text[e:e + 30].split()
    return any(w[:1].isupper() and _CAPITAL_NEIGHBOUR.match(w) for w in (before[-1:] + after[:1]))


def _season_base(m: re.Match, ctx: Ctx, lx: Lexicon, rel: int) -> date:
    """What 'la primavera siguiente / anterior' counts from: the date told in its sentence, when there is one
    ("habían combatido juntos en 1992, pero la alianza se rompió en la primavera siguiente": 1993), else the
    story's (or the report's) date."""
    words = {fold_key(w) for w in (g(m, "rel1") or "", g(m, "rel2") or "")}
    if ctx.told_abs is None or not words & lx.anchor_relative:
        return ctx.year_base()[0]
    start, precision = ctx.told_abs
    if rel < 0 or precision == "day":
        return start
    return cal.year_interval(start.year)[1] if precision == "year" else cal.month_interval(start.year, start.month)[1]


def resolve_season(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    if _season_in_name(m, ctx, lx):
        return None
    s = lx.seasons[g(m, "season")]
    m1, m2 = s["months"]
    mod = lx.fuzzy.get(g(m, "part") or "")
    ys = g(m, "year")
    extra: dict = {}
    if ys:
        y, kind = int(ys), "absolute"
    elif g(m, "thisyear") and (ctx.base()[0] is not None or ctx.told_abs is not None):
        y, kind = told_year(m, ctx, lx, extra)   # "el verano del año pasado"
    else:
        rel = rel_offset(lx, m)
        if rel is None and lx.demonstratives.get(g(m, "dem") or "") == 0:
            rel = 0   # "este verano"
        # a season lasts three months: a past tense does not pull a near one back a year ("en otoño")
        y, kind = year_from_context(replace(ctx, past=False), m1 if m1 <= 12 else m1 - 12, None, rel)
        if y is not None and rel in (-1, 1):
            y = cal.other_season(_season_base(m, ctx, lx, rel), m1, m2, rel)
    if y is None:
        return Res("DATE", f"XXXX-{s['code']}", mod=mod)
    # "el invierno de 1998": the winter most of which falls in 1998 (December 1997 to February 1998; not
    # "el invierno de 1998 a 1999")
    start_year = y - 1 if ys and m2 > 12 and not g(m, "year_to") else y
    return Res("DATE", f"{y:04d}-{s['code']}", mod=mod, interval=cal.months_interval(start_year, m1, m2, mod),
               precision="quarter", anchor=kind, extra=extra)


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
    """'cada mes de abril', 'todos los eneros': every year in that month (TimeML SET XXXX-04); 'cada 18 de
    octubre': every year on that day (XXXX-10-18)."""
    day = f"-{int(g(m, 'sday')):02d}" if g(m, "sday") else ""
    return Res("SET", f"XXXX-{lx.months[g(m, 'month')]:02d}{day}")
