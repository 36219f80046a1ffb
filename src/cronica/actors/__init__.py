"""Actors: who is named in a text, resolved to a catalogue of ACLED-style actors."""
from cronica.actors.catalogue import ActorEntry, Catalogue, load_catalogue
from cronica.actors.tagger import ActorTagger

__all__ = ["ActorEntry", "ActorTagger", "Catalogue", "load_catalogue"]
