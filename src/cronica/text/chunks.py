"""Huge documents in bounded memory: cut at paragraph ends, annotate, shift back."""
from __future__ import annotations

import dataclasses
from typing import Any

from cronica.model import Span

MAX_CHARS = 100_000


def cut_points(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of at most `max_chars`, ending at a newline where one exists."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        end = text.rfind("\n", start + max_chars // 2, start + max_chars)
        end = end + 1 if end > 0 else start + max_chars
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def shifted(obj: Any, offset: int) -> Any:
    """A copy of a record with every Span moved right by `offset`."""
    if offset == 0:
        return obj
    if isinstance(obj, Span):
        return Span(obj.start + offset, obj.end + offset, obj.text)
    if isinstance(obj, list):
        return [shifted(x, offset) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: shifted(getattr(obj, f.name), offset) for f in dataclasses.fields(obj)
                   if _has_span(getattr(obj, f.name))}
        return dataclasses.replace(obj, **changes) if changes else obj
    return obj


def _has_span(value: Any) -> bool:
    return isinstance(value, (Span, list)) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type))
