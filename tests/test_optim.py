"""Tests for helpers.optim: update rules against hand-computed steps, purity, schedules, run().

Expected numbers are written out as arithmetic on literals (derived by hand from torch's update
rules), never computed by calling the module under test.
"""

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import optim

W0 = np.array([1.0, -2.0])
GRADS = [np.array([0.5, 4.0]), np.array([-1.0, 2.0]), np.array([0.25, -1.0])]


def take_steps(optimizer, grads=GRADS, params=W0):
    """Apply the fixed gradient sequence; return the list of iterates after each step."""
    state = optimizer.init(params)
    iterates = []
    for grad in grads:
        params, state = optimizer.step(params, grad, state)
        iterates.append(params)
    return iterates


def assert_steps(iterates, expected):
    for step, (got, want) in enumerate(zip(iterates, expected, strict=False)):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15, err_msg=f"step {step + 1}")


# ---------------------------------------------------------------- SGD


def test_sgd_without_momentum_is_plain_gradient_descent():
    expected = [[1 - 0.1 * 0.5, -2 - 0.1 * 4], [0.95 + 0.1 * 1, -2.4 - 0.1 * 2]]
    assert_steps(take_steps(optim.SGD(lr=0.1)), expected)


def test_sgd_momentum_buffer_starts_as_first_gradient():
    # b1 = g1; b2 = 0.9 b1 + g2; b3 = 0.9 b2 + g3; w <- w - 0.1 b
    b2 = [0.9 * 0.5 - 1.0, 0.9 * 4 + 2.0]  # [-0.55, 5.6]
    b3 = [0.9 * -0.55 + 0.25, 0.9 * 5.6 - 1.0]  # [-0.245, 4.04]
    expected = [[0.95, -2.4], [0.95 - 0.1 * b2[0], -2.4 - 0.1 * b2[1]]]
    expected.append([expected[1][0] - 0.1 * b3[0], expected[1][1] - 0.1 * b3[1]])
    assert_steps(take_steps(optim.SGD(lr=0.1, momentum=0.9)), expected)


def test_sgd_dampening_is_skipped_on_the_first_step():
    # b1 = g1 (not 0.5 g1); b2 = 0.9 b1 + (1 - 0.5) g2 = [-0.05, 4.6]
    expected = [[0.95, -2.4], [0.95 + 0.1 * 0.05, -2.4 - 0.1 * 4.6]]
    assert_steps(take_steps(optim.SGD(lr=0.1, momentum=0.9, dampening=0.5)), expected)


def test_sgd_nesterov_steps_along_gradient_plus_momentum_times_buffer():
    # d1 = g1 + 0.9 g1 = [0.95, 7.6]; b2 = [-0.55, 5.6], d2 = g2 + 0.9 b2 = [-1.495, 7.04]
    expected = [[1 - 0.095, -2 - 0.76], [0.905 + 0.1495, -2.76 - 0.704]]
    assert_steps(take_steps(optim.SGD(lr=0.1, momentum=0.9, nesterov=True)), expected)


def test_sgd_weight_decay_adds_l2_gradient():
    # g1' = g1 + 0.1 w0 = [0.6, 3.8]; w1 = [0.94, -2.38]; g2' = g2 + 0.1 w1 = [-0.906, 1.762]
    expected = [[0.94, -2.38], [0.94 + 0.0906, -2.38 - 0.1762]]
    assert_steps(take_steps(optim.SGD(lr=0.1, weight_decay=0.1)), expected)


def test_sgd_with_momentum_zero_equals_plain_gradient_descent():
    plain = take_steps(optim.SGD(lr=0.1))
    assert_steps(take_steps(optim.SGD(lr=0.1, momentum=0.0, dampening=0.5)), plain)


# ---------------------------------------------------------------- Adagrad


def test_adagrad_divides_by_root_of_summed_squares():
    # G1 = [0.25, 16] -> w1 = w0 - 0.1 sign(g1); G2 = [1.25, 20]
    expected = [[0.9, -2.1], [0.9 + 0.1 * 1 / np.sqrt(1.25), -2.1 - 0.1 * 2 / np.sqrt(20)]]
    assert_steps(take_steps(optim.Adagrad(lr=0.1, eps=0.0)), expected)


def test_adagrad_adds_eps_after_the_square_root():
    expected = [[1 - 0.1 * 0.5 / (0.5 + 1.0), -2 - 0.1 * 4 / (4 + 1.0)]]
    assert_steps(take_steps(optim.Adagrad(lr=0.1, eps=1.0))[:1], expected)


