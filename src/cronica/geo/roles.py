"""Roles and cue words around a mention (data: lang/<lang>/places.yaml).

* ``actor_modifier``: the place names an actor, not where something happened:
  inside an organisation's name ("Ministerio de Defensa de Irak",
  "Estado Islámico de Irak y el Levante") or after "liderada por",
  "respaldadas por" ("coalición liderada por Estados Unidos").
* cues before a mention: "provincia de" (admin), "río" (river), "el este de"
  (part -> precision 2), "ciudad de" / "aldea de" (place).

Datelines (datelines.py) and places inside longer proper names (name_context.py) are
separate modules; `Cues` offers them as methods for the callers' convenience.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from cronica.geo.datelines import Datelines
from cronica.geo.function_words import FunctionWords, function_words
from cronica.geo.name_context import affiliation, after_proper_name, in_longer_name
from cronica.geo.normalize import fold


def _load_yaml(lang: str) -> dict[str, Any]:
    try:
        from cronica.lang import load_language_data
        return load_language_data(lang, "places")
    except ImportError:  # pragma: no cover - loader not present
        from importlib import resources

        import yaml
        with resources.files("cronica.lang").joinpath(lang, "places.yaml").open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@functools.lru_cache(maxsize=8)
def _longest(phrases: frozenset[str]) -> int:
    """Words in the longest phrase of the set."""
    return max((p.count(" ") + 1 for p in phrases), default=0)


@dataclass
class Cues:
    lowercase_heads: frozenset[str]
    place_heads: frozenset[str]
    place_preps: frozenset[str]
    stopwords: frozenset[str]               # never a place (surnames included)
    capitals_only: frozenset[str]           # a place only when written in capitals ("USA", not "usa")
    surnames: frozenset[str]                # never a place without a noun of place before it
    quarter_words: frozenset[str]           # "el barrio de X": X is a quarter of a town
    quarters_of_words: frozenset[str]       # "los barrios de X": X is the town
    city_demonyms: frozenset[str]           # "el distrito limeño de X": X is a quarter of the city
    compass: dict                           # folded compass word -> N, S, E, W, NE, NW, SE, SW, C
    org_heads: frozenset[str]
    name_heads: frozenset[str]     # "la agencia Anatolia": a noun whose name follows it bare
    name_head_modifiers: frozenset[str]   # "la agencia oficial SANA": words between such a noun and its name
    organisations: frozenset[str]
    part_re: re.Pattern
    any_cue_re: re.Pattern         # part, admin or river cue: one scan that says none ends the window
    admin_re: re.Pattern
    admin_list_re: re.Pattern      # a later name of a list after a plural admin cue ("los estados de Jalisco, Nayarit")
    list_ends: tuple[str, ...]     # ... a window ending in a list's joiner (a cheap test before the pattern)
    actor_re: re.Pattern
    river_re: re.Pattern
    demonyms: dict
    club_before: frozenset[str]
    venue_tails: frozenset[str]
    landmark_heads: frozenset[str]
    actor_nouns: frozenset[str]
    sports_words: frozenset[str] = frozenset()
    sports_min: int = 3
    team_re: re.Pattern = re.compile(r"(?!x)x")
    org_countries: dict = field(default_factory=dict)   # folded group name -> ISO2 where it fights
    cue_words: frozenset[str] = frozenset()              # last words of a place cue ("de", "ciudad", ...)
    capital_after: tuple[str, ...] = ()                   # ", capital de": the name before it is a town
    site_heads: frozenset[str] = frozenset()             # "palacio", "estadio": a building that is a place itself
    site_name_heads: frozenset[str] = frozenset()        # "el parque Lumbini": a site's own name right after its noun
    accent_only_names: frozenset[str] = frozenset()      # "Pará": a function word ("para") but for its accent
    street_heads: frozenset[str] = frozenset()           # "calle", "plaza": a landmark named after a place
    venue_heads: frozenset[str] = frozenset()            # "estadio", "sala": a landmark in the place it names
    alias_leads: frozenset[str] = frozenset()            # "Bure (o Burie)": a bracketed other spelling
    taken_leads: frozenset[str] = frozenset()            # "el control de", "controlar": ground taken next
    taken_adverbs: frozenset[str] = frozenset()          # "recuperaron también Douentza": an adverb between
    words: FunctionWords = field(default_factory=function_words)   # 'de', 'el', 'y' ... (function_words)
    weak_preps: frozenset[str] = frozenset()             # place preps too common to vouch alone ('de', 'por')
    datelines: Optional[Datelines] = None                # news dateline patterns (datelines)
    institution_nouns: frozenset[str] = frozenset()      # "el alcalde de", "las autoridades de" (lower case)
    weather_words: frozenset[str] = frozenset()          # a weather table: "Madrid 28 13 nuboso"
    weather_min: int = 2
    club_words: frozenset[str] = frozenset()             # "Real", "Atlético", "FC": a club's name follows
    saint_words: frozenset[str] = frozenset()            # "San", "Santa", "Sant": a town's name opens
    dedication_heads: frozenset[str] = frozenset()       # "la iglesia de San Antonio": a dedication, no town
    facility_heads: frozenset[str] = frozenset()         # "Colegio", "Escuela": a facility in the town its name ends with
    apposition_words: frozenset[str] = frozenset()       # "una localidad de la provincia de": place to larger place
    list_joiners: frozenset[str] = frozenset()           # ",", "y": between the items of a list
    person_titles: frozenset[str] = frozenset()          # "el presidente Álvaro Obregón": a person, not the town
    title_modifiers: frozenset[str] = frozenset()        # ... "el presidente electo Álvaro Obregón"
    nationality_re: re.Pattern = re.compile(r"(?!x)x")    # "voluntarios cristianos de": a country next is theirs

    def weather_doc(self, fwords: list[str]) -> bool:
        """A weather report / table: several distinct weather words in the document."""
        return bool(self.weather_words) and len(self.weather_words.intersection(fwords)) >= self.weather_min

    def institution_before(self, window: str) -> bool:
        """'el alcalde de', 'las autoridades de', 'la bolsa de': a common noun (lower case) naming an
        institution or office right before 'de' -- the place the institution belongs to, a toponym of
        its own (unlike 'Junta de', 'Ayuntamiento de', where the place ends a proper name)."""
        ws = _WORDS.findall(window)
        fw = self.words
        if len(ws) < 2 or fold(ws[-1]) not in fw.bare_of | fw.singular_articles:
            return False
        i = len(ws) - 1
        if fold(ws[i]) in fw.singular_articles:
            i -= 1
        if i < 1 or fold(ws[i]) not in fw.bare_of:
            return False
        w = ws[i - 1]
        return w[:1].islower() and fold(w) in self.institution_nouns

    def institution_named(self, text: str, start: int) -> bool:
        """'la estación de Policía de Morales', 'la policía de X': an institution noun and 'de' right
        before `start` -- the town the institution serves."""
        ws = _WORDS.findall(text[max(0, start - 40):start])
        if len(ws) < 2 or fold(ws[-1]) not in self.words.bare_of or fold(ws[-2]) not in self.institution_nouns:
            return False
        # a capitalised one only as the owner of a facility ("la estación de Policía de", "el cuartel
        # general de la Policía de"), not an organisation's own name ("el Gobierno de Navarra")
        if ws[-2][:1].islower():
            return True
        k = len(ws) - 3
        if k >= 0 and fold(ws[k]) in self.words.singular_articles:
            k -= 1
        return k >= 1 and fold(ws[k]) in self.words.bare_of and ws[k - 1][:1].islower()

    def sports_doc(self, fwords: list[str], text: str = "") -> bool:
        """A sports piece: several distinct sports words (folded words of the document), or one with a
        sentence listing players with their teams ("a Unai ( Mérida ) , Fede Marín ( Toledo ) , Cubillo (
        At. Madrid )": three or more names, each with a different name in brackets)."""
        if not self.sports_words:
            return False
        seen = self.sports_words.intersection(fwords)
        return len(seen) >= self.sports_min or (bool(seen) and _team_list(text))

    def team_before(self, fwindow: str) -> bool:
        """'... ganó por 3-0 a', 'el partido ante', 'la selección de': an opponent / team cue."""
        return bool(self.team_re.search(fwindow))

    def _without_demonym(self, fwindow: str) -> str:
        """'el departamento colombiano de ' -> 'el departamento de ': a country adjective between
        an admin noun and its 'de' (the adjective must be a listed demonym)."""
        ws = fwindow.split()
        if len(ws) > 2 and ws[-2] in self.demonyms and ws[-1] in self.words.of:
            return " ".join(ws[:-2] + ws[-1:]) + " "
        return ""

    def compass_before(self, fwindow: str) -> str | None:
        """'el sur del ', 'en el noreste de ': the direction a compass word right before names."""
        ws = fwindow.split()
        if len(ws) >= 3 and ws[-1] in self.words.of and ws[-2] in self.compass and ws[-3] in self.words.compass_articles:
            return self.compass[ws[-2]]
        return None

    def quarter_before(self, fwindow: str) -> bool:
        """'el barrio de ', 'los barrios de ', 'las favelas de la ', 'la colonia ': the name is a quarter of a town
        (``quarter_words``)."""
        ws = fwindow.split()
        if len(ws) >= 3 and ws[-1] in self.words.singular_articles | self.words.articles:
            ws = ws[:-1]
        if len(ws) >= 3 and ws[-1] in self.words.of and ws[-2] in self.city_demonyms:
            return ws[-3] in self.place_heads   # "el distrito limeño de Miraflores": a quarter of Lima
        if len(ws) >= 2 and ws[-1] in self.quarter_words and ws[-2] in self.words.singular_articles | self.words.articles:
            return True   # "en la colonia Lomas de Chapultepec", "el barrio Kennedy"
        return len(ws) >= 2 and ws[-1] in self.words.of and ws[-2] in self.quarter_words

    def quarters_of_before(self, fwindow: str) -> bool:
        """'los últimos barrios de ', 'varias favelas de ': the name after is the town the quarters are of."""
        ws = fwindow.split()
        return len(ws) >= 2 and ws[-1] in self.words.of and ws[-2] in self.quarters_of_words

    def demonym_before(self, fwindow: str) -> str | None:
        """'el departamento colombiano de ', 'la localidad libanesa de ': the country the adjective names."""
        ws = fwindow.split()
        if len(ws) > 2 and ws[-2] in self.demonyms and ws[-1] in self.words.of:
            return self.demonyms[ws[-2]]
        return None

    def dedication(self, fwindow: str, key: str) -> bool:
        """'el santuario de San Antonio': a saint's name right after a house of worship and 'de'."""
        ws = fwindow.split()
        return len(ws) >= 2 and ws[-1] in self.words.of and ws[-2] in self.dedication_heads \
            and key.split(" ", 1)[0] in self.saint_words

    def cue_before(self, fwindow: str) -> str | None:
        """Cue for a mention given the folded text just before it."""
        if not self.any_cue_re.search(fwindow) and not fwindow.endswith(self.list_ends) \
                and not self._without_demonym(fwindow):
            return self._noun_cue(fwindow)      # (one scan of the window where none of the cue lists ends it)
        if self.admin_re.search(fwindow) or self.admin_re.search(self._without_demonym(fwindow)) \
                or (fwindow.endswith(self.list_ends) and self.admin_list_re.search(fwindow)):
            return "admin"
        if self.part_re.search(fwindow):
            return "part"
        if self.river_re.search(fwindow):
            return "river"
        return self._noun_cue(fwindow)

    def _noun_cue(self, fwindow: str) -> str | None:
        """'la ciudad de ', 'la localidad francesa de ', 'la ciudad ': a noun of place right before a name."""
        ws = fwindow.split()
        if ws:
            last = ws[-1]
            prev = ws[-2] if len(ws) > 1 else ""
            of = self.words.of
            if last in of and prev in self.place_heads:
                return "place"
            # "la localidad francesa de", "el municipio vasco de", "la ciudad siria de"
            if last in of and len(ws) > 2 and ws[-3] in self.place_heads and prev.isalpha() \
                    and prev not in self.place_heads:
                return "place"
            if last in self.place_heads:
                return "place"
            # an elided place noun: "la localidad libanesa de Kfar Kila y la israelí de Metulla"
            if last in of and prev in self.demonyms and len(ws) > 2 and ws[-3] in self.words.elided_noun_before:
                return "place"
        return None

    def taken_before(self, fwindow: str) -> bool:
        """Does a word of taking ground end the window ("tomaron", "el control de")?"""
        if not fwindow.endswith(" ") or not self.taken_leads:
            return False
        ws = fwindow.split()
        if ws and ws[-1] in self.taken_adverbs:
            ws = ws[:-1]
        longest = min(len(ws), _longest(self.taken_leads))
        return any(" ".join(ws[-k:]) in self.taken_leads for k in range(1, longest + 1))

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
        return (ws[-1] in self.place_preps and ws[-1] not in self.weak_preps) or " ".join(ws[-2:]) in self.place_preps

    def is_actor(self, fwindow: str) -> bool:
        return bool(self.actor_re.search(fwindow))

    def nationality_before(self, fwindow: str) -> bool:
        """Does a noun of people and 'de' end the window ("veintitrés voluntarios cristianos de"): a country
        next is where they are from, not where anything happened."""
        return bool(self.nationality_re.search(fwindow))

    def titled_person(self, window: str) -> bool:
        """Does the text before a name end with a person's title, lower case, right before it ('el presidente
        Benito Juárez', 'el general electo Álvaro Obregón'): the name is the person's, not a town named after him?"""
        if not window.endswith(" "):
            return False
        ws = _WORDS.findall(window)[-2:]
        if not ws or not ws[-1].islower():
            return False
        last = fold(ws[-1])
        return last in self.person_titles or (
            last in self.title_modifiers and len(ws) == 2 and ws[0].islower() and fold(ws[0]) in self.person_titles)

    def _named_by_head(self, ws: list[str]) -> bool:
        """Do the words end with an article, a name head and at most two modifiers of it ("la agencia",
        "la agencia oficial", "la cadena catarí", "la agencia de noticias")?"""
        k = len(ws)
        while k > 0 and len(ws) - k < 3 and ws[k - 1].islower() and fold(ws[k - 1]) not in self.name_heads \
                and (fold(ws[k - 1]) in self.name_head_modifiers or fold(ws[k - 1]) in self.demonyms):
            k -= 1
        return k >= 2 and ws[k - 1].islower() and fold(ws[k - 1]) in self.name_heads \
            and fold(ws[k - 2]) in self.words.singular_articles | self.words.articles

    def in_org_name(self, window: str) -> bool:
        """Does the original text before a mention end inside an organisation's
        name? Walk back over "de/del/la" and Capitalised words to an
        organisation head: "Ministerio de Defensa de", "Colegio de Procuradores
        de", "el gobierno de" (not "la ciudad de", "el ejército tomó la ciudad de")."""
        ws = _WORDS.findall(window)
        fw = self.words
        if window.endswith(" ") and self._named_by_head(ws):
            return True    # "la agencia Anatolia", "la agencia oficial SANA": the name is the organisation's
        if len(ws) < 2 or fold(ws[-1]) not in fw.of | fw.singular_articles:
            return False
        i = len(ws) - 1
        while i >= 0 and fold(ws[i]) in fw.singular_articles:
            i -= 1
        if i < 0 or fold(ws[i]) not in fw.of:
            return False
        i -= 1
        if i >= 0 and ws[i][:1].islower() and self.admin_re.search(fold(ws[i]) + " " + fold(ws[i + 1])):
            return False   # "el departamento de Arauca": a division, unlike "el Departamento de Estado"
        steps = 0
        while i >= 0 and steps < 7:
            w = ws[i]
            f = fold(w)
            if f in self.org_heads or (f.endswith("s") and (f[:-1] in self.org_heads or f[:-2] in self.org_heads)):
                # (not "un instituto de Potiskum": a lower-case head told as one of many is a building there)
                return not (w[:1].islower() and i > 0 and fold(ws[i - 1]) in fw.indefinite_articles)
            if f in self.words.org_name_connectors or w[:1].isupper():
                i -= 1
                steps += 1
                continue
            return False
        return False

    def after_proper_name(self, text: str, start: int, place_ends: frozenset[int] = frozenset()) -> bool:
        return after_proper_name(self, text, start, place_ends)

    def in_longer_name(self, text: str, start: int, end: int, place_starts: frozenset[int],
                       place_ends: frozenset[int], weather: bool = False) -> bool:
        return in_longer_name(self, text, start, end, place_starts, place_ends, weather)

    def dateline(self, text: str, start: int, end: int) -> bool:
        return self.datelines is not None and self.datelines.is_dateline(text, start, end)

    def affiliation(self, text: str, start: int, end: int, per_ends: frozenset[int] = frozenset(),
                    place_ends: frozenset[int] = frozenset(), names: bool = True) -> bool:
        return affiliation(self.words, text, start, end, per_ends, place_ends, names)


