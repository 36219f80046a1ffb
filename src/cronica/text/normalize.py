"""Text normal forms used for hashing and matching."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, accents removed (NFKD), other characters kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Folded words, punctuation dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def content_hash(text: str, length: int = 16) -> str:
    """A stable hash of the text's words: the same content gives the same id."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()[:length]
