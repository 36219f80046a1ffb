"""Calendar dates: day-month-year, months, years (seasons, decades, centuries: resolve_periods)."""
from __future__ import annotations

import functools
import re
from datetime import date
from typing import Optional

from cronica.time import calendar as cal
from cronica.time.anchor import FINE_PRECISIONS, Ctx, Res, pick_year
from cronica.time.lexicon import Lexicon, fold_key

SUB_CODES = {"quarter": "Q", "half": "H", "third": "T"}
FOLLOW_DAYS = 7   # "el día 12" a few days after a date just told falls in that date's month
BARE_DAY_BACK = 2   # days: "El 9" told just after the story reached the 10th is that month's 9th, not next month's
SUB_COUNT = {"quarter": 4, "half": 2, "third": 3}


def g(m: re.Match, name: str) -> Optional[str]:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return " ".join(v.split()) if v else None


def parse_day(lx: Lexicon, s: Optional[str]) -> Optional[int]:
    if not s:
        return None
    if s[0].isdigit():   # "1º", "1ro"
        s = s[:len(s) - len(s.lstrip("0123456789"))] if not s.isdigit() else s
    n = lx.number(s)
    return int(n) if n and n == int(n) and 1 <= n <= 31 else None


def rel_offset(lx: Lexicon, m: re.Match) -> Optional[int]:
    for name in ("rel1", "rel2"):
        w = g(m, name)
        if w is not None and w in lx.relative:
            return int(lx.relative[w])
    return None


def sub_period(lx: Lexicon, m: re.Match) -> Optional[tuple[int, int, str]]:
    """'primera quincena' -> (index 1-based or -1, parts, unit word); 'los tres primeros meses' -> (1, 4, a
    quarter)."""
    if g(m, "mspan"):
        idx, parts, unit = lx.month_spans[" ".join(g(m, "mspan").split())]
        return int(idx), int(parts), unit
    pord, pp = g(m, "pord"), g(m, "pp")
    if not pord or not pp:
        return None
    parts = lx.period_parts.get(pp) or SUB_COUNT.get(lx.cal_units.get(pp, ""), 0)
    idx = lx.ordinals.get(pord, 0)
    if not parts or idx == 0:
        return None
    idx = parts if idx == -1 else idx
    return (idx, parts, pp) if idx <= parts else None


TOLD_BACK_YEARS = 3   # a year told in the sentence this far behind the story's still gives a month its year


def year_from_context(ctx: Ctx, month: int, day: Optional[int], rel: Optional[int]
                      ) -> tuple[Optional[int], Optional[str]]:
    base, kind = ctx.year_base()
    if base is None:
        return None, None
    if rel in (-1, 1):  # "mayo pasado", "el próximo 25 de julio"
        y = base.year
        point = date(y, month, min(day or 1, cal.month_last(y, month)))
        if rel == -1 and (point > base or (day is None and month == base.month)):
            y -= 1
        elif rel == 1 and (point < base or (day is None and month == base.month)):
            y += 1
        return y, kind
    if rel == 0:
        return base.year, kind
    if rel is None and ctx.dct is None and ctx.near_abs is not None and ctx.near_abs[1] == "year":
        # "En 2016, ... a finales de marzo ... en diciembre": that year (in news the dct decides the year)
        return ctx.near_abs[0].year, "narrative"
    if rel is None and ctx.dct is None and ctx.ref_time is not None and ctx.ref_time.precision == "year":
        # "Una década antes, el 11 de noviembre": the year the story stands in
        return ctx.ref_time.start.year, "narrative"
    if rel is None and ctx.dct is None and ctx.told_abs is not None and ctx.told_abs[0] < (ctx.ref or ctx.told_abs[0]) \
            and date(ctx.told_abs[0].year, month, cal.month_last(ctx.told_abs[0].year, month)) >= ctx.told_abs[0] \
            and (ctx.ref is None or ctx.ref.year - ctx.told_abs[0].year <= TOLD_BACK_YEARS
                 or (ctx.told_abs[1] == "month" and ctx.told_abs[0].month == month)):
        # (a day of the month just told, however far back: "volvió a sufrir en mayo de 2002: … el 14 de mayo")
        # "El EI la había conquistado en mayo de 2015 y, en agosto, ...": a look back told in the sentence
        # (not "desde finales de 2005, y en julio": a July before the end of 2005 is not in that year; not a
        # landmark decades back: "no entraba en los campos desde el acuerdo de 1969, … y en agosto", in 2007)
        return ctx.told_abs[0].year, "narrative"
    if rel is None and day is not None and ctx.told_abs is not None and ctx.told_abs[1] == "day" \
            and ctx.told_abs[0].month == month:
        # a day of the month of a full date told earlier in the sentence is of that month ("desde el 17 de
        # septiembre de 2001, la primera sesión tras los atentados del 11 de septiembre"), however far back
        return ctx.told_abs[0].year, "narrative"
    y = pick_year(base, kind, month, day, ctx.future, ctx.past, ctx.firm_past, ctx.look_back,
                  ctx.not_after if kind == "narrative" else None)
    if _month_gone_with_the_story(ctx, month, day, y):
        return y - 1, "narrative"
    return _told_day_year(ctx, month, day, y), kind


