import re

import numpy as np
import pytest

from helpers import checks

W = np.array([1.0, 2.0, 3.0])
GRAD = np.array([0.5, -1.0, 2.0])
INPUTS = [(W, GRAD, 0.1), (W, -GRAD, 0.5)]


def sgd_step(w, grad, lr):
    return w - lr * grad


def half_mse(pred, target):
    return 0.5 * np.mean((pred - target) ** 2)


def fails(fragment):
    return pytest.raises(AssertionError, match=re.escape(fragment))


# --- the right answer passes, with one ✓ line ---------------------------------------------------


def test_check_function_passes_the_right_answer_and_prints_one_tick_line(capsys):
    checks.check_function(lambda w, grad, lr: w - grad * lr, sgd_step, INPUTS, name="sgd_step")
    assert capsys.readouterr().out == "✓ sgd_step gives the right answer on all 2 test inputs\n"


def test_check_close_passes_within_rtol(capsys):
    checks.check_close("the loss", 0.25 * (1 + 1e-9), 0.25)
    assert capsys.readouterr().out == "✓ the loss is correct\n"


def test_check_close_accepts_matching_tuples_of_values():
    checks.check_close("loss and grad", (0.5, np.ones(2)), (0.5, np.ones(2)))


# --- each diagnosis fires on a plausible wrong answer -------------------------------------------

WRONG_UPDATES = [
    ("forgot return", lambda w, grad, lr: None, "did you forget `return`?"),
    ("wrong shape", lambda w, grad, lr: (w - lr * grad)[:, None], "Wrong shape: expected (3,)"),
    ("gradient ascent", lambda w, grad, lr: w + lr * grad, "the step goes the wrong way"),
    ("no update", lambda w, grad, lr: w.copy(), "you returned an input unchanged"),
    ("step doubled", lambda w, grad, lr: w - 2 * lr * grad, "the step is 2 times the right size"),
    ("NaN", lambda w, grad, lr: w * np.nan, "contains NaN or inf"),
    ("in place", lambda w, grad, lr: w.__isub__(lr * grad), "changed its input arrays in place"),
    ("lr ignored", lambda w, grad, lr: w - grad, "the step is 10 times the right size"),
]


@pytest.mark.parametrize(("mistake", "learner_fn", "fragment"), WRONG_UPDATES)
def test_check_function_rejects_and_explains_a_wrong_update(mistake, learner_fn, fragment):
    with fails(fragment):
        checks.check_function(learner_fn, sgd_step, INPUTS, name="sgd_step", kind="update")


def test_check_function_names_the_failing_input_by_argument_name():
    def wrong_on_second_input(w, grad, lr):
        return sgd_step(w, grad, lr) if lr < 0.3 else w

    with fails("on test input #2 of 2: w=[1., 2., 3.], grad=[-0.5,  1. , -2. ], lr=0.5"):
        checks.check_function(wrong_on_second_input, sgd_step, INPUTS)


def test_check_function_gives_each_function_its_own_copy_of_the_inputs():
    def in_place_reference(w, grad, lr):
        w -= lr * grad
        return w

    checks.check_function(sgd_step, in_place_reference, INPUTS)
    np.testing.assert_array_equal(W, [1.0, 2.0, 3.0])


def test_check_function_reports_expected_got_and_relative_error():
    with pytest.raises(AssertionError) as failure:
        checks.check_function(lambda w, grad, lr: w - grad, sgd_step, INPUTS)
    message = str(failure.value)
    assert "expected: [0.95, 2.1 , 2.8 ]" in message
    assert "got:      [0.5, 3. , 1. ]" in message
    assert "relative error: 0.64" in message  # largest entry: |1 - 2.8| / max(1, 2.8)


def test_check_function_detects_a_sign_flipped_result():
    pred, target = np.array([1.0, 2.0]), np.array([0.0, 0.0])
    with fails("the sign is flipped"):
        checks.check_function(lambda p, t: t - p, lambda p, t: p - t, [(pred, target)])


def test_check_close_detects_a_missing_one_half_as_a_factor_of_two():
    pred, target = np.array([1.0, 3.0]), np.array([0.0, 0.0])
    with fails("A factor of 2 — check the 1/2"):
        checks.check_close(
            "the loss", np.mean((pred - target) ** 2), half_mse(pred, target), kind="loss"
        )


def test_check_close_detects_sum_instead_of_mean():
    residual = np.arange(1.0, 11.0)
    with fails("you got 10 times the answer. Did you sum where the formula takes a mean"):
        checks.check_close("the loss", np.sum(residual**2), np.mean(residual**2), kind="loss")


def test_check_close_detects_none_and_nonfinite_and_scalar_shape():
    with fails("did you forget `return`?"):
        checks.check_close("the loss", None, 0.25)
    with fails("contains NaN or inf"):
        checks.check_close("the loss", np.inf, 0.25)
    with fails("expected a plain number, got an array holding one"):
        checks.check_close("the loss", np.array([0.25]), 0.25)
    with fails("expected a single number, got several — a missing sum, mean or max?"):
        checks.check_close("the loss", np.array([0.25, 0.5]), 0.25)


