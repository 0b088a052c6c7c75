"""The first step starts from a zero hidden state instead of h0 (invisible when tests use h0 = 0)."""
BREAKS = ["lstm_forward", "lstm_backward"]
REPLACE = [("    h_prev = h0\n", "    h_prev = np.zeros((N, H))\n")]
