"""Plausible wrong answers for the exercises of 08_rmsprop.ipynb."""

WRONG_ANSWERS = {
    "ex08-rmsprop-step": [
        (
            "eps inside the square root (Keras's convention)",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return w - lr * grad / np.sqrt(new_v + eps), new_v\n",
            "eps inside the square root",
        ),
        (
            "alpha and 1 - alpha swapped",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = (1 - alpha) * v + alpha * grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "alpha and 1 - alpha swapped",
        ),
        (
            "steps with the old v, then updates it",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_w = w - lr * grad / (np.sqrt(v) + eps)\n"
            "    return new_w, alpha * v + (1 - alpha) * grad**2\n",
            "the step divides by the OLD v",
        ),
        (
            "no square root",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return w - lr * grad / (new_v + eps), new_v\n",
            "no square root",
        ),
        (
            "steps uphill",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return w + lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "the step goes the wrong way",
        ),
        (
            "learning rate applied twice",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return w - lr * lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "times the right size",
        ),
        (
            "changes w and v in place",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    v *= alpha\n"
            "    v += (1 - alpha) * grad**2\n"
            "    w -= lr * grad / (np.sqrt(v) + eps)\n"
            "    return w, v\n",
            "in place",
        ),
        (
            "returns only the new weights",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps)\n",
            "should return two arrays",
        ),
        (
            "returns (new_v, new_w): the pair in the wrong order",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return new_v, w - lr * grad / (np.sqrt(new_v) + eps)\n",
            "you returned (new_v, new_w)",
        ),
        (
            "Adagrad's sum instead of the moving average",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = v + grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "Adagrad's sum",
        ),
        (
            "forgets the (1 - alpha) in front of g**2",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "the (1 - alpha) in front of g**2 is missing",
        ),
        (
            "no average at all: v = g**2",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = grad**2\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "no average at all",
        ),
        (
            "averages |g| instead of g**2",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * np.abs(grad)\n"
            "    return w - lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "|g| where the average takes g**2",
        ),
        (
            "returns the step instead of the new weights",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2\n"
            "    return lr * grad / (np.sqrt(new_v) + eps), new_v\n",
            "you returned the step",
        ),
        (
            "adds eps to v and keeps it there",
            "def rmsprop_step(w, grad, v, lr, alpha, eps):\n"
            "    new_v = alpha * v + (1 - alpha) * grad**2 + eps\n"
            "    return w - lr * grad / np.sqrt(new_v), new_v\n",
            "eps added to v",
        ),
    ],
    "ex08-step-size": [
        (
            "ignores the warm-up: always lr",
            "def step_size(lr, alpha, t):\n    return lr\n",
            "v starts at 0",
        ),
        (
            "the first step's size for every t",
            "def step_size(lr, alpha, t):\n    return lr / np.sqrt(1 - alpha)\n",
            "size of step 1 only",
        ),
        (
            "no square root on 1 - alpha**t",
            "def step_size(lr, alpha, t):\n    return lr / (1 - alpha**t)\n",
            "the square root is missing",
        ),
        (
            "alpha and 1 - alpha swapped",
            "def step_size(lr, alpha, t):\n    return lr / np.sqrt(1 - (1 - alpha) ** t)\n",
            "alpha and 1 - alpha swapped",
        ),
        (
            "t counted from 0",
            "def step_size(lr, alpha, t):\n    return lr / np.sqrt(1 - alpha ** (t + 1))\n",
            "t counted from 0",
        ),
        (
            "a signed step instead of its size",
            "def step_size(lr, alpha, t):\n    return -lr / np.sqrt(1 - alpha**t)\n",
            "the sign is flipped",
        ),
        (
            "multiplies by the root where the step divides by it",
            "def step_size(lr, alpha, t):\n    return lr * np.sqrt(1 - alpha**t)\n",
            "you multiply where the step divides",
        ),
        (
            "v grows linearly, (1 - alpha) * t, with no forgetting",
            "def step_size(lr, alpha, t):\n    return lr / np.sqrt((1 - alpha) * t)\n",
            "v grows like (1 - alpha) * t",
        ),
        (
            "the right formula in float32",
            "def step_size(lr, alpha, t):\n    return np.float32(lr / np.sqrt(1 - alpha**t))\n",
            "dtype float32",
        ),
        (
            "returns the fraction of g**2 that v holds, not the step",
            "def step_size(lr, alpha, t):\n    return 1 - alpha**t\n",
            "expected: 0.1",
        ),
    ],
    "ex08-steps-to-settle": [
        (
            "the effective window 1/(1 - alpha)",
            "def steps_to_settle(alpha, tol):\n    return round(1 / (1 - alpha))\n",
            "the window 1/(1 - alpha)",
        ),
        (
            "asks v to be within tol of g**2",
            "def steps_to_settle(alpha, tol):\n"
            "    return int(np.ceil(np.log(tol) / np.log(alpha)))\n",
            "within tol of g**2",
        ),
        (
            "forgets the square root",
            "def steps_to_settle(alpha, tol):\n"
            "    return int(np.ceil(np.log(1 - 1 / (1 + tol)) / np.log(alpha)))\n",
            "the square root is missing",
        ),
        (
            "rounds down: one step too early",
            "def steps_to_settle(alpha, tol):\n"
            "    return int(np.floor(np.log(1 - 1 / (1 + tol) ** 2) / np.log(alpha)))\n",
            "one step too early",
        ),
        (
            "returns the exact real solution, not a whole step number",
            "def steps_to_settle(alpha, tol):\n"
            "    return np.log(1 - 1 / (1 + tol) ** 2) / np.log(alpha)\n",
            "a step number is a whole number",
        ),
        (
            "approximates (1 + tol)**2 by 1 + 2 * tol",
            "def steps_to_settle(alpha, tol):\n"
            "    return int(np.ceil(np.log(2 * tol) / np.log(alpha)))\n",
            "(1 + tol)**2 is close to 1 + 2 * tol",
        ),
        (
            "a loop that stops one step late",
            "def steps_to_settle(alpha, tol):\n"
            "    t = 1\n"
            "    while 1 / np.sqrt(1 - alpha**t) > 1 + tol:\n"
            "        t += 1\n"
            "    return t + 1\n",
            "one step too late",
        ),
        (
            "forgets to return",
            "def steps_to_settle(alpha, tol):\n"
            "    t = int(np.ceil(np.log(1 - 1 / (1 + tol) ** 2) / np.log(alpha)))\n",
            "did you forget `return`",
        ),
        (
            "the window times ln(1/tol)",
            "def steps_to_settle(alpha, tol):\n"
            "    return int(np.ceil(np.log(1 / tol) / (1 - alpha)))\n",
            "expected: 391",
        ),
    ],
    "ex08-torch-eps": [
        (
            "the same number as Keras",
            "def torch_eps(keras_eps):\n    return keras_eps\n",
            "Keras's own number",
        ),
        (
            "squares it instead of taking the root",
            "def torch_eps(keras_eps):\n    return keras_eps**2\n",
            "times Keras's",
        ),
        (
            "PyTorch's default whatever Keras uses",
            "def torch_eps(keras_eps):\n    return 1e-8\n",
            "times Keras's",
        ),
        (
            "twice the square root",
            "def torch_eps(keras_eps):\n    return 2 * np.sqrt(keras_eps)\n",
            "times Keras's",
        ),
        (
            "forgets to return",
            "def torch_eps(keras_eps):\n    np.sqrt(keras_eps)\n",
            "should return one number",
        ),
        (
            "a negative eps",
            "def torch_eps(keras_eps):\n    return -np.sqrt(keras_eps)\n",
            "positive number",
        ),
        (
            "half the square root",
            "def torch_eps(keras_eps):\n    return np.sqrt(keras_eps) / 2\n",
            "2 times Keras's",
        ),
        (
            "1.6 times the square root",
            "def torch_eps(keras_eps):\n    return 1.6 * np.sqrt(keras_eps)\n",
            "0.53 times Keras's",
        ),
        (
            "returns a list",
            "def torch_eps(keras_eps):\n    return [np.sqrt(keras_eps)]\n",
            "should return one number",
        ),
        (
            "zero: no eps at all",
            "def torch_eps(keras_eps):\n    return 0.0\n",
            "positive number",
        ),
    ],
}
