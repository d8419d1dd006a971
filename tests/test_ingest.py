"""Tests for chronotope.ingest: every format written to tmp_path, real parsers, no mocks."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest

from chronotope.ingest import MAX_BYTES, IngestError, Source, iter_input_paths, read_source

from conftest import CORPUS

BEAGLE = CORPUS / "public-domain" / "voyage-of-the-beagle.txt"

# Original sentences written for these tests.
PLAIN = "The courier left Tver at dawn.\nHe rode \u201cwithout rest\u201d to the river; the caf\u00e9 was shut.\n"
RUSSIAN = ("Почтовая карета выехала из Твери рано утром и к вечеру достигла реки. "
           "Ямщик сказал, что дорога размыта, и путники остановились на постоялом дворе. "
           "Утром они переправились на пароме и продолжили путь к старой крепости.\n")


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def raw_read(src: Source) -> str:
    with open(src.path, encoding=src.encoding, newline="") as f:
        return f.read()


def check_spans(src: Source) -> None:
    for start, end, label in src.markers:
        assert src.text[start:end] == label, (start, end, label)
    for start, end, _ in src.notes:
        assert 0 <= start < end <= len(src.text)
        assert src.text[start:end] == src.text[start:end].strip()


# --------------------------------------------------------------------------- plain text

@pytest.mark.parametrize("encoding,bom,expected_enc", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("cp1252", b"", "cp1252"),
])
def test_text_encodings(tmp_path, encoding, bom, expected_enc):
    p = write(tmp_path, "doc.txt", bom + PLAIN.encode(encoding))
    src = read_source(p)
    assert src.format == "text"
    assert src.encoding == expected_enc
    assert src.text == PLAIN
    assert src.text == raw_read(src)
    assert (src.body_start, src.body_end) == (0, len(src.text))
    assert src.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert src.path == str(p)
    assert src.title is None


def test_latin1_short_text_is_not_misguessed(tmp_path):
    text = "Le m\u00e9decin arriva \u00e0 No\u00ebl, tr\u00e8s fatigu\u00e9.\n"
    src = read_source(write(tmp_path, "short.txt", text, "latin-1"))
    assert src.text == text
    assert src.encoding == "cp1252"
    assert src.text == raw_read(src)


def test_cp1251_cyrillic_goes_to_charset_normalizer(tmp_path):
    src = read_source(write(tmp_path, "ru.txt", RUSSIAN * 3, "cp1251"))
    assert src.text == RUSSIAN * 3
    assert src.text == raw_read(src)


def test_crlf_kept_and_offsets_match_open(tmp_path):
    text = "First line.\r\nSecond line.\r\n\r\nNew paragraph.\r\n"
    src = read_source(write(tmp_path, "crlf.txt", text))
    assert src.text == text
    assert src.text.count("\r\n") == 4
    assert src.text == raw_read(src)


def test_utf16_without_bom(tmp_path):
    src = read_source(write(tmp_path, "nobom.txt", PLAIN, "utf-16-le"))
    assert src.text == PLAIN
    assert src.encoding == "utf-16-le"


def test_truncated_utf8_drops_last_partial_character(tmp_path):
    data = ("Mid-sentence the file stops at caf\u00e9").encode() + "\u2014".encode()[:2]
    src = read_source(write(tmp_path, "cut.txt", data))
    assert src.text.endswith("caf\u00e9")
    assert src.meta["truncated"] is True
    assert src.meta["warnings"]


def test_mostly_utf8_with_a_stray_byte_is_read_as_utf8(tmp_path):
    data = ("Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, d\u00e9j\u00e0 vu. " * 5).encode() + b"bad \xff byte.\n"
    src = read_source(write(tmp_path, "mixed.txt", data))
    assert src.encoding == "utf-8"
    assert "Caf\u00e9" in src.text and "\ufffd" in src.text
    assert src.meta["warnings"]


def test_txt_holding_html_stays_text(tmp_path):
    html = "<html><body><p>Not parsed.</p></body></html>"
    src = read_source(write(tmp_path, "page.txt", html))
    assert src.format == "text"
    assert src.text == html


def test_large_text_file(tmp_path):
    line = "The expedition crossed another frozen river near the settlement.\n"
    p = tmp_path / "big.txt"
    p.write_bytes(line.encode() * 150_000)  # ~10 MB
    src = read_source(p)
    assert len(src.text) == len(line) * 150_000
    assert src.encoding == "utf-8"


# --------------------------------------------------------------------------- Markdown

def test_markdown_title_and_raw_text(tmp_path):
    md = "Some preface line.\n\n# The Long *Road* North\n\nThey left in **March**.\n\n## Part two\n"
    src = read_source(write(tmp_path, "notes.md", md))
    assert src.format == "markdown"
    assert src.text == md
    assert src.title == "The Long Road North"


def test_markdown_setext_title(tmp_path):
    md = "Winter Letters\n==============\n\nA letter went astray.\n"
    src = read_source(write(tmp_path, "letters.markdown", md))
    assert src.title == "Winter Letters"
    assert src.text == md


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A  Journey &amp; Return</title>
<style>p { color: red }</style><script>var hidden = "do not keep";</script></head>
<body>
<h1>Chapter One</h1>
<p>The party left   Kazan<sup>1</sup> on 3&nbsp;May and
   reached the Volga crossing<sup>[2]</sup> by evening.</p>
<p>On the 4<sup>th</sup> they rested.<br>A letter was sent.</p>
<noscript>enable scripts</noscript><template><p>template text</p></template>
<div>Inline <em>emphasis</em> stays inline.</div>
<ol class="footnotes"><li id="fn1">The town on the river.</li><li>A ferry, not a bridge.</li></ol>
</body></html>
"""