def test_check_close_does_not_call_an_arbitrary_wrong_number_a_constant_factor():
    with pytest.raises(AssertionError) as failure:
        checks.check_close("the loss", 0.3, 0.25)
    assert "Looks like" not in str(failure.value)


def test_check_close_says_which_returned_value_is_wrong():
    with fails("In returned value #2 of 2"):
        checks.check_close("loss and grad", (0.5, np.ones(2)), (0.5, 2 * np.ones(2)))
    with fails("Expected 2 values"):
        checks.check_close("loss and grad", 0.5, (0.5, np.ones(2)))


def test_check_close_detects_a_transposed_matrix():
    matrix = np.array([[1.0, 2.0], [3.0, 4.0]])
    with fails("the transpose of the answer"):
        checks.check_close("the weight gradient", matrix.T, matrix)


def test_check_array_equal_passes_equal_integers_and_explains_off_by_one(capsys):
    checks.check_array_equal("the predictions", np.array([0, 1, 1]), [0, 1, 1])
    assert capsys.readouterr().out == "✓ the predictions is correct\n"
    with fails("every entry is off by 1 — an off-by-one"):
        checks.check_array_equal("the step count", 11, 10)
    with fails("1 of 3 entries differ; the first at index (2,): expected 3, got 4"):
        checks.check_array_equal("the labels", [1, 2, 4], [1, 2, 3])


def test_check_true_raises_the_message_or_prints_the_success_line(capsys):
    checks.check_true(True, "unused", success="the loss goes down")
    assert capsys.readouterr().out == "✓ the loss goes down\n"
    with fails("the loss should go down"):
        checks.check_true(False, "the loss should go down")


# --- hints fire only where they apply (issue: feedback that misdiagnoses) -----------------------


def predict(w, b, x):
    return w * x + b


PREDICT_INPUTS = [(2.0, -1.0, np.array([0.0, 1.0, 2.0])), (0.5, 3.0, np.array([-1.0, 4.0]))]


@pytest.mark.parametrize(
    "learner_fn",
    [lambda w, b, x: 2 * (w * x + b), lambda w, b, x: w * x, lambda w, b, x: w * x + b + 1],
    ids=["doubled", "no intercept", "plus one"],
)
def test_a_prediction_never_gets_learning_rate_or_sum_versus_mean_hints(learner_fn):
    with pytest.raises(AssertionError) as failure:
        checks.check_function(learner_fn, predict, PREDICT_INPUTS, name="predict")
    message = str(failure.value)
    assert "learning rate" not in message and "mean" not in message and "Looks like" not in message


def test_a_wrong_scalar_that_is_not_a_count_gets_no_off_by_one_hint():
    with pytest.raises(AssertionError) as failure:
        checks.check_array_equal("the class label", 3, 2, kind="value")
    assert "off-by-one" not in str(failure.value)
    with fails("off-by-one"):  # ...but a count does
        checks.check_array_equal("the number of steps", 3, 2)


def test_a_non_integer_offset_is_not_called_an_off_by_one():
    with pytest.raises(AssertionError) as failure:
        checks.check_array_equal("the threshold", 2.5, 2.0)
    assert "off-by-one" not in str(failure.value)


def test_a_derivative_off_by_a_factor_gets_the_chain_rule_hint_not_sum_versus_mean():
    with pytest.raises(AssertionError) as failure:
        checks.check_close("dL/dz", np.array([3.0, 6.0]), np.array([1.5, 3.0]), kind="derivative")
    message = str(failure.value)
    assert "chain rule" in message and "mean" not in message


def test_a_trajectory_one_row_short_is_explained_as_a_missing_start_not_an_axis():
    want = np.zeros((11, 2))
    with fails("one row too few — is the starting point the first row"):
        checks.check_close("the iterates", np.zeros((10, 2)), want, kind="trajectory")
    with fails("one row too many"):
        checks.check_close("the iterates", np.zeros((12, 2)), want, kind="trajectory")
    with pytest.raises(AssertionError) as failure:
        checks.check_close("the iterates", np.zeros((10, 2)), want, kind="trajectory")
    assert "axis" not in str(failure.value)


def test_values_that_print_alike_are_shown_with_the_digits_that_agree_and_the_dtype():
    want = np.array([0.1234567891, 2.0])
    with fails("agree to only about 6 significant digits"):
        checks.check_close("w", want * (1 + 3e-7), want, rtol=1e-9)
    with fails("Your answer has dtype float32"):
        checks.check_close("w", want.astype(np.float32), want, rtol=1e-9)


