"""Run inside a notebook's kernel after Run All: time every control of every explorer.

``bench_notebooks.py`` sends this file's source to the kernel and calls ``probe(repeats)``, which
prints one JSON line. It finds the explorers among the live widgets (no list kept by hand), sets
each control to a few other valid values and back, ``repeats`` times, and times each assignment
until it returns: compute, draw, PNG encoding and the widget update, as a control change from
the browser does. It also splits that time into phases, by wrapping the explorer's own steps.
"""

import json
import statistics
import time

import ipywidgets
import numpy as np

from helpers import widgets

PHASES = {  # phase -> (object attribute path on the explorer, method name)
    "compute": ("", "compute"),
    "draw (recycled axes)": ("_renderer._recycler", "draw"),
    "sign artists": ("_renderer._composer", "_items"),
    "compose (draw changed artists, paste sprites)": ("_renderer._composer", "_compose"),
    "render (blit_explorer)": ("_renderer", "render"),
}


def explorers():
    """Every live Explorer widget, in the order they were made."""
    instances = getattr(ipywidgets.widgets.widget, "_instances", None)
    if instances is None:  # older ipywidgets
        instances = ipywidgets.Widget.widgets
    return [w for w in list(instances.values()) if isinstance(w, widgets.Explorer)]


def other_values(control):
    """A few valid values other than the control's current one (then the test returns to it)."""
    current = control.value
    if isinstance(control, ipywidgets.Checkbox):
        return [not current]
    if isinstance(control, ipywidgets.widgets.widget_selection._Selection):
        return [v for v in control._options_values if v is not current and v != current][:3]
    if isinstance(control, ipywidgets.FloatLogSlider):
        low, high, step = control.min, control.max, control.step
        exponents = [low + round((f * (high - low)) / step) * step for f in (0.25, 0.5, 0.75)]
        values = [float(control.base**e) for e in exponents]
    elif hasattr(control, "min") and hasattr(control, "step"):
        low, high, step = control.min, control.max, control.step
        values = [low + round((f * (high - low)) / step) * step for f in (0.25, 0.5, 0.75)]
        if isinstance(control, ipywidgets.IntSlider):
            values = [int(v) for v in values]
    else:
        return []
    return [v for v in dict.fromkeys(values) if not np.isclose(v, current)]


class PhaseClock:
    """Wraps an explorer's steps to add up the time spent in each during one assignment."""

    def __init__(self, explorer):
        self.spent, self.undo = {}, []
        for phase, (path, name) in PHASES.items():
            owner = explorer
            for part in filter(None, path.split(".")):
                owner = getattr(owner, part, None)
            if (
                owner is None
                or not hasattr(owner, name)
                or (phase == "render (blit_explorer)" and hasattr(owner, "_recycler"))
            ):
                continue
            self._wrap(owner, name, phase)
        self._wrap_png()

    def _wrap(self, owner, name, phase):
        real = getattr(owner, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.spent[phase] = self.spent.get(phase, 0.0) + time.perf_counter() - start

        had = name in vars(owner)
        setattr(owner, name, timed)
        self.undo.append(lambda: setattr(owner, name, real) if had else delattr(owner, name))

    def _wrap_png(self):
        real = widgets._encode_png

        def timed(rgba):
            start = time.perf_counter()
            try:
                return real(rgba)
            finally:
                self.spent["PNG encoding"] = self.spent.get("PNG encoding", 0.0) + (
                    time.perf_counter() - start
                )

        widgets._encode_png = timed
        self.undo.append(lambda: setattr(widgets, "_encode_png", real))

    def restore(self):
        for undo in reversed(self.undo):
            undo()


def time_assignment(control, value):
    """Wall-clock seconds until ``control.value = value`` returns, and the CPU seconds the
    kernel process spent meanwhile (all its threads: the PNG is compressed on two)."""
    start, cpu = time.perf_counter(), time.process_time()
    control.value = value
    return time.perf_counter() - start, time.process_time() - cpu


def probe(repeats=3):
    """Time every control of every explorer; print the result as one JSON line."""
    found = []
    for index, explorer in enumerate(explorers()):
        rows = []
        for name, control in explorer.controls.items():
            original, values = control.value, other_values(control)
            wall, cpu, phases = [], [], []
            for _ in range(repeats):
                for value in [*values, original]:
                    clock = PhaseClock(explorer)
                    try:
                        seconds, cpu_seconds = time_assignment(control, value)
                    finally:
                        clock.restore()
                    wall.append(seconds)
                    cpu.append(cpu_seconds)
                    phases.append(clock.spent)
            rows.append(summary(name, control, values, wall, cpu, phases))
        found.append({
            "index": index,
            "model_id": explorer.model_id,
            "kind": type(explorer).__name__,
            "figsize": list(explorer.figure.get_size_inches()),
            "png_bytes": len(explorer.png),
            "fallbacks": getattr(getattr(explorer._renderer, "_composer", None), "fallbacks", 0),
            "controls": rows,
        })  # fmt: skip
    print(json.dumps({"explorers": found, "display": display_costs(found)}))


def summary(name, control, values, wall, cpu, phases):
    median_phases = {
        phase: statistics.median(p.get(phase, 0.0) for p in phases) * 1e3
        for phase in dict.fromkeys(k for p in phases for k in p)
    }
    return {
        "control": name,
        "widget": type(control).__name__,
        "values": [repr(v) for v in values],
        "samples": len(wall),
        "median_ms": statistics.median(wall) * 1e3,
        "max_ms": max(wall) * 1e3,
        "cpu_median_ms": statistics.median(cpu) * 1e3,
        "phases_ms": median_phases,
    }


def display_costs(found, repeats=20):
    """Kernel-side cost of showing one PNG: an ipywidgets.Image's value vs an Output area with
    clear_output + display(Image) (what explorers did before), measured on the first explorer."""
    if not found:
        return {}
    from IPython.display import Image, clear_output, display

    explorer = explorers()[0]
    rgba = np.array(explorer.figure.canvas.buffer_rgba())
    png = widgets._encode_png(rgba)
    rgba[0, 0, :3] = 255 - rgba[0, 0, :3]
    pngs = [png, widgets._encode_png(rgba)]  # alternated: each assignment is a change, sent
    image, output = ipywidgets.Image(format="png"), ipywidgets.Output()
    image_times, output_times = [], []
    for i in range(repeats):
        start = time.perf_counter()
        image.value = pngs[i % 2]
        image_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        with output:
            clear_output(wait=True)
            display(Image(data=png, format="png"))
        output_times.append(time.perf_counter() - start)
    image.close()
    output.close()
    return {
        "png_bytes": len(png),
        "image_value_ms": statistics.median(image_times) * 1e3,
        "output_display_ms": statistics.median(output_times) * 1e3,
    }
