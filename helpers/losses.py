r"""Loss functions and their gradients with respect to the prediction.

Every loss is a **mean** over its entries (for ``(n,)`` predictions: over the n samples; like
torch's ``reduction="mean"``, a regression loss on ``(n, k)`` predictions averages over all
$n k$ entries). Each ``name(pred, target)`` returns a float and ``name_grad(pred, target)``
returns $\partial L / \partial \text{pred}$ with the shape of ``pred``.

Predictions/logits must be float arrays (an integer prediction is almost always a bug) and must
have exactly the shape of the target: no broadcasting, because ``(n, 1) - (n,)`` silently
becomes an ``(n, n)`` matrix. Non-finite predictions are allowed and give a non-finite loss, so a
diverging run can notice and stop. Targets may be integer arrays (labels, counts).
"""

from __future__ import annotations

import numpy as np

from helpers._validate import check_float_array, check_number


def sigmoid(z):
    r"""Logistic function $\sigma(z) = \dfrac{1}{1 + e^{-z}}$, elementwise and overflow-free.

    Computed as $1/(1+e^{-|z|})$ or $e^{-|z|}/(1+e^{-|z|})$ so ``exp`` never overflows.
    ``z``: real number or array (integers are converted to float). Returns an array of its shape.
    """
    z = _as_float("z", z)
    small = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def softmax(z, axis=-1):
    r"""Softmax along ``axis``: $\mathrm{softmax}(z)_j = e^{z_j - m} / \sum_i e^{z_i - m}$.

    Subtracting $m = \max_i z_i$ changes nothing mathematically and keeps ``exp`` from
    overflowing. ``z``: array of logits, e.g. ``(n, k)``. Each slice along ``axis`` sums to 1.
    """
    z = _as_float("z", z)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    r"""Log of the softmax along ``axis``, stably: $z_j - m - \log \sum_i e^{z_i - m}$."""
    z = _as_float("z", z)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def mse(pred, target):
    r"""Mean squared error $L = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$ (float).

    ``pred``: float array; ``target``: real array of the same shape. Raises TypeError/ValueError
    for integer ``pred``, mismatched shapes or empty input.
    """
    pred, target = _check_pair(pred, target)
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.mean((pred - target) ** 2))


def mse_grad(pred, target):
    r"""Gradient of :func:`mse`: $\partial L / \partial \hat y_i = \frac{2}{N}(\hat y_i - y_i)$."""
    pred, target = _check_pair(pred, target)
    with np.errstate(over="ignore", invalid="ignore"):
        return 2.0 * (pred - target) / pred.size


def mae(pred, target):
    r"""Mean absolute error $L = \frac{1}{N}\sum_i |\hat y_i - y_i|$ (float)."""
    pred, target = _check_pair(pred, target)
    with np.errstate(invalid="ignore"):
        return float(np.mean(np.abs(pred - target)))


def mae_grad(pred, target):
    r"""(Sub)gradient of :func:`mae`: $\frac{1}{N}\mathrm{sign}(\hat y_i - y_i)$, 0 where equal."""
    pred, target = _check_pair(pred, target)
    with np.errstate(invalid="ignore"):
        return np.sign(pred - target) / pred.size


def huber(pred, target, delta=1.0):
    r"""Huber loss (torch's ``HuberLoss``): quadratic near 0, linear beyond ``delta``.

    $$L = \frac{1}{N}\sum_i \begin{cases} \tfrac12 r_i^2 & |r_i| \le \delta \\
    \delta\,(|r_i| - \tfrac12\delta) & |r_i| > \delta \end{cases}, \quad r_i = \hat y_i - y_i.$$

    Raises ValueError if ``delta`` is not positive (plus the checks of :func:`mse`).
    """
    pred, target = _check_pair(pred, target)
    delta = check_number("delta", delta, low=0.0, low_open=True)
    with np.errstate(over="ignore", invalid="ignore"):
        abs_residual = np.abs(pred - target)
        per_entry = np.where(
            abs_residual <= delta, 0.5 * abs_residual**2, delta * (abs_residual - 0.5 * delta)
        )
        return float(np.mean(per_entry))


def huber_grad(pred, target, delta=1.0):
    r"""Gradient of :func:`huber`: $\frac{1}{N}\,\mathrm{clip}(r_i, -\delta, \delta)$."""
    pred, target = _check_pair(pred, target)
    delta = check_number("delta", delta, low=0.0, low_open=True)
    with np.errstate(invalid="ignore"):
        return np.clip(pred - target, -delta, delta) / pred.size


