"""Public checks for assignment 01 (perceptron.py). Run them with `dlkit check 01`."""

import numpy as np
import pytest

from shared.checks import assert_close, inputs_unchanged

X1 = np.array([0, 0, 1, 1])
X2 = np.array([0, 1, 0, 1])
TRUTH = {
    "AND": [0, 0, 0, 1],
    "NAND": [1, 1, 1, 0],
    "OR": [0, 1, 1, 1],
    "NOR": [1, 0, 0, 0],
    "XOR": [0, 1, 1, 0],
    "XNOR": [1, 0, 0, 1],
}


@pytest.mark.grade("step", points=4)
def test_step_is_zero_at_zero(student):
    """step is 1 only where z > 0: step(0) is 0."""
    z = np.array([-2.0, -1e-9, 0.0, 1e-9, 3.0])
    assert_close(student.step(z), np.array([0.0, 0.0, 0.0, 1.0, 1.0]), name="step(z)")


@pytest.mark.grade("sign", points=3)
def test_sign_is_plus_one_at_zero(student):
    """sign is +1 where z >= 0 and -1 elsewhere."""
    z = np.array([[-3.0, 0.0], [2.5, -0.1]])
    assert_close(student.sign(z), np.array([[-1.0, 1.0], [1.0, -1.0]]), name="sign(z)")


@pytest.mark.grade("perceptron", points=4)
def test_perceptron_batch(student):
    """perceptron on a batch (N, D) returns shape (N,) with step(x @ w + b)."""
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    w = np.array([1.0, 1.0])
    # x @ w + b = [0, 0, 1]: the first two sit exactly at the threshold
    assert_close(student.perceptron(x, w, -1.0), np.array([0.0, 0.0, 1.0]), name="perceptron(x, w, b)")


@pytest.mark.grade("AND", points=2)
def test_AND_truth_table(student):
    """AND on the four input pairs."""
    assert_close(student.AND(X1, X2), np.array(TRUTH["AND"]), name="AND(x1, x2)")


@pytest.mark.grade("NAND", points=2)
def test_NAND_truth_table(student):
    """NAND on the four input pairs."""
    assert_close(student.NAND(X1, X2), np.array(TRUTH["NAND"]), name="NAND(x1, x2)")


@pytest.mark.grade("OR", points=2)
def test_OR_truth_table(student):
    """OR on the four input pairs."""
    assert_close(student.OR(X1, X2), np.array(TRUTH["OR"]), name="OR(x1, x2)")


@pytest.mark.grade("NOR", points=2)
def test_NOR_truth_table(student):
    """NOR on the four input pairs."""
    assert_close(student.NOR(X1, X2), np.array(TRUTH["NOR"]), name="NOR(x1, x2)")


@pytest.mark.grade("XOR", points=4)
def test_XOR_truth_table(student):
    """XOR on the four input pairs: 0, 1, 1, 0."""
    assert_close(student.XOR(X1, X2), np.array(TRUTH["XOR"]), name="XOR(x1, x2)")


@pytest.mark.grade("XNOR", points=3)
def test_XNOR_truth_table(student):
    """XNOR on the four input pairs: 1, 0, 0, 1."""
    assert_close(student.XNOR(X1, X2), np.array(TRUTH["XNOR"]), name="XNOR(x1, x2)")


@pytest.mark.grade("train_perceptron", points=6)
def test_train_perceptron_learns_AND(student):
    """Rosenblatt's rule learns AND and every prediction is then right."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 0, 0, 1], dtype=float)
    with inputs_unchanged(X, y, names=["X", "y"]):
        w, b, converged, mistakes = student.train_perceptron(X, y, lr=0.1, max_epochs=50)
    assert converged is True or converged == True, f"expected converged=True on AND, got {converged!r}"  # noqa: E712
    assert mistakes[-1] == 0, f"the last epoch must have 0 mistakes, got mistakes={mistakes}"
    assert_close((X @ w + b > 0).astype(float), y, name="step(X @ w + b) after training")


@pytest.mark.grade("train_perceptron", points=4)
def test_train_perceptron_does_not_converge_on_XOR(student):
    """On XOR the rule runs all max_epochs and reports converged=False."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0], dtype=float)
    w, b, converged, mistakes = student.train_perceptron(X, y, lr=0.1, max_epochs=20)
    assert not converged, "XOR is not linearly separable: converged must be False"
    assert len(mistakes) == 20, f"expected 20 epochs of mistakes, got {len(mistakes)}"
