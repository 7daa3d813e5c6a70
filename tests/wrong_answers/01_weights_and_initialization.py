"""Plausible wrong answers for the exercises of notebooks/01_weights_and_initialization.ipynb.

Each must be rejected by the exercise's test cell (see tests/test_exercises.py).
"""

_STD = '''
def xavier_std(fan_in, fan_out):
    """Standard deviation of Xavier/Glorot normal weights for a (fan_in, fan_out) layer."""
    return float({xavier})


def he_std(fan_in):
    """Standard deviation of He normal weights for a layer with fan_in inputs."""
    return float({he})
'''

_XAVIER_OK = "np.sqrt(2.0 / (fan_in + fan_out))"
_HE_OK = "np.sqrt(2.0 / fan_in)"

_LAYER = '''
def init_layer(fan_in, fan_out, rng):
    """He-normal weights of shape (fan_in, fan_out), drawn from rng."""
    return {body}
'''

_COUNT = '''
def count_params(sizes):
    """Number of weights and biases of an MLP with layer sizes `sizes`."""
    {body}
'''

WRONG_ANSWERS = {
    "ex_init_std": [
        (
            "Xavier without the square root",
            _STD.format(xavier="2.0 / (fan_in + fan_out)", he=_HE_OK),
        ),
        (
            "Xavier with 1 instead of 2",
            _STD.format(xavier="np.sqrt(1.0 / (fan_in + fan_out))", he=_HE_OK),
        ),
        ("Xavier with fan_in only", _STD.format(xavier="np.sqrt(2.0 / fan_in)", he=_HE_OK)),
        ("He without the square root", _STD.format(xavier=_XAVIER_OK, he="2.0 / fan_in")),
        (
            "He without the factor 2 (LeCun)",
            _STD.format(xavier=_XAVIER_OK, he="np.sqrt(1.0 / fan_in)"),
        ),
        ("He as sqrt(2) / fan_in", _STD.format(xavier=_XAVIER_OK, he="np.sqrt(2.0) / fan_in")),
    ],
    "ex_init_layer": [
        (
            "transposed shape",
            _LAYER.format(body="rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in))"),
        ),
        ("std 1", _LAYER.format(body="rng.normal(0.0, 1.0, size=(fan_in, fan_out))")),
        (
            "variance passed as the std",
            _LAYER.format(body="rng.normal(0.0, 2.0 / fan_in, size=(fan_in, fan_out))"),
        ),
        (
            "std from fan_out",
            _LAYER.format(body="rng.normal(0.0, np.sqrt(2.0 / fan_out), size=(fan_in, fan_out))"),
        ),
        (
            "global np.random instead of rng",
            _LAYER.format(
                body="np.random.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))"
            ),
        ),
        (
            "a fresh generator instead of rng",
            _LAYER.format(
                body="np.random.default_rng(0).normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out))"
            ),
        ),
    ],
    "ex_count_params": [
        (
            "forgets the biases",
            _COUNT.format(body="return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))"),
        ),
        (
            "bias per input instead of per unit",
            _COUNT.format(body="return sum(a * b + a for a, b in zip(sizes[:-1], sizes[1:]))"),
        ),
        (
            "off by one layer (skips the last)",
            _COUNT.format(body="return sum(a * b + b for a, b in zip(sizes[:-2], sizes[1:-1]))"),
        ),
        (
            "counts units instead of weights",
            _COUNT.format(body="return sum(sizes)"),
        ),
    ],
}
