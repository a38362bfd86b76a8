"""Access to data files shipped inside the package (patterns, country aliases, schema)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML has it: the same data, about ten times faster (the gazetteer alone
# took a fifth of a second of each build's search index process in Python's).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_data(name: str) -> Any:
    text = resources.files("hemeroteca").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.load(text, Loader=_LOADER)
