"""Token patterns that mark an organization's name, and acronyms tied to their long forms.

The people stage finds most organizations by an English head noun at the end
("the Central Committee"). Narratives of other places and periods name them in
other shapes, which the rules here read over a list of spaCy tokens:

* a numbered unit: "the 15th Infantry", "the 43rd Division";
* a foreign name opening with its head: "Colegio Madrid", "Société Générale de
  Transports Maritimes";
* a newspaper: "the Chicago Tribune", "in the Times";
* an acronym the text defines: "the International Labour Office (ILO)",
  and an acronym whose letters are the initials of a name found elsewhere.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .vocab import DATA, words

_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th|d)$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){1,5}[A-Z]\.?$")
_PLAIN_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_CAP = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
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


def is_cap(text: str) -> bool:
    return bool(_CAP.match(text)) and text.lower() not in words("not_names")


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
