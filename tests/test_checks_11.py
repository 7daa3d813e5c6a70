"""Tests for helpers.checks.check_cases (frozen answers per input; added for notebook 11)."""

import numpy as np
import pytest

from helpers import checks

CASES = [(1.0, 1e-8), (0.5, 1e-3), (1e-9, 1e-8)]
ANSWERS = [14, 5, 0]


def layers(top, threshold):
    k = 0
    while top * 0.25**k >= threshold:
        k += 1
    return k


def test_check_cases_accepts_the_right_answers_and_says_so(capsys):
    checks.check_cases(layers, CASES, ANSWERS)
    assert "✓ layers gives the right answer on all 3 test inputs" in capsys.readouterr().out


def test_check_cases_names_the_failing_input_with_the_learners_argument_names():
    def wrong(top_norm, threshold):
        return layers(top_norm, threshold) + (top_norm == 0.5)

    with pytest.raises(AssertionError) as info:
        checks.check_cases(wrong, CASES, ANSWERS)
    message = str(info.value)
    assert "test input #2 of 3: top_norm=0.5, threshold=0.001" in message
    assert "expected: 5" in message and "got:      6" in message


def test_check_cases_names_a_mistake_only_when_it_matches_on_every_input():
    mistakes = {"you round down": [13, 4, 0], "you start at k = 1": [14, 5, 1]}
    with pytest.raises(AssertionError, match="This is what you get when: you round down"):
        checks.check_cases(lambda t, h: max(0, layers(t, h) - 1), CASES, ANSWERS, mistakes=mistakes)
    # 13 on the first input coincides with "round down", but the other answers do not: no hint
    with pytest.raises(AssertionError) as info:
        checks.check_cases(lambda t, h: 13, CASES, ANSWERS, mistakes=mistakes)
    assert "This is what you get when" not in str(info.value)


def test_check_cases_ignores_a_listed_mistake_that_is_right_everywhere():
    with pytest.raises(AssertionError) as info:
        checks.check_cases(lambda t, h: 0, CASES, ANSWERS, mistakes={"no mistake": [14, 5, 0]})
    assert "This is what you get when" not in str(info.value)


def test_check_cases_compares_with_a_tolerance_when_asked():
    checks.check_cases(lambda a: a * (1 + 1e-9), [(2.0,), (3.0,)], [2.0, 3.0], rtol=1e-6)
    with pytest.raises(AssertionError):
        checks.check_cases(lambda a: a * (1 + 1e-9), [(2.0,), (3.0,)], [2.0, 3.0])


def test_check_cases_reports_none_and_inputs_changed_in_place():
    with pytest.raises(AssertionError, match="forget `return`"):
        checks.check_cases(lambda v: None, [(np.ones(2),)], [1.0])

    def changes(v):
        v[0] = 5.0
        return 1.0

    with pytest.raises(AssertionError, match="changed its input arrays in place"):
        checks.check_cases(changes, [(np.ones(2),)], [1.0])


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (("not a function", CASES, ANSWERS), TypeError, "learner_fn must be a function"),
        ((layers, [[1.0, 1e-8]], [14]), TypeError, "cases must be a list of argument tuples"),
        ((layers, [], []), ValueError, "at least one argument tuple"),
        ((layers, CASES, [14, 5]), ValueError, "one answer per case \\(3\\), got 2"),
    ],
)
def test_check_cases_rejects_malformed_arguments(args, error, match):
    with pytest.raises(error, match=match):
        checks.check_cases(*args)


def test_check_cases_rejects_malformed_mistakes():
    with pytest.raises(TypeError, match="mistakes must be a dict"):
        checks.check_cases(layers, CASES, ANSWERS, mistakes={"hint": lambda t, h: 0})
    with pytest.raises(ValueError, match="mistakes\\['hint'\\] must give one answer per case"):
        checks.check_cases(layers, CASES, ANSWERS, mistakes={"hint": [1, 2]})
    with pytest.raises(ValueError, match="kind"):
        checks.check_cases(layers, CASES, ANSWERS, kind="size")
