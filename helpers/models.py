r"""Small models with forward and backward passes written out in numpy.

A model is a frozen configuration (sizes, activation); its parameters are a plain list of float
arrays that the optimizers update: ``loss, grads = model.loss_and_grad(params, X, y)`` returns the
gradients in the same order as ``params``. Weights have shape ``(fan_in, fan_out)`` and a layer
computes ``X @ W + b``. Inputs ``X`` are float arrays ``(n, n_features)`` (one row per sample;
reshape a 1-D feature with ``x[:, None]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from helpers import initializers, losses
from helpers._validate import check_choice, check_float_array, check_number, check_rng


class Activation(NamedTuple):
    """An activation function and its derivative, both taking the pre-activation ``z``."""

    fn: object
    grad: object


def relu(z):
    r"""Rectified linear unit $\max(z, 0)$."""
    return np.maximum(z, 0.0)


def relu_grad(z):
    r"""$\mathrm{relu}'(z) = 1$ for $z > 0$, else 0 (0 at the kink, like torch)."""
    return (z > 0).astype(np.float64)


def tanh(z):
    r"""Hyperbolic tangent $\tanh z$."""
    return np.tanh(z)


def tanh_grad(z):
    r"""$\tanh'(z) = 1 - \tanh^2 z$."""
    return 1.0 - np.tanh(z) ** 2


def sigmoid(z):
    r"""Logistic sigmoid $\sigma(z) = 1 / (1 + e^{-z})$ (overflow-free, see ``losses.sigmoid``)."""
    return losses.sigmoid(z)


def sigmoid_grad(z):
    r"""$\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$ (at most 1/4: deep sigmoid stacks vanish)."""
    s = losses.sigmoid(z)
    return s * (1.0 - s)


ACTIVATIONS = {
    "relu": Activation(relu, relu_grad),
    "tanh": Activation(tanh, tanh_grad),
    "sigmoid": Activation(sigmoid, sigmoid_grad),
}
"""Name -> ``Activation(fn, grad)``; both map a pre-activation array to an array of its shape."""


@dataclass(frozen=True)
class LinearRegression:
    r"""Linear regression $\hat y = X w + b$ trained with the mean squared error.

    Params: ``[w (n_features,), b (1,)]``.
    """

    n_features: int

    def __post_init__(self):
        check_number("n_features", self.n_features, low=1, integer=True)

    def init(self, rng=None, std=0.01):
        """Zeros when ``rng`` is None, else $w \\sim \\mathcal{N}(0, \\text{std}^2)$ and $b = 0$."""
        if rng is None:
            return [np.zeros(self.n_features), np.zeros(1)]
        return [initializers.normal((self.n_features,), rng, std=std), np.zeros(1)]

    def predict(self, params, X):
        r"""Predictions $\hat y = X w + b$, shape ``(n,)``."""
        w, b = _check_params(params, [(self.n_features,), (1,)])
        return _check_X(X, self.n_features) @ w + b[0]

    def loss_and_grad(self, params, X, y):
        r"""MSE and its gradient: with $g = \frac{2}{n}(\hat y - y)$, $\nabla_w = X^\top g$,
        $\nabla_b = \sum_i g_i$. Returns ``(loss, [grad_w, grad_b])``."""
        X = _check_X(X, self.n_features)
        y = _check_targets(y, X.shape[0])
        pred = self.predict(params, X)
        grad_pred = losses.mse_grad(pred, y)
        return losses.mse(pred, y), [X.T @ grad_pred, np.array([grad_pred.sum()])]

    def solve(self, X, y):
        r"""Closed-form least-squares params $\arg\min_{w, b} \|X w + b - y\|^2$ (via lstsq)."""
        X = _check_X(X, self.n_features)
        y = _check_targets(y, X.shape[0])
        design = np.hstack([X, np.ones((X.shape[0], 1))])
        solution = np.linalg.lstsq(design, y, rcond=None)[0]
        return [solution[:-1], solution[-1:]]


