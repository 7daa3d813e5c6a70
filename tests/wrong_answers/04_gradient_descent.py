"""Plausible wrong answers for the exercises of 04_gradient_descent.ipynb."""

WRONG_ANSWERS = {
    "ex04-gd-step": [
        (
            "steps uphill (+ instead of −)",
            "def gd_step(w, grad, lr):\n    return w + lr * grad\n",
        ),
        (
            "learning rate applied twice",
            "def gd_step(w, grad, lr):\n    return w - lr * lr * grad\n",
        ),
        (
            "learning rate missing",
            "def gd_step(w, grad, lr):\n    return w - grad\n",
        ),
        (
            "changes w in place",
            "def gd_step(w, grad, lr):\n    w -= lr * grad\n    return w\n",
        ),
    ],
    "ex04-gradient-descent": [
        (
            "forgets the starting point (steps iterates)",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, []\n"
            "    for _ in range(steps):\n"
            "        w = w - lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
        ),
        (
            "one step too many (steps + 2 iterates)",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, [w0]\n"
            "    for _ in range(steps + 1):\n"
            "        w = w - lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
        ),
        (
            "one step too few (range(steps - 1))",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, [w0]\n"
            "    for _ in range(steps - 1):\n"
            "        w = w - lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
        ),
        (
            "mutates w0 in place",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, [w0.copy()]\n"
            "    for _ in range(steps):\n"
            "        w -= lr * grad_fn(w)\n"
            "        iterates.append(w.copy())\n"
            "    return np.array(iterates)\n",
        ),
        (
            "appends the same array object every time",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w = w0.copy()\n"
            "    iterates = [w]\n"
            "    for _ in range(steps):\n"
            "        w -= lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
        ),
        (
            "gradient ascent",
            "def gradient_descent(grad_fn, w0, lr, steps):\n"
            "    w, iterates = w0, [w0]\n"
            "    for _ in range(steps):\n"
            "        w = w + lr * grad_fn(w)\n"
            "        iterates.append(w)\n"
            "    return np.array(iterates)\n",
        ),
    ],
    "ex04-max-stable-lr": [
        (
            "1/λ_max instead of 2/λ_max",
            "def max_stable_lr(H):\n    return 1.0 / np.linalg.eigvalsh(H).max()\n",
        ),
        (
            "uses the smallest eigenvalue",
            "def max_stable_lr(H):\n    return 2.0 / np.linalg.eigvalsh(H).min()\n",
        ),
        (
            "uses the trace",
            "def max_stable_lr(H):\n    return 2.0 / np.trace(H)\n",
        ),
        (
            "uses the largest diagonal entry",
            "def max_stable_lr(H):\n    return 2.0 / np.max(np.diag(H))\n",
        ),
    ],
}
