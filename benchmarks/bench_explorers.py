"""Median redraw time (compute + draw + PNG render) of representative explorers.

Run: ``.venv/bin/python benchmarks/bench_explorers.py``. The kernel-side cost only: the browser adds
a few tens of milliseconds to show the image. Target: about 0.1 s per redraw. The max column is
usually the first redraw of a run: it computes the constrained layout that later redraws reuse.
"""

import os
import time
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

from helpers import plotting, widgets  # noqa: E402

HESSIAN = np.array([[1.0, 0.0], [0.0, 10.0]])
QUADRATIC = SimpleNamespace(  # the Landscape contract, so this runs before landscapes.py exists
    name="quadratic",
    dim=2,
    f=lambda w: 0.5 * np.einsum("...i,ij,...j->...", w, HESSIAN, w),
    window=((-3.0, 3.0), (-2.0, 2.0)),
    minima=((0.0, 0.0),),
    local_minima=(),
    log_levels=False,
)


def gd_path(lr, steps=100, start=(-2.5, 1.5)):
    """Gradient descent on the quadratic, inline (w <- w - lr H w)."""
    path = [np.array(start)]
    for _ in range(steps):
        path.append(path[-1] - lr * HESSIAN @ path[-1])
    return np.array(path)


def contour_explorer(resolution):
    def draw(path, fig):
        plotting.plot_trajectories(QUADRATIC, {"GD": path}, ax=fig.add_subplot())

    def compute(lr):
        return gd_path(lr)

    return compute, draw, [{"lr": lr} for lr in np.linspace(0.01, 0.19, 10)]


def cached_contour_explorer():
    """The docstring pattern: the landscape grid is evaluated once, outside compute()."""
    W1, W2 = np.meshgrid(np.linspace(-3, 3, 120), np.linspace(-2, 2, 120))
    Z = QUADRATIC.f(np.stack([W1, W2], axis=-1))

    def draw(path, fig):
        ax = fig.add_subplot()
        ax.contour(W1, W2, Z, levels=20, colors="0.6", linewidths=0.6)
        plotting.plot_trajectory(path, ax=ax)
        ax.set(xlabel="$w_1$", ylabel="$w_2$", aspect="equal")

    return (lambda lr: gd_path(lr)), draw, [{"lr": lr} for lr in np.linspace(0.01, 0.19, 10)]


def line_fit_explorer():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 40)
    y = 2.0 * x - 1.0 + 0.3 * rng.normal(size=40)

    def mse(W1, W2):
        return np.mean((W1[..., None] * x + W2[..., None] - y) ** 2, axis=-1)

    def compute(slope, intercept):
        return slope, intercept, float(mse(np.array(slope), np.array(intercept)))

    def draw(result, fig):
        slope, intercept, loss = result
        fit, surface = fig.subplots(1, 2)
        fit.scatter(x, y, s=12)
        fit.plot([-1, 1], [intercept - slope, intercept + slope], color=plotting.PALETTE[4])
        fit.set(xlabel="x", ylabel="y", title=f"loss = {loss:.3f}")
        plotting.plot_contour_fn(mse, (-1, 5), (-4, 2), ax=surface, levels=20, resolution=80)
        surface.plot(slope, intercept, "o", color=plotting.PALETTE[5])

    values = [
        {"slope": s, "intercept": b}
        for s, b in zip(np.linspace(0, 4, 10), [-1.0] * 10, strict=True)
    ]
    return compute, draw, values


def histogram_explorer():
    rng = np.random.default_rng(0)

    def compute(scale):
        weights = rng.normal(0.0, scale, (4, 64, 64))
        activations, h = [], rng.normal(size=(256, 64))
        for layer in weights:
            h = np.tanh(h @ layer)
            activations.append(h.ravel())
        return activations

    def draw(activations, fig):
        for i, (ax, values) in enumerate(
            zip(fig.subplots(1, 4, sharey=True), activations, strict=True)
        ):
            # stepfilled: one polygon per panel instead of 40 bar patches (several times faster)
            ax.hist(
                values, bins=40, range=(-1, 1), color=plotting.PALETTE[i], histtype="stepfilled"
            )
            ax.set(title=f"layer {i + 1}", xlabel="activation")

    return compute, draw, [{"scale": s} for s in np.linspace(0.05, 0.5, 10)]


def main():
    plotting.use_style()
    cases = [
        ("contour + 100 GD steps (plot_trajectories, 200x200 grid)", contour_explorer(200)),
        ("contour + 100 GD steps, grid cached outside compute", cached_contour_explorer()),
        ("line fit + loss-surface contour with current point", line_fit_explorer()),
        ("4 histogram panels (activations through tanh layers)", histogram_explorer()),
    ]
    print(f"{'explorer':<58} {'median':>9} {'max':>8} {'cpu/redraw':>11}")
    for name, (compute, draw, values) in cases:
        widgets.time_explorer(compute, draw, values[:1])  # warm-up (font cache, imports)
        cpu = time.process_time()
        seconds = widgets.time_explorer(compute, draw, values)
        cpu = (time.process_time() - cpu) / len(values)
        median, worst = np.median(seconds) * 1e3, max(seconds) * 1e3
        print(f"{name:<58} {median:6.0f} ms {worst:5.0f} ms {cpu * 1e3:8.0f} ms")
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times grow with it)"
    )


if __name__ == "__main__":
    main()
