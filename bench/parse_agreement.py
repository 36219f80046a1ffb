#!/usr/bin/env python3
"""What parsing only the event sentences costs in output and saves in time, on real news.

    python bench/parse_agreement.py [--conll ../shared/data/conll2002-es/esp.testa] [--docs 300]

cronica parses only the sentences that can hold an event (`Pipeline(parse="events")`,
the default; see `cronica.nlp.partial`). This runs both that and the full parse
(`parse="all"`) over the same real Spanish news (CoNLL-2002's EFE wire, consecutive
sentences grouped ten to a document) and reports: the share of sentences parsed, the
CPU time of the spaCy part of each, and how far the annotations agree (events by type,
trigger, actors and place; places; actors).
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cronica.api import make_document  # noqa: E402
from cronica.pipeline import Pipeline  # noqa: E402


def conll_documents(path: Path, per_doc: int = 10) -> list[str]:
    sentences, words = [], []
    for line in path.open(encoding="utf-8", errors="replace"):
        if line.strip():
            words.append(line.split(" ")[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    if words:
        sentences.append(" ".join(words))
    return [" ".join(sentences[i:i + per_doc]) for i in range(0, len(sentences), per_doc)]


def keys(annotations) -> dict[str, set]:
    return {
        "events": {(e.sub_event_type, e.mentions[0].trigger.start, e.actor1, e.actor2,
                    e.place.name if e.place else None) for e in annotations.events},
        "places": {(p.span.start, p.span.end, p.geonameid) for p in annotations.places},
        "actors": {(a.span.start, a.span.end, a.actor_id) for a in annotations.actors},
    }


def cpu_parse(pipeline: Pipeline, texts: list[str]) -> float:
    start = time.process_time()
    for _ in pipeline.parsed(texts):
        pass
    return time.process_time() - start


def share_parsed(pipeline: Pipeline, texts: list[str]) -> float:
    wants = pipeline.sentence_selector.wants
    total = chosen = 0
    for doc in pipeline.parsed(texts):
        for sent in doc.sents:
            if sent.text.strip():
                total += 1
                chosen += wants(sent.text)
    return chosen / max(total, 1)


def agreement(a: set, b: set) -> str:
    both = len(a & b)
    return f"{both} shared, {len(a - b)} only full, {len(b - a)} only partial (F1 {2 * both / max(len(a) + len(b), 1):.3f})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conll", type=Path, default=ROOT.parent / "shared/data/conll2002-es/esp.testa")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/results/parse_agreement.md")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    texts = conll_documents(args.conll)[: args.docs]
    full, partial = Pipeline(parse="all"), Pipeline(parse="events")
    t_full = t_part = 0.0
    for i in range(0, len(texts), 50):            # alternate, so both see the same load
        t_full += cpu_parse(full, texts[i:i + 50])
        t_part += cpu_parse(partial, texts[i:i + 50])
    got = {"events": [set(), set()], "places": [set(), set()], "actors": [set(), set()]}
    for n, text in enumerate(texts):
        doc = make_document(text, doc_id=f"c{n}")
        for side, pipeline in enumerate((full, partial)):
            for name, values in keys(pipeline.annotate(doc)).items():
                got[name][side] |= {(n,) + v for v in values}
    words = sum(len(t.split()) for t in texts)
    lines = [f"# Partial parse vs full parse on real news ({args.conll.name}, {len(texts)} documents, {words:,} words)", "",
             f"Sentences parsed (selected as able to hold an event): {share_parsed(partial, texts):.1%}", "",
             f"spaCy CPU time: full parse {t_full:.1f} s, partial {t_part:.1f} s → partial is "
             f"{t_full / t_part:.2f}× as fast", ""]
    lines += [f"- {name}: {agreement(*pair)}" for name, pair in got.items()]
    report = "\n".join(lines) + "\n"
    print(report)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(report, encoding="utf-8")
    tmp.replace(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
