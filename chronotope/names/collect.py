"""Collecting person and organization candidates in one section.

The language model's named entities are the starting point
(``model_entities``); rules written for historical narratives add what it
misses or mislabels: names after titles ("Senator Lopukhin", "Comrades
Syermuks and Poznansky", "citizen Trotsky, Lev Davydovich"), a known given
name before a capitalised word ("Anatole France"), a name after an office
("the Bale of Ibadan, Fijabi,") or as the subject of a person's verb
("Ayodele Coker wrote"), initials ("L. Trotsky"), firms, carriers and trade
names (``firms``), organizations by their head noun, numbered units,
newspapers, political wings, foreign names and acronyms (``org_rules``).
"""
from __future__ import annotations

import re

from ..document import Document
from .candidate import P_RULE, P_TITLE, P_WEAK, Candidate, SectionReader, is_place_run
from .firms import OPERATOR_NOUNS, PLACE_OPERATORS, carrier_end, firm_after_messrs, firm_end, trade_name_end
from .model_entities import read_model_entities
from .org_rules import (acronym_token, defined_acronym, head_word, known_org, lead_head_phrase, numbered_unit,
                        org_after_run, org_phrase, political_wing)
from .parse import split_list
from .person_rules import (collect_class_words, inverted_tail, is_initial, name_after_called, name_after_office,
                           office_title, person_surfaces, quoted_nickname, subject_of_person_verb)
from .tokens import PLACE_PREPOSITIONS, geographic_names, is_cap_token, lowercase_words, name_run, sentence_break
from .vocab import is_given_name, words


def collect(doc: Document, section) -> list[Candidate]:
    """Person and organization candidates in one section, by rule and from the model's entities."""
    if section.spacy is None:
        return []
    r = SectionReader(doc, section)
    sd = r.sd
    vessel_names = set()
    for k, t in enumerate(sd):
        if t.lower_ in words("vessel_words") and k + 1 < len(sd) and is_cap_token(sd[k + 1]):
            vessel_names.add(sd[k + 1].text)
    doc.state.setdefault("vessel_names", set()).update(vessel_names)
    r.vessel_names = vessel_names
    r.lower_words = {t.text for t in sd if t.text.islower()}
    collect_class_words(doc, r.sdoc, sd)
    r.person_ok = person_surfaces(r.sdoc, sd)
    _titled_names(r)
    _token_rules(r)
    read_model_entities(r)
    return r.out


def _titled_names(r: SectionReader) -> None:
    """Names after titles ("Senator Lopukhin"), lists after plural titles, firms after "Messrs."."""
    doc, sd, base, ctx, add, taken = r.doc, r.sd, r.base, r, r.add, r.taken
    n = len(sd)
    i = 0
    while i < n:
        t = sd[i]
        low = t.lower_
        # A. titles before names, with lists after plural titles
        if low in words("titles") and i + 1 < n and sd[i + 1].lower_ not in words("titles") and (
                is_cap_token(sd[i + 1]) or (sd[i + 1].lower_ in words("particles") and name_run(sd, i + 1) > i + 2)):
            if t.is_sent_start and t.text[0].isupper() and low in {"father", "mother", "brother", "sister", "master", "private", "major", "count", "justice", "elder", "don", "general"} and not sd[i + 1].pos_ == "PROPN":
                i += 1
                continue
            if low in words("place_prefixes"):
                i += 1          # "St. Jago": a place or a saint's day, not a person
                continue
            if not t.text.endswith(".") and sd[i + 1].pos_ != "PROPN" \
                    and sd[i + 1].lower_ in lowercase_words(doc):
                i += 1          # "General Aspect", "the elder Fuegian": a common word after the title
                continue
            j = name_run(sd, i + 1)
            if office_title(doc, sd, i, j):
                i = j           # "a Chief Clerk", "the Deputy Public Prosecutor", "the General Meeting"
                continue
            if org_after_run(sd, i, j):
                i += 1          # "the General Managers' Association", "the Elder Dempster line"
                continue
            if low.rstrip(".") == "messrs" and j > i + 2 and sd[j - 1].lower_ in {"brothers", "sons", "co", "co."}:
                add("organization", i + 1, j, P_TITLE, "firm", 0.8)    # "Messrs. Baring Brothers"
                taken.update(range(i, j))
                i = j
                continue
            if low.rstrip(".") == "messrs" and j > i + 1:
                firm = firm_after_messrs(sd, i + 1, j)
                if firm:
                    add("organization", i + 1, firm, P_TITLE, "firm", 0.8)
                    taken.update(range(i, firm))
                    i = firm
                    continue
            if j > i + 1 and not is_place_run(ctx, sd, base, i + 1, j):
                j = inverted_tail(sd, j)
                add("person", i + 1, j, P_TITLE, "title", 0.9, title=t.text)
                taken.update(range(i, j))
                # "Comrades Syermuks and Poznansky", "Generals A, B and C"
                k = j
                while k + 1 < n and sd[k].lower_ in {",", "and", "&"}:
                    k2 = k + 1
                    if sd[k2].lower_ == "and" and sd[k].text == ",":
                        k2 += 1
                    if k2 < n and is_cap_token(sd[k2]) and sd[k2].lower_ not in words("titles"):
                        e2 = name_run(sd, k2)
                        if (low.rstrip(".").endswith("s") and low.rstrip(".") not in {"mrs", "ms"}) or sd[k].lower_ in {"and", "&"} or sd[k2 - 1].lower_ in {"and", "&"}:
                            if is_place_run(ctx, sd, base, k2, e2):
                                break
                            add("person", k2, e2, P_TITLE, "title-list", 0.85, title=t.text)
                            taken.update(range(k2, e2))
                            k = e2
                            continue
                    break
                i = max(j, k)
                continue
        i += 1


