"""Chain travel frames into legs and journeys, per traveller, in narrative order.

Hand-written because no library models narrative movement: the leg logic is
a small state machine per traveller (who travels is decided in :mod:`.travellers`,
who tells the text in :mod:`.tellers`).  A leg opens where the traveller is (the
last place the narrative put them: an origin, the previous destination, or
before any travel the last place they were said to be "at" or "in"; for anyone
but the one the text follows, only a place said of them, or for a relative where
that one is, else no origin); a destination sets where it ends; a new place, or a vehicle named in a later
paragraph once the destination is known, closes it; an arrival ("arrived in",
"found ourselves in") closes it at once.  Places that are only crossed or
entered on the way ("to Yekaterinburg and on to Tyumen") are kept as ``via``
unless nothing follows them.  Planned
or refused routes and movements told in the pluperfect (background) never
move a traveller.

Which places a frame names is read in :mod:`.journey_places`, an open vehicle settled in
:mod:`.journey_modes`, and the legs written to the document by :mod:`.journey_output`; legs told
out of order are sorted out in :mod:`.journey_order`, and who is aboard in :mod:`.journey_party`.
"""
from __future__ import annotations

import os

from ..document import Document, Journey, Leg
from . import vocab
from .journey_modes import resolve_mode, same_vehicle_onward
from .journey_order import arrival_told_first, dated_after, far_apart, new_stretch
from .journey_party import aboard_vessel, aboard_with, names_group, party_at_origin, party_from_where_it_is
from .journey_output import chain_across  # noqa: F401  (re-exported: chronotope.events.chain_across)
from .journey_output import emit_leg, planned_event, planned_leg, plans_kept
from .journey_places import first_places, last_stop, passed_on_the_way, route_stages, split_stops
from .resolve import date_for, dates_in, durations_in, paragraph_at, quantities_in
from .tellers import first_person, letter_writer_at
from .travellers import NARRATOR, WRITER, kin_of, teller_key, traveller_key, travellers_of

PART = "|part"      # the key of a part of a divided group: "np:boy|part2"
# set to print each travel frame and how it was read, for working on the rules
_DEBUG = bool(os.environ.get("CHRONOTOPE_DEBUG_JOURNEYS"))


class Track:
    """One traveller's progress through the narrative."""

    def __init__(self, key):
        self.key = key
        self.loc: str | None = None
        self.leg: dict | None = None
        self.legs: list[dict] = []
        self.last_date: str | None = None
        self.summary: dict = {}
        self.texts: list[str] = []
        self.memories: list[dict] = []     # legs told in the pluperfect: made, but not where the story stands

    @property
    def here(self) -> str | None:
        """Where the traveller is now: the open leg's destination, else its origin, else the last place."""
        return (self.leg["to"] or self.leg["from"]) if self.leg is not None else self.loc

    @property
    def last_told(self) -> int:
        """Where in the text the traveller last moved: the last frame of the open leg, else of
        the last leg made; -1 before any."""
        leg = self.leg if self.leg is not None else (self.legs[-1] if self.legs else None)
        return leg["frames"][-1]["nstart"] if leg is not None else -1

    def open(self, frm, para, frame, date=None):
        self.leg = {"from": frm, "to": None, "modes": [], "via": [], "para": para, "to_para": None,
                    "depart": date, "arrive": None, "frames": [frame], "distance_km": None,
                    "duration": None, "dest_frame": None}
        return self.leg

    def close(self):
        leg, self.leg = self.leg, None
        if leg is None:
            return
        if leg["to"] is None and leg["via"]:
            leg["to"] = leg["via"].pop()
        if leg["to"] and leg["to"] != leg["from"]:
            self.legs.append(leg)
            self.loc = leg["to"]


