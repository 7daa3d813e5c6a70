r"""A minibatch training loop that records its history and stops cleanly when a run diverges.

Counting conventions (the same as ``helpers.optim.run``):

- A **step** is one optimizer update. ``step_losses[k]`` is the minibatch loss at the parameters
  after ``k`` updates, i.e. the loss whose gradient drives update ``k`` (``k = 0`` is the first).
- An **epoch** is one pass over the training set. ``epoch_losses[e]`` is the loss on the *whole*
  training set after ``e`` epochs, and ``epoch_losses[0]`` is the loss *before* training, so a
  curve starts where training starts. ``val_losses`` and ``seconds`` follow the same indexing
  (``seconds[0] == 0.0``), so ``plt.plot(history.seconds, history.epoch_losses)`` lines up.
"""

from __future__ import annotations

import time
from typing import NamedTuple

import numpy as np

from helpers._validate import check_float_array, check_number
from helpers.datasets import minibatches
from helpers.optim import _fmt_number, diverged_message


class History(NamedTuple):
    """What :func:`fit` returns: the final parameters and everything recorded on the way.

    Attributes:
        params: the parameters after the last update (a list of arrays, like the input).
        step_losses: float ``(steps,)``, minibatch loss before each update (see module doc).
        epoch_losses: float ``(e + 1,)``, full-training-set loss after each of the ``e``
            completed epochs, ``[0]`` before training (``e = epochs`` unless the run diverged or
            was stopped: an epoch cut short by divergence has no entry).
        val_losses: float ``(e + 1,)`` on ``(X_val, y_val)``, or ``None`` without them.
        seconds: float ``(e + 1,)``, cumulative wall-clock seconds spent in training steps
            (gradients and updates, not the end-of-epoch evaluation); ``[0] == 0``. Not
            reproducible from run to run, unlike everything else.
        best_epoch: the epoch with the lowest validation loss (training loss without validation
            data), 0 meaning the start.
        diverged_at: the step at which the loss became non-finite or exceeded ``max_loss``
            (the number of updates applied before that), or ``None``.
        message: one line saying how the run ended, e.g. ``"ran 20 epochs (360 steps), final
            loss 0.0123"`` or ``"diverged at step 37: loss became inf"``.
    """

    params: list
    step_losses: np.ndarray
    epoch_losses: np.ndarray
    val_losses: np.ndarray | None
    seconds: np.ndarray
    diverged_at: int | None
    message: str
    best_epoch: int = 0


