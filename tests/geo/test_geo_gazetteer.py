import gzip
import pickle
import time

import pytest

from cronica.errors import CronicaError
from cronica.geo import Gazetteer, PlaceTagger
from cronica.geo.gazetteer import GAZETTEER_FILE


def test_packaged_file_is_compact():
    assert GAZETTEER_FILE.exists()
    assert GAZETTEER_FILE.stat().st_size < 15_000_000
    assert (GAZETTEER_FILE.parent / "ATTRIBUTION.md").exists()


def test_cache_written_aside_and_read_back(gaz, tmp_path, monkeypatch):
    monkeypatch.setenv("CRONICA_CACHE", str(tmp_path))
    cold = Gazetteer()                   # parses the packaged TSV; a forked child writes the cache
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("gazetteer-*.marshal")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob("gazetteer-*.marshal"))
    assert not list(tmp_path.glob("*.tmp*"))   # written whole, then renamed
    warm = Gazetteer()                   # a fresh instance from the disk cache
    assert warm.name == cold.name and warm.anames == cold.anames
    assert len(warm) == len(cold) == len(gaz) > 60_000
    assert warm.by_key == cold.by_key and warm.by_skel == cold.by_skel


def test_names_indexed(gaz):
    for name, cc in [("faluya", "IQ"), ("mosul", "IQ"), ("alepo", "SY"), ("irak", "IQ"), ("estados unidos", "US")]:
        rows = gaz.by_name.get(name)
        assert rows and any(gaz.country[r] == cc for r in rows), name


def test_country_and_admin1_lookup(gaz):
    assert gaz.country_code("Iraq") == "IQ"
    assert gaz.country_code("Siria") == "SY"
    assert gaz.country_code("sy") == "SY"
    assert gaz.admin1_name("IQ", "Nīnawá province") == "Nineveh"
    assert gaz.admin1_name("SY", "Deir ez Zor Governorate") == "Deir ez-Zor"


def test_tagger_pickles_without_data(tagger, nlp):
    tagger.tag(nlp("Combates en Mosul."))
    blob = pickle.dumps(tagger)
    assert len(blob) < 1000
    again = pickle.loads(blob)
    assert isinstance(again, PlaceTagger) and again.data._gaz is None
    assert [p.name for p in again.tag(nlp("Combates en Mosul."))] == ["Mosul"]


def test_damaged_file_names_itself_and_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("CRONICA_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "gazetteer.tsv.gz"
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(4)]
    head[3] = head[3].split("\t", 1)[1]          # a row that lost its first field
    bad.write_bytes(gzip.compress("".join(head).encode("utf-8")))
    with pytest.raises(CronicaError) as err:
        Gazetteer(bad)
    assert err.value.code == "E016" and str(bad) in str(err.value) and "build_gazetteer" in err.value.fix
