"""Write every badge and launch link (Binder, Colab, nbgitpuller) from pyproject.toml's URLs.

The suite's public address lives in one place, ``[project.urls]`` in ``pyproject.toml``::

    Repository = "https://github.com/OWNER/REPO"
    Branch = "https://github.com/OWNER/REPO/tree/BRANCH"

A fork changes those two lines and runs ``make links`` (this script); every generated part is
re-pointed at once:

* in each ``notebooks/NN_name.ipynb``, the markdown cell tagged ``launch-links`` (Binder and
  Colab badges for that notebook) and the code cell tagged ``colab-setup`` (installs ``helpers``
  on Colab only). Missing cells are inserted right after the title cell. Only the cells' source
  is rewritten; outputs and execution counts are left alone, and the file is written by nbformat.
* in markdown files (default ``README.md`` and ``TEACHING.md``), the text between
  ``<!-- links:start NAME -->`` and ``<!-- links:end NAME -->`` for NAME in ``badges``, ``map``,
  ``clone`` and ``hub`` (README) and ``coursework`` (TEACHING: per notebook its minutes, core
  and optional sections, and exercises with their points, read from the notebooks).

A markdown cell tagged ``suite-map`` (the map in notebook 00) gets the same map as a table with
links relative to ``notebooks/``.

The suite's map (NAME=map) is read from the notebooks themselves, so nothing is written twice:
the first ``# NN · Title: promise`` heading gives the title and "what it teaches" (the promise),
and a line such as ``*Time: core 30 min, all 55 min*`` (or ``*Time: 20 minutes*``) in the first
cell gives the minutes. Notebooks that do not exist yet simply have no row.

Usage::

    python tools/links.py            # rewrite what is stale, print what changed
    python tools/links.py --check    # exit 1 and list stale files; write nothing
    python tools/links.py --root DIR extra.md ...   # another checkout / other markdown files
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat

ROOT = Path(__file__).resolve().parents[1]
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
HUB_PLACEHOLDER = "https://YOUR-HUB.example.org"
LAUNCH_TAG = "launch-links"
COLAB_TAG = "colab-setup"
MAP_TAG = "suite-map"
BLOCKS = ("badges", "map", "clone", "hub")  # README.md
TEACHING_BLOCKS = ("coursework",)  # TEACHING.md
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"


@dataclass(frozen=True)
class Site:
    """Where the suite is published: a GitHub repository and the branch learners get."""

    owner: str
    repo: str
    branch: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.owner}/{self.repo}"


def read_site(pyproject: Path) -> Site:
    """Read OWNER/REPO/BRANCH from ``[project.urls]``; raise ValueError when they do not parse."""
    urls = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["urls"]
    repository = urls["Repository"].rstrip("/").removesuffix(".git")
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+)", repository)
    if match is None:
        raise ValueError(
            f"[project.urls] Repository must be https://github.com/OWNER/REPO "
            f"(Binder and Colab launch from GitHub), got {urls['Repository']!r}"
        )
    prefix = f"{repository}/tree/"
    branch_url = urls["Branch"].rstrip("/")
    if not branch_url.startswith(prefix) or branch_url == prefix.rstrip("/"):
        raise ValueError(f"[project.urls] Branch must be {prefix}BRANCH, got {urls['Branch']!r}")
    return Site(owner=match[1], repo=match[2], branch=branch_url.removeprefix(prefix))


# --- links -------------------------------------------------------------------------------------


def binder_url(site: Site, path: str = START_NOTEBOOK) -> str:
    """mybinder.org link that builds ``binder/`` and opens ``path`` in JupyterLab."""
    branch = quote(site.branch, safe="")
    return f"https://mybinder.org/v2/gh/{site.owner}/{site.repo}/{branch}?urlpath=lab/tree/{path}"


def colab_url(site: Site, path: str = START_NOTEBOOK) -> str:
    """Google Colab link that opens the notebook at ``path`` straight from GitHub."""
    return f"https://colab.research.google.com/github/{site.owner}/{site.repo}/blob/{site.branch}/{path}"


def hub_url(site: Site, hub: str = HUB_PLACEHOLDER, path: str = START_NOTEBOOK) -> str:
    """nbgitpuller link: clone/update the suite into the learner's hub home, open ``path``.

    nbgitpuller clones into a folder named after the repository, so ``urlpath`` starts with it.
    Parameters are encoded like nbgitpuller's own link generator does.
    """
    query = urlencode(
        {"repo": site.url, "urlpath": f"lab/tree/{site.repo}/{path}", "branch": site.branch}
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def pip_target(site: Site) -> str:
    """What ``pip install`` needs to install ``helpers`` from the public repository."""
    return f"git+{site.url}@{site.branch}"


def badges(site: Site, path: str = START_NOTEBOOK) -> str:
    """Markdown badges: open ``path`` on Binder, open it in Colab."""
    return (
        f"[![Open in Binder]({BINDER_BADGE})]({binder_url(site, path)}) "
        f"[![Open in Colab]({COLAB_BADGE})]({colab_url(site, path)})"
    )


# --- notebooks ---------------------------------------------------------------------------------


def launch_cell_source(site: Site, path: str) -> str:
    return badges(site, path)


def colab_cell_source(site: Site) -> str:
    return (
        "# Acts on Google Colab only: installs this suite's `helpers` package there.\n"
        "import importlib.util\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules and importlib.util.find_spec("helpers") is None:\n'
        f'    %pip install -q "{pip_target(site)}"\n'
        "    importlib.invalidate_caches()"
    )


@dataclass(frozen=True)
class NotebookInfo:
    path: str  # relative to the repository root, with forward slashes
    number: str
    title: str
    promise: str
    minutes: str


TITLE = re.compile(r"^#\s+(?:(\d+)\s*[·.:\-–—]?\s*)?(.+?)\s*$", re.MULTILINE)
MINUTES = re.compile(r"\btime\b[^0-9\n]{0,20}(\d+(?:\s*[-–]\s*\d+)?)\s*min", re.IGNORECASE)
CORE_ALL = re.compile(r"\btime\b\W+core\s+(\d+)\s*min\w*,?\s+all\s+(\d+)\s*min", re.IGNORECASE)
EXERCISE = re.compile(r"^###\s+(Exercise\s+\d+)\s*[—–:-]\s*(.+?)\s*$", re.MULTILINE)
OPTIONAL = " (optional)"


def notebook_info(nb: nbformat.NotebookNode, path: str) -> NotebookInfo:
    """Title, promise and minutes from the notebook's first cell; '' where they are missing."""
    first = nb.cells[0].source if nb.cells else ""
    number = Path(path).name.split("_", 1)[0]
    title, promise = Path(path).stem, ""
    match = TITLE.search(first)
    if match:
        number = match[1] or number
        title, _, promise = match[2].partition(": ")
    core_all, minutes = CORE_ALL.search(first), MINUTES.search(first)
    if core_all:
        minutes = f"{core_all[1]} (all {core_all[2]})"
    else:
        minutes = minutes[1] if minutes else ""
    return NotebookInfo(path, number, title.strip(), promise.strip(), minutes)


