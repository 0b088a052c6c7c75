"""The previous state is read as h[:, t-1], which wraps to h[:, -1] (still zero) at t=0, ignoring h0 (kits.md #50)."""
BREAKS = ["rnn_forward"]
REPLACE = [("h_prev, cache_t = rnn_step_forward(x[:, t, :], h_prev, Wx, Wh, b)",
            "h_prev, cache_t = rnn_step_forward(x[:, t, :], h[:, t - 1, :], Wx, Wh, b)")]
