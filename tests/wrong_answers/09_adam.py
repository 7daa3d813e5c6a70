"""Plausible wrong answers for the exercises of 09_adam.ipynb (with the hint each must get)."""

MOMENTS = "    m = beta1 * m + (1 - beta1) * grad\n    v = beta2 * v + (1 - beta2) * grad**2\n"


def _adam_step(m_hat, v_hat, root, update=MOMENTS):
    """Source of an adam_step whose corrections and square root are the given expressions."""
    return (
        "def adam_step(w, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):\n"
        "    beta1, beta2 = betas\n"
        f"{update}"
        f"    m_hat = {m_hat}\n"
        f"    v_hat = {v_hat}\n"
        f"    return w - lr * m_hat / {root}, m, v\n"
    )


RIGHT_ROOT = "(np.sqrt(v_hat) + eps)"

WRONG_ANSWERS = {
    "ex09-adam-step": [
        (
            "no bias correction",
            _adam_step("m", "v", RIGHT_ROOT),
            "there is no bias correction",
        ),
        (
            "eps inside the square root",
            _adam_step("m / (1 - beta1**t)", "v / (1 - beta2**t)", "np.sqrt(v_hat + eps)"),
            "inside the square root",
        ),
        (
            "t counted from 0 (powers t + 1)",
            _adam_step("m / (1 - beta1 ** (t + 1))", "v / (1 - beta2 ** (t + 1))", RIGHT_ROOT),
            "t is counted from 0",
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
                "m / (1 - beta1**t)",
                "v / (1 - beta2**t)",
                RIGHT_ROOT,
                update="    m *= beta1\n    m += (1 - beta1) * grad\n"
                "    v *= beta2\n    v += (1 - beta2) * grad**2\n",
            ),
            "changed its input arrays in place",
        ),
        (
            "returns the old moments",
            "def adam_step(w, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):\n"
            "    beta1, beta2 = betas\n"
            "    m_new = beta1 * m + (1 - beta1) * grad\n"
            "    v_new = beta2 * v + (1 - beta2) * grad**2\n"
            "    m_hat = m_new / (1 - beta1**t)\n"
            "    v_hat = v_new / (1 - beta2**t)\n"
            "    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v\n",
            "new m of adam_step is not right yet",
        ),
        (
            "steps uphill",
            _adam_step("m / (1 - beta1**t)", "v / (1 - beta2**t)", RIGHT_ROOT).replace(
                "return w - lr", "return w + lr"
            ),
            "wrong way",
        ),
    ],
    "ex09-first-step": [
        (
            "a gradient-descent step",
            "def first_step(grad, lr, betas, eps):\n    return -lr * grad\n",
            "gradient-descent step",
        ),
        (
            "forgets the bias correction",
            "def first_step(grad, lr, betas, eps):\n"
            "    m, v = (1 - betas[0]) * grad, (1 - betas[1]) * grad**2\n"
            "    return -lr * m / (np.sqrt(v) + eps)\n",
            "without bias correction",
        ),
        (
            "lr times the sign (forgets eps)",
            "def first_step(grad, lr, betas, eps):\n    return -lr * np.sign(grad)\n",
            "forgets ε",
        ),
        (
            "eps inside the square root",
            "def first_step(grad, lr, betas, eps):\n"
            "    return -lr * grad / np.sqrt(grad**2 + eps)\n",
            "inside the square root",
        ),
        (
            "the step points uphill",
            "def first_step(grad, lr, betas, eps):\n    return lr * grad / (np.abs(grad) + eps)\n",
            "the sign is flipped",
        ),
        (
            "returns the new weights from w0 = 1 instead of the step",
            "def first_step(grad, lr, betas, eps):\n"
            "    return 1 - lr * grad / (np.abs(grad) + eps)\n",
        ),
    ],
    "ex09-half-life": [
        (
            "forgets that torch multiplies the decay by lr",
            "def weight_decay_for_half_life(lr, steps):\n    return 1 - 0.5 ** (1 / steps)\n",
            "divide your value by lr",
        ),
        (
            "ln 2 / (lr · steps), the continuous approximation",
            "def weight_decay_for_half_life(lr, steps):\n    return np.log(2) / (lr * steps)\n",
            "small-step approximation",
        ),
        (
            "one step too many",
            "def weight_decay_for_half_life(lr, steps):\n"
            "    return (1 - 0.5 ** (1 / (steps + 1))) / lr\n",
            "one step too many",
        ),
        (
            "treats the decay as linear",
            "def weight_decay_for_half_life(lr, steps):\n    return 0.5 / (lr * steps)\n",
            "the decay is not linear",
        ),
        (
            "a negative decay (log of one half, sign lost)",
            "def weight_decay_for_half_life(lr, steps):\n    return np.log(0.5) / (lr * steps)\n",
            "must be a number ≥ 0",
        ),
        (
            "half-life formula upside down",
            "def weight_decay_for_half_life(lr, steps):\n    return 0.5 ** (1 / steps) / lr\n",
        ),
    ],
}
