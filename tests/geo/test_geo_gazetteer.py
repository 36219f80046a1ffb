import pickle
import time

from cronica.geo import Gazetteer, PlaceTagger
from cronica.geo.gazetteer import GAZETTEER_FILE


def test_packaged_file_is_compact():
    assert GAZETTEER_FILE.exists()
    assert GAZETTEER_FILE.stat().st_size < 15_000_000
    assert (GAZETTEER_FILE.parent / "ATTRIBUTION.md").exists()


def test_loads_fast_from_cache(gaz, tmp_path, monkeypatch):
    monkeypatch.setenv("CRONICA_CACHE", str(tmp_path))
    cold = Gazetteer()                   # parses the packaged TSV, writes the cache
    assert list(tmp_path.glob("gazetteer-*.marshal"))
    t0 = time.perf_counter()
    warm = Gazetteer()                   # a fresh instance from the disk cache
    assert time.perf_counter() - t0 < 2.0
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
