"""Choosing the place a name refers to among its gazetteer candidates.

Each candidate starts from the gazetteer's own score (prominence: log10 of
the population for settlements, a base per feature type otherwise, with the
match type and the document's period already weighed in) and gains from
context: the feature type the text implies ("the river Sosva"), coherence
with the countries and regions of the document's other places (a place
inside a state the text names gains; one in a country no other place of the
story is in loses), and proximity to places named in the same passage.
A settlement near a big city named in the same passage ranks as a quarter
of it ("Camberwell" beside London), names listed together are drawn towards
each other ("Morpeth and Maitland"), and a city that is all of its state is
the city ("Singapore").
Scores are turned into probabilities (a softmax), so ambiguity that remains
shows as a low confidence and the alternatives are kept.  This is collective toponym
resolution in the spirit of the Edinburgh Geoparser's ranking, written for
our gazetteer and document model because no Python library does it offline.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# Coarse classes of the gazetteer's feature types, for matching context cues.
COARSE = {
    "continent": "country", "country": "country", "polity": "country",
    "us_state": "region", "admin1": "region", "admin2": "region", "county": "region",
    "region": "region", "historical_region": "region", "desert": "region", "steppe": "region",
    "plain": "region", "plateau": "region", "valley": "region", "peninsula": "region",
    "forest": "region", "swamp": "region", "oasis": "region", "delta": "region",
    "city": "city", "town": "city", "village": "city", "fortress": "city", "site": "city",
    "airport": "city",
    "river": "river", "canal": "river", "waterfall": "river",
    "lake": "lake",
    "sea": "water", "ocean": "water", "strait": "water", "gulf": "water", "bay": "water",
    "mountains": "mountain", "mountain": "mountain", "volcano": "mountain", "glacier": "mountain",
    "pass": "pass",
    "island": "island", "archipelago": "island", "reef": "island",
    "cape": "cape", "isthmus": "cape",
}
# Which coarse classes satisfy a cue's feature hint.
COMPATIBLE = {
    "city": {"city"},
    "region": {"region", "country"},
    "country": {"country", "region"},
    "river": {"river"},
    "lake": {"lake", "water"},
    "water": {"water", "lake"},
    "mountain": {"mountain", "pass", "region"},
    "pass": {"pass", "mountain"},
    "island": {"island"},
    "cape": {"cape", "region"},
}
HINT_BONUS = 2.0
HINT_MISMATCH = -1.0
COUNTRY_WEIGHT = 1.5
ADMIN_WEIGHT = 0.5
NEAR_WEIGHT = 1.5
NEAR_SCALE_KM = 400.0
PASSAGE = 1          # paragraphs either side that count as the same passage
TOP_ALTERNATIVES = 5
COHERENT_KM = 1500.0
ALTERNATE_PENALTY = -0.5
LARGE_FEATURES = frozenset({"country", "continent", "ocean", "polity"})
SAME_PLACE_WEIGHT = 1.0
ADMIN_FEATURES = frozenset({"admin1", "admin2", "us_state", "county"})
BIG_CITY = 300_000
CITY_OVER_REGION = 0.8
OLD_NAME_UNDATED = -1.0
CAPITAL_POPULATION = 50_000   # a city that gives its name to its province
CAPITAL_KM = 100.0
LIST_WEIGHT = 1.5            # names listed together are usually of one kind (states, countries...)
LIST_NEAR_WEIGHT = 1.5       # ... and of one region
LIST_NEAR_KM = 200.0
NAMED_REGION_WEIGHT = 1.5    # a place inside a state or province named in the same passage
NAMED_REGION_FAR = 1.0       # ... named elsewhere in the text ("we came to Illinois" on page one)
NAMED_REGION_FEATURES = frozenset({"us_state", "admin1", "historical_region", "region"})
MAJOR_CITY = 500_000         # a namesake this big is not outweighed by the named region
FOREIGN_PENALTY = -0.75      # a place in a country none of the story's other places is in
STATE_FEATURES = frozenset({"us_state", "country"})
FOREIGN_CONTEXT = 3          # other resolved names needed before a country counts as foreign
CITY_STATE_SHARE = 0.5      # a city with this share of its country's people is a city-state
CITY_STATE_MARGIN = 0.1
QUARTER_CITY = 1_000_000     # a city this big holds quarters and suburbs that have names of their own
QUARTER_KM = 20.0            # ... within this distance of its point
QUARTER_DROP = 1.5           # a quarter of a named city ranks as a town a thirtieth its size
QUARTER_SHARE = 30           # ... so a namesake city bigger than that keeps the name


def coarse(feature: str | None) -> str:
    return COARSE.get(feature or "", "city")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class Name:
    """One distinct place name of a document (by normalised key) and its occurrences."""
    key: str
    places: list                                  # gazetteer candidates
    hints: Counter = field(default_factory=Counter)
    passages: set = field(default_factory=set)    # paragraph indexes it occurs in
    fixed: bool = False                           # resolved in an earlier section: kept
    out_of_place: bool | None = None              # best candidate judged a far-off namesake
    anchor: "Name | None" = None                  # the town it lies in ("the prison in Kiev")
    near_done: bool = False                       # its namesakes were narrowed to those near anchor
    listed: set = field(default_factory=set)      # keys of names listed with it ("Utah, Washington and Idaho")
    choice: int = 0                               # index into places
    probs: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    # the last list ``alternatives`` gave and what it was computed from: every mention of the
    # name until its choice changes shares one list (a long text has a million place mentions)
    shown: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def best(self):
        return self.places[self.choice] if self.places else None

    @property
    def confidence(self) -> float:
        return self.probs[self.choice] if self.probs else 0.0


def _softmax(xs: list[float]) -> list[float]:
    if not xs:
        return []
    m = max(xs)
    es = [math.exp(x - m) for x in xs]
    t = sum(es)
    return [e / t for e in es]


def resolve(names: dict[str, Name], rounds: int = 3, year: int | None = None) -> None:
    """Choose a candidate for every name not yet fixed, using the others as context.

    Round 0 uses prior and feature hints only; later rounds add country and
    region coherence with the other names' current choices (weighted by their
    confidence) and proximity to names sharing a passage.
    """
    live = [n for n in names.values() if n.places]
    by_passage: dict[int, list[Name]] = defaultdict(list)
    for n in live:
        for p in n.passages:
            by_passage[p].append(n)
    for rnd in range(rounds):
        # document context from the current choices
        country_w: Counter = Counter()
        admin_w: Counter = Counter()
        total = 0.0
        chosen: dict[str, float] = {}     # place id -> weight of the names that chose it
        for n in live:
            if rnd == 0 and not n.fixed:
                continue
            b = n.best
            w = n.confidence if n.probs else 1.0
            chosen[b.id] = chosen.get(b.id, 0.0) + w
            if b.country:
                country_w[b.country] += w
            if b.admin1:
                admin_w[b.admin1] += w
            total += w
        # states and provinces the text names: a place inside one is likely meant
        context = [m for m in live if rnd > 0 or m.fixed]
        big_cities = [(m, m.confidence if m.probs else 1.0) for m in context
                      if coarse(m.best.feature) == "city" and (m.best.population or 0) >= QUARTER_CITY]
        regions = [(m, m.confidence if m.probs else 1.0) for m in context
                   if m.best.feature in NAMED_REGION_FEATURES]
        for n in live:
            if n.fixed:
                continue
            scores = []
            # the passage: the paragraph of each occurrence and the ones either side
            neighbours = {m.key: m for p in n.passages for q in range(p - PASSAGE, p + PASSAGE + 1)
                          for m in by_passage.get(q, ()) if m.key != n.key and (rnd > 0 or m.fixed)}
            hint = n.hints.most_common(1)[0][0] if n.hints else None
            if hint == "region" and names_its_province(n):
                # "the Vologda province" once, "Vologda" elsewhere: the name is the town; the
                # mention that says province is given the province (see hinted_alternative)
                hint = None
            own = n.confidence if n.probs else 0.0
            has_admin = any(p.feature in ADMIN_FEATURES for p in n.places)
            # a province named after its capital ("Laibach", "Tver"): the city, unless the text
            # says province (the feature hint then outweighs this)
            admins = [p for p in n.places if p.feature in ADMIN_FEATURES]
            capitals = {id(a) for a in admins for c in n.places if _capital_of(c, [a]) is a}
            for cand in n.places:
                s = float(cand.score)
                capital = _capital_of(cand, admins)
                if capital is not None:
                    # the city ranks as its province would; the province steps back (below),
                    # so that namesakes elsewhere keep their chances ("Nelson", British Columbia)
                    s = max(s, float(capital.score))
                if id(cand) in capitals:
                    s -= CITY_OVER_REGION
                city_state = _city_state(cand, n.places) is not None
                if city_state:
                    # "to Singapore", "from Monaco": the city, which is all of its state
                    s += CITY_STATE_MARGIN
                elif cand.feature == "country" and any(_city_state(p, n.places) is cand for p in n.places):
                    s = min(s, max((float(p.score) for p in n.places if _city_state(p, n.places) is cand)) - CITY_STATE_MARGIN)
                if has_admin and cand.feature == "city" and (cand.population or 0) >= BIG_CITY:
                    # "New York", "Washington": the city, unless the text says otherwise
                    s += CITY_OVER_REGION
                if cand.match == "alternate":
                    # GeoNames alternate names are noisy ("Manchester" for a Richmond): prefer own names
                    s += ALTERNATE_PENALTY
                if year is None and cand.match == "historical" and cand.valid_to is not None:
                    # without dates, a text is taken to use today's names ("Salisbury" in a news story)
                    s += OLD_NAME_UNDATED
                if big_cities and neighbours:
                    s = max(s, _quarter_score(n, cand, [(m, w) for m, w in big_cities if m.key in neighbours]))
                if hint:
                    s += HINT_BONUS if coarse(cand.feature) in COMPATIBLE.get(hint, {hint}) else HINT_MISMATCH
                # another name of the document already refers to this place ("Beresov" and "Berezov")
                other = chosen.get(cand.id, 0.0) - (own if n.best is not None and n.best.id == cand.id else 0.0)
                if other > 0:
                    s += SAME_PLACE_WEIGHT * min(1.0, other)
                if total > 0:
                    # exclude this name's own contribution from the context
                    ctot = total - own
                    if ctot > 0:
                        mine = own if (n.best and n.best.country == cand.country) else 0.0
                        s += COUNTRY_WEIGHT * max(0.0, country_w.get(cand.country, 0.0) - mine) / ctot
                        mine_a = own if (n.best and n.best.admin1 == cand.admin1) else 0.0
                        if cand.admin1:
                            s += ADMIN_WEIGHT * max(0.0, admin_w.get(cand.admin1, 0.0) - mine_a) / ctot
                if context:
                    s += _region_bonus(n, cand, regions, neighbours)
                    mine = own if n.best and n.best.country == cand.country else 0.0
                    if cand.feature not in LARGE_FEATURES and not city_state and cand.country and total - own > 0 \
                            and len(context) > FOREIGN_CONTEXT and country_w.get(cand.country, 0.0) - mine <= 0:
                        # "a place called Salamanca" on a train from New York to Chicago: not the
                        # Mexican city, when no other place of the story is in Mexico
                        s += FOREIGN_PENALTY
                if rnd > 0 and n.listed:
                    # "California, Washington, Utah and Idaho": the state, like the others
                    s += LIST_WEIGHT * _list_share(n, cand, names)
                    # "up the Hunter to Morpeth and Maitland": names listed together lie together
                    s += LIST_NEAR_WEIGHT * _list_near(n, cand, names)
                if neighbours:
                    # near the places of the same passage; a country is "near" the places it contains
                    near = 0.0
                    large = cand.feature in LARGE_FEATURES
                    for m in neighbours.values():
                        b = m.best
                        w = m.confidence if m.probs else 1.0
                        if large:
                            if cand.country and b.country == cand.country and b.feature not in LARGE_FEATURES:
                                near = max(near, w)
                        elif b.feature not in LARGE_FEATURES:
                            near = max(near, w * math.exp(-km(cand.lat, cand.lon, b.lat, b.lon) / NEAR_SCALE_KM))
                    s += NEAR_WEIGHT * near
                scores.append(s)
            n.scores = scores
            n.probs = _softmax(scores)
            n.choice = max(range(len(scores)), key=lambda k: (scores[k], -k))


def _city_state(cand, places):
    """The country a city is all but the whole of, when the name is both ("Singapore",
    "Monaco", "Macao"): a same-named country of the same code with at most twice its people."""
    if cand.feature not in ("city", "town") or not cand.population or cand.match == "variant":
        return None
    for p in places:
        if p.feature == "country" and p.country == cand.country and p.match == "exact" \
                and cand.population >= CITY_STATE_SHARE * (p.population or 0):
            return p
    return None


def _quarter_score(n: Name, cand, big_cities: list) -> float:
    """The score of a settlement as a quarter or suburb of a big city named in the same
    passage ("Camberwell" beside London, "Richmond" beside Melbourne): the
    gazetteer knows such quarters with little or no population of their own, so they rank
    as a sizeable town, below the city; a far namesake keeps its own score."""
    if coarse(cand.feature) != "city":
        return float("-inf")
    best = float("-inf")
    own = max((p.population or 0 for p in n.places if p.match == "exact" and p.feature in ("city", "town")),
              default=0)
    for m, w in big_cities:
        c = m.best
        if m is n or c.id == cand.id or (cand.population or 0) * 10 > (c.population or 0):
            continue
        if own * QUARTER_SHARE > (c.population or 0):
            continue      # "Nagasaki" beside Tokyo: a namesake city bigger than a quarter ranks
        if km(cand.lat, cand.lon, c.lat, c.lon) <= QUARTER_KM:
            best = max(best, w * (float(c.score) - QUARTER_DROP))
    return best


def _inside(cand, region) -> bool:
    """Whether a candidate lies in a region: the same first-level code, or inside its box."""
    if region.admin1 and cand.admin1:
        return cand.admin1 == region.admin1 and cand.country == region.country
    if region.bbox and region.feature != "admin1":
        south, west, north, east = region.bbox
        if not south <= cand.lat <= north:
            return False
        return west <= cand.lon <= east if west <= east else (cand.lon >= west or cand.lon <= east)
    return False


def _region_bonus(n: Name, cand, regions: list, neighbours: dict) -> float:
    """Bonus for a candidate inside a state or province another name of the text refers to
    ("Andover" in a story that names Illinois), weighted by that name's confidence; more when
    the region is named in the same passage."""
    if cand.feature in NAMED_REGION_FEATURES or cand.feature in LARGE_FEATURES:
        return 0.0
    if any((p.population or 0) >= MAJOR_CITY for p in n.places if p is not cand):
        return 0.0        # "Washington" in a story set in Illinois is still the capital
    if any(p.match == "exact" and p.feature in STATE_FEATURES for p in n.places if p is not cand):
        return 0.0        # "to California" in a story that names Missouri: the state, not its village
    best = 0.0
    for m, w in regions:
        if m is n or m.best.id == cand.id:
            continue
        if _inside(cand, m.best):
            best = max(best, w * (NAMED_REGION_WEIGHT if m.key in neighbours else NAMED_REGION_FAR))
    return best


def _list_share(n: Name, cand, names: dict[str, Name]) -> float:
    """Share (by confidence) of the names listed with ``n`` whose choice has the feature
    type of ``cand``."""
    total = same = 0.0
    for key in n.listed:
        m = names.get(key)
        if m is None or m.best is None:
            continue
        w = m.confidence if m.probs else 1.0
        total += w
        if m.best.feature == cand.feature:
            same += w
    return same / total if total else 0.0


def _list_near(n: Name, cand, names: dict[str, Name]) -> float:
    """Closeness of a candidate to the nearest settlement or feature listed with ``n``
    (weighted by that name's confidence), 1 at the same point, falling with distance."""
    if cand.feature in LARGE_FEATURES:
        return 0.0
    best = 0.0
    for key in n.listed:
        m = names.get(key)
        if m is None or m.best is None or m.best.feature in LARGE_FEATURES:
            continue
        w = m.confidence if m.probs else 1.0
        best = max(best, w * math.exp(-km(cand.lat, cand.lon, m.best.lat, m.best.lon) / LIST_NEAR_KM))
    return best


PROVINCE_KM = 400.0          # a town this near a same-named province's point gives it its name


def names_its_province(n: Name) -> bool:
    """Whether a name is both a town of note and the province around it ("Vologda", "Tver")."""
    towns = [p for p in n.places if p.feature in ("city", "town") and (p.population or 0) >= CAPITAL_POPULATION]
    return any(a.feature in ADMIN_FEATURES and a.country == t.country and km(a.lat, a.lon, t.lat, t.lon) <= PROVINCE_KM
               for a in n.places for t in towns)


def hinted_alternative(n: Name, hint: str | None):
    """For one mention whose context names a feature type the name's choice does not have
    ("the Vologda province" when "Vologda" is the town): the best candidate of that type and
    its share of the probability among such candidates; None when the choice fits."""
    b = n.best
    if not hint or b is None or coarse(b.feature) in COMPATIBLE.get(hint, {hint}):
        return None
    probs = n.probs if len(n.probs) == len(n.places) else [1.0 / len(n.places)] * len(n.places)
    fits = [k for k, p in enumerate(n.places) if coarse(p.feature) in COMPATIBLE.get(hint, {hint})]
    if not fits:
        return None
    k = max(fits, key=lambda k: (probs[k], -k))
    total = sum(probs[j] for j in fits)
    return n.places[k], (probs[k] / total if total else 0.0)


def _capital_of(cand, admins):
    """The province a city gives its name to ("Laibach": the city of Ljubljana and its
    province): a same-named admin area of the same country whose area holds the city."""
    if cand.feature not in ("city", "town") or (cand.population or 0) < CAPITAL_POPULATION:
        return None
    for a in admins:
        if a.name != cand.name or a.country != cand.country:
            continue
        if a.bbox:
            south, west, north, east = a.bbox
            if south <= cand.lat <= north and west <= cand.lon <= east:
                return a
        elif km(a.lat, a.lon, cand.lat, cand.lon) <= CAPITAL_KM:
            return a
    return None


def coherent(n: Name, names: dict[str, Name]) -> bool:
    """Whether a name's choice fits the document: its country is that of another name's
    choice, or it lies within ``COHERENT_KM`` of another chosen place."""
    b = n.best
    if b is None:
        return False
    for m in names.values():
        if m is n or m.best is None or m.best.id == b.id:
            continue
        o = m.best
        if b.country and o.country == b.country:
            return True
        if km(b.lat, b.lon, o.lat, o.lon) <= COHERENT_KM:
            return True
    return False


def alternatives(n: Name) -> list[dict]:
    """The top candidates of a name, for the mention's attrs.  Shared by the mentions that get
    it while the name's candidates and their scores stay the same: treat it as read-only."""
    basis = (tuple(n.places), tuple(n.probs))
    if n.shown is not None and n.shown[0] == basis:
        return n.shown[1]
    order = sorted(range(len(n.places)), key=lambda k: -n.probs[k] if n.probs else k)[:TOP_ALTERNATIVES]
    out = []
    for k in order:
        p = n.places[k]
        out.append({"id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "feature": p.feature,
                    "country": p.country, "match": p.match,
                    "score": round(n.probs[k], 3) if n.probs else None})
    n.shown = (basis, out)
    return out
