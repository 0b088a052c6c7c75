"""Public checks for assignment 07 (lstm.py). Run them with `dlkit check 07`.

Gate order along the 4H axis: i, f, o, g. Cell: c = f * c_prev + i * g, h = o * tanh(c).
"""

import numpy as np
import pytest

from shared.checks import CheckFailure, assert_close, inputs_unchanged, rel_error
from shared.gradcheck import SEQUENCE_TOL, STEP_TOL, check_gradient, numerical_gradient

L2, L3 = np.log(2.0), np.log(3.0)


def hand_case():
    """A step whose pre-activations are logs of simple numbers, so every gate is a fraction.

    sigmoid(ln k) = k / (k + 1) and tanh(ln k) = (k**2 - 1) / (k**2 + 1). With the inputs
    below, exp(a) is, blocks i | f | o | g:
        sample 0: [2, 3 | 3, 1 | 1/3, 1/2 | 2, 1/2]
        sample 1: [4/3, 3/2 | 3, 3 | 1, 1 | 1, 3]
    """
    x = np.array([[1.0, 0.0], [1.0, 1.0]])
    h_prev = np.array([[0.0, 0.0], [1.0, -1.0]])
    c_prev = np.array([[0.4, -0.4], [1.0, 2.0]])
    #               i1   i2   f1   f2   o1   o2   g1   g2
    Wx = np.array([[0.0, L3, L3, 0.0, -L3, 0.0, L2, -L2],
                   [L2, 0.0, 0.0, L3, 0.0, L2, 0.0, L2]])
    Wh = np.array([[-L3, 0.0, 0.0, 0.0, L3, 0.0, 0.0, L3],
                   [0.0, L2, 0.0, 0.0, 0.0, 0.0, L2, 0.0]])
    b = np.array([L2, 0.0, 0.0, 0.0, 0.0, -L2, 0.0, 0.0])
    gates = {
        "i": np.array([[2 / 3, 3 / 4], [4 / 7, 3 / 5]]),
        "f": np.array([[3 / 4, 1 / 2], [3 / 4, 3 / 4]]),
        "o": np.array([[1 / 4, 1 / 3], [1 / 2, 1 / 2]]),
        "g": np.array([[3 / 5, -3 / 5], [0.0, 4 / 5]]),
    }
    return (x, h_prev, c_prev, Wx, Wh, b), gates


def random_step(rng, N=3, D=4, H=3, scale=0.5):
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    c_prev = rng.standard_normal((N, H))
    Wx = scale * rng.standard_normal((D, 4 * H))
    Wh = scale * rng.standard_normal((H, 4 * H))
    b = scale * rng.standard_normal(4 * H)
    return x, h_prev, c_prev, Wx, Wh, b


def step_numerical_gradient(student, args, dh, dc, wrt):
    """d/d(args[wrt]) of sum(h * dh) + sum(c * dc), through the student's own lstm_step_forward."""
    return (numerical_gradient(student.lstm_step_forward, args, wrt=wrt, dout=dh, pick=0)
            + numerical_gradient(student.lstm_step_forward, args, wrt=wrt, dout=dc, pick=1))


def check_step_gradients(student, args, dh, dc, analytic, names):
    for wrt, name in names.items():
        got = analytic[wrt]
        if type(got) is not np.ndarray or got.shape != np.shape(args[wrt]):
            raise CheckFailure(f"lstm_step_backward: {name} must be an ndarray of shape {np.shape(args[wrt])}, "
                               f"got {type(got).__name__} {getattr(got, 'shape', '')}")
        num = step_numerical_gradient(student, args, dh, dc, wrt)
        err = rel_error(got, num)
        if not err < STEP_TOL:
            raise CheckFailure(f"lstm_step_backward: {name} does not match the numerical gradient: relative error "
                               f"{err:.2e} (must be below {STEP_TOL:g})")


# -- lstm_step_forward ----------------------------------------------------------------------

@pytest.mark.grade("lstm_step_forward", points=4)
def test_lstm_step_forward_hand_computed_gates(student):
    """One step with fraction-valued gates: c = f*c_prev + i*g and h = o*tanh(c), gate order i, f, o, g."""
    args, gt = hand_case()
    # c = f * c_prev + i * g: sample 0 -> [0.3 + 0.4, -0.2 - 0.45], sample 1 -> [0.75 + 0, 1.5 + 0.48]
    c_expected = np.array([[0.7, -0.65], [0.75, 1.98]])
    h_expected = gt["o"] * np.tanh(c_expected)
    with inputs_unchanged(*args, names=["x", "h_prev", "c_prev", "Wx", "Wh", "b"]):
        h, c, _ = student.lstm_step_forward(*args)
    assert_close(c, c_expected, atol=1e-12, name="c")
    assert_close(h, h_expected, atol=1e-12, name="h")


