r"""Explorers: controls that re-run a small computation and redraw a figure, live.

An explorer keeps computing and drawing apart: ``compute(**values)`` turns the controls' values
into numbers (pure numpy, testable without a browser), ``draw(result, fig)`` draws those numbers on
a cleared figure. Example (a gradient-descent path on a fixed landscape)::

    from helpers import landscapes, optim, plotting, widgets

    L = landscapes.quadratic(eigenvalues=(1.0, 10.0))

    def compute(lr, steps):
        return optim.run(optim.SGD(lr=lr), L.value_and_grad, L.start, steps)

    def draw(trajectory, fig):
        ax = fig.add_subplot()
        plotting.plot_trajectories(L, {"gradient descent": trajectory.params}, ax=ax)

    widgets.explorer(compute, draw, {"lr": widgets.slider(0.01, 0.25, 0.01, 0.1, "lr"),
                                     "steps": widgets.slider(1, 100, 1, 30, "steps")})

Expensive layers that do not depend on the controls (a landscape's contour grid) belong *outside*
``compute``: evaluate them once in the notebook cell and let ``draw`` reuse them::

    W1, W2 = np.meshgrid(np.linspace(-3, 3, 150), np.linspace(-2, 2, 150))
    Z = L.f(np.stack([W1, W2], axis=-1))          # once, not on every slider move

    def draw(trajectory, fig):
        ax = fig.add_subplot()
        ax.contour(W1, W2, Z, levels=20, colors="0.6", linewidths=0.6)
        plotting.plot_trajectory(trajectory.params, ax=ax)

How it redraws: one ``matplotlib.figure.Figure`` (never registered with pyplot, so the inline
backend cannot show a second copy at the end of the cell) is cleared, drawn, rendered to PNG with
the Agg canvas and shown in an ``ipywidgets.Output`` with ``clear_output(wait=True)`` (no flicker).
The first figure is drawn when the explorer is built, so it is there as soon as it is displayed.

Layout: the first draw uses constrained layout; later redraws that make the same grid of axes
reuse the axes positions it found ("frozen" layout), which saves a third of a redraw. So keep
axis limits and tick labels steady across control values (fixed ``xlim``/``ylim``, as a moving
axis is hard to read anyway); a draw that makes a different grid of axes is laid out afresh, and
a draw that sets its own layout engine (``fig.set_layout_engine("none")``) is left alone.

When the frame of a figure (axes, limits, ticks, legend) does not depend on the controls,
``blit_explorer(compute, setup, update, controls)`` draws it once and afterwards repaints only
the artists that change (blitting): several times cheaper per redraw, since text is most of a
redraw's cost.
"""

from __future__ import annotations

import io
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence

import ipywidgets
import matplotlib.image
import numpy as np
from IPython.display import Image, clear_output, display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers._validate import check_number


class Explorer(ipywidgets.VBox):
    """The widget ``explorer`` returns: the controls above an output area holding the figure.

    Attributes (for tests, benchmarks and the browser test): ``compute``, ``draw``, ``controls``
    (dict name -> widget), ``figure`` (the one Figure reused for every redraw), ``output`` (the
    Output widget), ``result`` (the last value of ``compute``), ``png`` (the last rendered image
    as PNG bytes), ``redraws`` (how many times the figure was drawn).
    """

    def __init__(self, compute, draw, controls, figsize, ncols):
        self.compute, self.draw, self.controls = compute, draw, dict(controls)
        self._renderer = _Renderer(figsize)
        self.figure = self._renderer.figure
        self.output = ipywidgets.Output()
        self.result, self.png, self.redraws = None, b"", 0
        super().__init__([_arrange(list(self.controls.values()), ncols), self.output])
        self._render()  # errors in the first draw surface in the cell, not in the Output area
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    @property
    def values(self) -> dict:
        """The controls' current values, as passed to ``compute``."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self):
        """Recompute from the controls' current values and redraw (what a control change does)."""
        with self.output:  # an error now shows as a traceback under the controls
            self._render()

    def _on_change(self, change):
        self.redraw()

    def _render(self):
        self.result = self.compute(**self.values)
        self.png = self._renderer.render(self.draw, self.result)
        self.redraws += 1
        with self.output:
            clear_output(wait=True)
            display(Image(data=self.png, format="png"))


def _arrange(controls: list, ncols: int):
    if ncols == 1:
        return ipywidgets.VBox(controls)
    layout = ipywidgets.Layout(grid_template_columns=f"repeat({ncols}, max-content)")
    return ipywidgets.GridBox(controls, layout=layout)


