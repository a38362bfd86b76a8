"""Kill `build`, `ingest` and `add` at random moments and prove that nothing was lost.

    python scripts/fault_injection.py --kills 30 --seed 1

On a tiny archive (two seeds of the repository) each command is started and
sent SIGKILL after a random delay (seeded) between 0 and the time a complete
run of it takes, ``--kills`` times each. After every kill:

- build: the archive is unchanged and site/ is byte for byte the last complete
  build (apart from sitemap.xml, sitemap.xml.gz and 404.html, which carry the date);
- ingest (of one new seed): every record is the one a complete ingest writes, or
  was there before; the next ingest completes it;
- add (of one new file): seeds/ and archive/ hold either what they held before,
  or the new seed and record as a complete add writes them, or the new seed alone
  (the crash fell between the two writes), which the next ingest completes.

Finally `build --dirty` must give the same site, byte for byte, as a clean build of
a fresh copy of the archive. Prints one line per command and a summary line
``faults: kills=N ... ok``; exits 1 on the first broken promise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hemeroteca.project import Project

REPO = Path(__file__).resolve().parents[1]
SEEDS = ("000_d94e65ea9294be5d.txt", "001_e4109311ec4dc86b.txt")
PENDING = "002_9036f366addc5e87.txt"  # ingested during the ingest phase
ADDED = "003_7cf6c61dcea8a546.txt"  # given to `add` (a copy outside the project)
VOLATILE = {"sitemap.xml", "sitemap.xml.gz", "404.html"}


class Broken(AssertionError):
    """A promise the archive makes did not hold after a kill."""


def make_project(root: Path) -> Path:
    """The repository's configuration, authority files and hand-written pages, and two seeds."""
    Project.at(REPO).new_archive(root)
    for name in SEEDS:
        shutil.copy(REPO / "seeds" / name, root / "seeds" / name)
    return root


def digests(*folders: Path, skip: set[str] = frozenset()) -> dict[str, str]:
    """Path -> sha256 of every file under the folders, relative to their parent (temporary files aside)."""
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if path.is_file() and path.name not in skip and not _temporary(path.name):
                rel = path.relative_to(folder.parent).as_posix()
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def hemeroteca(root: Path, *args: str, check: bool = True) -> float:
    """Run one command to its end; its wall time."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "hemeroteca", *args], cwd=root, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        raise Broken(f"`hemeroteca {' '.join(args)}` failed: {result.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def killed(root: Path, args: list[str], delay: float) -> bool:
    """Start a command and SIGKILL it after ``delay`` seconds; whether it was still running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hemeroteca", *args],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def records(root: Path) -> dict[str, str]:
    return digests(root / "seeds", root / "archive")


def _temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def clear_debris(root: Path) -> int:
    """Remove the temporary files a killed writer left in seeds/ and archive/ (never read as
    records or seeds); how many there were."""
    found = [p for folder in ("seeds", "archive") for p in (root / folder).glob(".*.tmp")]
    for path in found:
        path.unlink()
    return len(found)


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise Broken(message)