def test_html_extraction(tmp_path):
    src = read_source(write(tmp_path, "journey.html", HTML))
    assert src.format == "html"
    assert src.title == "A Journey & Return"
    t = src.text
    assert "hidden" not in t and "color" not in t and "enable scripts" not in t and "template text" not in t
    assert "Chapter One\n\nThe party left Kazan1 on 3\u00a0May and reached the Volga crossing[2] by evening." in t
    assert "\n\nInline emphasis stays inline.\n\n" in t
    assert "they rested.\nA letter was sent." in t
    check_spans(src)
    assert [m[2] for m in src.markers] == ["1", "2"]  # 4<sup>th</sup> is an ordinal, not a marker
    kazan = t.index("Kazan")
    assert src.markers[0][0] == kazan + len("Kazan")
    notes = {label: t[s:e] for s, e, label in src.notes}
    assert notes == {"1": "The town on the river.", "2": "A ferry, not a bridge."}
    assert src.meta["language"] == "en"
    assert (src.body_start, src.body_end) == (0, len(t))


def test_xhtml_with_declared_cp1252(tmp_path):
    xhtml = ("<?xml version='1.0' encoding='windows-1252'?>\n"
             "<html xmlns='http://www.w3.org/1999/xhtml' xmlns:epub='http://www.idpf.org/2007/ops'>"
             "<head><title>R\u00e9sum\u00e9</title></head><body>"
             "<p>\u201cQuoted\u201d words<a epub:type='noteref' href='#n1'>1</a> here.</p>"
             "<aside epub:type='footnote' id='n1'><p>1. A note in an aside.</p></aside>"
             "</body></html>")
    src = read_source(write(tmp_path, "page.xhtml", xhtml, "cp1252"))
    assert src.format == "html"
    assert src.encoding == "cp1252"
    assert src.title == "R\u00e9sum\u00e9"
    assert "\u201cQuoted\u201d words1 here." in src.text
    check_spans(src)
    assert src.markers == [(src.text.index("1 here"), src.text.index("1 here") + 1, "1")]
    assert [(src.text[s:e], lab) for s, e, lab in src.notes] == [("A note in an aside.", "1")]


def test_gutenberg_style_html_notes(tmp_path):
    html = ("<html><body><p>He wrote home<a name='FNanchor_1_1' id='FNanchor_1_1'></a>"
            "<a href='#Footnote_1_1' class='fnanchor'>[1]</a> twice.</p>"
            "<div class='footnote'><p><a name='Footnote_1_1' id='Footnote_1_1'></a>"
            "<a href='#FNanchor_1_1'><span class='label'>[1]</span></a> Both letters were lost.</p></div>"
            "</body></html>")
    src = read_source(write(tmp_path, "pg.htm", html))
    check_spans(src)
    assert [m[2] for m in src.markers] == ["1"]
    assert [(src.text[s:e], lab) for s, e, lab in src.notes] == [("Both letters were lost.", "1")]


