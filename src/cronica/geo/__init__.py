"""Places: gazetteer, recognition, resolution, geocoding (issue 4).

    from cronica.geo import PlaceTagger, Gazetteer, geocode
    PlaceTagger("es").tag(spacy_doc)   # -> list[cronica.model.Place]
    geocode("Faluya")                  # -> [{"name": "Fallujah", "lat": ..., ...}]
"""
from cronica.geo.gazetteer import Gazetteer
from cronica.geo.geocode import geocode, geocode_batch
from cronica.geo.tagger import PlaceTagger

__all__ = ["PlaceTagger", "Gazetteer", "geocode", "geocode_batch"]
