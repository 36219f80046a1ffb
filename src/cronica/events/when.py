"""When: the event's interval of days from its clause's timex, the sentence's, or the narrative."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from cronica.events.syntax import (SUBORDINATE, ancestors, case_of, clause_verb, coordinated, keys, other_clause,
                                    token_at, tree_distance)
from cronica.model import Span, Timex
from cronica.text.normalize import fold

BY_WINDOW = timedelta(days=21)          # "para el 7 de enero": at most ~3 weeks before
REPORTED_PLUPERFECT = timedelta(days=7)  # "el 4 de febrero se informa que habían iniciado"
ANCHOR_DISTANCE = 3                     # "las elecciones se celebraron el 5 de marzo": the noun near its date
NOMINAL = ("NOUN", "PROPN")
# A vague count told from another event's date ("horas antes", "pocos días después"): how far it reaches,
# by the TIMEX3 unit (H hours, D days, W weeks); months and years are no date.
VAGUE_WINDOWS = {"H": timedelta(days=1), "D": timedelta(days=7), "W": timedelta(days=31)}


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


COUNTED_BACK = "counted back from the main clause"   # provenance of a date told as "un día después de ser …"
APPOSED_GAP = 7                         # characters between a step and the date it is apposed to (": el ")
DATED_TYPES = ("DATE", "TIME")          # "la noche del lunes" (2014-04-14TNI) dates an event too
_WORD = re.compile(r"\w+")                # the first word after a date


def dates_an_event(t: Timex) -> bool:
    """A resolved DATE or TIME, or a duration told as a step from the narrative ("Un día antes, ...":
    a DURATION P1D whose interval is the day before the reference, extra["shift"])."""
    return t.interval is not None and (t.type in DATED_TYPES or bool((t.extra or {}).get("shift")))


def _told_next(sentence: Span, timexes: list[Timex], sdoc, occur_verbs: frozenset[str],
               occur_subjects: frozenset[str] = frozenset()) -> Optional[Timex]:
    """'El ataque al cuartel de Monte Chingolo … fue la mayor operación del ERP. Se produjo el 23 de diciembre
    de 1975': an undated event, with no date told before it, takes the date of the next sentence when that
    sentence only tells when something happened (its verb is one of occurring, its subject left unsaid or a
    word for what happened: "Los hechos ocurrieron el pasado martes")."""
    nxt = next((s for s in sdoc.sents if s.start_char >= sentence.end and s.text.strip()), None)   # (not a blank line)
    if nxt is None or not occur_verbs:
        return None
    root = nxt.root
    if not (keys(root) & occur_verbs) or any(c.dep_.startswith("nsubj") and fold(c.text) not in occur_subjects
                                             for c in root.children):
        return None
    return next((t for t in dated(timexes) if nxt.start_char <= t.span.start < nxt.end_char), None)


def _told_then(told: Timex) -> When:
    s, e = told.interval
    return When(s, e, told.precision or _precision(s, e, None), "sentence",
                f"date: '{told.span.text}', the next sentence tells when it happened")


def dated(timexes: list[Timex]) -> list[Timex]:
    return sorted((t for t in timexes if dates_an_event(t)), key=lambda t: t.span.start)


def reference_before(timexes: list[Timex], offset: int) -> Optional[Timex]:
    """The narrative reference time before `offset`: a report's day ("informó hoy") only when the story
    told no day of its own."""
    story = [t for t in timexes if not t.extra.get("reported")]
    return _reference_before(story, offset) or _reference_before(timexes, offset)


def _reference_before(timexes: list[Timex], offset: int) -> Optional[Timex]:
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


def choose_timex(trigger, sent_timexes: list[Timex], sdoc, within=None,
                 plain_marks: frozenset[str] = frozenset(), adverbial: frozenset[str] = frozenset()) -> Optional[Timex]:
    """The DATE timex nearest the trigger in the tree (ties: in the text); `within` restricts to a subtree."""
    best, best_key = None, None
    allowed = {t.i for t in within.subtree} if within is not None else None
    told_of = _relative_of(trigger)
    for tx in sent_timexes:
        tok = token_at(sdoc, tx.span.start, tx.span.end)
        if tok is None or (allowed is not None and tok.i not in allowed):
            continue
        if tok.i in told_of or _opens_own_clause(tx, trigger, sdoc):
            # "el ataque que el PKK lanzó ayer": the event noun's own relative clause dates it; "…, y cinco días
            # más tarde soldados del batallón Atlacatl asesinaron": so does the date opening the trigger's clause
            key = (0, abs(tok.i - trigger.i))
        elif other_clause(tok, trigger, plain_marks=plain_marks, adverbial=adverbial) == SUBORDINATE \
                or _next_subject_clause(tok, trigger) or _opens_next_clause(tx, trigger, sdoc):
            continue   # (a date of another clause dates that clause's verb)
        else:
            key = (tree_distance(trigger, tok) + 1, abs(tok.i - trigger.i))
        if best_key is None or key < best_key:
            best, best_key = tx, key
    return best


def _next_subject_clause(tok, trigger) -> bool:
    """'el PKK reivindicó el asesinato …, y la noche del 24 al 25 la aviación turca bombardeó …': a date in a
    later coordinated clause with a subject of its own dates that clause, not the trigger's."""
    verb, mine = clause_verb(tok), clause_verb(trigger)
    return verb.i > mine.i and trigger.i < verb.left_edge.i and coordinated(verb, mine) \
        and any(c.dep_.startswith("nsubj") for c in verb.children) and any(c.dep_ == "cc" for c in verb.children)