def _token_rules(r: SectionReader) -> None:
    """Rules read token by token; the first that matches claims the tokens."""
    doc, sd, base, ctx, add, taken = r.doc, r.sd, r.base, r, r.add, r.taken
    vessel_names, lower_words = r.vessel_names, r.lower_words
    for i, t in enumerate(sd):
        if i in taken:
            continue
        # B. post-nominal titles: "Kemal Pasha"
        if t.lower_ in words("post_titles") and i > 0 and is_cap_token(sd[i - 1]) and t.text[0].isupper() and i - 1 not in taken:
            add("person", i - 1, i + 1, P_RULE, "post-title", 0.85)
            taken.update((i - 1, i))
            continue
        # C. a name in apposition after an office: "the Bale of Ibadan, Fijabi,"
        office = name_after_office(doc, sd, i)
        if office and not any(x in taken for x in range(i, office)) \
                and ctx.place(base + t.idx, base + sd[office - 1].idx + len(sd[office - 1].text)) != "resolved" \
                and t.text not in doc.state.get("people_class_words", ()):
            add("person", i, office, P_RULE, "office-apposition", 0.75)
            taken.update(range(i, office))
            continue
        # C''. a nickname in quotes inside a name: 'Duncan "Jock" McIver'
        nick = quoted_nickname(sd, i)
        if nick and not any(x in taken for x in range(i, nick[0])):
            add("person", i, nick[0], P_RULE, "nickname", 0.8, name=nick[1])
            taken.update(range(i, nick[0]))
            continue
        # C'. a name introduced by "called" after a person noun: "a bailiff called Ah Seng"
        called = name_after_called(doc, sd, i)
        if called and not any(x in taken for x in range(i, called)) \
                and ctx.place(base + t.idx, base + sd[called - 1].idx + len(sd[called - 1].text)) != "resolved":
            add("person", i, called, P_RULE, "called", 0.75)
            taken.update(range(i, called))
            continue
        # D. a known given name followed by capitalised words: "Anatole France"
        if is_cap_token(t) and t.pos_ == "PROPN" and not t.is_stop and t.lower_ not in lower_words \
                and t.ent_type_ in ("", "PERSON") and not t.text.isupper() and is_given_name(t.text) and i + 1 < len(sd) and is_cap_token(sd[i + 1]) \
                and (i == 0 or sd[i - 1].lower_ not in PLACE_PREPOSITIONS | {"the", "a", "an"}) \
                and not sentence_break(sd, i + 1):     # "The Long Strike" is no Mr. Long
            j = name_run(sd, i)
            if j >= i + 2 and ctx.place(base + t.idx, base + t.idx + len(t.text)) is None \
                    and not any(sd[x].text in vessel_names for x in range(i, j)) \
                    and (j >= len(sd) or sd[j].lower_ not in words("org_heads")) \
                    and sd[i + 1].text not in {"of", "and"} and not firm_end(sd, i):
                j = inverted_tail(sd, j)
                add("person", i, j, P_RULE, "given-name", 0.8)
                taken.update(range(i, j))
                continue
        # D'. a name the model missed, as the subject of a person's verb: "Ayodele Coker wrote"
        subject = subject_of_person_verb(doc, sd, i) if i not in taken else None
        if subject and not any(x in taken for x in range(i, subject)) \
                and ctx.place(base + t.idx, base + sd[subject - 1].idx + len(sd[subject - 1].text)) is None:
            add("person", i, subject, P_RULE, "verb-subject", 0.7)
            taken.update(range(i, subject))
            continue
        # E. initials before a surname: "L. Trotsky", "P A Zlydnev"
        if is_initial(t) and (i == 0 or not is_initial(sd[i - 1]) and sd[i - 1].lower_ != "the"):
            # not after "the": "the R. Negro" is a river
            j = i
            while j < len(sd) and is_initial(sd[j]):
                j += 1
            dotted = any(sd[x].text.endswith(".") for x in range(i, j))
            if j - i == 1 and t.lower_ in words("place_prefixes"):
                continue        # "S. Carlos": San Carlos
            if j < len(sd) and (j - i >= 2 or dotted) and is_cap_token(sd[j]) \
                    and (len(sd[j].text) > 2 or (sd[j].lower_ in words("particles") and name_run(sd, j, 3) > j + 1)) \
                    and sd[j].text not in vessel_names:
                e = name_run(sd, j, 2)
                if e < len(sd) and head_word(sd[e]) or any(head_word(sd[x]) for x in range(j, e)):
                    continue    # "the C.M.S. Grammar School": an institution, not "C.M.S. Grammar"
                if e > j and ctx.place(base + sd[j].idx, base + sd[e - 1].idx + 1) is None:
                    add("person", i, e, P_RULE, "initials", 0.85)
                    taken.update(range(i, e))
                    continue
        # F. firms: "the firm of Kaplan and Roth", "Fisher and Dale's office", "Hart & Co."
        if is_cap_token(t) and (i == 0 or sd[i - 1].lower_ not in {"and", "&"}):
            firm = firm_end(sd, i)
            if firm:            # a firm may be named after places: "the Volga and Kama company"
                add("organization", i, firm, P_RULE, "firm", 0.75)
                taken.update(range(i, firm))
                continue
        # G. the operator of a transport service: "the Cunard liner", "a Pan American flight"
        if is_cap_token(t) and i > 0 and sd[i - 1].lower_ in {"the", "a", "an", "every", "each", "another"}:
            carrier = carrier_end(sd, i)
            if carrier:
                cs, ce = base + t.idx, base + sd[carrier - 1].idx + len(sd[carrier - 1].text)
                if (not ctx.covered_by_place(cs, ce) or sd[carrier - 1].lower_ in PLACE_OPERATORS) and not any(sd[x].text in vessel_names for x in range(i, carrier)) \
                        and sd[carrier - 1 - (sd[carrier - 1].lower_ in OPERATOR_NOUNS)].text not in geographic_names(doc):
                    add("organization", i, carrier, P_RULE, "carrier", 0.7)
                    taken.update(range(i, carrier))
                    continue
        # K. organizations by head noun: "the Central Committee", "the Duma"
        if head_word(t) and t.text[0].isupper() and not (t.text.isupper() and len(t.text) > 1) \
                and i not in taken and not (i > 0 and sd[i - 1].text == "-"):
            cand = org_phrase(sd, i)
            if cand:
                a, b = cand
                # the head itself must not be a place's ("the Atlantic Line" is no place,
                # "the New York Times" no town, "Government House" no government)
                person_like = t.lower_ not in words("org_heads") \
                    and (a == 0 or sd[a - 1].lower_ not in {"the", "a", "an"}) \
                    and (is_given_name(sd[a].text) or t.ent_type_ == "PERSON") \
                    and not any(sd[x].lower_ in {"and", "&"} for x in range(a, b))   # "Rock Island and Pacific Railway"
                if ctx.place(base + t.idx, base + t.idx + len(t.text)) != "resolved" and not person_like:
                    # "Emily Post", "Henry Cabot Lodge": a person whose surname is a company word
                    add("organization", a, b, P_RULE, "org-head", 0.8)
                    taken.update(range(a, b))
                    continue
        # J. well-known bodies named without a head: "the Gestapo", "the Red Cross"
        known = known_org(sd, i)
        if known and not any(x in taken for x in range(i, known)):
            k0 = i
            while k0 > 0 and is_cap_token(sd[k0 - 1]) and not sd[k0 - 1].is_sent_start and k0 - 1 not in taken \
                    and i - k0 < 3:
                k0 -= 1     # "the Mexican Red Cross", "the International Red Cross"
            add("organization", k0, known, P_RULE, "known-org", 0.8)
            taken.update(range(k0, known))
            continue
        # M. numbered units: "the 15th Infantry", "the 43rd Division"
        unit = numbered_unit(sd, i)
        if unit and not any(x in taken for x in range(i, unit)):
            add("organization", i, unit, P_RULE, "numbered-unit", 0.8)
            taken.update(range(i, unit))
            continue
        # W. a political grouping by its wing: "the Catalan Left"
        wing = political_wing(sd, i)
        if wing is not None and not any(x in taken for x in range(wing, i + 1)):
            add("organization", wing, i + 1, P_RULE, "wing", 0.75)
            taken.update(range(wing, i + 1))
            continue
        # P. a trade name made of a word and a place: "the Air France clerk", "Air Canada Cargo"
        trade = trade_name_end(ctx, sd, base, i) if i not in taken else None
        if trade and not any(x in taken for x in range(i, trade)):
            add("organization", i, trade, P_RULE, "trade-name", 0.75)
            taken.update(range(i, trade))
            continue
        # N. foreign names opened by their head: "Colegio Madrid", "Garde Mobile"
        lead = lead_head_phrase(sd, i) if i not in taken else None
        if lead and (ctx.place(base + t.idx, base + t.idx + len(t.text)) is None or lead - i >= 3):
            # a head and two more words outweigh a place reading of the head ("Sociedad Geográfica de La Paz")
            add("organization", i, lead, P_RULE, "lead-head", 0.75)
            taken.update(range(i, lead))
            continue
        # L'. an acronym in brackets defines the name before it: "the Labour Office (ILO)"
        defined = defined_acronym(sd, i)
        if defined is not None and not any(x in taken for x in range(defined, i - 1)):
            add("organization", defined, i - 1, P_RULE, "acronym-defined", 0.8)
            taken.update(range(defined, i - 1))
            add("organization", i, i + 1, P_RULE, "acronym-defined", 0.8)
            taken.add(i)
            continue
        # L. acronyms: "the GPU", "the A.R.U."
        if acronym_token(doc, sd, i) and ctx.place(base + t.idx, base + t.idx + len(t.text)) is None:
            add("organization", i, i + 1, P_WEAK, "acronym", 0.6)


_AUTHOR_END = re.compile(r"(?<=\w\w)\.\s+[A-Z]|'s\b")


def note_author_candidates(doc: Document) -> list[Candidate]:
    """Authors the notes stage found in notes: people mentions too."""
    out = []
    for s, e in doc.state.get("note_authors", []):
        text = doc.norm[s:e]
        # "Cuvier. Ossemens Fossils", "Azara's Voyage": the author, not the title after
        for cut in _AUTHOR_END.finditer(text):
            before = text[:cut.start()].split()
            if cut.group() == "'s" or (before and before[-1].lower() + "." not in words("titles")
                                        and before[-1].lower() not in words("titles")):
                text = text[:cut.start()]
                break
        for part in split_list(text):
            k = doc.norm.find(part, s, e)
            if k >= 0:
                out.append(Candidate("person", k, k + len(part), part, P_RULE, "note-author", 0.9))
    return out