_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_BRACKETED = re.compile(r"[^\W\d_][\w.\-]*\s*\(\s*([^\W\d_][^()\n]{0,30}?)\s*\)", re.UNICODE)
TEAM_LIST_MIN = 3   # name ( team ) pairs in one sentence, each team different


def _team_list(text: str) -> bool:
    """Does a sentence list three or more names, each with a different name in brackets?"""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        teams = [m.group(1) for m in _BRACKETED.finditer(sentence)]
        if len(set(teams)) >= TEAM_LIST_MIN:
            return True
    return False


def _alt(pats: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{p})" for p in pats) + ")" if pats else "(?!x)x"


LIST_ITEM = r"[^\W\d_][^\s,;.()]*(?: [^\s,;.()]+){0,3}"   # a name of up to four words


def _list_after(cues: list[str], joiners: list[str]) -> re.Pattern:
    """The window before a later item of a list that follows one of `cues`: '... estados de jalisco, guerrero, '."""
    join = _alt([re.escape(j.strip()) if j.strip() == "," else r"\b" + re.escape(j.strip()) for j in joiners])
    return re.compile(r"(?:^|\W)" + _alt(cues) + rf" {LIST_ITEM}(?:\s*{join}\s*{LIST_ITEM})*\s*{join}\s*$")


