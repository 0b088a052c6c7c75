"""rnn_forward stores the state before each step (h0, h_0, ..., h_{T-2}) instead of after it."""
BREAKS = ["rnn_forward"]
REPLACE = [("        h_prev, cache_t = rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)\n        h[:, t, :] = h_prev\n",
            "        h[:, t, :] = h_prev\n        h_prev, cache_t = rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)\n")]
