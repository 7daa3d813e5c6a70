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

How it redraws (a control change costs tens of milliseconds, not hundreds): ``draw`` is written as
if the figure were new each time, and the renderer makes that cheap without changing what it
shows.

* **Axes are recycled.** On a redraw, ``fig.add_subplot`` / ``fig.subplots`` /
  ``fig.add_gridspec(...)[...]`` hand back the previous draw's Axes for the same grid cell, put back
  into the state of a new one (artists removed; limits, scales, ticks, labels and titles reset),
  instead of building a new Axes (~5 ms each). When the reset cannot vouch for an Axes (anything
  changed on it that it does not know how to undo), a new Axes is built after all, so a draw
  behaves exactly as on a new figure.
* **Unchanged parts are not redrawn.** Every artist (an axis with its ticks, labels and grid, the
  spines, lines, collections, images, texts, legends) gets a signature of everything its pixels
  depend on (its attributes, the transforms it uses, the figure's size and rcParams); an artist
  whose signature was on the previous redraw is pasted from an image of it drawn alone then (a
  sprite), in the order matplotlib draws. Only what changed is drawn: typically the data lines and
  a title. After a dropdown or checkbox change, whose few values come back, every artist drawn
  is kept as a sprite at once, so returning to a value seen before pastes the whole figure (a
  slider's changes are drawn directly: its values rarely repeat exactly, and a sprite costs a
  little more than a direct draw). An axis whose limits follow the data changes with them, so
  keep axis limits and tick labels steady across control values (fixed ``xlim``/``ylim``; a
  moving axis is hard to read anyway). A pasted sprite can differ from a full redraw by a few
  units of colour at antialiased edges; the tests compare every redraw with a full one.
* **Text** is drawn from remembered glyph layouts and glyph bitmaps: the same pixels as
  matplotlib's Agg, without FreeType's work for labels drawn before.
* **A fast PNG**: no row filter, zlib level 1, the two halves compressed at once; sent as the
  ``value`` of an ``ipywidgets.Image`` (raw bytes over the widget channel, where an ``Output``
  area with ``display(Image(...))`` sends base64 JSON and gets its state echoed back). Tracebacks
  of failed redraws show in an ``Output`` area under the figure.

The first figure is drawn when the explorer is built, so it is there as soon as it is displayed;
the first one or two control changes also fill the caches. The figure is a
``matplotlib.figure.Figure`` never registered with pyplot, so the inline backend cannot show a
second copy at the end of the cell.

When the frame of a figure (axes, limits, ticks, legend) does not depend on the controls,
``blit_explorer(compute, setup, update, controls)`` draws it once and afterwards repaints only
the artists ``setup`` returned (classic blitting): the cheapest redraw, for explorers written that
way; ``explorer`` gets most of that speed without asking anything of ``draw``.

Layout: the first draw uses constrained layout; later redraws that make the same grid of axes
reuse the axes positions it found ("frozen" layout); a draw that makes a different grid of axes is
laid out afresh, and a draw that sets its own layout engine (``fig.set_layout_engine("none")``) is
left alone.

To keep a redraw fast (``make bench`` times every control of every explorer of every notebook,
with the phases of each redraw, into ``benchmarks/RESULTS.md``):

* draw static layers from data computed once outside ``draw`` (contour grids, images);
* give legends a fixed ``loc`` (``loc="best"`` searches for a place among the data, so such a
  legend is redrawn whenever any data in its axes changes);
* keep the numbers that change in few texts (a title), and prefer plain tick labels to mathtext
  (``"1e-4"`` rather than ``"$10^{-4}$"``): text is what costs most to draw;
* a function stored in an artist (a ``FuncFormatter``) is compared by its code, defaults, the
  variables it captures and the globals it names (modules by name): one that reads something
  else that changes (a file, the clock) can keep the tick labels of an earlier redraw, so pass
  it the values that change (as a default argument or a closure);
* anything the signature cannot read makes its artist drawn every time: correct, only slower.
"""

from __future__ import annotations

import enum
import functools
import math
import struct
import sys
import time
import types
import warnings
import zlib
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from operator import attrgetter

import ipywidgets
import matplotlib as mpl
import numpy as np
from matplotlib import cbook
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.gridspec import GridSpec, SubplotSpec
from matplotlib.legend import Legend
from matplotlib.path import Path
from matplotlib.transforms import Bbox, Transform

from helpers._validate import check_number

try:  # private names the retained renderer relies on; it was written and tested on matplotlib 3.11
    from matplotlib.axes._base import _OrderedSet, _process_plot_var_args
    from matplotlib.backends.backend_agg import get_hinting_flag
    from matplotlib.ft2font import RenderMode

    _RETAINED = tuple(int(part) for part in mpl.__version__.split(".")[:2]) == (3, 11)
except (ImportError, ValueError):  # another matplotlib: every redraw drawn in full, as before
    _RETAINED = False


class Explorer(ipywidgets.VBox):
    """The widget ``explorer`` returns: the controls, the figure (an ``ipywidgets.Image``) and an
    output area for the traceback of a redraw that failed.

    Attributes (for tests, benchmarks and the browser test): ``compute``, ``draw``, ``controls``
    (dict name -> widget), ``figure`` (the one Figure reused for every redraw), ``image`` (the
    Image widget showing it), ``output`` (the Output widget for errors), ``result`` (the last value
    of ``compute``), ``png`` (the last rendered image as PNG bytes), ``redraws`` (how many times
    the figure was drawn).
    """

    def __init__(self, compute, draw, controls, figsize, ncols):
        self.compute, self.draw, self.controls = compute, draw, dict(controls)
        self._renderer = _Renderer(figsize)
        self.figure = self._renderer.figure
        self.image = ipywidgets.Image(format="png")
        self.output = ipywidgets.Output()
        self.result, self.png, self.redraws = None, b"", 0
        self._failed = False
        super().__init__([_arrange(list(self.controls.values()), ncols), self.image, self.output])
        self._render()  # errors in the first draw surface in the cell, not in the Output area
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    @property
    def values(self) -> dict:
        """The controls' current values, as passed to ``compute``."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self):
        """Recompute from the controls' current values and redraw (what a control change does)."""
        try:
            self._render()
        except Exception:
            self._failed = True
            with self.output:  # the traceback shows under the figure (outside a kernel: raises)
                self.output.clear_output()
                raise
        if self._failed:  # the error shown is out of date
            self._failed = False
            self.output.clear_output()

    def _on_change(self, change):
        # A control with a few values (dropdown, checkbox) is flipped back and forth: keep what
        # its new value draws as sprites at once, so that coming back to a value is cheap. A
        # slider's values rarely repeat exactly: what changes is drawn directly.
        self._renderer.revisits = isinstance(change["owner"], _FEW_VALUES)
        self.redraw()

    def _render(self):
        self.result = self.compute(**self.values)
        self.png = self._renderer.render(self.draw, self.result)
        self.redraws += 1
        self.image.value = self.png


_FEW_VALUES = (ipywidgets.Checkbox, ipywidgets.ToggleButton, ipywidgets.Dropdown,
               ipywidgets.RadioButtons, ipywidgets.ToggleButtons, ipywidgets.Select)  # fmt: skip


def _arrange(controls: list, ncols: int):
    if ncols == 1:
        return ipywidgets.VBox(controls)
    layout = ipywidgets.Layout(grid_template_columns=f"repeat({ncols}, max-content)")
    return ipywidgets.GridBox(controls, layout=layout)


def render_png(draw: Callable, result, figure: Figure) -> bytes:
    """Clear ``figure``, call ``draw(result, figure)``, return the figure as PNG bytes (Agg).

    Every artist is drawn (no recycling or caching: see ``_Renderer`` for those); the figure's own
    layout engine runs. Warns if ``draw`` opened pyplot figures (they would show up as extra plots)
    and closes them.
    """
    _clear(figure)
    _draw_without_pyplot(draw, result, figure)
    figure.canvas.draw()
    return _encode_png(np.asarray(figure.canvas.buffer_rgba()))


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


class _Renderer:
    """One reused Agg figure: recycled Axes, cached sprites, and a constrained layout computed once
    per grid of axes.

    Constrained layout measures every tick label and title twice per draw. After a constrained
    draw, the axes' positions are kept with a key describing the grid (axes kind and subplot-spec
    cell, in order); a later draw with the same key gets those positions and no layout engine. A
    draw that installs its own layout engine, or uses subfigures, is rendered as it asks.
    ``retained = False`` (on the class or an instance) draws everything afresh every time.
    """

    retained = _RETAINED
    revisits = False  # the next render comes back to earlier values often (see _Composer)

    def __init__(self, figsize):
        self.figure = Figure(figsize=figsize, layout="constrained")
        (_Canvas if _RETAINED else FigureCanvasAgg)(self.figure)
        self._key, self._positions = None, []
        self._recycler = _Recycler(self.figure)
        self._composer = _Composer(self.figure)

    def render(self, draw: Callable, result) -> bytes:
        """Clear the figure, ``draw(result, figure)``, lay it out, return PNG bytes."""
        figure = self.figure
        figure.set_layout_engine("none" if self._key is not None else "constrained")
        engine = figure.get_layout_engine()
        if self.retained:
            self._recycler.draw(functools.partial(_draw_without_pyplot, draw), result)
        else:
            _clear(figure)
            _draw_without_pyplot(draw, result, figure)
        if figure.get_layout_engine() is not engine or figure.subfigs:  # draw's own layout
            self._key = None
            return self._png()
        key = _grid_key(figure)
        if key is not None and key == self._key:
            for ax, position in zip(figure.get_axes(), self._positions, strict=True):
                ax.set_position(position, which="both")
            return self._png()
        figure.set_layout_engine("constrained")
        png = self._png()
        self._key = key
        self._positions = [ax.get_position(original=True) for ax in figure.get_axes()]
        return png

    def _png(self) -> bytes:
        if self.retained:
            return _encode_png(self._composer.render(eager=self.revisits))
        self.figure.canvas.draw()
        return _encode_png(np.asarray(self.figure.canvas.buffer_rgba()))


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


# ----------------------------------------------------------------------------------------------
# Text: the same pixels as RendererAgg, with glyph layouts and glyph bitmaps remembered
# ----------------------------------------------------------------------------------------------


class _TextCachingRenderer(RendererAgg):
    """``RendererAgg`` that remembers each string's glyph layout and each glyph's bitmap (by
    font, size, glyph, and position within a pixel), so a redrawn label costs a few blits
    instead of a FreeType layout and rendering. The pixels are those of ``RendererAgg``."""

    layouts: dict = {}  # shared by all explorers; bounded in size below
    glyphs: dict = {}
    heights: dict = {}

    def _get_font_height_metrics(self, prop):
        """What ``Text._get_layout`` reads from the font's tables on every call, remembered."""
        key = (_font_key(prop), self.dpi)
        if key not in self.heights:
            font = get_font(fontManager._find_fonts_by_props(prop))
            metrics = (None, None, None)
            for table_name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table = font.get_sfnt_table(table_name)
                if table is not None:
                    units = font.get_sfnt_table("head")["unitsPerEm"]
                    scale = prop.get_size_in_points() * self.dpi / 72 / units
                    metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                    break
            _bounded(self.heights, 1024)[key] = metrics
        return self.heights[key]

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not hasattr(RendererAgg, "_draw_text_glyphs_and_boxes"):
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        flags = get_hinting_flag()
        size = prop.get_size_in_points()
        key = (_font_key(prop), size, self.dpi, s, flags, repr(features), repr(language))
        items = self.layouts.get(key)
        if items is None:
            font = self._prepare_font(prop)
            items = font._layout(s, flags=flags, features=features, language=language)
            items = [(item.ft_object, item.glyph_index, item.x, item.y) for item in items]
            _bounded(self.layouts, 4096)[key] = items
        glyphs = ((font, size, index, 0, 1, dx, dy) for font, index, dx, dy in items)
        self._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, [])

    def _draw_text_glyphs_and_boxes(self, gc, x, y, angle, glyphs, boxes):
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        flags, antialiased = get_hinting_flag(), gc.get_antialiased()
        mode = RenderMode.NORMAL if antialiased else RenderMode.MONO
        rendered, matrices = [], {}
        for font, size, index, slant, extend, dx, dy in glyphs:
            matrix = matrices.get((slant, extend))
            if matrix is None:
                matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])
                          @ [[extend, extend * slant], [0, 1]]).round().astype(int)  # fmt: skip
                matrices[slant, extend] = matrix = (matrix, matrix.tobytes())
            tx = round(0x40 * (x + dx * cos - dy * sin))
            ty = round(0x40 * (self.height - y + dx * sin + dy * cos))
            key = (font.fname, size, self.dpi, index, flags, mode, matrix[1], tx & 63, ty & 63)
            glyph = self.glyphs.get(key)
            if glyph is None:
                font.set_size(size, self.dpi)
                font._set_transform(matrix[0], [tx, ty])
                bitmap = font._render_glyph(index, flags, mode)
                buffer = bitmap.buffer.copy() if antialiased else bitmap.buffer * 0xFF
                glyph = (buffer, bitmap.left - (tx >> 6), bitmap.top - (ty >> 6))
                _bounded(self.glyphs, 20000)[key] = glyph
            rendered.append(glyph + (tx >> 6, ty >> 6))
        for buffer, left, top, ix, iy in rendered:
            bottom = int(self.height) - (top + iy) + buffer.shape[0]  # draw_text_image's y
            self._renderer.draw_text_image(buffer, left + ix, bottom, 0, gc)
        if boxes:
            super()._draw_text_glyphs_and_boxes(gc, x, y, angle, (), boxes)


