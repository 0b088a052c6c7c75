"""The candidate's derivative is written 1 - g instead of 1 - g**2 (kits.md #10)."""
BREAKS = ["lstm_step_backward", "lstm_backward"]
REPLACE = [("dg * (1.0 - g ** 2),", "dg * (1.0 - g),")]
