"""Unit tables and conversion with pint, extended with historical units from data files."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("chronotope"))) / "data" / "units"


def _rows(name: str) -> list[list[str]]:
    out = []
    with open(DATA / name, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and row[0].strip() and not row[0].startswith("#"):
                out.append([c.strip() for c in row])
    return out


def _words(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def registry():
    """pint's registry with our historical units loaded once."""
    import pint
    ureg = pint.UnitRegistry()
    ureg.load_definitions(str(DATA / "historical.txt"))
    return ureg


@lru_cache(maxsize=1)
def unit_surfaces() -> dict[str, tuple[str, str]]:
    """surface (lower case) -> (pint unit, reported unit)."""
    return {r[0]: (r[1], r[2]) for r in _rows("surfaces.tsv")}


@lru_cache(maxsize=1)
def money_surfaces() -> dict[str, tuple[str, float]]:
    return {r[0]: (r[1], float(r[2])) for r in _rows("money.tsv")}


@lru_cache(maxsize=1)
def temperature_scales() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("temperature.tsv")}


@lru_cache(maxsize=1)
def vague_numbers() -> dict[str, tuple[int, int]]:
    return {r[0]: (int(r[1]), int(r[2])) for r in _rows("vague_numbers.tsv")}


@lru_cache(maxsize=1)
def number_words() -> list[str]:
    return _words("number_words.txt")


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    return frozenset(_words("not_counted.txt"))


_TARGET = {"km": "kilometer", "km/h": "kilometer/hour", "kg": "kilogram",
           "degC": "degree_Celsius", "km2": "kilometer**2"}


def convert(value: float, unit: str, target: str) -> float:
    """Convert ``value`` in pint unit ``unit`` to our reported unit ``target`` ("km", "degC"...)."""
    ureg = registry()
    q = ureg.Quantity(value, ureg(unit).units if "**" not in unit and "/" not in unit else ureg.parse_units(unit))
    return float(q.to(_TARGET.get(target, target)).magnitude)
