"""Assignment 03: gradient descent, exact line search, conjugate gradients and the
update rules of neural-network training.

Seeds: 000 section 5.2.4 (Algorithms 1-3), 003 section 6.1, 004 section 5.2.6.

Conventions used everywhere in this file:

- Inputs are numpy arrays (possibly of integer dtype) or Python scalars; every
  computation is done in float64 and every returned array is a new float64 array.
- Functions never modify their array arguments. The one exception is the
  optimizers' ``update(params, grads)``: it changes the arrays of the ``params``
  dict in place (``grads`` is left alone).
- A function given as an argument (``grad``, ``hess``) is called with a float64
  array and must return an array (or something ``np.asarray`` turns into one).
- Randomness comes only from ``np.random.default_rng(seed)``, created once inside
  the function that owns ``seed`` and consumed in the order stated.
"""

import numpy as np


# ---------------------------------------------------------------------------
# Part 1: minimising a function whose gradient you can evaluate
# ---------------------------------------------------------------------------

def gradient_descent(grad, x0, lr, num_iters):
    """Plain gradient descent with a fixed step (000 Algorithm 1, table 5-1).

    Starting at x_0 = x0, repeat num_iters times

        x_{i+1} = x_i - lr * grad(x_i)

    Inputs:
    - grad: a function; grad(x) takes a float64 array of x0's shape and returns
      the gradient of the objective at x, an array of the same shape.
    - x0: the starting point, an array of any shape (a 0-d array is fine),
      any real dtype. It is not modified.
    - lr: the step size (learning rate) alpha, a positive float.
    - num_iters: the number of updates, an int >= 0.

    Returns:
    - trajectory: float64 array of shape (num_iters + 1, *x0.shape);
      trajectory[0] is x0 (as float64) and trajectory[i] is x_i.
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=np.float64)
    trajectory = np.empty((num_iters + 1,) + x.shape, dtype=np.float64)
    trajectory[0] = x
    for i in range(num_iters):
        x = x - lr * np.asarray(grad(x), dtype=np.float64)
        trajectory[i + 1] = x
    return trajectory
    # END SOLUTION


def steepest_descent(grad, hess, x0, num_iters, tol=1e-10):
    """Steepest descent with an exact line search (000 Algorithm 2, table 5-2).

    At each iteration i = 0, 1, ..., num_iters - 1:

        g = grad(x_i)
        if ||g|| < tol: stop (x_i is the last point, no step is taken)
        H = hess(x_i)
        alpha = (g^T g) / (g^T H g)
        x_{i+1} = x_i - alpha * g

    alpha is the step that minimises the quadratic model
    f(x - a g) ~ f(x) - a g^T g + a^2/2 g^T H g along the negative gradient; on a
    quadratic f(x) = 1/2 x^T A x - b^T x (grad = A x - b, hess = A) it is the exact
    minimiser along that line. (000 writes the same step with the unit direction
    theta = g / ||g||.) ||.|| is the Euclidean norm.

    Inputs:
    - grad: grad(x) returns the gradient at x, shape (n,).
    - hess: hess(x) returns the Hessian at x, shape (n, n), symmetric positive
      definite for the points visited.
    - x0: the starting point, shape (n,), any real dtype. Not modified.
    - num_iters: the largest number of steps, an int >= 0.
    - tol: stop as soon as the gradient's norm at the current point is < tol.

    Returns:
    - trajectory: float64 array of shape (k + 1, n): x0 first, then each point
      reached, where k <= num_iters is the number of steps taken (k < num_iters
      only when the stopping test fired).
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=np.float64)
    trajectory = [x]
    for _ in range(num_iters):
        g = np.asarray(grad(x), dtype=np.float64)
        if np.linalg.norm(g) < tol:
            break
        H = np.asarray(hess(x), dtype=np.float64)
        alpha = (g @ g) / (g @ H @ g)
        x = x - alpha * g
        trajectory.append(x)
    return np.array(trajectory)
    # END SOLUTION


