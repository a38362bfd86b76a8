"""Add new articles: copy each raw file into seeds/ under a stable name and write its record.

Everything about a file is worked out in memory first (decoding, page
extraction, duplicate search, the record text); only a file that passed all
of it is written, seed first, then record, each atomically. A refused file
therefore leaves seeds/ and archive/ exactly as they were, and a crash between
the two writes leaves a seed without a record, which ``check`` reports and
``ingest`` completes.

Seed names are ``<number>_<sha256 prefix>.<ext>``: the number is one more than
the highest in seeds/, so names sort in the order articles were added (which
is what ``review --list`` calls oldest first), and the hash prefix keeps two
archivists adding in parallel branches from colliding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.ingest import record_file, seed_source
from hemeroteca.catalogue.numbering import seed_number
from hemeroteca.catalogue.seed_digests import SeedDigests, seed_sha256
from hemeroteca.catalogue.seedtext import (
    DOCUMENT_SUFFIXES,
    SeedText,
    extract_seed,
    ocr_sidecar_bytes,
    read_seed_bytes,
    seed_text,
)
from hemeroteca.catalogue.store import (
    SEED_SUFFIXES,
    archive_lock,
    list_seeds,
    record_path,
    refuse_unsafe_files,
    seed_id,
    sidecar_path,
)
from hemeroteca.errors import HemerotecaError
from hemeroteca.extract import Metadata
from hemeroteca.fileio import inside, write_atomic
from hemeroteca.parallel import map_ordered
from hemeroteca.project import Project
from hemeroteca.sources.decode import DecodeError, decode_bytes
from hemeroteca.sources.fetch import FetchError, fetch_page, is_web_address


@dataclass(frozen=True)
class Added:
    given: Path | str  # a file, or the web address the page was fetched from
    seed: Path
    record: Path
    metadata: Metadata
    source: dict[str, str]


@dataclass(frozen=True)
class Duplicate:
    given: Path | str
    existing: str
    how: str


@dataclass
class AddReport:
    added: list[Added] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    errors: list[HemerotecaError] = field(default_factory=list)


def expand_inputs(paths: Iterable[Path | str]) -> tuple[list[Path | str], list[Path]]:
    """Files and web addresses to add (folders walked in name order), and folder files that are no article."""
    files: list[Path | str] = []
    skipped: list[Path] = []
    for item in paths:
        if isinstance(item, str) and is_web_address(item):
            files.append(item)
            continue
        path = Path(item)
        if not path.is_dir():
            files.append(path)
            continue
        for child in sorted(path.rglob("*")):
            if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            (files if child.suffix.lower() in SEED_SUFFIXES else skipped).append(child)
    return files, skipped


class _Known:
    """The texts already in seeds/, by sha256 and by whitespace-normalised text.

    The text index is built only when a new file's bytes are not a known
    sha256, since it means decoding every seed; both digests of each seed are
    remembered between runs (``SeedDigests``), so only the first ``add`` after
    a clone pays for it. Web pages are compared by their markup, not by the
    article extracted from it: extracting thousands of pages would make every
    ``add`` take minutes.
    """

    def __init__(self, project: Project, jobs: int | None = None) -> None:
        self.project = project
        self.jobs = jobs
        self.seeds = list_seeds(project)
        self.by_sha: dict[str, str] = {}
        self.by_text: dict[str, str] | None = None
        sha256 = seed_sha256(project)
        for seed in self.seeds:
            self.by_sha.setdefault(sha256(seed), project.relative(seed))
        sha256.save()

    def _text_index(self) -> dict[str, str]:
        if self.by_text is None:
            self.by_text = {}
            keys = SeedDigests(self.project, "text-key", _text_key_or_blank)
            keys.fill(self.seeds, self.jobs)
            for seed in self.seeds:
                key = keys(seed)
                if key:  # a broken seed is reported by check, not here
                    self.by_text.setdefault(key, self.project.relative(seed))
            keys.save()
        return self.by_text

    def find(self, sha: str, key: str) -> tuple[str, str] | None:
        if sha in self.by_sha:
            return self.by_sha[sha], "the same file (sha256)"
        existing = self._text_index().get(key)
        if existing:
            return existing, "the same text once whitespace is normalised"
        return None

    def remember(self, sha: str, key: str, seed: str) -> None:
        self.by_sha[sha] = seed
        self._text_index()[key] = seed


def text_key(data: bytes) -> str:
    """Equal for two files whose decoded text differs only in whitespace (spaces, line breaks, BOM)."""
    # str.split() cuts at the same characters as regex \s+ (checked over all of Unicode), ~5x faster.
    text = " ".join(decode_bytes(data).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _text_key_or_blank(data: bytes) -> str:
    try:
        return text_key(data)
    except DecodeError:
        return ""


def _next_number(seeds: list[Path]) -> int:
    numbers = [n for s in seeds if (n := seed_number(s.name)) is not None]
    return max(numbers, default=-1) + 1


_EXTENSIONS = {".htm": ".html", ".jpeg": ".jpg", ".tiff": ".tif"}


def seed_name(number: int, sha: str, suffix: str) -> str:
    """``NNN_<sha256 prefix>`` with the kind's usual extension (.htm becomes .html, .jpeg .jpg)."""
    suffix = suffix.lower()
    ext = _EXTENSIONS.get(suffix, suffix) if suffix in SEED_SUFFIXES else ".txt"
    return f"{number:03d}_{sha[:16]}{ext}"


