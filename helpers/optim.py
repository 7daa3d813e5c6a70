r"""Optimizers with torch.optim's names, defaults and update rules, written as pure numpy steps.

Every optimizer is a frozen dataclass of hyperparameters with two methods::

    opt = Adam(lr=0.01)
    state = opt.init(params)                      # a NamedTuple: step count and buffers
    params, state = opt.step(params, grads, state)

``params`` and ``grads`` are a float ndarray or a list/tuple of float ndarrays; the same structure
comes back. Nothing passed in is modified: each step returns new arrays. The update rules are those
of ``torch.optim`` 2.x (single-tensor implementation, ``maximize=False``), so a learner who moves to
PyTorch finds the same names and the same numbers. Below, $w$ is a parameter, $g$ its gradient,
$\eta$ the learning rate and $t = 1, 2, \dots$ the number of the step being taken.

``lr`` may also be a schedule or any callable ``step -> lr``; it is evaluated at ``state.step``,
which is 0 for the first update, like a torch ``lr_scheduler`` whose ``.step()`` is called after
each ``optimizer.step()``. The schedules and their torch equivalents (same values for every step
$t$, except where noted):

=========================================  =======================================================
here                                       torch.optim.lr_scheduler
=========================================  =======================================================
``constant(lr)``                           no scheduler
``step_decay(lr, step_size, gamma)``       ``StepLR(opt, step_size, gamma)``
``exponential_decay(lr, gamma)``           ``ExponentialLR(opt, gamma)``
``inverse_time_decay(lr, decay)``          ``LambdaLR(opt, lambda t: 1 / (1 + decay * t))``
``cosine_decay(lr, total_steps, min_lr)``  ``CosineAnnealingLR(opt, T_max=total_steps,``
                                           ``eta_min=min_lr)`` for $t \le T$; after it torch's
                                           rate climbs again, ours stays at ``min_lr``
any callable ``f(t) -> lr``                ``LambdaLR(opt, lambda t: f(t) / lr)``
=========================================  =======================================================

NaN or infinite gradients are not refused (torch does not refuse them either): they propagate into
the parameters. ``run`` (and ``training.fit``) watch the loss, the gradients and the parameters, and
stop a diverging run with the step named.
"""

from __future__ import annotations

import math
import numbers
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from helpers._validate import check_float_array, check_number

# ----------------------------------------------------------------------------------------------
# Learning-rate schedules
# ----------------------------------------------------------------------------------------------


def _check_step(step):
    return check_number("step", step, low=0, integer=True)


@dataclass(frozen=True)
class constant:
    r"""A fixed learning rate, $\eta_t = \eta$ (torch: no scheduler).

    Raises:
        TypeError, ValueError: ``lr`` is not a finite number >= 0.
    """

    lr: float

    def __post_init__(self):
        check_number("lr", self.lr, low=0.0)

    def __call__(self, step: int) -> float:
        _check_step(step)
        return float(self.lr)


