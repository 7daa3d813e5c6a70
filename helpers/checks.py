r"""Feedback for the exercises (used in the nbgrader test cells).

Each check prints one short line starting with "✓" when the answer is right, and otherwise raises
``AssertionError`` with a message in plain words: which input failed (named with the learner's own
argument names), what was expected and what came back, the relative error ($g$ = got,
$e$ = expected; the definition of ``helpers.gradients.relative_error`` and the CS231n notes)

$$\text{relative error} = \max_i \frac{|g_i - e_i|}{\max(|g_i|, |e_i|)},$$

and, when the mistake is recognised, what it looks like.

Hints are given only where they apply. An exercise says what **kind** of answer it checks:

========== ===================================================================================
kind       hints that may fire (besides None, wrong shape, NaN/inf, a flipped sign, an input
           handed back unchanged, and values that print alike)
========== ===================================================================================
value      none beyond the common ones (the default)
update     the step goes the wrong way; the step is c times the right size (learning rate)
loss       a constant factor: sum versus mean, the 1/2 in front
derivative a constant factor in the derivative (chain rule's inner factor, the power rule)
count      every entry off by the same whole number (an off-by-one)
trajectory one row too few or too many (the starting point, or one step too many)
========== ===================================================================================

and may list its own likely **mistakes**: ``{hint: wrong_function}`` for :func:`check_function`
(or ``{hint: wrong_value}`` for :func:`check_close` / :func:`check_array_equal`). When the
learner's answer equals what a listed mistake gives, that hint is shown — the most precise
feedback there is, written by the exercise's author for that exercise.
"""

from __future__ import annotations

import copy
import inspect
import numbers

import numpy as np

from helpers._validate import check_choice, check_number

KINDS = ("value", "update", "loss", "derivative", "count", "trajectory")
_NICE_FACTORS = (2.0, 0.5, 3.0, 1 / 3, 4.0, 0.25, 10.0, 0.1)
_NONE = "It returned None — did you forget `return`?"


def check_close(name, value, expected, rtol=1e-6, atol=0.0, *, kind="value", mistakes=None):
    r"""Check that ``value`` equals ``expected`` up to rounding: $|v - e| \le atol + rtol\,|e|$.

    Args:
        name: what the value is, in the learner's words (e.g. ``"the loss"``, ``"grad_w"``).
        value: the learner's number or array (or tuple of them).
        expected: the right answer, same structure.
        rtol, atol: relative and absolute tolerance (>= 0).
        kind: what sort of answer it is (see the module docstring); picks the hints.
        mistakes: optional ``{hint: wrong_value}``: the values likely mistakes give.

    Raises:
        AssertionError: with a plain-words explanation when ``value`` is wrong.
        ValueError: ``kind`` not one of ``KINDS``.
    """
    rtol, atol = check_number("rtol", rtol, low=0.0), check_number("atol", atol, low=0.0)
    check_choice("kind", kind, KINDS)
    problem = _compare(value, expected, rtol, atol, (), kind)
    if problem:
        problem += _named_mistake(value, expected, mistakes, rtol, atol)
        raise AssertionError(f"{name} is not right yet.\n{problem}")
    print(f"✓ {name} is correct")


def check_function(
    learner_fn,
    reference_fn,
    inputs,
    rtol=1e-6,
    name=None,
    atol=0.0,
    *,
    kind="value",
    mistakes=None,
):
    r"""Call both functions on each input and check the learner's answers match the reference's.

    Each function gets its own deep copy of the arguments. A learner function that changes its
    arguments in place also fails (the suite's functions never modify what they are given).

    Args:
        learner_fn: the learner's function.
        reference_fn: the correct function with the same signature.
        inputs: list of argument tuples, e.g. ``[(x1, lr), (x2, lr)]``.
        rtol, atol: tolerances as in :func:`check_close`.
        name: how to call the function in messages (default: ``learner_fn.__name__``).
        kind: what sort of answer it is (see the module docstring); picks the hints.
        mistakes: optional ``{hint: wrong_fn}``; ``wrong_fn`` has the same signature and
            computes what a likely mistake computes.

    Raises:
        AssertionError: at the first input where the answers differ, saying which input and how.
        TypeError: ``learner_fn``/``reference_fn`` not callable, ``inputs`` not a list of tuples.
        ValueError: ``kind`` not one of ``KINDS``, ``inputs`` empty.
    """
    name = name or getattr(learner_fn, "__name__", "your function")
    _check_function_args(learner_fn, reference_fn, inputs, mistakes)
    rtol, atol = check_number("rtol", rtol, low=0.0), check_number("atol", atol, low=0.0)
    check_choice("kind", kind, KINDS)
    for number, args in enumerate(inputs, start=1):
        expected = reference_fn(*copy.deepcopy(args))
        learner_args = copy.deepcopy(args)
        got = learner_fn(*learner_args)
        problem = _compare(got, expected, rtol, atol, args, kind)
        if not problem and not _same(learner_args, args):
            problem = "It changed its input arrays in place; return new arrays instead."
        if problem:
            problem += _mistake_on_every_input(
                learner_fn, reference_fn, mistakes, inputs, rtol, atol
            )
            where = f"test input #{number} of {len(inputs)}: {_describe_args(learner_fn, args)}"
            raise AssertionError(f"{name} is not right yet, on {where}\n{problem}")
    print(f"✓ {name} gives the right answer on all {len(inputs)} test inputs")


