"""Places stage: find place names, resolve them to gazetteer places, one entity per place.

Per section: candidate spans come from the gazetteer matcher, spaCy's
GPE/LOC/FAC entities and context cues; each is scored as a place or not
(:mod:`chronotope.places.recognize`), and the names accepted are resolved
together with the names of earlier sections (:mod:`chronotope.places.resolve`);
a name rejected only for the tagger's label is accepted if it lies near the
passage's resolved places (:mod:`chronotope.places.coherence`), and resolved again;
an unknown name where the story is in a town is placed in it (:mod:`chronotope.places.scene`).
Mentions are added in ``process`` so that the people stage, which runs
after this one on the same section, can skip the spans claimed as places.

Entity ids come from the resolution, not from the text: ``place:<gazetteer
id>``, or ``place:unresolved:<slug of the normalised name>``; so "Berezov"
and "Beresov" are one entity, and a place has the same id in every document
and run.  The document's period is the median year of the date mentions the
times stage (which runs before this one) has added so far.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from statistics import median

from ..spans import SpanSet
from ..document import Document, Entity, slug
from ..pipeline import BaseStage
from ..places.coherence import near_the_story
from ..places.cues import load_cues
from ..places.recognize import Evidence, Recognizer, lowercase_words
from ..gazetteer import normalize_name
from ..places.resolve import Name, alternatives, coarse, coherent, hinted_alternative, km, resolve
from ..places.scene import HOST_FEATURES, local_unknown, scene_town, setting_cue

BLOCKING_KINDS = ("date", "time", "duration", "set", "quantity", "place")
STATE = "places"
MINOR_POPULATION = 20_000   # a settlement this small must fit the story's geography
MIN_CONTEXT = 3             # other names needed before a place can be judged out of place


def make(options=None) -> "PlacesStage":
    return PlacesStage(options)


def document_year(doc: Document, options=None) -> int | None:
    """Median year of the date mentions so far; else the run's reference date; else None."""
    years = []
    for m in doc.mentions_of("date"):
        v = m.gregorian_value or m.value or ""
        if len(v) >= 4 and v[:4].isdigit():
            years.append(int(v[:4]))
    if years:
        return int(median(years))
    ref = getattr(options, "reference_date", None) or ""
    return int(ref[:4]) if len(ref) >= 4 and ref[:4].isdigit() else None


