import re
import warnings

import numpy as np
import pytest

from helpers.training import fit

# Stand-ins written to the contract, so these tests do not depend on helpers.optim/models.


class GradientDescent:
    """Plain gradient descent in the contract's shape; the state counts steps."""

    def __init__(self, lr):
        self.lr = lr

    def init(self, params):
        return 0

    def step(self, params, grads, state):
        return [p - self.lr * g for p, g in zip(params, grads, strict=True)], state + 1


class Line:
    """y ≈ X @ w + b with the mean squared error; also counts its calls and batch sizes."""

    def __init__(self):
        self.batch_sizes = []

    def loss_and_grad(self, params, X, y):
        w, b = params
        residual = X @ w + b[0] - y
        self.batch_sizes.append(len(y))
        grads = [2 * X.T @ residual / len(y), np.array([2 * residual.mean()])]
        return float(np.mean(residual**2)), grads


class Exploding:
    """loss = exp(w): with a big step, w grows until exp overflows to inf."""

    def loss_and_grad(self, params, X, y):
        loss = np.exp(params[0][0])
        return float(loss), [np.array([loss])]


def data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, X @ np.array([1.5, -2.0]) + 0.5


def zeros():
    return [np.zeros(2), np.zeros(1)]


def test_full_batch_fit_matches_hand_written_gradient_descent():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=3)
    params, model = zeros(), Line()
    for _ in range(3):
        _, grads = model.loss_and_grad(params, X, y)
        params = [p - 0.1 * g for p, g in zip(params, grads, strict=True)]
    for got, expected in zip(history.params, params, strict=True):
        np.testing.assert_allclose(got, expected)
    assert history.message.startswith("ran 3 epochs (3 steps), final loss ")


def test_epoch_losses_start_with_the_loss_before_training():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=4)
    assert history.epoch_losses.shape == (5,)
    assert history.epoch_losses[0] == pytest.approx(np.mean(y**2))  # zero weights predict 0
    np.testing.assert_allclose(history.epoch_losses[:4], history.step_losses)  # full batch


def test_loss_decreases_with_a_small_learning_rate():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=50)
    assert np.all(np.diff(history.epoch_losses) < 0)
    assert history.epoch_losses[-1] < 1e-6


def test_minibatches_give_ceil_n_over_batch_size_steps_per_epoch_last_one_partial():
    X, y = data(n=10)
    model = Line()
    history = fit(
        model,
        zeros(),
        GradientDescent(0.1),
        X,
        y,
        epochs=2,
        batch_size=4,
        rng=np.random.default_rng(0),
    )
    assert history.step_losses.shape == (6,)
    assert model.batch_sizes.count(4) == 4 and model.batch_sizes.count(2) == 2
    assert "(6 steps)" in history.message


def test_fit_is_deterministic_given_the_seed():
    X, y = data()
    runs = [
        fit(
            Line(),
            zeros(),
            GradientDescent(0.05),
            X,
            y,
            epochs=3,
            batch_size=7,
            rng=np.random.default_rng(5),
            X_val=X[:5],
            y_val=y[:5],
        )
        for _ in range(2)
    ]
    for field in ("step_losses", "epoch_losses", "val_losses"):
        np.testing.assert_array_equal(getattr(runs[0], field), getattr(runs[1], field))
    np.testing.assert_array_equal(runs[0].params[0], runs[1].params[0])


def test_shuffling_changes_the_minibatch_sequence_between_seeds():
    X, y = data()
    losses = [
        fit(
            Line(),
            zeros(),
            GradientDescent(0.05),
            X,
            y,
            epochs=1,
            batch_size=7,
            rng=np.random.default_rng(seed),
        ).step_losses
        for seed in (1, 2)
    ]
    assert not np.allclose(losses[0][1:], losses[1][1:])


def test_validation_losses_are_recorded_per_epoch_including_the_start():
    X, y = data()
    X_val, y_val = X[:10] + 1.0, y[:10]
    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=3, X_val=X_val, y_val=y_val)
    assert history.val_losses.shape == (4,)
    assert history.val_losses[0] == pytest.approx(np.mean(y_val**2))
    assert not np.allclose(history.val_losses, history.epoch_losses)


def test_without_validation_data_val_losses_is_none():
    X, y = data()
    assert fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=1).val_losses is None


def test_seconds_are_cumulative_and_start_at_zero():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=5)
    assert history.seconds.shape == (6,) and history.seconds[0] == 0.0
    assert np.all(np.diff(history.seconds) >= 0)


def test_inputs_are_not_modified():
    X, y = data()
    params = zeros()
    fit(Line(), params, GradientDescent(0.1), X, y, epochs=2)
    assert not np.any(params[0]) and not np.any(params[1])


def test_nonfinite_loss_stops_at_the_step_it_appears():
    X, y = data()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = fit(
            Exploding(), [np.array([1.0])], GradientDescent(-300.0), X, y, epochs=50, max_loss=1e300
        )
    # exp(1) -> w = 1 + 300 e ≈ 816 > 709.8 -> exp(w) overflows to inf at step 1
    assert history.diverged_at == 1
    assert history.message == "diverged at step 1: loss became inf"
    assert history.epoch_losses[-1] == np.inf
    assert history.epoch_losses.shape == history.seconds.shape == (2,)


def test_loss_above_max_loss_counts_as_divergence():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(5.0), X, y, epochs=100, max_loss=1e6)
    assert history.diverged_at is not None and history.diverged_at < 100
    assert history.message == f"diverged at step {history.diverged_at}: loss exceeded 1e6"
    assert history.epoch_losses[-1] > 1e6 and np.all(history.epoch_losses[:-1] <= 1e6)


