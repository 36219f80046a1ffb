"""News datelines: 'Beasain ( Guipúzcoa ) , 23 may ( EFE )', 'BAGDAD, 12 may (AFP)',
'Por Isabel Laguna Madrid , 23 may': the place where the news is from."""
from __future__ import annotations

import re

_AGENCIES = r"(?:EFE|EFECOM|AFP|AP|Reuters|Europa Press|DPA|ANSA|Xinhua|SANA|IRNA|EP)"
_DATELINE = re.compile(r"\s*(?:\(\s*[^()\n]{2,30}\)\s*)?(?:,\s*\d{1,2}\s*(?:de\s+)?[a-zA-Z]{3,10}\.?\s*)?"
                       r"\(\s*" + _AGENCIES + r"\s*\)"
                       r"|\s*(?:\(\s*[^()\n]{2,30}\)\s*)?,\s*\d{1,2}\s*(?:de\s+)?(?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)", re.I)
_AGENCY_DATELINE = re.compile(r"[ \t]*(?:\([^()\n]{2,30}\)[ \t]*)?,[ \t]*(?:\d{1,2}[ \t]*(?:de[ \t]+)?[a-zA-Z]{3,10}\.?[ \t]*)?"
                              r"\([ \t]*" + _AGENCIES + r"[ \t]*\)")
_BRACKET_DATELINE = re.compile(r"[ \t]*\)[ \t]*(?:,[ \t]*\(?\d{1,2}[ \t]*(?:de[ \t]+)?[a-zA-Z]{3,10}|,?[ \t]*\([ \t]*"
                               + _AGENCIES + r"[ \t]*\))")
_LINE_OPEN = re.compile(r"(?:^|\n)[^\n()]{1,50}\([ \t]*$")
_BYLINE = re.compile(r"(?:\bPor(?:\s+[^\W\d_][\w\-]*){1,4}|\b(?:EFE|EFECOM)(?:\s+[\w/\-]+){1,2}|\.\s*-)\s*$", re.UNICODE)
_DATELINE_PROV = re.compile(r"(?:^|\n)\s*[^\W\d_][\w\- ]{1,30}\(\s*$", re.UNICODE)


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the place of a news dateline?"""
    if _AGENCY_DATELINE.match(text, end):
        return True     # "... Cadete B. Bilbao , 23 may ( EFE )": the agency's dateline
    if _BRACKET_DATELINE.match(text, end) and _LINE_OPEN.search(text[max(0, start - 60):start]):
        return True     # the province in "Don Benito ( Badajoz ) , 25 may ( EFE )"
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] not in "\n":
        # or the province in "Beasain ( Guipúzcoa )" at a line start
        m = _DATELINE_PROV.search(text[max(0, start - 40):start])
        # or after a byline / agency code: "Por Isabel Laguna Madrid , 23 may", "EFE JG-c Roma , 23 may"
        if not m and not _BYLINE.search(text[max(0, start - 60):start]):
            return False
    return bool(_DATELINE.match(text[end:end + 60]))