class PlacesStage(BaseStage):
    name = "places"

    def __init__(self, options=None, gazetteer=None) -> None:
        self.options = options
        self._gz = gazetteer

    @property
    def gz(self):
        if self._gz is None:
            from ..gazetteer import Gazetteer
            self._gz = Gazetteer.load()
        return self._gz

    def begin(self, doc: Document) -> None:
        doc.state[STATE] = {
            "evidence": Evidence(),
            "names": {},          # key -> Name
            "lower": lowercase_words(doc.norm),
        }

    def process(self, doc: Document, section) -> None:
        try:
            self._process(doc, section)
        except Exception as e:  # a failure here must not stop the other stages
            doc.meta.setdefault("warnings", []).append(f"places: {type(e).__name__}: {e}")

    def finish(self, doc: Document) -> None:
        try:
            place_buildings_in_main_town(doc)
        except Exception as e:
            doc.meta.setdefault("warnings", []).append(f"places: {type(e).__name__}: {e}")
        try:
            name_entities(doc)
        except Exception as e:
            doc.meta.setdefault("warnings", []).append(f"places: {type(e).__name__}: {e}")

    # ------------------------------------------------------------------
    def _process(self, doc: Document, section) -> None:
        st = doc.state.get(STATE)
        if st is None:
            self.begin(doc)
            st = doc.state[STATE]
        sdoc = section.spacy
        if sdoc is None:
            return
        base = section.nstart
        year = document_year(doc, self.options)
        rec = Recognizer(self.gz, load_cues(), year)
        skip = SpanSet(doc.state.get("skip_spans") or [])

        def blocked(ns: int, ne: int) -> bool:
            if skip.overlaps(ns, ne) and not publication_place(doc.norm, ns, ne):
                return True
            return doc.overlaps(ns, ne, *BLOCKING_KINDS)

        cands = rec.candidates(sdoc, base, blocked)
        ev: Evidence = st["evidence"]
        rec.person_evidence_from_names(sdoc, ev, base)
        for c in cands:
            rec.local_evidence(sdoc, c, st["lower"])
            for kind in c.person:
                ev.add_person(c.key, kind, c.nstart)
            if c.place_cue:
                ev.add_place(c.key, c.nstart)
        for c in cands:
            rec.decide(c, ev)
        extend_lists(sdoc, cands)
        accepted = [c for c in cands if c.accepted]

        # resolution, together with the names of earlier sections
        names: dict[str, Name] = st["names"]
        for n in names.values():
            n.fixed = True
        _add_names(doc, names, accepted)
        for group in listed_groups(sdoc, accepted):
            keys = {c.key for c in group}
            for k in keys:
                names[k].listed |= keys - {k}
        resolve(names, year=year)
        rescued = near_the_story(cands, names, ev, doc.paragraph_index)
        if rescued:
            # "up to Launceston" tagged a person, in a paragraph about Hobart: resolved again with it
            _add_names(doc, names, rescued)
            resolve(names, year=year)
            accepted = [c for c in cands if c.accepted]
        cues = load_cues()
        within = place_within(sdoc, accepted, names, cues)
        for c in accepted:
            if id(c) not in within and _district(sdoc, c, cues) and not (
                    c.places and coarse(c.places[0].feature) in ("region", "country")):
                # (not "the District of Massachusetts": a court's district is the state)
                # "in the district of Kypseli" after a town: a quarter of that town
                host = _town_before(doc, c, accepted, names, base, sdoc, paragraph=True)
                if host is None:
                    # "at Buenos Aires, the English quarter" opening a paragraph: the quarter is
                    # of the town the story was last in
                    host = _town_before(doc, c, accepted, names, base, sdoc, paragraph=True, anywhere=True)
                if host is not None:
                    within[id(c)] = host

        scene_hosts = None        # gazetteer id -> Name, built when an unknown name needs a town
        for c in accepted:
            n = names[c.key]
            anchor = within.get(id(c))
            host = None               # the town this mention lies in, when placed at its point
            if anchor is not None:
                if n.places and not n.fixed and not n.near_done:
                    n.near_done = _prefer_near(n, anchor)
                if not (n.places and n.near_done):
                    host = anchor     # "the Lukyanovka prison in Kiev": no Lukyanovka near Kiev
            if n.out_of_place is None and n.best is not None:
                # a weak match (another spelling, or a village) far from every other place of
                # the story and in none of its countries: more likely a namesake; left
                # unresolved.  Decided once per name, so that its mentions share one entity.
                n.out_of_place = _doubtful(n.best) and len(names) > MIN_CONTEXT and not coherent(n, names)
            place = None if n.out_of_place else n.best
            place_conf = n.confidence
            alt = hinted_alternative(n, c.feature) if place is not None else None
            if alt is not None:
                place, place_conf = alt      # "the Vologda province" where "Vologda" is the town
            if host is None and n.anchor is not None:
                host = n.anchor       # another mention of the same building ("from Hellinikon")
            if host is None and c.building and (place is None or _doubtful(place) or n.out_of_place):
                # a street, prison or airport of a town: the town's point
                host = _inner_town(c) or _town_before(doc, c, accepted, names, base, sdoc)
                if host is None and place is not None:
                    # "arrested in Kiev ... drove me to the Lukyanovka prison": its own match is a
                    # hamlet far off; the town the paragraph is in is the better guess
                    host = _town_before(doc, c, accepted, names, base, sdoc, paragraph=True, setting=True)
                if host is None:
                    st.setdefault("pending_buildings", []).append(c.key)
            scene = False
            if host is None and place is None and local_unknown(c, bool(n.places) and not (
                    n.out_of_place or all(p.match == "variant" for p in n.places)), cues):
                # "anchored in Keppel Harbour", "lodged at Kwihara": a name no gazetteer knows
                # (or knows only as another spelling of a far hamlet), met where the story is in
                # a town, is most likely a quarter or site of it
                if scene_hosts is None:
                    scene_hosts = {nm.best.id: nm for nm in names.values()
                                   if nm.best is not None and not nm.out_of_place}
                host = scene_town(doc, c, scene_hosts)
                scene = True      # each mention its own scene: "the Old Town" of Stockholm, of Riga
            if host is not None and host.best is not None and not n.places and not scene:
                n.anchor = host       # a name the gazetteer does not know: every mention
            if host is not None and host.best is not None and coarse(host.best.feature) == "city":
                town = host.best
                eid = f"place:in:{town.id}:{slug(c.key or c.text)}"
                pconf = round(0.5 * (host.confidence if host.probs else 1.0), 3)
                geo = {"lat": town.lat, "lon": town.lon, "name": town.name,
                       "gazetteer_id": None, "feature": "poi", "confidence": pconf,
                       "country": town.country, "within": town.id,
                       "note": f"a place in {town.name}; the coordinates are those of {town.name}"}
                conf = _recognition_confidence(c.score) * pconf
                doc.add_mention("place", c.nstart, c.nend, entity=eid, confidence=round(conf, 3),
                                source=c.source,
                                attrs={"candidates": alternatives(n), "cue": c.cue, "feature_hint": c.feature,
                                       "recognition": round(c.score, 2), "within": town.id})
                ent = doc.entities.get(eid)
                if ent is None:
                    doc.entities[eid] = Entity(id=eid, kind="place", name=c.text, geo=geo, confidence=pconf)
                elif c.text != ent.name and c.text not in ent.aliases:
                    ent.aliases.append(c.text)
                continue
            if place is not None:
                eid = f"place:{place.id}"
                geo = {"lat": place.lat, "lon": place.lon, "name": place.name,
                       "gazetteer_id": place.id, "feature": place.feature,
                       "country": place.country,
                       "confidence": round(place_conf, 3)}
            else:
                eid = f"place:unresolved:{slug(c.key or c.text)}"
                geo = None
            conf = _recognition_confidence(c.score) * (place_conf if place is not None else 0.5)
            doc.add_mention("place", c.nstart, c.nend, entity=eid, confidence=round(conf, 3),
                            source=c.source,
                            attrs={"candidates": alternatives(n),
                                   "cue": c.cue, "feature_hint": c.feature,
                                   "recognition": round(c.score, 2)})
            ent = doc.entities.get(eid)
            if ent is None:
                doc.entities[eid] = Entity(id=eid, kind="place", name=c.text, geo=geo,
                                           confidence=round(place_conf, 3) if place is not None else 0.5)
            elif c.text != ent.name and c.text not in ent.aliases:
                ent.aliases.append(c.text)