def _opens_next_clause(tx: Timex, trigger, sdoc) -> bool:
    """'…, y la noche del 24 al 25 de julio la aviación turca bombardeó …': a date right before the subject of a
    later verb coordinated with the trigger's opens that clause (the parser may hang the date on the trigger)."""
    rest = sdoc[trigger.i:trigger.sent.end]
    first = next((t for t in rest if t.idx >= tx.span.start), None)
    after = next((t for t in rest if t.idx >= tx.span.end), None)
    if after is None or first is None or after.i <= trigger.i or first.i == 0 or sdoc[first.i - 1].pos_ != "CCONJ":
        return False   # (only right after a coordinator: not "…, donde el pasado 31 de octubre un comando tomó")
    head = after.head if after.dep_ == "det" else after
    mine = clause_verb(trigger)
    return head.dep_.startswith("nsubj") and head.head.i > trigger.i and coordinated(head.head, mine)


def _victims_own_date(trigger, own: list[Timex], sdoc, participles: frozenset[str]) -> Optional[Timex]:
    """'el duelo por el asesinato del decano, abatido a tiros la noche del viernes': an event noun whose victim is
    told with a participle of the same deed dates it by that participle's date, not by the main clause's."""
    if trigger.pos_ != "NOUN" or not participles:
        return None
    for t in own:
        tok = token_at(sdoc, t.span.start, t.span.end)
        if tok is None or not trigger.is_ancestor(tok):
            continue
        for head in ancestors(tok, 4):
            if head.i == trigger.i or head.pos_ == "AUX" or (head.pos_ == "VERB" and head.dep_ != "acl"):
                break
            if head.dep_ in ("acl", "amod") and keys(head) & participles:
                return t
    return None


def _opens_own_clause(tx: Timex, trigger, sdoc) -> bool:
    """'…, y cinco días más tarde soldados … asesinaron': a date right after a coordinator and right before the
    subject (or the verb) of the trigger's own clause, coordinated with an earlier one (the parser may hang the
    date on the first clause)."""
    first = next((t for t in sdoc[trigger.sent.start:trigger.i] if t.idx >= tx.span.start), None)
    after = next((t for t in sdoc[trigger.sent.start:trigger.i + 1] if t.idx >= tx.span.end), None)
    if first is None or after is None or first.i == 0 or sdoc[first.i - 1].pos_ != "CCONJ":
        return False
    mine = clause_verb(trigger)
    head = after.head if after.dep_ == "det" else after
    opens = head.i == mine.i or (head.dep_.startswith("nsubj") and head.head.i == mine.i)
    return opens and mine.dep_ == "conj" and mine.head.i < first.i


