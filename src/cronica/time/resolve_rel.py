"""Relative calendar units: "la semana pasada", "el primer trimestre del año pasado", "hace tres días"
(weekdays, "hoy" and parts of days: resolve_days.py)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.links import contrast_period
from cronica.time.resolve_dates import SUB_CODES, g, sub_period
from cronica.time.shift import date_moved

QUALIFIED = ("day", "month", "year")
UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
              "quarter": "XXXX-QX", "half": "XXXX-HX", "third": "XXXX-TX", "year": "XXXX",
              "decade": "XXX", "century": "XX"}


def unit_offset(lx: Lexicon, m: re.Match) -> tuple[Optional[int], bool]:
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
    n, narrative = unit_offset(lx, m)
    if mod is None and (g(m, "rel1") or g(m, "rel2")) in lx.words("span_last") \
            and g(m, "unit") in lx.words("span_units"):   # "el último año": the twelve months up to now
        unit = lx.dunits[g(m, "unit")]
        return Res("DURATION", cal.duration_value(unit.get("factor", 1), unit["unit"], False))
    if gran == "weekend" and n is None and g(m, "art"):
        return _weekend(ctx)
    if gran == "weekend" and (g(m, "rel1") or g(m, "rel2")) in lx.words("span_last"):
        return _weekend(replace(ctx, past=True, future=False))   # "el último fin de semana": the last one
    if n is None and mod is None and _bare_unit(m, ctx, lx, gran):
        n = 0   # "en lo que va de año / de mes", "pierde un 8 % en el año": the dct's year, month ...
    if n is None:   # "a principios de semana": this week's start; "fines de semana" are weekends
        if mod is None or gran == "weekend" or (gran == "week" and g(m, "part") in lx.words("weekend_parts")):
            return None
        n = 0
    if gran == "day" and n == 0 and not narrative and mod is None:
        return None  # "este día": leave to the phrases
    base, kind = ctx.base(narrative_first=narrative)
    told = ctx.told_abs if g(m, "dem") or n else None   # ("al año siguiente" of the year the sentence tells)
    if narrative and told is not None and _at_least(told[1], gran):
        base, kind = told[0], "narrative"   # "sustituye desde 2014 al aeropuerto, destruido aquel año"
    elif narrative and g(m, "dem") and gran == "year" and ctx.last_abs is not None:
        base, kind = ctx.last_abs[0], "narrative"   # "… desde mayo de 2022. Ese mismo año": the year just told
    elif narrative and n and gran in SUB_CODES and (period := _told_period(m, ctx, gran)) is not None:
        base, kind = period, "narrative"   # "el primer trimestre … informó este jueves … el trimestre anterior"
    elif gran == "day" and narrative and (named := named_event_day(m, ctx, lx)) is not None:
        base, kind = named, "narrative"   # "Al día siguiente de la muerte de Saleh": of the day the text gave it
    elif gran == "day" and narrative and not n and g(m, "dem") and (day := _day_in_sentence(m, ctx)):
        base, kind = day, "narrative"   # "confirmó el pasado viernes … esa misma jornada": that day
    elif gran == "day" and narrative and ctx.ref_day is not None:
        base, kind = ctx.ref_day, "narrative"
    elif gran == "day" and narrative and ctx.dct is not None:   # no day told yet: "al día siguiente" of the news
        base, kind = ctx.dct, "dct"
    elif gran == "month" and n == 0 and mod is not None and not g(m, "dem") and not g(m, "art") and not ctx.future \
            and ctx.near_day is not None:
        base, kind = ctx.near_day, "narrative"   # "terminó el 24 de agosto, después de que lo ampliaran a principios
        # de mes": the month of the day the sentence tells, not the report's
    if base is None:
        return Res("DATE", UNRESOLVED[gran], mod=mod)
    res = shifted(base, gran, n, mod)
    if res is not None:
        res.anchor = kind
        if gran == "day" and narrative:
            res.extra["day_shift"] = n   # "al día siguiente del 11 de septiembre" (links.day_after)
    return res


def _told_period(m: re.Match, ctx: Ctx, gran: str) -> Optional[date]:
    """The first day of the last quarter (half) the text told before the match, counted from it ("el trimestre
    anterior" of the quarter a results story is about, not of the day it was reported on); not a period told
    to compare with ("el mismo periodo de 2002") nor one counted from another."""
    code = SUB_CODES[gran]
    for t in reversed(ctx.told):
        if t.span.end <= m.start() and t.type == "DATE" and t.interval and not t.extra.get("same_period_as") \
                and not contrast_period(t) \
                and re.fullmatch(rf"(?:FY)?\d{{4}}-{code}\d", t.value):
            return t.interval[0]
    return None


def _day_in_sentence(m: re.Match, ctx: Ctx) -> Optional[date]:
    """The one day told before the match in its own sentence, if it tells exactly one ("confirmó el pasado
    viernes …, esa misma jornada"; not "anunció el viernes 18 que lo había recuperado la víspera")."""
    days = set()
    for t in reversed(ctx.told):
        if t.span.end > m.start():
            continue
        gap = ctx.folded[t.span.end:m.start()]
        if ". " in gap or "\n" in gap:
            break
        if t.type in ("DATE", "TIME") and t.interval:
            days.add(t.interval)
    day = next(iter(days)) if len(days) == 1 else None
    return day[0] if day and day[0] == day[1] else None


FINER = {"year": ("day", "week", "month", "year"), "month": ("day", "month"), "day": ("day",)}


def _at_least(precision: str, gran: str) -> bool:
    """Does a date of this precision name a whole `gran` ('mayo de 2014' names a year and a month)?"""
    return precision in FINER.get(gran, ())


def _unit_and_part(m: re.Match, ctx: Ctx, lx: Lexicon) -> tuple[str, Optional[str]]:
    """The calendar unit and the fuzzy part: 'finales de la semana' is the END of a week, but
    'el fin de semana pasado' is a weekend."""
    gran, mod = lx.cal_units[g(m, "unit")], lx.fuzzy.get(g(m, "part") or "")
    whole = " ".join(ctx.folded[m.start("part"):m.end("unit")].split()) if mod else ""
    return (lx.cal_units[whole], None) if whole in lx.cal_units else (gran, mod)


def _bare_unit(m: re.Match, ctx: Ctx, lx: Lexicon, gran: str) -> bool:
    """'en lo que va de año / de mes', 'durante todo el año', 'a lo largo de la semana': the dct's unit
    ("el año", "del año" alone are too often "el jugador del año")."""
    if ctx.dct is None or g(m, "dem") or g(m, "year"):
        return False
    if g(m, "art"):
        leads = lx.words("whole_year_leads") if gran == "year" else lx.words("whole_unit_leads")
        after = ctx.folded[m.end():m.end() + 40].split()[:2]
        if g(m, "unit") in lx.words("year_word") and not any(w[:1].isdigit() for w in after):
            leads = leads + lx.words("in_year_leads")   # not "en el año 32", "en el año cafetero 1997"
    else:
        leads = lx.words("bare_year_leads")
    before = ctx.folded[max(0, m.start() - 30):m.start()].split()
    return any(" ".join(before[-k:]) in leads for k in (1, 2, 3, 4))


def _weekend(ctx: Ctx) -> Optional[Res]:
    """'el fin de semana': the last one (or the next, when the clause is in the future; the nearer, when its
    tense is unknown: "los enfrentamientos del fin de semana …" reported on a Monday)."""
    base, kind = ctx.base()
    if base is None:
        return Res("DATE", UNRESOLVED["weekend"])
    last = cal.weekday_on_or_before(base, 6, strict=False)
    sat = last if ctx.past else cal.weekday_on_or_after(base, 6, strict=False)
    if not ctx.past and not ctx.future and (base - last).days <= 2:
        sat = last   # (a Sunday or a Monday: the weekend just gone)
    return Res("DATE", cal.week_value(sat) + "-WE", interval=(sat, sat + timedelta(days=1)), precision="week",
               anchor=kind)


def resolve_qualified_unit(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'en un año tan académico', 'un mes decisivo': the current unit, characterised."""
    gran = lx.cal_units[g(m, "unit")]
    base, kind = ctx.base()
    if ctx.near_abs is not None and ctx.near_abs[1] == gran:   # "2007 fue un año difícil": the year just told
        base, kind = ctx.near_abs[0], "narrative"
    elif gran == "day" and ctx.near_day is not None:   # "ayer fue un día de luto": the day just told
        base, kind = ctx.near_day, "narrative"
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
    shift, narrative = unit_offset(lx, m)
    base, kind = ctx.base(narrative_first=narrative)
    if base is None:
        return Res("DATE", f"XXXX-{code}{sub[0]}")
    n = 12 // sub[1]
    y = base.year
    if g(m, "yunit") and shift is not None:   # "de este año", "del año pasado", "de ese año"
        y += shift
    elif kind == "dct" and ctx.near_abs is not None and not g(m, "yunit"):   # "para el 2000 ... el primer cuatrimestre"
        y, kind = ctx.near_abs[0].year, "narrative"
    elif g(m, "yunit") and lx.ordinals.get(g(m, "pord")) == -1:
        pass      # "el último trimestre del año": the year's last, the fourth
    elif kind == "dct" and not ctx.future and lx.ordinals.get(g(m, "pord")) == -1:
        cur = (base.month - 1) // n   # "su último trimestre", told in July: the one ended, the second
        y, sub = (y, (cur, sub[1], sub[2])) if cur else (y - 1, sub)
    elif kind == "dct" and not ctx.future and n * (sub[0] - 1) + 1 > base.month:
        y -= 1    # "el cuarto trimestre" told in March: last year's
    iv = cal.months_interval(y, n * (sub[0] - 1) + 1, n * sub[0])
    return Res("DATE", f"{y:04d}-{code}{sub[0]}", interval=iv, precision="quarter", anchor=kind)


# TIMEX3 mods of a point counted from another: "hace más de diez años" is BEFORE that year (TimeML 1.2.1,
# "more than a decade ago"), "dentro de menos de un año" BEFORE the year ahead
POINT_MODS = {("APPROX", -1): "APPROX", ("APPROX", 1): "APPROX",
              ("MORE_THAN", -1): "BEFORE", ("LESS_THAN", -1): "AFTER",
              ("EQUAL_OR_MORE", -1): "ON_OR_BEFORE", ("EQUAL_OR_LESS", -1): "ON_OR_AFTER",
              ("MORE_THAN", 1): "AFTER", ("LESS_THAN", 1): "BEFORE",
              ("EQUAL_OR_MORE", 1): "ON_OR_AFTER", ("EQUAL_OR_LESS", 1): "ON_OR_BEFORE"}


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
    if g(m, "half"):   # "hace un año y medio": eighteen months ago
        num += lx.halves[g(m, "half")]
    amount = num * factor
    if letter == "Y" and amount != int(amount) and not is_time:
        letter, amount = "M", amount * 12
    if amount > 5000:
        return None
    sign = -1 if past else 1
    if is_time or base is None or amount != int(amount):
        return Res("DURATION", cal.duration_value(amount, letter, is_time), mod=mod, extra={"ago": sign})
    if (g(m, "dmod") or "").lower() in lx.words("exact_count") and kind == "dct":
        return exact_days_ago(base, letter, sign * int(amount), kind)
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]
    res = shifted(base, gran, sign * int(amount), None)
    if res is not None:
        res.anchor, res.mod = kind, POINT_MODS.get((mod, sign))
    return res


def exact_days_ago(base: date, letter: str, n: int, kind: str) -> Res:
    """'hace justo un mes', 'hace exactamente un año': the very day so many units from the document's date."""
    months = {"M": n, "Y": 12 * n}.get(letter, 0)
    days = {"D": n, "W": 7 * n}.get(letter, 0)
    d = date_moved(base, months, days)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def resolve_anaphor(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'hasta esa fecha', 'desde dicha fecha': the date the story is at (its TIMEX3 value), else a past
    (or, told in the future, a future) one."""
    ref = ctx.ref_time
    if ref is None:
        return Res("DATE", "FUTURE_REF" if ctx.future else "PAST_REF")
    return Res("DATE", ref.value, interval=(ref.start, ref.end), precision=ref.precision, anchor="narrative")


PERIOD_PRECISIONS = ("month", "quarter")   # a period told before, measured ("en ese mismo periodo")


def resolve_period_anaphor(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'en este periodo' after 'el primer trimestre de 1999': a span as long as that period (P3M;
    links.period_lengths widens it to a range just told)."""
    ref = ctx.ref_time
    if ref is None or ref.precision not in PERIOD_PRECISIONS:
        return Res("BLOCK", "")   # no such period told: no timex ("este periodo de ...")
    return Res("DURATION", f"P{cal.months_spanned(ref.start, ref.end)}M")


def named_event_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[date]:
    """The day of the happening named after 'la víspera de' ('la víspera de la matanza'): the first day
    told in the sentence where the text first names it with an article ('La matanza de Kingsmill fue ...
    la tarde del 5 de enero de 1976'); None when no such sentence has one."""
    return day_of_named(ctx, lx, m.end(), m.start())


def day_of_named(ctx: Ctx, lx: Lexicon, after: int, before: int) -> Optional[date]:
    """The day of the happening 'de la X' / 'del X' names right after `after` (see `named_event_day`), told
    before `before`."""
    head = _named_noun(re.findall(r"\w+", ctx.folded[after:after + 40]), lx)
    if head is None:
        return None
    noun = re.compile(rf"\b(?:{'|'.join(map(re.escape, lx.articles))})\s+{re.escape(head)}\b")
    for named in noun.finditer(ctx.folded, 0, before):
        day = _day_told_with(ctx, named, before)
        if day is not None:
            return day
    return None


def _named_noun(after: list[str], lx: Lexicon) -> Optional[str]:
    """The noun 'de la X' / 'del X' names right after 'la víspera' ('de la matanza', 'del atentado')."""
    if len(after) >= 2 and after[0] in lx.words("of_article"):
        noun = after[1]
    elif len(after) >= 3 and after[0] in lx.words("of") and after[1] in lx.articles:
        noun = after[2]
    else:
        return None
    return noun if noun.isalpha() else None


def _day_told_with(ctx: Ctx, named: re.Match, before: int) -> Optional[date]:
    """The first single day told in the sentence that names the happening, or, when it names it in a
    section heading ("La muerte de Saleh"), in the paragraph after the heading."""
    start = max(ctx.folded.rfind(c, 0, named.start()) for c in ".!?\n") + 1
    ends = [i for i in (ctx.folded.find(c, named.end(), before) for c in ".!?\n") if i >= 0]
    end = min(ends) if ends else before
    if ctx.folded[end:end + 2] == "\n\n" and ctx.text[start:start + 1].isupper():   # a heading line
        start, end = end, ctx.folded.find("\n\n", end + 2, before)
        end = before if end < 0 else end
    for t in ctx.told:
        if start <= t.span.start < end and t.precision == "day" and t.interval and t.interval[0] == t.interval[1]:
            return t.interval[0]
    return None
