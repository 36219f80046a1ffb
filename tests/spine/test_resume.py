"""An interrupted run loses nothing and a re-run resumes where it stopped."""
from __future__ import annotations

from pathlib import Path

import pytest

from cronica.api import make_document
from cronica.extract import extract_documents
from cronica.store import open_store

TEMPLATES = [
    "Las fuerzas iraquíes recuperaron Faluya el {d} de junio de 2016.",
    "Un coche bomba estalló en Bagdad el {d} de julio de 2016 y mató a {d} personas.",
    "Tropas colombianas combatieron con el ELN en Tibú el {d} de marzo de 2019.",
]
DOCS = [make_document(TEMPLATES[i % 3].format(d=1 + i % 28) + f" Nota {i}.") for i in range(24)]
TABLES = ("documents", "sentences", "mentions", "events", "event_sources")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    with open_store(db, read_only=True) as store:
        return {t: sorted(tuple(str(v) for k, v in r.items() if k != "ingested_at")
                          for r in store.query(f"SELECT * FROM {t}")) for t in TABLES}


def _interrupted(docs, after: int):
    for i, d in enumerate(docs):
        if i == after:
            raise KeyboardInterrupt("the user pressed Ctrl-C")
        yield d


def test_interrupted_run_resumes_to_the_same_rows(pipeline, tmp_path: Path):
    clean, broken = tmp_path / "clean.duckdb", tmp_path / "broken.duckdb"
    with open_store(clean) as store:
        extract_documents(DOCS, store, pipeline, batch_docs=4, progress=False)
    with open_store(broken) as store, pytest.raises(KeyboardInterrupt):
        extract_documents(_interrupted(DOCS, 10), store, pipeline, batch_docs=4, progress=False)
    partial = _snapshot(broken)
    assert len(partial["documents"]) == 8  # two whole batches, nothing of the third
    with open_store(broken) as store:
        summary = extract_documents(DOCS, store, pipeline, batch_docs=4, progress=False)
    assert summary.already_stored == 8 and summary.processed == 16
    assert _snapshot(broken) == _snapshot(clean)
