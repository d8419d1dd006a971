"""Quantities stage: distances, speeds, temperatures, masses, money, percentages and counts.

Adds mentions of kind ``quantity`` whose ``quantity`` is
``{"value", "unit", "original_value", "original_unit", "kind", ...}`` in the
contract's units (km, km/h, degC, kg, ISO 4217 codes, "count", "percent").
Units with their numbers come from :func:`chronotope.quantities.find_quantities`;
counts ("400 witnesses", "fourteen others", "eleven of us") from the numbers it
finds read with the dependency parse.  At the end of the document a bare
currency word ("dollars") takes the currency of the country the text is set in
at that point (the nearest resolved place mention, read from the places
stage's mentions and entities).
"""
from __future__ import annotations

import bisect
import re

from ..spans import SpanSet
from ..document import Document
from ..pipeline import BaseStage, Section
from ..quantities import find_numbers, find_quantities
from ..quantities.units import (collective_nouns, country_currency, money_surfaces, not_counted,
                                unit_surfaces)

SCALE_KEY = "quantities.scale"
# pronouns after "of" that make the number a count of people: "eleven of us"
PEOPLE_PRONOUNS = frozenset({"us", "them", "you", "whom"})
# a vague amount counts only from this size up ("several hundred" yes, "a few", "several" no)
VAGUE_COUNT_MIN = 12
_DIGITS = re.compile(r"[\d,]+")


def skip_spans(doc: Document) -> list[tuple[int, int]]:
    """Normalised spans other stages asked us to ignore (the notes section)."""
    out = []
    for sp in doc.state.get("skip_spans") or []:
        if isinstance(sp, (tuple, list)) and len(sp) >= 2:
            out.append((int(sp[0]), int(sp[1])))
        elif hasattr(sp, "nstart"):
            out.append((sp.nstart, sp.nend))
    return out


