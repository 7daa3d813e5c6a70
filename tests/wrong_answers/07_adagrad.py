"""Plausible wrong answers for the exercises of 07_adagrad.ipynb."""

_GOOD_EPS = (
    'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.1]), '
    '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 0.01}\n'
)
_GOOD_RESET = (
    'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([1.0]), '
    '"state_sum": np.array([3.0]), "lr": 0.1, "eps": 1e-10}\n'
)

WRONG_ANSWERS = {
    "ex07-adagrad-step": [
        (
            "ε inside the square root (Keras's placement)",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_sum = state_sum + grad**2\n"
            "    return w - lr * grad / np.sqrt(new_sum + eps), new_sum\n",
            "ε inside the square root",
        ),
        (
            "divides by the old sum (sum updated after the step)",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_w = w - lr * grad / (np.sqrt(state_sum) + eps)\n"
            "    return new_w, state_sum + grad**2\n",
            "the step divides by the old sum",
        ),
        (
            "restarts the sum every step",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_sum = grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the sum restarted at every step",
        ),
        (
            "no square root",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_sum = state_sum + grad**2\n"
            "    return w - lr * grad / (new_sum + eps), new_sum\n",
            "no square root",
        ),
        (
            "accumulates |g| instead of g²",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_sum = state_sum + np.abs(grad)\n"
            "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the sum collects |g|",
        ),
        (
            "steps uphill (+ instead of −)",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    new_sum = state_sum + grad**2\n"
            "    return w + lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the step goes the wrong way",
        ),
        (
            "changes w and state_sum in place",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"
            "    state_sum += grad**2\n"
            "    w -= lr * grad / (np.sqrt(state_sum) + eps)\n"
            "    return w, state_sum\n",
            "in place",
        ),
    ],
    "ex07-effective-lr": [
        (
            "forgets the square root",
            "def effective_lr_after(k, grad, lr):\n    return lr / (k * np.abs(grad))\n",
            "the square root is missing",
        ),
        (
            "gives the step length η/√k instead",
            "def effective_lr_after(k, grad, lr):\n    return lr / np.sqrt(k)\n",
            "|g| is missing",
        ),
        (
            "keeps the sign of g",
            "def effective_lr_after(k, grad, lr):\n    return lr / (np.sqrt(k) * grad)\n",
            "the sign of g is kept",
        ),
        (
            "counts k + 1 gradients",
            "def effective_lr_after(k, grad, lr):\n"
            "    return lr / (np.sqrt(k + 1) * np.abs(grad))\n",
            "k + 1 gradients counted",
        ),
        (
            "g² where |g| belongs",
            "def effective_lr_after(k, grad, lr):\n    return lr / (np.sqrt(k) * grad**2)\n",
            "g² where |g| belongs",
        ),
        (
            "the effective rate of plain SGD (η, unchanged)",
            "def effective_lr_after(k, grad, lr):\n    return lr + 0 * np.abs(grad)\n",
            "is not right yet",
        ),
    ],
    "ex07-catch-the-bug": [
        (
            "ε = 1e-10 as in the quick test: the ε bug stays invisible",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.5]), '
            '"state_sum": np.array([1.0]), "lr": 0.1, "eps": 1e-10}\n' + _GOOD_RESET,
            "ε inside or after the root changes the step only when ε is not tiny",
        ),
        (
            "a bigger ε, but an even bigger sum",
            'catch_eps_inside = {"w": np.array([1.0, 2.0]), "grad": np.array([1.0, -2.0]), '
            '"state_sum": np.array([100.0, 50.0]), "lr": 0.1, "eps": 1e-3}\n' + _GOOD_RESET,
            "the two steps differ by only",
        ),
        (
            "a fresh sum of 0: the reset bug stays invisible",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([2.0]), '
            '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 1e-10}\n',
            "Forgetting the old sum matters only when the old sum is not small",
        ),
        (
            "an old sum far smaller than g²",
            _GOOD_EPS
            + 'catch_sum_reset = {"w": np.array([1.0, 1.0]), "grad": np.array([1.0, 3.0]), '
            '"state_sum": np.array([1e-3, 0.01]), "lr": 0.1, "eps": 1e-10}\n',
            "the largest state_sum / g²",
        ),
        (
            "zero gradients: both steps are 0",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([0.0]), '
            '"state_sum": np.array([5.0]), "lr": 0.1, "eps": 1e-10}\n',
            "every gradient is 0",
        ),
        (
            "a negative sum of squares",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([1.0]), '
            '"state_sum": np.array([-0.99]), "lr": 0.1, "eps": 1e-10}\n' + _GOOD_RESET,
            "never negative",
        ),
        (
            "a key missing",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.1]), "lr": 0.1, '
            '"eps": 0.01}\n' + _GOOD_RESET,
            "must be a dict with the keys",
        ),
    ],
}
