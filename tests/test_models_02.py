import numpy as np
import pytest

from helpers import models


def test_fit_line_mae_finds_the_lowest_mae_line():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 15)
    y = 2 * x - 1 + rng.laplace(0, 0.3, 15)
    w, b = models.fit_line_mae(x, y)
    best = np.mean(np.abs(w * x + b - y))
    W, B = np.meshgrid(np.linspace(w - 1, w + 1, 201), np.linspace(b - 1, b + 1, 201))
    grid = np.mean(np.abs(W[..., None] * x + B[..., None] - y), axis=-1)
    assert best <= grid.min() + 1e-12  # no line on a fine grid around it does better


def test_fit_line_mae_ignores_a_wild_label_that_least_squares_follows():
    x = np.linspace(0, 1, 9)
    y = 3 * x + 1
    y[-1] += 50  # one wild label
    w, b = models.fit_line_mae(x, y)
    assert (w, b) == pytest.approx((3.0, 1.0))


@pytest.mark.parametrize(
    ("x", "y", "match"),
    [
        (np.ones(3), np.arange(3.0), "two distinct"),
        (np.arange(3.0), np.arange(4.0), "shape"),
        (np.zeros((2, 2)), np.zeros((2, 2)), "dimension"),
    ],
)
def test_fit_line_mae_refuses_bad_input(x, y, match):
    with pytest.raises(ValueError, match=match):
        models.fit_line_mae(x, y)
