r"""Loss landscapes: classic test functions with analytic gradients, known minima, plot windows.

Each factory returns a :class:`Landscape`. Two-dimensional ones take points ``w`` of shape
``(..., 2)`` (a single point ``(2,)`` or a whole grid ``(ny, nx, 2)``) and return values of shape
``(...)``; the 1-D :func:`double_well` takes any array of positions ``(...)``.

>>> bowl = quadratic(eigenvalues=(1.0, 10.0))
>>> trajectory = optim.run(optim.SGD(lr=0.1), bowl.value_and_grad, np.array(bowl.start), 50)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from helpers._validate import check_number

# Himmelblau's minima other than (3, 2) have no closed form: solved once with Newton's method in
# float64 (the gradient there is ~1e-14, see tests/test_landscapes.py).
_HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.283185991286169),
    (3.5844283403304917, -1.8481265269644034),
)


@dataclass(frozen=True, eq=False)
class Landscape:
    r"""A test function $f: \mathbb{R}^{\text{dim}} \to \mathbb{R}$ with its gradient and facts.

    Attributes:
        name: short readable name, e.g. ``"rosenbrock(a=1.0, b=100.0)"``.
        dim: 1 or 2.
        value_fn, grad_fn: the raw vectorized formulas (use :meth:`f` / :meth:`grad`).
        minima: global minimum points as tuples (empty if there is none).
        min_value: $f$ at the global minima (None if unbounded below).
        local_minima: non-global local minima as tuples (may be empty).
        window: plot window ``((xmin, xmax), (ymin, ymax))`` (2-D) or ``(xmin, xmax)`` (1-D).
        start: a good starting point (tuple for 2-D, float for 1-D).
        log_levels: True when contours read best on a log scale (huge range of values).
        hessian: constant Hessian ``(2, 2)`` for quadratics, else None.
    """

    name: str
    dim: int
    value_fn: Callable = field(repr=False)
    grad_fn: Callable = field(repr=False)
    minima: tuple
    min_value: float | None
    local_minima: tuple
    window: tuple
    start: tuple | float
    log_levels: bool = False
    hessian: np.ndarray | None = None

    def f(self, w):
        """Value at ``w`` (shape ``(..., 2)`` for 2-D, ``(...)`` for 1-D); returns shape ``(...)``.

        Raises TypeError for non-numeric ``w``, ValueError for a last axis that is not 2 (2-D).
        """
        w = self._check_points(w)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.value_fn(w)

    def grad(self, w):
        """Gradient at ``w``; returns an array of the shape of ``w``."""
        w = self._check_points(w)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.grad_fn(w)

    def value_and_grad(self, w):
        """``(f(w) as float, grad(w) as ndarray)`` at a single point: the ``fun`` of ``optim.run``.

        Raises ValueError when ``w`` is not a single point (``(2,)`` for 2-D; ``()`` or ``(1,)``
        for 1-D).
        """
        w = self._check_points(w)
        single = (2,) if self.dim == 2 else ((), (1,))
        if (self.dim == 2 and w.shape != single) or (self.dim == 1 and w.shape not in single):
            raise ValueError(f"w must be a single point of shape {single}, got shape {w.shape}")
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.reshape(self.value_fn(w), -1)[0]), np.asarray(self.grad_fn(w))

    @property
    def lambda_max(self):
        r"""Largest Hessian eigenvalue $\lambda_{\max}$ (quadratics only): gradient descent
        converges iff $0 < \eta < 2/\lambda_{\max}$. Raises AttributeError for non-quadratic
        landscapes. (Called ``lambda_max``, not ``L``, so it is never confused with a loss.)"""
        if self.hessian is None:
            raise AttributeError(f"{self.name} has no constant Hessian, so no single lambda_max")
        return float(np.max(np.linalg.eigvalsh(self.hessian)))

    @property
    def condition_number(self):
        r"""$\kappa = \lambda_{\max} / \lambda_{\min}$ of the Hessian (quadratics only)."""
        if self.hessian is None:
            raise AttributeError(f"{self.name} has no constant Hessian")
        eigenvalues = np.linalg.eigvalsh(self.hessian)
        return float(eigenvalues[-1] / eigenvalues[0])

    def __repr__(self):
        return f"Landscape({self.name}, dim={self.dim}, minima={self.minima})"

    def _check_points(self, w):
        arr = np.asarray(w)
        if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number) or np.iscomplexobj(arr):
            raise TypeError(f"w must be real numbers, got {w!r}")
        if self.dim == 2 and (arr.ndim == 0 or arr.shape[-1] != 2):
            raise ValueError(f"w must have shape (..., 2) for {self.name}, got shape {arr.shape}")
        return arr.astype(np.float64, copy=False)


def quadratic(eigenvalues=(1.0, 10.0), angle=0.0, center=(0.0, 0.0)):
    r"""Quadratic bowl $f(w) = \tfrac12 (w - c)^\top H (w - c)$, $\nabla f = H (w - c)$.

    $H = R_\theta\, \mathrm{diag}(\lambda_1, \lambda_2)\, R_\theta^\top$ with $R_\theta$ the
    rotation by ``angle`` (radians). The ratio $\lambda_{\max}/\lambda_{\min}$ (condition number)
    sets how elongated the valley is; ``.lambda_max`` gives $\lambda_{\max}$ for the
    $\eta < 2/\lambda_{\max}$ rule.

    Raises ValueError unless both eigenvalues are positive and finite.
    """
    lams = _pair("eigenvalues", eigenvalues, low=0.0, low_open=True)
    theta = check_number("angle", angle)
    cx, cy = _pair("center", center)
    c = np.array([cx, cy])
    rotation = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    hessian = rotation @ np.diag(lams) @ rotation.T
    hessian = 0.5 * (hessian + hessian.T)  # exactly symmetric
    hessian.setflags(write=False)

    def value(w):
        offset = w - c
        return 0.5 * np.einsum("...i,ij,...j->...", offset, hessian, offset)

    def gradient(w):
        return (w - c) @ hessian

    return Landscape(
        name=f"quadratic(eigenvalues={lams}, angle={theta:g})",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((cx, cy),),
        min_value=0.0,
        local_minima=(),
        window=((cx - 3.0, cx + 3.0), (cy - 3.0, cy + 3.0)),
        start=(cx - 2.5, cy + 2.0),
        hessian=hessian,
    )


def rosenbrock(a=1.0, b=100.0):
    r"""Rosenbrock's banana valley $f(x, y) = (a - x)^2 + b\,(y - x^2)^2$; minimum 0 at $(a, a^2)$.

    $$\nabla f = \big(-2(a - x) - 4 b x (y - x^2),\; 2 b (y - x^2)\big)$$

    Easy to find the curved valley, slow to follow it to the minimum. Requires ``b > 0``.
    """
    a = check_number("a", a)
    b = check_number("b", b, low=0.0, low_open=True)
    s = max(abs(a), 1.0)

    def value(w):
        x, y = w[..., 0], w[..., 1]
        return (a - x) ** 2 + b * (y - x**2) ** 2

    def gradient(w):
        x, y = w[..., 0], w[..., 1]
        return np.stack([-2 * (a - x) - 4 * b * x * (y - x**2), 2 * b * (y - x**2)], axis=-1)

    return Landscape(
        name=f"rosenbrock(a={a:g}, b={b:g})",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((a, a**2),),
        min_value=0.0,
        local_minima=(),
        window=((-2.0 * s, 2.0 * s), (-1.0 * s**2, 3.0 * s**2)),
        start=(-1.2 * s, 1.0 * s**2),
        log_levels=True,
    )


def beale():
    r"""Beale's function; minimum 0 at $(3, 0.5)$, flat plateaus and steep walls.

    $$f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2$$
    """
    constants = (1.5, 2.25, 2.625)

    def value(w):
        x, y = w[..., 0], w[..., 1]
        return sum((c - x + x * y ** (k + 1)) ** 2 for k, c in enumerate(constants))

    def gradient(w):
        x, y = w[..., 0], w[..., 1]
        terms = [(c - x + x * y ** (k + 1), k + 1) for k, c in enumerate(constants)]
        d_x = sum(2 * t * (y**p - 1) for t, p in terms)
        d_y = sum(2 * t * p * x * y ** (p - 1) for t, p in terms)
        return np.stack([d_x, d_y], axis=-1)

    return Landscape(
        name="beale()",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((3.0, 0.5),),
        min_value=0.0,
        local_minima=(),
        window=((-4.5, 4.5), (-4.5, 4.5)),
        start=(1.0, 1.5),
        log_levels=True,
    )


def himmelblau():
    r"""Himmelblau's function $f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$: four minima, all $f = 0$.

    $$\nabla f = \big(4x(x^2 + y - 11) + 2(x + y^2 - 7),\; 2(x^2 + y - 11) + 4y(x + y^2 - 7)\big)$$

    Which minimum you reach depends on where you start.
    """

    def value(w):
        x, y = w[..., 0], w[..., 1]
        return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2

    def gradient(w):
        x, y = w[..., 0], w[..., 1]
        first, second = x**2 + y - 11, x + y**2 - 7
        return np.stack([4 * x * first + 2 * second, 2 * first + 4 * y * second], axis=-1)

    return Landscape(
        name="himmelblau()",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=_HIMMELBLAU_MINIMA,
        min_value=0.0,
        local_minima=(),
        window=((-5.0, 5.0), (-5.0, 5.0)),
        start=(0.0, 0.0),
        log_levels=True,
    )


def saddle():
    r"""Saddle $f(x, y) = x^2 - y^2$: a stationary point at the origin but no minimum.

    $\nabla f = (2x, -2y)$. Started on the $x$-axis, gradient descent stalls at the origin;
    a tiny $y$ offset grows and the run escapes (and $f \to -\infty$).
    """

    def value(w):
        return w[..., 0] ** 2 - w[..., 1] ** 2

    def gradient(w):
        return np.stack([2 * w[..., 0], -2 * w[..., 1]], axis=-1)

    return Landscape(
        name="saddle()",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=(),
        min_value=None,
        local_minima=(),
        window=((-2.0, 2.0), (-2.0, 2.0)),
        start=(-1.5, 1e-3),
    )


def rastrigin(A=10.0):
    r"""Rastrigin's egg-crate $f = 2A + \sum_i \big(w_i^2 - A\cos(2\pi w_i)\big)$; minimum 0 at 0.

    $\partial f / \partial w_i = 2 w_i + 2\pi A \sin(2\pi w_i)$. Hundreds of local minima (near
    the integer points, too many to list: ``local_minima`` is empty). Requires ``A >= 0``.
    """
    A = check_number("A", A, low=0.0)

    def value(w):
        return 2 * A + np.sum(w**2 - A * np.cos(2 * np.pi * w), axis=-1)

    def gradient(w):
        return 2 * w + 2 * np.pi * A * np.sin(2 * np.pi * w)

    return Landscape(
        name=f"rastrigin(A={A:g})",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((0.0, 0.0),),
        min_value=0.0,
        local_minima=(),
        window=((-5.12, 5.12), (-5.12, 5.12)),
        start=(-4.5, 3.5),
    )


def double_well():
    r"""1-D tilted double well $f(x) = \tfrac14 x^4 - \tfrac13 x^3 - x^2$.

    $f'(x) = x^3 - x^2 - 2x = x (x + 1)(x - 2)$: a local minimum at $x = -1$ ($f = -5/12$), a local
    maximum at 0 ($f = 0$) and the global minimum at $x = 2$ ($f = -8/3$). Gradient descent from
    the default start (-1.8) settles in the worse, local minimum.
    """

    def value(x):
        return x**4 / 4 - x**3 / 3 - x**2

    def gradient(x):
        return x**3 - x**2 - 2 * x

    return Landscape(
        name="double_well()",
        dim=1,
        value_fn=value,
        grad_fn=gradient,
        minima=((2.0,),),
        min_value=-8.0 / 3.0,
        local_minima=((-1.0,),),
        window=(-2.0, 3.0),
        start=-1.8,
    )


def saddle_with_floor():
    r"""A saddle with a floor: $f(x, y) = x^2 + \tfrac14 (y^2 - 2)^2$.

    $\nabla f = \big(2x,\; y\,(y^2 - 2)\big)$. Near the origin $f \approx 1 + x^2 - y^2$, the
    :func:`saddle` (stationary point at $(0, 0)$, $f = 1$, Hessian $\mathrm{diag}(2, -2)$); further
    out the quartic term catches the fall, so there are two global minima $f = 0$ at
    $(0, \pm\sqrt 2)$. Unlike :func:`saddle` it is bounded below, so "final loss" ranks runs:
    a run that stays on the ridge ends near $f = 1$, one that escapes ends near 0. Started at
    $(-1.5, 10^{-3})$, almost on the ridge line $y = 0$.
    """
    root = float(np.sqrt(2.0))

    def value(w):
        x, y = w[..., 0], w[..., 1]
        return x**2 + 0.25 * (y**2 - 2.0) ** 2

    def gradient(w):
        x, y = w[..., 0], w[..., 1]
        return np.stack([2 * x, y * (y**2 - 2.0)], axis=-1)

    return Landscape(
        name="saddle_with_floor()",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((0.0, root), (0.0, -root)),
        min_value=0.0,
        local_minima=(),
        window=((-2.0, 2.0), (-2.0, 2.0)),
        start=(-1.5, 1e-3),
    )


LANDSCAPES = {
    "quadratic": quadratic,
    "rosenbrock": rosenbrock,
    "beale": beale,
    "himmelblau": himmelblau,
    "saddle": saddle,
    "rastrigin": rastrigin,
    "double_well": double_well,
}
"""Name -> factory (call it to get the :class:`Landscape`)."""


def _pair(name, value, **bounds):
    if np.shape(value) != (2,):
        raise ValueError(f"{name} must be a pair of numbers, got {value!r}")
    return tuple(check_number(f"{name}[{i}]", v, **bounds) for i, v in enumerate(value))


def cliff(height=20.0, width=0.1, position=1.0):
    r"""A bowl with a cliff: $f(x, y) = \tfrac12 r^2 + \tfrac1{20} r^4 + h\,S\big((x - c)/d\big)$,
    $r^2 = x^2 + y^2$.

    $S(t) = 3t^2 - 2t^3$ for $0 \le t \le 1$ (0 below, 1 above) is a smooth step: a wall of height
    $h$ (``height``) rising over the band $c \le x \le c + d$ (``position``, ``width``), with a
    plateau behind it. On the wall the slope reaches $1.5\,h/d$ (300 for the defaults), so one
    gradient step that lands there throws $w$ far away, where the quartic term makes the bowl
    ever steeper. The gradient is

    $$\nabla f = \big(1 + \tfrac15 r^2\big)(x, y) + \Big(\tfrac{6h}{d}\, t(1 - t),\ 0\Big),
    \qquad t = \mathrm{clip}\big((x - c)/d, 0, 1\big),$$

    exactly zero from the wall term outside the band, so the minimum is $f = 0$ at $(0, 0)$ for any
    ``position > 0``.

    Raises:
        TypeError, ValueError: ``height`` < 0, ``width`` <= 0 or ``position`` <= 0 (or not finite).
    """
    h = check_number("height", height, low=0.0)
    d = check_number("width", width, low=0.0, low_open=True)
    c = check_number("position", position, low=0.0, low_open=True)

    def value(w):
        x, r2 = w[..., 0], w[..., 0] ** 2 + w[..., 1] ** 2
        t = np.clip((x - c) / d, 0.0, 1.0)
        return 0.5 * r2 + r2**2 / 20 + h * t**2 * (3 - 2 * t)

    def gradient(w):
        x, r2 = w[..., 0], w[..., 0] ** 2 + w[..., 1] ** 2
        t = np.clip((x - c) / d, 0.0, 1.0)
        radial = (1 + r2 / 5)[..., None] * w
        return radial + np.stack([6 * h / d * t * (1 - t), np.zeros_like(x)], axis=-1)

    return Landscape(
        name=f"cliff(height={h:g}, width={d:g}, position={c:g})",
        dim=2,
        value_fn=value,
        grad_fn=gradient,
        minima=((0.0, 0.0),),
        min_value=0.0,
        local_minima=(),
        window=((-3.0, 3.0), (-3.0, 3.0)),
        start=(2.5, 1.5),
    )
