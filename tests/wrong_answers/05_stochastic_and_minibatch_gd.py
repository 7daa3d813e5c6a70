"""Plausible wrong answers for the exercises of 05_stochastic_and_minibatch_gd.ipynb."""

WRONG_ANSWERS = {
    "ex05-epoch-batches": [
        (
            "drops the last, smaller batch",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.permutation(n)\n"
            "    last_start = n - batch_size + 1\n"
            "    return [order[i : i + batch_size] for i in range(0, last_start, batch_size)]\n",
            "the last, smaller batch is dropped",
        ),
        (
            "does not shuffle",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = np.arange(n)\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
            "the rows are not shuffled",
        ),
        (
            "a new permutation for every batch",
            "def epoch_batches(n, batch_size, rng):\n"
            "    return [rng.permutation(n)[:batch_size] for i in range(0, n, batch_size)]\n",
            "a new permutation for each batch",
        ),
        (
            "indices drawn with replacement",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.integers(0, n, size=n)\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
            "with replacement",
        ),
        (
            "np.array_split into ceil(n / B) pieces (sizes spread evenly, not B, B, ..., rest)",
            "def epoch_batches(n, batch_size, rng):\n"
            "    return np.array_split(rng.permutation(n), -(-n // batch_size))\n",
        ),
        (
            "indices counted from 1",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.permutation(n) + 1\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
        ),
        (
            "np.random.permutation (the global generator) instead of the rng passed in",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = np.random.permutation(n)\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
        ),
        (
            "the loop stops at n - 1, losing a last batch of one row",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.permutation(n)\n"
            "    return [order[i : i + batch_size] for i in range(0, n - 1, batch_size)]\n",
            "epoch_batches (the number of batches) is not right yet",
        ),
        (
            "the slice end does not move with its start",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.permutation(n)\n"
            "    return [order[i:batch_size] for i in range(0, n, batch_size)]\n",
            "epoch_batches (the size of each batch) is not right yet",
        ),
        (
            "rng.choice(n, n, replace=False) instead of rng.permutation(n)",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = rng.choice(n, n, replace=False)\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
            "rng.choice(n, n, replace=False) shuffles too",
        ),
        (
            "the last batch filled up to batch_size with rows from the start",
            "def epoch_batches(n, batch_size, rng):\n"
            "    order = np.concatenate([rng.permutation(n)] * 2)\n"
            "    return [order[i : i + batch_size] for i in range(0, n, batch_size)]\n",
            "epoch_batches (the size of each batch) is not right yet",
        ),
    ],
    "ex05-predicted-variance": [
        (
            "the 1/B law without the finite-population factor",
            "def predicted_variance(var_one, batch_size, n):\n    return var_one / batch_size\n",
            "without the finite-population factor",
        ),
        (
            "factor (n - B) / n",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one / batch_size * (n - batch_size) / n\n",
            "the factor (n − B)/n instead of (n − B)/(n − 1)",
        ),
        (
            "1/sqrt(B), the law of the standard deviation",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one / np.sqrt(batch_size) * (n - batch_size) / (n - 1)\n",
            "1/√B",
        ),
        (
            "multiplies by B",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one * batch_size * (n - batch_size) / (n - 1)\n",
        ),
        (
            "floor division",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one / batch_size * (n - batch_size) // (n - 1)\n",
        ),
        (
            "reads the measurement of section 4 instead of its argument",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return measured[0] / batch_size * (n - batch_size) / (n - 1)\n",
        ),
        (
            "var_one * (1/B - 1/n), the textbook form that needs the (n - 1) variance",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one * (1 / batch_size - 1 / n)\n",
            "the factor (n − B)/n instead of (n − B)/(n − 1)",
        ),
        (
            "the finite-population factor without the 1/B",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return var_one * (n - batch_size) / (n - 1)\n",
        ),
        (
            "reads sigma2 of section 4 instead of its argument var_one",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return sigma2 / batch_size * (n - batch_size) / (n - 1)\n",
        ),
        (
            "rounded to 4 decimals",
            "def predicted_variance(var_one, batch_size, n):\n"
            "    return np.round(var_one / batch_size * (n - batch_size) / (n - 1), 4)\n",
        ),
    ],
    "ex05-smallest-batch": [
        (
            "the 1/B law alone",
            "def smallest_batch(n, noise_ratio):\n    return int(np.ceil(1 / noise_ratio**2))\n",
            "the 1/B law alone",
        ),
        (
            "noise_ratio taken as a ratio of variances",
            "def smallest_batch(n, noise_ratio):\n"
            "    return int(np.ceil(n / (1 + noise_ratio * (n - 1))))\n",
            "ratio of variances",
        ),
        (
            "factor (n - B) / n",
            "def smallest_batch(n, noise_ratio):\n"
            "    return int(np.ceil(n / (1 + noise_ratio**2 * n)))\n",
            "the factor (n − B)/n",
        ),
        (
            "rounded down",
            "def smallest_batch(n, noise_ratio):\n"
            "    return int(np.floor(n / (1 + noise_ratio**2 * (n - 1))))\n",
            "rounded down",
        ),
        (
            "a search that returns one past the answer",
            "def smallest_batch(n, noise_ratio):\n"
            "    B = 1\n"
            "    while (n - B) / (B * (n - 1)) > noise_ratio**2:\n"
            "        B += 1\n"
            "    return B + 1\n",
        ),
        (
            "round() instead of rounding up",
            "def smallest_batch(n, noise_ratio):\n"
            "    return int(round(n / (1 + noise_ratio**2 * (n - 1))))\n",
        ),
        (
            "returns the float that np.ceil gives",
            "def smallest_batch(n, noise_ratio):\n"
            "    return np.ceil(n / (1 + noise_ratio**2 * (n - 1)) - 1e-9)\n",
            "wrap the result in int(...)",
        ),
        (
            "the 1/B law, capped at n",
            "def smallest_batch(n, noise_ratio):\n"
            "    return min(n, int(np.ceil(1 / noise_ratio**2)))\n",
        ),
        (
            "a search that returns the last batch that is still too noisy",
            "def smallest_batch(n, noise_ratio):\n"
            "    B = 1\n"
            "    while (n - (B + 1)) / ((B + 1) * (n - 1)) > noise_ratio**2:\n"
            "        B += 1\n"
            "    return B\n",
            "rounded down",
        ),
    ],
    "ex05-fixed-sgd": [
        (
            "buggy_sgd unchanged (both bugs)",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    return buggy_sgd(w, b, X, y, lr, batch_size, epochs, rng)\n",
            "what happens at the start of each epoch",
        ),
        (
            "reshuffles, but still divides by batch_size",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / batch_size\n"
            "            b = b - lr * 2 * residual.sum() / batch_size\n"
            "    return w, b\n",
            "look at what its gradient is divided by",
        ),
        (
            "divides by the batch's size, but shuffles only once",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    order = rng.permutation(n)\n"
            "    for _ in range(epochs):\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
            "what happens at the start of each epoch",
        ),
        (
            "drops the last partial batch instead of dividing it right",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n - batch_size + 1, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / batch_size\n"
            "            b = b - lr * 2 * residual.sum() / batch_size\n"
            "    return w, b\n",
        ),
        (
            "divides by n, the size of the whole data set",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / n\n"
            "            b = b - lr * 2 * residual.sum() / n\n"
            "    return w, b\n",
        ),
        (
            "a fresh generator per epoch instead of the rng passed in",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for epoch in range(epochs):\n"
            "        order = np.random.default_rng(epoch).permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "the factor 2 of the squared error forgotten",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "b updated with a residual recomputed after the w update",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "a new permutation for every batch",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        for first in range(0, n, batch_size):\n"
            "            order = rng.permutation(n)\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "the bias is never updated",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "X and y shuffled in place, each on its own",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        rng.shuffle(X)\n"
            "        rng.shuffle(y)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = np.arange(first, min(first + batch_size, n))\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "the sum of the batch's gradients, not their mean",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual\n"
            "            b = b - lr * 2 * residual.sum()\n"
            "    return w, b\n",
        ),
        (
            "np.random.permutation (the global generator) instead of rng",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = np.random.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b - lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
        (
            "b returned as a plain float instead of an array of shape (1,)",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w - lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = float(np.squeeze(b - lr * 2 * residual.sum() / len(rows)))\n"
            "    return w, b\n",
            "Wrong shape: expected (1,), got ()",
        ),
        (
            "the step goes up the gradient (+ instead of -)",
            "def sgd_linear(w, b, X, y, lr, batch_size, epochs, rng):\n"
            "    n = len(y)\n"
            "    for _ in range(epochs):\n"
            "        order = rng.permutation(n)\n"
            "        for first in range(0, n, batch_size):\n"
            "            rows = order[first : first + batch_size]\n"
            "            residual = X[rows] @ w + b - y[rows]\n"
            "            w = w + lr * 2 * X[rows].T @ residual / len(rows)\n"
            "            b = b + lr * 2 * residual.sum() / len(rows)\n"
            "    return w, b\n",
        ),
    ],
}
