"""The gazetteer's files: the packaged TSV (``scripts/build_gazetteer.py`` writes it) parsed
into a :class:`~cronica.geo.gazetteer.Gazetteer`'s columns and indexes, and the marshal
cache of those columns kept under ``$CRONICA_CACHE`` (default ``~/.cache/cronica``)."""
from __future__ import annotations

import gzip
import marshal
import os
import sys
import threading
from pathlib import Path
from typing import IO, Any, Iterable, Optional

from cronica.errors import E, CronicaError
from cronica.geo.normalize import rules_version, token_keys, translit_key


def cache_path(st: os.stat_result) -> Path:
    """The cache file for a TSV of this size and time, these rules and this Python."""
    root = Path(os.environ.get("CRONICA_CACHE") or Path.home() / ".cache" / "cronica")
    tag = f"{st.st_size}-{int(st.st_mtime)}-r{rules_version()}-py{sys.version_info[0]}{sys.version_info[1]}"
    return root / f"gazetteer-{tag}.marshal"


def read_cache(cache: Path) -> Optional[dict[str, Any]]:
    """The cached columns, or None when the cache is missing or unreadable."""
    try:
        return marshal.loads(cache.read_bytes())
    except Exception:  # noqa: BLE001 - missing or bad cache: the caller parses and rewrites it
        return None


def write_cache(cache: Path, state: dict[str, Any]) -> None:
    """Write the cache atomically and keep the three newest (other checkouts / versions may
    share the folder); a cache that cannot be written is skipped."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(marshal.dumps(state))
        os.replace(tmp, cache)
        old = sorted(cache.parent.glob("gazetteer-*.marshal"), key=lambda p: p.stat().st_mtime)[:-3]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        pass


def write_cache_aside(cache: Path, state: dict[str, Any]) -> None:
    """Write the cache from a forked child where the OS can fork, so the first load returns
    without waiting for it (half a second); the child shares the columns copy-on-write and
    only marshals and writes them. A thread reaps it. Elsewhere, and in a process already running other
    threads (a forked child could wait forever on a lock one of them held), the cache is written inline."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        write_cache(cache, state)
        return
    pid = os.fork()
    if pid == 0:   # the child: write, then leave at once (no atexit, no flushing of the parent's files)
        try:
            write_cache(cache, state)
        finally:
            os._exit(0)
    threading.Thread(target=os.waitpid, args=(pid, 0), daemon=True).start()


def _split(x: str) -> tuple[str, ...]:
    return tuple(x.split("|")) if x else ()


def index_of(values: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """value -> the rows holding it (rows in order, empty values left out)."""
    out: dict[str, list[int]] = {}
    for i, vs in enumerate(values):
        for v in vs:
            if not v:
                continue
            r = out.get(v)
            if r is None:
                out[v] = [i]
            else:
                r.append(i)
    return out


def columns_of(body: str, ncols: int, path: str) -> list[list[str]]:
    """The TSV body's columns: one split of the whole text (rows all have `ncols` fields),
    sliced column by column: a third faster than splitting row by row."""
    flat = body.rstrip("\n").replace("\n", "\t").split("\t")
    if len(flat) % ncols:
        raise CronicaError(E.E016, path=path, columns=ncols)
    return [flat[k::ncols] for k in range(ncols)]


def parse_tsv(g: Any, raw: IO[bytes]) -> None:
    """Fill `g`'s columns and name indexes from the gzipped TSV. Columns the build
    precomputes (keys, words, skeletons, Arabic keys, qualifier cores) are taken as they
    are unless the file was built with other transliteration rules (then recomputed or
    left to be computed on first use)."""
    with gzip.open(raw, "rt", encoding="utf-8") as fh:
        comment, header, body = fh.read().split("\n", 2)
    stale = f"rules version {rules_version()}" not in comment
    cols = columns_of(body, header.count("\t") + 1, getattr(raw, "name", "gazetteer"))
    g.name, g.country, g.admin1, g.admin2 = cols[:4]
    g.lat = [float(x) if x else None for x in cols[4]]
    g.lon = [float(x) if x else None for x in cols[5]]
    g.geonameid = [int(x) if x else None for x in cols[6]]
    g.fcode = cols[7]
    g.pop = [int(x) if x else 0 for x in cols[8]]
    g.src = cols[9]
    g.names = [_split(x) for x in cols[10]]
    g.keys = [_split(x) if (x and not stale) else tuple({translit_key(n) for n in nm})
              for x, nm in zip(cols[11], g.names)]
    g.anames = [frozenset(x.split("|")) if x else frozenset() for x in cols[12]]
    g.parent = cols[13]
    fresh = (lambda n: len(cols) > n and not stale)
    g.words = [_split(x) for x in cols[15]] if fresh(15) else \
        [tuple({" ".join(w) for w in map(token_keys, nm) if len(w) >= 2}) for nm in g.names]
    g.akeys = [_split(x) for x in cols[16]] if fresh(16) else [()] * len(g.names)
    g._by_askel = index_of(_split(x) for x in cols[17]) if fresh(18) else None
    g._cores = [_split(x) for x in cols[18]] if fresh(18) else None
    g.by_name = index_of(g.names)
    g.by_key = index_of(g.keys)
    g._by_skel = index_of(_split(x) for x in cols[14]) if fresh(14) else None
