"""hemeroteca: raw news texts in, a curated and searchable static archive out.

The command line (``hemeroteca.cli``) is a thin layer over this API, so anything
the CLI does can be scripted from Python too.
"""

from importlib import import_module
from typing import Any

# Imported now: each name is also that of a submodule, which would shadow a lazy attribute.
from hemeroteca.evaluate import evaluate
from hemeroteca.render.writer import render

# Name -> module that defines it, loaded on first use, so ``import hemeroteca`` (and so every
# CLI start, and each step of a build) does not import the extractors when it needs none.
_API = {
    "Entry": "hemeroteca.catalogue.entries",
    "HemerotecaError": "hemeroteca.errors",
    "IngestReport": "hemeroteca.catalogue.ingest",
    "Metadata": "hemeroteca.extract",
    "Problem": "hemeroteca.catalogue.check",
    "Project": "hemeroteca.project",
    "build": "hemeroteca.publish",
    "build_site": "hemeroteca.publish",
    "check": "hemeroteca.catalogue.check",
    "extract_file": "hemeroteca.catalogue.seedtext",
    "extract_text": "hemeroteca.extract",
    "ingest": "hemeroteca.catalogue.ingest",
}


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'hemeroteca' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "Entry",
    "HemerotecaError",
    "IngestReport",
    "Metadata",
    "Problem",
    "Project",
    "build",
    "build_site",
    "check",
    "evaluate",
    "extract_file",
    "extract_text",
    "ingest",
    "render",
]
