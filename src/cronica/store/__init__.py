"""The event store: an embedded DuckDB file, and exports."""
from cronica.store.duck import Store, open_store
from cronica.store.schema import TABLES

__all__ = ["Store", "open_store", "TABLES"]
