"""Plausible wrong answers for the exercises of 02_loss_functions.ipynb, with the feedback each
gets."""

WRONG_ANSWERS = {
    "ex02-huber": [
        (
            "tests r instead of |r|",
            "def huber(pred, target, delta):\n"
            "    r = pred - target\n"
            "    linear = delta * (np.abs(r) - 0.5 * delta)\n"
            "    return float(np.mean(np.where(r <= delta, 0.5 * r**2, linear)))\n",
            "the condition tests r, not its size",
        ),
        (
            "no 1/2 in the quadratic piece",
            "def huber(pred, target, delta):\n"
            "    r = np.abs(pred - target)\n"
            "    return float(np.mean(np.where(r <= delta, r**2, delta * (r - 0.5 * delta))))\n",
            "the ½ is missing",
        ),
        (
            "linear piece without -delta^2/2",
            "def huber(pred, target, delta):\n"
            "    r = np.abs(pred - target)\n"
            "    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * r)))\n",
            "the linear piece lacks",
        ),
        (
            "divides by len(pred): wrong for 2-D arrays",
            "def huber(pred, target, delta):\n"
            "    r = np.abs(pred - target)\n"
            "    per_entry = np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))\n"
            "    return float(np.sum(per_entry) / len(pred))\n",
            "the number of ROWS",
        ),
        (
            "the sum, not the mean",
            "def huber(pred, target, delta):\n"
            "    r = np.abs(pred - target)\n"
            "    linear = delta * (r - 0.5 * delta)\n"
            "    return float(np.sum(np.where(r <= delta, 0.5 * r**2, linear)))\n",
            "the sum, not the mean",
        ),
        (
            "linear piece delta * (|r| - delta)",
            (
                "def huber(pred, target, delta):\n"
                "    r = pred - target\n"
                "    size = np.abs(r)\n"
                "    return float(np.mean(np.where(size <= delta, 0.5 * r**2, delta * (size -"
                " delta))))\n"
            ),
            "expected:",
        ),
        (
            "linear piece with r instead of |r|",
            (
                "def huber(pred, target, delta):\n"
                "    r = pred - target\n"
                "    size = np.abs(r)\n"
                "    return float(np.mean(np.where(size <= delta, 0.5 * r**2, delta * (r - 0.5"
                " * delta))))\n"
            ),
            "expected:",
        ),
        (
            "mean over axis 0 only",
            (
                "def huber(pred, target, delta):\n"
                "    r = pred - target\n"
                "    size = np.abs(r)\n"
                "    return np.mean(np.where(size <= delta, 0.5 * r**2, delta * (size - 0.5 *"
                " delta)), axis=0)\n"
            ),
            "Wrong shape",
        ),
        (
            "delta fixed at 1",
            (
                "def huber(pred, target, delta):\n"
                "    r = pred - target\n"
                "    size = np.abs(r)\n"
                "    return float(np.mean(np.where(size <= 1.0, 0.5 * r**2, size - 0.5)))\n"
            ),
            "expected:",
        ),
    ],
    "ex02-bce-with-logits": [
        (
            "the naive formula through p",
            "def bce_with_logits(z, y):\n"
            "    p = 1 / (1 + np.exp(-z))\n"
            "    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))\n",
            "NaN or inf",
        ),
        (
            "clips p to [1e-7, 1 - 1e-7]",
            "def bce_with_logits(z, y):\n"
            "    p = np.clip(1 / (1 + np.exp(-z)), 1e-7, 1 - 1e-7)\n"
            "    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))\n",
            "p was clipped",
        ),
        (
            "forgets max(z, 0)",
            "def bce_with_logits(z, y):\n"
            "    return float(np.mean(-z * y + np.log1p(np.exp(-np.abs(z)))))\n",
            "max(z, 0) term is missing",
        ),
        (
            "no absolute value inside exp",
            "def bce_with_logits(z, y):\n"
            "    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-z))))\n",
            "without the absolute value",
        ),
        (
            "the sum, not the mean",
            "def bce_with_logits(z, y):\n"
            "    return float(np.sum(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))\n",
            "the sum, not the mean",
        ),
        (
            "+ z y instead of - z y",
            (
                "def bce_with_logits(z, y):\n"
                "    return float(np.mean(np.maximum(z, 0) + z * y +"
                " np.log1p(np.exp(-np.abs(z)))))\n"
            ),
            "expected:",
        ),
        (
            "the labels swapped: z (1 - y)",
            (
                "def bce_with_logits(z, y):\n"
                "    return float(np.mean(np.maximum(z, 0) - z * (1 - y) +"
                " np.log1p(np.exp(-np.abs(z)))))\n"
            ),
            "expected:",
        ),
        (
            "logits clipped to [-30, 30], then the naive formula",
            (
                "def bce_with_logits(z, y):\n"
                "    p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))\n"
                "    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))\n"
            ),
            "expected:",
        ),
        (
            "the log term left out",
            "def bce_with_logits(z, y):\n    return float(np.mean(np.maximum(z, 0) - z * y))\n",
            "expected:",
        ),
    ],
    "ex02-softmax-ce": [
        (
            "the colleague's version unchanged",
            "def softmax_ce(logits, labels):\n    return colleagues_softmax_ce(logits, labels)\n",
            "NaN or inf",
        ),
        (
            "shift inside the log-sum-exp, not on the true logit",
            "def softmax_ce(logits, labels):\n"
            "    m = np.max(logits, axis=1, keepdims=True)\n"
            "    lse = np.log(np.sum(np.exp(logits - m), axis=1))\n"
            "    return float(np.mean(lse - logits[np.arange(len(labels)), labels]))\n",
            "not from the true class's logit",
        ),
        (
            "one maximum for the whole batch",
            "def softmax_ce(logits, labels):\n"
            "    shifted = logits - np.max(logits)\n"
            "    lse = np.log(np.sum(np.exp(shifted), axis=1))\n"
            "    return float(np.mean(lse - shifted[np.arange(len(labels)), labels]))\n",
            "over the whole batch",
        ),
        (
            "the sum over the batch",
            "def softmax_ce(logits, labels):\n"
            "    shifted = logits - np.max(logits, axis=1, keepdims=True)\n"
            "    lse = np.log(np.sum(np.exp(shifted), axis=1))\n"
            "    return float(np.sum(lse - shifted[np.arange(len(labels)), labels]))\n",
            "the sum over the batch",
        ),
        (
            "labels used as if they were the first class always",
            "def softmax_ce(logits, labels):\n"
            "    shifted = logits - np.max(logits, axis=1, keepdims=True)\n"
            "    lse = np.log(np.sum(np.exp(shifted), axis=1))\n"
            "    return float(np.mean(lse - shifted[:, 0]))\n",
            "softmax_ce is not right yet",
        ),
        (
            "logits[:, labels] instead of one entry per row",
            (
                "def softmax_ce(logits, labels):\n"
                "    s = logits - logits.max(axis=1, keepdims=True)\n"
                "    return float(np.mean(np.log(np.sum(np.exp(s), axis=1)) - s[:, labels]))\n"
            ),
            "picks a whole COLUMN",
        ),
        (
            "subtracts the smallest logit",
            (
                "def softmax_ce(logits, labels):\n"
                "    s = logits - logits.min(axis=1, keepdims=True)\n"
                "    return float(np.mean(np.log(np.sum(np.exp(s), axis=1)) -"
                " s[np.arange(len(labels)), labels]))\n"
            ),
            "the smallest logit was subtracted",
        ),
        (
            "log-sum-exp alone, without - z_y",
            (
                "def softmax_ce(logits, labels):\n"
                "    s = logits - logits.max(axis=1, keepdims=True)\n"
                "    return float(np.mean(np.log(np.sum(np.exp(s), axis=1))))\n"
            ),
            "expected:",
        ),
        (
            "the sign flipped",
            (
                "def softmax_ce(logits, labels):\n"
                "    s = logits - logits.max(axis=1, keepdims=True)\n"
                "    return float(np.mean(s[np.arange(len(labels)), labels] -"
                " np.log(np.sum(np.exp(s), axis=1))))\n"
            ),
            "sign is flipped",
        ),
    ],
}