def _bounded(cache: dict, size: int) -> dict:
    if len(cache) >= size:
        cache.clear()
    return cache


class _Canvas(FigureCanvasAgg):
    """An Agg canvas whose renderer caches text (see ``_TextCachingRenderer``)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


# ----------------------------------------------------------------------------------------------
# PNG: no row filter, zlib level 1, two halves compressed at once (zlib releases the GIL)
# ----------------------------------------------------------------------------------------------

_POOL: list = []  # one worker thread, made on first use


def _encode_png(rgba: np.ndarray) -> bytes:
    """An RGB PNG of an ``(h, w, 4)`` uint8 image (alpha dropped): about 2x faster than PIL."""
    height, width = rgba.shape[:2]
    raw = np.empty((height, 3 * width + 1), np.uint8)
    raw[:, 0] = 0  # filter type "none" on every row
    raw[:, 1:].reshape(height, width, 3)[...] = rgba[..., :3]
    data = memoryview(raw).cast("B")
    half = (height // 2) * raw.shape[1]
    if not _POOL:
        _POOL.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix="png"))
    second = _POOL[0].submit(_deflate, data[half:], True)
    first = _deflate(data[:half], False)
    adler = struct.pack(">I", zlib.adler32(data))
    stream = b"\x78\x01" + first + second.result() + adler  # zlib header: deflate, fastest
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    chunks = [(b"IHDR", header), (b"IDAT", stream), (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(_chunk(tag, body) for tag, body in chunks)


def _deflate(data, last: bool) -> bytes:
    """Raw deflate of one part; a non-last part ends on a byte boundary, without a final block."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
    )


