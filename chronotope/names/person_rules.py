"""Token rules that tell whether capitalised words name a person.

The language model's PERSON label is a guess; historical narratives are full
of capitalised words that are no one: classes of people ("a Gaucho"), Latin
names of plants and animals, verbs opening a sentence, adjectives ("Lithuanian
chronicles"). These predicates read a span in its sentence and say which it
is, or give the evidence that makes a span the model missed a person
(apposition with a role, a known given name, a surname ending).
"""
from __future__ import annotations

import re
from collections import Counter

from ..document import Document
from .tokens import (LATIN_EPITHET, LATIN_WORD, PLACE_PREPOSITIONS, QUANTIFIERS, is_cap_token,
                     lowercase_words, name_run, sentence_break)
from .vocab import given_name_gender, has_surname_ending, is_given_name, words


_INITIAL = re.compile(r"^[A-Z]\.?$")
_JOINED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")     # "J.P. Morgan", "W.E.B. Du Bois"


def is_initial(t) -> bool:
    """"L." or "L", or joined initials "J.P." that are not a ship's prefix or a country ("H.M.S.", "U.S.")."""
    if _INITIAL.match(t.text):
        return True
    return bool(_JOINED_INITIALS.match(t.text)) and not set(t.text.replace(".", "")) <= set("NSEW") \
        and t.lower_ not in words("vessel_words") \
        and t.ent_type_ not in ("GPE", "LOC", "NORP") and t.lower_ not in words("not_names")


def inverted_tail(sd, j: int) -> int:
    """Extend "Trotsky" to "Trotsky, Lev Davydovich" when a given name (and patronymic) follows.

    Not in a list of surnames ("Messrs. Waterhouse, Walker, Newman, and White"),
    where the word after the comma is the next person's.
    """
    if j + 1 < len(sd) and sd[j].text == "," and is_cap_token(sd[j + 1]) and is_given_name(sd[j + 1].text):
        k = j + 2
        if k < len(sd) and is_cap_token(sd[k]) and re.search(r"(?:vich|vna|ovich|evich)$", sd[k].text):
            return k + 1
        if k + 1 < len(sd) and sd[k].text == "," and (is_cap_token(sd[k + 1]) or sd[k + 1].lower_ in {"and", "&"}):
            return j        # a list goes on after the second name
        if k < len(sd) and sd[k].lower_ in {"and", "&"}:
            return j
        if k >= len(sd) or sd[k].is_punct:
            return k
    return j


_OFFICE_DETERMINERS = {"the", "his", "her", "their", "our", "my", "its"}
_OFFICE_LINKS = {"of", "the", "at", "in", "to", "for", "and", "'s", "’s"}


def name_after_office(doc, sd, i: int) -> int | None:
    """End of a name standing in apposition after an office: "the Bale of Ibadan, Fijabi, ...".

    ``sd[i]`` follows a comma; before it an office is named either by a role
    noun ("the governor of the province, Kuznetsov,") or by a capitalised word
    with "of" and a name ("the Emir of Kano, Aliyu,"). The name is one to
    three capitalised words closed by punctuation.
    """
    if i < 4 or sd[i - 1].text != "," or not is_cap_token(sd[i]) or sd[i].text.isupper() \
            or sd[i].lower_ in words("titles") or sd[i].lower_ in words("particles"):
        return None
    j = name_run(sd, i, 3)
    if j == i or j >= len(sd) or sd[j].text not in {",", ".", ";", ")", ":"}:
        return None
    if any(sd[x].lower_ in words("place_prefixes") or sd[x].lower_ in words("place_words") for x in range(i, j)):
        return None         # "the Province of Buenos Ayres, Santa Fe, ...": a list of places
    k = i - 2               # the last word of the office phrase
    while k >= 0 and i - k <= 9:
        t = sd[k]
        if t.lower_ in _OFFICE_DETERMINERS and t.text.islower() or (t.lower_ == "the" and t.is_sent_start):
            if k + 1 < i - 1 and _office_head(sd, k, i):
                return j
            if k == 0 or sd[k - 1].lower_ != "of":
                return None     # "the chief of the district, X,": look past "of the" for the head
        elif not (is_cap_token(t) or t.lower_ in _OFFICE_LINKS or (t.text.islower() and t.pos_ in ("ADJ", "NOUN"))):
            return None
        k -= 1
    return None


