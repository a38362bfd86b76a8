"""The ``hemeroteca`` command: a thin click layer over the Python API.

Each subcommand parses its options, calls one API function and prints the
result. Errors come out as one ``path:line: field: message`` line and a
non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import click

from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.check import check as check_catalogue
from hemeroteca.catalogue.ingest import ingest as ingest_seeds
from hemeroteca.errors import HemerotecaError
from hemeroteca.evaluate import evaluate as evaluate_gold
from hemeroteca.extract import extract_file
from hemeroteca.project import Project
from hemeroteca.publish import build as build_all
from hemeroteca.render.writer import render as render_docs


def _progress(label: str):
    """A progress bar on a terminal; silence when output goes to a file or a pipe."""

    def wrap(items: Iterable) -> Iterable:
        items = list(items)
        if not sys.stderr.isatty() or len(items) < 2:
            yield from items
            return
        with click.progressbar(items, label=label, file=sys.stderr) as bar:
            yield from bar

    return wrap


@contextmanager
def _errors_as_lines():
    try:
        yield
    except HemerotecaError as exc:
        click.echo(f"error: {exc.one_line()}", err=True)
        sys.exit(1)


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
@root_option
def ingest(paths: tuple[Path, ...], force: bool, root: Path) -> None:
    """Create archive/ records for seeds that have none yet.

    Records marked reviewed, or edited by hand since they were written, are
    never overwritten, not even with --force.

    \b
    Example:
      hemeroteca ingest                 # every seed in seeds/
      hemeroteca ingest seeds/001_x.txt --force
    """
    project = Project.at(root)
    with _errors_as_lines():
        report = ingest_seeds(project, paths or None, force=force, progress=_progress("Ingesting"))
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


def _authorities(root: Path) -> Authorities:
    return load_authorities(Project.at(root).authorities_dir)


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per file.")
@click.option("--explain", is_flag=True, help="Show the evidence behind each proposed value.")
@root_option
def extract(files: tuple[Path, ...], as_json: bool, explain: bool, root: Path) -> None:
    """Print the metadata proposed for raw texts, writing nothing.

    \b
    Example:
      hemeroteca extract seeds/001_e4109311ec4dc86b.txt --json
    """
    with _errors_as_lines():
        authorities = _authorities(root)
        results = []
        for path in files:
            try:
                results.append((path, extract_file(path, authorities)))
            except ValueError as exc:
                raise HemerotecaError(path, str(exc)) from exc
    if as_json:
        out = [m.as_json(path.name) for path, m in results]
        if explain:
            for item, (_, m) in zip(out, results, strict=True):
                item["evidence"] = m.evidence
                item["uncertain"] = m.uncertain
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
@root_option
def check(root: Path) -> None:
    """Validate every record against the schema and the authority files.

    Prints one line per problem as path:line: field: message and exits 1 if
    any is an error; warnings never fail.

    \b
    Example:
      hemeroteca check
    """
    project = Project.at(root)
    problems = check_catalogue(project)
    for problem in problems:
        click.echo(str(problem))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        click.echo(f"{len(errors)} errors", err=True)
        sys.exit(1)
    from hemeroteca.catalogue.store import list_record_paths

    click.echo(f"{len(list_record_paths(project))} records valid")


@main.command()
@root_option
def render(root: Path) -> None:
    """Write docs/ from the catalogue (generated pages only).

    \b
    Example:
      hemeroteca render && mkdocs serve
    """
    with _errors_as_lines():
        report = render_docs(Project.at(root), progress=_progress("Rendering"))
    click.echo(
        f"{report.articles} articles: {len(report.written)} files written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed"
    )


@main.command()
@root_option
def build(root: Path) -> None:
    """The main job: ingest new seeds, check, render docs/ and build site/.

    \b
    Example:
      hemeroteca build && open site/index.html
    """
    project = Project.at(root)
    with _errors_as_lines():
        report = build_all(project, progress=_progress("Working"))
    click.echo(
        f"ingested {len(report.ingest.written)} new records; rendered {report.render.articles} "
        f"articles ({len(report.render.written)} files changed); "
        f"site in {project.relative(project.site_dir)}/"
    )


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the texts the gold file names (default: seeds/ beside eval/, "
    "or articles/ beside the gold file).",
)
@click.option("--verbose", "-v", is_flag=True, help="List every miss.")
@root_option
def evaluate(gold: Path, articles: Path | None, verbose: bool, root: Path) -> None:
    """Score extraction against a hand-labelled gold file.

    \b
    Example:
      hemeroteca evaluate eval/seeds-gold.yaml
      hemeroteca evaluate ../shared/eval/dev/gold.yaml --articles ../shared/eval/dev/articles
    """
    if articles is None:
        beside = gold.parent / "articles"
        articles = beside if beside.is_dir() else Project.at(root).seeds_dir
    with _errors_as_lines():
        authorities = _authorities(root)
        scores = evaluate_gold(gold, articles, lambda p: extract_file(p, authorities).as_json(p.name))
    for line in scores.lines():
        click.echo(line)
    if verbose:
        for miss in scores.misses:
            click.echo(f"  miss: {miss}")
