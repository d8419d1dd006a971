"""Who tells a document, decided once for the whole of it (chronotope.voice).

Short texts written here: a memoir, a biography whose writer steps in with "I", a biography
quoting its subject's letters, letters from a family ("we"), and text with too few pronouns
to say anything.
"""
from chronotope.document import Document
from chronotope.voice import voice

MEMOIR = ("I left Odessa in the spring. My brother came with me as far as the frontier, and there "
          "he turned back. I went on alone by rail to Vienna, where I found work in a printing shop. "
          "The owner was kind to me and I stayed with him two years. ") * 3

LIFE = ("Anna Berg was born at Kalmar in 1760. Her father kept a shop by the harbour and she helped him "
        "with his books. In 1786 she went to Riga with her husband, and there she began to draw the "
        "plants of the shore. He was often ill and she nursed him herself. ") * 3


def told(text: str):
    return voice(Document(text, source="t.txt"))


def test_a_memoir_is_told_in_the_first_person():
    v = told(MEMOIR)
    assert v.first_person and not v.third_person
    assert v.first_singular >= 3 * 7      # "I", "My", "me" at a sentence's start count too


def test_a_biography_with_its_writer_stepping_in_is_third_person():
    v = told(LIFE + "When I went to Riga in 2014 I could not find their house.")
    assert v.third_person and not v.first_person


def test_a_biography_quoting_many_letters_is_still_third_person():
    letters = ' She wrote: "I am well and I hope my brother is well." '
    v = told(LIFE + letters * 4)
    assert v.says_i                         # "I" is frequent ...
    assert v.third_singular > v.first_singular
    assert v.third_person and not v.first_person   # ... but "she" and "her" more so


def test_letters_in_the_plural_are_not_third_person():
    text = ("Dear Mother, we reached Trieste on Monday and our boxes came after us. Father says we "
            "shall stay here a week. We walk by the sea and he buys us figs. Your loving son. ") * 3
    v = told(text)
    assert not v.third_person


def test_no_pronouns_says_neither():
    v = told("The column left Tobolsk on 3 March. The road to Berezov took eleven days. Snow fell.")
    assert not v.first_person and not v.third_person and not v.says_i


def test_counted_once_and_kept_on_the_document():
    doc = Document(MEMOIR, source="t.txt")
    assert voice(doc) is voice(doc)
