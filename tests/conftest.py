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
