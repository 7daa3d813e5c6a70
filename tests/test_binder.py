"""Binder's configuration, checked offline (no Docker): what mybinder.org will build from binder/.

repo2docker reads only binder/ when it exists: binder/requirements.txt is installed before the
repository is copied (so it cannot install the repo), then binder/postBuild installs `helpers`.
The rendering test needs jupyter-repo2docker (pinned in requirements-dev.txt, so `make test`
runs it); the resolution test asks the package index, as pip does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
TEST_TOOLS = {"pytest", "nbval", "nbclient", "hypothesis", "ruff", "playwright", "nbgrader"}


def pins(path: Path) -> dict[str, str]:
    """``name -> version`` of a requirements file that must hold exact pins only."""
    result = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        assert match, f"{path.name}: not an exact pin: {line!r}"
        name = re.sub(r"[-_.]+", "-", match[1]).lower()
        result[name] = match[2]
    return result


def test_binder_requirements_are_exactly_the_runtime_pins():
    assert pins(BINDER / "requirements.txt") == pins(ROOT / "requirements.txt")


def test_binder_requirements_hold_no_test_tools():
    assert not TEST_TOOLS & set(pins(BINDER / "requirements.txt"))


def test_runtime_is_python_312():
    # "python3.12" (no dash) is silently ignored and Binder falls back to Python 3.10.
    assert (BINDER / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.12"


def test_binder_is_the_only_environment_config():
    # .binder/ beside binder/ is an error; environment.yml would silently beat requirements.txt.
    assert not (ROOT / ".binder").exists()
    assert not list(BINDER.glob("environment.y*ml"))


def test_postbuild_installs_helpers_from_the_copied_repo():
    post_build = BINDER / "postBuild"
    text = post_build.read_text(encoding="utf-8")
    assert text.startswith("#!"), "postBuild needs a shebang"
    assert os.access(post_build, os.X_OK), "postBuild must be executable (git keeps the bit)"
    commands = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert any(re.search(r"pip install .*--no-deps.* (-e )?\.$", line) for line in commands), text


def test_jupyterlab_never_asks_about_news_on_binder_or_make_lab():
    # A learner's first sight must be the notebook, not "Would you like to get notified about
    # official Jupyter news?". The setting ships as an overrides.json in the app's settings dir.
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
    post_build = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert "share/jupyter/lab/settings" in post_build
    assert "cp binder/overrides.json" in post_build
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "cp binder/overrides.json $(LAB_SETTINGS)/overrides.json" in makefile


def test_overrides_use_only_settings_jupyterlab_knows():
    schema_file = (
        Path(sys.prefix)
        / "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/notification.json"
    )
    if not schema_file.exists():
        pytest.skip("JupyterLab is not installed in this environment")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    for name, value in overrides["@jupyterlab/apputils-extension:notification"].items():
        spec = schema["properties"][name]
        allowed = [option["const"] for option in spec.get("oneOf", [])]
        assert value in allowed if allowed else isinstance(value, bool), (name, value)


def test_repo2docker_renders_binder_config():
    r2d = shutil.which("jupyter-repo2docker") or str(
        Path(sys.executable).with_name("jupyter-repo2docker")
    )
    if not Path(r2d).exists():
        pytest.skip("jupyter-repo2docker is not installed: pip install -r requirements-dev.txt")
    result = subprocess.run(
        [r2d, "--no-build", "--debug", str(ROOT)], capture_output=True, text=True, timeout=120
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "python=3.12" in output, "runtime.txt was not honoured"
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in output
    assert "./binder/postBuild" in output
    assert '-r "requirements.txt"' not in output, "the root requirements.txt must not be used"


def test_binder_pins_resolve_for_python_312(tmp_path):
    report = tmp_path / "report.json"
    command = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
        "--only-binary=:all:", "--python-version", "3.12", "--target", str(tmp_path / "target"),
        "--report", str(report), "-r", str(BINDER / "requirements.txt"),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    resolved = {
        re.sub(r"[-_.]+", "-", item["metadata"]["name"]).lower(): item["metadata"]["version"]
        for item in json.loads(report.read_text(encoding="utf-8"))["install"]
    }
    for name, version in pins(BINDER / "requirements.txt").items():
        assert resolved.get(name) == version, (
            f"{name}: pinned {version}, resolved {resolved.get(name)}"
        )
