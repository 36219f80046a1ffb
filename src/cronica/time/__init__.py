"""Temporal tagging: Spanish (or any language with a `lang/<xx>/time.yaml`) timexes
normalised to TIMEX3 values and to the interval of days they denote."""
from cronica.time.anchor import reference_date
from cronica.time.tagger import TimeTagger

__all__ = ["TimeTagger", "reference_date"]
