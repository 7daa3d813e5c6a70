"""tools/links.py: every badge and launch link comes from pyproject.toml's [project.urls]."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "links.py"
_spec = importlib.util.spec_from_file_location("links", SCRIPT)
links = sys.modules["links"] = importlib.util.module_from_spec(_spec)  # dataclasses need it
_spec.loader.exec_module(links)

UPSTREAM = "https://github.com/ml-optimization-notebooks/ml-optimization-notebooks"
README = """# Suite

<!-- links:start badges -->
<!-- links:end badges -->

## Map

<!-- links:start map -->
<!-- links:end map -->

## Clone

<!-- links:start clone -->
<!-- links:end clone -->

## Hub

<!-- links:start hub -->
<!-- links:end hub -->
"""


def write_notebook(path: Path, title_cell: str) -> None:
    code = new_code_cell('print("hi · ✓")', execution_count=7)
    code.outputs = [new_output("stream", name="stdout", text="hi · ✓\n")]
    nb = new_notebook(cells=[new_markdown_cell(title_cell), code])
    nbformat.write(nb, path)


def make_repo(root: Path, urls=(UPSTREAM, f"{UPSTREAM}/tree/main")) -> Path:
    (root / "notebooks").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[project.urls]\nRepository = "{urls[0]}"\nBranch = "{urls[1]}"\n'
    )
    (root / "README.md").write_text(README)
    write_notebook(
        root / "notebooks" / "00_start_here.ipynb",
        "# 00 · Start here: rules vs weights\n\n*Time: 15 minutes*",
    )
    write_notebook(
        root / "notebooks" / "04_gradient_descent.ipynb",
        "# 04 · Gradient descent: walk downhill | one step at a time\n\nEstimated time: 20–25 min",
    )
    return root


def check(root: Path, capsys) -> tuple[int, str]:
    code = links.main(["--root", str(root), "--check"])
    return code, capsys.readouterr().out


@pytest.fixture
def repo(tmp_path, capsys):
    root = make_repo(tmp_path / "repo")
    assert links.main(["--root", str(root)]) == 0
    capsys.readouterr()
    return root


def cell_by_tag(path: Path, tag: str):
    nb = nbformat.read(path, as_version=4)
    return next(c for c in nb.cells if tag in c.metadata.get("tags", []))


def test_links_on_disk_match_what_make_links_writes():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, f"run `make links`:\n{result.stdout}{result.stderr}"


def test_check_passes_right_after_a_run(repo, capsys):
    assert check(repo, capsys) == (0, f"links are up to date ({UPSTREAM}, branch main)\n")


def test_check_fails_on_a_hand_edited_notebook_link_and_a_run_repairs_it(repo, capsys):
    path = repo / "notebooks" / "04_gradient_descent.ipynb"
    path.write_text(path.read_text().replace("/blob/main/", "/blob/dev/"))
    code, out = check(repo, capsys)
    assert code == 1
    assert "notebooks/04_gradient_descent.ipynb: rewrote the launch-links cell" in out
    assert "00_start_here" not in out
    assert links.main(["--root", str(repo)]) == 0
    assert check(repo, capsys)[0] == 0


def test_check_fails_on_a_hand_edited_readme_link(repo, capsys):
    readme = repo / "README.md"
    readme.write_text(readme.read_text().replace("branch=main", "branch=master"))
    code, out = check(repo, capsys)
    assert code == 1
    assert "README.md: block hub" in out


def test_check_fails_when_a_notebook_lacks_the_generated_cells(repo, capsys):
    write_notebook(repo / "notebooks" / "05_sgd.ipynb", "# 05 · SGD: noise helps")
    code, out = check(repo, capsys)
    assert code == 1
    assert "05_sgd.ipynb: inserted the launch-links cell, inserted the colab-setup cell" in out
    assert "README.md: block map" in out


def test_a_fork_repoints_every_link(repo, capsys):
    fork = "https://github.com/a-teacher/optim-course"
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(f"{UPSTREAM}/tree/main", f"{fork}/tree/spring-2027")
    )
    pyproject.write_text(pyproject.read_text().replace(UPSTREAM, fork))
    assert check(repo, capsys)[0] == 1
    assert links.main(["--root", str(repo)]) == 0
    files = [repo / "README.md", *sorted((repo / "notebooks").glob("*.ipynb"))]
    for path in files:
        text = path.read_text()
        assert "ml-optimization-notebooks" not in text, path
        assert "a-teacher/optim-course" in text and "spring-2027" in text, path


def test_rewrite_keeps_outputs_execution_counts_and_nbformat_layout(repo):
    path = repo / "notebooks" / "00_start_here.ipynb"
    text = path.read_text(encoding="utf-8")
    raw = json.loads(text)
    assert text == json.dumps(raw, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    code = raw["cells"][-1]
    assert code["execution_count"] == 7
    assert code["outputs"][0]["text"] == ["hi · ✓\n"]


def test_generated_cells_follow_the_title_cell(repo):
    nb = nbformat.read(repo / "notebooks" / "00_start_here.ipynb", as_version=4)
    kinds = [(c.cell_type, c.metadata.get("tags", [])) for c in nb.cells]
    assert kinds[1:3] == [("markdown", ["launch-links"]), ("code", ["colab-setup"])]
    assert nb.cells[0].source.startswith("# 00")
    assert all("id" in cell for cell in nb.cells)


def test_launch_cell_links_open_this_notebook(repo):
    source = cell_by_tag(repo / "notebooks" / "04_gradient_descent.ipynb", "launch-links").source
    nb = "notebooks/04_gradient_descent.ipynb"
    assert (
        f"https://mybinder.org/v2/gh/ml-optimization-notebooks/ml-optimization-notebooks/main?urlpath=lab/tree/{nb}"
        in source
    )  # noqa: E501
    assert (
        f"https://colab.research.google.com/github/ml-optimization-notebooks/ml-optimization-notebooks/blob/main/{nb}"
        in source
    )  # noqa: E501


def test_map_takes_title_promise_and_minutes_from_each_notebook(repo):
    readme = (repo / "README.md").read_text()
    assert "| 00 | [Start here](notebooks/00_start_here.ipynb) | rules vs weights | 15 |" in readme
    assert (
        "| 04 | [Gradient descent](notebooks/04_gradient_descent.ipynb) | "
        r"walk downhill \| one step at a time | 20–25 |"
    ) in readme


def test_readme_badges_open_start_here_in_jupyterlab(repo):
    readme = (repo / "README.md").read_text()
    assert "mybinder.org/v2/gh/ml-optimization-notebooks/ml-optimization-notebooks/main" in readme
    assert "?urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme


def test_hub_link_has_nbgitpuller_form():
    site = links.Site("me", "suite", "main")
    url = urlparse(links.hub_url(site, hub="https://hub.school.edu/"))
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "hub.school.edu",
        "/hub/user-redirect/git-pull",
    )
    assert parse_qs(url.query) == {
        "repo": ["https://github.com/me/suite"],
        "urlpath": ["lab/tree/suite/notebooks/00_start_here.ipynb"],
        "branch": ["main"],
    }


@pytest.mark.parametrize(
    ("repository", "branch", "message"),
    [
        ("https://gitlab.com/me/suite", "https://gitlab.com/me/suite/tree/main", "github.com"),
        ("https://github.com/me/suite", "https://github.com/me/other/tree/main", "Branch"),
        ("https://github.com/me/suite", "https://github.com/me/suite", "Branch"),
    ],
)
def test_bad_project_urls_are_reported(tmp_path, capsys, repository, branch, message):
    root = make_repo(tmp_path / "repo", urls=(repository, branch))
    assert links.main(["--root", str(root)]) == 2
    assert message in capsys.readouterr().err


def test_missing_readme_and_notebooks_are_fine(tmp_path, capsys):
    root = make_repo(tmp_path / "repo")
    shutil.rmtree(root / "notebooks")
    (root / "README.md").unlink()
    assert links.main(["--root", str(root), "--check"]) == 0


def test_readme_holds_every_generated_block():
    readme = ROOT / "README.md"
    if not readme.exists():
        pytest.skip("README.md is not written yet")
    text = readme.read_text(encoding="utf-8")
    for name in links.BLOCKS:
        assert f"<!-- links:start {name} -->" in text and f"<!-- links:end {name} -->" in text


def run_cells(*sources: str) -> list:
    from nbclient import NotebookClient

    nb = new_notebook(cells=[new_code_cell(source) for source in sources])
    NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    return [cell.outputs for cell in nb.cells]


FAKE_COLAB = """\
import importlib.util
import sys
import types

