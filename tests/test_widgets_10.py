"""Tests for helpers.widgets.checkbox (added for notebook 10)."""

import ipywidgets
import pytest

from helpers import widgets


def test_checkbox_has_its_value_and_label_and_drives_an_explorer():
    box = widgets.checkbox(False, "Adam")
    assert isinstance(box, ipywidgets.Checkbox)
    assert box.value is False and box.description == "Adam"
    calls = []

    def compute(adam):
        calls.append(adam)
        return adam

    def draw(result, fig):
        fig.add_subplot().set_title(str(result))

    explorer = widgets.explorer(compute, draw, {"adam": box})
    box.value = True
    assert calls == [False, True] and explorer.redraws == 2


def test_checkbox_refuses_a_value_that_is_not_a_bool():
    with pytest.raises(TypeError, match="True or False"):
        widgets.checkbox(1, "Adam")