def fit(
    model,
    params,
    optimizer,
    X,
    y,
    *,
    epochs,
    batch_size=None,
    rng=None,
    X_val=None,
    y_val=None,
    max_loss=1e10,
    callback=None,
    restore_best=False,
):
    r"""Train ``params`` with ``optimizer`` on ``(X, y)`` for a number of epochs.

    Each step: $L, g = \texttt{model.loss\_and\_grad}(\theta, X_B, y_B)$, then
    $\theta, s = \texttt{optimizer.step}(\theta, g, s)$, over minibatches $B$ of a fresh shuffle of
    the rows every epoch (:func:`helpers.datasets.minibatches`, last partial batch kept). Learning
    rate schedules come in through the optimizer's ``lr``. The run stops as soon as a loss is
    NaN/inf or above ``max_loss`` and says so in ``message``; numpy's overflow warnings are
    silenced inside the loop (that is what the divergence check is for).

    Args:
        model: has ``loss_and_grad(params, X, y) -> (float, list of grads)``.
        params: list of float arrays (the starting point; not modified).
        optimizer: has ``init(params) -> state`` and ``step(params, grads, state)
            -> (params, state)``, e.g. ``helpers.optim.Adam(lr=0.01)``.
        X, y: training data, ``X`` float ``(n, ...)``, ``y`` ``(n, ...)``.
        epochs: number of passes over the data (int >= 1).
        batch_size: rows per step (int >= 1), or ``None`` for full-batch gradient descent.
        rng: ``numpy.random.Generator`` for shuffling; required when ``batch_size < n``.
        X_val, y_val: optional validation data, evaluated after every epoch (both or neither).
        max_loss: a loss above this counts as divergence (> 0).
        callback: optional ``callback(epoch, params, history)`` called after each epoch with the
            :class:`History` so far; return ``True`` to stop early (e.g. early stopping).
        restore_best: when a callback stops the run, return the parameters of ``best_epoch``
            (lowest validation loss, or training loss without validation data) instead of the
            last ones, as early stopping usually does.

    Returns:
        :class:`History`.

    Raises:
        TypeError: a model/optimizer without the methods above, non-float ``X`` or ``params``,
            missing ``rng`` when minibatching.
        ValueError: ``X``/``y`` (or ``X_val``/``y_val``) lengths differ, only one of
            ``X_val``/``y_val``, ``epochs < 1``, ``batch_size < 1``, ``max_loss <= 0``.
    """
    params = _check_setup(model, params, optimizer)
    X, y = _check_data("X", X, "y", y)
    if (X_val is None) != (y_val is None):
        raise ValueError("pass both X_val and y_val, or neither")
    if X_val is not None:
        X_val, y_val = _check_data("X_val", X_val, "y_val", y_val)
    epochs = check_number("epochs", epochs, low=1, integer=True)
    if not isinstance(restore_best, bool):
        raise TypeError(f"restore_best must be True or False, got {restore_best!r}")
    max_loss = check_number("max_loss", max_loss, low=0.0, low_open=True)
    if batch_size is not None:
        batch_size = check_number("batch_size", batch_size, low=1, integer=True)
    if batch_size is not None and batch_size >= len(X):
        batch_size = None  # one batch holding every row: plain full-batch gradient descent
    if batch_size is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator such as np.random.default_rng(0) to shuffle "
            f"the minibatches (batch_size={batch_size}), got {rng!r}"
        )
    loop = _Loop(model, optimizer, X, y, X_val, y_val, batch_size, rng, max_loss)
    with np.errstate(all="ignore"):
        return loop.run(params, epochs, callback, restore_best)


