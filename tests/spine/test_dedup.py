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


def test_near_duplicates_of_stored_documents_are_found_from_stored_keys(tmp_path, pipeline):
    """A second run finds a near repeat of a stored document through the keys the first
    run stored, without the stored text (here blanked to prove it is not re-hashed)."""
    from cronica.api import make_document
    from cronica.extract import extract_documents
    from cronica.store import open_store

    db = tmp_path / "c.duckdb"
    first = make_document(P1 + " " + P2, doc_id="first")
    with open_store(db) as store:
        extract_documents([first], store, pipeline, progress=False)
        assert store.query("SELECT count(*) AS n FROM document_keys WHERE doc_id = 'first'")[0]["n"] > 1
        store.con.execute("UPDATE documents SET text = '' WHERE doc_id = 'first'")
    again = make_document(P1 + " " + P2 + " (EFE)", doc_id="again")
    other = make_document(P2 + " Los combates siguieron toda la semana en el oeste de la ciudad.",
                          doc_id="other")
    with open_store(db) as store:
        summary = extract_documents([again, other], store, pipeline, progress=False)
        dups = {r["doc_id"]: r["duplicate_of"] for r in store.query("SELECT doc_id, duplicate_of FROM documents")}
    assert summary.duplicates == 1 and summary.processed == 1
    assert dups == {"first": None, "again": "first", "other": None}


def test_stores_without_keys_get_them_once(tmp_path, pipeline):
    from cronica.api import make_document
    from cronica.extract import extract_documents
    from cronica.store import open_store

    db = tmp_path / "old.duckdb"
    with open_store(db) as store:
        extract_documents([make_document(P1 + " " + P2, doc_id="old")], store, pipeline, progress=False)
        store.con.execute("DELETE FROM document_keys")           # as a store written before keys
        assert store.documents_without_keys() == [("old", P1 + " " + P2)]
    with open_store(db) as store:
        summary = extract_documents([make_document(P1 + " " + P2 + " (AFP)", doc_id="new")], store,
                                    pipeline, progress=False)
        assert summary.duplicates == 1
        assert store.documents_without_keys() == []


def test_memory_holds_one_batch_of_keys():
    from cronica.text.dedup import document_keys

    stored = {}
    dedup = CorpusDeduplicator(lookup=lambda keys: {k: stored[k] for k in keys if k in stored})
    assert dedup.twins([("a", P1 + " " + P2), ("b", P1 + " " + P2 + " (EFE)")]) == {"a": None, "b": "a"}
    stored.update({k: "a" for k in dedup.keys_of("a")})
    dedup.forget()
    assert dedup.keys_of("a") == [] and not dedup._index
    assert dedup.duplicate_of("c", P1 + " " + P2 + " (Reuters)") == "a"       # found in the store
    assert len(document_keys("Fin.")) == 1                                    # short: exact key only
