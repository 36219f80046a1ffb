"""Roles and cue words around a mention (data: lang/<lang>/places.yaml).

* ``actor_modifier``: the place names an actor, not where something happened:
  inside an organisation's name ("Ministerio de Defensa de Irak",
  "Estado Islámico de Irak y el Levante") or after "liderada por",
  "respaldadas por" ("coalición liderada por Estados Unidos").
* cues before a mention: "provincia de" (admin), "río" (river), "el este de"
  (part -> precision 2), "ciudad de" / "aldea de" (place).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from cronica.geo.normalize import fold


def _load_yaml(lang: str) -> dict[str, Any]:
    try:
        from cronica.lang import load_language_data
        return load_language_data(lang, "places")
    except ImportError:  # pragma: no cover - loader not present
        from importlib import resources

        import yaml
        with resources.files("cronica.lang").joinpath(lang, "places.yaml").open(encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}


@dataclass
class Cues:
    lowercase_heads: frozenset[str]
    place_heads: frozenset[str]
    place_preps: frozenset[str]
    stopwords: frozenset[str]
    org_heads: frozenset[str]
    organisations: frozenset[str]
    part_re: re.Pattern
    admin_re: re.Pattern
    actor_re: re.Pattern
    river_re: re.Pattern
    demonyms: dict
    club_before: frozenset[str]
    landmark_heads: frozenset[str]
    actor_nouns: frozenset[str]
    sports_words: frozenset[str] = frozenset()
    sports_min: int = 3
    team_re: re.Pattern = re.compile(r"(?!x)x")
    org_countries: dict = field(default_factory=dict)   # folded group name -> ISO2 where it fights
    cue_words: frozenset[str] = frozenset()              # last words of a place cue ("de", "ciudad", ...)
    street_heads: frozenset[str] = frozenset()           # "calle", "plaza": a landmark named after a place
    institution_nouns: frozenset[str] = frozenset()      # "el alcalde de", "las autoridades de" (lower case)
    weather_words: frozenset[str] = frozenset()          # a weather table: "Madrid 28 13 nuboso"
    weather_min: int = 2

    def weather_doc(self, fwords: list[str]) -> bool:
        """A weather report / table: several distinct weather words in the document."""
        return bool(self.weather_words) and len(self.weather_words.intersection(fwords)) >= self.weather_min

    def institution_before(self, window: str) -> bool:
        """'el alcalde de', 'las autoridades de', 'la bolsa de': a common noun (lower case) naming an
        institution or office right before 'de' -- the place the institution belongs to, a toponym of
        its own (unlike 'Junta de', 'Ayuntamiento de', where the place ends a proper name)."""
        ws = _WORDS.findall(window)
        if len(ws) < 2 or fold(ws[-1]) not in ("de", "la", "el"):
            return False
        i = len(ws) - 1
        if fold(ws[i]) in ("la", "el"):
            i -= 1
        if i < 1 or fold(ws[i]) != "de":
            return False
        w = ws[i - 1]
        return w[:1].islower() and fold(w) in self.institution_nouns

    def sports_doc(self, fwords: list[str]) -> bool:
        """A sports piece: several distinct sports words (folded words of the document)."""
        if not self.sports_words:
            return False
        seen = self.sports_words.intersection(fwords)
        return len(seen) >= self.sports_min

    def team_before(self, fwindow: str) -> bool:
        """'... ganó por 3-0 a', 'el partido ante', 'la selección de': an opponent / team cue."""
        return bool(self.team_re.search(fwindow))

    def cue_before(self, fwindow: str) -> str | None:
        """Cue for a mention given the folded text just before it."""
        if self.admin_re.search(fwindow):
            return "admin"
        if self.part_re.search(fwindow):
            return "part"
        if self.river_re.search(fwindow):
            return "river"
        ws = fwindow.split()
        if ws:
            last = ws[-1]
            prev = ws[-2] if len(ws) > 1 else ""
            if last in ("de", "del") and prev in self.place_heads:
                return "place"
            # "la localidad francesa de", "el municipio vasco de", "la ciudad siria de"
            if last in ("de", "del") and len(ws) > 2 and ws[-3] in self.place_heads and prev.isalpha() \
                    and prev not in self.place_heads:
                return "place"
            if last in self.place_heads:
                return "place"
        return None

    def prep_before(self, fwindow: str) -> bool:
        ws = fwindow.split()
        if not ws:
            return False
        return ws[-1] in self.place_preps or " ".join(ws[-2:]) in self.place_preps

    def strong_prep_before(self, fwindow: str) -> bool:
        """'en', 'desde', 'hacia', 'hasta', 'cerca de' ...: a preposition of place, not 'de' / 'a' / 'por'."""
        ws = fwindow.split()
        if not ws:
            return False
        return (ws[-1] in self.place_preps and ws[-1] not in _WEAK_PREPS) or " ".join(ws[-2:]) in self.place_preps

    def is_actor(self, fwindow: str) -> bool:
        return bool(self.actor_re.search(fwindow))

    def in_org_name(self, window: str) -> bool:
        """Does the original text before a mention end inside an organisation's
        name? Walk back over "de/del/la" and Capitalised words to an
        organisation head: "Ministerio de Defensa de", "Colegio de Procuradores
        de", "el gobierno de" (not "la ciudad de", "el ejército tomó la ciudad de")."""
        ws = _WORDS.findall(window)
        if len(ws) < 2 or fold(ws[-1]) not in ("de", "del", "la", "el"):
            return False
        i = len(ws) - 1
        while i >= 0 and fold(ws[i]) in ("la", "el"):
            i -= 1
        if i < 0 or fold(ws[i]) not in ("de", "del"):
            return False
        i -= 1
        steps = 0
        while i >= 0 and steps < 7:
            w = ws[i]
            f = fold(w)
            if f in self.org_heads or (f.endswith("s") and (f[:-1] in self.org_heads or f[:-2] in self.org_heads)):
                return True
            if f in _CONNECT or w[:1].isupper():
                i -= 1
                steps += 1
                continue
            return False
        return False

    def after_proper_name(self, text: str, start: int, place_ends: frozenset[int] = frozenset()) -> bool:
        """'Caja Rural de Cuenca', 'Boletín Oficial de Cantabria', 'Juventus de Turín': the place
        ends a proper name (capitalised words mid-sentence, then 'de'), unless a landmark or place
        noun opens it ('Hospital Clínico de', 'Palacio de la Magdalena de': a facility in the town)."""
        before = text[max(0, start - 60):start]
        ws = list(_TOKENS.finditer(before))
        if len(ws) < 2 or fold(ws[-1].group()) not in ("de", "del"):
            return False
        i = len(ws) - 2
        if not ws[i].group()[:1].isupper() or start - len(before) + ws[i].end() in place_ends:
            return False
        first = None
        while i >= 0:
            w = ws[i].group()
            if w[:1].isupper():
                if (w.isupper() and len(w) > 1) or fold(w) in self.landmark_heads or fold(w) in self.place_heads:
                    return False        # a headline in capitals; "la Gran Mezquita de Alepo": a facility
                first = i
            elif fold(w) not in _CONNECT:
                break
            i -= 1
        if first is None:
            return False
        if i >= 0 and ws[i].group()[:1].islower() and fold(ws[i].group()) not in _FUNCTION_BEFORE_NAME:
            return False    # "el hotel Hayat de Mogadiscio": a common noun names a facility in the town
        if fold(ws[first].group()) in ("la", "el", "los", "las") and first + 1 < len(ws) - 1:
            return True     # "La Caja Rural de": an article opening a name, even at a sentence start
        return not sentence_start(text, start - len(before) + ws[first].start())

    def in_longer_name(self, text: str, start: int, end: int, place_starts: frozenset[int],
                       place_ends: frozenset[int], weather: bool = False) -> bool:
        """'Perú Posible', 'Brasil Telecom', 'Miss Brasil', 'Barcelona 98', 'Gales , 0 - Brasil , 3':
        the place is part of a longer proper name (a party, company, team) or a score line.
        In a weather report, 'Madrid 28 13 nuboso' is a table row (`weather`)."""
        after = text[end:end + 30]
        if weather and _TEMPS_AFTER.match(after):
            return False
        m = _NEXT.match(after)
        if m:
            w = m.group(1)
            if w[:1].isdigit() or w[:1] == "'":
                return not _DATE_AFTER.match(after)
            if w[:1].isupper() and not w.isupper() and fold(w) not in self.stopwords and end + m.start(1) not in place_starts:
                return True
        if _SCORE_AFTER.match(after) or _SCORE_BEFORE.search(text[max(0, start - 12):start]):
            return True
        before = text[max(0, start - 30):start]
        m = _PREV.search(before)
        if m:
            w = m.group(1)
            pos = start - len(before) + m.end(1)
            if w[:1].isupper() and not w.isupper() and fold(w) not in self.stopwords and fold(w) not in self.lowercase_heads \
                    and pos not in place_ends and not sentence_start(text, start - len(before) + m.start(1)):
                return True
        return False

    def dateline(self, text: str, start: int, end: int) -> bool:
        """'Beasain ( Guipúzcoa ) , 23 may ( EFE )', 'BAGDAD, 12 may (AFP)': a news dateline."""
        if _AGENCY_DATELINE.match(text, end):
            return True     # "... Cadete B. Bilbao , 23 may ( EFE )": the agency's dateline
        if _BRACKET_DATELINE.match(text, end) and _LINE_OPEN.search(text[max(0, start - 60):start]):
            return True     # the province in "Don Benito ( Badajoz ) , 25 may ( EFE )"
        k = start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and text[k] not in "\n":
            # or the province in "Beasain ( Guipúzcoa )" at a line start
            m = _DATELINE_PROV.search(text[max(0, start - 40):start])
            # or after a byline / agency code: "Por Isabel Laguna Madrid , 23 may", "EFE JG-c Roma , 23 may"
            if not m and not _BYLINE.search(text[max(0, start - 60):start]):
                return False
        return bool(_DATELINE.match(text[end:end + 60]))

    def affiliation(self, text: str, start: int, end: int, per_ends: frozenset[int] = frozenset(),
                    place_ends: frozenset[int] = frozenset(), names: bool = True) -> bool:
        """'Fabián Bazán ( Badajoz )', 'TAU Vitoria', 'COAG-Extremadura': a team or
        organisation named after the place."""
        before = text[max(0, start - 40):start]
        after = text[end:end + 4]
        m = _PAREN.search(before)
        if m and after.lstrip().startswith(")"):
            # "Fabián Bazán ( Badajoz )" (a person's team), not "Ecija ( Sevilla )"
            base = start - len(before) + m.end(1)
            if base in per_ends:
                return True
            if not names:
                # outside sports pieces "Montilla ( Córdoba )", "Grenoble ( Francia )": a place
                return False
            # "Alex y Pepín ( Badajoz )", "Luis García ( Toledo )": names, not a town before the brackets
            ws = before[:m.start(1)].split()
            # (or a list of them: ", Suárez ( Toledo )", "De la Cruz ( Badajoz )")
            if base not in place_ends and m.group(1)[:1].isupper() and ws and \
                    (ws[-1][:1].isupper() or fold(ws[-1]) in ("y", "e", "a", "de", "la", "del")
                     or ws[-1] in (",", ";", "-", ".-") ) and not ws[-1].isupper():
                return True
        m = _ACRONYM.search(before)
        if m:
            head = before[:m.start()].split()
            # "TAU Vitoria", not a headline in capitals ("... GUERRA Madrid")
            return not head or not head[-1].isupper()
        return False


