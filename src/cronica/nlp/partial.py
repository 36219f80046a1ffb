"""Run the spaCy model, parsing only the sentences that can hold an event.

The dependency parse (with the tagger and lemmatizer that feed on it) costs
about half of the model's time, and only sentences with an event trigger (or
a verb the actor stage reads) use it. So: every document is tokenised, cut
into sentences by punctuation and run through the named-entity recogniser
(which carries its own token vectors); the sentences a `SentenceSelector`
wants are then parsed as small documents of their own, and their analyses are
written back. The other sentences keep a flat tree (the first token is the
root, its lemma-less tokens fall back to the lower-case form), so every stage
reads one ordinary `Doc`.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, POS
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from cronica.nlp.selection import SentenceSelector
from cronica.text.layout import dateline_end

PARSE_PIPES = ("tok2vec", "morphologizer", "parser", "lemmatizer")
COPIED = [POS, MORPH, LEMMA, DEP, HEAD]


def parse_partially(nlp: Language, texts: Iterable[str], selector: SentenceSelector,
                    batch_size: int = 32) -> Iterator[Doc]:
    """Docs for `texts`, in order: entities everywhere, a parse where the selector wants one."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size * 8:
            yield from _batch(nlp, batch, selector, batch_size)
            batch = []
    if batch:
        yield from _batch(nlp, batch, selector, batch_size)


def _batch(nlp: Language, texts: list[str], selector: SentenceSelector, batch_size: int) -> list[Doc]:
    split = Sentencizer()
    docs = [_after_dateline(_own_lines(split(nlp.make_doc(t))), t) for t in texts]
    bounds = [[(s.start, s.end) for s in d.sents] for d in docs]
    _recognise(nlp, docs, texts, bounds, batch_size)
    chosen = [[(a, b) for a, b in bs if selector.wants(t[d[a].idx:d[b - 1].idx + len(d[b - 1])])]
              for t, d, bs in zip(texts, docs, bounds)]
    subs = [_words_doc(d, a, b) for d, cs in zip(docs, chosen) for a, b in cs]
    for name in PARSE_PIPES:
        subs = list(nlp.get_pipe(name).pipe(subs, batch_size=batch_size * 2))
    parsed = iter(subs)
    for doc, bs, cs in zip(docs, bounds, chosen):
        _write_back(doc, bs, [(a, next(parsed)) for a, _ in cs])
    return docs


def _recognise(nlp: Language, docs: list[Doc], texts: list[str], bounds: list[list[tuple[int, int]]],
               batch_size: int) -> None:
    """Named entities for every sentence that can hold a name: runs of such sentences are
    recognised as one Doc (same words, same sentence starts), the others hold no entity."""
    stop_words = nlp.Defaults.stop_words
    runs = [(i, run) for i, (d, t, bs) in enumerate(zip(docs, texts, bounds))
            for run in _runs(d, t, bs, stop_words)]
    subs = [_words_doc(docs[i], a, b, sentence_starts) for i, (a, b, sentence_starts) in runs]
    found: list[list[Span]] = [[] for _ in docs]
    for (i, (a, _b, _s)), sub in zip(runs, nlp.get_pipe("ner").pipe(subs, batch_size=batch_size)):
        found[i].extend(Span(docs[i], a + e.start, a + e.end, label=e.label) for e in sub.ents)
    for doc, ents in zip(docs, found):
        doc.set_ents(ents, default="outside")


def _runs(doc: Doc, text: str, bounds: list[tuple[int, int]], stop_words: set[str]):
    """(start, end, sentence starts) of each run of consecutive sentences that can hold a name:
    a capital letter anywhere but in a sentence-initial function word ('La', 'Según')."""
    run: list[tuple[int, int]] = []
    for a, b in bounds + [(len(doc), len(doc))]:
        if a < b and _can_name(doc, text, a, b, stop_words):
            run.append((a, b))
            continue
        if run:
            yield run[0][0], run[-1][1], [x - run[0][0] for x, _ in run]
            run = []


def _can_name(doc: Doc, text: str, a: int, b: int, stop_words: set[str]) -> bool:
    first, last = doc[a], doc[b - 1]
    start, cut, end = first.idx, first.idx + len(first), last.idx + len(last)
    rest = text[cut:end]
    head = text[start:cut]
    if not text[start:end].strip():
        return True          # a line break between sentences keeps a run whole
    return rest != rest.lower() or (head != head.lower() and head.lower() not in stop_words)


def _words_doc(doc: Doc, start: int, end: int, sentence_starts: Optional[list[int]] = None) -> Doc:
    """A fresh Doc of doc[start:end]'s words, with these sentence starts if given (cheaper than
    `Span.as_doc`, which copies every attribute)."""
    tokens = doc[start:end]
    first = set(sentence_starts or ())
    starts = None if sentence_starts is None else [i in first for i in range(len(tokens))]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
               sent_starts=starts)


def _own_lines(doc: Doc) -> Doc:
    """A line break is a sentence of its own, as the parser makes it ('\\n' then a new sentence)."""
    for i in numpy.flatnonzero(doc.to_array([IS_SPACE])):
        tok = doc[int(i)]
        if "\n" in tok.text:
            tok.is_sent_start = True
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
    return doc


def _after_dateline(doc: Doc, text: str) -> Doc:
    """'BOGOTÁ, 18 ene (EFE).- Al menos 24 campesinos fueron asesinados …': the story's first sentence starts
    after the dateline (parsed with it, 'BOGOTÁ' would be the subject of 'asesinados')."""
    end = dateline_end(text)
    if end:
        first = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


def _write_back(doc: Doc, bounds: list[tuple[int, int]], parsed: list[tuple[int, Doc]]) -> None:
    """One array for the whole doc: flat trees by default, the parsed sentences copied in."""
    n = len(doc)
    if n == 0:
        return
    strings = doc.vocab.strings
    arr = numpy.zeros((n, len(COPIED)), dtype="uint64")
    arr[:, 2] = doc.to_array([LOWER])
    starts = numpy.zeros(n, dtype="int64")
    for a, b in bounds:
        starts[a:b] = a
    index = numpy.arange(n, dtype="int64")
    arr[:, 4] = (starts - index).astype("uint64")
    root, dep = numpy.uint64(strings.add("ROOT")), numpy.uint64(strings.add("dep"))
    arr[:, 3] = numpy.where(starts == index, root, dep)
    for a, sub in parsed:
        arr[a:a + len(sub)] = sub.to_array(COPIED)
    doc.from_array(COPIED, arr)
