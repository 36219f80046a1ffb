"""Merging: mentions of one event into one row (per document, then across documents); control history."""
from cronica.merge.control import control_changes, holders_over_time
from cronica.merge.corpus import merge_events
from cronica.merge.document import event_id, merge_document
from cronica.merge.rows import event_row

__all__ = ["control_changes", "event_id", "event_row", "holders_over_time", "merge_document", "merge_events"]
