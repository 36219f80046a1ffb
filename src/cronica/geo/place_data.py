"""The data the place stage reads, loaded lazily: gazetteer, name index, cues, regions, organisations."""
from __future__ import annotations

from typing import Optional

from cronica.geo.codes import REGION_CODES, REGION_SCORE, TRUST_CODES, TRUST_POP, WORLD_SOURCES
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.geocode import ranked
from cronica.geo.normalize import fold, rules
from cronica.geo.recognize import NameMatcher
from cronica.geo.roles import Cues, load_cues


class PlaceData:
    """Lazily loaded data for one language; pickles as its settings only."""

    def __init__(self, language: str = "es", min_name_len: int = 3) -> None:
        self.language = language
        self.min_name_len = min_name_len
        self._gaz: Optional[Gazetteer] = None
        self._matcher: Optional[NameMatcher] = None
        self._orgs: Optional[NameMatcher] = None
        self._cues: Optional[Cues] = None
        self._regions: Optional[tuple[NameMatcher, dict[str, str]]] = None
        self._country_rows: Optional[dict[str, list[int]]] = None
        self._region_rows: dict[str, Optional[int]] = {}
        self._region_targets: dict[str, str] = {}
        self._adjectives: Optional[dict[str, str]] = None
        self._linking: Optional[frozenset[str]] = None

    def __getstate__(self) -> dict:
        return {"language": self.language, "min_name_len": self.min_name_len}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = Gazetteer.load()
        return self._gaz

    @property
    def cues(self) -> Cues:
        if self._cues is None:
            self._cues = load_cues(self.language)
        return self._cues

    @property
    def matcher(self) -> NameMatcher:
        """Gazetteer names long enough (or curated aliases), minus function words and numbers."""
        if self._matcher is None:
            g, n = self.gaz, self.min_name_len
            # surnames: found, then kept only after a cue; capitals-only names: kept only in capitals
            stop = self.cues.stopwords - self.cues.surnames - self.cues.capitals_only
            names = [k for k, rows in g.by_name.items()
                     if (len(k) >= n or any(k in g.anames[r] for r in rows)) and k not in stop and not k.isdigit()]
            # bare division names ("Cabo Delgado" for "Cabo Delgado Province"): kept by hit_rows only
            # after an admin cue or where the model says LOC
            names += [k for k in g.admin1_by_bare_name if len(k) >= n and k not in stop and k not in g.by_name]
            names += sorted(self.cues.accent_only_names)   # "Pará": kept only as written with its accent
            self._matcher = NameMatcher(names, respellings=[tuple(r) for r in rules().get("text_respellings") or ()])
        return self._matcher

    @property
    def country_adjectives(self) -> dict[str, str]:
        """Folded gentilicio -> ISO2, from the language's actor data ('ruso', 'argentinas') and its place cues."""
        if self._adjectives is None:
            try:
                from cronica.lang import load_language_data
                table = load_language_data(self.language, "actors").get("demonyms") or {}
            except Exception:  # noqa: BLE001 - a language without actor data
                table = {}
            from cronica.text.demonyms import adjective_countries
            self._adjectives = {**adjective_countries(table), **self.cues.demonyms}
        return self._adjectives

    @property
    def linking_words(self) -> frozenset[str]:
        """The words that may join a place to the larger place it lies in, country adjectives included
        ("Tiguentourine, … de In Amenas, en la provincia argelina de Illizi")."""
        if self._linking is None:
            self._linking = self.cues.apposition_words | frozenset(self.country_adjectives)
        return self._linking

    @property
    def regions(self) -> tuple[NameMatcher, dict[str, str]]:
        """Spanish names of regions the gazetteer lacks (lang/<lang>/regions.yaml): folded name -> ISO2 ('' if none)."""
        if self._regions is None:
            try:
                from cronica.lang import load_language_data
                d = load_language_data(self.language, "regions").get("regions") or {}
            except Exception:  # noqa: BLE001 - a language without the file (or without cronica.lang)
                d = {}
            names: dict[str, str] = {}
            for cc, ns in d.items():
                for n in ns or []:      # a name, or {Spanish name: the gazetteer's name of the division}
                    for own, target in (n.items() if isinstance(n, dict) else [(n, n)]):
                        names[fold(own)] = "" if cc == "-" else cc
                        self._region_targets[fold(own)] = target
            self._regions = (NameMatcher(names), names)
        return self._regions

    def region_row(self, key: str) -> Optional[int]:
        """The gazetteer's division a region of the language data names in its country ("kivu del
        norte" -> North Kivu, ADM1), found by the geocoder; None for regions of no one country
        ("Cáucaso"), those the gazetteer lacks ("Ogadén") or splits ("Darfur": five states)."""
        if key not in self._region_rows:
            self._region_rows[key] = self._find_region_row(key)
        return self._region_rows[key]

    def _find_region_row(self, key: str) -> Optional[int]:
        cc = self.regions[1].get(key)
        if not cc:
            return None
        g = self.gaz
        found = [(r, s) for r, _t, s in ranked(self._region_targets.get(key, key), cc, gaz=g)
                 if g.fcode[r] in REGION_CODES and g.country[r] == cc]
        if not found or found[0][1] < REGION_SCORE or (len(found) > 1 and found[1][1] >= found[0][1]):
            return None
        return found[0][0]

    @property
    def orgs(self) -> NameMatcher:
        if self._orgs is None:
            self._orgs = NameMatcher(self.cues.organisations)
        return self._orgs

    def country_rows(self) -> dict[str, list[int]]:
        """ISO2 -> gazetteer rows of the country itself (PCLI)."""
        if self._country_rows is None:
            g = self.gaz
            self._country_rows = {}
            for r, fc in enumerate(g.fcode):
                if fc == "PCLI":
                    self._country_rows.setdefault(g.country[r], []).append(r)
        return self._country_rows

    def trusted_name(self, key: str) -> bool:
        """A name notable enough to count as a place on its own (a country, province, big city, alias)."""
        g = self.gaz
        return any(key in g.anames[r] or (g.src[r] not in WORLD_SOURCES and (
            g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP)) for r in g.by_name.get(key, ()))

    def load(self) -> "PlaceData":
        """Load everything now (gazetteer, name index, cues, key indexes), e.g. at worker start."""
        _ = self.matcher, self.orgs, self.cues, self.gaz.by_skel, self.regions
        for cc in self.gaz.translit_countries:
            self.gaz.scope(cc)
        return self