_WEAK_PREPS = frozenset({"de", "del", "a", "por", "sobre", "entre"})
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_FUNCTION_BEFORE_NAME = frozenset({"la", "el", "los", "las", "del", "al", "de", "en", "a", "y", "e", "o", "con", "por",
                                   "para", "un", "una", "su", "sus", "desde", "hasta", "sobre", "entre", "que", "como",
                                   "segun", "ante", "tras", "contra", "sin", "este", "esta", "ese", "esa"})
_TOKENS = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_CONNECT = frozenset({"de", "del", "la", "las", "los", "el", "y", "e"})
_PAREN = re.compile(r"([^\W\d_][\w.\-]*)\s*\(\s*$", re.UNICODE)
_ACRONYM = re.compile(r"(?:^|\s)(?!EE\b|UU\b)[A-Z]{2,6}[\s\-]$")


_NEXT = re.compile(r" ([^\W_][\w\-]*|'\d+)", re.UNICODE)
_PREV = re.compile(r"(?:^|\s)([^\W\d_][\w\-]*) $", re.UNICODE)
_DATE_AFTER = re.compile(r" \d{1,2} (?:de )?(?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)", re.I)
_TEMPS_AFTER = re.compile(r" (?:-?\d{1,2}|-) (?:-?\d{1,2}|-)(?:\s|$)")
_SCORE_AFTER = re.compile(r"\s*,?\s*\d+\s*(?:-|$|\n)")
_SCORE_BEFORE = re.compile(r"\d+\s*-\s*$")


