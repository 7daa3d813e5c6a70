"""Plausible wrong answers for the exercises of 06_momentum.ipynb."""

WRONG_ANSWERS = {
    "ex06-ewa-weights": [
        (
            "newest value first",
            "def ewa_weights(beta, t):\n    return (1 - beta) * beta ** np.arange(t)\n",
            "the newest value comes first",
        ),
        (
            "forgets the factor (1 − β)",
            "def ewa_weights(beta, t):\n    return beta ** np.arange(t - 1, -1, -1)\n",
            "the factor (1 − β) is missing",
        ),
        (
            "normalizes the weights to sum to 1",
            "def ewa_weights(beta, t):\n"
            "    c = (1 - beta) * beta ** np.arange(t - 1, -1, -1)\n"
            "    return c / c.sum()\n",
            "rescaled to add up to 1",
        ),
        (
            "counts ages from 1 (every power one too high)",
            "def ewa_weights(beta, t):\n    return (1 - beta) * beta ** np.arange(t, 0, -1)\n",
            "every power of β is one too high",
        ),
        (
            "starts the average at the first value (v_1 = x_1), like a buffer without dampening",
            "def ewa_weights(beta, t):\n"
            "    c = (1 - beta) * beta ** np.arange(t - 1, -1, -1)\n"
            "    c[0] = beta ** (t - 1)\n"
            "    return c\n",
            "starts at the first value",
        ),
        (
            "one weight too many (includes v_0)",
            "def ewa_weights(beta, t):\n    return (1 - beta) * beta ** np.arange(t, -1, -1)\n",
            "it returns t + 1 weights",
        ),
        (
            "the weights of a plain mean, 1/t each",
            "def ewa_weights(beta, t):\n    return np.full(t, 1 / t)\n",
            "ewa_weights is not right yet",
        ),
        (
            "the roles of β and 1 − β swapped",
            "def ewa_weights(beta, t):\n    return beta * (1 - beta) ** np.arange(t - 1, -1, -1)\n",
            "ewa_weights is not right yet",
        ),
        (
            "one weight too few (ages t − 1 … 1)",
            "def ewa_weights(beta, t):\n    return (1 - beta) * beta ** np.arange(t - 1, 0, -1)\n",
            "ewa_weights is not right yet",
        ),
        (
            "the running totals 1 − β^k instead of the weights",
            "def ewa_weights(beta, t):\n    return 1 - beta ** np.arange(1, t + 1)\n",
            "ewa_weights is not right yet",
        ),
    ],
    "ex06-fixed-step": [
        (
            "only the learning rate fixed: the first step still dampens (dampening on step 1)",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    if buf is None:\n"
            "        buf = np.zeros_like(w)\n"
            "    buf = momentum * buf + (1 - dampening) * grad\n"
            "    return w - lr * buf, buf\n",
            "the first step still dampens the gradient",
        ),
        (
            "only the first step fixed: η still applied twice",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    if buf is None:\n"
            "        buf = grad.copy()\n"
            "    else:\n"
            "        buf = momentum * buf + (1 - dampening) * lr * grad\n"
            "    return w - lr * buf, buf\n",
            "the learning rate is applied twice",
        ),
        (
            "momentum sign flip: steps uphill",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + (1 - dampening) * grad\n"
            "    return w + lr * buf, buf\n",
            "the step goes uphill",
        ),
        (
            "the colleague's step unchanged",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    return suspect_step(w, grad, buf, lr, momentum, dampening)\n",
            "still the colleague's step",
        ),
        (
            "steps along the gradient instead of the buffer",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + (1 - dampening) * grad\n"
            "    return w - lr * grad, buf\n",
            "steps along the gradient",
        ),
        (
            "uses (1 − momentum) where torch has (1 − dampening)",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + (1 - momentum) * grad\n"
            "    return w - lr * buf, buf\n",
            "scales the new gradient by (1 − momentum)",
        ),
        (
            "updates the buffer in place",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    if buf is None:\n"
            "        buf = grad.copy()\n"
            "    else:\n"
            "        buf *= momentum\n"
            "        buf += (1 - dampening) * grad\n"
            "    return w - lr * buf, buf\n",
            "changed its input arrays in place",
        ),
        (
            "Nesterov's step by accident (g + μ·buf)",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + (1 - dampening) * grad\n"
            "    return w - lr * (grad + momentum * buf), buf\n",
            "that is Nesterov's step",
        ),
        (
            "returns the old buffer",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    new = grad.copy() if buf is None else momentum * buf + (1 - dampening) * grad\n"
            "    return w - lr * new, buf\n",
            "must return (new_w, new_buf), a new buffer; got (array",
        ),
        (
            "returns only the weights",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + (1 - dampening) * grad\n"
            "    return w - lr * buf\n",
            "must return (new_w, new_buf)",
        ),
        (
            "calls optim.SGD instead of writing the step",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    opt = optim.SGD(lr=lr, momentum=momentum, dampening=dampening)\n"
            "    state = opt.init(w) if buf is None else optim.SGDState(\n"
            "        step=1, momentum_buffer=buf\n"
            "    )\n"
            "    new_w, state = opt.step(w, grad, state)\n"
            "    return new_w, state.momentum_buffer\n",
            "fixed_step calls optim.SGD",
        ),
        (
            "ignores dampening altogether",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else momentum * buf + grad\n"
            "    return w - lr * buf, buf\n",
            "dampening is ignored",
        ),
        (
            "dampens the old buffer instead of the new gradient",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    buf = grad.copy() if buf is None else (1 - dampening) * momentum * buf + grad\n"
            "    return w - lr * buf, buf\n",
            "fixed_step (the new weights) is not right yet",
        ),
        (
            "CS231n-style buffer (η inside, w − buf)",
            "def fixed_step(w, grad, buf, lr, momentum, dampening):\n"
            "    if buf is None:\n"
            "        buf = lr * grad\n"
            "    else:\n"
            "        buf = momentum * buf + (1 - dampening) * lr * grad\n"
            "    return w - buf, buf\n",
            "not right yet",
        ),
    ],
    "ex06-lr-limit": [
        (
            "plain gradient descent's limit (forgot the momentum)",
            "def momentum_lr_limit(H, momentum):\n    return 2 / np.linalg.eigvalsh(H).max()\n",
            "plain gradient descent's limit",
        ),
        (
            "the largest diagonal entry instead of the largest eigenvalue",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 * (1 + momentum) / np.max(np.diag(H))\n",
            "not the largest eigenvalue",
        ),
        (
            "the smallest eigenvalue",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 * (1 + momentum) / np.linalg.eigvalsh(H).min()\n",
            "the smallest eigenvalue sets no limit",
        ),
        (
            "the 'effective learning rate' intuition: 2(1 − β)/λ_max",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 * (1 - momentum) / np.linalg.eigvalsh(H).max()\n",
            "effective step",
        ),
        (
            "factor 2 missing",
            "def momentum_lr_limit(H, momentum):\n"
            "    return (1 + momentum) / np.linalg.eigvalsh(H).max()\n",
            "a factor 2 is missing",
        ),
        (
            "the square root of the largest eigenvalue",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 * (1 + momentum) / np.sqrt(np.linalg.eigvalsh(H).max())\n",
        ),
        (
            "Polyak's tuned rate of section 3",
            "def momentum_lr_limit(H, momentum):\n"
            "    lam = np.linalg.eigvalsh(H)\n"
            "    return 4 / (np.sqrt(lam.min()) + np.sqrt(lam.max())) ** 2\n",
            "Polyak's tuned rate",
        ),
        (
            "the Frobenius norm in place of the largest eigenvalue",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 * (1 + momentum) / np.linalg.norm(H)\n",
            "the Frobenius norm of H",
        ),
        (
            "the trace in place of the largest eigenvalue",
            "def momentum_lr_limit(H, momentum):\n    return 2 * (1 + momentum) / np.trace(H)\n",
            "is not right",
        ),
        (
            "the 'effective step' the other way: 2/((1 − β) λ_max)",
            "def momentum_lr_limit(H, momentum):\n"
            "    return 2 / ((1 - momentum) * np.linalg.eigvalsh(H).max())\n",
            "is not right",
        ),
    ],
    "ex06-to-torch-lr": [
        (
            "divides by (1 − β): converts the wrong way",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return lr / (1 - beta) if convention == 'course' else lr\n",
            "converts torch → course",
        ),
        (
            "multiplies by β instead of (1 − β)",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return lr * beta if convention == 'course' else lr\n",
            "multiplied by β instead of (1 − β)",
        ),
        (
            "rescales CS231n's rate too",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return lr if convention == 'torch' else lr * (1 - beta)\n",
            "only the course style averages",
        ),
        (
            "never rescales",
            "def to_torch_lr(lr, beta, convention):\n    return lr\n",
            "so torch needs a smaller rate",
        ),
        (
            "treats torch's own rate as course style",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return lr if convention == 'cs231n' else lr * (1 - beta)\n",
            "as if it were course style",
        ),
        (
            "a negative rate for CS231n (the minus sign of its velocity)",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return {'course': lr * (1 - beta), 'cs231n': -lr}.get(convention, lr)\n",
            "a learning rate is positive",
        ),
        (
            "forgets the torch case (returns None)",
            "def to_torch_lr(lr, beta, convention):\n"
            "    if convention == 'course':\n"
            "        return lr * (1 - beta)\n"
            "    if convention == 'cs231n':\n"
            "        return lr\n",
            "to_torch_lr(0.01, 0.9, 'torch')",
        ),
        (
            "divides by (1 + β)",
            "def to_torch_lr(lr, beta, convention):\n"
            "    return lr / (1 + beta) if convention == 'course' else lr\n",
            "to_torch_lr(0.5, 0.9, 'course')",
        ),
        (
            "rescales every convention, torch too",
            "def to_torch_lr(lr, beta, convention):\n    return lr * (1 - beta)\n",
            "only the course style averages",
        ),
    ],
}