def test_adagrad_lr_decay_divides_lr_by_one_plus_decay_times_previous_steps():
    clr2 = 0.1 / (1 + 1 * 0.5)
    expected = [[0.9, -2.1], [0.9 + clr2 / np.sqrt(1.25), -2.1 - clr2 * 2 / np.sqrt(20)]]
    assert_steps(take_steps(optim.Adagrad(lr=0.1, lr_decay=0.5, eps=0.0)), expected)


def test_adagrad_initial_accumulator_value_starts_the_sum():
    expected = [[1 - 0.1 * 0.5 / np.sqrt(1 + 0.25), -2 - 0.1 * 4 / np.sqrt(1 + 16)]]
    opt = optim.Adagrad(lr=0.1, initial_accumulator_value=1.0, eps=0.0)
    assert_steps(take_steps(opt)[:1], expected)


def test_adagrad_weight_decay_adds_l2_gradient():
    # g1' = [0.6, 3.8] -> w1 = [0.9, -2.1]; g2' = g2 + 0.1 w1 = [-0.91, 1.79]
    # G2 = [0.36 + 0.8281, 14.44 + 3.2041]
    expected = [
        [0.9, -2.1],
        [0.9 + 0.1 * 0.91 / np.sqrt(1.1881), -2.1 - 0.1 * 1.79 / np.sqrt(17.6441)],
    ]
    assert_steps(take_steps(optim.Adagrad(lr=0.1, weight_decay=0.1, eps=0.0)), expected)


# ---------------------------------------------------------------- RMSprop

V1 = [0.1 * 0.25, 0.1 * 16]  # alpha = 0.9: v1 = 0.1 g1^2
V2 = [0.9 * 0.025 + 0.1 * 1, 0.9 * 1.6 + 0.1 * 4]  # [0.1225, 1.84]


def test_rmsprop_divides_by_root_of_moving_average_of_squares():
    w1 = [1 - 0.01 * 0.5 / np.sqrt(V1[0]), -2 - 0.01 * 4 / np.sqrt(V1[1])]
    w2 = [w1[0] + 0.01 * 1 / np.sqrt(V2[0]), w1[1] - 0.01 * 2 / np.sqrt(V2[1])]
    assert_steps(take_steps(optim.RMSprop(lr=0.01, alpha=0.9, eps=0.0)), [w1, w2])


def test_rmsprop_adds_eps_after_the_square_root():
    w1 = [1 - 0.01 * 0.5 / (np.sqrt(V1[0]) + 0.1), -2 - 0.01 * 4 / (np.sqrt(V1[1]) + 0.1)]
    assert_steps(take_steps(optim.RMSprop(lr=0.01, alpha=0.9, eps=0.1))[:1], [w1])


def test_rmsprop_centered_subtracts_squared_mean_gradient():
    # m1 = 0.1 g1 = [0.05, 0.4]; v1 - m1^2 = [0.0225, 1.44]; m2 = [-0.055, 0.56]
    w1 = [1 - 0.01 * 0.5 / 0.15, -2 - 0.01 * 4 / 1.2]
    w2 = [w1[0] + 0.01 / np.sqrt(0.1225 - 0.055**2), w1[1] - 0.01 * 2 / np.sqrt(1.84 - 0.56**2)]
    assert_steps(take_steps(optim.RMSprop(lr=0.01, alpha=0.9, eps=0.0, centered=True)), [w1, w2])


def test_rmsprop_momentum_accumulates_normalized_gradients():
    b1 = [0.5 / np.sqrt(V1[0]), 4 / np.sqrt(V1[1])]
    b2 = [0.5 * b1[0] - 1 / np.sqrt(V2[0]), 0.5 * b1[1] + 2 / np.sqrt(V2[1])]
    w1 = [1 - 0.01 * b1[0], -2 - 0.01 * b1[1]]
    w2 = [w1[0] - 0.01 * b2[0], w1[1] - 0.01 * b2[1]]
    opt = optim.RMSprop(lr=0.01, alpha=0.9, eps=0.0, momentum=0.5)
    assert_steps(take_steps(opt), [w1, w2])


def test_rmsprop_weight_decay_adds_l2_gradient():
    # g1' = g1 + 0.5 w0 = [1.0, 3.0]; v1 = 0.1 g1'^2
    w1 = [1 - 0.01 * 1.0 / np.sqrt(0.1 * 1.0), -2 - 0.01 * 3.0 / np.sqrt(0.1 * 9.0)]
    opt = optim.RMSprop(lr=0.01, alpha=0.9, eps=0.0, weight_decay=0.5)
    assert_steps(take_steps(opt)[:1], [w1])


