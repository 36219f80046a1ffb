"""The whole path on the real model: annotate, contract, pickling, huge documents."""
from __future__ import annotations

import importlib.util
import json
import pickle
from datetime import date

import pytest

from cronica.api import make_document
from cronica.output import document_json
from cronica.pipeline import Pipeline, annotate_batch

EASY = [
    # (text, dct, sub_event_type, place name contains, first day, last day)
    ("Las fuerzas iraquíes recuperaron Faluya el 26 de junio de 2016.", None,
     "Government regains territory", "Fallujah", "2016-06-26", "2016-06-26"),
    ("Un coche bomba estalló el 3 de julio de 2016 en un mercado de Bagdad y mató a 40 personas.",
     None, "Remote explosive/landmine/IED", "Baghdad", "2016-07-03", "2016-07-03"),
    ("Tropas del Ejército colombiano combatieron ayer con guerrilleros del ELN en Tibú.",
     date(2019, 3, 15), "Armed clash", "Tib", "2019-03-14", "2019-03-14"),
]


@pytest.mark.parametrize("text, dct, sub_event_type, place, first, last", EASY)
def test_easy_cases_come_out_right(pipeline: Pipeline, text, dct, sub_event_type, place, first, last):
    ann = pipeline.annotate(make_document(text, dct))
    rows = [(e.sub_event_type, e.place.name if e.place else None, str(e.date_start), str(e.date_end))
            for e in ann.events]
    assert any(s == sub_event_type and p and place in p and (a, b) == (first, last)
               for s, p, a, b in rows), rows
    for e in ann.events:  # every event carries its evidence, a rule trail and a confidence
        m = e.mentions[0]
        assert ann.document.text[m.sentence.start:m.sentence.end] == m.sentence.text
        assert ann.document.text[m.trigger.start:m.trigger.end] == m.trigger.text
        assert m.rules and 0 < e.confidence <= 1


def test_pipeline_pickles_without_its_model(pipeline: Pipeline):
    pipeline.annotate(make_document("Las fuerzas iraquíes tomaron Mosul en enero de 2017."))
    blob = pickle.dumps(pipeline)
    assert len(blob) < 2_000
    clone = pickle.loads(blob)
    assert clone == pipeline and clone._cache == {}


def test_batch_core_keeps_order(pipeline: Pipeline):
    docs = [make_document(f"Las fuerzas iraquíes tomaron Mosul en enero de 2017. Documento {i}.")
            for i in range(5)]
    assert [a.document.doc_id for a in annotate_batch(docs, pipeline)] == [d.doc_id for d in docs]


def test_huge_document_in_pieces_keeps_offsets(pipeline: Pipeline):
    para = ("Las fuerzas iraquíes recuperaron Faluya el 26 de junio de 2016 tras semanas de combates "
            "en los barrios del sur de la ciudad. ")
    filler = "La población civil sufrió cortes de agua y de electricidad durante el asedio. "
    text = "\n".join([filler * 40] * 60 + [para])
    small = Pipeline(max_chars=20_000)
    ann = small.annotate(make_document(text))
    assert len(text) > 150_000
    out = document_json(ann)
    for kind in ("timexes", "places"):
        assert out[kind], kind
        for item in out[kind]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert any(e.sub_event_type == "Government regains territory" for e in ann.events)


def test_contract_on_the_example(pipeline: Pipeline, shared):
    spec = importlib.util.spec_from_file_location("check_contract", shared / "eval" / "check_contract.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    text = (shared / "examples" / "es_mosul_raqqa_2016_2017.txt").read_text(encoding="utf-8")
    ann = document_json(pipeline.annotate(make_document(text, doc_id="example")))
    assert checker.check(text, json.loads(json.dumps(ann))) == []


def test_example_scores_above_the_floor(pipeline: Pipeline, shared):
    from cronica.eval.gold import score_document

    text = (shared / "examples" / "es_mosul_raqqa_2016_2017.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "eval" / "gold" / "es_mosul_raqqa_2016_2017.json").read_text("utf-8"))
    report = score_document(gold, text, document_json(pipeline.annotate(make_document(text))))
    events = report["events"]
    assert events["duplicates"] == [], events["duplicates"]
    assert events["f1"] >= 0.6, events


def test_document_places_are_names_not_demonyms(pipeline: Pipeline):
    """A demonym serves the actor and event stages ("el Gobierno nigerino"), but it is no place mention of
    the document: a reader annotating places lists "Alepo", not "nigerino"."""
    text = "El Gobierno nigerino condenó el ataque del Ejército sirio en Alepo."
    ann = pipeline.annotate(make_document(text))
    assert [p.span.text for p in ann.places] == ["Alepo"]
    assert "nigerino" in {p.span.text for p in pipeline.place_tagger.tag(pipeline.nlp(text), text)}


def test_a_capitalised_demonym_in_a_name_stays_a_place_mention(pipeline: Pipeline):
    """'las Fuerzas Democráticas Sirias' in a story that names Siria: the country inside a proper name is a
    place mention of the document (the example's gold counts every "Siria"), unlike a lower-case adjective;
    'el Observatorio Sirio' in a story that never names the country is the observatory's name only."""
    text = "Las Fuerzas Democráticas Sirias y el Gobierno nigerino cercan Raqqa, en el norte de Siria."
    assert [p.span.text for p in pipeline.annotate(make_document(text)).places] == ["Sirias", "Raqqa", "Siria"]
    text = "El Observatorio Sirio de Derechos Humanos informó de combates en Raqqa."
    assert [p.span.text for p in pipeline.annotate(make_document(text)).places] == ["Raqqa"]
