"""When: the event's interval of days from its clause's timex, the sentence's, or the narrative."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from cronica.events.syntax import token_at, tree_distance
from cronica.model import Span, Timex

BY_WINDOW = timedelta(days=21)          # "para el 7 de enero": at most ~3 weeks before
REPORTED_PLUPERFECT = timedelta(days=7)  # "el 4 de febrero se informa que habían iniciado"


def contract_precision(p: Optional[str]) -> Optional[str]:
    """The contract's four levels: day, week, month, year (quarters, seasons, decades -> year)."""
    if p is None:
        return None
    return p if p in ("day", "week", "month", "year") else "year"


@dataclass(frozen=True)
class When:
    start: date
    end: date
    precision: Optional[str]
    source: str            # clause, sentence, completion, narrative
    rule: str


DATED_TYPES = ("DATE", "TIME")          # "la noche del lunes" (2014-04-14TNI) dates an event too


def dates_an_event(t: Timex) -> bool:
    """A resolved DATE or TIME, or a duration told as a step from the narrative ("Un día antes, ...":
    a DURATION P1D whose interval is the day before the reference, extra["shift"])."""
    return t.interval is not None and (t.type in DATED_TYPES or bool((t.extra or {}).get("shift")))


def dated(timexes: list[Timex]) -> list[Timex]:
    return sorted((t for t in timexes if dates_an_event(t)), key=lambda t: t.span.start)


def reference_before(timexes: list[Timex], offset: int) -> Optional[Timex]:
    """The narrative reference time before `offset` (cronica.time's when available)."""
    try:
        from cronica.time import reference_date
        ref = reference_date(timexes, offset)
        if ref is not None and ref.interval:
            return ref
    except ImportError:
        pass
    before = [t for t in dated(timexes) if t.span.end <= offset]
    return before[-1] if before else None


def reference_after(timexes: list[Timex], offset: int) -> Optional[Timex]:
    after = [t for t in dated(timexes) if t.span.start >= offset and not t.extra.get("bound")]
    return after[0] if after else None


def _precision(start: date, end: date, default: Optional[str]) -> str:
    width = (end - start).days
    if width == 0:
        return "day"
    if width <= 7:
        return "week"
    if width <= 31:
        return "month"
    return default or "year"


def interval_of(tx: Timex, timexes: list[Timex], sentence: Span, *, pluperfect: bool, reported: bool,
                dct: Optional[date] = None) -> When:
    start, end = tx.interval
    bound = (tx.extra or {}).get("bound")
    if bound == "by":
        ref = reference_before(timexes, tx.span.start)
        lo = end - BY_WINDOW
        if ref is not None and ref.interval[0] < end:
            lo = max(lo, ref.interval[0]) if ref.interval[0] >= end - timedelta(days=62) else lo
        return When(lo, end, _precision(lo, end, tx.precision), "clause", f"date: by '{tx.span.text}' -> from {lo}")
    if bound == "since":
        nxt = reference_after(timexes, sentence.end)
        hi = nxt.interval[1] if nxt is not None and nxt.interval[1] > start else _until_report(start, end, dct)
        return When(start, hi, _precision(start, hi, tx.precision), "clause",
                    f"date: since '{tx.span.text}' until next reference {hi}")
    if reported and pluperfect and tx.precision == "day":
        lo = start - REPORTED_PLUPERFECT
        return When(lo, end, "week", "clause", f"date: before the report of '{tx.span.text}'")
    shift = (tx.extra or {}).get("shift")   # "Un día antes": the day before the reference
    how = f" {shift} {tx.extra.get('shifted_from')}" if shift else ""
    return When(start, end, tx.precision or _precision(start, end, None), "clause",
                f"date: '{tx.span.text}'{how} ({tx.rule})")


def _until_report(start: date, end: date, dct: Optional[date]) -> date:
    """'desde el jueves … han causado': with no later reference, the period runs to the report's date
    (when that is within a month: a longer span is no event date)."""
    if dct is not None and end <= dct <= start + timedelta(days=31):
        return dct
    return end


def choose_timex(trigger, sent_timexes: list[Timex], sdoc, within=None) -> Optional[Timex]:
    """The DATE timex nearest the trigger in the tree (ties: in the text); `within` restricts to a subtree."""
    best, best_key = None, None
    allowed = {t.i for t in within.subtree} if within is not None else None
    for tx in sent_timexes:
        tok = token_at(sdoc, tx.span.start, tx.span.end)
        if tok is None or (allowed is not None and tok.i not in allowed):
            continue
        key = (tree_distance(trigger, tok), abs(tok.i - trigger.i))
        if best_key is None or key < best_key:
            best, best_key = tx, key
    return best


def _with_coordinated(when: When, tx: Timex, in_sent: list[Timex], sdoc) -> When:
    """'durante julio y agosto', 'entre el 25 y el 27 de julio': one interval over both dates."""
    root = token_at(sdoc, tx.span.start, tx.span.end)
    if root is None:
        return when
    for other in in_sent:
        tok = token_at(sdoc, other.span.start, other.span.end)
        if other is tx or tok is None or not (tok.head.i == root.i or root.head.i == tok.i):
            continue
        if "conj" in (tok.dep_, root.dep_):
            lo, hi = min(when.start, other.interval[0]), max(when.end, other.interval[1])
            return When(lo, hi, _precision(lo, hi, when.precision), when.source,
                        f"{when.rule} + '{other.span.text}' (coordinated)")
    return when


def when_for(trigger, sentence: Span, timexes: list[Timex], sdoc, *, completion=None,
             pluperfect: bool = False, reported: bool = False, dct: Optional[date] = None) -> Optional[When]:
    in_sent = [t for t in dated(timexes) if sentence.start <= t.span.start < sentence.end]
    tx = choose_timex(trigger, in_sent, sdoc, within=completion) if completion is not None else None
    if tx is None:
        tx = choose_timex(trigger, in_sent, sdoc)
    if tx is not None:
        when = interval_of(tx, timexes, sentence, pluperfect=pluperfect, reported=reported, dct=dct)
        return _with_coordinated(when, tx, in_sent, sdoc)
    ref = reference_before(timexes, sentence.start)
    if ref is None:
        return None
    s, e = ref.interval
    return When(s, e, ref.precision or _precision(s, e, None), "narrative",
                f"date: narrative reference '{ref.span.text}'")
