"""helpers.optim against torch.optim, step for step in float64 (skipped without torch)."""

import numpy as np
import pytest

from helpers import optim

torch = pytest.importorskip(
    "torch", reason="torch not installed: the torch.optim comparison is skipped"
)

N_STEPS = 6
SHAPES = [(3, 4), (5,)]

# (our class, torch class name, hyperparameters) covering every branch of every update rule.
CONFIGS = [
    (optim.SGD, "SGD", {"lr": 0.1}),
    (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.9}),
    (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.3}),
    (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.1, "nesterov": True}),
    (optim.SGD, "SGD", {"lr": 0.05, "weight_decay": 0.2}),
    (optim.SGD, "SGD", {}),
    (optim.Adagrad, "Adagrad", {}),
    (optim.Adagrad, "Adagrad", {"lr": 0.1, "lr_decay": 0.3}),
    (optim.Adagrad, "Adagrad", {"lr": 0.1, "weight_decay": 0.1, "initial_accumulator_value": 0.5}),
    (optim.Adagrad, "Adagrad", {"lr": 0.1, "eps": 1e-3}),
    (optim.RMSprop, "RMSprop", {}),
    (optim.RMSprop, "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-3}),
    (optim.RMSprop, "RMSprop", {"lr": 0.01, "centered": True}),
    (optim.RMSprop, "RMSprop", {"lr": 0.01, "momentum": 0.9}),
    (
        optim.RMSprop,
        "RMSprop",
        {"lr": 0.01, "momentum": 0.9, "centered": True, "weight_decay": 0.1},
    ),
    (optim.Adam, "Adam", {}),
    (optim.Adam, "Adam", {"lr": 0.1, "betas": (0.5, 0.8), "eps": 1e-3}),
    (optim.Adam, "Adam", {"lr": 0.1, "weight_decay": 0.1}),
    (optim.Adam, "Adam", {"lr": 0.1, "amsgrad": True}),
    (optim.Adam, "Adam", {"lr": 0.1, "betas": (0.0, 0.0)}),
    (optim.AdamW, "AdamW", {}),
    (optim.AdamW, "AdamW", {"lr": 0.1, "weight_decay": 0.5, "amsgrad": True}),
    (optim.AdamW, "AdamW", {"lr": 0.1, "weight_decay": 0.0, "betas": (0.8, 0.9)}),
]


def _random_problem(seed):
    """Random params and a sequence of random grads (some tiny, some large)."""
    rng = np.random.default_rng(seed)
    params = [rng.normal(size=shape) for shape in SHAPES]
    scales = [10.0 ** rng.integers(-3, 3, size=shape) for shape in SHAPES]
    grads = [[rng.normal(size=s.shape) * s for s in scales] for _ in range(N_STEPS)]
    return params, grads


def _torch_trajectory(torch_class, hyperparameters, params, grads, scheduler=None, foreach=False):
    tensors = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
    opt = getattr(torch.optim, torch_class)(tensors, foreach=foreach, **hyperparameters)
    sched = scheduler(opt) if scheduler else None
    history = []
    for step_grads in grads:
        for tensor, grad in zip(tensors, step_grads, strict=True):
            tensor.grad = torch.tensor(grad, dtype=torch.float64)
        opt.step()
        if sched:
            sched.step()
        history.append([t.detach().numpy().copy() for t in tensors])
    return history


def _our_trajectory(optimizer, params, grads):
    state = optimizer.init(params)
    history = []
    for step_grads in grads:
        params, state = optimizer.step(params, step_grads, state)
        history.append(params)
    return history


def _assert_same(ours, theirs):
    for step, (mine, reference) in enumerate(zip(ours, theirs, strict=True)):
        for mine_leaf, reference_leaf in zip(mine, reference, strict=True):
            np.testing.assert_allclose(
                mine_leaf, reference_leaf, rtol=1e-12, atol=1e-14, err_msg=f"step {step + 1}"
            )


@pytest.mark.parametrize("foreach", [False, True])
@pytest.mark.parametrize(("cls", "torch_name", "hyperparameters"), CONFIGS)
def test_optimizer_matches_torch_step_for_step(cls, torch_name, hyperparameters, foreach):
    params, grads = _random_problem(seed=len(str(hyperparameters)))
    ours = _our_trajectory(cls(**hyperparameters), params, grads)
    theirs = _torch_trajectory(torch_name, hyperparameters, params, grads, foreach=foreach)
    _assert_same(ours, theirs)


def test_default_hyperparameters_match_torch():
    import inspect

    for cls, torch_name, _ in CONFIGS:
        torch_signature = inspect.signature(getattr(torch.optim, torch_name).__init__).parameters
        for name, field in cls.__dataclass_fields__.items():
            assert torch_signature[name].default == field.default, (cls.__name__, name)


SCHEDULES = [
    (
        optim.step_decay(0.1, step_size=2, gamma=0.5),
        lambda o: torch.optim.lr_scheduler.StepLR(o, 2, 0.5),
    ),
    (
        optim.exponential_decay(0.1, gamma=0.7),
        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.7),
    ),
    (
        optim.inverse_time_decay(0.1, decay=0.5),
        lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda t: 1 / (1 + 0.5 * t)),
    ),
    (
        optim.cosine_decay(0.1, total_steps=N_STEPS, min_lr=0.01),
        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=N_STEPS, eta_min=0.01),
    ),
    (optim.constant(0.1), lambda o: torch.optim.lr_scheduler.ConstantLR(o, factor=1.0)),
]


@pytest.mark.parametrize(("schedule", "torch_scheduler"), SCHEDULES)
@pytest.mark.parametrize(
    ("cls", "torch_name", "extra"),
    [
        (optim.SGD, "SGD", {"momentum": 0.9}),
        (optim.Adagrad, "Adagrad", {"lr_decay": 0.1}),
        (optim.RMSprop, "RMSprop", {"momentum": 0.5}),
        (optim.AdamW, "AdamW", {"weight_decay": 0.1}),
    ],
)
def test_schedule_matches_torch_lr_scheduler(schedule, torch_scheduler, cls, torch_name, extra):
    params, grads = _random_problem(seed=1)
    ours = _our_trajectory(cls(lr=schedule, **extra), params, grads)
    theirs = _torch_trajectory(
        torch_name, {"lr": schedule.lr, **extra}, params, grads, torch_scheduler
    )
    _assert_same(ours, theirs)
