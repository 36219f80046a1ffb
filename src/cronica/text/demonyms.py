"""Country adjectives (gentilicios) of a language's data, in all their forms."""
from __future__ import annotations

from cronica.text.normalize import fold


def demonym_forms(word: str) -> list[str]:
    """Masculine singular gentilicio -> its four (folded) forms."""
    w = fold(word)
    if w.endswith("o"):
        return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
    if w.endswith("i") or w.endswith("u"):
        return [w, w + "es", w + "s"]
    if w.endswith("e") or w.endswith("a"):
        return [w, w + "s"]
    if w.endswith("z"):
        return [w, w[:-1] + "ces"]
    return [w, w + "a", w + "es", w + "as"]


def adjective_countries(table: dict) -> dict[str, str]:
    """{ISO2: [masculine singular gentilicio, ...]} (the actors data's `demonyms`) -> folded form -> ISO2."""
    out: dict[str, str] = {}
    for cc, words in (table or {}).items():
        for w in words:
            for f in demonym_forms(w):
                out.setdefault(f, cc)
    return out
