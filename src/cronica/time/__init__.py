"""Temporal tagging: timexes normalised to TIMEX3 values and to the days they denote.

    tagger = TimeTagger("es")                      # rules built once from lang/es/time.yaml
    timexes = tagger.tag(text, dct=None, sentences=None)
    ref = reference_date(timexes, offset)          # the narrative's reference time at `offset`

Each `Timex` has `span` (code-point offsets, `text[start:end] == span.text`), `type`
(DATE, TIME, DURATION, SET), `value` (TIMEX3), `mod`, and for resolved DATE/TIME
timexes `interval` (first and last day), `precision` (day, week, month, quarter, year,
decade, century), `anchor` (absolute, dct, narrative) and `rule` (the pattern that
fired). `extra` carries what the event stage needs:

- `bound`: "by" ("para el 7 de enero"), "since" ("desde octubre"), "until", "before", "after"
- `moves_anchor`: whether the timex becomes the narrative reference ("since" and "until" dates do not)
- `range`, `range_role`: both ends of "del 3 al 5 de marzo", "entre mayo y junio"
- `weekday_conflict`: the weekday disagreed with the inferred year (and which year won)
- `part`: "1/2" for "la primera quincena", "4/4" for "la última semana de marzo"
- `same_period_as`: "el mismo periodo de 1999" took the period of the date told before ("1998-Q1")
- `day_shift`: "al día siguiente" (+1), "el día anterior" (-1); followed by "de <fecha>" it counts from that date
- `shift`, `shifted_from`: a counted duration told as a step from the narrative ("Un día antes, ...",
  "Dos días después, ...", "tres meses más tarde"; the shift word is part of the span, as TimeBank-es
  annotates it) stays a DURATION (P1D) but gets the interval it points
  at: the narrative reference ("shifted_from") moved "before" or "after" by it, never finer than the
  reference nor the unit (a week: seven days give or take three; months and years: calendar units).
  It moves the narrative reference ("... Al día siguiente" counts from it). Followed by "de"/"que"
  ("tres días antes de las elecciones") it counts from another event and stays without an interval.

Without a dct the text's own dates anchor the narrative (the year rolls forward:
"fines de diciembre de 2016 ... el 7 de enero" -> 2017-01-07); with one, news deixis
("ayer", "el lunes", "mayo pasado") resolves against it. A clock time or part of day
without its own day takes the day told just before ("el 3 de agosto, a las 15.00 horas"),
and the first end of a range takes the second's year ("entre enero y marzo de 1998").
Some expressions resolve through a neighbour (`links.py`): "el mismo periodo de 1999",
"al día siguiente del 11 de septiembre", an age told without its unit (", de 33 ,").
The code is language-independent: every word comes from `lang/<xx>/time.yaml`.
"""
from cronica.time.anchor import reference_date
from cronica.time.tagger import TimeTagger

__all__ = ["TimeTagger", "reference_date"]