def run(kills: int, seed: int, work: Path, say=print) -> dict[str, int]:
    """The three phases; counts of kills that landed while the command ran, per command."""
    rng = random.Random(seed)
    root = make_project(work / "proj")
    outside = work / "given"
    outside.mkdir()
    shutil.copy(REPO / "seeds" / ADDED, outside / "article.txt")
    counts = {}

    # build: the archive never changes and site/ is always the last complete build.
    duration = hemeroteca(root, "build")
    archive_before, site_before = records(root), digests(root / "site", skip=VOLATILE)
    landed = 0
    for i in range(kills):
        args = ["build", "--dirty"] if i % 2 else ["build"]
        landed += killed(root, args, rng.uniform(0, duration * 1.2))
        _expect(records(root) == archive_before, f"build kill {i + 1}: the archive changed")
        site = digests(root / "site", skip=VOLATILE)
        _expect(site == site_before, f"build kill {i + 1}: site/ is not the last complete build")
    counts["build"] = landed
    say(f"build: {kills} kills ({landed} while running), archive and site/ intact after each")

    # ingest of one pending seed: records are old or complete, and the next ingest completes them.
    reference = work / "reference"
    shutil.copytree(root, reference, ignore=shutil.ignore_patterns("site", ".cache", ".site.*"))
    shutil.copy(REPO / "seeds" / PENDING, reference / "seeds" / PENDING)
    duration = hemeroteca(reference, "ingest")
    complete = records(reference)
    landed = 0
    for i in range(kills):
        pending = root / "archive" / (Path(PENDING).stem + ".md")
        pending.unlink(missing_ok=True)
        shutil.copy(REPO / "seeds" / PENDING, root / "seeds" / PENDING)
        landed += killed(root, ["ingest"], rng.uniform(0, duration * 1.2))
        now = records(root)
        _expect(
            all(complete.get(path) == digest for path, digest in now.items()),
            f"ingest kill {i + 1}: a record is neither as it was nor complete",
        )
        counts["debris"] = counts.get("debris", 0) + clear_debris(root)
    hemeroteca(root, "ingest")
    _expect(records(root) == complete, "ingest after the kills did not complete the archive")
    counts["ingest"] = landed
    say(f"ingest: {kills} kills ({landed} while running), every record old or complete, then completed")

    # add of one new file: before, after, or the seed alone (which ingest completes).
    before = records(root)
    after_copy = work / "after-add"
    shutil.copytree(root, after_copy, ignore=shutil.ignore_patterns("site", ".cache", ".site.*"))
    duration = hemeroteca(after_copy, "add", str(outside / "article.txt"))
    after = records(after_copy)
    (new_seed,) = [p for p in after if p.startswith("seeds/") and p not in before]
    landed = 0
    for i in range(kills):
        for path in set(records(root)) - set(before):
            (root / path).unlink()
        landed += killed(root, ["add", str(outside / "article.txt")], rng.uniform(0, duration * 1.2))
        now = records(root)
        seed_only = dict(before, **{new_seed: after[new_seed]})
        _expect(now in (before, after, seed_only), f"add kill {i + 1}: seeds/ and archive/ are half-written")
        if now == seed_only:
            hemeroteca(root, "ingest")
            _expect(records(root) == after, f"add kill {i + 1}: ingest did not complete a seed left alone")
        counts["debris"] = counts.get("debris", 0) + clear_debris(root)
    counts["add"] = landed
    say(f"add: {kills} kills ({landed} while running), archive before or after, never half")

    # the site after all this: `build --dirty` equals a clean build of a fresh copy.
    for path in set(records(root)) - set(after):
        (root / path).unlink()
    for path, digest in after.items():
        if records(root).get(path) != digest:
            shutil.copy(after_copy / path, root / path)
    hemeroteca(root, "build", "--dirty")
    clean = work / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("site", ".cache", ".site.*", "docs"))
    shutil.copytree(make_project(work / "fresh") / "docs", clean / "docs")
    hemeroteca(clean, "build")
    dirty_site, clean_site = digests(root / "site", skip=VOLATILE), digests(clean / "site", skip=VOLATILE)
    differing = sorted(
        p for p in dirty_site.keys() | clean_site.keys() if dirty_site.get(p) != clean_site.get(p)
    )
    _expect(
        not differing, f"build --dirty differs from a clean build in {len(differing)} files: {differing[:5]}"
    )
    say(f"build --dirty after the kills: {len(dirty_site)} site files, byte-equal to a clean build")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=30, help="kills per command (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hemeroteca-faults-") as work:
        try:
            counts = run(args.kills, args.seed, Path(work))
        except Broken as exc:
            print(f"faults: BROKEN: {exc}")
            sys.exit(1)
    landed = " ".join(f"{name}={n}" for name, n in counts.items())
    print(
        f"faults: kills={args.kills} seed={args.seed} landed {landed} {time.perf_counter() - start:.0f}s ok"
    )


if __name__ == "__main__":
    main()
