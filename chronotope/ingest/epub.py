"""EPUB: the OPF spine gives reading order; each XHTML document goes through
the HTML extractor and chapters are joined with a paragraph break.

zipfile + lxml rather than ebooklib: we only need container.xml, the OPF and
the spine documents, and we want every failure to become a clean reason.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote

from lxml import etree

from .decode import decode_bytes
from .errors import FormatError
from .html import Extracted, collect_note_targets, extract_tree, parse

_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)


def _read(z: zipfile.ZipFile, name: str) -> bytes:
    try:
        return z.read(name)
    except KeyError:
        raise FormatError(f"EPUB is missing {name}") from None


def _opf_path(z: zipfile.ZipFile) -> str:
    names = z.namelist()
    if "META-INF/container.xml" in names:
        root = etree.fromstring(_read(z, "META-INF/container.xml"), _XML)
        if root is not None:
            for rf in root.iter(_CONTAINER + "rootfile", "rootfile"):
                if rf.get("full-path"):
                    return rf.get("full-path")
    opfs = [n for n in names if n.lower().endswith(".opf")]
    if not opfs:
        raise FormatError("truncated or corrupt EPUB: no OPF package document")
    return opfs[0]


def _encrypted(z: zipfile.ZipFile) -> set[str]:
    """Paths listed in META-INF/encryption.xml (DRM or font obfuscation)."""
    if "META-INF/encryption.xml" not in z.namelist():
        return set()
    root = etree.fromstring(z.read("META-INF/encryption.xml"), _XML)
    if root is None:
        return set()
    return {unquote(ref.get("URI", "")) for ref in root.iter() if isinstance(ref.tag, str)
            and ref.tag.endswith("CipherReference")}


def extract_epub(data: bytes) -> Extracted:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        return _extract(z)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError) as e:
        raise FormatError(f"truncated or corrupt EPUB: {e}") from None
    except etree.LxmlError as e:
        raise FormatError(f"corrupt EPUB: bad XML: {e}") from None


def _extract(z: zipfile.ZipFile) -> Extracted:
    opf_path = _opf_path(z)
    opf = etree.fromstring(_read(z, opf_path), _XML)
    if opf is None:
        raise FormatError("corrupt EPUB: unreadable OPF package document")
    base = posixpath.dirname(opf_path)
    manifest = {}
    for item in opf.iter(_OPF + "item", "item"):
        href = unquote(item.get("href") or "")
        manifest[item.get("id")] = (posixpath.normpath(posixpath.join(base, href)) if base else href,
                                    item.get("media-type") or "", item.get("properties") or "")
    spine = [manifest[r.get("idref")] for r in opf.iter(_OPF + "itemref", "itemref") if r.get("idref") in manifest]
    if not spine:
        raise FormatError("corrupt EPUB: empty spine (no content documents)")
    encrypted = _encrypted(z)
    warnings: list[str] = []
    trees = []
    for path, media, props in spine:
        if "nav" in props.split():
            continue  # the table of contents, not the book's text
        if path in encrypted:
            raise FormatError(f"EPUB is DRM-encrypted ({path})")
        if "html" not in media and "xml" not in media:
            continue
        try:
            raw = z.read(path)
        except KeyError:
            warnings.append(f"spine document missing from the archive: {path}")
            continue
        dec = decode_bytes(raw, _xml_encoding(raw))
        warnings.extend(f"{path}: {w}" for w in dec.warnings)
        try:
            trees.append((path, parse(dec.text)))
        except FormatError:
            continue  # an empty chapter file
    index = {path: i for i, (path, _) in enumerate(trees)}
    targets: dict[str, str] = {}
    for i, (path, tree) in enumerate(trees):
        def later(file, here=path, i=i):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(file)))
            return index.get(resolved, len(index)) > i
        for k, v in collect_note_targets(tree, later).items():
            targets.setdefault(k, v)
    parts, markers, notes, offset = [], [], [], 0
    starts = []
    for path, tree in trees:
        ex = extract_tree(tree, targets)
        if not ex.text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        starts.append((offset, path))
        parts.append(ex.text)
        markers += [(s + offset, e + offset, l) for s, e, l in ex.markers]
        notes += [(s + offset, e + offset, l) for s, e, l in ex.notes]
        offset += len(ex.text)
    title, meta = _metadata(opf)
    meta["chapter_starts"] = [s for s, _ in starts]
    meta["documents"] = [p for _, p in starts]
    if warnings:
        meta["warnings"] = warnings
    return Extracted("".join(parts), title, markers, notes, meta)


def _xml_encoding(raw: bytes) -> str | None:
    import re
    m = re.match(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", raw[:200])
    return m.group(1).decode("ascii") if m else None


def _metadata(opf) -> tuple[str | None, dict]:
    def texts(tag):
        return [" ".join("".join(e.itertext()).split()) for e in opf.iter(_DC + tag)]

    meta: dict = {}
    titles = [t for t in texts("title") if t]
    creators = [c for c in texts("creator") if c]
    langs = [x for x in texts("language") if x]
    ids = [x for x in texts("identifier") if x]
    if creators:
        meta["author"] = "; ".join(creators)
    if langs:
        meta["language"] = langs[0]
    if ids:
        meta["identifier"] = ids[0]
    return (titles[0] if titles else None), meta
