"""A land basemap for the offline map, from polygons an installed package ships.

The country outlines come from the ``countryinfo`` package, whose data
carries, per country, a GeoJSON outline derived from Natural Earth (public
domain) at small scale — enough for journeys across continents and it needs
no network.  They are turned into SVG path strings in longitude/latitude
(x = lon, y = -lat; the page applies the projection with an SVG transform),
rounded and thinned so that the whole world costs a few hundred kilobytes.
Thinning is a point-distance filter written here: the outlines are already
generalised, and a geometry library (shapely/GEOS) would be a heavy
dependency for this one step.
"""
from __future__ import annotations

import ast
import functools
import json
import math

PRECISION = 2          # decimal degrees kept (~1 km)
MIN_STEP = 0.08        # drop points closer than this (degrees) to the last kept one


def _rings(geometry: dict):
    t = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if t == "Polygon":
        yield from coords
    elif t == "MultiPolygon":
        for poly in coords:
            yield from poly


def _thin(ring: list, step: float) -> list:
    out = []
    for lon, lat, *_ in ring:
        if out and math.hypot(lon - out[-1][0], lat - out[-1][1]) < step:
            continue
        out.append((lon, lat))
    return out


def _path(ring: list) -> str:
    parts = []
    fmt = f"{{:.{PRECISION}f}}"
    for i, (lon, lat) in enumerate(ring):
        x = fmt.format(lon).rstrip("0").rstrip(".")
        y = fmt.format(-lat).rstrip("0").rstrip(".")
        parts.append(("M" if i == 0 else "L") + x + " " + y)
    return "".join(parts) + "Z"


def _country_geojson() -> list[tuple[str, dict]]:
    """(name, GeoJSON geometry) for every country countryinfo knows."""
    try:
        from countryinfo import all_countries
    except ImportError:        # the map still works, with no land drawn
        return []
    out = []
    for c in all_countries():
        try:
            info = c.info()
        except Exception:      # a country record without data: skip it
            continue
        gj = info.get("geoJSON") or info.get("geo_json")
        if isinstance(gj, str):
            try:
                gj = json.loads(gj)
            except ValueError:
                gj = ast.literal_eval(gj)
        if not gj:
            continue
        for feat in gj.get("features") or []:
            geom = feat.get("geometry")
            if geom:
                out.append((info.get("name") or "", geom))
    return out


@functools.lru_cache(maxsize=4)
def land_paths(step: float = MIN_STEP) -> tuple[dict, ...]:
    """Countries as ``{"name", "d", "bbox"}`` with ``d`` an SVG path in (lon, -lat) space."""
    shapes = []
    for name, geom in _country_geojson():
        rings = []
        lons, lats = [], []
        for ring in _rings(geom):
            thin = _thin(ring, step)
            if len(thin) < 3:
                continue
            rings.append(_path(thin))
            lons += [p[0] for p in thin]
            lats += [p[1] for p in thin]
        if rings:
            shapes.append({"name": name, "d": "".join(rings),
                           "bbox": [round(min(lons), 1), round(min(lats), 1), round(max(lons), 1), round(max(lats), 1)]})
    shapes.sort(key=lambda s: s["name"])
    return tuple(shapes)
