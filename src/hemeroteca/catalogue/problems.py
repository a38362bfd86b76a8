"""A problem found by ``check``: where it is (file, line, field), what it is, and how bad.

Printed as ``path:line: field: message`` for people, or as a GitHub Actions
annotation so a pull request shows it on the offending line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation, shown inline on the pull request's diff."""
        level = "warning" if self.severity == "warning" else "error"
        props = f"file={_escape_property(self.path)},line={self.line},title={_escape_property(self.field)}"
        return f"::{level} {props}::{_escape_data(f'{self.field}: {self.message}')}"


def _escape_data(text: str) -> str:
    # The workflow-command syntax reserves these characters in the message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def field_path(parts: list) -> str:
    """``['actors', 0, 'type']`` -> ``actors[0].type``, the way messages and line lookups name fields."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
