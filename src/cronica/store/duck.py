"""The DuckDB store: one writer, batches written atomically, re-runs idempotent."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional

import duckdb
import pyarrow as pa

from cronica.errors import CronicaError, E
from cronica.model import DocumentAnnotations
from cronica.store import rows as R
from cronica.store.corpus_merge import CANDIDATES_SQL, assign_to_existing
from cronica.store.schema import CONTROL_VIEW, DOCUMENT_KEYS_DDL, TABLES, arrow_schema, columns, ddl

DEFAULT_DB = "cronica.duckdb"


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> "Store":
    return Store(Path(path), read_only=read_only)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        raise CronicaError(E.E008, path=str(path))
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise CronicaError(E.E006, path=str(path)) from exc
        raise CronicaError(E.E007, path=str(path), reason=str(exc).split("\n")[0]) from exc
    except duckdb.Error as exc:
        raise CronicaError(E.E007, path=str(path), reason=str(exc).split("\n")[0]) from exc


class Store:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = _connect(path, read_only)
        if not read_only:
            for table in TABLES:
                self.con.execute(ddl(table))
            self.con.execute(DOCUMENT_KEYS_DDL)
            self.con.execute(CONTROL_VIEW)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ---- reading ---------------------------------------------------------------
    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        got = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))",
                               [ids]).fetchall()
        return {r[0] for r in got}

    def find_document_keys(self, keys: list[int]) -> dict[int, str]:
        """Stored documents by de-duplication key: key → the earliest (smallest) id holding it."""
        if not keys or not self._has_keys_table():
            return {}
        rows = self.con.execute("SELECT key, min(doc_id) FROM document_keys "
                                "WHERE key IN (SELECT unnest(?)) GROUP BY key", [keys]).fetchall()
        return dict(rows)

    def documents_without_keys(self) -> list[tuple[str, str]]:
        """(id, text) of stored, non-repeated documents whose keys were never stored
        (stores written before keys were, or loaded from a distributed run)."""
        return self.con.execute("""SELECT doc_id, coalesce(text, '') FROM documents d
            WHERE duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM document_keys k WHERE k.doc_id = d.doc_id)
            ORDER BY ingested_at, doc_id""").fetchall()

    def write_document_keys(self, keys: dict[str, list[int]]) -> None:
        rows = [{"key": k, "doc_id": doc_id} for doc_id, ks in keys.items() for k in ks]
        if not rows:
            return
        self.con.register("_keys", pa.Table.from_pylist(rows, schema=pa.schema(
            [("key", pa.int64()), ("doc_id", pa.string())])))
        try:
            self.con.execute("INSERT OR IGNORE INTO document_keys SELECT key, doc_id FROM _keys")
        finally:
            self.con.unregister("_keys")

    def _has_keys_table(self) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables "
                                     "WHERE table_name = 'document_keys'").fetchone()[0])

    def count(self, table: str) -> int:
        if table not in TABLES and table != "control":
            raise ValueError(table)
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def query(self, sql: str, params: Optional[list[Any]] = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # ---- writing ---------------------------------------------------------------
    def write(self, batch: list[tuple[DocumentAnnotations, Optional[str]]],
              keys: Optional[dict[str, list[int]]] = None) -> dict[str, int]:
        """Store annotated documents, each as (annotations, duplicate_of): a document
        that repeats an earlier one is recorded, but its events are not stored again.
        `keys`: the de-duplication keys of the kept documents, stored with them."""
        tables: dict[str, list[dict]] = {}
        for ann, dup in batch:
            for table, rows in R.document_tables(ann, dup).items():
                tables.setdefault(table, []).extend(rows)
        return self.write_rows(tables, keys)

    def write_rows(self, tables: dict[str, list[dict]],
                   keys: Optional[dict[str, list[int]]] = None) -> dict[str, int]:
        """Store rows of many documents in one transaction (all or nothing).

        Rows of documents already stored are dropped (re-runs add nothing); new
        events merge into stored ones that tell the same event (in row order)."""
        tables = self._fresh(tables)
        fresh_ids = {d["doc_id"] for d in tables.get("documents", [])}
        self.con.execute("BEGIN TRANSACTION")
        try:
            new_events = tables.get("events", [])
            events, sources, merged = assign_to_existing(
                self._merge_candidates(new_events), new_events, tables.get("event_sources", []))
            tables = {**tables, "events": events, "event_sources": sources}
            for table in TABLES:
                self._insert(table, tables.get(table, []))
            self._bump_mentions(merged)
            self.write_document_keys({d: k for d, k in (keys or {}).items() if d in fresh_ids})
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return {"documents": len(tables.get("documents", [])), "events": len(events),
                "merged": sum(merged.values())}

    def _fresh(self, tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
        docs = tables.get("documents", [])
        known = self.known_documents(d["doc_id"] for d in docs)
        first: dict[str, dict] = {}
        for d in docs:
            if d["doc_id"] not in known:
                first.setdefault(d["doc_id"], d)
        keep = set(first)
        out = {t: [r for r in rows if r["doc_id"] in keep] for t, rows in tables.items()
               if t not in ("documents", "events")}
        out["documents"] = list(first.values())
        sourced = {s["event_id"] for s in out.get("event_sources", [])}
        out["events"] = [e for e in tables.get("events", []) if e["event_id"] in sourced]
        return out

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        cols = ", ".join(f'"{c}"' for c in columns(table))
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def _merge_candidates(self, events: list[dict]) -> dict[str, list[dict[str, Any]]]:
        """Stored events that may tell the same event as each new one (one join)."""
        keyed = [{k: e[k] for k in ("event_id", "sub_event_type", "date_start", "date_end", "lat")}
                 for e in events if e["lat"] is not None and e["date_start"] is not None]
        if not keyed:
            return {}
        self.con.register("_new", pa.Table.from_pylist(keyed, schema=pa.schema([
            ("event_id", pa.string()), ("sub_event_type", pa.string()), ("date_start", pa.date32()),
            ("date_end", pa.date32()), ("lat", pa.float64())])))
        try:
            rows = self.query(CANDIDATES_SQL)
        finally:
            self.con.unregister("_new")
        out: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            out.setdefault(r.pop("new_id"), []).append(r)
        return out

    def _bump_mentions(self, merged: dict[str, int]) -> None:
        for event_id, extra in sorted(merged.items()):
            self.con.execute("UPDATE events SET mentions = mentions + ? WHERE event_id = ?",
                             [extra, event_id])

    def event_sources(self, event_id: str) -> list[dict[str, Any]]:
        rows = self.query("""SELECT s.*, d.title, d.url, d.source FROM event_sources s
                             LEFT JOIN documents d USING (doc_id)
                             WHERE event_id = ? ORDER BY doc_id, start""", [event_id])
        for r in rows:
            r["rule_trail"] = json.loads(r["rule_trail"] or "[]")
        return rows
