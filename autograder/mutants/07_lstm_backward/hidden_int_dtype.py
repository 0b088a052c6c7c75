"""The sequence's hidden states are stored with h0's dtype, so integer h0 truncates them to integers."""
BREAKS = ["lstm_forward"]
REPLACE = [("h = np.empty((N, T, H))", "h = np.empty((N, T, H), dtype=np.asarray(h0).dtype)")]
