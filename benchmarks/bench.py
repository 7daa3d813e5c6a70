"""``make bench``: every figure of the speed goals, measured in one run, into one Markdown file.

    python benchmarks/bench.py          # writes benchmarks/RESULTS.md (about 10 minutes)

Environment variables:
    BENCH_QUICK=1       a smoke run: one notebook, few repetitions, no browser (tests/test_bench.py)
    BENCH_NOTEBOOKS     notebooks to measure, separated by ``os.pathsep`` (default: every
                        notebooks/*.ipynb, so new notebooks are picked up as they appear)
    BENCH_OUT           where to write (default benchmarks/RESULTS.md)
    BENCH_BROWSER=0/1   skip / force the browser figure (default: on, off when quick)

Measured (see each module's docstring for how):

* ``bench_notebooks.py`` + ``kernel_probe.py``: each notebook run headless in a fresh kernel
  (time, kernel memory); then, in that kernel, every control of every explorer set to a few other
  valid values and back, each assignment timed until it returns, with its phases;
* ``bench_browser.py``: key press on a slider -> final figure, in JupyterLab + headless Chromium;
* ``bench_optim.py``: one optimizer step against torch.optim, interleaved, 1 thread.

Wall-clock times grow with the machine's load (other processes share its CPUs), so the load
average is stated at the start and the end, and the CPU time is given beside wall-clock times.
Nothing here asserts a number: the tests check that this runs, not what it measures.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bench_browser  # noqa: E402
import bench_notebooks  # noqa: E402
import bench_optim  # noqa: E402

GOAL_REDRAW_MS = 60
GOAL_BROWSER_MS = 150
GOAL_NOTEBOOK_S = 5
GOAL_SUITE_S = 60
GOAL_KERNEL_MB = 300
PHASE_ORDER = [
    "compute",
    "draw (recycled axes)",
    "sign artists",
    "compose (draw changed artists, paste sprites)",
    "render (blit_explorer)",
    "PNG encoding",
]


def settings():
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    names = os.environ.get("BENCH_NOTEBOOKS", "")
    notebooks = [Path(p) for p in names.split(os.pathsep) if p]
    if not notebooks:
        notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))[: 1 if quick else None]
    browser = os.environ.get("BENCH_BROWSER", "0" if quick else "1") not in ("", "0")
    out = Path(os.environ.get("BENCH_OUT", HERE / "RESULTS.md"))
    return quick, notebooks, browser, out


def main() -> int:
    quick, notebooks, browser, out = settings()
    started = datetime.datetime.now(datetime.UTC)
    loads = [os.getloadavg()]
    print(f"bench: {len(notebooks)} notebook(s), quick={quick}, browser={browser}", flush=True)
    rows = []
    for path in notebooks:
        print(f"  running {path.name} ...", flush=True)
        rows.append(bench_notebooks.measure(path, probe_repeats=1 if quick else 3))
    loads.append(os.getloadavg())
    browser_rows, browser_note = {}, "not measured (BENCH_BROWSER=0)"
    if browser:
        browser_note = bench_browser.available()
        if browser_note is None:
            print("  browser ...", flush=True)
            browser_rows = bench_browser.measure(notebooks, presses=2 if quick else 6)
    loads.append(os.getloadavg())
    print("  optimizers ...", flush=True)
    goal_rows = [
        bench_optim.measure([(name, hp)], [size], quick)[0]
        for name, hp, size, _ in bench_optim.GOALS
    ]
    all_rows = [] if quick else bench_optim.measure(bench_optim.CONFIGS, bench_optim.SIZES)
    profile = optimizer_profile(quick)
    loads.append(os.getloadavg())
    text = report(started, loads, rows, browser_rows, browser_note, goal_rows, all_rows, profile)
    out.write_text(text, encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    print("\n".join(table[: table.index("| figure | measured | goal | met |") + 9]))
    print(f"wrote {out} in {(datetime.datetime.now(datetime.UTC) - started).seconds} s")
    return 0


# ---------------------------------------------------------------------------------------------
# Where the optimizers' time goes (for the goals they miss)
# ---------------------------------------------------------------------------------------------


def optimizer_profile(quick: bool) -> dict:
    """Adam at 10^3: the whole step vs its arithmetic alone (13 numpy calls); SGD at 10^6: one
    numpy pass over the arrays vs torch's whole (one-pass, in-place) step."""
    from helpers import optim

    rng = np.random.default_rng(0)
    count = 200 if quick else 2000
    adam = optim.Adam(lr=0.01)
    params, grads = rng.normal(size=1000), rng.normal(size=1000)
    state = adam.init(params)
    box = [params, state]

    def step():
        box[0], box[1] = adam.step(box[0], grads, box[1])

    out = [np.empty(1000) for _ in range(4)]
    out[3] = None
    tmp = [np.empty(1000), np.empty(1000)]

    def arithmetic():
        adam._update(params, grads, state.exp_avg, state.exp_avg_sq, None, 0.01, 5, out, tmp)

    whole, alone = bench_optim.medians([step, arithmetic], count)
    faults = {name: page_faults(name) for name in ("SGD", "Adam")}
    big, big_grads = rng.normal(size=10**6), rng.normal(size=10**6)
    result = np.empty(10**6)
    passes = [
        lambda: np.add(big, big_grads, out=result),  # one pass: reads two arrays, writes one
        lambda: optim.SGD(lr=0.01).step(big, big_grads, optim.SGDState(0, None)),
    ]
    if bench_optim.torch is not None:
        bench_optim.torch.set_num_threads(1)
        passes.append(bench_optim.torch_step("SGD", {"lr": 0.01}, 10**6, rng, False))
    timed = bench_optim.medians(passes, 7 if quick else 41)
    return {
        "adam_step_us": whole["cpu"] * 1e6,
        "adam_arithmetic_us": alone["cpu"] * 1e6,
        "numpy_pass_ms": timed[0]["cpu"] * 1e3,
        "sgd_step_ms": timed[1]["cpu"] * 1e3,
        "torch_sgd_ms": timed[2]["cpu"] * 1e3 if len(timed) > 2 else None,
        "page_faults": faults,
    }


