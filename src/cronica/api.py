"""The Python API under the command line."""
from __future__ import annotations

import functools
from datetime import date
from typing import Iterable, Optional, Union

import pyarrow as pa

from cronica.model import Document, DocumentAnnotations
from cronica.pipeline import Pipeline
from cronica.text.normalize import content_hash


def make_document(text: str, dct: Union[date, str, None] = None, doc_id: Optional[str] = None,
                  **meta: Optional[str]) -> Document:
    if isinstance(dct, str):
        dct = date.fromisoformat(dct[:10])
    return Document(doc_id=doc_id or "d" + content_hash(text), text=text, dct=dct, **meta)


def annotate(text: str, dct: Union[date, str, None] = None, *, doc_id: Optional[str] = None,
             pipeline: Optional[Pipeline] = None) -> DocumentAnnotations:
    """Annotate one Spanish text: timexes, places, actors and merged events (typed objects)."""
    pipe = pipeline or _default_pipeline()
    return pipe.annotate(make_document(text, dct, doc_id))


def events_table(annotations: Iterable[DocumentAnnotations]):
    """The events of annotated documents as an Arrow table, one row an event, with the
    store's columns: `.to_pandas()` for pandas, `polars.from_arrow(...)` for polars."""
    from cronica.store.rows import event_rows
    from cronica.store.schema import arrow_schema

    rows = [r for ann in annotations for r in event_rows(ann.events)]
    return pa.Table.from_pylist(rows, schema=arrow_schema("events"))


@functools.lru_cache(maxsize=None)
def _default_pipeline(language: str = "es") -> Pipeline:
    """One pipeline per language per process, so the model loads once."""
    return Pipeline(language=language)
