"""cronica: Spanish conflict reporting in, an ACLED-style event dataset out."""
from __future__ import annotations

from cronica.api import annotate, events_table
from cronica.model import Document, DocumentAnnotations, Event, EventMention, Place, Timex
from cronica.pipeline import Pipeline, annotate_batch

__all__ = ["annotate", "events_table", "annotate_batch", "Pipeline", "Document",
           "DocumentAnnotations", "Event", "EventMention", "Place", "Timex"]
__version__ = "0.1.0"
