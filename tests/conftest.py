"""Shared fixtures: the real Spanish model, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from cronica.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (the project's evaluation folder) is not beside this checkout; "
                    "users do not have it")
    return SHARED


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def reference_scorer(shared: Path):
    """The project's reference scorer (../shared/eval/score.py), loaded by path."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cronica_shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def example(shared: Path) -> tuple[str, dict]:
    """The example passage's text and its gold annotation."""
    import json

    text = (shared / "examples" / "es_mosul_raqqa_2016_2017.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "eval" / "gold" / "es_mosul_raqqa_2016_2017.json").read_text("utf-8"))
    return text, gold
