"""Find place-name mentions in text: gazetteer names + spaCy NER, filtered.

Gazetteer names are found by a word n-gram lookup over accent-folded text
(:func:`fold_text` keeps offsets, so a hit's offsets are the original text's):
every word that can start a gazetteer name opens a window of up to
``max_words`` words, looked up in a hash set (token boundaries by
construction; longest match wins). This is the Aho-Corasick idea with Python
dicts: no automaton to build at load time, ~1 MB/s of text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from cronica.geo.normalize import fold

WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str                        # folded name looked up
    rows: list[int] = field(default_factory=list)
    source: str = "gazetteer"       # gazetteer | ner
    trusted: bool = False           # alias / country / province / big city: accept on its own
    ner: Optional[str] = None       # label of an overlapping spaCy entity
    cue: Optional[str] = None       # "admin", "part", "place", "river"
    role: str = "location"
    rule: list[str] = field(default_factory=list)
    region: str = ""                # source "region": ISO2 of the region's country ('' if none)


class NameMatcher:
    """Leftmost-longest lookup of folded multi-word names in folded text."""

    def __init__(self, names: Iterable[str], max_words: int = 6,
                 respellings: Sequence[tuple[str, str]] = ()) -> None:
        self.names = set(names)
        self.first = {n.split(" ", 1)[0] for n in self.names}
        self.max_words = max(1, min(max_words, max((n.count(" ") + 1 for n in self.names), default=1)))
        self.respellings = tuple(respellings)     # another writer's opening letters: ("y", "j") reads Yenín as Jenin
        self.respelt_heads = frozenset(a[:1] for a, _ in self.respellings)

    def respelt(self, w: str) -> Optional[str]:
        """The first word of a name that `w` is with another writer's opening letters, if any."""
        for a, b in self.respellings:
            if w.startswith(a) and (v := b + w[len(a):]) in self.first:
                return v
        return None

    def find(self, ft: str, words: list[tuple[int, int]], text: Optional[str] = None,
             lowercase_heads: frozenset[str] = frozenset(),
             wtexts: Optional[list[str]] = None) -> list[tuple[int, int, str]]:
        """Hits as (start, end, folded name). With `text`, only names that start with a capital
        (or a lower-case head such as 'río') are looked for, as `is_capitalised` keeps.
        `wtexts` are the folded words (`ft[s:e]` for each of `words`), when the caller has them."""
        wt = wtexts if wtexts is not None else [ft[s:e] for s, e in words]
        names, first, n = self.names, self.first, len(words)
        out: list[tuple[int, int, str]] = []
        after = 0                                   # first word not inside the last hit
        heads = self.respelt_heads
        # (capitals first: the text is at hand, the name sets are large and far from the cache)
        opening = range(n) if text is None else [i for i, (s, _e) in enumerate(words)
                                                  if text[s].isupper() or wt[i] in lowercase_heads]
        for i in [i for i in opening if wt[i] in first or (wt[i][:1] in heads and self.respelt(wt[i]))]:
            s = words[i][0]
            if i < after:
                continue
            best = self._longest_at(ft, words, wt, i, n, names, wt[i] if wt[i] in first else self.respelt(wt[i]))
            if best is not None:
                j, key = best
                out.append((s, words[j][1], key))
                after = j + 1
        return out

    def _longest_at(self, ft: str, words: list[tuple[int, int]], wt: list[str], i: int, n: int,
                    names: set[str], key: str) -> Optional[tuple[int, str]]:
        """The longest name starting at word i (read as `key`), as (its last word, the name)."""
        best = (i, key) if key in names else None
        for j in range(i + 1, min(n, i + self.max_words)):
            gap = ft[words[j - 1][1]:words[j][0]]
            if len(gap) > 3 or "\n" in gap or gap.replace(" ", "") not in ("", ".", "'"):
                break
            key = key + ("" if gap == "'" else " ") + wt[j]
            if key in names:
                best = (j, key)
        return best


def words_of(ft: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(ft)]


def is_capitalised(text: str, lowercase_heads: frozenset[str]) -> bool:
    """First word capitalised (or an allowed lower-case head like 'río', 'al'),
    last word capitalised or a number ('Comuna 13')."""
    ws = WORD.findall(text)
    if not ws:
        return False
    if not (ws[-1][0].isupper() or (len(ws) > 1 and ws[-1].isdigit())):
        return False
    if not ws[0][0].isupper() and fold(ws[0]) not in lowercase_heads:
        return False
    return True


def sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\"'«“¿¡(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"
