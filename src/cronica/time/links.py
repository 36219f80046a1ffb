"""Timexes resolved through a neighbour: "el mismo periodo de 1999" after "el primer trimestre de 1998"
takes the quarter; "al día siguiente del 11 de septiembre" takes the day after the date."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional, Sequence

from cronica.model import Span, Timex
from cronica.time.calendar import months_interval, months_spanned, week_interval, week_value, years_interval
from cronica.time.lexicon import Lexicon
from cronica.time.resolve_dates import SUB_CODES, SUB_COUNT

LOOK_BACK = 300   # characters: how far back the period "el mismo periodo" repeats may lie
FINER = {"week", "month", "quarter"}
PERIODS = {"month", "quarter"}   # precisions an anaphoric "este periodo" can measure
CALENDAR = re.compile(r"(?:FY)?\d{4}(-\S+)")   # (a fiscal quarter too: "FY2010-Q1")


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:   # 29 February
        return d.replace(year=d.year + years, day=28)


def contrast_period(t: Timex) -> bool:
    """A period counted back or on from the one the story tells ('el trimestre anterior'): a comparison,
    not the period a later 'el trimestre' or 'el mismo periodo del año pasado' refers to."""
    return t.rule == "relative_unit" and t.anchor == "narrative" and t.precision in FINER


def _model(out: Sequence[Timex], i: int, before: int) -> Optional[Timex]:
    """The last finer-than-a-year date ending before `before`, not too far back (nor a contrast)."""
    for a in reversed(out[:i]):
        if a.span.end > before or contrast_period(a):
            continue
        if before - a.span.end > LOOK_BACK:
            return None
        if a.type == "DATE" and a.precision in FINER and a.interval and CALENDAR.fullmatch(a.value):
            return a
    return None


def _inside(out: Sequence[Timex], i: int, start: int) -> Optional[Timex]:
    """The period named in the lead itself ('el mismo trimestre' before 'del año pasado'), when no
    finer date was told before it: it stands for its own position in the year."""
    a = out[i - 1] if i > 0 else None
    if a is None or a.span.start < start or a.type != "DATE" or a.precision not in FINER or not a.interval:
        return None
    return a if CALENDAR.fullmatch(a.value) else None


def same_period(out: list[Timex], text: str, folded: str, lead: re.Pattern) -> None:
    """'el mismo periodo de 1999', 'el mismo trimestre del año pasado': the period told before, in that year."""
    for i, b in enumerate(out):
        if b.type != "DATE" or b.precision != "year" or not b.interval or not re.fullmatch(r"\d{4}", b.value):
            continue
        m = lead.search(folded, max(0, b.span.start - 40), b.span.start)
        a = (_model(out, i, m.start()) or _inside(out, i, m.start())) if m else None
        if a is None:
            continue
        years = b.interval[0].year - a.interval[0].year
        b.value = f"{b.interval[0].year:04d}{CALENDAR.fullmatch(a.value).group(1)}"
        b.interval = (_shift_year(a.interval[0], years), _shift_year(a.interval[1], years))
        b.precision, b.mod = a.precision, None
        b.span = Span(m.start(), b.span.end, text[m.start():b.span.end])
        b.extra["same_period_as"] = a.value
        out[:] = [t for t in out if t is b or t.span.end <= b.span.start or t.span.start >= b.span.end]


def day_after(out: list[Timex], text: str, folded: str, gap: re.Pattern) -> None:
    """'al día siguiente del 11 de septiembre': a shifted day counts from the date it names."""
    for a, b in zip(out, out[1:]):
        shift = a.extra.get("day_shift")
        if shift is None or b.precision != "day" or not b.interval or b.interval[0] != b.interval[1]:
            continue
        if not gap.fullmatch(folded[a.span.end:b.span.start]):
            continue
        d = b.interval[0] + timedelta(days=shift)
        a.value, a.interval, a.precision, a.anchor = d.isoformat(), (d, d), "day", b.anchor


_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d)?(T\d\d:\d\dZ?)$")


def clocks_before_days(out: list[Timex], folded: str, gap: re.Pattern) -> None:
    """'a las 2.54 hora local (1.54 GMT) de la madrugada de ayer': a clock time told before its day is of that
    day (the clock in brackets after it too)."""
    for i, t in enumerate(out):
        if t.type != "TIME" or not _CLOCK.match(t.value):
            continue
        clocks = [t]
        j = i + 1
        while j < len(out) and out[j].type == "TIME" and _CLOCK.match(out[j].value) \
                and folded[clocks[-1].span.end:out[j].span.start].strip() == "(":
            clocks.append(out[j])     # ("(1.54 GMT)")
            j += 1
        day = out[j] if j < len(out) else None
        if day is None or not day.interval \
                or day.precision != "day" or day.interval[0] != day.interval[1] \
                or not gap.fullmatch(folded[clocks[-1].span.end:day.span.start]):
            continue
        d = day.interval[0]
        for c in clocks:
            c.value = d.isoformat() + _CLOCK.match(c.value).group(1)
            c.interval, c.precision = (d, d), "day"


def parts_before_days(out: list[Timex], text: str, folded: str, lead: re.Pattern, lx: Lexicon) -> None:
    """'la noche del sábado 12 de octubre de 2002', 'la misma noche del viernes': a day told after a part
    of the day is that part of that day (TIME), the part joining the span."""
    for i, t in enumerate(out):
        if t.type != "DATE" or t.precision != "day" or not t.interval or t.interval[0] != t.interval[1]:
            continue
        m = lead.search(folded, max(0, t.span.start - 60), t.span.start)
        if m is None or m.group("dp") in lx.words("midnight_words") or (i and out[i - 1].span.end > m.start()):
            continue
        t.type, t.value = "TIME", f"{t.value}T{lx.day_parts[m.group('dp')]}"
        t.span = Span(m.start(), t.span.end, text[m.start():t.span.end])


def fiscal_years(out: list[Timex], text: str, folded: str, lead: re.Pattern, after: re.Pattern,
                 quarter_of: re.Pattern) -> None:
    """'el año fiscal 2011', 'el actual año fiscal': a fiscal year, valued FY2011 as TIMEX3 does (its months
    differ by firm and state, so the interval stays the calendar year the number names); 'el primer trimestre
    de su año fiscal 2010' is one timex, FY2010-Q1."""
    for t in out:
        if t.type != "DATE" or t.precision != "year" or not re.fullmatch(r"\d{4}", t.value):
            continue
        before = lead.search(folded, max(0, t.span.start - 30), t.span.start)   # "año fiscal 2011"
        after_it = after.match(folded, t.span.end)                            # "el actual año fiscal"
        inside = after.search(folded, t.span.start, t.span.end)               # "el año fiscal pasado"
        if inside and t.span.text[-1:].isdigit():   # "del año fiscal 2006": the span TimeBank-es marks
            before = lead.search(folded, t.span.start, t.span.start + t.span.text.rfind(" ") + 1)
        if not (before or after_it or inside):
            continue
        start = before.start() if before else t.span.start
        end = after_it.end() if after_it and not before else t.span.end
        t.value, t.extra["fiscal"] = "FY" + t.value, True
        t.span = Span(start, end, text[start:end])
    for q, fy in zip(out, out[1:]):
        j = quarter_of.fullmatch(folded, q.span.end, fy.span.start) if q.span.end <= fy.span.start else \
            fy.span.start < q.span.end < fy.span.end   # "el tercer trimestre del ejercicio" + "ejercicio fiscal 2009"
        if j and re.fullmatch(r"\d{4}-[QH]\d", q.value) and fy.extra.get("fiscal") and fy.value[2:].isdigit():
            q.value = f"FY{fy.value[2:]}-{q.value[5:]}"
            q.span = Span(q.span.start, fy.span.end, text[q.span.start:fy.span.end])
            q.extra["fiscal"], fy.extra["merged_into_quarter"] = True, True
    out[:] = [t for t in out if not t.extra.get("merged_into_quarter")]
    for q in out:   # "su cuarto trimestre fiscal": the fourth quarter of the fiscal year, FY1998-Q4
        fiscal = after.match(folded, q.span.end)
        if fiscal and re.fullmatch(r"\d{4}-[QH]\d", q.value):
            q.value, q.extra["fiscal"] = "FY" + q.value, True
            q.span = Span(q.span.start, fiscal.end(), text[q.span.start:fiscal.end()])


