"""Plausible wrong answers for the exercises of 03_derivatives_and_gradients.ipynb."""

WRONG_ANSWERS = {
    "ex03-central-difference": [
        (
            "forward difference instead of central",
            "def central_difference(f, x, h):\n    return (f(x + h) - f(x)) / h\n",
        ),
        (
            "divides by h instead of 2h",
            "def central_difference(f, x, h):\n    return (f(x + h) - f(x - h)) / h\n",
        ),
        (
            "subtraction the wrong way round",
            "def central_difference(f, x, h):\n    return (f(x - h) - f(x + h)) / (2 * h)\n",
        ),
    ],
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
        ),
        (
            "divides by h instead of 2h",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros_like(w)\n"
            "    for i in range(w.size):\n"
            "        old = w[i]\n"
            "        w[i] = old + h\n"
            "        f_plus = f(w)\n"
            "        w[i] = old - h\n"
            "        f_minus = f(w)\n"
            "        w[i] = old\n"
            "        grad[i] = (f_plus - f_minus) / h\n"
            "    return grad\n",
        ),
        (
            "does not restore w after nudging it",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    grad = np.zeros_like(w)\n"
            "    for i in range(w.size):\n"
            "        w[i] += h\n"
            "        f_plus = f(w)\n"
            "        w[i] -= 2 * h\n"
            "        f_minus = f(w)\n"
            "        grad[i] = (f_plus - f_minus) / (2 * h)\n"
            "    return grad\n",
        ),
        (
            "shifts all coordinates together",
            "def numerical_gradient(f, w, h=1e-5):\n"
            "    slope = (f(w + h) - f(w - h)) / (2 * h)\n"
            "    return np.full_like(w, slope)\n",
        ),
    ],
    "ex03-backward": [
        (
            "missing the tanh' factor",
            "def backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = 2 * (a - y)\n"
            "    return x * grad_z, grad_z\n",
        ),
        (
            "sign flip: (y - a) instead of (a - y)",
            "def backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = (1 - a**2) * 2 * (y - a)\n"
            "    return x * grad_z, grad_z\n",
        ),
        (
            "forgets the 2 of e squared",
            "def backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = (1 - a**2) * (a - y)\n"
            "    return x * grad_z, grad_z\n",
        ),
        (
            "sigmoid's derivative a(1 - a) instead of tanh's 1 - a^2",
            "def backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = a * (1 - a) * 2 * (a - y)\n"
            "    return x * grad_z, grad_z\n",
        ),
        (
            "forgets the bias gradient (returns 0 for it)",
            "def backward(x, w, b, y):\n"
            "    a = np.tanh(w @ x + b)\n"
            "    grad_z = (1 - a**2) * 2 * (a - y)\n"
            "    return x * grad_z, 0.0\n",
        ),
    ],
}