@functools.lru_cache(maxsize=8)
def load_cues(lang: str = "es") -> Cues:
    d = _load_yaml(lang)
    words = function_words(lang)

    def fs(k: str) -> frozenset[str]:
        return frozenset(fold(x) for x in d.get(k) or [])

    stop = set(fs("stopwords")) | fs("surnames") | fs("cue_only_words")
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
        stopwords=frozenset(stop), capitals_only=fs("capitals_only_names"),
        surnames=fs("surnames") | fs("cue_only_words"),   # (both: places only after a noun of place)
        quarter_words=fs("quarter_words"), quarters_of_words=fs("quarters_of_words"),
        city_demonyms=fs("city_demonyms"),
        compass={fold(k): v for k, v in (d.get("compass") or {}).items()},
        org_heads=fs("org_heads"),
        name_heads=fs("name_heads"), name_head_modifiers=fs("name_head_modifiers"),
        person_titles=fs("person_titles"),
        title_modifiers=fs("title_modifiers"),
        organisations=frozenset(x for x in (fold(o) for o in (d.get("organisations") or []) + list(org_cc)) if x),
        part_re=re.compile(r"(?:^|\W)" + _alt(d.get("part_cues") or []) + r"\s*$"),
        any_cue_re=re.compile(r"(?:^|\W)" + _alt((d.get("part_cues") or []) + (d.get("admin_cues") or [])
                                                  + (d.get("river_heads") or [])) + r"\s*$"),
        admin_re=re.compile(r"(?:^|\W)" + _alt(d.get("admin_cues") or []) + r"\s*$"),
        admin_list_re=_list_after(d.get("admin_list_cues") or [], d.get("list_joiners") or [","]),
        list_ends=tuple(f"{j.strip()} " if j.strip() == "," else f" {j.strip()} " for j in d.get("list_joiners") or [","]),
        list_joiners=frozenset(fold(j.strip()) for j in d.get("list_joiners") or [","]),
        actor_re=re.compile(r"(?:^|\W)" + _alt(d.get("actor_before") or [])),
        nationality_re=re.compile(r"(?:^|\W)" + _alt(d.get("nationality_before") or ["(?!x)x"])),
        river_re=re.compile(r"(?:^|\W)" + _alt(d.get("river_heads") or []) + r"\s*$"),
        demonyms={fold(w): cc for cc, ws in (d.get("demonyms") or {}).items() for w in ws},
        actor_nouns=fs("actor_nouns"),
        club_before=fs("club_before"), venue_tails=fs("venue_tails"),
        landmark_heads=fs("landmark_heads"),
        site_heads=fs("site_heads"),
        site_name_heads=fs("site_name_heads"),
        accent_only_names=fs("accent_only_names"),
        capital_after=tuple(sorted((fold(w) for w in d.get("capital_after", [])), key=len, reverse=True)),
        facility_heads=fs("facility_heads"),
        sports_words=fs("sports_words"),
        sports_min=int(d.get("sports_min") or 3),
        team_re=re.compile(r"(?:^|\W)" + _alt(d.get("team_before") or []) + r"\s*$"),
        org_countries={fold(o): cc for o, cc in org_cc.items()},
        institution_nouns=fs("institution_nouns"),
        words=words,
        weak_preps=fs("weak_place_preps"),
        datelines=Datelines.from_data(d["datelines"]),
        cue_words=words.of | fs("place_heads"),
        street_heads=fs("street_heads"),
        venue_heads=fs("venue_heads"),
        alias_leads=fs("alias_leads"),
        taken_leads=fs("taken_leads"),
        taken_adverbs=fs("taken_adverbs"),
        weather_words=fs("weather_words"),
        weather_min=int(d.get("weather_min") or 2),
        club_words=fs("club_words"),
        saint_words=fs("saint_words"), dedication_heads=fs("dedication_heads"),
        apposition_words=fs("apposition_words") | fs("place_heads") | words.of | words.articles
        | frozenset(fold(k) for k in d.get("compass") or {})
        | frozenset(fold(w) for ws in (d.get("demonyms") or {}).values() for w in ws),
    )
