"""A new, empty archive made from an existing one's hand-written parts (``hemeroteca new``).

What makes an archive itself lives in a few files people wrote: mkdocs.yml (its name,
languages and navigation), the authority files (its countries, topics and actors), the
theme overrides and the hand-written pages of docs/ (About, the archivists' guide, their
translations, the site's own scripts and styles). A second collection starts from those
and nothing else: no seeds, no records and none of the pages ``render`` writes, which
docs/'s manifest names. Tests and benchmarks make their projects the same way, so what
they build is what a new archive would get.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project
from hemeroteca.render.writer import MANIFEST, read_manifest

# Beside docs/: the configuration, the authority files and the theme overrides.
HAND_WRITTEN = ("mkdocs.yml", "archive/authorities", "overrides")


def hand_written_files(project: Project) -> list[str]:
    """The hand-written files of ``project``, as sorted paths relative to its root.

    A link anywhere among them is refused, not followed: a new archive must not end up
    with a copy of a file from outside the old one.
    """
    found: list[str] = []
    for name in HAND_WRITTEN:
        found.extend(_files_under(project, project.root / name))
    generated = set(read_manifest(project.docs_dir)) | {MANIFEST}
    docs = project.relative(project.docs_dir) + "/"
    found.extend(
        rel for rel in _files_under(project, project.docs_dir) if rel.removeprefix(docs) not in generated
    )
    return sorted(found)


LINK = "is a link: a new archive copies only plain files"


def _files_under(project: Project, path: Path) -> list[str]:
    if path.is_symlink():
        raise HemerotecaError(project.relative(path), LINK)
    if path.is_file():
        return [project.relative(path)]
    found = []
    for folder, dirs, files in os.walk(path):
        for name in sorted(dirs) + sorted(files):
            entry = Path(folder) / name
            if entry.is_symlink():
                raise HemerotecaError(project.relative(entry), LINK)
            if name in files:
                found.append(project.relative(entry))
    return found


def new_archive(source: Project, target: str | Path) -> Project:
    """An archive at ``target`` with ``source``'s hand-written files, an empty seeds/ and no records.

    ``target`` must not exist or be an empty folder: nothing anyone made is overwritten.
    The files are copied into a hidden sibling folder first and moved into place in one
    step, so an interrupted copy leaves no half-made archive behind.
    """
    target = Path(target).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HemerotecaError(target, "already exists and is not an empty folder: a new archive needs one")
    if not source.mkdocs_yml.is_file():
        raise HemerotecaError(source.mkdocs_yml, "not found: a new archive is made from an existing one")
    files = hand_written_files(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for rel in files:
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source.root / rel, staging / rel)
        new = Project(staging)
        for folder in (new.seeds_dir, new.authorities_dir, new.docs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        os.chmod(staging, 0o777 & ~_umask())
        os.replace(staging, target)  # an empty folder at target is replaced whole
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Project(target)


def _umask() -> int:
    """The process's file-creation mask (mkdtemp makes its folder private; a new archive is not)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
