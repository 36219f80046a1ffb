"""Repeated paragraphs and documents are processed once."""
from __future__ import annotations

import pytest

from cronica.text import CorpusDeduplicator, ParagraphDeduplicator

P1 = ("El 4 de febrero las Fuerzas Democráticas Sirias iniciaron una nueva fase de su ofensiva "
      "contra la ciudad de Raqqa con el objetivo de completar el cerco.")
P2 = "Las fuerzas iraquíes capturaron el lado oriental de Mosul tras cien días de combates."


@pytest.mark.parametrize("paragraphs, kept", [
    ([P1, P2], [0, 1]),
    ([P1, P2, P1], [0, 1]),                                  # verbatim repeat
    ([P1, P2, P1.replace("nueva fase", "nueva etapa")], [0, 1]),  # near repeat
    ([P1, P1.upper()], [0]),                                  # case only
    ([P2, "Fin.", "Fin."], [0, 1]),                          # short: exact only
    ([P1, P2.replace("oriental", "occidental").replace("capturaron", "perdieron")], [0, 1]),
])
def test_paragraph_repeats_are_dropped(paragraphs, kept):
    text = "\n".join(paragraphs)
    spans = ParagraphDeduplicator().kept_spans(text)
    assert [paragraphs.index(s.text) if s.text in paragraphs else -1 for s in spans] == kept
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_corpus_near_duplicates():
    dedup = CorpusDeduplicator()
    assert dedup.duplicate_of("a", P1 + " " + P2) is None
    assert dedup.duplicate_of("b", P2) is None
    assert dedup.duplicate_of("c", P1 + " " + P2 + " (EFE)") == "a"
    assert dedup.duplicate_of("d", P1 + " " + P2) == "a"


def test_long_documents_use_the_lsh_index():
    distinct = [f"Parrafo numero {i}: las fuerzas del frente {i} avanzaron sobre la aldea {i * 7} "
                f"durante la noche del dia {i} sin encontrar resistencia alguna." for i in range(80)]
    text = "\n".join(distinct + distinct[:5])
    spans = ParagraphDeduplicator(lsh_above=64).kept_spans(text)
    assert [s.text for s in spans] == distinct
