"""The resolver is language-independent: all words come from lang/<xx>/time.yaml."""
from __future__ import annotations

import ast
import re

from datetime import date
from pathlib import Path

import pytest

from cronica.errors import CronicaError
from cronica.lang import load_language_data
from cronica.time import TimeTagger

SRC = Path(__file__).resolve().parents[2] / "src" / "cronica" / "time"

MINI_EN = {
    "months": {"january": 1, "february": 2, "march": 3},
    "weekdays": {"monday": 1, "sunday": 7},
    "numbers": {"one": 1, "two": 2, "three": 3, "a": 1},
    "ordinals": {"first": 1, "last": -1},
    "fuzzy_parts": {"early": "START", "late": "END"},
    "duration_mods": {"more than": "MORE_THAN"},
    "duration_units": {"day": {"unit": "D"}, "days": {"unit": "D"}, "months": {"unit": "M"}},
    "calendar_units": {"week": "week", "month": "month", "year": "year"},
    "relative_words": {"last": -1, "next": 1},
    "demonstratives": {"this": 0},
    "articles": ["the"],
    "deictic_days": {"today": 0, "yesterday": -1},
    "grammar": {"of": ["of"], "ago": ["ago"]},
}


def test_spanish_data_loads_and_has_the_required_sections():
    data = load_language_data("es", "time")
    for key in ("months", "weekdays", "numbers", "fuzzy_parts", "duration_units", "deictic_days", "grammar"):
        assert data[key], key
    assert data["months"]["setiembre"] == 9


def test_unknown_language_is_a_clear_error():
    with pytest.raises(CronicaError) as err:
        TimeTagger("xx")
    assert err.value.code == "E014"


def test_another_language_is_data_only():
    en = TimeTagger("en", data=MINI_EN)
    dct = date(2017, 1, 10)
    got = {t.span.text: t.value for t in en.tag("On 7 January 2017, yesterday and last week, for three days.", dct)}
    assert got == {"7 January 2017": "2017-01-07", "yesterday": "2017-01-09", "last week": "2017-W01",
                   "three days": "P3D"}


def _code_strings(path: Path) -> list[str]:
    """String literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_resolver_code_has_no_spanish_words():
    spanish = {"de", "del", "el", "la", "los", "hace", "ayer", "hoy", "manana", "mañana", "dia", "día", "mes",
               "ano", "año", "semana", "siglo", "tarde", "noche", "media", "cuarto", "ese", "esa", "aquel"}
    for path in SRC.glob("*.py"):
        for literal in _code_strings(path):
            found = spanish & set(re.findall(r"[a-zñáéíóú]+", literal.lower()))
            assert not found, f"{path.name}: {literal!r} holds Spanish words {found}"
