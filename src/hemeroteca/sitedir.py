"""The published site/ is replaced whole, never edited in place.

A build writes a new site in ``.<site>.new`` beside site/ and, once it is
complete, renames it to site/ (the old one goes to ``.<site>.old`` for the
instant between the two renames, then is deleted). A build that fails, is
killed, or runs out of disk leaves site/ as the last complete build made it;
the next build removes what the broken one left and, if it was stopped between
the two renames, puts the old site back first.

A dirty build starts the new site as hard links to the old one's files (one
link per file, no copying), so MkDocs and the shell fill rewrite only what
changed. That is safe only if no writer changes a linked file in place:
``replacing_writes`` makes MkDocs write each file as a new one renamed over
the old, the way every writer of hemeroteca does (``fileio.write_atomic``).

For the same reason the files ``render`` generated into docs/ (search files,
exports, originals: tens of thousands at 100,000 articles) reach site/ as hard
links to docs/, not copies: ``render`` replaces a file of docs/ by renaming a new
one over it, so the site keeps the version it was built with.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from hemeroteca.fileio import write_atomic


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


# Written by MkDocs into an open file on every build, past ``replacing_writes``: never linked.
REWRITTEN = frozenset({"sitemap.xml.gz"})


def _link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source`` made of hard links (copies where links are not possible)."""
    for folder, dirs, files in os.walk(source):
        rel = os.path.relpath(folder, source)
        here = target if rel == "." else target / rel
        here.mkdir(parents=True, exist_ok=True)
        for name in files:
            if rel == "." and name in REWRITTEN:
                continue
            try:
                os.link(os.path.join(folder, name), here / name)
            except OSError:
                shutil.copy2(os.path.join(folder, name), here / name)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]


@contextmanager
def site_swap(site: Path, *, keep: bool) -> Iterator[Path]:
    """A folder to build the new site in, swapped in for ``site`` when the block ends without error.

    ``keep``: start from the current site's files (hard links), for a dirty build.
    """
    recover(site)
    new = _beside(site, "new")
    if keep and site.is_dir():
        _link_tree(site, new)
    else:
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


def _write_file(content: bytes, output_path: str) -> None:
    write_atomic(Path(output_path), content, durable=False)


def _copy_file(source_path: str, output_path: str, linkable: frozenset[str] = frozenset()) -> None:
    """Copy into a new file renamed over ``output_path``; a hard link when ``source_path`` is in
    ``linkable`` (a file only ever replaced whole), which costs a tenth of a copy."""
    if os.path.isdir(output_path):
        output_path = os.path.join(output_path, os.path.basename(source_path))
    folder = os.path.dirname(output_path)
    os.makedirs(folder, exist_ok=True)
    if source_path in linkable and _link(source_path, output_path):
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(output_path)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        shutil.copyfile(source_path, tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, output_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _link(source_path: str, output_path: str) -> bool:
    """Hard-link ``source_path`` at ``output_path`` (replacing the file there); False where links
    cannot be made (another file system, a file system without them), to copy instead."""
    tmp = os.path.join(os.path.dirname(output_path), f".{os.path.basename(output_path)}.link.tmp")
    try:
        try:
            os.link(source_path, output_path)
        except FileExistsError:  # a dirty build: the old site's file, renamed over
            Path(tmp).unlink(missing_ok=True)
            os.link(source_path, tmp)
            os.replace(tmp, output_path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # never left in the site
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def replacing_writes(linkable: frozenset[str] = frozenset()) -> Iterator[None]:
    """MkDocs' file writers, for the length of a build, replace files instead of writing into them.

    MkDocs writes pages and copies static files with ``mkdocs.utils.write_file`` and
    ``copy_file``, which open the target and write into it: into a file the old site still
    links to. Otherwise it writes only generated files' content (the shell pages, which are
    not kept in site/) and ``sitemap.xml.gz``, which is never linked (``REWRITTEN``).
    ``linkable``: the paths (as MkDocs gives them) of files to hard-link rather than copy.
    """
    from mkdocs import utils

    saved = utils.write_file, utils.copy_file
    utils.write_file = _write_file
    utils.copy_file = partial(_copy_file, linkable=linkable)
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = saved
