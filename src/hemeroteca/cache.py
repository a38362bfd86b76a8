"""Work kept between runs in ``.cache/hemeroteca/``, so a build after one new article is quick.

Nothing here is ever the only copy of anything: deleting the folder costs time,
not data. Each store is one file holding a mapping from a key that names the
input (a hash of a record's text, a seed's size and modification time) to what
was computed from it, and it is tagged with a fingerprint of the hemeroteca code
and data that computed it, so a new version of the tool starts afresh. A store
that cannot be read counts as empty.

Values are pickled one by one when they are put, not when the store is saved:
the caller may go on changing the object it put without changing the cache.
The stores are pickle files because they are the tool's own, under ``.cache/``
(which git ignores), written and read on the same machine. Unpickling runs code, and a
pull request can commit an ignored file too, so each store is signed (HMAC-SHA256) with
a key of this machine's user kept outside every project: a store the tool did not
write here fails the signature and is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import re
import secrets
import sys
import tempfile
import zlib
from contextlib import suppress
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from hemeroteca.collector import loading
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import atomic_writer
from hemeroteca.project import Project

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".html", ".js", ".css", ".po"}


def _dependency_versions() -> str:
    """Versions of the libraries hemeroteca requires: a new pycountry may rename a country."""
    try:
        requirements = metadata.requires("hemeroteca") or []
    except metadata.PackageNotFoundError:
        return ""
    names = sorted(
        {re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0] for r in requirements if "extra ==" not in r}
    )
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return " ".join(versions)


@cache
def code_fingerprint() -> str:
    """A hash of every source and data file of the package, the libraries' versions and Python's."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version}\n{_dependency_versions()}\n".encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in _SOURCE_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_KEY_BYTES = 32
_SIGNATURE_BYTES = 32  # HMAC-SHA256, at the start of each store


@cache
def signing_key() -> bytes:
    """This user's key for signing stores: ``$XDG_CACHE_HOME/hemeroteca/store-key``, made on first use.

    Where it cannot be kept (a read-only home), a key for this process alone: the stores
    it writes are then unreadable to the next run, which only costs time.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "hemeroteca" / "store-key"
    try:
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(_KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
    except OSError:
        pass
    return key


def _signer() -> hmac.HMAC:
    return hmac.new(signing_key(), digestmod=hashlib.sha256)


class _SignedWriter:
    """A file object for ``pickle.dump`` that signs what it writes: the pickle is never held whole
    (``Store.save`` and ``save_value``)."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.signer = _signer()

    def write(self, data: bytes) -> int:
        self.signer.update(data)
        return self._out.write(data)


