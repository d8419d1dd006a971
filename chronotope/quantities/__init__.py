"""Quantities in narrative text: distances, speeds, temperatures, masses, money, counts.

``find_quantities(text)`` returns what it found with character offsets into
``text``; units are converted with pint (see :mod:`.units`), historical units
are defined in ``chronotope/data/units/historical.txt``.
"""
from .extract import Found, Number, find_numbers, find_quantities
from .numbers import parse_number
from .units import convert

__all__ = ["Found", "Number", "find_numbers", "find_quantities", "parse_number", "convert"]
