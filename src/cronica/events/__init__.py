"""Events: ACLED-typed event mentions from triggers and the dependency parse."""
from cronica.events.extractor import EventExtractor
from cronica.events.lexicon import load_lexicon

__all__ = ["EventExtractor", "load_lexicon"]
