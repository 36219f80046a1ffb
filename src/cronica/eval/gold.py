"""Scoring one document's annotations against a gold file (the shared gold format).

Vendored from the project's reference scorer (shared/eval/score.py) so that users can
score cronica on their own annotated documents without the shared folder.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from datetime import date



# ---------------------------------------------------------------- helpers
def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def max_matching(order: list[int], edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths), left vertices taken in
    `order`: a vertex once matched stays matched, so required gold items listed
    first are never displaced by optional ones. Returns right -> left."""
    match_r: dict[int, int] = {}

    def try_left(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, []):
            if v in seen:
                continue
            seen.add(v)
            if v not in match_r or try_left(match_r[v], seen):
                match_r[v] = u
                return True
        return False

    for u in order:
        try_left(u, set())
    return match_r


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


# ---------------------------------------------------------------- gold spans
def required_first(gold: list[dict]) -> list[int]:
    return sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))


def gold_mentions(text: str, items: list[dict]) -> list[dict]:
    """Expand gold items ('text' + 'occurrence') into spans in the document."""
    out = []
    for it in items:
        spans = spans_of(text, it["text"])
        if not spans:
            raise ValueError(f"gold text not found in document: {it['text']!r}")
        occ = it.get("occurrence", 0)
        chosen = spans if occ == "all" else [spans[occ]]
        for sp in chosen:
            out.append({**it, "span": sp})
    return out


def span_of(pred: dict) -> tuple[int, int] | None:
    try:
        return int(pred["start"]), int(pred["end"])
    except (KeyError, TypeError, ValueError):
        return None


# ---------------------------------------------------------------- timexes
def score_timexes(text: str, gold_items: list[dict], preds: list[dict]) -> dict:
    gold = gold_mentions(text, gold_items)
    pspans = [span_of(p) for p in preds]
    edges = {i: [j for j, ps in enumerate(pspans) if ps and overlaps(g["span"], ps)]
             for i, g in enumerate(gold)}
    match = max_matching(required_first(gold), edges)  # pred -> gold
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    found = {g for g in match.values()}
    tp_req = sum(1 for i in required if i in found)
    n_pred = sum(1 for j, ps in enumerate(pspans)
                 if not (j in match and gold[match[j]].get("optional")))
    tp_pred = sum(1 for j in match if not gold[match[j]].get("optional"))
    det = prf(tp_pred, n_pred, len(required))
    det["recall"] = round(tp_req / len(required), 3) if required else 0.0
    value_ok, type_ok, wrong = 0, 0, []
    for j, i in match.items():
        g = gold[i]
        if g.get("optional"):
            continue
        p = preds[j]
        if str(p.get("value", "")).upper() == g["value"].upper():
            value_ok += 1
        else:
            wrong.append(f"{g['text']!r}: gold {g['value']} got {p.get('value')}")
        if str(p.get("type", "")).upper() == g["type"]:
            type_ok += 1
    return {"detection": det, "required": len(required), "found": tp_req, "predicted": n_pred,
            "correct_values": value_ok,
            "value_accuracy": round(value_ok / len(required), 3) if required else 0.0,
            "type_accuracy": round(type_ok / len(required), 3) if required else 0.0,
            "missed": [gold[i]["text"] for i in required if i not in found],
            "wrong_values": wrong}


