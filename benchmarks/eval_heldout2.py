"""Score chronotope on the second held-out set, benchmarks/heldout2/.

usage: .venv/bin/python benchmarks/eval_heldout2.py [--validate-only] [--misses] [--keep DIR]

Same validation, extraction, scoring and table as eval_heldout.py (whose
functions are reused unchanged); only the folder differs. heldout2 is meant to
be run once, at the end, so that it still measures generality: see
heldout2/README.md. (Its texts are 700-1000 words, so eval_heldout's
"brief: 900-1500" length warning may fire; it is only a warning.)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout  # noqa: E402

eval_heldout.HELDOUT = Path(__file__).resolve().parent / "heldout2"

if __name__ == "__main__":
    sys.exit(eval_heldout.main(sys.argv[1:]))