def _month_gone_with_the_story(ctx: Ctx, month: int, day: Optional[int], y: int) -> bool:
    """'estrenada en abril del año pasado …: en mayo obtuvo el premio' (dct March): a month told in the past
    tense that would start after the dct follows the last year the text told, when that year's month came
    before it."""
    told = ctx.last_abs[0] if ctx.last_abs else ctx.ref
    return ctx.dct is not None and day is None and ctx.past and not ctx.future and date(y, month, 1) > ctx.dct \
        and told is not None and told.year == y - 1 and told.month <= month


def _told_day_year(ctx: Ctx, month: int, day: Optional[int], y: int) -> int:
    """A day and month the narrative already told with its year keeps that year when it is the next or the
    previous one ("el 11 de abril y el 11 de diciembre de ese año … Atentados del 11 de diciembre", read
    back from April: December of that year, not the one before)."""
    if day is None or ctx.dct is not None or _story_within_weeks(ctx, y, month, day):
        return y
    told = [d.year for d in ctx.told_days if d.month == month and d.day == day]
    return told[-1] if told and y not in told and abs(told[-1] - y) == 1 else y


STORY_STEP_DAYS = 31   # a day this close after the story's day is the story going on


def _story_within_weeks(ctx: Ctx, y: int, month: int, day: int) -> bool:
    """The story is at a day of that year a few weeks before it ("El cerco comenzó el 2 de octubre. El día 7 …
    El 17 de octubre": the siege going on, not the 17 October of the year before, told earlier as background)."""
    if ctx.ref is None or ctx.ref.year != y or not cal.valid_day(y, month, day):
        return False
    return 0 <= (date(y, month, day) - ctx.ref).days <= STORY_STEP_DAYS


def check_weekday(lx: Lexicon, m: re.Match, y: int, month: int, day: int,
                  explicit: bool, res_extra: dict, group: str = "wd") -> int:
    """The year whose (month, day) falls on the stated weekday (the match's `group`); conflicts go to extra."""
    wd = g(m, group)
    if not wd or wd not in lx.weekdays or not cal.valid_day(y, month, day):
        return y
    want = lx.weekdays[wd]
    if date(y, month, day).isoweekday() == want:
        return y
    if not explicit:
        for dy in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            if cal.valid_day(y + dy, month, day) and date(y + dy, month, day).isoweekday() == want:
                res_extra["weekday_conflict"] = {"weekday": wd, "inferred_year": y, "chosen_year": y + dy}
                return y + dy
    res_extra["weekday_conflict"] = {"weekday": wd, "year": y, "agrees": False}
    return y


def month_day_interval(y: int, month: int, mod: Optional[str], sub) -> tuple[date, date]:
    if sub is None:
        return cal.month_interval(y, month, mod)
    idx, parts, _ = sub
    last = cal.month_last(y, month)
    if parts == 4:  # weeks of a month: 1-7, 8-14, 15-21, 22-end
        lo = 7 * (idx - 1) + 1
        return date(y, month, lo), date(y, month, last if idx == 4 else lo + 6)
    size = last / parts
    lo = int(size * (idx - 1)) + 1
    hi = last if idx == parts else int(size * idx)
    return date(y, month, lo), date(y, month, hi)


