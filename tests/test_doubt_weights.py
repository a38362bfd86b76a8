"""The leave-one-batch-out fit of the doubt weights (``scripts/doubt_weights.py``), on made-up values."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("doubt_weights", REPO / "scripts" / "doubt_weights.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


dw = _script()


def _batch(noisy: int) -> list:
    """Forty actors: ``good`` marks 8 values, 6 of them wrong; ``noisy`` marks ``noisy`` right values
    and one wrong; ``both`` is on 2 wrong values that also carry ``good``."""
    V = dw.Value
    values = [V("actors", frozenset({"good"}), i < 6) for i in range(8)]
    values += [V("actors", frozenset({"noisy"}), False) for _ in range(noisy)]
    values += [V("actors", frozenset({"noisy"}), True)]
    values += [V("actors", frozenset(), False) for _ in range(40 - len(values))]
    return values


def test_the_fit_raises_a_telling_reason_and_lowers_a_noisy_one() -> None:
    prior = {"good": 1.0, "noisy": 1.0}
    values = _batch(12) + _batch(14)
    weights = dw.fit(values, prior)
    assert weights["good"] > prior["good"] > weights["noisy"] >= 0.0
    # a stronger pull toward the prior keeps them nearer the hand weights
    held = dw.fit(values, prior, penalty=30.0)
    assert weights["good"] > held["good"] > prior["good"] > held["noisy"] > weights["noisy"]


def test_the_threshold_is_the_highest_still_catching_the_share_asked() -> None:
    weights = {"good": 2.0, "noisy": 0.5}
    batch = _batch(12)
    # 6 of the 7 wrong values carry "good": at 2 they are caught (86 %), at 0.5 all 7 with 12 more flags
    assert dw.threshold([batch], weights, 0.8) == 2.0
    assert dw.threshold([batch], weights, 0.9) == 0.5
    result = dw.rates(batch, weights, 2.0)
    assert result.astuple() == (6, 7, 8, 40)
    assert (round(result.caught_share, 2), result.flagged_share) == (0.86, 0.2)


def test_weights_are_shipped_with_their_threshold_at_flag_at() -> None:
    scaled = dw.rescale({"good": 2.0, "noisy": 0.7}, 2.0, 3.0)
    assert scaled == {"good": 3.0, "noisy": 1.05}


def test_each_batch_is_scored_with_weights_fitted_on_the_others() -> None:
    sets = {"a": _batch(10), "b": _batch(12), "c": _batch(14)}
    out = dw.leave_one_out(sets, {"good": 1.0, "noisy": 1.0}, catch=0.8, penalty=3.0, flag_at=3.0)
    assert list(out) == ["a", "b", "c"]
    # fitted elsewhere, "good" alone reaches the threshold and "noisy" does not: 6 of 7 caught, 8 flagged
    assert all(result.astuple() == (6, 7, 8, 40) for result in out.values())