def add(
    project: Project,
    paths: Iterable[Path | str],
    authorities: Authorities | None = None,
    progress: Callable[[Iterable[Path | str]], Iterable[Path | str]] | None = None,
    *,
    jobs: int | None = None,
) -> AddReport:
    """Copy each file (or fetch each web address) into seeds/ and write its record, unless it is
    refused or already there.

    seeds/ is listed (and so the next number found) only once this command holds the
    archive: another ``add`` running at the same time would hand out the same number.
    Files are read and compared with seeds/ here, their text is read and extracted on
    ``jobs`` processes (every core by default), and they are numbered and written here in
    the order given, so the archive is the same whatever ``jobs`` is.
    """
    refuse_unsafe_files(project, publishing=False)  # it reads seeds/ and archive/, and publishes nothing
    with archive_lock(project):
        return _add_all(project, paths, authorities, progress, jobs)


@dataclass
class _Given:
    """One file on its way in: its bytes, and what reading them found."""

    given: Path | str
    data: bytes = b""
    suffix: str = ""
    sidecars: dict[str, bytes] = field(default_factory=dict)
    sha: str = ""
    key: str = ""
    outcome: HemerotecaError | Duplicate | tuple[int, str] | None = None
    """Refused, a duplicate of a seed, (index, how) the same as an earlier file of this command,
    or None: to add."""


# Files read and compared with seeds/ before their extraction is handed out: bounds the bytes
# held at once, and is many batches of work for the processes.
CHUNK = 256


def _add_all(
    project: Project,
    paths: Iterable[Path | str],
    authorities: Authorities | None,
    progress: Callable[[Iterable[Path | str]], Iterable[Path | str]] | None,
    jobs: int | None,
) -> AddReport:
    authorities = authorities or load_authorities(project.authorities_dir)
    files, skipped = expand_inputs(paths)
    report = AddReport(skipped=skipped)
    known = _Known(project, jobs)
    number = _next_number(known.seeds)  # the listing _Known made: one scan of seeds/, not two
    shown = iter(progress(files) if progress else files)  # the bar moves as files are written
    for start in range(0, len(files), CHUNK):
        chunk = [_read(project, given, known) for given in files[start : start + CHUNK]]
        _mark_repeats(chunk)
        todo = [item for item in chunk if item.outcome is None]
        works = ((item.data, item.suffix, item.sidecars) for item in todo)
        # Closed when the chunk is done: when its last files are repeats nobody asks the map for its
        # end, and the workers of its process pool must not outlive the chunk.
        extracted = map_ordered(_text_and_metadata, works, authorities, jobs=jobs, errors=(DecodeError,))
        with closing(extracted) as results:
            added_at: dict[int, Added] = {}
            for index, item in enumerate(chunk):
                next(shown, None)
                outcome = _outcome(project, item, number, results, chunk, added_at)
                if isinstance(outcome, HemerotecaError):
                    report.errors.append(outcome)
                elif isinstance(outcome, Duplicate):
                    report.duplicates.append(outcome)
                else:
                    added_at[index] = outcome
                    report.added.append(outcome)
                    known.remember(item.sha, item.key, project.relative(outcome.seed))
                    number += 1
    for _ in shown:  # run the progress to its end, where it reports the stage
        pass
    return report


def _outcome(
    project: Project,
    item: _Given,
    number: int,
    results: Iterator[tuple[SeedText, Metadata] | Exception],
    chunk: list[_Given],
    added_at: dict[int, Added],
) -> Added | Duplicate | HemerotecaError:
    """What became of one file, in the order given (``results``: the extractions, in order)."""
    outcome = item.outcome
    if isinstance(outcome, tuple):  # the same as an earlier file of this command
        index, how = outcome
        first = added_at.get(index)
        if first is None:
            return HemerotecaError(str(item.given), f"the same as {chunk[index].given}, which was refused")
        return Duplicate(item.given, project.relative(first.seed), how)
    if outcome is not None:
        return outcome
    result = next(results)
    if isinstance(result, Exception):  # the file could not be read as an article
        return HemerotecaError(str(item.given), str(result))
    try:
        return _write(project, item, number, *result)
    except HemerotecaError as exc:
        return exc


