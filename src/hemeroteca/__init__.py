"""hemeroteca: raw news texts in, a curated and searchable static archive out.

The command line (``hemeroteca.cli``) is a thin layer over this API, so anything
the CLI does can be scripted from Python too.
"""

from hemeroteca.catalogue.check import Problem, check
from hemeroteca.catalogue.ingest import IngestReport, ingest
from hemeroteca.errors import HemerotecaError
from hemeroteca.evaluate import evaluate
from hemeroteca.extract import Metadata, extract_file, extract_text
from hemeroteca.project import Project
from hemeroteca.publish import build, build_site
from hemeroteca.render.writer import render

__all__ = [
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
