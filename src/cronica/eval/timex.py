"""Score a temporal tagger on a TIMEX3 corpus in BIO/TSV form (Spanish TimeBank, MEANTIME-es).

Same conventions as ../shared/eval/timex_corpus.py (reimplemented, no runtime
import): a document starts at a `*!-DCTVALUE="YYYY-MM-DD"-!*` line, its tokens
are joined by single spaces, a blank line ends a sentence (no timex crosses
it), doc ids are `f"{tsv.parent.name}-{tsv.stem}-{i:03d}"`. Figures are
TempEval-3 style: strict and relaxed span F1, and value and type F1 (a relaxed
match whose value or type is also right).
"""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any, Optional, Protocol

from cronica.model import Timex


class Tagger(Protocol):
    def tag(self, text: str, dct: Optional[date] = None, sentences: Any = None) -> list[Timex]: ...


def read_timex_corpus(tsv: Path) -> list[dict]:
    """Documents: {"doc_id", "dct", "text", "timexes": [{start, end, type, value, text}]}."""
    tsv = Path(tsv)
    docs: list[dict] = []
    for raw in tsv.read_text(encoding="utf-8").splitlines():
        if raw.startswith("*!-DCTVALUE="):
            docs.append({"doc_id": f"{tsv.parent.name}-{tsv.stem}-{len(docs):03d}",
                         "dct": raw.split('"')[1], "tokens": []})
        elif docs:
            docs[-1]["tokens"].append(None if not raw.strip() else (raw.split("\t") + ["O", "-"])[:3])
    for d in docs:
        _assemble(d)
    return docs


def _assemble(d: dict) -> None:
    text, spans, cur = "", [], None
    for item in d.pop("tokens"):
        if item is None:
            cur = None
            continue
        tok, tag, value = item
        text += " " if text else ""
        start = len(text)
        text += tok
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur["type"] != tag[2:])):
            cur = {"start": start, "end": len(text), "type": tag[2:], "value": value}
            spans.append(cur)
        elif tag.startswith("I-"):
            cur["end"] = len(text)
        else:
            cur = None
    for s in spans:
        s["text"] = text[s["start"]:s["end"]]
    d["text"], d["timexes"] = text, spans


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def match_document(gold: list[dict], pred: list[dict]) -> dict[str, int]:
    """Counts of strict, relaxed, value and type matches (greedy, exact spans first)."""
    c = {"strict": 0, "relaxed": 0, "value": 0, "type": 0}
    used: set[int] = set()
    for g in gold:
        best = None
        for j, p in enumerate(pred):
            if j in used or not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            exact = p["start"] == g["start"] and p["end"] == g["end"]
            if best is None or exact:
                best = (j, exact)
            if exact:
                break
        if best is None:
            continue
        j, exact = best
        used.add(j)
        c["relaxed"] += 1
        c["strict"] += exact
        c["value"] += str(pred[j].get("value", "")).upper() == g["value"].upper()
        c["type"] += str(pred[j].get("type", "")).upper() == g["type"]
    return c


def score_timex_corpus(tsv_path: str | Path, tagger: Tagger) -> dict[str, Any]:
    """Run `tagger` on every document (with its dct) and score it against the gold timexes."""
    docs = read_timex_corpus(Path(tsv_path))
    totals = {"strict": 0, "relaxed": 0, "value": 0, "type": 0}
    n_gold = n_pred = 0
    t0 = time.perf_counter()
    for d in docs:
        timexes = tagger.tag(d["text"], date.fromisoformat(d["dct"]))
        pred = [{"start": t.span.start, "end": t.span.end, "type": t.type, "value": t.value} for t in timexes]
        n_gold += len(d["timexes"])
        n_pred += len(pred)
        for k, v in match_document(d["timexes"], pred).items():
            totals[k] += v
    seconds = time.perf_counter() - t0
    out: dict[str, Any] = {"documents": len(docs), "gold": n_gold, "predicted": n_pred,
                           "seconds_per_document": round(seconds / max(1, len(docs)), 6)}
    for k, tp in totals.items():
        out[k] = _prf(tp, n_pred, n_gold)
    return out
