"""The search index's own process: ``python -m hemeroteca.render.search_process ROOT ARTICLES RESULT``.

Render starts it (``writer.start_search``) and writes the pages meanwhile. It is a fresh
interpreter running this module, not a fork (which would hold the site model render
holds) nor a ``multiprocessing`` spawn (which imports the caller's main script again,
running it a second time when that script has no ``__main__`` guard). It reads the articles
from the file ``ARTICLES`` (``search_input``), writes the search files into ROOT's docs/ and,
into the file ``RESULT``, JSON: ``{"files": [names, written, unchanged]}``, or ``{"error":
[path, message, line, field]}`` for a ``HemerotecaError`` (a record changed while it was read),
which render raises again as its own. Built from scratch, the articles are analysed by this
process and by one child it forks, which holds nothing but the articles (``search_split``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_atomic
from hemeroteca.parallel import default_jobs
from hemeroteca.project import Project


def main(root: str, articles: str, result: str) -> int:
    from hemeroteca.render.model import SiteModel
    from hemeroteca.render.search_input import read_articles
    from hemeroteca.render.writer import write_search_files

    try:
        model = SiteModel(articles=read_articles(Path(articles)), facets={})
        # Built from scratch, the articles are analysed on every core (``search_split``).
        written = write_search_files(Project.at(Path(root)), model, jobs=default_jobs())
        outcome: dict[str, object] = {"files": written}
    except HemerotecaError as exc:
        outcome = {"error": [exc.path, exc.message, exc.line, exc.field]}
    write_atomic(Path(result), json.dumps(outcome), durable=False)
    return 0 if "files" in outcome else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
