"""Where a project's rooms live: seeds/, archive/, docs/, site/ under one root.

Every command works on a ``Project`` so tests and the benchmark can point the
whole pipeline at a temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from http.server import ThreadingHTTPServer

    from hemeroteca.catalogue.add import AddReport
    from hemeroteca.catalogue.entries import Entry
    from hemeroteca.catalogue.ingest import IngestReport
    from hemeroteca.catalogue.problems import Problem
    from hemeroteca.catalogue.record import Record
    from hemeroteca.catalogue.review import ReviewReport
    from hemeroteca.evaluate import Scores
    from hemeroteca.extract import Metadata
    from hemeroteca.publish import BuildReport
    from hemeroteca.render.writer import RenderReport


def _paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    return [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]


def _inputs(paths: str | Path | Iterable[str | Path]) -> list[Path | str]:
    """Like ``_paths``, but a web address stays text: ``add`` fetches it."""
    from hemeroteca.sources.fetch import is_web_address

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    return [p if isinstance(p, str) and is_web_address(p) else Path(p) for p in items]


@dataclass(frozen=True)
class Project:
    """An archive on disk, and everything the command line does to it, as methods.

    ``Project("path/to/archive").records(country="PE")`` lists its articles; ``add``,
    ``review``, ``check`` and ``build`` are the commands of the same names (the CLI calls
    these very methods). The pipeline's modules import nothing from here but the paths,
    so each method loads its module only when called.
    """

    root: Path

    def __post_init__(self) -> None:
        if not isinstance(self.root, Path) or not self.root.is_absolute():
            object.__setattr__(self, "root", Path(self.root).resolve())

    @classmethod
    def at(cls, root: str | Path = ".") -> Project:
        return cls(Path(root).resolve())

    # --- the archive as a Python API ----------------------------------------------------------

    def records(self, **filters: Any) -> list[Entry]:
        """The records that parse, in id order, filtered by ``country``, ``actor``, ``tag``,
        ``language``, ``year``, ``review`` (each a value or a list of values) and ``where``
        (a function of the entry). Records that do not parse are left out: ``check()`` names them.
        """
        from hemeroteca.catalogue.authorities import load_authorities
        from hemeroteca.catalogue.entries import entry, matching
        from hemeroteca.catalogue.store import load_records

        records, _ = load_records(self)
        authorities = load_authorities(self.authorities_dir)
        return list(matching((entry(r) for r in records), authorities, **filters))

    def add(
        self,
        paths: str | Path | Iterable[str | Path],
        *,
        progress: Callable | None = None,
        jobs: int | None = None,
    ) -> AddReport:
        """Copy articles (files, folders of them, or web addresses to fetch) into seeds/ and write
        their records, extracted on ``jobs`` processes (every core by default)."""
        from hemeroteca.catalogue.add import add

        return add(self, _inputs(paths), progress=progress, jobs=jobs)

    def extract(self, paths: str | Path | Iterable[str | Path]) -> list[Metadata]:
        """The metadata ``add`` would propose for each file, with this archive's authority files,
        writing nothing (``hemeroteca extract``). A file that is no article raises HemerotecaError."""
        from hemeroteca.catalogue.authorities import load_authorities
        from hemeroteca.catalogue.seedtext import extract_file

        authorities = load_authorities(self.authorities_dir)
        return [extract_file(path, authorities) for path in _paths(paths)]

    def evaluate(
        self, golds: str | Path | Iterable[str | Path], *, articles: str | Path | None = None
    ) -> Scores:
        """Extraction scored against hand-labelled gold files, as one set (``hemeroteca evaluate``).

        Each gold file's texts are in ``articles``, else in ``articles/`` beside it, else in
        seeds/; ``articles`` goes with one gold file only.
        """
        from hemeroteca.catalogue.authorities import load_authorities
        from hemeroteca.catalogue.seedtext import extract_file
        from hemeroteca.errors import HemerotecaError
        from hemeroteca.evaluate import Scores, evaluate

        gold_files = _paths(golds)
        if articles is not None and len(gold_files) > 1:
            message = (
                "a folder of articles (--articles) goes with one gold file: "
                "several read articles/ beside each"
            )
            raise HemerotecaError(None, message)
        authorities = load_authorities(self.authorities_dir)

        def scored(path: Path) -> dict[str, Any]:
            return extract_file(path, authorities).scored_json(path.name)

        scores = Scores()
        for gold in gold_files:
            beside = gold.parent / "articles"
            folder = Path(articles) if articles is not None else beside if beside.is_dir() else self.seeds_dir
            evaluate(gold, folder, scored, scores)
        return scores

    def pending(self) -> list[Record]:
        """The records not yet reviewed, oldest first (in the order they were added), as
        ``hemeroteca review --list`` shows them; records that do not parse are left to ``check()``."""
        from hemeroteca.catalogue.review import pending

        return pending(self)

    def review(self, ids: str | Iterable[str]) -> ReviewReport:
        """Mark records as checked by a person; those with errors are refused, each with its reason."""
        from hemeroteca.catalogue.review import review_all

        return review_all(self, [ids] if isinstance(ids, str) else list(ids))

    def check(self, *, changed: str | None = None) -> list[Problem]:
        """Every problem of the catalogue, or only of what changed since the git ref ``changed``."""
        from hemeroteca.catalogue.check import check

        problems = check(self)
        if changed is None:
            return problems
        from hemeroteca.catalogue.changed import changed_files, only_changed, scope

        return only_changed(problems, scope(self, changed_files(self, changed)))

    def ingest(
        self,
        paths: Iterable[str | Path] | None = None,
        *,
        force: bool = False,
        progress: Callable | None = None,
        jobs: int | None = None,
        scheduler: str | None = None,
    ) -> IngestReport:
        """Records for the seeds that have none (``force``: re-extract unedited ``auto`` ones),
        extracted on ``jobs`` processes or a Dask ``scheduler``."""
        from hemeroteca.catalogue.ingest import ingest

        chosen = [Path(p) for p in paths] if paths is not None else None
        return ingest(self, chosen, force=force, progress=progress, jobs=jobs, scheduler=scheduler)

    def render(self, *, progress: Callable | None = None) -> RenderReport:
        """The generated pages of docs/ (only files whose content changed are written)."""
        from hemeroteca.render.writer import render

        return render(self, progress=progress)

    def build(self, *, dirty: bool = False, progress: Callable | None = None) -> BuildReport:
        """ingest + check + render + site, as ``hemeroteca build``; ``progress(items, label)``
        (a ``hemeroteca.progress.Progress``) is told each stage's files and name."""
        from hemeroteca.publish import build

        return build(self, dirty=dirty, progress=progress)

    def new_archive(self, target: str | Path) -> Project:
        """A new archive at ``target`` (absent or an empty folder) with this one's configuration,
        authority files, theme and hand-written pages, and no seeds or records (``hemeroteca new``)."""
        from hemeroteca.newarchive import new_archive

        return new_archive(self, target)

    def server(self, port: int = 8000) -> ThreadingHTTPServer:
        """A server of the built site/ on 127.0.0.1:``port`` (0: any free one), bound and ready, as
        ``hemeroteca serve`` runs it: ``serve_forever()`` serves until ``shutdown()``."""
        from hemeroteca.publish import site_server

        return site_server(self, port)

    # --- where things live --------------------------------------------------------------------

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def archive_dir(self) -> Path:
        return self.root / "archive"

    @property
    def authorities_dir(self) -> Path:
        return self.archive_dir / "authorities"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def overrides_dir(self) -> Path:
        """Theme overrides (mkdocs.yml's ``custom_dir``): templates included in every page."""
        return self.root / "overrides"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def cache_dir(self) -> Path:
        """Work kept between runs (``hemeroteca.cache``): never committed, safe to delete."""
        return self.root / ".cache" / "hemeroteca"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def relative(self, path: Path) -> str:
        """Paths in messages and records are relative to the root, with forward slashes."""
        text, root = str(path), str(self.root)
        if text.startswith(root + "/"):
            # The usual case (paths the tool made from the root): no file-system calls,
            # and no pathlib parsing either, which ``check`` would pay 30,000 times.
            return text[len(root) + 1 :]
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
