"""The standard stages, in the order they run."""
from __future__ import annotations

from importlib import import_module

# Order matters: later stages read what earlier ones added.
STAGES = ["notes", "times", "quantities", "places", "people", "events"]


def build(options, names: list[str] | None = None) -> list:
    return [import_module(f"chronotope.stages.{n}").make(options) for n in (names or STAGES)]
