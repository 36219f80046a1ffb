"""Durations, sets, clock times, fixed phrases and day ranges."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import check_weekday, g, month_base, month_from_context, parse_day, rel_offset, \
    told_year, year_from_context
from cronica.time.resolve_days import LATE_EVENING, QUOTES, after_late_night, midnight_of, midnight_side, \
    nth_weekday, numbered_weekday, told_numbered_weekday, weekday_day
from cronica.time.shift import VAGUE_WITHIN_DAY, shift_duration
from cronica.text.normalize import fold

SMALL_HOURS_END = 6   # a clock hour before this one, told after a late hour of a day, is the next day's
MAX_AMOUNT = 100000   # "penas de hasta 38.000 años de prisión"
QUOTE_MARKS = "`'\"\u00ab\u00bb\u201c\u201d"


def _unit(lx: Lexicon, word: Optional[str]) -> tuple[str, float, bool]:
    u = lx.dunits[word or ""]
    return u["unit"], float(u.get("factor", 1)), bool(u.get("time", False))


def resolve_duration(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    num = lx.number(g(m, "num") or "")
    if num is None or num <= 0 or num > MAX_AMOUNT:
        return None
    if _named(m, ctx):
        return None   # a name: "la Guerra de los Seis Días", "Cien Años de Soledad"
    letter, factor, is_time = _unit(lx, g(m, "unit"))
    if is_time and re.fullmatch(r"\d{1,2}[.:]\d\d", g(m, "num") or ""):
        return None   # a clock time: "las 11.45 horas"
    if _clock_hours(m, ctx, lx, num):
        return None   # "a las 20 horas": a clock time (the clock rules take it)
    if g(m, "unit") in lx.words("count_units") and m.end() == m.end("unit"):
        after = ctx.folded[m.end():m.end() + 8].split()
        if after and after[0] in lx.words("of"):
            return None   # "una quincena de países": fifteen of them
    if g(m, "half"):
        num += 0.5
    value = cal.duration_value(num * factor, letter, is_time)
    for part in ("3", "2"):   # "69 horas, 31 minutos y 52 segundos": the parts after the first, in order
        if g(m, "unit" + part):
            more = _duration_part(m, lx, part, is_time)
            if more is None:
                return None
            value += more
    return Res("DURATION", value, mod=lx.dmods.get(g(m, "dmod") or ""))


def _duration_part(m: re.Match, lx: Lexicon, part: str, is_time: bool) -> Optional[str]:
    """The value letters of a later part of a compound duration ("y 30 minutos" -> "30M"); None when it
    is no number or mixes clock and calendar units."""
    num = lx.number(g(m, "num" + part) or "")
    letter, factor, t = _unit(lx, g(m, "unit" + part))
    if num is None or t != is_time:
        return None
    return cal.duration_value(num * factor, letter, t)[2 if t else 1:]


def _named(m: re.Match, ctx: Ctx) -> bool:
    """A capitalised unit word inside a sentence belongs to a proper name (not a markable)."""
    if not ctx.text or not g(m, "unit"):
        return False
    word = ctx.text[m.start("unit"):m.end("unit")]
    if word.isupper():   # "Por su parte CINCO DIAS titula": capitals amid lower case are a name, not a headline
        before, after = ctx.text[max(0, m.start() - 30):m.start()].split(), ctx.text[m.end():m.end() + 30].split()
        return bool(before and after) and before[-1].isalpha() and before[-1].islower() and after[0].islower()
    return word[:1].isupper() and ctx.mid_sentence(m.start())


def _clock_hours(m: re.Match, ctx: Ctx, lx: Lexicon, num: float) -> bool:
    """'a las 20 horas', 'hacia las 22 horas': an hour of the day, not a span of hours."""
    art = (g(m, "art") or "").split()
    if art[:1] != lx.words("clock_articles")[-1:] or num != int(num) or not 0 <= num <= 23:
        return False
    if lx.dunits[g(m, "unit")].get("unit") != "H" or not lx.dunits[g(m, "unit")].get("time"):
        return False
    before = ctx.folded[max(0, m.start() - 12):m.start()].split()
    return bool(before) and before[-1] in lx.words("clock_leads")


def resolve_ordinal_span(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'su segundo año', 'el último minuto': one unit of a series; 'el sexenio': a span of years."""
    letter, factor, is_time = _unit(lx, g(m, "unit") or g(m, "punit"))
    return Res("DURATION", cal.duration_value(factor, letter, is_time))


