"""Fixtures for the real-browser test: a private JupyterLab server and headless Chromium.

The server runs on 127.0.0.1 on a free port (port retries off), with its own config, data,
runtime, settings and workspaces directories, a random token, the news toast, autosave and
notebook windowing off. It serves a temporary copy of the notebooks, so nothing a browser does can
touch the repository. It is stopped by its PID when the session ends, whatever happened, together
with its process group and every process it started (the kernels).

Chromium is Debian's (`apt-get install chromium`), never a browser downloaded by Playwright.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SETTINGS = {
    # The "would you like to receive Jupyter news?" toast and update checks.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Run All must never be written back to disk (the server serves a copy anyway).
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # Render every cell, so every output and widget is in the DOM, not only the visible ones.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def api(self, path: str, method: str = "GET"):
        """Call the server's REST API with the token; return the decoded JSON (or None)."""
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernels(self) -> list[dict]:
        try:
            return self.api("/api/kernels")
        except (urllib.error.URLError, OSError):  # it may answer 500 while a kernel starts
            return []

    def shutdown_kernels(self) -> None:
        for kernel in self.kernels():
            try:
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
            except (urllib.error.URLError, OSError):
                pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(settings_dir: Path) -> None:
    for plugin, values in SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        path = settings_dir / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def stop(process: subprocess.Popen) -> None:
    """Stop the server we started (by its PID), its process group and its descendants."""
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if process.poll() is None:
            try:
                os.killpg(process.pid, sig)  # start_new_session: the group id is the PID
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
    for child in children:  # kernels run in sessions of their own
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(children, timeout=5)


def start_lab(tmp: Path, port: int) -> Lab:
    dirs = {
        name: tmp / name for name in ("config", "data", "runtime", "settings", "workspaces", "root")
    }
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    write_settings(dirs["settings"])
    token = secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTERLAB_SETTINGS_DIR": str(dirs["settings"]),
        "JUPYTERLAB_WORKSPACES_DIR": str(dirs["workspaces"]),
        # Kernels find `helpers` even when it is not pip-installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={dirs['root']}",
        f"--IdentityProvider.token={token}",
        "--LabApp.news_url=",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (tmp / "jupyter-lab.log").open("wb")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    lab = Lab(url=f"http://127.0.0.1:{port}", token=token, root=dirs["root"], process=process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            lab.api("/api/status")
            return lab
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    stop(process)
    tail = (tmp / "jupyter-lab.log").read_text(errors="replace")[-3000:]
    raise RuntimeError(f"jupyter lab did not start on port {port}:\n{tail}")


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lab")
    for attempt in range(3):  # a free port can be taken between choosing and binding it
        try:
            server = start_lab(tmp / f"try{attempt}", free_port())
            break
        except RuntimeError:
            if attempt == 2:
                raise
    try:
        # A copy of the learner's tree (notebooks/ and anything beside them in it).
        if (ROOT / "notebooks").is_dir():
            shutil.copytree(ROOT / "notebooks", server.root / "notebooks")
        yield server
    finally:
        server.shutdown_kernels()
        stop(server.process)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: apt-get install -y chromium (never playwright install)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for all notebooks: JupyterLab's scripts are fetched once, then cached."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        yield context
    finally:
        context.close()
