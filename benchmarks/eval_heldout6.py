"""Score chronotope on the places dev set, benchmarks/heldout6/.

usage: .venv/bin/python benchmarks/eval_heldout6.py [--validate-only] [--misses] [--keep DIR]

Same validation, extraction, scoring and table as eval_heldout.py (whose
functions are reused unchanged); only the folder differs. heldout6 is a
development set for places (see heldout6/README.md), so
its misses may be read; its texts are 650-700 words, so eval_heldout's
length warning fires and is only a warning.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout  # noqa: E402

eval_heldout.HELDOUT = Path(__file__).resolve().parent / "heldout6"

if __name__ == "__main__":
    sys.exit(eval_heldout.main(sys.argv[1:]))
