"""Running a batch: ingest each file, run the pipeline, link, store.

Documents are independent units of work, so with ``jobs > 1`` they run in
worker processes, each loading the language model once.  One bad file never
spoils the others: its error is collected as one line naming the file.
"""
from __future__ import annotations

import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .document import Corpus, Document
from .ingest import IngestError, read_source
from .pipeline import Options, Pipeline

_worker_pipeline: Pipeline | None = None


def document_from_path(path: str) -> Document:
    """Read a file into the document model (no annotations yet)."""
    src = read_source(path)
    meta = dict(src.meta)
    if src.markers:
        meta["markers"] = [list(m) for m in src.markers]
    if src.notes:
        meta["notes"] = [list(n) for n in src.notes]
    return Document(src.text, source=path, title=src.title, sha256=src.sha256, format=src.format,
                    encoding=src.encoding, body=(src.body_start, src.body_end), meta=meta)


def process_path(path: str, pipeline: Pipeline) -> Document:
    doc = document_from_path(path)
    if not doc.text[doc.body[0]:doc.body[1]].strip():
        raise IngestError(f"{path}: no text to extract")
    return pipeline.run(doc)


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(options)


def _work(path: str):
    try:
        return path, process_path(path, _worker_pipeline), None
    except IngestError as e:
        return path, None, str(e)
    except MemoryError:
        return path, None, f"{path}: out of memory"
    except Exception as e:  # a bug must not take the batch down; say where it happened
        return path, None, f"{path}: internal error: {type(e).__name__}: {e} [{_where(e)}]"


def _where(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    return f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else "?"


def extract_paths(paths: list[str], options: Options, jobs: int = 1, db: str | None = None,
                  progress: bool = False) -> tuple[Corpus, list[str]]:
    """Process files into a linked corpus; store each document in ``db`` if given."""
    from . import storage
    from .linking import link

    results: dict[str, Document] = {}
    errors: list[str] = []
    bar = _bar(len(paths), progress)
    if jobs <= 1 or len(paths) == 1:
        if jobs > 1:   # one document: let the language model use the processes instead
            from dataclasses import replace
            options = replace(options, spacy_processes=jobs)
        pipeline = Pipeline(options)
        global _worker_pipeline
        _worker_pipeline = pipeline
        for p in paths:
            _collect(_work(p), results, errors, bar)
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=_init_worker,
                                 initargs=(options,)) as pool:
            futures = {pool.submit(_work, p): p for p in paths}
            for fut in as_completed(futures):
                try:
                    _collect(fut.result(), results, errors, bar)
                except BrokenProcessPool:
                    errors.append(f"{futures[fut]}: worker process died (out of memory?)")
                    bar.update(1)
    bar.close()
    corpus = Corpus(documents=[results[p] for p in paths if p in results])
    link(corpus)
    if db and corpus.documents:
        conn = storage.connect(db)
        try:
            kept = []
            for doc in corpus.documents:
                try:
                    storage.save_document(conn, doc, corpus.entities)
                    kept.append(doc)
                except Exception as e:
                    errors.append(f"{doc.source}: not stored: {type(e).__name__}: {e}")
        finally:
            conn.close()
    return corpus, errors


def _collect(res, results, errors, bar) -> None:
    path, doc, err = res
    if doc is not None:
        results[path] = doc
    else:
        errors.append(err)
    bar.update(1)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, enabled: bool):
    if not enabled or total < 2:
        return _NoBar()
    import shutil
    from tqdm import tqdm
    # a terminal that reports no size (some ptys) would get an empty bar
    size = shutil.get_terminal_size((80, 24))
    return tqdm(total=total, unit="doc", desc="extract", leave=False, ncols=size.columns or 80,
                nrows=size.lines or 24)
