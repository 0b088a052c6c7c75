"""Assignment 04: backpropagation, from computational-graph nodes to a three-layer network.

Seeds: 004 section 5.2.4 (the BP algorithm, eqs 5-2 to 5-17), 001 "误差反向传播",
003 sections 4-6 (numerical gradients, computational graphs, weight initialisation,
weight decay).

Conventions used everywhere in this file:

- Batch axis first: X has shape (N, D), one sample per row. A layer computes
  x @ W + b with W of shape (D, M) (row-vector form), so W[i, j] is the weight
  from input unit i to output unit j.
- Every ``*_forward`` function returns ``(out, cache)``; the matching ``*_backward``
  takes ``(dout, cache)``, where dout = dL/dout is the upstream gradient of a scalar
  loss L, and returns the gradients in the order stated. The cache is whatever the
  backward needs; nobody but you looks inside it.
- Computation is float64. Arrays may arrive with an integer dtype; results are new
  float64 arrays. No function modifies its arguments in place (``numerical_gradient``
  perturbs x in place on purpose and puts every entry back before it returns).
- Numerically stable: no overflow warnings for any finite input (tests run under
  ``np.errstate(over="raise", invalid="raise", divide="raise")``).
"""

import numpy as np


# ---------------------------------------------------------------------------
# Computational-graph nodes (003 section 5.2.1)
# ---------------------------------------------------------------------------

class MulLayer:
    """Multiplication node of a computational graph: out = x * y.

    Backward: the upstream gradient is multiplied by the *other* input
    ("swapped" inputs): dx = dout * y, dy = dout * x.

    Works on Python scalars and on numpy arrays of equal shape (elementwise product).
    """

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        """Remember x and y, return x * y.

        Inputs:
        - x, y: real scalars, or arrays of the same shape.

        Returns:
        - out: x * y (a scalar for scalar inputs, an array of x's shape otherwise).
        """
        # BEGIN SOLUTION
        self.x = x
        self.y = y
        return x * y
        # END SOLUTION

    def backward(self, dout):
        """Gradients of the loss with respect to the two inputs of the last forward.

        Inputs:
        - dout: dL/dout, a scalar or an array of out's shape.

        Returns a tuple of:
        - dx: dL/dx = dout * y, x's shape.
        - dy: dL/dy = dout * x, y's shape.
        """
        # BEGIN SOLUTION
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy
        # END SOLUTION


class AddLayer:
    """Addition node of a computational graph: out = x + y.

    Backward: the upstream gradient passes through unchanged to both inputs:
    dx = dout * 1, dy = dout * 1.

    Works on Python scalars and on numpy arrays of equal shape.
    """

    def __init__(self):
        pass

    def forward(self, x, y):
        """Return x + y.

        Inputs:
        - x, y: real scalars, or arrays of the same shape.

        Returns:
        - out: x + y.
        """
        # BEGIN SOLUTION
        return x + y
        # END SOLUTION

    def backward(self, dout):
        """Gradients with respect to both inputs.

        Inputs:
        - dout: dL/dout, a scalar or an array of out's shape.

        Returns a tuple of:
        - dx: dout * 1 (a new value, not dout itself).
        - dy: dout * 1.
        """
        # BEGIN SOLUTION
        dx = dout * 1
        dy = dout * 1
        return dx, dy
        # END SOLUTION


# ---------------------------------------------------------------------------
# Layers as forward/backward function pairs
# ---------------------------------------------------------------------------