@dataclass(frozen=True)
class LogisticRegression:
    r"""Logistic regression $p(y = 1 \mid x) = \sigma(x^\top w + b)$, binary cross-entropy loss.

    Params: ``[w (n_features,), b (1,)]``; labels 0/1 (or probabilities in [0, 1]).
    """

    n_features: int

    def __post_init__(self):
        check_number("n_features", self.n_features, low=1, integer=True)

    def init(self, rng=None, std=0.01):
        """Zeros when ``rng`` is None, else $w \\sim \\mathcal{N}(0, \\text{std}^2)$ and $b = 0$."""
        return LinearRegression(self.n_features).init(rng, std)

    def logits(self, params, X):
        r"""Logits $z = X w + b$, shape ``(n,)``."""
        return LinearRegression(self.n_features).predict(params, X)

    def predict_proba(self, params, X):
        r"""Probabilities $\sigma(z)$ of class 1, shape ``(n,)``."""
        return losses.sigmoid(self.logits(params, X))

    def predict(self, params, X):
        """Class labels 0/1 (int array ``(n,)``): 1 where $z > 0$."""
        return (self.logits(params, X) > 0).astype(int)

    def loss_and_grad(self, params, X, y):
        r"""BCE from logits and its gradient: $g = \frac{1}{n}(\sigma(z) - y)$, $\nabla_w = X^\top
        g$, $\nabla_b = \sum_i g_i$. Returns ``(loss, [grad_w, grad_b])``."""
        X = _check_X(X, self.n_features)
        y = _check_targets(y, X.shape[0])
        logits = self.logits(params, X)
        grad_logits = losses.binary_cross_entropy_with_logits_grad(logits, y)
        loss = losses.binary_cross_entropy_with_logits(logits, y)
        return loss, [X.T @ grad_logits, np.array([grad_logits.sum()])]

    def accuracy(self, params, X, y):
        """Fraction of samples whose predicted label equals ``y`` (0/1 labels)."""
        return float(np.mean(self.predict(params, X) == _check_targets(y, np.shape(X)[0])))


class MLPCache(NamedTuple):
    """What the forward pass keeps for the backward pass (and for plots).

    ``activations[l]`` is the input of layer ``l`` (``activations[0]`` is ``X``, then the hidden
    activations); ``preactivations[l] = activations[l] @ W_l + b_l``; the last one is the output.
    """

    activations: list
    preactivations: list