def _relative_of(trigger) -> set[int]:
    """Tokens of a relative clause on an event noun ("el ataque que lanzó ayer"), not on a verb: one the
    parser hangs on the noun, or one that opens right after it (or after its adjective) whatever the parser
    hangs it on ("la muerte de 16 soldados en el ataque que el PKK lanzó ayer")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return set()
    after = trigger.i + 1
    if after < len(trigger.doc) and trigger.doc[after].head.i == trigger.i and trigger.doc[after].dep_ == "amod":
        after += 1
    out: set[int] = set()
    for c in trigger.sent:
        if c.dep_ in ("acl", "acl:relcl") and c.pos_ in ("VERB", "AUX") and c.left_edge.dep_ not in ("mark", "case") \
                and (c.head.i == trigger.i or (c.head.i < trigger.i and c.left_edge.i == after)):
            # (a relative pronoun opens it, not a conjunction: "el ataque más letal desde que ... llegó")
            out |= {t.i for t in c.subtree}
    return out


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


@dataclass(frozen=True)
class RelativeWords:
    """The language's words for a duration told from another event ("tres días antes de las elecciones")."""
    before: frozenset[str]
    after: frozenset[str]
    links: frozenset[str]


@dataclass(frozen=True)
class Relative:
    """A duration of the event's clause counted from another event: the duration, that event's noun, the sign."""
    duration: Timex
    anchor: object          # spaCy Token: "elecciones"
    sign: int               # -1 before, +1 after
    span: tuple[int, int]   # characters from the duration to the end of the anchor's phrase


def _counts(trigger, sentence: Span, timexes: list[Timex], sdoc, words: RelativeWords):
    """(duration, its tokens, the before/after word, sign) for each undated duration of the sentence (no
    interval, not a step from the narrative) followed by a before/after word and a link word: "Tres días antes
    de", "un día después de"."""
    sent = trigger.sent
    for tx in timexes:
        if tx.type != "DURATION" or tx.interval is not None or (tx.extra or {}).get("shift") \
                or not sentence.start <= tx.span.start < sentence.end:
            continue
        span = sdoc.char_span(tx.span.start, tx.span.end, alignment_mode="expand")
        if span is None or span.end >= sent.end:
            continue
        word = span[-1] if _direction(span[-1], words) else sdoc[span.end]   # "Pocos días antes" holds its word
        sign = _direction(word, words)
        if sign and word.i + 1 < sent.end and fold(sdoc[word.i + 1].text) in words.links:
            yield tx, span, word, sign


def _relative_in_clause(trigger, sentence: Span, timexes: list[Timex], sdoc,
                        words: RelativeWords) -> Optional[Relative]:
    """'Tres días antes de las elecciones, los rebeldes atacaron …': a counted duration and the noun after its
    link word, in the trigger's clause."""
    for tx, _span, word, sign in _counts(trigger, sentence, timexes, sdoc, words):
        anchor = _noun_after(sdoc, word.i + 2, trigger.sent.end)
        if anchor is None or clause_verb(word).i != clause_verb(trigger).i:
            continue
        end = anchor.right_edge.idx + len(anchor.right_edge)
        if tx.span.start <= trigger.idx < end:   # the other event itself ("dos días después del ataque")
            continue
        return Relative(tx, anchor, sign, (tx.span.start, end))
    return None


def _counted_back(trigger, sentence: Span, timexes: list[Timex], sdoc, words: RelativeWords,
                  in_sent: list[Timex]) -> Optional[When]:
    """'fue trasladado hoy, un día después de ser apuñalado': the event of a clause counted from the main
    clause's date (here the day before it), when that clause tells no date of its own."""
    for tx, span, word, sign in _counts(trigger, sentence, timexes, sdoc, words):
        counted = {t.i for t in sdoc[word.i + 1].head.subtree}
        told = [(t, token_at(sdoc, t.span.start, t.span.end)) for t in in_sent]
        if trigger.i not in counted or trigger.i <= word.i or any(k is not None and k.i in counted for _, k in told):
            continue
        main = [t for t, k in told if k is not None and k.i not in counted and not span.start <= k.i < span.end]
        base = choose_timex(clause_verb(word), main, sdoc)
        if base is None:
            continue
        when = _shifted(Relative(tx, clause_verb(word), -sign, (tx.span.start, tx.span.end)), base)
        return None if when is None else When(when.start, when.end, when.precision, when.source,
                                              f"{when.rule}, {COUNTED_BACK}")
    return None


def _direction(tok, words: RelativeWords) -> int:
    w = fold(tok.text)
    return -1 if w in words.before else 1 if w in words.after else 0


def _noun_after(sdoc, i: int, end: int):
    """'de las elecciones': the noun after determiners, numerals and adjectives (not a clause: 'de que …')."""
    for t in sdoc[i:min(i + 4, end)]:
        if t.pos_ in NOMINAL:
            return t
        if t.pos_ not in ("DET", "NUM", "ADJ"):
            return None
    return None


