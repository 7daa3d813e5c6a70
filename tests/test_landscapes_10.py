"""Tests for helpers.landscapes.saddle_with_floor (added for notebook 10)."""

import numpy as np
import pytest

from helpers import gradients, landscapes, optim


@pytest.fixture
def land():
    return landscapes.saddle_with_floor()


def test_gradient_matches_central_differences_over_the_window(land):
    rng = np.random.default_rng(0)
    for point in rng.uniform(-2.0, 2.0, size=(20, 2)):
        numeric = gradients.numerical_gradient(lambda w: land.value_and_grad(w)[0], point, h=1e-6)
        analytic = land.grad(point)
        scale = np.max(np.abs(analytic) + np.abs(numeric))
        assert np.max(np.abs(analytic - numeric)) <= 1e-7 * scale, point


def test_value_and_gradient_by_hand_at_one_point(land):
    # f(1, 1) = 1 + (1 - 2)^2 / 4 = 1.25; grad = (2, 1 * (1 - 2)) = (2, -1)
    loss, grad = land.value_and_grad(np.array([1.0, 1.0]))
    assert loss == 1.25
    np.testing.assert_array_equal(grad, [2.0, -1.0])


def test_two_global_minima_with_value_zero_and_a_saddle_at_the_origin(land):
    assert len(land.minima) == 2 and land.min_value == 0.0
    for point in land.minima:
        assert np.max(np.abs(land.grad(np.array(point)))) < 1e-12
        assert land.f(np.array(point)) == pytest.approx(0.0, abs=1e-15)
    origin = np.zeros(2)
    np.testing.assert_array_equal(land.grad(origin), [0.0, 0.0])
    assert land.f(origin) == 1.0
    # curvature +2 along x, -2 along y at the origin: a saddle, like saddle()
    h = 1e-4
    along_x = (land.f(np.array([h, 0.0])) - 2 * land.f(origin) + land.f(np.array([-h, 0.0]))) / h**2
    along_y = (land.f(np.array([0.0, h])) - 2 * land.f(origin) + land.f(np.array([0.0, -h]))) / h**2
    assert along_x == pytest.approx(2.0, rel=1e-6)
    assert along_y == pytest.approx(-2.0, rel=1e-5)


def test_minima_are_the_lowest_values_on_a_fine_grid(land):
    xs, ys = np.meshgrid(np.linspace(-2, 2, 301), np.linspace(-2, 2, 301))
    assert land.f(np.stack([xs, ys], axis=-1)).min() >= -1e-15


def test_vectorized_over_a_grid_matches_point_by_point(land):
    grid = np.stack(np.meshgrid(np.linspace(-2, 2, 4), np.linspace(-1, 1, 3)), axis=-1)
    values, grads = land.f(grid), land.grad(grid)
    assert values.shape == (3, 4) and grads.shape == (3, 4, 2)
    for index in np.ndindex(3, 4):
        loss, grad = land.value_and_grad(grid[index])
        assert values[index] == loss
        np.testing.assert_array_equal(grads[index], grad)


def test_gradient_descent_escapes_from_the_default_start_and_settles_in_a_minimum(land):
    run = optim.run(optim.SGD(lr=0.1), land.value_and_grad, np.array(land.start), 200)
    assert run.losses[-1] < 1e-10
    np.testing.assert_allclose(run.params[-1], [0.0, np.sqrt(2.0)], atol=1e-5)


def test_started_exactly_on_the_ridge_gradient_descent_stalls_at_the_saddle(land):
    run = optim.run(optim.SGD(lr=0.1), land.value_and_grad, np.array([-1.5, 0.0]), 200)
    assert run.losses[-1] == pytest.approx(1.0, abs=1e-12)