def _chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))


# ----------------------------------------------------------------------------------------------
# Recycling Axes: draw() gets the previous draw's Axes back, reset to the state of a new one
# ----------------------------------------------------------------------------------------------


class _Restart(BaseException):
    """Raised inside draw() when an Axes cannot be recycled after others were: draw again."""


class _Recycler:
    """Hands ``draw`` the Axes of its previous call, reset, instead of building new ones.

    The i-th Axes a draw asks for (``add_subplot`` with a grid cell and plain keywords, which is
    what ``subplots`` and ``add_gridspec`` use) is the previous draw's i-th Axes if it was asked
    for with the same grid and keywords, and ``_reset_axes`` can put it back into the state it had
    when new. Otherwise the draw starts over with new Axes for all.
    """

    def __init__(self, figure):
        self.figure = figure
        self.pool = []  # (key, ax, pristine) in the order the last draw asked for them
        self.used = []

    def draw(self, draw, result):
        figure = self.figure
        self._detach()
        recycling = [bool(self.pool)]

        def add_subplot(*args, **kwargs):
            key = self._key(args, kwargs)
            if recycling[0] and key is not None and len(self.used) < len(self.pool):
                old_key, ax, pristine = self.pool[len(self.used)]
                if old_key == key and _safe_reset(ax, pristine):
                    figure._add_axes_internal(ax, ax._projection_init)
                    self.used.append((key, ax, pristine))
                    return ax
            if recycling[0] and self.used:
                raise _Restart
            recycling[0] = False
            ax = Figure.add_subplot(figure, *args, **kwargs)
            self.used.append((key, ax, None if key is None else _Pristine(ax)))
            return ax

        figure.add_subplot = add_subplot  # what fig.subplots and GridSpec.subplots call too
        try:
            try:
                draw(result, figure)
            except _Restart:
                self._discard()
                recycling[0] = False
                draw(result, figure)
        except BaseException:
            self._discard()
            raise
        finally:
            del figure.add_subplot
        for _, ax, _ in self.pool[len(self.used) :]:
            _unshare(ax)
        complete = all(key is not None for key, _, _ in self.used)
        self.pool, self.used = (self.used if complete else []), []

    def _detach(self):
        """Take every Axes off the figure (keeping them and their sharing) and clear it."""
        figure = self.figure
        for ax in list(figure._localaxes):
            figure._axstack.remove(ax)
            figure._localaxes.remove(ax)
        figure.clear()
        self.used = []

    def _discard(self):
        """Forget every Axes of the pool: the next request builds new ones."""
        figure = self.figure
        for ax in list(figure._localaxes):
            figure.delaxes(ax)
        for _, ax, _ in self.pool:
            _unshare(ax)
        figure.clear()
        self.pool, self.used = [], []

    def _key(self, args, kwargs):
        """What a new Axes would depend on: its grid cell and keywords; None if not plain."""
        figure = self.figure
        if len(args) == 1 and isinstance(args[0], SubplotSpec):
            spec = args[0]
        elif not args:
            spec = GridSpec(1, 1, figure=figure)[0]
        elif len(args) in (1, 3) and all(isinstance(a, int) for a in args):
            spec = SubplotSpec._from_subplot_args(figure, args)
        else:
            return None
        grid = spec.get_gridspec()
        if type(grid) is not GridSpec or grid.figure is not figure:
            return None
        key = [grid.get_geometry(), tuple(grid.get_width_ratios() or ()),
               tuple(grid.get_height_ratios() or ()),
               tuple(getattr(grid, side) for side in ("left", "right", "bottom", "top")),
               (grid.wspace, grid.hspace), (spec.rowspan.start, spec.rowspan.stop),
               (spec.colspan.start, spec.colspan.stop)]  # fmt: skip
        used = [ax for _, ax, _ in self.used]
        for name, value in sorted(kwargs.items()):
            if name in ("sharex", "sharey") and isinstance(value, Axes):
                index = next((i for i, ax in enumerate(used) if ax is value), None)
                if index is None:
                    return None
                key.append((name, index))
            elif name in ("projection", "polar", "axes_class"):
                if value not in (None, False, "rectilinear"):
                    return None
            else:
                plain = _plain(value)
                if plain is _NOT_PLAIN:
                    return None
                key.append((name, plain))
        return tuple(key)


