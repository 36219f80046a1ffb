"""A Doc's text without `Doc.text` (which makes a Token object per word)."""
from __future__ import annotations

from spacy.attrs import ORTH, SPACY


def doc_text(sdoc) -> str:
    """`sdoc.text`, rebuilt from the token arrays; stages given the document's text use that."""
    if not len(sdoc):
        return ""
    strings = sdoc.vocab.strings
    return "".join(strings[o] + " " if sp else strings[o] for o, sp in sdoc.to_array([ORTH, SPACY]).tolist())
