"""Tests for the drawing helpers added for notebook 06: plot_paths and plot_arrows."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.quiver import Quiver  # noqa: E402

from helpers import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def labelled_lines(ax):
    return [line for line in ax.get_lines() if not line.get_label().startswith("_")]


def test_plot_paths_gives_each_path_its_own_colour_line_style_and_marker():
    paths = {name: np.cumsum(np.ones((5, 2)), axis=0) * k for k, name in enumerate("abc", 1)}
    ax = plotting.plot_paths(paths, ax=plt.figure().add_subplot())
    lines = labelled_lines(ax)
    assert [line.get_label() for line in lines] == ["a", "b", "c"]
    assert len({line.get_color() for line in lines}) == 3
    assert len({line.get_linestyle() for line in lines}) == 3
    assert len({line.get_marker() for line in lines}) == 3


def test_plot_paths_marks_start_and_end_and_drops_points_after_divergence():
    points = np.array([[0.0, 0.0], [1.0, 1.0], [np.inf, 2.0], [3.0, 3.0]])
    ax = plotting.plot_paths({"run": points}, ax=plt.figure().add_subplot())
    path, start, end = ax.get_lines()
    np.testing.assert_array_equal(path.get_xydata(), points[:2])
    assert start.get_marker() == "o" and tuple(start.get_xydata()[0]) == (0.0, 0.0)
    assert end.get_marker() == "X" and tuple(end.get_xydata()[0]) == (1.0, 1.0)


def test_plot_paths_uses_the_given_colours():
    paths = {"a": np.zeros((2, 2)), "b": np.ones((2, 2))}
    ax = plotting.plot_paths(paths, ax=plt.figure().add_subplot(), colors=["red", "blue"])
    assert [line.get_color() for line in labelled_lines(ax)] == ["red", "blue"]


@pytest.mark.parametrize(
    ("paths", "colors", "error", "fragment"),
    [
        ([np.zeros((2, 2))], None, TypeError, "mapping"),
        ({"a": np.zeros((3, 3))}, None, ValueError, "(n, 2)"),
        ({"a": np.zeros((2, 2)), "b": np.ones((2, 2))}, ["red"], ValueError, "one colour per"),
    ],
)
def test_plot_paths_rejects_bad_input(paths, colors, error, fragment):
    with pytest.raises(error, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        plotting.plot_paths(paths, ax=plt.figure().add_subplot(), colors=colors)


def test_plot_arrows_draws_arrows_in_data_units_from_each_point():
    points = np.array([[0.0, 0.0], [1.0, 2.0]])
    vectors = np.array([[0.5, 0.0], [0.0, -1.0]])
    ax = plotting.plot_arrows(points, vectors, ax=plt.figure().add_subplot(), label="v")
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    np.testing.assert_array_equal(quiver.X, points[:, 0])
    np.testing.assert_array_equal(quiver.Y, points[:, 1])
    np.testing.assert_array_equal(quiver.U, vectors[:, 0])
    np.testing.assert_array_equal(quiver.V, vectors[:, 1])
    assert quiver.scale == 1.0 and quiver.scale_units == "xy" and quiver.get_label() == "v"


def test_plot_arrows_skips_non_finite_rows():
    points = np.array([[0.0, 0.0], [np.nan, 1.0], [2.0, 2.0]])
    vectors = np.array([[1.0, 1.0], [1.0, 1.0], [np.inf, 0.0]])
    ax = plotting.plot_arrows(points, vectors, ax=plt.figure().add_subplot())
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    assert quiver.N == 1


@pytest.mark.parametrize(
    ("points", "vectors"),
    [
        (np.zeros((3, 2)), np.zeros((2, 2))),
        (np.zeros((3, 3)), np.zeros((3, 3))),
        (np.zeros(2), np.zeros(2)),
    ],
)
def test_plot_arrows_rejects_mismatched_or_wrong_shapes(points, vectors):
    with pytest.raises(ValueError):
        plotting.plot_arrows(points, vectors, ax=plt.figure().add_subplot())