_DATELINE = re.compile(r"\s*(?:\(\s*[^()\n]{2,30}\)\s*)?(?:,\s*\d{1,2}\s*(?:de\s+)?[a-zA-Z]{3,10}\.?\s*)?"
                       r"\(\s*(?:EFE|EFECOM|AFP|AP|Reuters|Europa Press|DPA|ANSA|Xinhua|SANA|IRNA|EP)\s*\)"
                       r"|\s*(?:\(\s*[^()\n]{2,30}\)\s*)?,\s*\d{1,2}\s*(?:de\s+)?(?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)", re.I)
_AGENCIES = r"(?:EFE|EFECOM|AFP|AP|Reuters|Europa Press|DPA|ANSA|Xinhua|SANA|IRNA|EP)"
_AGENCY_DATELINE = re.compile(r"[ \t]*(?:\([^()\n]{2,30}\)[ \t]*)?,[ \t]*(?:\d{1,2}[ \t]*(?:de[ \t]+)?[a-zA-Z]{3,10}\.?[ \t]*)?"
                              r"\([ \t]*" + _AGENCIES + r"[ \t]*\)")
_BRACKET_DATELINE = re.compile(r"[ \t]*\)[ \t]*(?:,[ \t]*\(?\d{1,2}[ \t]*(?:de[ \t]+)?[a-zA-Z]{3,10}|,?[ \t]*\([ \t]*"
                               + _AGENCIES + r"[ \t]*\))")
