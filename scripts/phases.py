"""Timing a pipeline's phases from outside it, for the profiling scripts.

A phase is a function named as (module, attribute). Wrapping it where the module
holds it times every call made through that module, so the pipeline needs no
hooks of its own; each script decides what a wrapper records.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable


def wrap_phases(
    phases: Iterable[tuple[str, str]],
    wrap: Callable[[str, Callable], Callable],
    *,
    missing_ok: bool = False,
) -> None:
    """Replace each phase by ``wrap(name, function)``, its name being 'module.attribute'.

    ``missing_ok`` skips a phase the installed version does not have (comparing versions).
    """
    for module_name, attribute in phases:
        module = importlib.import_module(module_name)
        if missing_ok and not hasattr(module, attribute):
            continue
        name = f"{module_name.rsplit('.', 1)[-1]}.{attribute}"
        setattr(module, attribute, wrap(name, getattr(module, attribute)))
