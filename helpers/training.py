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


class SGDRun(NamedTuple):
    """What :func:`minibatch_sgd` returns. The arrays have one entry per probe, ``[0]`` before
    the first update.

    Attributes:
        params: the parameters at the end (a list of arrays, or one array, like the input).
        steps: int ``(k,)``, updates done when each probe was taken.
        examples: int ``(k,)``, per-example gradients computed by then (the sum of the batch
            sizes: a full-batch step on ``n`` rows counts ``n``). Deterministic, unlike seconds.
        seconds: float ``(k,)``, cumulative wall-clock seconds of the training loop itself
            (batching, gradients, updates; not the probes). Not reproducible from run to run.
        values: float ``(k,)``, ``probe(params)`` at each probe (NaN everywhere without a probe).
        message: one line saying how the run ended.
    """

    params: list
    steps: np.ndarray
    examples: np.ndarray
    seconds: np.ndarray
    values: np.ndarray
    message: str


def minibatch_sgd(
    loss_and_grad,
    params,
    X,
    y,
    *,
    lr,
    batch_size=None,
    epochs=1,
    rng=None,
    shuffle=True,
    probe=None,
    probe_every=1,
    stop_below=None,
    max_examples=None,
):
    r"""Plain minibatch SGD, $\theta \leftarrow \theta - \eta\, g_B$, with a probe every few steps.

    The same loop as :func:`fit` with ``optimizer=helpers.optim.SGD(lr)`` (same shuffles from the
    same ``rng``, same numbers), written without an optimizer object so that runs of thousands of
    small steps stay cheap, and with what experiments on cost need: a ``probe(params)`` (say, a
    validation loss) every ``probe_every`` updates, counts of updates and of per-example
    gradients, the training time, and a stop as soon as the probe reaches ``stop_below``.

    Each epoch visits the rows in the order of ``rng.permutation(n)`` (or in order when
    ``shuffle=False``), in batches of ``batch_size`` with the last, smaller batch kept
    (:func:`helpers.datasets.minibatches`); ``batch_size=None`` (or ``>= n``) is full-batch
    gradient descent. The probe runs before the first update, after every ``probe_every``-th
    update, and after the last one.

    Args:
        loss_and_grad: ``loss_and_grad(params, X_batch, y_batch) -> (loss, grads)``, grads shaped
            like ``params`` (e.g. ``model.loss_and_grad`` of a ``helpers.models`` model).
        params: float array or list of float arrays (the start; not modified).
        X, y: training data with the same number of rows.
        lr: learning rate $\eta > 0$.
        batch_size: rows per update (int >= 1) or ``None`` for the full batch.
        epochs: passes over the data (int >= 1).
        rng: ``numpy.random.Generator``; required when minibatches are shuffled.
        shuffle: reshuffle the rows at the start of every epoch.
        probe: optional ``probe(params) -> float``.
        probe_every: updates between probes (int >= 1).
        stop_below: stop once a probe value is ``<= stop_below`` (needs ``probe``).
        max_examples: stop once this many per-example gradients have been computed.

    Returns:
        :class:`SGDRun`.

    Raises:
        TypeError: ``loss_and_grad`` or ``probe`` not callable, non-float params or ``X``,
            missing ``rng`` when shuffling minibatches.
        ValueError: ``lr <= 0``, ``epochs``/``batch_size``/``probe_every``/``max_examples`` < 1,
            ``X``/``y`` lengths differ, ``stop_below`` without a ``probe``.
    """
    if not callable(loss_and_grad):
        raise TypeError(f"loss_and_grad must be a function, got {loss_and_grad!r}")
    if probe is not None and not callable(probe):
        raise TypeError(f"probe must be a function params -> float, got {probe!r}")
    single = isinstance(params, np.ndarray)
    leaves = [check_float_array("params", params)] if single else _check_params_list(params)
    X, y = _check_data("X", X, "y", y)
    lr = check_number("lr", lr, low=0.0, low_open=True)
    epochs = check_number("epochs", epochs, low=1, integer=True)
    probe_every = check_number("probe_every", probe_every, low=1, integer=True)
    if max_examples is not None:
        max_examples = check_number("max_examples", max_examples, low=1, integer=True)
    if stop_below is not None:
        if probe is None:
            raise ValueError("stop_below needs a probe to compare with")
        stop_below = check_number("stop_below", stop_below)
    n = len(X)
    if batch_size is not None:
        batch_size = check_number("batch_size", batch_size, low=1, integer=True)
    batch_size = n if batch_size is None else batch_size
    minibatching = batch_size < n
    if minibatching and shuffle and not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator such as np.random.default_rng(0) to shuffle "
            f"the minibatches (batch_size={batch_size}), got {rng!r}"
        )
    with np.errstate(all="ignore"):
        return _SGDLoop(loss_and_grad, probe, probe_every, stop_below, max_examples).run(
            leaves, single, X, y, lr, batch_size if minibatching else None, epochs, rng, shuffle
        )


