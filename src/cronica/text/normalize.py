"""Text normal forms used for hashing and matching."""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold_char(c: str) -> str:
    """One character lower-cased and accent-free, still one character."""
    low = c.lower()
    if len(low) != 1:
        return c
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isalnum() or not low.isalnum() else low


@functools.lru_cache(maxsize=1)
def _accents() -> dict[int, str]:
    """Latin-1 and Latin Extended-A/B letters to their base letter (read-only by convention)."""
    table = {cp: chr(cp) for cp in range(0x250)}   # (every key present: a missing one costs `translate` an exception)
    for cp in range(0xC0, 0x250):
        table[cp] = fold_char(chr(cp))
    return table


def fold(text: str) -> str:
    """Lower case and accent-free, with the SAME length as `text` (offsets stay valid)."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) == len(text):
        return low.translate(_accents())
    return "".join(fold_char(c) for c in text)


def words(text: str) -> list[str]:
    """Folded words, punctuation dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def content_hash(text: str, length: int = 16) -> str:
    """A stable hash of the text's words: the same content gives the same id."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()[:length]
