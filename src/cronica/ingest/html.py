"""The main text of a web page, with its metadata (trafilatura)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from cronica.errors import E
from cronica.ingest.readers import _skip, doc_id_for, parse_date
from cronica.model import Document


def html_to_document(html: str, where: str, dct: Optional[date] = None) -> Optional[Document]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text or not text.strip():
        _skip(E.E002, path=where)
        return None
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    site = getattr(meta, "sitename", None) if meta else None
    published = parse_date(getattr(meta, "date", None)) if meta else None
    return Document(doc_id=doc_id_for(text), text=text, dct=published or dct, url=url,
                    source=site or where, title=title, path=where)