# ---------------------------------------------------------------- Adam and AdamW

M2 = [0.9 * 0.1 * 0.5 + 0.1 * -1.0, 0.9 * 0.1 * 4 + 0.1 * 2.0]  # [-0.055, 0.56]
S2 = [0.999 * 0.001 * 0.25 + 0.001 * 1.0, 0.999 * 0.001 * 16 + 0.001 * 4.0]
BC1, BC2 = 1 - 0.9**2, 1 - 0.999**2


def test_adam_bias_correction_makes_first_step_equal_lr_times_sign():
    w1 = take_steps(optim.Adam(lr=0.1))[0]
    np.testing.assert_allclose(w1, W0 - 0.1 * np.sign(GRADS[0]), rtol=1e-7)


def test_adam_second_step_uses_bias_corrected_moments():
    w2 = [
        0.9 - 0.1 * (M2[0] / BC1) / np.sqrt(S2[0] / BC2),
        -2.1 - 0.1 * (M2[1] / BC1) / np.sqrt(S2[1] / BC2),
    ]
    assert_steps(take_steps(optim.Adam(lr=0.1, eps=0.0)), [[0.9, -2.1], w2])


def test_adam_adds_eps_after_bias_corrected_root():
    # step 1: m_hat = g, v_hat = g^2, so the step is lr * g / (|g| + eps)
    w1 = [1 - 0.1 * 0.5 / (0.5 + 0.5), -2 - 0.1 * 4 / (4 + 0.5)]
    assert_steps(take_steps(optim.Adam(lr=0.1, eps=0.5))[:1], [w1])


def test_adam_weight_decay_is_added_to_the_gradient():
    # g1' = g1 + 0.5 w0 = [1, 3] -> w1 = [0.9, -2.1]; g2' = g2 + 0.5 w1 = [-0.55, 0.95]
    m2 = [0.09 * 1 + 0.1 * -0.55, 0.09 * 3 + 0.1 * 0.95]
    s2 = [0.000999 * 1 + 0.001 * 0.3025, 0.000999 * 9 + 0.001 * 0.9025]
    w2 = [
        0.9 - 0.1 * (m2[0] / BC1) / np.sqrt(s2[0] / BC2),
        -2.1 - 0.1 * (m2[1] / BC1) / np.sqrt(s2[1] / BC2),
    ]
    assert_steps(take_steps(optim.Adam(lr=0.1, eps=0.0, weight_decay=0.5)), [[0.9, -2.1], w2])


def test_adam_amsgrad_uses_the_largest_raw_second_moment():
    grads = [np.array([0.5, 4.0]), np.array([0.01, 0.01])]
    # betas (0.5, 0.5): v1 = [0.125, 8], v2 = [0.06255, 4.00005] < v1, so v_max = v1
    m2 = [0.25 * 0.5 + 0.5 * 0.01, 0.25 * 4 + 0.5 * 0.01]
    w2 = [
        0.9 - 0.1 * (m2[0] / 0.75) / np.sqrt(0.125 / 0.75),
        -2.1 - 0.1 * (m2[1] / 0.75) / np.sqrt(8 / 0.75),
    ]
    opt = optim.Adam(lr=0.1, betas=(0.5, 0.5), eps=0.0, amsgrad=True)
    assert_steps(take_steps(opt, grads), [[0.9, -2.1], w2])


def test_adamw_decays_weights_before_the_adam_step():
    # w' = w (1 - 0.1 * 0.5); the gradient is untouched, so m and v are plain Adam's
    w1 = [1 * 0.95 - 0.1, -2 * 0.95 - 0.1]  # [0.85, -2.0]
    w2 = [0.85 * 0.95 - 0.1 * (M2[0] / BC1) / np.sqrt(S2[0] / BC2)]
    w2.append(-2.0 * 0.95 - 0.1 * (M2[1] / BC1) / np.sqrt(S2[1] / BC2))
    assert_steps(take_steps(optim.AdamW(lr=0.1, eps=0.0, weight_decay=0.5)), [w1, w2])


def test_adamw_with_zero_decay_equals_adam():
    assert_steps(take_steps(optim.AdamW(lr=0.1, weight_decay=0.0)), take_steps(optim.Adam(lr=0.1)))


# ---------------------------------------------------------------- structure and purity

