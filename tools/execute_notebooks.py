"""Re-execute notebooks top to bottom in a fresh kernel and store their outputs.

This is the one way to regenerate the committed outputs (``make notebooks``): each notebook runs
with its own folder as the working directory, exactly as nbval will run it.

Usage: python tools/execute_notebooks.py notebooks/04_gradient_descent.ipynb [...]
"""

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, timeout: int = 30) -> float:
    """Execute ``path`` in place from a fresh kernel; return the wall time in seconds."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    start = time.perf_counter()
    # A short cell timeout on purpose: every cell here takes seconds, and nbclient sometimes leaves
    # an explorer (ipywidgets) cell's reply unread until the timeout runs out (jupyter/nbclient#312;
    # the cell then completes normally). 30 s caps that stall without failing a real cell.
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=30, help="seconds per cell")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        seconds = execute(path, args.timeout)
        print(f"{path}: executed in {seconds:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
