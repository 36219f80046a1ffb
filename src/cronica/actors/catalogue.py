"""The actor catalogue: `data/actors/*.yaml` (who) + `lang/<lang>/actors.yaml` (how they are named).

Loaded once per process (cached), read-only afterwards.
"""
from __future__ import annotations

import re

import functools
from datetime import date, datetime
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Optional


from cronica.lang import load_language_data, parse_yaml

STATE_TYPES = {"State forces"}
NON_STATE_TYPES = {"Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters"}

_PERIOD_SUFFIX = re.compile(r" \(\d{4}-(?:\d{4})?\)$")   # "Military Forces of Colombia (2022-)"
# (start, end, name): the name an actor bears over a period, both ends inclusive, None = open
Period = tuple[Optional[date], Optional[date], str]


def _as_date(value: Any, end: bool = False) -> Optional[date]:
    """A period bound from YAML: a date, 'YYYY-MM-DD', or a bare year (1 January / 31 December)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    return date.fromisoformat(str(value).strip())


def _periods(raw: Any, key: str = "name") -> tuple[Period, ...]:
    """`periods: [{start: 2018-08-07, end: 2022-08-06, name: ...}]` -> sorted (start, end, name)."""
    out = []
    for p in raw or ():
        if p.get(key):
            start, end = _as_date(p.get("start")), _as_date(p.get("end"), end=True)
            if start and end and end < start:
                raise ValueError(f"actor period ends before it starts: {p}")
            out.append((start, end, str(p[key])))
    return tuple(sorted(out, key=lambda x: x[0] or date.min))


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    type: Optional[str]
    country: Optional[str]
    tags: tuple[str, ...] = ()
    side: Optional[str] = None            # state / non_state (who "regains" vs "overtakes")
    aliases: tuple[str, ...] = ()
    coalitions: tuple[dict, ...] = ()
    by_country: tuple[tuple[str, str], ...] = ()
    by_country_pattern: Optional[str] = None
    periods: tuple[Period, ...] = ()

    @property
    def is_state(self) -> bool:
        if self.side:
            return self.side == "state"
        return self.type in STATE_TYPES or "state" in self.tags

    def name_at(self, when: Optional[date]) -> Optional[str]:
        """The name valid on `when` (ACLED names state forces by government period), None if no
        period covers it; on a handover day the period that starts then wins."""
        if when is None:
            return None
        valid = [n for s, e, n in self.periods if (s is None or s <= when) and (e is None or when <= e)]
        return valid[-1] if valid else None

    def name_for(self, country: Optional[str], country_name: Optional[str] = None,
                 when: Optional[date] = None) -> str:
        """The canonical name, specialised to the country where the event happened and to the
        period of its date (`when`) where periods are known; else the undated name."""
        for cc, name in self.by_country:
            if cc == country:
                return name
        dated = self.name_at(when)
        if dated:
            return dated
        if self.by_country_pattern and country_name:
            return self.by_country_pattern.format(country=country_name)
        if self.periods and when is not None:
            return _PERIOD_SUFFIX.sub("", self.name)   # a date no period covers: not the current government's name
        return self.name


@functools.lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    """ISO alpha-2 -> English short name, from the package's data/countries.tsv when present."""
    path = resources.files("cronica").joinpath("data").joinpath("countries.tsv")
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#"):
            out[parts[0].strip()] = parts[1].strip()
    return out


def _entry(raw: dict[str, Any]) -> ActorEntry:
    return ActorEntry(
        id=raw["id"], name=raw["name"], type=raw.get("type"), country=raw.get("country"),
        tags=tuple(raw.get("tags") or ()), side=raw.get("side"),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        coalitions=tuple(raw.get("coalitions") or ()),
        by_country=tuple(sorted((raw.get("by_country") or {}).items())),
        by_country_pattern=raw.get("by_country_pattern"), periods=_periods(raw.get("periods")))


@dataclass(frozen=True)
class Catalogue:
    actors: dict[str, ActorEntry]
    states: dict[str, dict[str, str]]
    lang: dict[str, Any] = field(hash=False, compare=False, default_factory=dict)

    def get(self, actor_id: str) -> Optional[ActorEntry]:
        if actor_id in self.actors:
            return self.actors[actor_id]
        return self.state_actor(actor_id)

    def country_name(self, cc: Optional[str]) -> Optional[str]:
        if not cc:
            return None
        return (self.states.get(cc) or {}).get("name") or _iso_names().get(cc)

    def state_actor(self, actor_id: str) -> Optional[ActorEntry]:
        """`military:IQ`, `police:CO`, `government:ML` -> a state-force entry."""
        kind, _, cc = actor_id.partition(":")
        if kind not in ("military", "police", "government") or not cc:
            return None
        info = self.states.get(cc, {})
        country = info.get("name") or _iso_names().get(cc, cc)
        default = {"military": f"Military Forces of {country}", "police": f"Police Forces of {country}",
                   "government": f"Government of {country}"}[kind]
        return ActorEntry(id=actor_id, name=info.get(kind, default), type="State forces", country=cc,
                          tags=("state", kind), side="state", periods=_periods(info.get("periods"), kind))


UNKNOWN_COUNTRY = "?"   # a bare state noun ("el Ejército") before the document names its country


@functools.lru_cache(maxsize=8)
def load_catalogue(language: str = "es") -> Catalogue:
    actors: dict[str, ActorEntry] = {}
    states: dict[str, dict[str, str]] = {}
    folder = resources.files("cronica").joinpath("data").joinpath("actors")
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        with path.open(encoding="utf-8") as fh:
            data = parse_yaml(fh) or {}
        for raw in data.get("actors") or ():
            actors.setdefault(raw["id"], _entry(raw))
        for cc, info in (data.get("states") or {}).items():
            states[cc] = dict(info)
    return Catalogue(actors=actors, states=states, lang=load_language_data(language, "actors"))


@functools.lru_cache(maxsize=8)
def _by_name(language: str) -> dict[str, ActorEntry]:
    cat = load_catalogue(language)
    out = {e.name: e for e in cat.actors.values()}
    for cc, info in cat.states.items():
        for kind in ("military", "police", "government"):
            e = cat.state_actor(f"{kind}:{cc}")
            out.setdefault(e.name, e)
    for e in list(out.values()):
        for _, _, name in e.periods:      # every period's name finds its actor
            out.setdefault(name, e)
    return out


def allied(name_a: str, name_b: str, language: str = "es") -> bool:
    """Two canonical names for one side of an event: a member and its coalition, or a force aligned
    with a state and that state's forces ('Wagner Group' and 'Military Forces of Russia')."""
    idx = _by_name(language)
    a, b = idx.get(name_a), idx.get(name_b)
    if a is None or b is None:
        return False
    if any(c.get("id") == b.id for c in a.coalitions) or any(c.get("id") == a.id for c in b.coalitions):
        return True
    aligned = ("state_aligned" in a.tags and "state_aligned" not in b.tags and b.is_state) or \
              ("state_aligned" in b.tags and "state_aligned" not in a.tags and a.is_state)
    return aligned and a.country is not None and a.country == b.country
