"""TimeTagger: find temporal expressions and normalise them (TIMEX3 value + day interval)."""
from __future__ import annotations

import calendar

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import Callable, Iterable, Optional

from cronica.lang import load_language_data
from cronica.model import Span, Timex
from cronica.time import resolve_dates as rd
from cronica.time import resolve_misc as rm
from cronica.time import resolve_periods as rp
from cronica.time import resolve_days as rday
from cronica.time import resolve_rel as rr
from cronica.time.links import (clocks_before_days, day_after, elided_ages, fiscal_counted, fiscal_years,
                                paired_decades, parts_before_days, period_lengths, periods_by_months, same_period,
                                told_periods, weekdays_before_range_ends, weeks_of_days)
from cronica.time.anchor import FINE_PRECISIONS, MOVING, NON_MOVING_BOUNDS, Ctx, RefTime, Res, moves_anchor
from cronica.time.lexicon import Lexicon, fold
from cronica.time.patterns import Rule, build_helpers, build_rules
from cronica.time.shift import AFTER, BEFORE, label, shift_duration, shifted_interval

Handler = Callable[[re.Match, Ctx, Lexicon], Optional[Res]]
HANDLERS: dict[str, Handler] = {
    "date": rd.resolve_date, "numeric": rd.resolve_numeric, "dateline": rd.resolve_dateline, "year": rd.resolve_year,
    "season": rp.resolve_season, "month_set": rp.resolve_month_set, "decade": rp.resolve_decade, "century": rp.resolve_century,
    "day_only": rd.resolve_day_only, "bare_day": rd.resolve_bare_day, "day_of_month": rd.resolve_day_of_month,
    "rel_unit": rr.resolve_rel_unit, "ordinal_unit": rr.resolve_ordinal_unit, "ago": rr.resolve_ago,
    "qualified_unit": rr.resolve_qualified_unit, "anaphor": rr.resolve_anaphor,
    "period_anaphor": rr.resolve_period_anaphor,
    "weekday": rday.resolve_weekday, "weekday_set": rday.resolve_weekday_set,
    "weekday_num": rday.resolve_weekday_num, "weekday_week": rday.resolve_weekday_week,
    "weekday_nth": rday.resolve_weekday_nth,
    "deictic_day": rday.resolve_deictic_day, "deictic_time": rday.resolve_deictic_time,
    "day_part": rday.resolve_day_part, "day_part_that": rday.resolve_day_part_that,
    "duration": rm.resolve_duration, "vague_duration": rm.resolve_vague_duration, "set": rm.resolve_set,
    "holiday": rm.resolve_holiday, "bare_plural": rm.resolve_bare_plural, "clock": rm.resolve_clock,
    "phrase": rm.resolve_phrase, "range_days": rm.resolve_range_days, "ordinal_span": rm.resolve_ordinal_span,
}
# kinds whose leading article belongs to the expression ("la semana pasada", "los últimos días")
ARTICLE_KINDS = {"rel_unit", "ordinal_unit", "deictic_day", "clock", "day_part", "season", "century",
                 "day_only", "bare_day", "holiday", "ordinal_span", "weekday_nth"}
UNTIL = "until"
FUTURE_BOUNDS = {"by", UNTIL}   # "para el domingo", "hasta el jueves" look ahead
BOUND_GAP = re.compile(r"\s+\w{1,3}(?:\s+\w{1,3})?\s*")   # "de", "de las", "del" between a bound and its date
SENTENCE_END = re.compile(r"[.!?;]\s|\n")
FAR_AHEAD_YEARS = 5   # a bare year this far after the story's date, inside a sentence, is an aside
RECENT = 300  # characters: how far back a day-precise date still sets the month of "el día 12"
CONTEXT = 60  # characters around a match searched for tense markers
CONTEXT_FAR = 160  # ... after it, in news, when none is that near (a long subject before the verb)
FAR_TENSE_KINDS = frozenset({"weekday"})   # the rules that read so far (a bare weekday: the last or the next)
SINCE_NOUN_KINDS = frozenset({"date"})   # "desde el golpe de Estado de febrero": a month behind, as "desde febrero"
DAY_TIME_KINDS = frozenset({"clock", "day_part"})   # ... and those with a weekday inside ("a las 19.50 del martes")
LAST_ABS_REACH = 400   # characters: an absolute date told this near, after the narrative reference, is
                       # what "ese año" means ("sustituyó en abril de 2022 … En agosto de ese año")
SINCE_REACH = 100   # characters back to a "desde que" whose clause a date may belong to
NIGHT_VALUE = "TNI"   # TIMEX3's night ("2023-06-16TNI")
BACKGROUND_GAP_DAYS = 7   # a background section more than a week before the story ("Un mes antes") does not move it
SEQUEL_GAP_DAYS = 366   # ... or over a year after it (an aim, a sequel: not the story going on)
BACKGROUND_DAYS = 365   # news: a date this far before the dct, in a "donde"/"cuando" clause, is background
SETS_YEAR = {"day", "week", "month", "quarter", "year"}   # an absolute date this precise gives the sentence its year
DAY_STEP = re.compile(r"P\d+[DW]")   # a counted number of days or weeks
LONG_STEP = re.compile(r"P\d+[MY]")   # ... of months or years
SHIFTABLE = {"duration"}   # counted durations: "Dos días después" steps from the narrative
NOT_SHIFTED = ("art", "last", "last2", "last3")   # "los últimos tres días antes", "un año más"


def _safe(handler: Handler, m: re.Match, ctx: Ctx, lx: Lexicon) -> Optional[Res]:
    """A rule's resolution, or None when the calendar cannot hold it (year 0, 31 June ...)."""
    try:
        return handler(m, ctx, lx)
    except (ValueError, OverflowError):
        return None