@pytest.mark.grade("lstm_step_forward", points=3)
def test_lstm_step_forward_fixed_values(student):
    """One step on linspace inputs (N=3, D=4, H=3) against values printed to 8 decimals."""
    N, D, H = 3, 4, 3
    x = np.linspace(-0.5, 1.0, N * D).reshape(N, D)
    h_prev = np.linspace(-0.4, 0.6, N * H).reshape(N, H)
    c_prev = np.linspace(0.9, -0.5, N * H).reshape(N, H)
    Wx = np.linspace(-1.2, 0.9, D * 4 * H).reshape(D, 4 * H)
    Wh = np.linspace(0.7, -1.1, H * 4 * H).reshape(H, 4 * H)
    b = np.linspace(0.3, -0.3, 4 * H)
    h, c, _ = student.lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b)
    h_expected = np.array([[0.4267039, 0.35211282, 0.26927207],
                           [0.07255414, 0.02095042, -0.02853737],
                           [-0.07757655, -0.09962916, -0.12172282]])
    c_expected = np.array([[0.82931875, 0.65533077, 0.48640206],
                           [0.14698681, 0.04270897, -0.05896673],
                           [-0.21443539, -0.27557556, -0.33775688]])
    assert_close(h, h_expected, rtol=0, atol=1e-8, name="h")
    assert_close(c, c_expected, rtol=0, atol=1e-8, name="c")


# -- lstm_step_backward ---------------------------------------------------------------------

@pytest.mark.grade("lstm_step_backward", points=3)
def test_lstm_step_backward_cell_path_by_hand(student):
    """With dh = 0 and dc = 1 only the cell path carries gradient: dc_prev = f, and db follows by hand."""
    args, gt = hand_case()
    i, f, g = gt["i"], gt["f"], gt["g"]
    c_prev = args[2]
    dh = np.zeros((2, 2))
    dc = np.ones((2, 2))
    _, _, cache = student.lstm_step_forward(*args)
    dx, dh_prev, dc_prev, dWx, dWh, db = student.lstm_step_backward(dh, dc, cache)
    assert_close(dc_prev, f, atol=1e-12, name="dc_prev")
    # da per block: i: g * i(1-i), f: c_prev * f(1-f), o: 0, g: i * (1-g^2); db sums over the batch
    da = np.concatenate([g * i * (1 - i), c_prev * f * (1 - f), np.zeros((2, 2)), i * (1 - g ** 2)], axis=1)
    assert_close(db, da.sum(axis=0), atol=1e-12, name="db")


@pytest.mark.grade("lstm_step_backward", points=5)
def test_lstm_step_backward_gradcheck_dx_dh_prev_dc_prev(student, rng):
    """dx, dh_prev and dc_prev match central differences of sum(h*dh) + sum(c*dc), both upstream random."""
    args = random_step(rng)
    dh = rng.standard_normal((3, 3))
    dc = rng.standard_normal((3, 3))
    _, _, cache = student.lstm_step_forward(*args)
    grads = student.lstm_step_backward(dh.copy(), dc.copy(), cache)
    check_step_gradients(student, args, dh, dc, {0: grads[0], 1: grads[1], 2: grads[2]},
                         {0: "dx", 1: "dh_prev", 2: "dc_prev"})


@pytest.mark.grade("lstm_step_backward", points=4)
def test_lstm_step_backward_gradcheck_dWx_dWh_db(student, rng):
    """dWx, dWh and db match central differences of sum(h*dh) + sum(c*dc), both upstream random."""
    args = random_step(rng)
    dh = rng.standard_normal((3, 3))
    dc = rng.standard_normal((3, 3))
    _, _, cache = student.lstm_step_forward(*args)
    grads = student.lstm_step_backward(dh.copy(), dc.copy(), cache)
    check_step_gradients(student, args, dh, dc, {3: grads[3], 4: grads[4], 5: grads[5]},
                         {3: "dWx", 4: "dWh", 5: "db"})


# -- lstm_forward ---------------------------------------------------------------------------

