"""Reading a note: who is cited, which work, where and when published, which pages.

Citation parsers in libraries (for example for BibTeX or CSL) expect
bibliography entries; the short notes of narratives ("Trotsky, My Life,
pages 195-8"; "Quoted in Serge and Sedova Trotsky, page 19"; "Ibid., p. 4")
are read here by a few rules instead, and short forms are resolved against
the full citations that came before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_PREFIX = re.compile(r"^\s*(?P<p>(?:as\s+)?quoted\s+in|cited\s+in|(?:see\s+also|see|cf\.?|compare))\s+", re.I)
# "On the frontier posts, see Cole, ..."; "Expulsions ... are described in Cole, page 4"
_MID_PREFIX = re.compile(
    r"(?:[,;:]\s*|\s)(?P<p>see\s+also|see|cf\.?|quoted\s+in|cited\s+in|described\s+in|discussed\s+in|"
    r"reported\s+in|printed\s+in|told\s+in|mentioned\s+in|given\s+in)\s+(?=[A-Z\"])")
_IBID = re.compile(r"^\s*(?:ibid(?:em)?|id(?:em)?)\b\.?,?\s*", re.I)
_PAGES = re.compile(
    r"(?:,\s*|\s+)(?:pages?|pp?\.|p\.?|pgs?\.?)\s*"
    r"(?P<pg>[0-9ivxlcdm]+(?:\s*[-–—]\s*[0-9ivxlcdm]+)?(?:\s*(?:,|and|&)\s*[0-9]+(?:\s*[-–—]\s*[0-9]+)?)*(?:\s*ff?\.?)?)"
    r"\s*[.;]?\s*$", re.I)
_BARE_PAGES = re.compile(r",\s*(?P<pg>\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)\s*\.?\s*$")
_PUB = re.compile(r"\s*\((?P<pub>[^()]*?)(?P<year>\b1[4-9]\d\d|\b20\d\d)[a-z]?\s*\)")
_TRAILING_YEAR = re.compile(r",\s*(?:(?P<place>[A-Z][\w .'-]{1,30}?)(?:,|:)?\s+)?(?P<year>1[4-9]\d\d|20\d\d)\s*$")
_VOLUME = re.compile(r",\s*(?:vol(?:ume)?\.?|tome|band|bd\.)\s*(?P<vol>[0-9ivxlc]+)\s*$", re.I)
# Capitals include accented Latin ones: authors are often "H. Østrup" or "É. Zola".
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-ZÀ-ÖØ-Þ]\.|van|von|de|der|den|la|le|du|da|di|del|ibn|al-\w+|and|&)$")
_ARTICLES = {"the", "a", "an", "on", "of", "in", "my", "our", "his", "her", "from", "to", "at"}


@dataclass
class ParsedNote:
    """What one note cites.  Spans are offsets into the note text."""
    text: str
    label: str | None = None
    author: str | None = None
    work: str | None = None
    place: str | None = None
    year: str | None = None
    pages: str | None = None
    volume: str | None = None
    publisher: str | None = None
    container: str | None = None   # the periodical or collection an article appeared in
    comment: str | None = None     # words of the note before the reference ("On the frontier posts")
    quoted_in: bool = False
    ibid: bool = False
    short: bool = False            # a short form resolved against an earlier note
    resolved_from: str | None = None   # label of the note it was resolved against
    work_span: tuple[int, int] | None = None
    author_spans: list[tuple[int, int]] = field(default_factory=list)

    def attributes(self) -> dict:
        out = {k: getattr(self, k) for k in ("author", "place", "year", "volume", "publisher", "container", "comment") if getattr(self, k)}
        if self.quoted_in:
            out["quoted_in"] = True
        if self.short:
            out["short_form"] = True
        if self.resolved_from:
            out["resolved_from"] = self.resolved_from
        return out


def _split_top(s: str) -> list[str]:
    """Split on commas that are not inside quotes or brackets."""
    out, depth, quote, cur = [], 0, False, []
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == '"':
            quote = not quote
        if ch == "," and depth == 0 and not quote:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [x.strip() for x in out]


def looks_like_author(s: str) -> bool:
    """Capitalised name words, initials and "and": "Victor Serge and Natalia Sedova Trotsky"."""
    words = s.split()
    if not words or len(words) > 10 or any(ch.isdigit() for ch in s) or '"' in s:
        return False
    if words[0].lower() in _ARTICLES:
        return False
    return all(_NAME_WORD.match(w) for w in words)


def author_surnames(author: str | None) -> frozenset[str]:
    """Last words of each author: "Victor Serge and Natalia Sedova Trotsky" -> {serge, trotsky}."""
    if not author:
        return frozenset()
    parts = re.split(r"\s+(?:and|&)\s+|;\s*", author)
    return frozenset(p.split()[-1].strip(".").lower() for p in parts if p.split())


def _norm_title(s: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (s or "").lower()).strip()


def parse_note(text: str, earlier: list[ParsedNote] | None = None, label: str | None = None) -> ParsedNote:
    """Parse one note; ``earlier`` are the notes before it (for ibid. and short forms)."""
    earlier = earlier or []
    pn = ParsedNote(text=text, label=label)
    body = text.rstrip().rstrip(".").rstrip()
    offset = 0
    m = _PREFIX.match(body) or _MID_PREFIX.search(body)
    if m:
        if m.start() > 0:
            pn.comment = body[:m.start()].strip(" ,;:")
        if "quot" in m.group("p").lower() or "cited" in m.group("p").lower():
            pn.quoted_in = True
        offset = m.end()
    rest = body[offset:]
    mp = _PAGES.search(rest) or _BARE_PAGES.search(rest)
    if mp:
        pn.pages = re.sub(r"\s*[-–—]\s*", "-", mp.group("pg").strip())
        rest = rest[:mp.start()]
    mv = _VOLUME.search(rest)
    if mv:
        pn.volume = mv.group("vol")
        rest = rest[:mv.start()]
    if _IBID.match(rest) and len(_IBID.sub("", rest).strip(" ,.")) == 0:
        pn.ibid = True
        if earlier:
            _inherit(pn, earlier[-1])
            pn.short = True
        return pn
    mpub = _PUB.search(rest)
    if mpub:
        pub = mpub.group("pub").strip().rstrip(",").strip()
        pn.year = mpub.group("year")
        if ":" in pub:
            place, _, publisher = pub.partition(":")
            pn.place, pn.publisher = place.strip() or None, publisher.strip(" ,") or None
        else:
            pn.place = pub or None
        rest = rest[:mpub.start()]
    fields = _split_top(rest)
    fields = [f for f in fields if f]
    quoted = re.match(r'\s*(?:(?P<a>[^",]+),\s*)?"(?P<t>[^"]+?),?"\s*,?\s*(?:in\s+(?P<c>.+))?$', rest)
    if quoted and (quoted.group("a") is None or looks_like_author(quoted.group("a").strip())):
        pn.author = quoted.group("a").strip() if quoted.group("a") else None
        pn.work = quoted.group("t").strip()
        if quoted.group("c"):
            pn.container = quoted.group("c").strip()
        _spans(pn, offset)
        return pn
    if not pn.year and len(fields) >= 3:
        ty = _TRAILING_YEAR.search(", " + ", ".join(fields[-2:]))
        if ty and re.fullmatch(r"1[4-9]\d\d|20\d\d", fields[-1]):
            pn.year = fields.pop()
            room = len(fields) >= 3 or (len(fields) == 2 and not looks_like_author(fields[0]))
            if room and re.fullmatch(r"[A-Z][\w'’. -]{1,30}", fields[-1]) and len(fields[-1].split()) <= 3:
                pn.place = fields.pop()
    if not fields:
        return pn
    first = fields[0]
    if len(fields) >= 2 and looks_like_author(first):
        pn.author = first
        pn.work = ", ".join(fields[1:]).strip().strip('"').strip()
    elif len(fields) == 1:
        prior = _by_author(first, earlier)
        if looks_like_author(first) and prior is not None:
            pn.author = first
        else:
            pn.work = first.strip('"').strip()
    else:
        pn.work = ", ".join(fields).strip('"').strip()
    if pn.work and not (pn.pages or pn.year or pn.quoted_in) and (
            len(pn.work.split()) > 12 or re.search(r"[.!?;]\s+[A-Z]", pn.work)):
        pn.work = None          # a discursive note, not a reference
        pn.author = None
        return pn
    _spans(pn, offset)
    _resolve(pn, earlier)
    return pn


def _spans(pn: ParsedNote, offset: int) -> None:
    text = pn.text
    pos = offset
    if pn.author:
        a = text.find(pn.author, pos)
        if a >= 0:
            for part in re.finditer(r"[^&;]+?(?=\s+(?:and|&)\s+|;|$)", pn.author):
                seg = part.group().strip()
                seg = re.sub(r"^(?:and|&)\s+", "", seg)
                if seg:
                    k = text.find(seg, a)
                    if k >= 0:
                        pn.author_spans.append((k, k + len(seg)))
            pos = a + len(pn.author)
    if pn.work:
        w = text.find(pn.work, pos)
        if w >= 0:
            pn.work_span = (w, w + len(pn.work))


def _by_author(author: str, earlier: list[ParsedNote]) -> ParsedNote | None:
    want = author_surnames(author)
    if not want:
        return None
    for e in reversed(earlier):
        got = author_surnames(e.author)
        if e.work and got and (want == got or want <= got):
            return e
    return None


def _inherit(pn: ParsedNote, src: ParsedNote) -> None:
    pn.author = pn.author or src.author
    pn.work = pn.work or src.work
    pn.place = pn.place or src.place
    pn.year = pn.year or src.year
    pn.publisher = pn.publisher or src.publisher
    pn.quoted_in = pn.quoted_in or src.quoted_in
    pn.resolved_from = src.label


def _resolve(pn: ParsedNote, earlier: list[ParsedNote]) -> None:
    """Short forms: an author alone, or an author with a shortened title."""
    if pn.author and not pn.work:
        src = _by_author(pn.author, earlier)
        if src is not None:
            pn.short = True
            _inherit(pn, src)
        return
    if pn.work and not (pn.place or pn.year):
        key = _norm_title(pn.work)
        want = author_surnames(pn.author)
        for e in reversed(earlier):
            if not e.work or e is pn:
                continue
            if want and author_surnames(e.author) and not (want & author_surnames(e.author)):
                continue
            ek = _norm_title(e.work)
            if ek == key or (len(key) >= 4 and ek.startswith(key + " ")):
                if e.place or e.year:
                    pn.short = ek != key or pn.short
                    if ek != key:
                        pn.work = e.work
                    pn.place, pn.year = e.place, e.year
                    pn.publisher = pn.publisher or e.publisher
                    pn.resolved_from = e.label
                break
