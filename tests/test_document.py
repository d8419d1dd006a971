"""The document model: the normalised view maps back to the exact source characters."""
import random
import re

from chronotope.document import Document
from chronotope.normalize import normalise


def _check_words(text):
    """Every word of the normalised view maps back to a source slice that reads the same."""
    norm, omap = normalise(text)
    for m in re.finditer(r"[A-Za-z0-9]+", norm):
        s, e = omap.to_source(m.start(), m.end())
        src = text[s:e]
        folded = src.replace("\u00ad", "").replace("-\r\n", "").replace("-\n", "")
        folded = folded.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\ufb00", "ff")
        assert folded == m.group(), (m.group(), src)
    return norm, omap


def test_normalised_view_of_typographic_text():
    text = ("\ufeffHe said \u201chello\u201d\u00a0there. A con-\r\nsequence of the \ufb01rst\u00ad word.\r\n\r\n"
            "Next para with a long line that is wrapped around here\r\nand continues \u2018quoted\u2019.")
    norm, omap = _check_words(text)
    assert '"hello" there' in norm
    assert "consequence" in norm and "first word" in norm
    assert "here and continues 'quoted'" in norm
    assert "\n\nNext" in norm
    i = norm.index("consequence")
    assert text[slice(*omap.to_source(i, i + len("consequence")))] == "con-\r\nsequence"
    i = norm.index('"hello"')
    assert text[slice(*omap.to_source(i, i + 7))] == "\u201chello\u201d"


def test_short_lines_keep_their_breaks():
    text = "Chapter One\nBy the Author\n\nA paragraph."
    norm, _ = normalise(text)
    assert norm.startswith("Chapter One\nBy the Author\n\n")


def test_identity_for_plain_text():
    text = "Plain ASCII text.\n\nNothing to change here at all."
    norm, omap = normalise(text)
    assert norm == text
    for i in range(len(text) + 1):
        assert omap.point(i) == i
        assert omap.to_norm(i) == i


def test_random_texts_round_trip():
    rng = random.Random(7)
    alphabet = ["word", "Another", " ", " ", "\u00a0", "\r\n", "\n\n", "\u201c", "\u201d", "\u2019", "\u00ad",
                "\ufb01", "-\n", "x", "1906", "."]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        norm, omap = _check_words(text)
        assert omap.n_total == len(norm) and omap.s_total == len(text)
        # every source span is ordered and inside the text
        for i in range(len(norm) + 1):
            for j in (i, min(len(norm), i + 3)):
                s, e = omap.to_source(i, j)
                assert 0 <= s <= e <= len(text)


def test_corpus_paragraphs_and_offsets(corpus_text):
    text = corpus_text("cliff-trial-and-escape.txt")
    doc = Document(text, source="cliff-trial-and-escape.txt")
    assert doc.id.startswith("cliff-trial-and-escape-")
    assert len(doc.paragraphs) > 50
    for p in doc.paragraphs:
        assert text[p.start:p.end].strip() == text[p.start:p.end]
    m = doc.add_mention("place", doc.norm.index("Berezov"), doc.norm.index("Berezov") + 7)
    assert m.text == "Berezov" and text[m.start:m.end] == "Berezov"
    q = doc.norm.index("'demoralised'")
    m = doc.add_mention("work", q, q + len("'demoralised'"))
    assert m.text == "\u2018demoralised\u2019"


def test_mention_range_queries_match_a_scan_as_mentions_are_added_anywhere():
    """The indexed ``mentions_of(nstart=, nend=)`` gives what a scan of every mention gives,
    in insertion order, while mentions keep arriving in and out of text order."""
    words = " ".join(f"w{i}" for i in range(3000))
    doc = Document(words, source="t.txt")
    rng = random.Random(7)
    kinds = ("person", "place", "date")

    def scan(ks, s, e):
        return [m for m in doc.mentions if (not ks or m.kind in ks) and m.nend > s and m.nstart < e]

    for step in range(600):
        if step < 300:
            s = step * 30 + rng.randrange(20)      # a section at a time, in text order
        else:
            s = rng.randrange(len(words) - 200)    # whole-document passes add anywhere
        doc.add_mention(rng.choice(kinds), s, s + rng.choice((0, 1, 5, 40, 150)))
        if step % 7 == 0:
            a = rng.randrange(len(words))
            b = a + rng.randrange(300)
            ks = rng.choice(((), ("person",), ("place", "date")))
            assert list(doc.mentions_of(*ks, nstart=a, nend=b)) == scan(ks, a, b)
            assert doc.overlaps(a, b, *ks) == bool(scan(ks, a, b))
    assert list(doc.mentions_of("place")) == [m for m in doc.mentions if m.kind == "place"]


def test_sentence_look_ups_follow_sentences_as_they_are_added():
    doc = Document("One. Two three. Four five six.", source="t.txt")
    assert doc.sentence_at(0) is None and doc.sentence_before(10) is None
    doc.add_sentence(0, 4)
    doc.add_sentence(5, 15)
    assert doc.sentence_at(7).nstart == 5 and doc.sentence_before(7).nstart == 5
    doc.add_sentence(16, 31)
    assert doc.sentence_at(20).nstart == 16 and doc.sentence_before(16).nstart == 5
    assert doc.sentence_at(4) is None       # the space between sentences


def test_paragraph_index_finds_the_paragraph_or_the_next_one():
    doc = Document("First paragraph here.\n\nSecond one.\n\n\nThird and last.", source="t.txt")
    ps = doc.paragraphs
    assert len(ps) == 3
    for pos in range(len(doc.norm) + 1):
        expected = next((k for k, p in enumerate(ps) if pos < p.nend), len(ps))
        assert doc.paragraph_index(pos) == expected
        inside = ps[expected] if expected < len(ps) and ps[expected].nstart <= pos else None
        assert doc.paragraph_at(pos) is inside
