"""Every notebook, run in JupyterLab in headless Chromium, with each explorer's control moved.

For each notebook in notebooks/ (and the permanent fixture tests/browser/fixtures/, so the test
runs something real before any notebook exists): open it, wait until the kernel's websocket is
connected, Run All from the Run menu, then check that

* no cell shows an error or stderr output, and no widget failed to render,
* every explorer (an ipywidgets box holding controls, its figure, an ``ipywidgets.Image``, and an
  output area for errors) renders: at least as many as the stored outputs hold, and at least one
  per notebook,
* moving each explorer's first control (slider: click + ArrowRight; dropdown: next option;
  checkbox: click) changes its figure (the image's source), once the redraws have settled,
* the browser logged no console error and no uncaught page error.

A screenshot per notebook goes to tests/browser/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = HERE / "artifacts"
# Extra notebooks to run besides notebooks/ and fixtures/ (paths, os.pathsep-separated): handy
# to try one notebook, or to see each check fail on a notebook made to break it.
EXTRA = [Path(p) for p in os.environ.get("BROWSER_TEST_NOTEBOOKS", "").split(os.pathsep) if p]
# (path on the server, file on disk); the server's tree is laid out by conftest.lab.
CASES = [(f"notebooks/{p.name}", p) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
CASES += [(f"fixtures/{p.name}", p) for p in sorted((HERE / "fixtures").glob("*.ipynb"))]
CASES += [(f"extra/{p.name}", p) for p in EXTRA]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CONTROLS = ".noUi-handle, select, input[type=checkbox]"
# A 1x1 SVG served for any address outside the loopback server (the Binder/Colab badges):
# the test runs offline, and a blocked image would log a console error.
PLACEHOLDER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'

# Outermost widget views in output areas that hold at least one control and one Output widget
# (an explorer's error area, under its figure).
FIND_EXPLORERS = """(controls) => {
  const found = [];
  for (const view of document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets')) {
    if (view.parentElement.closest('.jupyter-widgets')) continue;
    if (view.querySelector(controls) && view.querySelector('.widget-output')) found.push(view);
  }
  found.forEach((view, i) => view.setAttribute('data-explorer', String(i)));
  return found.length;
}"""


def stored_explorers(path: Path) -> int:
    """How many code cells have a widget view among their stored outputs."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(
        any(WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", []))
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
    )


def wait_until(page, condition, timeout: float, what: str, interval: float = 0.2):
    """Poll ``condition``; sleep through Playwright so that its events keep flowing meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        page.wait_for_timeout(interval * 1000)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def kernel_connected(lab) -> bool:
    kernels = lab.kernels()
    return len(kernels) == 1 and all(
        k["execution_state"] == "idle" and k["connections"] > 0 for k in kernels
    )


def kernel_idle(lab) -> bool:
    return all(k["execution_state"] == "idle" for k in lab.kernels())


def run_finished(page, lab) -> bool:
    prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
    return not any("*" in prompt for prompt in prompts) and kernel_idle(lab)


def settled(page, read, lab, differs_from=None, checks: int = 2, interval: float = 0.25):
    """Return ``read()`` once it is non-empty, differs from ``differs_from`` and holds still."""
    last, same = None, 0
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        value = read()
        if value and value != differs_from and value == last and kernel_idle(lab):
            same += 1
            if same >= checks:
                return value
        else:
            same = 0
        last = value
        page.wait_for_timeout(interval * 1000)
    return None


def figure_bytes(explorer) -> tuple[str, ...]:
    """The explorer's figures: the ``src`` of its ``ipywidgets.Image`` (a new blob: URL for
    every new PNG) or of an image shown in an Output area (a data: URL carrying the bytes)."""
    images = explorer.locator("img.widget-image, .widget-output img")
    return tuple(images.evaluate_all("els => els.map(e => e.src)"))


def move_first_control(page, explorer) -> str:
    control = explorer.locator(CONTROLS).first
    kind = control.evaluate("e => e.matches('.noUi-handle') ? 'slider' : e.tagName.toLowerCase()")
    control.scroll_into_view_if_needed()
    if kind == "slider":
        readout = explorer.locator(".widget-readout").first
        before = readout.inner_text()
        control.click()
        page.keyboard.press("ArrowRight")
        if readout.inner_text() == before:  # already at its maximum
            page.keyboard.press("ArrowLeft")
        return f"slider {before} -> {readout.inner_text()}"
    if kind == "select":
        options = control.locator("option").all_inner_texts()
        current = control.evaluate("e => e.selectedIndex")
        choice = options[(current + 1) % len(options)]
        control.select_option(label=choice)
        return f"dropdown -> {choice}"
    control.click()
    return f"checkbox -> {control.is_checked()}"


@pytest.mark.parametrize(("served_path", "source"), CASES, ids=[c[0] for c in CASES])
def test_notebook_runs_and_explorers_respond(lab, browser_context, served_path, source):
    ARTIFACTS.mkdir(exist_ok=True)
    served = lab.root / served_path  # notebooks/ is copied whole by the fixture; the rest here
    if not served.exists():
        served.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, served)
    lab.shutdown_kernels()
    page = browser_context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # The server is plain http on loopback; anything https is outside (the badges' images).
    page.route(
        "https://**/*",
        lambda route: route.fulfill(status=200, content_type="image/svg+xml", body=PLACEHOLDER_SVG),
    )
    screenshot = ARTIFACTS / (Path(served_path).stem + ".png")
    try:
        t0 = time.monotonic()
        page.goto(f"{lab.url}/lab/tree/{served_path}?reset&token={lab.token}")
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
        # The toolbar shows "idle" before the websocket is up: ask the server instead.
        wait_until(page, lambda: kernel_connected(lab), 60, "the kernel to be idle and connected")
        connected = time.monotonic() - t0
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
        page.wait_for_timeout(500)
        wait_until(page, lambda: run_finished(page, lab), 120, "Run All to finish", interval=0.3)
        ran = time.monotonic() - t0
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
        ).all_inner_texts()
        broken = page.get_by_text("Error displaying widget").all_inner_texts()
        assert not errors and not broken, f"error outputs after Run All: {errors + broken}"

        expected = max(1, stored_explorers(source))
        found = wait_until(
            page,
            lambda: (n := page.evaluate(FIND_EXPLORERS, CONTROLS)) >= expected and n,
            15,
            f"{expected} explorer(s) to render",
        )
        for index in range(found):
            explorer = page.locator(f"[data-explorer='{index}']")
            assert explorer.locator(CONTROLS).first.is_visible(), f"explorer {index}: no control"
            before = settled(page, lambda e=explorer: figure_bytes(e), lab)
            assert before, f"explorer {index}: no figure"
            action = move_first_control(page, explorer)
            after = settled(page, lambda e=explorer: figure_bytes(e), lab, differs_from=before)
            assert after, f"explorer {index}: figure did not change after {action}"

        errors = page.locator(".jp-OutputArea-output[data-mime-type*='error']").all_inner_texts()
        assert not errors, f"error outputs after moving the controls: {errors}"
        assert not problems, "\n".join(problems)
        print(
            f"{served_path}: kernel connected at {connected:.1f} s, Run All done at {ran:.1f} s, "
            f"{found} explorer(s) moved, done at {time.monotonic() - t0:.1f} s"
        )
    finally:
        page.screenshot(path=str(screenshot))
        page.close()
        lab.shutdown_kernels()