def test_an_exercises_own_mistakes_are_named_when_they_match():
    def adam_bias(m, beta, t):
        return m / (1 - beta**t)

    mistakes = {
        "t counted from 0 (use t = 1 for the first step)": lambda m, beta, t: (
            m / (1 - beta ** (t - 1)) if t > 1 else m
        ),
        "dividing by 1 - beta, without the power t": lambda m, beta, t: m / (1 - beta),
    }
    inputs = [(np.array([0.1, -0.2]), 0.9, 3)]
    with fails("This is what you get when: dividing by 1 - beta, without the power t"):
        checks.check_function(
            lambda m, beta, t: m / (1 - beta), adam_bias, inputs, mistakes=mistakes
        )
    with pytest.raises(AssertionError) as failure:  # an unlisted mistake: no listed hint
        checks.check_function(
            lambda m, beta, t: m * (1 - beta**t), adam_bias, inputs, mistakes=mistakes
        )
    assert "This is what you get when" not in str(failure.value)
    with fails("This is what you get when: forgot the 1/2"):
        checks.check_close("loss", 2.0, 1.0, mistakes={"forgot the 1/2": 2.0})


def test_failing_inputs_are_described_with_the_learners_argument_names():
    def reference(x, lr):
        return x - lr * 2 * x

    def learner(w, eta):
        return w

    with fails("test input #1 of 1: w=[1., 2.], eta=0.1"):
        checks.check_function(learner, reference, [(np.array([1.0, 2.0]), 0.1)])


BAD_INPUTS = [
    (
        lambda: checks.check_close("x", 1.0, 1.0, kind="speed"),
        ValueError,
        "kind must be one of",
    ),
    (
        lambda: checks.check_function(sgd_step, sgd_step, INPUTS, mistakes={"a": 1.0}),
        TypeError,
        "mistakes must be a dict",
    ),
    (lambda: checks.check_function(None, sgd_step, INPUTS), TypeError, "learner_fn must be"),
    (lambda: checks.check_function(sgd_step, 3, INPUTS), TypeError, "reference_fn must be"),
    (lambda: checks.check_function(sgd_step, sgd_step, [W]), TypeError, "inputs must be a list"),
    (lambda: checks.check_function(sgd_step, sgd_step, []), ValueError, "inputs must hold"),
    (lambda: checks.check_close("x", 1.0, 1.0, rtol=-1.0), ValueError, "rtol must be >= 0"),
    (lambda: checks.check_close("x", 1.0, 1.0, atol="0"), TypeError, "atol must be a real"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_input_raises_a_message_naming_the_argument(call, error, fragment):
    with pytest.raises(error, match=re.escape(fragment)):
        call()


def test_a_single_number_where_a_pair_of_numbers_is_expected_asks_for_both():
    with fails("Expected 2 values (e.g. `return a, b`), got one: 1.5"):
        checks.check_close("step", 1.5, (1.5, -0.5))


def test_a_mistake_is_named_only_if_it_gives_the_learners_answers_on_every_input():
    def first(values, target):
        return next((t for t, v in enumerate(values) if v < target), None)

    mistakes = {
        "counted from 1": lambda values, target: next(
            (t + 1 for t, v in enumerate(values) if v < target), None
        ),
        "the last one": lambda values, target: max(
            (t for t, v in enumerate(values) if v < target), default=None
        ),
    }
    inputs = [(np.array([3.0, 2.0, 1.0, 0.5]), 1.5), (np.array([1.0, 0.1, 0.3, 0.1]), 0.2)]
    # on input 1 "the last one" (3) equals "counted from 1" (3); input 2 tells them apart
    with fails("This is what you get when: the last one"):
        checks.check_function(mistakes["the last one"], first, inputs, mistakes=mistakes)
    with pytest.raises(AssertionError) as failure:  # matches neither on every input: no hint
        checks.check_function(lambda values, target: 7, first, inputs, mistakes=mistakes)
    assert "This is what you get when" not in str(failure.value)


def test_a_tuple_of_same_shaped_arrays_is_compared_value_by_value():
    def adam_like(w, g):
        return w - 0.1 * g, 0.1 * g, 0.001 * g**2

    def wrong_second(w, g):
        return w - 0.1 * g, 0.2 * g, 0.001 * g**2

    inputs = [(np.array([1.0, 2.0]), np.array([0.5, -1.0]))]
    with fails("In returned value #2 of 3"):
        checks.check_function(wrong_second, adam_like, inputs)


def test_an_array_of_the_values_is_accepted_where_a_tuple_is_returned():
    checks.check_close("step", np.array([1.5, -0.5]), (1.5, -0.5))
    with fails("Expected 2 values"):
        checks.check_close("step", np.array([1.5, -0.5, 2.0]), (1.5, -0.5))


def test_a_count_far_off_is_not_called_an_off_by_one():
    with pytest.raises(AssertionError) as failure:
        checks.check_array_equal("the number of steps", 283, 142)
    assert "off-by-one" not in str(failure.value)