@dataclass(frozen=True)
class MLP:
    r"""Multi-layer perceptron: $h_0 = X$, $z_l = h_{l-1} W_l + b_l$, $h_l = \phi(z_l)$.

    The last layer has no activation: its $z_L$ is the output of :meth:`forward` (values for
    ``output="linear"``, logits for ``"sigmoid"`` and ``"softmax"``). The loss follows the
    output: linear -> MSE, sigmoid -> binary cross-entropy (``sizes[-1] == 1``, labels 0/1),
    softmax -> softmax cross-entropy (``sizes[-1] >= 2``, integer labels).

    Params: ``[W1 (sizes[0], sizes[1]), b1 (sizes[1],), W2, b2, ...]``.
    """

    sizes: tuple = (2, 16, 1)
    activation: str = "relu"
    output: str = "linear"

    def __post_init__(self):
        if not isinstance(self.sizes, tuple | list) or len(self.sizes) < 2:
            raise ValueError(f"sizes must be a tuple of at least 2 layer sizes, got {self.sizes!r}")
        for i, size in enumerate(self.sizes):
            check_number(f"sizes[{i}]", size, low=1, integer=True)
        object.__setattr__(self, "sizes", tuple(int(s) for s in self.sizes))
        check_choice("activation", self.activation, list(ACTIVATIONS))
        check_choice("output", self.output, ["linear", "sigmoid", "softmax"])
        if self.output == "sigmoid" and self.sizes[-1] != 1:
            raise ValueError(f"output='sigmoid' needs sizes[-1] == 1, got sizes={self.sizes}")
        if self.output == "softmax" and self.sizes[-1] < 2:
            raise ValueError(f"output='softmax' needs sizes[-1] >= 2, got sizes={self.sizes}")

    @property
    def n_layers(self):
        """Number of weight layers (``len(sizes) - 1``)."""
        return len(self.sizes) - 1

    @property
    def param_shapes(self):
        """Shapes of ``[W1, b1, W2, b2, ...]``."""
        pairs = zip(self.sizes[:-1], self.sizes[1:], strict=True)
        return [shape for fan_in, fan_out in pairs for shape in ((fan_in, fan_out), (fan_out,))]

    def init(self, rng, initializer="he", scale=None):
        """Weights from ``initializers.initialize(initializer, (fan_in, fan_out), rng, scale)``,
        biases zero. ``initializer`` e.g. ``"he"``, ``"xavier"``, ``"normal"`` (``scale`` = std),
        ``"zeros"``, ``"constant"`` (``scale`` = value)."""
        if initializer not in ("zeros", "constant"):
            check_rng("rng", rng)
        params = []
        for weight_shape, bias_shape in zip(*[iter(self.param_shapes)] * 2, strict=True):
            params.append(initializers.initialize(initializer, weight_shape, rng, scale))
            params.append(np.zeros(bias_shape))
        return params

    def forward(self, params, X):
        """Run the layers; return ``(output (n, sizes[-1]), MLPCache)``."""
        params = _check_params(params, self.param_shapes)
        X = _check_X(X, self.sizes[0])
        phi = ACTIVATIONS[self.activation].fn
        activations, preactivations = [X], []
        with np.errstate(over="ignore", invalid="ignore"):
            for layer in range(self.n_layers):
                W, b = params[2 * layer], params[2 * layer + 1]
                z = activations[-1] @ W + b
                preactivations.append(z)
                if layer < self.n_layers - 1:
                    activations.append(phi(z))
        return preactivations[-1], MLPCache(activations, preactivations)

    def backward(self, params, cache, grad_output):
        r"""Backpropagate $\partial L / \partial z_L$ (``grad_output``, shape of the output).

        For $l = L, \dots, 1$: $\nabla W_l = h_{l-1}^\top \delta_l$, $\nabla b_l = \sum_i
        \delta_{l,i}$, and $\delta_{l-1} = (\delta_l W_l^\top) \odot \phi'(z_{l-1})$.
        Returns ``[grad_W1, grad_b1, ...]`` in the order of ``params``.
        """
        params = _check_params(params, self.param_shapes)
        phi_grad = ACTIVATIONS[self.activation].grad
        delta = check_float_array(
            "grad_output", grad_output, shape=cache.preactivations[-1].shape, finite=False
        )
        grads = [None] * len(params)
        with np.errstate(over="ignore", invalid="ignore"):
            for layer in reversed(range(self.n_layers)):
                grads[2 * layer] = cache.activations[layer].T @ delta
                grads[2 * layer + 1] = delta.sum(axis=0)
                if layer > 0:
                    W = params[2 * layer]
                    delta = (delta @ W.T) * phi_grad(cache.preactivations[layer - 1])
        return grads

    def predict_proba(self, params, X):
        """Class probabilities: ``(n,)`` for sigmoid output, ``(n, k)`` for softmax output."""
        output, _ = self.forward(params, X)
        if self.output == "sigmoid":
            return losses.sigmoid(output[:, 0])
        if self.output == "softmax":
            return losses.softmax(output)
        raise ValueError("predict_proba needs output='sigmoid' or 'softmax', got 'linear'")

    def predict(self, params, X):
        """Linear output: values ``(n,)`` (or ``(n, k)``); classifiers: int labels ``(n,)``."""
        output, _ = self.forward(params, X)
        if self.output == "linear":
            return output[:, 0] if self.sizes[-1] == 1 else output
        if self.output == "sigmoid":
            return (output[:, 0] > 0).astype(int)
        return np.argmax(output, axis=1)

    def loss_and_grad(self, params, X, y):
        """Loss (by ``output``) and gradients ``[grad_W1, grad_b1, ...]``.

        ``y``: linear -> floats ``(n,)`` if ``sizes[-1] == 1`` else ``(n, sizes[-1])``;
        sigmoid -> labels in [0, 1] ``(n,)``; softmax -> int labels ``(n,)`` in ``0..k-1``.
        """
        output, cache = self.forward(params, X)
        y = self._check_y(y, output.shape[0])
        loss_fn, grad_fn = {
            "linear": (losses.mse, losses.mse_grad),
            "sigmoid": (
                losses.binary_cross_entropy_with_logits,
                losses.binary_cross_entropy_with_logits_grad,
            ),
            "softmax": (losses.softmax_cross_entropy, losses.softmax_cross_entropy_grad),
        }[self.output]
        pred = output[:, 0] if self.output != "softmax" and y.ndim == 1 else output
        grad_output = grad_fn(pred, y).reshape(output.shape)
        return loss_fn(pred, y), self.backward(params, cache, grad_output)

    def accuracy(self, params, X, y):
        """Fraction of correctly classified samples (classifiers only)."""
        if self.output == "linear":
            raise ValueError("accuracy needs output='sigmoid' or 'softmax', got 'linear'")
        y = self._check_y(y, np.shape(X)[0])
        return float(np.mean(self.predict(params, X) == y))

    def hidden_activations(self, params, X):
        """Hidden-layer activations ``[h_1 (n, sizes[1]), ...]`` (for activation histograms)."""
        _, cache = self.forward(params, X)
        return cache.activations[1:]

    @staticmethod
    def layer_grad_norms(grads):
        r"""Frobenius norm $\|\nabla W_l\|$ of each layer's weight gradient, ndarray ``(L,)``."""
        return np.array([np.linalg.norm(grad) for grad in grads[0::2]])

    def _check_y(self, y, n):
        if self.output == "softmax":
            y = np.asarray(y)
            if not np.issubdtype(y.dtype, np.integer):
                raise TypeError(f"y must be integer class labels, got dtype {y.dtype}")
            if y.shape != (n,):
                raise ValueError(f"y must have shape ({n},) to match X, got {y.shape}")
            return y
        if self.output == "linear" and self.sizes[-1] > 1:
            return _check_targets(y, n, shape=(n, self.sizes[-1]))
        return _check_targets(y, n)


