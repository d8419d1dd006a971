"""Score chronotope on the third dev set, benchmarks/heldout3/ (journeys-focused texts).

usage: .venv/bin/python benchmarks/eval_heldout3.py [--validate-only] [--misses] [--keep DIR]

Same validation, extraction, scoring and table as eval_heldout.py (whose
functions are reused unchanged); only the folder differs. Unlike heldout2,
this set is a development set: look at its misses freely (see
heldout3/README.md). Its texts are 700-900 words, so eval_heldout's
"brief: 900-1500" length warning may fire; it is only a warning.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout  # noqa: E402

eval_heldout.HELDOUT = Path(__file__).resolve().parent / "heldout3"

if __name__ == "__main__":
    sys.exit(eval_heldout.main(sys.argv[1:]))
