"""Which dates may move a narrative's running date (its main line), and which may not.

A story's running date is what "On 24 May", "the next morning" and "that winter" are read
from.  Some dates a narrative mentions are not on its main line:

* asides that look forward or back from it ("Years afterwards, when I crossed again in
  1891", "as she told me years later, in the middle of December", "he would later ...");
* the second year of a range ("1816-1817", "from 1974 to 1979", "between 1947 and 1956":
  the story starts at the first) and a life's span in brackets ("Mykola Stasiuk (1898-1971)");
* background told at the head of a paragraph about a date behind the story ("In 1848 he had
  sailed", "In 1820 he was born at Lund");
* a year in a bracketed reference ("(London 1931)", "(see Smith, 1931, p. 4)") or remark
  ("(in 1869 it was worse)");
* a month named as any day in it ("like partridges on a rainy day in September");
* the year of a later record of the story, a generation away from it ("Emil, interviewed in
  1992, still remembered the sandwiches").

When a year-only date does jump the story forward with no such cue ("died at Tobolsk in 1866"),
the resolver remembers the main line it left, and the next full date back on it resumes the story.

A date on a title or subtitle line ("Recollections of a switchman, written down in 1921",
"The Smyrna Affair, 1816-1817") or on a single date line (a preface signed "Down, Kent,
June 9, 1845") says when the text was written or what it covers: it anchors what follows
until the first date told in the prose, which then replaces it whichever way it points.
"""
from __future__ import annotations

import re

from .timex import Timex
from .vocab import alternation, vocabulary

V = vocabulary()
_CARDINALS = set(V["cardinals"]) | {"a", "an", "one"}
# "years later", "many years afterwards": a vague lapse is an aside; "two years later" moves the story
_LAPSE = re.compile(r"\b(?:(?P<q>[\w-]+)\s+)?" + alternation(V["aside_lapse_units"]) + r"\s+"
                    + alternation(V["aside_lapse_words"]) + r"\b", re.I)
