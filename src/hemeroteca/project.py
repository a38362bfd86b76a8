"""Where a project's rooms live: seeds/, archive/, docs/, site/ under one root.

Every command works on a ``Project`` so tests and the benchmark can point the
whole pipeline at a temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: str | Path = ".") -> Project:
        return cls(Path(root).resolve())

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def archive_dir(self) -> Path:
        return self.root / "archive"

    @property
    def authorities_dir(self) -> Path:
        return self.archive_dir / "authorities"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def overrides_dir(self) -> Path:
        """Theme overrides (mkdocs.yml's ``custom_dir``): templates included in every page."""
        return self.root / "overrides"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def cache_dir(self) -> Path:
        """Work kept between runs (``hemeroteca.cache``): never committed, safe to delete."""
        return self.root / ".cache" / "hemeroteca"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def relative(self, path: Path) -> str:
        """Paths in messages and records are relative to the root, with forward slashes."""
        text, root = str(path), str(self.root)
        if text.startswith(root + "/"):
            # The usual case (paths the tool made from the root): no file-system calls,
            # and no pathlib parsing either, which ``check`` would pay 30,000 times.
            return text[len(root) + 1 :]
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
