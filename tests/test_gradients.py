"""Tests for helpers.gradients: finite differences against derivatives known in closed form."""

import numpy as np
import pytest

from helpers import gradients


def cubic_sum(x):
    """f(x) = sum(x^3 + sin x); gradient 3x^2 + cos x."""
    return float(np.sum(x**3 + np.sin(x)))


def test_numerical_gradient_matches_known_derivative_of_elementwise_function():
    x = np.array([[0.3, -1.2, 2.0], [0.0, 0.7, -0.4]])
    numeric = gradients.numerical_gradient(cubic_sum, x)
    np.testing.assert_allclose(numeric, 3 * x**2 + np.cos(x), rtol=1e-8, atol=1e-9)


def test_numerical_gradient_matches_known_gradient_of_coupled_function():
    # f(x, y) = x^2 y + exp(x y): df/dx = 2xy + y e^{xy}, df/dy = x^2 + x e^{xy}
    def f(w):
        return w[0] ** 2 * w[1] + np.exp(w[0] * w[1])

    x, y = 0.8, -1.3
    expected = [2 * x * y + y * np.exp(x * y), x**2 + x * np.exp(x * y)]
    np.testing.assert_allclose(gradients.numerical_gradient(f, np.array([x, y])), expected, 1e-8)


def test_numerical_gradient_leaves_x_unchanged():
    x = np.array([0.1, 0.2, 0.3])
    before = x.copy()
    gradients.numerical_gradient(cubic_sum, x)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.array([1.0, 2.0])
    calls = []

    def failing(w):
        calls.append(w.copy())
        if len(calls) == 2:
            raise RuntimeError("boom")
        return 0.0

    with pytest.raises(RuntimeError, match="boom"):
        gradients.numerical_gradient(failing, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_numerical_gradient_works_through_a_closure_over_x():
    params = np.array([1.5, -0.5])

    def loss(_):
        return float(np.sum(params**2))

    np.testing.assert_allclose(gradients.numerical_gradient(loss, params), 2 * params, 1e-9)


def test_relative_error_is_zero_for_equal_arrays_and_two_for_opposite_signs():
    a = np.array([1.0, -2.0, 0.0])
    assert gradients.relative_error(a, a) == 0.0
    assert gradients.relative_error(a, -a) == pytest.approx(2.0)


def test_relative_error_is_cs231ns_elementwise_maximum():
    # entries: |1-1.1|/max(1, 1.1) and |100-101|/max(100, 101); the first is larger
    error = gradients.relative_error(np.array([1.0, 100.0]), np.array([1.1, 101.0]))
    assert error == pytest.approx(0.1 / 1.1)


def test_checks_feedback_reports_the_same_relative_error_as_gradients():
    from helpers import checks

    got, want = np.array([1.0, 100.0]), np.array([1.1, 101.0])
    with pytest.raises(AssertionError, match=f"relative error: {0.1 / 1.1:.2g}"):
        checks.check_close("x", got, want)


def test_gradient_check_accepts_a_correct_gradient_and_flags_a_sign_flip():
    x = np.array([0.5, -1.5, 2.5])
    assert gradients.gradient_check(cubic_sum, lambda w: 3 * w**2 + np.cos(w), x) < 1e-8
    assert gradients.gradient_check(
        cubic_sum, lambda w: -(3 * w**2 + np.cos(w)), x
    ) == pytest.approx(2.0)
    assert gradients.gradient_check(cubic_sum, 3 * x**2 + np.cos(x), x) < 1e-8


def test_central_difference_error_shrinks_like_h_squared_forward_like_h():
    exact = np.cos(1.0)
    steps = np.array([1e-2, 1e-3])
    forward_error = np.abs(gradients.forward_difference(np.sin, 1.0, steps) - exact)
    central_error = np.abs(gradients.central_difference(np.sin, 1.0, steps) - exact)
    assert forward_error[0] / forward_error[1] == pytest.approx(10, rel=0.05)
    assert central_error[0] / central_error[1] == pytest.approx(100, rel=0.05)


def test_scalar_differences_return_float_for_scalar_h_and_match_hand_values():
    # f = x^2 at 3: the forward difference is 2x + h, the central one exactly 2x
    assert gradients.forward_difference(lambda x: x * x, 3.0, 0.5) == pytest.approx(6.5)
    assert gradients.central_difference(lambda x: x * x, 3.0, 0.5) == pytest.approx(6.0)
    assert isinstance(gradients.central_difference(np.sin, 0.0, 1e-3), float)


def test_tiny_h_shows_round_off_error_growing():
    exact = np.cos(1.0)
    error = np.abs(gradients.central_difference(np.sin, 1.0, np.array([1e-5, 1e-13])) - exact)
    assert error[1] > 100 * error[0]


BAD_INPUTS = [
    (lambda: gradients.numerical_gradient(cubic_sum, np.array([1, 2])), TypeError, "x must be"),
    (
        lambda: gradients.numerical_gradient(cubic_sum, np.ones(2, dtype=np.float32)),
        TypeError,
        "float64",
    ),
    (lambda: gradients.numerical_gradient(cubic_sum, np.ones(2), h=0.0), ValueError, "h must"),
    (lambda: gradients.numerical_gradient(lambda x: x, np.ones(2)), TypeError, "f must return"),
    (lambda: gradients.numerical_gradient(cubic_sum, [np.nan]), ValueError, "x must contain"),
    (lambda: gradients.relative_error(np.ones(2), np.ones(3)), ValueError, "a (2,) and b (3,)"),
    (lambda: gradients.relative_error(["a"], ["b"]), TypeError, "a must be"),
    (lambda: gradients.central_difference(np.sin, 1.0, -1e-3), ValueError, "h must be positive"),
    (lambda: gradients.forward_difference(np.sin, 1.0, "small"), TypeError, "h must be"),
    (lambda: gradients.central_difference(np.sin, "one", 1e-3), TypeError, "x must be"),
    (lambda: gradients.gradient_check(cubic_sum, np.ones(3), np.ones(2)), ValueError, "shape"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_clear_errors(call, error, fragment):
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