def _apposed(text: str, end: int, start: int) -> bool:
    """Are two timexes apposed: only a comma or a colon, and an article, between them ("Tres años después, el 1 de
    octubre de 2005"; "menos de dos años antes: el 2 de julio de 1993")?"""
    gap = text[end:start] if 0 <= start - end <= APPOSED_GAP else None
    return gap is not None and fold(gap).strip(" ,:") in ("", "el", "la")


def _apposed_after_comma(t: Timex, sdoc) -> bool:
    """'Ocho meses después de la matanza de Dobrinja, el 5 de febrero de 1994, un proyectil …': a day set off by
    a comma after the phrase that counts is the day counted to, not the other event's date."""
    span = sdoc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    if i > 0 and sdoc[i].pos_ == "DET":   # ", el 5 de febrero" (the tagger's span may leave the article out)
        i -= 1
    return i >= 0 and sdoc[i].text == ","


def _anchor_date(rel: Relative, in_sent: list[Timex], timexes: list[Timex], sdoc) -> Optional[Timex]:
    """The date of the event the duration counts from: told in its own phrase ("las elecciones del 5 de marzo"),
    else beside the same noun in another sentence ("Las elecciones se celebraron el 5 de marzo"), the nearest
    before first."""
    lo, hi = rel.span
    own = [t for t in in_sent if lo <= t.span.start < hi and not _apposed_after_comma(t, sdoc)]
    if own:
        return choose_timex(rel.anchor, own, sdoc)
    wanted = {k for k in keys(rel.anchor) if len(k) > 2}
    here = rel.anchor.sent
    sents = sorted((s for s in sdoc.sents if s.start != here.start),
                   key=lambda s: (s.start > here.start, abs(s.start - here.start)))
    all_dated = dated(timexes)
    for s in sents:
        nouns = [t for t in s if keys(t) & wanted]
        if not nouns:
            continue
        cands = [t for t in all_dated if s.start_char <= t.span.start < s.end_char]
        for noun in nouns:
            tx = choose_timex(noun, cands, sdoc)
            tok = token_at(sdoc, tx.span.start, tx.span.end) if tx is not None else None
            if tok is not None and tree_distance(noun, tok) <= ANCHOR_DISTANCE:
                return tx
    return None


def _shifted(rel: Relative, base: Timex) -> Optional[When]:
    try:
        from cronica.time.anchor import RefTime
        from cronica.time.shift import shifted_interval
    except ImportError:
        return None
    s, e = base.interval
    try:
        got = shifted_interval(RefTime(s, e, base.precision or _precision(s, e, None), base.value),
                               rel.duration.value, rel.sign)
    except (ValueError, OverflowError):
        return None
    way = "before" if rel.sign < 0 else "after"
    if got is None:     # "pocos días antes", "horas antes": a vague count, a window on that side of the date
        window = VAGUE_WINDOWS.get(rel.duration.value[-1:] if "T" not in rel.duration.value else "H")
        if window is None:
            return None
        lo, hi = (s - window, e) if rel.sign < 0 else (s, e + window)
        return When(lo, hi, _precision(lo, hi, None), "clause",
                    f"date: '{rel.duration.span.text}' {way} '{rel.anchor.text}' ('{base.span.text}'), approximate")
    (lo, hi), precision = got
    return When(lo, hi, precision, "clause",
                f"date: '{rel.duration.span.text}' {way} '{rel.anchor.text}' ('{base.span.text}')")


def _report_date(t: Timex, reporter, sdoc) -> bool:
    """The timex dates the report, not the event: 'informó este viernes la ONU'."""
    if reporter is None:
        return False
    root = token_at(sdoc, t.span.start, t.span.end)
    return root is not None and root.head.i == reporter.i and root.i != reporter.i


def _dates_other_noun(t: Timex, trigger, sdoc, of_words: frozenset[str]) -> bool:
    """'precipitó el golpe de Estado del 30 de septiembre': a date told as 'del <date>' after another
    noun dates that noun, not the trigger's event."""
    tok = token_at(sdoc, t.span.start, t.span.end)
    span = sdoc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if tok is None or span is None or span.start == 0 or fold(sdoc[span.start - 1].text) not in of_words:
        return False
    head = tok.head
    return tok.dep_.startswith("nmod") and head.pos_ in ("NOUN", "PROPN") and head.i != trigger.i \
        and head not in list(trigger.ancestors)


