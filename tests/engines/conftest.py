"""A small corpus of Spanish news-like texts (written for these tests) in every input
kind the engines partition, and the rows the single-process `extract` stores for it."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

EVENTS = [
    ("2017-01-23", "Las fuerzas iraquíes capturaron el barrio de Al Zuhur, en el este de Mosul, el 23 de enero de 2017."),
    ("2016-10-17", "Las fuerzas iraquíes lanzaron el 17 de octubre de 2016 una ofensiva para recuperar Mosul del Estado Islámico."),
    ("2017-06-06", "Las Fuerzas Democráticas Sirias entraron en Raqqa el 6 de junio de 2017 tras semanas de combates con el Estado Islámico."),
    ("2016-06-26", "El Ejército iraquí recuperó el control total de Faluya el 26 de junio de 2016."),
    ("2015-11-13", "Los peshmerga tomaron Sinyar el 13 de noviembre de 2015 con el apoyo de la coalición internacional."),
    ("2017-03-02", "Un coche bomba explotó el 2 de marzo de 2017 en un mercado de Bagdad y causó al menos 23 muertos."),
    ("2016-12-22", "El Ejército sirio anunció el 22 de diciembre de 2016 que había recuperado el control de Alepo."),
    ("2018-02-14", "Boko Haram atacó el 14 de febrero de 2018 una aldea cerca de Maiduguri y mató a 12 personas."),
    ("2019-05-09", "Miles de personas se manifestaron en Bogotá el 9 de mayo de 2019 para pedir el fin de la violencia."),
    ("2017-07-10", "El primer ministro iraquí proclamó el 10 de julio de 2017 la liberación de Mosul."),
]
CONTEXT = [
    "Según fuentes locales, muchas familias abandonaron sus casas durante la noche.",
    "Un portavoz militar aseguró que las operaciones continuarán en los próximos días.",
    "Las organizaciones humanitarias alertaron de la falta de agua y de medicinas.",
    "Los vecinos describieron horas de disparos y explosiones en el centro de la ciudad.",
    "El gobierno no confirmó las cifras, que podrían aumentar.",
    "Varios periodistas fueron retenidos en un control de carretera.",
]


def _text(i: int) -> tuple[str, str]:
    day, event = EVENTS[i % len(EVENTS)]
    lines = [f"{CONTEXT[i % len(CONTEXT)]} {event}",
             f"{CONTEXT[(i + 2) % len(CONTEXT)]} {CONTEXT[(i + 3) % len(CONTEXT)]}"]
    if i % 3 == 0:
        lines.append(EVENTS[(i + 4) % len(EVENTS)][1])
    return day, "\n".join(lines)


def write_corpus(root: Path) -> list[str]:
    """30 documents: 21 JSONL records (and a blank and a malformed line), 3 .txt files, 6 Parquet
    rows; an exact repeat and a near repeat of earlier articles in later partitions."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root.mkdir(parents=True, exist_ok=True)
    records = []
    for i in range(20):
        day, text = _text(i)
        records.append({"id": f"j{i:02d}", "date": day, "source": f"diario{i % 4}",
                        "url": f"https://example.org/{i}", "title": text.split(".")[0][:60], "text": text})
    records.append(dict(records[2], id="j20", source="reimpresion"))         # exact repeat
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(10, "")
    lines.insert(15, "{not json")
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    txt = root / "notas"
    txt.mkdir(exist_ok=True)
    for k in range(3):
        (txt / f"nota{k}.txt").write_text(_text(21 + k)[1] + "\n", encoding="utf-8")
    rows = []
    for i in range(24, 30):
        day, text = _text(i)
        rows.append({"id": f"p{i:02d}", "date": day, "source": "archivo", "url": None,
                     "title": None, "text": text})
    rows[-1]["text"] = records[4]["text"] + "\n" + CONTEXT[1]              # near repeat
    pq.write_table(pa.Table.from_pylist(rows), root / "c.parquet")
    return [str(root / "a.jsonl"), str(txt), str(root / "c.parquet")]


def table_digests(db: Path) -> dict[str, str]:
    """Every table's rows (ingested_at excluded) in key order, as count:digest."""
    import duckdb

    from cronica.store.schema import TABLES, columns

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, (_, key) in TABLES.items():
            cols = ", ".join(f'"{c}"' for c in columns(table) if c != "ingested_at")
            order = ", ".join(f'"{k}"' for k in key)
            rows = con.execute(f"SELECT {cols} FROM {table} ORDER BY {order}").fetchall()
            out[table] = f"{len(rows)}:{hashlib.sha1(repr(rows).encode()).hexdigest()[:16]}"
        return out
    finally:
        con.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> list[str]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def reference(corpus, tmp_path_factory) -> dict[str, str]:
    """What one process stores for the corpus (`cronica.extract.extract_documents`, the
    single-process driver; the documents read as `iter_documents` reads them, plus the
    Parquet rows it does not read)."""
    from cronica.engines.partition import iter_partitions, plan_partitions
    from cronica.extract import extract_documents
    from cronica.pipeline import Pipeline
    from cronica.store import open_store

    db = tmp_path_factory.mktemp("ref") / "single.duckdb"
    with pytest.warns(Warning), open_store(db) as store:
        extract_documents(iter_partitions(plan_partitions(corpus)), store, Pipeline(),
                          progress=False)
    return table_digests(db)


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from cronica.engines.spark_engine import spark_session

    session = spark_session("local[2]", app="cronica-tests")
    yield session
    session.stop()
