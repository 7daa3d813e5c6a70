"""Tests for helpers.plotting.landscape_image (added for notebook 10)."""

import numpy as np
import pytest

from helpers import landscapes, plotting


def test_image_shape_extent_and_range():
    land = landscapes.himmelblau()
    image, extent = plotting.landscape_image(land, resolution=40, levels=10)
    assert image.shape == (40, 40, 4)
    assert extent == (-5.0, 5.0, -5.0, 5.0)
    assert 0.0 <= image.min() and image.max() <= 1.0
    np.testing.assert_array_equal(image[..., 3], 1.0)  # opaque


def test_low_loss_is_darker_than_high_loss_and_row_zero_is_the_bottom():
    land = landscapes.saddle_with_floor()  # window (-2, 2)^2, minima at (0, ±1.41)
    image, _ = plotting.landscape_image(land, resolution=41, levels=12)
    brightness = image[..., :3].mean(axis=-1)
    near_minimum = brightness[int(round((np.sqrt(2) + 2) / 4 * 40)), 20]  # row = y, column = x
    corner = brightness[40, 40]  # (2, 2): f = 4 + 1 = 5, the top of the range
    assert near_minimum < corner
    # a landscape that is not symmetric in y: row 0 must be y = ymin
    rosen = landscapes.rosenbrock()  # window x in (-2, 2), y in (-1, 3)
    image, _ = plotting.landscape_image(rosen, resolution=41, levels=12, log=False)
    bright = image[..., :3].mean(axis=-1)
    assert bright[0, 40] > bright[40, 40]  # f(2, -1) = 2501 (the top band) > f(2, 3) = 101


def test_bands_follow_the_contour_levels():
    land = landscapes.quadratic(eigenvalues=(1.0, 1.0))
    image, _ = plotting.landscape_image(land, resolution=61, levels=5, log=False, lines=False)
    colours = {tuple(np.round(pixel, 6)) for pixel in image.reshape(-1, 4)}
    assert 2 <= len(colours) <= 5  # one colour per band, not a smooth gradient


def test_lines_darken_only_the_pixels_where_the_band_changes():
    land = landscapes.quadratic(eigenvalues=(1.0, 1.0))
    plain, _ = plotting.landscape_image(land, resolution=61, levels=5, log=False, lines=False)
    lined, _ = plotting.landscape_image(land, resolution=61, levels=5, log=False)
    changed = np.any(lined != plain, axis=-1)
    assert 0 < changed.mean() < 0.2  # thin lines, not whole bands
    np.testing.assert_allclose(lined[changed, :3], 0.8 * plain[changed, :3])
    assert not changed[30, 30]  # the centre of the bowl lies inside the lowest band


def test_refuses_a_one_dimensional_landscape():
    with pytest.raises(ValueError, match="2-D"):
        plotting.landscape_image(landscapes.double_well())
