"""Score chronotope on the dev texts for communications and acts, benchmarks/heldout4/.

usage: .venv/bin/python benchmarks/eval_heldout4.py [--validate-only] [--misses] [--keep DIR]

Same validation, extraction, scoring and table as eval_heldout.py (whose
functions are reused unchanged); only the folder differs. heldout4 holds dev
texts (see heldout4/README.md): their misses may be read, but rules must fix
general causes. (Its texts are 700-850 words, so eval_heldout's
"brief: 900-1500" length warning fires; it is only a warning.)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout  # noqa: E402

eval_heldout.HELDOUT = Path(__file__).resolve().parent / "heldout4"

if __name__ == "__main__":
    sys.exit(eval_heldout.main(sys.argv[1:]))