def _check_X(X, n_features):
    X = check_float_array("X", X)
    if X.ndim != 2 or X.shape[1] != n_features:
        hint = " (reshape a single feature with x[:, None])" if X.ndim == 1 else ""
        raise ValueError(f"X must have shape (n, {n_features}), got {X.shape}{hint}")
    return X


def _check_targets(y, n, shape=None):
    y = np.asarray(y)
    if y.dtype == bool or not np.issubdtype(y.dtype, np.number) or np.iscomplexobj(y):
        raise TypeError(f"y must be real numbers, got dtype {y.dtype}")
    shape = (n,) if shape is None else shape
    if y.shape != shape:
        raise ValueError(f"y must have shape {shape} to match X, got {y.shape}")
    return check_float_array("y", y.astype(np.float64))


def _check_params(params, shapes):
    if not isinstance(params, list | tuple) or len(params) != len(shapes):
        got = f"{len(params)} arrays" if isinstance(params, list | tuple) else repr(params)
        raise ValueError(f"params must be a list of {len(shapes)} arrays, got {got}")
    return [
        check_float_array(f"params[{i}]", p, shape=shape, finite=False)
        for i, (p, shape) in enumerate(zip(params, shapes, strict=True))
    ]


def fit_line_mae(x, y):
    r"""The straight line $\hat y = w x + b$ with the smallest mean absolute error, exactly.

    The MAE is piecewise linear in $(w, b)$, so a lowest point lies at a corner of that surface,
    where two residuals are zero: some best line passes through two of the data points. This
    tries the line through every pair of points with different $x$ and returns the best,
    ``(w, b)``: $O(n^3)$ work, fine for the small data sets of the notebooks (a linear program
    does it in general).

    Args:
        x, y: 1-D float arrays of the same length, at least two distinct ``x`` values.

    Raises:
        ValueError: different lengths, not 1-D, non-finite, or fewer than two distinct ``x``.
    """
    x = check_float_array("x", x, ndim=1)
    y = check_float_array("y", y, shape=x.shape)
    i, j = np.triu_indices(len(x), k=1)  # every pair of points i < j
    keep = x[i] != x[j]
    if not keep.any():
        raise ValueError("x must hold at least two distinct values to fit a line")
    i, j = i[keep], j[keep]
    slopes = (y[j] - y[i]) / (x[j] - x[i])
    intercepts = y[i] - slopes * x[i]
    maes = np.mean(np.abs(slopes[:, None] * x + intercepts[:, None] - y), axis=1)
    best = int(np.argmin(maes))
    return float(slopes[best]), float(intercepts[best])
