"""Shared fixtures: the corpus is read from ../shared/corpus, never copied here."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHRONOTOPE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_path(name: str) -> Path:
    p = CORPUS / name
    if not p.exists():
        pytest.skip(f"corpus file {p} not available")
    return p


@pytest.fixture
def corpus_text():
    def read(name: str) -> str:
        with open(corpus_path(name), encoding="utf-8", newline="") as f:
            return f.read()
    return read


def run_cli(*args, cwd=None, timeout=900):
    """Run the real command line in a child process; returns the CompletedProcess."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "chronotope", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout)


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory):
    """Both corpus chapters extracted in one run with the real CLI: (export dict, db path, texts)."""
    import json
    paths = [corpus_path("my-life-deportation.txt"), corpus_path("cliff-trial-and-escape.txt")]
    out = tmp_path_factory.mktemp("corpus")
    res = run_cli("extract", *paths, "--out", out / "both.json", "--db", out / "both.db", "--jobs", "2")
    assert res.returncode == 0, res.stderr
    with open(out / "both.json", encoding="utf-8") as f:
        data = json.load(f)
    texts = {}
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            texts[p.name] = f.read()
    return data, out / "both.db", texts


def run_time_stage(text: str):
    """The time stage alone over a text written by a test (no language model needed)."""
    from chronotope.document import Document
    from chronotope.pipeline import Options, Section
    from chronotope.stages.times import make
    doc = Document(text, source="t.txt")
    stage = make(Options())
    stage.begin(doc)
    stage.process(doc, Section(0, len(doc.norm)))
    stage.finish(doc)
    return doc


@pytest.fixture(scope="session")
def events_pipeline():
    """Every standard stage through events (the language model comes with the pipeline), loaded
    once for the tests that run short texts they write through the whole extraction."""
    from chronotope.pipeline import Options, Pipeline
    from chronotope.stages import registry
    options = Options()
    return Pipeline(options, stages=registry.build(options))


def legs_by_traveller(doc) -> dict:
    """A document's journey legs that were made (plans left out), as (from, to) place names
    under the names of their travellers: what the journey tests compare."""
    names = {k: v.name for k, v in doc.entities.items()}
    out: dict = {}
    for j in doc.journeys:
        if j.attributes.get("planned"):
            continue
        who = tuple(names.get(t, t) for t in j.travellers) or (j.attributes.get("traveller_text"),)
        out.setdefault(who, []).extend((names.get(l.from_place), names.get(l.to_place)) for l in j.legs)
    return out
