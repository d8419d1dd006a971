"""Reading one name: titles off, inverted forms turned round, parts named.

``nameparser`` splits a clean name into given / middle / surname and reads the
inverted "Trotsky, Lev Davydovich" form; the project's own lists
(``data/names``) decide what counts as a title, because historical texts use
titles ("citizen", "Comrades", "Prince") that general-purpose lists lack.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from nameparser import HumanName

from .vocab import words

_INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")


@dataclass
class NameParts:
    """A person's name read into parts; ``name`` is the clean form (no titles)."""
    name: str
    titles: list[str] = field(default_factory=list)
    first: str = ""
    middle: str = ""
    last: str = ""
    suffix: str = ""           # post-nominal titles ("Pasha") and Jr./Sr.

    @property
    def given(self) -> list[str]:
        return [w for w in (self.first + " " + self.middle).split() if w]

    @property
    def has_first(self) -> bool:
        return bool(self.first)

    @property
    def first_initial(self) -> str:
        return self.first[:1].upper() if self.first else ""

    @property
    def surname_key(self) -> str:
        return fold(self.last or self.first)

    def is_initial(self) -> bool:
        return bool(_INITIAL.match(self.first))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case without accents or punctuation: "Gegórgy" -> "gegorgy"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "", s.lower())


def strip_titles(text: str) -> tuple[str, list[str], str]:
    """Split leading titles and trailing post-nominal titles off a name.

    Returns (name, titles, suffix): "Comrades Syermuks" -> ("Syermuks", ["Comrades"], "").
    """
    toks = text.split()
    titles = []
    while True:
        # two-word titles first ("Grand Duke", "Rai Bahadur"), then one-word ones, in any order
        if len(toks) > 2 and f"{toks[0]} {toks[1]}".lower() in words("titles"):
            titles.append(f"{toks.pop(0)} {toks.pop(0)}")
        elif len(toks) > 1 and toks[0].lower().rstrip(",") in words("titles"):
            titles.append(toks.pop(0).rstrip(","))
        else:
            break
    suffix = ""
    if len(toks) > 1 and toks[-1].lower().rstrip(".,") in words("post_titles"):
        suffix = toks[-1]
    return " ".join(toks), titles, suffix


def parse_name(text: str) -> NameParts:
    """Parse a person's name as written: "citizen Trotsky, Lev Davydovich", "L. Trotsky"."""
    p = _parse_cached(text)        # nameparser is slow; a document repeats its names
    return replace(p, titles=list(p.titles))


@lru_cache(maxsize=16384)
def _parse_cached(text: str) -> NameParts:
    raw = re.sub(r"\s+", " ", text).strip().strip(",;:")
    name, titles, suffix = strip_titles(raw)
    core = name
    if suffix:
        core = name[: len(name) - len(suffix)].strip()
    inverted = None
    if "," in core:
        last, _, rest = core.partition(",")
        if rest.strip() and len(last.split()) <= 2:
            inverted = (last.strip(), rest.strip())
    if inverted:
        last, rest = inverted
        given = rest.split()
        first, middle = given[0], " ".join(given[1:])
        clean = f"{rest} {last}"
    else:
        toks = core.split()
        if len(toks) == 1 or (toks[0] in words("particles") and toks[-1][:1].isupper()):
            first, middle, last = "", "", core     # "von Hallerstein", "de la Sierra": a surname alone
        else:
            hn = HumanName(core)
            # nameparser takes a lone word after a title for a given name; keep our split
            first, middle, last = hn.first, hn.middle, hn.last
            if not last:
                first, middle, last = " ".join(toks[:1]), " ".join(toks[1:-1]), toks[-1]
            if hn.title or hn.suffix:
                # nameparser found a title we did not list: keep the words as written
                first, middle, last = toks[0], " ".join(toks[1:-1]), toks[-1]
        clean = core
    if suffix:
        clean = f"{clean} {suffix}"
        if not first and last:
            pass
    return NameParts(name=clean, titles=titles, first=first, middle=middle, last=last, suffix=suffix)


def split_list(text: str) -> list[str]:
    """Split a coordinated list of names: "Syermuks and Poznansky" -> both."""
    parts = re.split(r"\s*(?:,\s*(?:and|&)\s+|,\s*|\s+(?:and|&)\s+)\s*", text.strip())
    return [p for p in parts if p]


def compatible_given(a: NameParts, b: NameParts) -> bool:
    """Could two names with the same surname be one person's?

    Missing given names are compatible with anything; an initial matches a
    name with that letter; otherwise the first given names must agree (or
    one's first name is the other's middle name).
    """
    if not a.first or not b.first:
        return True
    fa, fb = fold(a.first), fold(b.first)
    if fa == fb:
        return True
    if a.is_initial() or b.is_initial():
        return fa[:1] == fb[:1]
    ga = {fold(w) for w in a.given}
    gb = {fold(w) for w in b.given}
    if fa in gb or fb in ga:
        return True
    # close spellings of one given name (Leon / Lev are not; Georgy / Gegórgy are)
    from rapidfuzz.distance import JaroWinkler
    return JaroWinkler.similarity(fa, fb) >= 0.9 and len(fa) >= 5
