"""Tests for helpers.plotting: what each function draws (how it looks was checked by eye)."""

import re
import subprocess
import sys
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from matplotlib.quiver import Quiver  # noqa: E402

from helpers import plotting  # noqa: E402


def quadratic_standin():
    """A stand-in with the Landscape contract's attributes (helpers.landscapes is written apart)."""
    hessian = np.diag([1.0, 10.0])
    return SimpleNamespace(
        name="quadratic",
        dim=2,
        f=lambda w: 0.5 * np.einsum("...i,ij,...j->...", w, hessian, w),
        grad=lambda w: w @ hessian,
        window=((-3.0, 3.0), (-2.0, 2.0)),
        minima=((0.0, 0.0),),
        local_minima=((1.5, -1.0),),  # not a real local minimum; only where the marker goes
        log_levels=False,
        start=(-2.5, 1.5),
    )


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def landscape():
    return quadratic_standin()


def marker_lines(ax, marker):
    return [line for line in ax.get_lines() if line.get_marker() == marker]


def test_import_leaves_rcparams_alone():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); import helpers.plotting; "
        "assert dict(mpl.rcParams) == before"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_use_style_sets_palette_as_prop_cycle():
    with matplotlib.rc_context():
        plotting.use_style()
        colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
        assert [c.upper() for c in colours] == [c.upper() for c in plotting.PALETTE]


def test_use_style_sets_readable_sizes_and_layout():
    with matplotlib.rc_context():
        plotting.use_style()
        assert matplotlib.rcParams["font.size"] >= 10
        assert matplotlib.rcParams["figure.constrained_layout.use"]
        assert not matplotlib.rcParams["axes.spines.top"]


def test_palette_is_okabe_ito():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert okabe_ito <= set(plotting.PALETTE) and len(plotting.PALETTE) == 8


def test_plot_landscape_returns_axes_with_filled_and_line_contours(landscape):
    ax = plotting.plot_landscape(landscape)
    contours = [c for c in ax.collections if isinstance(c, ContourSet)]
    assert isinstance(ax, Axes)
    assert [c.filled for c in contours] == [True, False]
    assert ax.get_xlim() == (-3.0, 3.0) and ax.get_ylim() == (-2.0, 2.0)


def test_plot_landscape_marks_global_minimum_with_star_and_local_with_diamond(landscape):
    ax = plotting.plot_landscape(landscape)
    (star,) = marker_lines(ax, "*")
    (diamond,) = marker_lines(ax, "D")
    np.testing.assert_allclose(star.get_xydata(), [[0.0, 0.0]])
    np.testing.assert_allclose(diamond.get_xydata(), [[1.5, -1.0]])


def test_plot_landscape_log_levels_are_geometric_above_the_minimum(landscape):
    ax = plotting.plot_landscape(landscape, levels=12, log=True)
    levels = ax.collections[0].levels
    gaps = np.diff(levels[1:] - levels[0])
    assert len(levels) == 12
    np.testing.assert_allclose(gaps[1:] / gaps[:-1], gaps[1] / gaps[0])  # constant ratio
    assert gaps[1] / gaps[0] > 1.5


def test_plot_landscape_follows_landscape_log_levels_flag(landscape):
    landscape.log_levels = True
    levels = plotting.plot_landscape(landscape, levels=12).collections[0].levels
    assert not np.allclose(np.diff(levels), np.diff(levels)[0])


def test_contour_levels_linear_are_evenly_spaced():
    levels = plotting.contour_levels(np.array([[0.0, 1.0], [2.0, 4.0]]), levels=5)
    np.testing.assert_allclose(levels, [0.0, 1.0, 2.0, 3.0, 4.0])


def test_contour_levels_log_handle_negative_values():
    levels = plotting.contour_levels(np.array([-5.0, -4.0, 95.0]), levels=4, log=True)
    np.testing.assert_allclose(levels, [-5.0, -4.0, 5.0, 95.0])


def test_plot_trajectory_marks_start_with_circle_and_end_with_cross():
    points = np.array([[-2.0, 1.0], [-1.0, 0.5], [-0.2, 0.1]])
    ax = plotting.plot_trajectory(points, label="GD")
    path, start, end = ax.get_lines()
    np.testing.assert_allclose(path.get_xydata(), points)
    np.testing.assert_allclose(start.get_xydata(), [points[0]])
    np.testing.assert_allclose(end.get_xydata(), [points[-1]])
    assert (start.get_marker(), end.get_marker()) == ("o", "X")
    assert start.get_color() == end.get_color() == path.get_color()


