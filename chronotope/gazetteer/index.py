"""Loading the gazetteer index and answering look-ups (see package docstring)."""
from __future__ import annotations

import marshal
import os
import sys
import threading
import time
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from . import build
from .normalize import normalize_name, skeleton

# Score adjustments made at look-up time (static prominence is in the index).
MATCH_BONUS = {"exact": 0.3, "historical": 0.3, "alternate": 0.0, "variant": -1.5}
YEAR_VALID_BONUS = 1.0
YEAR_INVALID_PENALTY = -2.0
# Tokens that may sit inside a multi-token name without breaking it.
_JOINERS = frozenset({"-", "'", "’", ".", "‐", "–"})
_APOSTROPHES = ("'", "’")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer candidate.

    ``id``: ``geonames:<geonameid>`` (cities, countries, continents, US
    states), ``iso3166-2:<code>`` (subdivisions), ``uscounty:<fips>``, or
    ``chronotope:<slug>`` (supplement).  ``name`` is the modern/canonical
    name.  ``bbox`` is (south, west, north, east).  ``valid_from``/``valid_to``
    are the years the matched historical name applied, or the years a polity
    existed.  ``match`` is ``exact`` (the place's own name), ``alternate``,
    ``historical``, ``variant`` (transliteration skeleton) or ``id``;
    ``matched_name`` the gazetteer's form of the name that matched.
    """

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str | None
    admin1: str | None
    population: int
    bbox: tuple[float, float, float, float] | None
    valid_from: int | None
    valid_to: int | None
    match: str
    matched_name: str
    score: float = 0.0


def _arr(typecode: str, raw: bytes) -> array:
    a = array(typecode)
    a.frombytes(raw)
    if sys.byteorder != "little":  # the index is written little-endian
        a.byteswap()
    return a


def _in_range(year: int, vf: int | None, vt: int | None) -> bool:
    return (vf is None or year >= vf) and (vt is None or year <= vt)


class Gazetteer:
    """The loaded index.  Create with :meth:`load`."""

    _instances: dict[str, "Gazetteer"] = {}
    _lock = threading.Lock()

    def __init__(self, data: dict, path: Path | None = None) -> None:
        self.path = path
        self.hash: str = data.get("hash", "")
        self.notes: list[str] = data.get("notes", [])
        self._n: int = data["n"]
        self._gid = _arr("q", data["gid"])
        self._ids: dict[int, str] = data["ids"]
        self._names: list[str] = data["names"].split("\n")
        self._admin1: list[str] = data["admin1"].split("\n")
        self._lat = _arr("d", data["lat"])
        self._lon = _arr("d", data["lon"])
        self._pop = _arr("q", data["pop"])
        self._score = _arr("d", data["score"])
        self._feat = data["feat"]  # bytes: indexing gives ints
        self._fnames: list[str] = data["feature_codes"]
        self._cc: str = data["cc"]
        self._bbox: dict[int, tuple] = data["bbox"]
        self._valid: dict[int, tuple] = data["valid"]
        self._keys: list[str] = data["keys"].split("\n")
        self._kpos: dict[str, int] = dict(zip(self._keys, range(len(self._keys))))
        self._koff = _arr("I", data["koff"])
        self._kcodes = _arr("I", data["kcodes"])
        # skeletons stay a sorted list (bisect): hashing ~400k more strings
        # into a dict would double the load time for little look-up gain
        self._vskel: list[str] = data["vskel"].split("\n")
        self._voff = _arr("I", data["voff"])
        self._vkeys = _arr("I", data["vkeys"])
        self._first: list[str] = data["first"].split("\n")
        self._firstmax: bytes = data["firstmax"]
        self._hist: dict[str, tuple] = data["hist"]
        self._common: frozenset[str] = frozenset(data["common"])
        self._common_skel = frozenset(skeleton(w) for w in self._common)
        # alias keys written in capitals ("US", "UK"): a one-word span in
        # capitals with such a key is a name even where the key is a common word
        self._caps: frozenset[str] = frozenset(data.get("caps", ()))
        self._forms: dict[str, str] = data["forms"]
        self._by_id: dict[str, int] | None = None
        self._names_of: dict[int, list[tuple]] | None = None
        self._countries: dict[str, Place] | None = None
        self._cache: dict[tuple, tuple] = {}   # look-up results (Places are immutable)

    # table look-ups
    def _key_index(self, key: str) -> int:
        return self._kpos.get(key, -1)

    def _codes(self, key: str):
        i = self._kpos.get(key)
        return () if i is None else self._kcodes[self._koff[i]:self._koff[i + 1]]

    def _variant_keys(self, sk: str) -> list[str]:
        v = self._vskel
        i = bisect_left(v, sk)
        if i < len(v) and v[i] == sk:
            return [self._keys[k] for k in self._vkeys[self._voff[i]:self._voff[i + 1]]]
        return []

    def _first_max(self, word: str) -> int:
        f = self._first
        i = bisect_left(f, word)
        multi = self._firstmax[i] if i < len(f) and f[i] == word else 0
        return multi or (1 if self.has_key(word) else 0)

    def _pid(self, idx: int) -> str:
        g = self._gid[idx]
        return f"geonames:{g}" if g >= 0 else self._ids[idx]

    def _feature(self, idx: int) -> str:
        return self._fnames[self._feat[idx]]

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, path: str | os.PathLike | None = None, *, rebuild: bool = False) -> "Gazetteer":
        """The gazetteer, building its index on first use.

        Without ``path`` the index lives in the user cache
        (``$CHRONOTOPE_CACHE`` or ``~/.cache/chronotope``) under a name that
        hashes all inputs.  Instances are cached per path, so calling this
        repeatedly is cheap.  Concurrent processes building at once are
        serialised by a lock file; the file is written atomically.
        """
        p = Path(path) if path else build.index_path()
        k = str(p)
        with cls._lock:
            if not rebuild and k in cls._instances:
                return cls._instances[k]
            data = None if rebuild else _read(p)
            if data is None:
                data = _build_locked(p, force=rebuild)
            inst = cls(data, p)
            cls._instances[k] = inst
            return inst

    # ---------------------------------------------------------------- places
    def _place(self, idx: int, match: str, form: str, vf=None, vt=None, score=None,
               hist: bool = False) -> Place:
        if not hist:
            vf, vt = self._valid.get(idx, (None, None))
        cc = self._cc[2 * idx:2 * idx + 2]
        g = self._gid[idx]
        return Place(f"geonames:{g}" if g >= 0 else self._ids[idx], self._names[idx],
                     self._lat[idx], self._lon[idx], self._fnames[self._feat[idx]],
                     None if cc == "  " else cc, self._admin1[idx] or None, self._pop[idx],
                     self._bbox.get(idx), vf, vt, match, form,
                     self._score[idx] if score is None else score)

    def __len__(self) -> int:
        return self._n

    def get(self, gazetteer_id: str) -> Place | None:
        """The place with this id (``match="id"``), or None."""
        if self._by_id is None:
            m = {v: k for k, v in self._ids.items()}
            for i, g in enumerate(self._gid):
                if g >= 0:
                    m[f"geonames:{g}"] = i
            self._by_id = m
        i = self._by_id.get(gazetteer_id)
        return None if i is None else self._place(i, "id", self._names[i])

    def _form(self, key: str, fallback: str) -> str:
        return self._forms.get(key) or fallback

    # ---------------------------------------------------------------- look-up
    def lookup(self, name: str, year: int | None = None, *, limit: int | None = 25,
               variants: bool | str = True,
               features: set[str] | frozenset[str] | None = None) -> list[Place]:
        """Candidates for ``name``, best first.

        The exact key (own, alternate and historical names) is tried first;
        only when it finds nothing is the transliteration skeleton tried
        (``match="variant"``).  ``variants="always"`` merges variant
        candidates into exact results too; ``variants=False`` never uses them.

        Ranking: static prominence (population for settlements, a base per
        feature type otherwise) plus a bonus for exact and historical name
        matches, a penalty for variant (transliteration skeleton) matches,
        and with ``year`` a bonus for names valid (or polities existing) in
        that year and a penalty for those that were not.  Each result's
        ``score`` is that total.  ``features`` keeps only those types.
        """
        ck = (name, year, limit, variants, None if features is None else frozenset(features))
        hit = self._cache.get(ck)
        if hit is not None:
            return list(hit)
        res = self._lookup(name, year, limit, variants, features)
        if len(self._cache) >= 50_000:
            self._cache.clear()
        self._cache[ck] = tuple(res)
        return res

    def _lookup(self, name, year, limit, variants, features) -> list[Place]:
        key = normalize_name(name)
        if not key:
            return []
        found: dict[int, tuple] = {}   # idx -> (score, match, form, vf, vt, hist)
        hist, score, valid = self._hist, self._score, self._valid

        def consider(idx, match, form, vf=None, vt=None, is_hist=False):
            if features is not None and self._fnames[self._feat[idx]] not in features:
                return
            if not is_hist:
                vf, vt = valid.get(idx, (None, None))
            s = score[idx] + MATCH_BONUS[match]
            if year is not None and (vf is not None or vt is not None):
                s += YEAR_VALID_BONUS if _in_range(year, vf, vt) else YEAR_INVALID_PENALTY
            old = found.get(idx)
            if old is None or s > old[0] or (old[1] == "alternate" and match == "historical"):
                found[idx] = (s, match, form, vf, vt, is_hist)

        for code in self._codes(key):
            consider(code >> 2, "exact" if code & 3 == 0 else "alternate",
                     self._form(key, name.strip()))
        for idx, vf, vt, form in hist.get(key, ()):
            consider(idx, "historical", form, vf, vt, True)
        if variants and len(key) >= 4 and (variants == "always" or not found):
            sk = skeleton(key)
            if sk not in self._common_skel:
                vkeys = self._variant_keys(sk)
                if sk != key and self.has_key(sk):
                    vkeys.append(sk)
                for vk in vkeys:
                    if vk == key:
                        continue
                    form = self._form(vk, vk.title())
                    for code in self._codes(vk):
                        if (code >> 2) not in found:
                            consider(code >> 2, "variant", form)
                    for idx, vf, vt, hform in hist.get(vk, ()):
                        if idx not in found:
                            consider(idx, "variant", hform, vf, vt, True)
        if not found:
            return []
        order = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if limit is not None:
            order = order[:limit]
        return [self._place(i, m, f, vf, vt, round(s, 3), h) for i, (s, m, f, vf, vt, h) in order]

    def best(self, name: str, year: int | None = None, **kw) -> Place | None:
        """The first candidate of :meth:`lookup`, or None."""
        r = self.lookup(name, year, limit=1, **kw)
        return r[0] if r else None

    def __contains__(self, name: str) -> bool:
        return self.has_key(normalize_name(name))

    def has_key(self, key: str) -> bool:
        """Whether an already normalised key names anything (exact or historical)."""
        return key in self._kpos

    # ---------------------------------------------------------------- countries
    @property
    def countries(self) -> dict[str, Place]:
        """ISO2 code -> country Place."""
        if self._countries is None:
            fc = self._fnames.index("country")
            self._countries = {}
            for i, f in enumerate(self._feat):
                if f == fc:
                    p = self._place(i, "id", self._names[i])
                    if p.country:
                        self._countries[p.country] = p
        return self._countries

    def is_country(self, name: str) -> bool:
        """Whether ``name`` (exactly, as alternate or historical name) names a country."""
        return any(p.feature == "country"
                   for p in self.lookup(name, variants=False, limit=None))

    # ---------------------------------------------------------------- names in time
    def names_of(self, place: Place | str) -> list[tuple[str, int | None, int | None]]:
        """Historical names recorded for a place: (name, valid_from, valid_to)."""
        if self._names_of is None:
            m: dict[int, list[tuple]] = {}
            for entries in self._hist.values():
                for idx, vf, vt, form in entries:
                    m.setdefault(idx, []).append((form, vf, vt))
            self._names_of = m
        self.get("")
        idx = self._by_id.get(place if isinstance(place, str) else place.id)
        if idx is None:
            return []
        return sorted(self._names_of.get(idx, []), key=lambda e: (e[1] or -10**6, e[0]))

    def name_at(self, place: Place | str, year: int) -> str | None:
        """The place's name in ``year``: a historical name valid then, else its modern name."""
        pid = place if isinstance(place, str) else place.id
        for form, vf, vt in self.names_of(pid):
            if _in_range(year, vf, vt) and (vf is not None or vt is not None):
                return form
        p = self.get(pid)
        return p.name if p else None

    # ---------------------------------------------------------------- scanning text
    def name_keys(self) -> set[str]:
        """All exact and historical keys (a new set; large: ~650k strings)."""
        return set(self._kpos)

    @property
    def max_words(self) -> int:
        return max(self._firstmax, default=1)

    def is_common_word(self, key: str) -> bool:
        return key in self._common

    def match_tokens(self, tokens: list[str], *, require_capital: bool = True,
                     variants: bool = False, longest: bool = True,
                     skip_common: bool = True) -> list[tuple[int, int, str]]:
        """Find gazetteer names in a token sequence.

        Returns ``(i, j, key)`` for each span ``tokens[i:j]`` whose
        normalised text is a gazetteer key.  Linear in ``len(tokens)``: a
        span is only tried from a token whose word starts some key, and only
        up to the longest key starting with that word.

        * ``require_capital``: the span must start with an upper-case letter
          (names in running English text).
        * ``variants``: also accept transliteration-skeleton matches (the
          third element is then the skeleton's gazetteer key).
        * ``longest``: keep leftmost-longest, non-overlapping spans only.
        * ``skip_common``: ignore one-word spans that are common English words.
          An abbreviation alias written in capitals ("US") is kept.

        Hyphen, apostrophe and full-stop tokens may sit inside a span
        (``["Alma", "-", "Ata"]``); spans never start or end on them.
        """
        norm = [normalize_name(t) for t in tokens]
        n = len(tokens)
        has_key = self.has_key
        out: list[tuple[int, int, str]] = []
        for i in range(n):
            w = norm[i]
            if not w:
                continue
            if require_capital and not tokens[i][:1].isupper():
                continue
            maxw = self._first_max(w.split(" ", 1)[0])
            if not maxw and i + 1 < n and norm[i + 1] == "s" and tokens[i + 1][:1] in _APOSTROPHES:
                # "Devil" + "'s" + "Gate": the key's first word is "devils"
                maxw = self._first_max(w.split(" ", 1)[0] + "s")
            if not maxw and not variants:
                continue
            maxw = maxw or 4
            parts: list[str] = []
            words = 0
            for j in range(i, n):
                t = norm[j]
                if not t:
                    if j > i and tokens[j].strip() in _JOINERS:
                        continue
                    break
                if j > i and t == "s" and tokens[j][:1] in _APOSTROPHES:
                    # "People" + "'s": the tokeniser splits the possessive off a word
                    # that the key writes whole ("democratic peoples republic of korea")
                    parts[-1] += "s"
                    continue          # a name never ends on the possessive ("London's")
                parts.append(t)
                words += t.count(" ") + 1
                if words > maxw:
                    break
                k = " ".join(parts)
                if skip_common and words == 1 and k in self._common and not (
                        k in self._caps and tokens[i].replace(".", "").isupper()):
                    continue
                if has_key(k):
                    out.append((i, j + 1, k))
                elif variants and len(k) >= 4:
                    sk = skeleton(k)
                    if sk in self._common_skel:
                        continue
                    vk = self._variant_keys(sk)
                    if vk:
                        out.append((i, j + 1, vk[0]))
                    elif has_key(sk):
                        out.append((i, j + 1, sk))
        if longest and out:
            out.sort(key=lambda t: (t[0], -(t[1] - t[0])))
            kept, end = [], -1
            for t in out:
                if t[0] >= end:
                    kept.append(t)
                    end = t[1]
            out = kept
        return out


def _read(path: Path) -> dict | None:
    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != build.FORMAT_VERSION:
        return None
    return data


def _build_locked(path: Path, force: bool = False) -> dict:
    """Build the index under an exclusive lock (other builders wait, then read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_suffix(".lock")
    with open(lock, "a+") as lf:
        try:
            import fcntl
            fcntl.flock(lf, fcntl.LOCK_EX)
        except (ImportError, OSError):  # no flock (Windows): race is harmless, writes are atomic
            pass
        if not force:
            data = _read(path)
            if data is not None:
                return data
        t = time.perf_counter()
        build.write_index(path)
        build.prune_stale_indexes(path)
        data = _read(path)
        if data is None:
            raise RuntimeError(f"gazetteer index at {path} unreadable after build")
        data.setdefault("notes", []).append(f"built in {time.perf_counter() - t:.1f}s")
        return data
