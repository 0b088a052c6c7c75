"""Assignment 02: activation functions, softmax and loss functions, with their derivatives.

Seeds: 000 sections 5.2.2-5.2.3, 002 sections 1.4-1.5, 003 sections 2-3, 004 sections 5.2.5 and 5.2.7.

Conventions for the whole module:

- Inputs are numpy arrays of any shape (or Python scalars), possibly of integer
  dtype. Compute in float64 and return new float64 arrays; for a 0-d input a
  numpy scalar or a 0-d array are both fine.
- Never modify an argument in place (write ``x = x - m``, not ``x -= m``).
- Activations work elementwise; ``f_grad(x)`` is the derivative f'(x) at x, an
  array of x's shape.
- Losses take ``(y_pred, y_true, ..., reduction="mean")`` and return a Python
  float (any real scalar is fine). ``reduction="mean"`` averages, ``"sum"``
  adds up; any other value raises ValueError. ``y_pred`` and ``y_true`` must
  have the same shape, otherwise ValueError: a prediction of shape (N, 1) is
  never silently broadcast against targets of shape (N,). The one exception is
  integer class labels for the cross-entropies.
- Each ``loss_grad(...)`` takes the same arguments as its loss and returns
  dLoss/dy_pred, an array of y_pred's shape, for the same reduction (a "mean"
  loss has a "mean" gradient: divide by the same count).
- Numerically stable: no overflow, nan or inf for large inputs; the tests run
  the stability cases under
  ``np.errstate(over="raise", invalid="raise", divide="raise")``.
"""

import numpy as np

# ---------------------------------------------------------------------------
# Helpers given to you (use them; do not change them)
# ---------------------------------------------------------------------------


def _check_reduction(reduction):
    """Raise ValueError unless ``reduction`` is "mean" or "sum"."""
    if reduction not in ("mean", "sum"):
        raise ValueError(f"reduction must be 'mean' or 'sum', got {reduction!r}")


def _check_same_shape(a, b, name_a="y_pred", name_b="y_true"):
    """Raise ValueError unless ``a`` and ``b`` have exactly the same shape.

    numpy would happily broadcast a (N, 1) prediction against (N,) targets into
    an (N, N) array of differences: that is a bug, never what a loss means.
    """
    shape_a, shape_b = np.shape(a), np.shape(b)
    if shape_a != shape_b:
        raise ValueError(f"{name_a} and {name_b} must have the same shape, "
                         f"got {name_a} {shape_a} and {name_b} {shape_b}")


# ---------------------------------------------------------------------------
# Activation functions (000 section 5.2.2, 002 section 1.4, 004 section 5.2.5)
# ---------------------------------------------------------------------------


def sigmoid(x):
    """Logistic sigmoid s(x) = 1 / (1 + e^(-x)), elementwise (000 eq 5-5, 004 eq 5-24).

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.

    Returns:
    - s: float64 array of x's shape, every entry in [0, 1].

    Must not overflow for any finite x: sigmoid(-1000) is 0.0 and sigmoid(1000)
    is 1.0, with no overflow warning. The naive formula computes e^1000 for
    x = -1000. Hint: for x < 0 write s(x) = e^x / (1 + e^x), so that every
    exponent you evaluate is <= 0 (np.where evaluates BOTH branches, so give it
    only safe ones).
    """
    # *** START OF YOUR CODE (sigmoid) ***
    # TODO: implement `sigmoid` as its docstring says.
    raise NotImplementedError("sigmoid: not implemented yet")
    # *** END OF YOUR CODE ***


