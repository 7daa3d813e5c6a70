"""Tests for helpers.losses: hand-computed values, exact gradients, stability, bad inputs."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers import gradients, losses

RNG_SEED = 1234


def check_gradient(loss, loss_grad, pred, *args):
    """Analytic gradient vs central differences: max |a - b| / max(|a| + |b|).

    Relative to the largest entry rather than entry by entry: tiny entries (a softmax
    probability of 1e-7) carry round-off of ~1e-10 that is large relative to themselves.
    """
    numeric = gradients.numerical_gradient(lambda p: loss(p, *args), pred.copy(), h=1e-6)
    analytic = loss_grad(pred, *args)
    return np.max(np.abs(analytic - numeric)) / np.max(np.abs(analytic) + np.abs(numeric))


# --- values computed by hand -------------------------------------------------------------------


def test_mse_value_and_gradient_by_hand():
    pred, target = np.array([1.0, 2.0, 3.0]), np.array([1.0, 0.0, 5.0])
    assert losses.mse(pred, target) == pytest.approx(8 / 3)
    np.testing.assert_allclose(losses.mse_grad(pred, target), [0.0, 4 / 3, -4 / 3])


def test_mae_value_and_subgradient_by_hand():
    pred, target = np.array([1.0, 2.0, 3.0]), np.array([1.0, 0.0, 5.0])
    assert losses.mae(pred, target) == pytest.approx(4 / 3)
    np.testing.assert_allclose(losses.mae_grad(pred, target), [0.0, 1 / 3, -1 / 3])


def test_huber_is_quadratic_inside_delta_and_linear_outside():
    pred, target = np.array([1.0, 2.0, 3.0, 0.5]), np.array([1.0, 0.0, 5.0, 0.0])
    # per entry: 0, 1*(2 - 0.5), 1*(2 - 0.5), 0.5 * 0.5^2
    assert losses.huber(pred, target) == pytest.approx((0 + 1.5 + 1.5 + 0.125) / 4)
    np.testing.assert_allclose(losses.huber_grad(pred, target), [0.0, 0.25, -0.25, 0.125])
    # delta = 3: everything is inside, so huber = mse / 2
    assert losses.huber(pred, target, delta=3.0) == pytest.approx(losses.mse(pred, target) / 2)


def test_binary_cross_entropy_with_logits_by_hand():
    logits, labels = np.array([0.0, np.log(3.0)]), np.array([1.0, 0.0])
    # sigma(0) = 1/2 -> -log(1/2) = ln 2; sigma(ln 3) = 3/4 -> -log(1/4) = ln 4
    assert losses.binary_cross_entropy_with_logits(logits, labels) == pytest.approx(1.5 * np.log(2))
    grad = losses.binary_cross_entropy_with_logits_grad(logits, labels)
    np.testing.assert_allclose(grad, [-0.25, 0.375])


def test_softmax_cross_entropy_by_hand():
    logits = np.array([[0.0, 0.0, np.log(2.0)], [np.log(3.0), 0.0, 0.0]])
    labels = np.array([2, 1])
    # probabilities (1/4, 1/4, 1/2) and (3/5, 1/5, 1/5): losses ln 2 and ln 5
    assert losses.softmax_cross_entropy(logits, labels) == pytest.approx(np.log(10) / 2)
    expected = np.array([[0.25, 0.25, -0.5], [0.6, -0.8, 0.2]]) / 2
    np.testing.assert_allclose(losses.softmax_cross_entropy_grad(logits, labels), expected)


def test_sigmoid_softmax_log_softmax_by_hand():
    np.testing.assert_allclose(losses.sigmoid(np.array([0.0, np.log(3.0)])), [0.5, 0.75])
    np.testing.assert_allclose(losses.softmax(np.array([0.0, np.log(3.0)])), [0.25, 0.75])
    np.testing.assert_allclose(
        losses.log_softmax(np.array([0.0, np.log(3.0)])), np.log([0.25, 0.75])
    )


# --- exact gradients ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("loss", "loss_grad"),
    [
        (losses.mse, losses.mse_grad),
        (losses.mae, losses.mae_grad),
        (losses.huber, losses.huber_grad),
    ],
)
@pytest.mark.parametrize("shape", [(7,), (4, 3)])
def test_regression_loss_gradients_match_finite_differences(loss, loss_grad, shape):
    rng = np.random.default_rng(RNG_SEED)
    pred, target = rng.normal(size=shape) * 2, rng.normal(size=shape)
    assert check_gradient(loss, loss_grad, pred, target) <= 1e-6


@pytest.mark.parametrize("delta", [0.1, 0.5, 2.0])
def test_huber_gradient_matches_finite_differences_for_several_deltas(delta):
    rng = np.random.default_rng(RNG_SEED)
    pred, target = rng.normal(size=9), rng.normal(size=9)
    assert check_gradient(losses.huber, losses.huber_grad, pred, target, delta) <= 1e-6


def test_binary_cross_entropy_gradient_matches_finite_differences_with_soft_labels():
    rng = np.random.default_rng(RNG_SEED)
    logits, labels = rng.normal(size=10) * 3, rng.uniform(size=10)
    loss, loss_grad = (
        losses.binary_cross_entropy_with_logits,
        losses.binary_cross_entropy_with_logits_grad,
    )
    assert check_gradient(loss, loss_grad, logits, labels) <= 1e-6


def test_softmax_cross_entropy_gradient_matches_finite_differences():
    rng = np.random.default_rng(RNG_SEED)
    logits, labels = rng.normal(size=(6, 4)) * 3, rng.integers(0, 4, size=6)
    loss, loss_grad = losses.softmax_cross_entropy, losses.softmax_cross_entropy_grad
    assert check_gradient(loss, loss_grad, logits, labels) <= 1e-6


# --- numerical stability ------------------------------------------------------------------------


def test_binary_cross_entropy_is_finite_and_exact_for_huge_logits():
    logits = np.array([1000.0, -1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert losses.binary_cross_entropy_with_logits(logits, np.array([1.0, 1.0])) == 500.0
        assert losses.binary_cross_entropy_with_logits(logits, np.array([0.0, 0.0])) == 500.0
        grad = losses.binary_cross_entropy_with_logits_grad(logits, np.array([1.0, 1.0]))
    np.testing.assert_array_equal(grad, [0.0, -0.5])


def test_softmax_cross_entropy_is_finite_and_exact_for_huge_logits():
    logits = np.array([[1000.0, -1000.0], [-1000.0, 1000.0]])
    labels = np.array([1, 1])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert losses.softmax_cross_entropy(logits, labels) == 1000.0
        grad = losses.softmax_cross_entropy_grad(logits, labels)
    np.testing.assert_array_equal(grad, [[0.5, -0.5], [0.0, 0.0]])


def test_sigmoid_and_softmax_do_not_overflow():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_array_equal(losses.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])
        np.testing.assert_array_equal(losses.softmax(np.array([1000.0, 0.0])), [1.0, 0.0])
        assert losses.log_softmax(np.array([1000.0, 0.0]))[1] == -1000.0


def test_non_finite_predictions_give_non_finite_loss_without_warnings():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert not np.isfinite(losses.mse(np.array([np.inf, 1.0]), np.array([0.0, 0.0])))
        assert not np.isfinite(losses.mse(np.array([1e200, 1.0]), np.array([0.0, 0.0])))


# --- properties ----------------------------------------------------------------------------------

finite_floats = st.floats(-1e3, 1e3, allow_nan=False)
vectors = hnp.arrays(np.float64, st.integers(1, 8), elements=finite_floats)


@given(vectors, st.data())
def test_regression_losses_are_non_negative(pred, data):
    target = data.draw(hnp.arrays(np.float64, pred.shape, elements=finite_floats))
    assert losses.mse(pred, target) >= 0
    assert losses.mae(pred, target) >= 0
    assert losses.huber(pred, target) >= 0


@given(vectors, st.data())
def test_binary_cross_entropy_is_non_negative(logits, data):
    labels = data.draw(hnp.arrays(np.float64, logits.shape, elements=st.floats(0, 1)))
    assert losses.binary_cross_entropy_with_logits(logits, labels) >= 0


@given(vectors, st.data())
def test_mse_gradient_is_zero_exactly_where_pred_equals_target(pred, data):
    target = data.draw(hnp.arrays(np.float64, pred.shape, elements=finite_floats))
    target[: pred.size // 2] = pred[: pred.size // 2]
    grad = losses.mse_grad(pred, target)
    np.testing.assert_array_equal(grad == 0, pred == target)


@given(
    hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 6)), elements=finite_floats)
)
def test_softmax_rows_are_probabilities_and_log_softmax_is_their_log(logits):
    probs = losses.softmax(logits)
    assert np.all((probs >= 0) & (probs <= 1))
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    np.testing.assert_allclose(np.exp(losses.log_softmax(logits)), probs, atol=1e-12)


@given(hnp.arrays(np.float64, st.integers(1, 6), elements=finite_floats), finite_floats)
def test_softmax_ignores_adding_a_constant(logits, shift):
    np.testing.assert_allclose(losses.softmax(logits + shift), losses.softmax(logits), atol=1e-9)


@given(vectors)
def test_sigmoid_is_symmetric(z):
    np.testing.assert_allclose(losses.sigmoid(-z), 1 - losses.sigmoid(z), atol=1e-15)


@given(
    hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 6)), elements=finite_floats)
)
def test_softmax_cross_entropy_is_non_negative_and_its_gradient_rows_sum_to_zero(logits):
    labels = np.arange(logits.shape[0]) % logits.shape[1]
    assert losses.softmax_cross_entropy(logits, labels) >= 0
    grad = losses.softmax_cross_entropy_grad(logits, labels)
    np.testing.assert_allclose(grad.sum(axis=1), 0.0, atol=1e-12)


# --- bad inputs ----------------------------------------------------------------------------------

ONES = np.ones(3)
BAD_INPUTS = [
    (lambda: losses.mse(ONES, np.ones(4)), ValueError, "pred shape (3,) and target shape (4,)"),
    (lambda: losses.mae_grad(ONES, np.ones((3, 1))), ValueError, "target shape (3, 1)"),
    (lambda: losses.mse(np.array([1, 2, 3]), ONES), TypeError, "pred must be a floating-point"),
    (lambda: losses.huber(ONES, ONES, delta=0.0), ValueError, "delta must be > 0"),
    (lambda: losses.huber_grad(ONES, ONES, delta=-1.0), ValueError, "delta must be > 0"),
    (lambda: losses.mse(np.ones(0), np.ones(0)), ValueError, "pred must not be empty"),
    (lambda: losses.mse(ONES, np.array([1.0, np.nan, 0.0])), ValueError, "target must contain"),
    (lambda: losses.mse(ONES, ["a", "b", "c"]), TypeError, "target must be real"),
    (
        lambda: losses.binary_cross_entropy_with_logits(ONES, np.array([0.0, 1.0, 2.0])),
        ValueError,
        "labels must be in [0, 1], got 2.0",
    ),
    (
        lambda: losses.binary_cross_entropy_with_logits_grad(ONES, np.array([0.0, -1.0, 1.0])),
        ValueError,
        "got -1.0",
    ),
    (
        lambda: losses.binary_cross_entropy_with_logits(np.array([1, 0]), np.array([1, 0])),
        TypeError,
        "logits must be a floating-point",
    ),
    (
        lambda: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3])),
        ValueError,
        "got label 3 at index 1",
    ),
    (
        lambda: losses.softmax_cross_entropy_grad(np.zeros((2, 3)), np.array([-1, 0])),
        ValueError,
        "got label -1",
    ),
    (
        lambda: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0.0, 1.0])),
        TypeError,
        "labels must be integer",
    ),
    (
        lambda: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2])),
        ValueError,
        "labels shape (3,)",
    ),
    (
        lambda: losses.softmax_cross_entropy(np.zeros(3), np.array([0])),
        ValueError,
        "logits must have 2 dimension(s)",
    ),
    (lambda: losses.sigmoid("x"), TypeError, "z must be real"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_clear_errors(call, error, fragment):
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
