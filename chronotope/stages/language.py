"""Language model stage: loads a spaCy pipeline and records sentences.

The spaCy ``Doc`` of each section stays on the section for the stages that
follow (tokens, parse, named entities); only sentence spans are kept on the
document, so memory does not grow with the length of the text.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from ..document import Document


@Language.component("chronotope_paragraph_breaks")
def paragraph_breaks(sdoc):
    """A blank line always ends a sentence: headings and dated entries stay apart."""
    for tok in sdoc[1:]:
        prev = sdoc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 or "\n\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif "\n\n" in prev.text_with_ws and not prev.is_space:
            tok.is_sent_start = True
    return sdoc


class ModelError(RuntimeError):
    """The requested spaCy pipeline is not installed or cannot be loaded."""


@lru_cache(maxsize=4)
def load_model(name: str):
    """Load an installed spaCy pipeline by package name (no downloads, ever)."""
    import spacy
    try:
        nlp = spacy.load(name)
    except OSError as e:
        installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
        raise ModelError(f"spaCy pipeline {name!r} is not installed (installed: {installed})") from e
    nlp.max_length = max(nlp.max_length, 2_000_000)
    _split_stop_dash(nlp)
    first = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
    if first is None:
        nlp.add_pipe("sentencizer")
        first = "sentencizer"
    nlp.add_pipe("chronotope_paragraph_breaks", before=first)
    return nlp


# "Damascus.—We came", "at Kiev.--The train": a full stop and a dash run into the next word stay
# one token in spaCy's English rules, which hides the place, the word and the sentence break.
# Old typesetting and diaries write datelines and asides this way.
_STOP_DASH = (r"(?<=[A-Za-z])[.!?](?=\u2014|\u2013|--)", r"(?<=[.!?])(?:\u2014|\u2013|--)(?=[\"'A-Za-z])")


def _split_stop_dash(nlp) -> None:
    """Add the stop-and-dash split to the pipeline's own infix rules."""
    import re
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    pattern = "|".join(([current.pattern] if current is not None else []) + list(_STOP_DASH))
    nlp.tokenizer.infix_finditer = re.compile(pattern).finditer


class LanguageStage:
    name = "language"

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def process(self, doc: Document, section) -> None:
        base = section.nstart
        for sent in section.spacy.sents:
            text = sent.text
            s = base + sent.start_char
            e = base + sent.end_char
            # trim whitespace so sentence spans start and end on text
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            if e - trail > s + lead:
                doc.add_sentence(s + lead, e - trail)


# Reading a section's spaCy Doc cheaply.  ``Doc.text`` rejoins every token and
# ``Doc.sents``/``Doc.ents`` make new Spans on each access, which made stages
# that look at them per sentence or per candidate quadratic in section size;
# these build each once per Doc (kept in ``Doc.user_data``) for every stage.

def doc_text(sdoc) -> str:
    """The Doc's text, built once."""
    text = sdoc.user_data.get("chronotope.text")
    if text is None:
        text = sdoc.user_data["chronotope.text"] = sdoc.text
    return text


def doc_sents(sdoc) -> list:
    """The Doc's sentences as a list, built once."""
    sents = sdoc.user_data.get("chronotope.sents")
    if sents is None:
        sents = sdoc.user_data["chronotope.sents"] = list(sdoc.sents)
    return sents


def doc_ents(sdoc) -> tuple:
    """The Doc's entity spans, built once."""
    ents = sdoc.user_data.get("chronotope.ents")
    if ents is None:
        ents = sdoc.user_data["chronotope.ents"] = tuple(sdoc.ents)
    return ents
