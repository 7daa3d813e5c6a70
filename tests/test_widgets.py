"""Tests for helpers.widgets: explorers recompute and redraw on control changes."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import widgets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    """compute/draw pair that remembers every call."""

    def __init__(self):
        self.computed, self.figures = [], []

    def compute(self, slope, kind="line"):
        self.computed.append({"slope": slope, "kind": kind})
        x = np.linspace(0.0, 1.0, 20)
        return x, slope * x

    def draw(self, result, fig):
        self.figures.append((fig, len(fig.axes)))  # axes count seen on entry: 0 when cleared
        fig.add_subplot().plot(*result)


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def built(recorder, capsys):
    controls = {"slope": widgets.slider(-2.0, 2.0, 0.5, 1.0, "slope")}
    yield widgets.explorer(recorder.compute, recorder.draw, controls)
    capsys.readouterr()  # outside a kernel, display() prints the image repr; not under test


def test_explorer_returns_a_vbox_widget_with_controls_and_output(built):
    assert isinstance(built, ipywidgets.VBox)
    assert built.children[1] is built.output
    assert built.controls["slope"] in built.children[0].children


def test_explorer_draws_first_figure_with_initial_values(built, recorder):
    assert recorder.computed == [{"slope": 1.0, "kind": "line"}]
    assert built.redraws == 1 and built.png.startswith(b"\x89PNG")


def test_explorer_recomputes_and_redraws_when_a_control_changes(built, recorder):
    first_png = built.png
    built.controls["slope"].value = -1.5
    assert recorder.computed[-1] == {"slope": -1.5, "kind": "line"}
    assert built.redraws == 2 and built.png != first_png


def test_explorer_clears_the_figure_before_each_draw(built, recorder):
    built.controls["slope"].value = 0.5
    built.controls["slope"].value = 1.5
    assert [axes_on_entry for _, axes_on_entry in recorder.figures] == [0, 0, 0]
    assert len({id(fig) for fig, _ in recorder.figures}) == 1  # one Figure, reused


def test_explorer_reuses_the_first_constrained_layout_on_later_redraws(built, capsys):
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    first = [ax.get_position().bounds for ax in built.figure.axes]
    assert isinstance(built.figure.get_layout_engine(), ConstrainedLayoutEngine)
    built.controls["slope"].value = -1.0
    assert not isinstance(built.figure.get_layout_engine(), ConstrainedLayoutEngine)
    assert [ax.get_position().bounds for ax in built.figure.axes] == first


def test_frozen_layout_renders_the_same_image_as_constrained_layout(recorder):
    """With steady axis limits (what the module docstring asks for), freezing changes no pixel."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def draw(result, fig):
        recorder.draw(result, fig)
        fig.axes[0].set(ylim=(-2, 2), title=f"slope {result[1][-1]:.1f}", ylabel="y")

    renderer = widgets._Renderer((5, 3))
    reference = Figure(figsize=(5, 3), layout="constrained")
    FigureCanvasAgg(reference)
    for slope in (1.0, -2.0):  # the second render uses the frozen layout
        png = renderer.render(draw, recorder.compute(slope))
        assert png == widgets.render_png(draw, recorder.compute(slope), reference)


def test_explorer_lays_out_again_when_the_grid_of_axes_changes():
    def draw(panels, fig):
        for ax in fig.subplots(1, panels, squeeze=False).ravel():
            ax.plot([0, 1], [0, 1])
            ax.set_ylabel("a long y label")

    renderer = widgets._Renderer((6, 3))
    renderer.render(draw, 1)
    renderer.render(draw, 2)
    one, two = renderer.figure.axes
    assert one.get_position().x1 + 0.01 < two.get_position().x0  # laid out, not one's position


def test_explorer_leaves_a_draw_that_sets_its_own_layout_alone():
    def draw(result, fig):
        fig.set_layout_engine("none")
        fig.add_subplot(fig.add_gridspec(1, 1, left=0.3)[0]).plot(result)

    renderer = widgets._Renderer((6, 3))
    for _ in range(2):
        renderer.render(draw, [1.0, 2.0])
        assert renderer.figure.axes[0].get_position().x0 == pytest.approx(0.3)