ALL_BRANCHES = [
    optim.SGD(lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.1),
    optim.SGD(lr=0.1, momentum=0.9, nesterov=True),
    optim.Adagrad(lr=0.1, lr_decay=0.1, weight_decay=0.1, initial_accumulator_value=0.1),
    optim.RMSprop(lr=0.1, momentum=0.9, centered=True, weight_decay=0.1),
    optim.Adam(lr=0.1, amsgrad=True, weight_decay=0.1),
    optim.AdamW(lr=0.1, amsgrad=True),
]
IDS = [repr(opt) for opt in ALL_BRANCHES]


def _leaves(tree):
    if tree is None:
        return []
    return [tree] if isinstance(tree, np.ndarray) else list(tree)


@pytest.mark.parametrize("opt", ALL_BRANCHES, ids=IDS)
def test_step_leaves_params_grads_and_state_untouched(opt):
    params = [np.array([1.0, -2.0]), np.array([[0.5], [3.0]])]
    grads = [np.array([0.3, 0.1]), np.array([[-1.0], [2.0]])]
    _, state = opt.step(params, grads, opt.init(params))  # buffers now non-trivial
    before = [a.copy() for tree in (params, grads, *state[1:]) for a in _leaves(tree)]
    new_params, new_state = opt.step(params, grads, state)
    after = [a for tree in (params, grads, *state[1:]) for a in _leaves(tree)]
    for old, now in zip(before, after, strict=True):
        np.testing.assert_array_equal(old, now)
    assert not any(np.shares_memory(p, q) for p in new_params for q in after)
    assert state.step == 1 and new_state.step == 2


@pytest.mark.parametrize("opt", ALL_BRANCHES, ids=IDS)
def test_list_params_update_each_array_like_separate_runs(opt):
    first, second = np.array([1.0, -2.0]), np.array([[0.5, 3.0]])
    grads_first, grads_second = np.array([0.3, 0.1]), np.array([[-1.0, 2.0]])
    together, _ = opt.step([first, second], [grads_first, grads_second], opt.init([first, second]))
    assert isinstance(together, list) and len(together) == 2
    alone, _ = opt.step(second, grads_second, opt.init(second))
    assert isinstance(alone, np.ndarray) and alone.shape == (1, 2)
    np.testing.assert_array_equal(together[1], alone)


@pytest.mark.parametrize("opt", ALL_BRANCHES, ids=IDS)
def test_state_mirrors_params_structure(opt):
    params = (np.zeros(3), np.zeros((2, 2)))
    state = opt.init(params)
    assert state.step == 0
    for field in state[1:]:
        assert field is None or [a.shape for a in field] == [(3,), (2, 2)]
    new_params, _ = opt.step(params, (np.ones(3), np.ones((2, 2))), state)
    assert isinstance(new_params, tuple)


def test_unused_state_buffers_are_none():
    assert optim.SGD(lr=0.1).init(W0).momentum_buffer is None
    assert optim.Adam().init(W0).max_exp_avg_sq is None
    state = optim.RMSprop().init(W0)
    assert state.momentum_buffer is None and state.grad_avg is None


def test_nan_gradient_propagates_into_params():
    new_params, _ = optim.SGD(lr=0.1).step(W0, np.array([np.nan, 1.0]), optim.SGD().init(W0))
    assert np.isnan(new_params[0]) and new_params[1] == -2.1


# ---------------------------------------------------------------- schedules


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (optim.constant(0.3), [0.3, 0.3, 0.3]),
        (optim.step_decay(1.0, step_size=2, gamma=0.5), [1.0, 1.0, 0.5, 0.5, 0.25]),
        (optim.exponential_decay(2.0, gamma=0.5), [2.0, 1.0, 0.5, 0.25]),
        (optim.inverse_time_decay(1.0, decay=1.0), [1.0, 1 / 2, 1 / 3, 1 / 4]),
        (
            optim.cosine_decay(1.0, total_steps=4, min_lr=0.2),
            [1.0, 0.2 + 0.4 * (1 + np.sqrt(0.5)), 0.6, 0.2 + 0.4 * (1 - np.sqrt(0.5)), 0.2, 0.2],
        ),
    ],
)
def test_schedule_values(schedule, expected):
    np.testing.assert_allclose([schedule(t) for t in range(len(expected))], expected, rtol=1e-14)