def affine_forward(x, W, b):
    """Fully connected (affine) layer: out = x @ W + b (004 eq 5-2, linear part).

    Inputs:
    - x: inputs, shape (N, D), any real dtype.
    - W: weights, shape (D, M).
    - b: biases, shape (M,), added to every row.

    Returns a tuple of:
    - out: float64 array of shape (N, M).
    - cache: what affine_backward needs (e.g. x, W).

    Raises ValueError when the shapes do not fit together.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError(f"affine_forward: x {x.shape}, W {W.shape} and b {b.shape} do not fit "
                         f"(expected x (N, D), W (D, M), b (M,))")
    out = x @ W + b
    cache = (x, W)
    return out, cache
    # END SOLUTION


def affine_backward(dout, cache):
    """Backward pass of the affine layer.

    With out = x W + b:  dx = dout W^T,  dW = x^T dout,  db = sum of dout over the
    batch axis (every sample used the same b, so their gradients add up).

    Inputs:
    - dout: upstream gradient dL/dout, shape (N, M).
    - cache: from affine_forward.

    Returns a tuple of:
    - dx: shape (N, D).
    - dW: shape (D, M).
    - db: shape (M,).
    """
    # BEGIN SOLUTION
    x, W = cache
    dout = np.asarray(dout, dtype=np.float64)
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db
    # END SOLUTION


def sigmoid_forward(x):
    """Sigmoid layer: out = 1 / (1 + exp(-x)), elementwise (004 eq 5-2).

    Must not overflow for any finite x (e.g. x = -1000 gives 0.0 without a
    warning): evaluate exp only of non-positive numbers.

    Inputs:
    - x: array of any shape, any real dtype.

    Returns a tuple of:
    - out: float64 array of x's shape, values in [0, 1].
    - cache: what sigmoid_backward needs (the output is enough).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))                  # in (0, 1]: never overflows
    out = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    return out, out
    # END SOLUTION


def sigmoid_backward(dout, cache):
    """Backward pass of the sigmoid layer: dx = dout * s * (1 - s), s = sigmoid(x).

    Inputs:
    - dout: upstream gradient, x's shape.
    - cache: from sigmoid_forward.

    Returns:
    - dx: float64 array of x's shape.
    """
    # BEGIN SOLUTION
    out = cache
    return np.asarray(dout, dtype=np.float64) * out * (1.0 - out)
    # END SOLUTION


def relu_forward(x):
    """ReLU layer: out = max(0, x), elementwise.

    Inputs:
    - x: array of any shape, any real dtype.

    Returns a tuple of:
    - out: float64 array of x's shape.
    - cache: what relu_backward needs.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    mask = x > 0
    return np.where(mask, x, 0.0), mask
    # END SOLUTION


def relu_backward(dout, cache):
    """Backward pass of ReLU: dx = dout where x > 0, and 0 where x <= 0.

    Convention at the kink: the derivative at exactly x = 0 is taken as 0.
    Do not change dout in place (copy it or build a new array).

    Inputs:
    - dout: upstream gradient, x's shape.
    - cache: from relu_forward.

    Returns:
    - dx: float64 array of x's shape.
    """
    # BEGIN SOLUTION
    mask = cache
    return np.where(mask, np.asarray(dout, dtype=np.float64), 0.0)
    # END SOLUTION


def tanh_forward(x):
    """Hyperbolic-tangent layer: out = tanh(x), elementwise (004 section 5.2.5).

    Inputs:
    - x: array of any shape, any real dtype.

    Returns a tuple of:
    - out: float64 array of x's shape, values in [-1, 1].
    - cache: what tanh_backward needs (the output is enough).
    """
    # BEGIN SOLUTION
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out
    # END SOLUTION


def tanh_backward(dout, cache):
    """Backward pass of tanh: dx = dout * (1 - tanh(x)^2).

    Inputs:
    - dout: upstream gradient, x's shape.
    - cache: from tanh_forward.

    Returns:
    - dx: float64 array of x's shape.
    """
    # BEGIN SOLUTION
    out = cache
    return np.asarray(dout, dtype=np.float64) * (1.0 - out ** 2)
    # END SOLUTION


# ---------------------------------------------------------------------------
# Numerical gradient (003 section 4.1, gradient check in 003 section 5.2.4)
# ---------------------------------------------------------------------------

def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f() with respect to x.

    f takes no argument: it reads x (closes over it). For every entry x[i]:

        x[i] = old + h;  f_plus  = f()
        x[i] = old - h;  f_minus = f()
        x[i] = old                          # restore before moving on
        grad[i] = (f_plus - f_minus) / (2 h)

    x is perturbed in place (that is how f sees the change) and every entry is
    put back, so x holds its original values when the function returns. Visit
    every entry of an array of any shape (e.g. with np.ndindex or x.flat).

    Inputs:
    - f: callable with no arguments returning a real scalar.
    - x: float64 array of any shape, the variable f depends on.
    - h: the step (default 1e-5).

    Returns:
    - grad: float64 array of x's shape.
    """
    # BEGIN SOLUTION
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = float(f())
        x[idx] = old - h
        f_minus = float(f())
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
    # END SOLUTION