@dataclass(frozen=True)
class step_decay:
    r"""Multiply the rate by ``gamma`` every ``step_size`` steps (torch: ``StepLR(opt, step_size,
    gamma)``): $\eta_t = \eta\,\gamma^{\lfloor t/s \rfloor}$.

    Raises:
        TypeError, ValueError: ``lr`` < 0, ``step_size`` not an integer >= 1, ``gamma`` outside
            (0, 1].
    """

    lr: float
    step_size: int
    gamma: float = 0.1

    def __post_init__(self):
        check_number("lr", self.lr, low=0.0)
        check_number("step_size", self.step_size, low=1, integer=True)
        check_number("gamma", self.gamma, low=0.0, high=1.0, low_open=True)

    def __call__(self, step: int) -> float:
        return self.lr * self.gamma ** (_check_step(step) // self.step_size)


@dataclass(frozen=True)
class exponential_decay:
    r"""Multiply the rate by ``gamma`` every step: $\eta_t = \eta\,\gamma^t$ (torch:
    ``ExponentialLR(opt, gamma)``).

    Raises:
        TypeError, ValueError: ``lr`` < 0 or ``gamma`` outside (0, 1].
    """

    lr: float
    gamma: float

    def __post_init__(self):
        check_number("lr", self.lr, low=0.0)
        check_number("gamma", self.gamma, low=0.0, high=1.0, low_open=True)

    def __call__(self, step: int) -> float:
        return self.lr * self.gamma ** _check_step(step)


@dataclass(frozen=True)
class inverse_time_decay:
    r"""The "1/t" schedule $\eta_t = \eta / (1 + d\,t)$ (torch: ``LambdaLR(opt, lambda t: 1 /
    (1 + d * t))``; Adagrad's ``lr_decay`` applies the same formula inside the optimizer).

    Raises:
        TypeError, ValueError: ``lr`` < 0 or ``decay`` < 0.
    """

    lr: float
    decay: float

    def __post_init__(self):
        check_number("lr", self.lr, low=0.0)
        check_number("decay", self.decay, low=0.0)

    def __call__(self, step: int) -> float:
        return self.lr / (1.0 + self.decay * _check_step(step))


@dataclass(frozen=True)
class cosine_decay:
    r"""Half a cosine from ``lr`` down to ``min_lr`` over ``total_steps``, then flat:
    $\eta_t = \eta_{min} + \tfrac12(\eta - \eta_{min})(1 + \cos(\pi \min(t, T)/T))$.

    torch: ``CosineAnnealingLR(opt, T_max=total_steps, eta_min=min_lr)`` gives the same values for
    $t \le T$; after $T$ torch's rate climbs back up (a periodic cosine), ours stays at ``min_lr``.

    Raises:
        TypeError, ValueError: ``lr`` < 0, ``total_steps`` not an integer >= 1, ``min_lr`` outside
            [0, lr].
    """

    lr: float
    total_steps: int
    min_lr: float = 0.0

    def __post_init__(self):
        check_number("lr", self.lr, low=0.0)
        check_number("total_steps", self.total_steps, low=1, integer=True)
        check_number("min_lr", self.min_lr, low=0.0, high=self.lr)

    def __call__(self, step: int) -> float:
        progress = min(_check_step(step), self.total_steps) / self.total_steps
        return self.min_lr + 0.5 * (self.lr - self.min_lr) * (1.0 + math.cos(math.pi * progress))


def _check_lr(lr):
    """Accept a number >= 0 or a schedule (any callable ``step -> lr``)."""
    if isinstance(lr, type):
        raise TypeError(
            f"lr must be a number >= 0 or a schedule such as {lr.__name__}(...) with its "
            f"arguments filled in, got the class {lr.__name__} itself"
        )
    if callable(lr):
        return lr
    if isinstance(lr, numbers.Real) and not isinstance(lr, (bool, np.bool_)):
        return check_number("lr", lr, low=0.0)
    raise TypeError(
        f"lr must be a number >= 0 or a schedule such as cosine_decay(0.1, 100), got {lr!r}"
    )


def _lr_at(lr, step):
    """The learning rate for the update that follows ``step`` completed steps."""
    if callable(lr):
        return check_number(f"lr({step}) (the schedule's value)", lr(step), low=0.0)
    return lr


# ----------------------------------------------------------------------------------------------
# Params structure: one array, or a list/tuple of arrays
# ----------------------------------------------------------------------------------------------


def _leaves(name, tree):
    """Return ``(list of float arrays, container)``; container is None for a single array.

    A numpy float scalar (what ``2 * w`` gives for a 0-d ``w``) counts as a 0-d array."""
    if isinstance(tree, np.floating):
        tree = np.asarray(tree)
    if isinstance(tree, (list, tuple)):
        tree = (
            type(tree)(np.asarray(leaf) if isinstance(leaf, np.floating) else leaf for leaf in tree)
            if not hasattr(tree, "_fields")
            else tree
        )
    if isinstance(tree, np.ndarray):
        return [check_float_array(name, tree, finite=False)], None
    if isinstance(tree, (list, tuple)) and len(tree) > 0:
        if all(isinstance(leaf, numbers.Real) for leaf in tree):
            raise TypeError(
                f"{name} must be a float ndarray or a list of them, got a {type(tree).__name__} "
                f"of numbers {tree!r}: wrap it as np.array({tree!r}, dtype=float)"
            )
        if isinstance(tree, tuple) and hasattr(tree, "_fields"):
            raise TypeError(
                f"{name} must be arrays, got an optimizer state ({type(tree).__name__}): the "
                "order is step(params, grads, state)"
            )
        for i, leaf in enumerate(tree):
            if not isinstance(leaf, np.ndarray):
                raise TypeError(f"{name}[{i}] must be a numpy array, got {type(leaf).__name__}")
        leaves = [
            check_float_array(f"{name}[{i}]", leaf, finite=False) for i, leaf in enumerate(tree)
        ]
        return leaves, list if isinstance(tree, list) else tuple
    raise TypeError(
        f"{name} must be a float ndarray or a non-empty list/tuple of them, "
        f"got {type(tree).__name__}"
    )


def _rebuild(leaves, container):
    return leaves[0] if container is None else container(leaves)


def _matching_leaves(name, tree, params):
    """The leaves of ``tree``, checked to have the same structure and shapes as ``params``."""
    leaves, container = _leaves(name, tree)
    param_leaves, param_container = params
    if (container is None) != (param_container is None) or len(leaves) != len(param_leaves):
        described = "one array" if container is None else f"{len(leaves)} arrays"
        expected = "one array" if param_container is None else f"{len(param_leaves)} arrays"
        raise ValueError(f"{name} must match params ({expected}), got {described}")
    for i, (leaf, param) in enumerate(zip(leaves, param_leaves, strict=True)):
        if leaf.shape != param.shape:
            where = name if container is None else f"{name}[{i}]"
            raise ValueError(f"{where} must have shape {param.shape} like params, got {leaf.shape}")
    return leaves


# ----------------------------------------------------------------------------------------------
# Small fused operations named after torch's, each writing into ``out`` (a fresh array or a slice
# of one: never an argument), so that nothing passed in is modified
# ----------------------------------------------------------------------------------------------


def _add(out, x, y, alpha):
    """$x + \\alpha y$ (torch: ``x.add(y, alpha=alpha)``)."""
    np.multiply(y, alpha, out=out)
    out += x
    return out


def _mul_add(out, x, scale, y, alpha, tmp):
    """$\\text{scale}\\,x + \\alpha y$ (torch: ``x.mul(scale).add_(y, alpha=alpha)``)."""
    np.multiply(x, scale, out=out)
    out += y if alpha == 1 else np.multiply(y, alpha, out=tmp)
    return out


def _lerp(out, x, y, weight):
    """$x + w\\,(y - x)$ (torch: ``x.lerp(y, weight)``), an exponential moving average."""
    np.subtract(y, x, out=out)
    out *= weight
    out += x
    return out


def _lerp_square(out, x, grad, weight):
    """$x + w\\,(g^2 - x) = (1 - w)\\,x + w\\,g^2$, a moving average of squared gradients."""
    np.multiply(grad, grad, out=out)
    out -= x
    out *= weight
    out += x
    return out


def _addcdiv(out, x, numerator, denominator, value):
    """$x + \\text{value}\\cdot n / d$ (torch: ``x.addcdiv(n, d, value)``)."""
    np.divide(numerator, denominator, out=out)
    out *= value
    out += x
    return out


def _with_weight_decay(grad, param, weight_decay, tmp):
    r"""L2 penalty folded into the gradient, $g + \lambda w$, written into ``tmp`` (``grad``
    itself when $\lambda = 0$)."""
    return _add(tmp, grad, param, weight_decay) if weight_decay != 0 else grad


# ----------------------------------------------------------------------------------------------
# The common shape of every optimizer
# ----------------------------------------------------------------------------------------------


class _Optimizer:
    """init/step shared by all optimizers; subclasses give ``_State``, ``_used`` and ``_update``
    (the update rule, writing into the arrays ``out``, with two scratch arrays ``tmp``).

    Speed: the structure of the arguments (container, shapes, dtypes, state type) is checked
    once and remembered, so a step on arguments shaped like an earlier step's skips the checks
    (they cost more than the arithmetic on a thousand numbers). ``_update`` writes into fresh
    output arrays; a large parameter is updated in chunks of ``_CHUNK`` numbers, so that a
    chunk's temporaries stay in the CPU cache while the next operation reads them.
    """

    _State: Any = None
    _FIELDS: tuple = ()  # the state's buffer fields, _State._fields[1:]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("_State") is not None:
            cls._FIELDS = cls._State._fields[1:]

    def _used(self) -> tuple[str, ...]:
        """Names of the state buffers these hyperparameters need (the others stay None)."""
        raise NotImplementedError

    def _initial(self, field, param):
        return np.zeros_like(param)

    def init(self, params):
        """Return the state before the first step: ``step=0`` and zero-filled buffers shaped like
        ``params`` (``None`` for buffers these hyperparameters do not use).

        Raises:
            TypeError: ``params`` is not a float ndarray or a non-empty list/tuple of them.
        """
        leaves, container = _leaves("params", params)
        buffers = {
            field: _rebuild([self._initial(field, p) for p in leaves], container)
            if field in self._used()
            else None
            for field in self._State._fields[1:]
        }
        return self._State(step=0, **buffers)

    def step(self, params, grads, state):
        """Take one step; return ``(new_params, new_state)``, leaving all arguments untouched.

        Raises:
            TypeError: integer/non-array params or grads, or a state from another optimizer.
            ValueError: grads or state buffers whose structure or shapes differ from params.
        """
        key = self._structure(params, grads, state)
        dtypes = _CHECKED.get(key) if key is not None else None
        if dtypes is None:  # not seen before: every check, with the errors they raise
            param_leaves, container, grad_leaves, buffers = self._checked(params, grads, state)
            dtypes = tuple(  # each array's own: a float32 array stays float32 beside float64 ones
                np.result_type(param, grad, *(f[i] for f in buffers if f[i] is not None))
                for i, (param, grad) in enumerate(zip(param_leaves, grad_leaves, strict=True))
            )
            if key is not None:
                _bounded(_CHECKED)[key] = dtypes
        else:  # the structure of a step already checked: only the step count is new
            if type(state.step) is not int or state.step < 0:
                check_number("state.step", state.step, low=0, integer=True)
            container = None if type(params) is np.ndarray else type(params)
            if container is None:  # one array: the common case, kept short
                used = self._used()
                buffers = [
                    v if f in used else None for f, v in zip(self._FIELDS, state[1:], strict=True)
                ]
                new = self._step_leaf(
                    params, grads, _lr_at(self.lr, state.step), state.step + 1, buffers, dtypes[0]
                )
                return new[0], self._State(state.step + 1, *new[1:])
            param_leaves, grad_leaves = params, grads
            buffers = [
                [None] * len(params) if f not in self._used() else v
                for f, v in zip(self._FIELDS, state[1:], strict=True)
            ]
        lr = _lr_at(self.lr, state.step)
        results = [
            self._step_leaf(param, grad, lr, state.step + 1, bufs, dtype)
            for param, grad, dtype, *bufs in zip(
                param_leaves, grad_leaves, dtypes, *buffers, strict=True
            )
        ]
        new_params = _rebuild([new[0] for new in results], container)
        used = self._used()
        new_buffers = [
            _rebuild([new[k + 1] for new in results], container) if field in used else None
            for k, field in enumerate(self._FIELDS)
        ]
        return new_params, self._State(state.step + 1, *new_buffers)

    def _checked(self, params, grads, state):
        """Every check of ``step``'s arguments; their leaves, container and buffer leaves."""
        if isinstance(grads, self._State) and not isinstance(state, self._State):
            raise TypeError(
                f"step got the state where the gradients belong: call "
                f"step(params, grads, state), got grads={type(grads).__name__}, "
                f"state={type(state).__name__}"
            )
        param_leaves, container = _leaves("params", params)
        grad_leaves = _matching_leaves("grads", grads, (param_leaves, container))
        buffers = self._state_leaves(state, (param_leaves, container))
        return param_leaves, container, grad_leaves, buffers

    def _structure(self, params, grads, state):
        """What ``_checked`` depends on, as a dict key; None for anything but plain arrays."""
        if not isinstance(state, tuple):
            return None
        kind = type(params)
        if kind is np.ndarray:
            if type(grads) is not np.ndarray:
                return None
            key = (type(self), self._used(), type(state), params.shape, params.dtype, grads.shape,
                   grads.dtype)  # fmt: skip
            for tree in state[1:]:
                if type(tree) is np.ndarray:
                    key += (tree.shape, tree.dtype)
                elif tree is not None:
                    return None
                else:
                    key += (None,)
            return key
        if kind is not list and kind is not tuple:
            return None
        key = [type(self), self._used(), type(state), kind, len(params)]
        for tree in (params, grads, *state[1:]):
            if tree is None:
                key.append(None)
            elif type(tree) is kind and len(tree) == len(params):
                for leaf in tree:
                    if type(leaf) is not np.ndarray:
                        return None
                    key.append((leaf.shape, leaf.dtype))
            else:
                return None
        return tuple(key)

    def _step_leaf(self, param, grad, lr, t, buffers, dtype):
        """``_update`` on one array into new arrays ``[param, *buffers]`` (None for unused
        buffers); a large array in chunks of ``_CHUNK`` numbers."""
        shape, size = param.shape, param.size
        new = [np.empty(shape, dtype)]
        new += [np.empty(shape, dtype) if b is not None else None for b in buffers]
        if size <= _CHUNK:
            self._update(param, grad, *buffers, lr, t, new, _scratch(shape, dtype))
            return new
        inputs = [None if a is None else np.reshape(a, -1) for a in (param, grad, *buffers)]
        outputs = [None if a is None else np.reshape(a, -1) for a in new]
        scratch = _scratch((_CHUNK,), dtype)
        for start in range(0, size, _CHUNK):
            part = slice(start, start + _CHUNK)
            tmp = [a[: min(_CHUNK, size - start)] for a in scratch]
            parts = [None if a is None else a[part] for a in inputs]
            self._update(*parts, lr, t, [None if a is None else a[part] for a in outputs], tmp)
        return new

    def _state_leaves(self, state, params):
        """Per-field lists of buffer arrays (a list of None for unused fields), checked."""
        name = type(self).__name__
        if not isinstance(state, self._State):
            raise TypeError(
                f"state must be the {self._State.__name__} made by {name}.init, "
                f"got {type(state).__name__}"
            )
        check_number("state.step", state.step, low=0, integer=True)
        buffers = []
        for field in self._State._fields[1:]:
            value = getattr(state, field)
            if field not in self._used():
                buffers.append([None] * len(params[0]))
            elif value is None:
                raise ValueError(
                    f"state.{field} is None but this {name} needs it: "
                    f"make the state with the same optimizer's init"
                )
            else:
                buffers.append(_matching_leaves(f"state.{field}", value, params))
        return buffers


# Numbers per chunk (1 MB of float64): the few arrays of one chunk stay in the CPU caches between
# the operations of an update; smaller chunks cost more Python per step (measured, 10**6 params).
_CHUNK = 131072
_CHECKED: dict = {}  # argument structures already checked -> the dtype of each result array


_SCRATCH = threading.local()  # per thread: {(shape, dtype): two arrays}, reused by every step


def _scratch(shape, dtype):
    """Two arrays for an update's temporaries (never returned, so they can be reused)."""
    arrays = getattr(_SCRATCH, "arrays", None)
    if arrays is None:
        arrays = _SCRATCH.arrays = {}
    pair = arrays.get((shape, dtype))
    if pair is None:
        pair = _bounded(arrays, 64)[shape, dtype] = [np.empty(shape, dtype) for _ in "ab"]
    return pair


def _bounded(cache: dict, size: int = 1024) -> dict:
    if len(cache) >= size:
        cache.clear()
    return cache


# ----------------------------------------------------------------------------------------------
# SGD
# ----------------------------------------------------------------------------------------------


class SGDState(NamedTuple):
    """``step``: steps taken; ``momentum_buffer``: the velocity $b$ (None when momentum=0)."""

    step: int
    momentum_buffer: Any


@dataclass(frozen=True)
class SGD(_Optimizer):
    r"""Stochastic gradient descent with optional momentum, exactly as ``torch.optim.SGD``.

    .. math::
        g &\leftarrow g + \lambda w \\
        b_1 &= g, \qquad b_t = \mu\, b_{t-1} + (1 - \tau)\, g \quad (t > 1) \\
        d &= g + \mu\, b_t \ \text{(nesterov)}, \qquad d = b_t \ \text{(otherwise)} \\
        w &\leftarrow w - \eta\, d

    with $\mu$ = ``momentum``, $\tau$ = ``dampening``, $\lambda$ = ``weight_decay``. With
    ``momentum=0`` this is plain gradient descent $w \leftarrow w - \eta g$. Note that the buffer
    starts as the first gradient itself (no dampening on step 1), as in torch.

    Raises:
        TypeError, ValueError: ``lr``, ``momentum``, ``weight_decay`` negative or non-finite;
            ``dampening`` outside [0, 1]; ``nesterov`` without momentum or with dampening.
    """

    lr: float | Callable[[int], float] = 0.001
    momentum: float = 0.0
    dampening: float = 0.0
    weight_decay: float = 0.0
    nesterov: bool = False

    _State = SGDState

    def __post_init__(self):
        _check_lr(self.lr)
        check_number("momentum", self.momentum, low=0.0)
        check_number("dampening", self.dampening, low=0.0, high=1.0)
        check_number("weight_decay", self.weight_decay, low=0.0)
        if not isinstance(self.nesterov, bool):
            raise TypeError(f"nesterov must be True or False, got {self.nesterov!r}")
        if self.nesterov and (self.momentum == 0 or self.dampening != 0):
            raise ValueError(
                "nesterov=True requires momentum > 0 and dampening = 0, got "
                f"momentum={self.momentum!r}, dampening={self.dampening!r}"
            )

    def _used(self):
        return ("momentum_buffer",) if self.momentum != 0 else ()

    def _update(self, param, grad, momentum_buffer, lr, t, out, tmp):
        new_param, new_buffer = out
        grad = _with_weight_decay(grad, param, self.weight_decay, tmp[0])
        if self.momentum != 0:
            if t == 1:  # torch starts the buffer as a copy of the first gradient
                np.copyto(new_buffer, grad)
            else:
                _mul_add(
                    new_buffer, momentum_buffer, self.momentum, grad, 1 - self.dampening, tmp[1]
                )
            grad = _add(tmp[1], grad, new_buffer, self.momentum) if self.nesterov else new_buffer
        _add(new_param, param, grad, -lr)


# ----------------------------------------------------------------------------------------------
# Adagrad
# ----------------------------------------------------------------------------------------------


class AdagradState(NamedTuple):
    """``step``: steps taken; ``sum``: the running sum of squared gradients $G$."""

    step: int
    sum: Any


@dataclass(frozen=True)
class Adagrad(_Optimizer):
    r"""Adagrad: per-parameter steps shrinking with the sum of squared gradients
    (``torch.optim.Adagrad``).

    .. math::
        g &\leftarrow g + \lambda w, \qquad
        \tilde\eta = \frac{\eta}{1 + (t - 1)\,\delta} \\
        G &\leftarrow G + g^2, \qquad
        w \leftarrow w - \tilde\eta\, \frac{g}{\sqrt{G} + \epsilon}

    with $\delta$ = ``lr_decay``, $G_0$ = ``initial_accumulator_value``; $\epsilon$ is added after
    the square root.

    Raises:
        TypeError, ValueError: any hyperparameter negative or non-finite.
    """

    lr: float | Callable[[int], float] = 0.01
    lr_decay: float = 0.0
    weight_decay: float = 0.0
    initial_accumulator_value: float = 0.0
    eps: float = 1e-10

    _State = AdagradState

    def __post_init__(self):
        _check_lr(self.lr)
        check_number("lr_decay", self.lr_decay, low=0.0)
        check_number("weight_decay", self.weight_decay, low=0.0)
        check_number("initial_accumulator_value", self.initial_accumulator_value, low=0.0)
        check_number("eps", self.eps, low=0.0)

    def _used(self):
        return ("sum",)

    def _initial(self, field, param):
        return np.full_like(param, self.initial_accumulator_value)

    def _update(self, param, grad, state_sum, lr, t, out, tmp):
        new_param, accumulator = out
        grad = _with_weight_decay(grad, param, self.weight_decay, tmp[0])
        clr = lr / (1 + (t - 1) * self.lr_decay)
        np.multiply(grad, grad, out=accumulator)
        accumulator += state_sum
        std = np.sqrt(accumulator, out=tmp[1])
        std += self.eps
        _addcdiv(new_param, param, grad, std, -clr)


# ----------------------------------------------------------------------------------------------
# RMSprop
# ----------------------------------------------------------------------------------------------


class RMSpropState(NamedTuple):
    """``square_avg`` $v$; ``momentum_buffer`` $b$ (None when momentum=0); ``grad_avg`` $m$ (None
    unless centered)."""

    step: int
    square_avg: Any
    momentum_buffer: Any
    grad_avg: Any


@dataclass(frozen=True)
class RMSprop(_Optimizer):
    r"""RMSprop: divide by a moving RMS of recent gradients (``torch.optim.RMSprop``).

    .. math::
        g &\leftarrow g + \lambda w, \qquad v \leftarrow \alpha v + (1 - \alpha)\, g^2 \\
        s &= \sqrt{v} + \epsilon, \quad\text{or if centered: }
            m \leftarrow \alpha m + (1 - \alpha)\, g,\ \ s = \sqrt{v - m^2} + \epsilon \\
        w &\leftarrow w - \eta\, g / s, \quad\text{or with momentum } \mu:\
            b \leftarrow \mu b + g / s,\ \ w \leftarrow w - \eta\, b

    $v$, $m$ and $b$ start at zero.

    Raises:
        TypeError, ValueError: ``alpha`` outside [0, 1]; ``lr``, ``eps``, ``weight_decay``,
            ``momentum`` negative or non-finite.
    """

    lr: float | Callable[[int], float] = 0.01
    alpha: float = 0.99
    eps: float = 1e-8
    weight_decay: float = 0.0
    momentum: float = 0.0
    centered: bool = False

    _State = RMSpropState

    def __post_init__(self):
        _check_lr(self.lr)
        check_number("alpha", self.alpha, low=0.0, high=1.0)
        check_number("eps", self.eps, low=0.0)
        check_number("weight_decay", self.weight_decay, low=0.0)
        check_number("momentum", self.momentum, low=0.0)
        if not isinstance(self.centered, bool):
            raise TypeError(f"centered must be True or False, got {self.centered!r}")

    def _used(self):
        used = ("square_avg",)
        used += ("momentum_buffer",) if self.momentum > 0 else ()
        return used + (("grad_avg",) if self.centered else ())

    def _update(self, param, grad, square_avg, momentum_buffer, grad_avg, lr, t, out, tmp):
        new_param, new_square_avg, new_momentum_buffer, new_grad_avg = out
        grad = _with_weight_decay(grad, param, self.weight_decay, tmp[0])
        _lerp_square(new_square_avg, square_avg, grad, 1 - self.alpha)
        avg = tmp[1]
        if self.centered:
            _lerp(new_grad_avg, grad_avg, grad, 1 - self.alpha)
            np.multiply(new_grad_avg, new_grad_avg, out=avg)
            np.subtract(new_square_avg, avg, out=avg)
            np.sqrt(avg, out=avg)
        else:
            np.sqrt(new_square_avg, out=avg)
        avg += self.eps
        if self.momentum > 0:
            step = np.divide(grad, avg, out=avg)
            _mul_add(new_momentum_buffer, momentum_buffer, self.momentum, step, 1, None)
            _add(new_param, param, new_momentum_buffer, -lr)
        else:
            _addcdiv(new_param, param, grad, avg, -lr)


# ----------------------------------------------------------------------------------------------
# Adam and AdamW
# ----------------------------------------------------------------------------------------------


class AdamState(NamedTuple):
    """``exp_avg`` $m$ (1st moment), ``exp_avg_sq`` $v$ (2nd moment), ``max_exp_avg_sq``
    $\\hat v_{max}$ (None unless amsgrad). Shared by Adam and AdamW."""

    step: int
    exp_avg: Any
    exp_avg_sq: Any
    max_exp_avg_sq: Any


def _check_betas(betas):
    if isinstance(betas, np.ndarray) and betas.shape == (2,):
        betas = tuple(betas.tolist())
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise TypeError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    return tuple(
        check_number(f"betas[{i}]", beta, low=0.0, high=1.0, high_open=True)
        for i, beta in enumerate(betas)
    )


@dataclass(frozen=True)
class Adam(_Optimizer):
    r"""Adam: momentum on the gradient, RMSprop-style scaling, and bias correction
    (``torch.optim.Adam``).

    .. math::
        g &\leftarrow g + \lambda w \\
        m &\leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad
        v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2 \\
        \hat m &= \frac{m}{1 - \beta_1^t}, \qquad \hat v = \frac{v}{1 - \beta_2^t}, \qquad
        w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}

    $m, v$ start at zero, so without the corrections $1 - \beta^t$ the first steps would be tiny;
    with them the first step is $\eta\,\mathrm{sign}(g)$ (for small $\epsilon$). With ``amsgrad``,
    $v_{max} \leftarrow \max(v_{max}, v)$ replaces $v$ in $\hat v$.

    Raises:
        TypeError, ValueError: ``betas`` not a pair in [0, 1); ``lr``, ``eps``, ``weight_decay``
            negative or non-finite.
    """

    lr: float | Callable[[int], float] = 0.001
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    weight_decay: float = 0.0
    amsgrad: bool = False

    _State = AdamState
    _decoupled = False

    def __post_init__(self):
        _check_lr(self.lr)
        object.__setattr__(self, "betas", _check_betas(self.betas))
        check_number("eps", self.eps, low=0.0)
        check_number("weight_decay", self.weight_decay, low=0.0)
        if not isinstance(self.amsgrad, bool):
            raise TypeError(f"amsgrad must be True or False, got {self.amsgrad!r}")

    def _used(self):
        return ("exp_avg", "exp_avg_sq") + ("max_exp_avg_sq",) * self.amsgrad

    def _update(self, param, grad, exp_avg, exp_avg_sq, max_exp_avg_sq, lr, t, out, tmp):
        new_param, new_exp_avg, new_exp_avg_sq, new_max_exp_avg_sq = out
        beta1, beta2 = self.betas
        if self._decoupled:  # AdamW: shrink the weights, leave the gradient alone
            param = np.multiply(param, 1 - lr * self.weight_decay, out=tmp[0])
        else:
            grad = _with_weight_decay(grad, param, self.weight_decay, tmp[0])
        _lerp(new_exp_avg, exp_avg, grad, 1 - beta1)
        _lerp_square(new_exp_avg_sq, exp_avg_sq, grad, 1 - beta2)
        if self.amsgrad:  # torch keeps the max of the raw v, then bias-corrects it
            np.maximum(max_exp_avg_sq, new_exp_avg_sq, out=new_max_exp_avg_sq)
        denom = np.sqrt(new_max_exp_avg_sq if self.amsgrad else new_exp_avg_sq, out=tmp[1])
        denom /= math.sqrt(1 - beta2**t)
        denom += self.eps
        _addcdiv(new_param, param, new_exp_avg, denom, -lr / (1 - beta1**t))


@dataclass(frozen=True)
class AdamW(Adam):
    r"""Adam with decoupled weight decay (``torch.optim.AdamW``): before the Adam step,

    .. math:: w \leftarrow w\,(1 - \eta \lambda)

    and the gradient is *not* changed by $\lambda$ (in ``Adam``, $\lambda w$ is added to $g$ and
    so gets rescaled by $1/\sqrt{\hat v}$). Uses ``AdamState``. Raises as ``Adam``.
    """

    weight_decay: float = 0.01

    _decoupled = True


# ----------------------------------------------------------------------------------------------
# run: a whole trajectory
# ----------------------------------------------------------------------------------------------


class Trajectory(NamedTuple):
    """What :func:`run` records, indexed by the number of steps taken, ``k = 0 .. n``.

    Attributes:
        params: the iterates, the start included. For a single array ``x0`` an array of shape
            ``(n + 1, *x0.shape)``; for a list of arrays, a list of ``n + 1`` such lists.
        losses: ``(n + 1,)`` floats, ``losses[k]`` the loss at ``params[k]``.
        grads: the gradients at each iterate, like ``params`` (``grads[k]`` drove step ``k + 1``).
        lrs: ``(n,)`` floats, the learning rate used by step ``k + 1`` (a schedule's value).
        states: ``n + 1`` optimizer states; ``states[0]`` is ``optimizer.init(x0)``, ``states[k]``
            the state after ``k`` steps. :meth:`stack` turns one field into an array.
        diverged_at: the step at which the run diverged, or ``None``.
        message: one line saying how the run ended (``"ran 100 steps, loss 2.3 -> 0.0012"``,
            ``"diverged at step 37: loss became inf"``, ``"converged at step 12: ..."``).
    """

    params: Any
    losses: np.ndarray
    grads: Any
    lrs: np.ndarray
    states: list
    diverged_at: int | None
    message: str

    @property
    def steps(self) -> int:
        """Number of steps taken (``len(losses) - 1``)."""
        return len(self.losses) - 1

    def stack(self, field: str) -> np.ndarray:
        """One state field over the run as an array ``(n + 1, *shape)``, e.g.
        ``trajectory.stack("exp_avg")`` for Adam's first moment; ``"step"`` gives ``0 .. n``.

        Raises:
            ValueError: ``field`` is not a field of these states, or is unused (None) by this
                optimizer's settings; the message lists the fields that are there.
            TypeError: the params are a list of arrays (stack each entry yourself).
        """
        fields = self.states[0]._fields
        if field not in fields:
            raise ValueError(f"field must be one of {list(fields)}, got {field!r}")
        values = [getattr(state, field) for state in self.states]
        if values[-1] is None:
            used = [f for f in fields if getattr(self.states[-1], f) is not None]
            raise ValueError(
                f"field {field!r} is not used by this optimizer's settings (it stays None); "
                f"used fields: {used}"
            )
        if isinstance(values[-1], (list, tuple)):
            raise TypeError("stack() needs single-array params; these states hold lists of arrays")
        return np.stack([np.asarray(v, dtype=float) for v in values])


def _fmt_number(value):
    """4 significant digits, exponents without padding: 1e12, 2.5e-7, 0.1144."""
    text = f"{value:.4g}"
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else text


def diverged_message(step, what, value=None):
    """The one wording of a divergence, used by ``run`` and ``training.fit``:
    ``"diverged at step 37: loss became inf"``."""
    detail = f"{what}" if value is None else f"{what} {value}"
    return f"diverged at step {step}: {detail}"


def _divergence(loss, grad_leaves, param_leaves, step, max_loss):
    """A message if the loss, the gradient or the params show divergence, else None."""
    if not math.isfinite(loss):
        return diverged_message(step, "loss became", loss)
    if loss > max_loss:
        return diverged_message(step, "loss exceeded", _fmt_number(max_loss))
    for label, leaves in (("the gradient", grad_leaves), ("the parameters", param_leaves)):
        for i, leaf in enumerate(leaves):
            # A finite sum means every entry is finite (one reduction: run calls this every
            # step); an infinite sum may still be an overflow of finite entries: look closer.
            if math.isfinite(np.add.reduce(leaf, axis=None)) or np.all(np.isfinite(leaf)):
                continue
            where = "" if len(leaves) == 1 else f"[{i}]"
            bad = leaf[~np.isfinite(leaf)].flat[0] if leaf.ndim else leaf
            return diverged_message(step, f"{label}{where} holds", bad)
    return None


def _same(a, b):
    """True if two params/state values are identical (None, arrays or lists of arrays).

    The arrays come from one optimizer step, so they have the same shapes; like
    ``np.array_equal``, NaN is not equal to NaN."""
    if a is None or b is None:
        return a is b
    if isinstance(a, np.ndarray):
        return not np.not_equal(a, b).any()
    return all(not np.not_equal(x, y).any() for x, y in zip(a, b, strict=True))


def _stuck(params, new_params, state, new_state):
    """True if a step changed neither the params nor any state buffer: a fixed point."""
    return _same(params, new_params) and all(map(_same, state[1:], new_state[1:]))


def _evaluate(fun, params, structure):
    """Call ``fun(params)`` and check it returned ``(loss, grad)`` with grad shaped like params."""
    out = fun(params)
    if not isinstance(out, tuple) or len(out) != 2:
        got = f"a {type(out).__name__}" + (
            f" of shape {out.shape}" if hasattr(out, "shape") else ""
        )
        raise TypeError(
            f"fun must return a pair (loss, grad), got {got}: pass a function such as "
            "landscape.value_and_grad (not .f or .grad)"
        )
    loss, grad = out
    if not isinstance(loss, numbers.Real) and not (isinstance(loss, np.ndarray) and loss.size == 1):
        raise TypeError(f"fun must return (loss, grad) with loss a number, got loss={loss!r}")
    leaves, container = structure
    if container is None and type(grad) is np.ndarray and grad.shape == leaves[0].shape:
        if grad.dtype.kind == "f":  # the common case, checked without _matching_leaves
            return float(np.reshape(loss, -1)[0]), grad, [grad]
    try:
        grad_leaves = _matching_leaves("the grad returned by fun", grad, structure)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"fun must return (loss, grad) with grad like x0: {exc}") from None
    return float(np.reshape(loss, -1)[0]), grad, grad_leaves