def _unshare(ax):
    for name in ("x", "y"):
        ax._shared_axes[name].remove(ax)
    ax._twinned_axes.remove(ax)


# What a draw changes on an Axes and its parts that _reset_axes puts back by hand (or that
# a draw recomputes from other state): the other attributes are compared with a new Axes'.
_HANDLED = {
    "ax": {"_children", "legend_", "containers", "_mouseover_set", "_current_image",
           "_get_lines", "_get_patches_for_fill", "callbacks", "dataLim", "titleOffsetTrans",
           "_stale", "child_axes", "_remove_method", "stale_callback"},
    "axis": {"majorTicks", "minorTicks", "_major_tick_kw", "_minor_tick_kw", "_scale",
             "callbacks", "_stale"},
    "ticker": {"_locator", "_formatter"},
    "title": {"_transform", "_renderer", "_stale"},
    "xlabel": {"_y", "_renderer", "_stale"},
    "ylabel": {"_x", "_renderer", "_stale"},
    "offset": {"_x", "_y", "_text", "_renderer", "_stale"},
    "other": {"_stale"},
}  # fmt: skip


def _owned(ax):
    """The objects that make up an empty Axes, each with its kind (a key of ``_HANDLED``)."""
    x, y = ax.xaxis, ax.yaxis
    yield from [("ax", ax), ("axis", x), ("axis", y)]
    yield from [("ticker", t) for t in (x.major, x.minor, y.major, y.minor)]
    yield from [("title", t) for t in (ax.title, ax._left_title, ax._right_title)]
    yield from [("xlabel", x.label), ("ylabel", y.label), ("offset", x.offsetText)]
    yield from [("offset", y.offsetText), ("other", ax.patch)]
    yield from [("other", spine) for spine in ax.spines.values()]


class _Pristine:
    """The state of a new Axes: its parts' plain attributes, to put a recycled one back into."""

    def __init__(self, ax):
        self.objects = []
        for kind, obj in _owned(ax):
            saved = {}
            for key, value in vars(obj).items():
                plain = _plain(value)
                if plain is not _NOT_PLAIN:
                    saved[key] = ("plain", plain)
                elif isinstance(value, FontProperties):
                    saved[key] = ("font", value.copy())
                elif type(value) is Bbox:
                    saved[key] = ("bbox", value, value.get_points().copy(), value.minpos.copy())
                elif isinstance(value, dict) and _NOT_PLAIN not in map(_plain, value.values()):
                    saved[key] = ("dict", dict(value))
                elif type(value) in (list, dict):  # kept, with their items (e.g. _colorbars)
                    saved[key] = ("container", value, value.copy())
                else:
                    saved[key] = ("object", value)
            self.objects.append((kind, obj, saved))
        self.titlepad = mpl.rcParams["axes.titlepad"]
        self.scales = (type(ax.xaxis._scale), type(ax.yaxis._scale))
        self.tickers = [
            (type(t._locator), type(t._formatter))
            for t in (ax.xaxis.major, ax.xaxis.minor, ax.yaxis.major, ax.yaxis.minor)
        ]
        self.tick_kw = [
            (dict(a._major_tick_kw), dict(a._minor_tick_kw)) for a in (ax.xaxis, ax.yaxis)
        ]
        self.reference_ticks = {}  # (axis index, major) -> _tick_props of a new tick


def _safe_reset(ax, pristine) -> bool:
    """``_reset_axes``; False (build a new Axes) if matplotlib's internals surprise it."""
    try:
        return _reset_axes(ax, pristine)
    except Exception:
        return False


def _reset_axes(ax, pristine) -> bool:
    """Put a used Axes back into the state ``pristine`` recorded; False if that is not possible
    (the Axes is then left half reset and must be dropped)."""
    if ax.child_axes or not isinstance(ax.get_subplotspec(), SubplotSpec):
        return False
    old, ax._children = ax._children, []
    for child in old:  # as Axes.clear does
        child._remove_method = None
        child._parent_figure = None
        child.axes = None
    old.clear()
    ax.legend_, ax.containers, ax._current_image = None, [], None
    ax._mouseover_set = _OrderedSet()
    ax._get_lines = _process_plot_var_args()
    ax._get_patches_for_fill = _process_plot_var_args("Polygon")
    ax.callbacks = cbook.CallbackRegistry(signals=["xlim_changed", "ylim_changed", "zlim_changed"])
    ax.dataLim = Bbox.null()
    ax._set_title_offset_trans(pristine.titlepad)
    for index, (axis, scale) in enumerate(zip((ax.xaxis, ax.yaxis), pristine.scales, strict=True)):
        if type(axis._scale) is not scale:
            axis._set_axes_scale("linear")
        axis._scale.set_default_locators_and_formatters(axis)  # new ones: none was modified
        axis.callbacks = cbook.CallbackRegistry(signals=["units"])
        _reset_ticks(axis, pristine, index)
    tickers = (ax.xaxis.major, ax.xaxis.minor, ax.yaxis.major, ax.yaxis.minor)
    for ticker, types_ in zip(tickers, pristine.tickers, strict=True):
        if (type(ticker._locator), type(ticker._formatter)) != types_:
            return False
    if not all(_restore(obj, saved, _HANDLED[kind]) for kind, obj, saved in pristine.objects):
        return False
    ax.stale = True
    return True


