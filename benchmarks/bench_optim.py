"""Time one optimizer step of helpers.optim against torch.optim (CPU, float64, 1 thread).

Run: ``python benchmarks/bench_optim.py``. Prints a table, asserts nothing. For each optimizer and
size, one ``step`` of ours, of torch's default on CPU (``foreach=False``: the single-tensor loop
our rules copy) and of torch's ``foreach=True`` run in turn, many times (interleaved, so that load
and cache effects hit all three alike); the figure is the median. Two clocks: the CPU time of the
measuring thread (what the step costs; robust when other processes load the machine) and the
wall-clock time. torch runs on 1 thread, like numpy's elementwise operations.
"""

from __future__ import annotations

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
GOALS = [  # (optimizer, hyperparameters, size, goal: ours / torch's default at most)
    ("Adam", {"lr": 0.01}, 10**3, 0.25),
    ("Adam", {"lr": 0.01}, 10**6, 1.2),
    ("SGD", {"lr": 0.01}, 10**6, 1.2),
]


def repeats(size: int, quick: bool = False) -> int:
    base = 600 if size <= 10**3 else 60 if size <= 10**5 else 21
    return max(5, base // 10) if quick else base


def medians(steps, count: int) -> list[dict]:
    """For each callable: median CPU (thread) and wall seconds of one call, interleaved."""
    cpu, wall = [[] for _ in steps], [[] for _ in steps]
    for step in steps:
        step()  # warm up (torch creates its buffers on the first step)
    for _ in range(count):
        for step, c, w in zip(steps, cpu, wall, strict=True):
            start_cpu, start = time.thread_time(), time.perf_counter()
            step()
            w.append(time.perf_counter() - start)
            c.append(time.thread_time() - start_cpu)
    return [
        {"cpu": statistics.median(c), "wall": statistics.median(w)}
        for c, w in zip(cpu, wall, strict=True)
    ]


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


def measure(configs, sizes, quick: bool = False) -> list[dict]:
    """One row per (optimizer, size): ours, torch default, torch foreach (None without torch)."""
    rng = np.random.default_rng(0)
    if torch is not None:
        torch.set_num_threads(1)
    rows = []
    for name, hyperparameters in configs:
        for size in sizes:
            steps = [our_step(name, hyperparameters, size, rng)]
            if torch is not None:
                steps += [torch_step(name, hyperparameters, size, rng, f) for f in (False, True)]
            ours, *theirs = medians(steps, repeats(size, quick))
            rows.append({
                "optimizer": label(name, hyperparameters),
                "size": size,
                "ours": ours,
                "torch": theirs[0] if theirs else None,
                "torch_foreach": theirs[1] if theirs else None,
            })  # fmt: skip
    return rows


def label(name, hyperparameters):
    return name + "(" + ", ".join(f"{k}={v}" for k, v in hyperparameters.items()) + ")"


def main():
    if torch is None:
        print("torch not installed: showing helpers.optim times only")
    else:
        print(f"torch {torch.__version__} (1 thread), numpy {np.__version__}; medians, CPU ms")
    header = f"{'optimizer':<46} {'params':>8} {'ours':>8}"
    if torch is not None:
        header += f" {'torch':>8} {'ratio':>6} {'foreach':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for row in measure(CONFIGS, SIZES):
        line = f"{row['optimizer']:<46} {row['size']:>8.0e} {row['ours']['cpu'] * 1e3:>8.3f}"
        if row["torch"] is not None:
            single, multi = row["torch"]["cpu"], row["torch_foreach"]["cpu"]
            line += f" {single * 1e3:>8.3f} {row['ours']['cpu'] / single:>6.2f}"
            line += f" {multi * 1e3:>8.3f} {row['ours']['cpu'] / multi:>6.2f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
