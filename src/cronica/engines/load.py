"""`cronica load`: an engine's output dataset into the DuckDB store, deterministically.

Partitions are read in input order and their documents written in batches of
`batch_docs` input documents through `Store.write_rows`, exactly as the
single-process `extract` writes them: documents already stored are skipped, a
document repeating an earlier one of the corpus (same or near-same text,
`CorpusDeduplicator`, in input order) is recorded with `duplicate_of` and its
events dropped, and new events merge into the stored ones telling the same event
(the keyed pass by place and date window of `store/corpus_merge.py`). Whatever
engine or number of workers produced the dataset, the store ends with the same
rows (`documents.ingested_at` aside, the time of loading).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from cronica.engines.output import INCOMPLETE, Output
from cronica.errors import CronicaError
from cronica.store.schema import TABLES


@dataclass
class LoadSummary:
    partitions: int = 0
    read: int = 0
    already_stored: int = 0
    duplicates: int = 0
    loaded: int = 0
    events: int = 0
    merged: int = 0
    reannotated: int = 0

    def line(self) -> str:
        return (f"{self.partitions} partitions, {self.read} documents read, "
                f"{self.already_stored} already stored, {self.duplicates} duplicates, "
                f"{self.loaded - self.duplicates} loaded with their rows; {self.events} new events, "
                f"{self.merged} mentions merged into stored events")


def _by_document(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """A partition's rows grouped per document, each table in file order; a document's
    events in the order of its event sources (the order the pipeline gave them)."""
    docs: dict[str, dict[str, list[dict]]] = {}
    for row in tables["documents"]:
        docs.setdefault(row["doc_id"], {t: [] for t in TABLES})["documents"].append(row)
    for table in ("sentences", "mentions", "event_sources"):
        for row in tables[table]:
            docs[row["doc_id"]][table].append(row)
    events = {row["event_id"]: row for row in tables["events"]}
    for rows in docs.values():
        seen: dict[str, None] = {}
        for s in rows["event_sources"]:
            seen.setdefault(s["event_id"])
        rows["events"] = [events[e] for e in seen if e in events]
    return docs


class _Loader:
    def __init__(self, store, batch_docs: int, pipeline_config: dict[str, Any]) -> None:
        from cronica.extract import _seeded_deduplicator

        self.store = store
        self.batch_docs = batch_docs
        self.dedup = _seeded_deduplicator(store)
        self.pipeline_config = pipeline_config
        self._pipeline = None
        self.summary = LoadSummary()
        self.batch: list[str] = []
        self.rows: dict[str, dict[str, list[dict]]] = {}

    def add(self, doc_id: str, rows: Optional[dict[str, list[dict]]]) -> None:
        self.batch.append(doc_id)
        if rows is not None and doc_id not in self.rows:
            self.rows[doc_id] = rows
        if len(self.batch) >= self.batch_docs:
            self.flush()

    def _annotate(self, doc_row: dict) -> dict[str, list[dict]]:
        """Rows of a document a worker skipped as an in-partition repeat but the
        corpus-level pass keeps (possible only in corner cases): annotate it here."""
        from cronica.engines.worker import worker_pipeline
        from cronica.model import Document
        from cronica.pipeline import Pipeline
        from cronica.store.rows import document_tables

        if self._pipeline is None:
            self._pipeline = worker_pipeline(Pipeline(**self.pipeline_config))
        fields = ("doc_id", "text", "dct", "url", "source", "title", "language", "path")
        doc = Document(**{k: doc_row[k] for k in fields})
        self.summary.reannotated += 1
        return document_tables(self._pipeline.annotate(doc))

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        s = self.summary
        s.read += len(batch)
        known = self.store.known_documents(batch)
        todo = list(dict.fromkeys(d for d in batch if d not in known))
        s.already_stored += len(batch) - len(todo)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        tables: dict[str, list[dict]] = {t: [] for t in TABLES}
        twins = self.dedup.twins([(d, self.rows[d]["documents"][0]["text"] or "") for d in todo])
        for doc_id in todo:
            rows = self.rows[doc_id]
            doc = dict(rows["documents"][0])
            twin = twins[doc_id]
            if twin is None:
                if doc["duplicate_of"] is not None:  # skipped by its worker: annotate now
                    rows = self._annotate(doc)
                    doc = dict(rows["documents"][0])
                for table in ("sentences", "mentions", "events", "event_sources"):
                    tables[table].extend(rows.get(table, []))
            else:
                s.duplicates += 1
            doc.update(duplicate_of=twin, ingested_at=now)
            tables["documents"].append(doc)
        counts = self.store.write_rows(tables, keys={d: self.dedup.keys_of(d) for d in todo})
        self.dedup.forget()
        s.loaded += counts["documents"]
        s.events += counts["events"]
        s.merged += counts["merged"]
        for doc_id in batch:
            self.rows.pop(doc_id, None)


def load_output(out: str | Path, store, *, batch_docs: int = 64,
                progress: Optional[bool] = None) -> LoadSummary:
    """Put a finished output dataset into `store` (re-loading adds nothing)."""
    output = Output(out)
    manifest = output.read_manifest()
    parts = output.partitions()
    missing = [p for p in parts if not output.done(p)]
    if missing:
        raise CronicaError(INCOMPLETE, path=str(out), missing=len(missing), total=len(parts))
    loader = _Loader(store, batch_docs, manifest.get("pipeline", {}))
    show = sys.stderr.isatty() if progress is None else progress
    from tqdm import tqdm

    for part in tqdm(parts, disable=not show, unit="part", desc="load", file=sys.stderr):
        marker = output.read_marker(part)
        docs = _by_document(output.read_partition_tables(part))
        for doc_id in marker["sequence"]:
            loader.add(doc_id, docs.get(doc_id))
        loader.summary.partitions += 1
    loader.flush()
    return loader.summary
