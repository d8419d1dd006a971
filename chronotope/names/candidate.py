"""A proposed person or organization mention, and the section state the rules share.

Rules propose candidates with a priority; where candidates overlap the
stronger rule wins (``filters.resolve_overlaps``), and only the survivors are
clustered into entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document


# priority of a rule when candidates overlap: higher wins, then the longer span
P_TITLE, P_RULE, P_MODEL, P_WEAK = 4, 3, 2, 1


@dataclass(slots=True)     # every section's candidates wait for the stage's finish
class Candidate:
    kind: str                 # person | organization
    nstart: int
    nend: int
    name: str                 # the name as it should be read (titles stripped)
    priority: int
    source: str
    confidence: float = 0.85
    attrs: dict = field(default_factory=dict)


class SectionReader:
    """One section as the rules read it, and the candidates they have found so far.

    Holds the section's tokens (a list: indexing a spaCy Doc builds a new
    Token object each time), the spans the people stage must leave alone
    (notes section) and the place mentions, all in normalised offsets, and
    the token indices rules have already claimed.
    """

    def __init__(self, doc: Document, section) -> None:
        self.doc = doc
        self.sdoc = section.spacy
        self.sd = list(self.sdoc)
        self.base = section.nstart
        self.out: list[Candidate] = []
        self.taken: set[int] = set()      # token indices claimed by a rule
        self.vessel_names: set[str] = set()
        self.lower_words: set[str] = set()
        self.person_ok: set[str] = set()
        self.skip = [(s, e) for s, e in doc.state.get("skip_spans", []) if e > section.nstart and s < section.nend]
        self.places = []   # (s, e, resolved)
        for m in doc.mentions_of("place", nstart=section.nstart, nend=section.nend):
            ent = doc.entities.get(m.entity) if m.entity else None
            resolved = bool(m.entity) and (ent is None or ent.geo is not None)
            self.places.append((m.nstart, m.nend, resolved))

    def skipped(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.skip)

    def covered_by_place(self, s: int, e: int) -> bool:
        """A place mention covers all of s..e ("the Moscow train"), not just a word ("Canadian Pacific")."""
        for a, b, _res in self.places:
            if a < e and s < b and 2 * (min(b, e) - max(a, s)) > e - s:
                return True
        return False

    def place(self, s: int, e: int) -> str | None:
        """"resolved" / "unresolved" if a place mention overlaps, else None."""
        got = None
        for a, b, res in self.places:
            if a < e and s < b:
                if res:
                    return "resolved"
                got = "unresolved"
        return got

    def add(self, kind, i, j, priority, source, conf=0.85, name=None, **attrs):
        """Propose tokens ``sd[i:j]`` as a candidate, unless outside the body or in a skipped span."""
        if j <= i:
            return
        sd, base, doc = self.sd, self.base, self.doc
        s, e = base + sd[i].idx, base + sd[j - 1].idx + len(sd[j - 1].text)
        body_start, body_end = doc.nbody    # a licence or front matter around the body is not the narrative
        if s < body_start or e > body_end:
            return
        # drop a possessive "'s" and trailing dots of abbreviations are kept
        text = doc.norm[s:e]
        if text.endswith("'s"):
            e -= 2
            text = text[:-2]
        if self.skipped(s, e) or not text.strip():
            return
        self.out.append(Candidate(kind, s, e, name or text, priority, source, conf, dict(attrs)))


def is_place_run(ctx, sd, base, i, j) -> bool:
    """Tokens ``sd[i:j]`` overlap a resolved place: "General Gordon" may be, "General Ashby" is not."""
    return ctx.place(base + sd[i].idx, base + sd[j - 1].idx + len(sd[j - 1].text)) == "resolved"
