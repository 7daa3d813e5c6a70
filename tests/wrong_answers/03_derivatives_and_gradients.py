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
        (
            "a backward difference",
            (
                "def numerical_gradient(f, w, h=1e-5):\n"
                "    return np.array([(f(w) - f(w - h * e)) / h for e in np.eye(w.size)])\n"
            ),
            "a backward difference",
        ),
        (
            "nudges by 2h each side",
            (
                "def numerical_gradient(f, w, h=1e-5):\n"
                "    return np.array([(f(w + 2 * h * e) - f(w - 2 * h * e)) / (2 * h) for e in"
                " np.eye(w.size)])\n"
            ),
            "nudged by ±2h",
        ),
        (
            "/ 2 * h without brackets",
            (
                "def numerical_gradient(f, w, h=1e-5):\n"
                "    return np.array([(f(w + h * e) - f(w - h * e)) / 2 * h for e in"
                " np.eye(w.size)])\n"
            ),
            "write / (2 * h)",
        ),
        (
            "ignores the argument h",
            (
                "def numerical_gradient(f, w, h=1e-5):\n"
                "    return np.array([(f(w + 1e-5 * e) - f(w - 1e-5 * e)) / 2e-5 for e in"
                " np.eye(w.size)])\n"
            ),
            "print alike",
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
        (
            "1 - z squared instead of 1 - a squared",
            (
                "def neuron_backward(x, w, b, y):\n"
                "    z = w @ x + b\n"
                "    grad_z = (1 - z**2) * 2 * (np.tanh(z) - y)\n"
                "    return x * grad_z, grad_z\n"
            ),
            "the node's OUTPUT",
        ),
        (
            "w instead of x in dL/dw",
            (
                "def neuron_backward(x, w, b, y):\n"
                "    a = np.tanh(w @ x + b)\n"
                "    grad_z = (1 - a**2) * 2 * (a - y)\n"
                "    return w * grad_z, grad_z\n"
            ),
            "the input x, not the weight w",
        ),
        (
            "forgets the 2 of e squared",
            (
                "def neuron_backward(x, w, b, y):\n"
                "    a = np.tanh(w @ x + b)\n"
                "    grad_z = (1 - a**2) * (a - y)\n"
                "    return x * grad_z, grad_z\n"
            ),
            "0.5 times the answer",
        ),
        (
            "the pair in the wrong order",
            (
                "def neuron_backward(x, w, b, y):\n"
                "    a = np.tanh(w @ x + b)\n"
                "    grad_z = (1 - a**2) * 2 * (a - y)\n"
                "    return grad_z, x * grad_z\n"
            ),
            "Wrong shape",
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
        (
            "finds b1, but the fix drops w2",
            (
                'suspect = "b1"\n'
                "\n"
                "\n"
                "def fixed_backward(params, x, y):\n"
                "    w1, b1, w2, b2 = params\n"
                "    h = np.tanh(w1 * x + b1)\n"
                "    grad_out = 2 * (w2 * h + b2 - y)\n"
                "    grad_pre = (1 - h**2) * grad_out\n"
                "    return np.array([grad_pre * x, grad_pre, grad_out * h, grad_out])\n"
            ),
            "w2 is missing",
        ),
        (
            "finds b1, but the fix uses 1 - h",
            (
                'suspect = "b1"\n'
                "\n"
                "\n"
                "def fixed_backward(params, x, y):\n"
                "    w1, b1, w2, b2 = params\n"
                "    h = np.tanh(w1 * x + b1)\n"
                "    grad_out = 2 * (w2 * h + b2 - y)\n"
                "    grad_pre = (1 - h) * w2 * grad_out\n"
                "    return np.array([grad_pre * x, grad_pre, grad_out * h, grad_out])\n"
            ),
            "1 − h was used",
        ),
        (
            "blames b2",
            (
                'suspect = "b2"\n'
                "\n"
                "\n"
                "def fixed_backward(params, x, y):\n"
                "    w1, b1, w2, b2 = params\n"
                "    h = np.tanh(w1 * x + b1)\n"
                "    grad_out = 2 * (w2 * h + b2 - y)\n"
                "    grad_pre = (1 - h**2) * w2 * grad_out\n"
                "    return np.array([grad_pre * x, grad_pre, grad_out * h, grad_out])\n"
            ),
            "b2's entry agrees",
        ),
        (
            "finds b1, but 'fixes' w2's entry too",
            (
                'suspect = "b1"\n'
                "\n"
                "\n"
                "def fixed_backward(params, x, y):\n"
                "    w1, b1, w2, b2 = params\n"
                "    h = np.tanh(w1 * x + b1)\n"
                "    grad_out = 2 * (w2 * h + b2 - y)\n"
                "    grad_pre = (1 - h**2) * w2 * grad_out\n"
                "    return np.array([grad_pre * x, grad_pre, grad_out * w2, grad_out])\n"
            ),
            "expected:",
        ),
    ],
}