# ---------------------------------------------------------------------------
# A three-layer network: input, one hidden layer, output (004 fig 5-7)
# ---------------------------------------------------------------------------

class ThreeLayerNet:
    """Input layer, one hidden layer and one output layer, trained by backpropagation.

    Forward pass for a batch X of shape (N, D) (004 eqs 5-2, 5-3, row-vector form):

        net1 = X @ W1 + b1           (N, H)
        Hid  = f(net1)               f = hidden_activation: sigmoid, relu or tanh
        net2 = Hid @ W2 + b2         (N, O)
        out  = g(net2)               g = output_activation: sigmoid or softmax

    Loss (a Python float), averaged over the N samples:

    - output "sigmoid": E = (1/N) * sum_n  1/2 * sum_k (out[n, k] - T[n, k])^2
      (004 eq 5-4 per sample); T has shape (N, O).
    - output "softmax": E = (1/N) * sum_n  -log softmax(net2[n])[t_n], computed from
      the logits net2 with log-sum-exp (stable for huge logits); T is either one-hot
      of shape (N, O) or integer class labels of shape (N,).
    - weight decay (003 section 6.4.2): plus 1/2 * lambda * (sum(W1**2) + sum(W2**2)).
      The biases are never decayed.

    Backward pass (004 eqs 5-9 to 5-17, batch-averaged, see the handout):

        delta2 = dE/dnet2 = (out - T) * out * (1 - out) / N     (sigmoid output)
                          = (softmax(net2) - onehot(T)) / N      (softmax output)
        dW2 = Hid^T delta2 + lambda W2,      db2 = sum of delta2 over the batch
        delta1 = (delta2 @ W2^T) * f'(net1)
        dW1 = X^T delta1 + lambda W1,        db1 = sum of delta1 over the batch

    Initialisation (003 section 6.2): rng = np.random.default_rng(seed), then

        W1 = rng.standard_normal((n_input, n_hidden)) * std(fan_in=n_input)
        W2 = rng.standard_normal((n_hidden, n_output)) * std(fan_in=n_hidden)

    in exactly this order (W1 first), biases zero. std is sqrt(1 / fan_in) for
    "xavier", sqrt(2 / fan_in) for "he" and 0.01 for "normal".

    Attributes:
    - params: dict of float64 arrays "W1" (n_input, n_hidden), "b1" (n_hidden,),
      "W2" (n_hidden, n_output), "b2" (n_output,).
    - hidden_activation, output_activation, init, weight_decay: the constructor's
      arguments.

    Raises ValueError (naming the argument) for an unknown hidden_activation,
    output_activation or init.
    """

    def __init__(self, n_input, n_hidden, n_output, hidden_activation="sigmoid",
                 output_activation="sigmoid", init="xavier", weight_decay=0.0, seed=0):
        """Check the option names, then draw W1 and W2 as the class docstring says.

        Inputs:
        - n_input, n_hidden, n_output: layer sizes D, H, O (positive ints).
        - hidden_activation: "sigmoid", "relu" or "tanh".
        - output_activation: "sigmoid" or "softmax".
        - init: "xavier", "he" or "normal".
        - weight_decay: lambda >= 0.
        - seed: seed of the np.random.default_rng that draws W1 then W2.
        """
        # BEGIN SOLUTION
        if hidden_activation not in ("sigmoid", "relu", "tanh"):
            raise ValueError(f"hidden_activation must be 'sigmoid', 'relu' or 'tanh', got {hidden_activation!r}")
        if output_activation not in ("sigmoid", "softmax"):
            raise ValueError(f"output_activation must be 'sigmoid' or 'softmax', got {output_activation!r}")
        if init not in ("xavier", "he", "normal"):
            raise ValueError(f"init must be 'xavier', 'he' or 'normal', got {init!r}")
        self.hidden_activation = hidden_activation
        self.output_activation = output_activation
        self.init = init
        self.weight_decay = float(weight_decay)

        def std(fan_in):
            if init == "xavier":
                return np.sqrt(1.0 / fan_in)
            if init == "he":
                return np.sqrt(2.0 / fan_in)
            return 0.01

        rng = np.random.default_rng(seed)
        W1 = rng.standard_normal((n_input, n_hidden)) * std(n_input)
        W2 = rng.standard_normal((n_hidden, n_output)) * std(n_hidden)
        self.params = {
            "W1": W1,
            "b1": np.zeros(n_hidden),
            "W2": W2,
            "b2": np.zeros(n_output),
        }
        # END SOLUTION

    # -- optional helpers: use them, change them or delete them (never tested) -

    def _forward_all(self, X):
        """Forward pass that keeps what the backward pass needs.

        Inputs:
        - X: inputs, shape (N, n_input).

        Returns a tuple of:
        - net2: output pre-activations (logits), shape (N, n_output).
        - out: output activations, shape (N, n_output).
        - caches: whatever gradient() needs (e.g. the layer caches).
        """
        # BEGIN SOLUTION
        p = self.params
        net1, cache1 = affine_forward(X, p["W1"], p["b1"])
        act_forward = {"sigmoid": sigmoid_forward, "relu": relu_forward,
                       "tanh": tanh_forward}[self.hidden_activation]
        hid, cache_act = act_forward(net1)
        net2, cache2 = affine_forward(hid, p["W2"], p["b2"])
        if self.output_activation == "sigmoid":
            out, _ = sigmoid_forward(net2)
        else:
            shifted = net2 - net2.max(axis=1, keepdims=True)
            e = np.exp(shifted)
            out = e / e.sum(axis=1, keepdims=True)
        return net2, out, (cache1, cache_act, cache2)
        # END SOLUTION

    def _targets(self, T, N):
        """Targets as a float64 array of shape (N, n_output).

        Integer labels of shape (N,) (softmax output only) become one-hot rows;
        other targets are checked for shape (N, n_output) and converted to float64.
        """
        # BEGIN SOLUTION
        T = np.asarray(T)
        O = self.params["b2"].shape[0]
        if self.output_activation == "softmax" and T.ndim == 1:
            if T.shape != (N,):
                raise ValueError(f"T: expected {N} integer labels, got shape {T.shape}")
            labels = T.astype(np.int64)
            if labels.min() < 0 or labels.max() >= O:
                raise ValueError(f"T: labels must lie in 0..{O - 1}")
            onehot = np.zeros((N, O))
            onehot[np.arange(N), labels] = 1.0
            return onehot
        if T.shape != (N, O):
            raise ValueError(f"T: expected shape {(N, O)}, got {T.shape}")
        return T.astype(np.float64)
        # END SOLUTION

    # -- the API --------------------------------------------------------------

    def forward(self, X):
        """Output activations for a batch.

        Inputs:
        - X: inputs, shape (N, n_input), any real dtype.

        Returns:
        - out: float64 array of shape (N, n_output): sigmoid outputs in [0, 1], or
          softmax probabilities (each row sums to 1).
        """
        # BEGIN SOLUTION
        return self._forward_all(X)[1]
        # END SOLUTION

    def loss(self, X, T):
        """Data loss averaged over the batch, plus weight decay (see the class docstring).

        Inputs:
        - X: inputs, shape (N, n_input).
        - T: targets. Sigmoid output: shape (N, n_output). Softmax output: one-hot
          of shape (N, n_output) or integer class labels of shape (N,).

        Returns:
        - loss: a Python float.
        """
        # BEGIN SOLUTION
        X = np.asarray(X, dtype=np.float64)
        N = X.shape[0]
        net2, out, _ = self._forward_all(X)
        Tm = self._targets(T, N)
        if self.output_activation == "sigmoid":
            data = 0.5 * np.sum((out - Tm) ** 2) / N
        else:
            m = net2.max(axis=1, keepdims=True)
            log_probs = net2 - m - np.log(np.sum(np.exp(net2 - m), axis=1, keepdims=True))
            data = -np.sum(Tm * log_probs) / N
        p = self.params
        decay = 0.5 * self.weight_decay * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        return float(data + decay)
        # END SOLUTION

    def gradient(self, X, T):
        """Gradients of loss(X, T) with respect to every parameter, by backpropagation.

        Inputs:
        - X, T: as for loss.

        Returns:
        - grads: dict with keys "W1", "b1", "W2", "b2", each a float64 array of the
          parameter's shape. The parameters themselves are not changed.
        """
        # BEGIN SOLUTION
        X = np.asarray(X, dtype=np.float64)
        N = X.shape[0]
        net2, out, (cache1, cache_act, cache2) = self._forward_all(X)
        Tm = self._targets(T, N)
        if self.output_activation == "sigmoid":
            delta2 = (out - Tm) * out * (1.0 - out) / N
        else:
            delta2 = (out - Tm) / N
        dhid, dW2, db2 = affine_backward(delta2, cache2)
        act_backward = {"sigmoid": sigmoid_backward, "relu": relu_backward,
                        "tanh": tanh_backward}[self.hidden_activation]
        delta1 = act_backward(dhid, cache_act)
        _, dW1, db1 = affine_backward(delta1, cache1)
        lam = self.weight_decay
        return {
            "W1": dW1 + lam * self.params["W1"],
            "b1": db1,
            "W2": dW2 + lam * self.params["W2"],
            "b2": db2,
        }
        # END SOLUTION

    def numerical_gradient(self, X, T):
        """The same dict as gradient, by central differences of loss(X, T).

        Use the module-level numerical_gradient on each parameter array in turn
        (perturb self.params[key] in place; f = lambda: self.loss(X, T)). Every
        parameter holds its original value when this returns.

        Returns:
        - grads: dict with keys "W1", "b1", "W2", "b2" (float64, parameter shapes).
        """
        # BEGIN SOLUTION
        f = lambda: self.loss(X, T)  # noqa: E731
        return {key: numerical_gradient(f, self.params[key]) for key in ("W1", "b1", "W2", "b2")}
        # END SOLUTION

    def train_step(self, X, T, lr):
        """One plain gradient-descent step on all four parameters.

        Computes every gradient first (from the current parameters), then updates
        each parameter: P <- P - lr * dL/dP (004 eq 5-7).

        Inputs:
        - X, T: as for loss.
        - lr: learning rate eta.

        Returns:
        - loss: loss(X, T) *before* the step, a Python float.
        """
        # BEGIN SOLUTION
        loss = self.loss(X, T)
        grads = self.gradient(X, T)
        for key, g in grads.items():
            self.params[key] -= lr * g
        return loss
        # END SOLUTION

    def predict(self, X):
        """Predicted classes.

        Inputs:
        - X: inputs, shape (N, n_input).

        Returns:
        - softmax output: integer class indices of shape (N,) (the argmax of each row).
        - sigmoid output: integer 0/1 array of shape (N, n_output), 1 where the output
          is > 0.5 (strictly; an output of exactly 0.5 predicts 0).
        """
        # BEGIN SOLUTION
        out = self.forward(X)
        if self.output_activation == "softmax":
            return np.argmax(out, axis=1)
        return (out > 0.5).astype(np.int64)
        # END SOLUTION