def test_html_entities_and_pre(tmp_path):
    html = "<html><body><p>Caf&eacute; &lt;open&gt; &#8212; yes</p><pre>a   b\n  c</pre></body></html>"
    src = read_source(write(tmp_path, "e.html", html))
    assert src.text == "Caf\u00e9 <open> \u2014 yes\n\na   b\n  c"


# --------------------------------------------------------------------------- EPUB

CONTAINER = ("<?xml version='1.0'?><container version='1.0' "
             "xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles>"
             "<rootfile full-path='OEBPS/content.opf' media-type='application/oebps-package+xml'/>"
             "</rootfiles></container>")
OPF = """<?xml version='1.0' encoding='utf-8'?>
<package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='id'>
<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>
<dc:title>Letters from the Steppe</dc:title><dc:creator>A. Writer</dc:creator>
<dc:language>en</dc:language><dc:identifier id='id'>test-book-1</dc:identifier></metadata>
<manifest>
<item id='nav' href='nav.xhtml' media-type='application/xhtml+xml' properties='nav'/>
<item id='c2' href='text/ch2.xhtml' media-type='application/xhtml+xml'/>
<item id='c1' href='text/ch1.xhtml' media-type='application/xhtml+xml'/>
<item id='notes' href='text/notes.xhtml' media-type='application/xhtml+xml'/>
</manifest>
<spine><itemref idref='nav'/><itemref idref='c1'/><itemref idref='c2'/><itemref idref='notes'/></spine>
</package>"""


def xhtml(body: str) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml' "
            "xmlns:epub='http://www.idpf.org/2007/ops'><head><title>x</title></head><body>"
            + body + "</body></html>")


