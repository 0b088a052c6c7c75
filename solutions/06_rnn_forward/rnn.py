"""Assignment 06: the forward pass of a vanilla recurrent neural network (RNN).

Seeds: 001 "循环神经网络", 004 section 5.4 (figures 5-24 to 5-28).

Conventions used by every function in this file (CS231n's row-vector form):

- Batch axis first. N is the batch size, T the number of time steps, D the
  input size, H the state (hidden) size, O the output size.
- One step of the loop body (004 figure 5-27) is

      h_t = tanh(x_t Wx + h_{t-1} Wh + b)

  with x_t of shape (N, D), h_{t-1} of shape (N, H), Wx (D, H), Wh (H, H) and
  b (H,). Rows are samples, so a state is multiplied *from the left*:
  h_{t-1} @ Wh, never Wh @ h_{t-1}. Wh is in general not symmetric.
- The textbook (004 section 5.4.3) concatenates [h_{t-1}, x_t] and multiplies
  by one matrix w_rnn of shape (H + D, H) whose first H rows act on the state.
  That is the same computation: Wh = w_rnn[:H] and Wx = w_rnn[H:].
- The read-out layer (a fully connected layer shared by all steps) is
  o_t = h_t W_out + b_out with W_out (H, O) and b_out (O,).
- Inputs may be integer arrays; all computation is float64 and every result
  is a new float64 array. No function modifies its arguments.
- Forward functions return (out, cache). The cache holds whatever a backward
  pass would need; it is opaque (the grader only passes it around). This
  assignment has no backward pass.
- Only the shapes above are ever passed by the tests. The reference raises
  ValueError (naming the argument) for shapes that do not fit together, using
  the helpers _check_recurrence and _check_readout given below; you may call
  them too, but you do not have to.
"""

import numpy as np


def _check_recurrence(x, h, Wx, Wh, b, h_name, x_ndim):
    """Raise ValueError, naming the argument, when the shapes do not fit.

    x must have x_ndim axes (2: (N, D), 3: (N, T, D)), Wx (D, H), Wh (H, H),
    b (H,) and h (the state called h_name) (N, H).
    """
    xs, ws = np.shape(x), np.shape(Wx)
    if len(xs) != x_ndim:
        want = "(N, D)" if x_ndim == 2 else "(N, T, D)"
        raise ValueError(f"x must have shape {want}, got shape {xs}")
    if len(ws) != 2 or ws[0] != xs[-1]:
        raise ValueError(f"Wx must have shape (D, H) with D = {xs[-1]} (x's last axis), got shape {ws}")
    H = ws[1]
    if np.shape(Wh) != (H, H):
        raise ValueError(f"Wh must have shape (H, H) = ({H}, {H}), got shape {np.shape(Wh)}")
    if np.shape(b) != (H,):
        raise ValueError(f"b must have shape (H,) = ({H},), got shape {np.shape(b)}")
    if np.shape(h) != (xs[0], H):
        raise ValueError(f"{h_name} must have shape (N, H) = ({xs[0]}, {H}), got shape {np.shape(h)}")


def _check_readout(h, W_out, b_out):
    """Raise ValueError, naming the argument, when W_out (H, O) or b_out (O,) do not fit h (..., H)."""
    ws = np.shape(W_out)
    if len(ws) != 2 or ws[0] != np.shape(h)[-1]:
        raise ValueError(f"W_out must have shape (H, O) with H = {np.shape(h)[-1]}, got shape {ws}")
    if np.shape(b_out) != (ws[1],):
        raise ValueError(f"b_out must have shape (O,) = ({ws[1]},), got shape {np.shape(b_out)}")


