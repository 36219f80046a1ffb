"""The explorer's read-only queries: typed filters in, rows and aggregates out.

Only fixed SQL with bound parameters reaches DuckDB; nothing a user sends is
ever spliced into a statement (column names come from closed lists here).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Optional

from cronica.store import open_store
from cronica.store.export import country_names
from cronica.store.query import EVENT_COLUMNS, EventFilter, control_history, get_event

POINT_COLUMNS = ("event_id, event_type, sub_event_type, date_start, date_end, location, country, "
                 "admin1, lat, lon, fatalities, mentions, actor1, actor2")
ORDERS = {"mentions": "mentions DESC NULLS LAST, coalesce(fatalities, 0) DESC",
          "fatalities": "coalesce(fatalities, 0) DESC, mentions DESC NULLS LAST"}
INTERVALS = ("day", "week", "month", "year")
# what is highlighted in an evidence sentence, strongest first where spans overlap
HIGHLIGHT_KINDS = ("trigger", "actor", "place", "timex")


TEXT_IDS_MAX = 20_000
TEXT_CLAUSE = ("(notes ILIKE ? OR event_id IN (SELECT event_id FROM event_sources "
               "WHERE sentence_text ILIKE ?))")


@dataclass(frozen=True)
class Filters:
    """The explorer's filter bar: EventFilter plus admin1 and free text over every evidence sentence."""
    date_from: Optional[date] = None
    date_to: Optional[date] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    place: Optional[str] = None
    text: Optional[str] = None
    text_ids: Optional[tuple[str, ...]] = None   # `text` resolved once to the ids it matches

    def where(self, extra: tuple[str, ...] = (), extra_params: tuple[Any, ...] = ()) -> tuple[str, list[Any]]:
        base = EventFilter(date_from=self.date_from, date_to=self.date_to, place=self.place,
                           actor=self.actor, event_type=self.event_type,
                           sub_event_type=self.sub_event_type, country=self.country)
        where, params = base.where()
        clauses = [where[len(" WHERE "):]] if where else []
        if self.admin1:
            clauses.append("admin1 = ?")
            params.append(self.admin1)
        if self.text_ids is not None:
            clauses.append("event_id IN (SELECT unnest(?))")
            params.append(list(self.text_ids))
        elif self.text:
            clauses.append(TEXT_CLAUSE)
            params += [f"%{self.text}%"] * 2
        clauses += extra
        params += list(extra_params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def without_dates(self) -> "Filters":
        return replace(self, date_from=None, date_to=None)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in r.items()} for r in rows]


