"""Each notebook run headless in a fresh kernel: its run time, its kernel's memory, and the time
of every control change of every explorer in it (found by running it, not listed by hand).

The notebook runs top to bottom with nbclient (as a learner's Run All would); then
``kernel_probe.py`` runs in the same kernel and times each control (see that file). Memory is the
kernel process's own: its resident set before the first cell, and its peak (VmHWM in
/proc/<pid>/status, Linux only) after the last cell and after the explorers were exercised.

    python benchmarks/bench_notebooks.py                  # every notebooks/*.ipynb
    python benchmarks/bench_notebooks.py path/to/nb.ipynb  # chosen notebooks
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("kernel_probe.py")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def status_mb(pid: int, field: str) -> float:
    """A ``VmRSS``/``VmHWM`` line of /proc/<pid>/status, in MB (10**6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024 / 1e6  # the kernel reports kB (KiB)
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def measure(path: Path, probe_repeats: int | None = 3, cell_timeout: int = 120) -> dict:
    """Run one notebook in a fresh kernel, then (unless ``probe_repeats`` is None) time its
    explorers' controls. Retried once if nbclient stalls on a reply (jupyter/nbclient#312)."""
    for attempt in range(2):
        try:
            return _measure(path, probe_repeats, cell_timeout)
        except (CellTimeoutError, DeadKernelError, TimeoutError):
            if attempt == 1:
                raise
    raise AssertionError("unreachable")


def _measure(path, probe_repeats, cell_timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    with client.setup_kernel(env=env):
        pid = client.km.provisioner.pid
        idle = status_mb(pid, "VmRSS")
        cell_seconds = []
        for index, cell in enumerate(nb.cells):
            start = time.perf_counter()
            client.execute_cell(cell, index)
            cell_seconds.append((time.perf_counter() - start, index))
        seconds = sum(t for t, _ in cell_seconds)
        peak = status_mb(pid, "VmHWM")
        row = {
            "notebook": path.name,
            "code_cells": sum(cell.cell_type == "code" for cell in nb.cells),
            "seconds": seconds,
            "idle_mb": idle,
            "peak_mb": peak,
            "errors": errors(nb),
            "slowest_cells": [
                {"cell": i, "seconds": t, "source": nb.cells[i].source.split("\n")[0][:70]}
                for t, i in sorted(cell_seconds, reverse=True)[:3]
            ],
        }
        if probe_repeats is not None:
            probed = run_probe(client, nb, probe_repeats)
            row["explorers"] = probed["explorers"]
            row["display"] = probed["display"]
            cells = explorer_cells(nb)
            for explorer in row["explorers"]:
                explorer["cell"] = cells.get(explorer["model_id"])
            row["peak_after_explorers_mb"] = status_mb(pid, "VmHWM")
    return row


def run_probe(client, nb, repeats: int) -> dict:
    source = PROBE.read_text(encoding="utf-8") + f"\nprobe({int(repeats)})\n"
    cell = nbformat.v4.new_code_cell(source)
    nb.cells.append(cell)
    try:
        client.execute_cell(cell, len(nb.cells) - 1)
    finally:
        nb.cells.pop()
    for output in cell.outputs:
        if output.get("output_type") == "error":
            raise RuntimeError("kernel_probe failed:\n" + "\n".join(output["traceback"]))
    text = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
    return json.loads(text.strip().splitlines()[-1])


def explorer_cells(nb) -> dict:
    """model_id -> index of the code cell whose output shows that widget."""
    found = {}
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                found[view["model_id"]] = index
    return found


def errors(nb) -> list[str]:
    """One line per code cell that raised while running (a notebook broken mid-edit)."""
    return [
        f"cell {index}: {output['ename']}: {output['evalue']}"[:200]
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def notebook_paths(argv: list[str] | None, description: str) -> list[Path]:
    """The notebooks named on the command line (default: every notebooks/*.ipynb); exits where
    there is no /proc to read a kernel's memory from."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("notebooks", nargs="*", type=Path)
    paths = parser.parse_args(argv).notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not Path("/proc/self/status").exists():
        sys.exit("needs Linux's /proc to read the kernel's memory")
    return paths


def main(argv: list[str] | None = None) -> int:
    paths = notebook_paths(argv, __doc__.split("\n\n")[0])
    print(f"{'notebook':<40} {'run s':>6} {'peak MB':>8}  slowest control (median ms)")
    for path in paths:
        row = measure(path)
        controls = [
            (c["median_ms"], f"{c['control']}") for e in row["explorers"] for c in e["controls"]
        ]
        slowest = max(controls, default=(0.0, "-"))
        print(
            f"{path.name:<40} {row['seconds']:>6.1f} {row['peak_mb']:>8.0f}  "
            f"{slowest[1]} {slowest[0]:.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