def sigmoid_grad(x):
    """Derivative of the sigmoid at x: s'(x) = s(x) (1 - s(x)) (004 section 5.2.5).

    Inputs:
    - x: array of any shape (or a scalar), any real dtype. Note: x is the input
      of the sigmoid, not its output.

    Returns:
    - ds: float64 array of x's shape. s'(0) = 0.25 is the largest value.
    """
    # *** START OF YOUR CODE (sigmoid_grad) ***
    # TODO: implement `sigmoid_grad` as its docstring says.
    raise NotImplementedError("sigmoid_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def tanh(x):
    """Hyperbolic tangent (000 eq 5-6, 002 eq 1.9, 004 eq 5-25), elementwise.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.

    Returns:
    - t: float64 array of x's shape, entries in [-1, 1]; finite for any finite x
      (tanh(1000) is 1.0: no overflow).
    """
    # *** START OF YOUR CODE (tanh) ***
    # TODO: implement `tanh` as its docstring says.
    raise NotImplementedError("tanh: not implemented yet")
    # *** END OF YOUR CODE ***


def tanh_grad(x):
    """Derivative of tanh at x: 1 - tanh(x)^2.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype (the input of tanh).

    Returns:
    - dt: float64 array of x's shape.
    """
    # *** START OF YOUR CODE (tanh_grad) ***
    # TODO: implement `tanh_grad` as its docstring says.
    raise NotImplementedError("tanh_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def relu(x):
    """Rectified linear unit max(0, x), elementwise (000 eq 5-7, 004 eq 5-27).

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.

    Returns:
    - out: float64 array of x's shape (also for integer x: relu of an int array
      is a float array).
    """
    # *** START OF YOUR CODE (relu) ***
    # TODO: implement `relu` as its docstring says.
    raise NotImplementedError("relu: not implemented yet")
    # *** END OF YOUR CODE ***


def relu_grad(x):
    """Derivative of ReLU: 1.0 where x > 0, 0.0 where x <= 0.

    ReLU has a kink at 0; this course takes the derivative there to be 0
    (strict inequality, as in 004 eq 5-27 where f(x) = 0 for x <= 0).

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.

    Returns:
    - d: float64 array of x's shape with entries 0.0 or 1.0; relu_grad(0) == 0.0.
    """
    # *** START OF YOUR CODE (relu_grad) ***
    # TODO: implement `relu_grad` as its docstring says.
    raise NotImplementedError("relu_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def leaky_relu(x, alpha=0.01):
    """Leaky ReLU (000 eq 5-8): x where x >= 0, alpha * x where x < 0.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.
    - alpha: slope for negative inputs, a small positive float.

    Returns:
    - out: float64 array of x's shape.
    """
    # *** START OF YOUR CODE (leaky_relu) ***
    # TODO: implement `leaky_relu` as its docstring says.
    raise NotImplementedError("leaky_relu: not implemented yet")
    # *** END OF YOUR CODE ***


def leaky_relu_grad(x, alpha=0.01):
    """Derivative of leaky ReLU: alpha where x < 0, 1.0 where x >= 0.

    At the kink x = 0 the derivative is taken to be 1.0 (the x >= 0 branch of
    000 eq 5-8). Note that it is alpha, not alpha * x.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.
    - alpha: slope for negative inputs.

    Returns:
    - d: float64 array of x's shape.
    """
    # *** START OF YOUR CODE (leaky_relu_grad) ***
    # TODO: implement `leaky_relu_grad` as its docstring says.
    raise NotImplementedError("leaky_relu_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def elu(x, alpha=1.0):
    """Exponential linear unit (000 eq 5-9): x where x >= 0, alpha (e^x - 1) where x < 0.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.
    - alpha: scale of the negative branch (its limit as x -> -inf is -alpha).

    Returns:
    - out: float64 array of x's shape.

    Must not overflow for large positive x: elu(1000) is 1000.0 with no
    overflow warning. np.where evaluates both branches, so do not compute e^x
    where x is large; evaluate the exponential on min(x, 0) instead.
    """
    # *** START OF YOUR CODE (elu) ***
    # TODO: implement `elu` as its docstring says.
    raise NotImplementedError("elu: not implemented yet")
    # *** END OF YOUR CODE ***


def elu_grad(x, alpha=1.0):
    """Derivative of ELU: alpha * e^x where x < 0, 1.0 where x >= 0.

    At the kink x = 0 the derivative is taken to be 1.0 (the x >= 0 branch).
    Like elu, keep it free of overflow for large positive x.

    Inputs:
    - x: array of any shape (or a scalar), any real dtype.
    - alpha: scale of the negative branch.

    Returns:
    - d: float64 array of x's shape.
    """
    # *** START OF YOUR CODE (elu_grad) ***
    # TODO: implement `elu_grad` as its docstring says.
    raise NotImplementedError("elu_grad: not implemented yet")
    # *** END OF YOUR CODE ***


# ---------------------------------------------------------------------------
# Softmax (002 eq 1.12, 003 section 2.4)
# ---------------------------------------------------------------------------


def softmax(x, axis=-1):
    """Softmax along one axis: y_k = e^(x_k) / sum_i e^(x_i) (002 eq 1.12).

    Inputs:
    - x: array of any shape (scores, "logits"), any real dtype.
    - axis: the axis along which the outputs sum to 1 (default: the last one,
      so that for x of shape (N, K) every row is a probability vector).

    Returns:
    - s: float64 array of x's shape; all entries in [0, 1]; summing s along
      `axis` gives 1.

    Numerically stable (003 section 2.4): subtracting any constant C from every
    x_k along `axis` leaves the result unchanged, so subtract the maximum along
    `axis` before exponentiating. softmax([1000, 1001, 1002]) must equal
    softmax([0, 1, 2]) with no overflow. Do not modify x in place.
    """
    # *** START OF YOUR CODE (softmax) ***
    # TODO: implement `softmax` as its docstring says.
    raise NotImplementedError("softmax: not implemented yet")
    # *** END OF YOUR CODE ***


def softmax_backward(dout, s, axis=-1):
    """Backward pass of softmax: the gradient with respect to its input.

    Given the upstream gradient dout = dL/ds and the forward output
    s = softmax(x, axis), return

        dL/dx = s * (dout - sum(dout * s, along axis, keepdims))

    This uses the full Jacobian ds_j/dx_k = s_j (delta_jk - s_k), not only its
    diagonal s_k (1 - s_k): every output of softmax depends on every input
    along `axis`.

    Inputs:
    - dout: upstream gradient, array of s's shape.
    - s: the output of softmax(x, axis), any shape.
    - axis: the axis softmax was taken along.

    Returns:
    - dx: float64 array of s's shape. Neither dout nor s is modified.
    """
    # *** START OF YOUR CODE (softmax_backward) ***
    # TODO: implement `softmax_backward` as its docstring says.
    raise NotImplementedError("softmax_backward: not implemented yet")
    # *** END OF YOUR CODE ***


# ---------------------------------------------------------------------------
# Regression losses (000 section 5.2.3, 003 section 3.2.1, 004 eq 5-4)
# ---------------------------------------------------------------------------


def mse(y_pred, y_true, reduction="mean"):
    """Mean squared error (000 eq 5-10): the per-element term is (y_pred - y_true)^2.

    Inputs:
    - y_pred: predictions, array of any shape, any real dtype.
    - y_true: targets, array of exactly y_pred's shape.
    - reduction: "mean" averages over ALL elements (every entry of a (N, D)
      array counts, so divide by N * D); "sum" adds them up.

    Returns:
    - loss: a Python float.

    Raises ValueError if the shapes differ (use _check_same_shape) or if
    reduction is neither "mean" nor "sum" (use _check_reduction).
    """
    # *** START OF YOUR CODE (mse) ***
    # TODO: implement `mse` as its docstring says.
    raise NotImplementedError("mse: not implemented yet")
    # *** END OF YOUR CODE ***


def mse_grad(y_pred, y_true, reduction="mean"):
    """Gradient of mse with respect to y_pred: 2 (y_pred - y_true), divided by
    the number of elements for reduction="mean".

    Inputs and errors as for mse.

    Returns:
    - dy_pred: float64 array of y_pred's shape (also for integer inputs).
    """
    # *** START OF YOUR CODE (mse_grad) ***
    # TODO: implement `mse_grad` as its docstring says.
    raise NotImplementedError("mse_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def sse(y_pred, y_true):
    """Sum of squared errors with a factor one half (003 section 3.2.1, 004 eq 5-4):

        E = 1/2 * sum over all elements of (y_pred - y_true)^2

    There is no `reduction` argument: it is always this sum.

    Inputs:
    - y_pred: predictions, array of any shape, any real dtype.
    - y_true: targets, array of exactly y_pred's shape.

    Returns:
    - loss: a Python float.

    Raises ValueError if the shapes differ.
    """
    # *** START OF YOUR CODE (sse) ***
    # TODO: implement `sse` as its docstring says.
    raise NotImplementedError("sse: not implemented yet")
    # *** END OF YOUR CODE ***


def sse_grad(y_pred, y_true):
    """Gradient of sse with respect to y_pred: y_pred - y_true (the 1/2 cancels the 2).

    Returns:
    - dy_pred: float64 array of y_pred's shape.

    Raises ValueError if the shapes differ.
    """
    # *** START OF YOUR CODE (sse_grad) ***
    # TODO: implement `sse_grad` as its docstring says.
    raise NotImplementedError("sse_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def l1(y_pred, y_true, reduction="mean"):
    """L1 loss (000 eq 5-11): the per-element term is |d| with d = y_pred - y_true.

    Inputs:
    - y_pred, y_true: arrays of the same (any) shape, any real dtype.
    - reduction: "mean" averages over all elements, "sum" adds them up
      (000 eq 5-11 is the sum).

    Returns:
    - loss: a Python float.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (l1) ***
    # TODO: implement `l1` as its docstring says.
    raise NotImplementedError("l1: not implemented yet")
    # *** END OF YOUR CODE ***


def l1_grad(y_pred, y_true, reduction="mean"):
    """Gradient of l1 with respect to y_pred: sign(d), divided by the number of
    elements for reduction="mean".

    |d| has a kink at d = 0; this course takes the derivative there to be 0
    (as np.sign does).

    Returns:
    - dy_pred: float64 array of y_pred's shape.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (l1_grad) ***
    # TODO: implement `l1_grad` as its docstring says.
    raise NotImplementedError("l1_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def smooth_l1(y_pred, y_true, reduction="mean"):
    """Smooth L1 loss (000 eq 5-13), per element with d = y_pred - y_true:

        1/2 d^2      if |d| < 1
        |d| - 1/2    if |d| >= 1

    (the two pieces meet at |d| = 1 with value 1/2 and slope +-1).

    Inputs:
    - y_pred, y_true: arrays of the same (any) shape, any real dtype.
    - reduction: "mean" averages over all elements, "sum" adds them up.

    Returns:
    - loss: a Python float.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (smooth_l1) ***
    # TODO: implement `smooth_l1` as its docstring says.
    raise NotImplementedError("smooth_l1: not implemented yet")
    # *** END OF YOUR CODE ***


def smooth_l1_grad(y_pred, y_true, reduction="mean"):
    """Gradient of smooth_l1 with respect to y_pred: d where |d| < 1, sign(d)
    where |d| >= 1 (that is, d clipped to [-1, 1]); divided by the number of
    elements for reduction="mean".

    Returns:
    - dy_pred: float64 array of y_pred's shape.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (smooth_l1_grad) ***
    # TODO: implement `smooth_l1_grad` as its docstring says.
    raise NotImplementedError("smooth_l1_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def huber(y_pred, y_true, delta=1.0, reduction="mean"):
    """Huber loss (000 eq 5-14), per element with d = y_pred - y_true:

        1/2 d^2                        if |d| <= delta
        delta |d| - 1/2 delta^2        if |d| > delta

    For delta = 1 it coincides with smooth_l1; for other delta it does not
    (smooth L1 always switches at |d| = 1).

    Inputs:
    - y_pred, y_true: arrays of the same (any) shape, any real dtype.
    - delta: positive float, where the quadratic part ends.
    - reduction: "mean" averages over all elements, "sum" adds them up.

    Returns:
    - loss: a Python float.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (huber) ***
    # TODO: implement `huber` as its docstring says.
    raise NotImplementedError("huber: not implemented yet")
    # *** END OF YOUR CODE ***


def huber_grad(y_pred, y_true, delta=1.0, reduction="mean"):
    """Gradient of huber with respect to y_pred: d where |d| <= delta, delta *
    sign(d) where |d| > delta (that is, d clipped to [-delta, delta]); divided
    by the number of elements for reduction="mean".

    Returns:
    - dy_pred: float64 array of y_pred's shape.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (huber_grad) ***
    # TODO: implement `huber_grad` as its docstring says.
    raise NotImplementedError("huber_grad: not implemented yet")
    # *** END OF YOUR CODE ***


# ---------------------------------------------------------------------------
# Divergence and cross-entropies (000 eqs 5-15 to 5-17, 002 eqs 1.13-1.15,
# 003 sections 3.2.2 and 5.2.3, 004 eq 5-29)
# ---------------------------------------------------------------------------


def kl_divergence(q_pred, p_true, eps=1e-12, reduction="mean"):
    """Kullback-Leibler divergence D_KL(P || Q) (000 eq 5-15, 002 eq 1.13).

    For every distribution (every index of the leading axes):

        D = sum over the LAST axis k of  p_k * log(p_k / q_k)

    with the conventions
    - 0 * log(0 / q) = 0: entries with p_k = 0 contribute nothing (no nan);
    - q is clipped to [eps, 1] before the log, so q_k = 0 gives a large but
      finite value.
    Note the argument order: the prediction q comes first, like y_pred in
    every loss, and the true distribution p second; D_KL is not symmetric.

    Inputs:
    - q_pred: predicted probabilities, shape (..., K), e.g. (N, K) or (K,).
    - p_true: true probabilities, exactly q_pred's shape.
    - eps: lower clipping bound for q.
    - reduction: "mean" averages the per-distribution values over the leading
      (batch) entries, i.e. divides the total by q_pred.size // K (for a single
      distribution of shape (K,) it is that distribution's D); "sum" adds them.

    Returns:
    - loss: a Python float.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (kl_divergence) ***
    # TODO: implement `kl_divergence` as its docstring says.
    raise NotImplementedError("kl_divergence: not implemented yet")
    # *** END OF YOUR CODE ***


def kl_divergence_grad(q_pred, p_true, eps=1e-12, reduction="mean"):
    """Gradient of kl_divergence with respect to q_pred: -p / q, divided by
    the number of distributions (q_pred.size // K) for reduction="mean".

    Clipping: the loss uses clip(q, eps, 1). Where q lies inside [eps, 1] the
    gradient is -p / q; where the clip is active (q < eps or q > 1) the clipped
    expression does not depend on q, and this reference returns 0 there. The
    tests only evaluate the gradient with q well inside (eps, 1).

    Returns:
    - dq_pred: float64 array of q_pred's shape (0 wherever p = 0).

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (kl_divergence_grad) ***
    # TODO: implement `kl_divergence_grad` as its docstring says.
    raise NotImplementedError("kl_divergence_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def _as_onehot(target, probs_shape, name="target"):
    """Turn a cross-entropy target into a float64 array of shape probs_shape.

    A helper for cross_entropy, softmax_cross_entropy and their gradients
    (write it once, use it four times).

    Inputs:
    - target: either
      * integer class labels of shape probs_shape[:-1] (e.g. (N,) for probs of
        shape (N, K)), each in 0 .. K-1: returned as one-hot rows; or
      * an array of exactly probs_shape (one-hot rows, or any probabilities):
        returned as float64.
    - probs_shape: the shape (..., K) of the predictions.

    Returns:
    - t: float64 array of shape probs_shape.

    Raises ValueError for any other shape (labels of shape (N, 1) for probs of
    shape (N, K) are an error, not something to broadcast), for labels that are
    not integers, and for labels outside 0 .. K-1.
    """
    # *** START OF YOUR CODE (_as_onehot) ***
    # TODO: implement `_as_onehot` as its docstring says.
    raise NotImplementedError("_as_onehot: not implemented yet")
    # *** END OF YOUR CODE ***


def cross_entropy(probs, target, eps=1e-12, reduction="mean"):
    """Cross-entropy of predicted probabilities (000 eq 5-16, 002 eq 1.14, 003 section 3.2.2).

    Per sample (every index of the leading axes):

        L = - sum over the LAST axis k of  t_k * log(clip(p_k, eps, 1))

    Inputs:
    - probs: predicted probabilities, shape (..., K), e.g. (N, K) or (K,).
    - target: either integer class labels of shape probs.shape[:-1] (e.g. (N,);
      label c means t is the one-hot row with t_c = 1), or an array of exactly
      probs' shape (one-hot rows).
    - eps: lower clipping bound for probs: a probability of exactly 0 gives
      -log(eps) (about 27.6 for the default), never inf.
    - reduction: "mean" averages over samples, i.e. divides the total by
      probs.size // K (NOT by the number of elements); "sum" adds them.

    Returns:
    - loss: a Python float.

    Raises ValueError if target is neither labels of shape probs.shape[:-1] nor
    an array of probs' shape (labels of shape (N, 1) are an error), or for an
    unknown reduction.
    """
    # *** START OF YOUR CODE (cross_entropy) ***
    # TODO: implement `cross_entropy` as its docstring says.
    raise NotImplementedError("cross_entropy: not implemented yet")
    # *** END OF YOUR CODE ***


def cross_entropy_grad(probs, target, eps=1e-12, reduction="mean"):
    """Gradient of cross_entropy with respect to probs: -t / p, divided by the
    number of samples (probs.size // K) for reduction="mean".

    Clipping: where probs lies inside [eps, 1] the gradient is -t / p; where the
    clip is active it is the derivative of the clipped expression, 0 (the tests
    only evaluate the gradient with probs well inside (eps, 1)).

    Returns:
    - dprobs: float64 array of probs' shape (also when target holds labels).

    Raises ValueError as cross_entropy does.
    """
    # *** START OF YOUR CODE (cross_entropy_grad) ***
    # TODO: implement `cross_entropy_grad` as its docstring says.
    raise NotImplementedError("cross_entropy_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def binary_cross_entropy(p, y, eps=1e-12, reduction="mean"):
    """Binary cross-entropy (002 eq 1.15, 004 eq 5-29), per element:

        -[ y log(p) + (1 - y) log(1 - p) ]   with p clipped to [eps, 1 - eps]

    Inputs:
    - p: predicted probabilities of class 1 (e.g. sigmoid outputs), any shape.
    - y: targets in [0, 1] (usually 0/1), exactly p's shape.
    - eps: clipping bound; p = 0 or p = 1 give a large finite loss, never inf
      or nan.
    - reduction: "mean" averages over all elements, "sum" adds them up.

    Returns:
    - loss: a Python float.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (binary_cross_entropy) ***
    # TODO: implement `binary_cross_entropy` as its docstring says.
    raise NotImplementedError("binary_cross_entropy: not implemented yet")
    # *** END OF YOUR CODE ***


def binary_cross_entropy_grad(p, y, eps=1e-12, reduction="mean"):
    """Gradient of binary_cross_entropy with respect to p:

        -y / p + (1 - y) / (1 - p)  =  (p - y) / (p (1 - p)),

    divided by the number of elements for reduction="mean".

    Clipping: inside [eps, 1 - eps] the formula above; where the clip is active
    the derivative of the clipped expression, 0 (the tests only evaluate the
    gradient with p well inside (eps, 1 - eps)).

    Returns:
    - dp: float64 array of p's shape.

    Raises ValueError for different shapes or an unknown reduction.
    """
    # *** START OF YOUR CODE (binary_cross_entropy_grad) ***
    # TODO: implement `binary_cross_entropy_grad` as its docstring says.
    raise NotImplementedError("binary_cross_entropy_grad: not implemented yet")
    # *** END OF YOUR CODE ***


def softmax_cross_entropy(logits, target, reduction="mean"):
    """Cross-entropy of softmax(logits), computed stably from the logits
    (000 eq 5-17, 003 section 5.2.3).

    Per sample, with x the logits along the last axis:

        log softmax(x)_k = x_k - m - log(sum_j e^(x_j - m)),   m = max_j x_j
        L = - sum over k of  t_k * log softmax(x)_k

    (log-sum-exp: never take the log of a softmax that may have underflowed
    to 0, never exponentiate a large logit).

    Inputs:
    - logits: scores, shape (..., K), e.g. (N, K), any real dtype.
    - target: integer labels of shape logits.shape[:-1], or one-hot rows of
      logits' shape (as for cross_entropy).
    - reduction: "mean" averages over samples (divide by logits.size // K),
      "sum" adds them.

    Returns:
    - loss: a Python float. Logits like [1000, 1001, 1002] work with no
      overflow and give the same loss as [0, 1, 2].

    Raises ValueError as cross_entropy does.
    """
    # *** START OF YOUR CODE (softmax_cross_entropy) ***
    # TODO: implement `softmax_cross_entropy` as its docstring says.
    raise NotImplementedError("softmax_cross_entropy: not implemented yet")
    # *** END OF YOUR CODE ***


def softmax_cross_entropy_grad(logits, target, reduction="mean"):
    """Gradient of softmax_cross_entropy with respect to the logits
    (003 section 5.2.3: softmax with loss backpropagates y - t):

        (softmax(logits) - t) / N   for "mean" (N = logits.size // K samples)
        softmax(logits) - t         for "sum"

    where t is the one-hot target. (For a target row that does not sum to 1 the
    exact gradient is softmax * sum_k t_k - t; the tests use one-hot rows.)

    Returns:
    - dlogits: float64 array of logits' shape.

    Raises ValueError as cross_entropy does.
    """
    # *** START OF YOUR CODE (softmax_cross_entropy_grad) ***
    # TODO: implement `softmax_cross_entropy_grad` as its docstring says.
    raise NotImplementedError("softmax_cross_entropy_grad: not implemented yet")
    # *** END OF YOUR CODE ***
