"""A text's layout: an agency's dateline, title lines and the paragraph its story opens with."""
from __future__ import annotations

import re

DATELINE = re.compile(r"^\s*[A-ZÁÉÍÓÚÑ]{2}[A-ZÁÉÍÓÚÑ \t.'/-]{1,40}(?:\s*\([^)\n]{1,30}\))?(?:,[^\n.()]{0,60}?)?\s*"
                      r"(?:\([^)\n]{1,40}\))?\s*"
                      r"(?:\.-|\.–|\.—|–|—| -)")


def dateline_end(text: str) -> int:
    """'BOGOTÁ, 18 de enero (EFE).-', 'MOSCÚ/BEIRUT, 30 sep (EFE).-': where the report was filed, and when, is not
    the event's place or date;
    the offset where the story starts (0 with no dateline)."""
    m = DATELINE.match(text)
    return m.end() if m else 0


HEADING_WORDS = 12   # a line this short with no closing punctuation is a title
CLOSING = ".!?:;»\"”'-…"


def in_heading(text: str, at: int) -> bool:
    """Is offset `at` on a title line: a short line of its own with no sentence punctuation at its end
    ("Ofensiva israelí en el Líbano (2024)", "Desarrollo")? (Datelines end in ".-" and are no titles.)"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].strip()
    return bool(line) and end >= 0 and len(line.split()) <= HEADING_WORDS and line[-1] not in CLOSING


def lead_paragraph(text: str) -> tuple[int, int]:
    """(start, end) of the first paragraph that is not a title ("Asedio de la Mezquita Roja\\n\\nEl asedio …")."""
    start = len(text) - len(text.lstrip())
    while True:
        end = text.find("\n", start)
        if end < 0:
            return start, len(text)
        if not in_heading(text, start):
            return start, end
        rest = text[end:]
        start = end + len(rest) - len(rest.lstrip())


def section_starts(text: str) -> list[int]:
    """Offsets of the lines after the lead that are section titles ("Antecedentes", "La masacre")."""
    lead_end = lead_paragraph(text)[1]
    out, at = [], lead_end
    while (at := text.find("\n", at)) >= 0:
        at += 1
        if at < len(text) and text[at] not in "\n" and in_heading(text, at):
            out.append(at)
    return out
