"""Score chronotope on the names dev set, benchmarks/heldout5/.

usage: .venv/bin/python benchmarks/eval_heldout5.py [--validate-only] [--misses] [--keep DIR]

Same validation, extraction, scoring and table as eval_heldout.py (whose
functions are reused unchanged); only the folder differs. heldout5 is a
development set for people and organizations (see heldout5/README.md), so
its misses may be read; its texts are 700-850 words, so eval_heldout's
length warning fires and is only a warning.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout  # noqa: E402

eval_heldout.HELDOUT = Path(__file__).resolve().parent / "heldout5"

if __name__ == "__main__":
    sys.exit(eval_heldout.main(sys.argv[1:]))