def _restore(obj, saved, handled) -> bool:
    """Put back ``obj``'s plain attributes; False if another kind of attribute changed."""
    current = vars(obj)
    for key in current.keys() - saved.keys() - handled:
        if _plain(current[key]) is _NOT_PLAIN:
            return False
        if key != "_tick_position":  # set to its default by the first draw: keep it
            delattr(obj, key)
    for key, (how, *value) in saved.items():
        now = current.get(key, _NOT_PLAIN)
        if key in handled:
            continue
        if how == "plain":
            if _plain(now) != value[0]:
                setattr(obj, key, value[0])
        elif how == "font":
            if not isinstance(now, FontProperties) or _font_key(now) != _font_key(value[0]):
                setattr(obj, key, value[0].copy())
        elif how == "bbox":
            box, points, minpos = value
            if now is not box:
                return False
            if not (
                np.array_equal(box.get_points(), points) and np.array_equal(box.minpos, minpos)
            ):
                box.set_points(points.copy())
                box._minpos = minpos.copy()
        elif how == "dict":
            if now != value[0]:
                setattr(obj, key, dict(value[0]))
        elif how == "container":
            container, items = value
            if now is not container:
                return False
            if type(items) is list and not _same_items(container, items):
                container[:] = items
            elif type(items) is dict and not _same_items(container.items(), items.items()):
                container.clear()
                container.update(items)
        elif now is not value[0]:
            return False
    return True


def _same_items(a, b) -> bool:
    a, b = list(a), list(b)
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _reset_ticks(axis, pristine, index):
    """Give the kept Tick objects the new Axes' tick parameters, or drop them if they were styled
    one by one (e.g. ``label.set_rotation``)."""
    for major, attribute in ((True, "majorTicks"), (False, "minorTicks")):
        wanted = pristine.tick_kw[index][0 if major else 1]
        current = axis._major_tick_kw if major else axis._minor_tick_kw
        ticks = vars(axis).get(attribute)
        if current != wanted:
            if ticks is not None and set(current) - set(wanted):
                axis.reset_ticks()
                ticks = None
            for tick in ticks or ():
                tick._apply_params(**wanted)
            setattr(axis, "_major_tick_kw" if major else "_minor_tick_kw", dict(wanted))
        if ticks:
            if (index, major) not in pristine.reference_ticks:
                pristine.reference_ticks[index, major] = _tick_props(axis._get_tick(major=major))
            reference = pristine.reference_ticks[index, major]
            if any(_tick_props(tick) != reference for tick in ticks):
                axis.reset_ticks()


def _tick_props(tick):
    """What a tick looks like apart from where it is and what it says."""
    out = [tick._size, tick._width, tick._base_pad, tick._tickdir, tick.zorder]
    for text in (tick.label1, tick.label2):
        out += [text._visible, text._rotation, _plain(text._color), text._horizontalalignment,
                text._verticalalignment, text._rotation_mode, text._alpha, text._bbox_patch,
                _font_key(text._fontproperties), bool(text._path_effects)]  # fmt: skip
    for line in (tick.tick1line, tick.tick2line, tick.gridline):
        color = tuple(line._color) if isinstance(line._color, np.ndarray) else _plain(line._color)
        out += [line._visible, color, line._markersize, line._markeredgewidth, line._alpha,
                line._marker.get_marker(), line._linestyle, line._linewidth, line.zorder,
                bool(line._path_effects)]  # fmt: skip
    return tuple(out)


# ----------------------------------------------------------------------------------------------
# Signatures: everything an artist's pixels depend on, as a hashable value
# ----------------------------------------------------------------------------------------------

_SCALARS = frozenset({type(None), bool, int, float, str, bytes})
_NOT_PLAIN = type("_NotPlain", (), {"__repr__": lambda self: "<not plain>"})()


