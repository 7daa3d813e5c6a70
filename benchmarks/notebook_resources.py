"""How long each notebook takes and how much memory its kernel needs: for sizing a JupyterHub.

Each notebook runs top to bottom with nbclient in a fresh kernel (the venv's python3 kernel), as
a learner's Run All would. The memory is the kernel process's own: its peak resident set (VmHWM in
/proc/<pid>/status, Linux only) after the last cell, next to the resident set of the idle kernel
before the first cell. A learner's server adds JupyterLab's single-user server (~100 MB) on top.

    python benchmarks/notebook_resources.py                  # every notebooks/*.ipynb
    python benchmarks/notebook_resources.py path/to/nb.ipynb  # chosen notebooks
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
FALLBACK = ROOT / "tests" / "browser" / "fixtures" / "smoke_explorers.ipynb"


def status_mb(pid: int, field: str) -> float:
    """A ``VmRSS``/``VmHWM`` line of /proc/<pid>/status, in MB (10**6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024 / 1e6  # the kernel reports kB (KiB)
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def measure(path: Path) -> dict:
    """Run one notebook in a fresh kernel; return cells, seconds, idle and peak kernel RSS."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    with client.setup_kernel(env=env):
        pid = client.km.provisioner.pid
        idle = status_mb(pid, "VmRSS")
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        peak = status_mb(pid, "VmHWM")
    code_cells = sum(cell.cell_type == "code" for cell in nb.cells)
    return {"cells": code_cells, "seconds": seconds, "idle": idle, "peak": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    paths = parser.parse_args(argv).notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("no notebooks in notebooks/ yet; measuring the browser-test fixture instead")
        paths = [FALLBACK]
    if not Path("/proc/self/status").exists():
        print("needs Linux's /proc to read the kernel's memory", file=sys.stderr)
        return 1
    print(f"{'notebook':<40} {'code cells':>10} {'run s':>7} {'idle MB':>8} {'peak MB':>8}")
    rows = []
    for path in paths:
        row = measure(path)
        rows.append(row)
        print(
            f"{path.name:<40} {row['cells']:>10} {row['seconds']:>7.1f} "
            f"{row['idle']:>8.0f} {row['peak']:>8.0f}",
            flush=True,
        )
    print(
        f"{'largest / total':<40} {'':>10} {sum(r['seconds'] for r in rows):>7.1f} "
        f"{max(r['idle'] for r in rows):>8.0f} {max(r['peak'] for r in rows):>8.0f}"
    )
    print("peak MB = the kernel's highest resident set (VmHWM) during the run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
