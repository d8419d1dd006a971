"""Pipeline stages, one module per kind of annotation.

Each stage module exposes ``make(options) -> stage``; the order in which they
run is ``registry.STAGES``.  A stage reads the document model and what earlier
stages added, and adds one kind of annotation; it never reaches into another
stage's module for its internals.
"""
