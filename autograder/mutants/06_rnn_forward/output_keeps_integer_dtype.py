"""rnn_output computes in the inputs' dtype: all-integer inputs give an integer result."""
BREAKS = ["rnn_output"]
REPLACE = [("h = np.asarray(h, dtype=np.float64)", "h = np.asarray(h)")]
