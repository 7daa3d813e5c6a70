"""Plausible wrong answers for the exercises of 07_adagrad.ipynb."""

_GOOD_EPS = (
    'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.1]), '
    '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 0.01}\n'
)
_GOOD_RESET = (
    'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([1.0]), '
    '"state_sum": np.array([3.0]), "lr": 0.1, "eps": 1e-10}\n'
)
_STEP = "def adagrad_step(w, grad, state_sum, lr, eps=1e-10):\n"

WRONG_ANSWERS = {
    "ex07-adagrad-step": [
        (
            "ε inside the square root (Keras's placement)",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return w - lr * grad / np.sqrt(new_sum + eps), new_sum\n",
            "ε inside the square root",
        ),
        (
            "divides by the old sum (sum updated after the step)",
            _STEP
            + "    new_w = w - lr * grad / (np.sqrt(state_sum) + eps)\n"
            + "    return new_w, state_sum + grad**2\n",
            "the step divides by the old sum",
        ),
        (
            "restarts the sum every step",
            _STEP
            + "    new_sum = grad**2\n"
            + "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the sum restarted at every step",
        ),
        (
            "no square root",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return w - lr * grad / (new_sum + eps), new_sum\n",
            "no square root",
        ),
        (
            "accumulates |g| instead of g²",
            _STEP
            + "    new_sum = state_sum + np.abs(grad)\n"
            + "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the sum collects |g|",
        ),
        (
            "steps uphill (+ instead of −)",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return w + lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "the step goes the wrong way",
        ),
        (
            "changes w and state_sum in place",
            _STEP
            + "    state_sum += grad**2\n"
            + "    w -= lr * grad / (np.sqrt(state_sum) + eps)\n"
            + "    return w, state_sum\n",
            "in place",
        ),
        (
            "returns the two results in the wrong order",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return new_sum, w - lr * grad / (np.sqrt(new_sum) + eps)\n",
            "the two results swapped",
        ),
        (
            "eps defaults to Adam's 1e-8 (a default the old test never used)",
            "def adagrad_step(w, grad, state_sum, lr, eps=1e-8):\n"
            "    new_sum = state_sum + grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "eps defaults to 1e-8",
        ),
        (
            "ignores the eps argument",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return w - lr * grad / (np.sqrt(new_sum) + 1e-10), new_sum\n",
            "the eps argument is ignored",
        ),
        (
            "one sum for all the weights (np.sum)",
            _STEP
            + "    new_sum = state_sum + np.sum(grad**2)\n"
            + "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "one sum shared by all weights",
        ),
        (
            "√lr where lr belongs",
            _STEP
            + "    new_sum = state_sum + grad**2\n"
            + "    return w - np.sqrt(lr) * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "times the right size",
        ),
        (
            "the sum in float32",
            _STEP
            + "    new_sum = (state_sum + grad**2).astype(np.float32)\n"
            + "    return w - lr * grad / (np.sqrt(new_sum) + eps), new_sum\n",
            "significant digits",
        ),
    ],
    "ex07-effective-lr": [
        (
            "√k left out: η / (k·|g|)",
            "def effective_lr_after(k, grad, lr):\n    return lr / (k * np.abs(grad))\n",
            "√k is missing",
        ),
        (
            "no square root at all: η / G",
            "def effective_lr_after(k, grad, lr):\n    return lr / (k * grad**2)\n",
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
            "counts k − 1 gradients (t from 0)",
            "def effective_lr_after(k, grad, lr):\n"
            "    return lr / (np.sqrt(k - 1) * np.abs(grad))\n",
            "k − 1 gradients counted",
        ),
        (
            "g² where |g| belongs",
            "def effective_lr_after(k, grad, lr):\n    return lr / (np.sqrt(k) * grad**2)\n",
            "g² where |g| belongs",
        ),
        (
            "multiplies by √G instead of dividing",
            "def effective_lr_after(k, grad, lr):\n    return lr * np.sqrt(k) * np.abs(grad)\n",
            "upside down",
        ),
        (
            "the effective rate of plain SGD (η, unchanged)",
            "def effective_lr_after(k, grad, lr):\n    return lr + 0 * np.abs(grad)\n",
            "is not right yet",
        ),
        (
            "one rate for all the weights (the largest |g|)",
            "def effective_lr_after(k, grad, lr):\n"
            "    return lr / (np.sqrt(k) * np.max(np.abs(grad)))\n",
            "expected one value per entry",
        ),
    ],
    "ex07-catch-the-bug": [
        (
            "ε = 1e-10 as in the quick test: the ε bug stays invisible",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.5]), '
            '"state_sum": np.array([1.0]), "lr": 0.1, "eps": 1e-10}\n' + _GOOD_RESET,
            "They part only when ε is not tiny next to G + g²",
        ),
        (
            "a bigger ε, but an even bigger sum",
            'catch_eps_inside = {"w": np.array([1.0, 2.0]), "grad": np.array([1.0, -2.0]), '
            '"state_sum": np.array([100.0, 50.0]), "lr": 0.1, "eps": 1e-3}\n' + _GOOD_RESET,
            "differs by only",
        ),
        (
            "ε = 1: inside or after the root, nearly the same",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.1]), '
            '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 1.0}\n' + _GOOD_RESET,
            "ε is far from 1",
        ),
        (
            "a fresh sum of 0: the reset bug stays invisible",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([2.0]), '
            '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 1e-10}\n',
            "the old sum G is not small next to g²",
        ),
        (
            "an old sum far smaller than g²",
            _GOOD_EPS
            + 'catch_sum_reset = {"w": np.array([1.0, 1.0]), "grad": np.array([1.0, 3.0]), '
            '"state_sum": np.array([1e-3, 0.01]), "lr": 0.1, "eps": 1e-10}\n',
            "a fresh G = 0 is exactly what the quick test used",
        ),
        (
            "an old sum that matters, hidden by a huge ε",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([1.0]), '
            '"state_sum": np.array([3.0]), "lr": 0.1, "eps": 10.0}\n',
            "ε is small next to both roots",
        ),
        (
            "the two catches swapped",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([1.0]), '
            '"state_sum": np.array([3.0]), "lr": 0.1, "eps": 1e-10}\n'
            'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([0.1]), '
            '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 0.01}\n',
            "catch_eps_inside: the buggy step differs by only",
        ),
        (
            "the ε catch also trips the reset bug (an old sum in it)",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([0.1]), '
            '"state_sum": np.array([0.01]), "lr": 0.1, "eps": 0.05}\n' + _GOOD_RESET,
            "catch_eps_inside also trips the other bug",
        ),
        (
            "the reset catch also trips the ε bug (an ε that is not tiny)",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([0.1]), '
            '"state_sum": np.array([0.03]), "lr": 0.1, "eps": 0.01}\n',
            "catch_sum_reset also trips the other bug",
        ),
        (
            "zero gradients: both steps are 0",
            _GOOD_EPS + 'catch_sum_reset = {"w": np.array([1.0]), "grad": np.array([0.0]), '
            '"state_sum": np.array([5.0]), "lr": 0.1, "eps": 1e-10}\n',
            "every gradient is 0",
        ),
        (
            "an infinite gradient",
            'catch_eps_inside = {"w": np.array([1.0]), "grad": np.array([np.inf]), '
            '"state_sum": np.array([0.0]), "lr": 0.1, "eps": 0.01}\n' + _GOOD_RESET,
            "use finite numbers",
        ),
        (
            "ε = 0 with a silent entry: the correct step is 0/0 there",
            'catch_eps_inside = {"w": np.array([1.0, 1.0]), "grad": np.array([0.1, 0.0]), '
            '"state_sum": np.array([0.0, 0.0]), "lr": 0.1, "eps": 0.0}\n' + _GOOD_RESET,
            "give eps > 0",
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