def test_schedule_is_evaluated_at_state_step_starting_from_zero():
    opt = optim.SGD(lr=optim.step_decay(0.1, step_size=1, gamma=0.5))
    iterates = take_steps(opt, [np.array([1.0])] * 3, np.array([0.0]))
    assert_steps(iterates, [[-0.1], [-0.1 - 0.05], [-0.15 - 0.025]])


def test_any_callable_works_as_a_schedule():
    iterates = take_steps(optim.SGD(lr=lambda t: 0.1 * (t + 1)), [np.array([1.0])] * 2, np.zeros(1))
    assert_steps(iterates, [[-0.1], [-0.3]])


# ---------------------------------------------------------------- run()


def quadratic(w):
    """f = 0.5 (w0^2 + 10 w1^2)."""
    hessian = np.array([1.0, 10.0])
    return 0.5 * float(np.sum(hessian * w**2)), hessian * w


def rosenbrock(w):
    """f = (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1)."""
    x, y = w
    value = (1 - x) ** 2 + 100 * (y - x**2) ** 2
    return value, np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


def test_run_records_start_and_every_step():
    trajectory = optim.run(optim.SGD(lr=0.1), quadratic, np.array([1.0, 1.0]), steps=7)
    assert trajectory.params.shape == (8, 2) and trajectory.losses.shape == (8,)
    assert len(trajectory.states) == 8 and trajectory.states[-1].step == 7
    assert trajectory.states[0].step == 0 and trajectory.steps == 7
    np.testing.assert_array_equal(trajectory.params[0], [1.0, 1.0])
    assert trajectory.losses[0] == 5.5
    assert trajectory.diverged_at is None
    assert trajectory.message == "ran 7 steps, loss 5.5 -> 0.1144"


def test_run_records_the_gradient_at_every_iterate_and_each_steps_lr():
    schedule = optim.step_decay(0.1, step_size=2, gamma=0.5)
    trajectory = optim.run(optim.SGD(lr=schedule), quadratic, np.array([1.0, 1.0]), steps=5)
    assert trajectory.grads.shape == (6, 2)
    for params, grad in zip(trajectory.params, trajectory.grads, strict=True):
        np.testing.assert_array_equal(grad, quadratic(params)[1])
    np.testing.assert_array_equal(trajectory.lrs, [0.1, 0.1, 0.05, 0.05, 0.025])
    # each iterate is the previous one minus the recorded lr times the recorded gradient
    np.testing.assert_allclose(
        trajectory.params[1:],
        trajectory.params[:-1] - trajectory.lrs[:, None] * trajectory.grads[:-1],
    )


def test_run_stack_gives_a_state_field_over_the_run_including_the_start():
    trajectory = optim.run(optim.Adam(lr=0.1), quadratic, np.array([1.0, 1.0]), steps=4)
    m = trajectory.stack("exp_avg")
    assert m.shape == (5, 2)
    np.testing.assert_array_equal(m[0], [0.0, 0.0])
    np.testing.assert_allclose(m[1], 0.1 * trajectory.grads[0])
    np.testing.assert_array_equal(trajectory.stack("step"), np.arange(5))
    with pytest.raises(ValueError, match="used fields"):
        trajectory.stack("max_exp_avg_sq")
    with pytest.raises(ValueError, match="must be one of"):
        trajectory.stack("velocity")


def test_run_says_when_the_loss_went_up_overall():
    trajectory = optim.run(optim.SGD(lr=0.21), quadratic, np.array([1.0, 1.0]), steps=3)
    assert trajectory.diverged_at is None
    assert trajectory.message.endswith("(the loss went UP overall)")


def test_run_takes_a_list_of_arrays_like_the_optimizers():
    def fun(params):
        w, b = params
        return float(w @ w + b**2), [2 * w, 2 * b]

    x0 = [np.array([1.0, -2.0]), np.array(3.0)]
    trajectory = optim.run(optim.Adam(lr=0.1), fun, x0, steps=3)
    assert len(trajectory.params) == 4 and len(trajectory.grads) == 4
    assert trajectory.params[0][1].shape == () and trajectory.params[3][0].shape == (2,)
    np.testing.assert_array_equal(x0[0], [1.0, -2.0])  # not modified


@pytest.mark.parametrize(
    "fun, match",
    [
        (lambda w: quadratic(w)[1], "must return a pair \\(loss, grad\\), got a ndarray"),
        (lambda w: quadratic(w)[0], "must return a pair \\(loss, grad\\), got a float"),
        (lambda w: ("one", w), "loss a number"),
    ],
)
def test_run_says_what_fun_must_return(fun, match):
    with pytest.raises(TypeError, match=match):
        optim.run(optim.SGD(lr=0.1), fun, np.array([1.0, 1.0]), steps=3)


