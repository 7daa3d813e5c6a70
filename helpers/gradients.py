r"""Numerical derivatives and gradient checks (CS231n style).

Central differences approximate each partial derivative with an error of order $h^2$:

$$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}.$$

A hand-written (analytic) gradient is trusted when its relative error against this estimate is
tiny (about 1e-7 or less in float64). The checks need float64: in float32 the round-off in
$f(x \pm h e_i)$ is about $10^{-7} |f| / h$, which swamps the quantity being checked, so float32
input is refused with a ``TypeError`` instead of giving a misleading answer.
"""

from __future__ import annotations

import numpy as np

from helpers._validate import check_float_array, check_number


def numerical_gradient(f, x, h=1e-5):
    r"""Estimate $\nabla f(x)$ by central differences, one coordinate at a time.

    $$g_i = \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$

    ``x`` is nudged in place and always restored (also when ``f`` raises), so ``f`` may read the
    array through a closure, e.g. ``numerical_gradient(lambda _: loss(params), params[0])``.

    Args:
        f: function of ``x`` returning a real number (a Python/numpy scalar or a size-1 array).
        x: float64 ndarray of any shape (a list of floats is converted to one).
        h: step, a positive float.

    Returns:
        ndarray of the shape of ``x``.

    Raises:
        TypeError: ``x`` is not float64 (integer or float32 input), or ``f`` does not return a
            real scalar.
        ValueError: ``h`` not positive and finite, ``x`` not finite.
    """
    x = _check_float64("x", x)
    h = check_number("h", h, low=0.0, low_open=True)
    grad = np.zeros_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)  # views: writes reach x and grad
    for i in range(flat_x.size):
        original = flat_x[i]
        try:
            flat_x[i] = original + h
            f_plus = _scalar(f(x))
            flat_x[i] = original - h
            f_minus = _scalar(f(x))
        finally:
            flat_x[i] = original
        flat_grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b, tiny=1e-8):
    r"""Largest elementwise relative error between two arrays of the same shape, as in the
    CS231n notes on gradient checks (https://cs231n.github.io/neural-networks-3/#gradcheck):

    $$\max_i \frac{|a_i - b_i|}{\max(|a_i|,\ |b_i|,\ \text{tiny})}$$

    0 means identical, 2 means opposite signs. For a gradient check in float64 (CS231n's
    thresholds): above 1e-2 the gradient is almost certainly wrong; 1e-4 to 1e-2 is suspicious;
    below 1e-4 is fine where the function has kinks (ReLU, MAE, Huber), which make central
    differences legitimately inaccurate nearby, but too high for a smooth one (tanh, sigmoid,
    softmax); 1e-7 or less means right. ``tiny`` keeps the ratio finite where both entries are
    (nearly) zero. The same definition is used by ``helpers.checks`` in its feedback.

    Raises:
        TypeError: ``a`` or ``b`` not real arrays.
        ValueError: shapes differ, non-finite entries, ``tiny`` not positive.
    """
    a = _as_real_array("a", a)
    b = _as_real_array("b", b)
    tiny = check_number("tiny", tiny, low=0.0, low_open=True)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got a {a.shape} and b {b.shape}")
    if a.size == 0:
        return 0.0
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), tiny)
    return float(np.max(np.abs(a - b) / scale))


def gradient_check(f, grad, x, h=1e-5):
    r"""Compare an analytic gradient with central differences; return the max relative error.

    Args:
        f: function of ``x`` returning a real number.
        grad: either a function of ``x`` returning $\nabla f(x)$, or that gradient as an array.
        x: float64 ndarray, the point to check at (left unchanged).
        h: finite-difference step.

    Raises:
        TypeError / ValueError: as for :func:`numerical_gradient` and :func:`relative_error`.
    """
    x = _check_float64("x", x)
    analytic = grad(x.copy()) if callable(grad) else grad
    numeric = numerical_gradient(f, x, h)
    return relative_error(analytic, numeric)


