"""Who is aboard or in the party a movement tells, when the words alone do not say: the vessel
the one we follow is on when someone boards at a port, whoever's boat "the boat" that called
somewhere was, and the party "they" stands for when it sets out from where that party is.

Split from :mod:`.journeys` (which chains the legs); these read its tracks (one per
traveller: ``leg``, ``legs``, ``loc``) but never change them.
"""
from __future__ import annotations

from .resolve import paragraph_at


def aboard_vessel(tracks, focus) -> str | None:
    """Who is aboard the ship or boat that calls somewhere: the one we follow if their current or
    last leg is by water, else whoever's leg by water was told last ("she came up on a cargo boat.
    The boat called at ...", though the narrator is the one the text follows)."""
    def water_leg(t):
        leg = t.leg if t.leg is not None and (t.leg["to"] or t.leg["modes"]) else (t.legs[-1] if t.legs else None)
        return leg if leg is not None and {"ship", "boat"} & set(leg["modes"]) else None
    if focus in tracks and water_leg(tracks[focus]) is not None:
        return focus
    told = [(water_leg(t)["frames"][-1]["nstart"], k) for k, t in tracks.items() if water_leg(t) is not None]
    return max(told)[1] if told else None


def party_from_where_it_is(doc, f, focus, tracks, frm) -> str | None:
    """"From Coimbra they went on to Porto" while the one we follow is at Coimbra: "they" is
    that party, whatever plural noun the sentences before happened to end on."""
    t = tracks.get(focus)
    if t is None or not frm or f.get("planned") or not any(
            r.get("text", "").lower() == "they" for r in f.get("travellers") or []):
        return None
    here = t.here
    return focus if here == frm[0] else None


def party_at_origin(f, k, tracks, frm) -> str:
    """"The transport Danaé sailed from Brest", "the convoy left Toulon" in a text with no teller:
    a vessel or group that goes with whoever the text follows only by default carries, when that
    one is elsewhere, the traveller the text last left at the place it sets out from."""
    roles = f.get("travellers") or []
    t = tracks.get(k)
    if not frm or t is None or t.here in (None, frm[0]) or not roles \
            or any(r.get("kind") != "focus" or r.get("pronoun") for r in roles):
        return k
    there = [(o.last_told, key) for key, o in tracks.items() if key != k and o.here == frm[0]]
    return max(there)[1] if there else k


def names_group(f, v) -> bool:
    """Is the traveller a group named by a collective noun ("the school", "the whole column",
    "the juniors"), not a pronoun, a person or a vehicle?"""
    roles = f.get("travellers") or []
    groups = set(v["group_nouns"]) - set(v["vehicles"])
    return bool(roles) and all(r.get("kind") == "focus" and not r.get("pronoun") and r.get("lemma") in groups
                               for r in roles)


def aboard_with(doc, t, pid: str, f, frames) -> str | None:
    """The vessel ("ship" or "boat") this traveller is aboard when someone boards at a port: the
    vehicle of the leg under way, else one named in the same paragraph while the traveller was
    last somewhere else ("For four days the sea was like mountains ... on the ship")."""
    leg = t.leg
    if leg is not None:
        if leg["to"] is None and leg["from"] != pid:
            return next((m for m in leg["modes"] if m in ("ship", "boat")), None)
        return None
    if t.loc is None or t.loc == pid:
        return None
    para = paragraph_at(doc, f["nstart"])
    for g in frames:
        if g["type"] == "mode" and g.get("mode") in ("ship", "boat") and not g.get("planned") \
                and para is not None and para.nstart <= g["nstart"] < para.nend:
            return g["mode"]
    return None