def render_png(draw: Callable, result, figure: Figure) -> bytes:
    """Clear ``figure``, call ``draw(result, figure)``, return the figure as PNG bytes (Agg).

    The figure's own layout engine runs (no layout freezing: see ``_Renderer`` for that).
    Warns if ``draw`` opened pyplot figures (they would show up as extra plots) and closes them.
    """
    _clear(figure)
    _draw_without_pyplot(draw, result, figure)
    return _png(figure)


def _clear(figure: Figure):
    # Figure.clear() first clears every Axes (rebuilding its ticks) only to delete it; deleting
    # them directly makes clearing a 4-panel figure ~5x cheaper (~60 ms saved per redraw).
    for ax in figure.get_axes():
        if ax.get_figure(root=False) is figure:
            figure.delaxes(ax)
    figure.clear()


def _draw_without_pyplot(draw: Callable, result, figure: Figure):
    pyplot = sys.modules.get("matplotlib.pyplot")
    before = set(pyplot.get_fignums()) if pyplot else set()
    draw(result, figure)
    if pyplot and set(pyplot.get_fignums()) - before:
        for number in set(pyplot.get_fignums()) - before:
            pyplot.close(number)
        warnings.warn("draw() used pyplot: draw on the `fig` it is given instead", stacklevel=4)


def _png(figure: Figure) -> bytes:
    # One Agg draw (it runs the layout engine too), then PNG encoding. figure.savefig would
    # draw twice (a layout pre-pass, then the render) and use savefig.dpi: ~40% slower. Light
    # compression: ~10 ms faster than PIL's default for ~12% bigger images.
    figure.canvas.draw()
    buffer = io.BytesIO()
    rgb = np.asarray(figure.canvas.buffer_rgba())[..., :3]
    matplotlib.image.imsave(buffer, rgb, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


class _Renderer:
    """One reused Agg figure whose constrained layout is computed once per grid of axes.

    Constrained layout measures every tick label and title twice per draw: a third of a redraw.
    After a constrained draw, the axes' positions are kept with a key describing the grid (axes
    kind and subplot-spec cell, in order); a later draw with the same key gets those positions
    and no layout engine. A draw that installs its own layout engine, or uses subfigures, is
    rendered as it asks.
    """

    def __init__(self, figsize):
        self.figure = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(self.figure)
        self._key, self._positions = None, []

    def render(self, draw: Callable, result) -> bytes:
        """Clear the figure, ``draw(result, figure)``, lay it out, return PNG bytes."""
        figure = self.figure
        _clear(figure)
        figure.set_layout_engine("none" if self._key is not None else "constrained")
        engine = figure.get_layout_engine()
        _draw_without_pyplot(draw, result, figure)
        if figure.get_layout_engine() is not engine or figure.subfigs:  # draw's own layout
            self._key = None
            return _png(figure)
        key = _grid_key(figure)
        if key is not None and key == self._key:
            for ax, position in zip(figure.get_axes(), self._positions, strict=True):
                ax.set_position(position, which="both")
            return _png(figure)
        figure.set_layout_engine("constrained")
        png = _png(figure)
        self._key = key
        self._positions = [ax.get_position(original=True) for ax in figure.get_axes()]
        return png


def _grid_key(figure: Figure):
    """What constrained layout's result depends on besides text: each axes' kind and cell."""
    key = [len(figure.texts), len(figure.legends), figure.get_suptitle() != ""]
    for ax in figure.get_axes():
        spec = ax.get_subplotspec()
        if spec is None:  # placed by hand (fig.add_axes): nothing to freeze
            return None
        cell = (spec.get_geometry(), spec.rowspan, spec.colspan)
        key.append((type(ax).__name__, cell, hasattr(ax, "_colorbar")))
    return tuple(key)


def explorer(
    compute: Callable,
    draw: Callable,
    controls: Mapping[str, ipywidgets.ValueWidget],
    figsize: tuple[float, float] = (7, 4),
    ncols: int = 1,
) -> Explorer:
    r"""Build an explorer: controls that re-run ``compute`` and ``draw`` on every change.

    Args:
        compute: ``compute(**values) -> result`` with one keyword per control name; pure numpy
            (no drawing), so it can be tested and timed on its own.
        draw: ``draw(result, fig)`` draws on the cleared ``matplotlib.figure.Figure`` it is given
            (``ax = fig.add_subplot()``); it must not call ``plt.*``.
        controls: ``{name: widget}``, e.g. from ``slider`` and ``dropdown``; order = display order.
        figsize: figure size in inches (shown at 100 dpi).
        ncols: columns of the controls grid (1 = stacked).

    Returns an ``Explorer`` (an ``ipywidgets.VBox``), already showing its first figure; display
    it as the last line of a cell. Raises ``TypeError`` for a non-widget control and whatever
    ``compute``/``draw`` raise for the initial values.
    """
    for name, control in controls.items():
        if not isinstance(control, ipywidgets.ValueWidget):
            what = f"an ipywidgets value widget, got {control!r}"
            raise TypeError(f"controls[{name!r}] must be {what}")
    ncols = check_number("ncols", ncols, low=1, integer=True)
    return Explorer(compute, draw, controls, figsize, ncols)


def slider(min, max, step, value, description="", log=False, continuous_update=True):
    r"""A slider with a readable label: IntSlider for int arguments, FloatSlider, or
    FloatLogSlider when ``log`` (then ``min``/``max``/``step`` are powers of ten: ``slider(-4, 0,
    0.1, 1e-2, "lr", log=True)`` spans $10^{-4}$ to $1$).

    ``continuous_update=True``: the figure follows the handle while it is dragged. This stays
    smooth because the widget front end sends at most one change at a time and merges the ones
    that arrive while the kernel is busy, so a 0.1 s redraw gives ~8 frames/s and never a backlog.

    Raises ``ValueError`` when ``value`` is outside ``[min, max]`` (or ``[10^min, 10^max]``).
    """
    low, high = (10.0**min, 10.0**max) if log else (min, max)
    check_number("value", value, low=low, high=high)
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (min, max, step, value))
    kind = ipywidgets.FloatLogSlider if log else (ipywidgets.IntSlider if ints else None)
    kind = kind or ipywidgets.FloatSlider
    return kind(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=continuous_update,
        style={"description_width": "initial"},
        readout_format=".3g" if kind is not ipywidgets.IntSlider else "d",
    )