def test_plot_trajectory_drops_points_after_divergence():
    points = np.array([[1.0, 1.0], [3.0, -3.0], [np.inf, 9.0], [np.nan, np.nan]])
    path, _, end = plotting.plot_trajectory(points).get_lines()
    assert len(path.get_xdata()) == 2
    np.testing.assert_allclose(end.get_xydata(), [[3.0, -3.0]])


def test_plot_trajectories_draws_each_path_in_its_own_colour_with_legend(landscape):
    paths = {"SGD": np.array([[-2.0, 1.0], [-1.0, 0.0]]), "Adam": np.array([[2.0, 1.0], [1.0, 0]])}
    ax = plotting.plot_trajectories(landscape, paths)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["global minimum", "local minimum", "SGD", "Adam"]
    path_colours = {line.get_color() for line in ax.get_lines() if line.get_label() in paths}
    assert path_colours == set(plotting.PALETTE[:2])


def test_plot_loss_curves_cuts_nan_tail_and_marks_divergence():
    losses = np.array([4.0, 2.0, 8.0, 64.0, np.inf, np.nan])
    ax = plotting.plot_loss_curves({"lr=1": losses})
    curve, marker = ax.get_lines()
    np.testing.assert_allclose(curve.get_ydata(), [4.0, 2.0, 8.0, 64.0])
    np.testing.assert_allclose(marker.get_xydata(), [[3.0, 64.0]])
    assert ax.get_legend().get_texts()[0].get_text() == "lr=1 (diverged at step 4)"


def run_until_max_loss():
    """Gradient descent with lr too large on f(w) = 5 w^2: optim.run stops at a finite loss."""
    from helpers import optim

    return optim.run(
        optim.SGD(lr=0.3), lambda w: (5.0 * float(w @ w), 10.0 * w), np.ones(1), 50, max_loss=1e3
    )


def test_plot_loss_curves_marks_trajectory_stopped_at_max_loss():
    run = run_until_max_loss()
    assert run.diverged_at is not None and np.all(np.isfinite(run.losses))  # the reported case
    ax = plotting.plot_loss_curves({"lr=0.3": run})
    curve, marker = ax.get_lines()
    k = run.diverged_at
    np.testing.assert_allclose(curve.get_ydata(), run.losses)
    np.testing.assert_allclose(marker.get_xydata(), [[k, run.losses[k]]])
    assert ax.get_legend().get_texts()[0].get_text() == f"lr=0.3 (diverged at step {k})"


def test_plot_loss_curves_marks_divergence_passed_explicitly():
    losses = np.array([4.0, 2.0, 8.0, 64.0, 512.0])
    ax = plotting.plot_loss_curves({"lr=1": losses, "lr=0.1": losses[:2]}, diverged={"lr=1": 3})
    curve, marker, other = ax.get_lines()
    np.testing.assert_allclose(curve.get_ydata(), [4.0, 2.0, 8.0, 64.0])
    np.testing.assert_allclose(marker.get_xydata(), [[3.0, 64.0]])
    texts = [text.get_text() for text in ax.get_legend().get_texts()]
    assert texts == ["lr=1 (diverged at step 3)", "lr=0.1"]


def test_plot_loss_curves_trajectory_that_did_not_diverge_gets_no_cross():
    run = run_until_max_loss()._replace(diverged_at=None)
    ax = plotting.plot_loss_curves({"run": run})
    assert len(ax.get_lines()) == 1
    assert ax.get_legend().get_texts()[0].get_text() == "run"


def test_plot_loss_curves_uses_log_scale_only_for_positive_losses():
    assert plotting.plot_loss_curves({"a": np.array([3.0, 1.0])}).get_yscale() == "log"
    _, ax = plt.subplots()
    assert plotting.plot_loss_curves({"a": np.array([3.0, 0.0])}, ax=ax).get_yscale() == "linear"
    _, ax = plt.subplots()
    ax = plotting.plot_loss_curves({"a": np.array([3.0, 1.0])}, ax=ax, log=False)
    assert ax.get_yscale() == "linear"


def test_plot_loss_curves_accepts_x_per_curve():
    x = {"a": np.array([0.0, 0.5, 2.0]), "b": np.array([0.0, 1.0])}
    curves = {"a": np.array([3.0, 2.0, 1.0]), "b": np.array([3.0, 1.0])}
    ax = plotting.plot_loss_curves(curves, x=x, xlabel="seconds")
    np.testing.assert_allclose(ax.get_lines()[0].get_xdata(), x["a"])
    assert ax.get_xlabel() == "seconds"


def test_plot_loss_surface_makes_3d_axes_with_surface():
    ax = plotting.plot_loss_surface(lambda W1, W2: W1**2 + W2**2, (-1, 1), (-1, 1), resolution=10)
    assert ax.name == "3d" and len(ax.collections) == 1