@dataclass(frozen=True)
class Coursework:
    """What a teacher plans with: sections of the core path, optional ones, the exercises."""

    info: NotebookInfo
    core: tuple[str, ...]
    optional: tuple[str, ...]
    exercises: tuple[str, ...]  # "Exercise 1 — title (2 points)", as the notebook heads them
    points: int


CLOSING = ("Summary", "Exercises", "Further reading")


def coursework(nb: nbformat.NotebookNode, info: NotebookInfo) -> Coursework:
    """Sections (``##`` headings; ``(optional)`` ones apart), exercises and total points."""
    core, optional, exercises = [], [], []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("## ") and line[3:].strip() not in CLOSING:
                heading = line[3:].strip()
                if heading.endswith(OPTIONAL):
                    optional.append(heading.removesuffix(OPTIONAL))
                else:
                    core.append(heading)
        exercises += [f"{m[1]} — {m[2]}" for m in EXERCISE.finditer(cell.source)]
    points = sum(
        cell.metadata.get("nbgrader", {}).get("points", 0)
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    )
    return Coursework(info, tuple(core), tuple(optional), tuple(exercises), int(points))


def tagged(nb: nbformat.NotebookNode, tag: str) -> list[int]:
    return [i for i, cell in enumerate(nb.cells) if tag in cell.get("metadata", {}).get("tags", [])]


