"""Tests for helpers.plotting.plot_basins (notebook 11)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plotting  # noqa: E402

COLORS = ["#E69F00", "#56B4E9", "#009E73"]


def test_plot_basins_colours_each_cell_by_its_label_and_names_them_in_a_legend():
    labels = np.array([[0, 1, 2], [2, -1, 0]])
    fig, ax = plt.subplots()
    plotting.plot_basins(labels, (-1, 1, -2, 2), COLORS, names=["A", "B", "C"], ax=ax)
    image = ax.get_images()[0]
    rgba = image.to_rgba(image.get_array())
    assert np.allclose(rgba[0, 0, :3], matplotlib.colors.to_rgb(COLORS[0]))
    assert np.allclose(rgba[0, 2, :3], matplotlib.colors.to_rgb(COLORS[2]))
    assert np.allclose(rgba[1, 1, :3], (1.0, 1.0, 1.0))  # -1: no minimum reached, white
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B", "C"]
    assert ax.get_xlim() == (-1, 1) and ax.get_ylim() == (-2, 2)
    assert image.get_extent() == [-1, 1, -2, 2]
    plt.close(fig)


def test_plot_basins_names_default_to_basin_numbers():
    fig, ax = plt.subplots()
    plotting.plot_basins(np.zeros((2, 2), dtype=int), (0, 1, 0, 1), COLORS[:2], ax=ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["basin 0", "basin 1"]
    plt.close(fig)


@pytest.mark.parametrize(
    ("labels", "names", "match"),
    [
        (np.array([[0, 3]]), None, "labels must lie in -1 .. 2"),
        (np.array([[0, -2]]), None, "labels must lie in -1 .. 2"),
        (np.array([0, 1]), None, "2-D integer array"),
        (np.array([[0.0, 1.0]]), None, "2-D integer array"),
        (np.array([[0, 1]]), ["A"], "one name per colour"),
    ],
)
def test_plot_basins_rejects_bad_labels_and_names(labels, names, match):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=match):
        plotting.plot_basins(labels, (0, 1, 0, 1), COLORS, names=names, ax=ax)
    plt.close(fig)
