"""News datelines: 'Beasain ( Guipúzcoa ) , 23 may ( EFE )', 'BAGDAD, 12 may (AFP)',
'Por Isabel Laguna Madrid , 23 may': the place where the news is from. The agencies, month
abbreviations and byline word are language data (`datelines` in lang/<lang>/places.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_LINE_OPEN = re.compile(r"(?:^|\n)[^\n()]{1,50}\([ \t]*$")
_DATELINE_PROV = re.compile(r"(?:^|\n)\s*[^\W\d_][\w\- ]{1,30}\(\s*$", re.UNICODE)


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@dataclass(frozen=True)
class Datelines:
    """The dateline patterns of one language."""
    dateline: re.Pattern
    agency_dateline: re.Pattern
    bracket_dateline: re.Pattern
    byline: re.Pattern
    date_after: re.Pattern      # a day and month right after a name: " 23 may", " 5 de junio"

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> "Datelines":
        agencies, months, of = _alt(d["agencies"]), _alt(d["months"]), re.escape(d["day_of"])
        codes, by = _alt(d["agency_codes"]), re.escape(d["byline"])
        return cls(
            dateline=re.compile(rf"\s*(?:\(\s*[^()\n]{{2,30}}\)\s*)?(?:,\s*\d{{1,2}}\s*(?:{of}\s+)?[a-zA-Z]{{3,10}}\.?\s*)?"
                                rf"\(\s*{agencies}\s*\)"
                                rf"|\s*(?:\(\s*[^()\n]{{2,30}}\)\s*)?,\s*\d{{1,2}}\s*(?:{of}\s+)?{months}", re.I),
            agency_dateline=re.compile(rf"[ \t]*(?:\([^()\n]{{2,30}}\)[ \t]*)?,[ \t]*(?:\d{{1,2}}[ \t]*(?:{of}[ \t]+)?"
                                       rf"[a-zA-Z]{{3,10}}\.?[ \t]*)?\([ \t]*{agencies}[ \t]*\)"),
            bracket_dateline=re.compile(rf"[ \t]*\)[ \t]*(?:,[ \t]*\(?\d{{1,2}}[ \t]*(?:{of}[ \t]+)?[a-zA-Z]{{3,10}}"
                                        rf"|,?[ \t]*\([ \t]*{agencies}[ \t]*\))"),
            byline=re.compile(rf"(?:\b{by}(?:\s+[^\W\d_][\w\-]*){{1,4}}|\b{codes}(?:\s+[\w/\-]+){{1,2}}|\.\s*-)\s*$",
                              re.UNICODE),
            date_after=re.compile(rf" \d{{1,2}} (?:{of} )?{months}", re.I),
        )

    def is_dateline(self, text: str, start: int, end: int) -> bool:
        """Is text[start:end] the place of a news dateline?"""
        if self.agency_dateline.match(text, end):
            return True     # "... Cadete B. Bilbao , 23 may ( EFE )": the agency's dateline
        if self.bracket_dateline.match(text, end) and _LINE_OPEN.search(text[max(0, start - 60):start]):
            return True     # the province in "Don Benito ( Badajoz ) , 25 may ( EFE )"
        k = start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and text[k] not in "\n":
            # or the province in "Beasain ( Guipúzcoa )" at a line start
            m = _DATELINE_PROV.search(text[max(0, start - 40):start])
            # or after a byline / agency code: "Por Isabel Laguna Madrid , 23 may", "EFE JG-c Roma , 23 may"
            if not m and not self.byline.search(text[max(0, start - 60):start]):
                return False
        return bool(self.dateline.match(text[end:end + 60]))