def make_epub(path: Path, files: dict[str, str] | None = None, mimetype_first: bool = True) -> bytes:
    files = files or {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": OPF,
        "OEBPS/nav.xhtml": xhtml("<nav epub:type='toc'><ol><li>Contents list</li></ol></nav>"),
        "OEBPS/text/ch1.xhtml": xhtml("<h1>One</h1><p>The sledge left at noon"
                                      "<a epub:type='noteref' href='notes.xhtml#n1'>1</a>.</p>"),
        "OEBPS/text/ch2.xhtml": xhtml("<h1>Two</h1><p>Snow fell for a week.</p>"),
        "OEBPS/text/notes.xhtml": xhtml("<aside epub:type='footnote' id='n1'><p>Noon by the local clock.</p></aside>"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if mimetype_first:
            z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            z.writestr(name, content)
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def test_epub_spine_order_metadata_and_notes(tmp_path):
    p = tmp_path / "book.epub"
    make_epub(p)
    src = read_source(p)
    assert src.format == "epub"
    assert src.title == "Letters from the Steppe"
    assert src.meta["author"] == "A. Writer"
    assert src.text == ("One\n\nThe sledge left at noon1.\n\nTwo\n\nSnow fell for a week."
                        "\n\nNoon by the local clock.")
    check_spans(src)
    assert [m[2] for m in src.markers] == ["1"]
    assert [(src.text[s:e], lab) for s, e, lab in src.notes] == [("Noon by the local clock.", "1")]


def test_epub_sniffed_without_extension(tmp_path):
    p = tmp_path / "book.bin"
    make_epub(p)
    assert read_source(p).format == "epub"


def test_epub_written_by_ebooklib(tmp_path):
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-ebooklib")
    book.set_title("Harbour Diary")
    book.set_language("en")
    book.add_author("B. Keeper")
    ch = epub.EpubHtml(title="Day", file_name="day.xhtml", lang="en")
    ch.content = "<h1>Day one</h1><p>The boat came in with the tide.</p>"
    book.add_item(ch)
    book.toc = [ch]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [ch]
    p = tmp_path / "diary.epub"
    epub.write_epub(str(p), book)
    src = read_source(p)
    assert src.title == "Harbour Diary"
    assert "The boat came in with the tide." in src.text


# --------------------------------------------------------------------------- PDF

def make_pdf(pages: list[str] | None, title: str = "Field Report") -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setTitle(title)
    c.setAuthor("C. Surveyor")
    for text in pages or []:
        c.drawString(72, 720, text)
        c.showPage()
    if pages is None:  # a "scan": graphics only, no text layer
        c.rect(72, 72, 400, 600, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_text_layer(tmp_path):
    p = write(tmp_path, "report.pdf", make_pdf(["The caravan reached the oasis on the third day.",
                                                "On the second page they turned back."]))
    src = read_source(p)
    assert src.format == "pdf"
    assert src.title == "Field Report"
    assert src.meta["author"] == "C. Surveyor"
    assert src.meta["page_count"] == 2
    assert src.text == "The caravan reached the oasis on the third day.\n\nOn the second page they turned back."
    assert src.meta["page_starts"] == [0, src.text.index("On the second")]


def test_pdf_sniffed_by_content(tmp_path):
    p = write(tmp_path, "report.data", make_pdf(["Sniffed by its header, not its name."]))
    assert read_source(p).format == "pdf"


# --------------------------------------------------------------------------- TEI

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title type="main">The Ferryman's Ledger</title>
  <author>D. Clerk</author></titleStmt><publicationStmt><p>test</p></publicationStmt>
  <sourceDesc><p>written for tests</p></sourceDesc></fileDesc></teiHeader>
  <text xml:lang="en"><body>
    <div><head>Entry one</head>
      <p>The ferry crossed twice<note n="1">Once in fog.</note> before
         noon, carrying <choice><abbr>Capt.</abbr><expan>Captain</expan></choice> Orlov.</p>
      <lg><l>Cold the water,</l><l>slow the oar.</l></lg>
      <p>A second remark<note>Unnumbered note.</note> and a reference<ref target="#bn1">a</ref>.</p>
      <fw type="pageNum">12</fw>
    </div>
  </body>
  <back><div type="notes"><note xml:id="bn1">The back note, kept in place.</note></div></back>
  </text>
</TEI>
"""


def test_tei_notes_moved_and_marked(tmp_path):
    src = read_source(write(tmp_path, "ledger.xml", TEI))
    assert src.format == "tei"
    assert src.title == "The Ferryman's Ledger"
    assert src.meta["author"] == "D. Clerk"
    t = src.text
    assert t.startswith("Entry one\n\nThe ferry crossed twice[1] before noon, carrying Captain Orlov.")
    assert "Cold the water,\nslow the oar." in t
    assert "Capt." not in t and "12" not in t and "written for tests" not in t
    check_spans(src)
    assert [m[2] for m in src.markers] == ["1", "2", "a"]
    notes = {label: t[s:e] for s, e, label in src.notes}
    assert notes == {"1": "Once in fog.", "2": "Unnumbered note.", "a": "The back note, kept in place."}
    # moved notes come after the body, after a paragraph break
    fog = t.index("Once in fog.")
    assert fog > t.index("kept in place") and t[:fog].endswith("\n\n[1] ")
    assert (src.body_start, src.body_end) == (0, len(t))


def test_tei_without_namespace_and_tei_extension(tmp_path):
    tei = ("<TEI><teiHeader><fileDesc><titleStmt><title>Bare</title></titleStmt></fileDesc></teiHeader>"
           "<text><body><p>Plain <hi>TEI</hi> text.</p></body></text></TEI>")
    src = read_source(write(tmp_path, "bare.tei", tei))
    assert (src.format, src.title, src.text) == ("tei", "Bare", "Plain TEI text.")


# --------------------------------------------------------------------------- Project Gutenberg

GUTENBERG = (
    "The Project Gutenberg EBook of Salt Roads, by Nobody Inparticular\r\n\r\n"
    "This eBook is for testing only.\r\n\r\n"
    "Title: Salt Roads\r\n\r\nAuthor: Nobody Inparticular\r\n\r\n"
    "Release Date: May, 2001 [EBook #12345]\r\n\r\nLanguage: English\r\n\r\n"
    "*** START OF THIS PROJECT GUTENBERG EBOOK SALT ROADS ***\r\n"
    "CHAPTER I.\r\n\r\nThe salt carts rolled south.\r\n\r\n"
    "End of the Project Gutenberg EBook of Salt Roads, by Nobody Inparticular\r\n\r\n"
    "*** END OF THIS PROJECT GUTENBERG EBOOK SALT ROADS ***\r\n\r\nLicence text here.\r\n"
)


def test_gutenberg_body_range(tmp_path):
    src = read_source(write(tmp_path, "salt.txt", GUTENBERG))
    assert src.text == GUTENBERG
    assert src.title == "Salt Roads"
    assert src.meta["gutenberg_ebook"] == 12345
    assert src.meta["author"] == "Nobody Inparticular"
    assert src.text[src.body_start:].startswith("CHAPTER I.")
    assert src.text[src.body_end:].startswith("End of the Project Gutenberg EBook of Salt Roads")
    assert src.text[src.body_start:src.body_end] == "CHAPTER I.\r\n\r\nThe salt carts rolled south.\r\n\r\n"


def test_gutenberg_old_small_print(tmp_path):
    text = ("Project Gutenberg Etext of Old Roads\n\n"
            "**The Project Gutenberg Etext of Old Roads**\n\nlegal words\n"
            "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n"
            "The road was old.\n"
            "End of Project Gutenberg's Old Roads\n")
    src = read_source(write(tmp_path, "old.txt", text))
    assert src.text[src.body_start:src.body_end] == "The road was old.\n"


def test_gutenberg_html(tmp_path):
    html = ("<html><head><title>The Project Gutenberg eBook of Salt Roads</title></head><body>"
            "<p>The Project Gutenberg eBook of Salt Roads</p><p>Title: Salt Roads</p>"
            "<p>*** START OF THE PROJECT GUTENBERG EBOOK SALT ROADS ***</p>"
            "<p>The salt carts rolled south.</p>"
            "<p>*** END OF THE PROJECT GUTENBERG EBOOK SALT ROADS ***</p><p>Licence.</p></body></html>")
    src = read_source(write(tmp_path, "salt.html", html))
    assert src.title == "Salt Roads"
    assert src.text[src.body_start:src.body_end].strip() == "The salt carts rolled south."


@pytest.mark.skipif(not BEAGLE.exists(), reason="Beagle corpus file not available")
def test_real_beagle_file():
    src = read_source(BEAGLE)
    with open(BEAGLE, encoding=src.encoding, newline="") as f:
        assert src.text == f.read()
    assert "\r\n" in src.text
    assert src.title == "The Voyage of the Beagle"
    assert src.meta["gutenberg_ebook"] == 944
    head = src.text[:src.body_start]
    assert head.rstrip().endswith("*** START OF THIS PROJECT GUTENBERG EBOOK THE VOYAGE OF THE BEAGLE ***")
    assert src.text[src.body_end:].startswith("End of Project Gutenberg's The Voyage of the Beagle")
    body = src.text[src.body_start:src.body_end]
    assert "Project Gutenberg" not in body
    assert len(body) > 1_000_000


# --------------------------------------------------------------------------- bad input

def assert_rejects(path: Path, fragment: str, **kw) -> str:
    with pytest.raises(IngestError) as info:
        read_source(path, **kw)
    msg = str(info.value)
    assert str(path) in msg, msg
    assert "\n" not in msg
    assert fragment in msg, msg
    return msg


def test_missing_and_directory(tmp_path):
    assert_rejects(tmp_path / "nope.txt", "no such file")
    assert_rejects(tmp_path, "no such file")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\xff\xfe \x00\n\x00"])
def test_empty(tmp_path, data):
    assert_rejects(write(tmp_path, "empty.txt", data), "empty file")


@pytest.mark.parametrize("name", ["empty.html", "empty.xml", "empty.md"])
def test_empty_markup(tmp_path, name):
    assert_rejects(write(tmp_path, name, b" \n"), "empty file")


def test_html_without_text(tmp_path):
    assert_rejects(write(tmp_path, "blank.html", "<html><head><title>t</title></head><body> </body></html>"),
                   "no text content")


@pytest.mark.parametrize("name,data,fragment", [
    ("img.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "looks like PNG image"),
    ("prog", b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "looks like ELF"),
    ("a.gz", gzip.compress(b"hello there"), "looks like gzip"),
    ("nul.txt", b"text with \x00 a nul byte inside it, and more text" * 3, "binary file"),
    ("ctl.dat", bytes(range(1, 32)) * 20, "binary file"),
])
def test_binary(tmp_path, name, data, fragment):
    assert_rejects(write(tmp_path, name, data), fragment)


def test_zip_that_is_not_epub(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    assert_rejects(write(tmp_path, "archive.zip", buf.getvalue()), "ZIP archive")


def test_truncated_pdf(tmp_path):
    data = make_pdf(["Some text that will be cut off halfway."])
    assert_rejects(write(tmp_path, "cut.pdf", data[: len(data) // 2]), "truncated or corrupt PDF")


def test_pdf_extension_but_not_pdf(tmp_path):
    assert_rejects(write(tmp_path, "fake.pdf", "just words"), "corrupt PDF")


def test_scanned_pdf_without_text_layer(tmp_path):
    assert_rejects(write(tmp_path, "scan.pdf", make_pdf(None)), "no text layer")


def test_truncated_epub(tmp_path):
    p = tmp_path / "full.epub"
    data = make_epub(p)
    assert_rejects(write(tmp_path, "cut.epub", data[: len(data) // 2]), "truncated or corrupt EPUB")


def test_epub_without_opf(tmp_path):
    p = tmp_path / "noopf.epub"
    make_epub(p, {"META-INF/container.xml": CONTAINER})
    assert_rejects(p, "EPUB")


def test_malformed_tei(tmp_path):
    assert_rejects(write(tmp_path, "bad.xml", "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>"),
                   "")


def test_unsupported_xml(tmp_path):
    assert_rejects(write(tmp_path, "feed.xml", "<?xml version='1.0'?><rss><channel/></rss>"), "unsupported XML")


def test_mostly_undecodable(tmp_path):
    # high bytes with no structure: not UTF-8, not western cp1252, no encoding fits
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(0x80, 0x100) for _ in range(3000))
    assert_rejects(write(tmp_path, "garbage.txt", data), "mis-encoded")


def test_too_large(tmp_path):
    p = write(tmp_path, "big.txt", "x" * 5000)
    msg = assert_rejects(p, "too large", max_bytes=1024)
    assert "4.9 kB > 1 kB limit" in msg
    assert MAX_BYTES == 200 * 1024 * 1024


def test_only_ingest_error_escapes(tmp_path):
    # a pile of odd inputs: whatever happens, it is a Source or an IngestError
    odd = {
        "a.html": b"<html><body><p>\x0cform feed\x0b</p>",
        "b.xhtml": b"<?xml version='1.0' encoding='no-such-codec'?><html><body><p>hi</p></body></html>",
        "c.epub": b"PK\x03\x04" + b"\x00" * 100,
        "d.pdf": b"%PDF-1.4\n%%EOF\n",
        "e.tei": b"<TEI><text>no body, unclosed",
        "f.md": b"# \xff\xfe\xfd",
    }
    for name, data in odd.items():
        try:
            read_source(write(tmp_path, name, data))
        except IngestError as e:
            assert name in str(e)


# --------------------------------------------------------------------------- detection

@pytest.mark.parametrize("name,content,fmt", [
    ("page.dat", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("doc", "<?xml version='1.0'?><TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>x</p></body></text></TEI>",
     "tei"),
    ("page.xml", "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>x</p></body></html>",
     "html"),
    ("readme", "Just words.\n", "text"),
    ("notes.markdown", "# T\n", "markdown"),
])
def test_format_sniffing(tmp_path, name, content, fmt):
    assert read_source(write(tmp_path, name, content)).format == fmt


# --------------------------------------------------------------------------- input paths

def test_iter_input_paths(tmp_path, monkeypatch):
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / ".hidden").mkdir()
    for rel in ["corpus/a.txt", "corpus/sub/b.md", "corpus/.secret.txt", "corpus/.hidden/c.txt", "x.html", "y.html"]:
        (tmp_path / rel).write_text("t")
    monkeypatch.chdir(tmp_path)
    files, missing = iter_input_paths(["corpus", "*.html", "corpus/a.txt", "./x.html", "none.txt", "*.pdf"])
    assert files == sorted([os.path.join("corpus", "a.txt"), os.path.join("corpus", "sub", "b.md"),
                            "x.html", "y.html"])
    assert missing == ["none.txt", "*.pdf"]