def test_run_refuses_a_gradient_of_another_shape():
    with pytest.raises(ValueError, match="grad like x0.*shape \\(2,\\)"):
        optim.run(optim.SGD(lr=0.1), lambda w: (1.0, np.ones(3)), np.array([1.0, 1.0]), steps=3)


def test_run_names_the_step_where_the_gradient_stops_being_finite():
    def fun(x):  # finite loss, but the gradient overflows once x > 1
        return 0.0, np.array([np.inf if x[0] > 1 else -1.0])

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trajectory = optim.run(optim.SGD(lr=0.6), fun, np.array([0.0]), steps=10)
    assert trajectory.message == "diverged at step 2: the gradient holds inf"
    assert trajectory.diverged_at == 2


def test_run_stops_when_loss_exceeds_max_loss():
    # x <- x - 1.5 * 2x = -2x, so loss = 4^k; 4^20 > 1e12 > 4^19
    trajectory = optim.run(optim.SGD(lr=1.5), lambda x: (float(x @ x), 2 * x), np.ones(1), 100)
    assert trajectory.diverged_at == 20 and trajectory.losses.shape == (21,)
    assert trajectory.message == "diverged at step 20: loss exceeded 1e12"


def test_run_reports_inf_loss_without_runtime_warnings():
    def fun(x):
        return float(np.exp(x[0])), np.array([-1.0])

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trajectory = optim.run(optim.SGD(lr=400.0), fun, np.zeros(1), 10, max_loss=1e308)
    assert trajectory.message == "diverged at step 2: loss became inf"
    assert trajectory.diverged_at == 2


def test_run_reports_nan_loss_without_runtime_warnings():
    def fun(x):
        return float(np.sqrt(x[0])), np.array([1.0])

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trajectory = optim.run(optim.SGD(lr=2.0), fun, np.ones(1), 10)
    assert trajectory.message == "diverged at step 1: loss became nan"


def test_run_stops_when_an_update_changes_nothing():
    trajectory = optim.run(optim.SGD(lr=0.1), quadratic, np.zeros(2), 10)
    assert trajectory.message.startswith("converged at step 0")
    assert trajectory.params.shape == (1, 2)


# ---------------------------------------------------------------- convergence

CONVERGENCE = [
    (optim.SGD(lr=1.5e-3), 10_000),
    (optim.SGD(lr=1e-3, momentum=0.9), 5000),
    (optim.SGD(lr=1e-3, momentum=0.9, dampening=0.5), 5000),
    (optim.SGD(lr=1e-3, momentum=0.9, nesterov=True), 5000),
    (optim.Adagrad(lr=0.5), 20_000),
    (optim.RMSprop(lr=optim.cosine_decay(0.01, 5000)), 5000),
    (optim.RMSprop(lr=optim.cosine_decay(1e-3, 5000), momentum=0.9, centered=True), 5000),
    (optim.Adam(lr=optim.cosine_decay(0.05, 5000)), 5000),
    (optim.Adam(lr=optim.cosine_decay(0.05, 5000), amsgrad=True), 5000),
    (optim.AdamW(lr=optim.cosine_decay(0.05, 5000), weight_decay=0.0), 5000),
]


@pytest.mark.parametrize(("opt", "steps"), CONVERGENCE, ids=[repr(o) for o, _ in CONVERGENCE])
def test_optimizer_reaches_rosenbrock_minimum(opt, steps):
    trajectory = optim.run(opt, rosenbrock, np.array([-1.5, 2.0]), steps)
    np.testing.assert_allclose(trajectory.params[-1], [1.0, 1.0], atol=1e-2)


@pytest.mark.parametrize(("opt", "steps"), CONVERGENCE, ids=[repr(o) for o, _ in CONVERGENCE])
def test_optimizer_reaches_quadratic_minimum(opt, steps):
    trajectory = optim.run(opt, quadratic, np.array([3.0, -2.0]), steps)
    np.testing.assert_allclose(trajectory.params[-1], [0.0, 0.0], atol=1e-3)


# ---------------------------------------------------------------- properties (hypothesis)

eigenvalue = st.floats(0.1, 100.0)


