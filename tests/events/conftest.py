"""Fixtures for the event tests: a real spaCy parse, hand-built Timex/Place objects
(so these tests do not depend on the time and place stages), the real actor tagger."""
from __future__ import annotations

import re
import zlib
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from cronica.actors import ActorTagger  # noqa: E402
from cronica.events import EventExtractor  # noqa: E402
from cronica.merge import merge_document  # noqa: E402
from cronica.model import Document, Place, Span, Timex  # noqa: E402

# name -> (canonical, lat, lon, country, feature code)
GAZ = {
    "Mosul": ("Mosul", 36.34, 43.13, "IQ", "PPLA"), "Faluya": ("Fallujah", 33.35, 43.78, "IQ", "PPLA2"),
    "Raqqa": ("Raqqa", 35.95, 39.01, "SY", "PPLA"), "Alepo": ("Aleppo", 36.2, 37.16, "SY", "PPLA"),
    "Siria": ("Syria", 35.0, 38.5, "SY", "PCLI"), "Tigris": ("Tigris", 35.0, 44.0, "IQ", "STM"),
    "Irak": ("Iraq", 33.0, 44.0, "IQ", "PCLI"), "Argelia": ("Argelia", 2.26, -77.25, "CO", "PPL"),
    "Tibú": ("Tibu", 8.64, -72.74, "CO", "PPL"), "Medellín": ("Medellin", 6.25, -75.56, "CO", "PPLA"),
    "Bogotá": ("Bogota", 4.61, -74.08, "CO", "PPLC"), "La Habana": ("Havana", 23.13, -82.38, "CU", "PPLC"),
    "Culiacán": ("Culiacan", 24.8, -107.39, "MX", "PPLA"), "Djibo": ("Djibo", 14.1, -1.63, "BF", "PPLA2"),
    "Ménaka": ("Menaka", 15.92, 2.4, "ML", "PPLA"), "Kidal": ("Kidal", 18.44, 1.41, "ML", "PPLA"),
    "Maiduguri": ("Maiduguri", 11.85, 13.16, "NG", "PPLA"), "Járkov": ("Kharkiv", 49.98, 36.25, "UA", "PPLA"),
    "Avdiivka": ("Avdiivka", 48.14, 37.75, "UA", "PPL"), "El Fasher": ("El Fasher", 13.63, 25.35, "SD", "PPLA"),
    "Mogadiscio": ("Mogadishu", 2.04, 45.34, "SO", "PPLC"), "Malí": ("Mali", 17.0, -4.0, "ML", "PCLI"),
    "Bajmut": ("Bakhmut", 48.59, 38.0, "UA", "PPLA2"), "BAMAKO": ("Bamako", 12.65, -8.0, "ML", "PPLC"),
    "Madrid": ("Madrid", 40.42, -3.7, "ES", "PPLC"),
}
MONTHS = {m: i for i, m in enumerate("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                                     "noviembre diciembre".split(), 1)}


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


def make_timexes(text: str, year: int = 2017) -> list[Timex]:
    """A small stand-in for cronica.time, enough for table tests: day and month dates,
    'finales de', 'para el' (bound by), 'desde' (bound since), 'N días/meses' durations."""
    out = []
    mon = "|".join(MONTHS)
    pat = re.compile(rf"(?P<fin>(?:a )?(?:finales|fines) de )?(?:(?P<day>\d{{1,2}}) de )?(?P<mon>{mon})(?: de (?P<y>\d{{4}}))?")
    for m in pat.finditer(text):
        y = int(m.group("y") or year)
        mo = MONTHS[m.group("mon")]
        if m.group("day"):
            d = date(y, mo, int(m.group("day")))
            iv, prec, value = (d, d), "day", d.isoformat()
        elif m.group("fin"):
            iv, prec, value = (date(y, mo, 21), _month_end(y, mo)), "month", f"{y}-{mo:02d}"
        else:
            iv, prec, value = (date(y, mo, 1), _month_end(y, mo)), "month", f"{y}-{mo:02d}"
        start = m.start("fin") if m.group("fin") else m.start()
        before = text[max(0, start - 8):start].lower()
        extra = {"bound": "by"} if re.search(r"para (el |)$", before) else \
            {"bound": "since"} if before.endswith("desde ") else {}
        out.append(Timex(Span(start, m.end(), text[start:m.end()]), "DATE", value, interval=iv, precision=prec,
                         anchor="absolute", rule="test", extra=extra))
    for m in re.finditer(r"\b(\d+|tres|dos|cinco|diez|los últimos) (días|meses|semanas|años)\b", text):
        out.append(Timex(Span(m.start(), m.end(), m.group(0)), "DURATION", "P1D", rule="test"))
    return sorted(out, key=lambda t: t.span.start)


def make_places(text: str) -> list[Place]:
    out = []
    pat = re.compile("|".join(sorted(map(re.escape, GAZ), key=len, reverse=True)))
    for m in pat.finditer(text):
        name, lat, lon, cc, fc = GAZ[m.group(0)]
        out.append(Place(Span(m.start(), m.end(), m.group(0)), name, geonameid=zlib.crc32(name.encode()) % 10**7,
                         lat=lat, lon=lon, country=cc, feature_code=fc, precision=3 if fc == "PCLI" else 1))
    return out


@pytest.fixture(scope="module")
def nlp():
    from cronica.nlp import load_spacy
    return load_spacy()


@pytest.fixture(scope="module")
def annotate(nlp):
    """text -> (mentions, events), with the stand-in timexes and places."""
    tagger, extractor = ActorTagger("es"), EventExtractor("es")

    def run(text: str, year: int = 2017, doc_id: str = "t"):
        sdoc = nlp(text)
        mentions = extractor.extract(Document(doc_id, text), sdoc, timexes=make_timexes(text, year),
                                     places=make_places(text), actors=tagger.tag(sdoc), kept=None)
        return mentions, merge_document(mentions)
    return run


@pytest.fixture(scope="module")
def stand_ins():
    """(make_timexes, make_places) for tests that call the extractor directly."""
    return make_timexes, make_places
