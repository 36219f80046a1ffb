"""DocView: one document as the place stage reads it -- text, folded text, words, the model's
entities, and facts about the whole document (sports piece, weather table, surnames, organisations)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from cronica.geo.codes import NEAR, WINDOW
from cronica.geo.normalize import fold, fold_text
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import words_of

Entity = tuple[int, int, str]
NAMING_CODES = frozenset({"PPLC", "PPLA", "ADM1"})   # a curated name of one of these names its country
_PAREN_AFTER = re.compile(r"[ \t]*\([ \t]*")


def entities(sdoc) -> list[Entity]:
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


@dataclass
class DocView:
    text: str
    ft: str                                  # folded text (same offsets)
    words: list[tuple[int, int]]
    ents: list[Entity]
    surnames: frozenset[str]
    sports: bool
    weather: bool
    aff_per_ends: frozenset[int]             # ends of the persons who may own a place in brackets
    org_spans: list[tuple[int, int]]
    org_votes: Counter
    hit_starts: frozenset[int] = frozenset()     # gazetteer hits (set by `note_hits`)
    hit_ends: frozenset[int] = frozenset()
    hit_keys: dict[int, str] = field(default_factory=dict)   # end -> folded name
    trusted_ends: frozenset[int] = frozenset()
    region_starts: frozenset[int] = frozenset()
    named_countries: frozenset[str] = frozenset()   # countries the text names (set by `note_hits`)
    fwords: list[str] = field(default_factory=list)          # the folded words (`ft[s:e]` of `words`)
    cue_memo: dict[int, Optional[str]] = field(default_factory=dict)   # start -> cue (see `cue_at`)
    dateline_memo: dict[tuple[int, int], bool] = field(default_factory=dict)   # (see `dateline_at`)

    def fwin(self, start: int) -> str:
        """Folded text before a position (the cue window)."""
        return self.ft[max(0, start - WINDOW):start]

    def cue_at(self, cues, start: int) -> Optional[str]:
        """`cues.cue_before` the window before `start`, once per position (several readers ask)."""
        if start not in self.cue_memo:
            self.cue_memo[start] = cues.cue_before(self.fwin(start))
        return self.cue_memo[start]

    def dateline_at(self, cues, start: int, end: int) -> bool:
        """`cues.dateline` for the name at [start, end), once per span (several readers ask)."""
        if (start, end) not in self.dateline_memo:
            self.dateline_memo[(start, end)] = cues.dateline(self.text, start, end)
        return self.dateline_memo[(start, end)]

    def twin(self, start: int) -> str:
        """Original text before a position (the cue window)."""
        return self.text[max(0, start - WINDOW):start]

    def near(self, start: int) -> str:
        """Folded text right before a position (for a preposition)."""
        return self.ft[max(0, start - NEAR):start]

    def org_around(self, s: int, e: int) -> Optional[tuple[int, int]]:
        """The organisation's name that holds [s, e), if any."""
        return next(((os, oe) for os, oe in self.org_spans if (os < s and e <= oe) or (os <= s and e < oe)), None)

    def in_org(self, s: int, e: int) -> bool:
        """Strictly inside an organisation's name."""
        return self.org_around(s, e) is not None

    def ent_at(self, s: int, e: int) -> Optional[Entity]:
        """The longest model entity overlapping [s, e), unless it runs into a headline in capitals."""
        best = None
        text = self.text
        for es, ee, lab in self.ents:
            if es < e and s < ee:
                if any(w.isupper() and len(w) > 1 for w in (text[es:s] + " " + text[e:ee]).split()):
                    continue
                if best is None or (ee - es) > (best[1] - best[0]):
                    best = (es, ee, lab)
        return best

    def in_region(self, e: int) -> bool:
        """A province / country in brackets follows: "Plasencia ( Cáceres )"."""
        m = _PAREN_AFTER.match(self.text, e)
        return bool(m) and m.end() in self.region_starts


def _initial(w: str) -> bool:
    """A name's initial: one capital letter and its dot ("W." of "George W. Bush"), in any script."""
    return len(w) == 2 and w[0].isupper() and w[1] == "."


def full_name_surnames(text: str, ft: str, ents: list[Entity], particles: frozenset[str],
                       arabic: frozenset[str] = frozenset(), kunyas: frozenset[str] = frozenset()) -> frozenset[str]:
    """Last words of persons named in full ("Alejandro Toledo"; "Haider al Abadi", whose 'al Abadi' the
    model leaves out of the person): a person elsewhere in the document too."""
    full = [ft[s:e].split() for s, e, lab in ents
            if lab == "PER" and 2 <= len(text[s:e].split()) <= 4
            and all(w[:1].isupper() and not (w.isupper() and len(w) > 1) or fold(w) in particles
                    or _initial(w) for w in text[s:e].split())]   # ("George W. Bush": an initial in it)
    out = {ws[-1] for ws in full}
    # "Byron Lima Oliva ... Lima cumplía una condena": of two surnames, the first is the one a person goes by
    out |= {ws[-2] for ws in full if len(ws) >= 3 and ws[-2] not in particles and ws[-3] not in particles}
    tail = re.compile(rf"\s+({'|'.join(sorted(arabic))})[\s-]+([^\W\d_][\w'’-]+)", re.I) if arabic else None
    for s, e, lab in ents:
        m = tail.match(text, e) if tail is not None and lab == "PER" else None
        if m and m.group(2)[:1].isupper():
            out |= {fold(m.group(2)), fold(f"{m.group(1)} {m.group(2)}")}
    if tail is not None and any(k in ft for k in kunyas):   # "Abu Baqir al Saadi": 'Saadi' is his too
        for k in re.finditer(rf"\b(?:{'|'.join(sorted(kunyas))})\s+[A-ZÁÉÍÓÚ][\w'’-]+", text, re.I):
            m = tail.match(text, k.end())
            if m and k.group(0)[:1].isupper() and m.group(2)[:1].isupper():
                out |= {fold(m.group(2)), fold(f"{m.group(1)} {m.group(2)}")}
    return frozenset(out)


