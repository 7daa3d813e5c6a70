"""Tests for helpers.optim.run_many (added for notebook 10)."""

import numpy as np
import pytest

from helpers import landscapes, optim

EVERY_OPTIMIZER = [
    optim.SGD(lr=0.01),
    optim.SGD(lr=0.01, momentum=0.9),
    optim.SGD(lr=0.01, momentum=0.9, nesterov=True),
    optim.Adagrad(lr=0.3),
    optim.RMSprop(lr=0.01),
    optim.Adam(lr=0.05),
    optim.AdamW(lr=0.05),
]


@pytest.mark.parametrize(
    "land", [landscapes.rosenbrock(), landscapes.rastrigin(), landscapes.saddle_with_floor()]
)
def test_each_row_equals_run_bit_for_bit(land):
    starts = np.array([land.start] * len(EVERY_OPTIMIZER)) + np.linspace(0, 0.3, 7)[:, None]
    path = optim.run_many(EVERY_OPTIMIZER, land.grad, starts, 60)
    assert path.shape == (61, 7, 2)
    for i, opt in enumerate(EVERY_OPTIMIZER):
        alone = optim.run(opt, land.value_and_grad, starts[i], 60, max_loss=1e300)
        np.testing.assert_array_equal(path[: len(alone.params), i], alone.params)


def test_rows_may_hold_a_whole_batch_of_problems():
    # one optimizer, one row holding three landscapes' points, each with its own gradient
    lands = [landscapes.rosenbrock(), landscapes.beale(), landscapes.himmelblau()]

    def grads(x):  # x: (n, 3, 2)
        return np.stack([land.grad(x[:, k]) for k, land in enumerate(lands)], axis=1)

    starts = np.array([[land.start for land in lands]], dtype=float)
    path = optim.run_many([optim.Adam(lr=0.1)], grads, starts, 40)
    for k, land in enumerate(lands):
        alone = optim.run(optim.Adam(lr=0.1), land.value_and_grad, np.array(land.start), 40)
        np.testing.assert_array_equal(path[:, 0, k], alone.params)


def test_a_diverging_row_becomes_non_finite_without_warnings_and_spares_the_others(recwarn):
    land = landscapes.rosenbrock()
    starts = np.array([land.start, land.start], dtype=float)
    path = optim.run_many([optim.SGD(lr=0.1), optim.SGD(lr=1e-4)], land.grad, starts, 50)
    assert not np.all(np.isfinite(path[-1, 0]))
    assert np.all(np.isfinite(path[:, 1]))
    assert len(recwarn) == 0


def test_zero_steps_returns_only_the_start_and_leaves_x0_untouched():
    x0 = np.array([[1.0, 2.0], [3.0, 4.0]])
    path = optim.run_many([optim.SGD(lr=0.1)] * 2, lambda x: 2 * x, x0, 0)
    np.testing.assert_array_equal(path, x0[None])
    path = optim.run_many([optim.SGD(lr=0.1)] * 2, lambda x: 2 * x, x0, 3)
    np.testing.assert_array_equal(x0, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(path[-1], x0 * 0.8**3)


@pytest.mark.parametrize(
    ("args", "error", "fragment"),
    [
        (([], lambda x: x, np.zeros((0, 2)), 3), TypeError, "non-empty list"),
        (([optim.SGD()], lambda x: x, np.zeros((2, 2)), 3), ValueError, "one row per optimizer"),
        (([optim.SGD()], lambda x: x, np.zeros((1, 2)), -1), ValueError, "steps"),
        (([optim.SGD()], "grad", np.zeros((1, 2)), 3), TypeError, "grad_fn"),
        (([object()], lambda x: x, np.zeros((1, 2)), 3), TypeError, "optimizers[0]"),
        (([optim.SGD()], lambda x: x[:, :1], np.zeros((1, 2)), 3), ValueError, "shape"),
        (([optim.SGD()], lambda x: x, np.array([[1, 2]]), 3), TypeError, "x0"),
    ],
)
def test_bad_arguments_raise_a_clear_error(args, error, fragment):
    with pytest.raises(error, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        optim.run_many(*args)
