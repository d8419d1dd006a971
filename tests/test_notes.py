"""Notes stage: markers, notes section, note parsing, and citations across documents."""
import pytest

from chronotope.document import Corpus, Document
from chronotope.notes import find_markers, find_notes_section, link_citations, parse_note
from chronotope.stages.notes import NotesStage

from conftest import corpus_path


def read(name):
    with open(corpus_path(name), encoding="utf-8", newline="") as f:
        return f.read()


def run_notes(text, source="test.txt", **kw):
    """The notes stage alone (it needs no language model)."""
    doc = Document(text, source=source, **kw)
    st = NotesStage()
    st.begin(doc)
    st.finish(doc)
    return doc


@pytest.fixture(scope="module")
def cliff():
    return run_notes(read("cliff-trial-and-escape.txt"), source="cliff-trial-and-escape.txt")


def test_cliff_all_nineteen_markers_linked(cliff):
    cits = cliff.citations
    assert [c.marker for c in cits] == [str(i) for i in range(1, 20)]
    for c in cits:
        assert cliff.text[c.start:c.end] == f"[{c.marker}]"
        assert c.note is not None and cliff.text[c.note["start"]:c.note["end"]] == c.note["text"]
        assert c.work and c.pages
        assert c.supports and c.supports["end"] <= c.start


def test_cliff_note_parsing(cliff):
    by = {c.marker: c for c in cliff.citations}
    assert (by["17"].work, by["17"].pages) == ("My Life", "195-8")
    assert by["17"].attributes["author"] == "Trotsky"
    n11 = by["11"]
    assert n11.work == "The Life and Death of Leon Trotsky"
    assert (n11.attributes["place"], n11.attributes["year"], n11.pages) == ("London", "1975", "18-19")
    assert n11.attributes["quoted_in"] is True
    # the short form "Serge and Sedova Trotsky, page 19" is resolved to note 11's work
    n12 = by["12"]
    assert n12.work == n11.work and n12.pages == "19" and n12.entity == n11.entity
    assert n12.attributes["resolved_from"] == "11"
    assert (by["1"].work, by["1"].pages) == ("1905", "360")
    assert by["2"].pages == "355-7" and by["14"].pages == "20-1"
    # a shortened reference inherits the place and year of the full one
    assert by["14"].attributes["place"] == "Colombo" and by["14"].attributes["year"] == "1969"


def test_cliff_supports_block_quotation(cliff):
    text = cliff.text
    by = {c.marker: c for c in cliff.citations}
    sup = text[by["17"].supports["start"]:by["17"].supports["end"]]
    assert sup.startswith("We took the course along the Sosva.")
    assert sup.endswith("a cry of joy and freedom.")
    # a marker inside a paragraph supports the sentence before it
    sup16 = text[by["16"].supports["start"]:by["16"].supports["end"]]
    assert sup16.endswith("lost two more days.") and "Trotsky describes" not in sup16


def test_cliff_work_entities_and_skip_span(cliff):
    assert {"work:my-life", "work:1905", "work:flight-from-siberia",
            "work:the-life-and-death-of-leon-trotsky"} <= set(cliff.entities)
    assert cliff.entities["work:the-life-and-death-of-leon-trotsky"].attrs["year"] == "1975"
    works = [m for m in cliff.mentions if m.kind == "work"]
    assert works and all(cliff.text[m.start:m.end] == m.text for m in works)
    (s, e), = cliff.state["skip_spans"]
    assert cliff.norm[s:e].lstrip().startswith("1. Trotsky, 1905")
    assert "Last updated" not in cliff.norm[s:e]


def test_links_to_doc_across_the_run(cliff):
    my_life = run_notes(read("my-life-deportation.txt"), source="my-life-deportation.txt")
    corpus = Corpus(documents=[my_life, cliff])
    link_citations(corpus)
    for c in cliff.citations:
        if c.work == "My Life":
            assert c.links_to_doc == my_life.id
        else:
            assert c.links_to_doc is None
    assert my_life.citations == []