# ---------------------------------------------------------------- places
def score_places(text: str, gold_items: list[dict], preds: list[dict]) -> dict:
    gold = gold_mentions(text, gold_items)
    pspans = [span_of(p) for p in preds]
    edges = {i: [j for j, ps in enumerate(pspans) if ps and overlaps(g["span"], ps)]
             for i, g in enumerate(gold)}
    match = max_matching(required_first(gold), edges)
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    found = set(match.values())
    n_pred = sum(1 for j in range(len(preds))
                 if not (j in match and gold[match[j]].get("optional")))
    tp_pred = sum(1 for j in match if not gold[match[j]].get("optional"))
    det = prf(tp_pred, n_pred, len(required))
    det["recall"] = round(sum(1 for i in required if i in found) / len(required), 3) if required else 0.0
    resolvable = [i for i in required if "lat" in gold[i]]
    ok, wrong = 0, []
    g2p = {i: j for j, i in match.items()}
    for i in resolvable:
        g = gold[i]
        j = g2p.get(i)
        if j is None:
            continue
        p = preds[j]
        try:
            d = km(g["lat"], g["lon"], float(p["lat"]), float(p["lon"]))
        except (KeyError, TypeError, ValueError):
            d = math.inf
        if d <= g.get("km", 25):
            ok += 1
        else:
            wrong.append(f"{g['text']!r}@{g['span'][0]}: {d:.0f} km off")
    return {"detection": det, "required": len(required), "found": sum(1 for i in required if i in found),
            "predicted": n_pred, "resolvable": len(resolvable), "resolved": ok,
            "resolution_accuracy": round(ok / len(resolvable), 3) if resolvable else 0.0,
            "missed": sorted({gold[i]["text"] for i in required if i not in found}),
            "misresolved": wrong}


# ---------------------------------------------------------------- events
def event_fits(g: dict, p: dict) -> bool:
    if not isinstance(p, dict) or not isinstance(p.get("sub_event_type"), str) \
            or p["sub_event_type"] not in g["sub_event_type"]:
        return False
    gs, ge = day(g["date"][0]), day(g["date"][1])
    ps, pe = day(p.get("date_start") or p.get("date")), day(p.get("date_end") or p.get("date"))
    if not ps or not pe or ps > pe or ps > ge or pe < gs:
        return False
    if (pe - ps).days > max((ge - gs).days + 31, 31):  # too vague to count
        return False
    loc = p.get("location")
    try:
        d = km(g["location"]["lat"], g["location"]["lon"], float(loc["lat"]), float(loc["lon"]))
    except (KeyError, TypeError, ValueError, IndexError):
        return False
    if math.isnan(d):
        return False
    return d <= g["location"].get("km", 25)


def alias_hit(alias: str, text: str) -> int:
    """Length of `alias` where it starts a word of `text` (short aliases must be
    the whole word: 'ei' is not in 'Reino'), else 0."""
    a = fold(alias)
    tail = r"\b" if len(a) <= 3 else ""
    return len(a) if re.search(r"(?<!\w)" + re.escape(a) + tail, text) else 0


def best_hit(aliases: list[str], text: str) -> int:
    return max((alias_hit(a, text) for a in aliases), default=0)


