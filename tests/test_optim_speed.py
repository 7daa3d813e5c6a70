"""helpers.optim's speed-ups keep its results and its checks: chunked updates give the numbers of
unchunked ones bit for bit, and arguments checked once are still checked when they change."""

import re

import numpy as np
import pytest

from helpers import optim

BRANCHES = [
    optim.SGD(lr=0.1),
    optim.SGD(lr=0.1, momentum=0.9, dampening=0.3, weight_decay=0.1),
    optim.SGD(lr=0.1, momentum=0.9, nesterov=True),
    optim.Adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5),
    optim.RMSprop(lr=0.01, momentum=0.9, centered=True, weight_decay=0.1),
    optim.RMSprop(lr=0.01),
    optim.Adam(lr=0.1, amsgrad=True, weight_decay=0.1),
    optim.AdamW(lr=0.1),
    optim.AdamW(lr=optim.cosine_decay(0.1, 5), amsgrad=True),
]


def run(opt, params, steps=4, seed=0):
    rng = np.random.default_rng(seed)
    state = opt.init(params)
    for _ in range(steps):
        grads = (
            [rng.normal(size=p.shape).astype(p.dtype) for p in params]
            if isinstance(params, list)
            else rng.normal(size=params.shape).astype(params.dtype)
        )
        params, state = opt.step(params, grads, state)
    return params, state


@pytest.mark.parametrize("opt", BRANCHES, ids=repr)
def test_chunked_update_equals_unchunked_bit_for_bit(opt, monkeypatch):
    params = np.random.default_rng(1).normal(size=(7, 1001))  # 7007: not a multiple of a chunk
    monkeypatch.setattr(optim, "_CHUNK", 500)
    chunked = run(opt, params)
    monkeypatch.setattr(optim, "_CHUNK", 10**9)
    whole = run(opt, params)
    np.testing.assert_array_equal(chunked[0], whole[0])
    for a, b in zip(chunked[1][1:], whole[1][1:], strict=True):
        assert (a is None and b is None) or np.array_equal(a, b)


@pytest.mark.parametrize("opt", BRANCHES, ids=repr)
def test_chunked_update_leaves_its_arguments_untouched(opt, monkeypatch):
    monkeypatch.setattr(optim, "_CHUNK", 64)
    params = [np.random.default_rng(2).normal(size=(10, 30)), np.ones(5)]
    params, state = run(opt, params, steps=2)
    grads = [np.full((10, 30), 0.5), np.full(5, -1.0)]
    before = [a.copy() for tree in (params, grads, *state[1:]) if tree is not None for a in tree]
    new_params, _ = opt.step(params, grads, state)
    after = [a for tree in (params, grads, *state[1:]) if tree is not None for a in tree]
    for old, now in zip(before, after, strict=True):
        np.testing.assert_array_equal(old, now)
    assert not any(np.shares_memory(p, q) for p in new_params for q in after)


def test_float32_params_stay_float32_in_params_and_state():
    params, state = run(optim.Adam(lr=0.1), np.ones(100, dtype=np.float32))
    assert params.dtype == np.float32 and state.exp_avg.dtype == np.float32


@pytest.mark.parametrize("make", [lambda: optim.Adam(lr=0.1), lambda: optim.SGD(0.1, momentum=0.9)])
def test_each_array_of_a_list_keeps_its_own_dtype(make):
    """A float32 array beside a float64 one stays float32, in the params and in the state, on
    the first step (checked) and on later ones (remembered structure)."""
    opt = make()
    params = [np.ones(3, np.float32), np.ones(2)]
    state = opt.init(params)
    for _ in range(3):
        params, state = opt.step(params, [np.ones(3, np.float32), np.ones(2)], state)
        buffers = [b for b in state[1:] if b is not None]
        assert [p.dtype for p in params] == [np.float32, np.float64]
        assert all([b.dtype for b in field] == [np.float32, np.float64] for field in buffers)


WRONG_AFTER_RIGHT = [
    (lambda p, s: (p, np.zeros(3), s), ValueError, "grads must have shape (2,)"),
    (lambda p, s: (p, np.zeros(2, dtype=int), s), TypeError, "grads must be a floating-point"),
    (lambda p, s: (p.astype(int), p, s), TypeError, "params must be a floating-point"),
    (lambda p, s: (p, s, p), TypeError, "step(params, grads, state)"),
    (lambda p, s: (p, p, optim.SGD().init(p)), TypeError, "state must be the AdamState"),
    (lambda p, s: (p, p, s._replace(step=-1)), ValueError, "state.step must be >= 0"),
    (lambda p, s: (p, p, s._replace(step=1.5)), TypeError, "state.step must be an integer"),
    (lambda p, s: (p, p, s._replace(exp_avg=np.zeros(3))), ValueError, "state.exp_avg"),
    (lambda p, s: ([p, p], [p, p], s), ValueError, "state.exp_avg must match params"),
]


@pytest.mark.parametrize(("wrong", "error", "fragment"), WRONG_AFTER_RIGHT)
def test_a_structure_checked_once_is_still_checked_when_it_changes(wrong, error, fragment):
    """The checks are remembered per structure of the arguments: a step with a new structure
    (shape, dtype, container, state) after good steps gets the full checks and their message."""
    opt, params = optim.Adam(lr=0.1), np.zeros(2)
    state = opt.init(params)
    for _ in range(3):
        params, state = opt.step(params, np.ones(2), state)  # remembered as checked
    with pytest.raises(error, match=re.escape(fragment)):
        opt.step(*wrong(params, state))


def test_the_remembered_checks_do_not_mix_optimizers_with_different_buffers():
    params = np.zeros(2)
    optim.Adam(lr=0.1).step(params, params, optim.Adam().init(params))  # remembered
    with pytest.raises(ValueError, match="max_exp_avg_sq"):
        optim.Adam(lr=0.1, amsgrad=True).step(params, params, optim.Adam().init(params))


def test_run_does_not_call_a_huge_but_finite_gradient_diverged():
    """run checks finiteness with one sum per array; a sum that overflows is looked at closer."""

    def fun(x):
        return 0.0, np.array([1e308, 1e308])  # finite entries whose sum overflows

    trajectory = optim.run(optim.SGD(lr=0.0), fun, np.zeros(2), 5)
    assert trajectory.diverged_at is None and trajectory.message.startswith("converged")


def test_run_still_names_the_step_where_the_gradient_holds_a_nan():
    calls = []

    def fun(x):
        calls.append(x)
        return float(x @ x), np.array([np.nan, 1.0]) if len(calls) == 4 else 2 * x

    trajectory = optim.run(optim.SGD(lr=0.1), fun, np.array([1.0, -0.1]), 20)
    assert trajectory.diverged_at == 3
    assert trajectory.message == "diverged at step 3: the gradient holds nan"