def check_array_equal(name, value, expected, *, kind="count", mistakes=None):
    """Check that integer-valued results (labels, counts, indices, step numbers, shapes) match
    exactly.

    Args:
        name: what the value is, in the learner's words.
        value, expected: numbers or arrays; equal means same shape and every entry equal.
        kind: ``"count"`` (the default) adds the off-by-one hint when every entry is off by the
            same amount; ``"value"`` does not.
        mistakes: optional ``{hint: wrong_value}``.

    Raises:
        AssertionError: with the number of wrong entries, the first one, and a hint.
    """
    check_choice("kind", kind, KINDS)
    if value is None:
        raise AssertionError(f"{name} is not right yet.\n{_NONE}")
    got, want = np.asarray(value), np.asarray(expected)
    problem = _shape_problem(got, want, kind)
    if not problem and not np.array_equal(got, want):
        wrong = np.argwhere(got != want) if got.ndim else np.zeros((1, 0), dtype=int)
        index = tuple(int(i) for i in wrong[0])
        problem = (
            f"{len(wrong)} of {want.size} entries differ; the first at index {index}: "
            f"expected {_fmt(want[index])}, got {_fmt(got[index])}."
        )
        offset = np.unique(got - want) if np.issubdtype(got.dtype, np.number) else ()
        if kind == "count" and len(offset) == 1 and abs(float(offset[0])) in (1.0, 2.0):
            problem += (
                f"\nLooks like: every entry is off by {_fmt(offset[0])} — an off-by-one in a "
                "count, a range or 0-based indexing?"
            )
    if problem:
        problem += _named_mistake(value, expected, mistakes, 0.0, 0.0)
        raise AssertionError(f"{name} is not right yet.\n{problem}")
    print(f"✓ {name} is correct")


def check_true(condition, message, success="check passed"):
    """Raise ``AssertionError(message)`` unless ``condition`` is true; else print ``"✓ success"``.

    For anything the other checks do not cover, e.g.
    ``check_true(losses[-1] < losses[0], "the loss should go down")``.
    """
    if not condition:
        raise AssertionError(message)
    print(f"✓ {success}")


# ----------------------------------------------------------------------------------------------
# Comparing and diagnosing
# ----------------------------------------------------------------------------------------------


def _compare(got, expected, rtol, atol, inputs, kind):
    """Return '' when ``got`` matches ``expected``, else a plain-words description."""
    if expected is None:
        return "" if got is None else f"Expected None, got {_fmt(got)}."
    if got is None:
        return _NONE
    if isinstance(expected, tuple):  # a function returning several values: compare each one
        numbers = all(_is_numeric_array(item) and np.ndim(item) == 0 for item in expected)
        if numbers and isinstance(got, np.ndarray) and got.shape == (len(expected),):
            got = tuple(got)  # `return np.array([a, b])` for `return a, b` of two numbers is fine
        if not isinstance(got, (tuple, list)):
            return f"Expected {len(expected)} values (e.g. `return a, b`), got one: {_fmt(got)}."
        return _compare_sequence(got, expected, rtol, atol, inputs, kind)
    if isinstance(expected, list) and not _is_numeric_array(expected):
        return _compare_sequence(got, expected, rtol, atol, inputs, kind)
    if not _is_numeric_array(got):
        return f"Expected a number or an array of numbers, got a {type(got).__name__}: {got!r}."
    got_array = np.asarray(got)
    got, want = got_array.astype(float), np.asarray(expected, dtype=float)
    problem = _shape_problem(got, want, kind)
    if problem or np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True):
        return problem
    report = (
        f"  expected: {_fmt(want)}\n  got:      {_fmt(got)}\n"
        f"  relative error: {_relative_error(got, want):.2g}"
    )
    if _fmt(want) == _fmt(got):  # would look identical: show where they part
        report += "\n" + _precision_note(got_array, got, want, rtol)
    diagnosis = _diagnose(got, want, max(rtol, 1e-9), atol, inputs, kind)
    return report + (f"\nLooks like: {diagnosis}" if diagnosis else "")


