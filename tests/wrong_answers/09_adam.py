"""Plausible wrong answers for the exercises of 09_adam.ipynb (with the hint each must get)."""

MOMENTS = "    m = beta1 * m + (1 - beta1) * grad\n    v = beta2 * v + (1 - beta2) * grad**2\n"


def _adam_step(m_hat, v_hat, root, update=MOMENTS, returned="m, v"):
    """Source of an adam_step whose corrections and square root are the given expressions."""
    return (
        "def adam_step(w, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):\n"
        "    beta1, beta2 = betas\n"
        f"{update}"
        f"    m_hat = {m_hat}\n"
        f"    v_hat = {v_hat}\n"
        f"    return w - lr * m_hat / {root}, {returned}\n"
    )


RIGHT_ROOT = "(np.sqrt(v_hat) + eps)"
RIGHT_M, RIGHT_V = "m / (1 - beta1**t)", "v / (1 - beta2**t)"

RIGHT_FIRST_STEP = "    return -lr * grad / (np.abs(grad) + eps)\n"
RIGHT_GRADIENT = "    return fraction * eps / (1 - fraction)\n"


def _first_step(first_step_body=RIGHT_FIRST_STEP, gradient_body=RIGHT_GRADIENT):
    """Source of both answers of Exercise 2 (the solution cell defines the two functions)."""
    return (
        f"def first_step(grad, lr, betas, eps):\n{first_step_body}\n\n"
        f"def gradient_for_fraction(fraction, eps):\n{gradient_body}"
    )


def _half_life(body):
    return f"def weight_decay_for_half_life(lr, steps):\n    return {body}\n"