def build(doc: Document, frames: list[dict]) -> list[Journey]:
    v = vocab.travel()
    summary_cues = [c.lower() for c in v["summary_cues"]]
    tracks: dict[str, Track] = {}
    focus: str | None = None
    group_focus: str | None = None      # the group the text followed last, in a text with no teller
    locatives: list[tuple[int, str, str | None]] = []     # (position, place, whose)
    leader: list[str | None] = [None]      # whom the text followed before the current movement
    by_sentence: dict[int, list[dict]] = {}
    for f in frames:
        by_sentence.setdefault(f["nstart"], []).append(f)

    def track(k):
        if k not in tracks:
            tracks[k] = Track(k)
        return tracks[k]

    def para_of(f):
        p = paragraph_at(doc, f["nstart"])
        return p.nstart if p else f["nstart"]

    def start_loc(t, f):
        """Where a traveller's first leg starts.  The one we follow: the last place the text put
        anyone not named as someone else.  Anyone else: a place said of them ("his wife remained
        at Leith"); else, for a relative of the one we follow ("Holm's wife ... left for
        Livorno"), where that one is; else nowhere (a leg with only a destination), never
        whatever place the text happened to name last."""
        if t.loc:
            return t.loc
        before = f["nstart"]
        if t.key == NARRATOR:
            return last_stop(doc, [pid for pos, pid, who in locatives if pos < before and who in (None, NARRATOR)], v)
        cands = [pid for pos, pid, who in locatives if pos < before and who == t.key]
        if cands:
            return last_stop(doc, cands, v)
        if f.get("sender"):     # "Pringle sent his clerk to Madrid": from where the sender is
            t0 = tracks.get(traveller_key(doc, dict(f, travellers=f["sender"]), focus, v))
            if t0 is not None and t0 is not t:
                return t0.here
        lead = kin_of(doc, f, v, (leader[0] if focus == t.key else focus) or NARRATOR)
        if lead is not None and lead != t.key and (lead in tracks or lead == NARRATOR):
            t0 = tracks.get(lead)
            here = None if t0 is None else t0.here
            if here is None:    # where the one we follow was last said to be, by name or pronoun
                cands = [pid for pos, pid, who in locatives if pos < before and who == lead]
                here = cands[-1] if cands else None
            return here
        return None

    def frame_modes(t, f):
        """The vehicles named in a movement's own clause go to the legs that movement made."""
        modes = [m[1] for m in f.get("modes", [])]
        if not modes:
            return
        if f.get("local") or (f["from"] and f["to"] and not (first_places(doc, f["from"]) or first_places(doc, f["to"])
                                                          or first_places(doc, f["via"]))):
            return          # "marched from the dock to the station": a move within a town
        legs = [l for l in t.legs[-4:] if f in l["frames"] and not l.get("implied")    # "at A, next seen leaving B"
                and l.get("arrival_only") is not f]
        if t.leg is not None and f in t.leg["frames"]:
            legs.append(t.leg)
        if not legs:
            for m in modes:
                mode_add(t, m, f)
            return
        weak = {m[1] for m in f.get("modes", [])
                if m[0] == f["trigger"][0] and f["lemma"] in v.get("weak_verb_modes", [])}
        for leg in legs:
            if leg.pop("inherited", False):
                leg["modes"] = []   # the previous leg's vehicle was a guess: this one is named
            for m in modes:
                if m in weak and leg["modes"]:
                    continue        # "left in a sledge and drove south": the sledge was driven
                m = resolve_mode(doc, t, m, f, by_sentence)
                if m and m not in leg["modes"]:
                    leg["modes"].append(m)

    def mode_add(t, mode, f, onward=False):
        mode = resolve_mode(doc, t, mode, f, by_sentence)
        if not mode:
            return
        para = para_of(f)
        last_dest = t.legs[-1].get("dest_frame") if t.legs else None
        if t.leg is None and last_dest is not None and last_dest["nstart"] == f["nstart"] \
                and last_dest["type"] == "travel" and last_dest["trigger"][0] < f["trigger"][0]:
            last = t.legs[-1]       # "reached Berezov by sleigh": the vehicle of the leg just ended
            if mode not in last["modes"]:
                last["modes"].append(mode)
            return
        if t.leg is None and t.legs and t.legs[-1].get("heading_para") == para:
            last = t.legs[-1]       # "Eydtkuhnen. The diligence took fourteen hours": how they came
            if mode not in last["modes"]:
                last["modes"].append(mode)
            if f not in last["frames"]:
                last["frames"].append(f)
            return
        # "At Galesburg Nils met us with a wagon, and we drove on to Andover": the vehicle of the
        # stage this sentence goes on to tell, not of the one that ended before it
        told = t.leg.get("dest_frame") if t.leg is not None else None
        boarded_after = bool(f.get("boarding")) and told is not None and told["trigger"][0] < f["trigger"][0]
        goes_on = any(g["type"] == "travel" and not g.get("planned") and g["to"] and g["trigger"][0] > f["trigger"][0]
                      for g in by_sentence.get(f["nstart"], []))
        onward = t.leg is not None and t.leg["to"] and ((told or {}).get("nstart") != f["nstart"] or boarded_after) \
            and (onward or boarded_after or goes_on)
        if t.leg is None:
            t.open(start_loc(t, f), para, f, _date(f))
        elif t.leg["to"] and (t.leg["to_para"] != para or onward):
            prev = t.leg
            t.close()
            t.open(prev["to"], para, f, _date(f))
        if t.leg.pop("inherited", False) and f["nstart"] != (t.leg.get("dest_frame") or {}).get("nstart"):
            t.leg["modes"] = []     # the previous leg's vehicle was a guess: this one is named
        if mode not in t.leg["modes"]:
            t.leg["modes"].append(mode)
        if f not in t.leg["frames"]:
            t.leg["frames"].append(f)
        if t.leg.get("chain") == f["nstart"]:
            for prev in reversed(t.legs):
                if prev.get("chain") != f["nstart"]:
                    break
                if mode not in prev["modes"]:
                    prev["modes"].append(mode)

    def dest(t, pid, f, arrive=False):
        para = para_of(f)
        if t.leg is None:
            t.open(start_loc(t, f), para, f, _date(f))
        if t.leg["from"] == pid and t.leg["to"] is None:
            return
        if t.leg["to"] and t.leg["to"] != pid:
            prev = t.leg
            t.close()
            t.open(prev["to"], para, f, _date(f))
            t.leg["modes"] = prev["modes"][-1:]     # "by sleigh to Perm, and thence to Tyumen"
            t.leg["inherited"] = bool(t.leg["modes"])   # until a vehicle of its own is named
            if prev.get("dest_frame") is f:     # "by sleigh to Perm, and thence to Tyumen": one sentence
                prev["chain"] = t.leg["chain"] = f["nstart"]
        t.leg["to"] = pid
        t.leg["to_para"] = para
        t.leg["dest_frame"] = f
        d = date_for(doc, f["nstart"], f["nend"], f["trigger"][0], inherit=arrive)
        if d:
            t.leg["arrive"] = d.get("value")
        if f not in t.leg["frames"]:
            t.leg["frames"].append(f)
        if arrive:
            t.close()

    def origin(t, pid, f):
        para = para_of(f)
        here = (t.leg["to"] if t.leg is not None and t.leg["to"] else None) or t.loc
        told_legs = t.legs[-4:] + ([t.leg] if t.leg is not None and t.leg["to"] else [])
        told = [l["from"] for l in told_legs]
        if pid != here and pid in told and not dated_after(doc, f, told_legs[told.index(pid):]):
            return              # "He left Trieste on 18 December": a retelling of a leg already told
        if t.leg is not None and t.leg["to"] is None:
            if t.leg["from"] is not None and t.leg["from"] != pid:
                t.leg["to"] = pid       # left A, now setting out from B: A -> B was travelled
                t.leg["implied"] = True
                t.close()
                t.open(pid, para, f, _date(f))
                return
            t.leg["from"] = pid
            return
        if t.leg is not None:
            t.close()
        if t.loc is not None and t.loc != pid:
            t.open(t.loc, para, f, None)    # at A, next seen setting out from B
            t.leg["to"] = pid
            t.leg["implied"] = True
            t.close()
        t.loc = pid
        t.open(pid, para, f, _date(f))

    def part_of_group(k, f, frm, to):
        """The party a movement belongs to when a group divided.  "The seniors moved from Bristol to
        Leicester. ... they (the juniors) went from Bristol to Gloucester": setting out, undated,
        from a place the traveller already left, for somewhere else, is a part of the group that
        stayed behind (its own track, from that place), not a retelling; a later movement from
        where that part is belongs to it ("the juniors moved from Gloucester to Leicester")."""
        if not frm or k not in tracks or first_person(doc) or f.get("vehicle_origin"):
            return k
        parts = [p for p in tracks if p == k or p.startswith(k + PART)]
        t = tracks[k]
        if t.here in (None, frm[0]):
            return k
        at = [p for p in parts if tracks[p].here == frm[0]]
        if at:
            return at[-1]
        told = t.legs[-4:] + ([t.leg] if t.leg is not None and t.leg["to"] else [])
        left = [i for i, l in enumerate(told) if l["from"] == frm[0]]
        if not left or not to or any(l["to"] in to for l in told[left[-1]:]) \
                or dated_after(doc, f, told[left[-1]:]):
            return k
        part = track(f"{k}{PART}{len(parts) + 1}")
        part.loc = frm[0]
        return part.key

    def remember(t, f):
        """Legs a pluperfect movement tells with both its ends ("He had reached Cádiz from
        Gibraltar", "I had flown there from Calcutta, and to Calcutta from Karachi"): each
        stretch set off by a comma or "and" pairs its own origin and destination."""
        ends = sorted([(sp, "from") for sp in f["from"]] + [(sp, "to") for sp in f["to"]])
        stretches, cur, last_end = [], {}, None
        for sp, end in ends:
            places = first_places(doc, [sp])
            if not places:
                continue        # "reached as a passenger on a storeship out of Portsmouth": no end
            s0, e0 = sp[0], sp[1]
            gap = doc.norm[last_end:s0].lower() if last_end is not None else ""
            if end in cur or new_stretch(gap):
                stretches.append(cur)
                cur = {}
            cur[end] = places[0]
            last_end = e0
        stretches.append(cur)
        if f.get("there") and "to" not in stretches[0]:
            # "I had been in Bangkok two nights. I had flown there from Calcutta": where they were last put
            here = [pid for pos, pid, who in locatives if pos < f["nstart"] and who == t.key]
            if here:
                stretches[0]["to"] = here[-1]
        modes = []
        for _pos, m in f.get("modes", []):
            m = resolve_mode(doc, t, m, f, by_sentence)
            if m and m not in modes:
                modes.append(m)
        stated = dates_in(doc, f["nstart"], f["nend"])     # a memory takes no date from the story's present
        for st in stretches:
            if "from" not in st or "to" not in st or st["from"] == st["to"] \
                    or not split_stops(doc, [st["to"]], v)[0]:
                continue
            if any(l["from"] == st["from"] and l["to"] == st["to"] for l in t.memories + t.legs):
                continue        # told again in the pluperfect
            leg = {"from": st["from"], "to": st["to"], "modes": list(modes), "via": [], "para": para_of(f),
                   "to_para": para_of(f), "depart": None, "arrive": stated[0].value if stated else None,
                   "frames": [f], "distance_km": None,
                   "duration": None, "dest_frame": f}
            t.memories.append(leg)

    def _date(f):
        d = date_for(doc, f["nstart"], f["nend"], f["trigger"][0])
        return d.get("value") if d else None

    def measures(t, f):
        s, e = f["nstart"], f["nend"]
        low = doc.norm[s:e].lower()
        kms = [q for q in quantities_in(doc, s, e, "km") if q.quantity["value"] >= 1]
        durs = durations_in(doc, s, e) if (kms or f.get("lemma") in ("advance", "travel", "journey")) else []
        if any(c in low for c in summary_cues):
            if kms:
                t.summary["distance_km"] = kms[0].quantity["value"]
            if durs:
                t.summary["duration"] = durs[0]
            return
        if t.leg is None:
            return
        if kms and t.leg["distance_km"] is None:
            t.leg["distance_km"] = kms[0].quantity["value"]
        if durs and t.leg["duration"] is None:
            t.leg["duration"] = durs[0]

    def arrive_by_heading(k, pid, f, para):
        """A letter or diary entry headed "Halifax, 6 April": the writer has come to Halifax."""
        t = track(k)
        if t.loc is None and t.leg is None and not t.legs:
            t.loc = pid
            locatives.append((f["nstart"], pid, k))
            return
        if t.leg is not None and t.leg["to"] is None and t.leg["from"] == pid:
            return
        cur = t.leg["to"] if t.leg is not None and t.leg["to"] else t.loc
        if cur == pid and (t.leg is None or t.leg["to"] == pid):
            if t.leg is not None:
                t.leg["heading_para"] = para
                t.close()
            return
        dest(t, pid, f, arrive=True)
        if t.legs:
            t.legs[-1]["heading_para"] = para

    def told_before_heading(f):
        """Does this frame, in the body under a heading, tell the road that led there?  The body
        of a letter tells in the past how the writer came ("We came through Warsaw by train"),
        then in the present what comes next; anything else means the writer has arrived."""
        if f["type"] == "locative":
            return True
        if f["type"] == "mode":
            return any(g["type"] == "travel" and g.get("past") and not g.get("planned")
                       for g in by_sentence.get(f["nstart"], []))
        if f["type"] != "travel":
            return False
        if f.get("background") or traveller_key(doc, f, focus, v) != heading[0]:
            return True     # "he stopped at every shrine", "to cross himself": not the writer's arrival
        return not f.get("planned") and bool(f.get("past"))

    done_measures: set[tuple[str, int]] = set()
    planned: dict[str, list[Leg]] = {}
    heading = None          # (traveller, place, frame, paragraph) of a heading not yet applied
    vessels: dict[str, str] = {}     # names of vessels told so far ("the ship Estonia") and their mode
    for f in frames:
        typ = f["type"]
        if typ == "vessel":
            vessels[f["name"]] = f["mode"]
            continue
        if typ == "travel" and any(n in vessels for n in f.get("vehicle_names", [])):
            f = dict(f, modes=f["modes"] + [(f["trigger"][0] + 1, vessels[n])     # "back to Danzig with the Estonia"
                                            for n in f["vehicle_names"] if n in vessels])
        if heading is not None and typ != "heading" and not told_before_heading(f):
            arrive_by_heading(*heading)
            heading = None
        if typ == "locative":
            pl = first_places(doc, f["at"])
            if not pl:
                continue
            k = traveller_key(doc, f, focus, v) if f.get("travellers") else None
            if k is None and any(r.get("kind") == "own" or (r.get("kind") is None and not r.get("person"))
                                 for r in f.get("travellers") or []):
                k = "?"         # someone the text does not let us follow: not where the teller is
            t = tracks.get(k) if k is not None else None
            stops, _ = split_stops(doc, pl, v)
            if t is not None and k == focus and stops and f.get("fronted") and not f.get("background") \
                    and (t.leg is not None or t.legs):
                # "At Berezov, on 12 February, Trotsky wrote ...": the one we follow is now there
                here = t.here
                if stops[0] != here:
                    dest(t, stops[0], f, arrive=True)
                continue
            if _DEBUG:
                print("LOCATIVE", k, pl, repr(doc.norm[f["trigger"][0]:f["trigger"][0] + 50]))
            locatives.append((f["nstart"], pl[0], k))
            continue
        if f.get("background") and typ != "travel":
            continue
        if typ == "heading":
            pl = first_places(doc, f["at"])
            para = paragraph_at(doc, f["nstart"])
            if not pl or para is None or doc.norm[para.nstart:f["nstart"]].strip():
                continue        # a heading opens its paragraph
            # a dated heading in a diary is where its writer is, whoever the last entry followed
            k = teller_key(doc, f["nstart"]) if letter_writer_at(doc, f["nstart"]) or first_person(doc) \
                else (focus or NARRATOR)
            if _DEBUG:
                print("HEADING", k, pl, repr(doc.norm[f["nstart"]:f["nstart"] + 40]))
            track(k)
            focus = k
            if heading is not None:
                arrive_by_heading(*heading)
            heading = (k, pl[0], f, para.nstart)     # applied once the body has told the way there
            continue
        if typ == "travel":
            k = traveller_key(doc, f, focus, v)
            if k is None:
                k = party_from_where_it_is(doc, f, focus, tracks, first_places(doc, f["from"]))
            if f.get("vessel_call"):
                k = aboard_vessel(tracks, focus) or k
            elif k is not None and k == (focus or NARRATOR) and not first_person(doc):
                if group_focus is not None and names_group(f, v):
                    k = group_focus     # "a special train took the whole school": the group, not the
                                        # master who followed on alone
                k = party_at_origin(f, k, tracks, first_places(doc, f["from"]))
            if k is None:
                if _DEBUG:
                    print("NO TRAVELLER", f["kind"], [r.get("text") for r in f.get("travellers") or []],
                          repr(doc.norm[f["trigger"][0]:f["trigger"][0] + 50]))
                continue
            frm = first_places(doc, f["from"])
            to = first_places(doc, f["to"], exclude=frm)
            via = first_places(doc, f["via"], exclude=frm + to)
            at = first_places(doc, f["at"], exclude=frm + to)
            if f["kind"] == "stop" and at and not to:
                to = at         # "we sail tomorrow and call at Copenhagen"
            t0 = tracks.get(k)
            if f.get("vessel_call") and t0 is not None and t0.leg is not None and t0.leg["to"] \
                    and t0.leg["dest_frame"]["nstart"] < f["nstart"]:
                # "she came up to Saigon on a cargo boat. The boat called at Kuala Lumpur": on the way
                t0.leg["via"].extend(p for p in to if p not in t0.leg["via"] and p != t0.leg["to"])
                continue
            if f["kind"] == "board" and frm and k != focus and focus in tracks and not f.get("planned") \
                    and not f.get("background") and not f.get("relative"):
                vessel = aboard_with(doc, tracks[focus], frm[0], f, frames)
                if vessel:      # "A Canadian officer came on board at Copenhagen": our vessel called there
                    dest(tracks[focus], frm[0], f, arrive=True)
                    if not tracks[focus].legs[-1]["modes"]:
                        tracks[focus].legs[-1]["modes"] = [vessel]
            # "came" is toward the teller in a first-person text, else toward the one we follow
            toward = NARRATOR if first_person(doc) and NARRATOR in tracks else focus
            if (f["lemma"] == "come" or "in" in f.get("particles", ())) and f["kind"] == "move" and frm \
                    and not to and k != toward \
                    and toward in tracks:
                t0 = tracks[toward]     # "his wife came down from Paris to join him": to where we are
                here = t0.here
                if heading is not None and heading[0] == toward:
                    here = heading[1]   # a letter's body: the writer is where it is written from
                if here and here not in frm:
                    to = [here]
            if f.get("planned"):
                if frm or to or via:
                    here = None
                    if k in tracks:
                        t0 = tracks[k]
                        here = t0.here
                    elif focus in tracks:   # someone first seen beside us ("he must go back to Danzig")
                        t0 = tracks[focus]
                        here = heading[1] if heading is not None and heading[0] == focus else (
                            t0.here)
                    ev = planned_event(doc, f, k, frm, to, via)
                    planned.setdefault(k, []).append(planned_leg(doc, f, ev, frm[0] if frm else here,
                                                                  to, via))
                continue
            if not f.get("lemma") and not frm:
                continue        # a verbless "X to Y" whose X is no place: a title ("The Road to Kirensk")
            to, passed = split_stops(doc, to, v, arrive=f["kind"] == "arrive")
            via = via + [p for p in passed if p not in via]
            if f.get("background") and (k == focus or k == NARRATOR):
                if f.get("pluperfect"):     # "He had reached Cádiz from Gibraltar": a leg, though a memory
                    remember(track(k), f)
                continue        # the pluperfect of the one we follow does not move them
            if not (frm or to or via) and k not in tracks and f["kind"] != "depart":
                continue        # a movement with no place starts no journey
            if _DEBUG:
                print("FRAME", k, f["kind"], f.get("planned"), f["lemma"], frm, to, via, repr(doc.norm[f["nstart"]:f["nstart"] + 60]))
            k = part_of_group(k, f, frm, to)
            leader[0] = focus
            group = k.startswith("np:") and not first_person(doc) and any(
                r.get("kind") == "own" and r.get("plural") for r in f.get("travellers") or [])
            if (group or not k.startswith("np:")) and k != WRITER and not (
                    (f.get("relative") or f.get("background")) and focus is not None):
                # "the refugees reached Prague. They ...": with no teller, a group named in the
                # plural is whom the text now follows
                focus = k       # a biographer's trip, "Dr. Kerr, who came up from Baghdad", a pluperfect: asides
                if group or names_group(f, v):
                    group_focus = k
            t = track(k)
            d = dates_in(doc, f["nstart"], f["nend"])
            if d and t.last_date and d[0].value[:10] < t.last_date[:10] and far_apart(d[0].value, t.last_date):
                continue        # told out of order: a memory, not the next stage
            if d:
                t.last_date = d[0].value
            if frm and to and t.leg is None and t.loc == to[-1] and frm[0] != t.loc and not via:
                # "March 3rd, Beirut. ... since I first came to Beirut from Alexandria": how they came
                # to be where they are, told afterwards; it does not take them back to Alexandria
                remember(t, f)
                continue
            fronted = first_places(doc, f.get("at_fronted", []), exclude=frm + to)
            if fronted and not frm and (t.leg is not None or t.legs):
                here = t.here
                if fronted[0] != here and split_stops(doc, fronted, v)[0]:
                    dest(t, fronted[0], f, arrive=True)
                    if t.legs:      # "In Moscow we were marched ...": the march is not how they came
                        t.legs[-1]["arrival_only"] = f
            if frm:
                origin(t, frm[0], f)
            elif f["kind"] in ("depart",) and (t.leg is None or t.leg["to"]):
                if t.leg is not None:
                    t.close()
                t.open(start_loc(t, f), para_of(f), f, _date(f))
            for p in via:
                if t.leg is None and t.legs and t.legs[-1].get("heading_para") == para_of(f) and not (frm or to):
                    if p not in t.legs[-1]["via"]:
                        t.legs[-1]["via"].append(p)
                    continue
                if t.leg is not None and t.leg["to"] and to and t.leg["to"] not in to + [p] and not frm:
                    prev = t.leg        # "sailed to Marseille, and went on by rail through Lyon to
                    t.close()           # Geneva": Lyon is on the next stage, not the one that ended
                    t.open(prev["to"], para_of(f), f, _date(f))
                if t.leg is None:
                    t.open(start_loc(t, f), para_of(f), f, _date(f))
                if p not in t.leg["via"]:
                    t.leg["via"].append(p)
                if f not in t.leg["frames"]:
                    t.leg["frames"].append(f)   # "rode by way of Elvas": the horse is this leg's
            if f["kind"] == "stop" and at:
                to = to or at
            stages = route_stages(doc, f) if len(frm) > 1 else []
            if stages:      # "from A to B, and from B to C": each origin after the stop before it
                for i, (end, p) in enumerate(stages):
                    if end == "from" and i:
                        origin(t, p, f)
                    elif end == "to" and split_stops(doc, [p], v, arrive=f["kind"] == "arrive")[0]:
                        dest(t, p, f, arrive=f["kind"] == "arrive" and i == len(stages) - 1)
                for leg in t.legs[-len(stages):] + ([t.leg] if t.leg is not None else []):
                    if leg["dest_frame"] is f:
                        leg["chain"] = f["nstart"]      # a vehicle named after the route serves each stage
                to = []
            passed = passed_on_the_way(doc, f, to)
            if passed:      # "to Yekaterinburg and on to Tyumen": Yekaterinburg was passed through
                for p in passed:
                    if t.leg is None:
                        t.open(start_loc(t, f), para_of(f), f, _date(f))
                    if p not in t.leg["via"]:
                        t.leg["via"].append(p)
                to = [p for p in to if p not in passed]
            for i, p in enumerate(to):       # "to Laibach, and thence ... to Vienna": one stop after another
                dest(t, p, f, arrive=f["kind"] == "arrive" and i == len(to) - 1)
            frame_modes(t, f)
            if (k, f["nstart"]) not in done_measures:
                done_measures.add((k, f["nstart"]))
                measures(t, f)
        elif typ == "mode":
            if focus is None or f.get("planned"):
                continue
            t = tracks.get(focus)
            if t is None:
                continue
            taker = traveller_key(doc, f, focus, v) if f.get("travellers") else None
            if taker is not None and taker != focus:
                continue        # "Giraud has a Citroën": someone else's vehicle
            same = [g for g in by_sentence.get(f["nstart"], []) if g["type"] == "travel" and not g.get("planned")]
            if not (same or f.get("fragment") or taker == focus
                    or (focus == NARRATOR and (f.get("first_person") or f.get("owner")) and not f.get("cue"))):
                continue
            if t.leg is not None and t.leg["to"] is None:
                later = [g for g in same if g["trigger"][0] > f["trigger"][0] and g["from"]
                         and first_places(doc, g["from"])[:1] not in ([], [t.leg["from"]])]
                if later:       # "(cattle trucks to Amiens.) Lorries carried us on from Amiens to Albert"
                    later[0]["modes"] = later[0]["modes"] + [(f["trigger"][0], f["mode"])]
                    continue    # the vehicle of the stage that sentence starts, not of the one before
            # "at Helsingfors he found a steamer": a vehicle taken starts the next stage
            mode_add(t, f["mode"], f, onward=bool(f.get("taking")) and taker == focus)
        elif typ == "stop":
            if focus is None or focus not in tracks:
                continue
            pl = first_places(doc, f["at"])
            if pl:
                dest(tracks[focus], pl[0], f, arrive=True)
    if heading is not None:
        arrive_by_heading(*heading)
    journeys = []
    for k, t in tracks.items():
        t.close()
        t.legs = arrival_told_first(t.legs)
        if not t.legs and not t.memories:
            continue
        plans_kept(t, planned.get(k, []))
        same_vehicle_onward(t, v)
        k = k.split(PART)[0]
        travellers = travellers_of(doc, k)
        j = Journey(id=doc.next_id("j"), travellers=travellers, legs=[])
        if k.startswith(("np:", "sig:")):
            j.attributes["traveller_text"] = k.split(":", 1)[1]
        elif k == NARRATOR and not travellers:
            j.attributes["traveller_text"] = "narrator"
        elif k == WRITER and not travellers:
            j.attributes["traveller_text"] = "the writer"
        if t.summary:
            j.attributes.update(t.summary)
        for leg in t.memories + t.legs:     # what was told as already done comes first
            j.legs.append(emit_leg(doc, leg, travellers))
        journeys.append(j)
    for k, legs in planned.items():
        k = k.split(PART)[0]
        legs = [l for l in legs if l.to_place and l.to_place != l.from_place]
        if not legs:
            continue
        # routes planned, proposed or refused: kept apart from the routes travelled
        j = Journey(id=doc.next_id("j"), travellers=travellers_of(doc, k), legs=legs,
                    attributes={"planned": True})
        if k.startswith(("np:", "sig:")):
            j.attributes["traveller_text"] = k.split(":", 1)[1]
        journeys.append(j)
    return journeys
