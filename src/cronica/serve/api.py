"""The explorer's JSON API: every page of the explorer has a twin here (see /openapi.json)."""
from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel
from starlette.background import BackgroundTask

from cronica.serve.db import Explorer, Filters
from cronica.store.export import export_rows

router = APIRouter(prefix="/api")

TEXT = dict(max_length=200)
EVENT_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,128}$")
EXPORTS = {"csv": ("text/csv", "csv"), "acled": ("text/csv", "acled.csv"),
           "geojson": ("application/geo+json", "geojson"),
           "parquet": ("application/vnd.apache.parquet", "parquet")}


class BadRequest(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def explorer(request: Request) -> Explorer:
    return request.app.state.explorer


def filters(
    date_from: Optional[date] = Query(None, description="Events ending on or after this day (YYYY-MM-DD)."),
    date_to: Optional[date] = Query(None, description="Events starting on or before this day (YYYY-MM-DD)."),
    event_type: Optional[str] = Query(None, description="ACLED event type, e.g. Battles.", **TEXT),
    sub_event_type: Optional[str] = Query(None, description="ACLED sub-event type, e.g. Armed clash.", **TEXT),
    actor: Optional[str] = Query(None, description="Any actor slot contains this (case-insensitive).", **TEXT),
    country: Optional[str] = Query(None, description="ISO 3166 alpha-2 country code, e.g. IQ.",
                                   pattern=r"^[A-Za-z]{2}$"),
    admin1: Optional[str] = Query(None, description="First-level division, exactly as stored.", **TEXT),
    place: Optional[str] = Query(None, description="Location, admin1 or country contains this.", **TEXT),
    text: Optional[str] = Query(None, description="Any evidence sentence contains this.", **TEXT),
) -> Filters:
    if date_from and date_to and date_from > date_to:
        raise BadRequest(f"date_from ({date_from}) is after date_to ({date_to}).")
    blank = lambda v: (v.strip() or None) if isinstance(v, str) else v  # noqa: E731
    return Filters(date_from=date_from, date_to=date_to, event_type=blank(event_type),
                   sub_event_type=blank(sub_event_type), actor=blank(actor),
                   country=country.upper() if country else None, admin1=blank(admin1),
                   place=blank(place), text=blank(text))


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def fast_json(obj: Any) -> Response:
    """Large payloads skip FastAPI's per-field encoder (the models below document them)."""
    body = json.dumps(obj, default=_default, ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


def parse_bbox(bbox: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if not bbox:
        return None
    try:
        w, s, e, n = (float(x) for x in bbox.split(","))
    except ValueError:
        raise BadRequest(f"bbox must be four numbers west,south,east,north; got {bbox!r}.") from None
    if not (-90 <= s <= n <= 90) or w > e or any(v != v for v in (w, s, e, n)):
        raise BadRequest(f"bbox {bbox!r} is not west,south,east,north with -90 <= south <= north <= 90 "
                         "and west <= east.")
    return w, s, e, n


# ---- response models (for the OpenAPI document) -------------------------------------
class Point(BaseModel):
    event_id: str
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    location: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: float
    lon: float
    fatalities: Optional[int] = None
    mentions: Optional[int] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None


class Cell(BaseModel):
    count: int
    fatalities: int
    mentions: Optional[int] = None
    lat: float
    lon: float
    event_type: Optional[str] = None


class Grid(BaseModel):
    cell: float
    cells: list[Cell]


class EventsPage(BaseModel):
    total: int
    located: int
    in_view: int
    returned: int
    truncated: bool
    points: list[Point]
    grid: Optional[Grid] = None


class Bin(BaseModel):
    start: date
    count: int
    by_type: dict[str, int]


class Timeline(BaseModel):
    interval: str
    bins: list[Bin]
    undated: int
    total: int


class Segment(BaseModel):
    text: str
    kind: Optional[str] = None


class Evidence(BaseModel):
    doc_id: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    dct: Optional[date] = None
    start: int
    end: int
    sentence: Optional[str] = None
    trigger: dict[str, Any]
    attribution: Optional[str] = None
    confidence: Optional[float] = None
    rule_trail: list[Any]
    mentions: list[dict[str, Any]]
    segments: list[Segment]


class EventDetail(BaseModel):
    event: dict[str, Any]
    evidence: list[Evidence]
    explanation: dict[str, Any]


class ControlChange(BaseModel):
    event_id: str
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    holder: Optional[str] = None
    previous_holder: Optional[str] = None
    sub_event_type: Optional[str] = None
    evidence: Optional[str] = None


class ControlPlace(BaseModel):
    place_id: str
    place_name: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    changes: list[ControlChange]
    periods: list[dict[str, Any]]


class Control(BaseModel):
    place: Optional[str] = None
    places: list[dict[str, Any]]


# ---- routes ---------------------------------------------------------------------------
@router.get("/meta", summary="What the store holds: counts, date extent, types, countries, admin1s")
def meta(request: Request, ex: Explorer = Depends(explorer)) -> Response:
    return fast_json({**ex.meta(), "tiles": request.app.state.tiles})


@router.get("/events", response_model=EventsPage,
            summary="Events matching the filters: at most `limit` points, plus a grid aggregate when more")
def events(flt: Filters = Depends(filters),
           limit: int = Query(2000, ge=1, le=10000, description="Most points returned (largest first)."),
           order: Literal["mentions", "fatalities"] = Query("mentions", description="Which points come first."),
           bbox: Optional[str] = Query(None, description="west,south,east,north in degrees: only events inside.",
                                       max_length=120),
           cell: Optional[float] = Query(None, gt=0, le=90, description="Grid cell size in degrees "
                                                                         "(default: from the extent)."),
           ex: Explorer = Depends(explorer)) -> Response:
    return fast_json(ex.events(flt, limit, order, parse_bbox(bbox), cell))


@router.get("/timeline", response_model=Timeline, summary="Event counts per day, week, month or year")
def timeline(flt: Filters = Depends(filters),
             interval: Literal["auto", "day", "week", "month", "year"] = Query("auto"),
             ex: Explorer = Depends(explorer)) -> Response:
    return fast_json(ex.timeline(flt, interval))


@router.get("/events/{event_id}", response_model=EventDetail,
            summary="One event: its row, its evidence sentences highlighted, the rules that fired",
            responses={404: {"description": "No such event"}})
def event(event_id: str = PathParam(..., max_length=128), ex: Explorer = Depends(explorer)) -> Response:
    if not EVENT_ID.match(event_id):
        raise BadRequest("An event id is 1-128 letters, digits, '_', '.', ':' or '-'.")
    found = ex.event(event_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"No event with id {event_id!r} in this store.")
    return fast_json(found)


@router.get("/control", response_model=Control,
            summary="Territorial control: who held a place over time, with the events that changed it")
def control(place: Optional[str] = Query(None, description="Place name contains this, or a place id. "
                                                           "Without it: every place with a change of hands.",
                                         **TEXT),
            ex: Explorer = Depends(explorer)) -> Response:
    place = (place or "").strip()
    if not place:
        return fast_json({"place": None, "places": ex.control_places()})
    return fast_json({"place": place, "places": ex.control(place)})


@router.get("/export", summary="The events matching the filters as CSV, ACLED CSV, GeoJSON or Parquet",
            response_class=FileResponse)
def export(format: Literal["csv", "acled", "geojson", "parquet"] = Query(..., description="File format."),
           flt: Filters = Depends(filters), ex: Explorer = Depends(explorer)) -> FileResponse:
    media, ext = EXPORTS[format]
    fd, tmp = tempfile.mkstemp(prefix="cronica-export-", suffix="." + ext.split(".")[-1])
    os.close(fd)
    export_rows(ex.export_rows(flt), format, Path(tmp))
    return FileResponse(tmp, media_type=media, filename=f"cronica-events.{ext}",
                        background=BackgroundTask(os.unlink, tmp))