def sequence_fixture():
    N, T, D, H = 3, 4, 3, 2
    x = np.linspace(-1.0, 1.2, N * T * D).reshape(N, T, D)
    h0 = np.linspace(-0.6, 0.5, N * H).reshape(N, H)
    Wx = np.linspace(-0.9, 0.7, D * 4 * H).reshape(D, 4 * H)
    Wh = np.linspace(0.8, -0.6, H * 4 * H).reshape(H, 4 * H)
    b = np.linspace(-0.2, 0.4, 4 * H)
    return x, h0, Wx, Wh, b


@pytest.mark.grade("lstm_forward", points=3)
def test_lstm_forward_fixed_values_nonzero_h0(student):
    """Four steps (N=3, T=4, D=3, H=2, nonzero h0, c0 = 0) against values printed to 8 decimals."""
    args = sequence_fixture()
    with inputs_unchanged(*args, names=["x", "h0", "Wx", "Wh", "b"]):
        h, _ = student.lstm_forward(*args)
    expected = np.array([[[0.07249739, 0.06575858], [0.12514151, 0.08444319],
                          [0.16274169, 0.11881786], [0.18455271, 0.15371074]],
                         [[0.06964065, 0.08755919], [0.12620107, 0.15983207],
                          [0.14599908, 0.19516584], [0.14737764, 0.21222486]],
                         [[0.06195091, 0.09664927], [0.09687152, 0.16764633],
                          [0.09984653, 0.18730829], [0.0915218, 0.18721057]]])
    assert_close(h, expected, rtol=0, atol=1e-8, name="h")


@pytest.mark.grade("lstm_forward", points=3)
def test_lstm_forward_chains_your_steps(student, rng):
    """lstm_forward equals your lstm_step_forward applied step by step from (h0, c0 = 0)."""
    N, T, D, H = 3, 5, 2, 4
    x = rng.standard_normal((N, T, D))
    h0 = rng.standard_normal((N, H))
    Wx = 0.5 * rng.standard_normal((D, 4 * H))
    Wh = 0.5 * rng.standard_normal((H, 4 * H))
    b = 0.5 * rng.standard_normal(4 * H)
    h, _ = student.lstm_forward(x, h0, Wx, Wh, b)
    h_prev, c_prev = h0, np.zeros((N, H))
    expected = np.zeros((N, T, H))
    for t in range(T):
        h_prev, c_prev, _ = student.lstm_step_forward(x[:, t, :], h_prev, c_prev, Wx, Wh, b)
        expected[:, t, :] = h_prev
    assert_close(h, expected, name="h")


# -- lstm_backward --------------------------------------------------------------------------

def random_sequence(rng, N=3, T=4, D=3, H=3, scale=0.5):
    x = rng.standard_normal((N, T, D))
    h0 = rng.standard_normal((N, H))
    Wx = scale * rng.standard_normal((D, 4 * H))
    Wh = scale * rng.standard_normal((H, 4 * H))
    b = scale * rng.standard_normal(4 * H)
    return x, h0, Wx, Wh, b


@pytest.mark.grade("lstm_backward", points=5)
def test_lstm_backward_gradcheck_dx_dh0(student, rng):
    """dx and dh0 match central differences through lstm_forward (T=4, nonzero h0, upstream gradient at every step)."""
    args = random_sequence(rng)
    dh = rng.standard_normal((3, 4, 3))
    _, cache = student.lstm_forward(*args)
    dx, dh0, _, _, _ = student.lstm_backward(dh.copy(), cache)
    check_gradient(student.lstm_forward, args, {0: dx, 1: dh0}, dout=dh, pick=0,
                   names={0: "dx", 1: "dh0"}, tol=SEQUENCE_TOL, label="lstm_backward")


@pytest.mark.grade("lstm_backward", points=5)
def test_lstm_backward_gradcheck_dWx_dWh_db(student, rng):
    """dWx, dWh and db match central differences through lstm_forward (T=4, nonzero h0)."""
    args = random_sequence(rng)
    dh = rng.standard_normal((3, 4, 3))
    _, cache = student.lstm_forward(*args)
    _, _, dWx, dWh, db = student.lstm_backward(dh.copy(), cache)
    check_gradient(student.lstm_forward, args, {2: dWx, 3: dWh, 4: db}, dout=dh, pick=0,
                   names={2: "dWx", 3: "dWh", 4: "db"}, tol=SEQUENCE_TOL, label="lstm_backward")
