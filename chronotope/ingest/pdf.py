"""PDF text layer via pypdf; pages joined with a paragraph break."""

from __future__ import annotations

import io
import logging
from contextlib import contextmanager

from .errors import FormatError
from .html import Extracted


@contextmanager
def _captured_pypdf_logs(sink: list[str]):
    """pypdf reports recoverable damage through logging; keep it out of stderr, in meta warnings."""
    logger = logging.getLogger("pypdf")

    class _Sink(logging.Handler):
        def emit(self, record):
            if len(sink) < 10:
                sink.append("pdf: " + record.getMessage())

    handler, propagate = _Sink(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def extract_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    warnings: list[str] = []
    truncated = b"%%EOF" not in data[-2048:]
    try:
        with _captured_pypdf_logs(warnings):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception as e:  # missing crypto backend, unsupported handler
                    raise FormatError(f"PDF is encrypted ({e})") from None
                if not ok:
                    raise FormatError("PDF is encrypted (password required)")
            pages = []
            for page in reader.pages:
                pages.append((page.extract_text() or "").rstrip())
            info = reader.metadata
    except FormatError:
        raise
    except Exception as e:
        hint = " (no %EOF: file cut short?)" if truncated else ""
        raise FormatError(f"truncated or corrupt PDF: {type(e).__name__}: {e}"[:300] + hint) from None
    if not pages:
        raise FormatError("truncated or corrupt PDF: no pages" + (" (no %EOF: file cut short?)" if truncated else ""))
    chars = sum(len("".join(p.split())) for p in pages)
    if chars < max(20, 5 * len(pages)):
        raise FormatError("PDF has no text layer (scanned images?)")
    starts, pos = [], 0
    for p in pages:
        starts.append(pos)
        pos += len(p) + 2
    text = "\n\n".join(pages)
    meta: dict = {"page_count": len(pages), "page_starts": starts}
    title = None
    if info:
        title = (info.title or "").strip() or None
        if info.author:
            meta["author"] = info.author.strip()
    if truncated:
        warnings.append("PDF has no %EOF marker: the file may be truncated, text may be incomplete")
        meta["truncated"] = True
    if warnings:
        meta["warnings"] = warnings
    return Extracted(text, title, [], [], meta)
