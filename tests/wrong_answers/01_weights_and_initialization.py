"""Plausible wrong answers for the exercises of 01_weights_and_initialization.ipynb, with the
feedback each gets."""

_HE_STD = (
    "def he_std(weight_shape, layout):\n"
    '    fan_in = weight_shape[0] if layout == "numpy" else weight_shape[1]\n'
    "    return float({std})\n"
)

_DEPTH = (
    "def predicted_depth(width, sigma):\n"
    "    gain = {gain}\n"
    "    return {depth}\n"
    "\n\n"
    "measured_depth = {measured}\n"
)
_RIGHT_GAIN = "sigma * np.sqrt(width / 2)"
_RIGHT_DEPTH = "int(np.floor(np.log(1e-10) / np.log(gain))) + 1"

_LEAKY = "def leaky_relu_std(fan_in, a):\n    return float({std})\n\n\npytorch_a = {a}\n"
_RIGHT_LEAKY = "np.sqrt(2.0 / ((1.0 + a**2) * fan_in))"

WRONG_ANSWERS = {
    "ex01-he-std": [
        (
            "fan-in from axis 0 whatever the layout",
            "def he_std(weight_shape, layout):\n    return float(np.sqrt(2.0 / weight_shape[0]))\n",
            "so there fan_in is weight_shape[1]",
        ),
        (
            "the two layouts swapped",
            "def he_std(weight_shape, layout):\n"
            '    fan_in = weight_shape[1] if layout == "numpy" else weight_shape[0]\n'
            "    return float(np.sqrt(2.0 / fan_in))\n",
            "the two layouts swapped",
        ),
        ("the variance instead of the std", _HE_STD.format(std="2.0 / fan_in"), "not the standard"),
        ("LeCun's 1/sqrt(fan_in)", _HE_STD.format(std="np.sqrt(1.0 / fan_in)"), "no factor 2"),
        (
            "Xavier's formula",
            _HE_STD.format(std="np.sqrt(2.0 / (weight_shape[0] + weight_shape[1]))"),
            "Xavier's",
        ),
        ("sqrt(2) / fan_in", _HE_STD.format(std="np.sqrt(2.0) / fan_in")),
    ],
    "ex01-predict-depth": [
        (
            "the gain of a linear layer, sigma * sqrt(width)",
            _DEPTH.format(gain="sigma * np.sqrt(width)", depth=_RIGHT_DEPTH, measured=13),
            "gain of a linear",
        ),
        (
            "the factor for the variance, sigma**2 * width / 2",
            _DEPTH.format(gain="sigma**2 * width / 2", depth=_RIGHT_DEPTH, measured=13),
            "factor for the variance",
        ),
        (
            "the last layer still above 1e-10",
            _DEPTH.format(
                gain=_RIGHT_GAIN,
                depth="int(np.floor(np.log(1e-10) / np.log(gain)))",
                measured=13,
            ),
            "one layer too early",
        ),
        (
            "rounds the ratio of logarithms to the nearest layer",
            _DEPTH.format(
                gain=_RIGHT_GAIN, depth="int(round(np.log(1e-10) / np.log(gain)))", measured=13
            ),
        ),
        (
            "measured: layers counted from 0",
            _DEPTH.format(gain=_RIGHT_GAIN, depth=_RIGHT_DEPTH, measured=12),
            "layers counted from 0",
        ),
        (
            "measured: the input counted as layer 1",
            _DEPTH.format(gain=_RIGHT_GAIN, depth=_RIGHT_DEPTH, measured=14),
            "one layer too many",
        ),
    ],
    "ex01-leaky-relu-std": [
        (
            "(1 + a) / 2 instead of (1 + a**2) / 2",
            _LEAKY.format(std="np.sqrt(2.0 / ((1.0 + a) * fan_in))", a="np.sqrt(5.0)"),
            "(1 + a)/2 instead of (1 + a²)/2",
        ),
        (
            "He's sigma, slope ignored",
            _LEAKY.format(std="np.sqrt(2.0 / fan_in)", a="np.sqrt(5.0)"),
            "ignores the slope",
        ),
        (
            "the variance instead of the std",
            _LEAKY.format(std="2.0 / ((1.0 + a**2) * fan_in)", a="np.sqrt(5.0)"),
            "the variance, not the standard deviation",
        ),
        (
            "the factor upside down",
            _LEAKY.format(std="np.sqrt((1.0 + a**2) / (2.0 * fan_in))", a="np.sqrt(5.0)"),
            "the factor upside down",
        ),
        ("pytorch_a = a squared", _LEAKY.format(std=_RIGHT_LEAKY, a="5.0"), "5 is a², not a"),
        ("pytorch_a without sqrt(3)", _LEAKY.format(std=_RIGHT_LEAKY, a="1.0"), "√3 is missing"),
        ("pytorch_a = sqrt(6)", _LEAKY.format(std=_RIGHT_LEAKY, a="np.sqrt(6.0)"), "not a² = 6"),
    ],
}
