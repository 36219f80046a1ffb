"""Reading inputs: every kind of file, and bad input reported with the file named."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from cronica.errors import CronicaError, CronicaWarning
from cronica.ingest import iter_documents

TEXT = "Las fuerzas iraquíes recuperaron Faluya a finales de junio de 2016."


def _read(paths, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(iter_documents([str(p) for p in paths], **kw))
    return docs, [str(w.message) for w in caught if issubclass(w.category, CronicaWarning)]


@pytest.mark.parametrize("name, payload, expected_texts", [
    ("a.txt", TEXT, [TEXT]),
    ("a.jsonl", json.dumps({"id": "x1", "text": TEXT, "date": "2016-07-01"}) + "\n", [TEXT]),
    ("a.json", json.dumps([{"id": "x1", "text": TEXT}, {"id": "x2", "text": TEXT + " Otra."}]),
     [TEXT, TEXT + " Otra."]),
    ("a.html", f"<html><head><title>Faluya</title></head><body><article><h1>Faluya</h1>"
               f"<p>{TEXT} {TEXT}</p><p>{TEXT}</p></article></body></html>", None),
])
def test_each_input_kind(tmp_path: Path, name: str, payload: str, expected_texts):
    path = tmp_path / name
    path.write_text(payload, encoding="utf-8")
    docs, problems = _read([path])
    assert problems == []
    if expected_texts is None:  # html: the main text, not the markup
        assert len(docs) == 1 and "Faluya" in docs[0].text and "<p>" not in docs[0].text
    else:
        assert [d.text for d in docs] == expected_texts


def test_jsonl_metadata_and_stable_ids(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "n1", "text": TEXT, "date": "2016-07-01", "url": "http://x", "source": "S",
             "title": "T"}, {"text": TEXT + " Sin id."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    first, _ = _read([path])
    again, _ = _read([path])
    assert first[0].doc_id == "n1" and str(first[0].dct) == "2016-07-01"
    assert (first[0].url, first[0].source, first[0].title) == ("http://x", "S", "T")
    assert first[1].doc_id == again[1].doc_id and first[1].doc_id.startswith("d")


def test_directory_is_read_in_sorted_order(tmp_path: Path):
    for name in ("b.txt", "a.txt", "ignored.bin"):
        (tmp_path / name).write_text(f"{name}: {TEXT}", encoding="utf-8")
    docs, _ = _read([tmp_path])
    assert [d.text.split(":")[0] for d in docs] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("name, payload, expect_docs, expect_in_warning", [
    ("empty.txt", b"", 0, "empty.txt: the file is empty"),
    ("blank.txt", b"   \n\n", 0, "the file is empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, 0, "binary"),
    ("latin1.txt", "Irak y Siria: la ofensiva terminó en junio.".encode("latin-1"), 1, "not valid UTF-8"),
    ("bad.jsonl", b'{"text": "Bien."}\n{not json\n{"text": "Tambien bien."}\n', 2, "line 2: malformed JSON"),
    ("notext.jsonl", b'{"title": "sin texto"}\n', 0, "line 1: no 'text' field"),
])
def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path, name, payload, expect_docs, expect_in_warning):
    path = tmp_path / name
    path.write_bytes(payload)
    docs, problems = _read([path])
    assert len(docs) == expect_docs
    assert any(expect_in_warning in p and name in p for p in problems), problems
    assert all("Fix:" in p for p in problems)


def test_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(CronicaError) as err:
        list(iter_documents([str(tmp_path / "nope.txt")]))
    assert "nope.txt" in str(err.value) and err.value.code == "E008"