def binary_cross_entropy_with_logits(logits, labels):
    r"""Binary cross-entropy from logits $z$ (not probabilities), computed stably.

    $$L = \frac{1}{N}\sum_i -\big[y_i \log\sigma(z_i) + (1-y_i)\log(1-\sigma(z_i))\big]
       = \frac{1}{N}\sum_i \big[\max(z_i, 0) - z_i y_i + \log(1 + e^{-|z_i|})\big]$$

    The right-hand form never overflows and never takes $\log 0$, even for $|z| = 1000$.

    Args:
        logits: float array, any shape.
        labels: array of the same shape with values in [0, 1] (0/1 integers are fine).

    Raises:
        TypeError: integer ``logits``. ValueError: shape mismatch, labels outside [0, 1].
    """
    logits, labels = _check_pair(logits, labels, names=("logits", "labels"))
    _check_labels_in_unit_interval(labels)
    with np.errstate(over="ignore", invalid="ignore"):
        per_sample = np.maximum(logits, 0) - logits * labels + np.log1p(np.exp(-np.abs(logits)))
        return float(np.mean(per_sample))


def binary_cross_entropy_with_logits_grad(logits, labels):
    r"""Gradient of :func:`binary_cross_entropy_with_logits`: $\frac{1}{N}(\sigma(z_i) - y_i)$."""
    logits, labels = _check_pair(logits, labels, names=("logits", "labels"))
    _check_labels_in_unit_interval(labels)
    with np.errstate(invalid="ignore"):
        return (sigmoid(logits) - labels) / logits.size


def softmax_cross_entropy(logits, labels):
    r"""Softmax cross-entropy from logits and integer class labels, computed stably.

    $$L = \frac{1}{n}\sum_i \Big[\log \sum_j e^{z_{ij}} - z_{i, y_i}\Big]
       = -\frac{1}{n}\sum_i \log \mathrm{softmax}(z_i)_{y_i}$$

    Args:
        logits: float array ``(n, k)``, one row of class scores per sample.
        labels: integer array ``(n,)`` with values in ``0 .. k-1``.

    Raises:
        TypeError: integer ``logits`` or non-integer ``labels``.
        ValueError: wrong shapes, or a label outside ``0 .. k-1`` (the message names it).
    """
    logits, labels = _check_logits_and_classes(logits, labels)
    with np.errstate(over="ignore", invalid="ignore"):
        log_probs = log_softmax(logits)
        return float(-np.mean(log_probs[np.arange(labels.size), labels]))


def softmax_cross_entropy_grad(logits, labels):
    r"""Gradient of :func:`softmax_cross_entropy` with respect to the logits.

    $$\frac{\partial L}{\partial z_i} = \frac{1}{n}\big(\mathrm{softmax}(z_i)
      - \mathrm{onehot}(y_i)\big)$$

    Returns an array ``(n, k)`` like ``logits``.
    """
    logits, labels = _check_logits_and_classes(logits, labels)
    with np.errstate(over="ignore", invalid="ignore"):
        grad = softmax(logits)
    grad[np.arange(labels.size), labels] -= 1.0
    return grad / labels.size


def _as_float(name, z):
    arr = np.asarray(z)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number) or np.iscomplexobj(arr):
        raise TypeError(f"{name} must be real numbers, got {z!r}")
    return arr.astype(np.float64) if not np.issubdtype(arr.dtype, np.floating) else arr


def _check_pair(pred, target, names=("pred", "target")):
    pred = check_float_array(names[0], pred, finite=False)
    target = _as_float(names[1], target)
    if pred.shape != target.shape:
        raise ValueError(
            f"{names[0]} shape {pred.shape} and {names[1]} shape {target.shape} must match "
            "(no broadcasting; reshape one of them)"
        )
    if pred.size == 0:
        raise ValueError(f"{names[0]} must not be empty, got shape {pred.shape}")
    return pred, check_float_array(names[1], target)


def _check_labels_in_unit_interval(labels):
    outside = (labels < 0) | (labels > 1)
    if np.any(outside):
        raise ValueError(f"labels must be in [0, 1], got {float(labels[outside].flat[0])!r}")


def _check_logits_and_classes(logits, labels):
    logits = check_float_array("logits", logits, ndim=2, finite=False)
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(
            f"labels must be integer class indices, got dtype {labels.dtype} "
            "(use labels.astype(int))"
        )
    if labels.shape != logits.shape[:1]:
        raise ValueError(
            f"labels shape {labels.shape} must be (n,) with n = logits.shape[0]; "
            f"logits shape is {logits.shape}"
        )
    if labels.size == 0:
        raise ValueError(f"logits must not be empty, got shape {logits.shape}")
    bad = (labels < 0) | (labels >= logits.shape[1])
    if np.any(bad):
        raise ValueError(
            f"labels must be class indices in 0..{logits.shape[1] - 1}, got label "
            f"{int(labels[bad][0])} at index {int(np.flatnonzero(bad)[0])}"
        )
    return logits, labels
