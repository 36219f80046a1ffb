"""The output dataset: one set of Parquet files per input partition, written atomically.

    OUT/_manifest.json                 the plan: inputs, partitions, options (and its digest)
    OUT/_done/part-00007.json          done-marker: row counts and files of partition 7
    OUT/documents/part-00007.parquet   the documents of partition 7, in input order
    OUT/sentences/part-00007.parquet
    OUT/mentions/part-00007.parquet
    OUT/event_sources/part-00007.parquet
    OUT/events/event_month=2017-01/part-00007.parquet   events by month of date_start
    OUT/events/event_month=unknown/part-00007.parquet   events without a date
    OUT/_SUCCESS                        every partition done

A worker writes a partition's files into a temporary directory, renames them into
place, and only then writes the done-marker (itself by rename): a partition
without a marker is redone from scratch, so a killed run resumes where it
stopped. Rows are per document (before corpus-level de-duplication and
cross-document merging, which `cronica load` applies); `documents.ingested_at`
is left empty by workers and set at load time. DuckDB, pandas, polars and Spark
read the tables directly, e.g. `read_parquet('OUT/events/*/*.parquet',
hive_partitioning = true)`.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from cronica.engines.partition import Partition
from cronica.errors import CronicaError, E
from cronica.store.schema import TABLES, arrow_schema

FORMAT = 1
FLAT_TABLES = ("documents", "sentences", "mentions", "event_sources")
NO_MONTH = "unknown"

# (message, fix) pairs as in cronica.errors.E
OTHER_RUN = ("{path}: holds the output of other inputs or options.",
             "Give another --out directory (or delete this one to start over).")
INCOMPLETE = ("{path}: {missing} of {total} partitions are not finished.",
              "Re-run the same `cronica extract ... --out {path}` command: it resumes.")


def event_month(row: dict[str, Any]) -> str:
    d = row.get("date_start")
    return f"{d.year:04d}-{d.month:02d}" if d is not None else NO_MONTH


class Output:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # ---- the plan ------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.root / "_manifest.json"

    def marker(self, part_name: str) -> Path:
        return self.root / "_done" / f"{part_name}.json"

    def read_manifest(self) -> dict:
        if not self.manifest_path.exists():
            raise CronicaError(E.E008, path=str(self.manifest_path))
        return json.loads(self.manifest_path.read_text(encoding="utf-8"))

    def partitions(self) -> list[Partition]:
        return [Partition.from_json(p) for p in self.read_manifest()["partitions"]]

    def prepare(self, manifest: dict) -> None:
        """Start or resume a run: the same plan resumes, a different one is refused."""
        self.root.mkdir(parents=True, exist_ok=True)
        if self.manifest_path.exists():
            old = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if old.get("digest") != manifest["digest"]:
                raise CronicaError(OTHER_RUN, path=str(self.root))
        else:
            _atomic_text(self.manifest_path, json.dumps(manifest, indent=1, sort_keys=True))
        shutil.rmtree(self.root / "_tmp", ignore_errors=True)
        (self.root / "_done").mkdir(exist_ok=True)

    def done(self, part: Partition) -> bool:
        return self.marker(part.name).exists()

    def pending(self, parts: list[Partition]) -> list[Partition]:
        todo = [p for p in parts if not self.done(p)]
        self._clear(todo)
        return todo

    def _clear(self, parts: list[Partition]) -> None:
        """Files a killed run left for unfinished partitions are removed."""
        names = {f"{p.name}.parquet" for p in parts}
        if not names:
            return
        for table in FLAT_TABLES:
            for name in names:
                (self.root / table / name).unlink(missing_ok=True)
        events = self.root / "events"
        if events.is_dir():
            for month in events.iterdir():
                for name in names:
                    (month / name).unlink(missing_ok=True)

    def finish(self) -> None:
        shutil.rmtree(self.root / "_tmp", ignore_errors=True)
        _atomic_text(self.root / "_SUCCESS", "")

    def complete(self) -> bool:
        parts = self.partitions()
        return all(self.done(p) for p in parts)

    # ---- one partition -------------------------------------------------------------
    def write_partition(self, part: Partition, tables: dict[str, list[dict]],
                        stats: dict[str, Any]) -> dict[str, Any]:
        """Write one partition's rows: temp dir, rename into place, then the marker."""
        tmp = self.root / "_tmp" / f"{part.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True)
        try:
            files: list[str] = []
            for table in FLAT_TABLES:
                rel = f"{table}/{part.name}.parquet"
                _write_table(tmp / rel, tables.get(table, []), arrow_schema(table))
                files.append(rel)
            by_month: dict[str, list[dict]] = {}
            for row in tables.get("events", []):
                by_month.setdefault(event_month(row), []).append(row)
            for month in sorted(by_month):
                rel = f"events/event_month={month}/{part.name}.parquet"
                _write_table(tmp / rel, by_month[month], arrow_schema("events"))
                files.append(rel)
            for rel in files:
                target = self.root / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp / rel, target)
            counts = {t: len(tables.get(t, [])) for t in TABLES}
            marker = {"partition": part.index, "units": part.units, "rows": counts,
                      "files": files, **stats}
            _atomic_text(self.marker(part.name), json.dumps(marker, sort_keys=True))
            return marker
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def read_marker(self, part: Partition) -> dict:
        return json.loads(self.marker(part.name).read_text(encoding="utf-8"))

    def read_partition_tables(self, part: Partition) -> dict[str, list[dict]]:
        """A finished partition's rows by table (events in file order, month by month)."""
        marker = self.read_marker(part)
        out: dict[str, list[dict]] = {t: [] for t in TABLES}
        for rel in marker["files"]:
            table = rel.split("/", 1)[0]
            out[table].extend(pq.read_table(self.root / rel, schema=arrow_schema(table)).to_pylist())
        return out


def _write_table(path: Path, rows: list[dict], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path, compression="zstd")


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