def _office_head(sd, d: int, i: int) -> bool:
    """The noun phrase opened by the determiner ``sd[d]`` names an office: a role, or "Emir of Kano"."""
    h = d + 1
    while h < i - 1 and sd[h].text.islower() and sd[h].pos_ == "ADJ":
        h += 1              # "the former governor"
    head = sd[h]
    if head.text.islower() and (head.lower_ in words("roles") or head.lower_ in words("titles")):
        return True
    return is_cap_token(head) and h + 2 < i - 1 and sd[h + 1].lower_ == "of" and is_cap_token(sd[i - 2]) \
        and head.lower_ not in words("place_words") and head.lower_ not in words("org_heads") \
        and head.lower_ not in words("firm_heads") and head.lower_ not in words("place_prefixes")


_DEMONYM = re.compile(r"(?:ian|ean|an|er|ese|ite|man|woman)$")


def name_after_called(doc, sd, i: int) -> int | None:
    """End of a name introduced by "called" / "named" after a noun for a person.

    "a Land Office bailiff called Ah Seng", "a Clydesider called MacAskill",
    "a jobber named Bapu Salvi": the noun before the verb is a role
    (``roles.txt``) or a capitalised word for a kind of person ("Clydesider",
    "Aberdonian"), which keeps out "a village called Ifield". The name is one
    to three capitalised words, not a title, not a place's.
    """
    if i < 2 or sd[i - 1].lower_ not in {"called", "named"} or not is_cap_token(sd[i]) or sd[i].text.isupper() \
            or sd[i].lower_ in words("titles"):
        return None
    noun = sd[i - 2]
    if noun.text == ",":
        return None         # "..., called Smith": the name of whatever came before
    person_noun = (noun.text.islower() and noun.lower_ in words("roles")) or (
        is_cap_token(noun) and _DEMONYM.search(noun.lower_) and noun.lower_ not in words("titles")
        and i >= 3 and (sd[i - 3].lower_ in {"a", "an"} or (sd[i - 3].pos_ == "ADJ" and sd[i - 3].text.islower())))
    if not person_noun:
        return None
    j = name_run(sd, i, 3)
    if j == i or any(sd[x].lower_ in words("place_words") or sd[x].lower_ in words("org_heads") for x in range(i, j)):
        return None
    return j


def office_title(doc, sd, i: int, j: int) -> bool:
    """The title word ``sd[i]`` and the capitalised words after it name an office, not a person.

    "a Chief Clerk": the words are role nouns; "the Deputy Public Prosecutor":
    a role or title word closes the run; "the General Meeting": after "the",
    an unabbreviated title and a word the document also writes in small
    letters. "Captain Cook", "Mr. Secretary Seward" and "the Emperor
    Napoleon" stay people.
    """
    if j <= i + 1 or sd[i].text.endswith(".") or i == 0 or sd[i - 1].lower_ not in _OFFICE_DETERMINERS | {"a", "an"}:
        return False        # an office takes a determiner: "a Chief Clerk"; "Captain Porter" is a man
    run = [sd[x] for x in range(i + 1, j)]
    if all(t.lower_ in words("roles") for t in run):
        return True
    if j < len(sd) and is_cap_token(sd[j]) and not sd[j].text.endswith(".") and not sentence_break(sd, j) \
            and (sd[j].lower_ in words("roles") or sd[j].lower_ in words("titles")):
        return True
    return j == i + 2 and sd[i - 1].lower_ == "the" and run[0].lower_ in lowercase_words(doc) \
        and not is_given_name(run[0].text)


_QUOTES = {'"', "'", "“", "”", "‘", "’", "``", "''"}


