"""The one document model: a text, its normalised view, and the annotations on it.

Every stage reads a :class:`Document` and adds annotations to it; storage,
exports, the CLI and the web app only read it.  Offsets on every annotation
(``start``/``end``) index ``Document.text`` exactly as decoded from the file
(see shared/contract/export.md).  Stages work on the normalised view
``Document.norm`` and hand normalised offsets to the ``add_*`` methods, which
map them back; the normalised offsets are kept on the annotation as
``nstart``/``nend`` for later stages and are never exported.
"""
from __future__ import annotations

import hashlib
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator

from sortedcontainers import SortedList

from .normalize import OffsetMap, normalise

# Mention kinds the project emits (the contract allows more to be added).
NAME_KINDS = ("person", "place", "organization", "work")
TIME_KINDS = ("date", "time", "duration", "set")


@dataclass(slots=True)
class Span:
    """A sentence or paragraph: source offsets and normalised offsets."""
    start: int
    end: int
    nstart: int
    nend: int


@dataclass(slots=True)
class Mention:
    """A stretch of text naming something: a person, place, date, quantity..."""
    id: str
    doc: str
    start: int
    end: int
    text: str
    kind: str
    nstart: int = 0
    nend: int = 0
    entity: str | None = None
    value: str | None = None           # dates/times/durations: TIMEX3-style value
    calendar: str | None = None        # dates: "gregorian" | "julian"
    gregorian_value: str | None = None
    earliest: str | None = None        # uncertain dates: an interval
    latest: str | None = None
    anchor: str | None = None          # id of the mention a relative date was resolved against
    quantity: dict | None = None       # {"value": float, "unit": str, ...}
    confidence: float = 1.0
    source: str = ""                   # which rule or model produced it ("spacy", "gazetteer", ...)
    attrs: dict = field(default_factory=dict)


@dataclass(slots=True)
class Entity:
    """Something mentions refer to: a person, a place, an organization, a work."""
    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    geo: dict | None = None            # places: {"lat","lon","name","gazetteer_id","feature","confidence"}
    confidence: float = 1.0
    attrs: dict = field(default_factory=dict)


@dataclass(slots=True)
class Participant:
    entity: str
    role: str


@dataclass(slots=True)
class Event:
    """Something that happened (or was planned) in the narrative, with its evidence span."""
    id: str
    type: str
    doc: str
    start: int
    end: int
    nstart: int = 0
    nend: int = 0
    date: dict | None = None            # {"value","earliest","latest"}
    place: str | None = None            # place entity id
    participants: list[Participant] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)
    confidence: float = 1.0


@dataclass(slots=True)
class Leg:
    """One stretch of a journey between two places."""
    from_place: str | None
    to_place: str | None
    modes: list[str] = field(default_factory=list)
    depart: str | None = None
    arrive: str | None = None
    distance_km: float | None = None
    duration: str | None = None
    evidence: list[dict] = field(default_factory=list)   # [{"doc","start","end"}]
    event: str | None = None                              # id of the travel event it came from
    attributes: dict = field(default_factory=dict)


@dataclass(slots=True)
class Journey:
    id: str
    travellers: list[str]
    legs: list[Leg] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)


@dataclass(slots=True)
class Citation:
    """A note marker in the text, its note, and what the note cites."""
    doc: str
    marker: str
    start: int
    end: int
    note: dict | None = None            # {"start","end","text"}
    work: str | None = None
    pages: str | None = None
    supports: dict | None = None        # {"start","end"}
    links_to_doc: str | None = None
    attributes: dict = field(default_factory=dict)   # author, place, year, quoted_in...
    entity: str | None = None           # the work entity


@dataclass(slots=True)
class SourceIssue:
    """A problem found in the source itself (chronology that contradicts itself...)."""
    doc: str
    start: int
    end: int
    kind: str
    message: str
    attributes: dict = field(default_factory=dict)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def slug(s: str, limit: int = 48) -> str:
    s = re.sub(r"[^\w]+", "-", s.lower(), flags=re.UNICODE).strip("-")
    return s[:limit].strip("-") or "x"


_PARA = re.compile(r"\n[ \t]*\n\s*")


