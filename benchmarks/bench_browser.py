"""Key press on a slider -> final figure, in JupyterLab in headless Chromium, for each notebook.

The server and the browser are those of the real-browser test (``tests/browser/conftest.py``:
loopback JupyterLab serving a copy of notebooks/, Debian's Chromium), and so is the way a
notebook is run (its ``test_notebooks_in_browser.py``: wait for the kernel, Run All from the menu).
Then, for the first explorer that has a slider: the handle is clicked, and ArrowRight / ArrowLeft
are pressed in turn; each time the page itself records ``performance.now()`` at the keydown and
at every change of the explorer's image (its ``src``) and image load. The figure is *final* when
the kernel is idle and the image has not changed for 0.4 s; the latency is keydown -> the last
image load (decoded, ready to paint). Timestamps are taken in the page, so Playwright's own
round trips do not count.

    python benchmarks/bench_browser.py [notebook ...]
"""

from __future__ import annotations

import importlib.util
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = ROOT / "tests" / "browser"

WATCH = """(index) => {
  const view = document.querySelector(`[data-explorer='${index}']`);
  const bench = window.__bench = {key: null, keys: [], changes: [], loads: []};
  const watch = (img) => img.addEventListener('load', () => bench.loads.push(performance.now()));
  view.querySelectorAll('img').forEach(watch);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') bench.changes.push(performance.now());
      for (const node of record.addedNodes) {
        const images = node.tagName === 'IMG' ? [node]
          : (node.querySelectorAll ? [...node.querySelectorAll('img')] : []);
        images.forEach((img) => { bench.changes.push(performance.now()); watch(img); });
      }
    }
  }).observe(view, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  document.addEventListener('keydown', () => {
    bench.key = performance.now();
    bench.keys.push(bench.key);
  }, true);
  return view.querySelectorAll('.noUi-handle').length;
}"""
RESET = "() => Object.assign(window.__bench, {key: null, keys: [], changes: [], loads: []})"


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def available() -> str | None:
    """Why the browser figure cannot be measured here, or None if it can."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (requirements-dev.txt)"
    conftest = _load("browser_conftest", BROWSER_TESTS / "conftest.py")
    if not Path(conftest.CHROMIUM).exists():
        return f"{conftest.CHROMIUM} not found (apt-get install -y chromium)"
    return None


def measure(paths: list[Path], presses: int = 6) -> dict[str, dict]:
    """notebook name -> {"samples_ms": [...], "median_ms": m} (or {"error": why})."""
    from playwright.sync_api import sync_playwright

    conftest = _load("browser_conftest", BROWSER_TESTS / "conftest.py")
    steps = _load("browser_steps", BROWSER_TESTS / "test_notebooks_in_browser.py")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
        lab = _start(conftest, Path(tmp))
        try:
            shutil.copytree(ROOT / "notebooks", lab.root / "notebooks", symlinks=True)
            for path in paths:
                served = lab.root / "notebooks" / path.name
                if not served.exists():
                    shutil.copy(path, served)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=conftest.CHROMIUM, args=conftest.CHROMIUM_ARGS
                )
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                try:
                    for path in paths:
                        try:
                            results[path.name] = _notebook(steps, lab, context, path, presses)
                        except Exception as error:  # one notebook failing must not stop the rest
                            results[path.name] = {"error": f"{type(error).__name__}: {error}"[:300]}
                finally:
                    context.close()
                    browser.close()
        finally:
            lab.shutdown_kernels()
            conftest.stop(lab.process)
    return results


def _start(conftest, tmp: Path):
    for attempt in range(3):  # a free port can be taken between choosing and binding it
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        try:
            return conftest.start_lab(tmp / f"try{attempt}", port)
        except RuntimeError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _notebook(steps, lab, context, path: Path, presses: int) -> dict:
    lab.shutdown_kernels()
    page = context.new_page()
    page.route(
        "https://**/*",
        lambda route: route.fulfill(
            status=200, content_type="image/svg+xml", body=steps.PLACEHOLDER_SVG
        ),
    )
    try:
        page.goto(f"{lab.url}/lab/tree/notebooks/{path.name}?reset&token={lab.token}")
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
        steps.wait_until(page, lambda: steps.kernel_connected(lab), 90, "the kernel")
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
        page.wait_for_timeout(500)
        steps.wait_until(page, lambda: steps.run_finished(page, lab), 180, "Run All", 0.3)
        found = steps.wait_until(
            page, lambda: page.evaluate(steps.FIND_EXPLORERS, steps.CONTROLS), 20, "explorers"
        )
        for index in range(found):
            if page.evaluate(WATCH, index):
                return _press(steps, lab, page, index, presses)
        return {"error": "no explorer with a slider"}
    finally:
        page.close()
        lab.shutdown_kernels()


def _press(steps, lab, page, index: int, presses: int) -> dict:
    explorer = page.locator(f"[data-explorer='{index}']")
    handle = explorer.locator(".noUi-handle").first
    readout = explorer.locator(".widget-readout").first
    handle.scroll_into_view_if_needed()
    handle.click()
    _settle(steps, lab, page)
    samples = []
    for i in range(presses):
        before = readout.inner_text()
        page.evaluate(RESET)
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        if readout.inner_text() == before:  # at an end of its range: the other way
            page.keyboard.press("ArrowLeft" if i % 2 == 0 else "ArrowRight")
        bench = _settle(steps, lab, page)
        if bench["key"] is not None and bench["loads"]:
            samples.append(max(bench["loads"]) - bench["key"])
    if not samples:
        return {"error": "the figure never changed after a key press"}
    return {
        "samples_ms": samples,
        "median_ms": statistics.median(samples),
        **_burst(steps, lab, page),
    }


def _burst(steps, lab, page, presses: int = 12) -> dict:
    """A fast drag: ``presses`` ArrowRight/Left presses 20 ms apart. The widget front end sends
    one change at a time and merges those that arrive meanwhile, so the kernel redraws fewer
    times than there were presses, and the last figure follows the last press closely."""
    page.evaluate(RESET)
    for i in range(presses):
        page.keyboard.press("ArrowRight" if (i // 6) % 2 == 0 else "ArrowLeft", delay=0)
        page.wait_for_timeout(20)
    bench = _settle(steps, lab, page, quiet=0.6)
    if not bench["loads"] or not bench["keys"]:
        return {}
    return {
        "burst_presses": len(bench["keys"]),
        "burst_redraws": len(bench["loads"]),
        "burst_last_key_to_final_ms": max(bench["loads"]) - max(bench["keys"]),
    }


def _settle(steps, lab, page, quiet: float = 0.4, timeout: float = 20.0) -> dict:
    """Wait until the kernel is idle and the image has not changed for ``quiet`` seconds."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        bench = page.evaluate("() => window.__bench")
        marker = (len(bench["changes"]), len(bench["loads"]))
        if marker != last:
            last, since = marker, time.monotonic()
        elif time.monotonic() - since >= quiet and steps.kernel_idle(lab):
            return bench
        page.wait_for_timeout(50)
    return page.evaluate("() => window.__bench")


if __name__ == "__main__":
    names = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    reason = available()
    if reason:
        sys.exit(f"browser figure not measured: {reason}")
    for name, row in measure(names).items():
        print(name, row.get("median_ms", row.get("error")), row.get("samples_ms", ""))
