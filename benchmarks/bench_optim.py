"""Time one optimizer step of helpers.optim against torch.optim (CPU, float64).

Run: ``python benchmarks/bench_optim.py [torch_threads]``. Prints a table, asserts nothing. For each
size the time is the median of several interleaved repeats of one ``step``; torch's time
(``foreach=False``, the single-tensor loop our rules copy and torch's CPU default, and
``foreach=True``) is shown beside it when torch is installed. torch runs on 1 thread unless told
otherwise, like numpy's elementwise operations (on a busy machine extra threads mostly add noise).
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers import optim  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

SIZES = (10**3, 10**5, 10**6)
CONFIGS = [
    ("SGD", {"lr": 0.01}),
    ("SGD", {"lr": 0.01, "momentum": 0.9}),
    ("Adagrad", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "momentum": 0.9, "centered": True}),
    ("Adam", {"lr": 0.01}),
    ("AdamW", {"lr": 0.01}),
    ("Adam", {"lr": 0.01, "amsgrad": True}),
]


def _repeats(size):
    return 200 if size <= 10**3 else 40 if size <= 10**5 else 11


def median_seconds(steps, repeats):
    """Median time of each callable in ``steps``, measured interleaved so load noise is shared."""
    times = [[] for _ in steps]
    for step in steps:
        step()  # warm up (torch creates its buffers on the first step)
    for _ in range(repeats):
        for step, record in zip(steps, times, strict=True):
            start = time.perf_counter()
            step()
            record.append(time.perf_counter() - start)
    return [statistics.median(record) for record in times]


def our_step(name, hyperparameters, size, rng):
    opt = getattr(optim, name)(**hyperparameters)
    params, grads = rng.normal(size=size), rng.normal(size=size)
    box = [params, opt.init(params)]

    def step():
        box[0], box[1] = opt.step(box[0], grads, box[1])

    return step


def torch_step(name, hyperparameters, size, rng, foreach):
    params = torch.tensor(rng.normal(size=size), dtype=torch.float64, requires_grad=True)
    params.grad = torch.tensor(rng.normal(size=size), dtype=torch.float64)
    return getattr(torch.optim, name)([params], foreach=foreach, **hyperparameters).step


def main():
    rng = np.random.default_rng(0)
    if torch is None:
        print("torch not installed: showing helpers.optim times only")
    else:
        torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
        threads = torch.get_num_threads()
        print(f"torch {torch.__version__} ({threads} threads), numpy {np.__version__}")
    header = f"{'optimizer':<46} {'params':>8} {'ours ms':>9}"
    if torch is not None:
        header += f" {'torch ms':>9} {'ratio':>6} {'foreach ms':>10} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for name, hyperparameters in CONFIGS:
        label = name + "(" + ", ".join(f"{k}={v}" for k, v in hyperparameters.items()) + ")"
        for size in SIZES:
            steps = [our_step(name, hyperparameters, size, rng)]
            if torch is not None:
                steps += [
                    torch_step(name, hyperparameters, size, rng, foreach)
                    for foreach in (False, True)
                ]
            ours, *theirs = median_seconds(steps, _repeats(size))
            row = f"{label:<46} {size:>8.0e} {ours * 1e3:>9.3f}"
            if theirs:
                single, multi = theirs
                row += f" {single * 1e3:>9.3f} {ours / single:>6.2f}"
                row += f" {multi * 1e3:>10.3f} {ours / multi:>6.2f}"
            print(row)


if __name__ == "__main__":
    main()
