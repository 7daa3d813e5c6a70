"""Graded coursework with nbgrader: build the student release, autograde a folder of submissions.

Each notebook is its own nbgrader *assignment*, named after the notebook (``05_stochastic_and_
minibatch_gd``), so a course can hand them out one week at a time. The course directory follows
nbgrader's layout::

    COURSE/source/NN_name/NN_name.ipynb (+ helpers/)   the notebooks with solutions (from the repo)
    COURSE/release/NN_name/                            what learners get: solutions and hidden
                                                       tests removed, helpers/ beside them
    COURSE/submitted/STUDENT/NN_name/NN_name.ipynb     what they hand in
    COURSE/autograded/, COURSE/feedback/               graded copies, one HTML report each
    COURSE/gradebook.db, COURSE/grades.csv             scores

Run it with the instructor environment's Python (``make autograde`` does): nbgrader and
everything the notebooks import must be installed there, because autograding executes each
submission in that environment's kernel.

Usage::

    python tools/grading.py release [--course DIR] [NOTEBOOK ...]
    python tools/grading.py autograde SUBMITTED [--course DIR]

``SUBMITTED`` is a folder ``SUBMITTED/STUDENT/NN_name/NN_name.ipynb`` (nbgrader's ``submitted/``
layout, e.g. what ``nbgrader collect`` or an LMS export gives). ``autograde`` prints one line per
student and assignment: score, maximum and the feedback file.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_COURSE = ROOT / "nbgrader-course"
SOLUTION = re.compile(r"### BEGIN SOLUTION\n?(.*?)### END SOLUTION\n?", re.S)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n?(.*?)### END HIDDEN TESTS\n?", re.S)


def assignment_notebooks(names=()):
    """The notebooks to grade: all ``NN_*.ipynb`` with an nbgrader cell, or those named."""
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if names:
        wanted = {Path(name).stem for name in names}
        unknown = wanted - {p.stem for p in paths}
        if unknown:
            raise SystemExit(f"no such notebook(s): {', '.join(sorted(unknown))}")
        paths = [p for p in paths if p.stem in wanted]
    return [p for p in paths if any(_nbgrader(c) for c in nbformat.read(p, 4).cells)]


def _nbgrader(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def _nbgrader_command(course: Path, *args: str):
    """Run ``nbgrader ARGS`` for this course; nbgrader shells out to alembic, so its bin is on
    PATH."""
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    command = [
        str(bin_dir / "nbgrader"),
        *args,
        f"--CourseDirectory.root={course}",
        f"--CourseDirectory.db_url=sqlite:///{course / 'gradebook.db'}",
    ]
    done = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def release(course: Path, notebooks) -> list[Path]:
    """Copy each notebook (and helpers/) into ``source/``, generate ``release/``; return the
    released notebooks."""
    course.mkdir(parents=True, exist_ok=True)
    released = []
    for path in notebooks:
        source = course / "source" / path.stem
        if source.exists():
            shutil.rmtree(source)
        source.mkdir(parents=True)
        shutil.copy(path, source / path.name)
        shutil.copytree(
            ROOT / "helpers", source / "helpers", ignore=shutil.ignore_patterns("__pycache__")
        )
        _nbgrader_command(course, "generate_assignment", path.stem, "--force", "--create")
        released.append(course / "release" / path.stem / path.name)
    return released


def autograde(course: Path, submitted: Path) -> list[dict]:
    """Autograde every ``submitted/STUDENT/ASSIGNMENT/``; write feedback and ``grades.csv``."""
    target = course / "submitted"
    if submitted.resolve() != target.resolve():
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(submitted, target)
    assignments = sorted({p.name for p in target.glob("*/*") if p.is_dir()})
    for assignment in assignments:
        _nbgrader_command(course, "autograde", assignment, "--force", "--create")
        _nbgrader_command(course, "generate_feedback", assignment, "--force")
    _nbgrader_command(course, "export", f"--to={course / 'grades.csv'}")
    with open(course / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if (target / row["student_id"] / row["assignment"]).is_dir()
        ]
    for row in rows:
        feedback = course / "feedback" / row["student_id"] / row["assignment"]
        row["feedback"] = str(next(feedback.glob("*.html"), feedback))
    return rows


def secret_lines(source: Path) -> set[str]:
    """Lines (stripped, 6+ characters, not comments) that stand only in solution regions or
    hidden tests of ``source``, nowhere else in it."""
    secret, public = set(), set()
    for cell in nbformat.read(source, 4).cells:
        hidden_parts = SOLUTION.findall(cell.source) + HIDDEN.findall(cell.source)
        rest = HIDDEN.sub("", SOLUTION.sub("", cell.source))
        secret |= {line.strip() for part in hidden_parts for line in part.splitlines()}
        public |= {line.strip() for line in rest.splitlines()}
    return {line for line in secret - public if len(line) >= 6 and not line.startswith("#")}


def leaks(source: Path, released: Path) -> list[str]:
    """The secret lines of ``source`` (see :func:`secret_lines`) that appear in ``released`` (an
    answer handed out with the question), and any solution or hidden-test marker left in it."""
    secret, found = secret_lines(source), []
    for cell in nbformat.read(released, 4).cells:
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS"):
            if marker in cell.source:
                found.append(f"marker {marker!r} in the release")
        found += [line.strip() for line in cell.source.splitlines() if line.strip() in secret]
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("release", help="build COURSE/release/ from the notebooks")
    make.add_argument("notebooks", nargs="*", help="notebook names (default: all with exercises)")
    grade = sub.add_parser("autograde", help="score COURSE/submitted/ (or the folder given)")
    grade.add_argument("submitted", type=Path)
    for command in (make, grade):
        command.add_argument("--course", type=Path, default=DEFAULT_COURSE)
    args = parser.parse_args(argv)
    course = args.course.resolve()
    if args.command == "release":
        for path in release(course, assignment_notebooks(args.notebooks)):
            problems = leaks(course / "source" / path.parent.name / path.name, path)
            status = "OK" if not problems else f"LEAKS {problems[:3]}"
            print(f"{path.relative_to(course)}: {status}")
        return 0
    if not (course / "gradebook.db").exists():
        release(course, assignment_notebooks())
    for row in autograde(course, args.submitted.resolve()):
        print(
            f"{row['student_id']:<16} {row['assignment']:<40} "
            f"{float(row['score']):5.1f} / {float(row['max_score']):4.1f}   {row['feedback']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