class Document:
    """A text and everything the pipeline found in it."""

    def __init__(self, text: str, *, source: str, title: str | None = None,
                 sha256: str | None = None, format: str = "text",
                 encoding: str | None = None, body: tuple[int, int] | None = None,
                 meta: dict | None = None, doc_id: str | None = None) -> None:
        self.text = text
        self.source = source
        self.sha256 = sha256 or sha256_text(text)
        name = re.split(r"[\\/]", source)[-1]
        stem = name.rsplit(".", 1)[0] if "." in name else name
        self.id = doc_id or f"{slug(stem, 40)}-{self.sha256[:8]}"
        self.title = title or stem
        self.format = format
        self.encoding = encoding
        self.meta: dict[str, Any] = dict(meta or {})
        self.body = body or (0, len(text))
        self.norm, self.map = normalise(text)
        self.paragraphs: list[Span] = self._paragraphs()
        self.paragraph_starts = [p.nstart for p in self.paragraphs]
        self.sentences: list[Span] = []
        self._sentence_list: list[Span] = self.sentences
        self._sentence_starts: list[int] = []
        self.mentions: list[Mention] = []
        self.events: list[Event] = []
        self.citations: list[Citation] = []
        self.issues: list[SourceIssue] = []
        # Journeys told in this document; linking chains them across documents.
        self.journeys: list[Journey] = []
        # Entities found in this document, by id; merged across documents by linking.
        self.entities: dict[str, Entity] = {}
        # Per-document working state of stages (cleared before storage).
        self.state: dict[str, Any] = {}
        self._counter = 0
        self._mention_index = _MentionIndex()

    # -- offsets ---------------------------------------------------------
    @property
    def nbody(self) -> tuple[int, int]:
        """The extractable body in normalised offsets."""
        return self.map.to_norm(self.body[0]), self.map.to_norm(self.body[1])

    def to_source(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.map.to_source(nstart, nend)

    def source_text(self, nstart: int, nend: int) -> str:
        s, e = self.to_source(nstart, nend)
        return self.text[s:e]

    def _paragraphs(self) -> list[Span]:
        out: list[Span] = []
        pos = 0
        norm = self.norm
        for m in _PARA.finditer(norm):
            if m.start() > pos:
                out.append(self._span(pos, m.start()))
            pos = m.end()
        if pos < len(norm):
            out.append(self._span(pos, len(norm)))
        return [p for p in out if norm[p.nstart:p.nend].strip()]

    def _span(self, ns: int, ne: int) -> Span:
        s, e = self._source_offsets(ns, ne)
        return Span(s, e, ns, ne)

    def _source_offsets(self, nstart: int, nend: int) -> tuple[int, int]:
        """``to_source``, reusing the normalised int objects where the offsets are equal:
        a long text holds millions of offsets, and most coincide."""
        s, e = self.to_source(nstart, nend)
        return (nstart if s == nstart else s), (nend if e == nend else e)

    def add_sentence(self, nstart: int, nend: int) -> Span:
        sp = self._span(nstart, nend)
        self.sentences.append(sp)
        return sp

    def _starts_of_sentences(self) -> list[int]:
        """Sentence starts, extended as sentences are added (the language stage adds them in
        text order); rebuilt if the list is replaced, as storage does when it loads a document."""
        if self._sentence_list is not self.sentences or len(self._sentence_starts) > len(self.sentences):
            self._sentence_list, self._sentence_starts = self.sentences, []
        if len(self._sentence_starts) < len(self.sentences):
            self._sentence_starts.extend(s.nstart for s in self.sentences[len(self._sentence_starts):])
        return self._sentence_starts

    def sentence_at(self, npos: int) -> Span | None:
        """The sentence containing normalised offset ``npos`` (binary search)."""
        k = bisect_right(self._starts_of_sentences(), npos) - 1
        if k >= 0 and npos < self.sentences[k].nend:
            return self.sentences[k]
        return None

    def sentence_before(self, npos: int) -> Span | None:
        """The last sentence starting before normalised offset ``npos``."""
        k = bisect_left(self._starts_of_sentences(), npos)
        return self.sentences[k - 1] if k > 0 else None

    def paragraph_index(self, npos: int) -> int:
        """Index of the paragraph containing normalised offset ``npos``, or of the next one when
        it falls between paragraphs (``len(paragraphs)`` after the last); binary search."""
        k = bisect_right(self.paragraph_starts, npos) - 1
        return k if k >= 0 and npos < self.paragraphs[k].nend else k + 1

    def paragraph_at(self, npos: int) -> Span | None:
        """The paragraph containing normalised offset ``npos`` (binary search)."""
        k = self.paragraph_index(npos)
        if k < len(self.paragraphs) and self.paragraphs[k].nstart <= npos < self.paragraphs[k].nend:
            return self.paragraphs[k]
        return None

    # -- annotations -----------------------------------------------------
    def next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{self.id}:{prefix}{self._counter}"

    def add_mention(self, kind: str, nstart: int, nend: int, **fields: Any) -> Mention:
        """Add a mention given normalised offsets; source offsets and text are derived."""
        s, e = self._source_offsets(nstart, nend)
        # the same names and rule labels recur thousands of times in a long text: one copy each
        if "source" in fields and type(fields["source"]) is str:
            fields["source"] = sys.intern(fields["source"])
        m = Mention(id=self.next_id("m"), doc=self.id, start=s, end=e, text=sys.intern(self.text[s:e]),
                    kind=kind, nstart=nstart, nend=nend, **fields)
        self.mentions.append(m)
        return m

    def add_event(self, type: str, nstart: int, nend: int, **fields: Any) -> Event:
        s, e = self._source_offsets(nstart, nend)
        ev = Event(id=self.next_id("ev"), type=type, doc=self.id, start=s, end=e,
                   nstart=nstart, nend=nend, **fields)
        self.events.append(ev)
        return ev

    def add_issue(self, kind: str, nstart: int, nend: int, message: str, **attrs: Any) -> SourceIssue:
        s, e = self.to_source(nstart, nend)
        iss = SourceIssue(doc=self.id, start=s, end=e, kind=kind, message=message, attributes=attrs)
        self.issues.append(iss)
        return iss

    def mentions_of(self, *kinds: str, nstart: int | None = None, nend: int | None = None) -> Iterator[Mention]:
        """Mentions of the given kinds (all if none), optionally inside a normalised range,
        in the order they were added.  A range is answered from an index, not a scan: stages
        ask for the mentions near every candidate, and a long text has a million mentions."""
        if nstart is None and nend is None:
            for m in self.mentions:
                if not kinds or m.kind in kinds:
                    yield m
            return
        yield from self._mention_index.overlapping(self.mentions, kinds, nstart, nend)

    def overlaps(self, nstart: int, nend: int, *kinds: str) -> bool:
        return any(True for _ in self.mentions_of(*kinds, nstart=nstart, nend=nend))

    def __repr__(self) -> str:
        return f"<Document {self.id} {len(self.text)} chars, {len(self.mentions)} mentions>"


# An index entry is one int, start << _ORDER_BITS | order, not a (start, order) tuple: it sorts
# the same, and a long text has a million of them.
_ORDER_BITS = 40
_ORDER_MASK = (1 << _ORDER_BITS) - 1


class _MentionIndex:
    """Mentions by kind, sorted by start, for range queries.

    Mentions are only ever appended to ``Document.mentions``, so the index takes in
    the ones added since it last looked; a sorted list (``sortedcontainers``) keeps
    insertion cheap where a stage adds mentions behind the ones already there.
    """

    def __init__(self) -> None:
        self.covered = 0
        self.source: list | None = None
        self.by_kind: dict[str, SortedList] = {}
        self.longest: dict[str, int] = {}

    def __reduce__(self):
        return _MentionIndex, ()        # rebuilt where it is needed, not shipped between processes

    def _catch_up(self, mentions: list) -> None:
        if mentions is not self.source or len(mentions) < self.covered:
            self.__init__()
            self.source = mentions
        for order in range(self.covered, len(mentions)):
            m = mentions[order]
            entries = self.by_kind.get(m.kind)
            if entries is None:
                entries = self.by_kind[m.kind] = SortedList()
                self.longest[m.kind] = 0
            entries.add(m.nstart << _ORDER_BITS | order)
            if m.nend - m.nstart > self.longest[m.kind]:
                self.longest[m.kind] = m.nend - m.nstart
        self.covered = len(mentions)

    def overlapping(self, mentions: list, kinds: tuple, nstart: int | None, nend: int | None) -> list:
        """Mentions of ``kinds`` (all if empty) that overlap [nstart, nend), in insertion order."""
        self._catch_up(mentions)
        lo_pos = -1 if nstart is None else nstart
        hits: list[int] = []
        for kind in (kinds or list(self.by_kind)):
            entries = self.by_kind.get(kind)
            if not entries:
                continue
            lo = None if nstart is None else max(0, nstart - self.longest[kind]) << _ORDER_BITS
            hi = None if nend is None else max(0, nend) << _ORDER_BITS
            for key in entries.irange(lo, hi, inclusive=(True, False)):
                order = key & _ORDER_MASK
                if mentions[order].nend > lo_pos:
                    hits.append(order)
        hits.sort()
        return [mentions[i] for i in hits]


@dataclass
class Corpus:
    """The documents of a run (or of a database) and what links them."""
    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    journeys: list[Journey] = field(default_factory=list)

    def doc(self, doc_id: str) -> Document | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None