def save_value(path: Path, value: Any) -> None:
    """One large value in its own signed file, pickled straight into it.

    ``Store`` pickles a value when it is put and the store again when saved: two copies of
    its bytes in memory on top of the value (the search index's state is about 400 MB
    pickled at 100,000 articles). Written like ``Store``'s files (signature, then payload),
    atomically; a failure to write leaves the old file or none, as the cache only saves time.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(bytes(32))
            signing = _SignedWriter(out)
            stored = {"code": code_fingerprint(), "value": value}
            pickle.dump(stored, signing, protocol=pickle.HIGHEST_PROTOCOL)
            out.seek(0)
            out.write(signing.signer.digest())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_value(path: Path) -> Any | None:
    """What ``save_value`` saved there with this version of the code, else None.

    The signature is checked reading the file in pieces, before anything is unpickled.
    """
    try:
        with path.open("rb") as file:
            signature = file.read(32)
            mac = _signer()
            for piece in iter(lambda: file.read(1 << 20), b""):
                mac.update(piece)
            if not hmac.compare_digest(signature, mac.digest()):
                return None  # not written by this tool for this user, or damaged: never unpickled
            file.seek(32)
            with loading():
                stored = pickle.load(file)
    except Exception:  # missing, unreadable or from another version
        return None
    if isinstance(stored, dict) and stored.get("code") == code_fingerprint():
        return stored.get("value")
    return None


# The parts of a store with an entry per record, seed or page (``Store``'s ``parts``): after one
# article is added, a sixteenth of such a store is written again (6 MB of 100 at 100,000 records).
PARTS = 16


class Store:
    """One named cache: ``get`` and ``put`` by key, ``save`` to keep what this run used.

    ``shared``: values are kept as the objects put, and pickled together when the store is
    saved, for a store of many values that share their parts (the records' front matters
    share field names, countries, actors): one pickle keeps each shared object once, and
    loading it gives them shared again, where a value pickled alone comes back with its own
    copies (which the records then interned again one by one: most of reading 100,000 of
    them from the cache). The caller must not change a value once it is put.

    ``parts``: the entries are kept in that many files (``NAME.NN.pickle``), a key's part
    fixed by a hash of it, each file signed on its own, and ``save`` writes only the parts that
    changed. A store with an entry per record or page (100,000 of them, about 100 MB pickled)
    was pickled whole after every build that added one article; now one part in ``parts`` is.
    Every part is still read: each command looks at every entry.
    """

    def __init__(self, path: Path, *, shared: bool = False, parts: int = 1) -> None:
        self.path = path
        self._shared = shared
        self._parts: list[dict[Any, Any]] = [{} for _ in range(parts)]
        self._used: set[Any] = set()
        self._changed: set[int] = set()
        with loading():  # every entry lives until the command ends
            for part in range(parts):
                self._parts[part] = self._read(part)

    def _file(self, part: int) -> Path:
        if len(self._parts) == 1:
            return self.path
        return self.path.with_name(f"{self.path.stem}.{part:02d}{self.path.suffix}")

    def _read(self, part: int) -> dict[Any, Any]:
        try:
            data = memoryview(self._file(part).read_bytes())  # slices of a view are not copies
            signer = _signer()
            signer.update(data[_SIGNATURE_BYTES:])
            if not hmac.compare_digest(data[:_SIGNATURE_BYTES], signer.digest()):
                return {}  # not written by this tool for this user, or damaged: never unpickled
            stored = pickle.loads(data[_SIGNATURE_BYTES:])
        except Exception:  # missing, unreadable or from another version: start empty
            return {}
        if (
            isinstance(stored, dict)
            and stored.get("code") == code_fingerprint()
            and bool(stored.get("shared")) == self._shared
            and stored.get("part", (0, 1)) == (part, len(self._parts))  # no part of another store
        ):
            entries = stored.get("entries") or {}
            if isinstance(entries, dict):
                return entries
        return {}

    def _part(self, key: Any) -> int:
        """The part a key is kept in: a hash of its text that does not change between runs."""
        if len(self._parts) == 1:
            return 0
        return zlib.crc32(repr(key).encode("utf-8", "surrogatepass")) % len(self._parts)

    def file_of(self, key: Any) -> tuple[Path, tuple[int, int]]:
        """The file ``key``'s entry is kept in, and its part as the file says it: (part, parts)."""
        part = self._part(key)
        return self._file(part), (part, len(self._parts))

    @classmethod
    def open(cls, project: Project, name: str, *, shared: bool = False, parts: int = 1) -> Store:
        return cls(project.cache_dir / f"{name}.pickle", shared=shared, parts=parts)

    def __contains__(self, key: Any) -> bool:
        """An entry is kept under ``key`` (looked at without unpickling it, or counting it as used)."""
        return key in self._parts[self._part(key)]

    def get(self, key: Any) -> Any | None:
        raw = self._parts[self._part(key)].get(key)
        if raw is None:
            return None
        if self._shared:
            self._used.add(key)
            return raw
        try:
            value = pickle.loads(raw)
        except Exception:  # a damaged entry is a missing one: computed again, then replaced
            return None
        self._used.add(key)
        return value

    def put(self, key: Any, value: Any) -> None:
        raw = value if self._shared else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        part = self._part(key)
        entries = self._parts[part]
        if entries.get(key) != raw:
            entries[key] = raw
            self._changed.add(part)
        self._used.add(key)

    def save(self, *, prune: bool = True) -> None:
        """Write the parts of the store that changed, without the entries this run did not use.

        Every user of a store looks at all its inputs (every record, every seed, every page),
        so an unused entry is for a file that is gone: dropping it keeps stores from piling up.
        ``prune=False`` keeps them, for a run that looked at only some of its inputs.
        """
        for part, entries in enumerate(self._parts):
            if prune and not self._used.issuperset(entries):
                self._parts[part] = {key: raw for key, raw in entries.items() if key in self._used}
                self._changed.add(part)
        if len(self._parts) > 1 and self._changed:
            with suppress(OSError):  # the cache only saves time (a file where its folder should be)
                self.path.unlink(missing_ok=True)  # the store as one file, from an older version
        for part in sorted(self._changed):
            stored = {
                "code": code_fingerprint(),
                "shared": self._shared,
                "part": (part, len(self._parts)),
                "entries": self._parts[part],
            }
            try:
                # Pickled straight into the file, its signature written in front once known: at
                # 100,000 records the pickle and a signed copy of it held in memory were 300 MB.
                with atomic_writer(self._file(part), durable=False) as out:
                    out.write(bytes(_SIGNATURE_BYTES))
                    writer = _SignedWriter(out)
                    pickle.dump(stored, writer, protocol=pickle.HIGHEST_PROTOCOL)
                    out.seek(0)
                    out.write(writer.signer.digest())
            except HemerotecaError:
                # A read-only checkout, a full disk, a file or a link where a folder should be: the
                # cache only saves time, so the command goes on without it (the next one recomputes).
                return
            self._changed.discard(part)
