"""The published site/ is never edited in place: a build writes beside it, then moves in.

A full build writes a new site in ``.<site>.new`` beside site/ and, once it is
complete, renames it to site/ (the old one goes to ``.<site>.old`` for the
instant between the two renames, then is deleted). A build that fails, is
killed, or runs out of disk leaves site/ as the last complete build made it;
the next build removes what the broken one left and, if it was stopped between
the two renames, puts the old site back first.

A dirty build writes only the files that change into ``.<site>.new`` and moves
them over their old versions once all are written (``site_overlay``, ``commit``):
at 100,000 articles the site has 200,000 files, and an added article changes a
few hundred of them.

The files ``render`` generated into docs/ (search files, exports, originals: tens
of thousands at 100,000 articles) reach site/ as hard links to docs/, not copies
(``link_files``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hemeroteca.cache import Store
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import inside, plain_path
from hemeroteca.project import Project


def _beside(site: Path, what: str) -> Path:
    return site.parent / f".{site.name}.{what}"


def recover(site: Path) -> None:
    """Undo what an interrupted build left: the old site put back if it was moved, the new one dropped."""
    old = _beside(site, "old")
    if old.is_dir() and not site.exists():
        os.rename(old, site)
    for leftover in (_beside(site, "new"), old):
        if leftover.is_dir():
            shutil.rmtree(leftover)


@contextmanager
def site_swap(site: Path) -> Iterator[Path]:
    """An empty folder to build the new site in, swapped in for ``site`` when the block ends without error."""
    recover(site)
    new = _beside(site, "new")
    new.mkdir(parents=True)
    try:
        yield new
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    old = _beside(site, "old")
    if site.exists():
        os.rename(site, old)
    os.rename(new, site)
    shutil.rmtree(old, ignore_errors=True)


def site_identity(site: Path) -> tuple[int, int] | None:
    """(device, inode) of the site folder: a full build makes a new one, so a site built apart
    from what ``SiteState`` remembers (copied, rebuilt by hand) is never updated in place."""
    try:
        stat = os.stat(site, follow_symlinks=False)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if os.path.isdir(site) and not os.path.islink(site) else None


@contextmanager
def site_overlay(site: Path) -> Iterator[Path]:
    """An empty folder for the files of ``site`` that change; they replace their old versions
    when the block ends without error (``commit``), and are dropped if it fails.

    A build after one new article changes a few hundred of the site's files: writing those
    beside the site and moving them in costs what they cost, where copying the site (even as
    hard links) and deleting the old one cost what the whole site costs. Until the move the
    site is untouched, so a build that fails or is killed leaves it whole; the move itself is
    a few hundred renames, each file whole, and what changed stays pending (``SiteState``)
    until it is done, so a build killed among the renames is caught up by the next one.
    """
    recover(site)
    staged = _beside(site, "new")
    staged.mkdir(parents=True)
    try:
        yield staged
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def commit(site: Path, staged: Path, removed: Iterable[str]) -> list[str]:
    """Move every file of ``staged`` to the same place in ``site``, delete ``removed`` (paths
    in ``site``, checked to stay inside it), and drop ``staged``. Returns the paths moved."""
    moved = []
    for folder, _, files in os.walk(staged):
        rel = os.path.relpath(folder, staged)
        target = site if rel == "." else site / rel
        target.mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            os.replace(os.path.join(folder, name), target / name)
            moved.append(name if rel == "." else f"{rel}/{name}")
    for rel in removed:
        path = inside(site, rel)
        if path.is_file():
            path.unlink()
    shutil.rmtree(staged)
    return moved


def link_files(source: Path, target: Path, rels: Iterable[str]) -> None:
    """Each of ``rels`` (paths under ``source``) at the same place under ``target``, as a hard link.

    For the files ``render`` generated into docs/ (search files, exports, originals): render
    only ever replaces such a file by renaming a new one over it, so the site keeps the version
    it was built with, and a link costs a tenth of a copy. Where links cannot be made (another
    file system) the file is copied. Plain strings, not ``inside``: 100,000 paths a full build,
    which the caller checked (``fileio.plain_path``) in folders that hold no links.
    """
    made: set[str] = set()
    for rel in rels:
        if not plain_path(rel):
            raise HemerotecaError(source, f"'{rel}' would be outside {source.name}/: refused")
        origin, to = os.path.join(source, rel), os.path.join(target, rel)
        folder = os.path.dirname(to)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(origin, to)
        except OSError:
            shutil.copyfile(origin, to)


class SiteState:
    """What the published site/ was built from, so a dirty build moves in only what changed.

    One entry in a signed store (``cache.Store``): the site folder's identity, the digest of
    each shell its generated pages were filled into, and the generated docs/ files ``render``
    wrote or removed since the site was built (``pending``). Anything else (no entry, another
    site folder, a render or a build stopped half-way, an entry of the wrong shape) means
    the changes are not known, and the next build is a full one.
    """

    NAME = "site-state"

    def __init__(self, project: Project) -> None:
        self._store = Store.open(project, self.NAME)
        entry = self._store.get("site")
        self._entry: dict[str, Any] | None = entry if _valid(entry) else None

    def rendering(self) -> None:
        """Call before ``render`` writes anything: until ``rendered``, the changes are not known."""
        if self._entry is not None and self._entry["rendering"]:
            self._entry = None  # a render before this one stopped half-way: it stays unknown
        if self._entry is not None:
            self._entry["rendering"] = True
            self._save()

    def rendered(self, changed: Iterable[str]) -> None:
        if self._entry is not None:
            self._entry["pending"].update(changed)
            self._entry["rendering"] = False
            self._save()

    def changes(self, site: Path) -> set[str] | None:
        """The docs/ files changed since ``site`` was built, or None when that is not known."""
        entry = self._entry
        if entry is None or entry["rendering"] or site_identity(site) != entry["site"]:
            return None
        return set(entry["pending"])

    @property
    def shells(self) -> dict[str, str]:
        return dict(self._entry["shells"]) if self._entry is not None else {}

    def published(self, site: Path, shells: dict[str, str]) -> None:
        identity = site_identity(site)
        self._entry = (
            {"site": identity, "pending": set(), "rendering": False, "shells": dict(shells)}
            if identity is not None
            else None
        )
        self._save()

    def _save(self) -> None:
        self._store.put("site", self._entry)
        self._store.save()


def _valid(entry: object) -> bool:
    """An entry of the shape ``SiteState`` writes (the store is signed; this is belt and braces)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("site"), tuple)
        and len(entry["site"]) == 2
        and all(isinstance(n, int) for n in entry["site"])
        and isinstance(entry.get("pending"), set)
        and all(isinstance(rel, str) for rel in entry["pending"])
        and isinstance(entry.get("rendering"), bool)
        and isinstance(entry.get("shells"), dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in entry["shells"].items())
    )
