"""Plausible wrong answers for the exercises of 00_start_here.ipynb, with the feedback each gets."""

WRONG_ANSWERS = {
    "ex00-step": [
        (
            "updates w first, then computes b's gradient with the new w",
            "def step(w, b, x, y, lr):\n"
            "    w = w - lr * 2 * np.mean((w * x + b - y) * x)\n"
            "    b = b - lr * 2 * np.mean(w * x + b - y)\n"
            "    return w, b\n",
            "computed with the NEW w",
        ),
        (
            "steps uphill",
            "def step(w, b, x, y, lr):\n"
            "    error = w * x + b - y\n"
            "    return w + lr * 2 * np.mean(error * x), b + lr * 2 * np.mean(error)\n",
            "uphill",
        ),
        (
            "forgets the factor 2",
            "def step(w, b, x, y, lr):\n"
            "    error = w * x + b - y\n"
            "    return w - lr * np.mean(error * x), b - lr * np.mean(error)\n",
            "factor 2",
        ),
        (
            "sums instead of averaging",
            "def step(w, b, x, y, lr):\n"
            "    error = w * x + b - y\n"
            "    return w - lr * 2 * np.sum(error * x), b - lr * 2 * np.sum(error)\n",
            "no 1/n",
        ),
        (
            "residual the wrong way round and b's gradient uses x",
            "def step(w, b, x, y, lr):\n"
            "    error = y - (w * x + b)\n"
            "    return w - lr * 2 * np.mean(error * x), b - lr * 2 * np.mean(error * x)\n",
            "expected:",
        ),
        (
            "returns only w",
            "def step(w, b, x, y, lr):\n    return w - lr * 2 * np.mean((w * x + b - y) * x)\n",
            "Expected 2 values",
        ),
        (
            "the learning rate multiplies only w's step",
            (
                "def step(w, b, x, y, lr):\n"
                "    error = w * x + b - y\n"
                "    return w - lr * 2 * np.mean(error * x), b - 2 * np.mean(error)\n"
            ),
            "expected:",
        ),
        (
            "w's gradient without the factor x",
            (
                "def step(w, b, x, y, lr):\n"
                "    error = w * x + b - y\n"
                "    return w - lr * 2 * np.mean(error), b - lr * 2 * np.mean(error)\n"
            ),
            "expected:",
        ),
        (
            "returns the gradients, not the new weights",
            (
                "def step(w, b, x, y, lr):\n"
                "    error = w * x + b - y\n"
                "    return 2 * np.mean(error * x), 2 * np.mean(error)\n"
            ),
            "expected:",
        ),
        (
            "uses the global data of section 2, not its arguments",
            (
                "def step(w, b, x_data, y_data, lr):\n"
                "    error = w * x + b - y\n"
                "    return w - lr * 2 * np.mean(error * x), b - lr * 2 * np.mean(error)\n"
            ),
            "expected:",
        ),
    ],
    "ex00-first-below": [
        (
            "counts steps from 1",
            "def first_below(losses, target):\n"
            "    for t, loss in enumerate(losses, start=1):\n"
            "        if loss < target:\n"
            "            return t\n"
            "    return None\n",
            "counted from 1",
        ),
        (
            "the last step below the target",
            "def first_below(losses, target):\n"
            "    below = np.flatnonzero(np.asarray(losses) < target)\n"
            "    return int(below[-1]) if below.size else None\n",
            "LAST step",
        ),
        (
            "<= instead of <",
            "def first_below(losses, target):\n"
            "    below = np.flatnonzero(np.asarray(losses) <= target)\n"
            "    return int(below[0]) if below.size else None\n",
            "<= instead of <",
        ),
        (
            "returns the loss, not the step",
            "def first_below(losses, target):\n"
            "    below = np.asarray(losses)[np.asarray(losses) < target]\n"
            "    return float(below[0]) if below.size else None\n",
            "the loss itself was returned",
        ),
        (
            "np.argmax without checking that any loss is below (0 when never)",
            "def first_below(losses, target):\n"
            "    return int(np.argmax(np.asarray(losses) < target))\n",
            "Expected None, got 0",
        ),
        (
            "the step with the lowest loss (np.argmin)",
            (
                "def first_below(losses, target):\n"
                "    return int(np.argmin(losses)) if np.min(losses) < target else None\n"
            ),
            "LOWEST loss",
        ),
        (
            "-1 instead of None when never",
            (
                "def first_below(losses, target):\n"
                "    below = np.flatnonzero(np.asarray(losses) < target)\n"
                "    return int(below[0]) if below.size else -1\n"
            ),
            "Expected None, got -1",
        ),
        (
            "counts the steps below the target",
            (
                "def first_below(losses, target):\n"
                "    count = int(np.sum(np.asarray(losses) < target))\n"
                "    return count if count else None\n"
            ),
            "expected:",
        ),
        (
            "reads the global losses, not its argument",
            (
                "def first_below(curve, target):\n"
                "    below = np.flatnonzero(np.asarray(losses) < target)\n"
                "    return int(below[0]) if below.size else None\n"
            ),
            "expected:",
        ),
    ],
    "ex00-largest-lr": [
        (
            "the first learning rate that fails (one grid step too far)",
            'largest_lr = 1.0\njust_above = "b"\n',
            "already too large",
        ),
        (
            "a learning rate that works but is not the largest",
            'largest_lr = 0.5\njust_above = "b"\n',
            "not the largest on the grid",
        ),
        (
            "the learning rate used in section 4",
            'largest_lr = 0.1\njust_above = "b"\n',
            "not the largest on the grid",
        ),
        (
            "a guess from the '2/L' rule with L = 1",
            'largest_lr = 2.0\njust_above = "b"\n',
            "already too large",
        ),
        (
            "the right rate, the wrong explanation: steps too small",
            'largest_lr = 0.95\njust_above = "a"\n',
            "never makes the loss grow",
        ),
        (
            "the right rate, the wrong explanation: the gradient vanishes",
            'largest_lr = 0.95\njust_above = "c"\n',
            "the gradient is zero only at the bottom",
        ),
        (
            "a string instead of a number",
            'largest_lr = "0.95"\njust_above = "b"\n',
            "must be a number",
        ),
        (
            "a value between two grid points",
            'largest_lr = 0.97\njust_above = "b"\n',
            "not one of the learning rates to try",
        ),
        (
            "the explanation as a capital letter",
            'largest_lr = 0.95\njust_above = "B"\n',
            "choose 'a', 'b' or 'c'",
        ),
        (
            "a one-element array",
            'largest_lr = np.array([0.95])\njust_above = "b"\n',
            "must be a number",
        ),
        (
            "the largest rate that ends below the best line's loss, not the start's",
            'largest_lr = 0.9\njust_above = "b"\n',
            "not the largest on the grid",
        ),
    ],
}
