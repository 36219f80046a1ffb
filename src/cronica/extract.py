"""`cronica extract`: many documents in, their events stored.

Documents already in the store are skipped before any work (re-runs add
nothing, interrupted runs resume), a document repeating an earlier one is
recorded but not processed, and each batch is written in one transaction,
so an interruption never leaves half-written rows.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from cronica.ingest import iter_documents
from cronica.model import Document, DocumentAnnotations
from cronica.pipeline import Pipeline
from cronica.store import Store, open_store
from cronica.text import CorpusDeduplicator
from cronica.text.dedup import document_keys


@dataclass
class ExtractSummary:
    read: int = 0
    already_stored: int = 0
    duplicates: int = 0
    processed: int = 0
    events: int = 0
    merged: int = 0

    def line(self) -> str:
        return (f"{self.read} documents read, {self.already_stored} already stored, "
                f"{self.duplicates} duplicates, {self.processed} processed; "
                f"{self.events} new events, {self.merged} mentions merged into stored events")


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _seeded_deduplicator(store: Store) -> CorpusDeduplicator:
    """A deduplicator that finds repeats of stored documents through their stored keys.
    Documents stored without keys (older stores, distributed loads) get them first."""
    dedup = CorpusDeduplicator(lookup=store.find_document_keys)
    missing = store.documents_without_keys()
    if missing:
        store.write_document_keys({doc_id: document_keys(text, dedup.threshold, dedup.num_perm)
                                   for doc_id, text in missing})
    return dedup


def _empty(document: Document) -> DocumentAnnotations:
    return DocumentAnnotations(document=document, sentences=[], kept=[], timexes=[], places=[],
                               actors=[], events=[])


def extract_documents(docs: Iterable[Document], store: Store, pipeline: Pipeline,
                      batch_docs: int = 64, progress: Optional[bool] = None) -> ExtractSummary:
    summary = ExtractSummary()
    dedup = _seeded_deduplicator(store)
    show = sys.stderr.isatty() if progress is None else progress
    from tqdm import tqdm

    with tqdm(disable=not show, unit="doc", desc="extract", file=sys.stderr) as bar:
        for batch in _batches(docs, batch_docs):
            summary.read += len(batch)
            known = store.known_documents(d.doc_id for d in batch)
            todo = list({d.doc_id: d for d in reversed(batch) if d.doc_id not in known}.values())
            todo.reverse()  # unique ids, first occurrence kept, input order
            summary.already_stored += len(batch) - len(todo)
            twins = dedup.twins([(d.doc_id, d.text) for d in todo])
            fresh = [d for d in todo if twins[d.doc_id] is None]
            results = {a.document.doc_id: a for a in pipeline.annotate_stream(fresh)}
            items = [(results.get(d.doc_id) or _empty(d), twins[d.doc_id]) for d in todo]
            counts = store.write(items, keys={d.doc_id: dedup.keys_of(d.doc_id) for d in fresh})
            dedup.forget()
            summary.duplicates += len(todo) - len(fresh)
            summary.processed += len(fresh)
            summary.events += counts["events"]
            summary.merged += counts["merged"]
            bar.update(len(batch))
    return summary


def extract(paths: Iterable[str], db: str | Path = "cronica.duckdb", *, dct: Optional[date] = None,
            pipeline: Optional[Pipeline] = None, batch_docs: int = 64,
            progress: Optional[bool] = None) -> ExtractSummary:
    """Read documents from `paths`, annotate the new ones and store their events in `db`."""
    pipe = pipeline or Pipeline()
    with open_store(db) as store:
        return extract_documents(iter_documents(paths, dct), store, pipe, batch_docs, progress)
