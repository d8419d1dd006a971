"""People stage: mentions of people and organizations, clustered into entities.

Each section's candidates come from the language model's entities and from
rules written for historical narratives (``chronotope.names.collect``). Text
claimed by resolved places (the places stage runs before) and the notes
section (``doc.state["skip_spans"]``) is left alone, except for the authors
the notes stage found (``doc.state["note_authors"]``). In ``finish``, with the
whole document known, unlikely readings are dropped and surnames propagated
(``names.shapes``, ``names.filters``, ``names.propagate``), the mentions are clustered into
``person:<slug>`` and ``organization:<slug>`` entities (``names.entities``),
and in first-person documents the narrator is recorded as
``doc.meta["narrator"]`` (``names.narrator``).
"""
from __future__ import annotations

from ..document import Document
from ..names.collect import collect, note_author_candidates
from ..names.entities import build_entities
from ..names.filters import (drop_lone_guesses, drop_places, drop_titled_org_words, drop_unlikely,
                             resolve_overlaps)
from ..names.narrator import find_narrator
from ..names.shapes import drop_bad_shapes
from ..names.propagate import find_in_capitals, find_signatures, join_inverted_names, propagate_surnames
from ..pipeline import BaseStage


def make(options=None) -> "PeopleStage":
    return PeopleStage()


class PeopleStage(BaseStage):
    name = "people"

    def begin(self, doc: Document) -> None:
        doc.state["people_candidates"] = []

    def process(self, doc: Document, section) -> None:
        try:
            doc.state.setdefault("people_candidates", []).extend(collect(doc, section))
        except Exception as e:  # one odd section must not stop the run
            doc.meta.setdefault("warnings", []).append(f"people: {type(e).__name__}: {e}")

    def finish(self, doc: Document) -> None:
        try:
            cands = doc.state.get("people_candidates", []) + note_author_candidates(doc)
            cands = drop_lone_guesses(drop_unlikely(doc, drop_bad_shapes(doc, cands)))   # before propagation: bad surnames do not spread
            cands = drop_titled_org_words(doc, cands)
            cands = find_signatures(doc, find_in_capitals(doc, join_inverted_names(doc, cands)))
            cands = drop_places(doc, drop_unlikely(doc, drop_bad_shapes(doc, propagate_surnames(doc, cands))))
            build_entities(doc, resolve_overlaps(cands))
            narrator = find_narrator(doc)
            if narrator:
                doc.meta["narrator"] = narrator
        except Exception as e:
            doc.meta.setdefault("warnings", []).append(f"people: {type(e).__name__}: {e}")
