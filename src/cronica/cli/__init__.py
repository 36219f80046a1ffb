"""The command line: thin Typer commands over the library's typed functions."""
from __future__ import annotations

import sys
import warnings

import typer

from cronica.errors import CronicaError, CronicaWarning

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Spanish conflict reporting in, an ACLED-style event dataset out.")


def _register() -> None:
    from cronica.cli import annotate, extract, query, evaluate  # noqa: F401  (commands register)
    optional = ("geocode", "serve", "load")
    for name in optional:
        try:
            __import__(f"cronica.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"cronica.cli.{name}":
                raise


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, CronicaWarning):
        print(f"cronica: warning: {message}", file=sys.stderr)
    else:
        _default_show(message, category, filename, lineno, file, line)


_default_show = warnings.showwarning


def main() -> None:
    warnings.showwarning = _show_warning
    warnings.filterwarnings("ignore", message=r".*\[W095\].*")
    _register()
    try:
        app()
    except CronicaError as exc:
        print(f"cronica: error: {exc}", file=sys.stderr)
        sys.exit(1)
