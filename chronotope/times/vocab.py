"""The tagger's vocabularies, loaded once from chronotope/data/times/vocabulary.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "times" / "vocabulary.json"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    with open(DATA, encoding="utf-8") as f:
        return json.load(f)


def alternation(words) -> str:
    """A regex alternation of words, longest first, with flexible inner whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    return f"(?:{alt})"
