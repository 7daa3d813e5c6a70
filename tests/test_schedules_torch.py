"""The schedule table in helpers.optim's docstring, checked against torch.optim.lr_scheduler."""

import math

import pytest

from helpers import optim

torch = pytest.importorskip(
    "torch", reason="torch not installed: the lr_scheduler comparison is skipped"
)
STEPS = 40


def torch_rates(lr, make_scheduler):
    """The lr torch uses for each of the first STEPS optimizer steps."""
    param = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    opt = torch.optim.SGD([param], lr=lr)
    scheduler = make_scheduler(opt)
    rates = []
    for _ in range(STEPS):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    return rates


SCHEDULE = torch.optim.lr_scheduler
CASES = [
    (optim.step_decay(0.5, step_size=7, gamma=0.3), lambda o: SCHEDULE.StepLR(o, 7, 0.3)),
    (optim.exponential_decay(0.5, gamma=0.9), lambda o: SCHEDULE.ExponentialLR(o, 0.9)),
    (
        optim.inverse_time_decay(0.5, decay=0.25),
        lambda o: SCHEDULE.LambdaLR(o, lambda t: 1 / (1 + 0.25 * t)),
    ),
    (
        optim.cosine_decay(0.5, total_steps=STEPS, min_lr=0.01),
        lambda o: SCHEDULE.CosineAnnealingLR(o, T_max=STEPS, eta_min=0.01),
    ),
    (optim.constant(0.5), lambda o: SCHEDULE.LambdaLR(o, lambda t: 1.0)),
]


@pytest.mark.parametrize(("ours", "theirs"), CASES, ids=lambda c: type(c).__name__)
def test_each_schedule_gives_torchs_rate_at_every_step(ours, theirs):
    expected = torch_rates(ours(0), theirs)
    got = [ours(t) for t in range(STEPS)]
    assert got == pytest.approx(expected, rel=1e-12)


def test_cosine_decay_stays_at_min_lr_after_total_steps_where_torch_climbs_back():
    ours = optim.cosine_decay(0.5, total_steps=10, min_lr=0.01)
    rates = torch_rates(0.5, lambda o: SCHEDULE.CosineAnnealingLR(o, T_max=10, eta_min=0.01))
    assert ours(15) == 0.01 and rates[15] > 0.01
    assert math.isclose(ours(10), rates[10])
