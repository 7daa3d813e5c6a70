"""Plausible wrong answers for the exercises of 10_optimizer_showdown.ipynb."""

_FIRST_UPDATE = """def first_update(name, grad, lr):
    if name == "Momentum":
        return {momentum}
    if name == "Nesterov":
        return {nesterov}
    if name == "RMSProp":
        return {rmsprop}
    if name == "Adam":
        return {adam}
    raise ValueError(name)
"""
_RIGHT = {
    "momentum": "-lr * grad",
    "nesterov": "-lr * 1.9 * grad",
    "rmsprop": "-lr * grad / (0.1 * np.abs(grad) + 1e-8)",
    "adam": "-lr * grad / (np.abs(grad) + 1e-8)",
}


def _first_update(**wrong):
    return _FIRST_UPDATE.format(**{**_RIGHT, **wrong})


_SAFE = """def safe_choice(lrs, final_losses):
    losses = np.asarray(final_losses, dtype=float)
    score = {score}
    pair = {pair}
    if np.all(np.isinf(pair)):
        return 0
    return {pick}
"""
_SAFE_RIGHT = {
    "score": "np.where(np.isfinite(losses), np.maximum(losses, 1e-12), np.inf)",
    "pair": "np.maximum(score[:-1], score[1:])",
    "pick": "len(pair) - 1 - int(np.argmin(pair[::-1]))",
}


def _safe(**wrong):
    return _SAFE.format(**{**_SAFE_RIGHT, **wrong})


