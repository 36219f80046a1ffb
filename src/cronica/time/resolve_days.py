"""Days: weekdays ("el lunes", "el viernes 14"), "hoy"/"ayer", and parts of days ("esta noche", "la noche del
3 de agosto", "esa misma noche")."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import Ctx, Res
from cronica.time.lexicon import Lexicon, fold
from cronica.time.resolve_dates import check_weekday, day_number_from_dct, g, month_from_context, \
    year_from_context
from cronica.time.resolve_rel import named_event_day, unit_offset

SATURDAY = 6   # ISO weekday a weekend starts on

QUOTES = ("`", '"', "\u00ab", "\u201c")


def resolve_weekday(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    wd = lx.weekdays[g(m, "wd")]
    n, narrative = unit_offset(lx, m)
    if n is None and not g(m, "art") and not g(m, "dem") and _named(m, ctx):
        return None   # "Domingo García"; a bare weekday otherwise ("Apple anunció lunes que ...")
    d, kind = weekday_day(ctx, wd, n, narrative)
    if d is None:
        return Res("DATE", f"XXXX-WXX-{wd}")
    return with_day_part(lx, m, Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind))


def resolve_weekday_num(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'el viernes 14': the day numbered so, in the month around the reference, that falls on that weekday."""
    wd, day = lx.weekdays[g(m, "wd")], int(g(m, "day"))
    if (not g(m, "art") and _named(m, ctx)) or not (g(m, "dp") or _day_number_ends(m, ctx, lx)):
        return None
    base, kind = ctx.base()
    if base is None:      # (no reference yet: a narrative's first pass)
        return Res("DATE", f"XXXX-XX-{day:02d}") if 1 <= day <= 31 else None
    d = told_numbered_weekday(ctx, wd, day) or numbered_weekday(base, wd, day)
    if d is None and ctx.told_days and kind == "narrative":
        # "el 23 de octubre de 1993 … en abril … El jueves 21": the month of the last day told
        d = numbered_weekday(ctx.told_days[-1], wd, day)
    if d is None:
        return None   # "el domingo 20 por ciento", a number that is no day of the month
    return with_day_part(lx, m, Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind))


def numbered_weekday(base: date, wd: int, day: int) -> Optional[date]:
    """The day numbered `day` that falls on ISO weekday `wd`, in the month of `base` or one beside it."""
    found = [date(y, mo, day) for y, mo in (cal.add_months(base.year, base.month, n) for n in (0, -1, 1))
             if cal.valid_day(y, mo, day) and date(y, mo, day).isoweekday() == wd]
    return min(found, key=lambda x: abs((x - base).days)) if found else None


def told_numbered_weekday(ctx: Ctx, wd: int, day: int) -> Optional[date]:
    """The last day told that is numbered `day` and falls on ISO weekday `wd` ("el 26 de mayo de 2023 …
    Antes del amanecer del viernes 26": that Friday)."""
    return next((d for d in reversed(ctx.told_days) if d.day == day and d.isoweekday() == wd), None)


