"""`hemeroteca add`: raw files in, seeds under stable names, records with what is uncertain."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hemeroteca import Project, check
from hemeroteca.catalogue import add as add_module
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.store import list_record_paths, list_seeds

ARTICLE = """Cooperativas textiles de Arequipa abren tienda en línea

Lima, 12 de mayo de 2023

Una cooperativa de tejedoras de Arequipa lanzó su tienda en línea con el apoyo del Programa de las
Naciones Unidas para el Desarrollo (PNUD) y de la Federación Nacional de Tejedoras Andinas (FENATEA).

Las 45 socias, micro y pequeñas empresarias peruanas, venderán prendas de alpaca en Estados Unidos.
"""

PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8">
<title>Cooperativas de café firman acuerdo | Diario de Prueba</title>
<meta property="og:title" content="Cooperativas de café de Honduras firman acuerdo de exportación">
<meta property="og:site_name" content="Diario de Prueba">
<meta property="article:published_time" content="2022-03-15T09:30:00-06:00">
<link rel="canonical" href="https://diario.example/economia/cooperativas-cafe">
</head><body>
<nav><a href="/">Inicio</a> <a href="/economia">Economía</a> <a href="/deportes">Deportes</a></nav>
<article><h1>Cooperativas de café de Honduras firman acuerdo de exportación</h1>
<p>Tegucigalpa. Doce cooperativas de pequeños productores de café de Honduras firmaron este martes un
acuerdo con el Banco Interamericano de Desarrollo (BID) para exportar directamente a Europa.</p>
<p>El acuerdo beneficia a más de 3.000 familias e incluye financiamiento para secadoras solares.</p>
</article>
<footer>© 2022 Diario de Prueba. Todos los derechos reservados.</footer>
</body></html>
"""