def _add_names(doc: Document, names: dict, cands) -> None:
    """Count accepted candidates into the document's names: feature hints and passages."""
    for c in cands:
        n = names.get(c.key)
        if n is None:
            n = names[c.key] = Name(c.key, c.places)
        if c.feature:
            n.hints[c.feature] += 1
        n.passages.add(doc.paragraph_index(c.nstart))


PUBLICATION = re.compile(r"\(\s*$")
YEAR_AFTER = re.compile(r"^[\s,]*(1[5-9]\d\d|20\d\d)\b")
PUBLISHER_AFTER = re.compile(r"^\s*:\s*[A-Z][^.;()\n]{1,60},\s*(1[5-9]\d\d|20\d\d)\b")
WITHIN_KM = 50.0
MAIN_TOWN_MIN = 3
NEAR_DECAY_KM = 10.0      # inside a town's radius, each 10 km further costs one point of score


def publication_place(norm: str, ns: int, ne: int) -> bool:
    """A place of publication in the notes: "(London 1931)", "London: Methuen, 1931"."""
    after = norm[ne:ne + 80]
    if PUBLICATION.search(norm[max(0, ns - 3):ns]) and YEAR_AFTER.match(after):
        return True
    return bool(PUBLISHER_AFTER.match(after))


def place_within(sdoc, accepted, names, cues) -> dict:
    """Names said to lie in another: "the prison in Kiev", "Kypseli, in Athens", "Springfield,
    Illinois". Maps id(candidate) -> the Name of the place it lies in."""
    out = {}
    for a, b in zip(accepted, accepted[1:]):
        if b.i - a.j > 5 or sdoc[a.i].sent.start != sdoc[b.i].sent.start:
            continue
        words = [t.lower_ for t in sdoc[a.j:b.i] if t.text.strip()]
        # "the Lukyanovka transit prison in Kiev": the building's words, then "in"
        lead = []
        while words and words[0].isalpha() and words[0] not in cues.within_words:
            lead.append(words.pop(0))
        if lead and not (set(lead) & cues.town_buildings):
            continue
        between = " ".join(words)
        if between not in cues.within_words:
            continue
        host = names.get(b.key)
        if host is None or host.best is None or host.out_of_place:
            continue
        hf = host.best.feature
        if between == ",":
            # "Kiel, Hamburg, Berlin" is a list; "Springfield, Illinois" a place in a region;
            # an unknown name before a town's ("Weltevreden, Batavia") a quarter of it
            if coarse(hf) not in ("region", "country") and (a.places or hf not in HOST_FEATURES):
                continue
        if coarse(hf) not in ("city", "region", "country"):
            continue
        if a.facility and not a.building:
            continue      # "Washington University in St. Louis": an institution, not a place in it
        # only a settlement, a building or an unknown name lies in another place, not a river
        if a.places and not a.facility and not all(coarse(p.feature) == "city" for p in a.places):
            continue
        if a.places and not a.facility and a.places[0].match == "exact" and (a.places[0].population or 0) >= 100_000:
            continue
        out[id(a)] = host
    return out


