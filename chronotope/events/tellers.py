"""Who tells a text: first person or not, its author or narrator, whom it follows, and in a
collection of letters by several hands, who wrote each letter.

Kept apart from :mod:`.journeys` because it is about the teller, not about movement: a
journey asks it whose "I" a movement belongs to.  Hand-written rules over the text's lines
and the people stage's mentions; no library here reads letter layouts.
"""
from __future__ import annotations

import re

from ..document import Entity
from ..voice import voice
from .resolve import mentions_in, narrator

def first_person(doc) -> bool:
    """Is the document told in the first person (a memoir, diary, letters, testimony)?"""
    return voice(doc).first_person


def third_person(doc) -> bool:
    """Is the text told in the third person, so that an "I" in it is its writer stepping in,
    not the one it follows?"""
    return voice(doc).third_person


def quoted(doc, pos: int) -> bool:
    """Is this position inside quoted words ("'I was sent away,' he wrote")?  Counted within
    its paragraph: curly quotes by their side, straight double quotes by their parity."""
    para_start = doc.norm.rfind("\n\n", 0, pos) + 1
    before = doc.norm[para_start:pos]
    depth = 0
    for ch in before:
        if ch == "\u201c":
            depth += 1
        elif ch == "\u201d":
            depth = max(0, depth - 1)
    return depth > 0 or before.count('"') % 2 == 1


def _byline(doc) -> str | None:
    """A person named alone on a line of the document's opening paragraph: its author."""
    head_end = doc.norm.find("\n\n", 0, 400)
    if head_end <= 0:
        return None
    for m in mentions_in(doc, "person", nstart=0, nend=head_end):
        line_s = doc.norm.rfind("\n", 0, m.nstart) + 1
        line_e = doc.norm.find("\n", m.nend)
        line = doc.norm[line_s:line_e if line_e >= 0 else len(doc.norm)]
        if m.entity and line.strip(" .,\r") == doc.norm[m.nstart:m.nend].strip():
            return m.entity
    return None


def narrator_entity(doc) -> str:
    """The teller of a first-person text whose name the people stage could not settle: the
    author the file names (Gutenberg "Author:", HTML/EPUB/PDF metadata) or a byline (a person
    named alone on one of the first lines), else a ``person:narrator`` entity "the narrator"."""
    author = (doc.meta.get("author") or "").split(";")[0].strip()
    people = [e for e in doc.entities.values() if e.kind == "person"]
    if author:
        low = author.lower()
        for e in people:
            names = [e.name.lower()] + [a.lower() for a in e.aliases]
            if low in names:
                return e.id
    else:
        by = _byline(doc)
        if by:
            return by
    eid = "person:narrator"
    if eid not in doc.entities:
        doc.entities[eid] = Entity(id=eid, kind="person", name=author or "the narrator",
                                   attrs={"narrator": True, "source": "events"})
    return eid


def protagonist(doc) -> str | None:
    """Whom the document is about: its narrator; in a first-person text with no named
    narrator, the author or "the narrator"; else the person it names most often."""
    if "events.protagonist" in doc.state:
        return doc.state["events.protagonist"]
    n = narrator(doc)
    fp = first_person(doc)
    if fp:
        by = _byline(doc)       # the author's byline outranks a most-named guess
        if by and by != n:
            doc.state["events.protagonist"] = by
            return by
    if n:
        return n
    if fp:
        doc.state["events.protagonist"] = narrator_entity(doc)
        return doc.state["events.protagonist"]
    counts: dict[str, int] = {}
    for m in doc.mentions_of("person"):
        if m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    surnames = {eid: _surname_count(doc, eid) for eid in counts}
    doc.state["events.protagonist"] = max(counts, key=lambda e: (max(surnames[e], counts[e]), counts[e])) \
        if counts else None
    return doc.state["events.protagonist"]


def _surname_count(doc, eid: str) -> int:
    """How often a person's surname stands in the text, with or without the rest of the name:
    a biography calls its subject "Pringle" far more often than "Alexander Pringle", even where
    a bare surname was not taken for a mention."""
    ent = doc.entities.get(eid)
    words = ent.name.split() if ent is not None else []
    if len(words) < 2 or not words[-1][:1].isupper():
        return 0
    return len(re.findall(r"(?<![\w-])" + re.escape(words[-1]) + r"(?![\w-])", doc.norm))



# "My dearest John,", "Dear Hanna,", "Sir,": a letter opens; "Your loving wife,", "Yours,",
# "Your Mykola": it closes (the name after the closing, or in it, is the writer's)
_SALUTATION = re.compile(r"^(?:my\s+)?(?:dear|dearest|darling|beloved)\b[^\n]{0,40},\s*$|^(?:sir|madam|gentlemen),\s*$",
                         re.I)
_CLOSING = re.compile(r"^(?:your|yours|ever|always|affectionately|faithfully|sincerely|truly|with\s+love|"
                      r"love|believe\s+me)\b[^\n]{0,50}$", re.I)
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'\u2019-]*\.?\s*){1,4}$")


