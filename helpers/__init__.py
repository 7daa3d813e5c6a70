"""helpers: the small numpy package behind the notebooks.

Modules (import the one you need, e.g. ``from helpers import optim``):

- ``optim`` — SGD, Adagrad, RMSprop, Adam, AdamW (torch.optim's names, defaults and rules, pure
  steps), learning-rate schedules, and ``run`` to record a whole trajectory.
- ``landscapes`` — 2-D test functions with analytic gradients, known minima and plot windows.
- ``losses`` — MSE, MAE, Huber, binary and softmax cross-entropy, each with its gradient.
- ``models`` — linear and logistic regression and a small MLP, forward and backward in numpy.
- ``initializers`` — zeros, constant, normal, uniform, Xavier/Glorot, He/Kaiming.
- ``gradients`` — central-difference gradients and gradient checks.
- ``datasets`` — generated data sets and the shipped 8x8 handwritten digits.
- ``training`` — a minibatch fit loop with history and divergence detection.
- ``plotting`` / ``widgets`` — figures and explorers (the only modules that import matplotlib /
  ipywidgets).
- ``checks`` — feedback for the exercises.

Nothing happens on import: the submodules are loaded when you import them.
"""

SEED = 42
"""The seed every notebook passes to ``np.random.default_rng``."""

__version__ = "0.1.0"