def _compare_sequence(got, expected, rtol, atol, inputs, kind):
    if not isinstance(got, (tuple, list)) or len(got) != len(expected):
        size = len(got) if isinstance(got, (tuple, list)) else "one"
        return f"Expected {len(expected)} values (e.g. `return a, b`), got {size}: {_fmt(got)}."
    for index, (got_item, expected_item) in enumerate(zip(got, expected, strict=True)):
        problem = _compare(got_item, expected_item, rtol, atol, inputs, kind)
        if problem:
            return f"In returned value #{index + 1} of {len(expected)}:\n{problem}"
    return ""


def _precision_note(got_array, got, want, rtol):
    """Say how many significant digits agree (and the dtype when it explains the gap)."""
    digits = _agreeing_digits(got, want)
    note = (
        f"  These print alike but agree to only about {digits} significant digits "
        f"(the check needs a relative error below {rtol:.0e})."
    )
    if got_array.dtype != np.float64:
        note += (
            f" Your answer has dtype {got_array.dtype}: compute in float64 (the default), "
            "e.g. without .astype(np.float32)."
        )
    else:
        note += (
            " A small difference that remains: a term left out, a value not restored, or a "
            "different formula that is only approximately equal?"
        )
    return note


def _agreeing_digits(got, want):
    error = _relative_error(got, want)
    return 16 if error == 0 else max(0, int(np.floor(-np.log10(error))))


def _shape_problem(got, want, kind):
    if got.shape == want.shape:
        return ""
    message = f"Wrong shape: expected {want.shape}, got {got.shape}."
    if kind == "trajectory" and got.ndim == want.ndim and got.ndim >= 1:
        extra = got.shape[0] - want.shape[0]
        if got.shape[1:] == want.shape[1:] and abs(extra) == 1:
            hint = (
                "one row too few — is the starting point the first row, and are there "
                "`steps` updates after it?"
                if extra < 0
                else "one row too many — one update more than `steps`?"
            )
            return f"{message}\nLooks like: {hint}"
    if want.ndim == 0 and got.size == 1:
        hint = "expected a plain number, got an array holding one — return float(...) of it."
    elif got.size == want.size:
        hint = "the same number of entries, arranged differently (a missing reshape, .ravel(), .T?)"
    elif want.ndim == 0:
        hint = "expected a single number, got several — a missing sum, mean or max?"
    elif got.ndim == 0:
        hint = "expected one value per entry, got a single number — an extra sum or mean?"
    elif got.ndim == want.ndim and kind in ("loss", "value", "derivative", "update"):
        hint = "check which axis you reduce over, and broadcasting of (n,) with (n, 1)."
    else:
        hint = ""
    return message + (f"\nLooks like: {hint}" if hint else "")


def _diagnose(got, want, rtol, atol, inputs, kind):
    """Name the mistake when it has a recognisable shape for this kind of answer, else ''."""
    if not np.all(np.isfinite(got)):
        return (
            "the result contains NaN or inf — an overflow in exp, a log of 0, or a division "
            "by zero? (np.exp of a large number is inf; subtract the maximum first.)"
        )
    starts = [arg for arg in _arrays(inputs) if arg.shape == got.shape]
    if kind == "update" and any(_close(got, start, rtol, atol) for start in starts):
        return "you returned an input unchanged — did you forget to apply the update?"
    if np.any(want != 0) and _close(got, -want, rtol, atol):
        return "the sign is flipped (you got minus the answer) — check + versus − in your formula."
    if kind == "update":
        for start in starts:  # compare the change made to the input
            change = _diagnose_change(got - start, want - start, rtol, atol)
            if change:
                return change
    factor = _constant_factor(got, want, rtol, atol) if kind in ("loss", "derivative") else None
    if factor is not None:
        return (
            f"off by a constant factor: you got {_fmt(factor)} times the answer. "
            + _factor_hint(factor, kind)
        )
    if want.ndim == 2 and want.shape[0] == want.shape[1] and _close(got, want.T, rtol, atol):
        return "your result is the transpose of the answer — check the order in the matrix product."
    return ""


