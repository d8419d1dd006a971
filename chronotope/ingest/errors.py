"""Errors of the ingest layer.

Parsers deep inside the package raise FormatError with just a reason; the
public entry point adds the file name, so every message the user sees is one
line of the form "<file>: <reason>".
"""

from __future__ import annotations


class IngestError(Exception):
    """A source that cannot be read; str(e) is one line naming the file and the reason."""

    def __init__(self, path: str, reason: str | None = None):
        self.path = path
        self.reason = reason
        message = path if reason is None else f"{path}: {reason}"
        super().__init__(" ".join(message.split()))


class FormatError(Exception):
    """Internal: the content is unusable; the message is the reason only."""