@settings(max_examples=50, deadline=None)
@given(eigenvalues=st.lists(eigenvalue, min_size=1, max_size=4), fraction=st.floats(0.01, 0.99))
def test_gradient_descent_below_two_over_l_never_increases_quadratic_loss(eigenvalues, fraction):
    hessian = np.array(eigenvalues)
    lr = fraction * 2 / hessian.max()
    trajectory = optim.run(
        optim.SGD(lr=lr),
        lambda w: (0.5 * float(w @ (hessian * w)), hessian * w),
        np.ones(len(hessian)),
        30,
    )
    assert np.all(np.diff(trajectory.losses) <= 1e-12 * trajectory.losses[:-1])


@settings(max_examples=50, deadline=None)
@given(
    grads=st.lists(st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=3), min_size=1, max_size=10)
)
def test_adagrad_accumulator_never_decreases(grads):
    opt = optim.Adagrad(lr=0.1, weight_decay=0.1)
    params, state = np.zeros(3), opt.init(np.zeros(3))
    for grad in grads:
        params, new_state = opt.step(params, np.array(grad), state)
        assert np.all(new_state.sum >= state.sum)
        state = new_state


@settings(max_examples=50, deadline=None)
@given(
    beta1=st.floats(0.0, 0.999999),
    beta2=st.floats(0.0, 0.999999),
    grads=st.lists(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=2), min_size=1, max_size=8),
)
def test_adam_second_moment_stays_non_negative(beta1, beta2, grads):
    opt = optim.Adam(lr=0.01, betas=(beta1, beta2))
    params, state = np.zeros(2), opt.init(np.zeros(2))
    for grad in grads:
        params, state = opt.step(params, np.array(grad), state)
        assert np.all(state.exp_avg_sq >= 0)


# ---------------------------------------------------------------- bad inputs

P = np.zeros(2)


def _step(opt, params, grads, state=None):
    return lambda: opt.step(params, grads, opt.init(P) if state is None else state)


