"""Turning the surviving candidates into ``person:`` and ``organization:`` entities.

People are clustered by ``cluster.cluster_people`` (full names, given names,
surnames, close spellings); organizations by their folded name, with plurals,
acronyms and bare head words joined to the one long name they stand for.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from ..document import Document, Entity, slug
from .candidate import Candidate
from .cluster import Item, cluster_people, org_key, person_id
from .firms import without_operator
from .org_rules import acronym_letters, initials, is_head_word, org_name
from .parse import parse_name
from .vocab import given_name_gender


def build_entities(doc: Document, cands: list[Candidate]) -> None:
    sent_starts = [s.nstart for s in doc.sentences]
    para_starts = [p.nstart for p in doc.paragraphs]
    people = [c for c in cands if c.kind == "person"]
    orgs = [c for c in cands if c.kind == "organization"]
    items = []
    for c in people:
        parts = parse_name(c.name)
        if not parts.last and not parts.first:
            continue
        items.append(Item(key=c, parts=parts, sentence=bisect_right(sent_starts, c.nstart) - 1,
                          paragraph=bisect_right(para_starts, c.nstart) - 1, pos=c.nstart))
    used_ids: set[str] = set(doc.entities)
    for cl in cluster_people(items):
        name = cl.canonical()
        eid = person_id(name)
        k = 2
        while eid in used_ids and doc.entities.get(eid) is not None and doc.entities[eid].kind == "person" \
                and eid in doc.state.get("people_ids", set()):
            eid = f"{person_id(name)}-{k}"
            k += 1
        doc.state.setdefault("people_ids", set()).add(eid)
        used_ids.add(eid)
        best = parse_name(name)
        attrs = {}
        if best.first:
            attrs["first"] = best.first
        if best.last:
            attrs["surname"] = best.last
        g = given_name_gender(best.first) if best.first and not best.is_initial() else None
        if g in ("male", "female"):
            attrs["gender"] = g
        titles = sorted({t for it in cl.items for t in it.parts.titles})
        if titles:
            attrs["titles"] = titles
        if cl.variants:
            attrs["variants"] = cl.variants
            attrs["merge"] = "variant spelling"
        ent = doc.entities.get(eid)
        if ent is None:
            ent = doc.entities[eid] = Entity(id=eid, kind="person", name=name, aliases=[],
                                             confidence=cl.confidence, attrs=attrs)
        for alias in [name] + cl.aliases():
            if alias not in ent.aliases:
                ent.aliases.append(alias)
        for it in cl.items:
            c = it.key
            m = doc.add_mention("person", c.nstart, c.nend, entity=eid, source=f"people:{c.source}",
                                confidence=round(c.confidence * cl.confidence, 3))
            if it.parts.titles:
                m.attrs["titles"] = it.parts.titles
    by_key: dict[str, list[Candidate]] = {}
    for c in orgs:
        name = org_name(c.name)
        if not name:
            continue
        c.name = name
        by_key.setdefault(org_key(name), []).append(c)
    # plurals: "Soviets" joins "Soviet" when both are there
    for key in list(by_key):
        if key.endswith("s") and key[:-1] in by_key:
            by_key[key[:-1]].extend(by_key.pop(key))
    _link_short_forms(by_key)
    for key, cs in by_key.items():
        names = Counter(c.name for c in cs)
        # "every Elder Dempster boat" names the firm better than "the Elder Dempster line"
        plain = [n for n in names if without_operator(n) == n] or list(names)
        name = max(plain, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        eid = f"organization:{slug(name)}"
        conf = max(c.confidence for c in cs)
        ent = doc.entities.get(eid)
        if ent is None:
            ent = doc.entities[eid] = Entity(id=eid, kind="organization", name=name, aliases=[], confidence=conf)
        for n in list(names) + [without_operator(n) for n in names]:
            if n not in ent.aliases:
                ent.aliases.append(n)   # "Inman line" is also "Inman"
        for c in cs:
            doc.add_mention("organization", c.nstart, c.nend, entity=eid, source=f"people:{c.source}",
                            confidence=c.confidence)


def _link_short_forms(by_key: dict[str, list[Candidate]]) -> None:
    """Join an acronym ("A.R.U.") or a bare head word ("the Society") to the one long name it stands for.

    An acronym joins the organization whose significant words have its letters
    as initials; a head word alone joins the one organization whose name ends
    with it. Where two names fit, nothing is joined.
    """
    long_names = {k: cs[0].name for k, cs in by_key.items() if len(cs[0].name.split()) > 1}
    for key in list(by_key):
        cs = by_key.get(key)
        if not cs:
            continue
        name = cs[0].name
        if len(name.split()) != 1:
            continue
        letters = acronym_letters(name)
        if letters:
            fits = [k for k, n in long_names.items() if initials(n) == letters]
            if not fits and len(letters) >= 3:     # "JDC" for the "American Joint Distribution Committee"
                fits = [k for k, n in long_names.items() if initials(n).endswith(letters)]
        elif is_head_word(name):
            fits = [k for k, n in long_names.items() if _head_of(n) == name.lower()]
        else:
            continue
        if len(fits) == 1 and fits[0] in by_key and fits[0] != key:
            by_key[fits[0]].extend(by_key.pop(key))


def _head_of(name: str) -> str:
    """The head word of an organization's name: "Society for Exiles" -> "society"."""
    toks = name.split()
    for k, w in enumerate(toks):
        if k and w in ("of", "for"):
            return toks[k - 1].lower()
    return toks[-1].lower()
