"""Small data sets the notebooks and figures use. Everything is made here, deterministically: no downloads.

- :func:`sample_image`: a grayscale test picture (shapes, stripes, a smooth background, a little noise)
  for the convolution and pooling notebook.
- :data:`GATE_X1`, :data:`GATE_X2`, :func:`xor_data`: the four inputs of a two-input logic gate.
- :func:`elongated_quadratic`: 003 section 6.1's f(x, y) = x^2 / 20 + y^2, the valley where SGD zig-zags.
- :func:`quadratic_problem`: an ill-conditioned 2-D quadratic 1/2 x^T A x - b^T x for GD / steepest / CG.
- :func:`linear_regression`: a noisy linear data set for batch / mini-batch / stochastic gradient descent.
- :func:`sequence`: a 1-D input sequence (a sine wave with two pulses) for the RNN and LSTM notebooks.
- :func:`recurrent_matrix`: a random square matrix with a chosen spectral radius (memory of an RNN).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "GATE_X1", "GATE_X2", "xor_data", "sample_image", "elongated_quadratic", "quadratic_problem",
    "linear_regression", "sequence", "recurrent_matrix",
]

# The four input pairs of a two-input gate, in truth-table order (0,0), (0,1), (1,0), (1,1).
GATE_X1 = np.array([0, 0, 1, 1])
GATE_X2 = np.array([0, 1, 0, 1])


def xor_data():
    """XOR as a data set: X of shape (4, 2) (float64) and targets y of shape (4,) (0/1 floats)."""
    X = np.stack([GATE_X1, GATE_X2], axis=1).astype(np.float64)
    y = (GATE_X1 ^ GATE_X2).astype(np.float64)
    return X, y


def sample_image(size: int = 64, noise: float = 0.04, seed: int = 0) -> np.ndarray:
    """A grayscale test picture, float64 of shape (size, size) with values in [0, 1].

    A soft diagonal background, a bright disk, a dark square, a triangle and a patch of
    vertical stripes: straight, diagonal and round edges for edge filters, fine detail for a
    blur to remove, and a little Gaussian noise (seeded) so that smoothing visibly helps.
    """
    r = (np.arange(size) + 0.5) / size          # pixel centres in (0, 1)
    yy, xx = np.meshgrid(r, r, indexing="ij")    # row (down), column (right)
    img = 0.25 + 0.2 * (xx + yy) / 2             # soft background gradient
    disk = (xx - 0.3) ** 2 + (yy - 0.32) ** 2 < 0.17 ** 2
    img = np.where(disk, 0.95, img)
    square = (np.abs(xx - 0.72) < 0.14) & (np.abs(yy - 0.3) < 0.14)
    img = np.where(square, 0.05, img)
    triangle = (yy > 0.58) & (yy < 0.9) & (np.abs(xx - 0.3) < (yy - 0.58) * 0.7)
    img = np.where(triangle, 0.75, img)
    stripes = (xx > 0.58) & (xx < 0.9) & (yy > 0.6) & (yy < 0.9)
    img = np.where(stripes, 0.5 + 0.4 * np.sign(np.sin(2 * np.pi * xx * size / 8)), img)
    rng = np.random.default_rng(seed)
    img = img + noise * rng.standard_normal(img.shape)
    return np.clip(img, 0.0, 1.0)


def elongated_quadratic():
    """003 section 6.1's test function f(x, y) = x^2 / 20 + y^2 (a long, flat valley along x).

    Returns (f, grad, start): f(x, y) works on arrays (for contour plots), grad(p) takes a point
    p = [x, y] and returns [x / 10, 2 y], and start = (-7, 2) is the book's starting point.
    """
    def f(x, y):
        return x ** 2 / 20.0 + y ** 2

    def grad(p):
        p = np.asarray(p, dtype=np.float64)
        return np.array([p[0] / 10.0, 2.0 * p[1]])

    return f, grad, np.array([-7.0, 2.0])


def quadratic_problem():
    """An ill-conditioned 2-D quadratic f(x) = 1/2 x^T A x - b^T x (condition number 10, axes rotated).

    Returns (A, b, x0): A symmetric positive definite (2, 2), b (2,), and a starting point x0
    from which plain gradient descent and steepest descent zig-zag across the valley while
    conjugate gradients reach the minimiser A^{-1} b in two steps.
    """
    angle = np.pi / 6
    Q = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    A = Q @ np.diag([1.0, 10.0]) @ Q.T
    A = (A + A.T) / 2                            # exactly symmetric in floating point
    b = A @ np.array([1.0, 0.5])                 # minimiser at (1, 0.5)
    return A, b, np.array([-2.6, -1.2])          # far along the valley, a little off its floor


def linear_regression(n: int = 200, d: int = 3, noise: float = 0.3, seed: int = 0):
    """Noisy linear data: X (n, d) standard normal, y = X w_true + b_true + noise (n,).

    Returns (X, y, w_true, b_true).
    """
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    w_true = np.linspace(2.0, -1.0, d)
    b_true = 0.5
    y = X @ w_true + b_true + noise * rng.standard_normal(n)
    return X, y, w_true, b_true


def sequence(T: int = 60, pulses=(15, 40)) -> np.ndarray:
    """A 1-D input sequence of shape (1, T, 1) (N = 1, D = 1): a slow sine wave plus unit pulses."""
    t = np.arange(T)
    x = 0.5 * np.sin(2 * np.pi * t / 30.0)
    for p in pulses:
        if 0 <= p < T:
            x[p] += 1.5
    return x.reshape(1, T, 1)


def recurrent_matrix(n: int, radius: float, seed: int = 0) -> np.ndarray:
    """A random (n, n) matrix (not symmetric) rescaled so that its spectral radius is `radius`.

    The spectral radius (largest |eigenvalue|) of an RNN's Wh decides how fast the effect of
    an input fades (radius < 1) or persists and saturates (radius > 1).
    """
    rng = np.random.default_rng(seed)
    M = rng.standard_normal((n, n)) / np.sqrt(n)
    return M * (radius / np.max(np.abs(np.linalg.eigvals(M))))
