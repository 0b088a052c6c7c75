"""The step backward drops the upstream cell-state gradient dc (kits.md #56)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("dc_total = dc + dh * o * (1.0 - tc ** 2)", "dc_total = dh * o * (1.0 - tc ** 2)")]
