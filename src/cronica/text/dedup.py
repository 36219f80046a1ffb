"""Exact and near-duplicate detection (hashes plus MinHash/LSH).

Within a document, a paragraph repeated verbatim or nearly so is kept once;
across a corpus, a document that repeats an earlier one is skipped. Both use
an LSH index, so the cost per item stays constant as the corpus grows.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from cronica.model import Span
from cronica.text.normalize import content_hash, words

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines as spans (news and encyclopedic text put a paragraph on a line)."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(Span(start, start + len(stripped), stripped))
    return out


def _shingles(tokens: list[str], size: int = 3) -> list[bytes]:
    if len(tokens) < size:
        return [" ".join(tokens).encode("utf-8")]
    return [" ".join(tokens[i:i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)]


_SEED = 7


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int):
    """The hash permutations and their scheme, made once per process (MinHash makes them
    per object)."""
    proto = MinHash(num_perm=num_perm, seed=_SEED)
    return proto.permutations, proto.scheme


@functools.lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a threshold, computed once (an integration each time otherwise)."""
    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def minhash(tokens: list[str], num_perm: int) -> MinHash:
    permutations, scheme = _permutations(num_perm)
    mh = MinHash(num_perm=num_perm, seed=_SEED, permutations=permutations, scheme=scheme)
    mh.update_batch(_shingles(tokens))
    return mh


@dataclass
class _NearDuplicateIndex:
    threshold: float
    num_perm: int
    verify: bool = False  # check LSH hits against the estimated Jaccard (keeps signatures)
    _lsh: MinHashLSH = field(init=False)
    _exact: dict[str, str] = field(init=False, default_factory=dict)
    _signatures: dict[str, MinHash] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=self.num_perm, params=_bands(self.threshold, self.num_perm))

    def add_or_match(self, key: str, text: str) -> Optional[str]:
        """The key of an earlier item this text repeats, else None (and it is added)."""
        digest = content_hash(text)
        if digest in self._exact:
            return self._exact[digest]
        tokens = words(text)
        if len(tokens) < 8:  # too short to call a near-duplicate: exact only
            self._exact[digest] = key
            return None
        mh = minhash(tokens, self.num_perm)
        hits = sorted(self._lsh.query(mh))
        if self.verify:
            hits = [h for h in hits if self._signatures[h].jaccard(mh) >= self.threshold]
        if hits:
            return hits[0]
        self._lsh.insert(key, mh)
        if self.verify:
            self._signatures[key] = mh
        self._exact[digest] = key
        return None


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class ParagraphDeduplicator:
    """Which paragraphs of a document to process: repeats are dropped.

    A document has few paragraphs, so each is compared with the kept ones by the
    exact Jaccard similarity of their word 3-grams; past `lsh_above` paragraphs an
    LSH index keeps the cost linear."""
    threshold: float = 0.7
    num_perm: int = 128
    lsh_above: int = 64

    def kept_spans(self, text: str) -> list[Span]:
        spans = paragraphs(text)
        if len(spans) > self.lsh_above:
            index = _NearDuplicateIndex(self.threshold, self.num_perm, verify=True)
            return [p for i, p in enumerate(spans) if index.add_or_match(str(i), p.text) is None]
        kept: list[Span] = []
        seen: list[frozenset] = []
        for p in spans:
            tokens = words(p.text)
            grams = frozenset(_shingles(tokens))
            exact_only = len(tokens) < 8
            if any(g == grams or (not exact_only and jaccard(g, grams) >= self.threshold) for g in seen):
                continue
            kept.append(p)
            seen.append(grams)
        return kept


def _int64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


def document_keys(text: str, threshold: float = 0.9, num_perm: int = 64) -> list[int]:
    """A text's keys (signed 64-bit, storable): first its exact key (from its content
    hash), then one per LSH band of its MinHash. Two texts whose word 3-grams overlap
    above `threshold` share a band key with high probability. Texts under 8 words have
    the exact key only: too short to call near-duplicates."""
    tokens = words(text)
    exact = _int64(content_hash(text).encode("ascii"))
    if len(tokens) < 8:
        return [exact]
    bands, rows = _bands(threshold, num_perm)
    values = minhash(tokens, num_perm).hashvalues
    return [exact] + [_int64(bytes([i]) + values[i * rows:(i + 1) * rows].tobytes()) for i in range(bands)]


Lookup = Callable[[list[int]], dict[int, str]]


@dataclass
class CorpusDeduplicator:
    """Across a corpus: has an earlier document already told this text?

    Each document has keys (`document_keys`): sharing the exact key is a repeat,
    sharing a band key a near repeat (the earliest id wins). Keys of the documents
    seen in this run are held in memory; `lookup`, when given, finds the keys of
    documents stored by earlier runs (so nothing is hashed twice), and `forget`
    drops the in-memory ones once they are stored, keeping memory flat."""
    threshold: float = 0.9
    num_perm: int = 64
    lookup: Optional[Lookup] = None
    _index: dict[int, str] = field(init=False, default_factory=dict)
    _keys: dict[str, list[int]] = field(init=False, default_factory=dict)

    def duplicate_of(self, doc_id: str, text: str) -> Optional[str]:
        """The id of an earlier document this text repeats, else None (and it is added)."""
        return self.twins([(doc_id, text)])[doc_id]

    def twins(self, docs: list[tuple[str, str]]) -> dict[str, Optional[str]]:
        """For (id, text) pairs in order: the earlier document each repeats, or None."""
        keys = {doc_id: document_keys(text, self.threshold, self.num_perm) for doc_id, text in docs}
        stored = self.lookup([k for ks in keys.values() for k in ks]) if self.lookup else {}
        out: dict[str, Optional[str]] = {}
        for doc_id, _ in docs:
            out[doc_id] = self._match(keys[doc_id], stored)
            if out[doc_id] is None:
                self._index.update((k, doc_id) for k in keys[doc_id] if k not in self._index)
                self._keys[doc_id] = keys[doc_id]
        return out

    def _match(self, keys: list[int], stored: dict[int, str]) -> Optional[str]:
        def owner(k: int) -> Optional[str]:
            return self._index.get(k) or stored.get(k)
        exact = owner(keys[0])
        if exact is not None:
            return exact
        near = [o for o in map(owner, keys[1:]) if o is not None]
        return min(near) if near else None

    def keys_of(self, doc_id: str) -> list[int]:
        """The keys of a document this run kept ([] for a repeat)."""
        return self._keys.get(doc_id, [])

    def forget(self) -> None:
        """Drop the in-memory keys (call once they are stored and `lookup` finds them)."""
        self._index.clear()
        self._keys.clear()
