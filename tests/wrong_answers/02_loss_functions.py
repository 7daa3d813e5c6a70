"""Plausible wrong answers for the exercises of notebooks/02_loss_functions.ipynb.

Each must be rejected by the exercise's test cell (see tests/test_exercises.py).
"""

_MSE = '''
def mse(pred, target):
    """Mean squared error between two float arrays of the same shape."""
    return float({body})
'''

_HUBER = '''
def huber(pred, target, delta):
    """Mean Huber loss with threshold delta > 0."""
    r = pred - target
    size = np.abs(r)
    return float({body})
'''

_BCE = '''
def binary_cross_entropy(p, y):
    """Mean binary cross-entropy of probabilities p for 0/1 labels y."""
    return float({body})
'''

WRONG_ANSWERS = {
    "ex_mse": [
        ("sum instead of mean", _MSE.format(body="np.sum((pred - target) ** 2)")),
        ("absolute value instead of square", _MSE.format(body="np.mean(np.abs(pred - target))")),
        ("RMSE instead of MSE", _MSE.format(body="np.sqrt(np.mean((pred - target) ** 2))")),
        ("square of the mean residual", _MSE.format(body="np.mean(pred - target) ** 2")),
        ("divides by n - 1", _MSE.format(body="np.sum((pred - target) ** 2) / (pred.size - 1)")),
        ("mean residual, not squared", _MSE.format(body="np.mean(pred - target)")),
    ],
    "ex_huber": [
        (
            "condition on the signed residual",
            _HUBER.format(
                body="np.mean(np.where(r <= delta, 0.5 * r**2, delta * (size - 0.5 * delta)))"
            ),
        ),
        (
            "branches swapped",
            _HUBER.format(
                body="np.mean(np.where(size > delta, 0.5 * r**2, delta * (size - 0.5 * delta)))"
            ),
        ),
        (
            "compares with delta squared",
            _HUBER.format(
                body="np.mean(np.where(size <= delta**2, 0.5 * r**2, delta * (size - 0.5 * delta)))"
            ),
        ),
        (
            "missing 1/2 in the quadratic part",
            _HUBER.format(
                body="np.mean(np.where(size <= delta, r**2, delta * (size - 0.5 * delta)))"
            ),
        ),
        (
            "missing 1/2 in the linear part",
            _HUBER.format(
                body="np.mean(np.where(size <= delta, 0.5 * r**2, delta * (size - delta)))"
            ),
        ),
        (
            "linear part without delta",
            _HUBER.format(body="np.mean(np.where(size <= delta, 0.5 * r**2, size - 0.5 * delta))"),
        ),
        (
            "Huber of the mean residual",
            _HUBER.format(
                body="np.where(abs(r.mean()) <= delta, 0.5 * r.mean() ** 2, "
                "delta * (abs(r.mean()) - 0.5 * delta))"
            ),
        ),
        (
            "sum instead of mean",
            _HUBER.format(
                body="np.sum(np.where(size <= delta, 0.5 * r**2, delta * (size - 0.5 * delta)))"
            ),
        ),
    ],
    "ex_bce": [
        ("sign flipped", _BCE.format(body="np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))")),
        ("labels swapped", _BCE.format(body="-np.mean((1 - y) * np.log(p) + y * np.log(1 - p))")),
        (
            "sum instead of mean",
            _BCE.format(body="-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))"),
        ),
        ("only the y = 1 term", _BCE.format(body="-np.mean(y * np.log(p))")),
        (
            "minus sign on the first term only",
            _BCE.format(body="np.mean(-y * np.log(p) + (1 - y) * np.log(1 - p))"),
        ),
        ("log base 10", _BCE.format(body="-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p))")),
    ],
}
