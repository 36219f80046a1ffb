"""`cronica annotate`: the document-level JSON of one text, or one per JSON line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from cronica.cli import app
from cronica.cli.common import parse_day
from cronica.ingest.readers import decoded_lines, iter_jsonl_lines, read_text_file
from cronica.output import document_json
from cronica.pipeline import Pipeline
from cronica.store.export import atomic_write


@app.command()
def annotate(
    file: Path = typer.Argument(..., help="A .txt file, or a .jsonl of {doc_id, text, dct} lines."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date, YYYY-MM-DD."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default: stdout)."),
) -> None:
    """Annotate timexes, places, actors and events (CONTRACT.md's JSON)."""
    day = parse_day(dct)
    pipeline = Pipeline()
    if file.suffix.lower() in (".jsonl", ".ndjson"):
        docs = iter_jsonl_lines(decoded_lines(file), str(file), day)
        lines = (json.dumps(document_json(a), ensure_ascii=False) + "\n"
                 for a in pipeline.annotate_stream(docs))
    else:
        doc = read_text_file(file, day)
        if doc is None:
            raise typer.Exit(1)
        doc.doc_id = file.stem
        lines = iter([json.dumps(document_json(pipeline.annotate(doc)), ensure_ascii=False,
                                 indent=1) + "\n"])
    if output is None:
        for line in lines:
            typer.echo(line, nl=False)
    else:
        atomic_write(output, lambda p: _write_lines(p, lines))


def _write_lines(path: Path, lines) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(lines)
