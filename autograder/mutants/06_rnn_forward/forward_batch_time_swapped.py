"""rnn_forward stores the states time-major, (T, N, H) instead of (N, T, H) (kits.md #53)."""
BREAKS = ["rnn_forward"]
REPLACE = [("h = np.zeros((N, T, H))", "h = np.zeros((T, N, H))"),
           ("h[:, t, :] = h_prev", "h[t] = h_prev")]
