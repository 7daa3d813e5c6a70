"""Autograding end to end, with nbgrader's own commands, as a teacher would run it.

In a temporary course directory: build the student release of every notebook that has exercises
(``tools/grading.py release``), check that it hands out no answer, then grade three synthetic
submissions per notebook (``tools/grading.py autograde``):

- ``reference``: every exercise answered with the repo's solution -> full marks;
- ``untouched``: the release handed in as it is -> zero, and no crash;
- ``one_wrong``: all solutions but the last exercise, which holds the first plausible wrong
  answer of ``tests/wrong_answers/`` -> full marks minus that exercise's points.

nbgrader lives in its own instructor environment (``.venv-nbgrader``, ``make .venv-nbgrader``);
``make test`` builds it and sets ``GRADING_REQUIRED=1`` so that a missing environment fails here
instead of skipping. ``GRADING_NOTEBOOKS=00_start_here,04_gradient_descent`` limits a local run.
"""

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import grading  # noqa: E402

NBGRADER_PYTHON = ROOT / ".venv-nbgrader" / "bin" / "python"
MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", re.M)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    if not NBGRADER_PYTHON.exists():
        if os.environ.get("GRADING_REQUIRED"):
            pytest.fail(f"{NBGRADER_PYTHON} is missing: run `make .venv-nbgrader/.installed`")
        pytest.skip("no instructor environment: make .venv-nbgrader/.installed")
    root = tmp_path_factory.mktemp("course")
    names = [path.stem for path in _notebooks()]
    done = subprocess.run(
        [
            str(NBGRADER_PYTHON),
            str(ROOT / "tools" / "grading.py"),
            "release",
            "--course",
            root,
            *names,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def _notebooks():
    names = [n for n in os.environ.get("GRADING_NOTEBOOKS", "").split(",") if n]
    return grading.assignment_notebooks(names)


def _solution_cells(nb):
    return [c for c in nb.cells if grading._nbgrader(c).get("solution")]


def _points_after(nb, solution_cell):
    """Points of the test cells that follow ``solution_cell`` up to the next solution cell."""
    index = nb.cells.index(solution_cell)
    points = 0
    for cell in nb.cells[index + 1 :]:
        meta = grading._nbgrader(cell)
        if meta.get("solution"):
            break
        if meta.get("grade"):
            points += meta.get("points", 0)
    return points


def _total_points(nb):
    return sum(
        grading._nbgrader(c).get("points", 0) for c in nb.cells if grading._nbgrader(c).get("grade")
    )


def _submission(released, source, wrong=None):
    """The released notebook with its solution cells filled in from ``source`` (markers removed);
    ``wrong`` = (grade_id, code) puts a wrong answer in one of them."""
    nb = nbformat.read(released, 4)
    answers = {grading._nbgrader(c)["grade_id"]: c.source for c in _solution_cells(source)}
    for cell in _solution_cells(nb):
        grade_id = grading._nbgrader(cell)["grade_id"]
        cell.source = MARKERS.sub("", answers[grade_id])
        if wrong and grade_id == wrong[0]:
            cell.source = wrong[1]
    return nb


def test_the_release_hands_out_no_solution_and_no_hidden_test(course):
    notebooks = _notebooks()
    assert notebooks, "no notebook has exercises"
    for path in notebooks:
        released = course / "release" / path.stem / path.name
        assert released.exists(), f"{path.name} was not released"
        assert (course / "release" / path.stem / "helpers" / "optim.py").exists()
        assert grading.leaks(path, released) == [], path.name
        stubs = [c for c in _solution_cells(nbformat.read(released, 4))]
        assert stubs and all("raise NotImplementedError" in c.source for c in stubs), path.name


def test_leak_scan_finds_a_solution_line_left_in_a_release(tmp_path):
    path = _notebooks()[0]
    secret = sorted(grading.secret_lines(path))
    assert secret, f"{path.name}: no line of its solutions is secret?"
    released = tmp_path / path.name
    nbformat.write(nbformat.read(path, 4), released)  # solutions left in: every secret leaks
    assert set(secret) <= set(grading.leaks(path, released))


def test_autograde_scores_reference_untouched_and_wrong_submissions(course):
    expected = {}
    submitted = course / "incoming"
    for path in _notebooks():
        source = nbformat.read(path, 4)
        released = course / "release" / path.stem / path.name
        wrong_file = ROOT / "tests" / "wrong_answers" / f"{path.stem}.py"
        last = _solution_cells(source)[-1]
        last_id = grading._nbgrader(last)["grade_id"]
        wrong_code = runpy.run_path(str(wrong_file))["WRONG_ANSWERS"][last_id][0][1]
        total = _total_points(source)
        submissions = {
            "reference": (_submission(released, source), total),
            "untouched": (nbformat.read(released, 4), 0),
            "one_wrong": (
                _submission(released, source, (last_id, wrong_code)),
                total - _points_after(source, last),
            ),
        }
        for student, (nb, score) in submissions.items():
            folder = submitted / student / path.stem
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / path.name)
            expected[(student, path.stem)] = (float(score), float(total))
    done = subprocess.run(
        [str(NBGRADER_PYTHON), str(ROOT / "tools" / "grading.py"), "autograde", submitted,
         "--course", course],
        capture_output=True,
        text=True,
        timeout=3600,  # ~36 notebook runs: minutes on an idle machine, far more on a loaded one
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    got = {}
    for line in done.stdout.splitlines():
        student, assignment, score, _, maximum, feedback = line.split()
        got[(student, assignment)] = (float(score), float(maximum))
        assert Path(feedback).suffix == ".html" and Path(feedback).exists(), line
    assert got == expected
