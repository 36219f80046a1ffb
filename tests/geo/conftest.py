"""Shared fixtures for the place-stage tests: the spaCy model, the gazetteer and
one PlaceTagger are loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    import cronica  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from cronica.nlp import load_spacy
    return load_spacy()


@pytest.fixture(scope="session")
def gaz():
    from cronica.geo import Gazetteer
    return Gazetteer.load()


@pytest.fixture(scope="session")
def tagger(gaz):
    from cronica.geo import PlaceTagger
    return PlaceTagger("es")


@pytest.fixture(scope="session")
def tag(nlp, tagger):
    def run(text: str):
        return tagger.tag(nlp(text))
    return run
