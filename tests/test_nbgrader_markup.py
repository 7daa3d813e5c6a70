"""The exercises carry nbgrader markup that a teacher can release unchanged.

Checks every notebook: solution cells have the BEGIN/END SOLUTION markers (with code the student
keeps outside them), test cells are locked, graded, worth points and follow their solution cell,
grade_ids are unique, and the student version (solutions replaced as nbgrader does) leaves the
function signatures in place.
"""

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted(
    (Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb")
)
SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION\n?", re.M | re.S)


def _meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def student_version(source):
    """What nbgrader's release puts in a solution cell: the solution replaced, indentation kept."""
    return SOLUTION.sub(r"\1# YOUR CODE HERE\n\1raise NotImplementedError()\n", source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_have_wellformed_nbgrader_markup(path):
    nb = nbformat.read(path, as_version=4)
    ids, pending_solution, n_tests = [], None, 0
    for index, cell in enumerate(nb.cells):
        meta = _meta(cell)
        if not meta:
            assert "### BEGIN SOLUTION" not in cell.source, (
                f"cell {index}: markers without metadata"
            )
            continue
        assert meta.get("schema_version") == 3, f"cell {index}: schema_version"
        ids.append(meta["grade_id"])
        if meta.get("solution"):
            assert cell.cell_type == "code" and SOLUTION.search(cell.source), f"cell {index}"
            assert meta.get("locked") is False, f"cell {index}: a solution cell must be editable"
            # The student release must still be valid Python (a signature left to fill in).
            compile(student_version(cell.source), f"{path.name} cell {index}", "exec")
            pending_solution = meta["grade_id"]
        elif meta.get("grade"):
            assert meta.get("locked") is True, f"cell {index}: a test cell must be locked"
            assert meta.get("points", 0) > 0, f"cell {index}: a test cell must be worth points"
            assert pending_solution, (
                f"cell {index}: test cell {meta['grade_id']} has no solution above it"
            )
            pending_solution, n_tests = None, n_tests + 1
    assert len(ids) == len(set(ids)), f"duplicate grade_id in {sorted(ids)}"
    assert 2 <= n_tests <= 4, f"{n_tests} graded exercises (the design asks for 2 to 4)"


def test_student_version_keeps_the_signature_and_drops_the_answer():
    source = (
        'def f(x):\n    """Doc."""\n'
        "    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n"
    )
    assert student_version(source) == (
        'def f(x):\n    """Doc."""\n    # YOUR CODE HERE\n    raise NotImplementedError()\n'
    )
