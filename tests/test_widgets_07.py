"""helpers.widgets.blit_explorer (added for notebook 07): the frame drawn once, then repaints."""

import io

import ipywidgets
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from helpers import widgets  # noqa: E402

X = np.linspace(0.0, 1.0, 50)


def compute(slope):
    return slope * X


def setup(fig):
    ax = fig.add_subplot()
    ax.set(xlim=(0, 1), ylim=(-2, 2), xlabel="x", ylabel="y")
    (line,) = ax.plot([], [], color="C0", label="slope · x")
    ax.legend(loc="upper left")
    return {"line": line, "title": ax.set_title(" ")}


def update(result, artists):
    artists["line"].set_data(X, result)
    artists["title"].set_text(f"end value {result[-1]:.2f}")


def pixels(png):
    return matplotlib.image.imread(io.BytesIO(png))


def test_blit_explorer_is_an_explorer_that_redraws_on_a_control_change():
    slope = widgets.slider(-2.0, 2.0, 0.5, 1.0, "slope")
    built = widgets.blit_explorer(compute, setup, update, {"slope": slope}, figsize=(4, 3))
    assert isinstance(built, widgets.Explorer) and isinstance(built, ipywidgets.VBox)
    first = built.png
    assert built.redraws == 1 and first.startswith(b"\x89PNG")
    slope.value = -1.5
    assert built.redraws == 2 and built.png != first
    assert built.artists["title"].get_text() == "end value -1.50"
    np.testing.assert_array_equal(built.artists["line"].get_ydata(), -1.5 * X)


def test_a_repaint_leaves_no_trace_of_the_frame_before():
    renderer = widgets._BlitRenderer((4, 3), setup)
    first = renderer.render(update, compute(1.0))
    renderer.render(update, compute(-2.0))
    assert renderer.render(update, compute(1.0)) == first


def test_the_blitted_image_matches_a_full_draw_of_the_same_figure():
    renderer = widgets._BlitRenderer((4, 3), setup)
    renderer.render(update, compute(0.5))
    blitted = pixels(renderer.render(update, compute(1.5)))
    full = Figure(figsize=(4, 3), layout="constrained")
    update(compute(1.5), setup(full))
    buffer = io.BytesIO()
    full.savefig(buffer, format="png", dpi=full.dpi)
    differs = np.any(np.abs(blitted[..., :3] - pixels(buffer.getvalue())[..., :3]) > 0.1, axis=-1)
    assert blitted.shape[:2] == differs.shape
    assert differs.mean() < 0.01  # only where the line crosses grid lines drawn above it


def test_the_legend_keeps_its_handles_although_the_line_is_animated():
    renderer = widgets._BlitRenderer((4, 3), setup)
    renderer.render(update, compute(1.0))
    legend = renderer.figure.axes[0].get_legend()
    assert not any(handle.get_animated() for handle in legend.legend_handles)
    assert renderer.artists["line"].get_animated()


def test_time_blit_explorer_gives_one_time_per_set_of_values():
    seconds = widgets.time_blit_explorer(compute, setup, update, [{"slope": s} for s in (1, 2, 3)])
    assert len(seconds) == 3 and all(s > 0 for s in seconds)


@pytest.mark.parametrize(
    ("returned", "error", "fragment"),
    [
        ([], ValueError, "got none"),
        ({"a": "not an artist"}, TypeError, "matplotlib artists"),
        (7, TypeError, "matplotlib artists"),
    ],
)
def test_setup_must_return_artists_of_its_figure(returned, error, fragment):
    def bad_setup(fig):
        fig.add_subplot()
        return returned

    with pytest.raises(error, match=fragment):
        widgets.blit_explorer(compute, bad_setup, update, {"slope": widgets.slider(0, 1, 1, 0)})


def test_setup_returning_an_artist_of_another_figure_is_refused():
    other = Figure()
    (line,) = other.add_subplot().plot([0, 1], [0, 1])

    def bad_setup(fig):
        fig.add_subplot()
        return [line]

    with pytest.raises(ValueError, match="not on the figure"):
        widgets.blit_explorer(compute, bad_setup, update, {"slope": widgets.slider(0, 1, 1, 0)})


def test_a_control_that_is_not_a_widget_is_refused():
    with pytest.raises(TypeError, match="controls\\['slope'\\]"):
        widgets.blit_explorer(compute, setup, update, {"slope": 1.0})