def fiscal_counted(out: list[Timex]) -> None:
    """'su cuarto trimestre fiscal … del trimestre anterior', 'su ejercicio fiscal 1998 … el ejercicio anterior':
    a quarter or year counted from a fiscal one is fiscal too (FY1998-Q3, FY1997)."""
    last: dict[str, bool] = {}
    for t in out:
        if t.type != "DATE" or t.precision not in ("quarter", "half", "year"):
            continue
        if t.extra.get("same_period_as"):
            continue   # ("el mismo período del año anterior": the period told, in the year before)
        if t.extra.get("fiscal"):
            last[t.precision] = True
        elif t.rule == "relative_unit" and t.anchor == "narrative" and last.get(t.precision) \
                and re.fullmatch(r"\d{4}(?:-[QH]\d)?", t.value):   # (not "este año", "el próximo año": the dct's)
            t.value = "FY" + t.value
        else:
            last[t.precision] = False


def periods_by_months(out: list[Timex], text: str, folded: str, lead: re.Pattern, join: re.Pattern,
                      lx: Lexicon) -> None:
    """'el trimestre de julio a septiembre', 'el semestre de enero a junio': the quarter (half) those months
    make, one timex (2011-Q3)."""
    for a, b in zip(out, out[1:]):
        if a.precision != "month" or b.precision != "month" or not a.interval or not b.interval \
                or a.interval[0].year != b.interval[0].year or not join.match(folded[a.span.end:b.span.start]):
            continue
        m = lead.search(folded, max(0, a.span.start - 30), a.span.start)
        if m is None:
            continue
        gran = lx.cal_units[m.group("unit")]
        code, n = SUB_CODES[gran], 12 // SUB_COUNT[gran]
        m1, m2, y = a.interval[0].month, b.interval[0].month, a.interval[0].year
        if (m1 - 1) % n or m2 - m1 != n - 1:
            continue
        a.value, a.interval, a.precision = f"{y:04d}-{code}{(m1 - 1) // n + 1}", months_interval(y, m1, m2), gran
        a.span, a.rule = Span(m.start(), b.span.end, text[m.start():b.span.end]), "period_of_months"
        b.extra["merged_into_period"] = True
    out[:] = [t for t in out if not t.extra.get("merged_into_period")]


