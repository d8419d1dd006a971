"""The word lists under ``chronotope/data/names`` and the given-name dictionary."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "names"


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A list file as a set of lower-case entries (comments and blanks skipped)."""
    out = set()
    with open(DATA / f"{name}.txt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line.lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as gd
    except ImportError:       # the dictionary is a dependency; without it, no given names
        return None
    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str | None:
    """"male"/"female"/"andy" if ``word`` is a known given name, else None."""
    det = _detector()
    if det is None or not word or not word[0].isupper() or len(word) < 2:
        return None
    g = det.get_gender(word)
    if g == "unknown":
        return None
    return {"mostly_male": "male", "mostly_female": "female"}.get(g, g)


def is_given_name(word: str) -> bool:
    return given_name_gender(word) is not None


def has_surname_ending(word: str) -> bool:
    low = word.lower()
    return len(low) >= 5 and any(low.endswith(e) for e in words("surname_endings"))