def conjugate_gradient(A, b, x0=None, tol=1e-10, max_iters=None):
    """Solve A x = b (minimise 1/2 x^T A x - b^T x) by conjugate gradients
    (000 Algorithm 3, table 5-3, with Fletcher-Reeves directions).

    With the residual r = b - A x (the negative gradient of the quadratic):

        r_0 = b - A x_0,  p_0 = r_0
        for i = 0, 1, ..., max_iters - 1:
            if ||r_i|| < tol: stop
            lambda_i = (r_i^T r_i) / (p_i^T A p_i)     # exact step along p_i
            x_{i+1}  = x_i + lambda_i p_i
            r_{i+1}  = r_i - lambda_i A p_i
            beta_i   = (r_{i+1}^T r_{i+1}) / (r_i^T r_i)   # Fletcher-Reeves
            p_{i+1}  = r_{i+1} + beta_i p_i

    In exact arithmetic the method reaches the solution in at most n steps; on a
    well-conditioned SPD system (condition number <= 100) it gets
    ||A x - b|| < 1e-8 ||b|| within n iterations in floating point too.

    Inputs:
    - A: symmetric positive definite matrix, shape (n, n), any real dtype.
    - b: right-hand side, shape (n,).
    - x0: starting point, shape (n,); None means zeros(n).
    - tol: stop as soon as ||r|| < tol (checked before every step, so a starting
      point that already solves the system gives a trajectory of one point).
    - max_iters: the largest number of steps; None means n.

    Returns a tuple of:
    - x: float64 array of shape (n,), the last point (equal to trajectory[-1]).
    - trajectory: float64 array of shape (k + 1, n), x0 first, then every iterate.

    Raises ValueError (naming "A") if A is not a square 2-D matrix, or if it is
    not symmetric: max|A - A^T| > 1e-10 * max|A|. The reference also raises
    ValueError if b or x0 does not have shape (n,).
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square matrix, got shape {A.shape}")
    n = A.shape[0]
    if np.max(np.abs(A - A.T), initial=0.0) > 1e-10 * np.max(np.abs(A), initial=0.0):
        raise ValueError("A must be symmetric (A == A.T up to 1e-10 relative)")
    if b.shape != (n,):
        raise ValueError(f"b must have shape ({n},), got {b.shape}")
    x = np.zeros(n) if x0 is None else np.array(x0, dtype=np.float64)
    if x.shape != (n,):
        raise ValueError(f"x0 must have shape ({n},), got {x.shape}")
    if max_iters is None:
        max_iters = n

    r = b - A @ x
    p = r.copy()
    rs = r @ r
    trajectory = [x]
    for _ in range(max_iters):
        if np.sqrt(rs) < tol:
            break
        Ap = A @ p
        lam = rs / (p @ Ap)
        x = x + lam * p
        r = r - lam * Ap
        rs_new = r @ r
        p = r + (rs_new / rs) * p
        rs = rs_new
        trajectory.append(x)
    return x, np.array(trajectory)
    # END SOLUTION


# ---------------------------------------------------------------------------
# Part 2: batch, mini-batch and stochastic gradient descent (004 section 5.2.6)
# ---------------------------------------------------------------------------

def fit_linear_regression(X, y, method="batch", lr=0.01, epochs=100, batch_size=32, seed=0):
    """Fit y ~ X w + b by minimising the mean squared error with gradient descent.

    Model and loss (000 eq 5-10): y_hat = X w + b, L = mean((y_hat - y)^2).
    w = zeros(D) and b = 0.0 at the start. For a batch of B samples (rows) the
    gradient of the batch mean is

        dw = 2/B * X_B^T (y_hat_B - y_B),   db = 2/B * sum(y_hat_B - y_B)

    and each step is w <- w - lr * dw, b <- b - lr * db.

    Methods:
    - "batch": one step per epoch on all N samples (batch gradient descent).
    - "minibatch": rng = np.random.default_rng(seed) is created once for the
      whole fit. Each epoch draws perm = rng.permutation(N) (one call per epoch,
      nothing else is drawn) and steps on the consecutive slices
      perm[0:B], perm[B:2B], ... of length B = batch_size; the last slice may be
      shorter, so every sample is used exactly once per epoch. X and y are
      indexed with the same perm.
    - "sgd": "minibatch" with batch size 1 (batch_size is ignored).

    Inputs:
    - X: inputs, shape (N, D), any real dtype.
    - y: targets, shape (N,).
    - method: "batch", "minibatch" or "sgd".
    - lr: learning rate.
    - epochs: number of passes over the data, an int >= 0.
    - batch_size: B for "minibatch", an int >= 1.
    - seed: the seed of the one random generator ("minibatch" and "sgd").

    Returns a tuple of:
    - w: float64 array of shape (D,).
    - b: the bias, a float.
    - losses: list of `epochs` floats, the full-data MSE mean((X w + b - y)^2)
      computed after each epoch's updates.

    Raises ValueError (naming "method") for an unknown method. The reference
    also raises ValueError for a y that is not of shape (N,) or a batch_size < 1.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if method not in ("batch", "minibatch", "sgd"):
        raise ValueError(f"unknown method {method!r}: use 'batch', 'minibatch' or 'sgd'")
    N, D = X.shape
    if y.shape != (N,):
        raise ValueError(f"y must have shape ({N},), got {y.shape}")
    if method == "sgd":
        batch_size = 1
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")

    w = np.zeros(D)
    b = 0.0
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(epochs):
        if method == "batch":
            batches = [np.arange(N)]
        else:
            perm = rng.permutation(N)
            batches = [perm[i:i + batch_size] for i in range(0, N, batch_size)]
        for idx in batches:
            Xb, yb = X[idx], y[idx]
            err = Xb @ w + b - yb
            dw = 2.0 / len(idx) * (Xb.T @ err)
            db = 2.0 / len(idx) * np.sum(err)
            w = w - lr * dw
            b = b - lr * db
        losses.append(float(np.mean((X @ w + b - y) ** 2)))
    return w, float(b), losses
    # END SOLUTION