def told_year(m: re.Match, ctx: Ctx, lx: Lexicon, extra: dict) -> tuple[Optional[int], Optional[str]]:
    """The year of "de ese año", "del año siguiente", "del año pasado" after a month, a season or a feast:
    from the story's year ("siguiente", "anterior"; the dct's for "pasado"), or the year just told."""
    words = g(m, "thisyear").split()
    anaphora = any(lx.demonstratives.get(w) == "anchor" for w in words)   # "de ese año"
    base, kind = ctx.base(narrative_first=bool(set(words) & lx.anchor_relative) or anaphora)
    if ctx.told_abs is not None and any(lx.demonstratives.get(w) == "anchor" or w in lx.anchor_relative
                                        for w in words):
        # "conquistada en mayo de 2015 y, en agosto de ese año"; "desde septiembre de 2014, y … desde
        # marzo del año siguiente": the year told in the sentence
        base, kind = ctx.told_abs[0], "narrative"
    elif ctx.last_abs is not None and anaphora:
        # "sustituyó en abril de 2022 a la misión anterior. En agosto de ese año": the year just told
        base, kind = ctx.last_abs[0], "narrative"
    if anaphora or int(lx.shifted_units[g(m, "thisyear")][1]) < 0:
        extra["year_told_back"] = True    # "en enero de ese año": the year a reader already has; "en mayo del año
        # anterior": one before the story's (both, told inside a sentence, are asides: the story stays)
    extra["year_told"] = True   # ("entre abril y septiembre del año pasado": the first end shares it)
    return (base.year + int(lx.shifted_units[g(m, "thisyear")][1]) if base is not None else None), kind


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


def _month_names(m: re.Match, ctx: Ctx, lx: Lexicon) -> bool:
    """A capitalised month inside a sentence followed by a capitalised word that is no month ("Julio Negro",
    "Octubre Rojo") names something; "Mayo y Junio" are months."""
    s, e = m.start("month"), m.end("month")
    if not ctx.text or not ctx.text[s].isupper() or not ctx.mid_sentence(s):
        return False
    nxt = _NEXT_WORD.match(ctx.text, e)
    return bool(nxt) and nxt.group(1)[:1].isupper() and fold_key(nxt.group(1)) not in lx.months