def quoted_nickname(sd, i: int) -> tuple[int, str] | None:
    """A nickname in quotes inside a name: 'Duncan "Jock" McIver' -> (end, "Duncan McIver").

    ``sd[i]`` is a known given name, or a title's name word; a quoted
    capitalised word and a capitalised surname follow. The name is read
    without the nickname, so it clusters with "McIver" and "Duncan McIver".
    """
    if i + 4 >= len(sd) or not is_cap_token(sd[i]) or sd[i + 1].text not in _QUOTES \
            or sd[i + 3].text not in _QUOTES or not is_cap_token(sd[i + 2]) or not is_cap_token(sd[i + 4]):
        return None
    if not (is_given_name(sd[i].text) or (i > 0 and sd[i - 1].lower_ in words("titles"))):
        return None
    if sd[i + 2].lower_ in words("titles") or sd[i + 4].lower_ in words("titles"):
        return None
    j = name_run(sd, i + 4, 2)
    return j, " ".join([sd[i].text] + [sd[x].text for x in range(i + 4, j)])


def role_before(sd, a: int) -> bool:
    """A role noun right before the name: "the historian Szujski", "our guide Pedro"."""
    return a > 1 and sd[a - 1].text.islower() and sd[a - 1].lower_ in words("roles") \
        and sd[a - 2].lower_ in _OFFICE_DETERMINERS | {"a", "an"}


def person_evidence(doc, sd, a: int, b: int) -> str | None:
    """Why a span the model did not call a person is one, or None."""
    last = sd[b - 1]
    text = " ".join(sd[x].text for x in range(a, b))
    # apposition with a role: "Kavtaradze, the former chairman"
    for x in range(a, b):
        for ch in sd[x].children:
            if ch.dep_ == "appos" and ch.i > b and sd[b].text == "," and ch.lemma_.lower() in words("roles"):
                return "role"
    if b + 2 < len(sd) and sd[b].text == ",":
        k = b + 1
        if sd[k].lower_ in {"the", "a", "an", "our", "his", "her", "their", "my", "its"}:
            for x in range(k + 1, min(len(sd), k + 5)):
                if sd[x].lower_ in words("roles") and not (
                        x + 1 < len(sd) and sd[x + 1].pos_ in ("NOUN", "PROPN") and sd[x + 1].text.islower()):
                    return "role"
                if sd[x].is_punct:
                    break
    # a lone given name: "Natalia", "Nikita"
    if b - a == 1 and given_name_gender(text) and (a == 0 or sd[a - 1].lower_ not in PLACE_PREPOSITIONS):
        return "given-name"
    # "my first acquaintance with Istrati"
    if last.dep_ == "pobj" and last.head.lower_ == "with" and last.head.head.lower_ in words("social_words"):
        return "social"
    # an East European surname ending, used as a name (possessive, list or subject)
    if b - a == 1 and has_surname_ending(text) and (
            (b < len(sd) and sd[b].text == "'s") or last.dep_ in ("conj", "nsubj", "appos", "poss")):
        return "surname"
    return None


def bad_person(doc, sd, a: int, b: int, text: str) -> bool:
    if any(ch.isdigit() for ch in text) or text.lower() in words("not_names"):
        return True
    parts = text.split("-")
    if len(parts) > 2 and len({p.lower() for p in parts}) == 1:
        return True            # "Chu-chu-chu-chu"
    if b - a == 1 and sd[a].is_sent_start:
        low = text.lower()
        if low != text and low in lowercase_words(doc):
            return True        # a common word capitalised at a sentence start ("Sciatica")
    return False