FAULTS = """
import resource, statistics, sys
import numpy as np
from helpers import optim
opt = getattr(optim, sys.argv[1])(lr=0.01)
rng = np.random.default_rng(1)
params, grads = rng.normal(size=10**6), rng.normal(size=10**6)
box, counts = [params, opt.init(params)], []
for _ in range(20):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    box[0], box[1] = opt.step(box[0], grads, box[1])
    counts.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(statistics.median(counts))
"""


def page_faults(name: str) -> float:
    """Median minor page faults of one step at 10^6 parameters, in a new Python process (so
    that the memory allocator starts as in a learner's kernel, not after this benchmark)."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", FAULTS, name], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[-1])


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def report(started, loads, rows, browser_rows, browser_note, goal_rows, all_rows, profile) -> str:
    controls = [
        (row, explorer, control)
        for row in rows
        for explorer in row.get("explorers", [])
        for control in explorer["controls"]
    ]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`benchmarks/bench.py`) on {started:%Y-%m-%d %H:%M} UTC, "
        "every figure measured in this one run.",
        "",
        machine(loads),
        "",
        *summary_table(rows, controls, browser_rows, browser_note, goal_rows),
        "",
        *controls_table(controls),
        *browser_table(browser_rows, browser_note),
        *notebooks_table(rows),
        *optimizer_tables(goal_rows, all_rows),
        *display_table(rows),
        *where_time_goes(rows, controls, browser_rows, goal_rows, profile, loads),
    ]
    return "\n".join(lines).rstrip() + "\n"


def machine(loads) -> str:
    try:
        import matplotlib
        import torch

        versions = f"matplotlib {matplotlib.__version__}, torch {torch.__version__}"
    except ImportError:
        versions = "torch not installed"
    starts = ", ".join(f"{load[0]:.1f}" for load in loads)
    return (
        f"Machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
        f"Linux {platform.release()}; Python {platform.python_version()}, numpy "
        f"{np.__version__}, {versions}. Load average (1 min) at the start, after the notebooks, "
        f"after the browser and at the end: {starts}. Load above {os.cpu_count()} means other "
        "processes shared the CPUs: wall-clock times then grow, CPU times (given beside them) "
        "much less."
    )


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def summary_table(rows, controls, browser_rows, browser_note, goal_rows) -> list[str]:
    out = ["| figure | measured | goal | met |", "|---|---|---|---|"]
    if controls:
        medians = [c["median_ms"] for _, _, c in controls]
        cpus = [c["cpu_median_ms"] for _, _, c in controls]
        slow = sum(m > GOAL_REDRAW_MS for m in medians)
        out.append(
            f"| control change → new image sent, in the kernel: each control's `value` set after "
            f"Run All, timed until the assignment returns (compute, draw, PNG, widget update); "
            f"median per control, {len(controls)} controls of "
            f"{sum(len(r.get('explorers', [])) for r in rows)} explorers in {len(rows)} notebooks "
            f"| wall {min(medians):.0f}–{max(medians):.0f} ms (median of the controls "
            f"{statistics.median(medians):.0f} ms; {slow} over {GOAL_REDRAW_MS} ms); CPU "
            f"{min(cpus):.0f}–{max(cpus):.0f} ms (median {statistics.median(cpus):.0f} ms) "
            f"| ≤ {GOAL_REDRAW_MS} ms for every control | {verdict(slow == 0)} |"
        )
    timed = {k: v["median_ms"] for k, v in browser_rows.items() if "median_ms" in v}
    if timed:
        median = statistics.median(timed.values())
        out.append(
            f"| key press on a slider → final figure in JupyterLab + Chromium (median over "
            f"{len(timed)} notebooks) | {median:.0f} ms (notebooks {min(timed.values()):.0f}–"
            f"{max(timed.values()):.0f} ms) | ≤ {GOAL_BROWSER_MS} ms | "
            f"{verdict(median <= GOAL_BROWSER_MS)} |"
        )
    else:
        out.append(f"| key press → final figure in the browser | {browser_note} | ≤ 150 ms | — |")
    if rows:
        total = sum(r["seconds"] for r in rows)
        slowest = max(rows, key=lambda r: r["seconds"])
        over = [r["notebook"][:2] for r in rows if r["seconds"] > GOAL_NOTEBOOK_S]
        out.append(
            f"| {len(rows)} notebooks executed headless in fresh kernels (one after the other) "
            f"| suite {total:.1f} s; slowest {slowest['notebook'][:2]}: {slowest['seconds']:.1f} s"
            f"{'; over 5 s: ' + ', '.join(over) if over else ''} "
            f"| suite ≤ {GOAL_SUITE_S} s, each ≤ {GOAL_NOTEBOOK_S} s "
            f"| {verdict(total <= GOAL_SUITE_S and not over)} |"
        )
        peak = max(max(r["peak_mb"], r.get("peak_after_explorers_mb", 0)) for r in rows)
        out.append(
            f"| kernel peak memory (VmHWM), largest notebook, explorers exercised | {peak:.0f} MB "
            f"| < {GOAL_KERNEL_MB} MB (DESIGN.md) | {verdict(peak < GOAL_KERNEL_MB)} |"
        )
    for (name, _, size, goal), row in zip(bench_optim.GOALS, goal_rows, strict=True):
        if row["torch"] is None:
            out.append(
                f"| {name} step at {size:.0e} vs torch.optim | torch not installed | — | — |"
            )
            continue
        ratio = row["ours"]["cpu"] / row["torch"]["cpu"]
        wall = row["ours"]["wall"] / row["torch"]["wall"]
        out.append(
            f"| {name} step at {size:.0e} float64 parameters vs torch.optim's default "
            f"(`foreach=False` on CPU; 1 thread, interleaved) | {ratio:.2f}× CPU "
            f"({row['ours']['cpu'] * 1e3:.3f} vs {row['torch']['cpu'] * 1e3:.3f} ms); "
            f"{wall:.2f}× wall; {row['ours']['cpu'] / row['torch_foreach']['cpu']:.2f}× "
            f"`foreach=True` | ≤ {goal}× | {verdict(ratio <= goal)} |"
        )
    return out


def controls_table(controls) -> list[str]:
    if not controls:
        return []
    out = [
        "## Every explorer control, in the kernel",
        "",
        "Each control set to the values listed and back to its own, 3 times; wall clock until "
        "`control.value = v` returns, and the kernel's CPU time meanwhile. Phases: medians of "
        "the time spent in each step of a redraw (the rest is the widget update and "
        "bookkeeping).",
        "",
        "| notebook | cell | control | values tried | median ms | max ms | CPU ms | phases (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row, explorer, c in controls:
        phases = ", ".join(
            f"{name.split(' (')[0]} {c['phases_ms'][name]:.1f}"
            for name in PHASE_ORDER
            if name in c["phases_ms"]
        )
        flag = " **>60**" if c["median_ms"] > GOAL_REDRAW_MS else ""
        out.append(
            f"| {row['notebook'][:2]} | {explorer.get('cell')} | {c['control']} "
            f"({c['widget']}) | {', '.join(c['values'])[:40]} | {c['median_ms']:.0f}{flag} "
            f"| {c['max_ms']:.0f} | {c['cpu_median_ms']:.0f} | {phases} |"
        )
    fell_back = {
        f"{row['notebook'][:2]} cell {explorer.get('cell')}: {explorer['fallbacks']}"
        for row, explorer, _ in controls
        if explorer.get("fallbacks")
    }
    out += [
        "",
        "Redraws where the caching gave up and drew the whole figure (`_Composer.fallbacks`): "
        + (", ".join(sorted(fell_back)) if fell_back else "none")
        + ".",
    ]
    return [*out, ""]


def browser_table(browser_rows, note) -> list[str]:
    out = ["## Key press → final figure, in the browser", ""]
    if not browser_rows:
        return [*out, f"Not measured: {note}.", ""]
    out += [
        "First explorer with a slider in each notebook: its handle clicked, then ArrowRight and "
        "ArrowLeft in turn; keydown → last image load, timed in the page (`bench_browser.py`).",
        "",
        "| notebook | median ms | samples ms |",
        "|---|---|---|",
    ]
    bursts = []
    for name, row in browser_rows.items():
        if "median_ms" in row:
            samples = ", ".join(f"{s:.0f}" for s in row["samples_ms"])
            out.append(f"| {name[:2]} | {row['median_ms']:.0f} | {samples} |")
            if "burst_presses" in row:
                bursts.append((name, row))
        else:
            out.append(f"| {name[:2]} | — | {row['error']} |")
    if bursts:
        out += [
            "",
            "A fast drag: 12 key presses 20 ms apart. The widget front end sends one change at "
            "a time and merges those that arrive meanwhile, so the kernel redraws less often "
            "than keys are pressed and no stale redraws queue up:",
            "",
            "| notebook | key presses | redraws shown | last key → final figure ms |",
            "|---|---|---|---|",
            *(
                f"| {name[:2]} | {row['burst_presses']} | {row['burst_redraws']} "
                f"| {row['burst_last_key_to_final_ms']:.0f} |"
                for name, row in bursts
            ),
        ]
    return [*out, ""]


def notebooks_table(rows) -> list[str]:
    out = [
        "## Notebooks run headless",
        "",
        "nbclient, a fresh kernel each, one after the other; run time from the first cell to the "
        "last (kernel start-up excluded); kernel memory idle, peak after Run All, and peak after "
        "the explorers were exercised.",
        "",
        "| notebook | code cells | run s | idle MB | peak MB | peak with explorers MB | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        errors = "; ".join(r["errors"]) or "none"
        out.append(
            f"| {r['notebook']} | {r['code_cells']} | {r['seconds']:.1f} | {r['idle_mb']:.0f} "
            f"| {r['peak_mb']:.0f} | {r.get('peak_after_explorers_mb', 0):.0f} | {errors} |"
        )
    total = sum(r["seconds"] for r in rows)
    return [*out, f"| **total** | | {total:.1f} | | | | |", ""]


def optimizer_tables(goal_rows, all_rows) -> list[str]:
    rows = all_rows or goal_rows
    if not rows or rows[0]["torch"] is None:
        return []
    out = [
        "## Optimizer steps against torch.optim",
        "",
        "Medians of one step, ours and torch's run in turn (1 thread, float64); CPU time of the "
        "measuring thread, and the ratio ours / torch.",
        "",
        "| optimizer | params | ours ms | torch ms | ratio | foreach ms | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ours, single, multi = r["ours"]["cpu"], r["torch"]["cpu"], r["torch_foreach"]["cpu"]
        out.append(
            f"| {r['optimizer']} | {r['size']:.0e} | {ours * 1e3:.3f} | {single * 1e3:.3f} "
            f"| {ours / single:.2f} | {multi * 1e3:.3f} | {ours / multi:.2f} |"
        )
    return [*out, ""]


def display_table(rows) -> list[str]:
    shown = [(r["notebook"], r["display"]) for r in rows if r.get("display")]
    if not shown:
        return []
    out = [
        "## Showing a PNG in the kernel: `ipywidgets.Image` vs an `Output` area",
        "",
        "Kernel-side cost of showing one of the explorer's PNGs: replacing an Image widget's "
        "`value` (what explorers do now: raw bytes over the widget channel) vs `clear_output` + "
        "`display(Image)` in an Output widget (what they did before: base64 in JSON, and the "
        "Output widget's state echoed back). The browser side is in the key-press figure above.",
        "",
        "| notebook | PNG bytes | Image.value ms | Output + display ms |",
        "|---|---|---|---|",
    ]
    for name, d in shown:
        out.append(
            f"| {name[:2]} | {d['png_bytes']} | {d['image_value_ms']:.2f} "
            f"| {d['output_display_ms']:.2f} |"
        )
    return [*out, ""]


def large_arrays(faults: dict) -> list[str]:
    """The page faults of steps on large arrays, and what they explain."""
    text = (
        "**Steps on large arrays and fresh memory.** A pure step at 10⁶ parameters returns new "
        "arrays (8 MB each); torch's in-place steps allocate nothing. Minor page faults per step "
        f"(median, in a new process): Adam {faults['Adam']:.0f}, SGD {faults['SGD']:.0f}. "
    )
    if faults["Adam"] > 100:
        text += (
            "With three arrays coming and going per step (Adam: params and two moments), the C "
            "library hands the freed memory back to the operating system and takes it again on "
            "the next step, and the operating system zeroes every page it hands out. That is "
            "extra work torch does not do, and it varies with what else the process allocated: "
            "compare the Adam row of the summary with the Adam rows of the table above, "
            "measured minutes apart."
        )
    else:
        text += "Here the freed memory was reused without the operating system's help."
    return [text, ""]


def where_time_goes(rows, controls, browser_rows, goal_rows, profile, loads) -> list[str]:
    out = ["## Where the time goes", ""]
    slow = [(r, e, c) for r, e, c in controls if c["median_ms"] > GOAL_REDRAW_MS]
    if slow:
        worst = max(load[0] for load in loads)
        out += [
            f"**Redraws over {GOAL_REDRAW_MS} ms** ({len(slow)} controls). The load average "
            f"reached {worst:.1f} on {os.cpu_count()} CPUs during this run: a redraw needs "
            "the CPU times in the table, and waits for a CPU for the rest of its wall time. "
            "Where the CPU time itself is high, the phases say why: *draw* is the notebook's own "
            "`draw` (creating the artists: legends and stairs are the dear ones), *compose* is "
            "matplotlib drawing the artists that changed (text above all: titles and legend "
            "labels that carry numbers, and an axis whose limits follow the data), *sign* is "
            "telling changed artists from unchanged ones.",
            "",
        ]
    if goal_rows and goal_rows[0]["torch"] is not None:
        adam = goal_rows[0]
        out += [
            "**Adam at 10³ parameters.** A step is 13 numpy operations on 1 000 numbers (each a "
            "separate pass: numpy has no fused `lerp`/`addcdiv`), about 1 µs each, plus the "
            "argument checks, now done once per structure of the arguments (remembered) instead "
            "of on every step. Measured alone (not interleaved with torch): the whole step "
            f"{profile['adam_step_us']:.1f} µs, its arithmetic alone "
            f"{profile['adam_arithmetic_us']:.1f} µs; interleaved with torch (the figure "
            f"above) ours is {adam['ours']['cpu'] * 1e6:.1f} µs against torch's "
            f"{adam['torch']['cpu'] * 1e6:.1f} µs, because each library evicts the other's "
            "code and data from the CPU caches. The arithmetic's 13 calls alone put ≤ 0.25× out "
            "of reach with numpy operations; fusing them needs compiled code (numba, a C "
            "extension), which this suite does not depend on.",
            "",
        ]
    if profile.get("torch_sgd_ms"):
        out += [
            "**SGD at 10⁶ parameters.** torch updates the parameters in place in one pass "
            "(`param.add_(grad, alpha=-lr)`: read two arrays, write one). A pure step must "
            "return new arrays, and numpy has no fused `x + a·y`, so ours takes two passes "
            "(`np.multiply(grad, -lr, out=new)`, `new += param`) over cache-sized chunks. One "
            f"numpy pass over the two arrays alone (`np.add(x, y, out=z)`) costs "
            f"{profile['numpy_pass_ms']:.2f} ms against torch's whole step "
            f"{profile['torch_sgd_ms']:.2f} ms; our two passes (the chunks keep the second "
            f"one in the CPU cache) cost {profile['sgd_step_ms']:.2f} ms, fresh output "
            "included. Beating that needs a fused kernel (compiled code) or updating in place, "
            "which the pure `step` does not do.",
            "",
            *large_arrays(profile["page_faults"]),
        ]
    slow_notebooks = [r for r in rows if r["seconds"] > GOAL_NOTEBOOK_S]
    if slow_notebooks:
        explorer_cells = {
            (r["notebook"], e.get("cell")) for r in slow_notebooks for e in r.get("explorers", [])
        }
        slowest = {(r["notebook"], c["cell"]) for r in slow_notebooks for c in r["slowest_cells"]}
        among = "" if explorer_cells & slowest else "; the explorer cells are not among them"
        out.append(
            f"**Notebooks over 5 s.** Their slowest cells (the notebooks' own computations{among}):"
        )
        out.append("")
        for r in slow_notebooks:
            cells = "; ".join(
                f"cell {c['cell']} {c['seconds']:.1f} s (`{c['source']}`)"
                for c in r.get("slowest_cells", [])
            )
            out.append(f"- {r['notebook']}, {r['seconds']:.1f} s: {cells}")
        out.append("")
    timed = [v["median_ms"] for v in browser_rows.values() if "median_ms" in v]
    if timed and statistics.median(timed) > GOAL_BROWSER_MS:
        out += [
            "**Browser.** Key press → final figure is the kernel's redraw (above) plus the "
            "widget messages and the image decode in Chromium, which runs on the same two "
            "loaded CPUs.",
            "",
        ]
    return out if len(out) > 2 else []


if __name__ == "__main__":
    sys.exit(main())
