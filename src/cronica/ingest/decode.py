"""Bytes to text, with a clear word about what was wrong."""
from __future__ import annotations

import warnings
from pathlib import Path

from cronica.errors import CronicaError, CronicaWarning, E

_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.1


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text of a file; invalid bytes become U+FFFD with a warning naming the file."""
    if looks_binary(data):
        raise CronicaError(E.E003, path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.warn(CronicaWarning(E.E004, path=path, pos=exc.start), stacklevel=2)
        return data.decode("utf-8", errors="replace")


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise CronicaError(E.E008, path=str(path))
    return path.read_bytes()