def _prefer_near(n: Name, host: Name) -> bool:
    """Among a name's namesakes keep those near the place it is said to lie in (False: none).

    Near a town: within ``WITHIN_KM``, the nearer the better ("Kypseli, in Athens" is the
    quarter 2 km from the centre, not the village 35 km off); in a region: in its province
    or state; in a country: in that country."""
    h = host.best
    if coarse(h.feature) == "city":
        near = {k: -km(p.lat, p.lon, h.lat, h.lon) / NEAR_DECAY_KM for k, p in enumerate(n.places)
                if km(p.lat, p.lon, h.lat, h.lon) <= WITHIN_KM}
    elif h.feature in ("admin1", "us_state") and h.admin1:
        near = {k: 0.0 for k, p in enumerate(n.places) if p.admin1 and p.admin1 == h.admin1}
        near = near or {k: 0.0 for k, p in enumerate(n.places) if p.country and p.country == h.country}
    else:
        near = {k: 0.0 for k, p in enumerate(n.places) if p.country and p.country == h.country}
    if not near:
        return False
    base = n.scores if len(n.scores) == len(n.places) else [float(p.score) for p in n.places]
    total = {k: base[k] + d for k, d in near.items()}
    top = max(total.values())
    ws = {k: math.exp(v - top) for k, v in total.items()}
    n.choice = max(total, key=lambda k: (total[k], -k))
    n.probs = [ws.get(k, 0.0) / sum(ws.values()) for k in range(len(n.places))]
    n.out_of_place = False
    return True


def _inner_town(c) -> Name | None:
    """"London Airport": the town the building is named after, if it is a town of note."""
    inner = [p for p in getattr(c, "inner", []) or [] if p.feature in HOST_FEATURES]
    if not inner or (inner[0].population or 0) < 100_000 or inner[0].match not in ("exact", "historical"):
        return None
    n = Name(normalize_name(inner[0].name), [inner[0]])
    n.probs = [0.6]
    return n


def _district(sdoc, c, cues) -> bool:
    """"the district of Kypseli", or "Buenos Aires, the English quarter": a quarter of a town."""
    words = [t.lower_ for t in sdoc[max(0, c.i - 3):c.i] if t.lower_ not in ("the", "a")]
    if len(words) >= 2 and " ".join(words[-2:]) in cues.district_before:
        return True
    after = sdoc[c.j:c.j + 6]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("the", "a", "an"):
        return False
    for t in after[2:]:
        if t.lower_ in cues.district_after:
            return True
        if not (t.is_alpha and t.pos_ in ("ADJ", "PROPN", "NOUN")):
            return False
    return False


def _town_before(doc, c, accepted, names, base, sdoc, paragraph: bool = False,
                 setting: bool = False, anywhere: bool = False) -> Name | None:
    """The last town named before a building in the same sentence (or paragraph): "In
    Moscow we were marched to the Butyrki transit prison".  In the sentence, and in the
    paragraph when ``setting`` is true, the town must be named as the scene ("in Moscow",
    not "a letter from Moscow")."""
    sent = sdoc[c.i].sent
    lo = base + sent.start_char
    para = doc.paragraph_index(c.nstart)

    def same(pos: int) -> bool:
        if anywhere:          # the last town named anywhere before
            return True
        return doc.paragraph_index(pos) == para if paragraph else pos >= lo
    by_id = {n.best.id: n for n in names.values() if n.best is not None and not n.out_of_place}
    host, pos = None, -1
    for m in doc.mentions_of("place"):          # earlier sections and earlier in this one
        if not (pos < m.nstart < c.nstart) or not same(m.nstart):
            continue
        ent = doc.entities.get(m.entity or "")
        gid = ent.geo.get("gazetteer_id") if ent is not None and ent.geo else None
        if (setting or not paragraph) and not setting_cue(m.attrs.get("cue")):
            continue
        if gid in by_id and by_id[gid].best.feature in HOST_FEATURES:
            host, pos = by_id[gid], m.nstart
    for o in accepted:                            # this section's names not yet added
        n = names.get(o.key)
        if pos < o.nstart < c.nstart and n is not None and n.best is not None and not n.out_of_place \
                and n.best.feature in HOST_FEATURES and not o.facility \
                and same(o.nstart) and ((paragraph and not setting) or setting_cue(o.cue)):
            host, pos = n, o.nstart
    return host