# ---------------------------------------------------------------------------
# Part 3: the optimizers of 003 section 6.1
#
# Every optimizer has update(params, grads): params and grads are dicts with the
# same keys whose values are float arrays of matching shapes (e.g. params["W1"]
# and grads["W1"]). update changes each params[key] in place, leaves grads
# unchanged, and keeps any state it needs (velocities, squared-gradient sums,
# moments) separately for every key, across calls. State arrays start at zero
# the first time a key is seen.
# ---------------------------------------------------------------------------

class SGD:
    """Stochastic gradient descent (003 section 6.1.1): W <- W - lr * g."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        """Update every params[key] in place with its gradient grads[key].

        Inputs:
        - params: dict of float arrays, changed in place.
        - grads: dict with the same keys and shapes; not modified.

        Returns None.
        """
        # BEGIN SOLUTION
        for key in params:
            params[key] -= self.lr * grads[key]
        # END SOLUTION


class Momentum:
    """SGD with momentum (003 section 6.1.2), per key:

        v <- momentum * v - lr * g
        W <- W + v

    v (the "velocity", alpha v in 003's notation with alpha = momentum) starts at
    zero for every key and is kept between calls.
    """

    def __init__(self, lr=0.01, momentum=0.9):
        """Store the hyperparameters; set up empty per-key state (the velocities)."""
        self.lr = lr
        self.momentum = momentum
        # BEGIN SOLUTION
        self.v = {}
        # END SOLUTION

    def update(self, params, grads):
        """Update every params[key] in place (same inputs as SGD.update)."""
        # BEGIN SOLUTION
        for key in params:
            v = self.v.get(key, np.zeros_like(params[key], dtype=np.float64))
            v = self.momentum * v - self.lr * grads[key]
            self.v[key] = v
            params[key] += v
        # END SOLUTION


class AdaGrad:
    """AdaGrad (003 section 6.1.3), per key:

        h <- h + g * g                 (elementwise)
        W <- W - lr * g / (sqrt(h) + eps)

    h (the running sum of squared gradients) starts at zero and is kept between
    calls. eps is added after the square root.
    """

    def __init__(self, lr=0.01, eps=1e-7):
        """Store the hyperparameters; set up empty per-key state (the sums h)."""
        self.lr = lr
        self.eps = eps
        # BEGIN SOLUTION
        self.h = {}
        # END SOLUTION

    def update(self, params, grads):
        """Update every params[key] in place (same inputs as SGD.update)."""
        # BEGIN SOLUTION
        for key in params:
            g = grads[key]
            h = self.h.get(key, 0.0) + g * g
            self.h[key] = h
            params[key] -= self.lr * g / (np.sqrt(h) + self.eps)
        # END SOLUTION


class RMSProp:
    """RMSProp, per key:

        h <- decay_rate * h + (1 - decay_rate) * g * g
        W <- W - lr * g / (sqrt(h) + eps)

    h (an exponential moving average of squared gradients) starts at zero and is
    kept between calls; the new h is used in the same call's step.
    """

    def __init__(self, lr=0.01, decay_rate=0.99, eps=1e-7):
        """Store the hyperparameters; set up empty per-key state (the averages h)."""
        self.lr = lr
        self.decay_rate = decay_rate
        self.eps = eps
        # BEGIN SOLUTION
        self.h = {}
        # END SOLUTION

    def update(self, params, grads):
        """Update every params[key] in place (same inputs as SGD.update)."""
        # BEGIN SOLUTION
        rho = self.decay_rate
        for key in params:
            g = grads[key]
            h = rho * self.h.get(key, 0.0) + (1 - rho) * g * g
            self.h[key] = h
            params[key] -= self.lr * g / (np.sqrt(h) + self.eps)
        # END SOLUTION


class Adam:
    """Adam (003 section 6.1.4). Once per update call (not once per key) the step
    counter is increased, t <- t + 1 (t starts at 0, so the first call uses t = 1).
    Then for every key:

        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t)          # bias correction
        v_hat = v / (1 - beta2 ** t)
        W <- W - lr * m_hat / (sqrt(v_hat) + eps)

    m and v start at zero for every key and are kept between calls. eps is added
    after the square root of the bias-corrected v_hat. Because of the bias
    correction the very first step is lr * g / (|g| + eps), about lr * sign(g).
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        """Store the hyperparameters; set up the step counter t = 0 and empty per-key moments m, v."""
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        # BEGIN SOLUTION
        self.t = 0
        self.m = {}
        self.v = {}
        # END SOLUTION

    def update(self, params, grads):
        """Update every params[key] in place (same inputs as SGD.update)."""
        # BEGIN SOLUTION
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for key in params:
            g = grads[key]
            m = b1 * self.m.get(key, 0.0) + (1 - b1) * g
            v = b2 * self.v.get(key, 0.0) + (1 - b2) * g * g
            self.m[key], self.v[key] = m, v
            m_hat = m / (1 - b1 ** self.t)
            v_hat = v / (1 - b2 ** self.t)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        # END SOLUTION
