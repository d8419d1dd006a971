"""Where a passage is set: the town of its scene, for names no gazetteer knows.

"anchored in Keppel Harbour", "lodged at Kwihara": an unknown name met where the story is in a
town is most likely a quarter, street or site of it.  The places stage asks these rules after
recognition and resolution; they read the document's place mentions so far.
"""
from __future__ import annotations

from ..document import Document
from .recognize import COMPASS
from .resolve import Name, km

# settlements that hold quarters, streets and sites of their own
HOST_FEATURES = frozenset({"city", "town", "village"})


def setting_cue(cue) -> bool:
    """The town is where the scene is ("In Moscow we were marched...", "at Kiel"), not
    just named in passing ("a letter from Moscow")."""
    return bool(cue) and cue.split()[0].lower() in ("in", "at", "inside", "within", "heading")


DATELINE_WORDS = 8         # a paragraph this short before the passage is its dateline or heading
SCENE_NEAR_KM = 500.0      # the scene town lies this near another town of the passage
AWAY_CUES = frozenset({"to", "towards", "toward", "for", "from", "via", "by", "beyond"})
LARGE_FEATURES = frozenset({"river", "lake", "water", "mountain", "pass", "region", "country", "cape"})


def local_unknown(c, known: bool, cues) -> bool:
    """An unknown name that may lie in the town of the scene: not a river or range by its
    head word ("the Rejang River"), a mountain, a region by its compass word ("Eastern
    Ghouta"), an institution ("Cornell University") or an abbreviation, nor a name travelled
    to or from ("across the mountains to Turon"), which lies elsewhere."""
    words = c.key.split()
    if known or not words or c.feature in LARGE_FEATURES or cues.feature_after.get(words[-1]) in LARGE_FEATURES:
        return False
    if words[0] in cues.geo_leads or words[0] in COMPASS or words[-1] in cues.institution_heads or "." in c.text:
        return False
    cue = (c.cue or "").split()
    return not (cue and cue[0].lower() in AWAY_CUES)


def scene_town(doc: Document, c, hosts: dict) -> Name | None:
    """The town the story is in where ``c`` is named: the last settlement named before it in
    its paragraph or in the dateline heading it, as the scene (the dateline's town, one the
    passage is "in" or "at", or the one it opens with), and not apart from the towns named
    there when they lie together: a person or a quarter taken for a far namesake ("Stanley",
    "Chinatown" in the United States) is no scene of a passage about Tabora or Singapore."""
    para = doc.paragraph_index(c.nstart)
    if para >= len(doc.paragraphs):
        return None
    lo = here = doc.paragraphs[para].nstart
    prev = doc.paragraphs[para - 1] if para > 0 else None
    if prev is not None and len(doc.norm[prev.nstart:prev.nend].split()) <= DATELINE_WORDS:
        lo = prev.nstart          # "Singapore, 30th June 1889." heading the letter
    seen, towns = [], []
    for m in doc.mentions_of("place", nstart=lo, nend=c.nstart):
        if m.nstart >= c.nstart:
            continue
        ent = doc.entities.get(m.entity or "")
        if ent is None or not ent.geo or "lat" not in ent.geo:
            continue
        if ent.geo.get("feature") in HOST_FEATURES:
            seen.append((m.entity, ent.geo["lat"], ent.geo["lon"]))
        n = hosts.get(ent.geo.get("gazetteer_id"))
        if n is not None and n.best.feature in HOST_FEATURES and (
                m.nstart < here or setting_cue(m.attrs.get("cue")) or not doc.norm[here:m.nstart].strip()):
            towns.append((m.nstart, m.entity, n))
    for _, eid, n in sorted(towns, key=lambda t: -t[0]):
        b = n.best
        others = list({e: (la, lo_) for e, la, lo_ in seen if e != eid}.values())
        if any(km(b.lat, b.lon, la, lo_) <= SCENE_NEAR_KM for la, lo_ in others):
            return n
        if not any(km(p[0], p[1], q[0], q[1]) <= SCENE_NEAR_KM for k, p in enumerate(others) for q in others[k + 1:]):
            return n          # the passage names no group of places it stands apart from
    return None
