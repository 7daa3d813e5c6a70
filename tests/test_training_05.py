"""minibatch_sgd: the lean SGD loop with probes used by notebook 05."""

import numpy as np
import pytest

from helpers import datasets, models, optim
from helpers.training import fit, minibatch_sgd


def line_data(n=23, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    y = X @ np.array([1.5, -2.0]) + 0.3 + 0.1 * rng.normal(size=n)
    return X, y


MODEL = models.LinearRegression(2)
START = [np.array([0.2, -0.1]), np.array([0.05])]


@pytest.mark.parametrize("batch_size", [1, 5, 7, None])
def test_minibatch_sgd_equals_fit_with_sgd_on_the_same_shuffles(batch_size):
    X, y = line_data()
    run = minibatch_sgd(
        MODEL.loss_and_grad,
        START,
        X,
        y,
        lr=0.05,
        batch_size=batch_size,
        epochs=3,
        rng=np.random.default_rng(4),
    )
    history = fit(
        MODEL,
        START,
        optim.SGD(lr=0.05),
        X,
        y,
        epochs=3,
        batch_size=batch_size,
        rng=np.random.default_rng(4),
    )
    for ours, theirs in zip(run.params, history.params, strict=True):
        np.testing.assert_array_equal(ours, theirs)
    assert run.steps[-1] == len(history.step_losses)


def test_minibatch_sgd_counts_steps_and_examples_with_a_partial_last_batch():
    X, y = line_data(n=23)
    run = minibatch_sgd(
        MODEL.loss_and_grad,
        START,
        X,
        y,
        lr=0.01,
        batch_size=10,
        epochs=2,
        rng=np.random.default_rng(0),
        probe=lambda p: 0.0,
        probe_every=1,
    )
    # 3 batches per epoch (10, 10, 3): examples after each step
    np.testing.assert_array_equal(run.steps, np.arange(7))
    np.testing.assert_array_equal(run.examples, [0, 10, 20, 23, 33, 43, 46])
    assert run.message == "ran 2 epochs (6 steps, 46 examples)"


def test_minibatch_sgd_probes_at_start_every_k_steps_and_at_the_end():
    X, y = line_data(n=20)
    run = minibatch_sgd(
        MODEL.loss_and_grad,
        START,
        X,
        y,
        lr=0.01,
        batch_size=4,
        epochs=1,
        rng=np.random.default_rng(0),
        probe=lambda p: float(p[1][0]),
        probe_every=2,
    )
    np.testing.assert_array_equal(run.steps, [0, 2, 4, 5])
    assert run.values[0] == START[1][0]
    assert np.all(np.diff(run.seconds) >= 0) and run.seconds[0] == 0


def test_minibatch_sgd_without_shuffle_visits_rows_in_order():
    X, y = line_data(n=12)
    seen = []

    def recording(params, X_batch, y_batch):
        seen.append(y_batch.copy())
        return MODEL.loss_and_grad(params, X_batch, y_batch)

    minibatch_sgd(recording, START, X, y, lr=0.01, batch_size=5, epochs=2, shuffle=False)
    np.testing.assert_array_equal(np.concatenate(seen), np.concatenate([y, y]))


def test_minibatch_sgd_stops_when_the_probe_reaches_the_target():
    X, y = line_data(n=40)
    probe = lambda p: MODEL.loss_and_grad(p, X, y)[0]  # noqa: E731
    run = minibatch_sgd(
        MODEL.loss_and_grad,
        START,
        X,
        y,
        lr=0.1,
        batch_size=8,
        epochs=50,
        rng=np.random.default_rng(1),
        probe=probe,
        probe_every=1,
        stop_below=0.5,
    )
    assert run.values[-1] <= 0.5 < run.values[-2]
    assert run.message.startswith("reached") and f"step {run.steps[-1]}" in run.message


def test_minibatch_sgd_stops_when_the_example_budget_is_used():
    X, y = line_data(n=40)
    run = minibatch_sgd(
        MODEL.loss_and_grad,
        START,
        X,
        y,
        lr=0.1,
        batch_size=8,
        epochs=50,
        rng=np.random.default_rng(1),
        probe=lambda p: 1.0,
        probe_every=100,
        max_examples=100,
    )
    assert run.examples[-1] == 104 and run.steps[-1] == 13
    assert "max_examples=100 used up" in run.message


def test_minibatch_sgd_takes_a_single_array_and_returns_one():
    X, y = line_data(n=10)

    def loss_and_grad(w, X_batch, y_batch):
        residual = X_batch @ w - y_batch
        return float(np.mean(residual**2)), 2 * X_batch.T @ residual / len(y_batch)

    run = minibatch_sgd(loss_and_grad, np.zeros(2), X, y, lr=0.1, epochs=3)
    assert isinstance(run.params, np.ndarray) and run.params.shape == (2,)
    np.testing.assert_array_equal(run.examples, [0, 10, 20, 30])


def test_minibatch_sgd_stops_on_divergence_and_names_the_step():
    X, y = line_data(n=10)
    run = minibatch_sgd(MODEL.loss_and_grad, START, 1e3 * X, y, lr=10.0, epochs=500)
    assert run.message.startswith("diverged at step")


def test_minibatch_sgd_leaves_params_untouched():
    X, y = line_data(n=10)
    start = [p.copy() for p in START]
    minibatch_sgd(
        MODEL.loss_and_grad,
        start,
        X,
        y,
        lr=0.1,
        batch_size=3,
        epochs=2,
        rng=np.random.default_rng(0),
    )
    for a, b in zip(start, START, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("kwargs", "error", "fragment"),
    [
        ({"lr": 0.0}, ValueError, "lr must be > 0"),
        ({"lr": 0.1, "batch_size": 3}, TypeError, "rng must be a numpy.random.Generator"),
        ({"lr": 0.1, "epochs": 0}, ValueError, "epochs must be >= 1"),
        ({"lr": 0.1, "stop_below": 0.1}, ValueError, "stop_below needs a probe"),
        ({"lr": 0.1, "probe": 3}, TypeError, "probe must be a function"),
        ({"lr": 0.1, "probe_every": 0}, ValueError, "probe_every must be >= 1"),
    ],
)
def test_minibatch_sgd_refuses_bad_arguments(kwargs, error, fragment):
    X, y = line_data(n=10)
    with pytest.raises(error, match=fragment):
        minibatch_sgd(MODEL.loss_and_grad, START, X, y, **kwargs)


def test_minibatch_sgd_refuses_mismatched_data():
    X, y = line_data(n=10)
    with pytest.raises(ValueError, match="same number of rows"):
        minibatch_sgd(MODEL.loss_and_grad, START, X, y[:-1], lr=0.1)
    with pytest.raises(TypeError, match="loss_and_grad must be a function"):
        minibatch_sgd(None, START, X, y, lr=0.1)


def test_minibatch_sgd_on_digits_softmax_runs():
    X, y = datasets.load_digits()
    model = models.MLP((64, 10), output="softmax")
    run = minibatch_sgd(
        model.loss_and_grad,
        model.init(None, "zeros"),
        X[:200],
        y[:200],
        lr=0.5,
        batch_size=50,
        epochs=2,
        rng=np.random.default_rng(0),
        probe=lambda p: model.loss_and_grad(p, X[200:300], y[200:300])[0],
        probe_every=4,
    )
    assert run.values[-1] < run.values[0] == pytest.approx(np.log(10))
