r"""Small data sets for the notebooks: generated ones (deterministic given an ``rng``) and the
shipped 8x8 handwritten digits, plus splitting, minibatching and standardizing.

Every generator takes an explicit ``rng = np.random.default_rng(seed)``; the same seed gives the
same data. Labels are ``int64``; features are ``float64``.
"""

from __future__ import annotations

from importlib import resources

import numpy as np

from helpers._validate import check_float_array, check_number, check_rng

DIGITS_FILE = "digits.npz"
"""Name of the digits archive inside ``helpers/data/`` (format in ``helpers/data/README.md``)."""


def noisy_line(n, rng, slope=2.0, intercept=-1.0, noise=0.5, x_range=(-1.0, 1.0)):
    r"""Points scattered around a straight line: $y = a x + b + \sigma \varepsilon$.

    $x \sim \mathrm{Uniform}(x_\min, x_\max)$ and $\varepsilon \sim \mathcal{N}(0, 1)$, one per
    point, in random (unsorted) order.

    Args:
        n: number of points (int >= 1).
        rng: ``numpy.random.Generator``.
        slope, intercept: $a$ and $b$ of the true line.
        noise: standard deviation $\sigma \ge 0$ of the vertical noise (same units as y).
        x_range: ``(x_min, x_max)`` with ``x_min < x_max``.

    Returns:
        ``(x, y)``, both float arrays of shape ``(n,)``.

    Raises:
        TypeError: ``rng`` is not a Generator, or a number has the wrong type.
        ValueError: ``n < 1``, ``noise < 0``, or a bad ``x_range``.
    """
    return polynomial(n, rng, (intercept, slope), noise=noise, x_range=x_range)


def polynomial(n, rng, coefficients, noise=0.1, x_range=(-1.0, 1.0)):
    r"""Points scattered around a polynomial: $y = \sum_k c_k x^k + \sigma \varepsilon$.

    ``coefficients`` run from the constant term up, ``(c_0, c_1, c_2, ...)`` (the order of
    ``np.polynomial.polynomial``); $x \sim \mathrm{Uniform}(x_\min, x_\max)$,
    $\varepsilon \sim \mathcal{N}(0, 1)$.

    Args:
        n: number of points (int >= 1).
        rng: ``numpy.random.Generator``.
        coefficients: sequence of at least one real number.
        noise: standard deviation $\sigma \ge 0$ of the vertical noise.
        x_range: ``(x_min, x_max)`` with ``x_min < x_max``.

    Returns:
        ``(x, y)``, both float arrays of shape ``(n,)``.

    Raises:
        TypeError, ValueError: as for :func:`noisy_line`; also an empty ``coefficients``.
    """
    n = check_number("n", n, low=1, integer=True)
    rng = check_rng("rng", rng)
    coefficients = _float_array("coefficients", coefficients, ndim=1)
    if coefficients.size == 0:
        raise ValueError("coefficients must hold at least one number, got an empty sequence")
    noise = check_number("noise", noise, low=0.0)
    low, high = _check_range("x_range", x_range)
    x = rng.uniform(low, high, size=n)
    y = np.polynomial.polynomial.polyval(x, coefficients) + noise * rng.standard_normal(n)
    return x, y


