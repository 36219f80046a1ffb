"""A generated corpus of Spanish news-like documents, for benchmarks.

Templated sentences over varied actors, places, dates and triggers, written
for this project (no article text). Deterministic for a given seed.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ACTORS = ["las fuerzas iraquíes", "el Ejército colombiano", "guerrilleros del ELN",
          "combatientes del Estado Islámico", "las Fuerzas Democráticas Sirias",
          "soldados malienses", "milicianos de al Shabaab", "la Policía Nacional",
          "tropas ucranianas", "las fuerzas rusas", "hombres armados", "el ejército nigeriano"]
PLACES = ["Mosul", "Faluya", "Ramadi", "Raqqa", "Alepo", "Palmira", "Tibú", "Cúcuta",
          "Mopti", "Tombuctú", "Mogadiscio", "Maiduguri", "Járkov", "Bajmut", "Tal Afar", "Homs"]
EVENTS = ["{a} capturaron {p} el {d}.", "{a} atacaron una posición militar en {p} el {d}.",
          "El {d}, {a} combatieron durante horas en las afueras de {p}.",
          "Un coche bomba estalló en un mercado de {p} el {d} y mató a {n} personas.",
          "{a} bombardearon varios barrios de {p} el {d}.",
          "El {d} {a} secuestraron a {n} civiles cerca de {p}.",
          "Según el Ministerio de Defensa, {a} recuperaron el control de {p} el {d}."]
FILLER = ["La situación humanitaria en la región sigue siendo muy frágil.",
          "Las organizaciones internacionales pidieron acceso para entregar ayuda.",
          "Los analistas consultados creen que el conflicto se prolongará durante meses.",
          "Miles de familias abandonaron sus casas en las últimas semanas.",
          "El gobierno convocó una reunión de urgencia con los mandos militares.",
          "Los precios de los alimentos se han duplicado desde el comienzo del año.",
          "Varias escuelas permanecen cerradas por razones de seguridad.",
          "La prensa local informó de cortes de electricidad y de agua potable."]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]


def spanish_day(d: date) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def make_document(i: int, rng: random.Random, words: int = 150) -> dict:
    dct = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        if rng.random() < 0.35:
            when = dct - timedelta(days=rng.randrange(1, 6))
            sentence = rng.choice(EVENTS).format(
                a=rng.choice(ACTORS), p=rng.choice(PLACES), d=spanish_day(when), n=rng.randrange(2, 40))
            sentences.append(sentence[:1].upper() + sentence[1:])  # not .capitalize(): it lowercases names
        else:
            sentences.append(rng.choice(FILLER))
    paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
    return {"id": f"bench-{i:07d}", "date": dct.isoformat(), "source": "generated",
            "text": "\n".join(paragraphs)}


def corpus(n: int, seed: int = 13, words: int = 150) -> list[dict]:
    rng = random.Random(seed)
    return [make_document(i, rng, words) for i in range(n)]
