"""Fixtures for the event tests: the real stages end to end — the Spanish spaCy model,
the time tagger, the place tagger with the real gazetteer, the actor tagger — feeding the
event extractor and the merge, as the pipeline does (without the paragraph deduplicator)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Optional

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from cronica.merge import merge_document  # noqa: E402
from cronica.model import Document, Span  # noqa: E402


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="module")
def stages(pipeline):
    """text, dct -> (sdoc, sentences, timexes, places, actors), from the real stages."""
    def run(text: str, dct: Optional[date] = None):
        sdoc = next(pipeline.parsed([text]))  # the production path: parse where events can be
        sentences = [Span(s.start_char, s.end_char, s.text) for s in sdoc.sents]
        timexes = pipeline.time_tagger.tag(text, dct, sentences)
        return sdoc, sentences, timexes, pipeline.place_tagger.tag(sdoc), pipeline.actor_tagger.tag(sdoc)
    return run


@pytest.fixture(scope="module")
def annotate(pipeline, stages):
    """(text, dct) -> (mentions, events) on the real stages; dct is the document creation
    date a reader would have (dates without a year resolve against it), None for none."""
    def run(text: str, dct: Optional[date] = None, doc_id: str = "t"):
        sdoc, _, timexes, places, actors = stages(text, dct)
        mentions = pipeline.event_extractor.extract(Document(doc_id, text, dct=dct), sdoc, timexes=timexes,
                                                    places=places, actors=actors, kept=None)
        return mentions, merge_document(mentions)
    return run
