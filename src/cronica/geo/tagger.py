"""PlaceTagger: spaCy Doc -> resolved place mentions (cronica.model.Place).

The steps, each in its own module:

1. gazetteer names in the folded text (name_hits, roles from hit_roles), kept when
   capitalised, not a common word, and either *trusted* (curated alias, country, province,
   admin seat or big town) or supported by a LOC entity / a place cue in a country the
   document is about (village_names, also transliteration variants);
2. Spanish names of regions the gazetteer lacks and country adjectives in organisation
   names (region_names);
3. the model's LOC entities the gazetteer did not cover, resolved with the geocoder
   (ner_places); names after a noun of place whatever the model calls them (cue_names);
   lone names accepted as a place elsewhere in the document, one sense per document
   (document_rules);
4. clubs and teams listed together (hit_roles), span rules (streets named after places,
   leading articles, hyphenated pairs: span_rules) and resolution to gazetteer rows (to_places);
5. a last try, for names no reading resolved, through the geocoder's spelling-tolerant matching
   inside the story's country (fallback).

Document-wide facts (sports piece, weather table, surnames, organisations, datelines) are
read once into a DocView (document). No global state: the tagger pickles as its settings.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from cronica.geo.compass import compass_region
from cronica.geo.cue_names import apposed_towns, capital_appositions, cue_mentions
from cronica.geo.fallback import geocode_unresolved
from cronica.geo.document import DocView, entities, note_hits, read_document
from cronica.geo.document_rules import accept_deferred, actor_lists, country_lists, demonym_countries, repeat_places
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.hit_roles import alias_landmark, club_lists, team_lists
from cronica.geo.name_hits import gazetteer_mentions, join_lost_conjunctions, lone_town
from cronica.geo.ner_places import entity_mentions
from cronica.geo.place_data import PlaceData
from cronica.geo.recognize import Mention, NameMatcher
from cronica.geo.region_names import add_demonyms, add_regions
from cronica.geo.resolve import focus_countries, located_countries
from cronica.geo.roles import Cues
from cronica.geo.span_rules import (bracket_aliases, leading_articles, merge_compounds, named_streets, names_before_brackets,
                                   numbered_units, street_landmarks)
from cronica.geo.offsets import place_by_offsets
from cronica.geo.to_places import quarters_near_towns, to_places, unknown_in_apposed
from cronica.geo.village_names import accept_villages, translit_variants
from cronica.model import Place
from cronica.nlp.text import doc_text

__all__ = ["PlaceTagger", "merge_compounds", "entities", "lone_town", "alias_landmark"]


class PlaceTagger:
    """`PlaceTagger("es").tag(sdoc) -> list[Place]` (text order, offsets into sdoc.text)."""

    def __init__(self, language: str = "es", min_name_len: int = 3, actor_demonyms: bool = False) -> None:
        self.language = language
        self.min_name_len = min_name_len
        self.actor_demonyms = actor_demonyms
        self.data = PlaceData(language, min_name_len)

    # pickling: ship the settings, reload data lazily in the worker
    def __getstate__(self) -> dict:
        return {"language": self.language, "min_name_len": self.min_name_len,
                "actor_demonyms": self.actor_demonyms}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)

    @property
    def gaz(self) -> Gazetteer:
        return self.data.gaz

    @property
    def cues(self) -> Cues:
        return self.data.cues

    @property
    def matcher(self) -> NameMatcher:
        return self.data.matcher

    @property
    def regions(self) -> tuple[NameMatcher, dict[str, str]]:
        return self.data.regions

    @property
    def orgs(self) -> NameMatcher:
        return self.data.orgs

    def trusted_name(self, key: str) -> bool:
        """A name notable enough to count as a place on its own (a country, province, big city, alias)."""
        return self.data.trusted_name(key)

    def load(self) -> "PlaceTagger":
        """Load everything now (gazetteer, name index, cues, key indexes), e.g. at worker start."""
        self.data.load()
        return self

    def tag(self, sdoc, text: Optional[str] = None) -> list[Place]:
        """Places of a parsed document; `text` is its text when the caller has it (saves a rebuild)."""
        text = doc_text(sdoc) if text is None else text
        if not text:
            return []
        data = self.data
        doc = read_document(data, sdoc, text)
        hits = join_lost_conjunctions(data.gaz, doc,
                                      data.matcher.find(doc.ft, doc.words, text, data.cues.lowercase_heads, doc.fwords))
        note_hits(data, doc, hits)

        mentions, weak = gazetteer_mentions(data, doc, sdoc, hits)
        located = located_countries(data.gaz, mentions)
        focus = focus_countries(data.gaz, mentions, doc.org_votes, located) \
            or focus_countries(data.gaz, mentions, doc.org_votes + division_adjectives(data, doc), located)
        mentions += accept_villages(data, doc, weak, focus)
        mentions += translit_variants(data, doc, mentions, focus)
        add_regions(data, doc, mentions)
        add_demonyms(data, doc, mentions, self.actor_demonyms)

        deferred, covered = entity_mentions(data, doc, mentions, focus)
        accept_deferred(data, doc, mentions, deferred, covered)
        cue_mentions(data, doc, mentions, covered, focus)
        capital_appositions(data, doc, mentions, covered, focus)
        apposed_towns(data, doc, mentions)
        repeat_places(data, doc, mentions, covered)

        club_lists(data, doc, mentions)
        team_lists(data, doc, mentions)
        street_landmarks(data, doc, mentions)
        named_streets(data, doc, mentions)
        leading_articles(text, mentions)
        demonym_countries(data, doc, mentions)
        country_lists(data, doc, mentions)
        actor_lists(data, doc, mentions)
        def adjectives() -> set[str]:   # the countries the text's adjectives name ("el Ejército ruso": Russia)
            return {cc for w in doc.fwords if (cc := data.country_adjectives.get(w))}
        places = to_places(data.gaz, mentions, doc.org_votes, focus, text, data.linking_words,
                           data.cues.words.bare_of, adjectives)
        quarters = listed_after(mentions, {m.start for m in mentions if data.cues.quarter_before(doc.fwin(m.start))},
                                text, data.cues.words.list_gaps)
        if quarters:
            towns_of = frozenset(m.start for m in mentions if data.cues.quarters_of_before(doc.fwin(m.start)))
            places = quarters_near_towns(places, quarters, text, data.cues.words.conjunctions, towns_of)
        places = unknown_in_apposed(places, text, data.linking_words, data.cues.list_joiners,
                                    data.cues.place_heads, data.cues.quarter_words, data.cues.words.of)
        places = place_by_offsets(places, text, self.language)
        compass = {m.start: d for m in mentions if (d := data.cues.compass_before(doc.fwin(m.start)))}
        places = [compass_region(data.gaz, p, compass[p.span.start]) if p.span.start in compass else p
                  for p in places]
        places = bracket_aliases(data.cues, text, merge_compounds(text, places))
        return geocode_unresolved(data.gaz, numbered_units(text, names_before_brackets(data.cues, text, places)), focus)


def listed_after(mentions: list[Mention], starts: set[int], text: str, gaps: tuple[str, ...]) -> set[int]:
    """The names listed right after those at `starts` ("los barrios El Salado, Las Independencias y Nuevos
    Conquistadores": each a quarter, as the first is)."""
    out = set(starts)
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.start in out and text[a.end:b.start] in gaps:
            out.add(b.start)
    return out


def division_adjectives(data: PlaceData, doc: DocView) -> Counter:
    """'la provincia yemení de Hadramaut', 'la localidad libanesa de Jiam': the country a noun of place's
    adjective names, a vote for the country the story is in when no name told it ("el golfo de Adén")."""
    cues, words = data.cues, doc.fwords
    return Counter(cues.demonyms[w] for i, w in enumerate(words[1:-1], 1)
                   if w in cues.demonyms and words[i - 1] in cues.place_heads and words[i + 1] in cues.words.of)