def _stacked(values, container):
    return np.stack(values) if container is None else values


def run(optimizer, fun, x0, steps, *, max_loss=1e12) -> Trajectory:
    r"""Run ``steps`` updates of ``optimizer`` from ``x0`` on ``fun(x) -> (loss, grad)``.

    ``x0`` is a float array (any shape, including a single number ``np.array(1.0)``) or a list of
    them, like the optimizers' ``params``. Stops early, keeping the offending point as the last
    entry, when the loss becomes NaN/inf or exceeds ``max_loss``, or the gradient or the params
    stop being finite (``diverged_at`` is then that step's number), or when a step changes
    neither the params nor the state ("converged"). No RuntimeWarnings are emitted.

    Returns:
        :class:`Trajectory`: params, losses, grads, lrs and states of every step.

    Raises:
        TypeError: ``x0`` not a float array (or list of them), ``steps`` not an int, ``fun`` not
            callable, or ``fun`` not returning ``(loss, grad)`` with grad shaped like ``x0``.
        ValueError: ``x0`` non-finite, ``steps`` < 0, ``max_loss`` <= 0.
    """
    leaves, container = _leaves("x0", x0 if isinstance(x0, (list, tuple)) else np.asarray(x0))
    for i, leaf in enumerate(leaves):
        check_float_array("x0" if container is None else f"x0[{i}]", leaf)
    steps = check_number("steps", steps, low=0, integer=True)
    max_loss = check_number("max_loss", max_loss, low=0.0, low_open=True)
    if not callable(fun):
        raise TypeError(f"fun must be a callable x -> (loss, grad), got {fun!r}")
    structure = (leaves, container)
    params = _rebuild([leaf.copy() for leaf in leaves], container)
    state = optimizer.init(params)
    with np.errstate(all="ignore"):
        loss, grad, grad_leaves = _evaluate(fun, params, structure)
        points, losses, grads, lrs, states = [params], [loss], [grad], [], [state]
        message = _divergence(loss, grad_leaves, leaves, 0, max_loss)
        while message is None and len(lrs) < steps:
            lr = _lr_at(getattr(optimizer, "lr", float("nan")), state.step)
            new_params, new_state = optimizer.step(params, grad, state)
            if _stuck(params, new_params, state, new_state):
                message = f"converged at step {len(lrs)}: the update no longer changes anything"
                break
            params, state = new_params, new_state
            loss, grad, grad_leaves = _evaluate(fun, params, structure)
            points.append(params)
            losses.append(loss)
            grads.append(grad)
            lrs.append(lr)
            states.append(state)
            param_leaves = [params] if container is None else list(params)
            message = _divergence(loss, grad_leaves, param_leaves, len(lrs), max_loss)
    diverged_at = len(lrs) if message is not None and message.startswith("diverged") else None
    if message is None:
        trend = " (the loss went UP overall)" if losses[-1] > losses[0] else ""
        message = (
            f"ran {steps} steps, loss {_fmt_number(losses[0])} -> {_fmt_number(losses[-1])}{trend}"
        )
    return Trajectory(
        _stacked(points, container),
        np.array(losses),
        _stacked(grads, container),
        np.array(lrs, dtype=float),
        states,
        diverged_at,
        message,
    )


