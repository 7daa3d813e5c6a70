"""Every exercise's test cell must reject plausible wrong answers, not only crashes.

For each notebook, one kernel runs the cells in order. At each graded solution cell, every
wrong answer listed in ``tests/wrong_answers/<notebook>.py`` is put in the solution's place and the
test cell that follows is run: it must fail with an AssertionError (the friendly feedback of
helpers.checks) and, where the wrong answer lists an expected fragment as a third element, the
message must contain it (the hint it gets is the helpful one). Then the reference solution is
run and the test cell must pass, and the notebook goes on.
"""

import copy
import runpy
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
NOTEBOOKS = sorted((HERE.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _wrong_answers(path):
    """The WRONG_ANSWERS dict of tests/wrong_answers/<notebook stem>.py ({} if there is none)."""
    file = HERE / "wrong_answers" / f"{path.stem}.py"
    return runpy.run_path(str(file))["WRONG_ANSWERS"] if file.exists() else {}


def _grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _is_solution(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)


def _is_test(cell):
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta.get("grade", False) and not meta.get("solution", False)


def _error(cell):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out["ename"], out.get("evalue", "")
    return None


def _run(client, cell, index, source=None):
    cell = copy.deepcopy(cell)
    if source is not None:
        cell.source = source
    cell.outputs = []
    client.execute_cell(cell, index)
    return cell


def test_every_exercise_has_wrong_answers_listed():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if _is_solution(cell):
                wrong = _wrong_answers(path).get(_grade_id(cell))
                assert wrong, (
                    f"{path.name}: solution {_grade_id(cell)!r} has no wrong answers listed"
                )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_test_cells_reject_wrong_answers_and_accept_the_solution(path):
    nb = nbformat.read(path, as_version=4)
    wrong_for_nb = _wrong_answers(path)
    client = NotebookClient(
        nb,
        timeout=30,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    checked = 0
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if _is_solution(cell):
                test_cell = next(c for c in nb.cells[index + 1 :] if _is_test(c))
                test_index = nb.cells.index(test_cell)
                for label, source, *hint in wrong_for_nb.get(_grade_id(cell), []):
                    ran = _run(client, cell, index, source)
                    assert _error(ran) is None, (
                        f"wrong answer {label!r} itself crashed: {_error(ran)}"
                    )
                    verdict = _error(_run(client, test_cell, test_index))
                    assert verdict and verdict[0] == "AssertionError", (
                        f"{path.name} {_grade_id(test_cell)}: wrong answer {label!r} was not "
                        f"rejected with an AssertionError (got {verdict})"
                    )
                    if hint:  # the feedback it gets must be the helpful one
                        assert hint[0] in verdict[1], (
                            f"{path.name} {_grade_id(test_cell)}: wrong answer {label!r} was "
                            f"rejected, but the message lacks {hint[0]!r}:\n{verdict[1]}"
                        )
                    checked += 1
            ran = _run(client, cell, index)
            assert _error(ran) is None, f"{path.name} cell {index} failed: {_error(ran)}"
    assert checked >= sum(len(v) for v in wrong_for_nb.values())
