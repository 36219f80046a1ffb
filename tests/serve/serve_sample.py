"""A small real store for the explorer's tests: Spanish reports, their mentions and events,
written with Store.write_rows (one of the documents carries HTML and a <script>)."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cronica.store import open_store

XSS_TITLE = "<script>window.__xss_title = 1</script> Disturbios en <b>Bagdad</b>"
XSS_SENTENCE = "Manifestantes <b>quemaron</b> neumáticos en Bagdad <script>window.__xss = 1</script> el lunes."

DOCS = [
    {"doc_id": "irak-2017-09-01", "title": "Tal Afar vuelve a manos iraquíes", "url": "https://example.org/tal-afar",
     "source": "Agencia de ejemplo", "dct": date(2017, 9, 1),
     "text": ("Las fuerzas iraquíes recuperaron el jueves el control total de Tal Afar, según anunció el primer ministro.\n"
              "El martes, un coche bomba estalló junto a un puesto de control en Ramadi y mató a siete policías.")},
    {"doc_id": "irak-2017-09-02", "title": "Tal Afar, liberada", "url": "https://example.org/tal-afar-2",
     "source": "Diario de ejemplo", "dct": date(2017, 9, 2),
     "text": "Tal Afar fue liberada por el ejército iraquí el 31 de agosto, tras once días de ofensiva."},
    {"doc_id": "irak-2014-06-17", "title": "El Estado Islámico toma Tal Afar", "url": "https://example.org/2014",
     "source": "Agencia de ejemplo", "dct": date(2014, 6, 17),
     "text": "El Estado Islámico tomó el control de Tal Afar el 16 de junio de 2014 tras la retirada del ejército iraquí."},
    {"doc_id": "colombia-2019-03-15", "title": "Combates en el Catatumbo", "url": "https://example.org/catatumbo",
     "source": "Diario de ejemplo", "dct": date(2019, 3, 15),
     "text": ("Tropas del Ejército colombiano combatieron ayer con guerrilleros del ELN en zona rural de Tibú, "
              "en Norte de Santander. En los enfrentamientos murieron tres guerrilleros.")},
    {"doc_id": "irak-html-2019-10-08", "title": XSS_TITLE, "url": "javascript:alert(1)",
     "source": "Fuente <i>dudosa</i>", "dct": date(2019, 10, 8), "text": XSS_SENTENCE},
]

IRAQ = "Military Forces of Iraq (2014-)"
IS = "Islamic State (Iraq)"
PLACES = {"Tal Afar": ("IQ", "Nineveh", 36.3792, 42.4489, 99031),
          "Ramadi": ("IQ", "Anbar", 33.4206, 43.3078, 91438),
          "Tibú": ("CO", "Norte de Santander", 8.6396, -72.7345, 3667258),
          "Baghdad": ("IQ", "Baghdad", 33.3406, 44.4009, 98182)}

# event_id, type, sub-type, start, end, actor1, actor2, place, fatalities,
#   [(doc_id, sentence, trigger, [(kind, text)...], rules)]
EVENTS = [
    ("ev-talafar-2017", "Strategic developments", "Government regains territory", date(2017, 8, 31), date(2017, 8, 31),
     IRAQ, IS, "Tal Afar", None,
     [("irak-2017-09-01", "Las fuerzas iraquíes recuperaron el jueves el control total de Tal Afar, según anunció el primer ministro.",
       "recuperaron", [("actor", "fuerzas iraquíes"), ("timex", "el jueves"), ("place", "Tal Afar")],
       ["trigger:recuperar+control -> Government regains territory", "date:el jueves -> 2017-08-31 (dct)"]),
      ("irak-2017-09-02", "Tal Afar fue liberada por el ejército iraquí el 31 de agosto, tras once días de ofensiva.",
       "liberada", [("place", "Tal Afar"), ("actor", "ejército iraquí"), ("timex", "31 de agosto")],
       ["trigger:liberar -> Government regains territory"])]),
    ("ev-ramadi-2017", "Explosions/Remote violence", "Remote explosive/landmine/IED", date(2017, 8, 29), date(2017, 8, 29),
     None, "Police Forces of Iraq (2014-)", "Ramadi", 7,
     [("irak-2017-09-01", "El martes, un coche bomba estalló junto a un puesto de control en Ramadi y mató a siete policías.",
       "estalló", [("timex", "El martes"), ("place", "Ramadi"), ("actor", "policías")],
       ["trigger:coche bomba+estallar -> Remote explosive/landmine/IED", "fatalities:mató a siete -> 7"])]),
    ("ev-talafar-2014", "Strategic developments", "Non-state actor overtakes territory", date(2014, 6, 16), date(2014, 6, 16),
     IS, IRAQ, "Tal Afar", None,
     [("irak-2014-06-17", "El Estado Islámico tomó el control de Tal Afar el 16 de junio de 2014 tras la retirada del ejército iraquí.",
       "tomó el control", [("actor", "Estado Islámico"), ("place", "Tal Afar"), ("timex", "16 de junio de 2014"),
                           ("actor", "ejército iraquí")],
       ["trigger:tomar el control -> Non-state actor overtakes territory"])]),
    ("ev-tibu-2019", "Battles", "Armed clash", date(2019, 3, 14), date(2019, 3, 14),
     "Military Forces of Colombia (2018-2022)", "ELN: National Liberation Army", "Tibú", 3,
     [("colombia-2019-03-15", "Tropas del Ejército colombiano combatieron ayer con guerrilleros del ELN en zona rural de Tibú, "
       "en Norte de Santander.", "combatieron",
       [("actor", "Ejército colombiano"), ("timex", "ayer"), ("actor", "ELN"), ("place", "Tibú"), ("place", "Norte de Santander")],
       ["trigger:combatir -> Armed clash"])]),
    ("ev-bagdad-2019", "Riots", "Violent demonstration", date(2019, 10, 7), date(2019, 10, 7),
     "Rioters (Iraq)", None, "Baghdad", None,
     [("irak-html-2019-10-08", XSS_SENTENCE, "quemaron", [("actor", "Manifestantes"), ("place", "Bagdad"), ("timex", "el lunes")],
       ["trigger:quemar neumáticos -> Violent demonstration <script>rule</script>"])]),
]


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def sample_tables() -> dict[str, list[dict[str, Any]]]:
    texts = {d["doc_id"]: d["text"] for d in DOCS}
    documents = [{**d, "language": "es", "n_chars": len(d["text"]), "text_hash": d["doc_id"],
                  "ingested_at": datetime(2026, 1, 1)} for d in DOCS]
    mentions: dict[str, dict[str, Any]] = {}
    events, sources = [], []
    for (eid, etype, sub, d0, d1, a1, a2, place, dead, tellings) in EVENTS:
        country, admin1, lat, lon, gid = PLACES[place]
        for doc_id, sentence, trigger, marks, rules in tellings:
            s0, s1 = _find(texts[doc_id], sentence)
            t0, t1 = _find(texts[doc_id], trigger, s0)
            sources.append({"event_id": eid, "doc_id": doc_id, "start": s0, "end": s1, "trigger_start": t0,
                            "trigger_end": t1, "sentence_text": sentence, "trigger_text": trigger,
                            "attribution": "reported", "confidence": 0.8, "rule_trail": json.dumps(rules, ensure_ascii=False)})
            for kind, text in marks:
                m0, m1 = _find(texts[doc_id], text, s0)
                mid = f"{doc_id}:{kind}:{m0}"
                value = {"rule": f"sample-{kind}"}
                if kind == "place":
                    value.update(name=place, country=country)
                mentions[mid] = {"mention_id": mid, "doc_id": doc_id, "kind": kind, "start": m0, "end": m1,
                                 "text": text, "value_json": json.dumps(value, ensure_ascii=False)}
        events.append({"event_id": eid, "event_type": etype, "sub_event_type": sub, "date_start": d0, "date_end": d1,
                       "time_precision": "day", "actor1": a1, "actor2": a2, "country": country, "admin1": admin1,
                       "location": place, "lat": lat, "lon": lon, "geonameid": gid, "geo_precision": 1,
                       "fatalities": dead, "confidence": 0.8, "mentions": len(tellings), "notes": tellings[0][1],
                       "explanation_json": json.dumps({"place_rule": "gazetteer:sample"})})
    return {"documents": documents, "mentions": list(mentions.values()), "events": events,
            "event_sources": sources}


def build_sample_store(path: Path) -> Path:
    with open_store(path) as store:
        store.write_rows(sample_tables())
    return path
