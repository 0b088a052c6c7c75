"""The textbook's printed cell h = o * c (004 eq 5-37) instead of h = o * tanh(c), forward and backward consistent."""
BREAKS = ["lstm_step_forward", "lstm_forward"]
REPLACE = [
    ("tc = np.tanh(c)", "tc = c"),
    ("dc_total = dc + dh * o * (1.0 - tc ** 2)", "dc_total = dc + dh * o"),
]
