"""`cronica eval`: score cronica on gold documents and TIMEX corpora."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from cronica.cli import app
from cronica.eval.gold import score_document, summary_lines
from cronica.output import document_json
from cronica.pipeline import Pipeline


def _gold_text(gold_path: Path, gold: dict, text: Optional[Path]) -> str:
    if text is not None:
        return text.read_text(encoding="utf-8")
    for base in (gold_path.parent, gold_path.parent.parent, gold_path.parent.parent.parent):
        candidate = base / gold["doc"]
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise typer.BadParameter(f"{gold_path}: its document {gold['doc']!r} was not found; pass --text")


def eval_gold(path: Path, text: Optional[Path], pipeline: Pipeline) -> dict:
    from cronica.api import make_document

    gold = json.loads(path.read_text(encoding="utf-8"))
    body = _gold_text(path, gold, text)
    ann = pipeline.annotate(make_document(body, gold.get("dct"), doc_id=path.stem))
    return score_document(gold, body, document_json(ann))


def eval_timex(path: Path) -> dict:
    from cronica.eval.timex import score_timex_corpus
    from cronica.time import TimeTagger

    return score_timex_corpus(path, TimeTagger())


@app.command("eval")
def evaluate(
    files: list[Path] = typer.Argument(..., help="Gold .json files (shared gold format) or TIMEX .tsv corpora."),
    text: Optional[Path] = typer.Option(None, "--text", help="The document of a single gold file."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
) -> None:
    """Score cronica against gold annotations."""
    pipeline = Pipeline()
    reports = {}
    for f in files:
        report = eval_timex(f) if f.suffix.lower() == ".tsv" else eval_gold(f, text, pipeline)
        reports[str(f)] = report
        if not as_json:
            typer.echo(f"== {f}")
            lines = summary_lines(report) if "events" in report else [
                f"{k:8s} F1 {report[k]['f1']:.4f}  P {report[k]['precision']:.4f}  R {report[k]['recall']:.4f}"
                for k in ("strict", "relaxed", "value", "type")]
            typer.echo("\n".join(lines))
    if as_json:
        typer.echo(json.dumps(reports, ensure_ascii=False, indent=1))