# ----------------------------------------------------------------------------------------------
# Gradient clipping (torch.nn.utils.clip_grad_norm_ / clip_grad_value_, without the in-place)
# ----------------------------------------------------------------------------------------------


def clip_grad_norm(grads, max_norm):
    r"""Rescale all gradients together so that their global norm is at most ``max_norm``.

    The same arithmetic as ``torch.nn.utils.clip_grad_norm_(params, max_norm)`` (2-norm), but
    pure: new arrays come back and the total norm with them. The norm is taken over every array
    at once, as if they were concatenated into one vector, so the direction of the whole gradient
    is kept:

    $$\|g\| = \sqrt{\textstyle\sum_i \|g_i\|^2}, \qquad
      g_i \leftarrow g_i \cdot \min\!\Big(1,\ \frac{c}{\|g\| + 10^{-6}}\Big).$$

    torch adds $10^{-6}$ to the norm (so a zero gradient stays zero, and a clipped norm comes out
    a hair below $c$) and multiplies by the factor even when it is 1. A non-finite gradient gives
    non-finite results, as in torch with ``error_if_nonfinite=False``.

    Args:
        grads: a float ndarray or a list/tuple of them (any shapes).
        max_norm: $c \ge 0$.

    Returns:
        ``(clipped, total_norm)``: ``clipped`` has the structure of ``grads``; ``total_norm`` is
        $\|g\|$ before clipping, a float.

    Raises:
        TypeError: ``grads`` is not a float ndarray or a non-empty list/tuple of them.
        ValueError: ``max_norm`` is negative or not finite.
    """
    leaves, container = _leaves("grads", grads)
    max_norm = check_number("max_norm", max_norm, low=0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.sqrt(sum(np.sum(np.square(leaf)) for leaf in leaves)))
        factor = min(1.0, max_norm / (total + 1e-6))
        return _rebuild([leaf * factor for leaf in leaves], container), total


