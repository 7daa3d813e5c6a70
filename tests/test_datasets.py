import hashlib
import re
import time
from importlib import resources

import numpy as np
import pytest

from helpers import datasets

DIGITS_SHA256 = "b83a91f954378536f7deb737c043ca5af4aaf3296fc1382b10b8e0931e0cab24"
# Images per digit 0..9 in the 1,797-image UCI test set (as documented by scikit-learn).
DIGITS_CLASS_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


def rng(seed=0):
    return np.random.default_rng(seed)


# --- the shipped digits -------------------------------------------------------------------------


def test_digits_file_is_the_converted_uci_data_byte_for_byte():
    raw = (resources.files("helpers") / "data" / "digits.npz").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == DIGITS_SHA256


def test_digits_licence_and_readme_ship_beside_the_data():
    data = resources.files("helpers") / "data"
    licence = (data / "LICENSE-digits.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "10.24432/C50P49" in licence and "BSD-3-Clause" in licence
    assert "uint8" in (data / "README.md").read_text(encoding="utf-8")


def test_load_digits_shapes_and_dtypes():
    X, y = datasets.load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and y.dtype == np.int64


def test_load_digits_has_the_known_images_per_class():
    _, y = datasets.load_digits()
    assert np.bincount(y).tolist() == DIGITS_CLASS_COUNTS


def test_load_digits_pixels_are_sixteenths_in_unit_interval():
    X, _ = datasets.load_digits()
    assert X.min() == 0.0 and X.max() == 1.0
    np.testing.assert_array_equal(X * 16, np.round(X * 16))  # counts 0..16, divided by 16


def test_load_digits_first_image_is_a_zero_with_the_known_pixels():
    X, y = datasets.load_digits()
    assert y[0] == 0
    np.testing.assert_array_equal(X[0, :8] * 16, [0, 0, 5, 13, 9, 1, 0, 0])
    assert X.sum() * 16 == 561718  # total of all pixel counts in the source CSV


def test_load_digits_returns_fresh_arrays_each_call():
    X, _ = datasets.load_digits()
    X[:] = -1.0
    assert datasets.load_digits()[0].min() == 0.0


def test_load_digits_is_fast():
    datasets.load_digits()
    started = time.perf_counter()
    datasets.load_digits()
    assert time.perf_counter() - started < 0.05


# --- generators ---------------------------------------------------------------------------------

GENERATORS = {
    "noisy_line": lambda r: datasets.noisy_line(50, r),
    "polynomial": lambda r: datasets.polynomial(50, r, (1.0, 0.0, -2.0)),
    "two_moons": lambda r: datasets.two_moons(50, r),
    "blobs": lambda r: datasets.blobs(50, r),
    "sparse_features": lambda r: datasets.sparse_features(50, r),
}


@pytest.mark.parametrize("make", GENERATORS.values(), ids=GENERATORS.keys())
def test_generators_are_deterministic_given_the_seed(make):
    for first, second in zip(make(rng(3)), make(rng(3)), strict=True):
        np.testing.assert_array_equal(first, second)
    assert not np.array_equal(make(rng(3))[0], make(rng(4))[0])


def test_noisy_line_without_noise_lies_on_the_line():
    x, y = datasets.noisy_line(20, rng(), slope=3.0, intercept=0.5, noise=0.0, x_range=(2, 5))
    assert x.shape == y.shape == (20,)
    assert x.min() >= 2 and x.max() <= 5
    np.testing.assert_allclose(y, 3.0 * x + 0.5)


def test_noisy_line_noise_has_the_requested_spread():
    x, y = datasets.noisy_line(20_000, rng(), slope=2.0, intercept=-1.0, noise=0.5)
    assert np.std(y - (2.0 * x - 1.0)) == pytest.approx(0.5, rel=0.03)


def test_polynomial_coefficients_run_from_the_constant_term_up():
    x, y = datasets.polynomial(30, rng(), coefficients=(1, 0, -2), noise=0.0)
    np.testing.assert_allclose(y, 1 - 2 * x**2)


def test_two_moons_has_balanced_classes_on_the_two_half_circles():
    X, y = datasets.two_moons(101, rng(), noise=0.0)
    assert X.shape == (101, 2) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [50, 51]
    np.testing.assert_allclose(np.hypot(*X[y == 0].T), 1.0)  # outer moon: unit circle at 0
    np.testing.assert_allclose(np.hypot(X[y == 1, 0] - 1, X[y == 1, 1] - 0.5), 1.0)
    assert 0 < y[:50].sum() < 50  # rows are shuffled, not sorted by class


def test_blobs_are_balanced_and_centred_on_their_centers():
    centers = ((0.0, 0.0, 0.0), (10.0, 0.0, 0.0), (0.0, 10.0, 5.0))
    X, y = datasets.blobs(3000, rng(), centers=centers, std=(0.1, 0.2, 0.3))
    assert X.shape == (3000, 3) and np.bincount(y).tolist() == [1000, 1000, 1000]
    for label, center in enumerate(centers):
        np.testing.assert_allclose(X[y == label].mean(axis=0), center, atol=0.05)
    assert (X[y == 2] - centers[2]).std() == pytest.approx(0.3, rel=0.05)


def test_sparse_features_rare_columns_are_nonzero_in_about_rare_fraction_of_rows():
    X, y, rare = datasets.sparse_features(
        20_000, rng(), n_features=10, rare_fraction=0.03, n_rare=3
    )
    assert X.shape == (20_000, 10) and y.shape == (20_000,) and y.dtype == np.int64
    np.testing.assert_array_equal(rare, [7, 8, 9])
    np.testing.assert_allclose(np.mean(X[:, rare] != 0, axis=0), 0.03, atol=0.005)
    dense = np.setdiff1d(np.arange(10), rare)
    assert np.all(X[:, dense] != 0)


def test_sparse_features_rare_features_nearly_decide_the_label():
    X, y, rare = datasets.sparse_features(20_000, rng(), rare_fraction=0.05, n_rare=2)
    assert y[X[:, rare[0]] == 1].mean() > 0.9  # weight +rare_weight: present -> class 1
    assert y[X[:, rare[1]] == 1].mean() < 0.1  # weight -rare_weight: present -> class 0
    assert 0.4 < y.mean() < 0.6


# --- splitting, batching, scaling ---------------------------------------------------------------


def test_train_val_split_partitions_the_rows():
    X, y = np.arange(20.0).reshape(10, 2), np.arange(10)
    X_train, X_val, y_train, y_val = datasets.train_val_split(X, y, rng(), val_fraction=0.3)
    assert len(X_val) == 3 and len(X_train) == 7
    assert sorted(np.concatenate([y_train, y_val]).tolist()) == list(range(10))
    np.testing.assert_array_equal(X_val[:, 0], 2 * y_val)  # rows stay paired with their labels
    np.testing.assert_array_equal(X_train[:, 0], 2 * y_train)


def test_train_val_split_is_deterministic_given_the_seed():
    X, y = np.arange(100.0)[:, None], np.arange(100)
    first = datasets.train_val_split(X, y, rng(1))
    second = datasets.train_val_split(X, y, rng(1))
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)