from IPython.core.magic import register_line_magic

sys.modules["google.colab"] = types.ModuleType("google.colab")
real_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a: None if name == "helpers" else real_find_spec(name, *a)


@register_line_magic
def pip(line):
    print("pip", line)
"""


def test_colab_cell_prints_nothing_outside_colab():
    site = links.Site("me", "suite", "main")
    assert run_cells(links.colab_cell_source(site)) == [[]]


def test_colab_cell_pip_installs_the_repo_on_colab_when_helpers_is_missing():
    site = links.Site("me", "suite", "dev")
    outputs = run_cells(FAKE_COLAB, links.colab_cell_source(site))
    assert outputs[1][0]["text"] == 'pip install -q "git+https://github.com/me/suite@dev"\n'


def test_generated_notebook_cells_are_ruff_clean(repo):
    ruff = Path(sys.executable).with_name("ruff")
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [
                str(ruff),
                *command,
                "--config",
                str(ROOT / "pyproject.toml"),
                str(repo / "notebooks"),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_map_shows_core_and_total_minutes(tmp_path, capsys):
    root = make_repo(tmp_path / "repo")
    write_notebook(
        root / "notebooks" / "05_sgd.ipynb",
        "# 05 · SGD: noisy steps\n\n*Time: core 30 min, all 55 min*",
    )
    assert links.main(["--root", str(root)]) == 0
    assert (
        "| 05 | [SGD](notebooks/05_sgd.ipynb) | noisy steps | 30 (all 55) |"
        in (root / "README.md").read_text()
    )


def test_teaching_guide_lists_core_and_optional_sections_and_exercises(tmp_path):
    root = make_repo(tmp_path / "repo")
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                "# 07 · Adagrad: steps per coordinate\n\n*Time: core 30 min, all 50 min*"
            ),
            new_markdown_cell("## 1. Rare features"),
            new_markdown_cell("## 2. The flaw (optional)"),
            new_markdown_cell("## Summary\n\n## Exercises\n\n### Exercise 1 — one step (2 points)"),
            new_code_cell("x = 1", metadata={"nbgrader": {"grade": True, "points": 2}}),
        ]
    )
    nbformat.write(nb, root / "notebooks" / "07_adagrad.ipynb")
    (root / "TEACHING.md").write_text(
        "<!-- links:start coursework -->\n<!-- links:end coursework -->\n"
    )
    assert links.main(["--root", str(root)]) == 0
    text = (root / "TEACHING.md").read_text()
    assert "#### 07 · [Adagrad](notebooks/07_adagrad.ipynb) — 30 (all 50) min, 2 points" in text
    assert "- **Core path:** 1. Rare features\n" in text
    assert "- **Optional (skip in a 50-minute lab):** 2. The flaw\n" in text
    assert "- **Exercises:** Exercise 1 — one step (2 points)" in text
    assert links.main(["--root", str(root), "--check"]) == 0


def test_the_map_cell_of_notebook_00_lists_every_notebook_with_relative_links(tmp_path):
    root = make_repo(tmp_path / "repo")
    path = root / "notebooks" / "00_start_here.ipynb"
    nb = nbformat.read(path, as_version=4)
    map_cell = new_markdown_cell("stale", metadata={"tags": ["suite-map"]})
    nb.cells.append(map_cell)
    nbformat.write(nb, path)
    assert links.main(["--root", str(root)]) == 0
    source = cell_by_tag(path, "suite-map").source
    assert "| 00 | **Start here** (this notebook) | rules vs weights | 15 |" in source
    row_04 = r"| 04 | [Gradient descent](04_gradient_descent.ipynb) | walk downhill \| one step"
    assert row_04 + " at a time | 20–25 |" in source
    assert links.main(["--root", str(root), "--check"]) == 0
