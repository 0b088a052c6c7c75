"""The gradient from h to c misses tanh'(c): dc_total = dc + dh * o (kits.md #58)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("dc_total = dc + dh * o * (1.0 - tc ** 2)", "dc_total = dc + dh * o")]
