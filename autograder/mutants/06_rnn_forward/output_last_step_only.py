"""rnn_output reads out only the last step, shape (N, O) instead of (N, T, O)."""
BREAKS = ["rnn_output"]
REPLACE = [("return h @ W_out + b_out", "return h[:, -1, :] @ W_out + b_out")]