BAD_INPUTS = [
    (lambda: optim.SGD(lr=-0.1), ValueError, "lr"),
    (lambda: optim.SGD(lr=float("nan")), ValueError, "lr"),
    (lambda: optim.SGD(lr="fast"), TypeError, "lr"),
    (lambda: optim.SGD(lr=[0.1]), TypeError, "lr"),
    (lambda: optim.SGD(momentum=-0.5), ValueError, "momentum"),
    (lambda: optim.SGD(momentum=0.9, dampening=1.5), ValueError, "dampening"),
    (lambda: optim.SGD(weight_decay=-1.0), ValueError, "weight_decay"),
    (lambda: optim.SGD(nesterov=True), ValueError, "nesterov"),
    (lambda: optim.SGD(momentum=0.9, dampening=0.1, nesterov=True), ValueError, "nesterov"),
    (lambda: optim.SGD(nesterov="yes"), TypeError, "nesterov"),
    (lambda: optim.Adagrad(lr_decay=-0.1), ValueError, "lr_decay"),
    (
        lambda: optim.Adagrad(initial_accumulator_value=-1.0),
        ValueError,
        "initial_accumulator_value",
    ),
    (lambda: optim.Adagrad(eps=-1e-10), ValueError, "eps"),
    (lambda: optim.RMSprop(alpha=1.5), ValueError, "alpha"),
    (lambda: optim.RMSprop(alpha=-0.1), ValueError, "alpha"),
    (lambda: optim.RMSprop(momentum=-0.1), ValueError, "momentum"),
    (lambda: optim.RMSprop(centered=1), TypeError, "centered"),
    (lambda: optim.Adam(betas=(1.0, 0.999)), ValueError, "betas[0]"),
    (lambda: optim.Adam(betas=(0.9, -0.1)), ValueError, "betas[1]"),
    (lambda: optim.Adam(betas=0.9), TypeError, "betas"),
    (lambda: optim.Adam(eps=float("inf")), ValueError, "eps"),
    (lambda: optim.AdamW(weight_decay=-0.01), ValueError, "weight_decay"),
    (lambda: optim.Adam(amsgrad="no"), TypeError, "amsgrad"),
    (lambda: optim.step_decay(0.1, step_size=0), ValueError, "step_size"),
    (lambda: optim.step_decay(0.1, step_size=1.5), TypeError, "step_size"),
    (lambda: optim.exponential_decay(0.1, gamma=0.0), ValueError, "gamma"),
    (lambda: optim.inverse_time_decay(0.1, decay=-1.0), ValueError, "decay"),
    (lambda: optim.cosine_decay(0.1, total_steps=10, min_lr=0.5), ValueError, "min_lr"),
    (lambda: optim.constant(-1.0), ValueError, "lr"),
    (lambda: optim.constant(0.1)(-1), ValueError, "step"),
    (lambda: optim.SGD(lr=lambda t: -1.0).step(P, P, optim.SGD().init(P)), ValueError, "lr(0)"),
    (lambda: optim.SGD().init(np.array([1, 2])), TypeError, "params"),
    (lambda: optim.SGD().init(np.array([1, 2])), TypeError, "dtype int"),
    (lambda: optim.SGD().init([]), TypeError, "params"),
    (lambda: optim.SGD().init([1.0, 2.0]), TypeError, "np.array([1.0, 2.0], dtype=float)"),
    (lambda: optim.SGD().init([np.ones(2), [1.0]]), TypeError, "params[1]"),
    (lambda: optim.SGD(lr=optim.cosine_decay), TypeError, "the class cosine_decay itself"),
    (
        lambda: optim.SGD(lr=0.1).step(W0, optim.SGD(lr=0.1).init(W0), W0),
        TypeError,
        "step(params, grads, state)",
    ),
    (_step(optim.SGD(), P, np.zeros(3)), ValueError, "grads"),
    (_step(optim.SGD(), P, np.zeros(2, dtype=int)), TypeError, "grads"),
    (_step(optim.SGD(), P, [P, P]), ValueError, "grads"),
    (_step(optim.SGD(), [P, P], [P]), ValueError, "grads"),
    (_step(optim.SGD(), [P, P], [P, np.zeros(3)]), ValueError, "grads[1]"),
    (_step(optim.Adam(), P, P, optim.SGD().init(P)), TypeError, "state"),
    (_step(optim.Adam(), P, P, optim.Adam().init(np.zeros(3))), ValueError, "state.exp_avg"),
    (_step(optim.Adam(amsgrad=True), P, P, optim.Adam().init(P)), ValueError, "max_exp_avg_sq"),
    (_step(optim.SGD(momentum=0.9), P, P, optim.SGD().init(P)), ValueError, "momentum_buffer"),
    (lambda: optim.run(optim.SGD(), quadratic, np.array([1, 2]), 5), TypeError, "x0"),
    (lambda: optim.run(optim.SGD(), quadratic, np.array([np.nan, 2.0]), 5), ValueError, "x0"),
    (lambda: optim.run(optim.SGD(), quadratic, np.ones(2), -1), ValueError, "steps"),
    (lambda: optim.run(optim.SGD(), quadratic, np.ones(2), 2.5), TypeError, "steps"),
    (
        lambda: optim.run(optim.SGD(), quadratic, np.ones(2), 5, max_loss=0.0),
        ValueError,
        "max_loss",
    ),
    (lambda: optim.run(optim.SGD(), "quadratic", np.ones(2), 5), TypeError, "fun"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_input_raises_error_naming_the_argument(call, error, fragment):
    with pytest.raises(error, match=re.escape(fragment)):
        call()


# ---------------------------------------------------------------- 0-d params and friendlier input

ALL_OPTIMIZERS = [
    optim.SGD(lr=0.1),
    optim.SGD(lr=0.1, momentum=0.9, nesterov=True),
    optim.Adagrad(lr=0.1),
    optim.RMSprop(lr=0.01, momentum=0.5, centered=True),
    optim.Adam(lr=0.1, amsgrad=True),
    optim.AdamW(lr=0.1),
]


@pytest.mark.parametrize("opt", ALL_OPTIMIZERS, ids=lambda o: repr(o)[:40])
def test_every_optimizer_steps_a_0d_parameter_and_keeps_its_shape(opt):
    w0 = np.array(1.5)
    w, state = w0, opt.init(w0)
    one_d, state_1d = np.array([1.5]), opt.init(np.array([1.5]))
    for _ in range(3):
        w, state = opt.step(w, 2 * w, state)
        one_d, state_1d = opt.step(one_d, 2 * one_d, state_1d)
        assert isinstance(w, np.ndarray) and w.shape == ()
    assert w.item() == one_d[0]  # the same numbers as the (1,)-shaped run
    assert w0 == 1.5


def test_run_works_on_the_packages_own_1d_double_well():
    from helpers import landscapes

    well = landscapes.double_well()
    trajectory = optim.run(optim.Adam(lr=0.05), well.value_and_grad, np.array(well.start), 200)
    assert trajectory.params.shape == (201,)
    assert trajectory.diverged_at is None


def test_betas_may_be_a_numpy_array():
    assert optim.Adam(betas=np.array([0.9, 0.999])).betas == (0.9, 0.999)
