"""Which way a date points, read from the words around it.

Clause tense ("will open", "was named"), "since", a possessive ("Friday's ruling"), a
pluperfect before a date: the cues by which news mode picks the nearest such date on the
side the clause points to, and by which a date told in the past of a letter or in a
pluperfect is read as one before its speech time.  Plain functions of the text, kept apart
from the resolver's state.
"""
from __future__ import annotations

import re

from . import calendars as cal
from .intervals import Point
from .timex import Timex
from .vocab import alternation, vocabulary

V = vocabulary()

FUTURE = re.compile(r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|scheduled\s+(?:to|for)|"
                    r"is\s+to|are\s+to|intends?\s+to|next|begins?|starts?|expected\s+to)\b", re.I)
# a present-tense verb of a scheduled event ("meets Monday", "the talks open Tuesday") looks ahead,
# unless an auxiliary or "to" before it carries the tense ("did not meet", "had been due to expire")
SCHEDULED_PRESENT = r"(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)(?<!\bto\s)" + alternation(V["scheduled_event_verbs"])
# verb-group cues of a clause's tense.  Whole verb groups come first so that their parts do not
# count on their own: "will be named" is future (not "named"), "had been scheduled to" past.
TENSE_CUE = re.compile(r"\b(?:(?P<pp>(?:had|was|were)\s+(?:been\s+|not\s+)?(?:scheduled|due|expected|set|supposed|planned|going)\s+to)|"
                       r"(?P<f>(?:will|won't|shall|would)\s+(?:not\s+)?(?:be|have)\s+[a-z]+ed|will|won't|shall|'ll|going\s+to|scheduled|plans?\s+to|planning|expected\s+to|expects?|"
                       r"upcoming|is\s+to|are\s+to|begins?|starts?|(?:is|are|was|were)\s+(?:planning|preparing)\s+to|"
                       r"intends?|hopes?\s+to|set\s+to|due\s+to|expected|effective|" + SCHEDULED_PRESENT + r")|"
                       # intentions and modals look ahead only for what follows them: "planned to leave on
                       # Thursday", not "On Friday, the government planned to pay"
                       r"(?P<fb>planned\s+to|as\s+soon\s+as|would|should|might|(?-i:may)|(?:plan|intention|idea|arrangement)\s+(?:was|is)\s+to|"
                       r"must|ha(?:s|ve)\s+to|ought\s+to|needs?\s+to|"
                       # a deadline moved or granted: "extended its deadline until 9 a.m. Tuesday"
                       r"(?:extended|postponed|delayed|deferred|adjourned|given|granted|put\s+off)(?:\s+[\w']+){0,5}?\s+until)|(?P<p>was|were|had|did|said|told|"
                       r"announced|reported|rose|fell|began|became|came|went|took|made|held|won|lost|left|sold|bought|met|paid|"
                       r"grew|gave|got|saw|brought|sent|spent|struck|kept|led|built|wrote|spoke|broke|ran|fought|"
                       r"[a-z]{3,}ed))\b", re.I)
PAST_GOVERNOR = re.compile(r"\b(?:was|were|had|[a-z]{3,}ed)\s+(?:on\s+|in\s+)?$", re.I)


def clause_tense(t: Timex, text: str) -> str | None:
    """The tense of the clause around an expression, from the nearest verb cue."""
    s = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start), t.start - 120) + 1
    # the clause ends at a full stop or at a line break (a paragraph's last sentence)
    ends = [x for x in (text.find(". ", t.end), text.find("\n", t.end)) if x >= 0]
    e = min(ends + [len(text), t.end + 120])
    best, best_d = None, None
    for m in TENSE_CUE.finditer(text, s, e):
        if t.start <= m.start() < t.end or m.group("fb") and m.end() > t.start:
            continue
        # the verb an expression modifies mostly comes before it; a participle after it
        # ("by August in the search for markets untouched by...") counts as further away
        dist = t.start - m.end() if m.end() <= t.start else 2 * (m.start() - t.end)
        if best_d is None or dist < best_d:
            best_d = dist
            best = "future" if m.group("f") or m.group("fb") else "past"
    return best

def future(t: Timex, text: str) -> bool:
    s = max(text.rfind(".", 0, t.start), text.rfind("\n", 0, t.start), t.start - 60) + 1
    e = text.find(".", t.end)
    e = len(text) if e < 0 else e
    return bool(FUTURE.search(text, s, min(e, t.end + 30)))


SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:shortly|just|soon|right|early|late)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?$", re.I)


def since_before(text: str, t: Timex) -> bool:
    """'since March', 'since shortly after the Oct. 23 slaying': a time before the speaker's now."""
    return bool(SINCE_BEFORE.search(text, max(0, t.start - 40), t.start))


def possessive(text: str, t: Timex) -> bool:
    """'Friday's session': the expression ends in a possessive (inside its extent or right after it)."""
    return text[t.end - 2:t.end] in ("'s", "\u2019s") or text[t.end:t.end + 2] in ("'s", "\u2019s")


def sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?:\s|$)|\n").search(text, pos)
    return m.end() if m else len(text)


# a pluperfect verb group ("had been taken", "had left", "had already sent") ending the clause
# before a date, with no other finite verb after it
PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:(?:not|never|already|just|only|once|long|since)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t|d)\b"
                               r"(?:\s+(?!(?:and|but|then|was|were|is|are)\b)[a-z,]+){0,6}\s+(?:on|in|of|by|since|until|at)?\s*(?:the\s+)?$", re.I)


def clause_before(text: str, pos: int) -> str:
    """The clause an expression ends: back to the last sentence or clause break, at most 120 chars."""
    s = max(0, pos - 120)
    cut = max(text.rfind(". ", s, pos), text.rfind(";", s, pos), text.rfind("\n", s, pos),
              text.rfind(", and ", s, pos), text.rfind(" and ", s, pos))
    return text[cut + 1 if cut >= 0 else s:pos]


def nearest_in_news(t: Timex, ref: Point, text: str, mo: int, d: int | None) -> Point | None:
    """A month (and day) without a year in news: the nearest such date to the creation time,
    as TimeML annotates news, but a date on the side the clause's tense points away from
    counts as further: "was named in March" (DCT November) is the last March, "will open
    Nov. 21" the next."""
    if not ref.m:
        return Point(ref.y, mo, d, ref.cal)
    told = "future" if future(t, text) else clause_tense(t, text)
    # a past form right before the date governs it: "the year ended Jan. 31"; after "since"
    # ("on patrol since March", "since shortly after the Oct. 23 slaying") a date to come
    # is all but impossible
    governed = bool(PAST_GOVERNOR.search(text, max(0, t.start - 30), t.start))
    since = since_before(text, t)
    best, best_cost = None, None
    for y in (ref.y - 1, ref.y, ref.y + 1):
        if d and not cal.valid(y, mo, d, ref.cal):
            continue
        p = Point(y, mo, d, ref.cal)
        delta = p.mid() - ref.mid()
        # a modal ("will", "is to") is a firmer cue than a past form ("-ed" may be an adjective)
        weight = 1000 if since and p.jdn_range()[0] > ref.jdn_range()[1] else \
            10 if (told == "future" and delta < 0) or (governed and delta > 0) else \
            3 if told == "past" and delta > 0 else 1
        cost = abs(delta) * weight
        if best_cost is None or cost < best_cost:
            best, best_cost = p, cost
    return best
