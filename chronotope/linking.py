"""Linking: the last stage, over a whole corpus rather than one document.

Documents are processed independently (in parallel processes); what ties
them together happens here: entities with the same id are merged, people and
organizations named differently in different documents are merged, notes
that cite another document of the run point to it, and journeys of the same
traveller told in several documents are chained.  Each of those rules lives
with the stage that knows the kind of thing; this module only runs them in
order over the corpus.
"""
from __future__ import annotations

from .document import Corpus, Entity


def merge_entities(corpus: Corpus) -> None:
    """Collect the documents' entities into one table; same id means same thing."""
    merged: dict[str, Entity] = {}
    for doc in corpus.documents:
        for eid, e in doc.entities.items():
            have = merged.get(eid)
            if have is None:
                merged[eid] = Entity(id=e.id, kind=e.kind, name=e.name, aliases=list(e.aliases),
                                     geo=e.geo, confidence=e.confidence, attrs=dict(e.attrs))
                continue
            for a in [e.name] + list(e.aliases):
                if a != have.name and a not in have.aliases:
                    have.aliases.append(a)
            if have.geo is None and e.geo is not None:
                have.geo = e.geo
            have.confidence = max(have.confidence, e.confidence)
    # entities loaded from storage (already merged) are kept
    for eid, e in corpus.entities.items():
        merged.setdefault(eid, e)
    corpus.entities = merged


def link(corpus: Corpus) -> Corpus:
    """Run every cross-document rule, in order."""
    from .names import merge_across
    from .notes import link_citations
    from .events import chain_across

    merge_entities(corpus)
    merge_across(corpus)
    link_citations(corpus)
    corpus.journeys = chain_across(corpus)
    return corpus
