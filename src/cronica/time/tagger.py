"""TimeTagger: find temporal expressions and normalise them (TIMEX3 value + day interval)."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Callable, Optional

from cronica.lang import load_language_data
from cronica.model import Span, Timex
from cronica.time import resolve_dates as rd
from cronica.time import resolve_misc as rm
from cronica.time import resolve_rel as rr
from cronica.time.anchor import Ctx, Res, moves_anchor
from cronica.time.lexicon import Lexicon, fold
from cronica.time.patterns import Rule, build_helpers, build_rules

Handler = Callable[[re.Match, Ctx, Lexicon], Optional[Res]]
HANDLERS: dict[str, Handler] = {
    "date": rd.resolve_date, "numeric": rd.resolve_numeric, "year": rd.resolve_year,
    "season": rd.resolve_season, "decade": rd.resolve_decade, "century": rd.resolve_century,
    "rel_unit": rr.resolve_rel_unit, "ordinal_unit": rr.resolve_ordinal_unit,
    "weekday": rr.resolve_weekday, "weekday_set": rr.resolve_weekday_set,
    "deictic_day": rr.resolve_deictic_day, "deictic_time": rr.resolve_deictic_time, "ago": rr.resolve_ago,
    "duration": rm.resolve_duration, "vague_duration": rm.resolve_vague_duration, "set": rm.resolve_set,
    "clock": rm.resolve_clock, "phrase": rm.resolve_phrase, "range_days": rm.resolve_range_days,
}
# kinds whose leading article belongs to the expression ("la semana pasada", "los últimos días")
ARTICLE_KINDS = {"rel_unit", "ordinal_unit", "deictic_day", "clock", "duration", "vague_duration", "weekday"}
CONTEXT = 80  # characters around a match searched for tense markers


class TimeTagger:
    """Regex rules built from `lang/<language>/time.yaml`; picklable, no global state.

    `articles=True` starts every span at a preceding article ("el 7 de enero"),
    as the Spanish TimeBank annotators did; the default leaves calendar dates bare.
    """

    def __init__(self, language: str = "es", *, articles: bool = False) -> None:
        self.language = language
        self.articles = articles
        self.lexicon = Lexicon.from_data(load_language_data(language, "time"))
        self.rules: list[Rule] = build_rules(self.lexicon)
        self.helpers = build_helpers(self.lexicon)

    # ------------------------------------------------------------ matching
    def _candidates(self, folded: str, dct: Optional[date], cuts: list[int]) -> list[tuple]:
        ctx = Ctx(folded, dct, None)
        found = []
        for prio, rule in enumerate(self.rules):
            handler = HANDLERS[rule.kind]
            for m in rule.regex.finditer(folded):
                s, e = self._span(rule, m)
                if e <= s or (cuts and bisect_right(cuts, s) != bisect_right(cuts, e - 1)):
                    continue
                if handler(m, ctx, self.lexicon) is not None:
                    found.append((s, e, prio, rule, m))
        found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        chosen: list[tuple] = []
        taken: list[tuple[int, int]] = []
        for c in found:
            if all(c[1] <= a or c[0] >= b for a, b in taken):
                chosen.append(c)
                taken.append((c[0], c[1]))
        return sorted(chosen, key=lambda c: c[0])

    def _span(self, rule: Rule, m: re.Match) -> tuple[int, int]:
        s = m.start()
        try:
            art = m.group("art")
        except IndexError:
            art = None
        if art and not self.articles:
            keep = rule.kind in ARTICLE_KINDS
            if rule.kind == "weekday":
                keep = bool(m.group("rel1") or m.group("rel2"))
            if rule.kind in ("duration", "vague_duration"):
                keep = art.split()[0] in ("los", "las")
            if not keep:
                s = m.end("art")
        return s, m.end()

    # ------------------------------------------------------------ tagging
    def tag(self, text: str, dct: Optional[date] = None, sentences: Optional[list[Span]] = None) -> list[Timex]:
        """Timexes in text order, non-overlapping; offsets are code points into `text`."""
        folded = fold(text)
        cuts = sorted(s.start for s in sentences) if sentences else []
        out: list[Timex] = []
        ref: Optional[date] = None
        for s, e, _, rule, m in self._candidates(folded, dct, cuts):
            ctx = Ctx(folded, dct, ref, future=self._future(folded, s, e))
            res = HANDLERS[rule.kind](m, ctx, self.lexicon)
            if res is None:
                continue
            for t in self._timexes(text, s, e, rule, m, res, folded):
                out.append(t)
                if t.extra.get("moves_anchor") and t.interval:
                    ref = t.interval[0]
        self._mark_ranges(out, folded)
        return out

    def _timexes(self, text: str, s: int, e: int, rule: Rule, m: re.Match, res: Res, folded: str) -> list[Timex]:
        first = res.extra.pop("range_first", None)
        parts = [(s, e, res)]
        if first is not None:
            parts = [(m.start("d1"), m.end("d1"), first), (m.start("d2"), e, res)]
        out = []
        for ps, pe, r in parts:
            bound = self.helpers["bound"].search(folded, max(0, ps - 30), ps)
            if bound and r.type == "DATE":
                r.extra["bound"] = self.lexicon.bounds[" ".join(bound.group("b").split())]
            r.extra["moves_anchor"] = moves_anchor(r) and r.anchor != "dct"
            out.append(Timex(span=Span(ps, pe, text[ps:pe]), type=r.type, value=r.value, mod=r.mod,
                             interval=r.interval, precision=r.precision, anchor=r.anchor,
                             rule=rule.name, extra=r.extra))
        return out

    def _future(self, folded: str, s: int, e: int) -> bool:
        lo, hi = max(0, s - CONTEXT), min(len(folded), e + CONTEXT)
        window = re.split(r"[.;!?]\s", folded[lo:hi])
        rel = s - lo
        pos = 0
        for chunk in window:   # the sentence chunk holding the match
            if pos <= rel <= pos + len(chunk) + 2:
                return bool(self.helpers["future"].search(chunk))
            pos += len(chunk) + 2
        return False

    def _mark_ranges(self, out: list[Timex], folded: str) -> None:
        """'entre mayo y junio', 'de enero a marzo': both ends learn the whole interval."""
        for a, b in zip(out, out[1:]):
            if a.type != "DATE" or b.type != "DATE" or not a.interval or not b.interval:
                continue
            if "range" in a.extra or b.interval[1] < a.interval[0]:
                continue
            between = folded[a.span.end:b.span.start]
            if self.helpers["range_join"].match(between) and self.helpers["range_open"].search(
                    folded, max(0, a.span.start - 20), a.span.start):
                a.extra.update(range=(a.interval[0], b.interval[1]), range_role="start")
                b.extra.update(range=(a.interval[0], b.interval[1]), range_role="end")
