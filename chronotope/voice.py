"""Who tells a document: a memoir, diary or letters say "I"; a biography or history says "he"
and "she", and an "I" in it is the writer stepping in ("when I visited the archive in 2011").

One fact about the whole document, counted once and kept on it, because three stages ask
it: the times stage (is a far-off date beside "I" the writer's own time?), the people stage
(who is "I"?) and the events stage (whose journey is "we went on to Kazan"?).  Before this
module each counted for itself, with three slightly different rules.  Plain pronoun counts
over the normalised text; no library classifies narrative voice.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .document import Document

STATE = "voice"
# "I" (or "me", "my"...) at least this often per thousand words: the text speaks as "I"
FIRST_PERSON_PER_THOUSAND = 8


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    with resources.files("chronotope").joinpath("data/voice/pronouns.json").open(encoding="utf-8") as f:
        words = json.load(f)

    def pattern(ws: list[str]) -> re.Pattern:
        alts = "|".join(w if w == "I" else f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
                        for w in sorted(ws, key=len, reverse=True))
        return re.compile(rf"\b(?:{alts})\b")
    return {k: pattern(v) for k, v in words.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Voice:
    """Pronoun counts over a whole document and what they say about its teller."""
    words: int
    first_singular: int     # I, me, my, myself
    first_plural: int       # we, us, our, ourselves
    third_singular: int     # he, him, his, she, her...

    @property
    def says_i(self) -> bool:
        """The text speaks as "I" often enough to have a narrator at all."""
        return self.first_singular * 1000 / max(1, self.words) >= FIRST_PERSON_PER_THOUSAND

    @property
    def first_person(self) -> bool:
        """Told in the first person (memoir, diary, letters, testimony).  A biography quoting
        its subject's letters says "I" often too, but "he" or "she" more often."""
        return self.says_i and self.first_singular >= self.third_singular

    @property
    def third_person(self) -> bool:
        """Told in the third person: "he" and "she" outnumber "I" and "we" together."""
        return not self.first_person and self.third_singular > self.first_singular + self.first_plural


def voice(doc: Document) -> Voice:
    """The document's voice, counted on first asking and kept in ``doc.state``."""
    v = doc.state.get(STATE)
    if v is None:
        p = _patterns()
        text = doc.norm
        v = Voice(words=len(text.split()),
                  first_singular=sum(1 for _ in p["first_singular"].finditer(text)),
                  first_plural=sum(1 for _ in p["first_plural"].finditer(text)),
                  third_singular=sum(1 for _ in p["third_singular"].finditer(text)))
        doc.state[STATE] = v
    return v
