"""Plausible wrong answers for notebooks/00_start_here.ipynb (see README.md in this folder)."""

_STEP_HEAD = '''def step(w, b, x, y, lr):
    """One gradient-descent step on the mean squared error of the line w * x + b."""
'''

WRONG_ANSWERS = {
    "ex00_predict": [
        ("forgot the bias", "def predict(w, b, x):\n    return w * x\n"),
        ("swapped w and b", "def predict(w, b, x):\n    return b * x + w\n"),
        ("bias multiplied in", "def predict(w, b, x):\n    return w * (x + b)\n"),
    ],
    "ex00_step": [
        (
            "sign flipped (+lr: steps uphill)",
            _STEP_HEAD + "    error = w * x + b - y\n"
            "    return w + lr * 2 * np.mean(error * x), b + lr * 2 * np.mean(error)\n",
        ),
        (
            "gradient without the factor 2",
            _STEP_HEAD + "    error = w * x + b - y\n"
            "    return w - lr * np.mean(error * x), b - lr * np.mean(error)\n",
        ),
        (
            "forgot to divide by n (sum instead of mean)",
            _STEP_HEAD + "    error = w * x + b - y\n"
            "    return w - lr * 2 * np.sum(error * x), b - lr * 2 * np.sum(error)\n",
        ),
        (
            "b updated with the w gradient",
            _STEP_HEAD + "    error = w * x + b - y\n"
            "    grad_w = 2 * np.mean(error * x)\n"
            "    return w - lr * grad_w, b - lr * grad_w\n",
        ),
        (
            "b's gradient computed with the already-updated w",
            _STEP_HEAD + "    w = w - lr * 2 * np.mean((w * x + b - y) * x)\n"
            "    b = b - lr * 2 * np.mean(w * x + b - y)\n"
            "    return w, b\n",
        ),
    ],
    "ex00_steps_to_0_2": [
        ("off by one (one step too many)", "steps_to_0_2 = int(np.argmax(losses < 0.2)) + 1\n"),
        (
            "off by one (the last step above 0.2)",
            "steps_to_0_2 = int(np.argmax(losses < 0.2)) - 1\n",
        ),
        ("counted the steps below 0.2", "steps_to_0_2 = int(np.sum(losses < 0.2))\n"),
    ],
}
