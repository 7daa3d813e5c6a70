"""How long each notebook takes and how much memory its kernel needs: for sizing a JupyterHub.

Each notebook runs top to bottom with nbclient in a fresh kernel (the venv's python3 kernel), as
a learner's Run All would. The memory is the kernel process's own: its peak resident set (VmHWM in
/proc/<pid>/status, Linux only) after the last cell, next to the resident set of the idle kernel
before the first cell. A learner's server adds JupyterLab's single-user server (~100 MB) on top.
``make bench`` measures the same (and the explorers) into benchmarks/RESULTS.md.

    python benchmarks/notebook_resources.py                  # every notebooks/*.ipynb
    python benchmarks/notebook_resources.py path/to/nb.ipynb  # chosen notebooks
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_notebooks import measure, notebook_paths  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    paths = notebook_paths(argv, __doc__.split("\n\n")[0])
    print(f"{'notebook':<40} {'code cells':>10} {'run s':>7} {'idle MB':>8} {'peak MB':>8}")
    rows = []
    for path in paths:
        row = measure(path, probe_repeats=None)
        rows.append(row)
        print(
            f"{path.name:<40} {row['code_cells']:>10} {row['seconds']:>7.1f} "
            f"{row['idle_mb']:>8.0f} {row['peak_mb']:>8.0f}",
            flush=True,
        )
    print(
        f"{'largest / total':<40} {'':>10} {sum(r['seconds'] for r in rows):>7.1f} "
        f"{max(r['idle_mb'] for r in rows):>8.0f} {max(r['peak_mb'] for r in rows):>8.0f}"
    )
    print("peak MB = the kernel's highest resident set (VmHWM) during the run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
