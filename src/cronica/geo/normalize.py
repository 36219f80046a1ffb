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
* :func:`token_keys` and :func:`split_qualifiers` give the same keys word by word and
  set apart qualifier words ('Lower', 'Tahtani', 'al Gharbiyah', 'Occidental'), so that
  names can match on the rest; :func:`arabic_to_latin` spells an Arabic-script name in
  Latin letters (consonants and long vowels only: match its :func:`skeleton`).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

from cronica.lang import parse_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    with (DATA_DIR / "translit.yaml").open(encoding="utf-8") as fh:
        data = parse_yaml(fh)
    data["articles"] = frozenset(data.get("articles") or [])
    data["drop_tokens"] = frozenset(data.get("drop_tokens") or [])
    data["_subs"] = [(re.compile(a), b) for a, b in data.get("subs") or []]
    data["_skel_classes"] = str.maketrans(data.get("skeleton_classes") or {})
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
    # the unchanged characters of those ranges map to themselves: a missing key costs `translate` an exception
    identity = {cp: chr(cp) for cp in list(range(0x2FF)) + list(range(0x1E00, 0x1F00))}
    return identity | table


def fold_text(text: str) -> str:
    """Same length as `text`: accents removed, lower case, dashes -> space,
    apostrophe-like marks -> "'"."""
    return text.translate(_fold_table())


@functools.lru_cache(maxsize=65_536)
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


@functools.lru_cache(maxsize=200_000)
def token_keys(name: str) -> tuple[str, ...]:
    """Per-word transliteration keys, articles and generic words off:
    'Balatah al Gharbiyah' -> ('balata', 'garbia'). The words of :func:`translit_key`."""
    out = []
    for t in tokens_key(name):
        k = _DOUBLE.sub(r"\1", _apply_subs(t))
        if k:
            out.append(k)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _qualifier_map() -> dict[str, str]:
    """token key of every spelling / translation of a qualifier word -> its canonical form."""
    out: dict[str, str] = {}
    for canon, variants in (rules().get("qualifiers") or {}).items():
        for v in [canon] + list(variants or []):
            for k in token_keys(str(v)):
                out.setdefault(k, canon)
    return out


@functools.lru_cache(maxsize=1)
def _qualifier_connectors() -> frozenset[str]:
    """Token keys of the words that join a qualifier to its name ('Darfur del Norte', 'Kivu du Sud')."""
    return frozenset(k for w in rules().get("qualifier_connectors") or [] for k in token_keys(str(w)))


def split_qualifiers(keys: tuple[str, ...]) -> tuple[str, frozenset[str]]:
    """Token keys -> (core key, qualifiers): ('balata', 'garbia') -> ('balata', {'west'});
    ('wistirn', 'balata') -> the same; 'Darfur del Norte' = 'Northern Darfur'. Qualifiers are the
    words that tell apart the parts of one place ('Western', 'al Gharbiyah', 'Kabir', 'Tahtani',
    'Qadimah', 'del Sur'; ``qualifiers`` and ``qualifier_connectors`` in translit.yaml). A name that
    is only qualifiers is its own core ('Al Kabirah')."""
    qmap = _qualifier_map()
    if any(k in qmap for k in keys):
        conn = _qualifier_connectors()
        keys = tuple(k for i, k in enumerate(keys) if not (k in conn and (
            (i + 1 < len(keys) and keys[i + 1] in qmap) or (i and keys[i - 1] in qmap))))
    core = [k for k in keys if k not in qmap]
    if not core or len(core) == len(keys):
        return _DOUBLE.sub(r"\1", "".join(keys)), frozenset()
    return _DOUBLE.sub(r"\1", "".join(core)), frozenset(qmap[k] for k in keys if k in qmap)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def arabic_to_latin(name: str) -> str:
    """Arabic-script name -> Latin letters (``arabic_letters`` in translit.yaml), article off:
    'النقير' -> 'nqyr'. Short vowels are unwritten, so only its :func:`skeleton` is worth matching.
    '' when the name has no Arabic letters."""
    if not _ARABIC.search(name):
        return ""
    r = rules()
    table, art = r.get("arabic_letters") or {}, r.get("arabic_article") or ""
    words = []
    for w in name.split():
        w = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c) and c != "\u0640")
        if art and w.startswith(art) and len(w) > len(art) + 1:
            w = w[len(art):]
        w = "".join(table.get(c, c if c.isascii() and c.isalnum() else "") for c in w)
        if w:
            words.append(w)
    return " ".join(words)


def skeleton(key: str) -> str:
    """Consonant skeleton of a translit key (vowels and glides dropped)."""
    r = rules()
    s = r["_skel"].sub("", key).translate(r["_skel_classes"])
    return _DOUBLE.sub(r"\1", s) or key


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