def test_minibatches_cover_every_row_once_and_keep_the_last_partial_batch():
    X, y = np.arange(10.0)[:, None], np.arange(10)
    batches = list(datasets.minibatches(X, y, 4, rng()))
    assert [len(yb) for _, yb in batches] == [4, 4, 2]
    assert sorted(np.concatenate([yb for _, yb in batches]).tolist()) == list(range(10))
    for Xb, yb in batches:
        np.testing.assert_array_equal(Xb[:, 0], yb)


def test_minibatches_shuffle_changes_the_order_and_no_shuffle_keeps_it():
    X, y = np.arange(50.0)[:, None], np.arange(50)
    shuffled = np.concatenate([yb for _, yb in datasets.minibatches(X, y, 8, rng())])
    ordered = np.concatenate([yb for _, yb in datasets.minibatches(X, y, 8, shuffle=False)])
    assert not np.array_equal(shuffled, np.arange(50))
    np.testing.assert_array_equal(ordered, np.arange(50))


def test_minibatches_batch_larger_than_data_gives_one_batch():
    batches = list(datasets.minibatches(np.zeros((3, 2)), np.zeros(3), 100, shuffle=False))
    assert len(batches) == 1 and batches[0][0].shape == (3, 2)


def test_standardize_gives_zero_mean_unit_std_and_reuses_given_statistics():
    X = rng().normal(5.0, 3.0, size=(200, 3))
    Xs, mean, std = datasets.standardize(X)
    np.testing.assert_allclose(Xs.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Xs.std(axis=0), 1.0)
    again, _, _ = datasets.standardize(X[:10], mean, std)
    np.testing.assert_allclose(again, Xs[:10])


