"""Cleaning and de-duplication: repeated paragraphs and documents are processed once."""
from cronica.text.dedup import CorpusDeduplicator, ParagraphDeduplicator, paragraphs
from cronica.text.normalize import content_hash, fold

__all__ = ["CorpusDeduplicator", "ParagraphDeduplicator", "paragraphs", "content_hash", "fold"]