def new_cell(nb: nbformat.NotebookNode, kind: str, tag: str) -> nbformat.NotebookNode:
    cell = (nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell)()
    cell.metadata["tags"] = [tag]
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        del cell["id"]  # cell ids exist from nbformat 4.5 on
    return cell


def update_notebook(nb: nbformat.NotebookNode, site: Site, path: str) -> list[str]:
    """Bring the two generated cells up to date in place; return what changed (empty if nothing)."""
    changes = []
    for tag, kind, source, after in (
        (LAUNCH_TAG, "markdown", launch_cell_source(site, path), None),
        (COLAB_TAG, "code", colab_cell_source(site), LAUNCH_TAG),
    ):
        if not tagged(nb, tag):
            anchor = tagged(nb, after)[-1] if after else 0  # right after the title cell
            nb.cells.insert(min(anchor + 1, len(nb.cells)), new_cell(nb, kind, tag))
            changes.append(f"inserted the {tag} cell")
        for i in tagged(nb, tag):
            if nb.cells[i].source != source:
                nb.cells[i].source = source
                if not changes or changes[-1] != f"inserted the {tag} cell":
                    changes.append(f"rewrote the {tag} cell")
    return changes


def notebook_map_source(infos: list[NotebookInfo], here: str) -> str:
    """The map as a markdown table for a notebook in ``notebooks/`` (links relative to it)."""
    rows = ["| # | notebook | what it teaches | minutes: core (all) |", "|---|---|---|---|"]
    for info in infos:
        name = Path(info.path).name
        title = (
            f"**{cell_text(info.title)}** (this notebook)"
            if info.path == here
            else f"[{cell_text(info.title)}]({name})"
        )
        rows.append(f"| {info.number} | {title} | {cell_text(info.promise)} | {info.minutes} |")
    return "\n".join(rows)


def update_map_cell(nb: nbformat.NotebookNode, infos: list[NotebookInfo], here: str) -> list[str]:
    """Rewrite the markdown cells tagged ``suite-map`` (notebook 00's map) from ``infos``."""
    changes = []
    for i in tagged(nb, MAP_TAG):
        source = notebook_map_source(infos, here)
        if nb.cells[i].source != source:
            nb.cells[i].source = source
            changes.append(f"rewrote the {MAP_TAG} cell")
    return changes


def notebook_paths(root: Path) -> list[Path]:
    return sorted((root / "notebooks").glob("[0-9]*.ipynb"))


# --- markdown blocks ---------------------------------------------------------------------------


