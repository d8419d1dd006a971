"""The rule registry: each rule is a compiled pattern and a handler that reads a match.

The rule modules (dates, relative, periods, clock, durations) register their rules here
with the ``@rule`` decorator; :mod:`chronotope.times.grammar` runs them in its fixed order.
A handler returns a :class:`Timex` specification, or None when the match is not a time.
"""
from __future__ import annotations

import re
from typing import Callable

from .timex import Timex

Handler = Callable[[re.Match, str], "Timex | None"]
REGISTRY: dict[str, tuple[re.Pattern, Handler]] = {}


def rule(name: str, pattern: str, flags: int = re.I):
    rx = re.compile(pattern, flags)

    def deco(fn: Handler) -> Handler:
        REGISTRY[name] = (rx, fn)
        return fn
    return deco


def group(m: re.Match, k: str) -> str | None:
    """A named group, or None when the rule's pattern has no such group."""
    try:
        return m.group(k)
    except IndexError:
        return None