def organisation_spans(data: PlaceData, text: str, ft: str, words: list[tuple[int, int]],
                       ents: list[Entity], fwords: Optional[list[str]] = None) -> tuple[list[tuple[int, int]], Counter]:
    """Organisations / armed groups from the data list (short acronyms only in capitals), and
    entities opened by an organisation's head noun; with the countries the groups vote for."""
    cues = data.cues
    org_hits = [(s, e, k) for s, e, k in data.orgs.find(ft, words, wtexts=fwords) if len(k) > 4 or text[s:e].isupper()]
    spans = [(s, e) for s, e, _k in org_hits]
    votes = Counter(cues.org_countries[k] for _s, _e, k in org_hits if k in cues.org_countries)
    for s, e, lab in ents:
        if lab in ("ORG", "MISC", "LOC", "PER") and not text[s:e].split(" ", 1)[0].isupper():
            first = ft[s:e].split(" ", 1)[0]
            if first in cues.org_heads and (e - s) > len(first) + 1 and not division_named(cues, text, ft, s, first):
                spans.append((s, org_end(cues, ft, s, e)))
    return spans, votes


def org_end(cues, ft: str, s: int, e: int) -> int:
    """Where an organisation's name the model ran on ends: before a place preposition that opens no part of
    a name ("la Policía en Diyarbakir": the police, in Diyarbakir)."""
    for w in cues.words.name_breaks:
        i = ft.find(f" {w} ", s, e)
        if i >= 0:
            return i
    return e


def division_named(cues, text: str, ft: str, s: int, first: str) -> bool:
    """'el departamento de Alibori', 'el departamento colombiano del Cauca': a lower-case division noun
    opens a place's name, not an organisation's ('el Departamento de Estado')."""
    if not text[s].islower():
        return False
    words = ft[s:s + 60].split()[:3]
    heads = [" ".join(words[:k]) for k in (2, 3)]
    return any(cues.admin_re.search(h) or (h.endswith(" del") and cues.admin_re.search(h[:-1])) for h in heads)


def relabel(cues, ft: str, s: int, e: int, label: str) -> str:
    """The model's 'persons' that are not: right after a noun of place, a place ("el cruce de Zobe de
    Mogadiscio"); opened by an organisation's head noun, an organisation ("la estación de Policía de Morales")."""
    if label != "PER":
        return label
    if cues.cue_before(ft[max(0, s - 40):s]) == "place":
        return "LOC"
    return "ORG" if ft[s:e].split(" ", 1)[0] in cues.org_heads and " " in ft[s:e].strip() else label


def read_document(data: PlaceData, sdoc, text: str) -> DocView:
    cues = data.cues
    ft = fold_text(text)
    words = words_of(ft)
    ents = [(e.start_char, e.end_char, relabel(cues, ft, e.start_char, e.end_char, e.label_)) for e in sdoc.ents]
    fwords = [ft[a:b] for a, b in words]
    sports = cues.sports_doc(fwords, text)
    # outside sports pieces only a person named in full owns a place in brackets
    # ("Fabián Bazán ( Badajoz )"); "Montilla ( Córdoba )" is a town and its province
    per_ends = frozenset(e for s, e, lab in ents if lab == "PER")
    aff_per_ends = per_ends if sports else frozenset(
        e for s, e, lab in ents if lab == "PER" and " " in text[s:e].strip())
    org_spans, org_votes = organisation_spans(data, text, ft, words, ents, fwords)
    return DocView(text, ft, words, ents, full_name_surnames(text, ft, ents, cues.words.surname_particles,
                                                                  cues.words.arabic_name_particles,
                                                                  cues.words.kunyas), sports, cues.weather_doc(fwords),
                   aff_per_ends, org_spans, org_votes, fwords=fwords)


def note_hits(data: PlaceData, doc: DocView, hits: list[tuple[int, int, str]]) -> None:
    """Record where the gazetteer found names (for the rules that look at neighbours)."""
    g = data.gaz
    doc.hit_starts = frozenset(s for s, _e, _k in hits)
    doc.hit_ends = frozenset(e for _s, e, _k in hits)
    doc.hit_keys = {e: k for _s, e, k in hits}
    doc.trusted_ends = frozenset(e for _s, e, k in hits if data.trusted_name(k)) if doc.sports else frozenset()
    # (or by a curated name of a capital or province of one country: "Santiago de Chile", "Nínive")
    doc.named_countries = frozenset(g.country[r] for _s, _e, k in hits for r in g.by_name.get(k, ())
                                    if k in g.anames[r] and (g.fcode[r] == "PCLI" or (
                                        g.fcode[r] in NAMING_CODES and g.country[r]
                                        and len({g.country[x] for x in g.by_name.get(k, ())}) == 1)))
    # "Plasencia ( Cáceres )", "Padua ( Italia )": a name followed by its province /
    # country in brackets is a place (not in sports pieces: "Suárez ( Toledo )" is a player)
    doc.region_starts = frozenset() if doc.sports else frozenset(s for s, _e, k in hits if any(
        g.fcode[r] in ("ADM1", "ADM2", "PCLI", "PPLC", "PPLA", "PPLA2") or k in g.anames[r]
        for r in g.by_name.get(k, ())))
