"""Tests for helpers.models: exact gradients, symmetry of constant inits, fitting, bad inputs."""

import itertools

import numpy as np
import pytest

from helpers import gradients, losses, models


def scaled_error(analytic, numeric):
    """max |a - b| / max(|a| + |b|): relative to the gradient's size, robust to tiny entries."""
    return np.max(np.abs(analytic - numeric)) / max(
        np.max(np.abs(analytic) + np.abs(numeric)), 1e-300
    )


def max_gradient_error(model, params, X, y):
    """Largest scaled error over all parameter arrays, params perturbed through a closure."""
    _, grads = model.loss_and_grad(params, X, y)
    errors = []
    for param, grad in zip(params, grads, strict=True):
        numeric = gradients.numerical_gradient(
            lambda _: model.loss_and_grad(params, X, y)[0], param, h=1e-6
        )
        errors.append(scaled_error(grad, numeric))
    return max(errors)


def classification_data(rng, n=12, n_features=3, n_classes=2):
    return rng.normal(size=(n, n_features)), rng.integers(0, n_classes, size=n)


# --- gradients ----------------------------------------------------------------------------------


def test_linear_regression_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    model = models.LinearRegression(3)
    X, y = rng.normal(size=(10, 3)), rng.normal(size=10)
    params = model.init(rng, std=1.0)
    params[1][:] = 0.3
    assert max_gradient_error(model, params, X, y) <= 1e-6


def test_logistic_regression_gradient_matches_finite_differences():
    rng = np.random.default_rng(1)
    model = models.LogisticRegression(3)
    X, y = classification_data(rng)
    params = model.init(rng, std=1.0)
    params[1][:] = -0.2
    assert max_gradient_error(model, params, X, y) <= 1e-6


@pytest.mark.parametrize(
    ("activation", "output"),
    list(itertools.product(models.ACTIVATIONS, ["linear", "sigmoid", "softmax"])),
)
def test_mlp_gradient_matches_finite_differences(activation, output):
    rng = np.random.default_rng(2)
    n_out = {"linear": 1, "sigmoid": 1, "softmax": 3}[output]
    model = models.MLP(sizes=(3, 5, 4, n_out), activation=activation, output=output)
    params = [p + rng.normal(scale=0.1, size=p.shape) for p in model.init(rng, "xavier")]
    X = rng.normal(size=(8, 3))
    y = rng.normal(size=8) if output == "linear" else rng.integers(0, n_out + (n_out == 1), size=8)
    assert max_gradient_error(model, params, X, y) <= 1e-6


@pytest.mark.parametrize("sizes", [(2, 1), (4, 3, 2), (2, 3, 3, 3, 3, 2)])
def test_mlp_gradient_is_exact_for_any_depth_and_multi_output_regression(sizes):
    rng = np.random.default_rng(3)
    model = models.MLP(sizes=sizes, activation="tanh", output="linear")
    params = [p + rng.normal(scale=0.1, size=p.shape) for p in model.init(rng, "xavier")]
    X = rng.normal(size=(6, sizes[0]))
    y = rng.normal(size=(6,) if sizes[-1] == 1 else (6, sizes[-1]))
    assert max_gradient_error(model, params, X, y) <= 1e-6


def test_activation_derivatives_match_finite_differences():
    z = np.random.default_rng(4).normal(size=20) * 3
    for name, (fn, fn_grad) in models.ACTIVATIONS.items():
        numeric = gradients.numerical_gradient(lambda v, fn=fn: float(np.sum(fn(v))), z.copy())
        assert scaled_error(fn_grad(z), numeric) <= 1e-6, name


# --- forward pass and cache ---------------------------------------------------------------------


def test_mlp_forward_cache_keeps_inputs_preactivations_and_activations():
    rng = np.random.default_rng(5)
    model = models.MLP(sizes=(2, 4, 3, 1), activation="tanh")
    params = model.init(rng, "xavier")
    X = rng.normal(size=(5, 2))
    output, cache = model.forward(params, X)
    assert [a.shape for a in cache.activations] == [(5, 2), (5, 4), (5, 3)]
    assert [z.shape for z in cache.preactivations] == [(5, 4), (5, 3), (5, 1)]
    np.testing.assert_array_equal(cache.activations[0], X)
    np.testing.assert_allclose(cache.activations[1], np.tanh(X @ params[0] + params[1]))
    np.testing.assert_array_equal(output, cache.preactivations[-1])
    assert len(model.hidden_activations(params, X)) == 2


def test_linear_regression_predicts_x_w_plus_b_and_solve_recovers_exact_line():
    model = models.LinearRegression(2)
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, -1.0]])
    params = [np.array([2.0, -3.0]), np.array([0.5])]
    np.testing.assert_allclose(model.predict(params, X), [2.5, -2.5, -0.5, 7.5])
    solved = model.solve(X, model.predict(params, X))
    np.testing.assert_allclose(solved[0], params[0])
    np.testing.assert_allclose(solved[1], params[1])