def _diagnose_change(got_change, want_change, rtol, atol):
    if np.any(want_change != 0) and _close(got_change, -want_change, rtol, atol):
        return (
            "the step goes the wrong way (the change to the input has the wrong sign) — "
            "check + versus − in the update, e.g. w - lr * grad."
        )
    factor = _constant_factor(got_change, want_change, rtol, atol)
    if factor is not None:
        return (
            f"the step is {_fmt(factor)} times the right size — check that the learning rate "
            "multiplies the step exactly once."
        )
    return ""


def _factor_hint(factor, kind):
    size = abs(factor)
    if kind == "derivative":
        return (
            "Check the factor the chain rule brings in (the inner derivative) and the power "
            "rule's exponent."
        )
    if np.isclose(size, 2.0) or np.isclose(size, 0.5):
        return "A factor of 2 — check the 1/2 in front, or mean versus sum over two terms."
    if size > 1:
        return "Did you sum where the formula takes a mean (or forget to divide by n)?"
    return "Did you divide by something extra (n twice, or a mean where a sum belongs)?"


def _mistake_on_every_input(learner_fn, reference_fn, mistakes, inputs, rtol, atol):
    """'\nThis is what you get when: HINT' for the first listed mistake that gives the learner's
    answers on *every* input (and differs from the reference on at least one): a mistake that
    only coincides on one input is not named, so the hint is never a guess."""
    if not mistakes:
        return ""
    try:
        answers = [learner_fn(*copy.deepcopy(args)) for args in inputs]
    except Exception:  # noqa: BLE001 - a learner function may raise on another input
        return ""
    tolerance = max(rtol, 1e-9)
    for hint, wrong_fn in mistakes.items():
        try:
            wrong = [wrong_fn(*copy.deepcopy(args)) for args in inputs]
            right = [reference_fn(*copy.deepcopy(args)) for args in inputs]
        except Exception:  # noqa: BLE001 - a mistake may not apply to every input
            continue
        pairs = zip(answers, wrong, right, strict=True)
        same, differs = True, False
        for answer, wrong_answer, right_answer in pairs:
            same = same and not _compare(answer, wrong_answer, tolerance, atol, (), "value")
            differs = differs or bool(_compare(wrong_answer, right_answer, rtol, atol, (), "value"))
        if same and differs:
            return f"\nThis is what you get when: {hint}"
    return ""


def _named_mistake(got, expected, wrong_values, rtol, atol):
    """'\\nLooks like: HINT' for the first listed mistake whose value equals ``got``."""
    for hint, wrong in (wrong_values or {}).items():
        if wrong is None or not _is_numeric_array(got) and not isinstance(got, (tuple, list)):
            continue
        if _compare(wrong, expected, rtol, atol, (), "value") and not _compare(
            got, wrong, max(rtol, 1e-9), atol, (), "value"
        ):
            return f"\nThis is what you get when: {hint}"
    return ""


def _close(a, b, rtol, atol):
    return np.allclose(a, b, rtol=rtol, atol=atol)


def _constant_factor(got, want, rtol, atol):
    """The factor c with got = c * want, if there is one that says something."""
    scale = float(np.vdot(want, want))
    if scale == 0:
        return None
    factor = float(np.vdot(got, want)) / scale
    if not _close(got, factor * want, rtol, atol) or np.isclose(abs(factor), 1.0):
        return None
    nice = [f for f in _NICE_FACTORS if np.isclose(abs(factor), f)]
    if nice:
        return float(np.sign(factor) * nice[0])
    return factor if np.count_nonzero(want) >= 2 else None  # one number is a multiple of any


def _arrays(values):
    """The float arrays among ``values``, looking one level into lists and tuples."""
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _arrays(value)
        elif isinstance(value, np.ndarray) and value.size and np.issubdtype(value.dtype, np.number):
            yield value


