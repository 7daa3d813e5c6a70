import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plotting  # noqa: E402


def bowl():
    X, Y = np.meshgrid(np.linspace(-2, 2, 41), np.linspace(-2, 2, 41))
    return X, Y, X**2 + Y**2


def test_traced_contours_are_the_lines_matplotlib_draws():
    X, Y, Z = bowl()
    traced = plotting.trace_contours(X, Y, Z, [1.0, 2.0])
    assert len(traced.segments) == 2 and len(traced.colors) == 2
    fig, ax = plt.subplots()
    reference = ax.contour(X, Y, Z, [1.0, 2.0])
    for ours, theirs in zip(traced.segments, reference.allsegs, strict=True):
        np.testing.assert_allclose(ours, theirs[0])
    radii = [np.hypot(*segment.T) for segment in traced.segments]
    assert np.allclose(radii[0], 1.0, atol=0.01) and np.allclose(radii[1], np.sqrt(2), atol=0.01)
    plt.close(fig)


def test_traced_contours_draw_as_one_collection_on_any_axes():
    X, Y, Z = bowl()
    traced = plotting.trace_contours(X, Y, Z, [1.0], colors=["black"])
    fig, (ax1, ax2) = plt.subplots(1, 2)
    assert traced.draw(ax1) is ax1 and traced.draw(ax2) is ax2
    assert len(ax1.collections) == 1 and len(ax2.collections) == 1
    plt.close(fig)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((np.zeros((3, 3)), np.zeros((3, 4)), np.zeros((3, 3)), [1.0]), "one shape"),
        ((*bowl(), [1.0, 2.0], ["red"]), "one colour per level"),
    ],
)
def test_trace_contours_refuses_mismatched_input(args, match):
    with pytest.raises(ValueError, match=match):
        plotting.trace_contours(*args)