def in_spans(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


class QuantitiesStage(BaseStage):
    name = "quantities"

    def process(self, doc: Document, section: Section) -> None:
        try:
            self._process(doc, section)
        except Exception as e:  # a stage must never break the run
            doc.meta.setdefault("stage_errors", []).append(f"quantities: {e!r}")

    def finish(self, doc: Document) -> None:
        try:
            currency_from_setting(doc)
        except Exception as e:
            doc.meta.setdefault("stage_errors", []).append(f"quantities: {e!r}")

    def _process(self, doc: Document, section: Section) -> None:
        base = section.nstart
        text = doc.norm[section.nstart:section.nend]
        skip = SpanSet(skip_spans(doc))
        taken: list[tuple[int, int]] = []
        numbers = find_numbers(text)
        for f in find_quantities(text, doc.state.get(SCALE_KEY), numbers=numbers):
            s, e = base + f.start, base + f.end
            if skip.overlaps(s, e):
                continue
            if f.kind == "temperature" and (f.attrs.get("scale_stated") or f.attrs.get("scale_assumed")):
                doc.state[SCALE_KEY] = f.original_unit   # later bare "degrees" use it
            attrs = {k: f.attrs[k] for k in ("family", "adjective") if k in f.attrs}
            doc.add_mention("quantity", s, e, quantity=f.as_quantity(), source="quantities",
                            attrs=attrs)
            taken.append((s, e))
        if section.spacy is not None:
            self._counts(doc, section, numbers, skip, taken)

    def _counts(self, doc: Document, section: Section, numbers, skip, taken) -> None:
        """Numbers counting people or things: "400 witnesses", "forty-two other prisoners", "eleven of us"."""
        base = section.nstart
        skip_nouns = not_counted() | set(unit_surfaces()) | set(money_surfaces())
        sdoc = section.spacy
        for n in numbers:
            s, e = base + n.start, base + n.end
            if in_spans(s, e, taken) or skip.overlaps(s, e):
                continue
            digits = bool(_DIGITS.fullmatch(n.text))
            if not digits and n.max < VAGUE_COUNT_MIN and n.min != n.max:
                continue                      # "several", "a few": not a count we can use
            if n.value == 1 and not digits:
                continue                      # "one moment": an article, not a count
            if n.value != int(n.value) and n.min == n.max:
                continue                      # "two and a half": a measure, not a count
            if digits and "," not in n.text and 1000 <= n.value <= 2100:
                continue                      # a year written alone
            span = sdoc.char_span(n.start, n.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if span[0].is_title and not span[0].is_sent_start and not digits:
                continue                      # "Black Hundred", "the Twelve": part of a name
            if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in span):
                continue
            noun, end_tok = _counted_noun(span, sdoc)
            if noun is None:
                continue
            if noun.lower_ in skip_nouns or noun.lemma_.lower() in skip_nouns or noun.ent_type_ in ("DATE", "TIME"):
                continue
            if not _plural(noun) and n.value > 1:
                continue                      # "the other two round": not a noun counted
            if noun.i + 1 < len(sdoc) and sdoc[noun.i + 1].tag_ == "POS":
                continue                      # "eleven hen's eggs": the noun is a possessor
            e = base + end_tok.idx + len(end_tok.text)
            if e - s > 80 or in_spans(s, e, skip) or in_spans(s, e, taken):
                continue
            if doc.overlaps(s, e, "date", "time", "duration", "quantity"):
                continue
            of = "people" if noun.lower_ in PEOPLE_PRONOUNS else noun.lemma_.lower()
            q = {"value": n.value, "unit": "count", "original_value": n.value, "original_unit": of,
                 "kind": "count", "of": of}
            if n.min != n.max:
                q["min"], q["max"] = n.min, n.max
            doc.add_mention("quantity", s, e, quantity=q, source="quantities")
            taken.append((s, e))


def _hyphen_end(sdoc, j: int) -> int:
    """Index of the last token of the hyphenated word starting at ``j`` ("co - workers")."""
    while (j + 2 < len(sdoc) and sdoc[j + 1].text == "-" and not sdoc[j].whitespace_
           and not sdoc[j + 1].whitespace_):
        j += 2
    return j


def _plural(tok) -> bool:
    return (tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PEOPLE_PRONOUNS or tok.lower_ == "others"
            or tok.lower_ in collective_nouns())


def _counted_noun(span, sdoc):
    """(noun counted, last token of the mention) for a number span, or (None, None).

    The noun follows the number: it is the number's syntactic head ("forty-two
    other prisoners"), "others", or the object of a following "of" ("eleven of
    us", "hundreds of people", "two of the guards").  A noun before the number
    ("article 58", "page 18", "room 12") is a label, not a count.
    """
    after = span.end
    if after < len(sdoc) and sdoc[after].lower_ == "of":
        j = after + 1
        if j < len(sdoc) and sdoc[j].lower_ in PEOPLE_PRONOUNS:
            return sdoc[j], sdoc[j]
        # the object of "of": "two of the village elders", "three of our fellow-prisoners"
        obj = next((c for c in sdoc[after].children if c.dep_ == "pobj"), None)
        if obj is not None:
            obj = sdoc[_hyphen_end(sdoc, obj.i)]    # "co-owners": the noun is its last part
        if obj is not None and obj.i - after <= 6 and obj.pos_ == "NOUN" and obj.tag_ in ("NNS", "NNPS"):
            return obj, obj
        return None, None
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and head.i >= after:
        while head.pos_ == "NUM" and head.head.i != head.i and head.head.i > head.i:
            head = head.head
        if head.i - after <= 3 and (head.pos_ in ("NOUN", "PROPN") or head.lower_ == "others"):
            return head, head
    if after < len(sdoc) and sdoc[after].lower_ == "others":
        return sdoc[after], sdoc[after]
    return None, None


# -------------------------------------------------------------- currency by setting

_NOT_SETTING = re.compile(r"(?<![\w])(?:from|to|towards|toward|via)\s+(?:the\s+)?$", re.I)


def _country(doc: Document, m, cache: dict) -> str | None:
    ent = doc.entities.get(m.entity) if m.entity else None
    if ent is None or not ent.geo:
        return None
    geo = ent.geo
    if geo.get("country"):
        return geo["country"]
    gid = geo.get("gazetteer_id")
    if not gid:
        return None
    if gid not in cache:
        from ..gazetteer import Gazetteer
        place = Gazetteer.load().get(gid)
        cache[gid] = place.country if place is not None else None
    return cache[gid]


def currency_from_setting(doc: Document, reach: int = 3000) -> None:
    """Re-code bare currency words by where the text is at that point.

    "forty dollars" in a passage set in Manitoba are Canadian dollars.  The
    setting is the country of the last resolved place mentioned before the amount
    (within ``reach`` characters): where the narrative is, not where a sentence
    says the money will go ("I paid 300 dollars for the passage to Canada",
    written in Danzig, are US dollars); a place after "from", "to", "towards",
    "via" is an origin or a destination, not the setting;
    ``country_currency.tsv`` says which country changes which word.
    """
    money = [m for m in doc.mentions if m.kind == "quantity" and m.quantity
             and m.quantity.get("kind") == "money" and not m.attrs.get("adjective")
             and m.attrs.get("family")]
    if not money:
        return
    table = country_currency()
    families = {f for f, _ in table}
    money = [m for m in money if m.attrs["family"] in families]
    if not money:
        return
    cache: dict = {}
    places = sorted(((p.nstart, p.nend, c) for p in doc.mentions_of("place")
                     if not _NOT_SETTING.search(doc.norm, max(0, p.nstart - 12), p.nstart)
                     and (c := _country(doc, p, cache))), key=lambda x: x[0])
    if not places:
        return
    starts = [p[0] for p in places]
    for m in money:
        country = None
        i = bisect.bisect_left(starts, m.nstart) - 1
        if i >= 0 and m.nstart - places[i][1] <= reach:
            country = places[i][2]
        hit = table.get((m.attrs["family"], country)) if country else None
        if hit is None:
            continue
        code, factor = hit
        q = m.quantity
        for key in ("value", "min", "max"):
            if key in q and q[key] is not None:
                q[key] = float(f"{q[key] / _old_factor(q) * factor:.6g}")
        q["unit"] = code
        q["currency_setting"] = country


def _old_factor(q: dict) -> float:
    ov, v = q.get("original_value"), q.get("value")
    if ov and v:
        return v / ov
    return 1.0


def make(options) -> QuantitiesStage:
    return QuantitiesStage()
