"""Small parsers shared by the commands."""
from __future__ import annotations

from datetime import date
from typing import Optional

from cronica.errors import CronicaError, E


def parse_day(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CronicaError(E.E009, value=value) from exc