JSON_LD_PAGE = """<html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Brasil amplía el crédito para pequeñas empresas exportadoras",
"datePublished": "2021-11-04", "publisher": {"@type": "Organization", "name": "Agencia de Prueba"},
"mainEntityOfPage": "https://agencia.example/brasil-credito"}</script>
</head><body><main><h1>Brasil amplía el crédito para pequeñas empresas exportadoras</h1>
<p>Brasilia. El gobierno de Brasil amplió la línea de crédito para pequeñas empresas exportadoras,
informó el ministerio, que espera llegar a diez mil empresas antes de fin de año en todo el país.</p>
</main></body></html>
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_add_text_copies_seed_under_a_stable_name_and_writes_a_valid_record(
    project: Project, tmp_path: Path
) -> None:
    given = write(tmp_path / "in", "Arequipa cooperativa.TXT", ARTICLE)
    report = add(project, [given])
    (added,) = report.added
    sha = hashlib.sha256(given.read_bytes()).hexdigest()
    assert added.seed.name == f"005_{sha[:16]}.txt"  # the repository has seeds 000..004
    assert added.seed.read_bytes() == given.read_bytes()
    record = read(added.record)
    assert record.meta["source"] == {"path": f"seeds/{added.seed.name}", "sha256": sha}
    assert record.meta["review"] == "auto"
    assert record.meta["title"] == "Cooperativas textiles de Arequipa abren tienda en línea"
    assert record.meta["date"] == "2023-05-12"
    mine = project.relative(added.record)
    assert [p for p in check(project) if p.severity == "error" and p.path == mine] == []


def test_add_html_uses_the_metadata_the_page_declares(empty_project: Project, tmp_path: Path) -> None:
    report = add(empty_project, [write(tmp_path, "saved page.htm", PAGE)])
    (added,) = report.added
    assert added.seed.suffix == ".html"
    record = read(added.record)
    assert record.meta["title"] == "Cooperativas de café de Honduras firman acuerdo de exportación"
    assert record.meta["date"] == "2022-03-15"
    assert record.meta["source"]["url"] == "https://diario.example/economia/cooperativas-cafe"
    assert record.meta["source"]["publisher"] == "Diario de Prueba"
    assert "HN" in record.meta["countries"]
    # the body is the article, not the menu or the footer, and the headline is not repeated
    assert record.body.startswith("Tegucigalpa.")
    assert "Deportes" not in record.body and "derechos reservados" not in record.body
    assert [p for p in check(empty_project) if p.severity == "error"] == []


def test_add_html_reads_json_ld(empty_project: Project, tmp_path: Path) -> None:
    (added,) = add(empty_project, [write(tmp_path, "ld.html", JSON_LD_PAGE)]).added
    record = read(added.record)
    assert record.meta["title"] == "Brasil amplía el crédito para pequeñas empresas exportadoras"
    assert record.meta["date"] == "2021-11-04"
    assert record.meta["source"]["publisher"] == "Agencia de Prueba"


def test_uncertain_metadata_is_named(empty_project: Project, tmp_path: Path) -> None:
    undated = ARTICLE.replace("Lima, 12 de mayo de 2023\n", "")
    (added,) = add(empty_project, [write(tmp_path, "a.txt", undated)]).added
    notes = "\n".join(read(added.record).meta["uncertain"])
    assert "date: no publication date stated" in notes
    assert "Federación Nacional de Tejedoras Andinas" in notes and "not in archive/authorities" in notes


def test_country_from_a_demonym_only_is_not_flagged_alone(empty_project: Project, tmp_path: Path) -> None:
    """A demonym alone weighs 1 (data/doubts.yaml): on the developed sets it never marked a wrong
    country, so alone it is not shown; it only adds to other reasons on the same country."""
    text = (
        "Empresarios peruanos buscan nuevos mercados para sus productos\n\n"
        "Los empresarios peruanos del sector textil presentaron sus productos en una feria regional "
        "de pequeñas empresas, con la presencia de compradores de varios continentes.\n"
    )
    (added,) = add(empty_project, [write(tmp_path, "d.txt", text)]).added
    record = read(added.record)
    assert record.meta["countries"][:1] == ["PE"]
    assert not any("[demonym-only]" in n for n in record.meta.get("uncertain") or [])


def test_duplicates_by_bytes_and_by_normalised_text_are_not_added(project: Project, tmp_path: Path) -> None:
    first = write(tmp_path / "a", "one.txt", ARTICLE)
    same_bytes = write(tmp_path / "b", "copy.txt", ARTICLE)
    reflowed = write(tmp_path / "c", "reflowed.txt", "  " + ARTICLE.replace("\n", "\r\n").replace(" ", "   "))
    report = add(project, [first, same_bytes, reflowed])
    assert [a.given for a in report.added] == [first]
    seed = f"seeds/{report.added[0].seed.name}"
    assert [(d.given, d.existing, d.how) for d in report.duplicates] == [
        (same_bytes, seed, "the same file (sha256)"),
        (reflowed, seed, "the same text once whitespace is normalised"),
    ]
    # an existing seed of the repository counts too
    existing = list_seeds(project)[0]
    again = write(tmp_path / "d", "old.txt", existing.read_text(encoding="utf-8"))
    (dup,) = add(project, [again]).duplicates
    assert dup.existing == f"seeds/{existing.name}"


def test_folders_are_walked_in_name_order_and_other_files_skipped(
    empty_project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    write(folder, "b.txt", ARTICLE)
    write(folder / "sub", "a.html", PAGE)
    write(folder, "notes.odt", "x")
    write(folder / ".hidden", "c.txt", "hidden")
    report = add(empty_project, [folder])
    assert [a.given.name for a in report.added] == ["b.txt", "a.html"]
    assert [a.seed.name[:4] for a in report.added] == ["000_", "001_"]
    assert [p.name for p in report.skipped] == ["notes.odt"]


def test_a_file_already_in_seeds_is_not_copied_again(project: Project) -> None:
    seed = list_seeds(project)[0]
    (error,) = add(project, [seed]).errors
    assert "already in seeds/" in error.one_line() and "hemeroteca ingest" in error.one_line()


def test_a_crash_between_seed_and_record_is_reported_and_completed(
    empty_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = add_module.write_atomic

    def crash_on_record(path: Path, data: str | bytes) -> None:
        if path.suffix == ".md":
            raise KeyboardInterrupt
        real(path, data)

    monkeypatch.setattr(add_module, "write_atomic", crash_on_record)
    with pytest.raises(KeyboardInterrupt):
        add(empty_project, [write(tmp_path, "a.txt", ARTICLE)])
    monkeypatch.undo()
    assert list_record_paths(empty_project) == []
    assert [p.field for p in check(empty_project)] == ["record"]  # "seed has no record: run ingest"
    result = subprocess.run(
        [sys.executable, "-m", "hemeroteca", "ingest"], cwd=empty_project.root, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert [p for p in check(empty_project) if p.severity == "error"] == []


def test_cli_add_prints_record_path_metadata_and_doubts(empty_project: Project, tmp_path: Path) -> None:
    given = write(tmp_path, "a.txt", ARTICLE.replace("Lima, 12 de mayo de 2023\n", ""))
    result = subprocess.run(
        [sys.executable, "-m", "hemeroteca", "add", str(given), str(given)],
        cwd=empty_project.root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (record,) = list_record_paths(empty_project)
    out = result.stdout
    assert f"  record: archive/{record.name}" in out
    assert "  title: Cooperativas textiles de Arequipa abren tienda en línea" in out
    assert "  date: none found" in out
    assert "    - date: no publication date stated" in out
    assert f"duplicate {given}: the same file (sha256) as seeds/{record.stem}.txt; not added" in out
    assert "1 added, 1 duplicates, 0 refused" in out


def test_undetermined_language_is_flagged(empty_project: Project, tmp_path: Path) -> None:
    (added,) = add(empty_project, [write(tmp_path, "n.txt", "1234 5678\n\n90 12 34 56 78 90\n")]).added
    record = read(added.record)
    assert record.meta["language"] == "und"
    assert any(n.startswith("language: could not tell") for n in record.meta["uncertain"])


def test_cli_extract_reads_a_web_page_like_add_does(empty_project: Project, tmp_path: Path) -> None:
    page = write(tmp_path, "p.html", PAGE)
    result = subprocess.run(
        [sys.executable, "-m", "hemeroteca", "extract", str(page), "--json"],
        cwd=empty_project.root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    assert item["title"] == "Cooperativas de café de Honduras firman acuerdo de exportación"
    assert item["date"] == "2022-03-15"
    assert list_record_paths(empty_project) == [] and not any(empty_project.seeds_dir.iterdir())