def actor_ok(aliases: list[str], value, rival: list[str] | None = None) -> bool:
    """Does some participant name this gold actor? A participant that also names
    the rival gold actor counts for the one it names with the longer alias
    ('Estado Islámico de Irak' is the Islamic State, not Iraq)."""
    values = value if isinstance(value, list) else [value]
    for v in values:
        t = fold(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
        hit = best_hit(aliases, t)
        if hit and hit >= best_hit(rival or [], t):
            return True
    return False


RIVAL = {"actor1": "actor2", "actor2": "actor1"}


def participants(p: dict) -> list:
    """Every actor slot of a prediction: who is actor1 and who actor2 is a
    convention that annotators disagree on, so a gold actor found in any slot counts."""
    return [p.get(k) for k in ("actor1", "actor2", "assoc_actor1", "assoc_actor2", "assoc_actor_1", "assoc_actor_2")
            if p.get(k)]


def fit_quality(g: dict, p: dict) -> int:
    """Among pairs that fit, how well: actors agree, date inside the gold interval."""
    q = sum(actor_ok(g[k], participants(p), g.get(RIVAL[k])) for k in ("actor1", "actor2") if g.get(k))
    ps, pe = day(p.get("date_start") or p.get("date")), day(p.get("date_end") or p.get("date"))
    return q + (day(g["date"][0]) <= ps and pe <= day(g["date"][1]))


def improve_by_swaps(gold, preds, edges, g2p) -> dict[int, int]:
    """Swap the predictions of two matched gold items while that raises quality."""
    changed = True
    while changed:
        changed = False
        items = list(g2p.items())
        for a, (g1, p1) in enumerate(items):
            for g2, p2 in items[a + 1:]:
                if p2 in edges[g1] and p1 in edges[g2]:
                    now = fit_quality(gold[g1], preds[p1]) + fit_quality(gold[g2], preds[p2])
                    swapped = fit_quality(gold[g1], preds[p2]) + fit_quality(gold[g2], preds[p1])
                    if swapped > now:
                        g2p[g1], g2p[g2] = p2, p1
                        changed = True
                        break
            if changed:
                break
    return g2p


def score_events(gold: list[dict], preds: list[dict]) -> dict:
    edges = {i: [j for j, p in enumerate(preds) if event_fits(g, p)] for i, g in enumerate(gold)}
    match = max_matching(required_first(gold), edges)  # pred -> gold
    g2p = improve_by_swaps(gold, preds, edges, {i: j for j, i in match.items()})
    match = {j: i for i, j in g2p.items()}
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    duplicates, spurious = [], []
    for j, p in enumerate(preds):
        if j in match:
            continue
        twins = [gold[i]["id"] for i in range(len(gold)) if j in edges[i]]
        row = p if isinstance(p, dict) else {}
        loc = row.get("location") if isinstance(row.get("location"), dict) else {}
        (duplicates if twins else spurious).append(
            {"sub_event_type": row.get("sub_event_type"), "date": [row.get("date_start"), row.get("date_end")],
             "location": loc.get("name"), "twin_of": twins})
    tp = len(match)
    res = prf(tp, len(preds), len(required) + sum(1 for i in g2p if gold[i].get("optional")))
    res["recall"] = round(sum(1 for i in required if i in g2p) / len(required), 3) if required else 0.0
    p_, r_ = res["precision"], res["recall"]
    res["f1"] = round(2 * p_ * r_ / (p_ + r_), 3) if p_ + r_ else 0.0
    a1 = [i for i in required if i in g2p and gold[i].get("actor1") and not gold[i].get("actor1_optional")]
    a2 = [i for i in required if i in g2p and gold[i].get("actor2") and not gold[i].get("actor2_optional")]
    res["actor1_accuracy"] = round(sum(actor_ok(gold[i]["actor1"], participants(preds[g2p[i]]), gold[i].get("actor2")) for i in a1) / len(a1), 3) if a1 else None
    res["actor2_accuracy"] = round(sum(actor_ok(gold[i]["actor2"], participants(preds[g2p[i]]), gold[i].get("actor1")) for i in a2) / len(a2), 3) if a2 else None
    res.update(matched=tp, predicted=len(preds), required=len(required),
               required_matched=sum(1 for i in required if i in g2p),
               missed=[gold[i]["id"] for i in required if i not in g2p],
               duplicates=duplicates, spurious=spurious)
    return res


def score_document(gold: dict, text: str, annotations: dict) -> dict:
    """Timexes, places and events of one document-level JSON against a gold dict."""
    preds = {k: [m for m in annotations.get(k) or [] if isinstance(m, dict)]
             for k in ("timexes", "places", "events")}
    return {"timexes": score_timexes(text, gold.get("timexes", []), preds["timexes"]),
            "places": score_places(text, gold.get("places", []), preds["places"]),
            "events": score_events(gold.get("events", []), preds["events"])}


def summary_lines(report: dict) -> list[str]:
    out = []
    for part in ("timexes", "places"):
        r = report[part]
        acc = r.get("value_accuracy", r.get("resolution_accuracy"))
        out.append(f"{part:8s} F1 {r['detection']['f1']:.3f}  P {r['detection']['precision']:.3f}  "
                   f"R {r['detection']['recall']:.3f}  normalised/resolved {acc:.3f}  missed {r['missed']}")
    e = report["events"]
    out.append(f"events   F1 {e['f1']:.3f}  P {e['precision']:.3f}  R {e['recall']:.3f}  "
               f"matched {e['matched']}/{e['required']} required, {e['predicted']} predicted, "
               f"{len(e['duplicates'])} duplicates, {len(e['spurious'])} spurious, "
               f"actor1 {e['actor1_accuracy']}, actor2 {e['actor2_accuracy']}")
    if e["missed"]:
        out.append("         missed: " + ", ".join(e["missed"]))
    return out