def _doubtful(place) -> bool:
    return place.match == "variant" or (place.feature in ("town", "village") and (place.population or 0) < MINOR_POPULATION)


def _recognition_confidence(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-2.0 * score))


def extend_lists(sdoc, cands) -> None:
    """A name listed with accepted places ("in Tver, Rostov, Kursk, Siedlce") is a place too,
    unless there is a sign of a person."""
    changed = True
    while changed:
        changed = False
        for a, b in zip(cands, cands[1:]):
            if a.accepted == b.accepted:
                continue
            between = sdoc[a.j:b.i]
            if not between or len(between) > 2 or not all(t.text in (",", "and", "or", ";") for t in between):
                continue
            if between and sdoc[a.j].sent != sdoc[b.i].sent:
                continue
            other = b if a.accepted else a
            if other.places and not other.person and other.score > -1.5:
                other.accepted = True
                other.reasons.append("listed with places")
                changed = True


def listed_groups(sdoc, accepted) -> list[list]:
    """Accepted names listed together in one sentence: three or more separated by commas
    ("Utah, Colorado, Idaho"), or joined by "and"/"or" ("California and Washington").  Two
    names with only a comma between are left out: "Springfield, Illinois" or
    "Washington, D.C." is a place and the region it lies in, not a list."""
    groups, run, joined = [], [], False

    def close():
        if len(run) >= 3 or (len(run) == 2 and joined):
            groups.append(list(run))
    for c in accepted:
        if run:
            prev = run[-1]
            between = [t.text.lower() for t in sdoc[prev.j:c.i]]
            if between and len(between) <= 2 and all(w in (",", "and", "or", ";") for w in between) \
                    and sdoc[prev.i].sent.start == sdoc[c.i].sent.start:
                run.append(c)
                joined = joined or any(w in ("and", "or") for w in between)
                continue
            close()
        run, joined = [c], False
    if run:
        close()
    return groups


def place_buildings_in_main_town(doc: Document) -> None:
    """A street or prison with no town named in its sentence ("the Security Police in
    Bouboulinas Street") is taken to be in the story's main town: the settlement named most
    often, if named at least ``MAIN_TOWN_MIN`` times and clearly more than any other."""
    st = doc.state.get(STATE) or {}
    pending = set(st.get("pending_buildings", ()))
    if not pending:
        return
    counts: Counter = Counter()
    for m in doc.mentions_of("place"):
        ent = doc.entities.get(m.entity or "")
        if ent is not None and ent.geo and ent.geo.get("feature") in HOST_FEATURES and ent.geo.get("gazetteer_id"):
            counts[m.entity] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MAIN_TOWN_MIN or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2):
        return
    town = doc.entities[ranked[0][0]]
    tg = town.geo
    for m in doc.mentions_of("place"):
        if not (m.entity or "").startswith("place:unresolved:"):
            continue
        key = normalize_name(m.text)
        if key not in pending:
            continue
        old = m.entity
        eid = f"place:in:{tg['gazetteer_id']}:{slug(key)}"
        pconf = round(0.3 * float(tg.get("confidence") or 1.0), 3)
        if eid not in doc.entities:
            doc.entities[eid] = Entity(id=eid, kind="place", name=m.text, confidence=pconf, geo={
                "lat": tg["lat"], "lon": tg["lon"], "name": tg["name"], "gazetteer_id": None,
                "feature": "poi", "confidence": pconf, "country": tg.get("country"),
                "within": tg["gazetteer_id"],
                "note": f"a place in the story's main town, {tg['name']}; the coordinates are those of the town"})
        m.entity = eid
        m.confidence = round(min(m.confidence, pconf), 3)
        m.attrs["within"] = tg["gazetteer_id"]
        if not any(x.entity == old for x in doc.mentions_of("place")):
            doc.entities.pop(old, None)


def name_entities(doc: Document) -> None:
    """Each place entity is named as the text most often writes it; other forms are aliases."""
    forms: dict[str, Counter] = {}
    for m in doc.mentions_of("place"):
        if m.entity:
            # "Tierra\r\ndel Fuego" broken over a line is the same form as on one line
            forms.setdefault(m.entity, Counter())[" ".join(m.text.split())] += 1
    for eid, cnt in forms.items():
        ent = doc.entities.get(eid)
        if ent is None or ent.kind != "place":
            continue
        ranked = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))
        ent.name = ranked[0][0]
        ent.aliases = [t for t, _ in ranked[1:]]
