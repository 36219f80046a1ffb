"""Inputs to deterministic partitions: the same inputs always cut the same way.

A partition is a run of consecutive input *units* in input order (the order
`cronica.ingest.iter_documents` reads them): a JSONL line, a Parquet row, or a
whole file (.txt, .html, .json). Only sizes and offsets are read to plan
(newline offsets of JSONL files, Parquet row counts from the footer), so the
driver never holds the texts; each worker reads its own slice. Reading every
partition in order yields exactly the documents `iter_documents` yields.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional

from cronica.errors import CronicaError, E
from cronica.model import Document

PARQUET_SUFFIXES = {".parquet", ".pq"}
DEFAULT_PARTITION_SIZE = 256


@dataclass(frozen=True)
class Piece:
    """A slice of one input: `kind` is file, jsonl (bytes [start, stop), first line
    number `line`) or parquet (rows [start, stop))."""
    kind: str
    path: str
    start: int = 0
    stop: int = 0
    line: int = 1


@dataclass(frozen=True)
class Partition:
    index: int
    pieces: tuple[Piece, ...]
    units: int

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_json(self) -> dict:
        return {"index": self.index, "units": self.units, "pieces": [asdict(p) for p in self.pieces]}

    @classmethod
    def from_json(cls, obj: dict) -> "Partition":
        return cls(obj["index"], tuple(Piece(**p) for p in obj["pieces"]), obj["units"])


# ---- planning ----------------------------------------------------------------------
def input_files(paths: Iterable[str]) -> list[Path]:
    """The files under `paths`, in the order `iter_documents` reads them (plus Parquet)."""
    from cronica.ingest.readers import KNOWN

    out: list[Path] = []
    for raw in paths:
        if raw == "-":
            raise CronicaError(E.E008, path="- (standard input cannot be partitioned; give files)")
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and (
                p.suffix.lower() in KNOWN
                or (p.suffix.lower() in PARQUET_SUFFIXES  # not a writer's _temporary/ or .hidden file
                    and not any(x.startswith((".", "_")) for x in p.relative_to(path).parts)))))
        elif not path.exists():
            raise CronicaError(E.E008, path=raw)
        else:
            out.append(path)
    return out


def _line_offsets(path: Path) -> Iterator[tuple[int, int, int]]:
    """(start byte, stop byte, line number) of each non-blank line of a file."""
    offset = 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield offset, offset + len(raw), number
            offset += len(raw)


def _units(path: Path) -> Iterator[Piece]:
    """The units of one file: a JSONL line each, or the whole file (Parquet: see below)."""
    from cronica.ingest.readers import JSONL_SUFFIXES

    if path.suffix.lower() in JSONL_SUFFIXES:
        for start, stop, number in _line_offsets(path):
            yield Piece("jsonl", str(path), start, stop, number)
    else:
        yield Piece("file", str(path))


def _coalesce(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Consecutive unit slices of one file become one slice (blank lines between included)."""
    out: list[Piece] = []
    for p in pieces:
        last = out[-1] if out else None
        if last is not None and p.kind == last.kind == "jsonl" and p.path == last.path:
            out[-1] = Piece(last.kind, last.path, last.start, p.stop, last.line)
        else:
            out.append(p)
    return tuple(out)


def plan_partitions(paths: Iterable[str], size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Cut the inputs into partitions of `size` units, in input order."""
    if size < 1:
        raise ValueError("partition size must be positive")
    parts: list[Partition] = []
    run: list[Piece] = []
    units = 0

    def close() -> None:
        nonlocal run, units
        parts.append(Partition(len(parts), _coalesce(run), units))
        run, units = [], 0

    for path in input_files(paths):
        if path.suffix.lower() in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            rows, row = pq.ParquetFile(path).metadata.num_rows, 0
            while row < rows:
                take = min(size - units, rows - row)
                run.append(Piece("parquet", str(path), row, row + take))
                units += take
                row += take
                if units >= size:
                    close()
            continue
        for unit in _units(path):
            run.append(unit)
            units += 1
            if units >= size:
                close()
    if run:
        close()
    return parts


def plan_digest(parts: list[Partition], extra: dict | None = None) -> str:
    """A fingerprint of the plan (and the options that shape the rows)."""
    payload = json.dumps({"parts": [p.to_json() for p in parts], "extra": extra or {}},
                         sort_keys=True, default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


# ---- reading a partition ----------------------------------------------------------
def _parquet_rows(path: str, start: int, stop: int) -> Iterator[dict]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    seen = 0
    for rg in range(pf.num_row_groups):
        n = pf.metadata.row_group(rg).num_rows
        if seen + n <= start:
            seen += n
            continue
        if seen >= stop:
            break
        table = pf.read_row_group(rg)
        lo, hi = max(start - seen, 0), min(stop - seen, n)
        yield from table.slice(lo, hi - lo).to_pylist()
        seen += n


def _jsonl_lines(piece: Piece) -> Iterator[str]:
    from cronica.ingest.readers import _skip

    with open(piece.path, "rb") as fh:
        fh.seek(piece.start)
        data = fh.read(piece.stop - piece.start)
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, raw in enumerate(lines, start=piece.line):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            _skip(E.E004, path=f"{piece.path}, line {number}", pos=exc.start)
            yield raw.decode("utf-8", errors="replace")


def _jsonl_documents(piece: Piece, dct: Optional[date]) -> Iterator[Document]:
    """As `iter_jsonl_lines`, numbering lines from the slice's first line."""
    from cronica.ingest.readers import _skip, record_to_document

    for number, raw in enumerate(_jsonl_lines(piece), start=piece.line):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            _skip(E.E005, path=piece.path, line=number, reason=exc.msg)
            continue
        if not isinstance(obj, dict):
            _skip(E.E005, path=piece.path, line=number, reason="not an object")
            continue
        doc = record_to_document(obj, piece.path, number, dct)
        if doc:
            yield doc


def read_partition(part: Partition, dct: Optional[date] = None) -> Iterator[Document]:
    """The partition's documents, in input order (as `iter_documents` gives them)."""
    from cronica.ingest.readers import _guarded, record_to_document

    for piece in part.pieces:
        if piece.kind == "file":
            yield from _guarded(Path(piece.path), dct)
        elif piece.kind == "jsonl":
            yield from _jsonl_documents(piece, dct)
        elif piece.kind == "parquet":
            for i, row in enumerate(_parquet_rows(piece.path, piece.start, piece.stop)):
                doc = record_to_document(row, piece.path, piece.start + i + 1, dct)
                if doc is not None:
                    yield doc
        else:
            raise ValueError(f"unknown piece kind {piece.kind!r}")


def iter_partitions(parts: Iterable[Partition], dct: Optional[date] = None) -> Iterator[Document]:
    for part in parts:
        yield from read_partition(part, dct)