def _relative_error(got, want):
    """The suite's one relative error (see ``helpers.gradients.relative_error``)."""
    if not want.size:
        return 0.0
    scale = np.maximum(np.maximum(np.abs(got), np.abs(want)), 1e-300)
    with np.errstate(invalid="ignore", over="ignore"):  # inf or NaN answers: said elsewhere
        return float(np.max(np.abs(got - want) / scale))


def _is_numeric_array(value):
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        return False
    return array.dtype != object and (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    )


def _same(after, before):
    """True unless an array inside ``before`` (looking into lists and tuples) was changed."""
    if isinstance(before, np.ndarray):
        return np.array_equal(after, before, equal_nan=True)
    if isinstance(before, (list, tuple)):
        return all(_same(a, b) for a, b in zip(after, before, strict=True))
    return True


def _describe_args(fn, args):
    """``w=[1., 2.], lr=0.1`` with the names of ``fn``'s own parameters."""
    try:
        names = list(inspect.signature(fn).bind(*args).arguments)
    except (TypeError, ValueError):
        names = [f"argument {i + 1}" for i in range(len(args))]
    return ", ".join(f"{label}={_fmt(arg)}" for label, arg in zip(names, args, strict=False))


def _fmt(value):
    """A short, rounded rendering of a number or array."""
    if isinstance(value, numbers.Number) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return f"{value.item() if isinstance(value, np.ndarray) else value:.4g}"
    if callable(value):
        return getattr(value, "__name__", "a function")
    if isinstance(value, (np.ndarray, numbers.Number)) or _is_numeric_array(value):
        with np.printoptions(precision=4, suppress=True, threshold=12, edgeitems=3):
            return np.array2string(np.asarray(value), separator=", ")
    return repr(value) if len(repr(value)) < 80 else f"<{type(value).__name__}>"


def _check_function_args(learner_fn, reference_fn, inputs, mistakes):
    for label, fn in (("learner_fn", learner_fn), ("reference_fn", reference_fn)):
        if not callable(fn):
            raise TypeError(f"{label} must be a function, got {fn!r}")
    if not isinstance(inputs, (list, tuple)) or not all(isinstance(a, tuple) for a in inputs):
        raise TypeError(f"inputs must be a list of argument tuples, got {inputs!r}")
    if not inputs:
        raise ValueError("inputs must hold at least one argument tuple, got an empty list")
    if mistakes is not None and not (
        isinstance(mistakes, dict) and all(callable(fn) for fn in mistakes.values())
    ):
        raise TypeError(f"mistakes must be a dict {{hint: function}}, got {mistakes!r}")


def check_cases(
    learner_fn, cases, expected, name=None, rtol=0.0, atol=0.0, *, kind="value", mistakes=None
):
    r"""Check a learner's function against frozen answers, one per input (no reference function).

    For answers the learner predicts or designs (a count, a step number, a patience): the test
    cell lists the inputs and the right answer for each, so no reference implementation stands
    in it. Every input is tried before anything is reported, so that a listed mistake is named
    only when it gives the learner's answers on *every* input (and is wrong on at least one) —
    one answer that happens to coincide with a mistake on one input is never read as that mistake.

    Args:
        learner_fn: the learner's function.
        cases: list of argument tuples, e.g. ``[(1.0, 1e-8), (0.5, 1e-3)]``.
        expected: the right answer for each case, in the same order.
        name: how to call the function in messages (default: its ``__name__``).
        rtol, atol: tolerances as in :func:`check_close` (default 0: exact, for counts).
        kind: what sort of answer it is (see the module docstring); picks the generic hints.
        mistakes: optional ``{hint: [the answer the mistake gives for each case]}``.

    Raises:
        AssertionError: at the first case with a wrong answer, naming it with the learner's own
            argument names, expected and got, and the hint of a listed mistake when one applies.
        TypeError: ``learner_fn`` not callable, ``cases`` not a list of tuples, ``mistakes`` not
            a dict of sequences.
        ValueError: ``kind`` not one of ``KINDS``; ``cases`` empty; ``expected`` or a mistake's
            answers not one per case.
    """
    name = name or getattr(learner_fn, "__name__", "your function")
    _check_cases_args(learner_fn, cases, expected, mistakes)
    rtol, atol = check_number("rtol", rtol, low=0.0), check_number("atol", atol, low=0.0)
    check_choice("kind", kind, KINDS)
    answers, changed = [], []
    for args in cases:
        learner_args = copy.deepcopy(args)
        answers.append(learner_fn(*learner_args))
        changed.append(not _same(learner_args, args))
    for number, (args, got, want) in enumerate(zip(cases, answers, expected, strict=True), start=1):
        problem = _compare(got, want, rtol, atol, args, kind)
        if not problem and changed[number - 1]:
            problem = "It changed its input arrays in place; return new arrays instead."
        if problem:
            problem += _mistake_on_every_case(answers, expected, mistakes, rtol, atol)
            where = f"test input #{number} of {len(cases)}: {_describe_args(learner_fn, args)}"
            raise AssertionError(f"{name} is not right yet, on {where}\n{problem}")
    print(f"✓ {name} gives the right answer on all {len(cases)} test inputs")