class _Loop:
    """The fit loop's fixed ingredients, so each piece of the loop is a short method."""

    def __init__(self, model, optimizer, X, y, X_val, y_val, batch_size, rng, max_loss):
        self.model, self.optimizer, self.max_loss = model, optimizer, max_loss
        self.X, self.y, self.X_val, self.y_val = X, y, X_val, y_val
        self.batch_size, self.rng = batch_size, rng
        self.record = {"step_losses": [], "epoch_losses": [], "val_losses": [], "seconds": []}
        self.full_batch = None  # (params, loss, grads) of the last full-data evaluation
        self.best = (np.inf, 0, None)  # (loss, epoch, params)

    def run(self, params, epochs, callback, restore_best):
        state, step = self.optimizer.init(params), 0
        problem = self.evaluate(params, seconds=0.0, epoch=0)
        for epoch in range(1, epochs + 1):
            if problem:
                break
            params, state, step, problem = self.epoch(params, state, step)
            if not problem:
                seconds = self.record["seconds"][-1] + self.elapsed
                problem = self.evaluate(params, seconds, epoch)
            if not problem and callback is not None:
                if callback(epoch, params, self.history(params, None, "")):
                    message = f"stopped by callback after epoch {epoch} ({step} steps)"
                    if restore_best:
                        params = self.best[2]
                        message += f"; restored the parameters of epoch {self.best[1]}"
                    return self.history(params, None, message)
        if problem:
            return self.history(params, step, diverged_message(step, problem))
        first, final = self.record["epoch_losses"][0], self.record["epoch_losses"][-1]
        rose = " (the loss went UP overall)" if final > first else ""
        return self.history(
            params, None, f"ran {epochs} epochs ({step} steps), final loss {final:.4g}{rose}"
        )

    def epoch(self, params, state, step):
        """One pass over the data; return (params, state, step, divergence reason or '')."""
        started, problem = time.perf_counter(), ""
        if self.batch_size is None:
            batches = [(self.X, self.y)]
        else:
            batches = minibatches(self.X, self.y, self.batch_size, self.rng)
        for X_batch, y_batch in batches:
            if self.full_batch is not None and self.full_batch[0] is params:
                loss, grads = self.full_batch[1:]  # computed by the evaluation just before
            else:
                loss, grads = self.model.loss_and_grad(params, X_batch, y_batch)
            self.record["step_losses"].append(float(loss))
            problem = _divergence(float(loss), self.max_loss) or _nonfinite("gradient", grads)
            if problem:
                break
            params, state = self.optimizer.step(params, grads, state)
            step += 1
            problem = _nonfinite("parameters", params)
            if problem:
                break
        self.elapsed = time.perf_counter() - started
        return params, state, step, problem

    def evaluate(self, params, seconds, epoch):
        """Record the epoch-end losses and time; return a divergence reason or ''."""
        loss, grads = self.model.loss_and_grad(params, self.X, self.y)
        loss = float(loss)
        self.full_batch = (params, loss, grads) if self.batch_size is None else None
        self.record["epoch_losses"].append(loss)
        self.record["seconds"].append(seconds)
        watched = loss
        if self.X_val is not None:
            watched = float(self.model.loss_and_grad(params, self.X_val, self.y_val)[0])
            self.record["val_losses"].append(watched)
        if watched < self.best[0]:
            self.best = (watched, epoch, params)
        return _divergence(loss, self.max_loss)

    def history(self, params, diverged_at, message):
        record = self.record
        return History(
            params=list(params) if isinstance(params, (list, tuple)) else params,
            step_losses=np.array(record["step_losses"], dtype=float),
            epoch_losses=np.array(record["epoch_losses"], dtype=float),
            val_losses=None if self.X_val is None else np.array(record["val_losses"], dtype=float),
            seconds=np.array(record["seconds"], dtype=float),
            diverged_at=diverged_at,
            message=message,
            best_epoch=self.best[1],
        )


def _divergence(loss, max_loss):
    if not np.isfinite(loss):
        return f"loss became {loss}"
    if loss > max_loss:
        return f"loss exceeded {_fmt_number(max_loss)}"
    return ""


def _nonfinite(what, arrays):
    """'the gradient[1] holds nan' if an array is not all finite, else ''."""
    leaves = arrays if isinstance(arrays, (list, tuple)) else [arrays]
    for i, leaf in enumerate(leaves):
        leaf = np.asarray(leaf)
        if not np.all(np.isfinite(leaf)):
            where = "" if len(leaves) == 1 else f"[{i}]"
            return (
                f"the {what}{where} holds {leaf[~np.isfinite(leaf)].flat[0] if leaf.ndim else leaf}"
            )
    return ""


def _check_setup(model, params, optimizer):
    if not callable(getattr(model, "loss_and_grad", None)):
        raise TypeError(f"model must have a loss_and_grad(params, X, y) method, got {model!r}")
    for method in ("init", "step"):
        if not callable(getattr(optimizer, method, None)):
            raise TypeError(f"optimizer must have init and step methods, got {optimizer!r}")
    if isinstance(params, np.ndarray):
        return check_float_array("params", params)
    if not isinstance(params, (list, tuple)) or not params:
        raise TypeError(f"params must be a non-empty list of float arrays, got {params!r}")
    return [check_float_array(f"params[{i}]", p) for i, p in enumerate(params)]


def _check_data(x_name, X, y_name, y):
    X = check_float_array(x_name, X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0 or len(X) != len(y) or len(X) == 0:
        raise ValueError(
            f"{x_name} and {y_name} must have the same number of rows (at least 1), got shapes "
            f"{X.shape} and {y.shape}"
        )
    return X, y
