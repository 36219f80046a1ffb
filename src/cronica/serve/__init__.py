"""`cronica serve`: a local, read-only web explorer over the event store (needs the `serve` extra)."""
from __future__ import annotations


def create_app(db_path, tiles=None, allowed_hosts=None):
    from cronica.serve.app import create_app as _create_app
    return _create_app(db_path, tiles=tiles, allowed_hosts=allowed_hosts)


__all__ = ["create_app"]