def full_name(doc, sd, a: int, b: int, prev) -> bool:
    """A two- or three-word span opening with a known given name is a person's ("Mikhail Orlov")."""
    if not 2 <= b - a <= 3 or (prev is not None and prev.lower_ in {"the", "a", "an"}):
        return False
    toks = [sd[x] for x in range(a, b)]
    if all(_INITIAL.match(t.text) for t in toks[:-1]) and any(t.text.endswith(".") for t in toks[:-1]) \
            and (is_cap_token(toks[-1]) or re.match(r"^[a-z]{1,2}['’][A-Z]", toks[-1].text)) and len(toks[-1].text) > 2:
        return True         # "M. A. Dubois"
    if not all(is_cap_token(t) and not t.text.isupper() for t in toks):
        return False
    if any(t.lower_ in words("org_heads") or t.lower_ in words("firm_heads") or t.lower_ in words("place_words")
           for t in toks):
        return False
    lower = lowercase_words(doc)
    if any(t.lower_ in lower for t in toks) or len(toks[0].text) < 3:
        return False        # "Marine Lizard": common words, not a name
    return is_given_name(toks[0].text)


_OBJECT_WORDS = {"the", "a", "an", "my", "your", "his", "her", "our", "their", "him", "them", "me", "us", "it",
                 "this", "that", "these", "those", "all", "everyone", "nobody"}


def imperative(sd, a: int, b: int) -> bool:
    """A one-word "name" opening a sentence and followed by an object is a verb: "Greet the neighbours"."""
    t = sd[a]
    return t.is_sent_start and b < len(sd) and sd[b].lower_ in _OBJECT_WORDS and not is_given_name(t.text) \
        and t.text[1:].islower()


def possessive_name(sd, a: int, b: int) -> bool:
    """ "X's Y" naming a place or an institution ("Guy's Hospital"): X before, or Y after, the possessive."""
    if b + 1 < len(sd) and sd[b].text in ("'s", "’s") and sd[b + 1].lower_ in words("institution_words") \
            and sd[b + 1].text[:1].isupper():
        return True
    if a >= 2 and sd[a - 1].text in ("'s", "’s") and is_cap_token(sd[a - 2]) and sd[a].lower_ in words("institution_words"):
        return True
    return False


def taxon_context(sd, a: int, b: int) -> bool:
    """A Latin name of a plant or animal: "(Aptenodytes demersa)", "the genus Millepora", "_Mulita_"."""
    prev = sd[a - 1] if a > 0 else None
    if prev is not None and prev.lower_ in words("taxon_words"):
        return True
    k = a - 1              # a list after one: "the genera Colymbetes, Hydroporus, Hydrobius"
    while k >= 1 and sd[k].text in {",", "and"} and is_cap_token(sd[k - 1]) and a - k < 16:
        k -= 2
        if k >= 0 and sd[k].lower_ in words("taxon_words"):
            return True
    if prev is not None and prev.lower_ == "of" and a >= 2 and sd[a - 2].lower_ in words("taxon_words"):
        return True         # "species of Geospiza"
    if prev is not None and prev.lower_ == "of" and a >= 2 and sd[a - 2].lower_ in words("place_words"):
        return True         # "the hacienda of Quintero", "the plain of Guitron": a place
    if prev is not None and prev.text == "_" or sd[a].text.startswith("_"):
        return True         # italics in plain-text editions mark foreign words
    if b < len(sd):
        nxt = sd[b]
        if nxt.text.islower() and nxt.lower_ in words("place_words"):
            return True     # not a person either: "Mahlos-Mahdoo atoll"
        if prev is not None and prev.text == "(" and nxt.text[:1].islower() and LATIN_WORD.search(nxt.text):
            return True
    return False


def modifies_next(sd, b: int) -> bool:
    """The word before ``sd[b]`` modifies it: "Lithuanian chronicles", "Cynara cardunculus"."""
    if b >= len(sd):
        return False
    nxt = sd[b]
    return nxt.text.isalpha() and nxt.text.islower() and (
        nxt.pos_ in ("NOUN", "X") or (nxt.pos_ in ("ADJ", "PROPN") and bool(LATIN_EPITHET.search(nxt.text))))