def two_moons(n, rng, noise=0.1):
    r"""Two interleaving half circles, a classic not-linearly-separable classification set.

    Class 0: $(\cos t, \sin t)$; class 1: $(1 - \cos t, \tfrac12 - \sin t)$, with
    $t \sim \mathrm{Uniform}(0, \pi)$, plus $\mathcal{N}(0, \sigma^2)$ noise on both coordinates.
    Class 0 gets ``n // 2`` points, class 1 the rest; the rows come in random order.

    Args:
        n: number of points (int >= 2).
        rng: ``numpy.random.Generator``.
        noise: standard deviation $\sigma \ge 0$ of the Gaussian noise.

    Returns:
        ``(X, y)``: ``X`` float ``(n, 2)``, ``y`` int64 ``(n,)`` with values 0 and 1.

    Raises:
        TypeError: ``rng`` is not a Generator, or a number has the wrong type.
        ValueError: ``n < 2`` or ``noise < 0``.
    """
    n = check_number("n", n, low=2, integer=True)
    rng = check_rng("rng", rng)
    noise = check_number("noise", noise, low=0.0)
    y = np.repeat(np.array([0, 1], dtype=np.int64), [n // 2, n - n // 2])
    t = rng.uniform(0.0, np.pi, size=n)
    outer = np.column_stack([np.cos(t), np.sin(t)])
    inner = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 0, outer, inner) + noise * rng.standard_normal((n, 2))
    order = rng.permutation(n)
    return X[order], y[order]


def blobs(n, rng, centers=((-1.0, -1.0), (1.0, 1.0)), std=0.5):
    r"""Gaussian clouds, one class per center: $x = \mu_{y} + \sigma \varepsilon$.

    The ``k`` classes are as balanced as possible (sizes differ by at most one) and the rows come
    in random order.

    Args:
        n: number of points (int >= number of centers).
        rng: ``numpy.random.Generator``.
        centers: ``(k, d)`` array-like of class centers $\mu_0, \dots, \mu_{k-1}$, ``k >= 1``.
        std: standard deviation $\sigma \ge 0$ of each cloud, a number or one per center ``(k,)``.

    Returns:
        ``(X, y)``: ``X`` float ``(n, d)``, ``y`` int64 ``(n,)`` with values ``0 .. k-1``.

    Raises:
        TypeError: ``rng`` is not a Generator, or non-numeric ``centers``/``std``.
        ValueError: ``n < k``, ``centers`` not 2-D, or a negative/misshaped ``std``.
    """
    rng = check_rng("rng", rng)
    centers = _float_array("centers", centers, ndim=2)
    k, d = centers.shape
    if k == 0 or d == 0:
        raise ValueError(f"centers must have shape (k, d) with k, d >= 1, got {centers.shape}")
    n = check_number("n", n, low=k, integer=True)
    std = _float_array("std", std)
    if std.shape not in ((), (k,)) or np.any(std < 0):
        raise ValueError(f"std must be a number >= 0 or {k} of them (one per center), got {std}")
    y = rng.permutation(np.arange(n, dtype=np.int64) % k)
    X = centers[y] + np.broadcast_to(std, (k,))[y, None] * rng.standard_normal((n, d))
    return X, y


def sparse_features(
    n, rng, n_features=20, rare_fraction=0.02, n_rare=5, rare_weight=4.0, noise=0.5
):
    r"""Binary classification where a few very informative features are non-zero only rarely.

    The case Adagrad was made for (think of rare but telling words in a text). Generating process,
    for each of the ``n`` samples independently:

    - the first ``n_features - n_rare`` features are **dense**: $x_j \sim \mathcal{N}(0, 1)$,
      non-zero in every sample;
    - the last ``n_rare`` features are **rare**: $x_j = 1$ with probability ``rare_fraction``,
      otherwise $0$ (so a rare feature is seen in about ``rare_fraction * n`` samples);
    - the true weights are $w_j = \pm 1/\sqrt{n_\text{dense}}$ on the dense features and
      $w_j = \pm$ ``rare_weight`` on the rare ones, signs alternating $+, -, +, \dots$ within each
      group, so a rare feature, when present, nearly decides the class;
    - the label is $y = [\, w^\top x + \sigma \varepsilon > 0 \,]$ with
      $\varepsilon \sim \mathcal{N}(0, 1)$.

    Args:
        n: number of samples (int >= 1).
        rng: ``numpy.random.Generator``.
        n_features: total number of features (int >= 2).
        rare_fraction: probability that a rare feature is non-zero, in (0, 1); e.g. 0.01–0.05.
        n_rare: number of rare features, ``1 <= n_rare < n_features``.
        rare_weight: size of the true weight on each rare feature (> 0).
        noise: standard deviation $\sigma \ge 0$ of the label noise.

    Returns:
        ``(X, y, rare)``: ``X`` float ``(n, n_features)``; ``y`` int64 ``(n,)`` of 0/1;
        ``rare`` int64 ``(n_rare,)``, the column indices of the rare features (the last
        ``n_rare`` columns), so ``X[:, rare]`` are the rare features.

    Raises:
        TypeError: ``rng`` is not a Generator, or a number has the wrong type.
        ValueError: any argument out of the ranges above.
    """
    n = check_number("n", n, low=1, integer=True)
    rng = check_rng("rng", rng)
    n_features = check_number("n_features", n_features, low=2, integer=True)
    rare_fraction = check_number(
        "rare_fraction", rare_fraction, low=0, high=1, low_open=True, high_open=True
    )
    n_rare = check_number("n_rare", n_rare, low=1, high=n_features - 1, integer=True)
    rare_weight = check_number("rare_weight", rare_weight, low=0.0, low_open=True)
    noise = check_number("noise", noise, low=0.0)
    n_dense = n_features - n_rare
    weights = np.concatenate(
        [_alternating_signs(n_dense) / np.sqrt(n_dense), rare_weight * _alternating_signs(n_rare)]
    )
    dense = rng.standard_normal((n, n_dense))
    rare_values = (rng.random((n, n_rare)) < rare_fraction).astype(float)
    X = np.hstack([dense, rare_values])
    y = (X @ weights + noise * rng.standard_normal(n) > 0).astype(np.int64)
    return X, y, np.arange(n_dense, n_features, dtype=np.int64)


def sparse_regression(
    n, rng, n_features=20, rare_fraction=0.02, n_rare=5, rare_weight=4.0, noise=0.5
):
    r"""Linear regression where a few strong features are non-zero only rarely.

    The features are exactly those of :func:`sparse_features` called with the same arguments and
    the same ``rng`` state: dense $x_j \sim \mathcal{N}(0, 1)$ in every sample, and ``n_rare``
    rare $x_j \in \{0, 1\}$ that are 1 with probability ``rare_fraction``. The target is linear,

    $$y = X w^\star + \sigma \varepsilon, \qquad \varepsilon \sim \mathcal{N}(0, 1),$$

    with $w^\star_j = \pm 1/\sqrt{n_\text{dense}}$ on the dense features and $w^\star_j = \pm$
    ``rare_weight`` on the rare ones (signs alternating $+, -, +, \dots$ within each group), so a
    rare feature moves $y$ a lot in the few samples where it is present. Unlike the labels of
    :func:`sparse_features`, this target gives a mean-squared-error problem whose best weights
    have a formula (least squares), to measure how far an optimizer still is from them.

    Args:
        n, rng, n_features, rare_fraction, n_rare, rare_weight: as for :func:`sparse_features`.
        noise: standard deviation $\sigma \ge 0$ of the noise on ``y`` (and, inside
            :func:`sparse_features`, of its unused label noise).

    Returns:
        ``(X, y, rare, w_true)``: ``X`` float ``(n, n_features)``; ``y`` float ``(n,)``; ``rare``
        int64 ``(n_rare,)``, the column indices of the rare features (the last ``n_rare``);
        ``w_true`` float ``(n_features,)``, the weights $w^\star$ that made ``y``.

    Raises:
        TypeError, ValueError: as :func:`sparse_features`.
    """
    X, _, rare = sparse_features(n, rng, n_features, rare_fraction, n_rare, rare_weight, noise)
    n_dense, n_rare = X.shape[1] - len(rare), len(rare)
    w_true = np.concatenate(
        [_alternating_signs(n_dense) / np.sqrt(n_dense), rare_weight * _alternating_signs(n_rare)]
    )
    y = X @ w_true + noise * rng.standard_normal(len(X))
    return X, y, rare, w_true


def load_digits():
    r"""The 1,797 8x8 handwritten digits shipped with the package (UCI, CC BY 4.0).

    Pixels are scaled from counts 0..16 to $x = \text{count} / 16 \in [0, 1]$; row ``i`` is an
    8x8 image flattened row by row (``X[i].reshape(8, 8)`` to draw it). Source and licence:
    ``helpers/data/LICENSE-digits.txt``. Reads the file each call (about 1 ms), so the arrays are
    yours to modify.

    Returns:
        ``(X, y)``: ``X`` float64 ``(1797, 64)`` in [0, 1], ``y`` int64 ``(1797,)`` digits 0..9.
    """
    path = resources.files("helpers") / "data" / DIGITS_FILE
    with path.open("rb") as file, np.load(file, allow_pickle=False) as archive:
        images, labels = archive["images"], archive["labels"]
    return images.astype(np.float64) / 16.0, labels.astype(np.int64)


def train_val_split(X, y, rng, val_fraction=0.2):
    r"""Shuffle the rows and split them into a training and a validation part.

    The validation part gets $\mathrm{round}(f \cdot n)$ rows (at least one, and at least one row
    is left for training).

    Args:
        X: array ``(n, ...)`` of features; y: array ``(n, ...)`` of targets.
        rng: ``numpy.random.Generator``.
        val_fraction: fraction $f$ of rows for validation, in (0, 1).

    Returns:
        ``(X_train, X_val, y_train, y_val)`` (the order of scikit-learn's ``train_test_split``).

    Raises:
        TypeError: ``rng`` is not a Generator.
        ValueError: ``X`` and ``y`` differ in length, fewer than 2 rows, or a bad ``val_fraction``.
    """
    X, y = _check_xy(X, y)
    rng = check_rng("rng", rng)
    val_fraction = check_number(
        "val_fraction", val_fraction, low=0, high=1, low_open=True, high_open=True
    )
    n = len(X)
    if n < 2:
        raise ValueError(f"X must have at least 2 rows to split, got {n}")
    n_val = min(max(round(val_fraction * n), 1), n - 1)
    order = rng.permutation(n)
    val, train = order[:n_val], order[n_val:]
    return X[train], X[val], y[train], y[val]


def minibatches(X, y, batch_size, rng=None, shuffle=True):
    r"""Iterate over ``(X_batch, y_batch)`` pairs that together cover every row once (one epoch).

    With ``shuffle`` the rows are visited in the order of ``rng.permutation(n)``; otherwise in
    order. There are $\lceil n / B \rceil$ batches; the last one is smaller when $B$ does not divide
    $n$ (it is kept, not dropped). Call again for the next epoch (a new shuffle).

    Args:
        X: array ``(n, ...)``; y: array ``(n, ...)``.
        batch_size: $B$, int >= 1 (a value above ``n`` gives one batch).
        rng: ``numpy.random.Generator``, required when ``shuffle`` is true.
        shuffle: visit the rows in random order.

    Returns:
        A generator of ``(X_batch, y_batch)``. The arguments are checked when you call
        ``minibatches``, not later when you first iterate.

    Raises:
        TypeError: ``shuffle`` without a Generator ``rng``; non-integer ``batch_size``.
        ValueError: ``X`` and ``y`` differ in length; ``batch_size < 1``.
    """
    X, y = _check_xy(X, y)
    batch_size = check_number("batch_size", batch_size, low=1, integer=True)
    if shuffle and not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator such as np.random.default_rng(0) when "
            f"shuffle=True (or pass shuffle=False), got {rng!r}"
        )
    order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
    return _batches(X, y, order, batch_size)


