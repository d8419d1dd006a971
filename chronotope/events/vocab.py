"""Event vocabularies, loaded once from ``chronotope/data/events/*.json``."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("chronotope"))) / "data" / "events"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    with open(DATA / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


def travel() -> dict:
    return load("travel")


def communication() -> dict:
    return load("communication")


def acts() -> dict:
    return load("acts")


@lru_cache(maxsize=None)
def compiled(name: str, key: str) -> re.Pattern:
    return re.compile(load(name)[key])
