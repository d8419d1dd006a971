"""The Source record handed to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Source:
    """One input document, decoded and (for markup) flattened to plain text.

    All offsets (body range, markers, notes) index `text`.
    """

    path: str
    text: str
    format: str  # "text" | "markdown" | "html" | "epub" | "pdf" | "tei"
    encoding: str | None
    title: str | None
    body_start: int
    body_end: int
    markers: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[tuple[int, int, str]] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    sha256: str = ""

    @property
    def body(self) -> str:
        return self.text[self.body_start:self.body_end]
