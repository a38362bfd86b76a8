"""The order articles were added: the number ``hemeroteca add`` gives each seed.

``add`` names a seed ``NNN_hash``, NNN one more than the highest number in seeds/,
so that number is the order of arrival. Three places need that order and must read
it alike: ``add`` picking the next number, ``review --list`` showing the oldest
first, and the search index numbering its articles so that a new one takes the next
number (and old numbers stay put). Seeds named by hand, which ``add`` never creates,
carry no number and count as older than every numbered one.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(\d+)_")


def seed_number(name: str) -> int | None:
    """The number ``add`` put at the start of a seed's or record's name, if it has one."""
    match = _NUMBER.match(name)
    return int(match.group(1)) if match else None


def added_order(name: str) -> tuple[int, int, str]:
    """Sort key: unnumbered names first (by name), then by number as a value (``999_`` before ``1000_``)."""
    number = seed_number(name)
    return (0, 0, name) if number is None else (1, number, name)
