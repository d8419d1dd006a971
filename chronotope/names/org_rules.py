"""Token patterns that mark an organization's name, and acronyms tied to their long forms.

Most organizations are named by an English head noun at the end ("the Central
Committee", "the Soviet of Workers' Deputies"): :func:`org_phrase` finds the
phrase around such a head. Narratives of other places and periods name them in
other shapes, which the rules here also read over a list of spaCy tokens:

* a numbered unit: "the 15th Infantry", "the 43rd Division";
* a political grouping named by its wing: "the Catalan Left";
* a foreign name opening with its head: "Colegio Madrid", "Société Générale de
  Transports Maritimes";
* a newspaper: "the Chicago Tribune", "in the Times";
* an acronym the text defines: "the International Labour Office (ILO)",
  and an acronym whose letters are the initials of a name found elsewhere;
* an acronym alone: "the GPU", "the A.R.U.".

:func:`org_guess` says how far to trust the model's ORG label on a span.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from .tokens import LATIN_WORD, POSSESSIVES, QUANTIFIERS, caps_line, is_cap, is_cap_token, lowercase_words, shouted
from .vocab import DATA, words

_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th|d)$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){1,5}[A-Z]\.?$")
_PLAIN_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){3,6}$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_TAXON_END = re.compile(r"(?:us|um|ae|ii|ata|ium|ia|idae|ensis|oides|odon|therium|eae|i)$")
_SKIP_IN_INITIALS = {"of", "the", "and", "&", "for", "in", "on", "to", "at"}


@lru_cache(maxsize=1)
def newspaper_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every newspaper head word, those that name a paper alone after "the")."""
    heads, bare = set(), set()
    with open(DATA / "newspaper_heads.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if parts:
                heads.add(parts[0].lower())
                if "bare" in parts[1:]:
                    bare.add(parts[0].lower())
    return frozenset(heads), frozenset(bare)


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, list[tuple[str, ...]]]:
    """First word -> the word sequences of well-known organizations that start with it."""
    out: dict[str, list[tuple[str, ...]]] = {}
    with open(DATA / "known_orgs.txt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                toks = tuple(line.split())
                out.setdefault(toks[0], []).append(toks)
    for seqs in out.values():
        seqs.sort(key=len, reverse=True)
    return out


def known_org(sd, i: int) -> int | None:
    """End of a well-known organization's name written as listed ("the Gestapo", "Red Cross")."""
    for seq in known_orgs().get(sd[i].text, ()):
        if i + len(seq) <= len(sd) and all(sd[i + k].text == w for k, w in enumerate(seq)):
            return i + len(seq)
    return None


def numbered_unit(sd, i: int) -> int | None:
    """End of "15th Infantry" / "47th Bengal Native Infantry" starting at the ordinal ``sd[i]``."""
    if not _ORDINAL.match(sd[i].text):
        return None
    j = i + 1
    end = None
    while j < len(sd) and j - i <= 4 and is_cap(sd[j].text) and not sd[j].is_sent_start:
        if sd[j].lower_ in words("unit_words"):
            end = j + 1
        j += 1
    return end          # "the 43rd Division of the Republican Army": the army is named on its own


def political_wing(sd, i: int) -> int | None:
    """Start of "the Catalan Left", "the Republican Left" when ``sd[i]`` is the capitalised wing word."""
    t = sd[i]
    if t.lower_ not in words("wing_words") or not t.text[:1].isupper() or t.text.isupper() or t.is_sent_start:
        return None
    a = i
    while a > 0 and i - a < 2 and is_cap(sd[a - 1].text) and not sd[a].is_sent_start \
            and sd[a - 1].lower_ not in words("titles") and not sd[a - 1].text.isupper():
        a -= 1
    if a == i or a == 0 or sd[a - 1].lower_ != "the" or sd[a].is_sent_start:
        return None
    return a


def lead_head_phrase(sd, i: int) -> int | None:
    """End of a name opened by a foreign head word ("Colegio Madrid", "Garde Mobile"), or None."""
    t = sd[i]
    if t.lower_ not in words("lead_heads") or not t.text[:1].isupper():
        return None
    j, end = i + 1, None
    while j < len(sd) and j - i <= 10:
        x = sd[j]
        if x.is_sent_start:
            break
        if is_cap(x.text) and not x.text.isupper():
            j += 1
            end = j
        elif x.lower_ in words("name_connectors") and x.text.islower():
            j += 1          # "de", "des": part of the name only if a capitalised word follows
        else:
            break
    return end


def bare_newspaper(sd, i: int) -> bool:
    """"the Times", "in the Gazette": a newspaper word alone after "the", in mid-sentence."""
    _, bare = newspaper_words()
    t = sd[i]
    if t.lower_ not in bare or not t.text[:1].isupper() or t.text.isupper() or t.is_sent_start:
        return False
    if i == 0 or sd[i - 1].lower_ != "the":
        return False
    if i + 1 < len(sd) and (is_cap(sd[i + 1].text) or sd[i + 1].pos_ in ("NOUN", "PROPN")):
        return False
    return True


def acronym_letters(text: str) -> str | None:
    """"A.R.U." -> "ARU", "ILO" -> "ILO"; None for anything else."""
    if _DOTTED.match(text):
        return text.replace(".", "")
    if _PLAIN_ACRONYM.match(text):
        return text
    return None


def initials(name: str) -> str:
    """Initials of a name's significant words: "Servicio de Evacuación de Refugiados" -> "SER"."""
    out = []
    for w in re.split(r"[\s-]+", name):
        if not w or w.lower() in _SKIP_IN_INITIALS or w.lower() in words("name_connectors"):
            continue
        if w[:1].isupper():
            out.append(w[0])
    return "".join(out)


def defined_acronym(sd, i: int) -> int | None:
    """Start of the long name an acronym in brackets defines: "the Labour Office (ILO)".

    ``sd[i]`` is the acronym; the words before the "(" whose initials spell it
    are the name. Returns the start index of the name, or None.
    """
    letters = acronym_letters(sd[i].text)
    if not letters or i < 2 or sd[i - 1].text != "(" or i + 1 >= len(sd) or sd[i + 1].text != ")":
        return None
    k = i - 2
    got: list[str] = []
    start = None
    while k >= 0 and len(got) < len(letters):
        t = sd[k]
        if is_cap(t.text):
            got.append(t.text[0])
            start = k
        elif t.lower_ in _SKIP_IN_INITIALS or (t.lower_ in words("name_connectors") and t.text.islower()) \
                or t.text in ("'", "'s", "’s", "-"):
            if not got:
                return None
        else:
            break
        k -= 1
    if start is None or "".join(reversed(got)).upper() != letters.upper():
        return None
    return start


ORG_MODEL_CONFIDENCE = 0.75      # a model ORG with an organisational head word, an acronym or a firm's "&"
ORG_GUESS_CONFIDENCE = 0.4       # a model ORG with none of these: kept only if the document repeats it


def head_word(t) -> bool:
    """A word that ends an organization's name: "Committee", "Railway", "Tribune"."""
    low = t.lower_
    return low in words("org_heads") or low in words("firm_heads") or low in newspaper_words()[0]


def is_head_word(word: str) -> bool:
    low = word.lower()
    return low in words("org_heads") or low in words("firm_heads") or low in newspaper_words()[0]


def org_after_run(sd, i: int, j: int) -> bool:
    """The capitalised words after a title word ``sd[i]`` are an organization's, not a person's.

    "the General Managers' Association": an organization's head follows the
    run (perhaps after a possessive); "the Elder Dempster line", "every Elder
    Dempster boat": a transport service noun follows a run after a determiner.
    """
    if j <= i + 1 or j >= len(sd):
        return False
    k = j
    if sd[k].text in ("'", "'s", "’s", "’") and k + 1 < len(sd):
        k += 1
    nxt = sd[k]
    if nxt.text[:1].isupper() and head_word(nxt):
        return True
    before = sd[i - 1].lower_ if i > 0 else ""
    return k == j and nxt.text.islower() and nxt.lower_ in words("carrier_nouns") \
        and before in {"the", "a", "an", "every", "each", "another"} and not sd[i].text.endswith(".")


def _after_the(sd, k: int) -> bool:
    """The capitalised words ending at ``sd[k]`` follow "the": "the Hudson's ...", not "Trotsky's ..."."""
    while k > 0 and is_cap_token(sd[k - 1]) and not sd[k].is_sent_start:
        k -= 1
    return k > 0 and sd[k - 1].lower_ == "the"


def _org_left(sd, i: int) -> int:
    """Start of the capitalised words before ``sd[i]`` (hyphenated compounds included: "Anti-war")."""
    a = i
    while a > 0 and not sd[a - 1].is_sent_start and sd[a - 1].lower_ not in {"the", "and", "&"}:
        p = sd[a - 1]
        if is_cap_token(p) or p.text == "-":
            a -= 1
        elif p.is_alpha and p.text.islower() and a >= 3 and sd[a - 2].text == "-" and is_cap_token(sd[a - 3]):
            a -= 1          # the lower-case half of "Anti-dictatorial"
        elif p.text in ("'", "'s", "’s", "’") and a >= 2 and is_cap_token(sd[a - 2]) and not sd[a - 2].is_sent_start \
                and (sd[a - 2].lower_ in words("titles") or sd[a - 2].lower_ in words("roles")
                     or (p.text in ("'", "’") and sd[a - 2].lower_.endswith("s"))
                     or (sd[i].lower_ in words("org_heads") and _after_the(sd, a - 2))):
            a -= 1          # "the Colonial Secretary's Office", "the Hudson's Bay Company"
        else:
            break
    if a > 0 and sd[a - 1].is_sent_start and is_cap_token(sd[a - 1]) and sd[a - 1].lower_ not in {"the", "a", "an"}:
        a -= 1
    while a < i and sd[a].text == "-":
        a += 1
    return a


def org_phrase(sd, i: int) -> tuple[int, int] | None:
    """The organization phrase around head noun ``sd[i]``, or None."""
    a = _org_left(sd, i)
    # "the Army and Navy Club", "the Workers' and Peasants' Party": one name, not two
    if a < i and a >= 2 and sd[a - 1].lower_ in {"and", "&"}:
        k = a - 2
        if sd[k].text in ("'", "’") and k >= 1 and sd[k - 1].lower_.endswith("s"):
            k -= 1          # "Workers' and"
        if is_cap_token(sd[k]) and not sd[k].is_sent_start and sd[k].lower_ not in words("titles"):
            a = _org_left(sd, k + 1) if k + 1 < a - 1 else _org_left(sd, a - 1)
    a = _of_before(sd, a, i)
    b = i + 1
    # "of Workers' Deputies", "of the Communist International", "of Surgeons of Edinburgh",
    # "on Labour" after a body that inquires ("the Royal Commission on Labour")
    for second in (False, True):
        if b + 1 >= len(sd) or not (sd[b].lower_ in ("of", "for") or (
                sd[b].lower_ == "on" and sd[i].lower_ in _INQUIRY_HEADS and b == i + 1)):
            break
        if second and sd[b + 1].lower_ == "the":
            break           # "the Department of Religious Affairs of the State": the state is no part
        e = _capitalised_tail(sd, b + 1)
        if e is None:
            break
        b = e
    if a == i and b > i + 1 and sd[i].lower_ not in words("org_heads") \
            and not (sd[i].lower_ in newspaper_words()[0] and a > 0 and sd[a - 1].lower_ == "the"):
        return None         # "the Mission of Cudico", "the Hospital of ...": a company word needs a name before it
    if b == i + 1 and b < len(sd) and sd[a].lower_ in words("titles") and is_cap_token(sd[b]) \
            and (sd[b].lower_ in words("roles") or sd[b].lower_ in words("titles")):
        return None         # "the Chief Police Officer": an office's title, not the police
    if b - a == 1:
        if bare_newspaper(sd, i):
            return a, b     # "in the Times"
        if sd[i].lower_ not in words("org_heads"):
            return None     # "the Line", "the Press": company words name a company only with a name
        # a bare head word is an organization only as a noun after "the": "the Duma", "the Soviet"
        if a == 0 or sd[a - 1].lower_ != "the":
            return None
        if b < len(sd) and (sd[b].pos_ in ("NOUN", "PROPN", "ADJ") and not sd[b].is_punct):
            return None
    return a, b


# bodies named after what they inquire into: "the Royal Commission on Labour"
_INQUIRY_HEADS = {"commission", "committee", "conference", "council", "board", "congress", "tribunal"}


def _capitalised_tail(sd, k: int) -> int | None:
    """End of the capitalised words after "of" / "for" / "on" at ``sd[k]`` ("the Communist International"),
    or None when there are none or they hold a head of their own (a second body)."""
    if k < len(sd) and sd[k].lower_ == "the":
        k += 1
    e = k
    while e < len(sd) and (is_cap_token(sd[e]) or sd[e].text in {"'", "'s"} or (
            sd[e].text == "-" and e + 1 < len(sd) and is_cap_token(sd[e + 1])) or (
            sd[e].lower_ in {"and", "&"} and e > k and e + 1 < len(sd) and is_cap_token(sd[e + 1])
            and sd[e + 1].lower_ not in words("org_heads") and sd[e + 1].lower_ not in words("titles")
            and sd[e + 1].lower_.rstrip(".") not in words("titles"))) and sd[e].lower_ not in {"the"}:
        e += 1          # "of Trade and Industry" as well as "of Workers' Deputies"
    if e == k or any(sd[x].lower_ in words("org_heads") for x in range(k, e)) \
            or any(sd[x].ent_type_ in ("DATE", "TIME") for x in range(k, e)):
        return None
    return e


def _of_before(sd, a: int, i: int) -> int:
    """Start of "the Servants of India Society": one or two capitalised words and "of" right after "the"
    before the words ending in the head at ``sd[i]``; otherwise ``a``."""
    if a == 0 or a >= i or a < 3 or sd[a - 1].lower_ != "of":
        return a
    k = a - 2
    while k >= 0 and a - 1 - k <= 2 and is_cap_token(sd[k]) and not sd[k].is_sent_start \
            and sd[k].lower_ not in words("titles") and sd[k].lower_ not in words("org_heads") \
            and sd[k].lower_ not in words("firm_heads") and sd[k].lower_ not in words("place_words"):
        k -= 1
    if k < a - 2 and k >= 0 and sd[k].lower_ == "the":
        return k + 1
    return a


def org_guess(doc, sd, a: int, b: int, text: str) -> float | None:
    """How far to trust the model's ORG label on sd[a:b], or None to drop it.

    Measured on a long natural-history travel book, the model's ORG guesses
    without any mark of an organisation were nearly all animals, plant genera,
    places, book titles and capitalised common words; an organisational head
    word ("Society", "Airways"), an acronym or a firm's "&" is what the true
    ones had.
    """
    toks = [sd[x] for x in range(a, b)]
    if toks[0].lower_ in words("titles") or toks[0].lower_.rstrip(".") in words("titles"):
        return None         # "King of England": a title
    if b + 1 < len(sd) and sd[b].text in ("'s", "’s") and sd[b + 1].text[:1].isupper():
        return None         # "Banks's Cove": part of a place's name
    of = next((k for k, t in enumerate(toks) if t.lower_ == "of"), len(toks))
    head_zone = toks[:of]   # "Types of Organization": the head is "Types"
    if any(t.lower_ in words("org_heads") or (b - a > 1 and head_word(t)) for t in head_zone):
        return ORG_MODEL_CONFIDENCE
    if b - a > 1 and toks[0].lower_ in words("lead_heads"):
        return ORG_MODEL_CONFIDENCE     # "Instituto Luis Vives"
    if b - a == 1 and _PLAIN_ACRONYM.match(text) and not _ROMAN.match(text) and not caps_line(sd, a) \
            and not shouted(doc, text):
        return ORG_MODEL_CONFIDENCE
    if "&" in text:
        return ORG_MODEL_CONFIDENCE
    if re.search(r"--|;|,|\d|\n|_|'s\b|’s\b", text) or text.endswith(("-", "'")):
        return None         # a run of headings, a list, a broken span, "Van Diemen's Land"
    if any(t.lower_ in words("place_words") or t.lower_ in words("place_prefixes") for t in toks):
        return None         # "Sierra Ventana", "St. Fe": a place
    if any(_TAXON_END.search(t.lower_) for t in toks if t.text[:1].isupper()):
        return None         # "Polyborus", "Macrauchenia", "Planariae": Latin names of animals and plants
    if any(t.text.isupper() and len(t.text) > 2 for t in toks):
        return None         # capitals of a licence or a heading
    content = [t for t in toks if t.text[:1].isupper()]
    lower = lowercase_words(doc)
    if not content or all(t.lower_ in lower for t in content) or content[0].lower_ in lower:
        return None         # "Voyage", "Erratic Boulders", "Types of Organization": common words with capitals
    if a > 0 and sd[a - 1].lower_ in POSSESSIVES:
        return None         # "in his Voyage": a book
    if b - a == 1 and LATIN_WORD.search(text.lower()) and a > 0 and sd[a - 1].lower_ in QUANTIFIERS:
        return None         # "a Dermestes": an animal
    return ORG_GUESS_CONFIDENCE


def bad_org(text: str) -> bool:
    return len(text) < 2 or text.islower()


def org_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:'\"")
    if text.endswith(".") and not acronym_letters(text):
        text = text.rstrip(".")     # "A.R.U." keeps its last dot
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text


def acronym_token(doc: Document, sd, i: int) -> bool:
    """``sd[i]`` is an acronym standing for an organization: "the GPU", "the A.R.U.".

    Not a Roman numeral, a word of an all-capitals heading or a word the
    document also writes in small letters; dotted capitals only three or
    more, not a compass bearing and not before a name ("H.M.S. Beagle").
    """
    t = sd[i]
    if _PLAIN_ACRONYM.match(t.text) and not _ROMAN.match(t.text) and t.text.lower() not in words("not_names") \
            and not caps_line(sd, i) and t.ent_type_ not in ("GPE", "LOC") and not shouted(doc, t.text):
        return True
    return bool(_DOTTED_ACRONYM.match(t.text)) and t.ent_type_ not in ("GPE", "LOC") \
        and not set(t.text.replace(".", "")) <= set("NSEW") \
        and t.lower_ not in words("vessel_words") and t.lower_ not in words("not_names") \
        and not (i + 1 < len(sd) and is_cap_token(sd[i + 1])) and not (i > 0 and sd[i - 1].like_num) \
        and not (i > 0 and sd[i - 1].text == ",")
