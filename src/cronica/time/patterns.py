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


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern


def alt(words: Iterable[str]) -> str:
    """An alternation, longest first; spaces match any whitespace."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq) + ")"


def _pieces(lx: Lexicon) -> dict[str, str]:
    units = [w for w, v in lx.numbers.items() if v < 10]
    num_words = rf"(?:{alt(lx.tens)}\s+{re.escape(lx.joiner)}\s+{alt(units)}|{alt(lx.numbers)})"
    plural_units = [u for u in lx.dunits if u.endswith("s")]
    p = {
        "ART": rf"(?P<art>{alt(lx.articles)}\s+)?",
        "MONTH": alt(lx.months) + r"(?![\w])",
        "WD": alt(lx.weekdays),
        "DAY": rf"(?:3[01]|[12]\d|0?[1-9])(?![\d])|{num_words}",
        "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)",
        "NUM": rf"(?:\d+(?:[.,]\d+)?(?!\d)|{alt(lx.pairs) if lx.pairs else 'un par de'}|{num_words})",
        "FUZZY": alt(lx.fuzzy),
        "ORD": alt(lx.ordinals),
        "PP": alt(list(lx.period_parts) + [u for u, g in lx.cal_units.items()
                                           if g in ("quarter", "half", "third")]),
        "REL": alt(lx.relative),
        "DEM": alt(lx.demonstratives),
        "DUNIT": alt(lx.dunits),
        "DUNITPL": alt(plural_units),
        "CALUNIT": alt(lx.cal_units),
        "DMOD": alt(lx.dmods),
        "VAGUE": alt(lx.vague + ["unos", "unas"]),
        "ULT": r"(?:ultim[oa]s|proxim[oa]s|pasad[oa]s|siguientes)",
        "SEASON": alt(lx.seasons),
        "DEC": rf"(?:(?:1[0-9]|20)?[0-9]0|{alt(lx.decade_words)})",
        "DEIC": alt(lx.deictic_days),
        "DP": alt(lx.day_parts),
    }
    p["PART"] = rf"(?:(?P<part>{p['FUZZY']})\s+(?:del|de)\s+)?"
    p["PORD"] = rf"(?:(?P<pord>{p['ORD']})\s+(?P<pp>{p['PP']})\s+(?:del|de)\s+)?"
    return p


def _templates(p: dict[str, str], lx: Lexicon) -> list[tuple[str, str, str]]:
    """(rule name, kind, regex) in priority order (earlier wins ties)."""
    return [
        ("range_days", "range_days",
         rf"(?P<open>del|de|entre\s+el|entre\s+los\s+dias|desde\s+el)\s+(?P<d1>{p['DAY']})\s+"
         rf"(?:al|a|y\s+el|y|hasta\s+el)\s+(?P<d2>(?:{p['DAY']})\s+de\s+(?P<month>{p['MONTH']})"
         rf"(?:\s+(?:de|del)\s+(?P<year>{p['YEAR']}))?)"),
        ("iso_date", "numeric", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
        ("numeric_date", "numeric", r"(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})(?![\d])"),
        ("date", "date",
         rf"{p['ART']}{p['PART']}{p['PORD']}(?:(?P<rel1>{p['REL']})\s+)?(?:(?P<wd>{p['WD']})\s*,?\s+)?"
         rf"(?:dia\s+)?(?:(?P<day>{p['DAY']})\s+(?:de\s+)?)?(?:(?:el\s+)?mes\s+de\s+)?(?P<month>{p['MONTH']})"
         rf"(?:\s+(?P<rel2>{p['REL']})(?![\w]))?(?:\s*,?\s*(?:de|del)\s+(?:(?:el\s+)?ano\s+)?(?P<year>{p['YEAR']})"
         rf"|\s+(?P<year2>{p['YEAR']}))?"),
        ("season", "season",
         rf"{p['ART']}{p['PART']}(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<season>{p['SEASON']})"
         rf"(?:\s+(?P<rel2>{p['REL']}))?(?:\s+(?:de|del)\s+(?P<year>{p['YEAR']}))?"),
        ("year", "year",
         rf"{p['ART']}{p['PART']}{p['PORD']}(?:(?:el\s+)?ano\s+)?(?P<year>{p['YEAR']})"
         r"(?:\s*[-/]\s*(?P<year_to>\d{4}|\d{2})(?![\d]))?"),
        ("decade", "decade",
         rf"{p['PART']}(?P<dhead>(?:las?\s+)?decadas?\s+de\s+(?:los\s+)?(?:anos\s+)?|(?:los\s+)?anos\s+|los\s+)"
         rf"(?P<dec>{p['DEC']})s?"),
        ("century", "century",
         rf"{p['ART']}{p['PART']}(?:(?P<dem>{p['DEM']})\s+)?siglo\s+(?P<cent>[ivxl]+|\d{{1,2}})"),
        ("ordinal_unit", "ordinal_unit",
         rf"{p['ART']}(?P<pord>{p['ORD']})\s+(?P<pp>{p['PP']})(?:\s+(?:de|del)\s+(?:(?P<dem>{p['DEM']})\s+)?"
         rf"(?P<yunit>ano|ejercicio))?"),
        ("relative_unit", "rel_unit",
         rf"{p['ART']}{p['PART']}(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<unit>{p['CALUNIT']})"
         rf"(?:\s+(?P<rel2>{p['REL']}))?"),
        ("weekday_set", "weekday_set", rf"(?P<wdp>{alt(lx.weekdays_plural)})"),
        ("weekday", "weekday",
         rf"(?P<art>(?:el|del|al)\s+)?(?:(?P<dem>{p['DEM']})\s+)?(?:(?P<rel1>{p['REL']})\s+)?(?P<wd>{p['WD']})"
         rf"(?:\s+(?P<rel2>{p['REL']}))?"),
        ("deictic_time", "deictic_time", rf"(?P<dt>{alt(lx.deictic_times)})"),
        ("deictic_day", "deictic_day",
         rf"(?P<art>el\s+dia\s+de\s+|la\s+)?(?P<deic>{p['DEIC']})(?:\s*,?\s*(?P<wd>{p['WD']}))?"),
        ("ago", "ago",
         rf"(?P<dir>hace|dentro\s+de)\s+(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<num>{p['NUM']})|(?P<vq>{p['VAGUE']}))"
         rf"\s+(?P<unit>{p['DUNIT']})"),
        ("duration", "duration",
         rf"{p['ART']}(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<last>{p['ULT']})\s+)?(?P<num>{p['NUM']})\s+"
         rf"(?P<unit>{p['DUNIT']})(?:\s+y\s+(?P<half>medio|media)|\s+y\s+(?P<num2>{p['NUM']})\s+"
         rf"(?P<unit2>{p['DUNIT']}))?(?:\s+(?P<last2>{p['ULT']}|mas))?"),
        ("vague_duration", "vague_duration",
         rf"{p['ART']}(?:(?P<dmod>{p['DMOD']})\s+)?(?:(?P<vq>{p['VAGUE']})|(?P<last>{p['ULT']}))\s+"
         rf"(?P<unit>{p['DUNITPL']})"),
        ("set_cada", "set",
         rf"(?:cada|tod[oa]s\s+l[oa]s)\s+(?:(?P<num>{p['NUM']})\s+)?(?P<unit>{p['DUNIT']})"),
        ("clock", "clock",
         rf"(?:(?P<art>las?)\s+)?(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.h])(?P<m>[0-5]\d))(?![\d])"
         rf"(?:\s*(?P<hrs>horas|hrs|h)(?![\w]))?(?:\s+(?P<tz>gmt|utc))?"
         rf"(?:\s+de\s+la\s+(?P<dp>{p['DP']}))?"),
        ("clock_words", "clock",
         rf"(?P<art>las?)\s+(?P<h>[01]?\d|2[0-3]|{alt(w for w, v in lx.numbers.items() if v <= 12)})"
         rf"(?:\s+y\s+(?P<mw>media|cuarto))?(?:\s+(?P<hrs>horas)|\s+de\s+la\s+(?P<dp>{p['DP']})|\s+en\s+punto)"),
        ("phrase", "phrase", rf"(?P<phrase>{alt(lx.phrases)})"),
    ]


def build_rules(lx: Lexicon) -> list[Rule]:
    p = _pieces(lx)
    return [Rule(name, kind, re.compile(B + rx + E)) for name, kind, rx in _templates(p, lx)]


def build_helpers(lx: Lexicon) -> dict[str, re.Pattern]:
    """Small expressions for the context around a match (bounds, tense, ranges)."""
    return {
        "bound": re.compile(rf"{B}(?P<b>{alt(lx.bounds)})\s+(?:{alt(lx.articles)}\s+)?$"),
        "future": re.compile(rf"{B}(?:{'|'.join(lx.future_markers) or '(?!)'}){E}"),
        "range_open": re.compile(rf"{B}{alt(lx.range_openers)}\s+(?:{alt(lx.articles)}\s+)?$"),
        "range_join": re.compile(rf"^\s*{alt(lx.range_joiners)}\s+(?:{alt(lx.articles)}\s+)?$"),
        "article": re.compile(rf"{B}{alt(lx.articles)}\s+$"),
    }
