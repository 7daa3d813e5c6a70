"""Plausible wrong answers for the exercises of 04_gradient_descent.ipynb, with the feedback each
gets."""

_LOOP = (
    "def gradient_descent(grad_fn, w0, lr, steps):\n"
    "    w, iterates = w0, [w0]\n"
    "    for _ in range({steps}):\n"
    "        w = w {sign} lr * grad_fn(w)\n"
    "        iterates.append(w)\n"
    "    return np.array(iterates)\n"
)

WRONG_ANSWERS = {
    "ex04-gradient-descent": [
        (
            "forgets the starting point",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, []\n"
            "    for _ in range(steps):\n"
            "        w = w - lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
            "row 0 must be w0 itself",
        ),
        (
            "one step too many",
            _LOOP.format(steps="steps + 1", sign="-"),
            "one step too many",
        ),
        (
            "one step too few",
            _LOOP.format(steps="steps - 1", sign="-"),
            "one row too few",
        ),
        ("gradient ascent", _LOOP.format(steps="steps", sign="+"), "uphill"),
        (
            "updates w in place and appends the same array every time",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w = w0.copy()\n"
            "    iterates = [w]\n"
            "    for _ in range(steps):\n"
            "        w -= lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
            "every row is the same array",
        ),
        (
            "changes w0 in place",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    iterates = [w0.copy()]\n"
            "    for _ in range(steps):\n"
            "        w0 -= lr * grad_fn(w0)\n"
            "        iterates.append(w0.copy())\n"
            "    return np.array(iterates)\n",
            "changed its input arrays in place",
        ),
        (
            "returns only the last iterate",
            (
                "def gradient_descent(grad_fn, w0, lr, steps):\n"
                "    w = w0\n"
                "    for _ in range(steps):\n"
                "        w = w - lr * grad_fn(w)\n"
                "    return w\n"
            ),
            "Wrong shape",
        ),
        (
            "the gradient taken once, at w0",
            (
                "def gradient_descent(grad_fn, w0, lr, steps):\n"
                "    w, iterates, g = w0, [w0], grad_fn(w0)\n"
                "    for _ in range(steps):\n"
                "        w = w - lr * g\n"
                "        iterates.append(w)\n"
                "    return np.array(iterates)\n"
            ),
            "expected:",
        ),
        (
            "transposed result",
            (
                "def gradient_descent(grad_fn, w0, lr, steps):\n"
                "    w, iterates = w0, [w0]\n"
                "    for _ in range(steps):\n"
                "        w = w - lr * grad_fn(w)\n"
                "        iterates.append(w)\n"
                "    return np.array(iterates).T\n"
            ),
            "arranged differently",
        ),
        (
            "float32 result",
            (
                "def gradient_descent(grad_fn, w0, lr, steps):\n"
                "    w, iterates = w0, [w0]\n"
                "    for _ in range(steps):\n"
                "        w = w - lr * grad_fn(w)\n"
                "        iterates.append(w)\n"
                "    return np.array(iterates, dtype=np.float32)\n"
            ),
            "float32",
        ),
    ],
    "ex04-predict-steps": [
        (
            "the naive count ignores the steep part of the starting loss",
            "predicted_steps = int(np.ceil(np.log(1e4) / (2 * np.log(1 / 0.98))))\n"
            "measured_steps = 142\n",
            "most of it is the steep part",
        ),
        (
            "no factor 2 (distance instead of loss)",
            "ratio = 0.5 * 2.5**2 / (1e-4 * 103.125)\n"
            "predicted_steps = int(np.ceil(np.log(ratio) / np.log(1 / 0.98)))\n"
            "measured_steps = 142\n",
            "no factor 2",
        ),
        (
            "rho of the best learning rate",
            "ratio = 0.5 * 2.5**2 / (1e-4 * 103.125)\n"
            "predicted_steps = int(np.ceil(np.log(ratio) / (2 * np.log(51 / 49))))\n"
            "measured_steps = 142\n",
            "of the best rate",
        ),
        (
            "measured: counts from 1",
            "predicted_steps = 142\nmeasured_steps = 143\n",
            "counting from 1",
        ),
        (
            "measured: the last step above the target",
            "predicted_steps = 142\nmeasured_steps = 141\n",
            "the last step above the target",
        ),
        (
            "rounds down",
            (
                "ratio = 0.5 * 2.5**2 / (1e-4 * 103.125)\n"
                "predicted_steps = int(np.floor(np.log(ratio) / (2 * np.log(1 / 0.98))))\n"
                "measured_steps = 142\n"
            ),
            "rounded down",
        ),
        (
            "ln(1/rho) approximated by 1 - rho",
            (
                "ratio = 0.5 * 2.5**2 / (1e-4 * 103.125)\n"
                "predicted_steps = int(np.ceil(np.log(ratio) / (2 * 0.02)))\n"
                "measured_steps = 142\n"
            ),
            "replaced by 1 − ρ",
        ),
        (
            "log10 where the formula has ln",
            (
                "ratio = 0.5 * 2.5**2 / (1e-4 * 103.125)\n"
                "predicted_steps = int(np.ceil(np.log10(ratio) / (2 * np.log(1 / 0.98))))\n"
                "measured_steps = 142\n"
            ),
            "expected 142, got 62",
        ),
        (
            "measured: the first step strictly past the target, one late",
            "predicted_steps = 142\nmeasured_steps = 143\n",
            "counting from 1",
        ),
    ],
    "ex04-regression-kappa": [
        (
            "no column of ones for the bias",
            "def regression_kappa(X):\n"
            "    lams = np.linalg.eigvalsh(2 / len(X) * X.T @ X)\n"
            "    return lams[-1] / lams[0]\n\n\n"
            "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n",
            "column of ones for the bias is missing",
        ),
        (
            "singular values of A (square root of kappa)",
            "def regression_kappa(X):\n"
            "    s = np.linalg.svd(np.column_stack([X, np.ones(len(X))]), compute_uv=False)\n"
            "    return s[0] / s[-1]\n\n\n"
            "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n",
            "that is √κ",
        ),
        (
            "ratio of diagonal entries",
            "def regression_kappa(X):\n"
            "    A = np.column_stack([X, np.ones(len(X))])\n"
            "    d = np.diag(A.T @ A)\n"
            "    return d.max() / d.min()\n\n\n"
            "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n",
            "DIAGONAL entry",
        ),
        (
            "upside down",
            "def regression_kappa(X):\n"
            "    A = np.column_stack([X, np.ones(len(X))])\n"
            "    lams = np.linalg.eigvalsh(A.T @ A)\n"
            "    return lams[0] / lams[-1]\n\n\n"
            "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n",
            "upside down",
        ),
        (
            "the right function, the kappas in the wrong order",
            "def regression_kappa(X):\n"
            "    A = np.column_stack([X, np.ones(len(X))])\n"
            "    lams = np.linalg.eigvalsh(A.T @ A)\n"
            "    return lams[-1] / lams[0]\n\n\n"
            "kappas = [regression_kappa(X) for X in (X_std, X_scaled, X_raw)]\n",
            "kappas (raw, scaled only, standardized) is not right yet",
        ),
        (
            "np.linalg.cond of A (the square root of kappa)",
            (
                "def regression_kappa(X):\n"
                "    return np.linalg.cond(np.column_stack([X, np.ones(len(X))]))\n"
                "\n"
                "\n"
                "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n"
            ),
            "that is √κ",
        ),
        (
            "np.linalg.cond of X^T X, no bias",
            (
                "def regression_kappa(X):\n"
                "    return np.linalg.cond(X.T @ X)\n"
                "\n"
                "\n"
                "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n"
            ),
            "column of ones for the bias is missing",
        ),
        (
            "eigenvalues of A A^T instead of A^T A",
            (
                "def regression_kappa(X):\n"
                "    A = np.column_stack([X, np.ones(len(X))])\n"
                "    lams = np.linalg.eigvalsh(A @ A.T)\n"
                "    return lams[-1] / lams[0]\n"
                "\n"
                "\n"
                "kappas = [regression_kappa(X) for X in (X_raw, X_scaled, X_std)]\n"
            ),
            "expected:",
        ),
        (
            "the two-weight kappas of section 8 typed in",
            (
                "def regression_kappa(X):\n"
                "    A = np.column_stack([X, np.ones(len(X))])\n"
                "    lams = np.linalg.eigvalsh(A.T @ A)\n"
                "    return lams[-1] / lams[0]\n"
                "\n"
                "\n"
                "kappas = [3.348e4, 39.37, 3.564]\n"
            ),
            "kappas (raw, scaled only, standardized) is not right yet",
        ),
    ],
}
