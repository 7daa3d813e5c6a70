"""Tests for helpers.landscapes.cliff (notebook 11): gradient, minimum, the wall, bad arguments."""

import numpy as np
import pytest

from helpers import gradients, landscapes


def test_cliff_gradient_matches_finite_differences_on_and_off_the_wall():
    land = landscapes.cliff()
    # Points below the wall, on it (x in (1, 1.1)) and on the plateau behind it; none on the
    # two edges x = 1 and x = 1.1, where the curvature jumps.
    for point in ([-2.0, 1.5], [0.3, -0.7], [1.02, 0.5], [1.05, -1.0], [1.09, 2.0], [2.5, 1.5]):
        point = np.array(point)
        numeric = gradients.numerical_gradient(lambda w: land.value_and_grad(w)[0], point, h=1e-6)
        assert np.allclose(land.grad(point), numeric, rtol=1e-6, atol=1e-6), point


def test_cliff_minimum_is_zero_at_the_origin_and_lowest_on_a_grid():
    land = landscapes.cliff()
    assert land.minima == ((0.0, 0.0),)
    assert land.f(np.zeros(2)) == 0.0
    assert np.array_equal(land.grad(np.zeros(2)), np.zeros(2))
    xs, ys = np.meshgrid(np.linspace(-3, 3, 301), np.linspace(-3, 3, 301))
    assert land.f(np.stack([xs, ys], axis=-1)).min() == 0.0


def test_cliff_wall_rises_by_height_over_width_with_slope_one_and_a_half_height_over_width():
    land = landscapes.cliff(height=10.0, width=0.5, position=2.0)
    base = landscapes.cliff(height=0.0, width=0.5, position=2.0)
    for x in (2.5, 3.0):
        point = np.array([x, 0.0])
        assert land.f(point) - base.f(point) == pytest.approx(10.0)
    assert land.f(np.array([1.9, 0.3])) == base.f(np.array([1.9, 0.3]))
    middle = np.array([2.25, 0.0])
    assert land.grad(middle)[0] - base.grad(middle)[0] == pytest.approx(1.5 * 10.0 / 0.5)


def test_cliff_is_vectorized_over_a_grid():
    land = landscapes.cliff()
    grid = np.zeros((4, 5, 2)) + np.array([1.05, 0.2])
    assert land.f(grid).shape == (4, 5)
    assert land.grad(grid).shape == (4, 5, 2)
    assert np.allclose(land.grad(grid)[2, 3], land.grad(np.array([1.05, 0.2])))


@pytest.mark.parametrize(
    "kwargs", [{"height": -1.0}, {"width": 0.0}, {"position": 0.0}, {"width": np.inf}]
)
def test_cliff_rejects_bad_arguments_naming_them(kwargs):
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        landscapes.cliff(**kwargs)
