"""The context-cue vocabularies of place recognition, loaded from data files.

The words themselves live in ``chronotope/data/places`` (see its README);
this module only reads them into sets and dicts once per process.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"


@dataclass(frozen=True)
class Cues:
    place_before: dict[str, float]
    motion_verbs: frozenset[str]
    departure_verbs: frozenset[str]
    feature_before: dict[tuple[str, ...], str]   # word sequence -> coarse feature class
    feature_after: dict[str, str | None]
    modifier_after: frozenset[str]
    called_nouns: frozenset[str]
    called_words: frozenset[str]
    not_place_before: frozenset[str]
    person_verbs: frozenset[str]
    person_nouns: frozenset[str]
    person_possessions: frozenset[str]
    recipient_heads: frozenset[str]
    geo_heads: frozenset[str]
    facility_heads: frozenset[str]
    common_words: frozenset[str]
    given_names: frozenset[str]
    demonyms: frozenset[str]
    vessel_before: frozenset[str] = frozenset()
    geo_leads: frozenset[str] = frozenset()         # "Lake X", "Mount X"
    vessel_nouns: frozenset[str] = frozenset()      # "the brig Launceston": evidence that stays local
    diary_verbs: frozenset[str] = frozenset()
    river_before: frozenset[str] = frozenset()
    organization_after: frozenset[str] = frozenset()
    within_words: frozenset[str] = frozenset()
    town_buildings: frozenset[str] = frozenset()
    named_after_town: frozenset[str] = frozenset()
    district_before: frozenset[str] = frozenset()
    district_after: frozenset[str] = frozenset()     # "X, the English quarter"
    street_plurals: frozenset[str] = frozenset()
    place_before_phrases: dict = None               # word tuple -> weight ("by way of")
    by_motion_verbs: frozenset[str] = frozenset()
    of_place_nouns: frozenset[str] = frozenset()
    organization_heads: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()   # "Cornell University": not placed at the scene
    at_person_verbs: frozenset[str] = frozenset()


def _words(path: Path) -> frozenset[str]:
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip().lower()
            if line:
                out.add(line)
    return frozenset(out)


def _strip(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    with open(DATA_DIR / "cues.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    fb = {tuple(k.split()): v for k, v in _strip(raw["feature_before"]).items()}
    return Cues(
        place_before={k: float(v) for k, v in _strip(raw["place_before"]).items()},
        motion_verbs=frozenset(raw["motion_verbs"]["lemmas"]),
        departure_verbs=frozenset(raw["departure_verbs"]["lemmas"]),
        feature_before=fb,
        feature_after=_strip(raw["feature_after"]),
        modifier_after=frozenset(raw["modifier_after"]["words"]),
        called_nouns=frozenset(raw["called"]["nouns"]),
        called_words=frozenset(raw["called"]["words"]),
        not_place_before=frozenset(raw["not_place_before"]["words"]),
        person_verbs=frozenset(raw["person_verbs"]["lemmas"]),
        person_nouns=frozenset(raw["person_nouns"]["lemmas"]),
        person_possessions=frozenset(raw["person_possessions"]["lemmas"]),
        recipient_heads=frozenset(raw["recipient_heads"]["lemmas"]),
        geo_heads=frozenset(raw["geo_heads"]["words"]),
        facility_heads=frozenset(raw["facility_heads"]["words"]),
        common_words=_words(DATA_DIR / "common_words.txt"),
        given_names=_words(DATA_DIR / "given_names.txt"),
        demonyms=_words(DATA_DIR / "demonyms.txt") | _country_demonyms(),
        vessel_before=frozenset(raw.get("vessel_before", {}).get("words", ())),
        vessel_nouns=frozenset(raw.get("vessel_nouns", {}).get("words", ())),
        geo_leads=frozenset(raw.get("geo_leads", {}).get("words", ())),
        diary_verbs=frozenset(raw.get("diary_verbs", {}).get("words", ())),
        river_before=frozenset(raw.get("river_before", {}).get("words", ())),
        organization_after=frozenset(raw.get("organization_after", {}).get("words", ())),
        within_words=frozenset(raw.get("within_words", {}).get("words", ())),
        town_buildings=frozenset(raw.get("town_buildings", {}).get("words", ())),
        district_before=frozenset(raw.get("district_before", {}).get("words", ())),
        district_after=frozenset(raw.get("district_after", {}).get("words", ())),
        street_plurals=frozenset(raw.get("street_plurals", {}).get("words", ())),
        named_after_town=frozenset(raw.get("town_buildings", {}).get("named_after_town", ())),
        place_before_phrases={tuple(k.split()): float(v)
                              for k, v in _strip(raw.get("place_before_phrases", {})).items()},
        by_motion_verbs=frozenset(raw.get("by_motion_verbs", {}).get("lemmas", ())),
        of_place_nouns=frozenset(raw.get("of_place_nouns", {}).get("lemmas", ())),
        organization_heads=frozenset(raw.get("organization_heads", {}).get("words", ())),
        institutions=frozenset(raw.get("institutions", {}).get("words", ())),
        institution_heads=frozenset(raw.get("institution_heads", {}).get("words", ())),
        at_person_verbs=frozenset(raw.get("at_person_verbs", {}).get("lemmas", ())),
    )


def _country_demonyms() -> frozenset[str]:
    """Demonyms of the world's countries ("German", "Turkish") from the countryinfo package."""
    out = set()
    try:
        import countryinfo
        for c in countryinfo.all_countries():
            try:
                d = c.demonym()
            except Exception:
                continue
            if d:
                try:
                    names = {str(n).lower() for n in [c.name(), *(c.alt_spellings() or [])]}
                except Exception:
                    names = set()
                if d.strip().lower() not in names:      # "Djibouti", "Gibraltar" name the place itself
                    out.add(d.strip().lower())
    except Exception:   # the package missing or changed: the hand list still applies
        pass
    return frozenset(out)
