"""Hidden checks for assignment 07 (lstm.py)."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

L2, L3 = np.log(2.0), np.log(3.0)
STEP_NAMES = ["x", "h_prev", "c_prev", "Wx", "Wh", "b"]
SEQ_NAMES = ["x", "h0", "Wx", "Wh", "b"]
STEP_OUTPUTS = ["dx", "dh_prev", "dc_prev", "dWx", "dWh", "db"]
SEQ_OUTPUTS = ["dx", "dh0", "dWx", "dWh", "db"]


def random_step(rng, N=4, D=3, H=5, scale=0.6):
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    c_prev = rng.standard_normal((N, H))
    Wx = scale * rng.standard_normal((D, 4 * H))
    Wh = scale * rng.standard_normal((H, 4 * H))
    b = scale * rng.standard_normal(4 * H)
    return x, h_prev, c_prev, Wx, Wh, b


def random_sequence(rng, N=4, T=3, D=2, H=3, scale=0.6):
    x = rng.standard_normal((N, T, D))
    h0 = rng.standard_normal((N, H))
    Wx = scale * rng.standard_normal((D, 4 * H))
    Wh = scale * rng.standard_normal((H, 4 * H))
    b = scale * rng.standard_normal(4 * H)
    return x, h0, Wx, Wh, b


# -- lstm_step_forward ----------------------------------------------------------------------

@pytest.mark.grade("lstm_step_forward", points=4)
def test_lstm_step_forward_matches_reference(student, ref, rng):
    """One step on random inputs (N=4, D=3, H=5): h and c, inputs left unchanged."""
    args = random_step(rng)
    with inputs_unchanged(*args, names=STEP_NAMES):
        h, c, _ = student.lstm_step_forward(*args)
    rh, rc, _ = ref.lstm_step_forward(*args)
    assert_close(h, rh, name="h")
    assert_close(c, rc, name="c")


@pytest.mark.grade("lstm_step_forward", points=2)
def test_lstm_step_forward_hand_case_full_precision(student, ref):
    """The public fraction-valued step, compared to full precision."""
    x = np.array([[1.0, 0.0], [1.0, 1.0]])
    h_prev = np.array([[0.0, 0.0], [1.0, -1.0]])
    c_prev = np.array([[0.4, -0.4], [1.0, 2.0]])
    Wx = np.array([[0.0, L3, L3, 0.0, -L3, 0.0, L2, -L2], [L2, 0.0, 0.0, L3, 0.0, L2, 0.0, L2]])
    Wh = np.array([[-L3, 0.0, 0.0, 0.0, L3, 0.0, 0.0, L3], [0.0, L2, 0.0, 0.0, 0.0, 0.0, L2, 0.0]])
    b = np.array([L2, 0.0, 0.0, 0.0, 0.0, -L2, 0.0, 0.0])
    h, c, _ = student.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    rh, rc, _ = ref.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    assert_close(h, rh, rtol=1e-12, atol=1e-14, name="h")
    assert_close(c, rc, rtol=1e-12, atol=1e-14, name="c")


@pytest.mark.grade("lstm_step_forward", points=2)
def test_lstm_step_forward_integer_inputs(student, ref, rng):
    """Integer x, h_prev and c_prev give float64 results equal to the float computation."""
    x = rng.integers(-2, 3, size=(3, 4))
    h_prev = rng.integers(-1, 2, size=(3, 2))
    c_prev = rng.integers(-2, 3, size=(3, 2))
    Wx = 0.4 * rng.standard_normal((4, 8))
    Wh = 0.4 * rng.standard_normal((2, 8))
    b = 0.4 * rng.standard_normal(8)
    with inputs_unchanged(x, h_prev, c_prev, names=["x", "h_prev", "c_prev"]):
        h, c, _ = student.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    rh, rc, _ = ref.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    assert_close(h, rh, name="h")
    assert_close(c, rc, name="c")


@pytest.mark.grade("lstm_step_forward", points=3)
def test_lstm_step_forward_saturated_gates_are_stable(student, ref, rng):
    """Pre-activations in the hundreds (both signs): no overflow warning, no nan, values match."""
    x = rng.standard_normal((5, 3)) * 300.0
    h_prev = rng.standard_normal((5, 2))
    c_prev = rng.standard_normal((5, 2))
    Wx = rng.standard_normal((3, 8)) * 4.0
    Wh = rng.standard_normal((2, 8))
    b = rng.standard_normal(8)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        h, c, _ = student.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    rh, rc, _ = ref.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    assert_close(h, rh, name="h")
    assert_close(c, rc, name="c")


@pytest.mark.grade("lstm_step_forward", points=2)
def test_lstm_step_forward_one_feature_wide_hidden(student, ref, rng):
    """D=1 input feature and H=6 hidden units (N=5): slicing the 4H axis into blocks of H."""
    args = random_step(rng, N=5, D=1, H=6)
    h, c, _ = student.lstm_step_forward(*args)
    rh, rc, _ = ref.lstm_step_forward(*args)
    assert_close(h, rh, name="h")
    assert_close(c, rc, name="c")


# -- lstm_step_backward: each of the six outputs on its own ---------------------------------

def step_backward_both(student, ref, rng, **sizes):
    args = random_step(rng, **sizes)
    N, H = args[1].shape
    dh = rng.standard_normal((N, H))
    dc = rng.standard_normal((N, H))
    _, _, cache = student.lstm_step_forward(*args)
    got = student.lstm_step_backward(dh.copy(), dc.copy(), cache)
    _, _, rcache = ref.lstm_step_forward(*args)
    want = ref.lstm_step_backward(dh, dc, rcache)
    assert isinstance(got, (tuple, list)) and len(got) == 6, \
        "lstm_step_backward must return a tuple (dx, dh_prev, dc_prev, dWx, dWh, db)"
    return got, want


@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_dx(student, ref, rng):
    """dx of one step (random dh and dc) equals the reference."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[0], want[0], name="dx")


