"""minibatch_gradient_variance: the measured noise of a minibatch gradient (notebook 05)."""

import numpy as np
import pytest

from helpers.gradients import minibatch_gradient_variance


def exact(grads, sizes):
    n = len(grads)
    flat = grads.reshape(n, -1)
    sigma2 = np.mean(np.sum((flat - flat.mean(axis=0)) ** 2, axis=1))
    sizes = np.asarray(sizes)
    return sigma2 / sizes * (n - sizes) / (n - 1)


def test_variance_matches_the_finite_population_formula():
    rng = np.random.default_rng(0)
    grads = rng.normal(size=(60, 3)) * [1.0, 2.0, 0.5] + [3.0, 0.0, -1.0]
    sizes = np.array([1, 2, 5, 10, 30, 59])
    measured = minibatch_gradient_variance(grads, sizes, np.random.default_rng(1), repeats=4000)
    np.testing.assert_allclose(measured, exact(grads, sizes), rtol=0.08)


def test_variance_is_zero_for_the_full_batch_and_sigma2_for_one_example():
    grads = np.random.default_rng(2).normal(size=(10, 4, 2))  # any trailing shape
    measured = minibatch_gradient_variance(grads, [10], np.random.default_rng(0), repeats=3)
    assert measured[0] == pytest.approx(0.0, abs=1e-25)
    one = minibatch_gradient_variance(grads, [1], np.random.default_rng(0), repeats=20000)
    assert one[0] == pytest.approx(exact(grads, [1])[0], rel=0.05)


def test_variance_keeps_the_shape_of_batch_sizes_and_is_reproducible():
    grads = np.random.default_rng(3).normal(size=(8, 2))
    a = minibatch_gradient_variance(grads, np.array([[1, 2], [4, 8]]), np.random.default_rng(5))
    b = minibatch_gradient_variance(grads, np.array([[1, 2], [4, 8]]), np.random.default_rng(5))
    assert a.shape == (2, 2)
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("grads", "sizes", "rng", "error", "fragment"),
    [
        (np.ones((5, 2)), [0], np.random.default_rng(0), ValueError, "must lie in 1..5"),
        (np.ones((5, 2)), [6], np.random.default_rng(0), ValueError, "must lie in 1..5"),
        (np.ones((5, 2)), [1.5], np.random.default_rng(0), TypeError, "must be integers"),
        (np.ones((1, 2)), [1], np.random.default_rng(0), ValueError, "at least 2 rows"),
        (np.ones((5, 2)), [1], 0, TypeError, "numpy.random.Generator"),
        (np.ones((5, 2), dtype=int), [1], np.random.default_rng(0), TypeError, "floating"),
    ],
)
def test_variance_refuses_bad_input(grads, sizes, rng, error, fragment):
    with pytest.raises(error, match=fragment):
        minibatch_gradient_variance(grads, sizes, rng)


def test_theory_is_sigma2_at_one_and_zero_at_n_and_follows_the_formula():
    from helpers.gradients import minibatch_variance_theory

    assert minibatch_variance_theory(2.5, 1, 10) == 2.5
    assert minibatch_variance_theory(2.5, 10, 10) == 0.0
    np.testing.assert_allclose(
        minibatch_variance_theory(3.0, np.array([[2, 5]]), 11),
        [[3.0 / 2 * 9 / 10, 3.0 / 5 * 6 / 10]],
    )
    assert isinstance(minibatch_variance_theory(1.0, 4, 8), float)


def test_theory_agrees_with_the_measurement():
    from helpers.gradients import minibatch_variance_theory

    grads = np.random.default_rng(8).normal(size=(40, 5))
    flat = grads - grads.mean(axis=0)
    sigma2 = float(np.mean(np.sum(flat**2, axis=1)))
    sizes = np.array([1, 3, 20, 35])
    measured = minibatch_gradient_variance(grads, sizes, np.random.default_rng(9), repeats=4000)
    np.testing.assert_allclose(measured, minibatch_variance_theory(sigma2, sizes, 40), rtol=0.08)


@pytest.mark.parametrize(
    ("args", "error", "fragment"),
    [
        ((-1.0, 1, 5), ValueError, "sigma2 must be >= 0"),
        ((1.0, 0, 5), ValueError, "must lie in 1..5"),
        ((1.0, 6, 5), ValueError, "must lie in 1..5"),
        ((1.0, 2.0, 5), TypeError, "must be an integer"),
        ((1.0, 1, 1), ValueError, "n must be >= 2"),
    ],
)
def test_theory_refuses_bad_input(args, error, fragment):
    from helpers.gradients import minibatch_variance_theory

    with pytest.raises(error, match=fragment):
        minibatch_variance_theory(*args)