def _plain(value):
    """``value`` if it is a number, string, None or a tuple of those; else ``_NOT_PLAIN``."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        items = tuple(map(_plain, value))
        return _NOT_PLAIN if _NOT_PLAIN in items else items
    return _NOT_PLAIN


def _font_key(font):
    return (tuple(font.get_family()), font.get_style(), font.get_variant(), font.get_weight(),
            font.get_stretch(), font.get_size_in_points(), font.get_file(),
            font.get_math_fontfamily())  # fmt: skip


class _Uncacheable(Exception):
    """An artist holds something a signature cannot read: it is drawn every time."""


# Attributes that do not change pixels (callbacks, links to parents, picking) or that drawing
# recomputes from other, signed attributes (Line2D's transformed path, formatters' tick labels).
_SKIP = frozenset({
    "_stale", "stale_callback", "_axes", "axes", "figure", "_parent_figure", "_remove_method",
    "_callbacks", "callbacks", "_mouseover", "_picker", "_pickradius", "_url", "_gid", "_label",
    "_in_layout", "_propobservers", "_contains", "_sticky_edges", "eventson", "_oid", "_renderer",
    "_transformSet", "_animated", "_xy", "_x_filled", "_path", "_transformed_path", "_subslice",
    "_invalidx", "_invalidy", "_xcid", "_ycid", "_x", "_y", "_parents", "_invalid", "_inverted",
    "_shorthand_name",
})  # fmt: skip
_POSITIONED = {"Text", "Annotation"}  # their _x, _y are where they are drawn
_DERIVED = {
    "ScalarFormatter": {"_locs", "_format", "orderOfMagnitude", "offset", "locs", "format"},
    "QuadContourSet": {"_contour_generator"},
    "ContourSet": {"_contour_generator"},
}


class _Signer:
    """Signatures of artists: recursively, their attributes, with the figure's and each axes'
    own transforms named by what they depend on (position, view limits, scales)."""

    def __init__(self, figure):
        self.figure = figure
        self.standard, self.views, self.memo, self.keep = {}, {}, {}, []
        self.long_lived = set()

    def start(self):
        """Read the figure's geometry; forget signatures of the previous redraw."""
        fig = self.figure
        size = (fig.bbox.width, fig.bbox.height, fig.dpi)
        std = {id(fig): ("fig",), id(fig.canvas): ("canvas",)}
        for name in ("transFigure", "transSubfigure", "dpi_scale_trans", "bbox", "patch"):
            std[id(getattr(fig, name))] = (name, size)
        self.standard, self.views, self.memo, self.keep = std, {}, {}, []
        self.long_lived = {id(fig.patch)}
        for i, ax in enumerate(fig._localaxes):
            self._name_axes(i, ax)
            parts = (ax.patch, ax.xaxis, ax.yaxis, ax.title, ax._left_title, ax._right_title)
            self.long_lived.update(map(id, (*parts, *ax.spines.values())))

    def _name_axes(self, i, ax):
        std = self.standard
        pos = ax._position.get_points().tobytes()
        view = ax._viewLim.get_points()
        xs, ys = self.sign(ax.xaxis._scale), self.sign(ax.yaxis._scale)
        spines = tuple(str(spine._position) for spine in ax.spines.values())
        moved = any("data" in s or "axes" in s for s in spines)  # a spine placed in data units
        both = (view.tobytes(), xs, ys) if moved else ()
        self.views[id(ax.xaxis)] = ("xview", i, pos, view[:, 0].tobytes(), xs, spines) + both
        self.views[id(ax.yaxis)] = ("yview", i, pos, view[:, 1].tobytes(), ys, spines) + both
        data = ("data", i, pos, view.tobytes(), xs, ys)
        std[id(ax.transData)] = data
        std[id(ax.transAxes)] = ("axes", i, pos)
        std[id(ax.transScale)] = ("scale", i, xs, ys)
        std[id(ax.transLimits)] = ("limits", i, view.tobytes(), xs, ys)
        std[id(ax._xaxis_transform)] = ("xgrid", i, pos, view[:, 0].tobytes(), xs)
        std[id(ax._yaxis_transform)] = ("ygrid", i, pos, view[:, 1].tobytes(), ys)
        std[id(ax.bbox)] = ("bbox", i, pos)
        std[id(ax.patch)] = ("patch", i, pos)
        std[id(ax)] = ("ax", i)
        std[id(ax.xaxis)] = self.views[id(ax.xaxis)]
        std[id(ax.yaxis)] = self.views[id(ax.yaxis)]
        for name, spine in ax.spines.items():
            std[id(spine)] = ("spine", i, name, data)

    def artist(self, artist):
        """The signature of an artist to be drawn, or None if it cannot be signed."""
        try:
            if id(artist) in self.standard:  # an axes' own patch, axis or spine
                return (self.object(artist, 0, ()), self.views.get(id(artist)))
            ax = artist.axes  # many artists read their axes' transforms when they draw
            if ax is None:
                return (self.sign(artist), None)
            if isinstance(artist, Legend):  # placed in the axes' box, whatever the data limits
                return (self.sign(artist), self.standard[id(ax.transAxes)])  # (data: bbox says)
            return (self.sign(artist), self.standard[id(ax.transData)])
        except (_Uncacheable, TypeError, AttributeError, ValueError, LookupError):  # drawn live
            return None

    def sign(self, obj, depth=0, stack=()):
        kind = type(obj)
        if kind in _SCALARS:
            return obj
        named = self.standard.get(id(obj))
        if named is not None:
            return named
        handler = _HANDLERS.get(kind)
        if handler is not None:
            return handler(self, obj, depth + 1, stack)
        if isinstance(obj, np.ndarray):
            return _sign_array(self, obj, depth + 1, stack)
        if isinstance(obj, np.generic):
            return obj.item()
        if isinstance(obj, enum.Enum):
            return ("enum", kind.__qualname__, obj.value)
        if isinstance(obj, (type, np.ufunc)):
            return ("class", getattr(obj, "__module__", None), obj.__name__)
        if isinstance(obj, Transform):
            if obj.is_affine:
                return ("M", obj.get_matrix().tobytes())
            return self.object(obj, depth, stack)
        if isinstance(obj, FontProperties):
            return ("F", _font_key(obj))
        if isinstance(obj, (tuple, list)):
            return (kind.__name__, tuple([self.sign(v, depth + 1, stack) for v in obj]))
        if isinstance(obj, functools.partial):
            parts = (obj.func, obj.args, obj.keywords)
            return ("partial", *(self.sign(p, depth + 1, stack) for p in parts))
        if kind.__module__.startswith(("matplotlib.", "cycler")):
            return self.object(obj, depth, stack)
        raise _Uncacheable(f"{kind.__module__}.{kind.__qualname__}")

    def object(self, obj, depth, stack):
        """An object's attributes, signed (each object once per redraw)."""
        done = self.memo.get(id(obj))
        if done is not None:
            return done
        if depth > 40 or obj in stack or not hasattr(obj, "__dict__"):
            raise _Uncacheable("too deep, a cycle, or no attributes")
        stack = stack + (obj,)
        name = type(obj).__name__
        skip = _SKIP - {"_x", "_y"} if name in _POSITIONED else _SKIP
        skip = skip | _DERIVED.get(name, frozenset())
        extra = ()
        if name in ("XAxis", "YAxis"):  # the ticks: their looks (positions and labels derive)
            skip = skip | {"majorTicks", "minorTicks"}
            ticks = (vars(obj).get("majorTicks") or [], vars(obj).get("minorTicks") or [])
            extra = tuple(tuple(map(_tick_props, group)) for group in ticks)
        sign = self.sign
        depth += 1
        items = [
            (key, sign(value, depth, stack)) for key, value in vars(obj).items() if key not in skip
        ]
        signature = (name, tuple(items), extra)
        self.memo[id(obj)] = signature
        self.keep.append(obj)  # ids stay unique while the memo lives
        return signature


def _sign_array(signer, obj, depth, stack):
    if obj.dtype == object:
        return ("O", obj.shape, tuple([signer.sign(v, depth, stack) for v in obj.ravel()]))
    mask = np.ma.getmaskarray(obj).tobytes() if isinstance(obj, np.ma.MaskedArray) else b""
    return ("A", obj.dtype.str, obj.shape, obj.tobytes(), mask)


def _sign_sequence(signer, obj, depth, stack):
    return (type(obj).__name__, tuple([signer.sign(v, depth, stack) for v in obj]))


def _sign_dict(signer, obj, depth, stack):
    return ("D", tuple(sorted((str(k), signer.sign(v, depth, stack)) for k, v in obj.items())))


def _sign_set(signer, obj, depth, stack):
    return ("set", tuple(sorted(repr(signer.sign(v, depth, stack)) for v in obj)))