def test_linear_regression_gradient_descent_agrees_with_closed_form():
    rng = np.random.default_rng(6)
    model = models.LinearRegression(2)
    X, y = rng.normal(size=(50, 2)), rng.normal(size=50)
    params = model.init()
    for _ in range(500):
        _, grads = model.loss_and_grad(params, X, y)
        params = [p - 0.1 * g for p, g in zip(params, grads, strict=True)]
    for fitted, exact in zip(params, model.solve(X, y), strict=True):
        np.testing.assert_allclose(fitted, exact, atol=1e-8)


def test_logistic_regression_probabilities_labels_and_loss_by_hand():
    model = models.LogisticRegression(1)
    params = [np.array([np.log(3.0)]), np.array([0.0])]
    X = np.array([[0.0], [1.0]])
    np.testing.assert_allclose(model.predict_proba(params, X), [0.5, 0.75])
    np.testing.assert_array_equal(model.predict(params, X), [0, 1])
    loss, _ = model.loss_and_grad(params, X, np.array([1, 0]))
    assert loss == pytest.approx(1.5 * np.log(2))
    assert model.accuracy(params, X, np.array([1, 1])) == 0.5


def test_mlp_softmax_probabilities_sum_to_one_and_predict_takes_argmax():
    rng = np.random.default_rng(7)
    model = models.MLP(sizes=(2, 5, 3), output="softmax")
    params = model.init(rng)
    X = rng.normal(size=(6, 2))
    probs = model.predict_proba(params, X)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    np.testing.assert_array_equal(model.predict(params, X), probs.argmax(axis=1))


def test_mlp_init_draws_weights_by_fan_and_zero_biases():
    model = models.MLP(sizes=(200, 300, 1))
    params = model.init(np.random.default_rng(8), "he")
    assert params[0].std() == pytest.approx(np.sqrt(2 / 200), rel=0.02)
    assert not params[1].any() and not params[3].any()
    assert [p.shape for p in params] == [(200, 300), (300,), (300, 1), (1,)]


def test_layer_grad_norms_give_one_norm_per_weight_matrix():
    grads = [np.full((2, 2), 1.0), np.ones(2), np.full((2, 1), 3.0), np.ones(1)]
    np.testing.assert_allclose(models.MLP.layer_grad_norms(grads), [2.0, np.sqrt(18.0)])


# --- symmetry: why all-equal initial weights fail ------------------------------------------------


@pytest.mark.parametrize("value", [0.0, 0.5])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_constant_init_keeps_hidden_units_identical_after_gradient_steps(value, activation):
    rng = np.random.default_rng(9)
    model = models.MLP(sizes=(2, 6, 1), activation=activation, output="sigmoid")
    params = model.init(rng, "constant", scale=value)
    X, y = rng.normal(size=(20, 2)), rng.integers(0, 2, size=20)
    for _ in range(50):
        _, grads = model.loss_and_grad(params, X, y)
        params = [p - 0.5 * g for p, g in zip(params, grads, strict=True)]
    W1, b1, W2 = params[0], params[1], params[2]
    # every hidden unit (a column of W1, an entry of b1, a row of W2) is the same
    np.testing.assert_allclose(W1, W1[:, :1] * np.ones((1, 6)), atol=1e-12)
    np.testing.assert_allclose(b1, b1[0], atol=1e-12)
    np.testing.assert_allclose(W2, W2[0, 0], atol=1e-12)


def test_random_init_breaks_the_symmetry():
    rng = np.random.default_rng(10)
    model = models.MLP(sizes=(2, 6, 1), activation="tanh", output="sigmoid")
    params = model.init(rng, "xavier")
    W1 = params[0]
    assert np.ptp(W1, axis=1).min() > 0


# --- fitting with plain gradient descent ---------------------------------------------------------


def gradient_descent(model, params, X, y, lr, steps):
    for _ in range(steps):
        loss, grads = model.loss_and_grad(params, X, y)
        params = [p - lr * g for p, g in zip(params, grads, strict=True)]
    return params, loss


def test_mlp_learns_xor_with_gradient_descent():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    model = models.MLP(sizes=(2, 8, 1), activation="tanh", output="sigmoid")
    params, loss = gradient_descent(
        model, model.init(np.random.default_rng(0), "xavier"), X, y, 1.0, 2000
    )
    assert loss < 0.05
    assert model.accuracy(params, X, y) == 1.0


def test_logistic_regression_and_softmax_mlp_separate_two_blobs():
    rng = np.random.default_rng(11)
    X = np.vstack([rng.normal(-2, 1, size=(50, 2)), rng.normal(2, 1, size=(50, 2))])
    y = np.repeat([0, 1], 50)
    logistic = models.LogisticRegression(2)
    params, _ = gradient_descent(logistic, logistic.init(), X, y, 0.5, 200)
    assert logistic.accuracy(params, X, y) >= 0.97
    mlp = models.MLP(sizes=(2, 8, 2), activation="relu", output="softmax")
    params, _ = gradient_descent(mlp, mlp.init(rng, "he"), X, y, 0.2, 300)
    assert mlp.accuracy(params, X, y) >= 0.97