def told_periods(out: list[Timex], text: str, folded: str, bare: re.Pattern, ending: re.Pattern,
                 lx: Lexicon) -> None:
    """'el trimestre que terminó el 26 de junio' is the quarter of that day; a bare 'durante el trimestre'
    is the quarter told last before it. With neither, no timex."""
    found: list[Timex] = []
    for m in bare.finditer(folded):
        if any(o.span.start < m.end() and m.start() < o.span.end for o in out):
            continue
        gran = lx.cal_units[m.group("unit")]
        code, parts = SUB_CODES[gran], SUB_COUNT[gran]
        end = ending.match(folded, m.end())
        day = next((o for o in out if end and o.span.start == end.end()), None)
        if day is not None and day.precision == "day" and day.interval:
            d, n = day.interval[0], 12 // parts
            idx = (d.month - 1) // n + 1
            value, interval = f"{d.year:04d}-{code}{idx}", months_interval(d.year, n * (idx - 1) + 1, n * idx)
        else:
            told = sorted(out + found, key=lambda t: t.span.start)
            prev = next((o for o in reversed(told) if o.span.end <= m.start() and o.interval
                         and not contrast_period(o) and re.fullmatch(rf"\d{{4}}-{code}\d", o.value)), None)
            if prev is None:
                continue
            value, interval = prev.value, prev.interval
        found.append(Timex(span=Span(m.start(), m.end(), text[m.start():m.end()]), type="DATE", value=value,
                           interval=interval, precision="quarter", anchor="narrative", rule="told_period"))
    if found:
        out[:] = sorted(out + found, key=lambda t: t.span.start)


YEARS = re.compile(r"P\d+Y")
AGE_REACH = 200   # characters after an age where an apposition ", de 28," can still be one
MAX_AGE = 120
PARAGRAPH_END = re.compile(r"\n")


