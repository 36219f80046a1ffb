"""Merging: mentions of one event into one row (per document, then across documents); control history."""
from cronica.merge.control import control_changes, holders_over_time
from cronica.merge.corpus import merge_events
from cronica.merge.document import event_id, merge_document

__all__ = ["control_changes", "event_id", "holders_over_time", "merge_document", "merge_events"]
