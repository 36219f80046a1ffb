#!/usr/bin/env python3
"""Score cronica on the development set (`eval/dev/*.json` + their texts) with the shared scorer.

    .venv/bin/python scripts/dev_eval.py                 # per-passage lines and the aggregate
    .venv/bin/python scripts/dev_eval.py -v              # also misses, spurious rows and actors
    .venv/bin/python scripts/dev_eval.py --only ua_      # passages whose name starts so
    .venv/bin/python scripts/dev_eval.py --json out.json # the full reports

Aggregates are micro-averaged (matched, predicted and required events summed over passages;
actor accuracies over every matched gold event with a required actor). Fatalities are checked
against the gold's optional `fatalities` field (the shared scorer ignores it). Passages whose gold says
`"heldout": true` are also totalled apart.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("cronica_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def annotate_all(golds: list[Path]) -> dict[str, dict]:
    """name -> the document-level JSON of `cronica annotate` (one pipeline, one model load)."""
    import cronica
    from cronica.output import document_json

    out = {}
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = (g.parent / gold["doc"]).read_text(encoding="utf-8")
        out[g.stem] = document_json(cronica.annotate(text, gold.get("dct"), doc_id=g.stem))
    return out


def fatality_checks(gold: dict, pred: dict, scorer) -> list[str]:
    """Gold events with a stated toll whose best-fitting prediction carries another number."""
    out = []
    for g in gold["events"]:
        if g.get("fatalities") is None:
            continue
        fits = [p for p in pred["events"] if scorer.event_fits(g, p)]
        got = {p.get("fatalities") for p in fits}
        if g["fatalities"] not in got:
            out.append(f"{g['id']}: fatalities {g['fatalities']} got {sorted(got, key=str) if fits else 'no row'}")
    return out


def actor_lines(gold: dict, report: dict, pred: dict, scorer) -> list[str]:
    """Matched gold events whose required actor1/actor2 is not among the row's participants."""
    out = []
    for g in gold["events"]:
        if g.get("optional") or g["id"] in report["missed"]:
            continue
        fits = [p for p in pred["events"] if scorer.event_fits(g, p)]
        for key in ("actor1", "actor2"):
            if g.get(key) and not g.get(f"{key}_optional") and fits and not any(
                    scorer.actor_ok(g[key], scorer.participants(p), g.get(scorer.RIVAL[key])) for p in fits):
                out.append(f"{g['id']}: {key} wanted {g[key][:3]} got "
                           f"{[(p.get('actor1'), p.get('actor2')) for p in fits]}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", default="", help="score only passages whose name starts with this")
    ap.add_argument("--json", type=Path, help="write the full per-passage reports here")
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    a = ap.parse_args(argv)
    scorer = load_scorer(a.scorer)
    golds = sorted(p for p in a.dev.glob("*.json") if p.stem.startswith(a.only))
    preds = annotate_all(golds)
    groups = {"ALL": _totals(), "held-out": _totals()}
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for g in golds:
            gold = json.loads(g.read_text(encoding="utf-8"))
            pred_path = Path(tmp) / f"{g.stem}.json"
            pred_path.write_text(json.dumps(preds[g.stem], ensure_ascii=False), encoding="utf-8")
            rep = scorer.score(g, pred_path, g.parent / gold["doc"])
            reports[g.stem] = rep
            e = rep["events"]
            fat = fatality_checks(gold, preds[g.stem], scorer)
            n_fat = sum(1 for x in gold["events"] if x.get("fatalities") is not None)
            for name in ["ALL"] + (["held-out"] if gold.get("heldout") else []):
                _add(groups[name], e, gold)
                groups[name]["fat"][0] += n_fat - len(fat)
                groups[name]["fat"][1] += n_fat
            print(f"{g.stem:28s} F1 {e['f1']:.3f}  P {e['precision']:.3f}  R {e['recall']:.3f}  "
                  f"{e['required_matched']}/{e['required']} req, {e['predicted']} pred, "
                  f"{len(e['duplicates'])} dup, {len(e['spurious'])} spur, a1 {e['actor1_accuracy']}, a2 {e['actor2_accuracy']}")
            if a.verbose:
                _details(e, gold, preds[g.stem], scorer, fat)
    for name, tot in groups.items():
        if tot["required"]:
            _summary(name, tot)
    if a.json:
        a.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _totals() -> dict:
    return {"matched": 0, "predicted": 0, "required": 0, "required_matched": 0, "a1": [0, 0], "a2": [0, 0],
            "fat": [0, 0], "dup": 0, "spur": 0}


def _add(tot: dict, e: dict, gold: dict) -> None:
    for k in ("matched", "predicted", "required", "required_matched"):
        tot[k] += e[k]
    tot["dup"] += len(e["duplicates"])
    tot["spur"] += len(e["spurious"])
    for key, slot in (("actor1", "a1"), ("actor2", "a2")):
        acc = e[f"{key}_accuracy"]
        n = sum(1 for g in gold["events"] if not g.get("optional") and g["id"] not in e["missed"]
                and g.get(key) and not g.get(f"{key}_optional"))
        if acc is not None and n:
            tot[slot][0] += round(acc * n)
            tot[slot][1] += n


def _details(e: dict, gold: dict, pred: dict, scorer, fat: list[str]) -> None:
    for m in e["missed"]:
        g = next(x for x in gold["events"] if x["id"] == m)
        print(f"    missed  {m} ({g['sub_event_type'][0]}, {g['date']})")
    for s in e["spurious"]:
        print(f"    spurious {s['sub_event_type']} {s['date']} @ {s['location']}")
    for d in e["duplicates"]:
        print(f"    duplicate {d['sub_event_type']} {d['date']} @ {d['location']} of {d['twin_of']}")
    for line in actor_lines(gold, e, pred, scorer) + fat:
        print(f"    {line}")


def _summary(name: str, tot: dict) -> None:
    p = tot["matched"] / tot["predicted"] if tot["predicted"] else 0.0
    r = tot["required_matched"] / tot["required"] if tot["required"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = lambda s: f"{tot[s][0]}/{tot[s][1]} = {tot[s][0] / tot[s][1]:.3f}" if tot[s][1] else "n/a"
    print(f"\n{name} events P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tot['required_matched']}/{tot['required']} required, "
          f"{tot['matched']} matched of {tot['predicted']} predicted, {tot['dup']} duplicates, {tot['spur']} spurious)")
    print(f"    actor1 {acc('a1')}   actor2 {acc('a2')}   fatalities {acc('fat')}")


if __name__ == "__main__":
    sys.exit(main())
