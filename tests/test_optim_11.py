"""Tests for helpers.optim.clip_grad_norm / clip_grad_value (notebook 11), also against torch."""

import numpy as np
import pytest

from helpers import optim


def test_clip_grad_norm_scales_all_arrays_by_one_factor_from_the_global_norm():
    grads = [np.array([[3.0, 4.0]]), np.array([12.0])]  # norms 5 and 12, global norm 13
    clipped, total = optim.clip_grad_norm(grads, 2.6)
    assert total == pytest.approx(13.0)
    factor = 2.6 / (13.0 + 1e-6)
    assert np.allclose(clipped[0], [[3.0 * factor, 4.0 * factor]], rtol=1e-15)
    assert np.allclose(clipped[1], [12.0 * factor], rtol=1e-15)
    assert isinstance(clipped, list) and clipped[0].shape == (1, 2)


def test_clip_grad_norm_keeps_the_direction_and_leaves_small_gradients_alone():
    grad = np.array([0.3, -0.4])
    clipped, total = optim.clip_grad_norm(grad, 1.0)
    assert np.array_equal(clipped, grad) and total == pytest.approx(0.5)
    big = np.array([30.0, -40.0])
    clipped, _ = optim.clip_grad_norm(big, 1.0)
    assert np.linalg.norm(clipped) == pytest.approx(1.0, rel=1e-6)
    assert np.allclose(clipped / np.linalg.norm(clipped), big / 50.0)


def test_clip_grad_norm_keeps_a_zero_gradient_zero_and_changes_nothing_in_place():
    zero = [np.zeros((2, 2)), np.zeros(3)]
    clipped, total = optim.clip_grad_norm(zero, 1.0)
    assert total == 0.0 and all(np.array_equal(c, z) for c, z in zip(clipped, zero, strict=True))
    grads = (np.array([5.0, 0.0]), np.array(12.0))
    before = [g.copy() for g in grads]
    clipped, _ = optim.clip_grad_norm(grads, 1.0)
    assert isinstance(clipped, tuple) and clipped[1].shape == ()
    assert all(np.array_equal(g, b) for g, b in zip(grads, before, strict=True))


def test_clip_grad_value_clips_each_entry_and_can_turn_the_direction():
    grads = [np.array([100.0, 3.0]), np.array([[-0.5, -7.0]])]
    clipped = optim.clip_grad_value(grads, 1.0)
    assert np.array_equal(clipped[0], [1.0, 1.0])
    assert np.array_equal(clipped[1], [[-0.5, -1.0]])


@pytest.mark.parametrize(
    ("function", "bad"), [(optim.clip_grad_norm, -1.0), (optim.clip_grad_value, np.nan)]
)
def test_clipping_rejects_a_bad_threshold_and_integer_gradients(function, bad):
    with pytest.raises(ValueError, match="max_norm|clip_value"):
        function(np.ones(2), bad)
    with pytest.raises(TypeError, match="grads"):
        function(np.array([1, 2]), 1.0)


@pytest.mark.parametrize("max_norm", [0.5, 13.0, 100.0])
def test_clip_grad_norm_and_value_give_torchs_numbers(max_norm):
    torch = pytest.importorskip("torch", reason="torch not installed")
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=(3, 4)) * 3, rng.normal(size=5)]
    params = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for param, grad in zip(params, grads, strict=True):
        param.grad = torch.tensor(grad)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm)
    ours, our_total = optim.clip_grad_norm(grads, max_norm)
    assert our_total == pytest.approx(float(total), rel=1e-14)
    for mine, param in zip(ours, params, strict=True):
        assert np.allclose(mine, param.grad.numpy(), rtol=1e-14, atol=0)
    for param, grad in zip(params, grads, strict=True):
        param.grad = torch.tensor(grad)
    torch.nn.utils.clip_grad_value_(params, max_norm / 10)
    for mine, param in zip(optim.clip_grad_value(grads, max_norm / 10), params, strict=True):
        assert np.array_equal(mine, param.grad.numpy())
