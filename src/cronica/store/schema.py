"""The store's tables: one declaration, used for DDL and for Arrow batches."""
from __future__ import annotations

import pyarrow as pa

# table -> (columns as (name, DuckDB type), primary key)
TABLES: dict[str, tuple[list[tuple[str, str]], tuple[str, ...]]] = {
    "documents": ([
        ("doc_id", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"), ("title", "VARCHAR"),
        ("dct", "DATE"), ("language", "VARCHAR"), ("path", "VARCHAR"), ("text_hash", "VARCHAR"),
        ("duplicate_of", "VARCHAR"), ("n_chars", "INTEGER"), ("text", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ], ("doc_id",)),
    "sentences": ([
        ("doc_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("kept", "BOOLEAN"),
    ], ("doc_id", "idx")),
    "mentions": ([
        ("mention_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("kind", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"), ("value_json", "VARCHAR"),
    ], ("mention_id",)),
    "events": ([
        ("event_id", "VARCHAR"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"),
        ("date_start", "DATE"), ("date_end", "DATE"), ("time_precision", "VARCHAR"),
        ("actor1", "VARCHAR"), ("actor2", "VARCHAR"), ("assoc_actor1", "VARCHAR"),
        ("assoc_actor2", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
        ("location", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("geonameid", "BIGINT"),
        ("geo_precision", "INTEGER"), ("fatalities", "INTEGER"), ("confidence", "DOUBLE"),
        ("mentions", "INTEGER"), ("notes", "VARCHAR"), ("explanation_json", "VARCHAR"),
    ], ("event_id",)),
    "event_sources": ([
        ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("sentence_text", "VARCHAR"),
        ("trigger_text", "VARCHAR"), ("attribution", "VARCHAR"), ("confidence", "DOUBLE"),
        ("rule_trail", "VARCHAR"),
    ], ("event_id", "doc_id", "start", "trigger_start")),
}

# Not a table of annotations: the de-duplication keys of each stored document
# (cronica.text.dedup.document_keys), so a later run finds repeats of stored
# documents without hashing their texts again.
DOCUMENT_KEYS_DDL = ("CREATE TABLE IF NOT EXISTS document_keys "
                     "(key BIGINT, doc_id VARCHAR, PRIMARY KEY (key, doc_id))")

_ARROW = {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(),
          "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "TIMESTAMP": pa.timestamp("us")}


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table][0]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in TABLES[table][0]])


TERRITORY = ("Government regains territory", "Non-state actor overtakes territory",
             "Non-violent transfer of territory")

# Who held a place over time is derived from the territory events, never stored twice.
CONTROL_VIEW = f"""
CREATE OR REPLACE VIEW control AS
SELECT coalesce(CAST(geonameid AS VARCHAR), lower(location)) AS place_id,
       location AS place_name, country, admin1, actor1 AS holder, actor2 AS previous_holder,
       date_start, date_end, sub_event_type, event_id, notes AS evidence
FROM events
WHERE sub_event_type IN {TERRITORY!r} AND location IS NOT NULL AND actor1 IS NOT NULL
"""


def ddl(table: str) -> str:
    cols, key = TABLES[table]
    body = ", ".join(f'"{n}" {t}' for n, t in cols)
    return f'CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({", ".join(key)}))'
