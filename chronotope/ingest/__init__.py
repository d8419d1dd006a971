"""Ingest: read a source file of any supported format into a Source.

read_source() is the only entry point the pipeline needs; it checks the
file, sniffs the format, dispatches to one small reader per format and turns
every failure into an IngestError naming the file.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re

from .decode import check_controls, decode_bytes
from .detect import detect_format
from .errors import FormatError, IngestError
from .gutenberg import find_body
from .model import Source

__all__ = ["read_source", "iter_input_paths", "IngestError", "Source", "MAX_BYTES"]

MAX_BYTES = 200 * 1024 * 1024

_HTML_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)|\A\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)")


def _size(n: int) -> str:
    for unit, div in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= div:
            v = n / div
            return f"{v:.0f} {unit}" if v >= 10 or v == int(v) else f"{v:.1f} {unit}"
    return f"{n} B"


def read_source(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> Source:
    """Read one file; raise IngestError (one line: file and reason) for anything unusable."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except OSError:
        raise IngestError(name, "no such file") from None
    if os.path.isdir(name):
        raise IngestError(name, "no such file (it is a directory)")
    if st.st_size > max_bytes:
        raise IngestError(name, f"too large ({_size(st.st_size)} > {_size(max_bytes)} limit)")
    if st.st_size == 0:
        raise IngestError(name, "empty file")
    try:
        with open(name, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise IngestError(name, f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:  # grew since stat
        raise IngestError(name, f"too large (> {_size(max_bytes)} limit)")
    try:
        return _read(name, data)
    except FormatError as e:
        raise IngestError(name, str(e)) from None
    except IngestError:
        raise
    except MemoryError:
        raise IngestError(name, "too large to process in memory") from None
    except Exception as e:  # a parser failing on bad content: still the file's fault
        raise IngestError(name, f"cannot read: {type(e).__name__}: {e}"[:300]) from None


def _read(name: str, data: bytes) -> Source:
    head = data[:4096]
    if len(data) <= 4096 and not head.removeprefix(b"\xef\xbb\xbf").strip():
        raise FormatError("empty file")  # whitespace (and a BOM) only
    fmt = detect_format(name, head, os.path.splitext(name)[1])
    digest = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        from .pdf import extract_pdf

        return _from_extracted(name, extract_pdf(data), "pdf", None, digest)
    if fmt == "epub":
        from .epub import extract_epub

        return _from_extracted(name, extract_epub(data), "epub", "utf-8", digest)
    if fmt == "tei":
        from .decode import bom_encoding
        from .tei import extract_tei

        ex, warnings = extract_tei(data)
        m = _XML_ENCODING.match(data[3:200] if data.startswith(b"\xef\xbb\xbf") else data[:200])
        enc = bom_encoding(data) or (m.group(1).decode("ascii").lower() if m else "utf-8")
        if warnings:
            ex.meta.setdefault("warnings", []).extend(warnings)
        return _from_extracted(name, ex, "tei", enc, digest, gutenberg=False)

    declared = None
    if fmt == "html":
        m = _HTML_CHARSET.search(data[:4096])
        if m:
            declared = (m.group(1) or m.group(2)).decode("ascii", "replace")
    dec = decode_bytes(data, declared)
    del data
    if not dec.text.strip():
        raise FormatError("empty file")
    check_controls(dec.text)
    meta: dict = {}
    if dec.warnings:
        meta["warnings"] = list(dec.warnings)
    if dec.truncated:
        meta["truncated"] = True
    if fmt == "html":
        from .html import extract_html

        ex = extract_html(dec.text)
        ex.meta.update(meta)
        return _from_extracted(name, ex, "html", dec.encoding, digest)

    text = dec.text
    start, end, title, gmeta = find_body(text)
    meta.update(gmeta)
    if fmt == "markdown" and not title:
        from .markdown import markdown_title

        title = markdown_title(text)
    return Source(name, text, fmt, dec.encoding, title, start, end, [], [], meta, digest)


def _from_extracted(name, ex, fmt, encoding, digest, gutenberg=True) -> Source:
    if not ex.text.strip():
        raise FormatError(f"no text content in this {fmt.upper()} document")
    start, end, title = 0, len(ex.text), ex.title
    if gutenberg:
        start, end, gtitle, gmeta = find_body(ex.text)
        title = gtitle or title
        for k, v in gmeta.items():
            ex.meta.setdefault(k, v)
    return Source(name, ex.text, fmt, encoding, title, start, end,
                  sorted(ex.markers), sorted(ex.notes), ex.meta, digest)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not _hidden(d)]
        out.extend(os.path.join(dirpath, f) for f in filenames if not _hidden(f))
    return out


def iter_input_paths(inputs: list[str]) -> tuple[list[str], list[str]]:
    """Expand files, folders (recursively, hidden entries skipped) and glob patterns.

    Returns (sorted unique file paths, inputs that matched nothing).
    """
    found: set[str] = set()
    unmatched: list[str] = []
    for raw in inputs:
        item = os.fspath(raw)
        paths: list[str] = []
        if os.path.isfile(item):
            paths = [item]
        elif os.path.isdir(item):
            paths = _walk(item)
        elif glob.has_magic(item):
            for hit in glob.glob(item, recursive=True):
                if os.path.isfile(hit):
                    paths.append(hit)
                elif os.path.isdir(hit):
                    paths.extend(_walk(hit))
        if paths:
            found.update(os.path.normpath(p) for p in paths)
        else:
            unmatched.append(item)
    return sorted(found), unmatched