WRONG_ANSWERS = {
    "ex10-first-update": [
        (
            "momentum's buffer started as an average, 0.1 g",
            _first_update(momentum="-0.1 * lr * grad"),
            "momentum's buffer started as an average",
        ),
        (
            "Nesterov without the extra 0.9 b term",
            _first_update(nesterov="-lr * grad"),
            "Nesterov without its extra 0.9·b term",
        ),
        (
            "RMSProp with Adam's bias correction",
            _first_update(rmsprop="-lr * grad / (np.abs(grad) + 1e-8)"),
            "RMSProp treated like Adam",
        ),
        (
            "RMSProp with eps inside the square root",
            _first_update(rmsprop="-lr * grad / np.sqrt(0.01 * grad**2 + 1e-8)"),
            "ε inside the square root (torch adds it after)",
        ),
        (
            "Adam without bias correction",
            _first_update(adam="-lr * 0.1 * grad / (np.sqrt(0.001 * grad**2) + 1e-8)"),
            "Adam without bias correction",
        ),
        (
            "Adam with eps inside the square root",
            _first_update(adam="-lr * grad / np.sqrt(grad**2 + 1e-8)"),
            "Adam with ε inside the square root",
        ),
        (
            "the step uphill (the sign of every update flipped)",
            _first_update(
                momentum="lr * grad",
                nesterov="lr * 1.9 * grad",
                rmsprop="lr * grad / (0.1 * np.abs(grad) + 1e-8)",
                adam="lr * grad / (np.abs(grad) + 1e-8)",
            ),
            "the sign is flipped",
        ),
        (
            "returns w after the step from w = grad, not the change",
            _first_update(momentum="grad - lr * grad"),
        ),
        (
            "the buffer set to g, then updated once more on step 1 (b = 1.9 g)",
            _first_update(momentum="-1.9 * lr * grad", nesterov="-(1 + 0.9 * 1.9) * lr * grad"),
            "the buffer set to g, then updated on the same step",
        ),
        (
            "Adam with only m corrected",
            _first_update(adam="-lr * grad / (np.sqrt(0.001 * grad**2) + 1e-8)"),
            "Adam with only m corrected",
        ),
        (
            "Adam with only s corrected",
            _first_update(adam="-lr * 0.1 * grad / (np.abs(grad) + 1e-8)"),
            "Adam with only s corrected",
        ),
        (
            "Adam's step approximated as -lr * sign(g) (eps dropped)",
            _first_update(adam="-lr * np.sign(grad)"),
            "that drops ε",
        ),
        (
            "RMSProp's step approximated as -10 lr sign(g) (eps dropped)",
            _first_update(rmsprop="-10 * lr * np.sign(grad)"),
            "RMSProp's step as −10·lr·sign(g)",
        ),
        (
            "RMSProp with Adagrad's eps (1e-10)",
            _first_update(rmsprop="-lr * grad / (0.1 * np.abs(grad) + 1e-10)"),
            "that is Adagrad's",
        ),
        (
            "the answer flattened to 1-D",
            _first_update(
                momentum="np.ravel(-lr * grad)",
                nesterov="np.ravel(-lr * 1.9 * grad)",
                rmsprop="np.ravel(-lr * grad / (0.1 * np.abs(grad) + 1e-8))",
                adam="np.ravel(-lr * grad / (np.abs(grad) + 1e-8))",
            ),
            "Wrong shape",
        ),
    ],
    "ex10-safe-choice": [
        (
            "the plain lowest loss, no safety margin",
            _safe(pair="score", pick="len(score) - 1 - int(np.argmin(score[::-1]))"),
            "no safety margin",
        ),
        (
            "the neighbour below instead of the next larger rate",
            _safe(pick="len(pair) - int(np.argmin(pair[::-1]))"),
            "the neighbour below",
        ),
        (
            "ties go to the smaller rate",
            _safe(pick="int(np.argmin(pair))"),
            "ties go to the smaller",
        ),
        (
            "losses below 1e-12 not floored",
            _safe(score="np.where(np.isfinite(losses), losses, np.inf)"),
            "not counted as 1e-12",
        ),
        (
            "NaN losses not treated as diverged",
            _safe(score="np.maximum(losses, 1e-12)"),
            "a NaN loss not treated as diverged",
        ),
        (
            "the largest rate may be picked (paired with itself)",
            _safe(pair="np.maximum(score, np.append(score[1:], score[-1]))"),
            "the largest rate allowed",
        ),
        (
            "every score infinite: no special case",
            "def safe_choice(lrs, final_losses):\n"
            "    losses = np.asarray(final_losses, dtype=float)\n"
            "    score = np.where(np.isfinite(losses), np.maximum(losses, 1e-12), np.inf)\n"
            "    pair = np.maximum(score[:-1], score[1:])\n"
            "    return len(pair) - 1 - int(np.argmin(pair[::-1]))\n",
            "every score is infinite",
        ),
        (
            "returns the rate, not its index",
            _safe(pick="lrs[len(pair) - 1 - int(np.argmin(pair[::-1]))]"),
            "returns the rate itself",
        ),
        (
            "the mean of the two losses instead of the worse",
            _safe(pair="(score[:-1] + score[1:]) / 2"),
            "the mean of the two losses",
        ),
        (
            "the worse of three: the smaller neighbour counted too",
            _safe(
                pair="np.maximum(np.maximum(score[:-1], score[1:]), "
                "np.append(score[0], score[:-2]))"
            ),
            "the worse of three",
        ),
        (
            "the reversed index: ties handled by reversing, but the index not mapped back",
            _safe(pick="int(np.argmin(pair[::-1]))"),
        ),
    ],
    "ex10-adagrad-rates": [
        (
            "G_(t-1): the sum before the step's own g²",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (np.sqrt(trajectory.stack('sum')[:-1]) + eps)\n",
            "G before step t added its own g²",
        ),
        (
            "every state, G_0 included (one row too many)",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (np.sqrt(trajectory.stack('sum')) + eps)\n",
            "one row too many",
        ),
        (
            "eps inside the square root",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / np.sqrt(trajectory.stack('sum')[1:] + eps)\n",
            "ε inside the square root",
        ),
        (
            "eps ignored: a fixed 1e-10",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (np.sqrt(trajectory.stack('sum')[1:]) + 1e-10)\n",
            "eps ignored",
        ),
        (
            "the mean of the squared gradients instead of their sum",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    G = trajectory.stack('sum')[1:]\n"
            "    t = np.arange(1, len(G) + 1).reshape(-1, *[1] * (G.ndim - 1))\n"
            "    return lr / (np.sqrt(G / t) + eps)\n",
        ),
        (
            "the gradients of steps 2..n+1 (off by one)",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (np.sqrt(np.cumsum(trajectory.grads[1:] ** 2, axis=0)) + eps)\n",
        ),
        (
            "one rate per step for all entries (summed over the entries)",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    G = trajectory.stack('sum')[1:]\n"
            "    total = G.reshape(len(G), -1).sum(axis=1).reshape(-1, *[1] * (G.ndim - 1))\n"
            "    return lr / (np.sqrt(total) + eps) * np.ones_like(G)\n",
        ),
        (
            "no square root",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (trajectory.stack('sum')[1:] + eps)\n",
        ),
        (
            "the learning rate left out",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return 1 / (np.sqrt(trajectory.stack('sum')[1:]) + eps)\n",
        ),
        (
            "the sum of the first t gradients, not of their squares",
            "def adagrad_rates(trajectory, lr, eps=1e-10):\n"
            "    return lr / (np.abs(np.cumsum(trajectory.grads[:-1], axis=0)) + eps)\n",
        ),
    ],
    "ex10-escape-start": [
        ("starts in the local minimum itself", "x_start = -1.0\n", "does not reach the hump"),
        ("starts just left of the hump", "x_start = -0.2\n", "does not reach the hump"),
        ("starts right of the hump", "x_start = 0.5\n", "plain SGD ends at 2.000"),
        ("starts exactly on the hump", "x_start = 0.0\n", "plain SGD ends at 0.000"),
        ("not high enough on the wall", "x_start = -1.5\n", "Start higher up the left wall"),
        ("outside the window", "x_start = -3.0\n", "must lie in the window"),
        ("two starts instead of one", "x_start = np.array([-1.9, -1.8])\n", "one number"),
        ("the number as a string", "x_start = '-1.9'\n", "one number"),
        ("starts in the global minimum", "x_start = 2.0\n", "plain SGD ends at 2.000"),
        ("just short of high enough", "x_start = -1.6\n", "Start higher up the left wall"),
        ("not a number", "x_start = float('nan')\n", "must lie in the window"),
    ],
}
