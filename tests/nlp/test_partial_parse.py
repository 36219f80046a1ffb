"""Parsing only the sentences that can hold an event (`Pipeline(parse="events")`, the default)
must give the events, places and actors the full parse gives, on the real model."""
from __future__ import annotations

import pickle

import pytest

from cronica.api import make_document
from cronica.errors import CronicaError
from cronica.nlp.selection import load_selector, stem
from cronica.pipeline import Pipeline

SELECTOR_ROWS = [
    ("Las fuerzas iraquíes capturaron el lado oriental de Mosul.", True),
    ("Los yihadistas detuvieron a diez civiles en la carretera.", True),     # irregular: detuv-
    ("La ciudad cayó en manos del grupo armado.", True),                      # irregular: cay-
    ("Un coche bomba estalló en un mercado de Kabul.", True),
    ("Murieron doce personas en el barrio.", True),                           # death verb: mur-
    ("Rusia aseguró que sus tropas avanzaban.", True),                        # actor stage verb
    ("Los ATAQUES AÉREOS continuaron durante la noche.", True),              # case and accents
    ("La situación humanitaria en la región sigue siendo muy frágil.", False),
    ("Los precios de los alimentos se han duplicado desde enero.", False),
    ("Varias escuelas permanecen cerradas por razones de seguridad.", False),
]


@pytest.mark.parametrize("sentence,wanted", SELECTOR_ROWS, ids=[r[0][:30] for r in SELECTOR_ROWS])
def test_selector(sentence, wanted):
    assert load_selector("es").wants(sentence) is wanted


@pytest.mark.parametrize("lemma,expected", [("capturar", "captur"), ("enfrentarse", "enfrent"),
                                            ("ataque", "ataqu"), ("explosion", "explosion"),
                                            ("coche bomba", "coch")])
def test_stem(lemma, expected):
    rules = {"verb_endings": ["arse", "erse", "irse", "ar", "er", "ir"], "noun_vowels": ["a", "e", "o"]}
    assert stem(lemma, rules) == expected


TEXT = ("La situación humanitaria en Irak sigue siendo muy frágil. El 17 de octubre de 2016 las "
        "fuerzas iraquíes lanzaron una ofensiva para recuperar Mosul.\n"
        "Los precios se han duplicado en Bagdad. Los yihadistas detuvieron a diez civiles en Tal Afar.")


def test_parsed_sentences_get_a_parse_and_others_a_flat_tree(pipeline):
    doc = next(pipeline.parsed([TEXT]))
    sents = [s for s in doc.sents if s.text.strip()]
    assert len(sents) == 4
    flat = [all(t.head.i == s.start for t in s) for s in sents]
    assert flat == [True, False, True, False]
    capture = sents[1]
    assert {t.dep_ for t in capture} & {"nsubj", "obj"}
    assert next(t for t in capture if t.text == "lanzaron").lemma_ == "lanzar"
    # unparsed tokens keep their lower-case form as lemma
    assert next(t for t in sents[0] if t.text == "La").lemma_ == "la"


def test_entities_match_the_full_pipeline(pipeline):
    partial = next(pipeline.parsed([TEXT]))
    full = pipeline.nlp(TEXT)
    assert [(e.start_char, e.end_char, e.label_) for e in partial.ents] == \
           [(e.start_char, e.end_char, e.label_) for e in full.ents]


EVENT_TEXTS = [
    "El 23 de enero de 2017 las fuerzas iraquíes capturaron toda la zona oriental de Mosul.",
    "Los yihadistas detuvieron a diez civiles cerca de Tal Afar el 3 de marzo de 2017.",
    "La ciudad de Palmira cayó en manos del Estado Islámico el 20 de mayo de 2015.",
    "Un coche bomba estalló el 3 de julio de 2016 en Bagdad y murieron 300 personas.",
    "Guerrilleros del ELN atacaron una patrulla del Ejército en Tibú el 5 de mayo de 2021.\n"
    "La situación en la región sigue siendo frágil. Los combates continuaron durante horas.",
    "Según el Ministerio de Defensa, las tropas ucranianas recuperaron el control de Járkov "
    "el 11 de septiembre de 2022. Las fuerzas rusas se retiraron hacia el este.",
    "Las milicias de al Shabaab volaron un puente en Mogadiscio el 2 de febrero de 2020.",
]


def _events(pipeline: Pipeline, text: str):
    ann = pipeline.annotate(make_document(text, dct="2024-01-01"))
    return sorted((e.sub_event_type, e.mentions[0].trigger.start, e.actor1, e.actor2,
                   e.place.name if e.place else None, e.date_start) for e in ann.events), ann


@pytest.mark.parametrize("text", EVENT_TEXTS, ids=[t[:30] for t in EVENT_TEXTS])
def test_events_places_actors_as_with_the_full_parse(text):
    full_events, full = _events(Pipeline(parse="all"), text)
    part_events, part = _events(Pipeline(parse="events"), text)
    assert full_events, "each row must hold an event"
    assert part_events == full_events
    assert [(p.span, p.geonameid) for p in part.places] == [(p.span, p.geonameid) for p in full.places]
    assert [(a.span, a.actor_id) for a in part.actors] == [(a.span, a.actor_id) for a in full.actors]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Sin verbos de guerra aquí. Ni allí."])
def test_documents_without_event_sentences(pipeline, text):
    doc = next(pipeline.parsed([text]))
    assert doc.text == text
    assert pipeline.annotate(make_document(text or " ")).events == []


def test_order_is_kept_across_batches():
    pipeline = Pipeline(batch_size=2)  # 16 documents a batch: 40 documents cross two boundaries
    texts = [f"Documento {i}. Los rebeldes atacaron la aldea número {i}." for i in range(40)]
    assert [d.text for d in pipeline.parsed(texts)] == texts


def test_unknown_mode_is_a_clear_error():
    with pytest.raises(CronicaError) as err:
        Pipeline(parse="some")
    assert err.value.code == "E015" and "events" in err.value.fix


def test_pipeline_with_a_parse_mode_pickles():
    assert pickle.loads(pickle.dumps(Pipeline(parse="all"))).parse == "all"


NAME_ROWS = [
    ("La situación humanitaria sigue siendo muy frágil.", False),
    ("Los precios de los alimentos se han duplicado.", False),
    ("Mosul fue liberada tras nueve meses de combates.", True),       # a name opens the sentence
    ("La ONU pidió acceso para entregar ayuda.", True),
    ("Las tropas entraron en la ciudad de Jersón.", True),
]


@pytest.mark.parametrize("sentence,can_name", NAME_ROWS, ids=[r[0][:30] for r in NAME_ROWS])
def test_sentences_that_can_hold_a_name_get_the_recogniser(pipeline, sentence, can_name):
    from cronica.nlp.partial import _can_name

    doc = pipeline.nlp.make_doc(sentence)
    assert _can_name(doc, sentence, 0, len(doc), pipeline.nlp.Defaults.stop_words) is can_name


def test_entities_of_a_name_sentence_between_plain_ones(pipeline):
    text = ("La situación sigue siendo frágil. Las tropas iraquíes entraron en Mosul el lunes. "
            "Los precios se han duplicado.")
    doc = next(pipeline.parsed([text]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Mosul", "LOC")]
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)        # every token annotated
