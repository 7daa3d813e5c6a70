"""Tests for helpers.widgets: explorers recompute and redraw on control changes."""

import base64
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.cm import ScalarMappable  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from helpers import widgets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def decode(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def assert_same_picture(png, want, tolerance=8):
    """Two PNGs show the same picture: pasting cached sprites may round a colour by a few units."""
    got, expected = decode(png), decode(want)
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() <= tolerance


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


def test_explorer_returns_a_vbox_widget_with_controls_image_and_output(built):
    assert isinstance(built, ipywidgets.VBox)
    assert built.children[1] is built.image and isinstance(built.image, ipywidgets.Image)
    assert built.children[2] is built.output  # for the traceback of a failed redraw
    assert built.controls["slope"] in built.children[0].children
    assert built.image.value == built.png


def test_explorer_draws_first_figure_with_initial_values(built, recorder):
    assert recorder.computed == [{"slope": 1.0, "kind": "line"}]
    assert built.redraws == 1 and built.png.startswith(b"\x89PNG")


def test_explorer_recomputes_and_redraws_when_a_control_changes(built, recorder):
    first_png = built.png
    built.controls["slope"].value = -1.5
    assert recorder.computed[-1] == {"slope": -1.5, "kind": "line"}
    assert built.redraws == 2 and built.png != first_png
    assert built.image.value == built.png  # the widget shows the new image


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
    for slope in (1.0, -2.0, 1.0):  # later renders use the frozen layout and cached sprites
        png = renderer.render(draw, recorder.compute(slope))
        want = widgets.render_png(draw, recorder.compute(slope), reference)
        assert_same_picture(png, want)


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
    widget only (no duplicate inline figure); the Image widget's state holds one PNG, the
    latest, and the error area is empty."""
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
    models = {m["model_name"]: m for m in state.values()}
    assert models["OutputModel"]["state"]["outputs"] == []
    (image,) = [m for m in state.values() if m["model_name"] == "ImageModel"]
    (buffer,) = image["buffers"]
    assert buffer["path"] == ["value"]
    png = base64.b64decode(buffer["data"])
    assert png.startswith(b"\x89PNG") and decode(png).shape == (400, 700, 3)


# ---------------------------------------------------------------- the retained renderer

X = np.linspace(0.0, 1.0, 30)


def legend_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.plot(X, X * k, label=f"slope {k}")
    if k % 2:
        ax.legend(loc="upper left")
    ax.set_title(f"k = {k}")


def log_scale_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.plot(X + 0.1, (X + 0.1) ** (k + 1))
    if k % 2:
        ax.set_yscale("log")


def ticks_styled_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.plot(X, np.sin(6 * X + k))
    if k % 3 == 1:
        ax.set_xticks([0, 0.5, 1], ["zero", "half", "one"])
    if k % 3 == 2:
        for label in ax.get_xticklabels():
            label.set_rotation(45)
    if k % 2:
        ax.tick_params(labelsize=7, colors="red")


def twin_grid_suptitle_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.plot(X, X**2)
    ax.grid(k % 2 == 0)
    if k % 3 == 0:
        ax.twinx().plot(X, -X, color="C1")
    if k % 2:
        fig.suptitle(f"suptitle {k}")
        fig.text(0.01, 0.01, "corner")


def number_of_panels_changes(k, fig):
    axes = fig.subplots(1, 1 + k % 3, sharey=True, squeeze=False)[0]
    for i, ax in enumerate(axes):
        ax.plot(X, X * (i + 1) * k)
        ax.set_xlabel(f"x{i}")


def image_with_colorbar_sometimes(k, fig):
    ax = fig.add_subplot()
    image = ax.imshow(np.outer(X, X) * (1 + k % 2), cmap="viridis" if k % 3 else "magma")
    if k % 2:
        fig.colorbar(image, ax=ax)
    ax.contour(np.outer(X, X), levels=5, colors="white")


def axis_off_aspect_inverted_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.scatter(X, X[::-1] * k, s=10 + 20 * X, c=X)
    if k % 2:
        ax.axis("off")
    if k % 3 == 0:
        ax.set_aspect("equal")
    if k % 4 == 1:
        ax.invert_yaxis()


def spines_and_facecolor_sometimes(k, fig):
    ax = fig.add_subplot()
    ax.plot(X - 0.5, X - 0.5)
    if k % 2:
        ax.spines["left"].set_position(("data", 0))
        ax.spines["bottom"].set_visible(False)
    if k % 3 == 0:
        ax.set_facecolor("#eeeeff")
    if k % 2 == 0:
        ax.set_title("left title", loc="left", pad=20)


def formatter_capturing_a_value(k, fig):
    from matplotlib.ticker import FuncFormatter

    ax = fig.add_subplot()
    ax.plot(X, X * 10)
    scale = k + 1
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value * scale:.1f}"))
    if k % 2:
        ax.set_xlim(0, 2)
    if k % 3 == 0:
        ax.minorticks_on()


def best_legend_with_moving_data(k, fig):
    ax = fig.add_subplot()
    ax.plot(X, (X - 0.5 * (k % 3)) ** 2, label="curve")
    ax.plot(X, 1 - X, label="line")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="best")


def hist_annotation_and_prop_cycle(k, fig):
    ax = fig.add_subplot()
    ax.hist(np.random.default_rng(k % 3).normal(size=200), bins=15)
    ax.annotate("peak", xy=(0, 10), xytext=(1, 30), arrowprops={"arrowstyle": "->"})
    ax.text(0.05, 0.9, f"k={k}", transform=ax.transAxes, bbox={"facecolor": "wheat"})
    if k % 2:
        ax.set_prop_cycle(color=["red", "green"])
        ax.plot([-2, 2], [0, 40])


def mathtext_gridspec_and_a_one_pixel_bar(k, fig):
    grid = fig.add_gridspec(2, 2, left=0.1, right=0.95, hspace=0.5)
    top = fig.add_subplot(grid[0, :])
    top.plot(X, X**k)
    top.set_title(rf"$x^{{{k}}}$ and $\hat y$")
    for i in range(2):
        ax = fig.add_subplot(grid[1, i])
        ax.bar(["a", "b", "c"], [1, k % 3 + 1, 2], hatch="//" if i else None)
        ax.bar(["c"], [0.02 * (k % 2 + 1)], color="red")  # one pixel tall: a one-row sprite


def mosaic_inset_and_polar_sometimes(k, fig):
    axes = fig.subplot_mosaic([["A", "B" if k % 2 else "A"]])
    for name, ax in axes.items():
        ax.pcolormesh(np.outer(X[:5], X[:5]) * k)
        ax.set_title(name)
    fig.add_axes([0.6, 0.6, 0.25, 0.25], projection="polar" if k % 3 == 0 else None).plot(X, X)


def legend_in_axes_that_move(k, fig):
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1 + k % 3], label="line")
    ax.set_aspect("equal")  # taller limits: a narrower axes box, and the legend moves with it
    ax.set(xlim=(0, 1), ylim=(0, 1 + k % 3))
    ax.legend(loc="upper right")
    if k % 2:
        fig.colorbar(ScalarMappable(), ax=ax)


UNIT = {"ms": 1000, "s": 1}
CURRENT = ["s"]


def formatter_reading_a_global(k, fig):
    CURRENT[0] = "ms" if k % 2 else "s"  # as a compute() storing a setting would
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * UNIT[CURRENT[0]]:g}"))


RETAINED_DRAWS = [
    legend_in_axes_that_move,
    formatter_reading_a_global,
    legend_sometimes,
    log_scale_sometimes,
    ticks_styled_sometimes,
    twin_grid_suptitle_sometimes,
    number_of_panels_changes,
    image_with_colorbar_sometimes,
    axis_off_aspect_inverted_sometimes,
    spines_and_facecolor_sometimes,
    formatter_capturing_a_value,
    best_legend_with_moving_data,
    hist_annotation_and_prop_cycle,
    mathtext_gridspec_and_a_one_pixel_bar,
    mosaic_inset_and_polar_sometimes,
]
SEQUENCE = [0, 1, 1, 2, 0, 3, 4, 4, 1, 5, 2, 2]  # repeats, so that sprites get reused


@pytest.mark.parametrize("eager", [False, True], ids=["slider", "dropdown"])
@pytest.mark.parametrize("draw", RETAINED_DRAWS, ids=lambda d: d.__name__)
def test_retained_redraws_show_what_a_full_redraw_shows(draw, eager):
    """Recycled axes and pasted sprites give the picture of drawing everything afresh, whatever
    the draw changes between calls (legends, scales, ticks, twins, panels, colorbars, ...), with
    sprites kept as a slider's redraws keep them and as a dropdown's do (at once)."""
    retained = widgets._Renderer((5, 3.5))
    retained.revisits = eager
    plain = widgets._Renderer((5, 3.5))
    plain.retained = False
    for k in SEQUENCE:
        assert_same_picture(retained.render(draw, k), plain.render(draw, k))
    assert retained._composer.fallbacks == 0  # the pictures came from the caching path


def test_a_redraw_recycles_the_axes_of_the_previous_one():
    renderer = widgets._Renderer((5, 3))
    renderer.render(number_of_panels_changes, 1)
    first = renderer.figure.axes
    renderer.render(number_of_panels_changes, 4)  # 1 + 4 % 3 = 2 panels again
    assert [a is b for a, b in zip(renderer.figure.axes, first, strict=True)] == [True, True]
    renderer.render(number_of_panels_changes, 2)  # 3 panels: new axes
    assert len(renderer.figure.axes) == 3


def test_a_recycled_axes_looks_new_to_draw():
    seen = []

    def draw(k, fig):
        ax = fig.add_subplot()
        seen.append((ax.get_title(), len(ax.lines), ax.get_yscale(), ax.get_autoscale_on()))
        (line,) = ax.plot(X, X * k)
        seen[-1] += (matplotlib.colors.to_hex(line.get_color()),)  # the colour cycle restarts
        ax.set(title=f"k={k}", yscale="log" if k else "linear", xlim=(0, 2))

    renderer = widgets._Renderer((4, 3))
    for k in (1, 2, 0):
        renderer.render(draw, k)
    assert seen == [("", 0, "linear", True, "#1f77b4")] * 3


def test_unchanged_artists_are_pasted_from_sprites_and_changed_ones_drawn():
    def draw(k, fig):
        ax = fig.add_subplot()
        ax.plot(X, X**2, color="black")  # never changes
        ax.plot(X, X * k)
        ax.set(xlim=(0, 1), ylim=(0, 3), title=f"k = {k}")

    renderer = widgets._Renderer((4, 3))
    for k in (1, 2, 3):
        widgets._TRACE = []
        renderer.render(draw, k)
    modes = {(slot[1], slot[2]): mode for slot, mode, _ in widgets._TRACE}
    widgets._TRACE = None
    assert modes["Line2D", 0] == modes["XAxis", 0] == modes["YAxis", 0] == "sprite"
    assert modes["Line2D", 1] == modes["Text", 0] == "live"


def test_a_draw_that_fails_leaves_the_renderer_working():
    def draw(k, fig):
        ax = fig.add_subplot()
        ax.plot(X, X * k)
        if k == 2:
            raise ZeroDivisionError("boom")

    retained, plain = widgets._Renderer((4, 3)), widgets._Renderer((4, 3))
    plain.retained = False
    retained.render(draw, 1)
    with pytest.raises(ZeroDivisionError):
        retained.render(draw, 2)
    assert_same_picture(retained.render(draw, 3), plain.render(draw, 3))


def test_a_failed_control_change_keeps_the_explorer_responsive(capsys):
    def compute(k):
        if k == 2:
            raise ValueError("k = 2 is not allowed")
        return k

    def draw(k, fig):
        fig.add_subplot().plot(X, X * k)

    built = widgets.explorer(compute, draw, {"k": widgets.slider(0, 3, 1, 1)})
    with pytest.raises(ValueError):  # outside a kernel the error propagates
        built.controls["k"].value = 2
    built.controls["k"].value = 3
    assert built.redraws == 2 and built.result == 3


@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (5, 1), (37, 23), (400, 700)])
def test_png_encoder_gives_the_exact_pixels(shape):
    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, (*shape, 4), dtype=np.uint8)
    np.testing.assert_array_equal(decode(widgets._encode_png(rgba)), rgba[..., :3])


def test_text_cache_draws_the_pixels_of_matplotlib_agg():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def text_figure(canvas, k):
        fig = Figure(figsize=(4, 2))
        canvas(fig)
        ax = fig.add_subplot()
        ax.set_title(f"loss after {k} steps: {k * 1.2345:.4f}")
        ax.text(0.2, 0.5, f"rotated {k} ✓ → ∂L/∂w", rotation=30, transform=ax.transAxes)
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())

    for k in (1, 17, 1):  # the second 1 is drawn from cached glyphs
        np.testing.assert_array_equal(
            text_figure(widgets._Canvas, k), text_figure(FigureCanvasAgg, k)
        )


def test_a_dropdown_value_seen_once_is_pasted_whole_when_it_comes_back():
    """A control with few values (dropdown, checkbox) keeps sprites of what its new value draws,
    so the second visit pastes every artist; a slider's new values are drawn directly."""

    def draw(k, fig):
        ax = fig.add_subplot()
        ax.plot(X, X * k)
        ax.set(xlim=(0, 1), ylim=(0, 3 * k), title=f"k = {k}")

    def modes_after(control, values):
        built = widgets.explorer(lambda k: k, draw, {"k": control}, figsize=(4, 3))
        for value in values[:-1]:
            built.controls["k"].value = value
        widgets._TRACE = []
        try:
            built.controls["k"].value = values[-1]
            return {mode for _, mode, _ in widgets._TRACE}, built.png
        finally:
            widgets._TRACE = None

    plain = widgets._Renderer((4, 3))
    plain.retained = False  # every artist drawn afresh, after the same values (same layout)
    want = [plain.render(draw, k) for k in (1, 2, 3, 2)][-1]
    modes, png = modes_after(widgets.dropdown([1, 2, 3], 1, "k"), [2, 3, 2])
    assert modes == {"sprite"}  # coming back to 2: everything pasted
    assert_same_picture(png, want)
    modes, png = modes_after(widgets.slider(1, 3, 1, 1, "k"), [2, 3, 2])
    assert "live" in modes  # a slider's value seen once only: drawn directly
    assert_same_picture(png, want)
