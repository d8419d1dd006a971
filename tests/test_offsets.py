"""Provenance: every exported offset indexes the text exactly as decoded from the file."""
import json

import pytest

from conftest import run_cli


def _check_export(data, texts_by_source):
    assert data["documents"]
    for d in data["documents"]:
        name = d["source"].replace("\\", "/").rsplit("/", 1)[-1]
        assert d["text"] == texts_by_source[name]
    by_doc = {d["id"]: d["text"] for d in data["documents"]}
    assert data["mentions"]
    for m in data["mentions"]:
        assert by_doc[m["doc"]][m["start"]:m["end"]] == m["text"], m
    for e in data["events"]:
        assert 0 <= e["start"] < e["end"] <= len(by_doc[e["doc"]])
    for c in data["citations"]:
        text = by_doc[c["doc"]]
        assert c["marker"] in text[c["start"]:c["end"]]
        if c.get("note"):
            assert text[c["note"]["start"]:c["note"]["end"]] == c["note"]["text"]


def test_corpus_offsets(corpus_run):
    data, _, texts = corpus_run
    _check_export(data, texts)


SAMPLE = ("On 3 May 1870 Anna Petrovna left Riga for Dorpat by coach \u2014 a journey of 240 versts.\n"
          "She wrote to her brother, Count Ivan Petrov, \u201cfrom Dorpat\u201d a week later; the letter\n"
          "reached him in Moscow only on 1 June.\n\nIn the autumn the police arrested her at Pernau. [1]\n\n"
          "1. Petrov, Letters from the Baltic, page 12.\n")


@pytest.mark.parametrize("encoding,newline,bom", [
    ("utf-8", "\r\n", False), ("utf-8", "\n", True), ("latin-1", "\n", False),
    ("cp1252", "\r\n", False), ("utf-16", "\r\n", True),
])
def test_encodings_and_line_endings(tmp_path, encoding, newline, bom):
    text = SAMPLE.replace("\n", newline)
    if encoding == "latin-1":
        text = text.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"') + "Caf\u00e9 na\u00efve.\n"
    path = tmp_path / f"sample-{encoding}.txt"
    raw = text.encode(encoding)
    if bom and encoding == "utf-8":
        raw = b"\xef\xbb\xbf" + raw
    path.write_bytes(raw)
    out = tmp_path / "out.json"
    res = run_cli("extract", path, "--out", out, "--no-db")
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    decoded = raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    if decoded.startswith("\ufeff"):
        decoded = decoded[1:]
    _check_export(data, {path.name: decoded})
    kinds = {m["kind"] for m in data["mentions"]}
    assert {"date", "place"} <= kinds
