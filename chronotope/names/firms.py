"""Firms and transport operators: "Kaplan and Roth", "Hart & Co.", "the Cunard liner", "Air France".

Two surnames joined by "and" are usually two people; these rules say when
the text marks them as one business, and when a capitalised name before
"liner", "flight", "line" names the company that runs the service.
"""
from __future__ import annotations

import re

from .tokens import is_cap_token, name_run
from .vocab import words

# "the firm of Kaplan and Roth", "the house of Baring"
_FIRM_OF = re.compile(r"\b(?:firm|house|partnership|company) of(?: the)?$")


def _conj_run(sd, i: int) -> tuple[int, int] | None:
    """"Kaplan and Roth", "Hart & Lowe": (index of the joining word, end), or None."""
    j1 = name_run(sd, i, 3)
    if j1 == i or j1 + 1 >= len(sd) or sd[j1].lower_ not in {"and", "&"}:
        return None
    if sd[j1 + 1].lower_ in {"co", "co.", "company", "son", "sons", "brothers"} and sd[j1 + 1].text[:1].isupper():
        return j1, j1 + 2   # "John Holt and Company", "Hart & Sons"
    j2 = name_run(sd, j1 + 1, 3)
    if j2 == j1 + 1:
        return None
    return j1, j2


def firm_after_messrs(sd, i: int, j: int) -> int | None:
    """"my bankers, Messrs. Kaplan and Roth": a firm when a trade, a firm noun or an address marks it.

    "Messrs. Kaplan and Roth walked with me" is two gentlemen: the title alone
    does not decide.
    """
    got = _conj_run(sd, i)
    if got is None:
        return None
    j1, j2 = got
    if firm_end(sd, i):
        return firm_end(sd, i)
    before = [x.lower_ for x in sd[max(0, i - 4):i - 1]]
    if any(w in words("firm_trades") for w in before):
        return j2
    if j2 + 2 < len(sd) and sd[j2].text == "," and sd[j2 + 1].lower_ == "of" and is_cap_token(sd[j2 + 2]):
        return j2           # "Messrs. Kaplan and Roth, of Cheapside": a business address
    return None


def firm_end(sd, i: int) -> int | None:
    """End of a firm's name "X and Y" starting at ``i`` when the text marks it as one.

    Two surnames joined by "and" are usually two people; a firm is marked by
    "& Co.", "the firm of", "X and Y's office", "the X and Y company".
    """
    got = _conj_run(sd, i)
    if got is None:
        return _listed_firm(sd, i)
    j1, j2 = got
    if sd[j2 - 1].lower_ in {"co", "co."} or (sd[j2 - 1].lower_ in {"company", "son", "sons", "brothers"}
                                              and j2 - 1 == j1 + 1) or (
            j2 < len(sd) and sd[j2].lower_ in {"&", "and"}
            and j2 + 1 < len(sd) and sd[j2 + 1].lower_ in {"co", "co.", "sons"}):
        if sd[j2 - 1].lower_ not in {"co", "co.", "company", "son", "sons", "brothers"}:
            j2 += 2
        return j2
    before = " ".join(x.lower_ for x in sd[max(0, i - 3):i])
    if _FIRM_OF.search(before):
        return j2
    k = j2
    if k < len(sd) and sd[k].text in {"'s", "’s", "'"}:
        k += 1
    if k < len(sd) and sd[k].text.islower() and sd[k].lower_ in words("firm_nouns"):
        return j2
    return None


def _listed_firm(sd, i: int) -> int | None:
    """"the firm of Randles, Brother and Hudson": a list of names after "the firm of" is one firm."""
    before = " ".join(x.lower_ for x in sd[max(0, i - 3):i])
    if not _FIRM_OF.search(before):
        return None

    def run(k):             # capitalised words, "Brother" and "Sons" included
        e = k
        while e < len(sd) and e - k < 3 and is_cap_token(sd[e]) and not sd[e].is_sent_start:
            e += 1
        return e

    j = run(i)
    commas = 0
    while j + 1 < len(sd) and sd[j].text == "," and is_cap_token(sd[j + 1]):
        j = run(j + 1)
        commas += 1
    if commas and j + 1 < len(sd) and sd[j].lower_ in {"and", "&"} and is_cap_token(sd[j + 1]):
        return run(j + 1)
    return None


