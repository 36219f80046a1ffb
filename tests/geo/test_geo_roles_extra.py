"""Place-stage cues added for CoNLL-style recognition: compounds, teams in sports
pieces, surnames that are towns, '( Province )' after a name, bylines, and the
gazetteer builder's atomic write."""
import gzip
import os


def _by_text(places):
    return {p.span.text: p for p in places}


def test_hyphen_compound_is_one_unresolved_mention(tag):
    places = tag("La capacidad del gasoducto Bolivia-Brasil sigue sin usarse.")
    got = _by_text(places)
    assert "Bolivia-Brasil" in got, [p.span.text for p in places]
    p = got["Bolivia-Brasil"]
    assert p.role == "location" and p.precision == 3 and p.lat is None and p.rule.startswith("compound:")
    assert "Bolivia" not in got and "Brasil" not in got


def test_same_country_compound_keeps_country(tag):
    got = _by_text(tag("Los combates en la carretera Bagdad-Mosul continúan."))
    assert got["Bagdad-Mosul"].country == "IQ"


def test_team_in_sports_piece(tag):
    text = ("La selección brasileña ganó por 3-0 a Gales en partido amistoso. El seleccionador "
            "alabó a los jugadores tras el gol de Rivaldo en el estadio del Milenio de Cardiff.")
    got = _by_text(tag(text))
    assert got["Gales"].role == "actor_modifier" and "role:team" in got["Gales"].rule


def test_no_team_outside_sports(tag):
    got = _by_text(tag("Las tropas avanzaron ante Mosul y combatieron contra Raqqa."))
    assert got["Mosul"].role == "location" and got["Raqqa"].role == "location"


def test_region_is_not_a_club(tag):
    got = _by_text(tag("Habló de las elecciones en el País Vasco y Navarra."))
    assert got["País Vasco"].role == "location"


def test_surname_that_is_a_town(tag):
    text = ("El candidato Alejandro Toledo, del partido Perú Posible, pidió aplazar la votación. "
            "Toledo había solicitado que los comicios se aplazaran.")
    places = tag(text)
    assert not any(p.span.text == "Toledo" and p.role == "location" for p in places), \
        [(p.span.text, p.rule) for p in places]
    # a preposition of place still makes it the town
    got = _by_text(tag("Alejandro Toledo habló ayer. Hubo una manifestación en Toledo."))
    assert "Toledo" in got and got["Toledo"].country == "ES"


def test_name_with_province_in_brackets(tag):
    got = _by_text(tag("10:30 h. - Plasencia ( Cáceres ) . - El alcalde presentó el plan."))
    assert "Plasencia" in got and got["Plasencia"].role == "location"


def test_byline_dateline(tag):
    got = _by_text(tag("Por Isabel Laguna Madrid , 23 may ( EFE ) . - Durante casi cincuenta años hubo paz."))
    assert "Madrid" in got and got["Madrid"].country == "ES"


def test_builder_writes_atomically(tmp_path, monkeypatch):
    """build() writes a temp file in the output folder and os.replace()s it: a reader
    never sees a partial gzip, and no temp file is left behind."""
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_gazetteer", root / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "gaz.tsv.gz"
    out.write_bytes(gzip.compress(b"old"))
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((Path(src), Path(dst)))
        assert Path(src).parent == Path(dst).parent
        return real_replace(src, dst)

    monkeypatch.setattr(mod.os, "replace", spy)
    src = root.parent / "shared" / "data"
    if not (src / "geonames" / "countryInfo.txt").exists():
        import pytest
        pytest.skip("gazetteer sources not available")
    mod.build(src, out)
    assert seen and seen[-1][1] == out
    assert not [p for p in tmp_path.iterdir() if p.name != out.name]
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("# cronica gazetteer")
