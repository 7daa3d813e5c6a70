"""gradient_in_chunks: the full-batch loss and gradient, accumulated a few rows at a time."""

import numpy as np
import pytest

from helpers import models
from helpers.training import gradient_in_chunks, minibatch_sgd


def digits_like(n=23, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 6)), rng.integers(0, 3, size=n)


SOFTMAX = models.MLP((6, 3), output="softmax")


@pytest.mark.parametrize("chunk_size", [1, 4, 7, 22])
def test_chunks_give_the_full_batch_loss_and_gradient(chunk_size):
    X, y = digits_like()
    params = SOFTMAX.init(np.random.default_rng(1), "xavier")
    loss, grads = SOFTMAX.loss_and_grad(params, X, y)
    chunked_loss, chunked_grads = gradient_in_chunks(SOFTMAX.loss_and_grad, chunk_size)(
        params, X, y
    )
    assert chunked_loss == pytest.approx(loss, rel=1e-13)
    assert isinstance(chunked_grads, list) and len(chunked_grads) == len(grads)
    for chunked, whole in zip(chunked_grads, grads, strict=True):
        np.testing.assert_allclose(chunked, whole, rtol=1e-12, atol=1e-15)


def test_a_batch_no_larger_than_a_chunk_is_passed_through_unchanged():
    X, y = digits_like(n=10)
    params = SOFTMAX.init(np.random.default_rng(2), "xavier")
    calls = []

    def recorded(params, X, y):
        calls.append(len(X))
        return SOFTMAX.loss_and_grad(params, X, y)

    assert (
        gradient_in_chunks(recorded, 10)(params, X, y)[0] == SOFTMAX.loss_and_grad(params, X, y)[0]
    )
    assert calls == [10]
    gradient_in_chunks(recorded, 4)(params, X, y)
    assert calls == [10, 4, 4, 2]


def test_a_single_array_gradient_comes_back_as_an_array():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(9, 2)), rng.normal(size=9)

    def mse(w, X, y):
        residual = X @ w - y
        return np.mean(residual**2), 2 * X.T @ residual / len(y)

    w = np.array([0.5, -1.0])
    loss, grad = gradient_in_chunks(mse, 4)(w, X, y)
    assert isinstance(grad, np.ndarray) and grad.shape == (2,)
    np.testing.assert_allclose(grad, mse(w, X, y)[1], rtol=1e-12)
    assert loss == pytest.approx(mse(w, X, y)[0], rel=1e-13)


def test_full_batch_training_in_chunks_follows_the_same_path():
    X, y = digits_like(n=30, seed=4)
    start = SOFTMAX.init(np.random.default_rng(5), "xavier")
    settings = dict(lr=0.5, epochs=5)
    whole = minibatch_sgd(SOFTMAX.loss_and_grad, start, X, y, **settings)
    chunked = minibatch_sgd(gradient_in_chunks(SOFTMAX.loss_and_grad, 8), start, X, y, **settings)
    for a, b in zip(whole.params, chunked.params, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)


def test_bad_arguments_are_refused_with_their_names():
    with pytest.raises(TypeError, match="loss_and_grad"):
        gradient_in_chunks("not a function", 4)
    with pytest.raises(ValueError, match="chunk_size"):
        gradient_in_chunks(SOFTMAX.loss_and_grad, 0)
    with pytest.raises(TypeError, match="chunk_size"):
        gradient_in_chunks(SOFTMAX.loss_and_grad, 2.5)
