"""The contract export of both corpus texts, made by the real pipeline.

Read from ../shared/corpus (never copied into the repository).  While a stage
is still being written elsewhere in the project, the stages that import are
run, so the report tests keep working as the extraction improves.
"""
from __future__ import annotations

import functools
import os
from importlib import import_module

from conftest import CORPUS
TEXTS = ("my-life-deportation.txt", "cliff-trial-and-escape.txt")


def corpus_paths() -> list[str]:
    base = str(CORPUS)
    return [os.path.join(base, t) for t in TEXTS if os.path.exists(os.path.join(base, t))]


def _importable(module: str) -> bool:
    try:
        import_module(module)
        return True
    except ImportError:
        return False


@functools.lru_cache(maxsize=1)
def corpus_export() -> dict:
    from chronotope.document import Corpus
    from chronotope.export_json import corpus_to_json
    from chronotope.pipeline import Options, Pipeline
    from chronotope.run import document_from_path
    from chronotope.stages import registry

    options = Options()
    names = [n for n in registry.STAGES if _importable(f"chronotope.stages.{n}")]
    pipeline = Pipeline(options, stages=registry.build(options, names))
    corpus = Corpus(documents=[pipeline.run(document_from_path(p)) for p in corpus_paths()])
    if _importable("chronotope.linking"):
        from chronotope import linking
        try:
            linking.link(corpus)
        except ImportError:      # a cross-document rule not written yet
            linking.merge_entities(corpus)
    for d in corpus.documents:
        for eid, e in d.entities.items():
            corpus.entities.setdefault(eid, e)
    return corpus_to_json(corpus)