def _read(project: Project, given: Path | str, known: _Known) -> _Given:
    """The file's bytes (a web address fetched), and whether seeds/ holds it already."""
    item = _Given(given)
    try:
        if isinstance(given, str):
            try:
                fetched = fetch_page(given)
            except FetchError as exc:
                raise HemerotecaError(given, str(exc)) from exc
            item.data, item.suffix = fetched.body, fetched.suffix
            item.sidecars["warc"] = fetched.warc
        else:
            item.data, item.suffix = _read_given(project, given)
        item.sha = hashlib.sha256(item.data).hexdigest()
        if item.sha in known.by_sha:  # before reading the text: an OCR'd scan is not read twice
            item.outcome = Duplicate(given, known.by_sha[item.sha], "the same file (sha256)")
            return item
        try:
            item.key = "" if item.suffix.lower() in DOCUMENT_SUFFIXES else text_key(item.data)
        except DecodeError as exc:
            raise HemerotecaError(str(given), str(exc)) from exc
        found = known.find(item.sha, item.key) if item.key else None
        if found:
            item.outcome = Duplicate(given, found[0], found[1])
    except HemerotecaError as exc:
        item.outcome = exc
    return item


def _mark_repeats(chunk: list[_Given]) -> None:
    """A file given twice in one command (or two with the same text) is added once."""
    first: dict[str, int] = {}
    for index, item in enumerate(chunk):
        if item.outcome is not None:
            continue
        if item.sha in first:
            item.outcome = (first[item.sha], "the same file (sha256)")
        elif item.key in first:
            item.outcome = (first[item.key], "the same text once whitespace is normalised")
        first.setdefault(item.sha, index)
        if item.key:
            first.setdefault(item.key, index)


def _text_and_metadata(
    work: tuple[bytes, str, dict[str, bytes]], authorities: Authorities
) -> tuple[SeedText, Metadata]:
    """The slow part of adding a file (reading a document, OCR, extraction): pure, so any process
    runs it. Raises DecodeError."""
    data, suffix, sidecars = work
    text = seed_text(data, suffix, sidecars)
    return text, extract_seed(text, authorities)


def _write(project: Project, item: _Given, number: int, text: SeedText, metadata: Metadata) -> Added:
    """Number the file, then write its sidecars, seed and record."""
    sidecars = dict(item.sidecars)
    seed = inside(project.seeds_dir, seed_name(number, item.sha, item.suffix))
    record_id = seed_id(seed)
    target = record_path(project, record_id)
    if text.ocr is not None:
        sidecars["ocr"] = ocr_sidecar_bytes(text)
    outputs = [seed, target, *(sidecar_path(seed, kind) for kind in sidecars)]
    if any(path.exists() or path.is_symlink() for path in outputs):
        shown = str(item.given)
        raise HemerotecaError(shown, f"{project.relative(target)} already exists; not overwriting it")
    source = seed_source(f"seeds/{seed.name}", item.sha, text)
    record_text = record_file(record_id, source, text, metadata)
    # Sidecars first, then the seed, then the record: a crash leaves at worst a seed
    # without a record, which check reports and ingest completes from the sidecars;
    # a refused write takes back what was written.
    written: list[Path] = []
    try:
        for path, content in [*((sidecar_path(seed, k), c) for k, c in sidecars.items()), (seed, item.data)]:
            write_atomic(path, content)
            written.append(path)
        write_atomic(target, record_text)
    except HemerotecaError:
        for path in written:  # refused as a whole: no seed or sidecar left without its record
            path.unlink(missing_ok=True)
        raise
    return Added(item.given, seed, target, metadata, source)


def _read_given(project: Project, given: Path) -> tuple[bytes, str]:
    shown = str(given)
    if not given.is_file():
        raise HemerotecaError(shown, "no such file")
    if given.suffix.lower() not in SEED_SUFFIXES:
        raise HemerotecaError(
            shown,
            f"'{given.suffix or 'no extension'}' is not an article file: add .txt, .html, .htm, .pdf, "
            ".docx, .png, .jpg or .tif",
        )
    if given.resolve().parent == project.seeds_dir.resolve():
        raise HemerotecaError(shown, "file is already in seeds/: run `hemeroteca ingest` to make its record")
    try:
        return read_seed_bytes(given), given.suffix
    except DecodeError as exc:
        raise HemerotecaError(shown, str(exc)) from exc
    except OSError as exc:
        raise HemerotecaError(shown, f"cannot read the file: {exc.strerror or exc}") from exc