class _SGDLoop:
    """The loop of :func:`minibatch_sgd`, split into short methods."""

    def __init__(self, loss_and_grad, probe, probe_every, stop_below, max_examples):
        self.loss_and_grad, self.probe, self.probe_every = loss_and_grad, probe, probe_every
        self.stop_below, self.max_examples = stop_below, max_examples
        self.record = {"steps": [], "examples": [], "seconds": [], "values": []}
        self.steps = self.examples = 0
        self.seconds = 0.0

    def run(self, leaves, single, X, y, lr, batch_size, epochs, rng, shuffle):
        params = [leaf.copy() for leaf in leaves]
        self.started = None  # the clock starts after the first probe: seconds[0] == 0
        message = self.take_probe(params, single)
        for _ in range(epochs):
            if message:
                break
            if batch_size is None:
                batches = [(X, y)]
            else:
                batches = minibatches(X, y, batch_size, rng if shuffle else None, shuffle=shuffle)
            for X_batch, y_batch in batches:
                loss, grads = self.loss_and_grad(params[0] if single else params, X_batch, y_batch)
                grads = [grads] if single else list(grads)
                problem = _divergence(float(loss), np.inf)  # a NaN gradient makes the next loss NaN
                if problem:
                    message = diverged_message(self.steps, problem)
                    break
                params = [param - lr * grad for param, grad in zip(params, grads, strict=True)]
                self.steps += 1
                self.examples += len(X_batch)
                if self.steps % self.probe_every == 0:
                    message = self.take_probe(params, single)
                elif self.max_examples is not None and self.examples >= self.max_examples:
                    message = self.take_probe(params, single)
                if message:
                    break
        if not message:
            if self.record["steps"][-1] != self.steps:
                self.take_probe(params, single)
            message = f"ran {epochs} epochs ({self.steps} steps, {self.examples} examples)"
        return SGDRun(
            params=params[0] if single else params,
            steps=np.array(self.record["steps"], dtype=np.int64),
            examples=np.array(self.record["examples"], dtype=np.int64),
            seconds=np.array(self.record["seconds"], dtype=float),
            values=np.array(self.record["values"], dtype=float),
            message=message,
        )

    def take_probe(self, params, single):
        """Record a probe; return a stopping message or ''."""
        if self.started is not None:
            self.seconds += time.perf_counter() - self.started
        value = float(self.probe(params[0] if single else params)) if self.probe else np.nan
        for key, item in zip(
            ("steps", "examples", "seconds", "values"),
            (self.steps, self.examples, self.seconds, value),
            strict=True,
        ):
            self.record[key].append(item)
        self.started = time.perf_counter()
        where = f"step {self.steps} ({self.examples} examples)"
        if self.stop_below is not None and value <= self.stop_below:
            return f"reached {value:.4g} <= {self.stop_below:g} at {where}"
        if not np.isfinite(value) and self.probe is not None:
            return diverged_message(self.steps, f"the probe became {value}")
        if self.max_examples is not None and self.examples >= self.max_examples:
            return f"stopped at {where}: max_examples={self.max_examples} used up"
        return ""


def _check_params_list(params):
    if not isinstance(params, (list, tuple)) or not params:
        raise TypeError(f"params must be a float array or a non-empty list of them, got {params!r}")
    return [check_float_array(f"params[{i}]", p) for i, p in enumerate(params)]


def gradient_in_chunks(loss_and_grad, chunk_size):
    r"""Wrap ``loss_and_grad`` so that it works through the rows ``chunk_size`` at a time.

    A mean loss over $n$ rows and its gradient are the size-weighted averages of the chunks' means
    (what frameworks call *gradient accumulation*):

    $$L = \sum_c \frac{n_c}{n} L_c, \qquad \nabla L = \sum_c \frac{n_c}{n} \nabla L_c,$$

    so the wrapped function returns the same numbers up to round-off, and exactly the same when
    ``len(X) <= chunk_size`` (then it simply calls ``loss_and_grad``). Use it when a batch does
    not fit in memory, or to keep matrix products small: numpy's BLAS may split a large product
    over several threads, which costs more than it saves on a busy machine.

    Args:
        loss_and_grad: ``loss_and_grad(params, X, y) -> (mean loss, grads)``, grads an array or a
            list of arrays (e.g. ``model.loss_and_grad`` of a ``helpers.models`` model).
        chunk_size: rows per call (int >= 1).

    Returns:
        A function with the same signature and the same kind of result (grads as an array or as
        a list, like ``loss_and_grad``'s).

    Raises:
        TypeError: ``loss_and_grad`` not callable, ``chunk_size`` not an integer.
        ValueError: ``chunk_size < 1``.
    """
    if not callable(loss_and_grad):
        raise TypeError(f"loss_and_grad must be a function, got {loss_and_grad!r}")
    chunk_size = check_number("chunk_size", chunk_size, low=1, integer=True)

    def loss_and_grad_in_chunks(params, X, y):
        n = len(X)
        if n <= chunk_size:
            return loss_and_grad(params, X, y)
        loss, total = 0.0, None
        for start in range(0, n, chunk_size):
            X_chunk, y_chunk = X[start : start + chunk_size], y[start : start + chunk_size]
            chunk_loss, grads = loss_and_grad(params, X_chunk, y_chunk)
            weight = len(X_chunk) / n
            single = isinstance(grads, np.ndarray)
            parts = [weight * grad for grad in ([grads] if single else grads)]
            total = parts if total is None else [a + b for a, b in zip(total, parts, strict=True)]
            loss += weight * chunk_loss
        return loss, total[0] if single else total

    return loss_and_grad_in_chunks
