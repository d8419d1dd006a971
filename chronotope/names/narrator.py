"""Who "I" is in a first-person document."""
from __future__ import annotations

import re
from collections import Counter

from ..document import Document
from ..voice import voice


_SIGNATURE_AFTER = re.compile(r"^[\s.,]*(?:[\w ,]*\d{4}\.?)?[\s\"'.]*$")


def find_narrator(doc: Document) -> str | None:
    """The person who is "I" in a first-person document, when the text makes it clear.

    A person who signs a letter or statement in the text (a name alone at the
    end of a paragraph, perhaps with a date) is the narrator of a first-person
    text; failing a signature, the author the file's metadata names; failing
    that, the most often named person with a full name when they are named at
    least three times, unless the text speaks of "he" and "she" more than of "I" and "we": then the
    most named is whom the text is about (a biography whose author says "when I went to
    Lisbon"), not its teller.
    """
    text = doc.norm
    told = voice(doc)
    if not told.says_i:
        return None
    signers: Counter = Counter()
    for m in doc.mentions_of("person"):
        if not m.entity:
            continue
        para = doc.paragraph_at(m.nstart)
        if para is None:
            continue
        after = text[m.nend:para.nend]
        before = text[para.nstart:m.nstart].rstrip()
        line_start = text.rfind("\n", para.nstart, m.nstart)
        starts_line = not before or before.endswith((".", ":", '"', "'")) or \
            (line_start >= 0 and not text[line_start + 1:m.nstart].strip())
        own_paragraph = not before and para.nstart > doc.paragraphs[0].nstart
        if (before or own_paragraph) and starts_line and _SIGNATURE_AFTER.match(after) and len(after) < 40:
            signers[m.entity] += 1
    if signers:
        return signers.most_common(1)[0][0]
    author = (doc.meta.get("author") or "").split(";")[0].strip().lower()
    if author:
        # the file names its author (Gutenberg "Author:", HTML/EPUB/PDF metadata): that is
        # the "I", whether or not the text names them; the most-named person is only a guess
        for e in doc.entities.values():
            if e.kind == "person" and author in [e.name.lower()] + [a.lower() for a in e.aliases]:
                return e.id
        return None
    if told.third_singular > told.first_singular + told.first_plural:
        return None
    counts = Counter(m.entity for m in doc.mentions_of("person") if m.entity)
    for eid, n in counts.most_common():
        ent = doc.entities.get(eid)
        if ent is not None and ent.attrs.get("first") and n >= 3:
            return eid
        break
    return None
