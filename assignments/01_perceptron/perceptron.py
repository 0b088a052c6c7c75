"""Assignment 01: the perceptron, logic gates, and the Rosenblatt learning rule.

Seeds: 000 section 5.1, 002 section 1.3, 003 section 1.

Everything here works on numpy arrays of any shape (or Python scalars) and
never modifies its arguments. Computation is float64.
"""

import numpy as np


def step(z):
    """Step (threshold) activation, 002 eq 1.7.

    Inputs:
    - z: array of any shape (or a scalar), any real dtype.

    Returns:
    - out: float64 array of z's shape: 1.0 where z > 0, else 0.0.
      Note the strict inequality: step(0) == 0.0.
    """
    # *** START OF YOUR CODE (step) ***
    # TODO: implement `step` as its docstring says.
    raise NotImplementedError("step: not implemented yet")
    # *** END OF YOUR CODE ***


def sign(z):
    """Sign activation of the perceptron, 000 eq 5-2.

    Inputs:
    - z: array of any shape (or a scalar).

    Returns:
    - out: float64 array of z's shape: +1.0 where z >= 0, else -1.0.
      Note sign(0) == +1.0 (unlike np.sign, which gives 0).
    """
    # *** START OF YOUR CODE (sign) ***
    # TODO: implement `sign` as its docstring says.
    raise NotImplementedError("sign: not implemented yet")
    # *** END OF YOUR CODE ***


def perceptron(x, w, b):
    """A single perceptron: step(x @ w + b).

    Inputs:
    - x: one input of shape (D,) or a batch of shape (N, D).
    - w: weights, shape (D,).
    - b: bias, a scalar.

    Returns:
    - out: float64; a 0-d result for x of shape (D,), shape (N,) for x of shape (N, D).
    """
    # *** START OF YOUR CODE (perceptron) ***
    # TODO: implement `perceptron` as its docstring says.
    raise NotImplementedError("perceptron: not implemented yet")
    # *** END OF YOUR CODE ***


def _gate(x1, x2, w1, w2, b):
    """Apply a two-input perceptron and return 0/1 integers.

    Python ints for scalar inputs, an int64 array of the inputs' shape otherwise.
    """
    x1, x2 = np.asarray(x1), np.asarray(x2)
    out = step(w1 * x1 + w2 * x2 + b).astype(np.int64)
    return int(out) if out.ndim == 0 else out


def AND(x1, x2):
    """AND gate as a single perceptron: 1 only when both inputs are 1.

    Inputs:
    - x1, x2: 0/1 scalars, or 0/1 arrays of the same (any) shape.

    Returns:
    - 0/1 integers: a Python int for scalar inputs, an integer array of the
      inputs' shape otherwise. Choose the weights and bias yourself (003 section 1).
    """
    # *** START OF YOUR CODE (AND) ***
    # TODO: implement `AND` as its docstring says.
    raise NotImplementedError("AND: not implemented yet")
    # *** END OF YOUR CODE ***


def NAND(x1, x2):
    """NAND gate as a single perceptron: 0 only when both inputs are 1. Same rules as AND."""
    # *** START OF YOUR CODE (NAND) ***
    # TODO: implement `NAND` as its docstring says.
    raise NotImplementedError("NAND: not implemented yet")
    # *** END OF YOUR CODE ***


def OR(x1, x2):
    """OR gate as a single perceptron: 1 when at least one input is 1. Same rules as AND."""
    # *** START OF YOUR CODE (OR) ***
    # TODO: implement `OR` as its docstring says.
    raise NotImplementedError("OR: not implemented yet")
    # *** END OF YOUR CODE ***


def NOR(x1, x2):
    """NOR gate as a single perceptron: 1 only when both inputs are 0. Same rules as AND."""
    # *** START OF YOUR CODE (NOR) ***
    # TODO: implement `NOR` as its docstring says.
    raise NotImplementedError("NOR: not implemented yet")
    # *** END OF YOUR CODE ***


def XOR(x1, x2):
    """XOR as a two-layer network of the single gates above: XOR = AND(NAND, OR).

    A single perceptron cannot separate XOR's classes with one line (003 section 1);
    two layers can. Build it only from AND, NAND, OR and NOR. Same input/output
    rules as AND.
    """
    # *** START OF YOUR CODE (XOR) ***
    # TODO: implement `XOR` as its docstring says.
    raise NotImplementedError("XOR: not implemented yet")
    # *** END OF YOUR CODE ***


def XNOR(x1, x2):
    """XNOR (1 when the inputs are equal) as a two-layer network of AND, NAND, OR, NOR.

    Same input/output rules as AND.
    """
    # *** START OF YOUR CODE (XNOR) ***
    # TODO: implement `XNOR` as its docstring says.
    raise NotImplementedError("XNOR: not implemented yet")
    # *** END OF YOUR CODE ***


def train_perceptron(X, y, lr=0.1, max_epochs=100):
    """Train a perceptron with Rosenblatt's rule.

    Start from w = zeros(D), b = 0.0. Each epoch visits the samples in order
    i = 0 .. N-1:

        y_hat = step(X[i] @ w + b)
        w += lr * (y[i] - y_hat) * X[i]
        b += lr * (y[i] - y_hat)

    counting a mistake whenever y_hat != y[i]. Stop after the first epoch with
    zero mistakes (converged), or after max_epochs epochs.

    Inputs:
    - X: inputs, shape (N, D).
    - y: 0/1 targets, shape (N,).
    - lr: learning rate.
    - max_epochs: the most epochs to run.

    Returns a tuple of:
    - w: float64 weights, shape (D,).
    - b: the bias, a float.
    - converged: True if the last epoch run had no mistakes.
    - mistakes: list of ints, the number of mistakes in each epoch run
      (so len(mistakes) is the number of epochs run).
    On XOR the rule never converges: converged is False after max_epochs.
    """
    # *** START OF YOUR CODE (train_perceptron) ***
    # TODO: implement `train_perceptron` as its docstring says.
    raise NotImplementedError("train_perceptron: not implemented yet")
    # *** END OF YOUR CODE ***