@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_dh_prev(student, ref, rng):
    """dh_prev of one step (random dh and dc) equals the reference."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[1], want[1], name="dh_prev")


@pytest.mark.grade("lstm_step_backward", points=4)
def test_lstm_step_backward_dc_prev(student, ref, rng):
    """dc_prev of one step (random dh and dc): the cell-state carry through the forget gate."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[2], want[2], name="dc_prev")


@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_dWx(student, ref, rng):
    """dWx of one step (random dh and dc) equals the reference."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[3], want[3], name="dWx")


@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_dWh(student, ref, rng):
    """dWh of one step (random dh and dc) equals the reference."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[4], want[4], name="dWh")


@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_db(student, ref, rng):
    """db of one step (random dh and dc) equals the reference, summed over the batch."""
    got, want = step_backward_both(student, ref, rng)
    assert_close(got[5], want[5], name="db")


@pytest.mark.grade("lstm_step_backward", points=2)
def test_lstm_step_backward_leaves_dh_dc_unchanged(student, rng):
    """lstm_step_backward does not modify the upstream gradients dh and dc in place."""
    args = random_step(rng)
    dh = rng.standard_normal((4, 5))
    dc = rng.standard_normal((4, 5))
    _, _, cache = student.lstm_step_forward(*args)
    with inputs_unchanged(dh, dc, names=["dh", "dc"]):
        student.lstm_step_backward(dh, dc, cache)


@pytest.mark.grade("lstm_step_backward", points=2)
def test_lstm_step_backward_saturated_gates(student, ref, rng):
    """Backward through saturated gates (pre-activations in the hundreds): stable and equal to the reference."""
    x = rng.standard_normal((4, 3)) * 300.0
    h_prev = rng.standard_normal((4, 2))
    c_prev = rng.standard_normal((4, 2))
    Wx = rng.standard_normal((3, 8)) * 4.0
    Wh = rng.standard_normal((2, 8))
    b = rng.standard_normal(8)
    dh = rng.standard_normal((4, 2))
    dc = rng.standard_normal((4, 2))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        _, _, cache = student.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
        got = student.lstm_step_backward(dh.copy(), dc.copy(), cache)
    _, _, rcache = ref.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    want = ref.lstm_step_backward(dh, dc, rcache)
    for k, name in enumerate(STEP_OUTPUTS):
        assert_close(got[k], want[k], name=name)


# -- lstm_forward ---------------------------------------------------------------------------

@pytest.mark.grade("lstm_forward", points=4)
def test_lstm_forward_matches_reference(student, ref, rng):
    """A sequence with nonzero h0 and N != T (N=3, T=5, D=4, H=3), inputs left unchanged."""
    args = random_sequence(rng, N=3, T=5, D=4, H=3)
    with inputs_unchanged(*args, names=SEQ_NAMES):
        h, _ = student.lstm_forward(*args)
    rh, _ = ref.lstm_forward(*args)
    assert_close(h, rh, name="h")