def _batches(X, y, order, batch_size):
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        yield X[rows], y[rows]


def standardize(X, mean=None, std=None):
    r"""Shift and scale each feature (column) to mean 0 and standard deviation 1.

    $x' = (x - \mu) / s$ with $\mu$ and $s$ the column means and standard deviations of ``X``,
    or the ``mean``/``std`` you pass (compute them on the training set, reuse them on validation
    data). A constant column has $s = 0$; its ``std`` is reported as 1 so it is only centered
    (the digits' always-blank border pixels are such columns).

    Args:
        X: float array ``(n,)`` or ``(n, d)``.
        mean, std: both ``None``, or both float arrays of shape ``X.shape[1:]`` (``std > 0``).

    Returns:
        ``(X_standardized, mean, std)``.

    Raises:
        TypeError: non-float ``X``/``mean``/``std``.
        ValueError: empty ``X``; only one of ``mean``/``std`` given; wrong shapes; ``std <= 0``.
    """
    X = check_float_array("X", X)
    if X.ndim not in (1, 2) or len(X) == 0:
        raise ValueError(f"X must have shape (n,) or (n, d) with n >= 1, got {X.shape}")
    if (mean is None) != (std is None):
        raise ValueError("pass both mean and std (e.g. from the training set) or neither")
    if mean is None:
        mean, std = X.mean(axis=0), X.std(axis=0)
        std = np.where(std > 0, std, 1.0)
    else:
        mean = check_float_array("mean", mean, shape=X.shape[1:])
        std = check_float_array("std", std, shape=X.shape[1:])
        if np.any(std <= 0):
            raise ValueError(f"std must be > 0 everywhere, got {std}")
    return (X - mean) / std, mean, std


def _check_xy(X, y):
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"X and y must be arrays with one row per sample, got shapes {X.shape} and {y.shape}"
        )
    if len(X) != len(y):
        raise ValueError(
            f"X and y must have the same number of rows, got len(X)={len(X)} and len(y)={len(y)}"
        )
    return X, y


def _check_range(name, value):
    if not isinstance(value, (tuple, list, np.ndarray)) or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high) of numbers, got {value!r}")
    low, high = (check_number(f"{name}[{i}]", v) for i, v in enumerate(value))
    if not low < high:
        raise ValueError(f"{name} must have low < high, got {value!r}")
    return low, high


def _float_array(name, value, ndim=None):
    """Like check_float_array, but integers such as centers=((0, 0), (3, 3)) are welcome."""
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of real numbers, got {value!r}") from exc
    return check_float_array(name, value, ndim=ndim)


def _alternating_signs(size):
    return np.where(np.arange(size) % 2 == 0, 1.0, -1.0)
