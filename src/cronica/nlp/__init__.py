"""Spanish NLP: the spaCy model, loaded once per process."""
from cronica.nlp.loader import load_spacy

__all__ = ["load_spacy"]
