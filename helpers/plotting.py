r"""Figures for the notebooks: landscapes, trajectories, loss curves, surfaces and gradient fields.

Every function takes ``ax=None`` (meaning: the current axes, ``plt.gca()``) and returns the axes it
drew on, so calls compose: ``ax = plot_landscape(L); plot_trajectory(path, ax=ax)``. Nothing here
calls ``plt.show()`` or picks a title. Importing this module changes nothing; ``use_style()`` is the
one function that touches ``matplotlib.rcParams``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from helpers._validate import check_float_array, check_number

PALETTE = [
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#F0E442",  # yellow
]
"""Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/) in their order,
except yellow, which is hard to see on white, moved to the end (the 8th line of a plot)."""

LANDSCAPE_GREYS = ("#a3a3a3", "#fcfcfc")
"""Filled landscape contours run from mid grey (low loss) to near white (high loss), so every
palette colour drawn on top (including black) stays visible."""

_STYLE = {
    "axes.prop_cycle": None,  # filled in by use_style (needs matplotlib's cycler)
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 2.0,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.figsize": (7.0, 4.0),
    "figure.constrained_layout.use": True,
    "legend.frameon": False,
}


def use_style():
    """Set the suite's look: Okabe–Ito colours, readable sizes, light grid, constrained layout.

    Changes ``matplotlib.rcParams`` for the rest of the session (call it once in the setup cell,
    after importing pyplot; ``matplotlib.rcdefaults()`` undoes that). In Jupyter it also shows
    inline figures at the size they were made instead of cropping them to their contents: it sets
    ``bbox_inches=None`` in ``InlineBackend.print_figure_kwargs`` (its other keys are kept;
    ``%config InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight'}`` brings cropping
    back). Constrained layout already fits the figures, and each is then laid out once instead of
    twice (about 10 % of a notebook's run time).
    """
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update({**_STYLE, "axes.prop_cycle": cycler(color=PALETTE)})
    _inline_at_figure_size()


def _inline_at_figure_size():
    """``%config InlineBackend.print_figure_kwargs = {'bbox_inches': None}``, where there is one."""
    try:
        from matplotlib_inline.config import InlineBackend
    except ImportError:  # not in Jupyter, or a front end with an inline backend of its own
        return
    if not InlineBackend.initialized() or InlineBackend.instance().shell is None:
        return  # pyplot not imported in a kernel yet: nothing to configure
    config = InlineBackend.instance()
    config.print_figure_kwargs = {**config.print_figure_kwargs, "bbox_inches": None}


def _get_ax(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.gca()


def _grid(f: Callable, xrange, yrange, resolution):
    """Evaluate ``f(W1, W2)`` on a ``resolution`` x ``resolution`` grid; return W1, W2, Z."""
    (xmin, xmax), (ymin, ymax) = _check_range("xrange", xrange), _check_range("yrange", yrange)
    resolution = check_number("resolution", resolution, low=2, integer=True)
    W1, W2 = np.meshgrid(np.linspace(xmin, xmax, resolution), np.linspace(ymin, ymax, resolution))
    with np.errstate(all="ignore"):
        Z = np.asarray(f(W1, W2), dtype=float)
    if Z.shape != W1.shape:
        raise ValueError(f"f(W1, W2) must return an array of shape {W1.shape}, got {Z.shape}")
    return W1, W2, Z


def _check_range(name, value):
    try:
        low, high = value
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair (low, high), got {value!r}") from None
    low, high = check_number(f"{name}[0]", low), check_number(f"{name}[1]", high)
    if not low < high:
        raise ValueError(f"{name} must have low < high, got {value!r}")
    return low, high


def contour_levels(Z, levels=30, log=False):
    r"""Return ``levels`` contour levels spanning the finite values of ``Z``.

    Linear: evenly spaced from min to max. Log: $z_{\min} + \text{geomspace}(\delta, z_{\max} -
    z_{\min})$ with $\delta = 10^{-4}(z_{\max} - z_{\min})$ (or the smallest gap on the grid if
    larger), so the levels crowd near the minimum, where the interesting valley is, and work even
    when ``Z`` has values $\le 0$.

    Raises:
        ValueError: ``Z`` has no finite values or is constant; ``levels`` < 2.
    """
    levels = check_number("levels", levels, low=2, integer=True)
    finite = np.asarray(Z, dtype=float)[np.isfinite(Z)]
    if finite.size == 0 or finite.min() == finite.max():
        raise ValueError("cannot draw contours: the function is constant or not finite on the grid")
    low, high = finite.min(), finite.max()
    if not log:
        return np.linspace(low, high, levels)
    gaps = finite - low
    smallest = max(gaps[gaps > 0].min(), (high - low) * 1e-4)
    return low + np.concatenate([[0.0], np.geomspace(smallest, high - low, levels - 1)])


def plot_contour_fn(
    f, xrange, yrange, ax=None, levels=30, log=False, resolution=200, filled=True, cmap=None
):
    r"""Draw contours of a vectorized function ``f(W1, W2) -> Z`` over a rectangle.

    Args:
        f: called once with two (resolution, resolution) grids, returns Z of the same shape
            (e.g. the loss of a 2-weight model for every pair of weights).
        xrange, yrange: ``(low, high)`` of the first and second weight.
        levels: number of contour levels; ``log=True`` spaces them geometrically above the
            minimum (see ``contour_levels``), for valleys like Rosenbrock's.
        filled: filled bands (light greys, or ``cmap``) with thin lines on top; else lines only.

    Returns the axes. Raises ``ValueError`` for a bad range or a constant/non-finite ``f``.
    """
    ax = _get_ax(ax)
    W1, W2, Z = _grid(f, xrange, yrange, resolution)
    bounds = contour_levels(Z, levels, log=log)
    cmap = cmap or (_landscape_cmap() if filled else "viridis")
    Z = np.where(np.isfinite(Z), Z, bounds[-1])
    if filled:
        from matplotlib.colors import BoundaryNorm

        norm = BoundaryNorm(bounds, 256)  # even colour steps even when levels are log-spaced
        ax.contourf(W1, W2, Z, levels=bounds, cmap=cmap, norm=norm, extend="max")
        ax.contour(W1, W2, Z, levels=bounds, colors="black", linewidths=0.4, alpha=0.25)
    else:
        ax.contour(W1, W2, Z, levels=bounds, cmap=cmap, linewidths=1.0)
    ax.set(xlim=xrange, ylim=yrange, xlabel="$w_1$", ylabel="$w_2$")
    ax.grid(False)
    _maybe_equal_aspect(ax, xrange, yrange)
    return ax


def _landscape_cmap():
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("landscape", LANDSCAPE_GREYS)


def _maybe_equal_aspect(ax, xrange, yrange):
    """Equal units on both axes, unless that would squash the plot (ratio beyond 3:1)."""
    ratio = (yrange[1] - yrange[0]) / (xrange[1] - xrange[0])
    if 1 / 3 <= ratio <= 3:
        ax.set_aspect("equal", adjustable="box")


def plot_landscape(landscape, ax=None, levels=30, resolution=200, log=None, filled=True):
    r"""Draw a 2-D landscape's contours over its ``window`` and mark its minima.

    Global minima get a star, local minima a diamond (both labelled for a legend). Levels are
    log-spaced when ``landscape.log_levels`` (override with ``log=True/False``).

    Args:
        landscape: a ``helpers.landscapes.Landscape`` with ``dim == 2`` (uses ``f``, ``window``,
            ``minima``, ``local_minima``, ``log_levels``).

    Returns the axes. Raises ``ValueError`` when the landscape is not 2-D.
    """
    if getattr(landscape, "dim", None) != 2:
        raise ValueError(f"landscape must be 2-D, got dim={getattr(landscape, 'dim', None)!r}")
    log = landscape.log_levels if log is None else log
    ax = plot_contour_fn(
        lambda W1, W2: landscape.f(np.stack([W1, W2], axis=-1)),
        *landscape.window,
        ax=ax,
        levels=levels,
        log=log,
        resolution=resolution,
        filled=filled,
    )
    _mark_points(ax, landscape.minima, "*", 15, "global minimum")
    _mark_points(ax, landscape.local_minima, "D", 7, "local minimum")
    return ax


def _mark_points(ax, points, marker, size, label):
    if len(points) == 0:
        return
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    style = dict(color="white", markeredgecolor="black", markeredgewidth=1.0, zorder=4)
    ax.plot(*points.T, ls="none", marker=marker, markersize=size, label=label, **style)


def plot_trajectory(points, ax=None, label=None, color=None, markevery=None):
    r"""Draw an optimizer's path $w_0, w_1, \dots$: a line with small dots, a circle at the start
    and a cross at the end.

    Args:
        points: (n, 2) float array of iterates (e.g. ``Trajectory.params``). Rows after the first
            non-finite one (a diverged run) are dropped.
        markevery: passed to matplotlib (e.g. 10 to dot every 10th step of a long run).

    Returns the axes. Raises ``TypeError``/``ValueError`` for a non-float or non-(n, 2) array.
    """
    points = _finite_prefix(check_float_array("points", points, ndim=2, finite=False))
    if points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}")
    ax = _get_ax(ax)
    (line,) = ax.plot(
        *points.T,
        marker="o",
        markersize=3,
        markevery=markevery,
        label=label,
        color=color,
        lw=1.8,
        zorder=3,
    )
    color = line.get_color()
    if len(points):
        ax.plot(*points[0], marker="o", markersize=8, color=color, mec="white", zorder=5)
        ax.plot(*points[-1], marker="X", markersize=10, color=color, mec="white", zorder=5)
    return ax


def _finite_prefix(points):
    bad = ~np.all(np.isfinite(points), axis=-1)
    return points[: np.argmax(bad)] if bad.any() else points


def plot_trajectories(landscape, paths: Mapping, ax=None, levels=30, legend=True):
    """Draw a landscape and several optimizer paths on it, one palette colour each, with a legend.

    Args:
        paths: ``{label: points (n, 2)}``, e.g. ``{"SGD": run(...).params, "Adam": ...}``.

    Returns the axes.
    """
    ax = plot_landscape(landscape, ax=ax, levels=levels)
    colours = PALETTE[:-1]  # yellow vanishes on the light contours
    for i, (label, points) in enumerate(paths.items()):
        plot_trajectory(points, ax=ax, label=label, color=colours[i % len(colours)])
    if legend:
        # Inside: outside legends fight constrained layout + equal aspect and get clipped.
        ax.legend(loc="best", frameon=True, framealpha=0.9)
    return ax


def plot_loss_curves(curves: Mapping, ax=None, x=None, xlabel="step", log=True, diverged=None):
    r"""Draw loss curves $L(w_t)$, one per label; diverged runs end in a marked cross.

    Args:
        curves: ``{label: losses}``, each value a float array (n,) or a
            ``helpers.optim.Trajectory`` (uses its ``.losses`` and ``.diverged_at``). A run that
            diverged ends in an ✕ and its legend entry says "diverged at step k": k is the first
            NaN/inf loss, ``Trajectory.diverged_at`` (``optim.run`` stops at ``max_loss`` with a
            *finite* last loss), or ``diverged[label]``, whichever comes first. Points after k and
            non-finite losses are not drawn.
        x: None (step indices 0..n-1), one array shared by every curve, or ``{label: array}``
            (e.g. cumulative seconds, with ``xlabel="seconds"``).
        log: log-scaled y axis (used only when every plotted loss is positive).
        diverged: optional ``{label: step}`` marking runs that diverged at ``step`` (an int
            index into that run's losses), e.g. for losses recorded by hand or by ``training.fit``.

    Returns the axes. Raises ``TypeError`` when ``curves``/``diverged`` is not a mapping or a
    step is not an int; ``ValueError`` when an ``x`` array and its curve differ in length, or
    ``diverged`` names an unknown label or a step outside the run.
    """
    diverged = _check_diverged(diverged, curves)
    ax = _get_ax(ax)
    all_positive = True
    for label, curve in curves.items():
        losses, step = _losses_and_divergence(label, curve, diverged.get(label))
        xs = _curve_x(x, label, len(losses))
        shown = _shown_points(losses, step)
        (line,) = ax.plot(xs[:shown], losses[:shown], label=_curve_label(label, step))
        if step is not None and shown > 0:
            ax.plot(
                xs[shown - 1], losses[shown - 1], marker="X", markersize=10, color=line.get_color()
            )
        all_positive &= bool(np.all(losses[:shown] > 0))
    if log and all_positive:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel="loss")
    ax.legend()
    return ax


def _check_diverged(diverged, curves):
    if not isinstance(curves, Mapping):
        raise TypeError(f"curves must be a mapping {{label: losses}}, got {type(curves).__name__}")
    if diverged is None:
        return {}
    if not isinstance(diverged, Mapping):
        raise TypeError(f"diverged must be a mapping {{label: step}}, got {diverged!r}")
    unknown = [label for label in diverged if label not in curves]
    if unknown:
        raise ValueError(f"diverged names labels that are not in curves: {unknown!r}")
    return diverged


def _losses_and_divergence(label, curve, step):
    """The run's losses and the step where it diverged (first NaN/inf, recorded or given)."""
    if hasattr(curve, "losses") and hasattr(curve, "diverged_at"):  # an optim.Trajectory
        curve, recorded = curve.losses, curve.diverged_at
        step = recorded if step is None else step
    losses = check_float_array(f"curves[{label!r}]", curve, ndim=1, finite=False)
    if step is not None:
        step = check_number(f"diverged[{label!r}]", step, low=0, high=len(losses) - 1, integer=True)
    bad = ~np.isfinite(losses)
    first_bad = int(np.argmax(bad)) if bad.any() else None
    candidates = [k for k in (step, first_bad) if k is not None]
    return losses, min(candidates) if candidates else None


def _shown_points(losses, step):
    """How many leading losses to draw: up to ``step`` (inclusive), finite ones only."""
    shown = len(losses) if step is None else step + 1
    finite = np.isfinite(losses[:shown])
    return int(np.argmin(finite)) if not finite.all() else shown


def _curve_x(x, label, n):
    if x is None:
        return np.arange(n)
    xs = np.asarray(x[label] if isinstance(x, Mapping) else x, dtype=float)
    if xs.shape != (n,):
        raise ValueError(f"x for {label!r} must have shape ({n},), got {xs.shape}")
    return xs


def _curve_label(label, end):
    return label if end is None else f"{label} (diverged at step {end})"


def plot_loss_surface(
    f, xrange, yrange, ax=None, resolution=60, cmap="viridis", zlabel="loss", log=False
):
    r"""Draw ``Z = f(W1, W2)`` as a 3-D surface (e.g. the loss over two weights).

    Args:
        f: vectorized, called once with two (resolution, resolution) grids.
        ax: a 3-D axes (``fig.add_subplot(projection="3d")``); None makes one in the current
            figure (or a new figure if the current one already has axes).
        log: plot $\log_{10} Z$ (Z must be positive), for losses spanning decades.

    Returns the 3-D axes. Raises ``ValueError`` when ``ax`` is not 3-D or Z is not positive with
    ``log``.
    """
    ax = _get_3d_ax(ax)
    W1, W2, Z = _grid(f, xrange, yrange, resolution)
    if log:
        if not np.all(Z > 0):
            raise ValueError("log=True needs f > 0 everywhere on the grid")
        Z, zlabel = np.log10(Z), rf"$\log_{{10}}$ {zlabel}"
    ax.plot_surface(W1, W2, Z, cmap=cmap, linewidth=0, antialiased=False, alpha=0.9)
    ax.set(xlabel="$w_1$", ylabel="$w_2$", zlabel=zlabel)
    return ax


def _get_3d_ax(ax):
    if ax is not None:
        if getattr(ax, "name", None) != "3d":
            raise ValueError("ax must be a 3-D axes: fig.add_subplot(projection='3d')")
        return ax
    import matplotlib.pyplot as plt

    fig = plt.gcf() if not plt.gcf().axes else plt.figure()
    return fig.add_subplot(projection="3d")


def plot_gradient_field(
    landscape_or_grad, xrange=None, yrange=None, ax=None, n=15, normalize=True, color=None
):
    r"""Draw the gradient $\nabla f(w)$ as arrows on an n x n grid: each points uphill, along
    the direction of steepest ascent, at right angles to the contour lines.

    Args:
        landscape_or_grad: a Landscape (uses ``grad`` and, by default, ``window``), or a function
            ``grad(w)`` vectorized over ``w`` of shape (..., 2) returning the same shape.
        xrange, yrange: ``(low, high)``; required with a plain function.
        normalize: draw unit-length arrows (directions only); else lengths are $\|\nabla f\|$,
            scaled to fit.

    Returns the axes. Raises ``ValueError`` for a missing range or a wrongly shaped gradient.
    """
    grad = getattr(landscape_or_grad, "grad", landscape_or_grad)
    if xrange is None or yrange is None:
        if not hasattr(landscape_or_grad, "window"):
            raise ValueError("xrange and yrange are required when passing a gradient function")
        xrange, yrange = landscape_or_grad.window
    n = check_number("n", n, low=2, integer=True)
    W1, W2, _ = _grid(lambda W1, W2: np.zeros_like(W1), xrange, yrange, n)
    with np.errstate(all="ignore"):
        G = np.asarray(grad(np.stack([W1, W2], axis=-1)), dtype=float)
    if G.shape != (n, n, 2):
        raise ValueError(
            f"grad(w) must return shape {(n, n, 2)} for w of that shape, got {G.shape}"
        )
    if normalize:
        G = G / np.maximum(np.linalg.norm(G, axis=-1, keepdims=True), 1e-300)
    ax = _get_ax(ax)
    ax.quiver(
        W1,
        W2,
        G[..., 0],
        G[..., 1],
        color=color or PALETTE[5],
        angles="xy",
        pivot="mid",
        scale_units="xy",
        scale=_quiver_scale(G, xrange, yrange, n),
        width=0.004,
    )
    ax.set(xlim=xrange, ylim=yrange, xlabel="$w_1$", ylabel="$w_2$")
    return ax


def _quiver_scale(G, xrange, yrange, n):
    """Arrow units per data unit so the longest arrow spans ~80% of a grid cell."""
    longest = np.nanmax(np.linalg.norm(G, axis=-1))
    cell = min(xrange[1] - xrange[0], yrange[1] - yrange[0]) / (n - 1)
    return max(longest, 1e-300) / (0.8 * cell)


PATH_STYLES = (("-", "o"), ("--", "s"), ("-.", "^"), (":", "D"), ((0, (5, 1)), "v"))
"""(line style, marker) pairs that ``plot_paths`` gives its paths in turn, so that paths differ in
more than colour (a reader who cannot tell two colours apart can still tell the lines apart)."""


def plot_paths(paths: Mapping, ax=None, colors=None, markevery=None):
    r"""Draw several optimizer paths $w_0, w_1, \dots$, each with its own colour, line style and
    marker, a circle at its start and a cross at its end (no landscape: draw that first).

    Args:
        paths: ``{label: points (n, 2)}``, e.g. ``{"SGD": run(...).params, ...}``. Rows after the
            first non-finite one (a diverged run) are dropped.
        colors: one colour per path (default: ``PALETTE`` in order, yellow left out).
        markevery: passed to matplotlib (e.g. 5 to mark every 5th step).

    Returns the axes. Raises ``TypeError`` when ``paths`` is not a mapping, ``ValueError`` for a
    path that is not an (n, 2) float array or when ``colors`` is shorter than ``paths``.
    """
    if not isinstance(paths, Mapping):
        raise TypeError(f"paths must be a mapping {{label: points}}, got {type(paths).__name__}")
    colors = list(PALETTE[:-1] if colors is None else colors)
    if len(colors) < len(paths):
        raise ValueError(f"colors must give one colour per path ({len(paths)}), got {len(colors)}")
    ax = _get_ax(ax)
    for i, (label, points) in enumerate(paths.items()):
        points = check_float_array(f"paths[{label!r}]", points, ndim=2, finite=False)
        if points.shape[1] != 2:
            raise ValueError(f"paths[{label!r}] must have shape (n, 2), got {points.shape}")
        points = _finite_prefix(points)
        linestyle, marker = PATH_STYLES[i % len(PATH_STYLES)]
        style = dict(color=colors[i], zorder=3 + i / 10)
        ax.plot(
            *points.T,
            ls=linestyle,
            marker=marker,
            ms=4,
            markevery=markevery,
            lw=1.6,
            label=label,
            **style,
        )
        if len(points):
            ax.plot(*points[0], marker="o", markersize=8, mec="white", **style)
            ax.plot(*points[-1], marker="X", markersize=10, mec="white", **style)
    return ax


def plot_arrows(points, vectors, ax=None, color=None, label=None):
    r"""Draw one arrow per point, from ``points[i]`` to ``points[i] + vectors[i]``, in the axes'
    own units (an arrow of length 1 spans one unit of $w_1$), e.g. an optimizer's velocity at
    each iterate. Zero vectors draw nothing.

    Args:
        points, vectors: float arrays of the same shape (n, 2).
        label: legend text for the arrows (matplotlib shows a quiver in the legend as an arrow).

    Returns the axes. Raises ``TypeError``/``ValueError`` for non-float arrays, shapes that are
    not (n, 2) or that differ.
    """
    points = check_float_array("points", points, ndim=2, finite=False)
    vectors = check_float_array("vectors", vectors, ndim=2, finite=False)
    if points.shape[-1:] != (2,) or points.shape != vectors.shape:
        raise ValueError(
            f"points and vectors must both have shape (n, 2), got {points.shape} and "
            f"{vectors.shape}"
        )
    keep = np.all(np.isfinite(points), axis=1) & np.all(np.isfinite(vectors), axis=1)
    ax = _get_ax(ax)
    ax.quiver(
        *points[keep].T,
        *vectors[keep].T,
        angles="xy",
        scale_units="xy",
        scale=1.0,
        color=color or PALETTE[5],
        width=0.005,
        headwidth=4,
        headlength=5,
        zorder=4,
        label=label,
    )
    return ax


def log_axis(ax=None, which="y"):
    r"""Give one axis (or both) a logarithmic scale labelled in plain text at the powers of ten.

    Labels read ``1e-8``, ``0.001``, ``0.01``, ``0.1``, ``1``, ``10``, ``100``, ``1000``,
    ``1e4``: the notation numpy prints. There are no minor ticks. matplotlib's default log
    labels typeset every label as math ($10^{-8}$), which costs about as much time as the rest of
    a simple figure. Call it after plotting (``ax.plot``, not ``ax.semilogy``); set limits before
    or after.

    Args:
        ax: the axes (default: the current axes).
        which: ``"x"``, ``"y"`` or ``"both"``.

    Returns the axes. Raises ``ValueError`` for another ``which``.
    """
    import matplotlib.ticker as mticker

    if which not in ("x", "y", "both"):
        raise ValueError(f"which must be 'x', 'y' or 'both', got {which!r}")
    ax = _get_ax(ax)
    for name in ("x", "y") if which == "both" else (which,):
        (ax.set_xscale if name == "x" else ax.set_yscale)("log")
        axis = ax.xaxis if name == "x" else ax.yaxis
        axis.set_major_locator(mticker.LogLocator(base=10.0, subs=(1.0,)))
        axis.set_major_formatter(mticker.FuncFormatter(_power_of_ten_label))
        axis.set_minor_locator(mticker.NullLocator())
    return ax


def _power_of_ten_label(value, _position=None):
    """Plain text for a tick at a power of ten: '1e-8', '0.01', '1', '1000', '1e4'."""
    if not np.isfinite(value) or value <= 0:
        return ""
    exponent = int(np.round(np.log10(value)))
    return f"{10.0**exponent:g}" if -3 <= exponent <= 3 else f"1e{exponent}"


def landscape_image(landscape, resolution=150, levels=20, log=None, lines=True):
    r"""The filled contours of a 2-D landscape as an RGBA image, to draw many times cheaply.

    Each pixel gets the colour of its contour band (levels from :func:`contour_levels`, light
    greys as in :func:`plot_landscape`), so ``ax.imshow(image, extent=extent, origin="lower")``
    looks like ``plot_landscape``'s filled contours without re-running the contour algorithm:
    compute it once per landscape, outside an explorer's ``compute``, and redraw it in ``draw``.

    Args:
        landscape: a ``helpers.landscapes.Landscape`` with ``dim == 2`` (uses ``f``, ``window``,
            ``log_levels``).
        resolution: pixels per side (int >= 2).
        levels: number of contour levels; log-spaced when ``landscape.log_levels`` unless
            ``log`` says otherwise.
        lines: darken the pixels where the band changes, so the contour lines show.

    Returns:
        ``(image, extent)``: ``image`` float ``(resolution, resolution, 4)`` in [0, 1], row 0 at
        the bottom; ``extent = (xmin, xmax, ymin, ymax)`` for ``imshow``.

    Raises ``ValueError`` when the landscape is not 2-D or is constant on its window.
    """
    from matplotlib.colors import BoundaryNorm

    if getattr(landscape, "dim", None) != 2:
        raise ValueError(f"landscape must be 2-D, got dim={getattr(landscape, 'dim', None)!r}")
    log = landscape.log_levels if log is None else log
    W1, W2, Z = _grid(
        lambda W1, W2: landscape.f(np.stack([W1, W2], axis=-1)), *landscape.window, resolution
    )
    bounds = contour_levels(Z, levels, log=log)
    Z = np.where(np.isfinite(Z), Z, bounds[-1])
    image = _landscape_cmap()(BoundaryNorm(bounds, 256)(Z))  # as plot_contour_fn
    if lines:
        band = np.digitize(Z, bounds)
        edge = np.zeros(band.shape, dtype=bool)
        edge[:, 1:] |= band[:, 1:] != band[:, :-1]
        edge[1:, :] |= band[1:, :] != band[:-1, :]
        image[edge, :3] *= 0.8
    (xmin, xmax), (ymin, ymax) = landscape.window
    return image, (xmin, xmax, ymin, ymax)


__all__ = [
    "PALETTE",
    "LANDSCAPE_GREYS",
    "use_style",
    "contour_levels",
    "plot_contour_fn",
    "plot_landscape",
    "plot_trajectory",
    "plot_trajectories",
    "plot_loss_curves",
    "plot_loss_surface",
    "plot_gradient_field",
    "PATH_STYLES",
    "plot_paths",
    "plot_arrows",
    "log_axis",
    "landscape_image",
]


def plot_basins(labels, extent, colors, names=None, ax=None, alpha=0.55):
    r"""Draw a basin map: every start of a regular grid coloured by the minimum its run reached.

    Args:
        labels: int array ``(ny, nx)``; ``labels[i, j] = k`` when the start in row ``i`` (from
            the bottom) and column ``j`` ended at minimum ``k``, ``-1`` when it ended at none
            (drawn white).
        extent: ``(xmin, xmax, ymin, ymax)`` of the grid of starts, as for ``imshow``.
        colors: one colour per minimum (``len(colors)`` minima, labels ``0 .. len(colors) - 1``).
        names: legend text per minimum (default ``"basin k"``); the legend goes right of the axes.
        alpha: opacity of the colours, so that contour lines drawn on top stay visible.

    Returns the axes (equal aspect, no grid). Raises ``ValueError`` for labels that are not a 2-D
    integer array with values in ``-1 .. len(colors) - 1``, or ``names`` of the wrong length.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    labels = np.asarray(labels)
    if labels.ndim != 2 or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be a 2-D integer array, got {labels.dtype} {labels.shape}")
    if labels.size and (labels.min() < -1 or labels.max() >= len(colors)):
        raise ValueError(
            f"labels must lie in -1 .. {len(colors) - 1} (one colour each), "
            f"got {labels.min()} .. {labels.max()}"
        )
    names = [f"basin {k}" for k in range(len(colors))] if names is None else list(names)
    if len(names) != len(colors):
        raise ValueError(f"names must give one name per colour ({len(colors)}), got {len(names)}")
    ax = _get_ax(ax)
    cmap = ListedColormap(["white", *colors])
    style = dict(cmap=cmap, vmin=-0.5, vmax=len(colors) + 0.5, interpolation="nearest")
    ax.imshow(labels + 1, origin="lower", extent=extent, alpha=alpha, **style)
    handles = [Patch(color=c, alpha=alpha, label=n) for c, n in zip(colors, names, strict=True)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set(xlim=extent[:2], ylim=extent[2:], aspect="equal")
    ax.grid(False)
    return ax


__all__ += ["plot_basins"]


class TracedContours:
    """Contour lines traced once, drawn many times (see :func:`trace_contours`)."""

    def __init__(self, segments, colors):
        self.segments, self.colors = segments, colors

    def draw(self, ax, linewidths=0.8):
        """Add the lines to ``ax`` as one ``LineCollection``; return ``ax``."""
        from matplotlib.collections import LineCollection

        ax.add_collection(LineCollection(self.segments, colors=self.colors, linewidths=linewidths))
        return ax


def trace_contours(X, Y, Z, levels, colors=None):
    r"""Trace the contour lines of a grid once, so an explorer can redraw them cheaply.

    ``ax.contour`` traces the lines of $Z$ again on every call, which costs tens of milliseconds
    on a fine grid; an explorer that redraws the same map at every slider move traces them once
    here and then calls ``.draw(ax)``, which adds the ready-made lines as one artist.

    Args:
        X, Y, Z: 2-D arrays of the same shape (as from ``np.meshgrid``) and the values on them.
        levels: increasing contour values.
        colors: one colour per level (default: viridis over the levels).

    Returns:
        :class:`TracedContours` with ``segments`` (list of ``(k, 2)`` arrays) and ``colors``.

    Raises:
        ValueError: grids of different or non-2-D shapes, or ``colors`` of the wrong length.
    """
    from contourpy import contour_generator
    from matplotlib import colormaps

    X, Y, Z = (check_float_array(n, a) for n, a in (("X", X), ("Y", Y), ("Z", Z)))
    if X.ndim != 2 or not X.shape == Y.shape == Z.shape:
        raise ValueError(f"X, Y, Z must be 2-D of one shape, got {X.shape}, {Y.shape}, {Z.shape}")
    levels = list(levels)
    if colors is None:
        colors = list(colormaps["viridis"](np.linspace(0, 1, len(levels))))
    if len(colors) != len(levels):
        raise ValueError(
            f"colors must give one colour per level ({len(levels)}), got {len(colors)}"
        )
    generator = contour_generator(X, Y, Z)
    segments, segment_colors = [], []
    for level, color in zip(levels, colors, strict=True):
        lines = generator.lines(level)
        segments += lines
        segment_colors += [color] * len(lines)
    return TracedContours(segments, segment_colors)


__all__ += ["trace_contours", "TracedContours"]


def plot_curves(curves: Mapping, ax=None, x=None, colors=None, markevery=None, **style):
    r"""Draw several curves, one per label, told apart by colour *and* line style and marker.

    The (line style, marker) pairs are ``PATH_STYLES`` in order, as in :func:`plot_paths`, so a
    reader who cannot tell two colours apart can still tell the curves apart, and a run keeps
    its look from panel to panel when the mappings list the runs in the same order.

    Args:
        curves: ``{label: y}``, each ``y`` a float array (n,): a loss, a norm, a coordinate per
            step. Non-finite values are not drawn (the curve of a run that blew up stops there).
        x: None (0, 1, ..., n - 1), one array shared by every curve, or ``{label: array}``.
        colors: one colour per curve (default: ``PALETTE`` in order, yellow left out).
        markevery: passed to matplotlib (an int k: every k-th point; a float f: markers f of
            the axes' diagonal apart, which suits log axes).
        **style: more keyword arguments for every ``ax.plot`` (default ``ms=4``), e.g. ``lw=1.5``.

    Returns the axes; every curve has a legend entry (call ``ax.legend()`` to show them).

    Raises ``TypeError`` when ``curves`` is not a mapping or a curve is not a float array;
    ``ValueError`` when a curve is not 1-D, ``colors`` is shorter than ``curves``, or an ``x``
    array and its curve differ in length.
    """
    if not isinstance(curves, Mapping):
        raise TypeError(f"curves must be a mapping {{label: y}}, got {type(curves).__name__}")
    colors = list(PALETTE[:-1] if colors is None else colors)
    if len(colors) < len(curves):
        raise ValueError(
            f"colors must give one colour per curve ({len(curves)}), got {len(colors)}"
        )
    ax = _get_ax(ax)
    style = {"ms": 4, **style}
    for i, (label, y) in enumerate(curves.items()):
        y = check_float_array(f"curves[{label!r}]", y, ndim=1, finite=False)
        linestyle, marker = PATH_STYLES[i % len(PATH_STYLES)]
        ax.plot(
            _curve_x(x, label, len(y)),
            np.where(np.isfinite(y), y, np.nan),
            ls=linestyle,
            marker=marker,
            markevery=markevery,
            color=colors[i],
            label=label,
            **style,
        )
    return ax


def mark_exit(inside, outside, ax=None, text=None, text_xy=None, color=None):
    r"""Show where a jump leaves the picture: a dotted line from ``inside`` toward ``outside``,
    cut where it crosses the edge of the axes' current limits, and a note with an arrow to that
    point of the edge (by default "lands at (x, y)").

    For one step of a run that throws the weights far away: the figure keeps the limits that show
    the rest of the run, and still says where that step went. Set the limits first.

    Args:
        inside: the point (x, y) the jump starts from, inside the current limits.
        outside: the finite point (x, y) where it lands, outside them.
        text: the note (default ``"lands at (x, y)"``, one decimal).
        text_xy: where the note goes, in data coordinates (default: the middle of the axes).
        color: of the line, the arrow and the note (default: the palette's vermillion).

    Returns the axes. Raises ``ValueError`` when the points are not two finite numbers each,
    ``inside`` is outside the limits, or ``outside`` is inside them (nothing leaves).
    """
    start = check_float_array("inside", np.asarray(inside, dtype=float), shape=(2,))
    end = check_float_array("outside", np.asarray(outside, dtype=float), shape=(2,))
    ax = _get_ax(ax)
    limits = np.array([sorted(ax.get_xlim()), sorted(ax.get_ylim())])  # rows: (low, high)
    within = np.all((limits[:, 0] <= start) & (start <= limits[:, 1]))
    beyond = np.any((end < limits[:, 0]) | (end > limits[:, 1]))
    if not within or not beyond:
        raise ValueError(
            f"inside must lie within the axes' limits and outside beyond them, got inside="
            f"{start.tolist()}, outside={end.tolist()}, limits {limits.tolist()}"
        )
    change = end - start
    with np.errstate(divide="ignore", invalid="ignore"):  # a coordinate that does not change
        to_low, to_high = (limits[:, 0] - start) / change, (limits[:, 1] - start) / change
    crossing = np.where(end < limits[:, 0], to_low, np.where(end > limits[:, 1], to_high, np.inf))
    edge = start + float(np.min(crossing)) * change
    color = color or PALETTE[4]
    ax.plot(*np.array([start, edge]).T, ":", color=color, lw=1.5)
    text = f"lands at ({end[0]:.1f}, {end[1]:.1f})" if text is None else text
    text_xy = limits.mean(axis=1) if text_xy is None else text_xy
    arrow = dict(arrowstyle="->", color=color)
    ax.annotate(text, tuple(edge), xytext=tuple(text_xy), color=color, arrowprops=arrow)
    return ax


__all__ += ["plot_curves", "mark_exit"]
