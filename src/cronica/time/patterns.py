"""Build the tagger's regular expressions from a language's vocabulary.

The expressions run over the folded text (lowercase, no accents, same
offsets). Each rule has a name (provenance) and a kind (how to resolve it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from cronica.time.lexicon import Lexicon

B = r"(?<![\w])"      # word start
E = r"(?![\w])"       # word end


NEVER = "(?!)"         # a role the language does not use
# the grammar roles of lang/<xx>/time.yaml that the rules below use
ROLES = ("of", "day_word", "days_word", "month_word", "year_word", "years_word", "decade_word", "century_word",
         "same", "plural_articles", "plural_determiners", "singular_articles", "ago", "ahead", "every",
         "last_next", "first_plural", "more", "later", "after_words", "alternatives", "range_from", "range_to",
         "range_day_from", "range_day_to", "deictic_prefix", "during_part", "part_articles", "of_the_part",
         "clock_articles", "at", "hour_words", "timezones", "oclock", "not_day_numbers", "decade_followers",
         "am", "pm", "day_suffix", "ordinal_span_units", "one", "unit_qualifiers", "period_nouns",
         "short_year_followers", "masculine_part_articles", "masculine_day_parts", "not_nouns", "unit_copulas",
         "unit_copula_guards", "copula_units", "date_anaphors", "period_anaphor_nouns", "bare_day_parts",
         "articleless_part_leads", "articleless_parts",
         "overnight_to", "clock_followers")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    needs: tuple[str, ...] = ()   # the rule cannot match a text that holds none of these words


def _longest_words(keys: Iterable[str]) -> tuple[str, ...]:
    """One word of each key that any match must contain (its longest)."""
    return tuple(sorted({max(k.split(), key=len) for k in keys if k.strip()}))


def alt(words: Iterable[str]) -> str:
    """An alternation, longest first; spaces match any whitespace (never matches when empty)."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not uniq:
        return NEVER
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq) + ")"


def _pieces(lx: Lexicon) -> dict[str, str]:
    units = [w for w, v in lx.numbers.items() if v < 10]
    hundreds = [w for w, v in lx.numbers.items() if v >= 100 and v % 100 == 0 and v < 1000]
    below = rf"(?:{alt(lx.tens)}\s+{re.escape(lx.joiner)}\s+{alt(units)}|{alt(lx.numbers)})"
    num_words = rf"(?:{alt(hundreds)}\s+{below}(?![\w])|{below})"   # ("ciento veintiséis días después")
    w = {role: alt(lx.words(role)) if lx.words(role) else NEVER for role in ROLES}
    p = {
        "ART": rf"(?P<art>{alt(lx.articles)}\s+)?",
        "ART0": alt(lx.articles),
        "MONTH": alt(lx.months) + r"(?![\w])",
        "WD": alt(lx.weekdays),
        "DAY": rf"(?:3[01]|[12]\d|0?[1-9])(?:{w['day_suffix']})?(?![\d])|(?!{w['not_day_numbers']}(?![\w])){num_words}",
        "DAYN": r"(?:3[01]|[12]\d|0?[1-9])(?![\d]|[.,]\d)",
        "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)",
        "NUM": rf"(?:\d+(?:[.,]\d+)?(?!\d)|{alt(lx.halves)}|{alt(lx.pairs)}|{num_words})",
        "FUZZY": alt(lx.fuzzy),
        "ORD": alt(lx.ordinals),
        "PP": alt(list(lx.period_parts) + [u for u, g in lx.cal_units.items() if g in ("quarter", "half", "third")]),
        "YUNIT": alt(u for u, g in lx.cal_units.items() if g == "year"),
        "REL": alt(lx.relative),
        "DEM": alt(lx.demonstratives),
        "DUNIT": alt(lx.dunits),
        "DUNITPL": alt(u for u in lx.dunits if u.endswith("s") and u not in lx.words("counted_only_units")),
        "CALUNIT": alt(lx.cal_units),
        "WEEKEND": alt(k for k, v in lx.cal_units.items() if v == "weekend"),
        "DMOD": alt(lx.dmods),
        "VAGUE": alt(lx.vague),
        "SEASON": alt(lx.seasons),
        "DEC": rf"(?:(?:1[0-9]|20)?[0-9]0|{alt(lx.decade_words)})",
        "DEIC": alt(lx.deictic_days),
        "DEICT": alt(k for k in lx.deictic_days if k not in lx.day_parts),  # "hoy", not "mañana" (morning)
        "DP": alt(lx.day_parts),
        "SHIFTY": alt(k for k, v in lx.shifted_units.items() if v[0] == "year"),
        "SHIFTM": alt(k for k, v in lx.shifted_units.items() if v[0] == "month"),
        "HALF": alt(lx.halves),
        "Y": re.escape(lx.joiner),
        "CLOCK_FOLLOWERS": w["clock_followers"],
        # minutes told in words: "y media", "menos cuarto", "y diez", "menos veinticinco"
        "MINUTE_WORDS": alt(list(lx.minute_words) + [w for w, v in lx.numbers.items() if v < 60 and v == int(v)]),
        "WEEK": alt(u for u, g in lx.cal_units.items() if g == "week"),
    }
    p.update({k.upper(): v for k, v in w.items()})
    p["YY_END"] = rf"(?=\s*[,.;:)](?!\d)|\s+{p['SHORT_YEAR_FOLLOWERS']}(?![\w])|$)"
    p["CLOCK_DAY"] = (   # "a las 15.00 horas de hoy / del 3 de agosto / del día 26 de marzo / del día 3 / del martes"
        rf"(?:\s+{p['OF']}\s+(?:(?P<deic>{p['DEIC']})|(?:(?:{p['DAY_WORD']}|(?P<dwd>{p['WD']}))\s+)?(?P<dday>{p['DAYN']})\s+"
        rf"{p['OF']}\s+(?P<month>{p['MONTH']})(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']}))?"   # "del lunes 19 de febrero"
        rf"|(?:{p['DAY_WORD']}|(?P<mwd>{p['WD']}))\s+(?P<mday>{p['DAYN']})(?![\w.,]\d|\s+{p['OF']}\s)"   # "del viernes 30"
        rf"|{p['DAY_WORD']}\s+(?P<drel>{alt(lx.anchor_relative)})(?![\w])"   # "de la mañana del día siguiente"
        rf"|(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<wd>{p['WD']})))?"
        # "hacia las 10.04 hora local (07.04 GMT) del sábado": the day named after an aside (not in the span)
        rf"(?:(?=\s*\([^()]{{1,30}}\)\s+{p['OF']}\s+(?P<awd>{p['WD']})(?![\w])))?")
    p["ART2"] = rf"(?P<art>{alt(lx.articles + lx.words('plural_determiners'))}\s+)?"
    p["PART"] = rf"(?:(?P<part>{p['FUZZY']})\s+{p['OF']}\s+)?"
    p["MSPAN"] = alt(lx.month_spans) if lx.month_spans else "(?!)"   # "tres primeros meses" (none: never)
    p["PORD"] = rf"(?:(?P<pord>{p['ORD']})\s+(?P<pp>{p['PP']})\s+{p['OF']}\s+|(?P<mspan>{p['MSPAN']})\s+{p['OF']}\s+)?"
    return p


