"""The state array takes x's dtype, so integer inputs truncate every state to an integer."""
BREAKS = ["rnn_forward"]
REPLACE = [("h = np.zeros((N, T, H))", "h = np.zeros((N, T, H), dtype=x.dtype)")]