_PHRASE = re.compile(r"\b" + alternation(V["aside_phrases"]) + r"\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?](?:[\"'\u201d\u2019)\]]*)\s|\n")
_RANGE_LINK = re.compile(r"\s*(?:-|\u2013|\u2014|to|and|until|till)\s*", re.I)
_PLUPERFECT_AFTER = re.compile(r"[,\s]*(?:[\w'\u2019]+\s+){0,3}?had\s+(?:(?:not|never|already|long|once|just)\s+)?"
                               r"(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t|d)\b", re.I)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the last full stop or line break)."""
    s = max(0, pos - 400)
    last = s
    for m in _SENTENCE_BREAK.finditer(text, s, pos):
        last = m.end()
    return last


def sentence_around(text: str, t: Timex) -> tuple[int, int]:
    """Start and end of the sentence an expression stands in (the end before its full stop)."""
    m = _SENTENCE_BREAK.search(text, t.end)
    return sentence_start(text, t.start), m.start() if m else len(text)


def is_aside(text: str, t: Timex) -> bool:
    """The date sits in a look forward or back from the story ("Years afterwards, when I crossed
    again in 1891", "as she told me years later, in the middle of December"): a cue earlier in
    its sentence says so."""
    s = sentence_start(text, t.start)
    window = text[s:t.start]
    if _PHRASE.search(window):
        return True
    for m in _LAPSE.finditer(window):
        q = (m.group("q") or "").lower()
        if q in _CARDINALS or q[:1].isdigit() or "-" in q and q.split("-")[0] in _CARDINALS:
            continue        # "two years later": a measured step of the story itself
        return True
    return False


# the writer as subject: "I" before a lower-case word ("I visited", "I have since found")
_WRITER = re.compile(r"\bI\s+[a-z]")
# ... but not a ruler's numeral inside a sentence ("when Charles I was crowned")
_NAME_BEFORE = re.compile(r"[a-z,;]\s+[A-Z][a-z]+\s+$")
# a date this many years from the story's running date is not a step of one life
WRITER_DISTANCE_YEARS = 30


def is_writers_present(text: str, t: Timex, told_in_third_person: bool, years_away: int) -> bool:
    """'In 2011 I visited the archive', 'which I found in 2019': in a life told in the third
    person, a date in a sentence whose subject is the writer and far from the story's running
    date is the writer's own time (research, a visit), an aside that does not move the story."""
    if not told_in_third_person or years_away <= WRITER_DISTANCE_YEARS:
        return False
    s, e = sentence_around(text, t)
    return any(not _NAME_BEFORE.search(text, max(s, m.start() - 30), m.start())
               for m in _WRITER.finditer(text, s, e))


_LATER_RECORD = re.compile(r"\b" + alternation(V["later_record_cues"]) + r"\b", re.I)


def is_later_record(text: str, t: Timex, years_away: int) -> bool:
    """'Emil, interviewed in 1992, still remembered the sandwiches', 'the letters, deposited in an
    archive in 1961': a year in a sentence about a later (or much earlier) record of the story, a
    generation from its running date, is the record's time, not a step of the story."""
    if t.year is None or years_away <= WRITER_DISTANCE_YEARS:
        return False
    s, e = sentence_around(text, t)
    return _LATER_RECORD.search(text, s, e) is not None


_GENERIC = re.compile(r"\b(?:a|an|any|every|each)\s+(?:[a-z]+\s+){0,2}(?:day|morning|evening|night|afternoon|week)\s+"
                      r"(?:in|of)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)


def is_generic(text: str, t: Timex) -> bool:
    """'like partridges on a rainy day in September': any such day, not the story's."""
    return t.year is None and t.month is not None and t.day is None and \
        _GENERIC.search(text, max(0, t.start - 60), t.start) is not None


_LOOKING_BACK = re.compile(r"\b" + alternation(V["looking_back_cues"]) + r"\b", re.I)


def looks_back(text: str, t: Timex) -> bool:
    """'In 1820 he was born at Lund', 'As a student, in 1858, he went to Krakow': a date behind
    the story told as background; the cue may follow the date in its sentence."""
    s, e = sentence_around(text, t)
    return _LOOKING_BACK.search(text, s, e) is not None or pluperfect_after(text, t)


def pluperfect_after(text: str, t: Timex) -> bool:
    """'In 1848 he had sailed ...': the clause the date opens is told in the pluperfect."""
    return _PLUPERFECT_AFTER.match(text, t.end) is not None


def static_years(text: str, timexes: list[Timex]) -> set[int]:
    """ids of year mentions that do not move the story: the end of a range of years and both
    years of a span in brackets (a life: "(1898-1971)")."""
    out: set[int] = set()
    dated = [t for t in timexes if t.kind == "date" and t.explicit_year]
    for a, b in zip(dated, dated[1:]):
        if b.month is not None or b.season or not _RANGE_LINK.fullmatch(text, a.end, b.start):
            continue
        out.add(id(b))
        if a.month is None and text[max(0, a.start - 1):a.start] == "(" and text[b.end:b.end + 1] == ")":
            out.add(id(a))
    return out


_CITATION_WORDS = re.compile(r"(?:\bpp?\.|\bpages?\b|\bvols?\.|\beds?\.|\bcf\.|\bsee\b|\bibid\b|\bop\.\s*cit\b|"
                             r"\bquoted\b|\btrans\.|\bpublished\b|\bedition\b)", re.I)
# "(London 1931)", "(Smith, 1931: 44)", "(Marsden 1931, 88)": a place or an author and a year
_AUTHOR_YEAR = re.compile(r"[A-Z][^()\d]{0,60}?,?\s+\d{4}[a-z]?(?:\s*[,:]\s*\d[\d\s,\u2013-]*)?", re.S)


def is_citation(text: str, t: Timex) -> bool:
    """A year in a bracketed reference ("(London 1931)", "(see Smith, 1931, p. 4)"): when a
    source was published, not when the story happened."""
    if t.month is not None or t.season:
        return False
    open_at = text.rfind("(", max(0, t.start - 80), t.start)
    close_at = text.find(")", t.end, t.end + 40)
    if open_at < 0 or close_at < 0 or "\n" in text[open_at:close_at] or ")" in text[open_at:t.start]:
        return False
    inside = text[open_at + 1:close_at].strip()
    return bool(_CITATION_WORDS.search(inside) or _AUTHOR_YEAR.fullmatch(inside))


def in_brackets(text: str, t: Timex) -> bool:
    """The expression sits inside a bracketed remark on a line of prose."""
    open_at = text.rfind("(", max(0, t.start - 120), t.start)
    if open_at < 0 or ")" in text[open_at:t.start] or "\n" in text[open_at:t.start]:
        return False
    close_at = text.find(")", t.end, t.end + 120)
    return close_at >= 0 and "\n" not in text[t.end:close_at] and "(" not in text[t.end:close_at]


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_FIELD = re.compile(r"[A-Z][A-Za-z]*(?:\s+[A-Za-z]+){0,3}:\s")


def on_frame_line(text: str, t: Timex) -> bool:
    """A title, subtitle or caption line (short, not ending a sentence), or a subtitle in brackets,
    in a block of at most three lines of its own (a hard-wrapped line of prose is not one)."""
    ls = text.rfind("\n", 0, t.start) + 1
    le = text.find("\n", t.end)
    le = len(text) if le < 0 else le
    line = text[ls:le].strip()
    if not line:
        return False
    field = _FIELD.match(line)
    if field and len(line.split()) <= 12 and text.find(":", ls) < t.start:
        return True         # a metadata field: "Release Date: June, 1997", "Written: 1921"
    starts = [m.end() for m in _BLANK_LINE.finditer(text, max(0, ls - 400), ls + 1)]
    block_start = starts[-1] if starts else (0 if ls <= 400 else None)
    nxt = _BLANK_LINE.search(text, le if le < len(text) else len(text), le + 400)
    block_end = nxt.start() if nxt else (len(text) if len(text) - le <= 400 else None)
    if block_start is None or block_end is None or text.count("\n", block_start, block_end) > 2:
        return False
    if line.startswith("(") and line.endswith(")") and len(line.split()) <= 25 and not re.search(r"[.!?]\s", line):
        return True         # a bracketed subtitle, not an editor's paragraph in brackets
    return len(line.split()) <= 14 and line[-1] not in ".!?:;\"\u201d" and not line.endswith(".)")