def test_diverging_params_give_non_finite_loss_without_warnings():
    model = models.MLP(sizes=(2, 3, 1))
    params = [np.full(p.shape, 1e200) for p in model.init(np.random.default_rng(0))]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, _ = model.loss_and_grad(params, np.ones((2, 2)), np.ones(2))
    assert not np.isfinite(loss)


# --- bad inputs ----------------------------------------------------------------------------------

LIN = models.LinearRegression(2)
LIN_PARAMS = [np.zeros(2), np.zeros(1)]
MLP = models.MLP(sizes=(2, 3, 3), output="softmax")
MLP_PARAMS = MLP.init(np.random.default_rng(0))
X2 = np.ones((4, 2))
BAD_INPUTS = [
    (lambda: models.LinearRegression(0), ValueError, "n_features must be >= 1"),
    (lambda: models.LinearRegression(2.5), TypeError, "n_features must be an integer"),
    (lambda: LIN.predict(LIN_PARAMS, np.ones((4, 3))), ValueError, "X must have shape (n, 2)"),
    (lambda: LIN.predict(LIN_PARAMS, np.ones(4)), ValueError, "x[:, None]"),
    (lambda: LIN.predict(LIN_PARAMS, np.ones((4, 2), dtype=int)), TypeError, "X must be a float"),
    (lambda: LIN.predict([np.zeros(2)], X2), ValueError, "params must be a list of 2 arrays"),
    (lambda: LIN.predict([np.zeros(3), np.zeros(1)], X2), ValueError, "params[0] must have shape"),
    (lambda: LIN.predict([np.zeros(2, int), np.zeros(1)], X2), TypeError, "params[0] must be"),
    (lambda: LIN.loss_and_grad(LIN_PARAMS, X2, np.ones(3)), ValueError, "y must have shape (4,)"),
    (lambda: LIN.loss_and_grad(LIN_PARAMS, X2, np.ones((4, 1))), ValueError, "got (4, 1)"),
    (
        lambda: models.LogisticRegression(2).loss_and_grad(LIN_PARAMS, X2, np.array([0, 1, 2, 0])),
        ValueError,
        "labels must be in [0, 1], got 2.0",
    ),
    (lambda: models.MLP(sizes=(2,)), ValueError, "sizes must be a tuple of at least 2"),
    (lambda: models.MLP(sizes=(2, 0, 1)), ValueError, "sizes[1] must be >= 1"),
    (lambda: models.MLP(activation="gelu"), ValueError, "activation must be one of"),
    (lambda: models.MLP(output="softplus"), ValueError, "output must be one of"),
    (lambda: models.MLP(sizes=(2, 2), output="sigmoid"), ValueError, "sizes[-1] == 1"),
    (lambda: models.MLP(sizes=(2, 1), output="softmax"), ValueError, "sizes[-1] >= 2"),
    (lambda: MLP.forward(MLP_PARAMS, np.ones((4, 3))), ValueError, "X must have shape (n, 2)"),
    (lambda: MLP.loss_and_grad(MLP_PARAMS, X2, np.array([0, 1, 3, 0])), ValueError, "label 3"),
    (lambda: MLP.loss_and_grad(MLP_PARAMS, X2, np.zeros(4)), TypeError, "y must be integer"),
    (lambda: MLP.loss_and_grad(MLP_PARAMS, X2, np.zeros(3, int)), ValueError, "y must have shape"),
    (lambda: MLP.forward(MLP_PARAMS[:3], X2), ValueError, "params must be a list of 4 arrays"),
    (lambda: MLP.init(None, "he"), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: MLP.init(np.random.default_rng(0), "lecun"), ValueError, "'lecun'"),
    (lambda: models.MLP().accuracy(MLP_PARAMS, X2, np.zeros(4)), ValueError, "accuracy needs"),
    (
        lambda: MLP.backward(MLP_PARAMS, MLP.forward(MLP_PARAMS, X2)[1], np.ones((4, 2))),
        ValueError,
        "grad_output must have shape (4, 3)",
    ),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_clear_errors(call, error, fragment):
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)


def test_backward_returns_grads_in_params_order_with_params_shapes():
    rng = np.random.default_rng(12)
    model = models.MLP(sizes=(3, 4, 2), output="softmax")
    params = model.init(rng)
    X = rng.normal(size=(5, 3))
    output, cache = model.forward(params, X)
    grads = model.backward(
        params, cache, losses.softmax_cross_entropy_grad(output, np.zeros(5, int))
    )
    assert [g.shape for g in grads] == [p.shape for p in params]
