"""Public checks for assignment 06 (rnn.py). Run them with `dlkit check 06`.

The worked example is the one of 004 section 5.4.3 (figure 5-28): state size 2,
input and output size 1, inputs 1 then 2, h0 = 0. The textbook concatenates
[h_prev, x] and multiplies by w_rnn = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], whose
first two rows act on the state: Wh = [[0.1, 0.2], [0.3, 0.4]], Wx = [[0.5, 0.6]].
"""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

# 004 section 5.4.3
WH = np.array([[0.1, 0.2], [0.3, 0.4]])    # not symmetric: h_prev @ WH differs from h_prev @ WH.T
WX = np.array([[0.5, 0.6]])
B = np.array([0.1, -0.1])
W_OUT = np.array([[1.0], [2.0]])
B_OUT = np.array([0.1])
X_BOOK = np.array([[[1], [2]]])            # (N=1, T=2, D=1), integer inputs 1 and 2
# the values the textbook's program prints (8 decimals)
PRE_BOOK = np.array([[0.6, 0.5], [1.2923401, 1.39225678]])
H_BOOK = np.array([[0.53704957, 0.46211716], [0.85973818, 0.88366641]])
OUT_BOOK = np.array([1.56128388, 2.72707101])
# the rounded values printed in the text
H_TEXT = np.array([[0.537, 0.462], [0.860, 0.884]])


def _random_rnn(rng, N, T, D, H):
    x = rng.standard_normal((N, T, D))
    h0 = rng.standard_normal((N, H))
    Wx = rng.standard_normal((D, H)) * 0.5
    Wh = rng.standard_normal((H, H)) * 0.5
    b = rng.standard_normal(H) * 0.3
    return x, h0, Wx, Wh, b


# ---------------------------------------------------------------- rnn_step_forward

@pytest.mark.grade("rnn_step_forward", points=4)
def test_rnn_step_forward_textbook_first_step(student):
    """First step of the worked example: tanh([0.6, 0.5]) = [0.537, 0.462]."""
    h, _ = student.rnn_step_forward(np.array([[1.0]]), np.zeros((1, 2)), WX, WH, B)
    assert_close(h, H_TEXT[:1], atol=1e-3, rtol=0, name="rnn_step_forward(x=1, h_prev=0) (printed digits)")
    assert_close(h, np.tanh(PRE_BOOK[:1]), name="rnn_step_forward(x=1, h_prev=0)")


@pytest.mark.grade("rnn_step_forward", points=3)
def test_rnn_step_forward_textbook_second_step(student):
    """Second step of the worked example, from the first state: [0.860, 0.884] (Wh is not symmetric)."""
    h_prev = np.array([[0.53704957, 0.46211716]])
    h, _ = student.rnn_step_forward(np.array([[2.0]]), h_prev, WX, WH, B)
    # h_prev @ WH.T would give [0.847, 0.895]: only h_prev @ WH is right
    assert_close(h, H_TEXT[1:], atol=1e-3, rtol=0, name="rnn_step_forward(x=2, h_prev=h_0) (printed digits)")
    assert_close(h, H_BOOK[1:], atol=1e-8, rtol=1e-6, name="rnn_step_forward(x=2, h_prev=h_0)")


@pytest.mark.grade("rnn_step_forward", points=3)
def test_rnn_step_forward_batch_formula(student, rng):
    """A batch (N=3, D=4, H=5) gives tanh(x Wx + h_prev Wh + b) row by row; inputs unchanged."""
    x = rng.standard_normal((3, 4))
    h_prev = rng.standard_normal((3, 5))
    Wx = rng.standard_normal((4, 5))
    Wh = rng.standard_normal((5, 5))
    b = rng.standard_normal(5)
    with inputs_unchanged(x, h_prev, Wx, Wh, b, names=["x", "h_prev", "Wx", "Wh", "b"]):
        h, _ = student.rnn_step_forward(x, h_prev, Wx, Wh, b)
    expected = np.empty((3, 5))
    for n in range(3):  # one sample at a time, one unit at a time
        for j in range(5):
            a = sum(x[n, d] * Wx[d, j] for d in range(4)) + sum(h_prev[n, k] * Wh[k, j] for k in range(5)) + b[j]
            expected[n, j] = np.tanh(a)
    assert_close(h, expected, name="rnn_step_forward(x, h_prev, Wx, Wh, b)")


# ---------------------------------------------------------------- rnn_forward