def test_caret_markers_and_notes_heading():
    text = ("The ferry left Dover at dawn.^1 We reached Calais by noon,^2 and took the train.\n\n"
            "Notes\n\n"
            "1 Harriet Cole, Crossings (Brighton 1888), p. 14.\n"
            "2 Cole, Crossings, pp. 20-22.\n")
    doc = run_notes(text)
    assert [(c.marker, c.work, c.pages) for c in doc.citations] == [("1", "Crossings", "14"),
                                                                    ("2", "Crossings", "20-22")]
    assert doc.citations[1].attributes["year"] == "1888"
    sup = doc.citations[0].supports
    assert text[sup["start"]:sup["end"]] == "The ferry left Dover at dawn."


def test_symbol_markers_and_bracketed_notes():
    text = ("He was arrested at the frontier.* Nobody told his sister.\u2020\n\n"
            "Footnotes\n"
            "[*] Report of the Border Guard, Lemberg, 1871, page 3.\n"
            "[\u2020] Ibid., page 5.\n")
    doc = run_notes(text)
    assert [c.marker for c in doc.citations] == ["*", "\u2020"]
    first, second = doc.citations
    assert first.work == "Report of the Border Guard" and first.pages == "3"
    assert first.attributes["place"] == "Lemberg" and first.attributes["year"] == "1871"
    assert second.work == first.work and second.pages == "5"


def test_markers_recorded_by_markup():
    text = "She wrote to him twice3 that winter.\n\n3 Letters of Anna Brill, page 40.\n"
    s = text.index("3")
    n = text.index("3 Letters")
    doc = run_notes(text, meta={"markers": [(s, s + 1, "3")], "notes": [(n, len(text) - 1, "3")]})
    (c,) = doc.citations
    assert (c.marker, c.start, c.end) == ("3", s, s + 1)
    assert c.note["text"] == "Letters of Anna Brill, page 40."
    assert c.pages == "40"


def test_numbered_list_without_markers_is_not_notes():
    text = "We packed three things:\n\n1. a lamp\n\n2. a kettle\n\n3. a map of the coast\n"
    doc = run_notes(text)
    assert doc.citations == [] and doc.state["skip_spans"] == []


def test_emphasis_asterisks_are_not_markers():
    assert find_markers("A *very* long road.") == []
    assert [m.label for m in find_markers("A long road.* Then rain.")] == ["*"]


def test_parse_note_forms():
    full = parse_note("J. K. Brown, Rivers and Roads (Oxford: Clarendon, 1910), vol. 2, p. 33.", [], "1")
    assert (full.author, full.work, full.place, full.publisher, full.year, full.volume, full.pages) == \
        ("J. K. Brown", "Rivers and Roads", "Oxford", "Clarendon", "1910", "2", "33")
    short = parse_note("Brown, page 40.", [full], "2")
    assert short.work == "Rivers and Roads" and short.short and short.resolved_from == "1"
    art = parse_note('A. Mills, "On Ferries," in The Quarterly, p. 9.', [], "3")
    assert (art.author, art.work, art.container, art.pages) == ("A. Mills", "On Ferries", "The Quarterly", "9")


def test_notes_section_requires_numbering_to_run_down_to_one():
    norm = "Body text here.[2]\n\n2. Second note.\n\n3. Third note.\n"
    sec = find_notes_section(norm)
    assert sec is not None and [n.label for n in sec.notes] == ["2", "3"]


def test_inline_notes_among_paragraphs():
    text = ("The river rose in the night, [1] and by morning the ford was gone.\n\n"
            "[1] Marsh, Rivers of the Plain (Leeds 1850), p. 7.\n\n"
            "We waited two days for the water to fall. [2]\n\n"
            "[2] I was told afterwards that this happens every spring. Nobody had warned us.\n\n"
            "On the third day a boat came up from the mill. [1]\n\n"
            "[1] Marsh, page 9.\n")
    doc = run_notes(text)
    cits = doc.citations
    assert [c.marker for c in cits] == ["1", "2", "1"]
    assert (cits[0].work, cits[0].pages) == ("Rivers of the Plain", "7")
    assert cits[1].note["text"].startswith("I was told") and cits[1].work is None
    assert (cits[2].work, cits[2].pages) == ("Rivers of the Plain", "9")
    assert len(doc.state["skip_spans"]) == 3


def test_author_with_accented_initial_is_split_from_the_title():
    note = parse_note("Å. Ørsted, Letters from the Sound (Copenhagen 1901), page 44.")
    assert note.work == "Letters from the Sound"
    assert note.pages == "44"
