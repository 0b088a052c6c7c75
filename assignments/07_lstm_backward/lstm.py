"""Assignment 07: the LSTM cell, forward and backward, and backpropagation through time.

Seeds: 001 "长短时记忆网络", 004 section 5.5 (eqs 5-37 to 5-45).

Conventions used by every function in this file
-----------------------------------------------
- Row-vector form, batch axis first: x is (N, D), h is (N, H), and a layer
  computes x @ Wx, never Wx @ x.
- The four gates are stacked along the last axis of the weights, in the order
  input i, forget f, output o, candidate g, each block H wide:

      a = x @ Wx + h_prev @ Wh + b                          shape (N, 4H)
      i = sigmoid(a[:, 0:H])       input gate
      f = sigmoid(a[:, H:2H])      forget gate
      o = sigmoid(a[:, 2H:3H])     output gate
      g = tanh(a[:, 3H:4H])        candidate cell state
      c = f * c_prev + i * g       new cell state
      h = o * tanh(c)              new hidden state

  (004 prints h = c * o without the tanh; the graded cell is the standard one
  above, with the tanh.)
- Inputs may be integer arrays; all computation and every result is float64.
- No function modifies its arguments in place.
- The cache a forward function returns is yours: it is only ever passed back,
  unchanged, to the matching backward function.
- Nothing here is random.
"""

import numpy as np


def sigmoid(x):
    """Numerically stable logistic function 1 / (1 + exp(-x)), elementwise.

    Given to you: use it for the three gates. It never overflows, even for
    x = -1000 (a naive 1 / (1 + np.exp(-x)) does).

    Inputs:
    - x: array of any shape.

    Returns:
    - float64 array of x's shape, values in [0, 1].
    """
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def _check_shapes(x, h_prev, Wx, Wh, b, c_prev=None):
    """Raise ValueError (naming the argument) when the shapes do not fit together.

    Given to you and already called at the top of the forward functions.
    x is (N, D) for a step or (N, T, D) for a sequence.
    """
    if np.ndim(h_prev) != 2:
        raise ValueError(f"h_prev/h0 must have shape (N, H), got shape {np.shape(h_prev)}")
    N, H = np.shape(h_prev)
    D = np.shape(x)[-1]
    if np.shape(x)[0] != N:
        raise ValueError(f"x has batch size {np.shape(x)[0]} but h_prev/h0 has {N}")
    if np.shape(Wx) != (D, 4 * H):
        raise ValueError(f"Wx must have shape (D, 4H) = {(D, 4 * H)}, got {np.shape(Wx)}")
    if np.shape(Wh) != (H, 4 * H):
        raise ValueError(f"Wh must have shape (H, 4H) = {(H, 4 * H)}, got {np.shape(Wh)}")
    if np.shape(b) != (4 * H,):
        raise ValueError(f"b must have shape (4H,) = {(4 * H,)}, got {np.shape(b)}")
    if c_prev is not None and np.shape(c_prev) != (N, H):
        raise ValueError(f"c_prev must have shape (N, H) = {(N, H)}, got {np.shape(c_prev)}")


