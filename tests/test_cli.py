"""The command line end to end: real files, real processes, real database."""
import json
import sqlite3

import pytest

from conftest import corpus_path, run_cli

COMMANDS = ["extract", "export", "timeml", "report", "serve"]


@pytest.mark.parametrize("command", [None] + COMMANDS)
def test_help_on_every_command(command):
    res = run_cli(*([command] if command else []), "--help")
    assert res.returncode == 0
    assert "usage: chronotope" in res.stdout


def test_unknown_option_is_a_usage_error(tmp_path):
    res = run_cli("extract", "x.txt", "--frobnicate")
    assert res.returncode == 2
    assert "unrecognized arguments: --frobnicate" in res.stderr


def test_unknown_model_is_named(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("A short text about a journey to Riga in May 1870.", encoding="utf-8")
    res = run_cli("extract", f, "--model", "no_such_model_xx", "--db", tmp_path / "c.db")
    assert res.returncode == 3
    assert "no_such_model_xx" in res.stderr and "not installed" in res.stderr


def _write_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("On 3 May 1870 Anna Petrovna left Riga for Dorpat by coach.\n\n"
                    "She wrote to her brother from Dorpat a week later.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "second.md").write_text("# A Letter\n\nIn June 1871 Karl Weber sailed from Hamburg to New York.",
                                   encoding="utf-8")
    return good


def test_batch_with_bad_files_goes_on(tmp_path):
    _write_batch(tmp_path)
    db, out = tmp_path / "c.db", tmp_path / "out.json"
    res = run_cli("extract", tmp_path, "--db", db, "--out", out, "--jobs", "2")
    assert res.returncode == 1, res.stderr
    errors = [l for l in res.stderr.splitlines() if l.startswith("chronotope: ") and ".txt:" in l]
    assert any("empty.txt" in l and "empty" in l for l in errors)
    assert any("image.txt" in l and "binary" in l for l in errors)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(d["source"].rsplit("/", 1)[-1] for d in data["documents"]) == ["good.txt", "second.md"]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    con.close()


def test_nothing_worked_and_missing_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    res = run_cli("extract", tmp_path / "empty.txt", tmp_path / "nope-*.txt", "--db", tmp_path / "c.db")
    assert res.returncode == 3
    assert "nope-*.txt" in res.stderr


def test_rerun_is_idempotent_and_export_matches(tmp_path):
    good = _write_batch(tmp_path)
    db = tmp_path / "c.db"
    first = tmp_path / "first.json"
    assert run_cli("extract", good, "--db", db, "--out", first).returncode == 0
    con = sqlite3.connect(db)
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "events", "entities")]
    assert run_cli("extract", good, "--db", db, "--quiet").returncode == 0
    again = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "events", "entities")]
    con.close()
    assert counts == again and counts[0] == 1 and counts[1] > 0
    res = run_cli("export", "--db", db, "--format", "json")
    assert res.returncode == 0
    exported = json.loads(res.stdout)
    extracted = json.loads(first.read_text(encoding="utf-8"))
    assert exported["mentions"] == extracted["mentions"]
    assert exported["documents"] == extracted["documents"]


def test_export_without_database(tmp_path):
    res = run_cli("export", "--db", tmp_path / "missing.db")
    assert res.returncode == 3 and "missing.db" in res.stderr


def test_other_pipeline_selected_by_name(tmp_path):
    """--model takes any installed pipeline (here a minimal one saved to disk): stages cope without parser or NER."""
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    model_dir = tmp_path / "tiny_pipeline"
    nlp.to_disk(model_dir)
    f = tmp_path / "a.txt"
    f.write_text("On 3 May 1870 we left Riga for Dorpat by coach. Two days later we reached Dorpat.", encoding="utf-8")
    out = tmp_path / "o.json"
    res = run_cli("extract", f, "--model", model_dir, "--out", out, "--no-db")
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["meta"]["model"] == str(model_dir)
    assert {"1870-05-03", "1870-05-05"} <= {m.get("value") for m in data["mentions"] if m["kind"] == "date"}


def test_progress_bar_only_on_a_terminal(tmp_path):
    """Multi-document runs draw a progress bar when stderr is a terminal, and none otherwise."""
    import os
    import subprocess
    import sys
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"In May 187{i} Anna went from Riga to Dorpat by coach.", encoding="utf-8")
    cmd = [sys.executable, "-m", "chronotope", "extract", str(tmp_path), "--no-db", "--out", str(tmp_path / "o.json")]
    master, slave = os.openpty()
    try:
        proc = subprocess.run(cmd, stderr=slave, stdout=subprocess.DEVNULL, timeout=600)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    on_tty = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "extract:" in on_tty and "0/3" in on_tty and "doc/s" in on_tty
    piped = run_cli("extract", tmp_path, "--no-db", "--out", tmp_path / "o.json")
    assert piped.returncode == 0 and "doc/s" not in piped.stderr and "/3" not in piped.stderr
    quiet = run_cli("extract", tmp_path, "--no-db", "--out", tmp_path / "o.json", "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""
