r"""Weight initializers.

Weights have shape ``(fan_in, fan_out)`` because the models compute ``X @ W + b``: ``fan_in`` is
the number of inputs of a unit, ``fan_out`` the number of units. The fan-based initializers
(Xavier/Glorot, He/Kaiming) keep the variance of activations (and of gradients) roughly constant
from layer to layer, so deep stacks neither vanish nor explode:

- Xavier/Glorot (tanh, sigmoid):
  $\mathrm{Var}(W) = g^2 \cdot 2 / (\text{fan\_in} + \text{fan\_out})$,
- He/Kaiming (ReLU): $\mathrm{Var}(W) = 2 / \text{fan\_in}$ (torch's ``kaiming_*_`` defaults
  with ``nonlinearity="relu"``, ``mode="fan_in"``).

They need a 2-D shape and raise ``ValueError`` otherwise (initialize biases with :func:`zeros`).
"""

from __future__ import annotations

import numbers

import numpy as np

from helpers._validate import check_choice, check_number, check_rng


def zeros(shape, rng=None):
    r"""All-zeros float array of ``shape`` ($W = 0$). ``rng`` is accepted and ignored.

    Beware: all-zero hidden weights make every hidden unit compute the same thing forever
    (symmetry); fine for biases.
    """
    return np.zeros(_check_shape(shape))


def constant(shape, value, rng=None):
    r"""Array of ``shape`` filled with ``value`` ($W_{ij} = c$). ``rng`` is accepted and ignored."""
    return np.full(_check_shape(shape), check_number("value", value))


def normal(shape, rng, std=1.0):
    r"""Samples of $\mathcal{N}(0, \sigma^2)$ with $\sigma$ = ``std`` (>= 0)."""
    std = check_number("std", std, low=0.0)
    return check_rng("rng", rng).normal(0.0, std, size=_check_shape(shape))


def uniform(shape, rng, low=-1.0, high=1.0):
    r"""Samples of $\mathcal{U}(\text{low}, \text{high})$; requires ``low < high``."""
    low, high = check_number("low", low), check_number("high", high)
    if not low < high:
        raise ValueError(f"low must be < high, got low={low!r}, high={high!r}")
    return check_rng("rng", rng).uniform(low, high, size=_check_shape(shape))


def xavier_normal(shape, rng, gain=1.0):
    r"""Glorot normal: $\mathcal{N}(0, \sigma^2)$ with a variance balanced between the two fans.

    $$\sigma = g\sqrt{2 / (\text{fan\_in} + \text{fan\_out})}$$

    ``shape`` = ``(fan_in, fan_out)``. Raises ValueError for a non-2-D shape or ``gain`` < 0.
    """
    fan_in, fan_out = _fans(shape)
    std = check_number("gain", gain, low=0.0) * np.sqrt(2.0 / (fan_in + fan_out))
    return normal(shape, rng, std=std)


def xavier_uniform(shape, rng, gain=1.0):
    r"""Glorot uniform: $\mathcal{U}(-a, a)$, $a = g\sqrt{6 / (\text{fan\_in} + \text{fan\_out})}$.

    Same variance as :func:`xavier_normal` (a uniform on $[-a, a]$ has variance $a^2/3$).
    """
    fan_in, fan_out = _fans(shape)
    limit = check_number("gain", gain, low=0.0) * np.sqrt(6.0 / (fan_in + fan_out))
    return _symmetric_uniform(shape, rng, limit)


def he_normal(shape, rng):
    r"""He (Kaiming) normal for ReLU: $\mathcal{N}(0, \sigma^2)$ keeping ReLU activations steady.

    $$\sigma = \sqrt{2 / \text{fan\_in}}$$

    ``shape`` = ``(fan_in, fan_out)``; raises ValueError for a non-2-D shape.
    """
    fan_in, _ = _fans(shape)
    return normal(shape, rng, std=np.sqrt(2.0 / fan_in))


def he_uniform(shape, rng):
    r"""He (Kaiming) uniform for ReLU: $\mathcal{U}(-a, a)$, $a = \sqrt{6 / \text{fan\_in}}$."""
    fan_in, _ = _fans(shape)
    return _symmetric_uniform(shape, rng, np.sqrt(6.0 / fan_in))


INITIALIZERS = {
    "zeros": zeros,
    "normal": normal,
    "uniform": uniform,
    "xavier_normal": xavier_normal,
    "xavier_uniform": xavier_uniform,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
    "xavier": xavier_normal,
    "glorot": xavier_normal,
    "he": he_normal,
    "kaiming": he_normal,
}
"""Name -> ``initializer(shape, rng)``. ``xavier``/``glorot`` and ``he``/``kaiming`` are the
normal variants."""


def initialize(name, shape, rng, scale=None):
    r"""Initialize an array by name, optionally with a scale.

    Names: those of :data:`INITIALIZERS`, plus ``"constant"``. ``scale`` means:

    - ``"normal"``: the standard deviation $\sigma$ (default 1);
    - ``"uniform"``: the half-width $a$ of $\mathcal{U}(-a, a)$ (default 1);
    - ``"constant"``: the fill value (required);
    - Xavier/He: a multiplier of the standard deviation / limit (Xavier's ``gain``; default 1);
    - ``"zeros"``: must be None.

    Raises:
        ValueError: unknown ``name``, a ``scale`` where it means nothing, ``"constant"`` without
            one, negative ``scale`` for a random initializer, bad ``shape``.
        TypeError: ``rng`` not a ``numpy.random.Generator`` (for the random initializers).
    """
    check_choice("name", name, [*INITIALIZERS, "constant"])
    if name == "constant":
        if scale is None:
            raise ValueError("scale must be given for name='constant' (it is the fill value)")
        return constant(shape, scale)
    if name == "zeros":
        if scale is not None:
            raise ValueError(f"scale must be None for name='zeros', got {scale!r}")
        return zeros(shape)
    if scale is None:
        return INITIALIZERS[name](shape, rng)
    scale = check_number("scale", scale, low=0.0)
    if name == "uniform":
        return uniform(shape, rng, low=-scale, high=scale) if scale > 0 else zeros(shape)
    if name == "normal":
        return normal(shape, rng, std=scale)
    return scale * INITIALIZERS[name](shape, rng)


def _check_shape(shape):
    dims = (shape,) if isinstance(shape, numbers.Integral) else shape
    if not isinstance(dims, tuple | list) or not all(
        isinstance(d, numbers.Integral) and not isinstance(d, bool) for d in dims
    ):
        raise TypeError(f"shape must be an int or a tuple of ints, got {shape!r}")
    if any(d < 0 for d in dims):
        raise ValueError(f"shape must not have negative sizes, got {shape!r}")
    return tuple(int(d) for d in dims)


def _fans(shape):
    dims = _check_shape(shape)
    if len(dims) != 2 or min(dims) < 1:
        raise ValueError(
            "shape must be a 2-D weight shape (fan_in, fan_out) with positive sizes, "
            f"got {shape!r} (initialize biases with zeros)"
        )
    return dims


def _symmetric_uniform(shape, rng, limit):
    return check_rng("rng", rng).uniform(-limit, limit, size=_check_shape(shape))