SINCE_SPAN = 10   # tokens back from a timex to the 'desde' whose phrase it may be apposed to


def _apposed_to_since(t: Timex, sdoc, since_words: frozenset[str]) -> bool:
    """'uno de los atentados más sangrientos desde el comienzo de la Intifada, hace dieciocho meses': a
    date after a comma that closes a 'desde' phrase (no verb between) dates that phrase's start."""
    span = sdoc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None or span.start < 2 or sdoc[span.start - 1].text != ",":
        return False
    for j in range(span.start - 2, max(span.sent.start, span.start - SINCE_SPAN) - 1, -1):
        tok = sdoc[j]
        if tok.pos_ in ("VERB", "AUX") or tok.text in ",;:":
            return False
        if fold(tok.text) in since_words:
            return True
    return False


def _update_date(in_sent: list[Timex], toll, sdoc) -> Optional[Timex]:
    """The day a toll rose ("el número de muertos … el pasado sábado se elevó este lunes a 40": 'este lunes', told
    after the toll's verb and hung on it), which dates the update, not the event."""
    if toll is None:
        return None
    return next((t for t in in_sent if t.span.start > toll.idx and _report_date(t, toll, sdoc)), None)


def _in_since_phrase(t: Timex, trigger, sdoc, since_words: frozenset[str]) -> bool:
    """'los atentados más sangrientos sufridos por la capital desde la caída del régimen talibán en 2001': a date
    inside a 'desde' phrase of another noun dates that noun, the span's start, not the event."""
    tok = token_at(sdoc, t.span.start, t.span.end)
    if tok is None:
        return False
    for a in ancestors(tok, 6):
        if a.i == trigger.i or a.pos_ in ("VERB", "AUX"):
            return False
        if a.pos_ in ("NOUN", "PROPN") and case_of(a) & since_words:
            return True
    return False


def _claim_day(t: Timex, trigger, sdoc, claim_verbs: frozenset[str] = frozenset()) -> bool:
    """'un atentado suicida …, reivindicado hoy por el EI': a report's day in a clause of its own, not the
    trigger's ('declaró este martes la liberación' dates the liberation); nor the day of a claim whose object
    the trigger is ('reivindicó hoy el atentado … que ayer causó 60 muertos': a claim comes after)."""
    tok = token_at(sdoc, t.span.start, t.span.end)
    if tok is None:
        return False
    verb = clause_verb(trigger)
    if trigger.dep_ == "obj" and trigger.head.i == verb.i and keys(verb) & claim_verbs:
        return tok.head.i == verb.i      # the claim's (or the blame's) own day
    return bool(t.extra.get("reported")) and tok.head.i != verb.i


def _told_at(t: Timex, trigger, at_date: frozenset[str]) -> bool:
    """A span's opening date followed by a relative that tells what happened on it, the trigger in that relative
    ("desde el pasado 22 de septiembre, cuando un coche bomba mató a …": the bomb is of the 22nd)."""
    if not at_date or (t.extra or {}).get("bound") != "since" or trigger.idx < t.span.end:
        return False
    gap = _WORD.search(trigger.doc.text, t.span.end, trigger.idx)
    return gap is not None and fold(gap.group()) in at_date


def _after_report(t: Timex, dct: Optional[date]) -> bool:
    """A date wholly after the news report's ('un referéndum que podría permitirle seguir en el poder hasta
    2034') dates no event the report tells."""
    return dct is not None and bool(t.interval) and t.interval[0] > dct