def _templates(p: dict[str, str], lx: Lexicon) -> list[tuple[str, str, str]]:
    """(rule name, kind, regex) in priority order (earlier wins ties)."""
    return [
        ("range_days", "range_days",
         rf"(?:(?P<open>{p['RANGE_FROM']})\s+)?(?:{p['ART0']}\s+)?(?:{p['DAYS_WORD']}\s+)?(?P<d1>{p['DAY']})\s+"
         rf"{p['RANGE_TO']}\s+(?:{p['ART0']}\s+)?(?:{p['DAY_WORD']}\s+)?(?P<d2>(?:{p['DAY']})\s+{p['OF']}\s+"
         rf"(?:(?P<month>{p['MONTH']})(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']}))?|(?P<thismonth>{p['SHIFTM']})))"),
        ("range_day_only", "range_days",
         rf"(?P<open>{p['RANGE_DAY_FROM']})\s+{p['DAYS_WORD']}\s+(?P<d1>{p['DAYN']})\s+"
         rf"{p['RANGE_DAY_TO']}\s+(?:{p['DAY_WORD']}\s+)?(?P<d2>{p['DAYN']})"),
        ("day_of_month", "day_of_month",   # "el día 31 de este mes", "el 20 del mes pasado"
         rf"{p['ART']}(?:(?P<rel1>{p['REL']})\s+)?(?:{p['DAY_WORD']}\s+)?(?P<day>{p['DAY']})\s+{p['OF']}\s+"
         rf"(?P<thismonth>{p['SHIFTM']})(?![\w])"),
        ("day_only", "day_only",
         rf"{p['ART']}(?:(?P<rel1>{p['REL']})\s+)?{p['DAY_WORD']}\s+(?P<day>{p['DAYN']})(?!\s+{p['OF']}\s)"),
        ("bare_day", "bare_day",   # "El 22, las fuerzas iraquíes…", "y el 31 Al Abadi proclamó": a day of the story's month
         rf"(?P<art>{alt(lx.words('bare_day_articles'))}\s+)(?P<day>{p['DAYN']})(?=\s*,|\s+[^\W\d_])"),
        ("holiday", "holiday", rf"{p['ART']}(?:(?P<rel1>{p['REL']})\s+)?(?P<hol>{alt(lx.holidays)})"
                               rf"(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']})|\s+(?P<rel2>{p['REL']})(?![\w])"
                               rf"|\s+{p['OF']}\s+(?P<thisyear>{p['SHIFTY']}))?"),
        ("dateline", "dateline",   # "Madrid, 23 may (EFE)": a day and a bare month abbreviation
         rf"(?P<day>{p['DAYN']})\s+(?P<mabbr>{alt(lx.month_abbr)})(?![\w.])(?:\s+(?P<year>{p['YEAR']}))?"),
        ("iso_date", "numeric", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
        ("numeric_date", "numeric", r"(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d])"),
        ("date", "date",
         rf"(?<![-\u2013]){p['ART']}{p['PART']}{p['PORD']}(?:(?P<rel1>{p['REL']})\s+)?(?:(?P<wd>{p['WD']})\s*,?\s+)?"
         rf"(?:{p['DAY_WORD']}\s+)?(?:(?P<day>{p['DAY']})\s+(?:{p['OF']}\s+)?)?"
         rf"(?:(?:{p['ART0']}\s+)?{p['MONTH_WORD']}\s+{p['OF']}\s+)?(?P<month>{p['MONTH']})"
         rf"(?:\s+(?P<rel2>{p['REL']})(?![\w]))?(?:\s*,?\s*{p['OF']}\s+(?:(?:{p['ART0']}\s+)?{p['YEAR_WORD']}\s+)?"
         rf"(?P<year>{p['YEAR']})|\s+(?P<year2>{p['YEAR']})|\s+{p['OF']}\s+(?P<thisyear>{p['SHIFTY']})"
         rf"|\s+{p['OF']}\s+'?(?P<yy>\d\d){p['YY_END']})?"),
        ("season", "season",
         rf"{p['ART']}{p['PART']}(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<season>{p['SEASON']})"
         rf"(?:\s+(?P<rel2>{p['REL']}))?(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']})"
         rf"(?:(?:\s*[-/]\s*|\s+{alt(lx.range_joiners)}\s+)(?P<year_to>{p['YEAR']}))?"
         rf"|\s+{p['OF']}\s+(?P<thisyear>{p['SHIFTY']}))?"),   # "el invierno de 1998 a 1999"
        ("year", "year",
         rf"(?<![-'\u2019/])(?<!\d[.,]){p['ART']}{p['PART']}{p['PORD']}(?:(?:{p['ART0']}\s+)?{p['YEAR_WORD']}\s+)?"
         rf"(?P<year>{p['YEAR']})(?:\s*[-/]\s*(?P<year_to>\d{{4}}|\d{{2}})(?![\d]))?"),
        ("decade", "decade",
         rf"{p['PART']}(?P<dhead>(?:{p['ART0']}\s+)?{p['DECADE_WORD']}\s+{p['OF']}\s+(?:{p['PLURAL_ARTICLES']}\s+)?"
         rf"(?:{p['YEARS_WORD']}\s+)?|(?:{p['PLURAL_ARTICLES']}\s+)?{p['YEARS_WORD']}\s+|{p['PLURAL_ARTICLES']}\s+)"
         rf"(?P<dec>{p['DEC']})s?(?![.,:]\d)"),
        ("century", "century",
         rf"{p['ART']}{p['PART']}(?:(?P<dem>{p['DEM']})\s+)?{p['CENTURY_WORD']}\s+(?P<cent>[ivxl]+|\d{{1,2}})"),
        ("ordinal_unit", "ordinal_unit",
         rf"{p['ART']}(?P<pord>{p['ORD']})\s+(?P<pp>{p['PP']})(?:\s+{p['OF']}\s+(?:(?P<dem>{p['DEM']})\s+)?"
         rf"(?:(?P<rel1>{p['REL']})\s+)?(?P<yunit>{p['YUNIT']})(?:\s+(?P<rel2>{p['REL']}))?)?(?![\w])"),
        ("month_span_unit", "ordinal_unit",   # "los tres primeros meses del año": its first quarter (not bare)
         rf"(?P<mspan>{p['MSPAN']})\s+{p['OF']}\s+(?:(?P<dem>{p['DEM']})\s+)?"
         rf"(?:(?P<rel1>{p['REL']})\s+)?(?P<yunit>{p['YUNIT']})(?:\s+(?P<rel2>{p['REL']}))?(?![\w])"),
        ("ordinal_span", "ordinal_span",   # "su segundo año", "el sexenio de Zedillo", "del primer trienio"
         rf"{p['ART2']}(?:(?P<ord>{p['ORD']})\s+(?P<unit>{p['ORDINAL_SPAN_UNITS']})(?!\s+{p['OF']}\s)"
         rf"|(?:{p['ORD']}\s+)?(?P<punit>{p['PERIOD_NOUNS']}))"),
        ("relative_unit", "rel_unit",
         rf"{p['ART']}{p['PART']}(?:(?<=\s)(?P<art2>{p['ART0']})\s+"
         rf"(?=(?:{p['REL']}\s+{p['CALUNIT']}|{p['CALUNIT']}\s+{p['REL']}"
         rf"|(?(part){p['CALUNIT']}|(?!)))(?![\w])))?"   # "a mediados de la semana": a part of the unit it is
         rf"(?:(?P<dem>{p['DEM']})\s+)?(?:{p['SAME']}\s+)?(?:(?P<rel1>{p['REL']})\s+)?"
         rf"(?P<unit>{p['CALUNIT']})(?:\s+(?P<rel2>{p['REL']}))?(?:\s+(?P<year>{p['YEAR']}))?"),
        ("weekday_set", "weekday_set", rf"(?P<wdp>{alt(lx.weekdays_plural)})"),
        ("weekday_nth", "weekday_nth",   # "el segundo domingo de mayo", "el último lunes de mayo de 2006"
         rf"{p['ART']}(?P<nth>{p['ORD']})\s+(?:(?P<wd>{p['WD']})|(?P<we>{p['WEEKEND']}))\s+{p['OF']}\s+"
         rf"(?:{p['MONTH_WORD']}\s+{p['OF']}\s+)?"   # ("el último fin de semana de agosto": its weekend)

         rf"(?P<month>{p['MONTH']})(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']}))?"),
        ("weekday_num", "weekday_num",   # "el viernes 14": the day of that number near the reference
         rf"(?P<art>{p['SINGULAR_ARTICLES']}\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<wd>{p['WD']})\s*,?\s+"
         rf"(?P<day>{p['DAYN']})(?:\s+{p['DURING_PART']}\s+(?P<dp>{p['DP']}))?(?![\w%])"
         rf"(?!\s+{p['SINGULAR_ARTICLES']}\s+{p['WD']})"),   # not a count by day: "15 el domingo, 24 el lunes"
        ("weekday_week", "weekday_week",   # "el miércoles de la semana pasada"
         rf"(?P<art>{p['SINGULAR_ARTICLES']}\s+)?(?P<wd>{p['WD']})\s+{p['OF']}\s+(?:{p['ART0']}\s+)?"
         rf"(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?{p['WEEK']}(?:\s+(?P<rel2>{p['REL']}))?(?![\w])"),
        ("weekday", "weekday",
         rf"(?P<art>{p['SINGULAR_ARTICLES']}\s+)?(?:(?P<dem>{p['DEM']})\s+)?(?:{p['SAME']}\s+)?"
         rf"(?:(?P<rel1>{p['REL']})\s+)?"
         rf"(?P<wd>{p['WD']})(?:\s+(?P<rel2>{p['REL']}))?(?:\s+{p['DURING_PART']}\s+(?P<dp>{p['DP']}))?"),
        ("deictic_time", "deictic_time", rf"(?P<dt>{alt(lx.deictic_times)})"),
        ("deictic_day", "deictic_day",
         rf"(?P<art>{p['DEICTIC_PREFIX']}\s+)?(?P<deic>{p['DEIC']})(?:\s+{p['SAME']})?(?:\s*,?\s*(?P<wd>{p['WD']}))?"
         rf"(?:\s+{p['DURING_PART']}\s+(?P<dp>{p['DP']}))?"),
        ("ago", "ago",
         rf"(?P<dir>{p['AGO']}|{p['AHEAD']})\s+(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<num>{p['NUM']})|(?P<vq>{p['VAGUE']}))"
         rf"\s+(?P<unit>{p['DUNIT']})(?:\s+{p['Y']}\s+(?P<half>{p['HALF']}))?"),
        ("qualified_unit", "qualified_unit",   # "en un año tan académico": the year it is, not a span of one
         rf"(?P<one>{p['ONE']})\s+(?P<unit>{p['CALUNIT']})(?=\s+{p['UNIT_QUALIFIERS']}(?![\w]))"),
        ("qualified_unit_copula", "qualified_unit",   # "1998 ha sido un año de beneficios", "fue un día triste"
         rf"(?P<skip>{p['UNIT_COPULAS']}\s+)(?P<one>{p['ONE']})\s+(?P<unit>{p['COPULA_UNITS']})(?=\s+[^\W\d_])"
         rf"(?!\s+{p['UNIT_COPULA_GUARDS']}(?![\w]))"),
        ("duration", "duration",
         rf"{p['ART2']}(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<last>{p['LAST_NEXT']}|{p['FIRST_PLURAL']})\s+)?(?P<num>{p['NUM']})\s+"
         rf"(?:(?P<last3>{p['FIRST_PLURAL']}|{p['LAST_NEXT']})\s+)?(?P<unit>{p['DUNIT']})"
         rf"(?:\s+{p['Y']}\s+(?P<half>{p['HALF']})"
         rf"|(?:\s*,\s*(?P<num3>{p['NUM']})\s+(?P<unit3>{p['DUNIT']}))?"
         rf"\s+{p['Y']}\s+(?P<num2>{p['NUM']})\s+(?P<unit2>{p['DUNIT']}))?"
         rf"(?:\s+(?P<last2>{p['LAST_NEXT']}|(?!{p['LATER']}){p['MORE']}))?"),   # "69 horas, 31 minutos y 52 segundos"
        ("vague_duration", "vague_duration",
         rf"{p['ART2']}(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<vq>{p['VAGUE']})|(?P<last>{p['LAST_NEXT']}))\s+"
         rf"(?P<unit>{p['DUNITPL']})(?:\s+(?P<last2>{p['AFTER_WORDS']}))?"),
        ("vague_duration_first", "vague_duration",   # "durante los primeros meses": the first few, however many
         rf"(?P<art>{p['PLURAL_ARTICLES']}\s+)(?P<last>{p['FIRST_PLURAL']})\s+(?P<unit>{p['DUNITPL']})"),
        ("vague_duration_after", "vague_duration",   # "los días siguientes", "las semanas anteriores"
         rf"(?P<art>{p['PLURAL_ARTICLES']}\s+)(?P<unit>{p['DUNITPL']})\s+(?P<last2>{p['LAST_NEXT']})"),
        ("bare_plural", "bare_plural",
         rf"(?:(?P<skip>{alt(lx.bare_leads)}\s+)|{alt(lx.words('ago') + lx.words('ago_past'))}\s+)"
         rf"(?P<bare>{alt(lx.bare_plurals)})"),
        ("bare_plural_after", "bare_plural",
         rf"(?P<bare>{alt(k for k in lx.bare_plurals if k.endswith('s'))})\s+(?:{p['AFTER_WORDS']}|{p['LATER']})"),
        ("num_or", "duration",
         rf"(?P<num>{p['NUM']})(?=\s+{p['ALTERNATIVES']}\s+(?:{p['NUM']})\s+(?P<unit>{p['DUNIT']}))"),
        ("ref_adjective", "phrase",
         rf"(?P<skip>{alt(lx.ref_determiners)}\s+)(?P<adj>{alt(lx.ref_adjectives)})(?=\s+[^\W\d_])"
         rf"(?!\s+{p['NOT_NOUNS']}(?![\w]))"),   # "su pasado y su cinismo": a noun, not an adjective
        ("set_every", "set", rf"{p['EVERY']}\s+(?:(?P<num>{p['NUM']})\s+)?(?P<unit>{p['DUNIT']})"),
        ("set_every_weekday", "weekday_set", rf"{p['EVERY']}\s+(?P<wd>{p['WD']})"),   # "cada lunes"
        ("set_every_month", "month_set",   # "cada mes de abril", "cada abril", "cada 18 de octubre"
         rf"{p['EVERY']}\s+(?:(?P<sday>{p['DAYN']})\s+{p['OF']}\s+|{p['MONTH_WORD']}\s+{p['OF']}\s+)?"
         rf"(?P<month>{p['MONTH']})"),
        ("clock", "clock",
         rf"(?:(?P<pdeic>{p['DEICT']})\s+(?:{p['AT']}\s+)?)?(?:(?P<art>{p['CLOCK_ARTICLES']})\s+)?"
         rf"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.,h])(?P<m>[0-5]\d))(?![\d])"
         rf"(?:\s*(?P<hrs>{p['HOUR_WORDS']})(?![\w]))?(?:\s+(?P<tz>{p['TIMEZONES']}))?"
         rf"(?:\s+{p['OF_THE_PART']}\s+(?P<dp>{p['DP']})(?:\s+(?P<dprel>{alt(lx.anchor_relative)})(?![\w]))?)?"
         rf"{p['CLOCK_DAY']}"),   # "las 10.30 de la mañana siguiente"
        ("clock_military", "clock",   # "(1530 UTC)"
         rf"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?P<tz>{p['TIMEZONES']}){p['CLOCK_DAY']}"),
        ("clock_ampm", "clock",
         rf"(?:(?P<art>{p['CLOCK_ARTICLES']})\s+)?(?P<h>1[0-2]|0?[1-9])(?:(?P<sep>[:.])(?P<m>[0-5]\d))?\s*"
         rf"(?:(?P<pm>{p['PM']})|{p['AM']})(?:\s+(?P<hrs>{p['HOUR_WORDS']})(?![\w]))?(?:\s+(?P<tz>{p['TIMEZONES']}))?"
         rf"{p['CLOCK_DAY']}"),
        ("clock_words", "clock",   # "las seis de la mañana", "las 20 horas"; "las nueve y media" needs no more
         rf"(?:(?P<pdeic>{p['DEICT']})\s+(?:{p['AT']}\s+)?)?(?P<art>{p['CLOCK_ARTICLES']})\s+"
         rf"(?P<h>[01]?\d|2[0-3]|{alt(w for w, v in lx.numbers.items() if v <= 12)})"
         rf"(?:\s+(?:{p['Y']}|(?P<minus>{alt(lx.words('clock_minus'))}))\s+(?P<mw>{p['MINUTE_WORDS']})(?![\w]))?"
         rf"(?:\s+(?P<hrs>{p['HOUR_WORDS']})"
         rf"|\s+{p['OF_THE_PART']}\s+(?P<dp>{p['DP']})|\s+{p['OCLOCK']}|(?(mw)|(?!))"
         rf"|(?P<bare>(?=\s*[,.;:](?:\s|$)|\s+{p['Y']}\s+(?!{p['MINUTE_WORDS']}(?![\w]))[^\W\d]"
         rf"|\s+(?:{p['CLOCK_FOLLOWERS']})(?![\w])))){p['CLOCK_DAY']}"),
        # ("estallaría a las nueve.", "abrirán a las 10 y se esperan colas": needs a lead word)
        ("day_part", "day_part",
         rf"(?:(?P<art>{p['PART_ARTICLES']}\s+|{p['MASCULINE_PART_ARTICLES']}\s+(?={p['MASCULINE_DAY_PARTS']})"
         rf"|{p['ARTICLELESS_PART_LEADS']}\s+(?={p['ARTICLELESS_PARTS']}(?![\w])))"
         rf"|(?={p['MASCULINE_DAY_PARTS']}|{p['BARE_DAY_PARTS']}))(?P<dp>{p['DP']})(?:\s+{p['OF']}\s+"
         rf"(?:{p['DAY_WORD']}\s+(?P<rel3>{p['REL']})(?![\w])|"   # "a media mañana del día siguiente"
         rf"(?:(?:{p['DAY_WORD']}|(?P<ddwd>{p['WD']}))\s+)?(?P<dday>{p['DAYN']})(?:\s+{p['OVERNIGHT_TO']}\s+(?P<dday_to>{p['DAYN']}))?"
         rf"\s+{p['OF']}\s+(?P<month>{p['MONTH']})"   # "la noche del 7 al 8 de agosto", "del domingo 4 de abril"
         rf"(?:\s+{p['OF']}\s+(?P<year>{p['YEAR']}))?|"
         rf"(?:(?P<rel5>{p['REL']})\s+(?={p['DAY_WORD']}))?"   # "la noche del pasado día 20"
         rf"(?:{p['DAY_WORD']}\s+)?(?P<dday2>{p['DAYN']})(?!\s+{p['OF']}\s|\s*%|[\w.,]\d)|"   # "la madrugada del (día) 21"
         rf"(?P<deic>{p['DEICT']})(?:\s+(?P<wd2>{p['WD']}))?|(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?"
         rf"(?P<wd>{p['WD']})(?:\s+(?P<wdday>{p['DAYN']})(?![\w%]|[.,]\d))?"   # "la noche del sábado 11"
         rf"(?:\s+{p['OVERNIGHT_TO']}\s+(?P<wd_to>{p['WD']}))?(?:\s+(?P<rel2>{p['REL']}))?)"
         rf"|\s+(?P<rel4>{alt(lx.anchor_relative)})(?![\w])(?!\s+{p['AT']}\s))?"),   # "la mañana siguiente"
        ("day_part_that", "day_part_that",   # "esa misma noche", "aquella mañana", "la misma noche": the day the
         # story is at
         rf"(?:(?P<dem>{alt(k for k, v in lx.demonstratives.items() if v == 'anchor' and k not in lx.words('same'))})"
         rf"\s+(?:{p['SAME']}\s+)?|{alt(lx.articles)}\s+{p['SAME']}\s+(?=(?:{p['DP']})(?![\w])(?!\s+{p['OF']}\s)))"
         rf"(?P<dp>{p['DP']})(?![\w])"),   # (not "la misma noche del domingo": that day's)
        ("phrase", "phrase", rf"(?P<phrase>{alt(lx.phrases)})"),
        ("date_anaphor", "anaphor", rf"(?P<ana>{p['DATE_ANAPHORS']})(?![\w])"),   # "hasta esa fecha"
        ("period_anaphor", "period_anaphor",   # "en ese mismo periodo" (not "este periodo de reflexión")
         rf"(?P<dem>{p['DEM']})\s+(?:{p['SAME']}\s+)?{p['PERIOD_ANAPHOR_NOUNS']}(?![\w])(?!\s+{p['OF']}\s)"),
    ]


def build_rules(lx: Lexicon) -> list[Rule]:
    p = _pieces(lx)
    needs = {"century": _longest_words(lx.words("century_word")), "season": _longest_words(lx.seasons),
             "holiday": _longest_words(lx.holidays)}   # rare words: most texts skip these scans
    return [Rule(name, kind, re.compile(B + rx + E), needs.get(name, ()))
            for name, kind, rx in _templates(p, lx)]


def build_helpers(lx: Lexicon) -> dict[str, re.Pattern]:
    """Small expressions for the context around a match (bounds, tense, ranges)."""
    return {
        "bound": re.compile(rf"{B}(?P<b>{alt(lx.bounds)})\s+(?:{alt(lx.articles)}\s+)?$"),
        "future": re.compile(rf"{B}(?:{'|'.join(lx.future_markers) or '(?!)'}){E}"),
        "past": re.compile(rf"{B}(?:{'|'.join(lx.past_markers) or '(?!)'}){E}"),
        # "será elegido el domingo": a participle of a passive ahead
        "passive_ahead": re.compile(rf"{B}{alt(lx.words('passive_ahead'))}\s+$"),
        # "secuestrados el 7 de octubre", "asesinado en mayo": a past participle right before the date
        "participle_before": re.compile(rf"{B}(?!{alt(lx.words('future_participles'))}{E})\w+"
                                        rf"(?:{alt(lx.words('past_participle_endings'))})"
                                        rf"\s+(?:{alt(lx.words('participle_leads'))}\s+)?$"),
        # "se prolongó durante cinco horas, hasta la madrugada del domingo": a verb of lasting in the clause before
        "lasting_before": re.compile(rf"{B}{alt(lx.words('lasting_verbs'))}{E}[^.;:]*$"),
        # "había advertido el lunes que ...": a perfect tense right before the date is its verb, whatever follows
        "perfect_before": re.compile(rf"{B}{alt(lx.words('perfect_aux'))}\s+\w+(?:{alt(lx.words('past_participle_endings'))})"
                                     rf"\s+(?:{alt(lx.words('participle_leads'))}\s+)?$"),
        # "no anunció la operación hasta el jueves": a negation in the clause before "hasta" (not until: past)
        "negated_before": re.compile(rf"{B}{alt(lx.words('negations'))}\s[^,.;:]*$"),
        # "era considerada hasta el domingo": an imperfect in the clause before "hasta" (a state held until then)
        "imperfect_before": re.compile(rf"{B}(?:{alt(lx.words('imperfect_aux'))}|\w+(?:{alt(lx.words('imperfect_endings'))}))"
                                       rf"\s[^,.;:]*$"),
        # "han dado vacaciones hasta el jueves": a perfect tense somewhere before the date
        "perfect_word": re.compile(rf"{B}{alt(lx.words('perfect_aux'))}\s+\w+(?:{alt(lx.words('past_participle_endings'))})\b"),
        # "desde el jueves avanzan": a weekday or date a span runs from lies behind the dct
        "pluperfect_word": re.compile(rf"{B}{alt(lx.words('pluperfect_aux'))}\s+\w+"),
        # "que ya había sido el más votado en la primera vuelta del 13 de diciembre": a pluperfect earlier in the
        # date's own stretch of clause (no comma, no "que" between)
        "pluperfect_in_clause": re.compile(rf"{B}{alt(lx.words('pluperfect_aux'))}\s+\w+(?:(?!\bque\b)[^.;!?,])*$"),
        "pluperfect_before": re.compile(rf"{B}{alt(lx.words('pluperfect_aux'))}\s+\w+(?:\s+[^.;!?]*)?$"),
        "event_noun_before": re.compile(rf"{B}{alt(lx.words('past_event_nouns'))}\s+{alt(lx.words('of'))}\s+"
                                        rf"(?:{alt(lx.articles)}\s+)?$"),
        "name_head_before": re.compile(rf"{B}{alt(lx.words('date_name_heads'))}\s+$"),   # "la avenida 4 de Julio"
        # "la Plaza de Mayo", "la avenida de Mayo": a month after such a noun and "de"
        "name_head_of_before": re.compile(rf"{B}{alt(lx.words('date_name_heads'))}\s+{alt(lx.words('of'))}\s+$"),
        # "la 9 de Julio": a day number after a feminine article (a date takes "el"), the month capitalised
        "feminine_before": re.compile(rf"{B}{alt(lx.words('date_name_articles'))}\s+$"),
        "since_before": re.compile(rf"{B}(?:{alt(lx.words('since_past_words'))})\s+(?:{alt(lx.articles)}\s+)?$"),
        # "desde el golpe de Estado de febrero": the month of what a span runs from (behind the story too)
        "since_noun_before": re.compile(rf"{B}(?:{alt(lx.words('since_past_words'))})\s+(?:{alt(lx.articles)}\s+)?\w+"
                                        rf"(?:\s+(?:{alt(lx.words('of'))})\s+\w+)?\s+(?:{alt(lx.words('of'))})\s+$"),
        # "los años sesenta y setenta", "los 80 y 90": a second decade joined to the first
        "decade_pair": re.compile(rf"\s+{alt(lx.words('alternatives'))}\s+(?:{alt(lx.words('plural_articles'))}\s+)?"
                                  rf"(?P<dec>(?:1[0-9]|20)?[0-9]0|{alt(lx.decade_words)})s?(?![\w.,:]\d|\w)"),
        "coordinated_clause": re.compile(rf",?\s+{alt(lx.words('coordinated_clause_leads'))}{E}"
                                         rf"|,\s*{alt(lx.words('relative_pronouns'))}{E}"),
        "clause_break": re.compile(rf",\s*{alt(lx.words('clause_breaks'))}{E}"),   # ", lo que ...": another clause
        "range_open": re.compile(rf"{B}{alt(lx.range_openers)}\s+(?:{alt(lx.articles)}\s+)?$"),
        "range_join": re.compile(rf"^\s*{alt(lx.range_joiners)}\s+(?:{alt(lx.articles)}\s+)?$"),
        "article": re.compile(rf"{B}{alt(lx.articles)}\s+$"),
        "same_period": re.compile(rf"{B}(?:{alt(lx.articles)}\s+)?{alt(lx.words('same'))}\s+"
                                  rf"{alt(lx.words('period_words'))}\s+(?:{alt(lx.words('of'))}\s+)?$"),
        "since_clause": re.compile(rf"{B}{alt(lx.words('since_clause'))}{E}"),
        "background_clause": re.compile(rf",\s*{alt(lx.words('background_clause_leads'))}{E}[^,;.!?]*$"),
        # "la jornada más sangrienta desde la guerra de 2014": a span's far start in the date's clause
        "demanded": re.compile(rf"{B}{alt(lx.words('demand_verbs'))}\s+que\s[^.;!?]*$"),
        "since_in_clause": re.compile(rf"{B}{alt(lx.words('since_past_words'))}{E}[^,;.!?]*"   # ("desde el inicio
                                      rf"(?:,\s+{alt(lx.words('since_apposed') or ['(?!x)x'])}\s+)?$"),   # de la invasión, en")
        "fiscal_year": re.compile(rf"{B}{alt(lx.words('fiscal_year'))}\s+$"),
        "fiscal_after": re.compile(rf"\s+{alt(lx.words('fiscal_after'))}{E}"),   # "el actual año fiscal"
        # "el primer trimestre de su año fiscal 2010": the quarter of a fiscal year told right after it
        "quarter_of_fiscal": re.compile(rf"\s+{alt(lx.words('of'))}\s+(?:{alt(lx.words('possessives'))}\s+)?"),
        "told_period": re.compile(rf"{B}{alt(lx.words('told_period_articles'))}\s+"
                                  rf"(?P<unit>{alt(lx.words('told_periods'))})(?!\s+{alt(lx.words('of'))}{E})(?=\s|[,.;:)])"),
        "period_of_months": re.compile(rf"{B}{alt(lx.words('told_period_articles'))}\s+"
                                       rf"(?P<unit>{alt(lx.words('told_periods'))})\s+{alt(lx.words('of'))}\s+$"),
        "period_ending": re.compile(rf"\s+{alt(lx.words('period_endings'))}\s+"
                                    rf"(?:{alt(lx.words('told_period_articles'))}\s+)?"),
        # "su cuarto trimestre fiscal, cerrado el 26 de septiembre": the day a period told just before ended
        "period_end_gap": re.compile(rf"(?:\s+{alt(lx.words('fiscal_after'))})?\s*,?\s*"
                                     rf"{alt(lx.words('period_endings'))}\s+"
                                     rf"(?:{alt(lx.words('told_period_articles'))}\s+)?"),
        "age_lead": re.compile(rf"{B}{alt(lx.words('age_of'))}\s+$"),
        "elided_age": re.compile(rf"[,(]\s*{alt(lx.words('age_of'))}\s+(?P<n>\d{{1,3}})(?=\s*[,;)]|\.(?!\d))"),
        "day_gap": re.compile(rf"\s+{alt(lx.words('of'))}\s+(?:[^\W\d_]+\s+)?"),
        # "a las 2.54 hora local (1.54 GMT) de la madrugada de ayer": what is between a clock and its day
        "week_of_day": re.compile(rf"{B}(?:{alt(lx.words('week_of_day'))})\s+$"),
        "clock_day_gap": re.compile(rf"\)?\s+{alt(lx.words('of'))}\s+(?:{alt(lx.words('part_articles'))}\s+)?"),
        # "la noche del sábado 12 de octubre de 2002", "la misma noche del viernes": the part of a day named after it
        "part_before_day": re.compile(rf"{B}(?:{alt(lx.words('part_articles'))}\s+)?(?:{alt(lx.words('same'))}\s+)?"
                                      rf"(?P<dp>{alt(lx.day_parts)})\s+{alt(lx.words('of'))}\s+$"),
        # "dos días después", not "dos días después de las elecciones" (matched at a duration's end)
        "shift": re.compile(rf"\s+(?P<w>{alt(lx.duration_shifts)}){E}(?!\s+{alt(lx.shift_guards)}{E})"),
        # "doce días después de la caída de Salma": a step from a happening the text names
        "shift_of": re.compile(rf"\s+(?P<w>{alt(lx.duration_shifts)}){E}(?=\s+{alt(lx.words('of'))}{E})"),
    }
