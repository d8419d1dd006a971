"""Markdown title: the text itself stays raw (Markdown reads fine as is)."""

from __future__ import annotations

import re

_FRONT_TITLE = re.compile(r"\A---\r?\n(?:.*\r?\n)*?title:[ \t]*[\"']?([^\r\n\"']+)", re.M)
_HEAD = 65536  # only the start of the document is parsed for the title


def markdown_title(text: str) -> str | None:
    """YAML front-matter title, else the first level-1 heading (ATX '# ' or setext '===')."""
    m = _FRONT_TITLE.match(text[:4096])
    if m and "\n---" in text[: 4096]:
        return m.group(1).strip()
    from markdown_it import MarkdownIt

    head = text[:_HEAD]
    if len(text) > _HEAD:
        head = head[: head.rfind("\n") + 1]
    tokens = MarkdownIt("commonmark").parse(head)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h1" and i + 1 < len(tokens):
            inline = tokens[i + 1]
            words = "".join(c.content for c in (inline.children or []) if c.type in ("text", "code_inline"))
            return " ".join((words or inline.content).split()) or None
    return None
