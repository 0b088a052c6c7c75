"""Hidden checks for assignment 06 (rnn.py)."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

STRICT = dict(over="raise", invalid="raise", divide="raise")


def _params(rng, D, H, scale=0.6):
    Wx = rng.standard_normal((D, H)) * scale
    Wh = rng.standard_normal((H, H)) * scale   # random, so not symmetric
    b = rng.standard_normal(H) * 0.3
    return Wx, Wh, b


# ---------------------------------------------------------------- rnn_step_forward

@pytest.mark.grade("rnn_step_forward", points=4)
def test_rnn_step_forward_matches_reference(student, ref, rng):
    """rnn_step_forward on a random batch (N=4, D=3, H=5) with a nonzero previous state."""
    x = rng.standard_normal((4, 3))
    h_prev = rng.uniform(-1, 1, (4, 5))
    Wx, Wh, b = _params(rng, 3, 5)
    with inputs_unchanged(x, h_prev, Wx, Wh, b, names=["x", "h_prev", "Wx", "Wh", "b"]):
        h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    assert_close(h, ref.rnn_step_forward(x, h_prev, Wx, Wh, b)[0], name="rnn_step_forward(...)")


@pytest.mark.grade("rnn_step_forward", points=3)
def test_rnn_step_forward_recurrent_weight_orientation(student, ref, rng):
    """With x = 0 and b = 0, a one-hot previous state selects a row of Wh (h_prev @ Wh, not Wh @ h_prev)."""
    H = 4
    Wh = rng.standard_normal((H, H))
    Wh[0, 1], Wh[1, 0] = 0.9, -0.7  # clearly not symmetric
    h_prev = np.eye(H)[[0, 1, 3]]
    x = np.zeros((3, 2))
    Wx = rng.standard_normal((2, H))
    b = np.zeros(H)
    h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    assert_close(h, ref.rnn_step_forward(x, h_prev, Wx, Wh, b)[0], name="rnn_step_forward(0, e_k, Wx, Wh, 0)")


@pytest.mark.grade("rnn_step_forward", points=3)
def test_rnn_step_forward_saturates_without_overflow(student, ref, rng):
    """Pre-activations in the thousands give states of +-1, with no overflow warning, nan or inf."""
    x = rng.choice([-1.0, 1.0], size=(3, 2)) * rng.uniform(400, 900, (3, 2))
    h_prev = rng.uniform(-1, 1, (3, 4))
    Wx = rng.choice([-1.0, 1.0], size=(2, 4)) * rng.uniform(1, 2, (2, 4))
    Wh = rng.standard_normal((4, 4))
    b = rng.standard_normal(4)
    with np.errstate(**STRICT):
        h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    assert_close(h, ref.rnn_step_forward(x, h_prev, Wx, Wh, b)[0], name="rnn_step_forward(...) for huge inputs")


@pytest.mark.grade("rnn_step_forward", points=2)
def test_rnn_step_forward_integer_inputs(student, ref, rng):
    """Integer x and h_prev give a float64 state; the inputs are not modified."""
    x = rng.integers(-2, 3, (3, 2))
    h_prev = rng.integers(-1, 2, (3, 3))
    Wx, Wh, b = _params(rng, 2, 3, scale=0.4)
    with inputs_unchanged(x, h_prev, names=["x", "h_prev"]):
        h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    assert_close(h, ref.rnn_step_forward(x, h_prev, Wx, Wh, b)[0], name="rnn_step_forward(...) on integer input")


@pytest.mark.grade("rnn_step_forward", points=3)
def test_rnn_step_forward_single_unit_keeps_2d(student, ref, rng):
    """D = 1 and H = 1 keep the 2-D shape (N, 1) (nothing squeezed away)."""
    x = rng.standard_normal((5, 1))
    h_prev = rng.uniform(-1, 1, (5, 1))
    Wx, Wh, b = _params(rng, 1, 1)
    h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    assert_close(h, ref.rnn_step_forward(x, h_prev, Wx, Wh, b)[0], name="rnn_step_forward(...) with D = H = 1")


# ---------------------------------------------------------------- rnn_forward

@pytest.mark.grade("rnn_forward", points=6)
def test_rnn_forward_matches_reference(student, ref, rng):
    """rnn_forward on a random sequence (N=3, T=5, D=4, H=6) with a nonzero h0."""
    x = rng.standard_normal((3, 5, 4))
    h0 = rng.uniform(-1, 1, (3, 6))
    Wx, Wh, b = _params(rng, 4, 6)
    h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...)")


@pytest.mark.grade("rnn_forward", points=5)
def test_rnn_forward_batch_differs_from_time(student, ref, rng):
    """N=2 and T=7 differ: the result is (N, T, H), batch first, then time."""
    x = rng.standard_normal((2, 7, 3))
    h0 = rng.uniform(-1, 1, (2, 4))
    Wx, Wh, b = _params(rng, 3, 4)
    h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...)")


@pytest.mark.grade("rnn_forward", points=4)
def test_rnn_forward_large_h0_matters(student, ref, rng):
    """A large nonzero h0 and strong recurrence: every state depends on h0 through the first step."""
    x = rng.standard_normal((4, 3, 2)) * 0.2
    h0 = rng.choice([-1.0, 1.0], size=(4, 3)) * rng.uniform(0.7, 1.0, (4, 3))
    Wx = rng.standard_normal((2, 3)) * 0.3
    Wh = rng.standard_normal((3, 3)) * 1.2
    b = np.zeros(3)
    h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...)")


@pytest.mark.grade("rnn_forward", points=3)
def test_rnn_forward_single_step_sequence(student, ref, rng):
    """T = 1: the result is one step from h0, with shape (N, 1, H)."""
    x = rng.standard_normal((3, 1, 2))
    h0 = rng.uniform(-1, 1, (3, 5))
    Wx, Wh, b = _params(rng, 2, 5)
    h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...) with T = 1")


@pytest.mark.grade("rnn_forward", points=3)
def test_rnn_forward_integer_inputs(student, ref, rng):
    """Integer x and h0 give float64 states (nothing truncated to integers)."""
    x = rng.integers(-3, 4, (3, 4, 2))
    h0 = rng.integers(-1, 2, (3, 3))
    Wx, Wh, b = _params(rng, 2, 3, scale=0.3)
    with inputs_unchanged(x, h0, names=["x", "h0"]):
        h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...) on integer input")


@pytest.mark.grade("rnn_forward", points=3)
def test_rnn_forward_leaves_inputs_unchanged(student, rng):
    """rnn_forward does not modify x, h0, Wx, Wh or b (states are not written into h0)."""
    x = rng.standard_normal((3, 4, 2))
    h0 = rng.uniform(-1, 1, (3, 5))
    Wx, Wh, b = _params(rng, 2, 5)
    with inputs_unchanged(x, h0, Wx, Wh, b, names=["x", "h0", "Wx", "Wh", "b"]):
        h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert type(h) is np.ndarray and h.shape == (3, 4, 5), "rnn_forward must return states of shape (N, T, H)"


@pytest.mark.grade("rnn_forward", points=3)
def test_rnn_forward_huge_inputs_stable(student, ref, rng):
    """Inputs in the thousands over T=6 steps: no overflow warning, nan or inf."""
    x = rng.choice([-1.0, 1.0], size=(3, 6, 2)) * rng.uniform(300, 1000, (3, 6, 2))
    h0 = rng.uniform(-1, 1, (3, 4))
    Wx, Wh, b = _params(rng, 2, 4, scale=1.0)
    with np.errstate(**STRICT):
        h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h, ref.rnn_forward(x, h0, Wx, Wh, b)[0], name="rnn_forward(...) for huge inputs")


# ---------------------------------------------------------------- rnn_output

@pytest.mark.grade("rnn_output", points=4)
def test_rnn_output_matches_reference(student, ref, rng):
    """rnn_output on random states (N=3, T=4, H=5, O=2)."""
    h = np.tanh(rng.standard_normal((3, 4, 5)))
    W_out = rng.standard_normal((5, 2))
    b_out = rng.standard_normal(2)
    with inputs_unchanged(h, W_out, b_out, names=["h", "W_out", "b_out"]):
        out = student.rnn_output(h, W_out, b_out)
    assert_close(out, ref.rnn_output(h, W_out, b_out), name="rnn_output(h, W_out, b_out)")


@pytest.mark.grade("rnn_output", points=4)
def test_rnn_output_each_step_reads_its_own_state(student, ref, rng):
    """Changing the state at one step changes the read-out at that step only (N=2, T=5, H=3, O=3)."""
    h = np.tanh(rng.standard_normal((2, 5, 3)))
    W_out = rng.standard_normal((3, 3))
    b_out = rng.standard_normal(3)
    h2 = h.copy()
    h2[1, 2, :] += 0.5
    out1 = student.rnn_output(h, W_out, b_out)
    out2 = student.rnn_output(h2, W_out, b_out)
    assert_close(out1, ref.rnn_output(h, W_out, b_out), name="rnn_output(h, W_out, b_out)")
    assert_close(out2, ref.rnn_output(h2, W_out, b_out), name="rnn_output(h', W_out, b_out)")


@pytest.mark.grade("rnn_output", points=2)
def test_rnn_output_integer_inputs_give_floats(student, ref, rng):
    """Integer h, W_out and b_out give a float64 result."""
    h = rng.integers(-1, 2, (2, 3, 4))
    W_out = rng.integers(-3, 4, (4, 2))
    b_out = rng.integers(-2, 3, 2)
    out = student.rnn_output(h, W_out, b_out)
    assert_close(out, ref.rnn_output(h, W_out, b_out), name="rnn_output(...) on integer input")


# ---------------------------------------------------------------- rnn_many_to_one

@pytest.mark.grade("rnn_many_to_one", points=5)
def test_rnn_many_to_one_matches_reference(student, ref, rng):
    """rnn_many_to_one on a random sequence (N=3, T=6, D=2, H=4, O=3) with a nonzero h0."""
    x = rng.standard_normal((3, 6, 2))
    h0 = rng.uniform(-1, 1, (3, 4))
    Wx, Wh, b = _params(rng, 2, 4)
    W_out = rng.standard_normal((4, 3))
    b_out = rng.standard_normal(3)
    out = student.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out)
    assert_close(out, ref.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out), name="rnn_many_to_one(...)")


@pytest.mark.grade("rnn_many_to_one", points=3)
def test_rnn_many_to_one_short_sequence_from_h0(student, ref, rng):
    """T=2 with a large nonzero h0 and O=1 != H: shape (N, O), the read-out of the second state."""
    x = rng.standard_normal((4, 2, 3)) * 0.3
    h0 = rng.choice([-1.0, 1.0], size=(4, 5)) * 0.9
    Wx, Wh, b = _params(rng, 3, 5, scale=0.9)
    W_out = rng.standard_normal((5, 1))
    b_out = rng.standard_normal(1)
    out = student.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out)
    assert_close(out, ref.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out), name="rnn_many_to_one(...)")


@pytest.mark.grade("rnn_many_to_one", points=2)
def test_rnn_many_to_one_single_step(student, ref, rng):
    """T = 1: the read-out of the one state computed from h0."""
    x = rng.standard_normal((3, 1, 2))
    h0 = rng.uniform(-1, 1, (3, 3))
    Wx, Wh, b = _params(rng, 2, 3)
    W_out = rng.standard_normal((3, 2))
    b_out = rng.standard_normal(2)
    out = student.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out)
    assert_close(out, ref.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out), name="rnn_many_to_one(...) with T = 1")


@pytest.mark.grade("rnn_many_to_one", points=3)
def test_rnn_many_to_one_leaves_inputs_unchanged(student, rng):
    """rnn_many_to_one does not modify any of its arguments."""
    x = rng.standard_normal((2, 3, 2))
    h0 = rng.uniform(-1, 1, (2, 4))
    Wx, Wh, b = _params(rng, 2, 4)
    W_out = rng.standard_normal((4, 2))
    b_out = rng.standard_normal(2)
    args = (x, h0, Wx, Wh, b, W_out, b_out)
    with inputs_unchanged(*args, names=["x", "h0", "Wx", "Wh", "b", "W_out", "b_out"]):
        out = student.rnn_many_to_one(*args)
    assert type(out) is np.ndarray and out.shape == (2, 2), "rnn_many_to_one must return an array of shape (N, O)"
