"""Tests for helpers.landscapes: analytic gradients, known minima, vectorization, windows."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import gradients, landscapes

ALL = [factory() for factory in landscapes.LANDSCAPES.values()] + [
    landscapes.quadratic(eigenvalues=(0.5, 20.0), angle=0.7, center=(1.0, -2.0)),
    landscapes.rosenbrock(a=2.0, b=10.0),
    landscapes.rastrigin(A=3.0),
]
TWO_D = [land for land in ALL if land.dim == 2]


def random_points(land, count=5, seed=0):
    """Points spread over the landscape's plot window."""
    rng = np.random.default_rng(seed)
    if land.dim == 1:
        return rng.uniform(*land.window, size=(count, 1))
    (xmin, xmax), (ymin, ymax) = land.window
    return np.stack([rng.uniform(xmin, xmax, count), rng.uniform(ymin, ymax, count)], axis=1)


def scaled_error(analytic, numeric):
    """max |a - b| / max(|a| + |b|): relative to the gradient's size, robust to tiny entries."""
    return np.max(np.abs(analytic - numeric)) / np.max(np.abs(analytic) + np.abs(numeric))


@pytest.mark.parametrize("land", ALL, ids=repr)
def test_gradient_matches_finite_differences_at_random_points(land):
    for point in random_points(land):
        numeric = gradients.numerical_gradient(lambda w: land.value_and_grad(w)[0], point, h=1e-6)
        assert scaled_error(land.grad(point), numeric) <= 1e-6, point


@pytest.mark.parametrize("land", [land for land in ALL if land.minima], ids=repr)
def test_gradient_vanishes_and_value_is_known_at_every_global_minimum(land):
    for point in land.minima:
        assert np.max(np.abs(land.grad(np.array(point)))) < 1e-12
        assert land.f(np.array(point)) == pytest.approx(land.min_value, abs=1e-15)


@pytest.mark.parametrize("land", [land for land in ALL if land.minima], ids=repr)
def test_global_minimum_is_lowest_value_on_a_fine_grid(land):
    if land.dim == 1:
        grid = np.linspace(*land.window, 2001)
    else:
        (xmin, xmax), (ymin, ymax) = land.window
        xs, ys = np.meshgrid(np.linspace(xmin, xmax, 301), np.linspace(ymin, ymax, 301))
        grid = np.stack([xs, ys], axis=-1)
    assert land.f(grid).min() >= land.min_value - 1e-12


def test_himmelblau_has_four_distinct_minima_with_zero_value():
    land = landscapes.himmelblau()
    points = np.array(land.minima)
    assert points.shape == (4, 2)
    assert len({tuple(np.round(p, 3)) for p in points}) == 4
    np.testing.assert_allclose(land.f(points), 0.0, atol=1e-25)
    # Hessian positive definite at each: they are minima, not saddles
    for x, y in points:
        hessian = np.array(
            [[12 * x**2 + 4 * y - 42, 4 * (x + y)], [4 * (x + y), 4 * x + 12 * y**2 - 26]]
        )
        assert np.all(np.linalg.eigvalsh(hessian) > 0)


def test_known_minima_locations():
    assert landscapes.rosenbrock(a=2.0).minima == ((2.0, 4.0),)
    assert landscapes.beale().minima == ((3.0, 0.5),)
    assert landscapes.rastrigin().minima == ((0.0, 0.0),)
    assert landscapes.quadratic(center=(1.0, -1.0)).minima == ((1.0, -1.0),)
    assert landscapes.saddle().minima == () and landscapes.saddle().min_value is None


def test_double_well_has_a_worse_local_minimum_and_a_better_global_one():
    well = landscapes.double_well()
    (local,), (best,) = well.local_minima[0], well.minima[0]
    assert (local, best) == (-1.0, 2.0)
    assert well.f(local) == pytest.approx(-5 / 12, abs=1e-15)
    assert well.f(best) == pytest.approx(-8 / 3, abs=1e-15) == well.min_value
    assert well.grad(local) == 0.0 and well.grad(best) == 0.0
    assert well.f(local) > well.f(best)
    second_derivative = 3 * np.array([local, best]) ** 2 - 2 * np.array([local, best]) - 2
    assert np.all(second_derivative > 0)


def test_double_well_gradient_descent_from_start_gets_stuck_in_local_minimum():
    well = landscapes.double_well()
    x = well.start
    for _ in range(500):
        x = x - 0.05 * well.grad(x)
    assert x == pytest.approx(-1.0, abs=1e-6)


def test_saddle_gradient_is_zero_at_origin_and_descent_escapes_along_y():
    land = landscapes.saddle()
    np.testing.assert_array_equal(land.grad(np.zeros(2)), [0.0, 0.0])
    w = np.array(land.start)
    for _ in range(100):
        w = w - 0.1 * land.grad(w)
    assert abs(w[0]) < 1e-6 and abs(w[1]) > 1.0


def test_quadratic_hessian_has_requested_eigenvalues_and_L_is_the_largest():
    land = landscapes.quadratic(eigenvalues=(2.0, 8.0), angle=0.4, center=(1.0, 2.0))
    np.testing.assert_allclose(np.linalg.eigvalsh(land.hessian), [2.0, 8.0])
    np.testing.assert_array_equal(land.hessian, land.hessian.T)
    assert land.lambda_max == pytest.approx(8.0)
    assert land.condition_number == pytest.approx(4.0)
    w = np.array([0.3, -0.2])
    offset = w - np.array([1.0, 2.0])
    assert land.f(w) == pytest.approx(0.5 * offset @ land.hessian @ offset)