def _longest_first(found: list[tuple]) -> list[tuple]:
    """Non-overlapping candidates (start, end, priority, ...): longest first, then rule priority."""
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple] = []
    for c in found:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


_YEARLESS = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?")


def _close_section(out: list[Timex], start: int, end: int) -> None:
    """The dates told in a background section ("Antecedentes") move the story only inside it: after it the
    story is back where it was ("Los disturbios: Tras el mitin …" is the lead's day, not the last day told
    before the heading)."""
    for t in out:
        if start <= t.span.start < end and t.extra.get("moves_anchor"):
            t.extra["section_end"] = end


def _yearless(t: Timex) -> bool:
    """A date with month (and day) but no year the text could give it ('XXXX-07')."""
    return t.type == "DATE" and t.interval is None and bool(_YEARLESS.fullmatch(t.value))


def _year_told(t: Timex) -> bool:
    """A date whose year the text tells: absolute ('septiembre de 2009') or counted ('septiembre del año pasado')."""
    return t.anchor == "absolute" or bool(t.extra.get("year_told"))


def _give_year(t: Timex, later: date) -> None:
    """Resolve a yearless date from the dated one after it: the same year, or the year before
    when its month comes later in the calendar ('diciembre y enero de 2017')."""
    m = _YEARLESS.fullmatch(t.value)
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    year = later.year - ((month, day or 1) > (later.month, later.day))
    last = calendar.monthrange(year, month)[1]
    if day is not None and day > last:
        return
    t.interval = (date(year, month, day or 1), date(year, month, day or last))
    t.value = f"{year:04d}" + t.value[4:]
    t.precision = "day" if day else "month"
    t.anchor = "absolute"


def opens_clause(text: str, start: int, conjunctions: Iterable[str] = ()) -> bool:
    """Does a clause open at `start`: nothing but punctuation or a line break before it, or a
    conjunction after a comma ("..., y dos días después otro agente murió")?"""
    before = text[:start].rstrip(" \t\"'«“")
    if not before or before[-1] in ".,;:!?\n(":
        return True
    head, _, last = before.rpartition(" ")
    return last.lower() in conjunctions and head.rstrip().endswith(",")


HEADING = re.compile(r"(?m)^[^\n.:;!?]{1,40}\n\n")   # a short line alone, no closing punctuation: a section title
APPOSED_END = re.compile(r"\s*(?:\.(?:\s|$)|$)")   # ", dos años antes." closing its sentence: an aside
CLAUSE_END = re.compile(r"\s*(?:[.;,]|$)")   # a step that closes its sentence: "fue liberado once días después."
PERIOD_PRECISIONS = ("quarter", "half", "year")   # periods a firm's accounts close ("el trimestre, cerrado el …")
DATELINE_AFTER = re.compile(r"\s*\([^()\n]{1,20}\)\s*[.-]")   # "28 jun (EFE).-": the date of a dateline


def _own_line(text: str, start: int, end: int) -> bool:
    """A date on a line of its own under a headline ("Lunes 21 de noviembre de 2011"): when it is the
    document's date, the paper's day, not the story's."""
    head = text[text.rfind("\n", 0, start) + 1:start]
    nl = text.find("\n", end)
    tail = text[end:nl if nl >= 0 else len(text)]
    return "\n" in text[:start] and not head.strip() and not tail.strip(" .\t\r")


_FIRST_WORD = re.compile(r"\w*")


def _proper_name(text: str, at: int) -> bool:
    """Is the word at `at` capitalised inside a sentence, a name rather than a verb ("Rusia e Irán": not
    the future of "ir")?"""
    word = text[at:at + 1]
    before = text[max(0, at - 3):at].rstrip()
    return word.isupper() and bool(before) and before[-1] not in ".!?:\"'«“(\n-—"


def _sentence_before(folded: str, start: int) -> str:
    """The folded text of the sentence before `start`, SINCE_REACH characters at most (the clause a date is in)."""
    return re.split(r"[.;!?]\s", folded[max(0, start - SINCE_REACH):start])[-1]


SENTENCE_END = re.compile(r"(?<!\s[A-ZÁÉÍÓÚÑ])[.;!?]\s")   # (not a name's initial: "George W. Bush propuso")