WRONG_ANSWERS = {
    "ex09-adam-step": [
        (
            "no bias correction",
            _adam_step("m", "v", RIGHT_ROOT),
            "there is no bias correction",
        ),
        (
            "eps inside the square root",
            _adam_step(RIGHT_M, RIGHT_V, "np.sqrt(v_hat + eps)"),
            "inside the square root",
        ),
        (
            "t counted from 0 (powers t + 1)",
            _adam_step("m / (1 - beta1 ** (t + 1))", "v / (1 - beta2 ** (t + 1))", RIGHT_ROOT),
            "the step number is off by one",
        ),
        (
            "1 − β without the power t",
            _adam_step("m / (1 - beta1)", "v / (1 - beta2)", RIGHT_ROOT),
            "without the power t",
        ),
        (
            "multiplies by the correction instead of dividing",
            _adam_step("m * (1 - beta1**t)", "v * (1 - beta2**t)", RIGHT_ROOT),
            "multiply by 1 − βᵗ instead of dividing",
        ),
        (
            "the forum's code handed in unchanged (both bugs)",
            _adam_step("m / (1 - beta1)", "v / (1 - beta2)", "np.sqrt(v_hat + eps)"),
            "forum's code unchanged",
        ),
        (
            "updates the moments in place (changes the caller's m and v)",
            _adam_step(
                RIGHT_M,
                RIGHT_V,
                RIGHT_ROOT,
                update="    m *= beta1\n    m += (1 - beta1) * grad\n"
                "    v *= beta2\n    v += (1 - beta2) * grad**2\n",
            ),
            "changed its input arrays in place",
        ),
        (
            "returns the old moments",
            _adam_step(
                "m_new / (1 - beta1**t)",
                "v_new / (1 - beta2**t)",
                RIGHT_ROOT,
                update="    m_new = beta1 * m + (1 - beta1) * grad\n"
                "    v_new = beta2 * v + (1 - beta2) * grad**2\n",
            ),
            "In returned value #2 of 3",
        ),
        (
            "steps uphill",
            _adam_step(RIGHT_M, RIGHT_V, RIGHT_ROOT).replace("return w - lr", "return w + lr"),
            "wrong way",
        ),
        (
            "returns the corrected moments m̂, v̂ as the new state",
            _adam_step(RIGHT_M, RIGHT_V, RIGHT_ROOT, returned="m_hat, v_hat"),
            "returns the corrected m̂ and v̂",
        ),
        (
            "the moving averages' weights swapped: β·g + (1 − β)·m",
            _adam_step(
                RIGHT_M,
                RIGHT_V,
                RIGHT_ROOT,
                update="    m = (1 - beta1) * m + beta1 * grad\n"
                "    v = (1 - beta2) * v + beta2 * grad**2\n",
            ),
            "In returned value #1 of 3",
        ),
        (
            "eps added to w, not to the denominator (missing brackets)",
            _adam_step(RIGHT_M, RIGHT_V, "np.sqrt(v_hat) + eps"),
            "print alike",
        ),
        (
            "corrections with t − 1 (0 at the first step)",
            _adam_step("m / (1 - beta1 ** (t - 1))", "v / (1 - beta2 ** (t - 1))", RIGHT_ROOT),
            "the power t − 1",
        ),
        (
            "forgets to return (computes the step, returns None)",
            _adam_step(RIGHT_M, RIGHT_V, RIGHT_ROOT).replace(
                "    return w - lr", "    new_w = w - lr"
            ),
            "did you forget `return`",
        ),
        (
            "the shortcut: calls optim.Adam",
            "def adam_step(w, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):\n"
            "    state = optim.AdamState(t - 1, m, v, None)\n"
            "    new_w, new = optim.Adam(lr=lr, betas=betas, eps=eps).step(w, grad, state)\n"
            "    return new_w, new.exp_avg, new.exp_avg_sq\n",
            "it uses `optim`, which this exercise rules out",
        ),
    ],
    "ex09-first-step": [
        (
            "a gradient-descent step",
            _first_step("    return -lr * grad\n"),
            "gradient-descent step",
        ),
        (
            "forgets the bias correction",
            _first_step(
                "    m, v = (1 - betas[0]) * grad, (1 - betas[1]) * grad**2\n"
                "    return -lr * m / (np.sqrt(v) + eps)\n"
            ),
            "without bias correction",
        ),
        (
            "lr times the sign (forgets eps)",
            _first_step("    return -lr * np.sign(grad)\n"),
            "forgets ε",
        ),
        (
            "eps inside the square root",
            _first_step("    return -lr * grad / np.sqrt(grad**2 + eps)\n"),
            "inside the square root",
        ),
        (
            "the step points uphill",
            _first_step("    return lr * grad / (np.abs(grad) + eps)\n"),
            "the sign is flipped",
        ),
        (
            "returns the new weights from w0 = 1 instead of the step",
            _first_step("    return 1 - lr * grad / (np.abs(grad) + eps)\n"),
        ),
        (
            "forgets the absolute value: g / (g + eps)",
            _first_step("    return -lr * grad / (grad + eps)\n"),
            "first_step is not right yet",
        ),
        (
            "the shortcut: runs optim.Adam once",
            _first_step(
                "    adam = optim.Adam(lr=lr, betas=betas, eps=eps)\n"
                "    w0 = np.zeros_like(grad)\n"
                "    return adam.step(w0, grad, adam.init(w0))[0]\n"
            ),
            "it uses `optim`, which this exercise rules out",
        ),
        (
            "gradient_for_fraction: g = fraction · eps",
            _first_step(gradient_body="    return fraction * eps\n"),
            "leaves out a factor",
        ),
        (
            "gradient_for_fraction: solved for the other fraction",
            _first_step(gradient_body="    return (1 - fraction) * eps / fraction\n"),
            "(1 − fraction)·lr",
        ),
        (
            "gradient_for_fraction: eps inside the square root",
            _first_step(gradient_body="    return fraction * np.sqrt(eps / (1 - fraction**2))\n"),
            "ε inside the square root",
        ),
        (
            "gradient_for_fraction: a negative gradient",
            _first_step(gradient_body="    return -fraction * eps / (1 - fraction)\n"),
            "must be one number > 0",
        ),
        (
            "gradient_for_fraction: forgets to return",
            _first_step(gradient_body="    fraction * eps / (1 - fraction)\n"),
            "must be one number > 0, got None",
        ),
        (
            "gradient_for_fraction: forgets eps",
            _first_step(gradient_body="    return fraction / (1 - fraction)\n"),
            "the first step / lr at gradient_for_fraction",
        ),
    ],
    "ex09-half-life": [
        (
            "forgets that torch multiplies the decay by lr",
            _half_life("1 - 0.5 ** (1 / steps)"),
            "divide your value by lr",
        ),
        (
            "ln 2 / (lr · steps), the continuous approximation",
            _half_life("np.log(2) / (lr * steps)"),
            "small-step approximation",
        ),
        (
            "one step too many",
            _half_life("(1 - 0.5 ** (1 / (steps + 1))) / lr"),
            "one step too many",
        ),
        (
            "treats the decay as linear",
            _half_life("0.5 / (lr * steps)"),
            "the decay is not linear",
        ),
        (
            "a negative decay (log of one half, sign lost)",
            _half_life("np.log(0.5) / (lr * steps)"),
            "must be a number ≥ 0",
        ),
        ("half-life formula upside down", _half_life("0.5 ** (1 / steps) / lr")),
        (
            "forgets to return",
            "def weight_decay_for_half_life(lr, steps):\n    (1 - 0.5 ** (1 / steps)) / lr\n",
            "must be a number ≥ 0, got None",
        ),
        (
            "the exponent inverted: 0.5 ** steps",
            _half_life("(1 - 0.5**steps) / lr"),
            "the weight left after 500 step(s)",
        ),
        (
            "a growth factor instead of a decay: (2^(1/steps) − 1) / lr",
            _half_life("(2 ** (1 / steps) - 1) / lr"),
            "the weight left after 500 step(s)",
        ),
        (
            "missing brackets: 1 − 0.5^(1/steps) / lr",
            _half_life("1 - 0.5 ** (1 / steps) / lr"),
            "must be a number ≥ 0",
        ),
    ],
}
