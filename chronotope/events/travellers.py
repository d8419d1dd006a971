"""Whose movement a travel frame tells: the narrator's party, someone named, a relative, a
group "they" stands for, or no one ("she carried them": the papers travelled).

Split from :mod:`.journeys`, which chains the movements each traveller makes; here only the
choice of traveller (a key: ``NARRATOR``, ``WRITER``, an entity id, ``np:<noun>`` for an unnamed traveller,
``sig:<initials>`` for a letter writer known only by signature), from the roles that
:mod:`.traveller_roles` read off the parse and the people stage's mentions.
"""
from __future__ import annotations

from .resolve import entities_for, mentions_in, narrator
from .tellers import first_person, letter_writer_at, main_writer, protagonist, quoted, third_person

NARRATOR = "narrator"
WRITER = "writer"       # the "I" of a text told in the third person: its author, not its subject
FOCUS, NO_ONE = "(focus)", "(no one)"


def traveller_key(doc, f, focus, v) -> str | None:
    """Who makes the movement a frame tells, as a key (see above), or None when it is no one we
    can follow; ``focus`` is whom the text followed last, for "he", "they" and subjectless verbs."""
    roles = f.get("travellers") or []
    if not roles:
        return None
    kin = set(v.get("gendered_nouns", {})) | set(v.get("traveller_nouns", []))
    first = [r for r in roles if r.get("person") in ("I", "we") or r.get("kind") == "first"
             or (r.get("owner") in ("I", "we") and r.get("lemma") not in kin)]
    if first:       # "our convoy", not "my father": a relative travels on their own
        return teller_key(doc, f["nstart"], first[0]["span"][0])
    if third_person(doc) and any(r.get("lemma") in v.get("household_nouns", []) and
                                     doc.norm[r["span"][0]:r["span"][1]].lower().startswith("the ") for r in roles):
        return NARRATOR     # "the couple left Lisbon" in a life: its subject's household, not whoever moved last
    for r in roles:     # "Lenoir's convoy sailed from Toulon": Lenoir went with it
        if r.get("possessor"):
            ids = [m.entity for m in mentions_in(doc, "person", nstart=r["possessor"][0], nend=r["possessor"][1])
                   if m.entity] or _by_name(doc, doc.norm[r["possessor"][0]:r["possessor"][1]])
            if ids:
                return NARRATOR if ids[0] == protagonist(doc) else ids[0]
    owns = [r for r in roles if r.get("kind") == "own"]
    for r in owns:      # "his wife Hélène": the one named
        ids = _own_ids(doc, r)
        if ids:
            return NARRATOR if ids[0] == protagonist(doc) else ids[0]
    for r in owns:
        if r.get("person") in ("you",):
            return None
        return "np:" + r.get("lemma", r["text"].lower())
    for r in roles:
        if r.get("pronoun"):
            k = _antecedent_key(doc, r, v)
            if k == FOCUS:
                return focus or NARRATOR
            if k == NO_ONE or (k is None and r["pronoun"] == "plural"):
                return None     # "she carried them (the papers) to Athens": no one travels
            if k is not None:
                return k
            if first_person(doc):
                return None     # "she carried them to Athens" in a memoir: not the teller's move
    if any(r.get("kind") == "focus" for r in roles):
        return focus or NARRATOR
    return None


def teller_key(doc, pos: int, at: int | None = None) -> str:
    """Whose "I" this is: the narrator's; in letters by several hands, this letter's writer's
    ("Verdun, 2 November 1803. My dear Meg, ... J. Calder": his movements, not hers); in a
    text told in the third person, its writer's ("When I went up to Porto in 2012" in a life
    of someone else), unless the "I" (at ``at``, else ``pos``) is quoted: the subject's own words."""
    w = letter_writer_at(doc, pos)
    if w is None or w == main_writer(doc):
        if third_person(doc) and not quoted(doc, pos if at is None else at):
            return WRITER
        return NARRATOR
    return w


def _own_ids(doc, r, kinds=("person", "organization")) -> list[str]:
    """The people a traveller slot names, leaving out a possessor ("Gurevich's friend Mendelson"
    is Mendelson, not Gurevich, even when Mendelson is no known person)."""
    hs, he = r["head"]
    head = [m.entity for m in mentions_in(doc, "person", nstart=hs, nend=he) if m.entity]
    if head:
        return list(dict.fromkeys(head))
    ids = [i for i in entities_for(doc, r, kinds=kinds) if not any(
        m.entity == i and doc.norm[m.nend:m.nend + 2] in ("'s", "\u2019s")
        for m in mentions_in(doc, "person", nstart=r["span"][0], nend=r["span"][1]))]
    return ids or _by_name(doc, doc.norm[hs:he])


