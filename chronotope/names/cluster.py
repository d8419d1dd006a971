"""Which mentions name the same person or organization, in one document and across many.

Record linkage libraries (dedupe, splink) learn from labelled pairs over
tabular records; here a handful of rules over name parts decide, in the order
a reader would: full names first (same surname, compatible given names),
then given names alone, then bare surnames, then close spellings, which are
proposed as one entity with lower confidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..document import slug
from .firms import without_operator
from .parse import NameParts, compatible_given, fold, parse_name

VARIANT_SIMILARITY = 0.82     # Jaro-Winkler between two spellings proposed as one name
VARIANT_EDIT_SIMILARITY = 0.7  # names in different paragraphs: at most 30% of letters changed
VARIANT_CONFIDENCE = 0.6


@dataclass
class Item:
    """One mention to cluster: its parts, where it is (sentence and paragraph ids)."""
    key: object                 # whatever the caller uses to find the mention again
    parts: NameParts
    sentence: int = -1
    paragraph: int = -1
    pos: int = 0


@dataclass
class Cluster:
    items: list[Item] = field(default_factory=list)
    confidence: float = 1.0
    variants: list[str] = field(default_factory=list)

    @property
    def full(self) -> list[NameParts]:
        return [i.parts for i in self.items if i.parts.first]

    @property
    def surname(self) -> str:
        for p in self.full:
            return fold(p.last)
        return fold(self.items[0].parts.last or self.items[0].parts.first)

    def canonical(self) -> str:
        """The longest clean full form: most name words, then most letters, initials last."""
        def score(p: NameParts):
            words = p.name.split()
            initials = sum(1 for w in words if len(w.rstrip(".")) == 1)
            return (len(words) - initials, len(words), len(p.name))
        best = max((i.parts for i in self.items), key=score)
        return best.name

    def aliases(self) -> list[str]:
        seen, out = set(), []
        for i in self.items:
            for form in (i.parts.name,):
                if form not in seen:
                    seen.add(form)
                    out.append(form)
        return out


def cluster_people(items: list[Item]) -> list[Cluster]:
    """Cluster person mentions of one document."""
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = {}     # folded surname -> clusters with given names
    # 1. names with a given name (or initial): same surname, compatible given names
    bare: list[Item] = []
    for it in items:
        if not it.parts.first:
            bare.append(it)
            continue
        key = fold(it.parts.last)
        target = None
        for c in by_surname.get(key, ()):
            if all(compatible_given(it.parts, p) for p in c.full):
                target = c
                break
        if target is None:
            target = Cluster()
            clusters.append(target)
            by_surname.setdefault(key, []).append(target)
        target.items.append(it)
    _merge_before_particle(clusters, by_surname)
    by_given: dict[str, list[Cluster]] = {}
    for c in clusters:
        for g in {fold(p.first) for p in c.full}:
            by_given.setdefault(g, []).append(c)
    # 2. a lone word that is the given name of exactly one cluster ("Natalia")
    rest: list[Item] = []
    given_only: set[int] = set()
    for it in bare:
        w = fold(it.parts.last)
        cands = by_given.get(w, [])
        if w not in by_surname and len(cands) == 1:
            cands[0].items.append(it)
            given_only.add(id(it))
        else:
            rest.append(it)
    # 3. bare surnames: one decision per surname for the whole document
    by_word: dict[str, list[Item]] = {}
    for it in rest:
        by_word.setdefault(fold(it.parts.last), []).append(it)
    for w, its in by_word.items():
        cands = by_surname.get(w, [])
        sentences = {i.sentence for i in its if i.sentence >= 0}
        # a cluster named by given name alone in the same sentence as the bare
        # surname ("Trotsky wrote to Natalia") is someone else
        cands = [c for c in cands if not any(i.sentence in sentences for i in c.items if id(i) in given_only)]
        if cands:
            target = max(cands, key=lambda c: (len(c.items), max(i.pos for i in c.items)))
            target.items.extend(its)
        else:
            clusters.append(Cluster(items=list(its)))
    _merge_variants(clusters)
    for c in clusters:
        c.items.sort(key=lambda i: i.pos)
    return clusters


def _merge_before_particle(clusters: list[Cluster], by_surname: dict[str, list[Cluster]]) -> None:
    """"Sheikh Abdul Kadir" is "Abdul Kadir al-Fatani": a name that is all the given names
    of one fuller name whose surname opens with a particle (al-, bin, van) is that person."""
    fuller: dict[tuple[str, ...], list[Cluster]] = {}
    for c in clusters:
        for p in c.full:
            if p.last[:1].islower() and len(p.given) >= 1:
                fuller.setdefault(tuple(fold(w) for w in p.given), []).append(c)
    for c in list(clusters):
        forms = {tuple(fold(w) for w in p.given + [p.last]) for p in c.full}
        if len(forms) != 1:
            continue
        targets = {id(t): t for t in fuller.get(next(iter(forms)), []) if t is not c}
        if len(targets) != 1:
            continue
        target = next(iter(targets.values()))
        target.items.extend(c.items)
        clusters.remove(c)
        for cs in by_surname.values():
            if c in cs:
                cs.remove(c)


def _merge_variants(clusters: list[Cluster]) -> None:
    """Two one-word names spelled almost alike, close together or both rare: one person, less sure."""
    singles = [c for c in clusters if not c.full or all(len(p.name.split()) == 1 for p in (i.parts for i in c.items))]
    merged: set[int] = set()
    for a_i, a in enumerate(singles):
        if id(a) in merged:
            continue
        for b in singles[a_i + 1:]:
            if id(b) in merged or a is b:
                continue
            wa, wb = fold(a.items[0].parts.name), fold(b.items[0].parts.name)
            if wa == wb or len(wa) < 4 or len(wb) < 4 or wa[:3] != wb[:3]:
                continue
            if wa + "a" == wb or wb + "a" == wa:
                continue        # Ivanov / Ivanova: usually two people of one family
            if JaroWinkler.similarity(wa, wb) < VARIANT_SIMILARITY or abs(len(wa) - len(wb)) > 2:
                continue        # a shared prefix alone ("Strack" / "Strzelecki") is not a variant
            near = {i.paragraph for i in a.items} & {i.paragraph for i in b.items}
            rare = len(a.items) <= 2 and len(b.items) <= 2
            if not (near or rare):
                continue
            if not near and Levenshtein.normalized_similarity(wa, wb) < VARIANT_EDIT_SIMILARITY:
                continue        # far apart, the spellings must be closer: "Martens" is not "Marsden"
            keep, drop = (a, b) if len(a.items) >= len(b.items) else (b, a)
            keep.items.extend(drop.items)
            keep.confidence = min(keep.confidence, VARIANT_CONFIDENCE)
            keep.variants.extend(sorted({i.parts.name for i in drop.items}))
            merged.add(id(drop))
    clusters[:] = [c for c in clusters if id(c) not in merged]


def _name_score(p: NameParts):
    words = p.name.split()
    initials = sum(1 for w in words if len(w.rstrip(".")) == 1)
    return (len(words) - initials, len(words), len(p.name))


def person_id(name: str) -> str:
    return f"person:{slug(name)}"


def org_key(name: str) -> str:
    """The folded name without "the", and without an operator's lower-case noun ("the Inman line" = "Inman")."""
    return fold(" ".join(w for w in without_operator(name).split() if w.lower() != "the"))


