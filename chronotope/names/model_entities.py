"""What to keep of the language model's PERSON, ORG, GPE and NORP entities.

The model's labels are guesses: a PERSON may be a place, a verb opening a
sentence or a Latin name; an ORG may be an animal or a book title; a GPE may
be a person the text names with a role ("Witte, the former prime minister").
Each entity is checked against the rules in ``person_rules`` and
``org_rules`` and proposed with the reading the evidence supports.
"""
from __future__ import annotations

from .candidate import P_MODEL, P_RULE, SectionReader, is_place_run
from .org_rules import ORG_MODEL_CONFIDENCE, bad_org, org_guess
from .person_rules import (bad_person, full_name, imperative, modifies_next, office_title, person_evidence,
                           possessive_name, role_before, taxon_context)
from .tokens import PLACE_PREPOSITIONS, is_cap_token
from .vocab import words


def read_model_entities(r: SectionReader) -> None:
    """Keep, relabel or drop each of the language model's entities in the section."""
    doc, sd, base, ctx, add, taken = r.doc, r.sd, r.base, r, r.add, r.taken
    sdoc, vessel_names, lower_words, person_ok = r.sdoc, r.vessel_names, r.lower_words, r.person_ok
    for ent in sdoc.ents:
        a, b = ent.start, ent.end
        while a < b and sd[a].lower_ in {"the", "a", "an"}:
            a += 1
        while b > a and (sd[b - 1].is_punct or sd[b - 1].is_space or sd[b - 1].text == "'s"):
            b -= 1
        if b <= a or any(x in taken for x in range(a, b)):
            continue
        s, e = base + sd[a].idx, base + sd[b - 1].idx + len(sd[b - 1].text)
        span_text = doc.norm[s:e]
        if "\n" in span_text or not span_text[0].isupper():
            continue
        place = ctx.place(s, e)
        prev = sd[a - 1] if a > 0 else None
        after_vessel = prev is not None and prev.lower_ in words("vessel_words") or span_text in vessel_names
        if taxon_context(sd, a, b) or possessive_name(sd, a, b):
            continue        # a Latin name; "Guy's Hospital": neither "Guy" nor "Hospital" a person
        if after_vessel or (prev is not None and prev.lower_ in words("place_prefixes") and prev.text[:1].isupper()):
            continue
        label = ent.label_
        single = b - a == 1
        tok = sd[a]
        if label == "NORP":
            if b < len(sd) and sd[b].lower_ in words("nation_orgs"):
                add("organization", a, b + 1, P_RULE, "nation-org", 0.8)
            continue
        evidence = person_evidence(doc, sd, a, b)
        if label == "PERSON" and single and tok.lower_ in words("org_heads"):
            add("organization", a, b, P_MODEL, "model", 0.7)
            continue
        if label == "PERSON":
            while b - a > 1 and sd[a].is_sent_start and (sd[a].pos_ not in ("PROPN",) or sd[a].lower_ in lower_words):
                a += 1      # "Reached Kiel": a sentence-initial verb is not part of the name
                s = base + sd[a].idx
                span_text = doc.norm[s:e]
                single = b - a == 1
                tok = sd[a]
            if sum(1 for x in range(a, b) if sd[x].text.isupper() and len(sd[x].text) > 2) >= 2:
                continue    # a telegram in capitals, not a name
            if single and modifies_next(sd, b) and not role_before(sd, a):
                continue    # an adjective use: "Lithuanian chronicles", a genus: "Cynara cardunculus"
            if single and prev is not None and prev.lower_ in {"the", "las", "los", "el"}:
                continue    # "the Bosphorus", "Las Minas": people do not take the article
            if single and imperative(sd, a, b):
                continue    # "Kiss the children": a verb opening a sentence
            if any(sd[x].lower_ in {"and", "&"} for x in range(a, b)):
                k = a
                for x in list(range(a, b)) + [b]:
                    if x == b or sd[x].lower_ in {"and", "&", ","}:
                        if x > k and not is_place_run(ctx, sd, base, k, x):
                            add("person", k, x, P_MODEL, "model", 0.7)
                        k = x + 1
                continue
            if bad_person(doc, sd, a, b, span_text):
                continue
            if place == "resolved" and span_text not in person_ok:
                continue
            if place == "unresolved" and not evidence and span_text not in person_ok:
                continue
            if prev is not None and prev.lower_ in PLACE_PREPOSITIONS and not evidence:
                continue    # "at Punta Gorda", "near Rio de Janeiro"
            if _conj_with_place(ctx, sd, base, a, b):
                continue
            if all(sd[x].lower_ in words("titles") for x in range(a, b)) \
                    or (sd[a].lower_ in words("titles") and office_title(doc, sd, a, b)) \
                    or (a > 0 and sd[a - 1].lower_ in words("titles") and is_cap_token(sd[a - 1])
                        and office_title(doc, sd, a - 1, b)):
                continue    # "the Captain", "a Chief Clerk"
            add("person", a, b, P_MODEL, "model", 0.8)
        elif label in ("ORG", "GPE", "LOC", "FAC") and evidence and not (single and modifies_next(sd, b)) and (
                place != "resolved" or evidence in ("role", "social") or span_text in person_ok) \
                and not (place == "resolved" and prev is not None and prev.lower_ in PLACE_PREPOSITIONS):
            add("person", a, b, P_RULE, "evidence:" + evidence, 0.7)
        elif label == "ORG":
            if place or span_text.lower() in words("not_names") or bad_org(span_text):
                continue
            if b < len(sd) and sd[b].text[:1].isupper() and sd[b].lower_ in words("titles"):
                continue        # "the Colonial Secretary": part of an office's title
            if prev is not None and prev.ent_type_ == "NORP" and prev.text[:1].isupper() and a - 1 not in taken \
                    and any(sd[x].lower_ in words("org_heads") or sd[x].lower_ in words("firm_heads")
                            or sd[x].lower_ in ("cross", "crescent") for x in range(a, b)):
                add("organization", a - 1, b, P_MODEL, "model", ORG_MODEL_CONFIDENCE)
                continue        # "the Mexican Red Cross", "the Dutch Reformed Church": one name
            if single and b < len(sd) and sd[b].pos_ == "NOUN" and sd[b].text.islower():
                continue        # an adjective use: "Monarchist parties", "the Obukhov plant"
            if full_name(doc, sd, a, b, prev):
                add("person", a, b, P_RULE, "evidence:full-name", 0.7)
                continue
            conf = org_guess(doc, sd, a, b, span_text)
            if conf:
                add("organization", a, b, P_MODEL, "model", conf, guess=conf < ORG_MODEL_CONFIDENCE)


def _conj_with_place(ctx, sd, base, a, b) -> bool:
    """A name listed among places ("Tver, Rostov, Kursk") is a place."""
    tok = sd[b - 1]
    related = [tok.head] if tok.dep_ == "conj" else []
    related += [c for c in tok.children if c.dep_ == "conj"]
    for r in related:
        if ctx.place(base + r.idx, base + r.idx + len(r.text)):
            return True
    return False