class TimeTagger:
    """Regex rules built from `lang/<language>/time.yaml`; picklable, no global state.

    `articles=True` starts every span at a preceding article ("el 7 de enero"),
    as the Spanish TimeBank annotators did; the default leaves calendar dates bare.
    `data` replaces `lang/<language>/time.yaml` (tests, new languages in the making).
    """

    def __init__(self, language: str = "es", *, articles: bool = False, data: Optional[dict] = None) -> None:
        self.language = language
        self.articles = articles
        self.lexicon = Lexicon.from_data(data if data is not None else load_language_data(language, "time"))
        self.rules: list[Rule] = build_rules(self.lexicon)
        self.helpers = build_helpers(self.lexicon)

    # ------------------------------------------------------------ matching
    def _candidates(self, text: str, folded: str, dct: Optional[date], cuts: list[int]) -> list[tuple]:
        ctx = Ctx(folded, dct, None, text=text)
        found = []
        for prio, rule in enumerate(self.rules):
            if rule.needs and not any(w in folded for w in rule.needs):
                continue
            handler = HANDLERS[rule.kind]
            for m in rule.regex.finditer(folded):
                s, e = self._span(rule, m)
                if e <= s or (cuts and bisect_right(cuts, s) != bisect_right(cuts, e - 1)) \
                        or self._names(text, folded, s, e):
                    continue
                if _safe(handler, m, ctx, self.lexicon) is not None:
                    found.append((s, e, prio, rule, m))
        return _longest_first(found)

    def _names(self, text: str, folded: str, s: int, e: int) -> bool:
        """A day number right after a noun that takes a name is that name ("la avenida 4 de Julio", "el Movimiento
        19 de Abril"), not a date; so is a capitalised month after such a noun and "de" ("la Plaza de Mayo"), and a
        day with a capitalised month after a feminine article ("la 9 de Julio", an avenue)."""
        first = _FIRST_WORD.match(folded, s).group()   # (\w* always matches)
        helpers, window, rest = self.helpers, max(0, s - 24), text[s:e].split()[1:]
        if first[:1].isdigit() or first in self.lexicon.numbers:
            return bool(helpers["name_head_before"].search(folded, window, s)) or (
                self._capitalised_month(rest) and bool(helpers["feminine_before"].search(folded, window, s)))
        if first in self.lexicon.words("of"):      # a match that opens on "de": "(de) Mayo"
            return bool(helpers["name_head_before"].search(folded, window, s)) and self._capitalised_month(rest[:1])
        return first in self.lexicon.months and text[s:s + 1].isupper() \
            and bool(helpers["name_head_of_before"].search(folded, window, s))

    def _capitalised_month(self, words: list[str]) -> bool:
        return any(w[:1].isupper() and fold(w) in self.lexicon.months for w in words)

    def _span(self, rule: Rule, m: re.Match) -> tuple[int, int]:
        """The expression's own span: context words ("hasta|la fecha") and, by default, articles left out."""
        s = m.start()
        gd = m.groupdict()
        if gd.get("skip"):
            s = m.end("skip")
        if rule.kind == "phrase" and gd.get("phrase"):
            pre = self.lexicon.phrase_skip.get(" ".join(m.group("phrase").split()))
            if pre:
                s = self._skip_words(m, s, len(pre.split()))
        art = gd.get("art")
        if art and not self.articles and not self._keeps_article(rule, m, art):
            s = m.end("art")
        return s, m.end()

    @staticmethod
    def _skip_words(m: re.Match, s: int, n: int) -> int:
        """The offset after n words (and the space after them) from s, inside the match."""
        text = m.string
        for _ in range(n):
            while s < m.end() and not text[s].isspace():
                s += 1
            while s < m.end() and text[s].isspace():
                s += 1
        return s

    def _keeps_article(self, rule: Rule, m: re.Match, art: str) -> bool:
        """Does the article belong to the expression in the default (bare calendar dates) style?"""
        gd, lx = m.groupdict(), self.lexicon
        head = m.string[m.end("art"):m.end()].split()
        if rule.kind in ("duration", "vague_duration"):   # "los últimos días", "estos cuatro años"
            return art.split()[0] in lx.words("plural_articles") + lx.words("plural_determiners")
        if rule.kind in ("date", "year", "weekday", "weekday_week", "weekday_num"):   # "el pasado 5 de octubre", "el mes de mayo"
            return bool(gd.get("rel1") or gd.get("rel2") or gd.get("part") or gd.get("pord")
                        or (head and head[0] in lx.words("month_word") + lx.words("year_word")))
        return rule.kind in ARTICLE_KINDS

    # ------------------------------------------------------------ tagging
    def tag(self, text: str, dct: Optional[date] = None, sentences: Optional[list[Span]] = None) -> list[Timex]:
        """Timexes in text order, non-overlapping; offsets are code points into `text`."""
        folded = fold(text)
        cuts = sorted(s.start for s in sentences) if sentences else []
        out: list[Timex] = []
        ref: Optional[date] = None
        ref_time: Optional[RefTime] = None
        ref_day: Optional[date] = None
        last_day: Optional[tuple[int, date]] = None   # (end, day) of the last day-precise timex
        ref_day_end: Optional[int] = None
        ref_month: Optional[date] = None
        told_abs: Optional[tuple[int, tuple[date, str]]] = None   # (end, (start, precision)), moving or not
        ref_end = -1   # where the timex that set the narrative reference ends
        last_abs: Optional[tuple[int, tuple[date, str]]] = None   # (end, (start, precision)) of an absolute date
        told_days: list[date] = []
        told_back: Optional[tuple[int, date]] = None   # (end, day) of a day told as a look back ("Los comicios
        # se celebraron el 27 de diciembre de 2007. Tres días después, …")
        told_nights: list[date] = []
        event_days: list[date] = []
        headings = [(h.start(), h.end()) for h in HEADING.finditer(text)] if dct is None else []
        lead_day: Optional[date] = None
        lead_ref: Optional[tuple[date, RefTime]] = None   # the narrative reference the lead day set
        background = False   # under a section heading that tells what came before ("Contexto")
        before_background: tuple[Optional[date], Optional[RefTime]] = (None, None)
        background_from = 0   # where that section begins
        first_end: Optional[date] = None   # the last day of the first date that moved the story
        for s, e, _, rule, m in self._candidates(text, folded, dct, cuts):
            if lead_ref is not None and headings and headings[0][0] <= s < headings[0][1]:
                ref, ref_time = lead_ref   # a date in a heading: "Otros atentados de ese año" is the lead's year
            while headings and headings[0][1] <= s:
                # a section heading of an encyclopedic text: the story is back at its lead's day
                # ("El 22 de marzo … Antecedentes … el 18 … Los atentados: Hacia las 7.58" is the 22nd)
                h0, at = headings.pop(0)
                was_background = background
                background = fold(text[h0:at]).strip() in self.lexicon.words("background_headings")
                if background and not was_background:
                    before_background = (ref, ref_time)
                    background_from = h0
                elif was_background and not background:
                    if self._story_resumes(ref, before_background[0]):
                        ref, ref_time = before_background
                        _close_section(out, background_from, h0)
                    if lead_day is not None:
                        told_days.append(lead_day)   # "Antecedentes … El atentado: Aquella tarde" is the lead's
                if lead_day is not None:
                    ref_day, ref_day_end = lead_day, at
            tense = self._tense(text, s, e)
            if tense is None and dct is not None:
                tense = self._far_tense(text, s, e, rule.kind, m)
            marked_past = self._marked_past(text, folded, s, tense, dct)
            if marked_past:
                tense = False   # "secuestrados el 7 de octubre", "había advertido el lunes que liberarían", "Joan
                # Gaspart, elegido el domingo, deberá …" (the participle dates the day, not the verb after it)
            if dct is not None and self.helpers["event_noun_before"].search(folded, max(0, s - 24), s):
                tense = False   # "los responsables de la explosión del viernes serán capturados": a day gone
            if self.helpers["since_before"].search(folded, max(0, s - 20), s) or (
                    rule.kind in SINCE_NOUN_KINDS and self.helpers["since_noun_before"].search(folded, max(0, s - 50), s)):
                # "que desde el jueves avanzan": the span began before; "ha prestado ... desde diciembre,
                # controlará": the verb the span runs from decides
                left = self._tense(text, s, e, left_only=True, left_reach=self._to_comma(text, s)) if tense is not None else None
                tense = False if left is None else left
                marked_past = marked_past or (tense is False and dct is not None and rule.kind in SINCE_NOUN_KINDS)
                # (in news, "desde febrero" told in December is the February gone, however far back)
            bound = self._bound(folded, s)
            future = tense is True or (bound in FUTURE_BOUNDS and not (tense is False and (
                self.helpers["pluperfect_before"].search(folded, max(0, s - 40), s) or (
                    bound == UNTIL and (self.helpers["negated_before"].search(folded, max(0, s - 60), s)
                                        or self.helpers["imperfect_before"].search(folded, max(0, s - 60), s)
                                        or self.helpers["lasting_before"].search(folded, max(0, s - 80), s))
                    and not self.helpers["perfect_word"].search(folded, max(0, s - 40), s)))))
            # ("había documentado hasta el domingo", "no anunció la operación hasta el jueves": a bound in a
            # pluperfect clause, or "no ... hasta" in a preterite one, looks back; not "decretó luto hasta el
            # lunes", "han dado vacaciones hasta el jueves")
            near = last_day[1] if last_day and self._same_sentence(folded, last_day[0], s, cuts) else None
            recent = ref_day if ref_day_end is not None and s - ref_day_end <= RECENT else None
            near_abs = last_abs[1] if last_abs and self._same_sentence(folded, last_abs[0], s, cuts) else None
            firm_past = tense is False and (marked_past or self._tense(text, s, e, clause=True) is False)
            look_back = dct is None and self._pluperfect_clause(folded, s, e)
            until_from = near if bound == UNTIL and tense is False and near is not None and (
                dct is None or near < dct) else None
            ctx = Ctx(folded, dct, ref, future=future, past=tense is False, ref_day=ref_day, text=text,
                      near_day=near, recent_day=recent, near_abs=near_abs, ref_time=ref_time, firm_past=firm_past,
                      ref_month=ref_month,
                      told_abs=told_abs[1] if told_abs and self._same_sentence(folded, told_abs[0], s, cuts) else None,
                      last_abs=told_abs[1] if told_abs and ref_end < told_abs[0] and s - told_abs[0] <= LAST_ABS_REACH
                      else None,
                      told_days=told_days, told_nights=told_nights, event_days=event_days, told=out,
                      look_back=look_back,
                      step_from=told_back[1] if told_back and ref_end < told_back[0] and s - told_back[0] <= LAST_ABS_REACH
                      and not self._same_sentence(folded, ref_end, told_back[0], cuts) else None,
                      day_after_ref=ref_day if ref_day_end is not None and ref_day_end > ref_end else None,
                      # (a date under a heading like "Antecedentes" is not after the story's first date)
                      not_after=first_end if background and dct is None else None, until_from=until_from)
            res = _safe(HANDLERS[rule.kind], m, ctx, self.lexicon)
            if res is None or res.type == "BLOCK":
                continue
            e = self._shift(res, rule, m, ctx, folded, e)
            for t in self._timexes(text, s, e, rule, m, res, folded):
                opened = bool(out) and self._yearless_start(out[-1], t, folded)
                if opened:
                    _give_year(out[-1], t.interval[0])   # "entre el 19 de junio y el 19 de agosto de 2007"
                if out and self._range_pair(out[-1], t, folded):
                    if opened:   # (a start that had no year could not move it: the story starts there now)
                        t.extra["story_at"] = out[-1].interval
                    else:
                        t.extra["moves_anchor"] = False    # "entre 2019 y 2020": the story starts at 2019
                if self._flashback(t, ref, dct, ctx) or self._flashforward(t, ref, dct, ctx) \
                        or self._since_clause(t, ref, folded) or self._news_background(t, dct, folded) \
                        or self._demanded(t, folded) or self._noun_date_after_day(t, out, folded, cuts) \
                        or self._period_end(t, out, folded):
                    t.extra["moves_anchor"] = False    # "al que mantenía desde su secuestro en enero de 1996"
                out.append(t)
                if t.precision == "day" and t.interval and t.interval[0] == t.interval[1]:
                    if t.extra.get("bound") != "since":   # ("acuartelados desde el martes … a primera hora
                        last_day = (t.span.end, t.interval[0])   # de la tarde": not Tuesday's afternoon)
                    if t.type != "DURATION" and not (t.extra.get("day_shift") and not t.extra.get("moves_anchor")) \
                            and not t.extra.get("aside"):
                        # ("terminó ciento veintiséis días después" names no day to point back to: "aquel martes"
                        # is the one told; nor does "que había inaugurado la víspera": "esa misma tarde" is the story's)
                        told_days.append(t.interval[0])
                    if self._reported(folded, t.span.start) or DATELINE_AFTER.match(folded, t.span.end) \
                            or (t.interval[0] == dct and _own_line(text, t.span.start, t.span.end)):
                        t.extra["reported"] = True   # the report's day ("informó hoy"), not the story's
                    else:
                        event_days.append(t.interval[0])
                    if t.type == "TIME" and t.value.endswith(NIGHT_VALUE):
                        told_nights.append(t.interval[0])
                if t.type == "DATE" and t.interval and t.precision in SETS_YEAR and (
                        t.anchor == "absolute" or t.precision == "year"):   # (or "desde principios de ese año")
                    told_abs = (t.span.end, (t.interval[0], t.precision))
                    told_back = (t.span.end, t.interval[0]) if t.precision == "day" and t.anchor == "absolute" \
                        and not t.extra.get("moves_anchor") and self._bound(folded, t.span.start) is None else None
                if t.extra.get("moves_anchor") and t.interval and t.anchor == "absolute" and t.precision in SETS_YEAR:
                    last_abs = (t.span.end, (t.interval[0], t.precision))
                # after "la noche del 7 al 8" the story stands on the 8th
                story = (t.interval[1], t.interval[1]) if t.extra.get("overnight") \
                    else t.extra.get("story_at") or t.interval
                if t.extra.get("moves_anchor") and t.interval:
                    ref, ref_end = story[0], t.span.end
                    first_end = first_end or t.interval[1]
                    ref_time = RefTime(story[0], story[1], t.precision,
                                       label(story, t.precision) if t.extra.get("shift") or story != t.interval
                                       else t.value)
                    if t.precision in FINE_PRECISIONS:
                        ref_month = t.interval[0]
                elif ref is None and dct is None and t.type == "DATE" and t.interval and t.precision in MOVING \
                        and t.extra.get("bound") in NON_MOVING_BOUNDS:
                    # before any date moves it, a narrative is where its first "desde" / "hasta" date is
                    # ("se prolongó desde junio de 2014 hasta octubre del año siguiente. … El 11 de junio")
                    ref, ref_time = t.interval[0], RefTime(t.interval[0], t.interval[1], t.precision, t.value)
                if (t.extra.get("moves_anchor") or t.type == "TIME") and t.interval and t.precision == "day" \
                        and not (t.extra.get("reported") and event_days) and not t.extra.get("small_hours") \
                        and not (dct and story[0] > dct and t.extra.get("bound")) \
                        and not (t.type == "TIME" and ref_day is not None and story[0] < ref_day
                                 and (t.extra.get("bound") or self._bound(folded, t.span.start)) == "since"):
                    # (a report's day is not the story's, nor a deadline after the report: "devolverá antes del
                    # 1 de diciembre … Horas antes de la firma"; a day ahead is: "El lunes … El mismo día"; nor the
                    # day a span began: "pese al toque de queda decretado a partir de las 19.00 del lunes")
                    ref_day, ref_day_end = story[0], t.span.end   # "a las seis de la mañana de ayer"
                    lead_day = lead_day or story[0]
                    if lead_ref is None and ref is not None and ref_time is not None:
                        lead_ref = (ref, ref_time)
        if background:   # a background section that a heading no date follows closes
            nxt = next((h0 for h0, at in headings
                        if fold(text[h0:at]).strip() not in self.lexicon.words("background_headings")), None)
            if nxt is not None and self._story_resumes(ref, before_background[0]):
                _close_section(out, background_from, nxt)
        self._share_year(out, folded)
        periods_by_months(out, text, folded, self.helpers["period_of_months"], self.helpers["range_join"], self.lexicon)
        told_periods(out, text, folded, self.helpers["told_period"], self.helpers["period_ending"], self.lexicon)
        fiscal_years(out, text, folded, self.helpers["fiscal_year"], self.helpers["fiscal_after"],
                     self.helpers["quarter_of_fiscal"])
        same_period(out, text, folded, self.helpers["same_period"])
        fiscal_counted(out)
        day_after(out, text, folded, self.helpers["day_gap"])
        parts_before_days(out, text, folded, self.helpers["part_before_day"], self.lexicon)
        clocks_before_days(out, folded, self.helpers["clock_day_gap"])
        weeks_of_days(out, text, folded, self.helpers["week_of_day"])
        elided_ages(out, text, folded, self.helpers["age_lead"], self.helpers["elided_age"])
        paired_decades(out, text, folded, self.helpers["decade_pair"], self.lexicon)
        weekdays_before_range_ends(out, folded, self.helpers["range_open"], self.helpers["range_join"],
                                   frozenset(self.lexicon.weekdays))
        self._mark_ranges(out, folded)
        period_lengths(out)
        return out

    def _reported(self, folded: str, start: int) -> bool:
        """Does a verb of reporting come right before the date ("informó hoy")? (A dateline's date,
        "KIEV, 28 jun (EFE).-", is the report's day too.)"""
        before = folded[max(0, start - 16):start].split()
        return bool(before) and before[-1] in self.lexicon.words("report_words")

    def _shift(self, res: Res, rule: Rule, m: re.Match, ctx: Ctx, folded: str, end: int) -> int:
        """'Un día antes', 'Dos días después' (not '... antes de las elecciones'): a step from the narrative.
        The shift word joins the span, as TimeBank-es annotates it ("pocos días después"); the new end."""
        if res.type != "DURATION" or rule.kind not in SHIFTABLE or any(m.groupdict().get(k) for k in NOT_SHIFTED):
            return end
        mk = self.helpers["shift"].match(folded, end)
        if mk is None:
            self._shift_from_named(res, ctx, folded, end, m.start())
            return end
        shift_duration(res, ctx, self.lexicon.duration_shifts[" ".join(mk.group("w").split())])
        opens = opens_clause(ctx.text, m.start(), self.lexicon.words("clause_conjunctions"))
        bounds_clause = opens or bool(CLAUSE_END.match(folded, mk.end()))
        if not (res.extra.get("shift") and res.interval and (bounds_clause or ctx.dct is None)):
            # (a narrative's step inside a clause, "la derrota sufrida un día antes", names its day as well)
            return mk.end()
        if DAY_STEP.fullmatch(res.value) and res.interval[0] == res.interval[1]:
            # "Tres días después, ...", "y, un día después, en Zaragoza", "fue liberado once días después.": the
            # day it steps to
            # (TimeBank-es: DATE; "un día después de que ...", "la derrota sufrida un día antes": DURATION)
            res.type, res.value = "DATE", res.interval[0].isoformat()
            if not bounds_clause:
                res.extra["aside"] = True   # (a narrative's step inside a clause: the story stays where it was)
        elif ctx.dct is None and LONG_STEP.fullmatch(res.value):
            # a narrative's "Nueve meses después, ...", "Dos años antes, ...": the month or year it steps to
            lo = res.interval[0]
            res.type, res.value = "DATE", (f"{lo.year:04d}-{lo.month:02d}" if res.value.endswith("M") else f"{lo.year:04d}")
            # "y Anthony falleció casi un mes después.", "desde la llegada al poder de X, dos años antes.": the
            # story stays (a step that opens a clause moves it: "Dos años antes, …")
            res.extra["aside"] = not opens or bool(APPOSED_END.match(folded, mk.end()))
        return mk.end()

    def _marked_past(self, text: str, folded: str, s: int, tense: Optional[bool], dct: Optional[date]) -> bool:
        """Does the text right before the date mark it as past, whatever verb is nearest? A past participle ("secuestrados
        el 7 de octubre"; over a later verb too, "Joan Gaspart, elegido el domingo, deberá …", unless a passive ahead,
        "será elegido el domingo"), a perfect ("había advertido el lunes que …"), or, in news, a pluperfect earlier in
        the date's stretch of clause ("que ya había sido el más votado en la primera vuelta del 13 de diciembre")."""
        participle = self.helpers["participle_before"].search(folded, max(0, s - 40), s)
        if participle and (tense is None or (text[participle.start()].islower() and not self.helpers[
                "passive_ahead"].search(folded, max(0, s - 60), participle.start()))):
            return True
        return bool(self.helpers["perfect_before"].search(folded, max(0, s - 40), s) or (
            dct is not None and self.helpers["pluperfect_in_clause"].search(folded, max(0, s - 80), s)))

    def _yearless_start(self, a: Timex, b: Timex, folded: str) -> bool:
        """Is `a` a yearless first end of a range whose second end `b` tells the year ("entre el 19 de junio y el
        19 de agosto de 2007")?"""
        return _yearless(a) and b.anchor == "absolute" and b.precision in ("day", "month") and b.interval is not None \
            and bool(self.helpers["range_join"].match(folded[a.span.end:b.span.start])) \
            and bool(self.helpers["range_open"].search(folded, max(0, a.span.start - 20), a.span.start))

    def _shift_from_named(self, res: Res, ctx: Ctx, folded: str, end: int, start: int) -> None:
        """'Doce días después de la caída de Salma': the duration keeps its span and value (TimeBank-es marks
        "N días después de …" as a DURATION), and points at the day it steps to from the happening it names, when
        the text told that happening's day ("tomó Salma el 12 de enero"): the day the events it dates are on."""
        mk = self.helpers["shift_of"].match(folded, end)
        day = rr.day_of_named(ctx, self.lexicon, mk.end("w"), start) if mk else None
        if day is None:
            return
        sign = 1 if self.lexicon.duration_shifts[" ".join(mk.group("w").split())] == AFTER else -1
        got = shifted_interval(RefTime(day, day, "day", day.isoformat()), res.value, sign)
        if got is not None:
            res.interval, res.precision = got
            res.anchor = "narrative"
            res.extra.update(shift=AFTER if sign > 0 else BEFORE, shifted_from=day.isoformat())

    def _share_year(self, out: list[Timex], folded: str) -> None:
        """'entre enero y marzo de 1998', 'el 30 de diciembre y el 2 de enero de 2017': the first end
        takes its year from the second (the year before, when its month comes later)."""
        for a, b in zip(out, out[1:]):
            if _yearless(a) and b.anchor == "absolute" and b.precision in ("day", "month") and b.interval \
                    and self.helpers["range_join"].match(folded[a.span.end:b.span.start]):
                _give_year(a, b.interval[0])   # 'julio y agosto de 2017' with nothing before to anchor 'julio'
                continue
            if (a.type != "DATE" or b.type != "DATE" or a.anchor not in ("dct", "narrative") or not _year_told(b)
                    or a.precision not in ("day", "month") or b.precision not in ("day", "month")
                    or not a.interval or not b.interval or a.rule not in ("date", "range_days") or a.extra.get("part")
                    or not self.helpers["range_join"].match(folded[a.span.end:b.span.start])):
                continue
            lo, hi = a.interval
            y = b.interval[0].year - ((lo.month, lo.day) > (b.interval[0].month, b.interval[0].day))
            if y == lo.year:
                continue
            try:
                a.interval = (lo.replace(year=y), hi.replace(year=y))
            except ValueError:   # 29 February
                continue
            a.value = f"{y:04d}" + a.value[4:]
            a.anchor = "absolute"

    def _timexes(self, text: str, s: int, e: int, rule: Rule, m: re.Match, res: Res, folded: str) -> list[Timex]:
        first = res.extra.pop("range_first", None)
        parts = [(s, e, res)]
        if first is not None:
            parts = [(m.start("d1"), m.end("d1"), first), (m.start("d2"), e, res)]
        out = []
        for ps, pe, r in parts:
            bound = self._bound(folded, ps)
            if bound and r.type == "DATE":
                r.extra["bound"] = bound
            # (a coarse "hace casi cuatro semanas" in a news story is background, not where it moves)
            r.extra["moves_anchor"] = moves_anchor(r) and not (r.anchor == "dct" and rule.kind == "ago"
                                                               and r.precision != "day") \
                and not self._compared(folded, ps)
            out.append(Timex(span=Span(ps, pe, text[ps:pe]), type=r.type, value=r.value, mod=r.mod,
                             interval=r.interval, precision=r.precision, anchor=r.anchor,
                             rule=rule.name, extra=r.extra))
        return out

    def _compared(self, folded: str, start: int) -> bool:
        """'frente al mismo periodo del año anterior': a year told to compare with is no step of the story
        ('los del trimestre anterior' that follows counts from the period the story is at)."""
        return self.helpers["same_period"].search(folded, max(0, start - 40), start) is not None

    @staticmethod
    def _story_resumes(ref: Optional[date], before: Optional[date]) -> bool:
        """Leaving a background section: does the story go on where it was before it, the background having told
        a time well before the story's ("en otoño de 2017 … Antecedentes: … el año anterior … Primera fase: el
        21 de septiembre" is 2017's) or one well after it, an aim or a sequel ("febrero de 2008 … Origen: …
        presentarse de nuevo en 2011 … Desarrollo: El sábado 23 de febrero" is 2008's)?"""
        return before is not None and ref is not None and (ref < before - timedelta(days=BACKGROUND_GAP_DAYS)
                                                           or ref > before + timedelta(days=SEQUEL_GAP_DAYS))

    @staticmethod
    def _flashback(t: Timex, ref: Optional[date], dct: Optional[date], ctx: Ctx) -> bool:
        """In a narrative without a dct, an absolute date told inside a sentence that lies wholly before
        the story's date is background: the story stays where it was (so is a month of the year told back,
        "pese al acuerdo firmado en enero de ese año"); not a date a paragraph opens on, outside a background
        section and a pluperfect ("Ofensiva gubernamental\n\nA principios de marzo de 2016, las fuerzas lanzaron"):
        the story starts again there."""
        return (dct is None and ref is not None and (t.anchor == "absolute" or t.extra.get("year_told_back")
                                                     or ctx.look_back)   # ("que había estallado en abril")
                and t.interval is not None and t.interval[1] < ref and ctx.mid_sentence(t.span.start)
                and not (ctx.opens_paragraph(t.span.start) and not ctx.look_back and ctx.not_after is None))

    @staticmethod
    def _flashforward(t: Timex, ref: Optional[date], dct: Optional[date], ctx: Ctx) -> bool:
        """... and a bare year told inside a sentence years after the story's date is an aside ("La
        Comisión de la Verdad identificó en 1993 a más de 500 víctimas"): "Seis semanas después" still
        counts from the story."""
        opening = re.split(r"[.!?:\n]", ctx.text[max(0, t.span.start - 60):t.span.start])[-1].split()
        if dct is None and ref is not None and t.anchor == "narrative" and t.precision == "year" \
                and t.interval is not None and t.interval[0] > ref and len(opening) > 1:
            return True   # "una misión de la ONU pidió al año siguiente que …": a sequel told in passing
        return (dct is None and ref is not None and t.anchor == "absolute" and t.precision == "year"
                and t.interval is not None and t.interval[0].year - ref.year >= FAR_AHEAD_YEARS
                and len(opening) > 1)   # (not "En 1993, la Comisión ...": the story moves on)

    def _since_clause(self, t: Timex, ref: Optional[date], folded: str) -> bool:
        """'el ataque más letal desde que Peña Nieto llegó a la Presidencia, en diciembre de 2012': a date
        before the story's, in a clause opened by 'desde que', is what the story is measured against."""
        if ref is None or t.interval is None or t.interval[1] >= ref:
            return False
        left = _sentence_before(folded, t.span.start)
        return bool(self.helpers["since_clause"].search(left))

    def _demanded(self, t: Timex, folded: str) -> bool:
        """'para exigir que las elecciones se adelantaran a la primavera': a time someone demands, not the story's."""
        left = _sentence_before(folded, t.span.start)
        return bool(self.helpers["demanded"].search(left))

    def _news_background(self, t: Timex, dct: Optional[date], folded: str) -> bool:
        """In news, a date over a year before the dct in a clause opened by "donde", "cuando" ... ("tropas
        en Somalia, donde el Ejército entró en octubre de 2011"), or that a span runs from ("la jornada más
        sangrienta desde la guerra de 2014"), is background: the story stays."""
        if dct is None or t.interval is None or (dct - t.interval[1]).days <= BACKGROUND_DAYS:
            return False
        left = _sentence_before(folded, t.span.start)
        return bool(self.helpers["background_clause"].search(left) or self.helpers["since_in_clause"].search(left))

    def _noun_date_after_day(self, t: Timex, out: list[Timex], folded: str, cuts: list[int]) -> bool:
        """'murieron ayer …, en la jornada más sangrienta contra el golpe de Estado del mes pasado': a month or
        year after "de" that only dates a noun, in a sentence whose event a day already dated, is no step of
        the story (the next sentences stay on that day)."""
        if t.precision not in ("month", "year") or not t.interval:
            return False
        day = next((x for x in reversed(out) if x.precision == "day" and x.extra.get("moves_anchor")), None)
        if day is None or not self._same_sentence(folded, day.span.end, t.span.start, cuts):
            return False
        of = self.lexicon.words("of")
        before = folded[max(0, t.span.start - 8):t.span.start].split()
        return folded[t.span.start:t.span.end].split()[0] in of or (bool(before) and before[-1] in of)

    def _period_end(self, t: Timex, out: list[Timex], folded: str) -> bool:
        """'su cuarto trimestre fiscal, cerrado el 26 de septiembre, frente a los 101 millones del trimestre
        anterior': the day a period told just before ended leaves the story in that period."""
        p = out[-1] if out else None
        return p is not None and t.precision == "day" and p.precision in PERIOD_PRECISIONS \
            and self.helpers["period_end_gap"].fullmatch(folded, p.span.end, t.span.start) is not None

    @staticmethod
    def _same_sentence(folded: str, a: int, b: int, cuts: list[int]) -> bool:
        """Is there no sentence end between offsets a and b?"""
        if cuts and bisect_right(cuts, a) != bisect_right(cuts, b):
            return False
        return SENTENCE_END.search(folded, a, b) is None

    def _bound(self, folded: str, start: int) -> Optional[str]:
        """'para', 'desde', 'hasta' ... right before `start` (an article may sit between)."""
        m = self.helpers["bound"].search(folded, max(0, start - 30), start)
        return self.lexicon.bounds[" ".join(m.group("b").split())] if m else None

    def _tense(self, text: str, s: int, e: int, clause: bool = False, left_only: bool = False,
               reach: int = 0, left_reach: int = 0) -> Optional[bool]:
        """Is the nearest tense marker of the sentence around [s, e) a future (True) or past (False) one?
        `clause`: look only inside the date's own clause (up to ", lo que ..."); `left_only`: only before it;
        `reach`, `left_reach`: characters after and before it read (CONTEXT by default)."""
        left, right = self._sides(text, s, e, clause, left_only, reach, left_reach)
        right = self.helpers["coordinated_clause"].split(right, 1)[0]   # "tomó la decisión en diciembre y que no
        # firmará": the next "y que" clause's verb is not the date's
        best: tuple[int, Optional[bool]] = (max(CONTEXT, reach, left_reach) * 2, None)
        if any(left.endswith(b) or BOUND_GAP.fullmatch(left, left.rfind(b) + len(b)) for b in
               self.lexicon.words("bound_markers") if b in left):
            left = ""   # "decretó tres días de luto a partir del sábado": the verb before dates the decree, not the day
        for key, is_future in (("future", True), ("past", False)):
            for mk in self.helpers[key].finditer(left):
                if not _proper_name(text, s - len(left) + mk.start()):
                    best = min(best, (len(left) - mk.end(), is_future), key=lambda b: b[0])
            for mk in self.helpers[key].finditer(right):
                if not _proper_name(text, e + mk.start()):
                    best = min(best, (mk.start(), is_future), key=lambda b: b[0])
        return best[1]

    @staticmethod
    def _to_comma(text: str, s: int) -> int:
        """How far back the date's own stretch of the sentence goes: to the comma before it, if one is near
        ("La dirigirá Anderson, consejero delegado desde septiembre": the apposition has no verb of its own)."""
        comma = text.rfind(",", max(0, s - CONTEXT), s)
        return max(1, s - comma - 1) if comma >= 0 else 0

    def _far_tense(self, text: str, s: int, e: int, kind: str, m: re.Match) -> Optional[bool]:
        """In news, a bare weekday (or a clock time or part of day with its weekday) whose sentence shows no tense
        near it reads the tense further off: after it ("El lunes, un suicida de Jamaat ul Ahrar, una facción de
        Tehrik-e-Taliban Pakistan (TTP), se inmoló"), then before it too ("abrió fuego con un revólver y atacó con
        un cuchillo a los paseantes … hacia las 19.50 del martes")."""
        weekday_inside = kind in DAY_TIME_KINDS and (m.groupdict().get("wd") or m.groupdict().get("awd"))
        if kind not in FAR_TENSE_KINDS and not weekday_inside:
            return None
        tense = self._tense(text, s, e, reach=CONTEXT_FAR)
        return tense if tense is not None else self._tense(text, s, e, reach=CONTEXT_FAR, left_reach=CONTEXT_FAR)

    def _sides(self, text: str, s: int, e: int, clause: bool = False, left_only: bool = False,
               reach: int = 0, left_reach: int = 0) -> tuple[str, str]:
        """The lower-cased text of the sentence before and after [s, e), CONTEXT (or `reach` after,
        `left_reach` before) characters at most; `clause`: of the date's own clause only; `left_only`:
        nothing after it."""
        left = SENTENCE_END.split(text[max(0, s - (left_reach or CONTEXT)):s])[-1].lower()
        right = "" if left_only else SENTENCE_END.split(text[e:e + (reach or CONTEXT)])[0].lower()
        if clause:
            left = self.helpers["clause_break"].split(left)[-1]
            right = self.helpers["clause_break"].split(right)[0]
        return left, right

    def _pluperfect_clause(self, folded: str, s: int, e: int) -> bool:
        """Does the date's own clause have a pluperfect ("el 21 de octubre, trece gendarmes habían muerto")?"""
        left, right = self._sides(folded, s, e, clause=True)
        return bool(self.helpers["pluperfect_word"].search(left + " " + right))

    def _range_pair(self, a: Timex, b: Timex, folded: str) -> bool:
        """Are dates a and b the two ends of one range ('entre mayo y junio', 'de 2019 a 2020')?"""
        if a.type != "DATE" or b.type != "DATE" or not a.interval or not b.interval or b.interval[1] < a.interval[0]:
            return False
        join = self.helpers["range_join"].match(folded[a.span.end:b.span.start])
        opener = self.helpers["range_open"].search(folded, max(0, a.span.start - 20), a.span.start)
        if not (join and opener):
            return False
        # "desde el 30 de septiembre y el 16 de octubre emprendió …": "desde" is closed by "hasta", not by "y"
        lx = self.lexicon
        return not (opener.group().split()[0] in lx.words("open_range_openers")
                    and join.group().split()[0] not in lx.words("closing_range_joiners"))

    def _mark_ranges(self, out: list[Timex], folded: str) -> None:
        """'entre mayo y junio', 'de enero a marzo': both ends learn the whole interval."""
        for a, b in zip(out, out[1:]):
            if "range" not in a.extra and self._range_pair(a, b, folded):
                a.extra.update(range=(a.interval[0], b.interval[1]), range_role="start")
                b.extra.update(range=(a.interval[0], b.interval[1]), range_role="end")