def _mistake_on_every_case(answers, expected, mistakes, rtol, atol):
    """'\\nThis is what you get when: HINT' for the first listed mistake whose answers equal the
    learner's on every case and differ from the expected ones on at least one."""
    tolerance = max(rtol, 1e-9)
    for hint, wrong in (mistakes or {}).items():
        same = all(
            not _compare(answer, wrong_answer, tolerance, atol, (), "value")
            for answer, wrong_answer in zip(answers, wrong, strict=True)
        )
        differs = any(
            _compare(wrong_answer, right, rtol, atol, (), "value")
            for wrong_answer, right in zip(wrong, expected, strict=True)
        )
        if same and differs:
            return f"\nThis is what you get when: {hint}"
    return ""


def _check_cases_args(learner_fn, cases, expected, mistakes):
    if not callable(learner_fn):
        raise TypeError(f"learner_fn must be a function, got {learner_fn!r}")
    if not isinstance(cases, (list, tuple)) or not all(isinstance(a, tuple) for a in cases):
        raise TypeError(f"cases must be a list of argument tuples, got {cases!r}")
    if not cases:
        raise ValueError("cases must hold at least one argument tuple, got an empty list")
    if len(expected) != len(cases):
        raise ValueError(
            f"expected must give one answer per case ({len(cases)}), got {len(expected)}"
        )
    if mistakes is None:
        return
    if not isinstance(mistakes, dict) or not all(
        isinstance(wrong, (list, tuple)) for wrong in mistakes.values()
    ):
        raise TypeError(f"mistakes must be a dict {{hint: [answer per case]}}, got {mistakes!r}")
    for hint, wrong in mistakes.items():
        if len(wrong) != len(cases):
            raise ValueError(
                f"mistakes[{hint!r}] must give one answer per case ({len(cases)}), got {len(wrong)}"
            )


def check_not_using(learner_fn, names, reason, name=None):
    r"""Check that a learner's function does not use a name the exercise rules out.

    For an exercise whose answer could be copied from what the test compares it with (an Adam
    step checked against ``optim.Adam``): the function's own source is read, and if one of
    ``names`` occurs in its code as a Python name — not in a comment or a string, so a docstring
    may say "Adam" — the check fails, because the comparison would then only compare the library
    with itself. A function it calls is not followed, and a function whose source cannot be read
    (made by ``exec``, a builtin) passes. Prints nothing when it passes.

    Args:
        learner_fn: the learner's function.
        names: the names it must not use, e.g. ``("optim", "Adam")`` (a list or tuple of str).
        reason: one sentence for the learner: why, and what to do instead.
        name: how to call the function in messages (default: its ``__name__``).

    Raises:
        AssertionError: naming the first of ``names`` the source uses, followed by ``reason``.
        TypeError: ``learner_fn`` not callable, ``names`` not a list or tuple of strings.
    """
    import io
    import textwrap
    import tokenize

    if not callable(learner_fn):
        raise TypeError(f"learner_fn must be a function, got {learner_fn!r}")
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise TypeError(f"names must be a list or tuple of strings, got {names!r}")
    name = name or getattr(learner_fn, "__name__", "your function")
    try:
        source = textwrap.dedent(inspect.getsource(learner_fn))
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (OSError, TypeError, SyntaxError, tokenize.TokenError):
        return
    used = {token.string for token in tokens if token.type == tokenize.NAME}
    for forbidden in names:
        if forbidden in used:
            raise AssertionError(
                f"{name} is not right yet: it uses `{forbidden}`, which this exercise rules out.\n"
                f"{reason}"
            )