def test_explorer_passes_every_control_by_name(recorder, capsys):
    controls = {
        "slope": widgets.slider(0, 4, 1, 2, "slope"),
        "kind": widgets.dropdown(["line", "dots"], "dots", "kind"),
    }
    built = widgets.explorer(recorder.compute, recorder.draw, controls, ncols=2)
    built.controls["kind"].value = "line"
    assert recorder.computed == [{"slope": 2, "kind": "dots"}, {"slope": 2, "kind": "line"}]


def test_explorer_exposes_compute_and_draw(built, recorder):
    assert built.compute == recorder.compute and built.draw == recorder.draw
    np.testing.assert_allclose(built.result[1], np.linspace(0.0, 1.0, 20))


def test_explorer_initial_error_surfaces_in_the_cell():
    def broken(slope):
        raise ZeroDivisionError("boom")

    with pytest.raises(ZeroDivisionError):
        widgets.explorer(broken, Recorder().draw, {"slope": widgets.slider(0.0, 1.0, 0.1, 0.5)})


def test_draw_using_pyplot_warns_and_leaks_no_figure(recorder, capsys):
    import matplotlib.pyplot as plt

    def pyplot_draw(result, fig):
        plt.plot(*result)

    with pytest.warns(UserWarning, match="pyplot"):
        widgets.explorer(
            recorder.compute, pyplot_draw, {"slope": widgets.slider(0.0, 1.0, 0.1, 0.5)}
        )
    assert plt.get_fignums() == []


def test_time_explorer_times_every_value_set(recorder):
    seconds = widgets.time_explorer(
        recorder.compute, recorder.draw, [{"slope": 1.0}, {"slope": 2.0}]
    )
    assert len(seconds) == 2 and all(0 < s < 5 for s in seconds)
    assert [c["slope"] for c in recorder.computed] == [1.0, 2.0]


@pytest.mark.parametrize(
    ("args", "kwargs", "kind"),
    [
        ((0, 10, 1, 3), {}, ipywidgets.IntSlider),
        ((0.0, 1.0, 0.1, 0.5), {}, ipywidgets.FloatSlider),
        ((-4, 0, 0.5, 1e-2), {"log": True}, ipywidgets.FloatLogSlider),
    ],
)
def test_slider_picks_the_widget_type(args, kwargs, kind):
    control = widgets.slider(*args, **kwargs)
    assert type(control) is kind and control.value == args[3] and control.continuous_update


def test_dropdown_defaults_to_first_option():
    assert widgets.dropdown({"small": 0.01, "large": 1.0}).value == 0.01


BAD_INPUTS = [
    (lambda: widgets.slider(0.0, 1.0, 0.1, 2.0), ValueError, "value"),
    (lambda: widgets.slider(-4, 0, 0.1, 10.0, log=True), ValueError, "value"),
    (lambda: widgets.dropdown(["a", "b"], "c"), ValueError, "'c'"),
    (
        lambda: widgets.explorer(Recorder().compute, Recorder().draw, {"slope": 1.0}),
        TypeError,
        "controls['slope']",
    ),
    (
        lambda: widgets.explorer(Recorder().compute, Recorder().draw, {}, ncols=0),
        ValueError,
        "ncols",
    ),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_INPUTS)
def test_bad_inputs_raise_with_a_message_naming_the_problem(call, error, fragment):
    with pytest.raises(error, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        call()


def test_headless_execution_stores_one_figure_in_the_widget_and_none_in_the_cell():
    """Run an explorer cell in a real kernel (as nbclient/nbval do): the cell's own output is the
    widget only (no duplicate inline figure); the widget state holds one PNG, the latest."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    source = (
        "import numpy as np\nfrom helpers import widgets\n"
        "def draw(result, fig):\n    fig.add_subplot().plot(result)\n"
        "ex = widgets.explorer(lambda a: a * np.arange(5.0), draw,"
        " {'a': widgets.slider(0.0, 2.0, 0.5, 1.0)})\n"
        "ex.controls['a'].value = 2.0\nex"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nbclient.NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(ROOT)}}).execute()
    (output,) = nb.cells[0].outputs
    assert "application/vnd.jupyter.widget-view+json" in output["data"]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    (stored,) = [m["state"]["outputs"] for m in state.values() if m["model_name"] == "OutputModel"]
    assert [list(o["data"]) for o in stored] == [["image/png", "text/plain"]]
