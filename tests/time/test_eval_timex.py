"""The corpus scorer reads the BIO/TSV corpora like ../shared/eval/timex_corpus.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from cronica.eval.timex import read_timex_corpus, score_timex_corpus
from cronica.time import TimeTagger

TSV = """*!-DCTVALUE="2000-06-01"-!*\tO\t-

Llegó\tO\t-
ayer\tB-DATE\t2000-05-31
durante\tO\t-
tres\tB-DURATION\tP3D
días\tI-DURATION\tP3D
.\tO\t-

*!-DCTVALUE="2001-01-02"-!*\tO\t-

El\tO\t-
5\tB-DATE\t2001-01-05
de\tI-DATE\t2001-01-05
enero\tI-DATE\t2001-01-05
hablará\tO\t-
.\tO\t-
"""


@pytest.fixture
def tsv(tmp_path: Path) -> Path:
    folder = tmp_path / "mini-es"
    folder.mkdir()
    path = folder / "test.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


def test_reader_matches_the_shared_conventions(tsv):
    docs = read_timex_corpus(tsv)
    assert [d["doc_id"] for d in docs] == ["mini-es-test-000", "mini-es-test-001"]
    assert docs[0]["text"] == "Llegó ayer durante tres días ."
    assert [t["text"] for t in docs[0]["timexes"]] == ["ayer", "tres días"]
    assert docs[1]["timexes"][0]["value"] == "2001-01-05"


def test_score(tsv):
    rep = score_timex_corpus(tsv, TimeTagger("es"))
    assert rep["documents"] == 2 and rep["gold"] == 3
    assert rep["value"]["f1"] == 1.0 and rep["strict"]["f1"] == 1.0


def test_same_figures_as_the_shared_scorer():
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    corpus = shared / "data" / "xtn-timexes-es" / "timebank-es" / "test.tsv"
    if not corpus.exists():
        pytest.skip("../shared (the project's evaluation folder) is not beside this checkout")
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("timex_corpus", shared / "eval" / "timex_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    tagger = TimeTagger("es")
    ours = score_timex_corpus(corpus, tagger)
    from datetime import date

    lines = []
    for d in read_timex_corpus(corpus):
        tx = tagger.tag(d["text"], date.fromisoformat(d["dct"]))
        lines.append(json.dumps({"doc_id": d["doc_id"], "timexes": [
            {"start": t.span.start, "end": t.span.end, "type": t.type, "value": t.value} for t in tx]}))
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(lines))
    theirs = mod.score(corpus, Path(fh.name))
    for k in ("strict", "relaxed", "value", "type"):
        assert ours[k]["f1"] == theirs[k]["f1"], k
