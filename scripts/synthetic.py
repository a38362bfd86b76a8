"""A deterministic synthetic archive for benchmarks: realistic records, seeded generator.

Three languages, ~30 countries, ~300 actors, the project's topic vocabulary,
300-1,500-word bodies and dates spread over 15 years at all three precisions.
Records are written exactly as ``ingest`` would write them (with a seed file
and its sha256), so ``check``, ``render`` and the site build treat them as real.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import random
import sys
from functools import cache
from pathlib import Path

from hemeroteca.catalogue.add import seed_name
from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.record import serialise
from hemeroteca.catalogue.store import seed_id
from hemeroteca.parallel import default_jobs
from hemeroteca.project import Project

REPO = Path(__file__).resolve().parents[1]

COUNTRIES = (
    "AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE US CA JM TT BB BZ GY HT ES PT CN"
).split()
LANGUAGES = ("es", "en", "pt")
COMMON = {
    "es": "el la de que y en los las del se por con para una un su al es lo como más pero sus le ya o "
    "este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos "
    "durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo "
    "otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas".split(),
    "en": "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will more "
    "can out up who them some could what into than then its only other new time these two may".split(),
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
    "das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre "
    "era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem".split(),
}
DOMAIN = {
    "es": "empresa empresas cooperativa cooperativas ministerio producción desarrollo programa "
    "fortalecimiento capacitación exportación innovación financiamiento crédito productores "
    "mipymes emprendedores mercado sector industria convenio acuerdo gobierno apoyo asistencia "
    "técnica región municipio comercio turismo pesca minería agricultura mujeres digital".split(),
    "en": "enterprise enterprises cooperative cooperatives ministry production development programme "
    "strengthening training export innovation financing credit producers msmes entrepreneurs "
    "market sector industry agreement memorandum government support assistance technical region "
    "trade tourism fisheries mining agriculture women digital recovery investment".split(),
    "pt": "empresa empresas cooperativa cooperativas ministério produção desenvolvimento programa "
    "fortalecimento capacitação exportação inovação financiamento crédito produtores "
    "empreendedores mercado setor indústria convênio acordo governo apoio assistência técnica "
    "região município comércio turismo pesca mineração agricultura mulheres digital".split(),
}
SYLLABLES = "ca co ra ne ti lo ma pe su da ve mi ro sa te no la fi gu be".split()


@cache
def _vocabulary(language: str) -> list[str]:
    """Common words, domain words and 3,000 made-up content words, in a Zipf-like mix."""
    rng = random.Random(language)
    invented = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(3000)})
    return COMMON[language] * 20 + DOMAIN[language] * 6 + invented


def _actors(rng: random.Random) -> list[dict[str, str]]:
    first = "Ana Luis María José Carla Pedro Rosa Juan Lucía Diego Paula Marcos Elena Raúl Sofía".split()
    last = "Gómez Pérez Silva Castro Rojas Vargas Torres Ramos Flores Morales Ortiz Lima Souza".split()
    heads = "Ministerio Servicio Agencia Banco Cámara Instituto Corporación Cooperativa Comisión".split()
    fields = "Producción Comercio Industria Desarrollo Fomento Exportaciones Pesca Turismo".split()
    actors: dict[str, dict[str, str]] = {}
    while len(actors) < 300:
        if rng.random() < 0.5:
            name = f"{rng.choice(first)} {rng.choice(last)} {rng.choice(last)}"
            actors[name] = {"name": name, "type": "person"}
        else:
            name = f"{rng.choice(heads)} de {rng.choice(fields)} de {rng.choice(COUNTRIES)}"
            acronym = "".join(w[0] for w in name.split() if w[0].isupper())
            actors[name] = {"name": name, "type": "organization", "alias": acronym}
    return sorted(actors.values(), key=lambda a: a["name"])


def _date(rng: random.Random) -> str | None:
    year = rng.randint(2010, 2024)
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.12:
        return f"{year}"
    if roll < 0.25:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _paragraphs(rng: random.Random, vocab: list[str], words: int) -> list[str]:
    paras, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 120))
        tokens = rng.choices(vocab, k=size)
        tokens[0] = tokens[0].capitalize()
        paras.append(" ".join(tokens) + ".")
        left -= size
    return paras


def make_article(rng: random.Random, index: int, actors: list[dict], topics: list[str]) -> tuple[dict, str]:
    language = rng.choices(LANGUAGES, weights=(5, 3, 2))[0]
    vocab = _vocabulary(language)
    title_words = rng.choices(DOMAIN[language], k=rng.randint(5, 11))
    title = " ".join(title_words).capitalize()
    body = "\n\n".join(_paragraphs(rng, vocab, rng.randint(300, 1500)))
    countries = rng.sample(COUNTRIES, k=rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
    meta = {
        "id": f"syn-{index:06d}",
        "title": title,
        "date": _date(rng),
        "language": language,
        "countries": countries,
        "actors": rng.sample(actors, k=rng.randint(1, 5)),
        "tags": sorted(rng.sample(topics, k=rng.randint(1, 3))),
        "review": "reviewed" if rng.random() < 0.3 else "auto",
    }
    return meta, f"{title}\n\n{body}\n"


def skeleton(target: Path) -> Project:
    """A new project folder made from the repository (``hemeroteca new``): no articles."""
    return Project.at(REPO).new_archive(target)


def article_text(index: int, *, seed: int = 20261126) -> tuple[dict, str]:
    """One more synthetic article as a raw text, for timing `hemeroteca add`."""
    rng = random.Random(seed * 7 + index)
    topics = ["msme-support", "cooperatives", "training"]
    return make_article(rng, index, _actors(random.Random(seed)), topics)


def write_archive(project: Project, count: int, *, seed: int = 20261126, start: int = 0) -> list[str]:
    """Write ``count`` seeds and their records; returns the new record ids.

    The articles are drawn in order from one seeded generator, here; writing each (its front
    matter dumped by PyYAML's emitter: three quarters of the time) is done by a forked pool on
    every core, the archive the same whatever the number of cores.
    """
    rng = random.Random(seed + start)
    authorities = load_authorities(project.authorities_dir)
    topics = sorted(authorities.topic_ids) or ["msme-support"]
    actors = _actors(random.Random(seed))
    project.seeds_dir.mkdir(parents=True, exist_ok=True)
    project.archive_dir.mkdir(parents=True, exist_ok=True)
    indices = range(start, start + count)
    drawn = ((project, index, *make_article(rng, index, actors, topics)) for index in indices)
    jobs = default_jobs()
    # The pool finds ``_write_one`` by importing this module by name: not when loaded from its path.
    importable = getattr(sys.modules.get(__name__), "_write_one", None) is _write_one
    if jobs < 2 or count < 200 or not importable or "fork" not in mp.get_all_start_methods():
        return [_write_one(item) for item in drawn]
    with mp.get_context("fork").Pool(jobs) as pool:
        return list(pool.imap(_write_one, drawn, chunksize=50))


def _write_one(item: tuple[Project, int, dict, str]) -> str:
    """Write one drawn article's seed and record; its id."""
    project, index, meta, text = item
    raw = text.encode("utf-8")
    # Named as `hemeroteca add` names them, so the archive looks like one grown by adding.
    seed_path = project.seeds_dir / seed_name(index, hashlib.sha256(raw).hexdigest(), ".txt")
    meta["id"] = seed_id(seed_path)
    seed_path.write_bytes(raw)
    meta["source"] = {"path": f"seeds/{seed_path.name}", "sha256": hashlib.sha256(raw).hexdigest()}
    body = text.split("\n\n", 1)[1]
    (project.archive_dir / f"{meta['id']}.md").write_text(serialise(meta, body), encoding="utf-8")
    return meta["id"]


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic archive into a project folder.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    write_archive(Project.at(args.root), args.articles)


if __name__ == "__main__":
    main()
