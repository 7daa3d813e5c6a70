"""Each notebook runs alone, from a fresh kernel, whatever the working directory.

nbval (``make test-notebooks``) runs every notebook with ``notebooks/`` as the working directory;
this test runs each one again from the repository root, as a course JupyterHub or an editor that
opens the repo folder may do, and requires it to finish without errors or anything on stderr.
It also checks that ``import helpers`` works with nothing installed, from either folder.
"""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_alone_from_the_repo_root(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=30, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"cell {index}: {out.get('ename')}"
            if out.get("output_type") == "stream":
                assert out["name"] != "stderr", f"cell {index} wrote to stderr: {out['text'][:200]}"


@pytest.mark.parametrize("folder", ["notebooks", "."])
def test_helpers_imports_without_being_installed(folder):
    # -S hides site-packages (and with it any installed copy of helpers); the kernel puts its
    # working directory first on sys.path, as we do here.
    code = "import sys; sys.path.insert(0, ''); import helpers; print(helpers.__file__)"
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=ROOT / folder, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve().parent == ROOT / "helpers"