def test_minibatch_divergence_is_caught_mid_epoch_and_recorded_as_the_last_step_loss():
    X, y = data()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = fit(
            Line(),
            zeros(),
            GradientDescent(3.0),
            X,
            y,
            epochs=100,
            batch_size=3,
            rng=np.random.default_rng(0),
        )
    k = history.diverged_at
    assert k is not None and history.step_losses.shape == (k + 1,)
    assert history.step_losses[k] > 1e10 and np.all(history.step_losses[:k] <= 1e10)
    assert history.message == f"diverged at step {k}: loss exceeded 1e10"
    assert np.all(history.epoch_losses <= 1e10)  # the unfinished epoch is not recorded


def test_callback_sees_each_epoch_and_can_stop_early():
    X, y = data()
    seen = []

    def stop_after_two(epoch, params, history):
        seen.append((epoch, len(history.epoch_losses)))
        return epoch == 2

    history = fit(Line(), zeros(), GradientDescent(0.1), X, y, epochs=10, callback=stop_after_two)
    assert seen == [(1, 2), (2, 3)]
    assert history.epoch_losses.shape == (3,)
    assert history.message == "stopped by callback after epoch 2 (2 steps)"
    assert history.diverged_at is None


def test_fit_with_the_real_sgd_and_linear_regression():
    try:
        from helpers.models import LinearRegression
        from helpers.optim import SGD
    except ImportError as exc:
        pytest.skip(f"helpers.optim / helpers.models not written yet ({exc})")
    X, y = data()
    model = LinearRegression(n_features=2)
    history = fit(
        model, zeros(), SGD(lr=0.1), X, y, epochs=200, batch_size=8, rng=np.random.default_rng(0)
    )
    np.testing.assert_allclose(history.params[0], [1.5, -2.0], atol=1e-6)
    np.testing.assert_allclose(history.params[1], [0.5], atol=1e-6)
    assert history.diverged_at is None


X, Y = data()
BAD_INPUTS = [
    (dict(epochs=0), ValueError, "epochs must be >= 1"),
    (dict(epochs=2.5), TypeError, "epochs must be an integer"),
    (dict(epochs=1, batch_size=0), ValueError, "batch_size must be >= 1"),
    (dict(epochs=1, batch_size=4), TypeError, "rng must be a numpy.random.Generator"),
    (dict(epochs=1, max_loss=0.0), ValueError, "max_loss must be > 0"),
    (dict(epochs=1, X_val=X), ValueError, "pass both X_val and y_val"),
    (dict(epochs=1, X_val=X, y_val=Y[:3]), ValueError, "X_val and y_val must have the same"),
    (dict(epochs=1, y=Y[:-1]), ValueError, "X and y must have the same number of rows"),
    (dict(epochs=1, X=np.ones((40, 2), dtype=int)), TypeError, "X must be a floating-point"),
    (dict(epochs=1, params=[np.zeros(2, dtype=int), np.zeros(1)]), TypeError, "params[0] must"),
    (dict(epochs=1, params=[]), TypeError, "params must be a non-empty list"),
    (dict(epochs=1, model=object()), TypeError, "model must have a loss_and_grad"),
    (dict(epochs=1, optimizer=object()), TypeError, "optimizer must have init and step"),
]


@pytest.mark.parametrize(("changes", "error", "fragment"), BAD_INPUTS)
def test_bad_input_raises_a_message_naming_the_argument(changes, error, fragment):
    arguments = dict(model=Line(), params=zeros(), optimizer=GradientDescent(0.1), X=X, y=Y)
    arguments.update(changes)
    with pytest.raises(error, match=re.escape(fragment)):
        fit(**arguments)


def test_full_batch_fit_evaluates_the_training_set_once_per_epoch():
    X, y = data()
    model = Line()
    fit(model, zeros(), GradientDescent(0.1), X, y, epochs=5)
    # one evaluation before training, then one per epoch whose gradient drives the next step
    assert model.batch_sizes == [len(y)] * 6


def test_restore_best_returns_the_parameters_of_the_best_validation_epoch():
    X, y = data()
    X_val, y_val = data(seed=1)
    snapshots = []

    def stop_after_four(epoch, params, history):
        snapshots.append([p.copy() for p in params])
        return epoch == 4

    history = fit(
        Line(),
        zeros(),
        GradientDescent(0.5),
        X,
        y,
        epochs=10,
        X_val=X_val,
        y_val=y_val,
        callback=stop_after_four,
        restore_best=True,
    )
    best = int(np.argmin(history.val_losses))
    assert history.best_epoch == best and best >= 1
    for got, want in zip(history.params, snapshots[best - 1], strict=True):
        np.testing.assert_array_equal(got, want)
    assert history.message.endswith(f"restored the parameters of epoch {best}")


def test_a_non_finite_gradient_ends_the_run_with_the_step_named():
    class NanGradient:
        def loss_and_grad(self, params, X, y):
            return 1.0, [np.array([np.nan if params[0][0] < -0.5 else 1.0])]

    X, y = data(n=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = fit(NanGradient(), [np.zeros(1)], GradientDescent(0.4), X, y, epochs=5)
    assert history.message == "diverged at step 2: the gradient holds nan"
    assert history.diverged_at == 2


def test_a_run_whose_loss_rose_says_so():
    X, y = data()
    history = fit(Line(), zeros(), GradientDescent(1.5), X, y, epochs=2)
    assert history.epoch_losses[-1] > history.epoch_losses[0]
    assert history.message.endswith("(the loss went UP overall)")