def _sign_path(signer, obj, depth, stack):
    codes = None if obj.codes is None else obj.codes.tobytes()
    return ("P", obj.vertices.shape, obj.vertices.tobytes(), codes, obj.should_simplify,
            obj.simplify_threshold, obj._interpolation_steps)  # fmt: skip


def _sign_method(signer, obj, depth, stack):
    owner = obj.__self__
    if owner in stack:
        return ("method", obj.__qualname__)
    return ("method", obj.__qualname__, signer.sign(owner, depth, stack))


def _sign_function(signer, obj, depth, stack):
    if depth > 40:
        raise _Uncacheable("too deep")
    cells = tuple(signer.sign(cell.cell_contents, depth, stack) for cell in obj.__closure__ or ())
    named, found = obj.__globals__, []  # the globals it reads: a formatter may read a setting
    for name in sorted(_names(obj.__code__)):
        value = named.get(name, _MISSING)
        if value is _MISSING:  # an attribute's name, or a builtin
            continue
        if isinstance(value, types.ModuleType):
            found.append((name, "module", value.__name__))
        else:
            found.append((name, signer.sign(value, depth, stack)))
    defaults = signer.sign(obj.__defaults__, depth, stack)
    return ("function", obj.__code__, defaults, cells, tuple(found))


def _names(code) -> set:
    """The names a code object (and the functions defined in it) look up."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names(const)
    return names


_HANDLERS = {
    np.ndarray: _sign_array,
    tuple: _sign_sequence,
    list: _sign_sequence,
    dict: _sign_dict,
    set: _sign_set,
    frozenset: _sign_set,
    Path: _sign_path,
    types.MethodType: _sign_method,
    types.FunctionType: _sign_function,
}


# ----------------------------------------------------------------------------------------------
# Composing: unchanged artists pasted from sprites, the others drawn, in matplotlib's order
# ----------------------------------------------------------------------------------------------

_MISSING = object()
_TRACE = None  # a list to record (slot, "sprite"/"live"/"uncacheable", seconds) per artist drawn


class _Composer:
    """Draws the figure as ``Figure.draw`` would, pasting artists that did not change since the
    previous redraw from images (sprites) of them drawn alone on a transparent canvas.

    An artist whose signature was on the previous redraw and has no sprite yet is drawn into one
    (it looks steady); an artist whose signature changed since then is drawn directly (it is
    moving: a sprite would be wasted), unless that signature was drawn once before (a control
    value revisited, e.g. a dropdown's option), or the render is ``eager`` (the control that
    changed has few values, which come back). Sprites are kept up to ``SPRITE_BYTES``, the least
    recently used dropped first.
    """

    SPRITE_BYTES = 24_000_000

    def __init__(self, figure):
        self.figure = figure
        self.signer = _Signer(figure)
        self.sprites, self.recent, self.previous = {}, [], {}
        self.seen = {}  # hashes of signatures drawn directly once: the second time, sprites
        self.tightbboxes, self.measured, self.scratch = {}, {}, None
        self.fallbacks = 0  # redraws that fell back to a full draw (see render)

    def render(self, eager: bool = False) -> np.ndarray:
        """Draw the figure on its canvas; return the canvas' RGBA buffer. ``eager``: keep a
        sprite of every artist drawn, changed or not."""
        fig = self.figure
        renderer = fig.canvas.get_renderer()
        renderer.clear()
        if fig.subfigs or any(type(ax) is not Axes for ax in fig._localaxes):
            fig.draw(renderer)  # anything unusual: the plain way
            return np.asarray(renderer.buffer_rgba())
        engine = fig.get_layout_engine()
        if fig.axes and engine is not None:
            try:
                engine.execute(fig)
            except ValueError:  # as Figure.draw does
                pass
        try:
            self._compose(renderer, self._items(renderer), eager)
        except Exception:  # an artist failing to draw fails again below, with its own error;
            self.fallbacks += 1  # a surprise in the caching itself leaves a full redraw
            self.sprites, self.previous = {}, {}
            renderer.clear()
            fig.draw(renderer)
        fig.stale = False
        return np.asarray(renderer.buffer_rgba())

    def _items(self, renderer):
        """[(slot, artist, signature)] in drawing order, as Figure.draw and Axes.draw sort them."""
        fig = self.figure
        for ax in fig._localaxes:
            ax._unstale_viewLim()
            locator = ax.get_axes_locator()
            ax.apply_aspect(locator(ax, renderer) if locator else None)
        self.signer.start()  # after apply_aspect: positions are final
        children = fig.get_children()
        children.remove(fig.patch)
        children = sorted((a for a in children if not a.get_animated()), key=attrgetter("zorder"))
        listed = [(("fig",), fig.patch)]
        for artist in children:
            if isinstance(artist, Axes):
                listed += self._axes_items(fig._localaxes.index(artist), artist, renderer)
            else:
                listed.append((("fig",), artist))
        counts, items = {}, []
        for owner, artist in listed:
            slot = (*owner, type(artist).__name__)
            counts[slot] = counts.get(slot, -1) + 1
            sig = None if isinstance(artist, Axes) else self.signer.artist(artist)
            items.append(((*slot, counts[slot]), artist, sig))
        return self._best_legends(items)

    def _axes_items(self, index, ax, renderer):
        """An Axes' artists in Axes.draw's order (its patch first, then by zorder)."""
        if not ax.get_visible():
            return []
        if ax._rasterization_zorder is not None or ax.child_axes:
            return [((index,), ax)]  # drawn whole, every time
        artists = ax.get_children()
        artists.remove(ax.patch)
        if not (ax.axison and ax._frameon):
            for spine in ax.spines.values():
                artists.remove(spine)
        self._place_titles(ax, renderer)
        if not ax.axison:
            for axis in ax._axis_map.values():
                artists.remove(axis)
        artists = sorted((a for a in artists if not a.get_animated()), key=attrgetter("zorder"))
        if ax.axison and ax._frameon:
            artists = [ax.patch] + artists
        return [((index,), artist) for artist in artists]

    def _place_titles(self, ax, renderer):
        """``Axes._update_title_position`` (run by Axes.draw), with the axes' tight bounding
        boxes remembered by their axis' signature: measuring every tick label is its cost."""
        patched = []
        try:
            for axis in (ax.xaxis, ax.yaxis):
                sig = self.signer.artist(axis)
                if sig is not None:
                    axis.get_tightbbox = self._remembered(axis.get_tightbbox, (sig, id(renderer)))
                    patched.append(axis)
            ax._update_title_position(renderer)
        finally:
            for axis in patched:
                del axis.get_tightbbox

    def _remembered(self, measure, key):
        def get_tightbbox(renderer=None, *, for_layout_only=False):
            box = self.tightbboxes.get((key, for_layout_only), _MISSING)
            if box is _MISSING:
                box = measure(renderer, for_layout_only=for_layout_only)
            self.measured[key, for_layout_only] = box
            return None if box is None else box.frozen()

        return get_tightbbox

    def _best_legends(self, items):
        """A ``loc="best"`` legend moves with its axes' data: sign it with their signatures."""
        out = []
        for slot, artist, sig in items:
            if sig is not None and isinstance(artist, Legend) and artist._get_loc() == 0:
                others = tuple(s for sl, a, s in items if sl[0] == slot[0] and a is not artist)
                sig = None if None in others else (sig, others)
            out.append((slot, artist, sig))
        return out

    def _compose(self, renderer, items, eager=False):
        head = (renderer.width, renderer.height, renderer.dpi, _rc_signature())
        width, height = int(renderer.width), int(renderer.height)
        slots, used = {}, set()
        for slot, artist, sig in items:
            if not artist.get_visible():
                continue
            if _TRACE is not None:
                _t0 = time.process_time()
            if sig is None:
                artist.draw(renderer)
                if _TRACE is not None:
                    _TRACE.append((slot, "uncacheable", time.process_time() - _t0))
                continue
            sig = (head, sig)
            sprite = self.sprites.get(sig, _MISSING)
            if sprite is _MISSING:
                previous, seen = self.previous.get(slot), hash(sig)
                moving = previous is not None and sig not in previous
                if moving and seen not in self.seen and not eager:  # new, moving: draw directly
                    self.seen[seen] = None
                    artist.draw(renderer)
                    slots[slot] = (sig, self._resign(head, artist, sig))
                    if _TRACE is not None:
                        _TRACE.append((slot, "live", time.process_time() - _t0))
                    continue
                sprite = self._sprite(artist, width, height, renderer.dpi)
                after = self._resign(head, artist, sig)
                self.sprites[sig] = self.sprites[after] = sprite
                used.add(after)
                slots[slot] = (sig, after)
            used.add(sig)
            slots.setdefault(slot, (sig,))
            _paste(renderer, sprite, height)
            if _TRACE is not None:
                _TRACE.append((slot, "sprite", time.process_time() - _t0))
        self.previous = slots
        self.recent = [*self.recent[-1:], used]
        self._evict(set().union(*self.recent))
        while len(self.seen) > 4096:
            del self.seen[next(iter(self.seen))]

    def _evict(self, keep):
        """Drop the least recently used sprites beyond ``SPRITE_BYTES`` (never those of the last
        two redraws): going back to an earlier control value then finds its sprites."""
        for sig in keep:  # most recently used last
            if sig in self.sprites:
                self.sprites[sig] = self.sprites.pop(sig)
        total = sum(_sprite_bytes(s) for s in self.sprites.values())
        for sig in list(self.sprites):
            if total <= self.SPRITE_BYTES:
                break
            if sig not in keep:
                total -= _sprite_bytes(self.sprites.pop(sig))
        self.tightbboxes, self.measured = self.measured, {}

    def _resign(self, head, artist, before):
        """The signature after drawing (a draw fills caches of long-lived artists such as an
        axis): the next redraw's signature of an unchanged artist."""
        if id(artist) not in self.signer.long_lived:  # new on every redraw: nothing carries over
            return before
        memo, self.signer.memo, self.signer.keep = self.signer.memo, {}, []
        try:
            sig = self.signer.artist(artist)
        finally:
            self.signer.memo = memo
        return before if sig is None else (head, sig)

    def _sprite(self, artist, width, height, dpi):
        """The artist drawn alone on a transparent canvas, cropped: (top, left, bottom-up RGBA)."""
        scratch = self.scratch
        if scratch is None or (scratch.width, scratch.height, scratch.dpi) != (width, height, dpi):
            scratch = self.scratch = _TextCachingRenderer(width, height, dpi)
        scratch.clear()
        artist.draw(scratch)
        buffer = np.asarray(scratch.buffer_rgba())
        alpha = buffer[..., 3]
        rows = np.flatnonzero(alpha.any(axis=1))
        if rows.size == 0:
            return None
        top, bottom = rows[0], rows[-1] + 1
        cols = np.flatnonzero(alpha[top:bottom].any(axis=0))
        left, right = cols[0], cols[-1] + 1
        crop = buffer[top:bottom, left:right]
        if (top, left, bottom, right) == (0, 0, height, width) and (crop[..., 3] == 255).all():
            return (0, 0, crop.copy(), True)  # opaque and whole: copied, not blended
        return (top, left, np.array(crop[::-1], order="C"), False)  # a copy, even of one row


def _sprite_bytes(sprite) -> int:
    return 0 if sprite is None else sprite[2].nbytes


def _paste(renderer, sprite, height):
    if sprite is None:
        return
    top, left, image, opaque = sprite
    if opaque:
        np.asarray(renderer.buffer_rgba())[...] = image
        return
    gc = renderer.new_gc()
    renderer.draw_image(gc, left, height - top - image.shape[0], image)  # y: from the bottom
    gc.restore()


def _rc_signature():
    """rcParams are read at draw time too (hinting, snapping, ...): part of every signature."""
    return hash(tuple(map(repr, mpl.rcParams.values())))


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
    that arrive while the kernel is busy: a slow redraw lowers the frame rate, it never builds a
    backlog of stale redraws.

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
        self.image = ipywidgets.Image(format="png")
        self.output = ipywidgets.Output()
        self.result, self.png, self.redraws, self._failed = None, b"", 0, False
        controls = _arrange(list(self.controls.values()), ncols)
        ipywidgets.VBox.__init__(self, [controls, self.image, self.output])
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
        _Canvas(self.figure)
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
    """The Agg canvas as it stands (no new draw), as PNG bytes."""
    return _encode_png(np.asarray(figure.canvas.buffer_rgba()))


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
