"""Plausible wrong answers for the exercises of 03_derivatives_and_gradients.ipynb, with the
feedback each gets."""

WRONG_ANSWERS = {
    "ex03-numerical-gradient": [
        (
            "forward difference instead of central",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros_like(w)\n"
            "    for i in range(w.size):\n"
            "        old = w[i]\n"
            "        f_old = f(w)\n"
            "        w[i] = old + h\n"
            "        grad[i] = (f(w) - f_old) / h\n"
            "        w[i] = old\n"
            "    return grad\n",
            "a forward difference",
        ),
        (
            "divides by h instead of 2h",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros_like(w)\n"
            "    for i in range(w.size):\n"
            "        e = np.zeros_like(w)\n"
            "        e[i] = h\n"
            "        grad[i] = (f(w + e) - f(w - e)) / h\n"
            "    return grad\n",
            "divided by h instead of 2h",
        ),
        (
            "nudges every coordinate at once",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    return np.full(w.shape, (f(w + h) - f(w - h)) / (2 * h))\n",
            "every coordinate nudged at once",
        ),
        (
            "forgets to restore w[i]",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros_like(w)\n"
            "    for i in range(w.size):\n"
            "        old = w[i]\n"
            "        w[i] = old + h\n"
            "        f_plus = f(w)\n"
            "        w[i] = old - h\n"
            "        grad[i] = (f_plus - f(w)) / (2 * h)\n"
            "    return grad\n",
            "was not put back after its nudge",
        ),
        (
            "integer array for the result",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros(w.size, dtype=int)\n"
            "    for i in range(w.size):\n"
            "        e = np.zeros_like(w)\n"
            "        e[i] = h\n"
            "        grad[i] = (f(w + e) - f(w - e)) / (2 * h)\n"
            "    return grad\n",
            "expected:",
        ),
    ],
    "ex03-neuron-backward": [
        (
            "the sigmoid's local derivative",
            "def neuron_backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = a * (1 - a) * 2 * (a - y)\n"
            "    return x * grad_z, grad_z\n",
            "the sigmoid's local derivative",
        ),
        (
            "no local derivative",
            "def neuron_backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = 2 * (a - y)\n"
            "    return x * grad_z, grad_z\n",
            "local derivative of tanh is missing",
        ),
        (
            "1 - a instead of 1 - a squared",
            "def neuron_backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = (1 - a) * 2 * (a - y)\n"
            "    return x * grad_z, grad_z\n",
            "1 − a was used",
        ),
        (
            "the residual the wrong way round",
            "def neuron_backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = (1 - a**2) * 2 * (y - a)\n"
            "    return x * grad_z, grad_z\n",
            "the sign is flipped",
        ),
        (
            "returns only grad_w",
            "def neuron_backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    return x * (1 - a**2) * 2 * (a - y)\n",
            "Expected 2 values",
        ),
    ],
    "ex03-find-the-bug": [
        (
            "blames w2",
            'suspect = "w2"\n\n\n'
            "def fixed_backward(params, x, y):\n"
            "    return colleagues_backward(params, x, y)\n",
            "w2's entry agrees",
        ),
        (
            "blames w1",
            'suspect = "w1"\n\n\n'
            "def fixed_backward(params, x, y):\n"
            "    return colleagues_backward(params, x, y)\n",
            "w1's entry agrees",
        ),
        (
            "finds b1 but leaves the code unchanged",
            'suspect = "b1"\n\n\n'
            "def fixed_backward(params, x, y):\n"
            "    return colleagues_backward(params, x, y)\n",
            "the colleague's version, unchanged",
        ),
        (
            "finds b1 but 'fixes' it with the input x, like w1",
            'suspect = "b1"\n\n\n'
            "def fixed_backward(params, x, y):\n"
            "    g = colleagues_backward(params, x, y)\n"
            "    g[1] = g[0]\n"
            "    return g\n",
            "fixed_backward is not right yet",
        ),
        (
            "a name that is not a parameter",
            'suspect = "h"\n\n\n'
            "def fixed_backward(params, x, y):\n"
            "    return colleagues_backward(params, x, y)\n",
            "name one of",
        ),
    ],
}
