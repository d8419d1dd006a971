"""SpanSet answers "inside any of these regions?" exactly as a scan of the regions does."""
import random

from chronotope.spans import SpanSet


def test_span_set_agrees_with_a_scan_of_overlapping_and_touching_spans():
    rng = random.Random(3)
    spans = []
    for _ in range(200):
        s = rng.randrange(5000)
        spans.append((s, s + rng.choice((1, 3, 10, 80, 400))))
    spans += [(100, 100), (200, 150)]            # empty and reversed spans hold nothing
    spans += [(6000, 6010), (6010, 6020)]        # touching spans
    ss = SpanSet(spans)
    real = [(s, e) for s, e in spans if e > s]
    for pos in range(0, 6100, 7):
        assert ss.contains(pos) == any(s <= pos < e for s, e in real), pos
    for _ in range(2000):
        a = rng.randrange(6100)
        b = a + rng.randrange(50)
        assert ss.overlaps(a, b) == any(s < b and a < e for s, e in real), (a, b)
    assert not SpanSet() and not SpanSet().contains(0) and not SpanSet().overlaps(0, 10)