def test_standardize_only_centres_constant_columns():
    X = np.array([[0.0, 1.0], [0.0, 3.0]])
    Xs, _, std = datasets.standardize(X)
    np.testing.assert_array_equal(std, [1.0, 1.0])
    np.testing.assert_array_equal(Xs[:, 0], [0.0, 0.0])


# --- bad input ----------------------------------------------------------------------------------

X10, y10 = np.zeros((10, 2)), np.zeros(10)

BAD_INPUTS = [
    (lambda: datasets.noisy_line(0, rng()), ValueError, "n must be >= 1"),
    (lambda: datasets.noisy_line(5.5, rng()), TypeError, "n must be an integer"),
    (lambda: datasets.noisy_line(5, None), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: datasets.noisy_line(5, 0), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: datasets.noisy_line(5, rng(), noise=-0.1), ValueError, "noise must be >= 0"),
    (lambda: datasets.noisy_line(5, rng(), x_range=(1, 1)), ValueError, "x_range must have low"),
    (lambda: datasets.noisy_line(5, rng(), x_range=3), TypeError, "x_range must be a pair"),
    (lambda: datasets.polynomial(5, rng(), ()), ValueError, "coefficients must hold"),
    (lambda: datasets.polynomial(5, rng(), "ab"), TypeError, "coefficients must be"),
    (lambda: datasets.two_moons(1, rng()), ValueError, "n must be >= 2"),
    (lambda: datasets.two_moons(10, rng(), noise=float("nan")), ValueError, "noise must be finite"),
    (lambda: datasets.blobs(1, rng()), ValueError, "n must be >= 2"),
    (lambda: datasets.blobs(5, rng(), centers=(1.0, 2.0)), ValueError, "centers must have 2"),
    (lambda: datasets.blobs(5, rng(), std=-1.0), ValueError, "std must be a number >= 0"),
    (lambda: datasets.blobs(5, rng(), std=(1.0, 2.0, 3.0)), ValueError, "std must be"),
    (lambda: datasets.sparse_features(5, rng(), rare_fraction=0), ValueError, "rare_fraction"),
    (lambda: datasets.sparse_features(5, rng(), rare_fraction=1), ValueError, "rare_fraction"),
    (lambda: datasets.sparse_features(5, rng(), n_rare=20), ValueError, "n_rare must be <= 19"),
    (lambda: datasets.sparse_features(5, rng(), n_rare=0), ValueError, "n_rare must be >= 1"),
    (lambda: datasets.sparse_features(5, rng(), rare_weight=0), ValueError, "rare_weight"),
    (lambda: datasets.train_val_split(X10, y10[:9], rng()), ValueError, "len(X)=10 and len(y)=9"),
    (lambda: datasets.train_val_split(X10, y10, rng(), 1.0), ValueError, "val_fraction must be <"),
    (lambda: datasets.train_val_split(X10, y10, rng(), 0), ValueError, "val_fraction must be >"),
    (lambda: datasets.train_val_split(X10[:1], y10[:1], rng()), ValueError, "at least 2 rows"),
    (lambda: datasets.train_val_split(X10, y10, None), TypeError, "rng must be"),
    (lambda: datasets.minibatches(X10, y10, 0, rng()), ValueError, "batch_size must be >= 1"),
    (lambda: datasets.minibatches(X10, y10, 2.5, rng()), TypeError, "batch_size must be an int"),
    (lambda: datasets.minibatches(X10, y10[:3], 2, rng()), ValueError, "same number of rows"),
    (lambda: datasets.minibatches(X10, y10, 2), TypeError, "rng must be a numpy.random.Gen"),
    (lambda: datasets.standardize(np.arange(3)), TypeError, "X must be a floating-point"),
    (lambda: datasets.standardize(X10, mean=np.zeros(2)), ValueError, "both mean and std"),
    (lambda: datasets.standardize(X10, np.zeros(2), np.zeros(2)), ValueError, "std must be > 0"),
    (lambda: datasets.standardize(X10, np.zeros(3), np.ones(3)), ValueError, "mean must have"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_input_raises_a_message_naming_the_argument(call, error, fragment):
    with pytest.raises(error, match=re.escape(fragment)):
        call()
