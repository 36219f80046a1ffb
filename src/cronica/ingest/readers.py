"""Turn paths into `Document`s, one file kind a reader.

Problems with one input (empty, binary, a bad JSON line) are reported as
warnings naming the file and line, and the run goes on with the rest.
"""
from __future__ import annotations

import json
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from cronica.errors import CronicaError, CronicaWarning, E
from cronica.ingest.decode import decode_text, read_bytes
from cronica.model import Document
from cronica.text.normalize import content_hash

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".json"}


def parse_date(value: Any) -> Optional[date]:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def doc_id_for(text: str, given: Any = None) -> str:
    """The given id, else one made from the content (stable across runs)."""
    return str(given) if given not in (None, "") else "d" + content_hash(text)


def _skip(entry: tuple[str, str], **kw: Any) -> None:
    warnings.warn(CronicaWarning(entry, **kw), stacklevel=3)


def read_text_file(path: Path, dct: Optional[date] = None) -> Optional[Document]:
    text = decode_text(read_bytes(path), str(path))
    if not text.strip():
        _skip(E.E002, path=str(path))
        return None
    return Document(doc_id=doc_id_for(text), text=text, dct=dct, path=str(path),
                    source=path.name)


def record_to_document(obj: dict, where: str, line: int, dct: Optional[date]) -> Optional[Document]:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        _skip(E.E011, path=where, line=line)
        return None
    return Document(doc_id=doc_id_for(text, obj.get("id", obj.get("doc_id"))), text=text,
                    dct=parse_date(obj.get("date", obj.get("dct"))) or dct,
                    url=obj.get("url"), source=obj.get("source"), title=obj.get("title"),
                    language=obj.get("language") or "es", path=where)


def iter_jsonl_lines(lines: Iterable[str], where: str, dct: Optional[date]) -> Iterator[Document]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            _skip(E.E005, path=where, line=number, reason=exc.msg)
            continue
        if not isinstance(obj, dict):
            _skip(E.E005, path=where, line=number, reason="not an object")
            continue
        doc = record_to_document(obj, where, number, dct)
        if doc:
            yield doc


def decoded_lines(path: Path) -> Iterator[str]:
    """A file's lines, streamed (bounded memory); a bad line is decoded with a warning."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                _skip(E.E004, path=f"{path}, line {number}", pos=exc.start)
                yield raw.decode("utf-8", errors="replace")


def read_jsonl(path: Path, dct: Optional[date] = None) -> Iterator[Document]:
    if not path.exists():
        raise CronicaError(E.E008, path=str(path))
    if path.stat().st_size == 0:
        _skip(E.E002, path=str(path))
        return
    yield from iter_jsonl_lines(decoded_lines(path), str(path), dct)


def read_json(path: Path, dct: Optional[date] = None) -> Iterator[Document]:
    text = decode_text(read_bytes(path), str(path))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        yield from iter_jsonl_lines(text.splitlines(), str(path), dct)
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, start=1):
        doc = record_to_document(rec, str(path), i, dct) if isinstance(rec, dict) else None
        if doc:
            yield doc


def read_html(path: Path, dct: Optional[date] = None) -> Optional[Document]:
    from cronica.ingest.html import html_to_document

    html = decode_text(read_bytes(path), str(path))
    if not html.strip():
        _skip(E.E002, path=str(path))
        return None
    return html_to_document(html, str(path), dct)


def read_stdin(dct: Optional[date] = None) -> Iterator[Document]:
    data = sys.stdin.buffer.read()
    text = decode_text(data, "<stdin>")
    if not text.strip():
        _skip(E.E002, path="<stdin>")
        return
    if text.lstrip().startswith("{"):
        yield from iter_jsonl_lines(text.splitlines(), "<stdin>", dct)
    else:
        yield Document(doc_id=doc_id_for(text), text=text, dct=dct, source="stdin")


def read_path(path: Path, dct: Optional[date] = None) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, dct)
    elif suffix == ".json":
        yield from read_json(path, dct)
    elif suffix in HTML_SUFFIXES:
        doc = read_html(path, dct)
        if doc:
            yield doc
    else:
        doc = read_text_file(path, dct)
        if doc:
            yield doc


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN)


def iter_documents(paths: Iterable[str], dct: Optional[date] = None) -> Iterator[Document]:
    """Every document under the given paths, in a stable order ('-' reads stdin)."""
    for raw in paths:
        if raw == "-":
            yield from read_stdin(dct)
            continue
        path = Path(raw)
        if path.is_dir():
            for f in files_under(path):
                yield from _guarded(f, dct)
        elif not path.exists():
            raise CronicaError(E.E008, path=raw)
        else:
            yield from _guarded(path, dct)


def _guarded(path: Path, dct: Optional[date]) -> Iterator[Document]:
    """One file's documents; a binary file is reported and skipped, not fatal."""
    try:
        yield from read_path(path, dct)
    except CronicaError as exc:
        if exc.code != "E003":
            raise
        warnings.warn(CronicaWarning(E.E003, path=str(path)), stacklevel=2)