def forward_difference(f, x, h):
    r"""Forward-difference slope of a scalar function: $\dfrac{f(x + h) - f(x)}{h}$.

    The error is of order $h$ (truncation) plus about $\varepsilon |f| / h$ (round-off).

    Args:
        f: scalar function of one real number.
        x: the point, a real number.
        h: a positive step or an array of positive steps (e.g. ``np.logspace(-16, 0, 50)``).

    Returns:
        float for a scalar ``h``, else an ndarray of the shape of ``h``.

    Raises:
        TypeError: ``x`` not a real number, ``f`` not returning a real number.
        ValueError: ``h`` not positive and finite.
    """
    x, steps = _check_point_and_steps(x, h)
    slopes = [(_scalar(f(x + step)) - _scalar(f(x))) / step for step in steps.flat]
    return _shape_like_h(slopes, steps)


def central_difference(f, x, h):
    r"""Central-difference slope of a scalar function: $\dfrac{f(x + h) - f(x - h)}{2h}$.

    The error is of order $h^2$ (truncation) plus about $\varepsilon |f| / h$ (round-off).
    Arguments, return value and errors as for :func:`forward_difference`.
    """
    x, steps = _check_point_and_steps(x, h)
    slopes = [(_scalar(f(x + step)) - _scalar(f(x - step))) / (2 * step) for step in steps.flat]
    return _shape_like_h(slopes, steps)


def _check_float64(name, x):
    if not isinstance(x, np.ndarray):
        x = check_float_array(name, x)
    if x.dtype != np.float64:
        hint = (
            " (finite differences in lower precision are swamped by round-off)"
            if np.issubdtype(x.dtype, np.floating)
            else ""
        )
        raise TypeError(
            f"{name} must be a float64 array, got dtype {x.dtype}; convert with "
            f"{name}.astype(np.float64){hint}"
        )
    return check_float_array(name, x)


def _as_real_array(name, value):
    arr = np.asarray(value)
    if not (np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)):
        raise TypeError(f"{name} must be an array of real numbers, got dtype {arr.dtype}")
    return check_float_array(name, arr.astype(np.float64))


def _scalar(value):
    arr = np.asarray(value)
    if arr.size != 1 or not np.issubdtype(arr.dtype, np.number) or np.iscomplexobj(arr):
        raise TypeError(f"f must return a real number, got {value!r}")
    return float(arr.reshape(()))


def _check_point_and_steps(x, h):
    x = check_number("x", x.item() if isinstance(x, np.ndarray) and x.ndim == 0 else x)
    arr = np.asarray(h)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number) or np.iscomplexobj(arr):
        raise TypeError(f"h must be a positive real number or array of them, got {h!r}")
    steps = arr.astype(np.float64)
    if not np.all(np.isfinite(steps) & (steps > 0)):
        raise ValueError(f"h must be positive and finite, got {h!r}")
    return x, steps


def _shape_like_h(slopes, steps):
    slopes = np.asarray(slopes, dtype=np.float64).reshape(steps.shape)
    return float(slopes) if steps.ndim == 0 else slopes