# -- across documents ----------------------------------------------------

def merge_across(corpus) -> dict[str, str]:
    """Merge person and organization entities of the run's documents; re-point everything.

    Persons: entities with a given name merge when their surnames agree and
    given names are compatible; an entity known only by surname joins the one
    full-name group of that surname that is not already a different person in
    its own document.  Organizations merge by name.  Returns old id -> new id
    for ids that changed; mentions, events, journeys, citations, the
    ``narrator`` of each document and ``corpus.entities`` are updated.
    """
    records = []   # (doc, entity)
    for d in corpus.documents:
        for e in d.entities.values():
            if e.kind in ("person", "organization"):
                records.append((d, e))
    groups: list[list] = []
    people = [(d, e, parse_name(e.name)) for d, e in records if e.kind == "person"]
    full = [r for r in people if r[2].first]
    bare = [r for r in people if not r[2].first]
    for r in full:
        target = None
        for g in groups:
            gp = [x[2] for x in g]
            if fold(gp[0].last) == fold(r[2].last) and all(compatible_given(r[2], p) for p in gp if p.first):
                target = g
                break
        if target is None:
            groups.append([r])
        else:
            target.append(r)
    by_surname: dict[str, list] = {}
    for r in bare:
        by_surname.setdefault(fold(r[2].last), []).append(r)
    for w, rs in by_surname.items():
        docs = {id(r[0]) for r in rs}
        cands = [g for g in groups if fold(g[0][2].last) == w and not any(id(x[0]) in docs for x in g)]
        if len(cands) >= 1:
            best = max(cands, key=lambda g: sum(len(x[1].aliases) for x in g))
            best.extend(rs)
        else:
            groups.append(list(rs))
    for d, e in records:
        if e.kind == "organization":
            k = org_key(e.name)
            g = next((g for g in groups if g[0][1].kind == "organization" and org_key(g[0][1].name) == k), None)
            if g is None:
                groups.append([(d, e, None)])
            else:
                g.append((d, e, None))
    remap: dict[str, str] = {}
    merged: dict[str, object] = {}
    for g in groups:
        ents = [x[1] for x in g]
        kind = ents[0].kind
        if kind == "person":
            best = max((x[2] for x in g), key=_name_score)
            name = best.name
            new_id = person_id(name)
        else:
            name = max((e.name for e in ents), key=len)
            new_id = ents[0].id if len({e.id for e in ents}) == 1 else f"organization:{slug(name)}"
        for d, e, _ in g:
            if e.id != new_id:
                remap[e.id] = new_id
        merged[new_id] = (kind, name, ents)
    if not remap:
        _rebuild_corpus_entities(corpus, merged)
        return remap
    for d in corpus.documents:
        local = {}
        for old, ent in list(d.entities.items()):
            new = remap.get(old)
            if new is None:
                continue
            del d.entities[old]
            tgt = d.entities.get(new) or local.get(new)
            if tgt is None:
                ent.id = new
                local[new] = ent
            else:
                _absorb(tgt, ent)
        for new, ent in local.items():
            if new in d.entities:
                _absorb(d.entities[new], ent)
            else:
                d.entities[new] = ent
            kind, name, _ = merged[new]
            d.entities[new].name = name
            if name not in d.entities[new].aliases:
                d.entities[new].aliases.insert(0, name)
        for m in d.mentions:
            if m.entity in remap:
                m.entity = remap[m.entity]
        for ev in d.events:
            for p in ev.participants:
                if p.entity in remap:
                    p.entity = remap[p.entity]
        for j in d.journeys:
            j.travellers = [remap.get(t, t) for t in j.travellers]
        if d.meta.get("narrator") in remap:
            d.meta["narrator"] = remap[d.meta["narrator"]]
    for j in getattr(corpus, "journeys", []):
        j.travellers = [remap.get(t, t) for t in j.travellers]
    _rebuild_corpus_entities(corpus, merged, remap)
    return remap


def _absorb(into, other) -> None:
    for a in [other.name] + list(other.aliases):
        if a not in into.aliases:
            into.aliases.append(a)
    into.confidence = min(into.confidence, other.confidence)
    for k, v in other.attrs.items():
        into.attrs.setdefault(k, v)


def _rebuild_corpus_entities(corpus, merged, remap=None) -> None:
    """Keep ``corpus.entities`` (if the caller filled it) in step with the merge."""
    ents = getattr(corpus, "entities", None)
    if ents is None or not ents:
        return
    remap = remap or {}
    for old, new in remap.items():
        e = ents.pop(old, None)
        if e is None:
            continue
        if new in ents:
            _absorb(ents[new], e)
        else:
            e.id = new
            ents[new] = e
    for new, (kind, name, _) in merged.items():
        if new in ents:
            ents[new].name = name
