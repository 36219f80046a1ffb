"""Actors: who is named in a text, resolved to a catalogue of ACLED-style actors."""
from cronica.actors.catalogue import ActorEntry, Catalogue, fold, load_catalogue
from cronica.actors.tagger import ActorTagger

__all__ = ["ActorEntry", "ActorTagger", "Catalogue", "fold", "load_catalogue"]
