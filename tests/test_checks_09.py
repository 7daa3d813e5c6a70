"""checks.check_not_using: an answer may not be the library it is compared with."""

import numpy as np
import pytest

from helpers import checks, optim


def adam_via_library(w, grad):
    """Calls optim.Adam: the shortcut an exercise rules out."""
    adam = optim.Adam(lr=0.1)
    return adam.step(w, grad, adam.init(w))[0]


def adam_by_hand(w, grad):
    """One Adam step from m = v = 0 (this docstring names Adam, and so does the comment)."""
    return w - 0.1 * grad / (np.abs(grad) + 1e-8)  # what optim.Adam does at t = 1


def test_check_not_using_names_the_shortcut_and_gives_the_reason():
    with pytest.raises(AssertionError) as error:
        checks.check_not_using(adam_via_library, ("optim", "Adam"), "Write it with numpy.")
    message = str(error.value)
    assert "adam_via_library" in message and "`optim`" in message
    assert message.endswith("Write it with numpy.")


def test_check_not_using_ignores_names_in_docstrings_and_comments(capsys):
    checks.check_not_using(adam_by_hand, ("optim", "Adam"), "Write it with numpy.")
    assert capsys.readouterr().out == ""


def test_check_not_using_reads_lambdas_and_uses_the_given_name():
    shortcut = lambda w: optim.SGD(lr=0.1)  # noqa: E731
    with pytest.raises(AssertionError, match="first_step is not right yet: it uses `optim`"):
        checks.check_not_using(shortcut, ["optim"], "Predict it.", name="first_step")


def test_check_not_using_passes_when_the_source_cannot_be_read():
    namespace = {}
    exec("def made_by_exec(w):\n    return optim.Adam()\n", namespace)
    checks.check_not_using(namespace["made_by_exec"], ("optim",), "unused")


def test_check_not_using_refuses_bad_arguments():
    with pytest.raises(TypeError, match="learner_fn must be a function"):
        checks.check_not_using(3, ("optim",), "why")
    with pytest.raises(TypeError, match="names must be a list or tuple of strings"):
        checks.check_not_using(adam_by_hand, "optim", "why")
