"""Bytes to str for text-like sources.

Order: BOM, strict UTF-8 (by far the most common), a declared charset (HTML
meta / XML declaration), cp1252 when the bytes decode cleanly and read like
western text (charset-normalizer tends to mis-guess short latin-1 texts),
then charset-normalizer. Decoding is a single pass over the bytes; samples
are used for the heuristics so a 50 MB file costs one decoded copy.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import FormatError

_SAMPLE = 1 << 20  # bytes/chars looked at by heuristics

_BOMS = [  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # not \t \n \v \f \r ESC


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _normalise(name: str | None) -> str | None:
    """Codec name for a declared charset, or None if Python does not know it."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # WHATWG: labels latin-1/ascii mean windows-1252 on the web.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _strict(data: bytes, encoding: str) -> Decoded:
    """Strict decode; a multibyte sequence cut off at the very end is dropped with a warning."""
    try:
        return Decoded(str(data, encoding), encoding)
    except UnicodeDecodeError as e:
        if e.reason in ("unexpected end of data", "truncated data") and e.end >= len(data) - 3 \
                and len(data) - e.start <= 4 and encoding.startswith("utf"):
            text = str(memoryview(data)[: e.start], encoding)  # re-raises if broken elsewhere too
            n = len(data) - e.start
            return Decoded(text, encoding,
                           [f"file ends inside a {encoding} character: dropped {n} trailing byte(s) (truncated?)"],
                           truncated=True)
        raise


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-range text leaves NULs in every other byte."""
    sample = data[: min(len(data), 4096) & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def looks_western(text: str) -> bool:
    """True when most letters are ASCII (English, French, German, ...): cp1252 fits.

    Cyrillic/Greek/... in an 8-bit code page decoded as cp1252 give words made
    only of accented letters, so the ASCII share of letters is low.
    """
    sample = text[:_SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return True
    ascii_letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    return ascii_letters / letters >= 0.7


def check_controls(text: str) -> None:
    """Raise FormatError when the text is mostly control characters (binary data)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise FormatError("binary file, not text (many control characters)")


def _replace_decode(data: bytes, encoding: str, why: str) -> Decoded:
    text = str(data, encoding, "replace")
    bad = text.count("\ufffd", 0, _SAMPLE)
    sample_len = min(len(text), _SAMPLE)
    if sample_len and bad > 0.3 * sample_len:
        raise FormatError(f"mis-encoded text: mostly undecodable bytes (tried {encoding})")
    return Decoded(text, encoding, [f"{why}: {bad or 'some'} undecodable byte(s) replaced with U+FFFD"])


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode raw bytes to text; raise FormatError for binary or hopeless input."""
    enc = bom_encoding(data)
    if enc:
        try:
            return _strict(data, enc)
        except UnicodeDecodeError as e:
            return _replace_decode(data, enc, f"invalid {enc} at byte {e.start}")
    if b"\x00" in data:
        enc = _bomless_utf16(data)
        if not enc:
            raise FormatError("binary file, not text (contains NUL bytes)")
        try:
            return _strict(data, enc)
        except UnicodeDecodeError as e:
            return _replace_decode(data, enc, f"invalid {enc} at byte {e.start}")
    try:
        return _strict(data, "utf-8")
    except UnicodeDecodeError as e:
        first_error = e.start
    declared = _normalise(declared)
    if declared and declared not in ("utf-8", "utf-8-sig"):
        try:
            return Decoded(str(data, declared), declared)
        except UnicodeDecodeError:
            pass
    sample = data[:_SAMPLE]
    high = len(_HIGH.findall(sample))
    multi = _UTF8_MULTI.findall(sample)
    if multi and sum(map(len, multi)) >= 0.8 * high:
        return _replace_decode(data, "utf-8", f"invalid UTF-8 at byte {first_error}")
    try:
        text = str(data, "cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_western(text):
        return Decoded(text, "cp1252")
    del text
    return _guess(data, sample)


def _guess(data: bytes, sample: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return _replace_decode(data, "utf-8", "encoding not recognised, read as UTF-8")
    enc = best.encoding
    try:
        return Decoded(str(data, enc), enc, [f"encoding guessed as {enc}"])
    except (UnicodeDecodeError, LookupError):
        return _replace_decode(data, enc, f"encoding guessed as {enc}")