def dropdown(options, value=None, description=""):
    """A dropdown; ``options`` a list or ``{label: value}``; ``value`` defaults to the first.

    Raises ``ValueError`` when ``value`` is not among the options.
    """
    values = list(options.values()) if isinstance(options, Mapping) else list(options)
    if value is None:
        value = values[0]
    if value not in values:
        raise ValueError(f"value must be one of {values}, got {value!r}")
    return ipywidgets.Dropdown(
        options=options,
        value=value,
        description=description,
        style={"description_width": "initial"},
    )


def checkbox(value=True, description=""):
    """A checkbox (on/off) with a readable label, e.g. to pick which optimizers an explorer
    draws: ``checkbox(True, "Adam")``. Its value is a plain ``bool``.

    Raises ``TypeError`` when ``value`` is not True or False.
    """
    if not isinstance(value, bool):
        raise TypeError(f"value must be True or False, got {value!r}")
    return ipywidgets.Checkbox(
        value=value,
        description=description,
        indent=False,
        layout=ipywidgets.Layout(width="max-content"),
    )


def time_explorer(
    compute: Callable, draw: Callable, values_list: Sequence[Mapping], figsize=(7, 4)
) -> list[float]:
    """Seconds per redraw (``compute`` + ``draw`` + PNG render) for each dict of control values.

    No browser and no widgets: the same renderer the explorer uses, on an Agg figure. Like the
    explorer, the first redraw runs constrained layout and later ones reuse it (so the first
    value is usually the slowest).
    """
    renderer = _Renderer(figsize)
    seconds = []
    for values in values_list:
        start = time.perf_counter()
        renderer.render(draw, compute(**values))
        seconds.append(time.perf_counter() - start)
    return seconds


class BlitExplorer(Explorer):
    """An ``Explorer`` that draws its figure in full once, then repaints only what changes.

    Built by :func:`blit_explorer`. Same attributes as ``Explorer``, where ``draw`` is the
    ``update`` function, plus ``setup`` and ``artists`` (what ``setup`` returned).
    """

    def __init__(self, compute, setup, update, controls, figsize, ncols):
        self.compute, self.setup, self.draw, self.controls = compute, setup, update, dict(controls)
        self._renderer = _BlitRenderer(figsize, setup)
        self.figure = self._renderer.figure
        self.output = ipywidgets.Output()
        self.result, self.png, self.redraws = None, b"", 0
        ipywidgets.VBox.__init__(self, [_arrange(list(self.controls.values()), ncols), self.output])
        self._render()  # errors in setup or the first update surface in the cell
        self.artists = self._renderer.artists
        for control in self.controls.values():
            control.observe(self._on_change, names="value")


