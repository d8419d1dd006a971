"""Decide a file's format from its extension and its first bytes.

Binary signatures always win (a PNG renamed .txt is still a PNG); for
text-like formats the extension wins when it is known (an .txt holding HTML
stays text), and unknown extensions are sniffed.
"""

from __future__ import annotations

import re

from .errors import FormatError

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".asc": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".xht": "html",
    ".epub": "epub",
    ".pdf": "pdf",
    ".tei": "tei",
    ".xml": None,  # sniffed: TEI or XHTML
}

# (signature, offset, description) of binary formats we do not read.
_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"BZh", 0, None),  # checked below, too weak alone
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "MS Office (OLE2) document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ID3", 0, "MP3 audio"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"\xca\xfe\xba\xbe", 0, "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O binary"),
    (b"\x00asm", 0, "WebAssembly binary"),
    (b"wOFF", 0, "WOFF font"),
    (b"wOF2", 0, "WOFF2 font"),
]

_EPUB_MIMETYPE = b"mimetypeapplication/epub+zip"


def is_epub_zip(head: bytes) -> bool:
    """An EPUB stores an uncompressed 'mimetype' entry first (OCF spec)."""
    return head.startswith(b"PK\x03\x04") and head[30:30 + len(_EPUB_MIMETYPE)] == _EPUB_MIMETYPE


def binary_kind(head: bytes) -> str | None:
    """Name of a known non-text binary format, or None."""
    for sig, off, name in _SIGNATURES:
        if head[off:off + len(sig)] == sig:
            if name is None:  # bzip2: "BZh" + block size digit + pi magic
                if re.match(rb"BZh[1-9]1AY&SY", head):
                    return "bzip2 archive"
                continue
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[:2] == b"MZ" and b"\x00" in head[:64]:
        return "Windows executable"
    return None


def _head_text(head: bytes) -> str:
    """Best-effort decode of the first bytes, only for sniffing markup."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[: len(head) & ~1].decode("utf-16", "ignore")
    return head.decode("utf-8", "ignore").lstrip("\ufeff")


_TEI_RE = re.compile(r"<(?:[\w.-]+:)?(?:TEI|teiCorpus)[\s>/]")
_HTML_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<(?:[\w.-]+:)?html\s", re.I)
_XML_ROOT_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")


def _strip_prolog(s: str) -> str:
    """Drop XML declaration, comments, PIs and DOCTYPE to reach the root tag."""
    s = s.lstrip()
    while True:
        m = re.match(r"(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>)\s*", s, re.S | re.I)
        if not m:
            return s
        s = s[m.end():]


def sniff_markup(head: bytes) -> str | None:
    """'tei', 'html', 'xml' (other XML) or None for text-looking heads."""
    s = _head_text(head)
    body = _strip_prolog(s)
    if _TEI_RE.match(body):
        return "tei"
    if _HTML_RE.search(s[:2048]):
        return "html"
    if body.startswith("<"):
        if re.match(r"<(?:[\w.-]+:)?(?:TEI|teiCorpus)\b", body):
            return "tei"
        if s.lstrip().startswith("<?xml"):
            return "xml"
        if re.match(r"<(head|body|p|div|h[1-6]|meta|title)[\s>]", body, re.I):
            return "html"
    return None


def detect_format(path: str, head: bytes, ext: str) -> str:
    """Return one of text, markdown, html, epub, pdf, tei; raise FormatError otherwise."""
    ext = ext.lower()
    by_ext = EXTENSIONS.get(ext)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if is_epub_zip(head) or ext == ".epub":
            return "epub"
        raise FormatError("binary file, not text (looks like ZIP archive"
                          + (", e.g. a Word/OpenDocument file)" if ext in (".docx", ".odt", ".xlsx") else ")"))
    if b"%PDF-" in head[:1024]:
        return "pdf"
    kind = binary_kind(head)
    if kind:
        raise FormatError(f"binary file, not text (looks like {kind})")
    if ext == ".pdf":
        raise FormatError("truncated or corrupt PDF: no %PDF- header")
    if ext == ".epub":
        raise FormatError("truncated or corrupt EPUB: not a zip archive")
    if by_ext in ("text", "markdown", "html", "tei"):
        return by_ext
    sniffed = sniff_markup(head)
    if sniffed == "xml":
        root = _XML_ROOT_RE.match(_strip_prolog(_head_text(head)))
        name = root.group(1) if root else "?"
        raise FormatError(f"unsupported XML document (root element <{name}>; TEI and XHTML are read)")
    return sniffed or "text"
