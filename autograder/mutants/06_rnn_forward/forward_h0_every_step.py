"""rnn_forward feeds h0 into every step instead of the previous state."""
BREAKS = ["rnn_forward"]
REPLACE = [("h_prev, cache_t = rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)",
            "h_prev, cache_t = rnn_step_forward(x[:, t, :], h0, Wx, Wh, b)")]