def resolve_date(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    month = lx.months[g(m, "month")]
    day = parse_day(lx, g(m, "day"))
    if g(m, "day") and day is None:
        return None
    if ctx.text and ctx.text[m.start("month")].isupper() and ctx.after_name(m.start()):
        return None   # a name: "Avenida 17 de Junio", "Plaza de Mayo"
    if day is None and not (g(m, "year") or g(m, "year2") or g(m, "yy")) and _month_names(m, ctx, lx):
        return None   # a name: "en pleno Julio Negro", "Septiembre Negro"
    mod = lx.fuzzy.get(g(m, "part") or "")
    sub = sub_period(lx, m)
    ys = g(m, "year") or g(m, "year2")
    res = Res("DATE", "", mod=mod if day is None else None)
    if g(m, "thisyear") and (ctx.base()[0] is not None or ctx.told_abs is not None):
        y, kind = told_year(m, ctx, lx, res.extra)
    elif ys:
        y, kind = int(ys), "absolute"
    elif g(m, "yy"):
        y, kind = short_year(ctx, int(g(m, "yy"))), "absolute"
    else:
        y, kind = year_from_context(ctx, month, day, rel_offset(lx, m))
    if y is not None and day is not None:
        y = check_weekday(lx, m, y, month, day, bool(ys), res.extra)
    if day is not None and y is not None and not cal.valid_day(y, month, day):
        return None
    yv = f"{y:04d}" if y is not None else "XXXX"
    res.value = f"{yv}-{month:02d}" + (f"-{day:02d}" if day else "")
    res.anchor = kind
    if sub is not None:
        res.extra["part"] = f"{sub[0]}/{sub[1]}"
    if y is not None:
        res.precision = "day" if day else ("week" if sub and sub[1] == 4 else "month")
        res.interval = ((date(y, month, day),) * 2 if day else month_day_interval(y, month, mod, sub))
        if res.precision == "week":   # "la última semana de marzo" -> 2009-W13
            lo, hi = res.interval
            res.value = cal.week_value(lo + (hi - lo) / 2)
    return res


def month_from_context(ctx: Ctx, day: int) -> tuple[Optional[int], Optional[int], Optional[str]]:
    """'el día 8': the month (and year) around the reference that holds that day."""
    base, kind = ctx.year_base()
    if kind == "narrative" and ctx.ref_month is not None and ctx.ref_time is not None \
            and ctx.ref_time.precision not in FINE_PRECISIONS:
        base = ctx.ref_month   # "el 19 de septiembre de 2023 ... la guerra de 2020 ... la madrugada del 19"
    rd = ctx.recent_day
    if rd is not None and rd != ctx.dct and rd.day < day <= rd.day + FOLLOW_DAYS:   # "el 11 de septiembre ... El día 12"
        return rd.year, rd.month, "narrative"
    if base is None:
        return None, None, None
    best, best_cost = (None, None), float("inf")
    for n in (-1, 0, 1):
        y, mo = cal.add_months(base.year, base.month, n)
        if not cal.valid_day(y, mo, day):
            continue
        delta = (date(y, mo, day) - base).days
        cost = abs(n) if not ctx.future else (delta if delta >= 0 else 1000 - delta)
        if cost < best_cost:
            best, best_cost = (y, mo), cost
    return best[0], best[1], kind


def resolve_day_only(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    day = parse_day(lx, g(m, "day"))
    if day is None:
        return None
    step = int(lx.relative.get(g(m, "rel1") or "", 0))
    if step and ctx.dct is not None:   # "el pasado día 26": the last 26th gone; "el próximo día 3": the next
        return day_number_from_dct(ctx.dct, day, step)
    y, mo, kind = month_from_context(ctx, day)
    if y is None:
        return Res("DATE", f"XXXX-XX-{day:02d}")
    d = date(y, mo, day)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def day_number_from_dct(dct: date, day: int, step: int) -> Optional[Res]:
    """The day numbered `day` last gone before the dct (step < 0) or next to come after it."""
    for n in ((0, -1, -2) if step < 0 else (0, 1, 2)):
        y, mo = cal.add_months(dct.year, dct.month, n)
        if cal.valid_day(y, mo, day) and (date(y, mo, day) < dct if step < 0 else date(y, mo, day) > dct):
            d = date(y, mo, day)
            return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor="dct")
    return None


def resolve_bare_day(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'El 22, las fuerzas…', 'y el 31 Al Abadi…': a day number alone at the head of a clause, followed by
    a comma or a capitalised name; in a narrative the next such day from the story's date, in news the
    dct's month. Nothing without a reference, or when no clause starts there."""
    day = parse_day(lx, g(m, "day"))
    text, s, e = ctx.text, m.start(), m.end()
    if day is None or not text or not _clause_start(text, s, lx) or not _day_ends_phrase(text, e, lx):
        return None
    if ctx.dct is None and ctx.ref is not None:
        base = ctx.ref   # (a day or two back stays in the month: "dos días después ... El 9, aviones habían atacado")
        y, mo = (base.year, base.month) if day >= base.day - BARE_DAY_BACK else cal.add_months(base.year, base.month, 1)
        kind = "narrative"
    else:
        y, mo, kind = month_from_context(ctx, day)
    return day_res(y, mo, day, kind, f"XXXX-XX-{day:02d}")


def day_res(y: Optional[int], mo: int, day: int, kind: Optional[str], unknown: str) -> Optional[Res]:
    """The day y-mo-day (`unknown` as the value when the year is not known; None if no such day)."""
    if y is None:
        return Res("DATE", unknown)
    if not cal.valid_day(y, mo, day):
        return None
    d = date(y, mo, day)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def _clause_start(text: str, s: int, lx: Lexicon) -> bool:
    """Sentence or clause start before the article: text start, '.', ',', ';', ':' or 'y' / 'e'."""
    raw = text[max(0, s - 20):s].rstrip(" \t")
    before = raw.rstrip()
    return not before or raw.endswith("\n") or before[-1] in ".,;:" or before.split()[-1].lower() in lx.words("alternatives")


def _day_ends_phrase(text: str, e: int, lx: Lexicon) -> bool:
    """A comma, a capitalised name (not a unit: "el 22 por ciento") or a verb in the past ("El 24
    comenzó", "el 18 se rindieron") follows the number."""
    after = text[e:e + 30].lstrip()
    words = after.lower().split(" ", 1)
    if len(words) == 2 and words[0] in lx.words("clitics"):   # "el 18 se rindieron"
        after = words[1]
    first = after.lower().split(" ", 1)[0]
    return after.startswith(",") or (bool(after) and after[0].isupper()) or first in lx.words("subject_openers") \
        or bool(_past_verb(tuple(lx.past_markers)).match(after.lower()))   # ("y el 16 un camión bomba estalló")


@functools.lru_cache(maxsize=8)
def _past_verb(markers: tuple[str, ...]) -> re.Pattern:
    """A verb in the past at the start of a string (the language's past-tense markers)."""
    return re.compile(r"(?:%s)(?!\w)" % "|".join(markers))


def month_base(ctx: Ctx, lx: Lexicon, phrase: str) -> tuple[Optional[date], Optional[str]]:
    """The month a shifted month phrase counts from: the story's ("de ese mes", "del mes siguiente"),
    else the dct's ("de este mes")."""
    if any(lx.demonstratives.get(w) == "anchor" or w in lx.anchor_relative for w in phrase.split()):
        if ctx.told_abs is not None and ctx.told_abs[1] in ("day", "month"):
            return ctx.told_abs[0], "narrative"   # the month its sentence tells ("septiembre de 2015, y desde el 30
            # de ese mes"), a look back or not
        if ctx.ref_month is not None:
            return ctx.ref_month, "narrative"
        return ctx.base(narrative_first=True)
    return ctx.base()


def resolve_day_of_month(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'el día 31 de este mes', 'el 20 del mes pasado': a day of the month the dct's month shifts to."""
    day = parse_day(lx, g(m, "day"))
    base, kind = month_base(ctx, lx, g(m, "thismonth"))
    if day is None:
        return None
    if base is None:   # "el 27 de ese mes" with no story yet: a day of an unknown month
        return Res("DATE", f"XXXX-XX-{day:02d}")
    y, mo = cal.add_months(base.year, base.month, int(lx.shifted_units[g(m, "thismonth")][1]))
    if not cal.valid_day(y, mo, day):
        return None
    d = date(y, mo, day)
    return Res("DATE", d.isoformat(), interval=(d, d), precision="day", anchor=kind)


def resolve_dateline(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """'23 may (EFE)': the day of an abbreviated month, in the year the context gives."""
    day, month = int(g(m, "day")), lx.month_abbr[g(m, "mabbr")]
    ys = g(m, "year")
    y, kind = (int(ys), "absolute") if ys else year_from_context(ctx, month, day, None)
    return day_res(y, month, day, kind, f"XXXX-{month:02d}-{day:02d}")


def resolve_numeric(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    d, mo, ys = int(m.group("d")), int(m.group("m")), m.group("y")
    y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) > 40 else 2000 + int(ys))
    if not cal.valid_day(y, mo, d):
        return None
    return Res("DATE", f"{y:04d}-{mo:02d}-{d:02d}", interval=(date(y, mo, d),) * 2,
               precision="day", anchor="absolute")


def counted(lx: Lexicon, ctx: Ctx, m: re.Match) -> bool:
    """'unos 2000 soldados', 'los 1500 combatientes': a number of things, not a year."""
    if m.start("year") != m.start() and not g(m, "art"):
        return False
    before = ctx.folded[max(0, m.start("year") - 20):m.start("year")].split()
    after = ctx.folded[m.end():m.end() + 20].split()
    quantity = set(lx.dmods) | set(lx.vague) | set(lx.words("plural_articles"))
    lead = before[-1:] and (before[-1] in quantity or " ".join(before[-2:]) in quantity)
    return bool(lead and after and after[0].isalpha()
                and after[0] not in lx.words("decade_followers"))


SHORT_YEAR_AHEAD = 5   # years: a two-digit year this far past the reference is still of its century


def short_year(ctx: Ctx, yy: int) -> int:
    """'88' -> 1988 (the century that puts it at most a few years after the dct or narrative)."""
    base = ctx.base()[0]
    ref = base.year if base is not None else 2000
    y = ref // 100 * 100 + yy
    return y - 100 if y > ref + SHORT_YEAR_AHEAD else y


def resolve_year(m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    y = int(m.group("year"))
    if counted(lx, ctx, m):
        return None
    if m.start("year") == m.start() and ctx.text and ctx.after_name(m.start()):
        return None   # a name: "la Agenda 2000", "la Expo 2008"
    mod = lx.fuzzy.get(g(m, "part") or "")
    sub = sub_period(lx, m)
    res = Res("DATE", f"{y:04d}", mod=mod, interval=cal.year_interval(y, mod), precision="year",
              anchor="absolute")
    if sub is not None:
        code = SUB_CODES.get(lx.cal_units.get(sub[2], ""), "H" if sub[1] == 2 else None)
        if code:
            n = 12 // sub[1]
            res.value = f"{y:04d}-{code}{sub[0]}"
            res.interval = cal.months_interval(y, n * (sub[0] - 1) + 1, n * sub[0], mod)
            res.precision = "quarter" if code == "Q" else "month"
    yt = g(m, "year_to")
    if yt:
        y2 = int(yt) if len(yt) == 4 else y // 100 * 100 + int(yt)
        if y2 > y:
            res.extra["range"] = (date(y, 1, 1), date(y2, 12, 31))
    return res