@pytest.mark.grade("lstm_forward", points=2)
def test_lstm_forward_integer_inputs(student, ref, rng):
    """Integer x and h0 give float64 hidden states equal to the float computation."""
    x = rng.integers(-2, 3, size=(2, 4, 3))
    h0 = rng.integers(-1, 2, size=(2, 3))
    Wx = 0.5 * rng.standard_normal((3, 12))
    Wh = 0.5 * rng.standard_normal((3, 12))
    b = 0.5 * rng.standard_normal(12)
    with inputs_unchanged(x, h0, names=["x", "h0"]):
        h, _ = student.lstm_forward(x, h0, Wx, Wh, b)
    rh, _ = ref.lstm_forward(x, h0, Wx, Wh, b)
    assert_close(h, rh, name="h")


@pytest.mark.grade("lstm_forward", points=3)
def test_lstm_forward_saturated_sequence_is_stable(student, ref, rng):
    """Large inputs over several steps: no overflow warning, no nan, values match."""
    x = rng.standard_normal((3, 6, 2)) * 200.0
    h0 = rng.standard_normal((3, 2))
    Wx = rng.standard_normal((2, 8)) * 3.0
    Wh = rng.standard_normal((2, 8))
    b = rng.standard_normal(8)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        h, _ = student.lstm_forward(x, h0, Wx, Wh, b)
    rh, _ = ref.lstm_forward(x, h0, Wx, Wh, b)
    assert_close(h, rh, name="h")


# -- lstm_backward: each output on its own --------------------------------------------------

def sequence_backward_both(student, ref, rng):
    args = random_sequence(rng, N=4, T=3, D=2, H=3)
    dh = rng.standard_normal((4, 3, 3))
    _, cache = student.lstm_forward(*args)
    got = student.lstm_backward(dh.copy(), cache)
    _, rcache = ref.lstm_forward(*args)
    want = ref.lstm_backward(dh, rcache)
    assert isinstance(got, (tuple, list)) and len(got) == 5, "lstm_backward must return a tuple (dx, dh0, dWx, dWh, db)"
    return got, want


@pytest.mark.grade("lstm_backward", points=4)
def test_lstm_backward_dx(student, ref, rng):
    """dx over the sequence (nonzero h0, upstream gradient at every step) equals the reference."""
    got, want = sequence_backward_both(student, ref, rng)
    assert_close(got[0], want[0], name="dx")


@pytest.mark.grade("lstm_backward", points=4)
def test_lstm_backward_dh0(student, ref, rng):
    """dh0 over the sequence equals the reference."""
    got, want = sequence_backward_both(student, ref, rng)
    assert_close(got[1], want[1], name="dh0")


@pytest.mark.grade("lstm_backward", points=3)
def test_lstm_backward_dWx(student, ref, rng):
    """dWx summed over all steps equals the reference."""
    got, want = sequence_backward_both(student, ref, rng)
    assert_close(got[2], want[2], name="dWx")


@pytest.mark.grade("lstm_backward", points=3)
def test_lstm_backward_dWh(student, ref, rng):
    """dWh summed over all steps equals the reference."""
    got, want = sequence_backward_both(student, ref, rng)
    assert_close(got[3], want[3], name="dWh")


@pytest.mark.grade("lstm_backward", points=3)
def test_lstm_backward_db(student, ref, rng):
    """db summed over all steps and the batch equals the reference."""
    got, want = sequence_backward_both(student, ref, rng)
    assert_close(got[4], want[4], name="db")


@pytest.mark.grade("lstm_backward", points=3)
def test_lstm_backward_leaves_dh_unchanged(student, rng):
    """lstm_backward does not modify the upstream gradient dh in place."""
    args = random_sequence(rng)
    dh = rng.standard_normal((4, 3, 3))
    _, cache = student.lstm_forward(*args)
    with inputs_unchanged(dh, names=["dh"]):
        grads = student.lstm_backward(dh, cache)
    shapes = [np.shape(a) for a in args]
    assert len(grads) == 5 and all(type(g) is np.ndarray and g.shape == s for g, s in zip(grads, shapes)), \
        "lstm_backward must return (dx, dh0, dWx, dWh, db) shaped like (x, h0, Wx, Wh, b)"