def lstm_step_forward(x, h_prev, c_prev, Wx, Wh, b):
    """Forward pass of one LSTM time step (004 eq 5-37, with the standard tanh on c).

    With a = x @ Wx + h_prev @ Wh + b split into four blocks of width H in the
    order i, f, o, g:

        i = sigmoid(a_i)   f = sigmoid(a_f)   o = sigmoid(a_o)   g = tanh(a_g)
        c = f * c_prev + i * g
        h = o * tanh(c)

    Inputs:
    - x: input data, shape (N, D).
    - h_prev: previous hidden state, shape (N, H).
    - c_prev: previous cell state, shape (N, H).
    - Wx: input-to-hidden weights, shape (D, 4H), gate blocks i, f, o, g.
    - Wh: hidden-to-hidden weights, shape (H, 4H), same block order.
    - b: biases, shape (4H,), same block order.

    Returns a tuple of:
    - h: next hidden state, float64, shape (N, H).
    - c: next cell state, float64, shape (N, H).
    - cache: whatever your lstm_step_backward needs.

    Must be numerically stable for large pre-activations (use sigmoid above).
    Raises ValueError (from the given shape check) when the shapes do not fit.
    """
    _check_shapes(x, h_prev, Wx, Wh, b, c_prev)
    # *** START OF YOUR CODE (lstm_step_forward) ***
    # TODO: implement `lstm_step_forward` as its docstring says.
    raise NotImplementedError("lstm_step_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def lstm_step_backward(dh, dc, cache):
    """Backward pass of one LSTM time step (004 eqs 5-44 and 5-45).

    The step is a function of (x, h_prev, c_prev, Wx, Wh, b) with two outputs
    (h, c); dh and dc are the upstream gradients dL/dh and dL/dc on them. Return
    the gradient of L on every input. Remember that the new cell state c reaches
    the loss along two paths, directly (dc) and through h = o * tanh(c), and
    that the four gate gradients go back through a = x @ Wx + h_prev @ Wh + b as
    one (N, 4H) array in the block order i, f, o, g. Useful derivatives:
    sigmoid'(a) = s (1 - s) with s = sigmoid(a), tanh'(a) = 1 - tanh(a)**2.

    Inputs:
    - dh: upstream gradient on h, shape (N, H).
    - dc: upstream gradient on c, shape (N, H).
    - cache: the cache from lstm_step_forward.

    Returns a tuple of (all float64):
    - dx: shape (N, D).
    - dh_prev: shape (N, H).
    - dc_prev: shape (N, H).
    - dWx: shape (D, 4H).
    - dWh: shape (H, 4H).
    - db: shape (4H,), summed over the batch.

    Do not modify dh or dc in place (the caller may reuse them).
    """
    # *** START OF YOUR CODE (lstm_step_backward) ***
    # TODO: implement `lstm_step_backward` as its docstring says.
    raise NotImplementedError("lstm_step_backward: not implemented yet")
    # *** END OF YOUR CODE ***


def lstm_forward(x, h0, Wx, Wh, b):
    """Forward pass of an LSTM over a whole sequence.

    The initial cell state is zero: c0 = zeros((N, H)). The initial hidden state
    h0 is given. For t = 0 .. T-1:

        h[:, t], c_t = lstm_step_forward(x[:, t], h_{t-1}, c_{t-1}, Wx, Wh, b)

    with h_{-1} = h0 and c_{-1} = c0.

    Inputs:
    - x: input sequence, shape (N, T, D).
    - h0: initial hidden state, shape (N, H).
    - Wx: shape (D, 4H); Wh: shape (H, 4H); b: shape (4H,). Gate order i, f, o, g.

    Returns a tuple of:
    - h: hidden states of all time steps, float64, shape (N, T, H).
    - cache: whatever your lstm_backward needs.

    Raises ValueError (from the given shape check) when the shapes do not fit.
    """
    if np.ndim(x) != 3:
        raise ValueError(f"x must have shape (N, T, D), got shape {np.shape(x)}")
    _check_shapes(x, h0, Wx, Wh, b)
    # *** START OF YOUR CODE (lstm_forward) ***
    # TODO: implement `lstm_forward` as its docstring says.
    raise NotImplementedError("lstm_forward: not implemented yet")
    # *** END OF YOUR CODE ***


def lstm_backward(dh, cache):
    """Backward pass of an LSTM over a whole sequence: backpropagation through time.

    dh[:, t] is the gradient of the loss on h[:, t] coming from outside the LSTM
    (e.g. from a read-out at every step). Walk the steps backwards, t = T-1 .. 0,
    carrying two gradients from step t+1 to step t (004 eqs 5-39 to 5-45):

        dh_next: gradient on h_t through step t+1   (zero at t = T-1)
        dc_next: gradient on c_t through step t+1   (zero at t = T-1)

    Step t receives dh[:, t] + dh_next on its h and dc_next on its c. The weights
    are shared by every step, so their gradients are summed over t.

    Inputs:
    - dh: upstream gradients on every hidden state, shape (N, T, H).
    - cache: the cache from lstm_forward.

    Returns a tuple of (all float64):
    - dx: shape (N, T, D).
    - dh0: gradient on the initial hidden state, shape (N, H).
    - dWx: shape (D, 4H).
    - dWh: shape (H, 4H).
    - db: shape (4H,).

    Do not modify dh in place.
    """
    # *** START OF YOUR CODE (lstm_backward) ***
    # TODO: implement `lstm_backward` as its docstring says.
    raise NotImplementedError("lstm_backward: not implemented yet")
    # *** END OF YOUR CODE ***