# service nouns that name the operator itself, and so belong to its name: "the Inman line"
OPERATOR_NOUNS = {"line", "lines", "railway", "railways", "railroad", "railroads", "company", "airline", "airlines"}
# of these, the ones a place's name may open: "the Erie railway" is a company, "the Odessa train" no one
PLACE_OPERATORS = {"railway", "railways", "railroad", "railroads", "company"}


def carrier_end(sd, i: int) -> int | None:
    """End of a capitalised name (1-3 words) standing before a transport service noun, or None.

    The end includes the noun when it names the operator ("the Inman line",
    "the Erie railway"), not when it names what the operator runs ("the
    Cunard liner").
    """
    j = i
    while j < len(sd) and j - i < 3 and is_cap_token(sd[j]) and not sd[j].is_sent_start:
        j += 1
    if j == i or j >= len(sd):
        return None
    nxt = sd[j]
    if not nxt.text.islower() or nxt.lower_ not in words("carrier_nouns"):
        return None
    if j + 1 < len(sd) and nxt.lower_ in OPERATOR_NOUNS and sd[j + 1].pos_ in ("NOUN", "PROPN") and sd[j + 1].text.islower():
        return None         # "the Perm line station": the noun modifies another
    operator = nxt.lower_ in OPERATOR_NOUNS
    if j - i == 1:
        ent = sd[i].ent_type_
        if sd[i].pos_ == "ADJ" or sd[i].lower_ in words("titles") \
                or (ent == "NORP" and not (operator and sd[i].pos_ == "PROPN")) \
                or (ent in ("GPE", "LOC") and nxt.lower_ not in PLACE_OPERATORS):
            return None     # "a Danish steamer", "the Odessa train"; not "the Inman line"
    if not operator and any(sd[x].ent_type_ == "PERSON" for x in range(i, j)):
        return None         # "the Cunard line" is named after its founder; "the Smith steamer" is no firm
    return j + 1 if operator else j


def without_operator(name: str) -> str:
    """"Elder Dempster line" -> "Elder Dempster": the name without its operator noun."""
    ws = name.split()
    if len(ws) > 1 and ws[-1].islower() and ws[-1] in OPERATOR_NOUNS:
        return " ".join(ws[:-1])
    return name


def trade_name_end(ctx, sd, base: int, i: int) -> int | None:
    """End of a trade name made of a word and a place: "the Air France clerk", "Air Canada Cargo".

    ``sd[i]`` is a capitalised word that is no place, no title and no
    qualifier of a place ("North", "New"); a place's name follows it, and the
    whole is used as a name: more capitalised words follow ("Cargo"), or the
    phrase stands after "the"/"a" before a common noun ("the Air France
    clerk"). Returns the end index, or None.
    """
    t = sd[i]
    low = t.lower_
    if not is_cap_token(t) or t.text.isupper() or t.is_sent_start or i + 1 >= len(sd) \
            or t.ent_type_ in ("NORP", "GPE", "LOC", "PERSON", "DATE", "TIME") or t.pos_ == "ADJ" \
            or any(low in words(w) for w in ("titles", "place_prefixes", "place_words", "place_qualifiers",
                                            "particles")):
        return None
    if ctx.place(base + t.idx, base + t.idx + len(t.text)) is not None:
        return None
    nxt = sd[i + 1]
    start = base + nxt.idx
    end = None
    for a, b, _res in ctx.places:
        if a == start:
            end = b
    if end is None:
        return None
    j = i + 1
    while j < len(sd) and base + sd[j].idx < end:
        j += 1
    k = j
    while k < len(sd) and k - j < 2 and is_cap_token(sd[k]) and not sd[k].is_sent_start \
            and ctx.place(base + sd[k].idx, base + sd[k].idx + len(sd[k].text)) is None:
        k += 1
    if k > j:
        return k            # "Air Canada Cargo"
    before = sd[i - 1].lower_ if i > 0 else ""
    if j < len(sd) and before in {"the", "a", "an", "every", "each"} and sd[j].text.islower() \
            and sd[j].pos_ == "NOUN":
        return j            # "the Air France clerk"
    return None
