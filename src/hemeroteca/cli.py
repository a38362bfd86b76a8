"""The ``hemeroteca`` command: a thin click layer over the Python API.

Each subcommand parses its options, calls one API function and prints the
result. Errors come out as one ``path:line: field: message`` line and a
non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager, suppress
from pathlib import Path

import click

from hemeroteca.catalogue.add import Added
from hemeroteca.catalogue.problems import ANNOTATIONS_PER_STEP, annotated
from hemeroteca.doubts import note_field_and_code, summarise
from hemeroteca.doubts import shown as shown_doubts
from hemeroteca.errors import HemerotecaError
from hemeroteca.progress import Progress, stage
from hemeroteca.project import Project


def verbosity(command: Callable) -> Callable:
    """--quiet and --verbose, the same on every long command."""
    command = click.option(
        "--verbose", "-v", is_flag=True, help="Say everything: each file, and how long each stage took."
    )(command)
    return click.option(
        "--quiet", "-q", is_flag=True, help="Only errors and the closing summary: no progress, no details."
    )(command)


def _progress(quiet: bool, verbose: bool) -> Progress | None:
    """One progress style for every long command: a bar per stage on a terminal, nothing in a pipe."""
    return None if quiet else Progress(stages=True if verbose else None)


def _count(n: int, noun: str) -> str:
    """``1 error``, ``2 errors``: summaries are read by people."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# Beyond this many files, `add` prints a summary instead of each proposal (--verbose prints them).
ADD_DETAILS = 10
# Beyond this many duplicates, refusals or skipped files, the rest are counted, not listed.
LISTED = 10


def _listed(lines: list[str], verbose: bool, err: bool = False) -> None:
    shown = lines if verbose else lines[:LISTED]
    for line in shown:
        click.echo(line, err=err)
    if len(lines) > len(shown):
        click.echo(f"... and {len(lines) - len(shown)} more (--verbose lists them all)", err=err)


@contextmanager
def _errors_as_lines():
    try:
        yield
    except HemerotecaError as exc:
        click.echo(f"error: {exc.one_line()}", err=True)
        sys.exit(1)
    except OSError as exc:
        # A disk full or read-only under a library's own writes (MkDocs copying the theme).
        where = exc.filename or "hemeroteca"
        click.echo(f"error: {where}: {exc.strerror or exc}", err=True)
        sys.exit(1)


jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes extracting at once [default: every core].",
)

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder holding seeds/, archive/, docs/ and mkdocs.yml.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hemeroteca")
def main() -> None:
    """Turn raw news texts into a curated, searchable static archive website.

    \b
    Example, from seeds to site in one step:
      hemeroteca build
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract records still marked auto and not edited by hand.")
@jobs_option
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run the extraction on a Dask distributed scheduler (tcp://host:8786); records are written here.",
)
@verbosity
@root_option
def ingest(
    paths: tuple[Path, ...],
    force: bool,
    jobs: int | None,
    scheduler: str | None,
    quiet: bool,
    verbose: bool,
    root: Path,
) -> None:
    """Create archive/ records for seeds that have none yet.

    Records marked reviewed, or edited by hand since they were written, are
    never overwritten, not even with --force.

    \b
    Example:
      hemeroteca ingest                 # every seed in seeds/
      hemeroteca ingest seeds/001_x.txt --force
      hemeroteca ingest --force --scheduler tcp://10.0.0.5:8786   # re-extract on a cluster
    """
    project = Project.at(root)
    with _errors_as_lines():
        report = project.ingest(
            paths or None,
            force=force,
            progress=stage(_progress(quiet, verbose), "Ingesting"),
            jobs=jobs,
            scheduler=scheduler,
        )
    if verbose:
        for path in report.written:
            click.echo(f"wrote {project.relative(path)}")
    if not quiet:
        for path in report.kept_edited:
            click.echo(f"kept {project.relative(path)}: edited by hand since it was generated", err=True)
    for error in report.errors:
        click.echo(f"error: {error.one_line()}", err=True)
    click.echo(
        f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.kept_reviewed)} reviewed kept, {len(report.kept_edited)} edited kept"
    )
    if report.errors:
        sys.exit(1)


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per file.")
@click.option("--explain", is_flag=True, help="Show the evidence behind each proposed value.")
@root_option
def extract(files: tuple[Path, ...], as_json: bool, explain: bool, root: Path) -> None:
    """Print the metadata `add` would propose for files, writing nothing.

    Files of every kind `add` takes: texts, saved web pages, PDFs, Word files, scans.

    \b
    Example:
      hemeroteca extract seeds/001_e4109311ec4dc86b.txt --json
    """
    with _errors_as_lines():
        results = list(zip(files, Project.at(root).extract(files), strict=True))
    if as_json:
        out = [m.as_json(path.name) for path, m in results]
        if explain:
            for item, (_, m) in zip(out, results, strict=True):
                item["evidence"] = m.evidence
                item["uncertain"] = m.uncertain
                item["doubts"] = [d.as_json() for d in m.doubts]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for path, m in results:
        click.echo(f"{path}:")
        for key, value in m.as_json(path.name).items():
            if key != "file":
                click.echo(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
        for note in m.uncertain:
            click.echo(f"  uncertain: {note}")
        if explain:
            click.echo("  evidence:")
            for key, value in m.evidence.items():
                click.echo(f"    {key}: {json.dumps(value, ensure_ascii=False)}")


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: GitHub Actions annotations, shown inline on a pull request.",
)
@click.option(
    "--warnings",
    "max_warnings",
    type=int,
    default=100,
    show_default=True,
    help="Show at most this many warnings (errors are always all shown); -1 for all.",
)
@click.option(
    "--changed",
    "since",
    metavar="REF",
    help="Report only on records, seeds and authority files changed since the git REF "
    "(a pull request's base branch), committed or not.",
)
@root_option
def check(output_format: str, max_warnings: int, since: str | None, root: Path) -> None:
    """Validate every record against the schema and the authority files.

    Prints one line per problem as path:line: field: message and exits 1 if
    any is an error; warnings never fail.

    \b
    Example:
      hemeroteca check
      hemeroteca check --changed origin/main   # what a pull request changed
      hemeroteca check --format github         # in CI
    """
    project = Project.at(root)
    with _errors_as_lines():
        problems = project.check(changed=since)
    warnings = [p for p in problems if p.severity == "warning"]
    # Unknown actors are warnings in most new records: in a large archive they would bury
    # the errors, so only the first ones are shown, with a count of the rest.
    shown = set(map(id, warnings if max_warnings < 0 else warnings[:max_warnings]))
    listed = [p for p in problems if p.severity == "error" or id(p) in shown]
    if output_format == "github":
        lines, left_out = annotated(listed)
    else:
        lines, left_out = [str(p) for p in listed], Counter()
    for line in lines:
        click.echo(line)
    if len(warnings) > len(shown):
        hidden = len(warnings) - len(shown)
        click.echo(f"{_count(hidden, 'more warning')} not shown (--warnings -1 shows all)", err=True)
    errors = [p for p in problems if p.severity == "error"]
    also = f", {_count(len(warnings), 'warning')}" if warnings else ""
    if left_out:
        plain = " and ".join(_count(n, level) for level, n in sorted(left_out.items()))
        also += f" ({plain} listed above but not annotated: GitHub shows {ANNOTATIONS_PER_STEP} a step)"
    if errors:
        click.echo(f"{_count(len(errors), 'error')}{also}", err=True)
        sys.exit(1)
    from hemeroteca.catalogue.store import list_record_paths

    if since is not None:
        click.echo(f"no errors in what changed since {since}{also}")
        return
    click.echo(f"{_count(len(list_record_paths(project)), 'record')} valid{also}")


@main.command()
@verbosity
@root_option
def render(quiet: bool, verbose: bool, root: Path) -> None:
    """Write docs/ from the catalogue (generated pages only).

    \b
    Example:
      hemeroteca render && mkdocs serve
    """
    with _errors_as_lines():
        report = Project.at(root).render(progress=stage(_progress(quiet, verbose), "Rendering"))
    for note in [] if quiet else report.notes:
        click.echo(note, err=True)
    click.echo(
        f"{report.articles} articles: {len(report.written)} files written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed"
    )


@main.command()
@click.option(
    "--dirty",
    is_flag=True,
    help="Keep site/ and rebuild only what changed (quick after `add`; "
    "after editing mkdocs.yml or the theme, build without it).",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) if MkDocs warns, e.g. of a broken link.")
@verbosity
@root_option
def build(dirty: bool, strict: bool, quiet: bool, verbose: bool, root: Path) -> None:
    """The main job: ingest new seeds, check, render docs/ and build site/.

    MkDocs' warnings (a broken link in a hand-written page) are shown; with
    --strict they fail the build, as in CI.

    \b
    Example:
      hemeroteca build && open site/index.html
      hemeroteca add new-article.txt && hemeroteca build --dirty
      hemeroteca build --strict            # in CI
    """
    project = Project.at(root)
    with _errors_as_lines():
        report = project.build(progress=_progress(quiet, verbose), dirty=dirty)
    for note in [] if quiet else report.render.notes:
        click.echo(note, err=True)
    for warning in report.site_warnings:
        click.echo(f"warning: mkdocs: {warning}", err=True)
    if strict and report.site_warnings:
        click.echo(f"error: {_count(len(report.site_warnings), 'MkDocs warning')} (--strict)", err=True)
        sys.exit(1)
    how = "the pages that changed" if dirty else "all of it"
    click.echo(
        f"ingested {len(report.ingest.written)} new records; rendered {report.render.articles} articles "
        f"({len(report.render.written)} files of docs/ changed); built {project.relative(project.site_dir)}/ "
        f"({how})"
    )


@main.command()
@click.option("--port", type=int, default=8000, show_default=True, help="Port on 127.0.0.1.")
@root_option
def serve(port: int, root: Path) -> None:
    """Serve the built site on http://127.0.0.1:PORT/ (Ctrl-C stops it).

    \b
    Example:
      hemeroteca build && hemeroteca serve --port 8000
    """
    project = Project.at(root)
    with _errors_as_lines():
        server = project.server(port)
    with server, suppress(KeyboardInterrupt):
        where = f"http://127.0.0.1:{server.server_address[1]}/"
        click.echo(f"serving {project.relative(project.site_dir)}/ on {where} (Ctrl-C stops)")
        server.serve_forever()


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@root_option
def new(target: Path, root: Path) -> None:
    """Start a new, empty archive in TARGET from this one's configuration, authority
    files, theme and hand-written pages (no seeds, no records).

    \b
    Example, a second collection beside this one:
      hemeroteca new ../second-archive
      cp texts/*.txt ../second-archive/seeds/ && hemeroteca build --root ../second-archive
    """
    with _errors_as_lines():
        made = Project.at(root).new_archive(target)
    click.echo(
        f"made {made.root}: mkdocs.yml, archive/authorities/, docs/ and overrides/ from "
        f"{Project.at(root).root}; put texts in seeds/ and run `hemeroteca build --root {target}`"
    )


@main.command()
@click.argument(
    "golds",
    metavar="GOLD...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the texts the gold file names (default: seeds/ beside eval/, "
    "or articles/ beside the gold file). Only with one gold file.",
)
@click.option("--verbose", "-v", is_flag=True, help="List every miss.")
@root_option
def evaluate(golds: tuple[Path, ...], articles: Path | None, verbose: bool, root: Path) -> None:
    """Score extraction against hand-labelled gold files (several are scored as one set).

    Besides each field's score it prints how well the doubts point at the wrong
    values: the share of wrong values flagged, and the share of all values flagged.

    \b
    Example:
      hemeroteca evaluate eval/seeds-gold.yaml
      hemeroteca evaluate ../shared/eval/dev/gold.yaml --articles ../shared/eval/dev/articles
      hemeroteca evaluate ../shared/eval/dev/gold.yaml ../shared/eval/dev2/gold.yaml
    """
    with _errors_as_lines():
        scores = Project.at(root).evaluate(golds, articles=articles)
    for line in scores.lines():
        click.echo(line)
    if verbose:
        for line in (*scores.code_lines(), *scores.flag_miss_lines()):
            click.echo(line)
        for miss in scores.misses:
            click.echo(f"  miss: {miss}")


def _show_added(project: Project, item: Added) -> None:
    """The proposed metadata of one added article, and what a reviewer should look at."""
    m = item.metadata
    click.echo(f"added {item.given} -> {project.relative(item.seed)}")
    click.echo(f"  record: {project.relative(item.record)}")

    def flag(name: str) -> str:
        codes = sorted({d.code for d in shown_doubts(m.doubts) if d.field == name and d.counts})
        return f"   (doubt: {', '.join(codes)})" if codes else ""

    click.echo(f"  title: {m.title}{flag('title')}")
    click.echo(f"  date: {m.date or 'none found (left empty: add it if the text states one)'}{flag('date')}")
    click.echo(f"  language: {m.language}{flag('language')}")
    click.echo(f"  countries: {', '.join(m.countries) or 'none found'}{flag('countries')}")
    actors = [f"{a['name']}" + (f" ({a['alias']})" if a.get("alias") else "") for a in m.actors]
    click.echo(f"  actors: {'; '.join(actors) or 'none found'}{flag('actors')}")
    click.echo(f"  tags: {', '.join(m.tags) or 'none found'}")
    for key in ("url", "requested_url", "retrieved", "publisher", "media_type"):
        if item.source.get(key):
            click.echo(f"  source.{key}: {item.source[key]}")
    ocr = item.metadata.evidence.get("ocr")
    if ocr:
        click.echo(f"  ocr: read by {ocr.get('engine')}, mean word confidence {ocr.get('confidence')}")
    if m.uncertain:
        click.echo("  uncertain:")
        for note in m.uncertain:
            click.echo(f"    - {note}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@jobs_option
@verbosity
@root_option
def add(paths: tuple[str, ...], jobs: int | None, quiet: bool, verbose: bool, root: Path) -> None:
    """Add articles to the archive: files, folders or web addresses.

    Files may be texts (.txt), saved web pages (.html/.htm), PDFs (with a
    text layer, or scanned), Word files (.docx) or scans (.png, .jpg, .tif);
    scans are read with Tesseract OCR. A web address (https://...) is fetched
    and kept exactly as the server sent it, with a WARC record of the exchange.
    Each article is copied into seeds/ under a stable name and gets a record
    in archive/ with proposed metadata. Folders are searched for such files.
    An article already archived is reported, not added twice; one that cannot
    be read as an article is refused and nothing is written.

    \b
    Example:
      hemeroteca add ~/Downloads/article.txt ~/Downloads/clipping.pdf
      hemeroteca add https://example.org/news/2024/story.html
      hemeroteca add new-articles/
    """
    project = Project.at(root)
    with _errors_as_lines():
        report = project.add(paths, progress=stage(_progress(quiet, verbose), "Adding"), jobs=jobs)
    # A few files: each proposal, to review now. Many: a summary that fits on one screen.
    details = verbose or (not quiet and len(report.added) <= ADD_DETAILS)
    if details:
        for item in report.added:
            _show_added(project, item)
    if not quiet:
        duplicates = [f"duplicate {d.given}: {d.how} as {d.existing}; not added" for d in report.duplicates]
        _listed(duplicates, verbose)
        kinds = ".txt .html .pdf .docx .png .jpg .tif"
        skipped = [f"skipped {p}: not an article file ({kinds})" for p in report.skipped]
        _listed(skipped, verbose, err=True)
    # Refusals are errors: all of them with --quiet too (a script wants each one).
    _listed([f"error: {e.one_line()}" for e in report.errors], verbose or quiet, err=True)
    click.echo(
        f"{len(report.added)} added, {len(report.duplicates)} duplicates, {len(report.errors)} refused"
    )
    if report.added and not quiet:
        if not details:
            click.echo("the new records, oldest first: `hemeroteca review --list`")
        click.echo("next: correct the records by hand, then `hemeroteca review ID` for each one")
    if report.errors:
        sys.exit(1)


SHOWN_IN_REVIEW = ("ocr-low-confidence", "several-articles")
"""Doubts `review --list` prints in full: what only the original file can settle."""


@main.command()
@click.argument("ids", nargs=-1)
@click.option("--list", "list_pending", is_flag=True, help="List the records not yet reviewed, oldest first.")
@root_option
def review(ids: tuple[str, ...], list_pending: bool, root: Path) -> None:
    """Mark records as checked by a person (review: reviewed).

    Only the review line of the file changes. A record with errors is not
    marked: fix what `hemeroteca check` reports first.

    \b
    Example:
      hemeroteca review --list
      hemeroteca review 005_4f1c2a9e0b7d3c21
    """
    project = Project.at(root)
    if list_pending or not ids:
        with _errors_as_lines():
            waiting = project.pending()
        for record in waiting:
            notes = record.meta.get("uncertain")
            summary = summarise(notes) if isinstance(notes, list) else ""
            doubt = f" ({summary})" if summary else ""
            date = record.meta.get("date") or "undated"
            click.echo(f"{record.id}  {date}  {record.meta.get('title', '')}{doubt}")
            if record.meta.get("ocr"):
                click.echo(f"    read by OCR, mean word confidence {record.meta.get('ocr_confidence')}")
            for note in notes if isinstance(notes, list) else []:
                # What only the file shows: words OCR doubted, a page holding several stories.
                if note_field_and_code(str(note))[1] in SHOWN_IN_REVIEW:
                    click.echo(f"    {note}")
        click.echo(f"{len(waiting)} records waiting for review", err=True)
        return
    report = project.review(ids)
    for result in report.reviewed:
        state = "marked reviewed" if result.changed else "already reviewed"
        click.echo(f"{project.relative(result.path)}: {state}")
    for error in report.errors:
        click.echo(f"error: {error.one_line()}", err=True)
    if report.errors:
        sys.exit(1)
