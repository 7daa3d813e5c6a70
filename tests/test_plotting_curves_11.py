"""Tests for helpers.plotting.plot_curves and mark_exit (added for notebook 11)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_curves_gives_each_curve_its_colour_line_style_and_marker_in_order():
    ax = plt.figure().add_subplot()
    curves = {"a": np.arange(5.0), "b": np.ones(5), "c": np.zeros(5)}
    assert plotting.plot_curves(curves, ax=ax, colors=["red", "green", "blue"]) is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b", "c"]
    assert [line.get_color() for line in lines] == ["red", "green", "blue"]
    assert [line.get_marker() for line in lines] == [m for _, m in plotting.PATH_STYLES[:3]]
    assert lines[0].get_linestyle() == "-" and lines[1].get_linestyle() == "--"
    assert len({line.get_linestyle() for line in lines}) == 3


def test_plot_curves_uses_a_shared_or_per_label_x_and_skips_non_finite_values():
    ax = plt.figure().add_subplot()
    plotting.plot_curves({"a": np.array([1.0, np.inf, 3.0])}, ax=ax, x=np.array([10.0, 20, 30]))
    plotting.plot_curves({"b": np.ones(2)}, ax=ax, x={"b": np.array([1.0, 2.0])}, lw=1.0)
    a, b = ax.get_lines()
    assert np.array_equal(a.get_xdata(), [10.0, 20.0, 30.0])
    assert np.isnan(a.get_ydata()[1]) and a.get_ydata()[2] == 3.0
    assert np.array_equal(b.get_xdata(), [1.0, 2.0]) and b.get_linewidth() == 1.0


def test_plot_curves_defaults_to_the_palette_and_the_current_axes():
    ax = plt.figure().add_subplot()
    plotting.plot_curves({"a": np.ones(3), "b": np.ones(3)})
    colours = [line.get_color() for line in ax.get_lines()]
    assert colours == plotting.PALETTE[:2]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(curves=[np.ones(3)]), TypeError, "curves must be a mapping"),
        (dict(curves={"a": np.ones(3)}, colors=[]), ValueError, "one colour per curve"),
        (dict(curves={"a": np.ones((2, 2))}), ValueError, "dimension"),
        (dict(curves={"a": np.ones(3)}, x=np.ones(4)), ValueError, "must have shape \\(3,\\)"),
        (dict(curves={"a": np.arange(3)}), TypeError, "floating-point"),
    ],
)
def test_plot_curves_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        plotting.plot_curves(ax=plt.figure().add_subplot(), **kwargs)


def limited_axes():
    ax = plt.figure().add_subplot()
    ax.set(xlim=(-3, 3), ylim=(-3, 3))
    return ax


def test_mark_exit_cuts_the_dotted_line_at_the_edge_and_points_the_note_there():
    ax = limited_axes()
    assert plotting.mark_exit((1.0, -0.6), (-23.0, -0.3), ax=ax) is ax
    (line,) = ax.get_lines()
    edge = np.array([line.get_xdata()[1], line.get_ydata()[1]])
    assert line.get_linestyle() == ":"
    assert np.allclose(edge, [-3.0, -0.6 + 0.3 * 4 / 24])  # on the line, at x = -3
    (note,) = ax.texts
    assert note.get_text() == "lands at (-23.0, -0.3)"
    assert np.allclose(note.xy, edge) and np.allclose(note.get_position(), (0.0, 0.0))
    assert ax.get_xlim() == (-3, 3) and ax.get_ylim() == (-3, 3)


def test_mark_exit_finds_the_first_edge_crossed_and_takes_text_and_place():
    ax = limited_axes()
    plotting.mark_exit((0.0, 0.0), (10.0, 40.0), ax=ax, text="gone", text_xy=(1, 1), color="k")
    (line,) = ax.get_lines()
    assert np.allclose([line.get_xdata()[1], line.get_ydata()[1]], [0.75, 3.0])  # top, not right
    assert ax.texts[0].get_text() == "gone" and line.get_color() == "k"


@pytest.mark.parametrize(
    ("inside", "outside", "match"),
    [
        ((5.0, 0.0), (10.0, 0.0), "inside must lie within"),
        ((0.0, 0.0), (1.0, 1.0), "inside must lie within"),
        ((0.0, 0.0, 0.0), (9.0, 0.0), "shape"),
        ((0.0, 0.0), (np.inf, 0.0), "finite|non-finite|inf"),
    ],
)
def test_mark_exit_rejects_points_that_do_not_leave_the_axes(inside, outside, match):
    with pytest.raises(ValueError, match=match):
        plotting.mark_exit(inside, outside, ax=limited_axes())
