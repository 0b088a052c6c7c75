"""The cell-state carry forgets the forget gate: dc_prev = dc_total instead of dc_total * f (kits.md #57)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("dc_prev = dc_total * f", "dc_prev = dc_total")]
