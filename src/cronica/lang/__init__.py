"""Per-language data files (YAML), loaded by language-independent code.

`lang/es/time.yaml`, `lang/es/events.yaml`, ... Adding a language means adding
a sibling folder with the same files, plus tests.
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from cronica.errors import CronicaError, E


def available_languages() -> list[str]:
    root = resources.files("cronica.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def parse_yaml(stream: Any) -> Any:
    """YAML from a file or string, through libyaml when PyYAML has it (8x faster start-up, same result)."""
    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=64)
def load_language_data(lang: str, name: str) -> dict[str, Any]:
    """The parsed `lang/<lang>/<name>.yaml` (read-only by convention: do not mutate)."""
    folder = resources.files("cronica.lang").joinpath(lang)
    if not folder.is_dir():
        raise CronicaError(E.E014, lang=lang, choices=", ".join(available_languages()))
    with folder.joinpath(f"{name}.yaml").open(encoding="utf-8") as fh:
        return parse_yaml(fh) or {}