def _by_name(doc, word: str) -> list[str]:
    """"Pringle sent his clerk", "Hedwig went down to Nevers" where the people stage took the bare
    surname or first name for no mention: the one person whose full name ends (or begins) with it;
    for a family named in the plural ("the Kesslers sailed"), the one the text follows if it is
    theirs, else the one person of that name."""
    if not word[:1].isupper() or " " in word:
        return []
    people = [e for e in doc.entities.values() if e.kind == "person" and len(e.name.split()) > 1]
    for pos in (-1, 0):
        ids = [e.id for e in people if e.name.split()[pos] == word]
        if len(ids) == 1:
            return ids
    for stem in (word[:-1], word[:-2]) if word.endswith("s") else ():
        ids = [e.id for e in people if e.name.split()[-1] == stem]
        if ids:
            return [protagonist(doc)] if protagonist(doc) in ids else ids[:1] if len(ids) == 1 else []
    return []


def _antecedent_key(doc, r, v) -> str | None:
    """The traveller "he"/"she" stands for: the nearest earlier subject whose gender fits
    (a named person whose gender the people stage knows or does not know; a noun only when
    it tells the gender, "my sister")."""
    want = r["pronoun"]
    if want == "plural":
        return _plural_key(doc, r, v)
    nouns = v.get("gendered_nouns", {})
    for a in r.get("antecedents", []):
        ids = _own_ids(doc, a, kinds=("person",)) if "head" in a else entities_for(doc, a, kinds=("person",))
        if ids:
            e = doc.entities.get(ids[0])
            g = (e.attrs or {}).get("gender") if e is not None else None
            g = g or nouns.get(a.get("lemma"))      # "her brother Paul": the noun tells, if the name does not
            if (g and g != want) or (a.get("relative") and g != want):
                continue        # a relative clause's subject only when its gender tells
            return NARRATOR if ids[0] == protagonist(doc) else ids[0]
        if a.get("proper"):
            continue
        if nouns.get(a.get("lemma")) == want:
            return "np:" + a["lemma"]
    return None


def kin_of(doc, f, v, lead) -> str | None:
    """Whose relative a traveller is named as: "my brother Emmanuel" the teller's, "Holm's wife,
    Karen" Holm's, "his wife" the one the text follows (lead); for a group named by one of its
    members ("Morel's group") the party the text follows (lead); None for anyone else."""
    kin = set(v.get("kin_nouns", []))
    for r in f.get("travellers") or []:
        if r.get("possessor"):
            return lead     # "Morel's group was taken to Brest": a part of the party followed
        if r.get("lemma") not in kin:
            continue
        if r.get("owner") in ("I", "we"):
            return teller_key(doc, f["nstart"])
        hs = r["head"][0]
        owners = [m.entity for m in mentions_in(doc, "person", nstart=r["span"][0], nend=hs) if m.entity]
        if owners:
            return NARRATOR if owners[-1] == protagonist(doc) else owners[-1]
        return lead
    return None


def _plural_key(doc, r, v) -> str | None:
    """The traveller "they"/"them" stands for (see traveller_roles.plural_antecedents): a group is the
    party we follow (returned as None, so the caller keeps the focus); listed people or a
    plural noun for people travel on their own unless the one we follow is among them; a
    thing, or nothing found in a first-person text, is no traveller ("she carried them")."""
    if r.get("of_them") and first_person(doc):
        return FOCUS        # "a fishing boat had taken the three of them across": the party told of
    ants = [a for a in r.get("antecedents") or []     # "they rode to Limoges" is not Orléans
            if not mentions_in(doc, "place", nstart=a["head"][0], nend=a["head"][1])]
    if not first_person(doc):
        # in a text with no teller, a thing is not who "they" are that travel, nor a thing
        # named inside a phrase who "them" are ("sleeping in barns. From Limoges they reached ..."),
        # nor the people of "the column of people" (the column is)
        subj = r.get("subject", r.get("text", "").lower() == "they")
        ants = [a for a in ants if not (a["sort"] == "thing" and (subj or a.get("pobj"))) and not a.get("in_np")]
    if r.get("people_only"):
        ants = [a for a in ants if a["sort"] != "thing"]
    if not ants:
        return None if first_person(doc) else FOCUS
    a = ants[0]
    if a["sort"] == "group":
        return FOCUS
    if a["sort"] == "thing":
        return NO_ONE
    ids = [i for m in a.get("members", []) for i in _own_ids(doc, m, kinds=("person",))]
    if protagonist(doc) in ids or any(m.get("person") in ("I", "we") for m in a.get("members", [])):
        return FOCUS
    if len(ids) == 1:
        return ids[0]
    return "np:" + a["lemma"]


def travellers_of(doc, k) -> list[str]:
    if k == NARRATOR:
        n = protagonist(doc)
        return [n] if n else []
    if k == WRITER:
        n = narrator(doc)
        return [n] if n else []
    if k.startswith(("np:", "sig:")):
        return []
    return [k]
