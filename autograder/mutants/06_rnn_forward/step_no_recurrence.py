"""No recurrence: the previous state is never used (kits.md #52)."""
BREAKS = ["rnn_step_forward"]
REPLACE = [("a = x @ Wx + h_prev @ Wh + b", "a = x @ Wx + b")]
