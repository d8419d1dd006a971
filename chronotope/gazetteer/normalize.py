"""Name keys for gazetteer look-up.

Two levels:

* :func:`normalize_name` -- the *exact* key: case folded, diacritics removed,
  apostrophes dropped (``Przheval'sk`` -> ``przhevalsk``), hyphens, dots and
  other punctuation turned into single spaces.  Two spellings with the same
  key are the same name.
* :func:`variant_keys` -- a coarser *skeleton* that folds the usual
  transliteration variants of Russian, Turkic, German and French spellings of
  the same name together (``Vernyy``/``Verny``/``Vernyi``,
  ``Beresov``/``Berezov``/``Beryozov``, ``Orenburgskiy``/``Orenburgsk``,
  ``Rostoff``/``Rostov``/``Rostow``, ``Bokhara``... ).  A skeleton match is a
  weaker match than a key match and look-ups say so (``match="variant"``).

Both functions are pure and fast (an ASCII fast path, a handful of regular
expressions); the index is built with them, so changing them changes the
index hash (see ``build.py``) and the index is rebuilt.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_name", "variant_keys", "skeleton", "KEY_RE"]

# Letters that NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th",
    "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŧ": "t",
    "ĸ": "k", "ſ": "s", "ə": "e", "Ə": "e", "ŉ": "n",
})
# Apostrophe-like marks are dropped (they mark soft signs and elisions).
_APOS = "'’‘ʼʹʻ`´′ʿʾ\u02bd\u02b9\u02ba\""
_APOS_RE = re.compile("[" + re.escape(_APOS) + "]")
_NONWORD_RE = re.compile(r"[^0-9a-z]+")
# A key: lowercase ASCII letters/digits separated by single spaces.
KEY_RE = re.compile(r"^[0-9a-z]+(?: [0-9a-z]+)*$")


def normalize_name(s: str) -> str:
    """Exact look-up key for a place name.

    >>> normalize_name("  Przheval'sk ")
    'przhevalsk'
    >>> normalize_name("Alma-Ata")
    'alma ata'
    >>> normalize_name("Büyükdere")
    'buyukdere'
    >>> normalize_name("St. Petersburg")
    'st petersburg'

    Non-Latin letters that do not decompose to ASCII are dropped, so a name in
    Cyrillic or Arabic script yields ``''`` (the index holds Latin forms).
    """
    if not s.isascii():
        s = s.translate(_SPECIAL)
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = s.translate(_SPECIAL)
    s = _APOS_RE.sub("", s.lower())
    if not s.isascii():
        s = s.encode("ascii", "ignore").decode("ascii")
    return _NONWORD_RE.sub(" ", s).strip()


# Whole-word folds applied before letter folds.
_WORD_FOLD = {
    "st": "saint", "ste": "sainte", "sankt": "saint", "sv": "saint",
    "mt": "mount", "mont": "mount", "ft": "fort", "pt": "port",
    "is": "island", "isl": "island", "r": "river", "l": "lake",
}

# Ordered letter-level folds on the (space-free) word.  Order matters.
_LETTER_FOLDS: list[tuple[re.Pattern[str], str]] = [(re.compile(p), r) for p, r in [
    (r"tsch|tch", "ch"),
    (r"shch|sch|stch", "sh"),
    (r"dzh|dj|dsch", "j"),
    (r"kh", "h"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"ck", "k"),
    (r"ou", "u"),                        # French transliteration: Boukhara
    (r"(?<=[bcdfgklmnprstvz])[jy]o", "e"),   # Beryozovo -> Berezovo, Pyotr -> Petr
    (r"^[jy]e", "e"),                    # Yekaterinburg, Jekaterinburg
    (r"j", "y"),                         # Jaroslavl -> Yaroslavl
    (r"yy|yi|iy|ii|ij|yj", "i"),         # Vernyy, Vernyi -> Verni
    (r"y", "i"),                         # Verny -> Verni
    (r"z", "s"),                         # Beresov / Berezov
    (r"ski$|skie$|ska$|skoe$", "sk"),    # -skiy/-skii/-sky -> -sk
    (r"(?<=[aeiou])ff?$", "v"),          # -off/-eff -> -ov/-ev
]]


_DOUBLE_RE = re.compile(r"(.)\1+")          # doubled letters, after joining words


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Variant skeleton of an exact key (see :func:`normalize_name`).

    Spaces are removed, so ``alma ata`` and ``almaata`` share a skeleton.

    >>> skeleton("vernyy") == skeleton("verny") == skeleton("vernyi")
    True
    >>> skeleton("beresov") == skeleton("berezov") == skeleton("beryozov")
    True
    """
    words = key.split(" ")
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    out = []
    for w in words:
        w = _WORD_FOLD.get(w, w)
        for pat, rep in _LETTER_FOLDS:
            w = pat.sub(rep, w)
        out.append(w)
    return _DOUBLE_RE.sub(r"\1", "".join(out))


def variant_keys(s: str) -> set[str]:
    """Skeletons under which a name is also findable.

    Takes a raw name (it is normalised first) and returns a set, so that more
    than one folding can be offered in future without an API change.  Empty
    for names with no Latin letters.
    """
    key = normalize_name(s)
    if not key:
        return set()
    return {skeleton(key)}
