"""datasets.sparse_regression (added for notebook 07): the sparse features with a linear target."""

import numpy as np
import pytest

from helpers import datasets


def rng(seed=0):
    return np.random.default_rng(seed)


def test_sparse_regression_shapes_and_dtypes():
    X, y, rare, w_true = datasets.sparse_regression(40, rng(), n_features=8, n_rare=3)
    assert X.shape == (40, 8) and X.dtype == np.float64
    assert y.shape == (40,) and y.dtype == np.float64
    assert rare.tolist() == [5, 6, 7] and rare.dtype == np.int64
    assert w_true.shape == (8,) and w_true.dtype == np.float64


def test_sparse_regression_features_are_those_of_sparse_features_for_the_same_seed():
    X, _, rare, _ = datasets.sparse_regression(200, rng(3), rare_fraction=0.1)
    X_cls, _, rare_cls = datasets.sparse_features(200, rng(3), rare_fraction=0.1)
    np.testing.assert_array_equal(X, X_cls)
    np.testing.assert_array_equal(rare, rare_cls)


def test_sparse_regression_true_weights_alternate_in_sign_within_each_group():
    _, _, rare, w_true = datasets.sparse_regression(
        10, rng(), n_features=7, n_rare=3, rare_weight=2.5
    )
    np.testing.assert_allclose(w_true[:4], np.array([1, -1, 1, -1]) / 2.0)  # 1/sqrt(4 dense)
    np.testing.assert_allclose(w_true[rare], [2.5, -2.5, 2.5])


def test_sparse_regression_residual_is_the_noise():
    X, y, _, w_true = datasets.sparse_regression(20_000, rng(1), noise=0.7)
    residual = y - X @ w_true
    assert abs(residual.mean()) < 0.02 and abs(residual.std() - 0.7) < 0.02


def test_sparse_regression_without_noise_is_exactly_linear():
    X, y, _, w_true = datasets.sparse_regression(30, rng(2), noise=0.0)
    np.testing.assert_allclose(y, X @ w_true, rtol=0, atol=1e-12)


def test_sparse_regression_least_squares_recovers_the_true_weights():
    X, y, rare, w_true = datasets.sparse_regression(5000, rng(4), rare_fraction=0.05, noise=0.1)
    w_best = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(w_best, w_true, atol=0.05)


def test_sparse_regression_is_deterministic_given_the_seed():
    first = datasets.sparse_regression(50, rng(9))
    second = datasets.sparse_regression(50, rng(9))
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (
            lambda: datasets.sparse_regression(5, rng(), rare_fraction=0),
            ValueError,
            "rare_fraction",
        ),
        (lambda: datasets.sparse_regression(5, rng(), n_rare=20), ValueError, "n_rare"),
        (lambda: datasets.sparse_regression(0, rng()), ValueError, "n"),
        (lambda: datasets.sparse_regression(5, rng(), noise=-1.0), ValueError, "noise"),
        (lambda: datasets.sparse_regression(5, 42), TypeError, "rng"),
    ],
)
def test_sparse_regression_rejects_bad_arguments_naming_them(call, error, fragment):
    with pytest.raises(error, match=fragment):
        call()
