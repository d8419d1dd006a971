"""Names the document has already given, found again once every section is read.

A surname read once as a person's is a person's elsewhere; an inverted
"Mavrin, Pavel Ilyich" and a heading in capitals ("STATEMENT OF PAVEL I.
MAVRIN") are the same person when the document names them the usual way too.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Document
from .candidate import P_MODEL, P_RULE, P_WEAK, Candidate
from .parse import compatible_given, fold, parse_name
from .vocab import is_given_name, words


class _Spans:
    """Disjoint sorted spans for fast overlap tests (overlapping input spans are merged)."""

    def __init__(self, spans) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s)
        if k > 0 and self.ends[k - 1] > s:
            return True
        return k < len(self.starts) and self.starts[k] < e


_SURNAME_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]+),[ \t\u00a0]*$")


def _known_full_names(cands: list[Candidate]) -> dict[str, list]:
    """Folded surname -> the parsed full names (with a given name or initial) the candidates give it."""
    out: dict[str, list] = {}
    for c in cands:
        if c.kind == "person":
            p = parse_name(c.name)
            if p.first and p.last:
                out.setdefault(fold(p.last), []).append(p)
    return out


def join_inverted_names(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"Mavrin, Pavel Ilyich": a surname and comma before given names make one inverted name.

    Only when the document also names that person the usual way round ("Pavel
    I. Mavrin"), so a list of people ("Mavrin, Pavel Orlov") is left alone.
    """
    known = _known_full_names(cands)
    if not known:
        return cands
    for c in cands:
        if c.kind != "person" or "," in c.name:
            continue
        p = parse_name(c.name)
        given = c.name.split()
        if len(given) < 2 or not is_given_name(given[0]):
            continue        # "Orlov, Anna and Ivan": a list; "Orlov, Anna Ivanovna": one name
        if re.match(r"\s*(?:and|&)\b", doc.norm[c.nend:c.nend + 6]):
            continue
        m = _SURNAME_BEFORE.search(doc.norm, max(0, c.nstart - 40), c.nstart)
        if not m or fold(m.group(1)) == fold(p.last):
            continue
        q = parse_name(f"{m.group(1)}, {c.name}")
        if any(fold(k.last) == fold(q.last) and k.first and fold(k.first) != fold(q.last)
               and compatible_given(q, k) and _middle_agrees(q, k) for k in known.get(fold(m.group(1)), [])):
            c.nstart = m.start(1)
            c.name = doc.norm[c.nstart:c.nend]
    return cands


def _middle_agrees(a, b) -> bool:
    """Middle names that do not contradict: "K." and "Konstantinou", or one of them missing."""
    ma, mb = fold(a.middle), fold(b.middle)
    return not ma or not mb or ma[:1] == mb[:1]


def find_in_capitals(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A name written in capitals in a heading ("STATEMENT OF PAVEL I. MAVRIN") is the same name.

    The surnames of full names found elsewhere are looked for in capitals,
    with capital given names or initials before them that agree with the
    known given names; the mention keeps the text, the name is read in
    ordinary case so the two forms cluster.
    """
    known = _known_full_names(cands)
    if not known:
        return cands
    taken = _Spans([(c.nstart, c.nend) for c in cands])
    bstart, bend = doc.nbody
    out = list(cands)
    for key, parts in known.items():
        last = parts[0].last
        if len(last) < 3 or not last[:1].isupper():
            continue
        up = re.escape(last.upper())
        rx = re.compile(r"(?<![\w'-])((?:[A-ZÀ-ÖØ-Þ]+\.?[ \u00a0]+){0,3})" + up + r"(?![\w-])")
        for m in rx.finditer(doc.norm, bstart, bend):
            s, e = m.span()
            pre = m.group(1).split()
            while pre and not _given_agrees(pre[0], parts):
                pre.pop(0)      # "STATEMENT OF": not part of the name
            if not pre or not all(_given_agrees(w, parts) for w in pre):
                continue
            s = e - len(last)
            for w in reversed(pre):
                s = doc.norm.rfind(w, m.start(), s)
            if s < 0 or taken.overlaps(s, e):
                continue
            name = " ".join(w.capitalize() if len(w.rstrip(".")) > 1 else w for w in doc.norm[s:e].split())
            out.append(Candidate("person", s, e, name, P_RULE, "capitals", 0.8))
    return out


def _given_agrees(word: str, parts) -> bool:
    w = fold(word)
    if not w:
        return False
    for p in parts:
        given = [fold(x) for x in p.given]
        if (len(w) == 1 and any(g[:1] == w for g in given)) or w in given:
            return True
    return False


def propagate_surnames(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A surname once read as a person's is a person's elsewhere in the document too.

    The model may label "Orlov" a person in one sentence and an organization
    (or nothing) in the next; organization candidates that are exactly such a
    surname become people, and uncovered occurrences are added, except where
    a place, the notes section or another candidate already holds the text.
    """
    surnames = set()
    # a surname from the given-name rule alone ("Józef Wrona") spreads only where the
    # model also read that word alone as a name of some kind
    model_alone = {c.name.strip() for c in cands if c.source == "model"}
    for c in cands:
        if c.kind == "person" and (c.source != "given-name" or parse_name(c.name).last in model_alone):
            last = parse_name(c.name).last
            if len(last) >= 3 and last[:1].isupper() and last.lower() not in words("not_names") \
                    and last.lower() not in words("titles"):
                surnames.add(last)
    if not surnames:
        return cands
    places = [(m.nstart, m.nend) for m in doc.mentions_of("place")]
    skip = list(doc.state.get("skip_spans", [])) + places
    out = []
    for c in cands:
        if c.kind == "organization" and c.name.strip() in surnames and c.source == "model":
            c = Candidate("person", c.nstart, c.nend, c.name.strip(), P_MODEL, "propagated", 0.7)
        out.append(c)
    blocked = _Spans(skip + [(c.nstart, c.nend) for c in out])
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
    bstart, bend = doc.nbody
    for m in pattern.finditer(doc.norm, bstart, bend):
        s, e = m.span()
        if blocked.overlaps(s, e):
            continue
        out.append(Candidate("person", s, e, m.group(), P_WEAK, "propagated", 0.7))
    return out


# "A. C. DUNDAS, Secretary." / "ROBERT GOURLAY, Chairman." alone on a line
_SIGNATURE = re.compile(
    r"^[ \t]*((?:[A-Z]\.[ \t]*){1,3}[A-Z][A-Z'’-]+|[A-Z][A-Z'’-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][A-Z'’-]+)"
    r",[ \t]*([A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?\.?[ \t]*$", re.M)


def find_signatures(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A name in capitals signing a report or letter: "A. C. DUNDAS, Secretary." on its own line.

    The office after the comma (a role or title word, ``roles.txt`` and
    ``titles.txt``) marks the capitals as a person's name; the name is read in
    ordinary case so it clusters with the same name written the usual way.
    """
    taken = _Spans([(c.nstart, c.nend) for c in cands])
    bstart, bend = doc.nbody
    out = list(cands)
    for m in _SIGNATURE.finditer(doc.norm, bstart, bend):
        office = m.group(2).lower()
        if office not in words("roles") and office not in words("titles"):
            continue
        s, e = m.span(1)
        if taken.overlaps(s, e):
            continue
        name = " ".join(w.capitalize() if len(w.rstrip(".")) > 1 else w for w in m.group(1).split())
        out.append(Candidate("person", s, e, name, P_RULE, "signature", 0.8))
    return out
