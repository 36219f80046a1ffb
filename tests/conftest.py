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