def rnn_step_forward(x, h_prev, Wx, Wh, b):
    """One time step of a vanilla RNN with a tanh activation.

        h = tanh(x @ Wx + h_prev @ Wh + b)

    Inputs:
    - x: input at this step, shape (N, D), any real dtype.
    - h_prev: state after the previous step, shape (N, H).
    - Wx: input-to-state weights, shape (D, H).
    - Wh: state-to-state (recurrent) weights, shape (H, H). Note the order
      h_prev @ Wh: row i of Wh holds the weights leaving state unit i. Wh is
      generally not symmetric, so Wh @ h_prev.T (or h_prev @ Wh.T) is wrong.
    - b: bias, shape (H,), added once.

    Returns a tuple of:
    - h: the new state, float64 array of shape (N, H), every entry in [-1, 1].
    - cache: whatever a backward pass would need (opaque; this assignment has
      no backward, but keep the (out, cache) form).

    Use np.tanh: it never overflows, whereas the textbook formula
    (e^a - e^-a) / (e^a + e^-a) overflows for |a| > 710. The tests include
    pre-activations in the thousands and run under
    np.errstate(over="raise", invalid="raise", divide="raise").
    Raises ValueError when the shapes do not fit together (see the module
    docstring; not graded).
    """
    # BEGIN SOLUTION
    _check_recurrence(x, h_prev, Wx, Wh, b, "h_prev", 2)
    x, h_prev, Wx, Wh, b = (np.asarray(v, dtype=np.float64) for v in (x, h_prev, Wx, Wh, b))
    a = x @ Wx + h_prev @ Wh + b
    h = np.tanh(a)
    cache = (x, h_prev, Wx, Wh, h)
    return h, cache
    # END SOLUTION


def rnn_forward(x, h0, Wx, Wh, b):
    """Run a vanilla RNN over a whole sequence (the unrolled network, 004 figure 5-25).

    Starting from h_{-1} = h0, for t = 0, 1, ..., T-1:

        h_t = tanh(x[:, t, :] @ Wx + h_{t-1} @ Wh + b)

    The same Wx, Wh and b are used at every step (parameters are shared
    over time). Step t uses the state produced by step t-1; only step 0
    uses h0. h0 is in general not zero.

    Inputs:
    - x: the input sequence, shape (N, T, D): batch first, then time.
      May be an integer array.
    - h0: initial state, shape (N, H); may be an integer array (e.g. zeros of
      dtype int), the states are float64 all the same.
    - Wx: shape (D, H); Wh: shape (H, H); b: shape (H,) (as in rnn_step_forward).

    Returns a tuple of:
    - h: float64 array of shape (N, T, H): h[:, t, :] is the state after
      step t, for every t (not only the last one, and not h0).
    - cache: opaque (for example the list of the step caches).

    Do not modify x or h0 (in particular, do not write the states into h0).
    Raises ValueError when the shapes do not fit together (not graded).
    """
    # BEGIN SOLUTION
    _check_recurrence(x, h0, Wx, Wh, b, "h0", 3)
    N, T, _ = np.shape(x)
    H = np.shape(h0)[1]
    h = np.zeros((N, T, H))
    caches = []
    h_prev = h0
    for t in range(T):
        h_prev, cache_t = rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)
        h[:, t, :] = h_prev
        caches.append(cache_t)
    return h, caches
    # END SOLUTION


def rnn_output(h, W_out, b_out):
    """Linear read-out of every state: o_t = h_t @ W_out + b_out, for every t.

    The read-out layer is a fully connected layer shared by all time steps
    (004 section 5.4.3); it has no activation.

    Inputs:
    - h: states, shape (N, T, H) (as returned by rnn_forward). May be an
      integer array.
    - W_out: read-out weights, shape (H, O).
    - b_out: read-out bias, shape (O,).

    Returns:
    - out: float64 array of shape (N, T, O): out[:, t, :] = h[:, t, :] @ W_out + b_out.
      It is float64 even when every input is an integer array.

    Raises ValueError when the shapes do not fit together (not graded).
    """
    # BEGIN SOLUTION
    _check_readout(h, W_out, b_out)
    h = np.asarray(h, dtype=np.float64)
    return h @ W_out + b_out
    # END SOLUTION


def rnn_many_to_one(x, h0, Wx, Wh, b, W_out, b_out):
    """A many-to-one RNN: read out only the state after the last step.

    Runs the RNN over the whole sequence (as rnn_forward, starting from h0)
    and applies the read-out layer to the last state h_{T-1} only:

        out = h_{T-1} @ W_out + b_out

    (e.g. sentiment classification of a sentence, 001 "循环神经网络").

    Inputs:
    - x: shape (N, T, D); h0: shape (N, H); Wx: (D, H); Wh: (H, H); b: (H,).
    - W_out: shape (H, O); b_out: shape (O,).

    Returns:
    - out: float64 array of shape (N, O).

    Raises ValueError when the shapes do not fit together (not graded).
    """
    # BEGIN SOLUTION
    h, _ = rnn_forward(x, h0, Wx, Wh, b)
    _check_readout(h, W_out, b_out)
    h_last = h[:, -1, :]
    return h_last @ W_out + b_out
    # END SOLUTION
