"""Reading documents: .txt, .jsonl, .json, .html, directories and stdin."""
from cronica.ingest.readers import iter_documents, read_text_file

__all__ = ["iter_documents", "read_text_file"]