def resolve_vague_duration(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    letter, _, is_time = _unit(lx, g(m, "unit"))
    res = Res("DURATION", f"PTX{letter}" if is_time else f"PX{letter}", mod=lx.dmods.get(g(m, "dmod") or ""))
    return _step_within_day(res, m, ctx, lx)


def _step_within_day(res: Res, m: re.Match, ctx: Ctx, lx: Lexicon) -> Res:
    """'Horas antes, …', 'pocos minutos después': a step of some hours from the narrative's day is
    that day (the duration gains its interval, as 'Un día antes' does)."""
    words = m.group(0).split()
    direction = lx.duration_shifts.get(fold(words[-1])) if words else None
    if direction and res.value in VAGUE_WITHIN_DAY:
        shift_duration(res, ctx, direction)
    return res


def resolve_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    num = lx.number(g(m, "num") or "") or 1.0
    letter, factor, is_time = _unit(lx, g(m, "unit"))
    return Res("SET", cal.duration_value(num * factor, letter, is_time))


def resolve_clock(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    sep, hrs, tz, dp = g(m, "sep"), g(m, "hrs"), g(m, "tz"), g(m, "dp")
    if sep == "." and not (g(m, "art") or hrs or tz or dp or _listed_time(ctx, m)):
        return None
    if sep == "," and not (hrs or dp):   # "la 1,45 de la madrugada", not "1,45 millones"
        return None
    if (g(m, "mw") or _bare(m)) and not (hrs or dp or tz) and not _after_clock_lead(ctx, m, lx):
        return None   # "a las nueve y media", "poco antes de las siete,"; not "compró las dos y media docenas"
    h_s = g(m, "h") or ""
    if _bare(m) and not h_s.isdigit() and not ctx.folded[m.end():m.end() + 3].lstrip()[:1] in ",.;:":
        return None   # "abrirán a las 10 y se esperan" is an hour; "llevó a las dos y a sus hijas", two people
    h = int(h_s) if h_s.isdigit() else int(lx.number(h_s) or -1)
    mins = _minutes(m, lx)
    if g(m, "minus"):   # "las siete menos diez de la tarde": 18:50
        h, mins = h - 1, 60 - mins
    if (lx.day_parts.get(dp or "") in ("AF", "EV", "NI") or g(m, "pm")) and 1 <= h < 12:
        h += 12
    if not 0 <= h <= 24:
        return None
    t = f"T{h:02d}:{mins:02d}" + ("Z" if tz else "")
    if g(m, "dday"):   # "a las 15.00 horas del 3 de agosto"
        month, dd = lx.months[g(m, "month")], int(g(m, "dday"))
        y, kind = (int(g(m, "year")), "absolute") if g(m, "year") else year_from_context(ctx, month, dd, None)
        if y is None:
            return Res("TIME", f"XXXX-{month:02d}-{dd:02d}{t}")
        extra: dict = {}
        y = check_weekday(lx, m, y, month, dd, bool(g(m, "year")), extra, "dwd")   # "del lunes 19 de febrero"
        d = date(y, month, dd)
        return Res("TIME", d.isoformat() + t, interval=(d, d), precision="day", anchor=kind, extra=extra)
    if g(m, "mday"):   # "a la una de la tarde del día 3": that day of the story's month
        d, kind = _clock_month_day(m, ctx, lx)
        if d is not None:
            return Res("TIME", d.isoformat() + t, interval=(d, d), precision="day", anchor=kind or "narrative")
    rel = g(m, "dprel") or g(m, "drel")
    if rel:   # "a las 10.30 de la mañana siguiente / del día siguiente": the day after the one the story is at
        base = ctx.ref_day or ctx.story_day()
        if base is None:
            return Res("TIME", t)
        d = base + timedelta(days=int(lx.relative[rel]))
        return Res("TIME", d.isoformat() + t, interval=(d, d), precision="day",
                   anchor="dct" if ctx.dct else "narrative")
    if ctx.dct is None:
        day = None if g(m, "deic") or g(m, "pdeic") else ctx.story_day()
        wd = g(m, "wd") or g(m, "awd")
        if wd and (day or ctx.ref_day) is not None:   # "a las 11.40 del miércoles"
            day = weekday_day(ctx, lx.weekdays[wd], 0 if g(m, "dem") else rel_offset(lx, m), True)[0]
        if day is None:
            return Res("TIME", t)
        if not wd and h < SMALL_HOURS_END and after_late_night(ctx, lx, day):
            day += timedelta(days=1)   # "a las once de la noche del lunes … a las tres de la madrugada": Tuesday's
            return Res("TIME", day.isoformat() + t, interval=(day, day), precision="day", anchor="narrative",
                       extra={"small_hours": True})
        return Res("TIME", day.isoformat() + t, interval=(day, day), precision="day", anchor="narrative")
    key = g(m, "deic") or g(m, "pdeic")
    d = ctx.dct + timedelta(days=int(lx.deictic_days.get(key, 0))) if key else story_clock_day(ctx, h)
    wd = g(m, "wd") or g(m, "awd")
    if wd:   # "a las 14.00 del martes", "a las 10.04 (07.04 GMT) del sábado"
        n, narrative = rel_offset(lx, m), False
        d = weekday_day(ctx, lx.weekdays[wd], 0 if g(m, "dem") else n, narrative)[0] or d
    return Res("TIME", d.isoformat() + t, interval=(d, d), precision="day", anchor="dct")




def _clock_month_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> tuple[Optional[date], Optional[str]]:
    """'del día 3': that day of the story's month; 'del lunes 24': the 24th that is a Monday (the one told
    before, else the nearest month's)."""
    n = int(g(m, "mday"))
    y, month, kind = month_from_context(ctx, n)
    d = date(y, month, n) if y is not None and cal.valid_day(y, month, n) else None
    if g(m, "mwd") and d is not None:
        wd = lx.weekdays[g(m, "mwd")]
        d = told_numbered_weekday(ctx, wd, n) or numbered_weekday(d, wd, n) or _told_month_weekday(ctx, wd, n) or d
    return d, kind


def _told_month_weekday(ctx: Ctx, wd: int, n: int) -> Optional[date]:
    """The day `n` of a month told before (the latest first) that falls on ISO weekday `wd`."""
    for t in reversed(ctx.told_days):
        if cal.valid_day(t.year, t.month, n) and date(t.year, t.month, n).isoweekday() == wd:
            return date(t.year, t.month, n)
    return None


def story_clock_day(ctx: Ctx, h: Optional[int]) -> date:
    """The day a time of day with no day of its own is on, in news with a dct (hour `h` if a clock)."""
    d = ctx.dct
    if (ctx.near_day or ctx.recent_day) is not None:   # "el 3 de mayo, a las 15.00 horas"
        d = ctx.near_day or ctx.recent_day
        if ctx.future and not ctx.past and d < ctx.dct:
            d = ctx.dct   # "ayer ... celebrarán una asamblea a las 15.00": not a day gone
        if h is not None and LATE_EVENING <= h < 24 and ctx.told_nights and d - ctx.told_nights[-1] == timedelta(days=1):
            d = ctx.told_nights[-1]   # "el viernes por la noche … (ayer) … hacia las 23.30": that Friday night
        elif ctx.past and not ctx.future and d > ctx.dct:
            # "murieron ayer … a tres días de las elecciones del domingo. Estallaron a las 7.37": the last day
            # told that is gone, not the one to come
            d = next((t for t in reversed(ctx.told_days) if t <= ctx.dct), ctx.dct)
    elif ctx.firm_past and ctx.ref_day is not None and ctx.ref_day < ctx.dct:
        d = ctx.ref_day   # "murieron ayer … explicó que murieron hacia la una de la tarde": the story's day
    if d == ctx.dct and ctx.past and not ctx.future and ctx.dct not in ctx.event_days:
        # the dct told only as the report's day ("ayer … informó hoy … impactó hacia las 15.50"): the story's
        d = next((t for t in reversed(ctx.event_days) if t < ctx.dct), d)
    return d


def _bare(m: re.Match) -> bool:
    """A clock time with nothing after its hour ("a las nueve.")."""
    return "bare" in m.re.groupindex and m.group("bare") is not None


def _minutes(m: re.Match, lx: Lexicon) -> int:
    """The minutes of a clock time: digits ("15.30"), a minute word ("y media") or a number word ("y diez")."""
    mw = g(m, "mw")
    if mw:
        return int(lx.minute_words.get(mw) or lx.number(mw) or 0)
    return int(g(m, "m") or 0)


def _after_clock_lead(ctx: Ctx, m: re.Match, lx: Lexicon) -> bool:
    """Is the clock time opened by a word like "a", "hacia", "desde" ("a las nueve y media")?"""
    at = m.start("art") if "art" in m.re.groupindex and m.start("art") >= 0 else m.start()
    before = ctx.folded[max(0, at - 24):at].split()   # ("hoy a las 10": the word before the article)
    return bool(before) and (before[-1] in lx.words("clock_leads")
                             or " ".join(before[-2:]) in lx.words("clock_lead_phrases"))


def _listed_time(ctx: Ctx, m: re.Match) -> bool:
    """A schedule entry in parentheses: '( 21.30 , TV-3 )', '( Canal + , 20.00 )'."""
    before = ctx.folded[max(0, m.start() - 24):m.start()]
    after = ctx.folded[m.end():m.end() + 24]
    if "(" not in before or ")" in before[before.rfind("("):] or ")" not in after:
        return False
    lead, tail = before.rstrip()[-1:], after.lstrip()[:1]
    other = after[:after.find(")")] if lead == "(" else before[before.rfind("(") + 1:]
    return lead in "(," and tail in ",)" and lead != tail and any(c.isalpha() for c in other)


def resolve_phrase(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    adj = g(m, "adj")
    if adj is not None:
        return Res("DATE", lx.ref_adjectives[adj])
    key = g(m, "phrase")
    typ, value = lx.phrases[key]
    guard = lx.phrase_guards.get(key)
    if guard:
        before = ctx.folded[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in guard:
            return None
    after_guard = lx.phrase_after_guards.get(key)
    if after_guard:
        after = [w for w in ctx.folded[m.end():m.end() + 20].split() if w.strip(QUOTE_MARKS)]
        if after and after[0] in after_guard:   # quotes do not count: 'son "el futuro" del país'
            return None
    if typ == "SET" and ctx.text and ctx.text[m.start()].isupper() and ctx.mid_sentence(m.start()):
        return None   # a name: "el Diario del Pueblo"
    if key in lx.words("midnight_words") and ctx.story_day() is not None:   # "Hacia la medianoche"
        return midnight_of(ctx.story_day(), "narrative", *midnight_side(m, ctx, lx, ctx.story_day()))
    if typ == "TIME" and value.startswith("T") and (ctx.dct is not None or ctx.story_day() is not None):
        # "poco antes del mediodía": the day the story is at, as a clock time's
        hour = value[1:3]
        day = story_clock_day(ctx, int(hour) if hour.isdigit() else None) if ctx.dct else ctx.story_day()
        if key.split()[-1] in lx.words("after_midnight_parts") and after_late_night(ctx, lx, day):
            day += timedelta(days=1)   # "La noche del domingo 29 … Al amanecer": Monday's dawn
        return Res(typ, day.isoformat() + value, interval=(day, day), precision="day",
                   anchor="dct" if ctx.dct else "narrative")
    if value == "DCT":
        if ctx.dct is None:
            return Res(typ, "PRESENT_REF")
        return Res(typ, ctx.dct.isoformat(), interval=(ctx.dct, ctx.dct), precision="day", anchor="dct")
    return Res(typ, value)


def resolve_range_days(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'del 3 al 5 de marzo': the second day's Res, the first's in extra['range_first']."""
    d1, d2 = parse_day(lx, g(m, "d1")), parse_day(lx, g(m, "d2").split()[0])
    if d1 is None or d2 is None or d1 >= d2:
        return None
    ys = g(m, "year")
    if g(m, "month"):
        month = lx.months[g(m, "month")]
        y, kind = (int(ys), "absolute") if ys else year_from_context(ctx, month, d2, None)
    elif g(m, "thismonth"):
        base, kind = month_base(ctx, lx, g(m, "thismonth"))
        if base is None:
            return None
        y, month = cal.add_months(base.year, base.month, int(lx.shifted_units[g(m, "thismonth")][1]))
    else:
        y, month, kind = month_from_context(ctx, d2)
        if month is None:
            return None
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


def resolve_bare_plural(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    before = ctx.folded[max(0, m.start("bare") - 20):m.start("bare")].split()
    if before and (lx.number(before[-1]) is not None or before[-1] in lx.vague or before[-1] in lx.dmods):
        return None   # "tres días después": a counted duration
    code = lx.bare_plurals[g(m, "bare")]
    return _step_within_day(Res("DURATION", f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}"), m, ctx, lx)


EASTER = re.compile(r"E(?P<week>W)?(?P<days>[+-]\d+)")   # "E-2": Good Friday; "EW-3": the week of Maundy Thursday
NTH_WEEKDAY = re.compile(r"(?P<month>\d\d)/(?P<nth>-?\d)/(?P<wd>[1-7])")   # "11/4/4": the 4th Thursday of November


def resolve_holiday(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    spec = lx.holidays[g(m, "hol")]
    if (ctx.text or ctx.folded)[:m.start()].rstrip().endswith(QUOTES):
        return None   # a title: 'la representación del " Corpus Christi "'
    if EASTER.fullmatch(spec):
        return _moveable(m, ctx, lx, EASTER.fullmatch(spec))
    if NTH_WEEKDAY.fullmatch(spec):
        return _nth_weekday_feast(m, ctx, lx, NTH_WEEKDAY.fullmatch(spec))
    month, day = (int(x) for x in spec.split("-"))
    ys, extra = g(m, "year"), {}
    if ys:
        y, kind = int(ys), "absolute"
    elif g(m, "thisyear") and (ctx.base()[0] is not None or ctx.told_abs is not None):
        y, kind = told_year(m, ctx, lx, extra)   # "en Nochebuena del año pasado"
    else:
        y, kind = year_from_context(ctx, month, day, rel_offset(lx, m))
    if y is None:
        return Res("DATE", f"XXXX-{month:02d}-{day:02d}")
    d = date(y, month, day)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind, extra=extra)


def _moveable(m: re.Match, ctx: Ctx, lx: Lexicon, spec: re.Match) -> Optional[Res]:
    """A feast counted from Easter Sunday ("Viernes Santo"), or the week it falls in ("Semana Santa")."""
    ys, shift, base = g(m, "year"), timedelta(days=int(spec.group("days"))), ctx.year_base()[0]
    if ys:
        y, kind = int(ys), "absolute"
    elif base is not None:   # the year by the feast's date around the reference, as for a calendar date
        near = cal.easter(base.year) + shift
        y, kind = year_from_context(ctx, near.month, near.day, rel_offset(lx, m))
    else:
        return None
    d = cal.easter(y) + shift
    if spec.group("week"):
        return Res("DATE", cal.week_value(d), interval=cal.week_interval(d), precision="week", anchor=kind)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def _nth_weekday_feast(m: re.Match, ctx: Ctx, lx: Lexicon, spec: re.Match) -> Optional[Res]:
    """A feast on the nth weekday of a month ("Acción de Gracias": the fourth Thursday of November)."""
    month, nth, wd = int(spec.group("month")), int(spec.group("nth")), int(spec.group("wd"))
    ys = g(m, "year")
    y, kind = (int(ys), "absolute") if ys else year_from_context(ctx, month, 21, rel_offset(lx, m))
    d = nth_weekday(y, month, wd, nth) if y is not None else None
    return None if d is None else Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)
