"""Storage: a real SQLite file, WAL mode, FTS5, transactional and idempotent writes."""
import sqlite3

import pytest

from chronotope import storage
from chronotope.document import Corpus, Document, Entity, Journey, Leg, Participant
from chronotope.export_json import corpus_to_json


def _doc(text="Anna travelled from Riga to Dorpat on 3 May 1870.\n\nShe wrote a letter.", source="a.txt"):
    d = Document(text, source=source)
    n = d.norm
    for word, kind in (("Anna", "person"), ("Riga", "place"), ("Dorpat", "place")):
        if word not in n:
            continue
        i = n.index(word)
        eid = f"{kind}:{word.lower()}"
        d.add_mention(kind, i, i + len(word), entity=eid)
        d.entities[eid] = Entity(eid, kind, word, geo={"lat": 56.9, "lon": 24.1} if kind == "place" else None)
    if "3 May 1870" not in n:
        return d
    i = n.index("3 May 1870")
    d.add_mention("date", i, i + 10, value="1870-05-03", calendar="gregorian")
    ev = d.add_event("travel", 0, n.index("1870") + 5, participants=[Participant("person:anna", "traveller")],
                     date={"value": "1870-05-03"}, attributes={"modes": ["rail"]})
    d.journeys.append(Journey(d.next_id("j"), ["person:anna"], [Leg("place:riga", "place:dorpat", ["rail"],
                              evidence=[{"doc": d.id, "start": ev.start, "end": ev.end}], event=ev.id)]))
    d.add_issue("test", 0, 4, "a note about Anna")
    return d


def _counts(db):
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "mentions", "entities", "events", "event_participants", "journeys", "legs", "issues")}
    finally:
        con.close()


def test_round_trip_and_idempotent(tmp_path):
    db = str(tmp_path / "c.db")
    d = _doc()
    corpus = Corpus([d])
    from chronotope.linking import merge_entities
    merge_entities(corpus)
    storage.save_corpus(db, corpus)
    first = _counts(db)
    assert first["documents"] == 1 and first["mentions"] == 4 and first["entities"] == 3 and first["legs"] == 1
    # re-extracting the same content replaces, never duplicates
    storage.save_corpus(db, Corpus([_doc()], corpus.entities))
    assert _counts(db) == first
    loaded = storage.load_corpus(db)
    a, b = corpus_to_json(corpus), corpus_to_json(loaded)
    for key in ("documents", "mentions", "events", "issues"):
        assert a[key] == b[key], key
    assert [j["legs"] for j in a["journeys"]] == [j["legs"] for j in b["journeys"]] or not a["journeys"]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_full_text_search(tmp_path):
    db = str(tmp_path / "c.db")
    storage.save_corpus(db, Corpus([_doc(), _doc("A quiet winter in Tobolsk.", "b.txt")]))
    hits = storage.search(db, "Tobolsk")
    assert len(hits) == 1 and hits[0]["title"] == "b"
    assert "[Tobolsk]" in hits[0]["snippet"]
    with pytest.raises(storage.StorageError):
        storage.search(db, 'unbalanced "quote')


def test_failure_leaves_database_as_before(tmp_path):
    db = str(tmp_path / "c.db")
    storage.save_corpus(db, Corpus([_doc()]))
    before = _counts(db)
    bad = _doc("Another text about Anna in Riga and Dorpat on 3 May 1870.", "c.txt")
    bad.mentions.append(bad.mentions[0])   # duplicate primary key: the insert fails midway
    conn = storage.connect(db)
    with pytest.raises(sqlite3.IntegrityError):
        storage.save_document(conn, bad, {})
    conn.close()
    assert _counts(db) == before


def test_deleting_a_document_drops_orphan_entities(tmp_path):
    db = str(tmp_path / "c.db")
    d1, d2 = _doc(), _doc("Anna stayed at home.", "b.txt")
    storage.save_corpus(db, Corpus([d1, d2]))
    storage.delete_document(db, d1.id)
    c = _counts(db)
    assert c["documents"] == 1 and c["entities"] == 1  # only Anna is still mentioned


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(storage.StorageError):
        storage.connect(str(p))


def test_streamed_json_export_is_byte_identical_to_the_dict_export(tmp_path):
    """``write_corpus_json`` writes item by item (bounded memory) the very bytes of
    ``write_json(corpus_to_json(...))``: nested values, non-ASCII text, empty arrays."""
    from chronotope.export_json import write_corpus_json, write_json
    from chronotope.linking import link
    docs = [_doc(), _doc("Ånna wrote from Dorpat — “in haste”.\n\nNo date here.", source="b.txt"),
            _doc("Nothing to find.", source="c.txt")]
    for corpus in (Corpus(docs), Corpus([docs[2]]), Corpus()):
        link(corpus)
        for include_text in (True, False):
            write_json(corpus_to_json(corpus, include_text), str(tmp_path / "dict.json"))
            write_corpus_json(corpus, str(tmp_path / "stream.json"), include_text)
            assert (tmp_path / "stream.json").read_bytes() == (tmp_path / "dict.json").read_bytes()


def test_json_export_has_ordinary_file_permissions(tmp_path):
    """The export is written to a private temporary file and renamed; the result must still be
    readable like any file the user creates (umask), not private to the owner."""
    import os
    from chronotope.export_json import write_corpus_json
    old = os.umask(0o022)
    try:
        write_corpus_json(Corpus([_doc()]), str(tmp_path / "out.json"))
        (tmp_path / "plain.txt").write_text("x")
    finally:
        os.umask(old)
    mode = (tmp_path / "out.json").stat().st_mode & 0o777
    assert mode == (tmp_path / "plain.txt").stat().st_mode & 0o777 == 0o644