def test_quadratic_angle_rotates_the_first_eigenvector_counterclockwise():
    angle = 0.3
    land = landscapes.quadratic(eigenvalues=(1.0, 10.0), angle=angle)
    first = np.array([np.cos(angle), np.sin(angle)])  # x axis rotated by angle
    second = np.array([-np.sin(angle), np.cos(angle)])  # y axis rotated by angle
    np.testing.assert_allclose(land.hessian @ first, 1.0 * first)
    np.testing.assert_allclose(land.hessian @ second, 10.0 * second)


@pytest.mark.parametrize("lr_factor", [0.9, 1.1])
def test_gradient_descent_on_quadratic_converges_iff_lr_below_two_over_L(lr_factor):
    land = landscapes.quadratic(eigenvalues=(1.0, 10.0), angle=0.3)
    lr = lr_factor * 2 / land.lambda_max
    w = np.array(land.start)
    for _ in range(300):
        w = w - lr * land.grad(w)
    assert (land.f(w) < 1e-6) == (lr_factor < 1)


@given(st.floats(0.01, 0.99))
def test_gradient_descent_below_two_over_L_never_increases_quadratic_loss(fraction):
    land = landscapes.quadratic(eigenvalues=(0.5, 12.0), angle=1.1)
    lr = fraction * 2 / land.lambda_max
    w = np.array(land.start)
    values = [land.f(w)]
    for _ in range(30):
        w = w - lr * land.grad(w)
        values.append(land.f(w))
    assert np.all(np.diff(values) <= 1e-12)


@pytest.mark.parametrize("land", TWO_D, ids=repr)
def test_f_and_grad_are_vectorized_over_a_grid(land):
    grid = random_points(land, count=12).reshape(3, 4, 2)
    values, grads = land.f(grid), land.grad(grid)
    assert values.shape == (3, 4) and grads.shape == (3, 4, 2)
    for i, j in np.ndindex(3, 4):
        value, grad = land.value_and_grad(grid[i, j])
        assert value == pytest.approx(values[i, j], rel=1e-14)
        np.testing.assert_allclose(grad, grads[i, j], rtol=1e-14)


@pytest.mark.parametrize("land", ALL, ids=repr)
def test_value_and_grad_returns_float_and_array_of_the_point_shape(land):
    start = np.atleast_1d(np.array(land.start, dtype=float))
    value, grad = land.value_and_grad(start)
    assert type(value) is float
    assert isinstance(grad, np.ndarray) and grad.shape == start.shape


@pytest.mark.parametrize("land", ALL, ids=repr)
def test_start_and_minima_lie_inside_the_window(land):
    window = [land.window] if land.dim == 1 else land.window
    for point in [np.atleast_1d(land.start), *land.minima, *land.local_minima]:
        for coordinate, (low, high) in zip(point, window, strict=True):
            assert low < coordinate < high


def test_repr_is_readable():
    assert (
        repr(landscapes.rosenbrock())
        == "Landscape(rosenbrock(a=1, b=100), dim=2, minima=((1.0, 1.0),))"
    )
    assert "quadratic(eigenvalues=(1.0, 10.0)" in repr(landscapes.quadratic())


def test_log_levels_set_for_landscapes_with_huge_value_ranges():
    assert landscapes.rosenbrock().log_levels and landscapes.beale().log_levels
    assert not landscapes.saddle().log_levels  # negative values: no log scale


def test_overflowing_points_give_inf_without_warnings():
    with np.errstate(over="raise", invalid="raise"):
        assert landscapes.rosenbrock().f(np.array([1e200, 1e200])) == np.inf


BAD_INPUTS = [
    (lambda: landscapes.rosenbrock().f(np.ones(3)), ValueError, "shape (..., 2)"),
    (lambda: landscapes.beale().grad(np.ones((4, 1))), ValueError, "got shape (4, 1)"),
    (lambda: landscapes.himmelblau().f("ab"), TypeError, "w must be real"),
    (lambda: landscapes.himmelblau().value_and_grad(np.ones((2, 2))), ValueError, "single point"),
    (lambda: landscapes.double_well().value_and_grad(np.ones(2)), ValueError, "single point"),
    (
        lambda: landscapes.quadratic(eigenvalues=(1.0, 0.0)),
        ValueError,
        "eigenvalues[1] must be > 0",
    ),
    (lambda: landscapes.quadratic(eigenvalues=(1.0,)), ValueError, "eigenvalues must be a pair"),
    (lambda: landscapes.quadratic(center=(0.0, np.nan)), ValueError, "center[1] must be finite"),
    (lambda: landscapes.quadratic(angle="45"), TypeError, "angle must be a real number"),
    (lambda: landscapes.rosenbrock(b=0.0), ValueError, "b must be > 0"),
    (lambda: landscapes.rastrigin(A=-1.0), ValueError, "A must be >= 0"),
    (lambda: landscapes.beale().lambda_max, AttributeError, "no constant Hessian"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_clear_errors(call, error, fragment):
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