def elided_ages(out: list[Timex], text: str, folded: str, age_lead: re.Pattern, elided: re.Pattern) -> None:
    """'Claudia, de 24 años, y Robby, de 33, ...': an age told without its unit after one told with it."""
    found: list[Timex] = []
    for t in out:
        if t.type != "DURATION" or not YEARS.fullmatch(t.value) or not age_lead.search(
                folded, max(0, t.span.start - 8), t.span.start):
            continue
        stop = PARAGRAPH_END.search(folded, t.span.end, t.span.end + AGE_REACH)
        for m in elided.finditer(folded, t.span.end, stop.start() if stop else t.span.end + AGE_REACH):
            n = int(m.group("n"))
            if 0 < n < MAX_AGE and all(o.span.end <= m.start("n") or o.span.start >= m.end("n") for o in out + found):
                found.append(Timex(span=Span(m.start("n"), m.end("n"), text[m.start("n"):m.end("n")]),
                                   type="DURATION", value=f"P{n}Y", rule="elided_age"))
    if found:
        out[:] = sorted(out + found, key=lambda t: t.span.start)



def paired_decades(out: list[Timex], text: str, folded: str, pair: re.Pattern, lx: Lexicon) -> None:
    """'los años sesenta y setenta', 'los 80 y 90': the second decade is a timex of its own."""
    found: list[Timex] = []
    for t in out:
        m = pair.match(folded, t.span.end) if t.precision == "decade" else None
        first = lx.decade_start(m.group("dec")) if m else None
        if first is None or any(o.span.start < m.end() and o.span.end > m.start("dec") for o in out):
            continue
        after = folded[m.end():m.end() + 12].split()
        if m.group("dec").isdigit() and after and after[0].isalpha() and after[0] not in lx.words("decade_followers"):
            continue   # "los 80 y 90 soldados"
        found.append(Timex(span=Span(m.start("dec"), m.end(), text[m.start("dec"):m.end()]), type="DATE",
                           value=str(first // 10), interval=years_interval(first, 10), precision="decade",
                           anchor="absolute", rule="paired_decade"))
    if found:
        out[:] = sorted(out + found, key=lambda t: t.span.start)


def period_lengths(out: list[Timex]) -> None:
    """'entre diciembre y febrero ... en este periodo': the anaphoric period spans the whole range just told."""
    for i, t in enumerate(out):
        if t.rule != "period_anaphor":
            continue
        prev = next((a for a in reversed(out[:i]) if a.type == "DATE" and a.interval), None)
        lo, hi = prev.extra.get("range", prev.interval) if prev else (None, None)
        if lo is not None and prev.precision in PERIODS:
            t.value = f"P{months_spanned(lo, hi)}M"


WEEK = timedelta(days=7)


def weekdays_before_range_ends(out: list[Timex], folded: str, opener: re.Pattern, join: re.Pattern,
                               weekdays: frozenset[str]) -> None:
    """'entre las 21.00 del domingo y las 6.00 de hoy': a range's first end named by a weekday lies before
    its last end -- a week earlier when the tense had read it forward."""
    for a, b in zip(out, out[1:]):
        if not (a.interval and b.interval and a.interval[0] > b.interval[1] >= a.interval[0] - WEEK):
            continue
        if not (join.match(folded[a.span.end:b.span.start])
                and opener.search(folded, max(0, a.span.start - 20), a.span.start)):
            continue
        if not weekdays & set(re.findall(r"\w+", folded[a.span.start:a.span.end])):
            continue
        old, new = a.interval[0], a.interval[0] - WEEK
        a.value = a.value.replace(old.isoformat(), new.isoformat(), 1)
        a.interval = (new, a.interval[1] - WEEK)
        a.extra["range_order"] = f"moved a week back, before {b.span.text!r}"


def weeks_of_days(out: list[Timex], text: str, folded: str, lead: re.Pattern) -> None:
    """'la semana del 1 de febrero': the ISO week the day told is in, the lead joining the span."""
    for t in out:
        if t.type != "DATE" or t.precision != "day" or not t.interval or t.interval[0] != t.interval[1]:
            continue
        m = lead.search(folded, max(0, t.span.start - 20), t.span.start)
        if m is None:
            continue
        t.value, t.interval, t.precision = week_value(t.interval[0]), week_interval(t.interval[0]), "week"
        t.span = Span(m.start(), t.span.end, text[m.start():t.span.end])