def test_plot_contour_fn_draws_on_given_axes_with_weight_labels():
    _, ax = plt.subplots()
    out = plotting.plot_contour_fn(lambda W1, W2: W1**2 + W2**2, (-1, 1), (-2, 2), ax=ax)
    assert out is ax and (ax.get_xlabel(), ax.get_ylabel()) == ("$w_1$", "$w_2$")


def test_plot_gradient_field_arrows_point_uphill(landscape):
    ax = plotting.plot_gradient_field(landscape, n=5)
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    arrows = np.column_stack([quiver.U, quiver.V])
    expected = landscape.grad(quiver.XY)
    expected /= np.maximum(np.linalg.norm(expected, axis=1, keepdims=True), 1e-300)
    np.testing.assert_allclose(arrows, expected, atol=1e-12)


def test_plot_gradient_field_unnormalized_keeps_gradient_lengths(landscape):
    ax = plotting.plot_gradient_field(landscape.grad, (-1, 1), (-1, 1), n=3, normalize=False)
    quiver = ax.collections[0]
    np.testing.assert_allclose(np.column_stack([quiver.U, quiver.V]), landscape.grad(quiver.XY))


BAD_INPUTS = [
    (lambda L: plotting.plot_trajectory(np.array([[0, 1], [2, 3]])), TypeError, "points"),
    (lambda L: plotting.plot_trajectory(np.zeros((3, 3))), ValueError, "(n, 2)"),
    (lambda L: plotting.plot_landscape(SimpleNamespace(dim=1)), ValueError, "dim=1"),
    (lambda L: plotting.plot_contour_fn(lambda a, b: a, (1, -1), (0, 1)), ValueError, "xrange"),
    (
        lambda L: plotting.plot_contour_fn(lambda a, b: 0 * a, (0, 1), (0, 1)),
        ValueError,
        "constant",
    ),
    (lambda L: plotting.plot_contour_fn(lambda a, b: a[0], (0, 1), (0, 1)), ValueError, "shape"),
    (lambda L: plotting.plot_gradient_field(L.grad), ValueError, "xrange"),
    (
        lambda L: plotting.plot_loss_surface(lambda a, b: a, (0, 1), (0, 1), ax=plt.gca()),
        ValueError,
        "3-D",
    ),
    (lambda L: plotting.plot_loss_curves({"a": np.ones(3)}, x=np.arange(4.0)), ValueError, "(3,)"),
    (lambda L: plotting.plot_landscape(L, levels=1), ValueError, "levels"),
    (lambda L: plotting.plot_loss_curves([np.ones(3)]), TypeError, "curves must be a mapping"),
    (lambda L: plotting.plot_loss_curves({"a": np.ones(3)}, diverged=[2]), TypeError, "diverged"),
    (lambda L: plotting.plot_loss_curves({"a": np.ones(3)}, diverged={"b": 1}), ValueError, "'b'"),
    (
        lambda L: plotting.plot_loss_curves({"a": np.ones(3)}, diverged={"a": 3}),
        ValueError,
        "diverged['a'] must be <= 2",
    ),
    (
        lambda L: plotting.plot_loss_curves({"a": np.ones(3)}, diverged={"a": 1.5}),
        TypeError,
        "diverged['a']",
    ),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_with_a_message_naming_the_problem(landscape, call, error, fragment):
    with pytest.raises(error, match=re.escape(fragment)):
        call(landscape)


def test_use_style_shows_inline_figures_at_the_size_they_were_made():
    """Jupyter's inline backend crops figures to their contents by default (a second layout
    pass); use_style turns that off, so a figure's PNG is figsize × dpi exactly."""
    import base64

    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure
    from matplotlib_inline import backend_inline
    from matplotlib_inline.config import InlineBackend

    shell = InteractiveShell.instance()
    try:
        backend_inline.configure_inline_support(shell, "module://matplotlib_inline.backend_inline")
        formatter = shell.display_formatter.formatters["image/png"]

        def png(fig):  # the formatter gives base64 text (bytes in older versions)
            data = formatter(fig)
            return base64.b64decode(data) if isinstance(data, str) else data

        with matplotlib.rc_context():
            fig = Figure(figsize=(3, 2), layout="constrained")
            fig.add_subplot().plot([0, 1])
            cropped = png(fig)
            plotting.use_style()
            exact = png(fig)
            dpi = fig.dpi  # IPython draws inline figures at the figure's dpi
        size = (int.from_bytes(exact[16:20], "big"), int.from_bytes(exact[20:24], "big"))
        assert size == (round(3 * dpi), round(2 * dpi))
        assert cropped[16:24] != exact[16:24]  # the default crops: this test can tell
    finally:
        InlineBackend.clear_instance()
        InteractiveShell.clear_instance()
