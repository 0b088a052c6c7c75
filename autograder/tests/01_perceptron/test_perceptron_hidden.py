"""Hidden checks for assignment 01 (perceptron.py)."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

GATES = ["AND", "NAND", "OR", "NOR", "XOR", "XNOR"]
TRUTH = {
    "AND": lambda a, b: a & b,
    "NAND": lambda a, b: 1 - (a & b),
    "OR": lambda a, b: a | b,
    "NOR": lambda a, b: 1 - (a | b),
    "XOR": lambda a, b: a ^ b,
    "XNOR": lambda a, b: 1 - (a ^ b),
}


@pytest.mark.grade("step", points=3)
def test_step_integer_input_gives_floats(student):
    """step on an integer array returns float64 0/1 values and leaves the input alone."""
    z = np.array([[-2, 0, 5], [1, -1, 0]])
    with inputs_unchanged(z):
        out = student.step(z)
    assert_close(out, np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]), name="step(z)")


@pytest.mark.grade("step", points=3)
def test_step_matches_reference_on_random_input(student, ref, rng):
    """step on a random 3-D array, including exact zeros."""
    z = rng.standard_normal((2, 3, 4))
    z[0, 1, :] = 0.0
    assert_close(student.step(z), ref.step(z), name="step(z)")


@pytest.mark.grade("sign", points=3)
def test_sign_zero_and_integer_input(student):
    """sign(0) is +1 (np.sign would give 0), also for integer input."""
    z = np.array([0, -3, 4, 0])
    assert_close(student.sign(z), np.array([1.0, -1.0, 1.0, 1.0]), name="sign(z)")


@pytest.mark.grade("sign", points=2)
def test_sign_scalar_input(student):
    """sign of a scalar is a scalar (or 0-d array)."""
    assert_close(student.sign(0.0), np.array(1.0), name="sign(0.0)")
    assert_close(student.sign(-2.5), np.array(-1.0), name="sign(-2.5)")


@pytest.mark.grade("perceptron", points=3)
def test_perceptron_single_input_is_0d(student):
    """perceptron on one input of shape (D,) returns a 0-d result."""
    assert_close(student.perceptron(np.array([1.0, 1.0]), np.array([0.5, 0.5]), -0.7), np.array(1.0),
                 name="perceptron(x, w, b)")
    assert_close(student.perceptron(np.array([1, 0]), np.array([0.5, 0.5]), -0.5), np.array(0.0),
                 name="perceptron(x, w, b) at the threshold")


@pytest.mark.grade("perceptron", points=2)
def test_perceptron_matches_reference(student, ref, rng):
    """perceptron on a random batch with non-square input."""
    x = rng.standard_normal((7, 3))
    w = rng.standard_normal(3)
    with inputs_unchanged(x, w, names=["x", "w"]):
        out = student.perceptron(x, w, 0.3)
    assert_close(out, ref.perceptron(x, w, 0.3), name="perceptron(x, w, b)")


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR", "NOR"])
@pytest.mark.grade("{gate}", points=2)
def test_single_gate_scalar_inputs_give_ints(student, gate):
    """A single gate on Python 0/1 scalars returns an int (not bool, float or array)."""
    for a in (0, 1):
        for b in (0, 1):
            out = getattr(student, gate)(a, b)
            ok = isinstance(out, (int, np.integer)) and not isinstance(out, (bool, np.bool_))
            assert ok, f"{gate}({a}, {b}) returned {type(out).__name__}; expected an int"
            assert out == TRUTH[gate](a, b), f"{gate}({a}, {b}) returned {out}, expected {TRUTH[gate](a, b)}"


@pytest.mark.parametrize("gate", ["AND", "NAND", "OR", "NOR"])
@pytest.mark.grade("{gate}", points=2)
def test_single_gate_keeps_array_shape(student, rng, gate):
    """A single gate on 2-D 0/1 arrays returns an integer array of the same shape."""
    a = rng.integers(0, 2, size=(3, 5))
    b = rng.integers(0, 2, size=(3, 5))
    assert_close(getattr(student, gate)(a, b), TRUTH[gate](a, b), name=f"{gate}(x1, x2)")


@pytest.mark.parametrize("gate", ["XOR", "XNOR"])
@pytest.mark.grade("{gate}", points=3)
def test_two_layer_gate_scalar_inputs_give_ints(student, gate):
    """XOR/XNOR on Python 0/1 scalars return ints with the right truth table."""
    for a in (0, 1):
        for b in (0, 1):
            out = getattr(student, gate)(a, b)
            ok = isinstance(out, (int, np.integer)) and not isinstance(out, (bool, np.bool_))
            assert ok, f"{gate}({a}, {b}) returned {type(out).__name__}; expected an int"
            assert out == TRUTH[gate](a, b), f"{gate}({a}, {b}) returned {out}, expected {TRUTH[gate](a, b)}"


@pytest.mark.parametrize("gate", ["XOR", "XNOR"])
@pytest.mark.grade("{gate}", points=3)
def test_two_layer_gate_keeps_array_shape(student, rng, gate):
    """XOR/XNOR on 3-D 0/1 arrays return an integer array of the same shape."""
    a = rng.integers(0, 2, size=(2, 2, 3))
    b = rng.integers(0, 2, size=(2, 2, 3))
    assert_close(getattr(student, gate)(a, b), TRUTH[gate](a, b), name=f"{gate}(x1, x2)")


def _separable(rng, n=12, d=3):
    w_true = rng.standard_normal(d)
    X = rng.standard_normal((n, d))
    margin = X @ w_true + 0.4
    X = X[np.abs(margin) > 0.3]
    y = (X @ w_true + 0.4 > 0).astype(float)
    return X, y


@pytest.mark.grade("train_perceptron", points=8)
def test_train_perceptron_exact_trajectory(student, ref, rng):
    """train_perceptron follows the rule exactly: same w, b and mistakes per epoch."""
    X, y = _separable(rng)
    with inputs_unchanged(X, y, names=["X", "y"]):
        w, b, converged, mistakes = student.train_perceptron(X, y, lr=0.25, max_epochs=200)
    rw, rb, rconv, rmist = ref.train_perceptron(X, y, lr=0.25, max_epochs=200)
    assert_close(w, rw, name="w")
    assert_close(b, rb, name="b")
    assert bool(converged) == rconv, "converged flag is wrong"
    assert list(mistakes) == rmist, "the number of mistakes per epoch is not what the rule gives"


@pytest.mark.grade("train_perceptron", points=6)
def test_train_perceptron_updates_bias(student):
    """A dataset that needs a bias: b must be learned (not left at 0)."""
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    w, b, converged, mistakes = student.train_perceptron(X, y, lr=0.5, max_epochs=100)
    assert converged, "expected convergence: the data are separable with a bias"
    assert_close((X @ w + b > 0).astype(float), y, name="predictions after training")
    assert float(b) < 0, "the bias must move below 0 to separate x <= 1 from x >= 2"


@pytest.mark.grade("train_perceptron", points=6)
def test_train_perceptron_stops_after_first_clean_epoch(student):
    """OR is learned; the list of mistakes ends with the first zero and has float weights of shape (D,)."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([0, 1, 1, 1])
    w, b, converged, mistakes = student.train_perceptron(X, y, lr=0.1, max_epochs=100)
    assert type(w) is np.ndarray and w.shape == (2,) and w.dtype.kind == "f", "w must be a float array of shape (D,)"
    assert list(mistakes)[-1] == 0 and 0 not in list(mistakes)[:-1], f"mistakes={list(mistakes)}: stop at the first clean epoch"
    assert list(mistakes) == [1, 2, 1, 0], f"mistakes per epoch {list(mistakes)} differ from the rule's"
