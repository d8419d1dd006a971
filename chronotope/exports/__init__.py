"""Exports to the formats historians' tools read: GeoJSON, CSV, TimelineJS, GEXF, TEI, LPF.

Every exporter takes the contract JSON dict (``chronotope.export_json``) as
its input, so it is insulated from the extraction internals.  The JSON
format itself is ``chronotope.export_json``.
"""
from __future__ import annotations

from importlib import import_module

# format name -> (module, what out_path is)
FORMATS = {
    "geojson": ("geojson", "file"),
    "csv": ("csv", "directory"),
    "timelinejs": ("timelinejs", "file"),
    "gexf": ("gexf", "file"),
    "tei": ("tei", "file"),
    "lpf": ("lpf", "file"),
}


def write(fmt: str, export: dict, out_path: str):
    """Write ``export`` in format ``fmt`` to ``out_path`` (a directory for ``csv``)."""
    try:
        module, _ = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return import_module(f"chronotope.exports.{module}").write(export, out_path)