def collect_class_words(doc: Document, sdoc, sd) -> None:
    """Capitalised words the text uses as common nouns: "a Gaucho", "the Spaniards were", NORP names.

    Collected for the whole document in ``doc.state["people_class_words"]``; a
    one-word person name among them is a class of people (or a ship, a
    landmark), not a person.
    """
    found = doc.state.setdefault("people_class_words", set())
    for ent in sdoc.ents:
        if ent.label_ == "NORP" and len(ent) == 1:
            found.add(ent.text)
    n = len(sd)
    for i in range(1, n):
        t = sd[i]
        if not t.is_title or t.is_sent_start:
            continue
        prev = sd[i - 1].lower_
        if i >= 2 and sd[i - 1].pos_ == "ADJ" and sd[i - 1].text.islower() and prev != "certain" \
                and sd[i - 2].lower_ in {"a", "an"}:
            prev = "a"      # "a hard Aberdonian", "a young Englishman"; not "a certain Smith"
        if prev not in QUANTIFIERS and prev != "the":
            continue
        k = i + 1
        while k < n and sd[k].is_space:
            k += 1
        nxt = sd[k] if k < n else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
                                or nxt.text == "'s"):
            continue        # "the Rosas government", "a Mr. Smith", "the Beagle Channel"
        if prev == "the" and not (t.text.endswith("s") or t.lower_ in lowercase_words(doc)):
            if t.pos_ == "PROPN":
                continue    # "the Bosphorus" is handled where it is read; keep plural and common words
        found.add(t.text)


def person_surfaces(sdoc, sd) -> set[str]:
    """Names the model calls people and the text never uses as places.

    A gazetteer knows towns called after people; a surface form that the
    model labels a person at least twice, and that never follows "in", "at",
    "to", "from"... in the section, is a person even where a place matcher
    claimed it.  Possessives and evidence of a person ("Klyuchevsky's Russian
    history") count too.
    """
    labelled: Counter = Counter()
    place_ctx: set[str] = set()
    for ent in sdoc.ents:
        text = ent.text
        if ent.label_ == "PERSON":
            labelled[text] += 1
    for t in sd:
        if t.i > 0 and sd[t.i - 1].lower_ in PLACE_PREPOSITIONS | {"to", "from"} and is_cap_token(t):
            place_ctx.add(t.text)
        if t.i + 1 < len(sd) and is_cap_token(t) and sd[t.i + 1].lower_ in {"road", "district", "province", "station",
                                                                  "railway", "line", "river", "street"}:
            place_ctx.add(t.text)
    out = {s for s, n in labelled.items() if n >= 2 and s not in place_ctx}
    for t in sd:
        if is_cap_token(t) and t.i + 1 < len(sd) and sd[t.i + 1].text == "'s" and has_surname_ending(t.text) \
                and t.text not in place_ctx:
            out.add(t.text)
    return out


_NUMERIC_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}


def subject_of_person_verb(doc, sd, i: int) -> int | None:
    """End of two or three capitalised words that are the subject of a person's verb ("Ayodele Coker wrote").

    For names the model leaves unlabelled and the given-name dictionary does
    not know. Words the document also writes in small letters, words of
    places, organizations and titles, and dates are left alone.
    """
    t = sd[i]
    if not is_cap_token(t) or t.ent_type_ in _NUMERIC_ENTS or t.text.isupper() or (i > 0 and is_cap_token(sd[i - 1])):
        return None
    if t.is_stop or (t.is_sent_start and t.pos_ != "PROPN"):
        return None         # "Then Teodor Vlasak": a word opening the sentence
    j = name_run(sd, i, 3)
    if j - i < 2 or j >= len(sd):
        return None
    lower = lowercase_words(doc)
    toks = [sd[x] for x in range(i, j)]
    if any(x.ent_type_ in _NUMERIC_ENTS or x.lower_ in lower or x.text.isupper() or len(x.text) < 2
           or any(x.lower_ in words(w) for w in ("org_heads", "firm_heads", "place_words", "place_prefixes",
                                                 "titles", "not_names"))
           for x in toks):
        return None
    last = sd[j - 1]
    verb = last.head
    if last.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in words("person_verbs"):
        return None
    return j