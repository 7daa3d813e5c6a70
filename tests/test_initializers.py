"""Tests for helpers.initializers: the sample statistics match the formulas; seeds reproduce."""

import numpy as np
import pytest

from helpers import initializers

SHAPE = (400, 600)  # 240 000 samples: sample std within ~0.3% of the true std


def rng():
    return np.random.default_rng(7)


@pytest.mark.parametrize(
    ("name", "call", "expected_std"),
    [
        ("normal", lambda: initializers.normal(SHAPE, rng(), std=0.3), 0.3),
        ("uniform", lambda: initializers.uniform(SHAPE, rng(), -2.0, 2.0), 2.0 / np.sqrt(3)),
        ("xavier_normal", lambda: initializers.xavier_normal(SHAPE, rng()), np.sqrt(2 / 1000)),
        (
            "xavier_normal gain",
            lambda: initializers.xavier_normal(SHAPE, rng(), gain=5 / 3),
            5 / 3 * np.sqrt(2 / 1000),
        ),
        ("xavier_uniform", lambda: initializers.xavier_uniform(SHAPE, rng()), np.sqrt(2 / 1000)),
        ("he_normal", lambda: initializers.he_normal(SHAPE, rng()), np.sqrt(2 / 400)),
        ("he_uniform", lambda: initializers.he_uniform(SHAPE, rng()), np.sqrt(2 / 400)),
    ],
)
def test_sample_std_matches_formula(name, call, expected_std):
    weights = call()
    assert weights.shape == SHAPE
    assert abs(weights.mean()) < 4 * expected_std / np.sqrt(weights.size)
    assert weights.std() == pytest.approx(expected_std, rel=0.01), name


@pytest.mark.parametrize(
    ("call", "limit"),
    [
        (lambda: initializers.xavier_uniform(SHAPE, rng()), np.sqrt(6 / 1000)),
        (lambda: initializers.xavier_uniform(SHAPE, rng(), gain=2.0), 2 * np.sqrt(6 / 1000)),
        (lambda: initializers.he_uniform(SHAPE, rng()), np.sqrt(6 / 400)),
    ],
)
def test_uniform_initializers_fill_exactly_their_limits(call, limit):
    weights = call()
    assert np.abs(weights).max() <= limit
    assert np.abs(weights).max() > 0.999 * limit


def test_he_uses_fan_in_only_and_xavier_both_fans():
    wide = initializers.he_normal((100, 5000), rng()).std()
    assert wide == pytest.approx(np.sqrt(2 / 100), rel=0.02)
    balanced = initializers.xavier_normal((100, 5000), rng()).std()
    assert balanced == pytest.approx(np.sqrt(2 / 5100), rel=0.02)


def test_same_seed_gives_same_weights_and_different_seed_different():
    first = initializers.he_normal((5, 4), np.random.default_rng(3))
    again = initializers.he_normal((5, 4), np.random.default_rng(3))
    other = initializers.he_normal((5, 4), np.random.default_rng(4))
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_zeros_and_constant_are_deterministic_floats():
    np.testing.assert_array_equal(initializers.zeros((2, 3)), np.zeros((2, 3)))
    np.testing.assert_array_equal(initializers.constant(4, 0.5), np.full(4, 0.5))
    assert initializers.zeros(3).dtype == np.float64


def test_initialize_by_name_matches_the_function_and_aliases():
    np.testing.assert_array_equal(
        initializers.initialize("he", (3, 4), rng()), initializers.he_normal((3, 4), rng())
    )
    np.testing.assert_array_equal(
        initializers.initialize("xavier", (3, 4), rng()), initializers.xavier_normal((3, 4), rng())
    )
    for name in initializers.INITIALIZERS:
        assert initializers.initialize(name, (3, 4), rng()).shape == (3, 4)


def test_initialize_scale_means_std_limit_value_or_gain():
    normal = initializers.initialize("normal", SHAPE, rng(), scale=0.05)
    assert normal.std() == pytest.approx(0.05, rel=0.01)
    uniform = initializers.initialize("uniform", SHAPE, rng(), scale=0.2)
    assert np.abs(uniform).max() == pytest.approx(0.2, rel=1e-3)
    constant = initializers.initialize("constant", (2, 2), rng(), scale=0.7)
    np.testing.assert_array_equal(constant, np.full((2, 2), 0.7))
    doubled = initializers.initialize("xavier_normal", (3, 4), rng(), scale=2.0)
    np.testing.assert_allclose(doubled, 2.0 * initializers.xavier_normal((3, 4), rng()))


BAD_INPUTS = [
    (lambda: initializers.he_normal((5,), rng()), ValueError, "shape must be a 2-D"),
    (lambda: initializers.xavier_uniform((2, 3, 4), rng()), ValueError, "(fan_in, fan_out)"),
    (lambda: initializers.he_uniform((0, 3), rng()), ValueError, "positive sizes"),
    (lambda: initializers.normal((2, 2), 42), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: initializers.normal((2, 2), rng(), std=-1.0), ValueError, "std must be >= 0"),
    (lambda: initializers.uniform((2,), rng(), 1.0, 1.0), ValueError, "low must be < high"),
    (lambda: initializers.xavier_normal((2, 2), rng(), gain=-1), ValueError, "gain must be >= 0"),
    (lambda: initializers.zeros((2, -1)), ValueError, "shape must not have negative"),
    (lambda: initializers.zeros((2.0, 3)), TypeError, "shape must be an int or a tuple"),
    (lambda: initializers.constant(2, "a"), TypeError, "value must be a real number"),
    (lambda: initializers.initialize("glorious", (2, 2), rng()), ValueError, "'glorious'"),
    (lambda: initializers.initialize("constant", (2, 2), rng()), ValueError, "scale must be"),
    (lambda: initializers.initialize("zeros", (2,), rng(), 1.0), ValueError, "scale must be"),
    (lambda: initializers.initialize("normal", (2,), rng(), -1.0), ValueError, "scale must be"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_clear_errors(call, error, fragment):
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