class Explorer:
    """One read-only store shared by the server's threads: each thread queries through its own
    DuckDB cursor (so the map and the timeline are computed in parallel); the store's helpers
    from cronica.store.query run on the main connection, one at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.store = open_store(self.path, read_only=True)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._cursors: list[Any] = []
        self._meta: Optional[dict[str, Any]] = None

    def close(self) -> None:
        with self._lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
            self.store.close()

    def _cursor(self):
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            with self._lock:
                cur = self._local.cursor = self.store.con.cursor()
                self._cursors.append(cur)
        return cur

    def q(self, sql: str, params: Optional[list[Any]] = None) -> list[dict[str, Any]]:
        res = self._cursor().execute(sql, params or [])
        names = [d[0] for d in res.description]
        return [dict(zip(names, row)) for row in res.fetchall()]

    # ---- overview --------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        """What the filter bar offers: types, sub-types, countries, admin1s, date extent."""
        if self._meta is None:
            names = country_names()
            head = self.q("SELECT count(*) AS events, count(lat) AS located, min(date_start) AS first, "
                          "max(coalesce(date_end, date_start)) AS last FROM events")[0]
            types: dict[str, dict[str, int]] = {}
            for r in self.q("SELECT event_type, sub_event_type, count(*) AS n FROM events "
                            "GROUP BY ALL ORDER BY 1, 2"):
                types.setdefault(r["event_type"] or "", {})[r["sub_event_type"] or ""] = r["n"]
            countries: dict[str, dict[str, Any]] = {}
            for r in self.q("SELECT country, admin1, count(*) AS n FROM events "
                            "WHERE country IS NOT NULL GROUP BY ALL ORDER BY 1, 2"):
                c = countries.setdefault(r["country"], {"code": r["country"],
                                                        "name": names.get(r["country"], r["country"]),
                                                        "events": 0, "admin1": {}})
                c["events"] += r["n"]
                if r["admin1"]:
                    c["admin1"][r["admin1"]] = r["n"]
            places = self.q("SELECT count(DISTINCT place_id) AS n FROM control")[0]["n"]
            self._meta = {"events": head["events"], "located": head["located"],
                          "first": _plain(head["first"]), "last": _plain(head["last"]),
                          "event_types": [{"event_type": t, "sub_event_types": subs,
                                           "events": sum(subs.values())} for t, subs in types.items()],
                          "countries": sorted(countries.values(), key=lambda c: c["name"] or ""),
                          "control_places": places}
        return self._meta

    def _resolve_text(self, flt: Filters) -> Filters:
        """Free text is matched once per request (not once per query of the request)."""
        if not flt.text or flt.text_ids is not None:
            return flt
        pattern = f"%{flt.text}%"
        ids = [r["event_id"] for r in self.q(
            "SELECT event_id FROM events WHERE notes ILIKE ? UNION "
            "SELECT event_id FROM event_sources WHERE sentence_text ILIKE ?", [pattern, pattern])]
        if len(ids) > TEXT_IDS_MAX:   # a very common word: matching in each query is cheaper
            return flt
        return replace(flt, text_ids=tuple(ids))

    # ---- the map -----------------------------------------------------------------
    def events(self, flt: Filters, limit: int, order: str = "mentions",
               bbox: Optional[tuple[float, float, float, float]] = None,
               cell: Optional[float] = None) -> dict[str, Any]:
        """At most `limit` points (the largest first) and, when more match, a grid of all of them."""
        flt = self._resolve_text(flt)
        geo = ("lat IS NOT NULL", "lon IS NOT NULL")
        geo_params: tuple[Any, ...] = ()
        if bbox is not None:
            w, s, e, n = bbox
            geo += ("lat BETWEEN ? AND ?",)
            geo_params += (s, n)
            if w > -180 or e < 180:
                geo += ("lon BETWEEN ? AND ?",)
                geo_params += (w, e)
        where, params = flt.where()
        gwhere, gparams = flt.where(geo, geo_params)
        head = self.q(f"SELECT count(*) AS total, count(lat) AS located, "
                      f"count(*) FILTER (WHERE {' AND '.join(geo)}) AS in_view FROM events{where}",
                      list(geo_params) + params)[0]
        in_view = head["in_view"]
        points = self.q(f"SELECT {POINT_COLUMNS} FROM events{gwhere} ORDER BY {ORDERS[order]}, "
                        f"event_id LIMIT ?", gparams + [limit])
        out: dict[str, Any] = {"total": head["total"], "located": head["located"],
                               "in_view": in_view, "returned": len(points),
                               "truncated": in_view > len(points), "points": _rows(points),
                               "grid": None}
        if in_view > len(points):
            if cell is None:
                span = self.q(f"SELECT max(lat) - min(lat) AS h, max(lon) - min(lon) AS w FROM events{gwhere}",
                              gparams)[0]
                cell = max(float(max(span["h"] or 0, span["w"] or 0)) / 48.0, 0.01)
            # per cell and type first, then per cell: the dominant type is the one with most events
            cells = self.q(
                f"""SELECT sum(n)::BIGINT AS count, sum(f)::BIGINT AS fatalities, sum(m)::BIGINT AS mentions,
                           sum(slat) / sum(n) AS lat, sum(slon) / sum(n) AS lon,
                           arg_max(event_type, n) AS event_type
                    FROM (SELECT floor(lat / ?) AS gy, floor(lon / ?) AS gx, event_type, count(*) AS n,
                                 sum(coalesce(fatalities, 0)) AS f, sum(mentions) AS m,
                                 sum(lat) AS slat, sum(lon) AS slon
                          FROM events{gwhere} GROUP BY ALL)
                    GROUP BY gy, gx ORDER BY count DESC, gy, gx""",
                [cell, cell] + gparams)
            for c in cells:
                c["lat"], c["lon"] = round(c["lat"], 5), round(c["lon"], 5)
            out["grid"] = {"cell": cell, "cells": cells}
        return out

    def timeline(self, flt: Filters, interval: str = "auto") -> dict[str, Any]:
        """Event counts per day, week, month or year (by start date), split by event type."""
        flt = self._resolve_text(flt)
        where, params = flt.where()
        if interval == "auto":
            ext = self.q(f"SELECT min(date_start) AS a, max(date_start) AS b FROM events{where}", params)[0]
            days = (ext["b"] - ext["a"]).days if ext["a"] and ext["b"] else 0
            interval = "day" if days <= 180 else "week" if days <= 5 * 365 else "month"
        if interval not in INTERVALS:
            raise ValueError(interval)
        rows = self.q(f"""SELECT date_trunc('{interval}', date_start)::DATE AS bin, event_type, count(*) AS n
                          FROM events{where} GROUP BY ALL ORDER BY bin, event_type""", params)
        bins: dict[Any, dict[str, Any]] = {}
        undated = 0
        for r in rows:
            if r["bin"] is None:
                undated += r["n"]
                continue
            b = bins.setdefault(r["bin"], {"start": r["bin"].isoformat(), "count": 0, "by_type": {}})
            b["count"] += r["n"]
            b["by_type"][r["event_type"] or ""] = r["n"]
        return {"interval": interval, "bins": list(bins.values()), "undated": undated,
                "total": sum(b["count"] for b in bins.values()) + undated}

    # ---- one event -----------------------------------------------------------------
    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        with self._lock:
            row = get_event(self.store, event_id)
        if row is None:
            return None
        sources = row.pop("sources")
        try:
            explanation = json.loads(row.pop("explanation_json") or "{}")
        except ValueError:
            explanation = {}
        row["country_name"] = country_names().get(row["country"] or "", row["country"])
        docs = {d["doc_id"]: d for d in self.q(
            "SELECT doc_id, dct FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [sorted({s["doc_id"] for s in sources})])}
        evidence = []
        for s in sources:
            mentions = self.q(
                """SELECT kind, start, "end", text, value_json FROM mentions
                   WHERE doc_id = ? AND start >= ? AND "end" <= ? ORDER BY start, "end" DESC""",
                [s["doc_id"], s["start"], s["end"]])
            for m in mentions:
                try:
                    m["value"] = json.loads(m.pop("value_json") or "{}")
                except ValueError:
                    m["value"] = {}
            evidence.append({
                "doc_id": s["doc_id"], "title": s["title"], "url": safe_url(s["url"]),
                "source": s["source"], "dct": _plain(docs.get(s["doc_id"], {}).get("dct")),
                "start": s["start"], "end": s["end"], "sentence": s["sentence_text"],
                "trigger": {"start": s["trigger_start"], "end": s["trigger_end"],
                            "text": s["trigger_text"]},
                "attribution": s["attribution"], "confidence": s["confidence"],
                "rule_trail": s["rule_trail"], "mentions": mentions,
                "segments": segments(s["sentence_text"] or "", s["start"], s["trigger_start"],
                                     s["trigger_end"], mentions)})
        return {"event": _rows([row])[0], "evidence": evidence, "explanation": explanation}

    # ---- territorial control ----------------------------------------------------
    def control_places(self) -> list[dict[str, Any]]:
        return _rows(self.q("""SELECT place_id, any_value(place_name) AS place_name,
                                      any_value(country) AS country, any_value(admin1) AS admin1,
                                      count(*) AS changes, min(date_start) AS first,
                                      max(date_end) AS last
                               FROM control GROUP BY place_id ORDER BY place_name, place_id"""))

    def control(self, place: str) -> list[dict[str, Any]]:
        """Each matching place: its changes of hands, in order, and who held it between them."""
        with self._lock:
            rows = control_history(self.store, place)
        ids = [r["event_id"] for r in rows]
        coords = {r["event_id"]: r for r in self.q(
            "SELECT event_id, lat, lon, fatalities FROM events WHERE event_id IN (SELECT unnest(?))", [ids])}
        places: dict[str, dict[str, Any]] = {}
        for r in _rows(rows):
            p = places.setdefault(r["place_id"], {"place_id": r["place_id"], "place_name": r["place_name"],
                                                  "country": r["country"], "admin1": r["admin1"],
                                                  "lat": None, "lon": None, "changes": []})
            c = coords.get(r["event_id"], {})
            p["lat"] = p["lat"] if p["lat"] is not None else c.get("lat")
            p["lon"] = p["lon"] if p["lon"] is not None else c.get("lon")
            p["changes"].append({k: r[k] for k in ("event_id", "date_start", "date_end", "holder",
                                                   "previous_holder", "sub_event_type", "evidence")})
        for p in places.values():
            ch = p["changes"]
            periods = []
            if ch and ch[0]["previous_holder"]:
                periods.append({"holder": ch[0]["previous_holder"], "from": None,
                                "to": ch[0]["date_start"], "since_event": None})
            for i, c in enumerate(ch):
                periods.append({"holder": c["holder"], "from": c["date_start"],
                                "to": ch[i + 1]["date_start"] if i + 1 < len(ch) else None,
                                "since_event": c["event_id"]})
            p["periods"] = periods
        return list(places.values())

    # ---- exports -------------------------------------------------------------------
    def export_rows(self, flt: Filters) -> list[dict[str, Any]]:
        where, params = flt.where()
        return self.q(f"SELECT {EVENT_COLUMNS} FROM events{where} "
                      "ORDER BY date_start NULLS LAST, event_id", params)


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only http(s) links are offered (never javascript: or file:)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def segments(sentence: str, offset: int, trigger_start: Optional[int], trigger_end: Optional[int],
             mentions: list[dict[str, Any]]) -> list[dict[str, Optional[str]]]:
    """The sentence cut into runs of plain text and highlighted text (trigger, actor, place,
    timex); where highlights overlap the stronger kind wins, character by character."""
    n = len(sentence)
    rank = [len(HIGHLIGHT_KINDS)] * n
    spans = [(m["kind"], m["start"], m["end"]) for m in mentions if m["kind"] in HIGHLIGHT_KINDS]
    if trigger_start is not None and trigger_end is not None:
        spans.append(("trigger", trigger_start, trigger_end))
    for kind, start, end in spans:
        k = HIGHLIGHT_KINDS.index(kind)
        for i in range(max(start - offset, 0), min(end - offset, n)):
            rank[i] = min(rank[i], k)
    out: list[dict[str, Optional[str]]] = []
    i = 0
    while i < n:
        j = i
        while j < n and rank[j] == rank[i]:
            j += 1
        kind = HIGHLIGHT_KINDS[rank[i]] if rank[i] < len(HIGHLIGHT_KINDS) else None
        out.append({"text": sentence[i:j], "kind": kind})
        i = j
    return out