def cell_text(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def map_block(site: Site, infos: list[NotebookInfo]) -> str:
    if not infos:
        return "_The notebooks are being written; this table fills itself in (`make links`)._"
    rows = [
        "| # | notebook | what it teaches | minutes | open in |",
        "|---|---|---|---|---|",
    ]
    for info in infos:
        rows.append(
            f"| {info.number} | [{cell_text(info.title)}]({info.path}) | {cell_text(info.promise)}"
            f" | {info.minutes or '?'} | [Binder]({binder_url(site, info.path)})"
            f" · [Colab]({colab_url(site, info.path)}) |"
        )
    return "\n".join(rows)


def clone_block(site: Site) -> str:
    branch = "" if site.branch == "main" else f" --branch {site.branch}"
    return f"```bash\ngit clone{branch} {site.url}.git\ncd {site.repo}\nmake lab\n```"


def hub_block(site: Site) -> str:
    return (
        f"Replace `{HUB_PLACEHOLDER}` with your hub's address:\n\n"
        f"```text\n{hub_url(site)}\n```\n\n"
        "To bake `helpers` into the hub image instead of using the pulled folder:\n"
        f'`pip install --no-deps "{pip_target(site)}"`'
    )


def coursework_block(works: list[Coursework]) -> str:
    if not works:
        return "_No notebook has exercises yet._"
    parts = []
    for work in works:
        info = work.info
        parts += [
            f"#### {info.number} · [{info.title}](notebooks/{Path(info.path).name}) — "
            f"{info.minutes or '?'} min, {work.points} points",
            "",
            "- **Core path:** " + (" · ".join(work.core) or "—"),
            "- **Optional (skip in a 50-minute lab):** " + (" · ".join(work.optional) or "none"),
            "- **Exercises:** " + ("; ".join(work.exercises) or "none"),
            "",
        ]
    return "\n".join(parts).rstrip()


def render_blocks(site: Site, infos: list[NotebookInfo], works=()) -> dict[str, str]:
    return {
        "badges": badges(site),
        "map": map_block(site, infos),
        "clone": clone_block(site),
        "hub": hub_block(site),
        "coursework": coursework_block(list(works)),
    }


def block_pattern(name: str) -> re.Pattern:
    return re.compile(
        rf"(<!-- links:start {name} -->\n)(.*?)(<!-- links:end {name} -->)", re.DOTALL
    )


def update_markdown(text: str, blocks: dict[str, str]) -> tuple[str, list[str], list[str]]:
    """Return the new text, the blocks that changed, and the blocks that have no markers."""
    changed, missing = [], []
    for name, body in blocks.items():
        pattern = block_pattern(name)
        if not pattern.search(text):
            missing.append(name)
            continue
        new = pattern.sub(lambda m, body=body: f"{m[1]}{body}\n{m[3]}", text)
        if new != text:
            changed.append(name)
            text = new
    return text, changed, missing


# --- command -----------------------------------------------------------------------------------


def run(root: Path, markdown_files: list[Path], check: bool) -> int:
    site = read_site(root / "pyproject.toml")
    stale, infos, works = [], [], []
    books = []
    for nb_path in notebook_paths(root):
        rel = nb_path.relative_to(root).as_posix()
        nb = nbformat.read(nb_path, as_version=nbformat.NO_CONVERT)
        books.append((nb_path, rel, nb, update_notebook(nb, site, rel)))
        infos.append(notebook_info(nb, rel))
        works.append(coursework(nb, infos[-1]))
    for nb_path, rel, nb, changes in books:  # the map cell needs every notebook's info first
        changes += update_map_cell(nb, infos, rel)
        if changes:
            stale.append(f"{rel}: {', '.join(changes)}")
            if not check:
                nbformat.write(nb, nb_path)
    blocks = render_blocks(site, infos, works)
    for md_path in markdown_files:
        if not md_path.exists():
            print(f"note: {md_path} does not exist; skipped", file=sys.stderr)
            continue
        text = md_path.read_text(encoding="utf-8")
        new, changed, missing = update_markdown(text, blocks)
        expected = TEACHING_BLOCKS if md_path.name == "TEACHING.md" else BLOCKS
        missing = [name for name in missing if name in expected]
        if missing:
            names = ", ".join(missing)
            print(f"note: {md_path} has no links block for: {names}", file=sys.stderr)
        if changed:
            stale.append(f"{md_path}: block {', '.join(changed)}")
            if not check:
                md_path.write_text(new, encoding="utf-8")
    verb = "stale (run `make links`)" if check else "updated"
    for line in stale:
        print(f"{verb}: {line}")
    if not stale:
        print(f"links are up to date ({site.url}, branch {site.branch})")
    return 1 if check and stale else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list stale files, exit 1 if any")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root")
    parser.add_argument(
        "markdown", nargs="*", type=Path, help="markdown files (default README.md, TEACHING.md)"
    )
    args = parser.parse_args(argv)
    files = args.markdown or [args.root / "README.md", args.root / "TEACHING.md"]
    try:
        return run(args.root, files, args.check)
    except (ValueError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
