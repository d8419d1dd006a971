"""Quantities stage: distances, speeds, temperatures, masses, money and counts as mentions.

Adds mentions of kind ``quantity`` whose ``quantity`` is
``{"value", "unit", "original_value", "original_unit", "kind", ...}`` in the
contract's units (km, km/h, degC, kg, ISO 4217 codes, "count").  Units with
their numbers come from :func:`chronotope.quantities.find_quantities`; counts
("400 witnesses", "fourteen others") from the dependency parse.
"""
from __future__ import annotations

from ..document import Document
from ..pipeline import BaseStage, Section
from ..quantities import find_quantities, parse_number
from ..quantities.units import not_counted, unit_surfaces, money_surfaces

SCALE_KEY = "quantities.scale"


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

    def _process(self, doc: Document, section: Section) -> None:
        base = section.nstart
        text = doc.norm[section.nstart:section.nend]
        skip = skip_spans(doc)
        taken: list[tuple[int, int]] = []
        for f in find_quantities(text, doc.state.get(SCALE_KEY)):
            s, e = base + f.start, base + f.end
            if in_spans(s, e, skip):
                continue
            if f.kind == "temperature" and f.attrs.get("scale_stated"):
                doc.state[SCALE_KEY] = f.original_unit   # later bare "degrees" use it
            doc.add_mention("quantity", s, e, quantity=f.as_quantity(), source="quantities")
            taken.append((s, e))
        if section.spacy is not None:
            self._counts(doc, section, skip, taken)

    def _counts(self, doc: Document, section: Section, skip, taken) -> None:
        """Cardinal numbers counting people or things: "400 witnesses", "fourteen others"."""
        base = section.nstart
        skip_nouns = not_counted() | set(unit_surfaces()) | set(money_surfaces())
        sdoc = section.spacy
        seen = set()
        for tok in sdoc:
            if tok.i in seen or not (tok.like_num or tok.ent_type_ == "CARDINAL"):
                continue
            if tok.ent_type_ in ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
                continue
            if tok.is_title and not tok.is_sent_start:
                continue   # "Black Hundred": part of a name
            if tok.dep_ not in ("nummod", "quantmod", "compound") and not (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and tok.ent_type_ == "CARDINAL"):
                continue
            head = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else tok
            if tok.dep_ in ("quantmod", "compound"):
                # "several hundred people": walk up to the noun
                while head.dep_ in ("quantmod", "compound", "nummod") and head.head.i != head.i and head.pos_ == "NUM":
                    head = head.head
            if head.i == tok.i:
                noun = None
            elif head.pos_ in ("NOUN", "PROPN") or head.lemma_ in ("other",) or head.text.lower() == "others":
                noun = head
            else:
                continue
            if noun is not None and (noun.lower_ in skip_nouns or noun.lemma_.lower() in skip_nouns):
                continue
            # the number words: a contiguous run of number tokens (and "and") ending at tok
            left = tok.i
            while left > 0 and (sdoc[left - 1].like_num or sdoc[left - 1].lower_ in ("several", "a", "few", "hundred", "thousand", "and", "some")) and sdoc[left - 1].i not in seen:
                if sdoc[left - 1].lower_ == "and" and not (left - 2 >= 0 and sdoc[left - 2].like_num):
                    break
                left -= 1
            right = tok.i
            while right + 1 < len(sdoc) and sdoc[right + 1].like_num and sdoc[right + 1].i != (noun.i if noun is not None else -1):
                right += 1
            num_text = sdoc[left:right + 1].text
            parsed = parse_number(num_text)
            while parsed is None and left < right:
                left += 1
                num_text = sdoc[left:right + 1].text
                parsed = parse_number(num_text)
            if parsed is None:
                continue
            for i in range(left, right + 1):
                seen.add(i)
            s = base + sdoc[left].idx
            e = base + (noun.idx + len(noun.text) if noun is not None and noun.i > right else sdoc[right].idx + len(sdoc[right].text))
            if e - s > 80 or in_spans(s, e, skip) or in_spans(s, e, taken):
                continue
            if doc.overlaps(s, e, "date", "time", "duration", "quantity"):
                continue
            if noun is None or noun.ent_type_ in ("DATE", "TIME"):
                continue
            v, lo, hi = parsed
            if v == 1 and not num_text.isdigit():
                continue   # "one moment": an article, not a count
            if 1000 <= v <= 2100 and num_text.isdigit():
                continue   # a year written alone
            q = {"value": v, "unit": "count", "original_value": v, "original_unit": noun.lemma_.lower(),
                 "kind": "count", "of": noun.lemma_.lower()}
            if lo != hi:
                q["min"], q["max"] = lo, hi
            doc.add_mention("quantity", s, e, quantity=q, source="quantities")
            taken.append((s, e))


def make(options) -> QuantitiesStage:
    return QuantitiesStage()
