"""Accepting a doubtful name because it lies among the story's other places.

The small spaCy model tags many towns as persons ("up to Launceston", "by
Libau"), and a sentence-initial name it takes for a common word ("Reval at
last") loses a point; such a name can fall just short of acceptance though
nothing else speaks against it.  The text's own geography is then evidence:
a town the gazetteer knows by this very name, near the places already
resolved in the same passage, is most likely the place meant ("Launceston"
in a paragraph about Hobart; "Morpeth and Maitland" on the Hunter).  A
person's name that happens to be a town near the story is the risk, so a
cue at the occurrence is needed too, and any sign of a person other than
the tagger's label keeps the name out.
"""
from __future__ import annotations

from .recognize import ACCEPT, Candidate, Evidence
from .resolve import LARGE_FEATURES, Name, coarse, km

NEAR_KM = 150.0          # near enough to the passage's places to count as the same scene
PASSAGE = 1              # paragraphs either side
ANCHOR_CONFIDENCE = 0.6  # only places resolved with some confidence fix the scene (not one Overton of four)


def _label_penalty(c: Candidate) -> float:
    """How much the tagger's label took from the score (0 when it added)."""
    for r in c.reasons:
        if r.startswith("label "):
            try:
                return max(0.0, -float(r.rsplit(" ", 1)[1]))
            except ValueError:
                return 0.0
    return 0.0


def near_the_story(cands: list[Candidate], names: dict[str, Name], ev: Evidence,
                   paragraph_of) -> list[Candidate]:
    """Rejected candidates to accept because they lie near the passage's resolved places.

    ``paragraph_of(offset)`` gives a paragraph index; ``names`` holds the resolved names
    (their ``passages`` are paragraph indexes).  Returns the candidates now accepted."""
    eligible = []
    for c in cands:
        if c.accepted or not c.places or c.variant_only or c.facility or c.key in names:
            continue
        if c.person or ev.person_kinds_elsewhere(c.key, c.nstart) - {"label"}:
            continue
        if not (c.place_cue or any(r.startswith("the X") for r in c.reasons)):
            continue
        if c.score + _label_penalty(c) <= ACCEPT:
            continue
        eligible.append((c, paragraph_of(c.nstart)))
    if not eligible:
        return []
    # only the paragraphs around the candidates: the names of a long text have passages everywhere
    wanted = {q for _, para in eligible for q in range(para - PASSAGE, para + PASSAGE + 1)}
    anchors = [(p, n.best) for n in names.values() if n.best is not None and not n.out_of_place
               and n.best.feature not in LARGE_FEATURES and coarse(n.best.feature) != "region"
               and (n.confidence if n.probs else 1.0) >= ANCHOR_CONFIDENCE
               for p in n.passages if p in wanted]
    if not anchors:
        return []
    out = []
    for c, para in eligible:
        own = [p for p in c.places if p.match in ("exact", "historical")
               and p.feature not in LARGE_FEATURES]
        near = [b for q, b in anchors if abs(q - para) <= PASSAGE]
        dist = {id(p): min((km(p.lat, p.lon, b.lat, b.lon) for b in near), default=float("inf")) for p in own}
        close = sorted((p for p in own if dist[id(p)] <= NEAR_KM), key=lambda p: dist[id(p)])
        if close:
            # accepted for being near: the namesake nearest the passage is the one meant
            # ("moved to Thornhill" after Dewsbury: the Thornhill by Dewsbury, not the larger one)
            c.places = close[:1]
            c.accepted = True
            c.reasons.append("near the passage's places")
            out.append(c)
    return out