_LINE_OPEN = re.compile(r"(?:^|\n)[^\n()]{1,50}\([ \t]*$")
_BYLINE = re.compile(r"(?:\bPor(?:\s+[^\W\d_][\w\-]*){1,4}|\b(?:EFE|EFECOM)(?:\s+[\w/\-]+){1,2}|\.\s*-)\s*$", re.UNICODE)
_DATELINE_PROV = re.compile(r"(?:^|\n)\s*[^\W\d_][\w\- ]{1,30}\(\s*$", re.UNICODE)


def sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"'«“¿¡(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def _alt(pats: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{p})" for p in pats) + ")" if pats else "(?!x)x"


@functools.lru_cache(maxsize=8)
def load_cues(lang: str = "es") -> Cues:
    d = _load_yaml(lang)

    def fs(k: str) -> frozenset[str]:
        return frozenset(fold(x) for x in d.get(k) or [])

    stop = set(fs("stopwords"))
    try:  # the language's function words (spaCy's list) are never places on their own
        import importlib
        stop |= {fold(w) for w in importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS}
    except (ImportError, AttributeError):
        pass

    org_cc = {o: cc for cc, names in (d.get("organisation_countries") or {}).items() for o in names}
    return Cues(
        lowercase_heads=fs("lowercase_heads"),
        place_heads=fs("place_heads"),
        place_preps=fs("place_preps"),
        stopwords=frozenset(stop),
        org_heads=fs("org_heads"),
        organisations=frozenset(x for x in (fold(o) for o in (d.get("organisations") or []) + list(org_cc)) if x),
        part_re=re.compile(r"(?:^|\W)" + _alt(d.get("part_cues") or []) + r"\s*$"),
        admin_re=re.compile(r"(?:^|\W)" + _alt(d.get("admin_cues") or []) + r"\s*$"),
        actor_re=re.compile(r"(?:^|\W)" + _alt(d.get("actor_before") or [])),
        river_re=re.compile(r"(?:^|\W)(?:rio|rios)\s*$"),
        demonyms={fold(w): cc for cc, ws in (d.get("demonyms") or {}).items() for w in ws},
        actor_nouns=fs("actor_nouns"),
        club_before=fs("club_before"),
        landmark_heads=fs("landmark_heads"),
        sports_words=fs("sports_words"),
        sports_min=int(d.get("sports_min") or 3),
        team_re=re.compile(r"(?:^|\W)" + _alt(d.get("team_before") or []) + r"\s*$"),
        org_countries={fold(o): cc for o, cc in org_cc.items()},
        institution_nouns=fs("institution_nouns"),
        cue_words=frozenset({"de", "del"}) | fs("place_heads"),
        street_heads=fs("street_heads"),
        weather_words=fs("weather_words"),
        weather_min=int(d.get("weather_min") or 2),
    )
