"""``make bench`` runs (quick mode, one small notebook, no browser) and writes its report.

The numbers are not checked: they depend on the machine and its load. What is checked is that
the benchmark finds a notebook's explorers by running it, times every one of their controls, and
writes one Markdown report whose summary table puts each figure beside its goal.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

CELLS = [
    "import numpy as np\nfrom helpers import widgets",
    "def draw(result, fig):\n"
    "    ax = fig.add_subplot()\n"
    "    ax.plot(np.linspace(0, 1, 50) ** result['power'], color=result['color'])\n"
    "    ax.set(ylim=(0, 1), title=f\"power {result['power']}\")\n\n\n"
    "widgets.explorer(\n"
    "    lambda power, color, grid: {'power': power, 'color': color},\n"
    "    draw,\n"
    "    {\n"
    "        'power': widgets.slider(1, 5, 1, 2, 'power'),\n"
    "        'color': widgets.dropdown(['C0', 'C1', 'C2'], 'C0', 'colour'),\n"
    "        'grid': widgets.checkbox(True, 'grid'),\n"
    "    },\n"
    "    figsize=(4, 3),\n"
    ")",
]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_bench_runs_quickly_and_writes_the_report(tmp_path):
    notebook = tmp_path / "99_bench_smoke.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, notebook)
    out = tmp_path / "RESULTS.md"
    env = {
        **os.environ,
        "BENCH_QUICK": "1",
        "BENCH_NOTEBOOKS": str(notebook),
        "BENCH_OUT": str(out),
    }
    result = subprocess.run(
        ["make", "-s", "bench", f"PY={sys.executable}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert "| figure | measured | goal | met |" in report
    assert "3 controls of 1 explorers in 1 notebooks" in report
    assert f"{os.cpu_count()} CPUs" in report and "Load average (1 min)" in report
    for control in ("power (IntSlider)", "color (Dropdown)", "grid (Checkbox)"):
        assert f"| 99 | 1 | {control} |" in report
    assert "| 99_bench_smoke.ipynb | 2 |" in report  # its run time and memory
    assert "Adam step at 1e+03" in report and "SGD step at 1e+06" in report