def _is_name(line: str) -> bool:
    """A signature: a few capitalised words or initials ("Margaret Calder", "J. C."), not a
    letter's number ("III.")."""
    return bool(_NAME_LINE.match(line)) and not re.fullmatch(r"[IVXLC]+\.?", line)


def _lines(text: str, start: int, end: int):
    """(start, end, stripped text) of each non-empty line between two offsets."""
    pos = start
    for raw in text[start:end].split("\n"):
        s = pos + (len(raw) - len(raw.lstrip()))
        t = raw.strip()
        if t:
            yield s, s + len(t), t
        pos += len(raw) + 1


def _letters(doc) -> list[tuple[int, int, str]]:
    """Each letter of the text as (start, end, signature): from its heading (the line before
    the salutation, if short) to its signature line."""
    raw = doc.text     # the lines as written: normalising may join a signature to the line before
    lines = list(_lines(raw, 0, len(raw)))
    out = []
    i = 0
    while i < len(lines):
        if not _SALUTATION.match(lines[i][2]):
            i += 1
            continue
        start = lines[i - 1][0] if i and len(lines[i - 1][2].split()) <= 8 else lines[i][0]
        sig = None
        j = i + 1
        while j < len(lines) and not _SALUTATION.match(lines[j][2]):
            text = lines[j][2]
            if _CLOSING.match(text) and len(text.split()) <= 6:
                rest = re.sub(r"^(?:your|yours)\s+(?:\w+\s+)?", "", text, flags=re.I)
                if not text.endswith(",") and rest != text and _is_name(rest):
                    sig = (lines[j][1] - len(rest), lines[j][1])    # "Your Mykola"
                elif j + 1 < len(lines) and _is_name(lines[j + 1][2]):
                    sig = lines[j + 1][:2]      # "Your loving wife," / "Margaret Calder"
                    j += 1
                break
            if _is_name(text) and len(text.split()) <= 3 and j > i + 1:
                sig = lines[j][:2]      # a bare signature: "Margaret", "J. C."
                break
            j += 1
        if sig is not None:
            out.append((doc.map.to_norm(start), doc.map.to_norm(sig[1]), raw[sig[0]:sig[1]].strip()))
            i = j + 1
        else:
            i += 1
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\u2019-]*", name)).upper()


def letter_writers(doc) -> list[tuple[int, int, str]]:
    """(start, end, writer) for each letter of a collection written by more than one hand, the
    writer an entity id ("person:...") or a signature ("sig:J. C.") matched to another by its
    initials ("J. Calder" and "J. C."); empty when all letters have one writer, as in most
    collections, whose writer is simply the narrator."""
    if "events.letter_writers" in doc.state:
        return doc.state["events.letter_writers"]
    found = []
    for s, e, sig in _letters(doc):
        ids = [m.entity for m in mentions_in(doc, "person", nstart=e - len(sig), nend=e) if m.entity]
        found.append((s, e, ids[0] if ids else None, sig))
    names = {}
    for _s, _e, eid, sig in found:
        if eid:
            ent = doc.entities.get(eid)
            names.setdefault(eid, {_initials(sig)} | ({_initials(ent.name)} if ent is not None else set()))
    out = []
    for s, e, eid, sig in found:
        if eid is None:     # "J. C." signs as "J. Calder" did, or as nobody we know
            eid = next((k for k, inits in names.items() if _initials(sig) in inits), None) or "sig:" + _initials(sig)
        out.append((s, e, eid))
    same = _same_signers(doc, [w for _s, _e, w in out], {w: sig for (_s, _e, _i, sig), (_s2, _e2, w) in zip(found, out)})
    out = [(s, e, same.get(w, w)) for s, e, w in out]
    if len({w for _s, _e, w in out}) < 2:
        out = []
    doc.state["events.letter_writers"] = out
    return out


def _same_signers(doc, writers: list[str], sigs: dict[str, str]) -> dict[str, str]:
    """Writers that are one person signing two ways ("Margaret" and "Margaret Calder" when the
    people stage kept them apart): the shorter name's words all in the longer one's."""
    def words(w):
        ent = doc.entities.get(w)
        return set((ent.name if ent is not None else sigs.get(w, "")).lower().replace(".", " ").split())
    distinct = list(dict.fromkeys(writers))
    out = {}
    for a in distinct:
        for b in distinct:
            wa, wb = words(a), words(b)
            if a != b and wa and wa < wb and all(len(x) > 1 for x in wa):
                out[a] = b      # "margaret" inside "margaret calder"; not an initial alone
    return out


def letter_writer_at(doc, pos: int) -> str | None:
    """Who wrote the letter that holds this position, in a collection by several hands."""
    for s, e, w in letter_writers(doc):
        if s <= pos < e:
            return w
    return None


def main_writer(doc) -> str | None:
    """In a collection by several hands, the writer whose "I" is the narrator's: the one the
    text is about, else the one who wrote most letters."""
    writers = [w for _s, _e, w in letter_writers(doc)]
    if not writers:
        return None
    p = protagonist(doc)
    if p in writers:
        return p
    return max(dict.fromkeys(writers), key=writers.count)