def minibatch_gradient_variance(per_example_grads, batch_sizes, rng, repeats=100):
    r"""Measure how noisy a minibatch gradient is, for several batch sizes.

    With per-example gradients $g_1, \dots, g_n$ (rows of ``per_example_grads``) and their mean
    $\bar g$ (the full-batch gradient), a minibatch $S$ of $B$ distinct rows drawn at random
    (without replacement, as one shuffled epoch does) gives $g_S = \frac1B \sum_{i \in S} g_i$.
    This returns, for each $B$, the average over ``repeats`` random minibatches of

    $$\|g_S - \bar g\|^2,$$

    an estimate of the total variance $\mathbb{E}\,\|g_S - \bar g\|^2$, whose exact value is
    $\frac{\sigma^2}{B}\,\frac{n - B}{n - 1}$ with $\sigma^2 = \frac1n \sum_i \|g_i - \bar g\|^2$
    (0 at $B = n$). Each repeat shuffles the rows once and takes the first $B$ of them as the
    minibatch of every size $B$; since the deviations $g_i - \bar g$ sum to zero, a minibatch
    larger than $n/2$ is measured through the $n - B$ rows it leaves out (their sum is minus its
    sum), so a repeat reads at most $n/2$ rows whatever the sizes.

    Args:
        per_example_grads: float array ``(n, ...)``, one gradient per example (flattened inside).
        batch_sizes: integers in ``1..n``, e.g. ``[1, 2, 4, 8]``.
        rng: ``numpy.random.Generator`` for the shuffles.
        repeats: number of random minibatches per size (int >= 1).

    Returns:
        float ndarray of the shape of ``batch_sizes``: the measured variances.

    Raises:
        TypeError: non-float gradients, non-integer sizes, ``rng`` not a Generator.
        ValueError: fewer than 2 rows, non-finite gradients, a size outside ``1..n``.
    """
    grads = check_float_array("per_example_grads", per_example_grads)
    if grads.ndim < 1 or len(grads) < 2:
        raise ValueError(
            f"per_example_grads must have at least 2 rows (examples), got shape {grads.shape}"
        )
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, got {rng!r}")
    repeats = check_number("repeats", repeats, low=1, integer=True)
    n = len(grads)
    sizes = np.asarray(batch_sizes)
    if sizes.size == 0 or not np.issubdtype(sizes.dtype, np.integer):
        raise TypeError(f"batch_sizes must be integers, got {batch_sizes!r}")
    if np.any(sizes < 1) or np.any(sizes > n):
        raise ValueError(f"batch_sizes must lie in 1..{n} (the number of rows), got {sizes}")
    centered = grads.reshape(n, -1) - grads.reshape(n, -1).mean(axis=0)
    flat = sizes.reshape(-1)
    kept = np.minimum(flat, n - flat)  # rows summed: B, or the n - B a big minibatch leaves out
    counts = np.unique(kept[kept > 0])
    squared = np.zeros(len(counts))
    for _ in range(repeats if counts.size else 0):
        rows = rng.permutation(n)[: counts[-1]]
        segments = np.add.reduceat(centered[rows], np.concatenate([[0], counts[:-1]]), axis=0)
        squared += np.sum(np.cumsum(segments, axis=0) ** 2, axis=1)  # sum of the first k rows
    by_count = dict(zip(counts.tolist(), (squared / repeats).tolist(), strict=True))
    result = [by_count.get(int(k), 0.0) / int(B) ** 2 for k, B in zip(kept, flat, strict=True)]
    return np.array(result).reshape(sizes.shape)


def minibatch_variance_theory(sigma2, batch_size, n):
    r"""The exact variance of a minibatch gradient of $B$ distinct examples out of $n$:

    $$\mathbb{E}\,\|g_S - \bar g\|^2 = \frac{\sigma^2}{B}\cdot\frac{n - B}{n - 1},$$

    the $1/B$ law times the finite-population factor $(n - B)/(n - 1)$ (0 at $B = n$). At
    $B = 1$ it is $\sigma^2$ itself, so ``sigma2`` may also be a variance measured at $B = 1$.
    :func:`minibatch_gradient_variance` measures what this predicts.

    Args:
        sigma2: $\sigma^2 = \frac1n \sum_i \|g_i - \bar g\|^2 \ge 0$, a number.
        batch_size: $B$, an integer in ``1..n`` or an array of them.
        n: number of examples (int >= 2).

    Returns:
        float, or a float array of the shape of ``batch_size``.

    Raises:
        TypeError: non-integer ``n`` or ``batch_size``.
        ValueError: ``sigma2 < 0``, ``n < 2``, a batch size outside ``1..n``.
    """
    sigma2 = check_number("sigma2", sigma2, low=0.0)
    n = check_number("n", n, low=2, integer=True)
    sizes = np.asarray(batch_size)
    if not np.issubdtype(sizes.dtype, np.integer):
        raise TypeError(f"batch_size must be an integer or integers, got {batch_size!r}")
    if np.any(sizes < 1) or np.any(sizes > n):
        raise ValueError(f"batch_size must lie in 1..{n}, got {batch_size!r}")
    variance = sigma2 / sizes * (n - sizes) / (n - 1)
    return float(variance) if variance.ndim == 0 else variance
