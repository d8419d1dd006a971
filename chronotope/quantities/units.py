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
    """pint's registry with our historical units loaded once.

    pint's own on-disk cache of parsed definitions (``cache_folder=":auto:"``)
    cuts loading from ~1.5 s to a few hundredths; without a writable cache
    directory the registry is built from scratch.
    """
    import pint
    try:
        ureg = pint.UnitRegistry(cache_folder=":auto:")
    except Exception:
        ureg = pint.UnitRegistry()
    ureg.load_definitions(str(DATA / "historical.txt"))
    return ureg


@lru_cache(maxsize=1)
def unit_surfaces() -> dict[str, tuple[str, str]]:
    """surface (lower case) -> (pint unit, reported unit)."""
    return {r[0]: (r[1], r[2]) for r in _rows("surfaces.tsv")}


@lru_cache(maxsize=1)
def money_surfaces() -> dict[str, tuple[str, float]]:
    """currency word (lower case) -> (ISO 4217 code, factor to the code's main unit)."""
    return {r[0]: (r[1], float(r[2])) for r in _rows("money.tsv")}


@lru_cache(maxsize=1)
def money_families() -> dict[str, str]:
    """currency word -> family ("dollars" -> "dollar"), the key of the two tables below."""
    return {r[0]: r[3] for r in _rows("money.tsv")}


@lru_cache(maxsize=1)
def currency_adjectives() -> dict[tuple[str, str], tuple[str, float]]:
    """(nationality adjective, family) -> (code, factor): "Canadian" + "dollar" -> CAD."""
    return {(r[0], r[1]): (r[2], float(r[3])) for r in _rows("currency_adjectives.tsv")}


@lru_cache(maxsize=1)
def country_currency() -> dict[tuple[str, str], tuple[str, float]]:
    """(family, ISO 3166 country) -> (code, factor): "dollar" in CA -> CAD."""
    return {(r[0], r[1]): (r[2], float(r[3])) for r in _rows("country_currency.tsv")}


@lru_cache(maxsize=1)
def fractions() -> dict[str, dict[str, float]]:
    """{"leading": {"half a": 0.5, ...}, "trailing": {"a half": 0.5, ...}}."""
    out: dict[str, dict[str, float]] = {"leading": {}, "trailing": {}}
    for kind, phrase, value in _rows("fractions.tsv"):
        out[kind][phrase] = float(value)
    return out


@lru_cache(maxsize=1)
def article_units() -> frozenset[str]:
    """Unit words that make a quantity with a bare article: "a mile", "a verst"."""
    return frozenset(r[0] for r in _rows("surfaces.tsv") if len(r) > 3 and r[3] == "article")


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
def collective_nouns() -> frozenset[str]:
    return frozenset(_words("collective_nouns.txt"))


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    return frozenset(_words("not_counted.txt"))


_TARGET = {"km": "kilometer", "km/h": "kilometer/hour", "kg": "kilogram",
           "degC": "degree_Celsius", "km2": "kilometer**2"}


def convert(value: float, unit: str, target: str) -> float:
    """Convert ``value`` in pint unit ``unit`` to our reported unit ``target`` ("km", "degC"...)."""
    if unit.startswith("degree_") or target == "degC":
        ureg = registry()   # offset units: pint converts each value
        return float(ureg.Quantity(value, ureg.parse_units(unit)).to(_TARGET.get(target, target)).magnitude)
    return value * _factor(unit, target)


@lru_cache(maxsize=None)
def _factor(unit: str, target: str) -> float:
    """Multiplicative factor from ``unit`` to ``target``, asked of pint once per pair."""
    ureg = registry()
    return float(ureg.Quantity(1.0, ureg.parse_units(unit)).to(_TARGET.get(target, target)).magnitude)