def resolve_weekday_nth(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'el segundo domingo de mayo', 'el último lunes de mayo de 2006': that weekday's nth day of the month."""
    weekend = bool(g(m, "we"))          # "el último fin de semana de agosto": that Saturday's weekend
    nth, month = lx.ordinals[g(m, "nth")], lx.months[g(m, "month")]
    wd = SATURDAY if weekend else lx.weekdays[g(m, "wd")]
    y, kind = (int(g(m, "year")), "absolute") if g(m, "year") else year_from_context(ctx, month, None, None)
    if y is None:
        return Res("DATE", f"XXXX-{month:02d}")
    d = nth_weekday(y, month, wd, nth)
    if d is None:
        return None
    if weekend:
        return Res("DATE", cal.week_value(d) + "-WE", interval=(d, d + timedelta(days=1)), precision="week",
                   anchor=kind)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def nth_weekday(y: int, month: int, wd: int, nth: int) -> Optional[date]:
    """The nth (1-based; -1: the last) day of the month falling on ISO weekday wd."""
    days = [date(y, month, d) for d in range(1, cal.month_last(y, month) + 1) if date(y, month, d).isoweekday() == wd]
    return days[nth - 1] if 1 <= nth <= len(days) else days[-1] if nth == -1 else None


def _day_number_ends(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """Does the day number end the phrase ('el viernes 14, ...', 'el viernes 14 habrá ...', 'el viernes 14 en ...'),
    rather than count something ('el lunes 3 soldados', 'el sábado 20 por ciento')?"""
    after = re.match(r"\s*([^\W\d_]*)", ctx.text[m.end():m.end() + 30])
    word = after.group(1).lower()
    if not word:
        return True
    return fold(word) in lx.words("day_number_followers") or any(
        re.fullmatch(rx, word) for rx in lx.future_markers + lx.past_markers)


def resolve_weekday_week(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'el miércoles de la semana pasada': that weekday of the week named."""
    n, narrative = unit_offset(lx, m)
    base, kind = ctx.base(narrative_first=narrative)
    if n is None or base is None:
        return None
    monday = cal.week_interval(base + timedelta(weeks=n))[0]
    d = monday + timedelta(days=lx.weekdays[g(m, "wd")] - 1)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def _named(m: re.Match, ctx: Ctx) -> bool:
    """Is a capitalised word inside a sentence (a name, not a weekday)?"""
    return bool(ctx.text) and ctx.text[m.start("wd")].isupper() and ctx.mid_sentence(m.start("wd"))


def weekday_day(ctx: Ctx, wd: int, n: Optional[int], narrative: bool) -> tuple[Optional[date], Optional[str]]:
    """The day a weekday names: "el pasado lunes" (n=-1), "el próximo" (1), "este" (0), bare (None)."""
    base, kind = ctx.base(narrative_first=narrative)
    if base is None:
        return None, None
    if kind == "narrative" and (_flashback(ctx) or _within(ctx)):
        base = ctx.ref_day      # "en junio ... Hacia las 11.40 del miércoles": the story's day, not the aside's month
    if n is None and ctx.until_from is not None:   # "comenzaron el domingo y se prolongaron hasta el lunes"
        end = cal.weekday_on_or_after(ctx.until_from, wd, strict=False)
        if ctx.dct is None or end <= ctx.dct:       # (a span told in the past ended by the report)
            return end, kind
    if n == 0 and not narrative and (ctx.future or ctx.past):   # "este domingo", by tense
        d = (cal.weekday_on_or_after if ctx.future else cal.weekday_on_or_before)(base, wd, strict=False)
    elif n == 0 and not narrative:        # no tense: this week's
        d = cal.week_interval(base)[0] + timedelta(days=wd - 1)
    elif n == 0:                          # "ese mismo lunes": the one told before, else the last one
        d = told_weekday(ctx, wd) or cal.weekday_on_or_before(base, wd, strict=False)
    elif (n or 0) < 0:
        d = cal.weekday_on_or_before(base, wd, strict=True)
    elif n is None and ctx.past and not ctx.future and kind == "dct":   # "el lunes" told in the past: the last one
        d = cal.weekday_on_or_before(base, wd, strict=False)
    elif n is None and not ctx.future:    # no tense, or a narrative's past: the nearer one, the last on a tie
        back = cal.weekday_on_or_before(base, wd, strict=False)
        ahead = cal.weekday_on_or_after(base, wd, strict=False)
        d = back if (base - back) <= (ahead - base) else ahead
    elif n is None:                       # "el lunes" told in the future: the next one (or today)
        d = cal.weekday_on_or_after(base, wd, strict=False)
    else:
        d = cal.weekday_on_or_after(base, wd, strict=True)
    return d, kind


def told_weekday(ctx: Ctx, wd: int) -> Optional[date]:
    """The day told before that falls on weekday `wd`, the last told first; one behind the narrative's
    reference only when no other fits ("el 27 de mayo de 2001 … Un año antes, el 23 de abril de 2000 …
    En abril de 2001 … aquel domingo": the 27th of May, where the story is)."""
    days = [t for t in reversed(ctx.told_days) if t.isoweekday() == wd]
    ahead = [t for t in days if ctx.ref is None or ctx.dct is not None or t >= ctx.ref]
    return (ahead or days or [None])[0]


NIGHT = "NI"   # TIMEX3's code of a night
EVENING = "EV"
LATE_EVENING = 20   # a clock hour from this one on is in the night told before
NOON = 12
_CLOCK_HOUR = re.compile(r"T(\d\d):")
STALE_DAYS = 7   # in news, a day told this long before the dct is background, not the day a present-tense part of day is on


def after_late_night(ctx: Ctx, lx: Lexicon, day: date) -> bool:
    """Was the last time told a late hour of `day`, or its night, told with its day or after an afternoon of
    it ("hacia las 23.30 del martes … hasta la madrugada", "La noche del domingo 29 … Al amanecer": the small
    hours after it are the next day's; not "a las cuatro de la madrugada … se había infiltrado durante la
    noche. Al amanecer", a night before the story's dawn)?"""
    last = ctx.told[-1] if ctx.told else None
    if last is None or last.type != "TIME" or not last.interval or last.interval[0] != day:
        return False
    hour = _CLOCK_HOUR.search(last.value)
    if hour is not None:
        return int(hour.group(1)) >= LATE_EVENING
    if not last.value.endswith("T" + NIGHT):
        return False
    earlier = next((t for t in reversed(ctx.told[:-1]) if t.type == "TIME" and t.interval == last.interval), None)
    if earlier is not None:   # "a las 15.40 del domingo … toda la noche, hasta que de madrugada": Monday's
        h = _CLOCK_HOUR.search(earlier.value)
        return int(h.group(1)) >= NOON if h else earlier.value.endswith(("TAF", "TEV"))
    return any(w.isdigit() or w in lx.weekdays for w in fold(last.span.text).split())


def _within(ctx: Ctx) -> bool:
    """Is the narrative reference a year or season that holds the story's day ("el 21 de junio de 2004 …
    desde la primavera de aquel año … Hacia las 23.00 del lunes": the 21st, not the year's first Monday)?"""
    ref = ctx.ref_time
    return ref is not None and ref.precision in ("year", "quarter") and ctx.ref_day is not None \
        and ref.start <= ctx.ref_day <= ref.end


def _flashback(ctx: Ctx) -> bool:
    """Is the narrative reference a month or year told before the story's last day (a look back)?"""
    ref = ctx.ref_time
    return ref is not None and ref.precision != "day" and ctx.ref_day is not None and ctx.ref_day > ref.end


def with_day_part(lx: Lexicon, m: re.Match, res: Res) -> Res:
    """'el viernes por la mañana' -> TIME 2010-07-16TMO."""
    dp = g(m, "dp")
    if dp and dp in lx.day_parts and res.type == "DATE":
        res.type, res.value = "TIME", f"{res.value}T{lx.day_parts[dp]}"
    return res


def resolve_weekday_set(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'los lunes', 'cada lunes': every Monday."""
    n = lx.weekdays_plural[g(m, "wdp")] if g(m, "wdp") else lx.weekdays[g(m, "wd")]
    return Res("SET", f"XXXX-WXX-{n}")


def resolve_deictic_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    word = g(m, "deic")
    if word in lx.day_parts and not g(m, "art"):   # "mañana": tomorrow, or the morning
        before = ctx.folded[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in lx.pod_guard:
            return None
    n = int(lx.deictic_days[word])
    if n == 0 and not g(m, "art") and not g(m, "wd") and _nowadays(m, ctx, lx):
        return Res("DATE", "PRESENT_REF")
    eve = word in lx.words("eve_words")
    named = named_event_day(m, ctx, lx) if eve else None
    if named is not None:
        # "La víspera de la matanza": the day before the day the text gave the massacre
        d = named + timedelta(days=n)
        return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="narrative")
    if eve and ctx.ref_day is not None and ctx.ref_day != ctx.dct and not _of_follows(m, ctx, lx):
        # "El 17 ... La víspera": the 16th (not "víspera de la boda": the eve of what it names)
        d = ctx.ref_day + timedelta(days=n)
        res = Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="narrative")
        res.extra["day_shift"] = n   # (or the eve of the date named after it: links.day_after)
        return res
    if ctx.dct is None:
        return Res("DATE", "PRESENT_REF") if n == 0 else Res("DATE", "XXXX-XX-XX") if eve else None
    d = ctx.dct + timedelta(days=n)
    res = with_day_part(lx, m, Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="dct"))
    if eve:
        res.extra["day_shift"] = n   # "la víspera de Navidad": the day before the date named (links.day_after)
    wd = g(m, "wd")
    if wd and lx.weekdays.get(wd) != d.isoweekday():
        res.extra["weekday_conflict"] = {"weekday": wd, "date": d.isoformat(), "agrees": False}
    return res


def _of_follows(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    after = ctx.folded[m.end():m.end() + 8].split()
    return bool(after) and after[0] in lx.words("of")


def _nowadays(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """'hoy' as 'nowadays': 'la hoy extinta Yugoslavia', 'hoy tan dispersos', or set against the past
    ('en 1992 había 60 y hoy hay 300'; a sentence opening 'Y hoy ...')."""
    before = ctx.folded[max(0, m.start() - 8):m.start()].split()
    after = ctx.folded[m.end():m.end() + 8].split()
    if before and before[-1] in lx.words("present_ref_before"):
        return True
    if after and after[0] in lx.words("present_ref_after") and not ctx.past:
        return True   # (not "confirmó hoy casi en su totalidad": the report's day)
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


def resolve_day_part_that(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'esa misma noche', 'aquella mañana': the part of the day last told (unknown when none was). A
    night is not the dct's, which has not yet fallen in the report ("anoche ... esta mañana ... Esa
    misma noche": last night)."""
    code = lx.day_parts[g(m, "dp")]
    told = [d for d in ctx.told_days if not (code == NIGHT and d == ctx.dct)]
    day = told[-1] if told else ctx.ref_day or ctx.recent_day
    if day is None:
        return Res("TIME", f"T{code}")
    return Res("TIME", f"{day.isoformat()}T{code}", interval=(day, day), precision="day", anchor="narrative")


def _part_code(m: re.Match, ctx: Ctx, lx: Lexicon) -> str:
    """The TIMEX3 code of the part of day: 'al caer la tarde' is its dusk, the evening (EV), not the afternoon."""
    dp = g(m, "dp")
    before = ctx.folded[max(0, m.start() - 12):m.start()].split()
    if before and before[-1] in lx.words("dusk_leads") and dp in lx.words("dusk_parts"):
        return EVENING
    return lx.day_parts[dp]


def resolve_day_part(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    code = _part_code(m, ctx, lx)
    deic, wd = g(m, "deic"), g(m, "wd")
    day = None
    extra: dict = {}
    if g(m, "dday"):   # "la noche del 3 de agosto", "la noche del lunes 29 de junio" (a year that makes it Monday)
        month, dd = lx.months[g(m, "month")], int(g(m, "dday"))
        y = int(g(m, "year")) if g(m, "year") else year_from_context(ctx, month, dd, None)[0]
        if y is None:
            return Res("TIME", f"XXXX-{month:02d}-{dd:02d}T{code}")
        y = check_weekday(lx, m, y, month, dd, bool(g(m, "year")), extra, "ddwd")
        day = date(y, month, dd)
    elif g(m, "rel3") or g(m, "rel4"):   # "a media mañana del día siguiente", "la noche anterior": a day
        base = ctx.ref_day or ctx.story_day()   # from the one the story is at
        day = base + timedelta(days=int(lx.relative[g(m, "rel3") or g(m, "rel4")])) if base is not None else None
    elif g(m, "dday2") and int(lx.relative.get(g(m, "rel5") or "", 0)) and ctx.dct is not None:
        # "la noche del pasado día 20": the last 20th gone
        res = day_number_from_dct(ctx.dct, int(g(m, "dday2")), int(lx.relative.get(g(m, "rel5"), 0)))
        day = res.interval[0] if res is not None else None
    elif g(m, "dday2"):   # "la madrugada del día 21": that day of the month around the reference
        y, month, _ = month_from_context(ctx, int(g(m, "dday2")))
        day = date(y, month, int(g(m, "dday2"))) if y is not None else None
    elif deic and ctx.dct is not None:
        day = ctx.dct + timedelta(days=int(lx.deictic_days[deic]))
    elif wd:
        n, narrative = unit_offset(lx, m)
        day, _ = weekday_day(ctx, lx.weekdays[wd], n, narrative)
        if g(m, "wdday"):   # "la noche del sábado 11": that Saturday the 11th (one told before, if any)
            wd_n, n = lx.weekdays[wd], int(g(m, "wdday"))
            near = (numbered_weekday(day, wd_n, n) or day) if day is not None else None
            day = told_numbered_weekday(ctx, wd_n, n) or near
    elif g(m, "dp") in lx.words("masculine_day_parts"):
        return None   # "el mediodía" alone: left to the phrases
    elif coarse := _coarse_date_before(ctx):   # "En agosto de 2010, un coche bomba estalló de madrugada": a night of that month
        return Res("TIME", f"{coarse[0]:%Y-%m}-XXT{code}" if coarse[1] == "month" else f"{coarse[0].year}-XX-XXT{code}",
                   interval=coarse[2], precision=coarse[1], anchor="absolute")
    elif ctx.story_day() is not None:   # "el 3 de mayo ... por la noche"
        day = ctx.story_day()
        if ctx.dct is not None and ctx.near_day is None and (ctx.dct - day).days > STALE_DAYS and (
                not ctx.past or _told_in_an_earlier_paragraph(ctx, day, m.start())):
            day = ctx.dct   # "que el Congreso aprobó el 9 de septiembre. Por la tarde están convocadas marchas": today's
            # ("murieron hoy … abatido el pasado día 2 … \n\nLos suicidas se hicieron estallar a primera hora de
            # la mañana": a paragraph on from an old day, the morning of the day reported)
        if g(m, "dp") in lx.words("after_midnight_parts") and after_late_night(ctx, lx, day):
            day += timedelta(days=1)
    elif ctx.firm_past and ctx.dct is not None and ctx.ref_day is not None and ctx.ref_day <= ctx.dct:
        day = ctx.ref_day   # "tomaron el domingo Bukavu ... recorrieron a primera hora de la mañana las calles"
    if day is None:
        return Res("TIME", f"T{code}")
    if g(m, "dp") in lx.words("midnight_words"):
        return midnight_of(day, "dct" if ctx.dct else "narrative", midnight_side(m, ctx, lx, day)[0])
    res = Res("TIME", f"{day.isoformat()}T{code}", interval=(day, day), precision="day",
              anchor="dct" if ctx.dct else "narrative", extra=extra)
    return overnight(m, lx, res)


def _told_in_an_earlier_paragraph(ctx: Ctx, day: date, at: int) -> bool:
    """Was the last mention of `day` before `at` in an earlier paragraph?"""
    told = next((t for t in reversed(ctx.told) if t.interval and t.interval[0] == day and t.span.end <= at), None)
    return told is not None and "\n" in ctx.text[told.span.end:at]


def _coarse_date_before(ctx: Ctx) -> Optional[tuple[date, str, tuple[date, date]]]:
    """A month or year told earlier in the sentence, with no day of its own there and not the month or year
    of the day the story is at: (its start, precision, interval)."""
    if ctx.near_abs is None or ctx.near_day is not None or ctx.near_abs[1] not in ("month", "year"):
        return None
    start, precision = ctx.near_abs
    interval = cal.month_interval(start.year, start.month) if precision == "month" else \
        (date(start.year, 1, 1), date(start.year, 12, 31))
    story = ctx.recent_day or ctx.ref_day
    if story is not None and interval[0] <= story <= interval[1]:
        return None
    return start, precision, interval


def midnight_of(day: date, anchor: str, before: bool = False, opening: bool = False) -> Res:
    """The midnight that ends `day` ("la medianoche del martes"): 00:00 of the next day, as readers and
    annotators date it; the interval spans both days. Told as what came just before it ("poco antes de la
    medianoche del sábado"): 24:00 of that day, which holds it; as what came just after it ("poco después de
    la medianoche del día de Año Nuevo"): the midnight that opens the day."""
    if before:
        return Res("TIME", f"{day.isoformat()}T24:00", interval=(day, day), precision="day", anchor=anchor)
    if opening:
        return Res("TIME", f"{day.isoformat()}T00:00", interval=(day, day), precision="day", anchor=anchor)
    nxt = day + timedelta(days=1)
    return Res("TIME", f"{nxt.isoformat()}T00:00", interval=(day, nxt), precision="day", anchor=anchor)


def midnight_side(m: re.Match, ctx: Ctx, lx: Lexicon, day: date) -> tuple[bool, bool]:
    """Is the midnight told as what came just before it ("poco antes de la medianoche"), or as what came just
    after it on `day` ("la madrugada del domingo, poco después de la medianoche"; not after an evening of
    that day was told, which it ends)?"""
    before = " ".join(ctx.folded[max(0, m.start() - 16):m.start()].split())
    if any(before.endswith(w) for w in lx.words("before_midnight_leads")):
        return True, False
    after = any(before.endswith(w) for w in lx.words("after_midnight_leads"))
    return False, after and not _evening_told(ctx, day)


def _evening_told(ctx: Ctx, day: date) -> bool:
    """Was the last time told an afternoon, evening or night of `day`, or a clock hour after noon?"""
    last = ctx.told[-1] if ctx.told else None
    if last is None or last.type != "TIME" or not last.interval or last.interval[0] != day:
        return False
    hour = _CLOCK_HOUR.search(last.value)
    return int(hour.group(1)) >= NOON if hour else last.value.endswith(("TAF", "TEV", "TNI"))


def overnight(m: re.Match, lx: Lexicon, res: Res) -> Res:
    """'la noche del 7 al 8 de agosto', 'la madrugada del sábado al domingo': the night of the first
    day (TIMEX3), running into the next; the story then stands on the morning after."""
    day = res.interval[0]
    to_day, to_wd = g(m, "dday_to"), g(m, "wd_to")
    nxt = day + timedelta(days=1)
    if (to_day and int(to_day) == nxt.day) or (to_wd and lx.weekdays[to_wd] == nxt.isoweekday()):
        res.interval = (day, nxt)
        res.extra["overnight"] = True
    return res