def clip_grad_value(grads, clip_value):
    r"""Clip every gradient entry to $[-c, c]$, as ``torch.nn.utils.clip_grad_value_`` does
    (pure: new arrays come back). Each entry is clipped on its own, so the direction of the
    gradient can change: $(100, 3)$ clipped at $c = 1$ becomes $(1, 1)$.

    Args:
        grads: a float ndarray or a list/tuple of them.
        clip_value: $c \ge 0$.

    Returns:
        The clipped gradients, with the structure of ``grads``.

    Raises:
        TypeError: ``grads`` is not a float ndarray or a non-empty list/tuple of them.
        ValueError: ``clip_value`` is negative or not finite.
    """
    leaves, container = _leaves("grads", grads)
    clip_value = check_number("clip_value", clip_value, low=0.0)
    return _rebuild([np.clip(leaf, -clip_value, clip_value) for leaf in leaves], container)


# ----------------------------------------------------------------------------------------------
# run_many: several optimizers side by side, one gradient call per step for all of them
# ----------------------------------------------------------------------------------------------


def run_many(optimizers, grad_fn, x0, steps):
    r"""Run ``len(optimizers)`` independent runs side by side: run $i$ starts at ``x0[i]`` and is
    updated by ``optimizers[i]``, $x^{(i)}_{t+1} = \text{step}_i\big(x^{(i)}_t, g^{(i)}_t\big)$,
    with all gradients $g_t = $ ``grad_fn(x_t)`` computed in one vectorized call per step.

    Every optimizer in this module updates each entry of the params from that entry's gradient
    and state alone (no norms over the whole array), so row $i$ follows bit for bit the path that
    ``run(optimizers[i], ..., x0[i], steps)`` would follow on the same function. What is saved is
    the Python overhead of ``run`` (one call of ``fun`` per run and step, divergence checks, the
    recorded states): a sweep of 56 learning rates on 5 landscapes costs 56 optimizer steps and
    one ``grad_fn`` call per step. Runs that blow up are not stopped: their rows become inf/NaN
    (without RuntimeWarnings) and the other rows go on unaffected; compute the losses from the
    returned params afterwards.

    Args:
        optimizers: a non-empty list of optimizers (objects with ``init`` and ``step``).
        grad_fn: ``grad_fn(x) -> g``, vectorized: for ``x`` of shape ``(n, *shape)`` it returns
            the gradients of the ``n`` runs, same shape (e.g. ``landscape.grad``).
        x0: float array ``(n, *shape)``, row ``i`` the start of run ``i`` (``n`` =
            ``len(optimizers)``).
        steps: number of updates (int >= 0).

    Returns:
        float ndarray ``(steps + 1, n, *shape)``: the iterates of every run, starts included.

    Raises:
        TypeError: ``optimizers`` not a non-empty list/tuple of optimizers, ``x0`` not a float
            array, ``steps`` not an int, ``grad_fn`` not callable.
        ValueError: ``x0`` non-finite or its first axis not ``len(optimizers)``, ``steps`` < 0,
            or ``grad_fn`` returning an array of another shape.
    """
    if not isinstance(optimizers, (list, tuple)) or not optimizers:
        raise TypeError(f"optimizers must be a non-empty list of optimizers, got {optimizers!r}")
    for i, opt in enumerate(optimizers):
        if not (callable(getattr(opt, "init", None)) and callable(getattr(opt, "step", None))):
            raise TypeError(f"optimizers[{i}] must have init and step methods, got {opt!r}")
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be a callable x -> grad, got {grad_fn!r}")
    x0 = check_float_array("x0", x0)
    if x0.ndim == 0 or len(x0) != len(optimizers):
        raise ValueError(
            f"x0 must have one row per optimizer ({len(optimizers)}), got shape {x0.shape}"
        )
    steps = check_number("steps", steps, low=0, integer=True)
    params = x0.copy()
    states = [opt.init(row) for opt, row in zip(optimizers, params, strict=True)]
    path = np.empty((steps + 1, *x0.shape))
    path[0] = params
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            grads = np.asarray(grad_fn(params), dtype=float)
            if grads.shape != params.shape:
                raise ValueError(
                    f"grad_fn must return the shape of its input {params.shape}, got {grads.shape}"
                )
            for i, opt in enumerate(optimizers):
                path[t, i], states[i] = opt.step(params[i], grads[i], states[i])
            params = path[t]
    return path
