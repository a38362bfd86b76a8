"""Ingest on every core, or on a Dask cluster: the same records, byte for byte, as one process."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from hemeroteca import Project, ingest, parallel
from hemeroteca.errors import HemerotecaError
from hemeroteca.parallel import BATCH, map_ordered

from .conftest import REPO, copy_project_skeleton

# Enough seeds that map_ordered really starts workers (fewer than two batches run inline).
N_SEEDS = 3 * BATCH


def _many_seeds_project(root: Path) -> Project:
    """The shipped seeds repeated with a closing line of their own, plus one seed that is refused."""
    project = copy_project_skeleton(root, seeds=False)
    texts = [p.read_bytes() for p in sorted((REPO / "seeds").iterdir())]
    for n in range(N_SEEDS):
        extra = f"\n\nNota de archivo {n}: copia {n} de esta pieza.\n".encode()
        (project.seeds_dir / f"{n:03d}_copy.txt").write_bytes(texts[n % len(texts)] + extra)
    (project.seeds_dir / "900_empty.txt").write_bytes(b"")
    return project


def _archive(project: Project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(project.archive_dir.glob("*.md"))}


def _ingested(root: Path, **options) -> tuple[dict[str, bytes], list[str]]:
    project = _many_seeds_project(root)
    report = ingest(project, **options)
    return _archive(project), [e.one_line() for e in report.errors]


def test_two_processes_write_the_same_records_as_one(tmp_path: Path) -> None:
    one, one_errors = _ingested(tmp_path / "one", jobs=1)
    two, two_errors = _ingested(tmp_path / "two", jobs=2)
    assert len(one) == N_SEEDS
    assert one == two
    # the refused seed is reported the same way, and did not stop the other workers' batches
    assert one_errors == two_errors and len(one_errors) == 1 and "900_empty.txt" in one_errors[0]


def test_a_dask_cluster_of_two_workers_writes_the_same_records(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, _ = _ingested(tmp_path / "local", jobs=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_cluster, errors = _ingested(tmp_path / "cluster", scheduler=cluster.scheduler_address)
    assert on_cluster == local
    assert len(errors) == 1


def test_an_unreachable_scheduler_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    project = _many_seeds_project(tmp_path / "p")
    shutil.rmtree(project.seeds_dir)
    project.seeds_dir.mkdir()
    (project.seeds_dir / "000_a.txt").write_text("Título\n\nUn texto de prueba bastante corto.\n")
    with pytest.raises(HemerotecaError, match="cannot reach the Dask scheduler"):
        ingest(project, scheduler="tcp://127.0.0.1:9")


def test_results_come_back_in_input_order_whatever_finishes_first() -> None:
    items = list(range(5 * BATCH))
    assert list(map_ordered(_slow_for_small, items, 1000, jobs=2)) == [i + 1000 for i in items]


def _slow_for_small(item: int, offset: int) -> int:
    # the first batch is the slowest, so a pool that yielded as results arrive would reorder
    if item < BATCH:
        import time

        time.sleep(0.01)
    return item + offset


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_listed_error_comes_back_in_its_items_place_and_the_rest_still_run(jobs: int) -> None:
    items = list(range(3 * BATCH))
    results = list(map_ordered(_refuse_sevens, items, "refused", jobs=jobs, errors=(HemerotecaError,)))
    assert [r for r in results if not isinstance(r, HemerotecaError)] == [i for i in items if i % 10 != 7]
    refused = [(i, r.one_line()) for i, r in enumerate(results) if isinstance(r, HemerotecaError)]
    assert refused == [(i, f"seed{i}: refused") for i in items if i % 10 == 7]


def test_an_error_not_listed_ends_the_map() -> None:
    with pytest.raises(HemerotecaError, match="seed7: refused"):
        list(map_ordered(_refuse_sevens, range(3 * BATCH), "refused", jobs=2, errors=(KeyError,)))


def _refuse_sevens(item: int, message: str) -> int:
    if item % 10 == 7:
        raise HemerotecaError(f"seed{item}", message)
    return item


def test_an_error_crosses_a_process_boundary_whole() -> None:
    error = HemerotecaError("archive/x.md", "tags: must be a list", line=7, field="tags")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.one_line() == error.one_line() == "archive/x.md:7: tags: tags: must be a list"


def test_add_on_two_processes_numbers_and_writes_as_one(tmp_path: Path) -> None:
    """Files given in one order get the same seeds and records whatever extracts them, repeats included."""
    outcomes = []
    for jobs in (1, 2):
        source = _many_seeds_project(tmp_path / f"src{jobs}").seeds_dir
        given = sorted(source.iterdir())
        given.insert(5, given[0])  # the same file twice in one command
        project = copy_project_skeleton(tmp_path / f"add{jobs}", seeds=False)
        report = project.add(given, jobs=jobs)
        seeds = {p.name: p.read_bytes() for p in sorted(project.seeds_dir.iterdir())}
        outcomes.append(
            (
                _archive(project),
                seeds,
                [(str(Path(d.given).name), d.existing, d.how) for d in report.duplicates],
                [Path(e.path or "").name for e in report.errors],
            )
        )
    assert outcomes[0] == outcomes[1]
    archive, seeds, duplicates, errors = outcomes[0]
    assert len(archive) == len(seeds) == N_SEEDS
    ((name, existing, how),) = duplicates
    assert (name, how) == ("000_copy.txt", "the same file (sha256)") and existing.startswith("seeds/000_")
    assert errors == ["900_empty.txt"]


def test_a_worker_killed_by_the_system_is_one_error() -> None:
    with pytest.raises(HemerotecaError, match="a worker process died"):
        list(map_ordered(_die, range(5 * BATCH), None, jobs=2))


def _die(item: int, shared: object) -> int:
    if item == BATCH + 1:
        import os

        os._exit(9)  # as the kernel's out-of-memory killer would end it
    return item


def test_add_leaves_no_worker_behind_when_its_last_files_are_repeats(tmp_path: Path) -> None:
    """The map is never asked for its end when a chunk closes on repeats: its pool must still shut
    down when add returns, not when (or if) the cycle collector frees it. A worker left alive holds
    every pipe the caller had open (a browser driver's among them) and keeps the caller's children
    from ever seeing the end of their input."""
    import gc
    import multiprocessing

    source = _many_seeds_project(tmp_path / "src").seeds_dir
    given = sorted(source.iterdir())
    given.append(given[0])  # the last file is a repeat: nothing asks the map for its end
    project = copy_project_skeleton(tmp_path / "add", seeds=False)
    gc.disable()
    try:
        report = project.add(given, jobs=2)
        assert multiprocessing.active_children() == []
    finally:
        gc.enable()
    assert len(report.duplicates) == 1
