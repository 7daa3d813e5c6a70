"""Tests for the drawing helper added for notebook 08: log_axis (plain-text log labels)."""

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


def tick_labels(axis):
    """The labels of the major ticks inside ``axis``'s current limits."""
    low, high = sorted(axis.get_view_interval())
    formatter = axis.get_major_formatter()
    return [formatter(loc) for loc in axis.get_majorticklocs() if low <= loc <= high]


def test_log_axis_labels_powers_of_ten_in_plain_text_without_math():
    ax = plt.figure().add_subplot()
    ax.plot([1, 2, 3], [1e-8, 1.0, 1e3])
    plotting.log_axis(ax)
    ax.set_ylim(1e-4, 1e3)
    assert ax.get_yscale() == "log"
    labels = tick_labels(ax.yaxis)
    assert labels == ["1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000"]
    assert not any("$" in label for label in labels)


def test_log_axis_has_no_minor_ticks_and_leaves_the_other_axis_alone():
    ax = plt.figure().add_subplot()
    ax.plot([1, 10], [1, 10])
    plotting.log_axis(ax, which="y")
    assert ax.get_xscale() == "linear"
    assert len(ax.yaxis.get_minorticklocs()) == 0


def test_log_axis_both_sets_both_axes_and_returns_the_axes():
    ax = plt.figure().add_subplot()
    ax.plot([1e-6, 1e6], [1e-2, 1e2])
    assert plotting.log_axis(ax, which="both") is ax
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    assert "1e6" in tick_labels(ax.xaxis)


def test_log_axis_uses_the_current_axes_by_default():
    ax = plt.figure().add_subplot()
    ax.plot([1, 2], [1, 100])
    plotting.log_axis()
    assert ax.get_yscale() == "log"


def test_power_of_ten_label_switches_to_e_notation_beyond_a_thousand():
    label = plotting._power_of_ten_label
    assert [label(v) for v in (1e-9, 1e-3, 1.0, 1e3, 1e4)] == ["1e-9", "0.001", "1", "1000", "1e4"]
    assert label(0.0) == "" and label(np.nan) == ""


def test_log_axis_rejects_an_unknown_axis_name():
    with pytest.raises(ValueError, match="which must be 'x', 'y' or 'both', got 'z'"):
        plotting.log_axis(plt.figure().add_subplot(), which="z")