class _BlitRenderer:
    """Blitting on one Agg figure: ``setup`` draws everything once (with constrained layout),
    the artists it returns are marked *animated*, the rest is kept as a background image; each
    later render restores that image, lets ``update`` change the animated artists, and draws only
    them (matplotlib's ``copy_from_bbox`` / ``restore_region`` / ``draw_artist``)."""

    def __init__(self, figsize, setup):
        self.figure = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(self.figure)
        self._setup, self.artists, self._animated, self._background = setup, None, [], None

    def render(self, update: Callable, result) -> bytes:
        """Let ``update(result, artists)`` change the animated artists; return PNG bytes."""
        figure = self.figure
        if self._background is None:
            self._draw_background(update, result)
        else:
            figure.canvas.restore_region(self._background)
            update(result, self.artists)
        for artist in self._animated:
            figure.draw_artist(artist)
        return _png_of_canvas(figure)

    def _draw_background(self, update, result):
        figure = self.figure

        def run_setup(_, fig):
            self.artists = self._setup(fig)

        _draw_without_pyplot(run_setup, None, figure)
        self._animated = _artists_to_animate(self.artists, figure)
        update(result, self.artists)  # the layout sees real text (a title's length)
        for artist in self._animated:
            artist.set_animated(True)  # after setup: legend handles copied from them stay drawn
        figure.canvas.draw()  # constrained layout and every artist that is not animated
        figure.set_layout_engine("none")
        self._background = figure.canvas.copy_from_bbox(figure.bbox)


def _artists_to_animate(artists, figure: Figure) -> list:
    """The artists ``setup`` returned (one, or a list/tuple/dict of them), checked."""
    from matplotlib.artist import Artist

    if isinstance(artists, Mapping):
        items = list(artists.values())
    elif isinstance(artists, (list, tuple)):
        items = list(artists)
    else:
        items = [artists]
    if not items:
        raise ValueError("setup must return the artists that update changes, got none")
    for item in items:
        if not isinstance(item, Artist):
            raise TypeError(
                f"setup must return matplotlib artists (lines, texts, ...), got {item!r:.60}"
            )
        if item.get_figure(root=True) is not figure:
            raise ValueError(f"setup returned {item!r:.60}, which is not on the figure it got")
    return items


def _png_of_canvas(figure: Figure) -> bytes:
    """The Agg canvas as it stands (no new draw), as PNG bytes; the encoding of ``_png``."""
    buffer = io.BytesIO()
    rgb = np.asarray(figure.canvas.buffer_rgba())[..., :3]
    matplotlib.image.imsave(buffer, rgb, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def blit_explorer(
    compute: Callable,
    setup: Callable,
    update: Callable,
    controls: Mapping[str, ipywidgets.ValueWidget],
    figsize: tuple[float, float] = (7, 4),
    ncols: int = 1,
) -> BlitExplorer:
    r"""An explorer that redraws only what changes: for figures whose frame stays put.

    :func:`explorer` rebuilds the whole figure on every change (axes, ticks, labels, legend),
    and drawing text is most of a redraw's cost. Here the figure is built once and only the
    changing artists are redrawn on top of a saved image of the rest ("blitting"), which makes a
    redraw several times cheaper. The price: the frame must not depend on the controls.

    Args:
        compute: ``compute(**values) -> result``, as for :func:`explorer`.
        setup: ``setup(fig) -> artists`` draws on the empty ``Figure`` it is given everything
            that never changes — axes, fixed limits, labels, a legend, reference lines — and
            returns the artists that do (lines, markers, texts): one, or a list, tuple or dict of
            them, created with placeholder data (``ax.plot([], [])``, ``ax.set_title(" ")``).
        update: ``update(result, artists)`` puts one result into those artists
            (``line.set_data``, ``text.set_text``). It must not create artists or change axis
            limits: those are frozen in the saved image. It is called first before the layout is
            computed, so titles get their space.
        controls, figsize, ncols: as for :func:`explorer`.

    The same two functions make the static figure shown before the explorer:
    ``fig = plt.figure(figsize=...); update(result, setup(fig))``.

    Returns a ``BlitExplorer`` showing its first figure. Raises ``TypeError`` for a non-widget
    control or when ``setup`` returns something that is not a matplotlib artist, ``ValueError``
    when it returns none or an artist of another figure, and whatever the callables raise.
    """
    for name, control in controls.items():
        if not isinstance(control, ipywidgets.ValueWidget):
            what = f"an ipywidgets value widget, got {control!r}"
            raise TypeError(f"controls[{name!r}] must be {what}")
    ncols = check_number("ncols", ncols, low=1, integer=True)
    return BlitExplorer(compute, setup, update, controls, figsize, ncols)


def time_blit_explorer(
    compute: Callable,
    setup: Callable,
    update: Callable,
    values_list: Sequence[Mapping],
    figsize=(7, 4),
) -> list[float]:
    """Seconds per redraw (``compute`` + ``update`` + repaint + PNG) of a :func:`blit_explorer`,
    for each dict of control values; the first one also draws the background (the slowest)."""
    renderer = _BlitRenderer(figsize, setup)
    seconds = []
    for values in values_list:
        start = time.perf_counter()
        renderer.render(update, compute(**values))
        seconds.append(time.perf_counter() - start)
    return seconds