@pytest.mark.grade("rnn_forward", points=5)
def test_rnn_forward_textbook_example(student):
    """The worked example over two steps (integer inputs, h0 = 0): every state, shape (N, T, H)."""
    h0 = np.zeros((1, 2), dtype=np.int64)
    with inputs_unchanged(X_BOOK, h0, names=["x", "h0"]):
        h, _ = student.rnn_forward(X_BOOK, h0, WX, WH, B)
    assert_close(h, H_TEXT[None], atol=1e-3, rtol=0, name="rnn_forward(x, h0) (printed digits)")
    assert_close(h, H_BOOK[None], atol=1e-8, rtol=1e-6, name="rnn_forward(x, h0)")


@pytest.mark.grade("rnn_forward", points=4)
def test_rnn_forward_chains_steps(student, rng):
    """With N=3 != T=4 and a nonzero h0, h[:, t] is the step from h[:, t-1] (from h0 at t=0)."""
    x, h0, Wx, Wh, b = _random_rnn(rng, N=3, T=4, D=2, H=5)
    h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert type(h) is np.ndarray and h.shape == (3, 4, 5), \
        f"rnn_forward must return every state, shape (N, T, H) = (3, 4, 5); got shape {np.shape(h)}"
    h_prev = h0
    for t in range(4):
        h_prev, _ = student.rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)
        assert_close(h[:, t, :], h_prev, name=f"rnn_forward(...)[:, {t}, :]")


@pytest.mark.grade("rnn_forward", points=4)
def test_rnn_forward_starts_from_h0(student, rng):
    """The first state uses the given nonzero h0; x and h0 are not modified."""
    x, h0, Wx, Wh, b = _random_rnn(rng, N=2, T=3, D=3, H=4)
    h0 = h0 * 3.0
    with inputs_unchanged(x, h0, Wx, Wh, b, names=["x", "h0", "Wx", "Wh", "b"]):
        h, _ = student.rnn_forward(x, h0, Wx, Wh, b)
    assert_close(h[:, 0, :], np.tanh(x[:, 0, :] @ Wx + h0 @ Wh + b), name="rnn_forward(...)[:, 0, :]")


# ---------------------------------------------------------------- rnn_output

@pytest.mark.grade("rnn_output", points=3)
def test_rnn_output_textbook_outputs(student):
    """Read-out of the worked example's two states: 1.56128388 and 2.72707101."""
    out = student.rnn_output(H_BOOK[None], W_OUT, B_OUT)
    assert_close(out, np.array([[[1.561], [2.727]]]), atol=1e-3, rtol=0, name="rnn_output(h) (printed digits)")
    assert_close(out, OUT_BOOK.reshape(1, 2, 1), atol=1e-8, rtol=1e-6, name="rnn_output(h)")


@pytest.mark.grade("rnn_output", points=3)
def test_rnn_output_every_step(student, rng):
    """Read-out at every step: (N=2, T=3, H=4) -> (N, T, O=5), out[:, t] = h[:, t] W_out + b_out."""
    h = np.tanh(rng.standard_normal((2, 3, 4)))
    W_out = rng.standard_normal((4, 5))
    b_out = rng.standard_normal(5)
    with inputs_unchanged(h, W_out, b_out, names=["h", "W_out", "b_out"]):
        out = student.rnn_output(h, W_out, b_out)
    expected = np.stack([h[:, t, :] @ W_out + b_out for t in range(3)], axis=1)
    assert_close(out, expected, name="rnn_output(h, W_out, b_out)")


# ---------------------------------------------------------------- rnn_many_to_one

@pytest.mark.grade("rnn_many_to_one", points=3)
def test_rnn_many_to_one_textbook(student):
    """Many-to-one on the worked example: the output after the last step, 2.73."""
    out = student.rnn_many_to_one(X_BOOK, np.zeros((1, 2)), WX, WH, B, W_OUT, B_OUT)
    assert_close(out, np.array([[2.73]]), atol=1e-2, rtol=0, name="rnn_many_to_one(...) (printed digits)")
    assert_close(out, np.array([[2.72707101]]), atol=1e-8, rtol=1e-6, name="rnn_many_to_one(...)")


@pytest.mark.grade("rnn_many_to_one", points=3)
def test_rnn_many_to_one_reads_last_state(student, rng):
    """With N=3 != T=4 and a nonzero h0, the output is the read-out of h[:, T-1] only, shape (N, O)."""
    x, h0, Wx, Wh, b = _random_rnn(rng, N=3, T=4, D=2, H=5)
    W_out = rng.standard_normal((5, 2))
    b_out = rng.standard_normal(2)
    with inputs_unchanged(x, h0, names=["x", "h0"]):
        out = student.rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out)
    h_prev = h0
    for t in range(4):  # the recurrence, written out here so this test stands on its own
        h_prev = np.tanh(x[:, t, :] @ Wx + h_prev @ Wh + b)
    assert_close(out, h_prev @ W_out + b_out, name="rnn_many_to_one(...)")
