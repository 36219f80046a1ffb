"""Folding and transliteration-aware keys for place names.

Three levels, all pure functions of the string:

* :func:`fold_text` maps every character to exactly one character (accents off,
  lower case, hyphens to spaces), so offsets in folded text are offsets in the
  original: recognition runs Aho-Corasick over it.
* :func:`fold` is ``fold_text`` plus deletion of apostrophes/ayn/hamza and
  collapsing of spaces: the exact-name key.
* :func:`translit_key` and :func:`skeleton` are coarse keys that make
  "Faluyah", "Al Fallujah", "Fallūja" or "Tall ‘Afar", "Tal Afar", "Talafar"
  equal. The rules live in ``data/gazetteer/translit.yaml``; this code is generic.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    with (DATA_DIR / "translit.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["articles"] = frozenset(data.get("articles") or [])
    data["drop_tokens"] = frozenset(data.get("drop_tokens") or [])
    data["_subs"] = [(re.compile(a), b) for a, b in data.get("subs") or []]
    data["_skel"] = re.compile("[" + re.escape(data.get("skeleton_drop", "aeiou")) + "]")
    return data


def rules_version() -> int:
    return int(rules().get("version", 0))


def _fold_char(c: str) -> str:
    """One character -> one character (or itself)."""
    letters = rules()["letters"]
    low = c.lower()
    if len(low) != 1:
        low = c
    if low in letters and len(letters[low]) == 1:
        return letters[low]
    d = unicodedata.normalize("NFKD", low)
    base = "".join(ch for ch in d if not unicodedata.combining(ch))
    if len(base) == 1:
        return base
    return low


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    delete = set(rules()["delete_chars"])
    for cp in list(range(0x20, 0x2FF)) + list(range(0x1E00, 0x1F00)):
        c = chr(cp)
        f = _fold_char(c)
        if f != c:
            table[cp] = f
    for c in "-‐‑‒–—_/":
        table[ord(c)] = " "
    for c in delete:
        table[ord(c)] = "'"          # kept as one char; fold() deletes it
    return table


def fold_text(text: str) -> str:
    """Same length as `text`: accents removed, lower case, dashes -> space,
    apostrophe-like marks -> "'"."""
    return text.translate(_fold_table())


def fold(name: str) -> str:
    """Exact-name key: folded, apostrophes deleted, punctuation to single spaces."""
    s = fold_text(name).replace("'", "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    letters = rules()["letters"]
    s = "".join(letters.get(ch, ch) for ch in s)
    return " ".join(_WORD.findall(s))


def tokens_key(name: str) -> list[str]:
    r = rules()
    toks = fold(name).split()
    toks = [r["tokens"].get(t, t) for t in toks if t not in r["drop_tokens"]] or toks
    kept = [t for t in toks if t not in r["articles"]]
    return kept or toks


@functools.lru_cache(maxsize=200_000)
def translit_key(name: str) -> str:
    """Coarse, space-free key shared by transliteration variants."""
    toks = tokens_key(name)
    s = "".join(_apply_subs(t) for t in toks)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def _apply_subs(tok: str) -> str:
    for pat, rep in rules()["_subs"]:
        tok = pat.sub(rep, tok)
    return tok


def skeleton(key: str) -> str:
    """Consonant skeleton of a translit key (vowels and glides dropped)."""
    s = rules()["_skel"].sub("", key)
    return re.sub(r"(.)\1+", r"\1", s) or key


def split_kind(name: str) -> tuple[str, Optional[str]]:
    """'Al Fallūjah town' -> ('Al Fallūjah', 'town'); 'aldea Teir Maaleh' -> ('Teir Maaleh', 'village').
    A leading or trailing kind word (``kind_words`` in translit.yaml); never the whole name."""
    kinds = rules().get("kind_words") or {}
    ws = name.split()
    if len(ws) < 2:
        return name, None
    last, first = fold(ws[-1]), fold(ws[0])
    if last in kinds:
        return " ".join(ws[:-1]), kinds[last]
    if first in kinds:
        return " ".join(ws[1:]), kinds[first]
    return name, None
