"""Argument checks shared by every module: each raises a clear ``TypeError`` or ``ValueError``
whose message names the argument and the value it got."""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np


def check_number(
    name, value, *, low=None, high=None, low_open=False, high_open=False, integer=False
):
    """Return ``value`` as a float (or int when ``integer``), checked to be finite and in range.

    ``low``/``high`` are inclusive bounds unless ``low_open``/``high_open``.

    Raises:
        TypeError: ``value`` is not a real number (``bool`` is refused), or not an integer when
            ``integer`` is set.
        ValueError: ``value`` is NaN or infinite, or outside the bounds.
    """
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, kind):
        what = "an integer" if integer else "a real number"
        raise TypeError(f"{name} must be {what}, got {value!r} ({type(value).__name__})")
    value = int(value) if integer else float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if low is not None and (value < low or (low_open and value == low)):
        raise ValueError(f"{name} must be {'>' if low_open else '>='} {low}, got {value!r}")
    if high is not None and (value > high or (high_open and value == high)):
        raise ValueError(f"{name} must be {'<' if high_open else '<='} {high}, got {value!r}")
    return value


def check_float_array(name, value, *, ndim=None, shape=None, finite=True):
    """Return ``value`` as a floating-point ndarray (not copied if it already is one).

    Raises:
        TypeError: ``value`` is not array-like of real numbers, or has an integer/bool dtype
            (integer weights cannot take fractional steps).
        ValueError: wrong ``ndim`` or ``shape``, or non-finite entries when ``finite``.
    """
    if isinstance(value, np.ndarray):
        arr = value
    else:
        try:
            arr = np.asarray(value)
        except (TypeError, ValueError) as exc:  # ragged lists and the like
            raise TypeError(f"{name} must be an array of real numbers, got {value!r}") from exc
    if not np.issubdtype(arr.dtype, np.floating):
        raise TypeError(
            f"{name} must be a floating-point array, got dtype {arr.dtype}"
            + (
                " (use e.g. np.array(..., dtype=float))"
                if np.issubdtype(arr.dtype, np.number)
                else ""
            )
        )
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimension(s), got shape {arr.shape}")
    if shape is not None and arr.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got {arr.shape}")
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers, got {_describe_nonfinite(arr)}")
    return arr


def check_rng(name, rng):
    """Require a ``numpy.random.Generator`` (make one with ``np.random.default_rng(seed)``)."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator such as np.random.default_rng(0), got {rng!r}"
        )
    return rng


def check_choice(name, value, choices: Sequence):
    """Require ``value`` to be one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}")
    return value


def _describe_nonfinite(arr):
    bad = np.argwhere(~np.isfinite(arr))
    where = tuple(int(i) for i in bad[0]) if arr.ndim else ()
    return f"{arr[where] if arr.ndim else arr!r} at index {where}"