def when_for(trigger, sentence: Span, timexes: list[Timex], sdoc, *, completion=None,
             pluperfect: bool = False, reported: bool = False, dct: Optional[date] = None,
             relative: Optional[RelativeWords] = None, reporter=None, toll=None,
             of_words: frozenset[str] = frozenset(), plain_marks: frozenset[str] = frozenset(),
             adverbial: frozenset[str] = frozenset(), since_words: frozenset[str] = frozenset(),
             claim_verbs: frozenset[str] = frozenset(), at_date: frozenset[str] = frozenset(),
             occur_verbs: frozenset[str] = frozenset(), occur_subjects: frozenset[str] = frozenset(),
             victim_participles: frozenset[str] = frozenset()) -> Optional[When]:
    in_sent = [t for t in dated(timexes) if sentence.start <= t.span.start < sentence.end
               and not _apposed_to_since(t, sdoc, since_words) and not _in_since_phrase(t, trigger, sdoc, since_words)]
    if reporter is not None and clause_verb(trigger).i == reporter.i and not (
            trigger.head.i == reporter.i and trigger.dep_ == "obl"):
        reporter = None      # "declaró este martes la liberación de X": the report's object is the event (not the
        # event the report's object happened in: "confirmó hoy la muerte de 31 desplazados en el asalto … el lunes")
    report = next((t for t in in_sent if _report_date(t, reporter, sdoc)), None) or _update_date(in_sent, toll, sdoc)
    in_sent = [t for t in in_sent if t is not report]
    back = _counted_back(trigger, sentence, timexes, sdoc, relative, in_sent) if relative is not None else None
    if back is not None:
        return back
    rel = _relative_in_clause(trigger, sentence, timexes, sdoc, relative) if relative is not None else None
    own = [t for t in in_sent if not (rel and rel.span[0] <= t.span.start < rel.span[1]  # not the other event's
                                      and not _apposed_after_comma(t, sdoc))
           and not _dates_other_noun(t, trigger, sdoc, of_words)
           and not _claim_day(t, trigger, sdoc, claim_verbs) and not _after_report(t, dct)]
    told = [t for t in own if t.anchor == "absolute" and t.precision == "day"]
    if told:
        # "Tres años después, el 1 de octubre de 2005, …": the date told, not the step counted to it (a step
        # apposed to it; not "comenzó el 17 de diciembre de 1996 y terminó ciento veintiséis días después")
        text = sdoc.text if any(t.extra.get("shift") for t in own) else ""   # (rebuilt from tokens: once)
        own = [t for t in own if not (t.extra.get("shift") and any(
            _apposed(text, t.span.end, d.span.start) or _apposed(text, d.span.end, t.span.start) for d in told))]
    marks = {"plain_marks": plain_marks, "adverbial": adverbial}
    tx = None if completion is None else choose_timex(trigger, own, sdoc, within=completion, **marks)
    if tx is None:
        tx = _victims_own_date(trigger, own, sdoc, victim_participles)
    if tx is None:
        tx = choose_timex(trigger, own, sdoc, **marks)
    if tx is not None:
        if _told_at(tx, trigger, at_date):
            return When(tx.interval[0], tx.interval[1], tx.precision or _precision(*tx.interval, None), "clause",
                        f"date: '{tx.span.text}', the relative after it tells what happened then")
        when = interval_of(tx, timexes, sentence, pluperfect=pluperfect, reported=reported, dct=dct)
        return _with_coordinated(when, tx, own, sdoc)
    if rel is not None:
        # "tres días antes de las elecciones": counted from the other event's date when the text tells it;
        # else undated (the narrative's date would be a guess, and an undated mention yields no row)
        base = _anchor_date(rel, in_sent, timexes, sdoc)
        return _shifted(rel, base) if base is not None else None
    if report is not None:
        # "murieron en un ataque …, informó este viernes la ONU": the date is the report's; the event
        # is of the days before it, unless the next sentence tells when ("Los hechos ocurrieron la noche del martes")
        told = _told_next(sentence, timexes, sdoc, occur_verbs, occur_subjects)
        if told is not None:
            return _told_then(told)
        e = report.interval[1]
        return When(e - REPORTED_PLUPERFECT, e, "week", "narrative", f"date: before the report of '{report.span.text}'")
    ref = reference_before(timexes, sentence.start)
    if ref is None and dct is not None and not any(t.span.start < sentence.end and not _after_report(t, dct)
                                                   for t in timexes):
        # the lead of a news report that dates it only by its dateline: the days before the report (not a
        # span told by a duration: "En ocho días mató a siete personas")
        return When(dct - REPORTED_PLUPERFECT, dct, "week", "dct", "date: the days before the report (undated lead)")
    if ref is None:
        told = _told_next(sentence, timexes, sdoc, occur_verbs, occur_subjects)
        return _told_then(told) if told is not None else None
    s, e = ref.interval
    return When(s, e, ref.precision or _precision(s, e, None), "narrative",
                f"date: narrative reference '{ref.span.text}'")
