"""A problem found by ``check``: where it is (file, line, field), what it is, and how bad.

Printed as ``path:line: field: message`` for people, or as a GitHub Actions
annotation so a pull request shows it on the offending line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

ANNOTATIONS_PER_STEP = 10
"""GitHub shows at most 10 error and 10 warning annotations from one step (and drops the rest
without a word), so ``annotated`` makes the last one it may show say how many others there are."""


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

    @property
    def level(self) -> str:
        """The GitHub annotation level: a warning, or else an error."""
        return "warning" if self.severity == "warning" else "error"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation, shown inline on the pull request's diff."""
        props = f"file={_escape_property(self.path)},line={self.line},title={_escape_property(self.field)}"
        return f"::{self.level} {props}::{_escape_data(f'{self.field}: {self.message}')}"


def annotated(problems: list[Problem]) -> tuple[list[str], Counter[str]]:
    """The problems as lines for a GitHub Actions log, and how many of each level are not annotations.

    Up to ``ANNOTATIONS_PER_STEP`` of a level, each is an annotation on its line. Past that, the
    first nine are, the others are plain ``path:line: field: message`` lines of the log, and a
    tenth annotation, on no file, says how many are there: nothing is dropped unseen.
    """
    cap = ANNOTATIONS_PER_STEP
    room = {level: n if n <= cap else cap - 1 for level, n in Counter(p.level for p in problems).items()}
    lines: list[str] = []
    left_out: Counter[str] = Counter()
    for problem in problems:
        if room[problem.level]:
            room[problem.level] -= 1
            lines.append(problem.github())
        else:
            left_out[problem.level] += 1
            lines.append(str(problem))
    for level, n in sorted(left_out.items()):
        noun = level if n == 1 else f"{level}s"
        more = (
            f"{n} more {noun} in this step's log (GitHub annotates only {ANNOTATIONS_PER_STEP} a step);"
            " `hemeroteca check` lists every one"
        )
        lines.append(f"::{level} title={_escape_property(f'{n} more {noun}')}::{_escape_data(more)}")
    return lines, left_out


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
